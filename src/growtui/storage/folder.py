"""Which files in a sessions folder are sessions: cheap, with no parsing (and no pydantic).

The store and the index both list the folder through here, so they agree
on what counts: every ``*.toml`` file below the root, except hidden files,
editors' temporary and backup files, and sync tools' conflict copies
(reported separately, never read as sessions).
"""

from __future__ import annotations

import glob
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from growtui.model import Session

SUFFIX = ".toml"
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_ID_IN_NAME = re.compile(r"_([0-9A-Za-z-]+)\.toml(?:\.v\d+(?:\.\d+)?)?$")
_CONFLICT = re.compile(r"\.sync-conflict-\d{8}-\d{6}|\(\s*conflicted copy|\bconflicted copy\b", re.IGNORECASE)


# --- names ---------------------------------------------------------------------


def slugify(text: str, max_length: int = 40) -> str:
    """A safe, readable file-name part: ``"Zoë de Wit/../"`` -> ``"zoe-de-wit"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "session"


def file_name(session: Session) -> str:
    return f"{session.started_at:%Y-%m-%d}_{slugify(session.coachee)}_{session.id}{SUFFIX}"


def sealed_file_name(session: Session) -> str:
    """In an encrypted folder the name leaves the coachee out: it would tell who is being coached."""
    return f"{session.started_at:%Y-%m-%d}_{session.id}{SUFFIX}"


def session_id_in(name: str) -> str | None:
    """The session id in a file name growtui gave (``DATE_COACHEE_ID.toml``, ``DATE_ID.toml``, or a
    migration copy of one, ``NAME.toml.v1``); None for other names."""
    match = _ID_IN_NAME.search(name)
    return match.group(1) if match else None


def find_file(root: Path, session_id: str) -> Path | None:
    """The file of a session by its id, found by its name at the top of ``root``; a renamed file is not found."""
    return min((path for path in root.glob(f"*_{glob.escape(session_id)}{SUFFIX}")), default=None)


def is_conflict_copy(path: Path) -> bool:
    return bool(_CONFLICT.search(path.name))


_IGNORED_START = (".", "#", "~")
_IGNORED_END = ("~", ".tmp", ".swp")
NEW_SUFFIX = ".new.tmp"  # the temporary file of a file's first write (storage.atomic); only it can be rescued


def is_ignored(name: str) -> bool:
    """Hidden files and folders, and editors' temporary and backup files."""
    return name.startswith(_IGNORED_START) or name.endswith(_IGNORED_END)


UNREADABLE_FOLDER = "a folder growtui may not read (permission denied?): the sessions in it are not listed"


def session_files(root: Path, unreadable: list[Path] | None = None) -> Iterator[Path]:
    """Every candidate ``*.toml`` below ``root``, sorted; folders named ``*.toml`` too (to be reported).

    Links to folders are not followed. Folders that cannot be listed are added to ``unreadable``.
    """
    if not root.is_dir():
        return

    def refused(error: OSError) -> None:
        if unreadable is not None and error.filename is not None:
            unreadable.append(Path(error.filename))

    for folder, dirnames, filenames in os.walk(root, onerror=refused, followlinks=False):
        here = Path(folder)
        dirnames[:] = sorted(d for d in dirnames if not is_ignored(d))
        for name in sorted(filenames):
            if name.endswith(SUFFIX) and not is_ignored(name):
                yield here / name
        for name in dirnames:
            if name.endswith(SUFFIX):
                yield here / name  # reported: a folder cannot be a session


FolderStats = tuple[dict[str, tuple[int, int]], list[Path], list[Path], list[str]]  # what stat_files gives


