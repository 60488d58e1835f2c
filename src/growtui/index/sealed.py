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


STALE_AFTER = 60.0  # seconds: an index younger than this may be being made by another growtui right now


def prune_stale(keep: Path | None, version: int) -> int:
    """Remove plain indexes of sessions folders that are gone, and of older formats; how many.

    Each holds a full plain copy of a folder's notes, so one left behind by a moved or deleted
    folder must not stay in the cache for ever. Every index says its folder (table ``meta``); one
    that does not (an older format) would be rebuilt on its next use anyway. Cheap: one small
    read per index file, a handful at most.
    """
    import time

    removed = 0
    folder = paths.cache_dir() / "index"
    try:
        candidates = sorted(folder.glob("*.sqlite3"))
    except OSError:
        return 0
    for index in candidates:
        if keep is not None and index == keep:
            continue
        try:
            if time.time() - index.stat().st_mtime < STALE_AFTER:
                continue
            root = _root_of(index, version)
            if root is not None and Path(root).is_dir():
                continue
        except OSError:
            continue
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                Path(f"{index}{suffix}").unlink()
            except OSError:
                pass
        removed += 1
    return removed


def _root_of(index: Path, version: int) -> str | None:
    """The folder an index belongs to; None for one of another format, or damaged."""
    try:
        db = sqlite3.connect(f"file:{index}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != version:
            return None
        row = db.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()
        return row[0] if row else None
    except sqlite3.OperationalError as exc:  # busy: another growtui is writing it; it is in use
        raise OSError(str(exc)) from None
    except sqlite3.Error:
        return None
    finally:
        db.close()


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
