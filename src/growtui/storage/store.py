"""Reading, writing and listing session files.

Promises, each tested:

* A write is atomic: a temporary file in the same folder is written,
  flushed and fsynced, then renamed over the target with ``os.replace``,
  and the folder is fsynced. A crash leaves the old file or the new one,
  never a mix, and never a half-written file under a ``*.toml`` name.
* Session files are 0600 and folders 0700.
* A file that cannot be read or validated is reported with its name and
  reason, and is never overwritten or changed; the other sessions stay
  usable. A file that changed on disk since we last read or wrote it (a
  hand edit, a sync) is not overwritten either.
* Sync conflict copies (Syncthing, Dropbox, Nextcloud) are reported as
  conflicts, not shown as sessions.
* One process at a time may hold a session open for writing.
* In an encrypted folder (see :mod:`growtui.crypto.vault`) every file is written
  sealed, under a name without the coachee's, and plain files left from an
  interrupted ``growtui encrypt`` are still read.
* A file in an older format is migrated in memory on reading (see
  :mod:`growtui.storage.migrate`) and never written by reading. The first save over
  it keeps a private copy of the original until the file in the new format
  is written and has been read back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from growtui import crypto, paths
from growtui.errors import (
    Problem,
    SessionFileError,
    StoreWriteError,
)
from growtui.model import SESSION_SCHEMA_VERSION, Session
from growtui.storage import toml_read
from growtui.storage.atomic import describe_os_error, write_atomic
from growtui.storage.codec import encode, from_toml, load_file
from growtui.storage.folder import (
    SUFFIX,
    UNREADABLE_FOLDER,
    file_name,
    is_conflict_copy,
    sealed_file_name,
    session_files,
)
from growtui.storage.locks import SessionLock

# --- rewriting a file of an older format ------------------------------------


def _keep_original(path: Path, original: bytes, version: int) -> Path:
    """Copy the original to the private backup folder; StoreWriteError if that fails.

    An existing copy is never overwritten: one with the same bytes (left by a
    save that failed halfway) is used again, one with other bytes gets a
    numbered neighbour.
    """
    folder = paths.migration_backup_dir()
    keep = f"keep a copy of the original (format {version}) in {folder} before rewriting it"
    for n in range(100):
        backup = folder / (f"{path.name}.v{version}" + (f".{n}" if n else ""))
        try:
            if backup.read_bytes() == original:
                return backup
            continue
        except FileNotFoundError:
            pass
        except IsADirectoryError:
            continue
        except OSError as exc:
            raise StoreWriteError(
                path, f"could not {keep} ({describe_os_error(exc)}); the file is left as it is"
            ) from None
        try:
            write_atomic(backup, original, replace=False)
        except StoreWriteError as exc:
            raise StoreWriteError(path, f"could not {keep} ({exc.reason}); the file is left as it is") from None
        return backup
    raise StoreWriteError(path, f"could not {keep} (too many copies there already); the file is left as it is")


def _replace_older_format(path: Path, data: bytes, version: int, vault: crypto.Vault | None, session_id: str) -> None:
    """Write ``data`` over a file of an older format, with the original kept until it is safe.

    In an encrypted folder the kept copy is sealed too, even when the
    original was a plain file left from an interrupted ``growtui encrypt``.
    """
    try:
        original = path.read_bytes()
    except OSError as exc:
        raise StoreWriteError(
            path,
            f"could not read the original (format {version}) to keep a copy "
            f"({describe_os_error(exc)}); the file is left as it is",
        ) from None
    if vault is not None and not crypto.sealed_head(original):
        original = vault.seal(original, session_id)
    backup = _keep_original(path, original, version)
    write_atomic(path, data)  # on failure the original is still in place (and the copy stays)
    try:
        if path.read_bytes() != data:
            raise SessionFileError([Problem(path, "the file on disk is not what was written")])
        loaded, text, _ = load_file(path, vault)
        if loaded.get("schema_version") != SESSION_SCHEMA_VERSION:
            raise SessionFileError([Problem(path, "the file on disk is not what was written")])
        from_toml(path, text, loaded)
    except (OSError, SessionFileError) as exc:
        reason = describe_os_error(exc) if isinstance(exc, OSError) else exc.problems[0].message
        raise StoreWriteError(
            path,
            f"the file could not be read back after rewriting it in format "
            f"{SESSION_SCHEMA_VERSION} ({reason}); the original is kept in {backup}",
        ) from None
    try:
        backup.unlink()
    except OSError:
        pass  # a copy left behind is harmless; it is private and outside the sessions folder


# --- the store -------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """What a file looked like when we last read or wrote it.

    ``version`` is the format the file was in. It travels with the stamp
    (whoever saves with a stamp saves with what it knows about the file),
    but is no part of comparing stamps: ``Stamp.of`` cannot know it.
    """

    size: int
    mtime_ns: int
    inode: int
    version: int = field(default=SESSION_SCHEMA_VERSION, compare=False)

    @classmethod
    def of(cls, path: Path, version: int = SESSION_SCHEMA_VERSION) -> Stamp | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, st.st_ino, version)


@dataclass
class Stored:
    """A session and the file it lives in.

    ``on_disk``: what the file holds, when ``session`` is newer and not yet
    written (recovered text that could not be saved on resuming); autosave
    keeps it as the base a later recovery file is compared with.
    """

    path: Path
    session: Session
    stamp: Stamp | None = None
    on_disk: Session | None = field(default=None, repr=False, compare=False)
    sealed: bool = field(default=False, compare=False)  # the file is encrypted (as read or written)

    @property
    def from_version(self) -> int:
        """The format of the file on disk: older than current until growtui first saves over it."""
        return self.stamp.version if self.stamp is not None else SESSION_SCHEMA_VERSION


@dataclass
class Scan:
    sessions: list[Stored] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Path] = field(default_factory=list)


class SessionChangedOnDisk(StoreWriteError):
    def __init__(self, path: Path):
        super().__init__(path, "the file was changed outside growtui since it was opened; not overwriting it")


class Store:
    """The sessions folder. With a ``vault`` the folder is encrypted: everything is written sealed."""

    def __init__(self, root: Path, vault: crypto.Vault | None = None):
        self.root = root
        self.vault = vault

    @property
    def encrypted(self) -> bool:
        return self.vault is not None

    def _bytes(self, session: Session, path: Path) -> bytes:
        data = encode(session, path)
        return self.vault.seal(data, session.id) if self.vault is not None else data

    # listing ---------------------------------------------------------------

    def files(self) -> Iterator[Path]:
        """Every candidate ``*.toml`` file below the root, sorted, hidden ones skipped."""
        return session_files(self.root)

    def scan(self) -> Scan:
        result = Scan()
        unreadable: list[Path] = []
        for path in session_files(self.root, unreadable):
            if is_conflict_copy(path):
                result.conflicts.append(path)
                continue
            try:
                result.sessions.append(self.read(path))
            except SessionFileError as exc:
                result.problems.extend(exc.problems)
        result.problems += [Problem(folder, UNREADABLE_FOLDER) for folder in unreadable]
        return result

    # reading ---------------------------------------------------------------

    def _check_inside(self, path: Path) -> None:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:  # a loop, or a link to nothing
                raise SessionFileError([toml_read.file_problem(path, exc)]) from None
            if not target.is_relative_to(self.root.resolve()):
                raise SessionFileError([Problem(path, "a link to outside the sessions folder; not read")])

    def read(self, path: Path) -> Stored:
        """Read and validate one session file, or raise SessionFileError."""
        self._check_inside(path)
        data, text, sealed = load_file(path, self.vault)
        session = from_toml(path, text, data)
        return Stored(path, session, Stamp.of(path, int(data["schema_version"])), sealed=sealed)

    # writing ---------------------------------------------------------------

    def path_for(self, session: Session) -> Path:
        path = self.root / (sealed_file_name(session) if self.vault is not None else file_name(session))
        # file_name() cannot produce a separator or '..'; this is a second lock on the door.
        if path.parent != self.root or path.name in (".", ".."):
            raise StoreWriteError(path, "unsafe file name")
        return path

    def create(self, session: Session) -> Stored:
        """Write a new session to a new file; never replaces an existing one."""
        path = self.path_for(session)
        write_atomic(path, self._bytes(session, path), replace=False)
        return Stored(path, session, Stamp.of(path), sealed=self.encrypted)

    def save(self, stored: Stored) -> Stored:
        """Write a session back to its file, atomically.

        Refuses (SessionChangedOnDisk) when the file changed on disk since it
        was read or last saved, so a hand edit or a synced change is never
        silently overwritten. A file deleted meanwhile is written anew. A
        session never written before (``stamp`` None) is created, never
        written over a file that is there.

        A file still in an older format is first copied, byte for byte, to
        :func:`paths.migration_backup_dir`; the copy is removed only when the
        file in the new format has been written and read back.
        """
        current = Stamp.of(stored.path)
        if stored.stamp is not None and current is not None and current != stored.stamp:
            raise SessionChangedOnDisk(stored.path)
        data = self._bytes(stored.session, stored.path)
        if current is not None and stored.from_version < SESSION_SCHEMA_VERSION:
            _replace_older_format(stored.path, data, stored.from_version, self.vault, stored.session.id)
        elif stored.stamp is None:
            write_atomic(stored.path, data, replace=False)  # its first write: never over a file growtui did not see
        else:
            write_atomic(stored.path, data)
        stored.stamp, stored.sealed = Stamp.of(stored.path), self.encrypted
        return stored

    def keep_conflict_copy(self, path: Path, session: Session, when: datetime) -> Path:
        """Write ``session`` beside ``path`` as a conflict copy, never over anything; its name says so.

        Named the way Syncthing names its copies (``NAME.sync-conflict-DATE-TIME-growtui.toml``), so
        every listing reports it as a conflict to resolve, never as a second session.
        """
        stem = f"{path.stem}.sync-conflict-{when:%Y%m%d-%H%M%S}-growtui"
        for n in range(100):
            copy = path.with_name(f"{stem}{f'-{n}' if n else ''}{SUFFIX}")
            try:
                write_atomic(copy, self._bytes(session, copy), replace=False)
                return copy
            except StoreWriteError:
                if not copy.exists():
                    raise
        raise StoreWriteError(path, "too many conflict copies beside it already; not written")

    def lock(self, path: Path) -> SessionLock:
        return SessionLock(path)
