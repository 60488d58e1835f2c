"""The trash: a deleted conversation waits here for 30 days, then it is gone.

Each deletion is one private folder in growtui's data folder,
``trash/STAMP_ID/``, where STAMP is the time of deletion in UTC
(``20261121T101500Z``). It holds:

* the session file, byte for byte as it was (in an encrypted folder it stays
  sealed), under its own name;
* the session's recovery file (and its base) and a migration copy, when it
  had any: they may hold its newest text, and a restore brings them back too;
* ``entry.json``: the sessions folder and the path inside it, the session id,
  the time of deletion, and where each file in the entry came from. Paths
  and an id only, never a note (in an encrypted folder the file names leave
  the coachee out).

Purging reads the names of the entry folders and nothing else: no file is
opened and no passphrase is needed, so every start of growtui can afford it.

Moving in is ``os.replace`` into the new entry folder: one filesystem, so
atomic, and nothing there to replace. A sessions folder on another disk is
copied, read back and compared, and only then is the original removed.
Putting back never replaces a file: a hard link first (which refuses a file
that is there), else a copy written the same careful way.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from growtui import paths
from growtui.errors import GrowtuiError, StoreWriteError
from growtui.storage.atomic import _fsync_dir, describe_os_error, write_atomic

KEEP_DAYS = 30
ENTRY = "entry.json"
FORMAT = 1
STALE_AFTER = 60.0  # seconds: an entry younger than this may be being made by another growtui right now
_STAMP = "%Y%m%dT%H%M%SZ"
_ENTRY_NAME = re.compile(r"^(\d{8}T\d{6}Z)_[0-9A-Za-z-]{1,64}(?:\.\d{1,3})?$")
_CANNOT_LINK = {errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


class TrashError(GrowtuiError):
    """A deletion or a restore that could not be done; the message says where everything is."""


@dataclass(frozen=True)
class Trashed:
    """One deleted conversation in the trash."""

    folder: Path  # the entry
    root: Path  # the sessions folder it came from (its real path)
    rel: str  # where it was inside that folder
    session_id: str
    deleted_at: datetime
    files: tuple[tuple[str, Path], ...]  # (name in the entry, where it came from); the session file first

    @property
    def file(self) -> Path:
        """The session file, in the trash."""
        return self.folder / self.files[0][0]

    @property
    def origin(self) -> Path:
        return self.root / self.rel

    @property
    def expires_at(self) -> datetime:
        return self.deleted_at + timedelta(days=KEEP_DAYS)

    def days_left(self, now: datetime | None = None) -> int:
        left = (self.expires_at - (now or datetime.now(UTC))) / timedelta(days=1)
        return max(0, math.ceil(left))


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def _stamp_of(name: str) -> datetime | None:
    """The time of deletion an entry's name says; None for a name that is not an entry's."""
    match = _ENTRY_NAME.match(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _entry_names() -> list[tuple[str, datetime]]:
    try:
        names = sorted(os.listdir(paths.trash_dir()))
    except OSError:
        return []
    return [(name, when) for name in names if (when := _stamp_of(name)) is not None]


def _read(folder: Path) -> Trashed | None:
    """The entry in ``folder``; None when its ``entry.json`` is missing or not one growtui wrote."""
    try:
        data = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
        files = tuple((str(name), Path(origin)) for name, origin in data["files"])
        if data["format"] != FORMAT or not files or any("/" in name or name in ("", ".", "..") for name, _ in files):
            return None
        return Trashed(
            folder,
            Path(data["root"]),
            str(data["rel"]),
            str(data["id"]),
            datetime.fromisoformat(data["deleted_at"]).astimezone(UTC),
            files,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- moving files ------------------------------------------------------------------


def _copy_then_remove(source: Path, target: Path) -> None:
    """A move between two disks: copy, read back and compare, keep the file's time, then remove the source.

    Never over a file (StoreWriteError); on any failure the source is where it was.
    """
    try:
        data = source.read_bytes()
        st = source.stat()
    except OSError as exc:
        raise StoreWriteError(source, describe_os_error(exc)) from None
    write_atomic(target, data, replace=False)
    try:
        same = target.read_bytes() == data
        if same:
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    except OSError:
        same = False
    if not same:
        target.unlink(missing_ok=True)
        raise StoreWriteError(target, "the copy read back is not what was written; the original is kept")
    try:
        source.unlink()
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StoreWriteError(source, f"could not be removed ({describe_os_error(exc)})") from None


def _move_in(source: Path, target: Path) -> None:
    """Move a file into a trash entry (``target`` is new: nothing there to replace)."""
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise StoreWriteError(source, describe_os_error(exc)) from None
        _copy_then_remove(source, target)


def _move_back(source: Path, target: Path) -> None:
    """Move a file out of the trash, never over a file that is there (StoreWriteError)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise StoreWriteError(target, "a file with this name already exists") from None
    except OSError as exc:
        if exc.errno not in _CANNOT_LINK:
            raise StoreWriteError(target, describe_os_error(exc)) from None
        _copy_then_remove(source, target)
        return
    source.unlink()


# --- deleting, listing, restoring, purging ------------------------------------------------


