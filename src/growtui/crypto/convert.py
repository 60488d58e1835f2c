"""``growtui encrypt`` and ``growtui decrypt``: turning a sessions folder over, one safe step at a time.

Each file is converted on its own, under its session lock:

1. the new file (sealed, or plain again) is written atomically under its
   new name, never over an existing file;
2. it is read back and opened, and must give the original bytes exactly;
3. only then is the original removed.

A run stopped anywhere (a kill, a full disk, a closed terminal) leaves each
session in its old file, its new one, or both; growtui reads all of them
(plain and sealed files side by side in an encrypted folder), and running
the command again finishes the job. The folder's marker is written before
the first file is sealed and removed only after the last one is opened, so
a half-done folder always asks for the passphrase.

The notes also live in places outside the folder: recovery files and the
copies kept while a file is rewritten in a newer format. Those of this
folder's sessions are sealed (or opened) in place too, and the plain search
index of the folder is removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from growtui import crypto, paths
from growtui.crypto.vault import Vault
from growtui.errors import OtherPassphraseError, Problem, SessionFileError, SessionLockedError, StoreWriteError
from growtui.storage import (
    SessionLock,
    describe_os_error,
    file_name,
    from_toml,
    is_conflict_copy,
    load_file,
    recovery_dirs,
    sealed_file_name,
    session_files,
    session_id_in,
    toml_read,
    write_atomic,
)

Progress = Callable[[int, int], None]


@dataclass
class Report:
    converted: int = 0
    already: int = 0
    problems: list[Problem] = field(default_factory=list)
    copies: int = 0  # recovery files and migration copies sealed or opened

    @property
    def complete(self) -> bool:
        return not self.problems


def plain_bytes(path: Path, vault: Vault) -> tuple[bytes, bool]:
    """A file's plain bytes exactly (opened if it is sealed), and whether it was sealed; SessionFileError.

    Sealed or not is decided as reading decides it, by the parsed TOML, so a
    sealed file with other line endings is never taken for a plain one.
    """
    data, _, sealed = load_file(path, vault, opened=False)
    if sealed:
        return vault.open(path, data), True
    return path.read_bytes(), False


def _keep_time(path: Path, st: os.stat_result) -> None:
    """Give a converted file the time of its original: which of a session and its recovery file is newer
    decides what ``growtui resume`` opens, and converting must not change that."""
    try:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    except OSError:
        pass


def _same_after_reading(path: Path, written: bytes, plain: bytes, vault: Vault) -> bool:
    """The file holds exactly ``written``, and opening it gives ``plain``."""
    try:
        return path.read_bytes() == written and plain_bytes(path, vault)[0] == plain
    except (OSError, SessionFileError):
        return False


def _move(source: Path, target: Path, written: bytes, plain: bytes, vault: Vault) -> None:
    """Write ``written`` to ``target`` (or in place), check it, then remove ``source``. StoreWriteError if not safe."""
    st = source.stat()
    if target == source:
        write_atomic(target, written)
        if not _same_after_reading(target, written, plain, vault):
            raise StoreWriteError(target, "the file read back is not what was written")
        _keep_time(target, st)
        return
    if target.exists():
        # Left by an interrupted run? Then it must open to the same text; otherwise it is somebody else's.
        try:
            same = plain_bytes(target, vault)[0] == plain
        except (OSError, SessionFileError):
            same = False
        if not same:
            raise StoreWriteError(
                target,
                f"{source.name} would be written as {target.name}, and a different file "
                "has that name; move one of them and run the command again",
            )
    else:
        write_atomic(target, written, replace=False)
        if not _same_after_reading(target, written, plain, vault):
            raise StoreWriteError(target, "the file read back is not what was written; the original is kept")
        _keep_time(target, st)
    try:
        source.unlink()
    except OSError as exc:
        raise StoreWriteError(
            source, f"converted, but the original could not be removed ({describe_os_error(exc)}); remove it by hand"
        ) from None


def _leftovers(folder: Path) -> dict[str, list[Path]]:
    """Half-written saves in a folder (``.NAME.XXXXXXXX.tmp``, see atomic.py), by the NAME they were for.

    One listing per folder: a glob per file would read a folder of ten
    thousand sessions ten thousand times.
    """
    found: dict[str, list[Path]] = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        if name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3:
            found.setdefault(name[1:-4].rsplit(".", 1)[0], []).append(folder / name)
    return found


def _convert(
    path: Path, vault: Vault, *, seal: bool, report: Report, ids: set[str], leftovers: dict[str, list[Path]]
) -> Path | None:
    """Convert one file; where it is now, or None when it was left as it is (a problem in the report)."""
    if path.is_symlink():
        report.problems.append(
            Problem(
                path,
                "a link to a file elsewhere, so left as it is: move the file itself "
                "into the folder and run the command again",
            )
        )
        return None
    try:
        lock = SessionLock(path).acquire()
    except SessionLockedError:
        report.problems.append(
            Problem(path, "open in growtui right now, so left as it is; close it there and run the command again")
        )
        return None
    try:
        data, text, sealed = load_file(path, vault, opened=False)
        if sealed:
            plain = vault.open(path, data)
            text = toml_read.decode(path, plain)
            data = toml_read.parse(path, text)
        else:
            plain = path.read_bytes()
        session = from_toml(path, text, data)  # a file that is no valid session is never touched
        ids.add(session.id)
        for name in {path.name, file_name(session), sealed_file_name(session)}:
            for leftover in leftovers.pop(name, []):  # half-written saves of a killed growtui or run: notes too
                leftover.unlink(missing_ok=True)
        name = sealed_file_name(session) if seal else file_name(session)
        target = path if is_conflict_copy(path) else path.parent / name  # a conflict copy keeps the name that says so
        if sealed == seal and target == path:
            report.already += 1
            return path
        written = vault.seal(plain, session.id) if seal else plain
        _move(path, target, written, plain, vault)
        report.converted += 1
        return target
    except toml_read.TomlProblem as exc:
        report.problems.append(Problem(exc.problem.path, f"{exc.problem.message} (left as it is)", exc.problem.line))
    except SessionFileError as exc:
        report.problems.extend(
            p if exc.says_untouched else Problem(p.path, f"{p.message} (left as it is)", p.line) for p in exc.problems
        )
    except StoreWriteError as exc:
        report.problems.append(Problem(exc.path, exc.reason))
    except OSError as exc:
        report.problems.append(Problem(path, f"{describe_os_error(exc)} (left as it is)"))
    finally:
        lock.release(forget=True)  # thousands of files: no empty lock file left behind for each
    return None


def seal_file(path: Path, vault: Vault) -> Path:
    """One plain session file of an encrypted folder sealed as ``encrypt`` seals it; its new path.

    Under the session's lock, written under the name without the coachee's,
    read back and compared before the plain file goes. SessionFileError when
    it cannot be (the problems say why; the file is left as it is).
    """
    report = Report()
    target = _convert(path, vault, seal=True, report=report, ids=set(), leftovers=_leftovers(path.parent))
    if target is None:
        raise SessionFileError(report.problems)
    return target


def _copies(ids: set[str]) -> list[Path]:
    """Recovery files and migration copies of these sessions, wherever growtui keeps them."""
    found = []
    for folder in [*recovery_dirs(), paths.migration_backup_dir()]:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            stem = name.removesuffix(".toml").removesuffix(".base")  # a recovery file's base: notes too
            if stem in ids or session_id_in(name) in ids:
                found.append(folder / name)
    return found


def _id_in(plain: bytes) -> str | None:
    """The session id a recovery file or migration copy holds, to bind into its seal; None if it cannot tell."""
    try:
        found = toml_read.parse(Path("copy"), toml_read.decode(Path("copy"), plain)).get("id")
    except toml_read.TomlProblem:
        return None
    return found if isinstance(found, str) and found.isascii() and 4 <= len(found) <= 64 else None


def _convert_copy(path: Path, vault: Vault, *, seal: bool, report: Report) -> None:
    """Seal or open a recovery file or migration copy in place (its name says whose it is)."""
    try:
        plain, sealed = plain_bytes(path, vault)
        if sealed == seal:
            return
        written = vault.seal(plain, _id_in(plain)) if seal else plain
        st = path.stat()
        write_atomic(path, written)
        _keep_time(path, st)
        report.copies += 1
    except (OSError, SessionFileError, StoreWriteError) as exc:
        problem = (
            Problem(path, describe_os_error(exc))
            if isinstance(exc, OSError)
            else (exc.problems[0] if isinstance(exc, SessionFileError) else Problem(exc.path, exc.reason))
        )
        report.problems.append(Problem(problem.path, f"{problem.message} (a recovery or migration copy)"))


def _files(root: Path) -> list[Path]:
    return [path for path in session_files(root) if path.is_file() or path.is_symlink()]


def _check_against_sealed(root: Path, vault: Vault) -> None:
    """A folder whose marker was lost gets a new one only with the passphrase of the files already sealed.

    Otherwise one folder would end up under two passphrases.
    """
    refused = None
    for path in _files(root):
        if not crypto.looks_sealed(path):
            continue
        try:
            plain_bytes(path, vault)
            return
        except OtherPassphraseError:
            refused = refused or path  # or it was changed: one file that opens settles it
        except SessionFileError:
            pass
    if refused is not None:
        raise crypto.WrongPassphrase(
            f"this passphrase does not open the sessions already encrypted in {root} (for example "
            f"{refused.name}); use the passphrase they were encrypted with. Nothing was changed"
        )


def _convert_all(root: Path, vault: Vault, *, seal: bool, progress: Progress | None) -> Report:
    report = Report()
    ids: set[str] = set()
    files = _files(root)
    leftovers: dict[Path, dict[str, list[Path]]] = {}
    for n, path in enumerate(files, 1):
        if path.parent not in leftovers:
            leftovers[path.parent] = _leftovers(path.parent)
        _convert(path, vault, seal=seal, report=report, ids=ids, leftovers=leftovers[path.parent])
        if progress is not None:
            progress(n, len(files))
    from growtui.storage import trash

    for copy in [*_copies(ids), *trash.trashed_files(root)]:  # a deleted session waiting in the trash too
        _convert_copy(copy, vault, seal=seal, report=report)
    return report


def encrypt_folder(root: Path, vault: Vault, progress: Progress | None = None) -> Report:
    """Seal every session of ``root``; the marker first, so a stopped run still asks for the passphrase."""
    from growtui.index import remove_plain_index

    if crypto.read_marker(root) is None:
        _check_against_sealed(root, vault)
        paths.ensure_private_dir(root)
        write_atomic(crypto.marker_path(root), vault.marker_text().encode("ascii"), replace=False)
    remove_plain_index(root)
    return _convert_all(root, vault, seal=True, progress=progress)


def decrypt_folder(root: Path, vault: Vault, progress: Progress | None = None) -> Report:
    """Open every sealed session of ``root`` back into a plain file; the marker goes last, once all are open."""
    from growtui.index import sealed_location

    report = _convert_all(root, vault, seal=False, progress=progress)
    try:
        sealed_location(root).unlink()
    except OSError:
        pass
    if report.complete:
        try:
            crypto.marker_path(root).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            report.problems.append(
                Problem(crypto.marker_path(root), f"could not be removed ({describe_os_error(exc)}); remove it by hand")
            )
    return report
