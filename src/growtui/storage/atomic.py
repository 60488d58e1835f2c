"""Writing a file so that a crash leaves the old version or the new one, never a mix.

A temporary file in the same folder is written, flushed and fsynced, then
renamed over the target with ``os.replace``, and the folder is fsynced. The
temporary file is hidden (``.NAME.XXXX.tmp``) and removed on any error; only
a process killed in the middle can leave one behind, and
:func:`remove_leftovers` clears those when the file is next opened.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from growtui import paths
from growtui.errors import StoreWriteError


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
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
