"""Writing a file so that a crash leaves the old version or the new one, never a mix.

A temporary file in the same folder is written, flushed and fsynced, then
renamed over the target with ``os.replace``, and the folder is fsynced. The
temporary file is hidden (``.NAME.XXXX.tmp``) and removed on any error; only
a process killed in the middle can leave one behind, and
:func:`remove_leftovers` clears those when the file is next opened. A first
save killed before its link left the only copy of the file: the index's next
look at the folder gives it its name (:func:`rescue_half_written`).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from growtui import paths
from growtui.errors import StoreWriteError
from growtui.storage.folder import NEW_SUFFIX  # the temporary file of a first write (``replace=False``)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EROFS,):
        return "the folder is on a read-only disk"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (is the folder read-only?)"
    return exc.strerror or type(exc).__name__


def write_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file.

    With ``replace=False`` an existing file is never touched (creation).
    Raises StoreWriteError with a reason a person understands.
    """
    folder = path.parent
    tmp_name: str | None = None
    try:
        paths.ensure_private_dir(folder)
        # a file's first write is marked: only it may be given its name after a kill (rescue_half_written)
        suffix = ".tmp" if replace else NEW_SUFFIX
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
        with os.fdopen(fd, "wb") as fh:  # mkstemp creates the file 0600
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            os.replace(tmp_name, path)
        else:
            os.link(tmp_name, path)  # fails if the target exists: no clobbering
            os.unlink(tmp_name)
        tmp_name = None
        _fsync_dir(folder)
    except FileExistsError:
        raise StoreWriteError(path, "a file with this name already exists") from None
    except OSError as exc:
        raise StoreWriteError(path, describe_os_error(exc)) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def find_leftovers(path: Path) -> list[Path]:
    """The temporary files a writer killed mid-save left next to ``path`` (``.NAME.XXXXXXXX.tmp``).

    The folder is read one entry at a time: ``Path.glob`` holds every entry
    of it at once, 25 MB in a folder of 100,000 sessions.
    """
    prefix, found = f".{path.name}.", []
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(prefix) and name.endswith(".tmp") and len(name) >= len(prefix) + 4:
                    found.append(path.parent / name)
    except OSError:
        return []  # no folder (yet), or not readable: nothing a writer of ours left there
    return sorted(found)


def remove_leftovers(path: Path) -> int:
    """Remove the temporary files a writer killed mid-save left next to ``path``; return how many.

    They are hidden and never read as sessions, but they hold notes and
    would travel with a synced folder. Call only while holding the
    session's lock: then nobody else can be writing one of them.
    """
    removed = 0
    for leftover in find_leftovers(path):
        try:
            leftover.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _session_name(name: str) -> bool:
    """A session file's name (not the encryption marker or another hidden file)."""
    from growtui.storage.folder import is_ignored, session_id_in

    return name.endswith(".toml") and not is_ignored(name) and session_id_in(name) is not None


def _waiting(folder: Path, names: Iterable[str]) -> dict[str, list[Path]]:
    """``{file name: its temporary files}`` among ``names`` (in ``folder``), for files that are not there."""
    waiting: dict[str, list[Path]] = {}
    for name in names:
        if name[:1] != "." or not name.endswith(NEW_SUFFIX):
            continue
        target, dot, random_part = name[1 : -len(NEW_SUFFIX)].rpartition(".")
        if dot and len(random_part) == 8 and _session_name(target):
            waiting.setdefault(target, []).append(folder / name)
    return {target: found for target, found in waiting.items() if not os.path.lexists(folder / target)}


def rescue_half_written(folder: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Give their names to the first saves that were killed after their text was on disk; return them.

    A file's first save writes its text into a hidden temporary file (named
    ``….new.tmp``: a later save's ``….tmp`` is never taken, its file may
    have been deleted or moved on purpose), then links it to its name. A
    growtui killed between the two left the only copy of a new conversation
    where nothing lists, resumes or removes it.
    Only while nobody holds the file's session lock (a running growtui may be
    between the two steps right now), and never over a file that is there:
    the newest temporary file becomes the file; an empty one, killed before
    it held anything, goes. The others are then leftovers of a file that
    exists, which :func:`remove_leftovers` clears when the file is opened.

    ``names``: the hidden names of ``folder``, if its listing has them
    already (the index's does); else it is listed.
    """
    if names is None:
        try:
            names = [name for name in os.listdir(folder) if name[:1] == "."]
        except OSError:
            return []  # no folder (yet), or not readable: nothing of ours to give a name to
    waiting = _waiting(folder, names)
    if not waiting:
        return []
    from growtui.errors import SessionLockedError
    from growtui.storage.locks import SessionLock

    rescued: list[Path] = []
    for target, found in sorted(waiting.items()):
        path = folder / target
        try:
            lock = SessionLock(path).acquire()
        except SessionLockedError:
            continue  # being written now, by a growtui that will finish it
        try:
            newest = max(found, key=lambda tmp: tmp.stat().st_mtime_ns)
            if newest.stat().st_size == 0:
                newest.unlink()
            else:
                os.link(newest, path)  # fails if the file came meanwhile: never over it
                newest.unlink()
                rescued.append(path)
        except OSError:
            continue  # gone meanwhile, or the folder refuses: left as it was, for the next look
        finally:
            lock.release(forget=True)  # no empty lock file left in the cache for each file looked at
    if rescued:
        _fsync_dir(folder)
    return rescued