def move_to_trash(
    path: Path, root: Path, session_id: str, *, also: Iterable[Path] = (), now: datetime | None = None
) -> Trashed:
    """Move a session file, and ``also`` (its recovery file, its migration copy), into a new trash entry.

    The caller holds the session's lock. ``root`` is the sessions folder, so
    that the entry knows where in it the file was. TrashError when the file
    cannot be moved; it is then where it was.
    """
    when = _now(now)
    real_root, real_file = paths.real(root), paths.real(path.parent) / path.name
    if not real_file.is_relative_to(real_root):
        real_root = real_file.parent  # a file given from outside the sessions folder goes back to its own folder
    rel = real_file.relative_to(real_root).as_posix()
    trash = paths.trash_dir()
    base = f"{when.strftime(_STAMP)}_{session_id}"
    for n in range(1000):
        folder = trash / (base if n == 0 else f"{base}.{n}")
        try:
            paths.ensure_private_dir(trash).joinpath(folder.name).mkdir(mode=0o700)
            break
        except FileExistsError:
            if trash.is_dir():
                continue
            raise TrashError(f"{path}: not deleted: {trash} is not a folder; move it away") from None
        except OSError as exc:
            reason = describe_os_error(exc)
            raise TrashError(f"{path}: not deleted: the trash folder {trash} cannot be written ({reason})") from None
    else:
        raise TrashError(f"{path}: not deleted: too many entries for this session in {trash}")
    names = {path.name}
    files = [(path.name, path)]
    for extra in also:
        name = f"{extra.parent.name}-{extra.name}"
        while name in names or name == ENTRY:
            name = f"_{name}"
        names.add(name)
        files.append((name, extra))
    record = {
        "format": FORMAT,
        "root": str(real_root),
        "rel": rel,
        "id": session_id,
        "deleted_at": when.isoformat(),
        "files": [[name, str(origin)] for name, origin in files],
    }
    try:
        write_atomic(folder / ENTRY, json.dumps(record, indent=1).encode("utf-8"), replace=False)
        _move_in(path, folder / path.name)
    except StoreWriteError as exc:
        shutil.rmtree(folder, ignore_errors=True)  # the session file is still where it was
        raise TrashError(f"{path}: not deleted: {exc.reason}; the file is where it was") from None
    for name, origin in files[1:]:
        try:
            _move_in(origin, folder / name)
        except StoreWriteError:
            pass  # left where it is; a restore finds it there
    _fsync_dir(folder)
    _fsync_dir(path.parent)
    return Trashed(folder, real_root, rel, session_id, when, tuple(files))


def entries(root: Path | None = None) -> list[Trashed]:
    """The entries in the trash, the latest deletion first; only those of the sessions folder ``root``, if given.

    An entry a deletion stopped halfway left behind (its session file was
    never moved in) is removed, once it is older than a minute.
    """
    wanted = paths.real(root) if root is not None else None
    trash = paths.trash_dir()
    now = datetime.now(UTC)
    found = []
    for name, when in _entry_names():
        entry = _read(trash / name)
        if entry is None or not entry.file.is_file():
            if (now - when).total_seconds() > STALE_AFTER and _holds_nothing(trash / name):
                shutil.rmtree(trash / name, ignore_errors=True)
            continue
        if wanted is None or entry.root == wanted:
            found.append(entry)
    return sorted(found, key=lambda e: (e.deleted_at, e.folder.name), reverse=True)


def _holds_nothing(folder: Path) -> bool:
    try:
        return set(os.listdir(folder)) <= {ENTRY}
    except OSError:
        return False


def trashed_files(root: Path) -> list[Path]:
    """Every file in the trash entries of the sessions folder ``root``, apart from the entries' own records."""
    found = []
    for entry in entries(root):
        found += [entry.folder / name for name, _ in entry.files if (entry.folder / name).is_file()]
    return found


def put_back(entry: Trashed, target: Path, data: bytes | None = None) -> list[Path]:
    """Put a trashed session back at ``target`` (with ``data`` written instead of its bytes, if given).

    Its recovery file and migration copy go back where they came from. Never
    over a file: when one is in the way, TrashError names it and nothing is
    moved. Returns what could not go back (and so stays in the entry); the
    entry is removed when it holds nothing more.
    """
    sides = [(entry.folder / name, origin) for name, origin in entry.files[1:] if (entry.folder / name).is_file()]
    for place in (target, *(origin for _, origin in sides)):
        if os.path.lexists(place):
            raise TrashError(
                f"{place}: a file is there already, and growtui restores nothing over a file; "
                "move it away and run growtui restore again. Nothing was restored"
            )
    try:
        paths.ensure_private_dir(target.parent)
        if data is None:
            _move_back(entry.file, target)
        else:
            write_atomic(target, data, replace=False)
            if target.read_bytes() != data:
                target.unlink(missing_ok=True)
                raise StoreWriteError(target, "the file read back is not what was written")
            entry.file.unlink()
    except (StoreWriteError, OSError) as exc:
        reason = exc.reason if isinstance(exc, StoreWriteError) else describe_os_error(exc)
        raise TrashError(f"{target}: not restored: {reason}; it is still in the trash ({entry.folder})") from None
    left = []
    for source, origin in sides:
        try:
            paths.ensure_private_dir(origin.parent)
            _move_back(source, origin)
        except (StoreWriteError, OSError):
            left.append(source)
    _fsync_dir(target.parent)
    if not left:
        shutil.rmtree(entry.folder, ignore_errors=True)
    return left


def remove(entry: Trashed) -> None:
    """Remove an entry and everything in it, for good. OSError when it cannot."""
    shutil.rmtree(entry.folder)


def purge(now: datetime | None = None) -> int:
    """Remove the entries older than 30 days, for good; how many. Reads folder names only."""
    now = now or datetime.now(UTC)
    removed = 0
    for name, when in _entry_names():
        if now - when >= timedelta(days=KEEP_DAYS):
            shutil.rmtree(paths.trash_dir() / name, ignore_errors=True)
            removed += not (paths.trash_dir() / name).exists()
    return removed