def stat_files(root: Path) -> FolderStats:
    """``{relative path: (size, changed_ns)}`` of the same files as :func:`session_files`, the conflict
    copies, the folders that could not be listed (their sessions would be missing without a word), and the
    hidden names in the root that may be a save killed half-way (see :func:`iter_stats`).

    ``changed_ns`` is the later of the file's mtime and its ctime, so that a
    change without new content (a ``chmod`` that makes an unreadable file
    readable, an mtime set back by a sync tool) is noticed too.
    A file that cannot be stat-ed (a dangling link) gets ``(-1, -1)``; reading it reports why.
    """
    conflicts: list[Path] = []
    unreadable: list[Path] = []
    half_written: list[str] = []
    found = dict(iter_stats(root, conflicts, unreadable, half_written=half_written))
    return found, conflicts, sorted(unreadable), half_written


def stats_in_background(root: Path) -> Callable[[], FolderStats | None]:
    """:func:`stat_files` of ``root`` in a thread begun now; calling what is returned waits for it.

    None when it failed: the sync then lists the folder itself and meets the same problem there, reported.
    The stats are syscalls that let go of the GIL: begun first, they overlap the imports and the query of
    ``search``.
    """
    import threading

    taken: list[FolderStats] = []

    def work() -> None:
        try:
            taken.append(stat_files(root))
        except Exception:  # the sync meets the same problem when it lists the folder, and says it
            pass

    thread = threading.Thread(target=work, name="growtui-stat", daemon=True)
    thread.start()

    def stats() -> FolderStats | None:
        thread.join()
        return taken[0] if taken else None

    return stats


_BY_FD = os.scandir in os.supports_fd
_DIRECTORY = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def iter_stats(
    root: Path,
    conflicts: list[Path],
    unreadable: list[Path],
    *,
    stat: bool = True,
    half_written: list[str] | None = None,
) -> Iterator[tuple[str, tuple[int, int]]]:
    """:func:`stat_files` one file at a time, holding no list of the folder: 100,000 entries are 30 MB.

    Built from plain strings and ``os.scandir``, because the index calls it on
    every start and ten thousand Path objects cost more than the stats. Where
    the system allows it each folder is listed through an open descriptor, so
    every stat looks up one name, not the whole path (a tenth less time).
    Conflict copies and folders that cannot be listed are added to the lists
    given; a folder that fails while it is being listed is named as well.
    ``stat=False``: the names alone, each with ``(0, 0)``. ``half_written``
    gets the hidden ``….new.tmp`` names in the root: a first save killed
    between writing and linking leaves one (:func:`~growtui.storage.rescue_half_written`).
    """
    if not root.is_dir():
        return
    pending = [("", str(root))]
    while pending:
        prefix, folder = pending.pop()
        fd = None
        try:
            if _BY_FD:
                fd = os.open(folder, _DIRECTORY)
            scanner = os.scandir(folder if fd is None else fd)
        except OSError:
            if fd is not None:
                os.close(fd)
            unreadable.append(Path(folder))
            continue
        try:
            with scanner:
                for entry in scanner:
                    name = entry.name
                    if name.startswith(_IGNORED_START) or name.endswith(_IGNORED_END):  # is_ignored, inlined
                        if half_written is not None and not prefix and name[:1] == "." and name.endswith(NEW_SUFFIX):
                            half_written.append(name)
                        continue
                    try:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    except OSError:
                        is_dir = False
                    if is_dir:
                        pending.append((f"{prefix}{name}/", os.path.join(folder, name)))
                        if not name.endswith(SUFFIX):
                            continue
                    elif not name.endswith(SUFFIX):
                        continue
                    rel = prefix + name
                    if ("onflict" in name or "ONFLICT" in name) and _CONFLICT.search(name):
                        conflicts.append(root / rel)
                        continue
                    if not stat:
                        yield rel, (0, 0)
                        continue
                    try:
                        st = entry.stat()
                        mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
                        yield rel, (st.st_size, mtime if mtime > ctime else ctime)
                    except OSError:
                        yield rel, (-1, -1)
        except OSError:
            unreadable.append(Path(folder))
        finally:
            if fd is not None:
                os.close(fd)
