"""The index of an encrypted folder: in memory while growtui runs, sealed on disk in between.

The index holds the same notes as the session files, so in an encrypted
folder it never touches the disk in the clear. SQLite works on a database
in memory (its temporary storage in memory too, so no sort spills into a
file), and the whole database is serialised and sealed with the folder's
key after each change (``HASH.sealed`` in the cache folder), so the next
run does not have to open every file again. A sealed index that does not
open (another passphrase, damaged, an older format) is simply rebuilt.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from growtui import paths

if TYPE_CHECKING:
    from growtui.crypto import Vault


def default_location(root: Path) -> Path:
    """One index per sessions folder, named by a hash of the folder's real path."""
    return paths.cache_dir() / "index" / f"{paths.cache_name(root, 16)}.sqlite3"


def sealed_location(root: Path) -> Path:
    return default_location(root).with_suffix(".sealed")


def can_seal() -> bool:
    return hasattr(sqlite3.Connection, "serialize")  # SQLite built without it: in memory only


def remove_plain_index(root: Path) -> None:
    """Remove the plain index of a folder (and SQLite's side files): it holds the notes in the clear."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            Path(f"{default_location(root)}{suffix}").unlink()
        except OSError:
            pass


def memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def open_sealed(location: Path | None, vault: Vault, version: int) -> sqlite3.Connection | None:
    """The index sealed at ``location`` in memory, or None when there is none that opens."""
    if location is None:
        return None
    try:
        plain = vault.open_blob(location.read_bytes())
    except OSError:
        return None
    if plain is None:
        return None
    db = memory()
    try:
        db.deserialize(plain)
        db.execute("PRAGMA temp_store = MEMORY")
        if db.execute("PRAGMA user_version").fetchone()[0] == version:
            db.execute("SELECT count(*) FROM files").fetchone()
            return db
    except sqlite3.Error:
        pass
    db.close()
    return None


def store_sealed(db: sqlite3.Connection, location: Path | None, vault: Vault) -> None:
    """Keep the index sealed for the next run; if that fails, the next run reads the files again."""
    from growtui.errors import StoreWriteError
    from growtui.storage import write_atomic

    if location is None:
        return
    try:
        write_atomic(location, vault.seal_blob(db.serialize()))
    except (StoreWriteError, sqlite3.Error):
        pass
