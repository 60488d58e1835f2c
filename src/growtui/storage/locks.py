"""One writer per session: a lock in the cache folder, freed when its holder exits or dies."""

from __future__ import annotations

from pathlib import Path

import filelock

from growtui import paths
from growtui.errors import SessionLockedError


class SessionLock:
    """An exclusive claim on a session for writing, freed when the process dies.

    The lock file lives in the cache folder (never in the synced sessions
    folder), named by a hash of the session's real path.
    """

    def __init__(self, path: Path):
        self.path = path
        self.lock_path = paths.lock_dir() / f"{paths.cache_name(path, 24)}.lock"
        self._lock = filelock.FileLock(self.lock_path, timeout=0, mode=0o600, thread_local=False)

    def acquire(self) -> SessionLock:
        paths.ensure_private_dir(paths.lock_dir())
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise SessionLockedError(self.path) from None
        return self

    def release(self, *, forget: bool = False) -> None:
        """Let go; ``forget`` also removes the (empty) lock file, for a session file that was just moved or
        is not opened again soon (encrypt and decrypt go through thousands). Removed while still held, so
        nobody can be holding that file when it goes."""
        if forget and self._lock.is_locked:
            try:
                self.lock_path.unlink()
            except OSError:
                pass
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
