"""Deleting one conversation into the trash, listing the trash, and restoring from it.

The command line and the history screen both come here, so a deletion is the
same wherever it starts: under the session's lock (a session open in another
growtui is refused), its half-written saves removed, the file moved into the
trash with its recovery file and migration copy, and the index brought in
step so the session is no longer listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from growtui import crypto, paths
from growtui.errors import GrowtuiError, SessionFileError, SessionLockedError, StoreWriteError
from growtui.storage import (
    SessionLock,
    Store,
    base_path_for,
    file_name,
    find_file,
    recovery_dirs,
    recovery_path_for,
    remove_leftovers,
    sealed_file_name,
    session_id_in,
    trash,
)

if TYPE_CHECKING:
    from growtui.index import Index
    from growtui.model import Session


class InUse(GrowtuiError):
    """The session is open in growtui elsewhere (its lock is held): nothing was deleted or removed."""


def side_files(session_id: str) -> list[Path]:
    """The files outside the sessions folder that hold a session's text: its recovery file, the recovery
    file's base, and a copy kept while it was rewritten in a newer format."""
    found = []
    for folder in recovery_dirs():
        recovery = recovery_path_for(session_id, folder)
        found += [path for path in (recovery, base_path_for(recovery)) if path.is_file()]
    try:
        kept = sorted(paths.migration_backup_dir().iterdir())
    except OSError:
        kept = []
    found += [path for path in kept if session_id_in(path.name) == session_id and path.is_file()]
    return found


def lock(path: Path, nothing: str = "deleted") -> SessionLock:
    """The session's lock, held; InUse when another growtui has it open."""
    try:
        return SessionLock(path).acquire()
    except SessionLockedError:
        raise InUse(
            f"{path}: this session is open in growtui right now; close it there first and try again. "
            f"Nothing was {nothing}"
        ) from None


def delete_session(
    store: Store, path: Path, *, index: Index | None = None, now: datetime | None = None
) -> trash.Trashed:
    """Move one conversation to the trash, where it stays 30 days; the index forgets it.

    InUse when it is open elsewhere; SessionFileError when growtui cannot read
    it (then it is left as it is: growtui deletes only what it can show);
    TrashError when it cannot be moved (it stays where it was).
    """
    if path.is_symlink():
        raise trash.TrashError(f"{path}: a link, not a session file; growtui deletes only files it owns, not links")
    held = lock(path)
    try:
        session = store.read(path).session
        remove_leftovers(path)  # half-written saves of a killed growtui: they hold its notes too
        entry = trash.move_to_trash(path, store.root, session.id, also=side_files(session.id), now=now)
    finally:
        held.release(forget=True)
    if index is not None:
        index.sync()
    return entry


# --- the trash --------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """A trash entry and the session in it; ``problem`` when its file cannot be read."""

    entry: trash.Trashed
    session: Session | None
    sealed: bool = False
    problem: str | None = None


def read_trashed(entry: trash.Trashed, vault: crypto.Vault | None) -> Listed:
    try:
        stored = Store(entry.folder, vault).read(entry.file)
    except SessionFileError as exc:
        return Listed(entry, None, crypto.looks_sealed(entry.file), exc.problems[0].message)
    return Listed(entry, stored.session, stored.sealed)


def listing(root: Path, vault: crypto.Vault | None) -> list[Listed]:
    """The trash of the sessions folder ``root``, the latest deletion first (entries past 30 days purged)."""
    trash.purge()
    return [read_trashed(entry, vault) for entry in trash.entries(root)]


def _target(store: Store, entry: trash.Trashed, session: Session) -> Path:
    """Where a trashed session goes back: where it was, under the name growtui gives it in the folder as it
    is now (a folder encrypted since the deletion leaves the coachee's name out; one decrypted puts it in)."""
    origin = entry.root / PurePosixPath(entry.rel)
    plain, sealed = file_name(session), sealed_file_name(session)
    if store.encrypted and origin.name == plain:
        return origin.with_name(sealed)
    if not store.encrypted and origin.name == sealed:
        return origin.with_name(plain)
    return origin


def restore_session(
    store: Store, entry: trash.Trashed, *, vault: crypto.Vault | None = None, index: Index | None = None
) -> tuple[Path, list[Path]]:
    """Put a trashed conversation back where it was; where it is now, and what stayed in the trash.

    Never over a file, and never beside a file that already holds the
    session (TrashError, nothing moved). A file sealed when the folder is
    plain now, or plain when it is encrypted now, is written the way the
    folder is. ``vault`` opens the trashed file when the folder has none.
    """
    opener = vault or store.vault
    listed = read_trashed(entry, opener)
    if listed.session is None:
        raise trash.TrashError(f"{entry.file}: cannot be restored: {listed.problem}")
    session = listed.session
    target = _target(store, entry, session)
    there = find_file(target.parent, session.id)
    if there is not None and there != target:  # the same name: put_back says a file is in the way
        raise trash.TrashError(
            f"{there}: holds this session already, so the copy in the trash is not restored beside it. "
            "Nothing was restored"
        )
    data = None
    if listed.sealed != store.encrypted:
        try:
            plain = crypto.plain_bytes(entry.file, opener)[0] if listed.sealed and opener else entry.file.read_bytes()
        except (OSError, SessionFileError) as exc:
            raise trash.TrashError(f"{entry.file}: cannot be restored: {exc}") from None
        data = store.vault.seal(plain, session.id) if store.vault is not None else plain
    held = lock(target, "restored")
    try:
        left = trash.put_back(entry, target, data)
    except StoreWriteError as exc:
        raise trash.TrashError(str(exc)) from None
    finally:
        held.release(forget=True)
    if index is not None:
        index.sync()
    return target, left
