"""Saving off the UI thread, and never dropping text when saving fails.

The screen hands over a snapshot (a deep copy of the session) whenever
something changed; a single writer thread serialises and writes it
atomically. When the write fails (disk full, read-only folder, the file was
changed outside growtui) the text goes to a recovery file in another folder,
the writer keeps retrying the real file every few seconds, and the status
callback tells the screen, which says so on screen. The newest snapshot
always wins: a slow disk never builds a queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from growtui.errors import StoreWriteError
from growtui.model import Session
from growtui.storage import Store, Stored, clear_recovery, write_recovery

RETRY_SECONDS = 2.0


@dataclass(frozen=True)
class SaveStatus:
    ok: bool
    version: int
    reason: str = ""
    recovery: Path | None = None


class Autosaver:
    """One writer thread per open session."""

    def __init__(
        self,
        store: Store,
        stored: Stored,
        on_status: Callable[[SaveStatus], None],
        after_save: Callable[[Session], None] | None = None,
    ):
        self._store = store
        self._after_save = after_save
        self._stored = stored
        # What the file holds as far as growtui knows (the base of a recovery file), and whether a
        # recovery file holds text this session has and its file not yet: cleared by the next save.
        self._base = stored.on_disk or stored.session.model_copy(deep=True)
        self._recovery_pending = stored.on_disk is not None
        self._on_status = on_status
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._snapshot: tuple[int, Session] | None = None
        self._retry: tuple[int, Session] | None = None
        self._saved_version = -1
        self._failing = False
        self.status: SaveStatus | None = None  # the last save's outcome: what quitting tells the user
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="growtui-autosave", daemon=True)
        self._thread.start()

    @property
    def encrypted(self) -> bool:
        """The session is saved sealed (its folder is encrypted)."""
        return self._store.encrypted

    @property
    def failing(self) -> bool:
        return self._failing

    def submit(self, version: int, snapshot: Session) -> None:
        """Hand over the newest state; returns at once."""
        with self._wake:
            self._snapshot = (version, snapshot)
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                if self._snapshot is None and not self._stopping:
                    # Failing: wake up to retry the last snapshot even if nothing new came.
                    self._wake.wait(timeout=RETRY_SECONDS if self._failing else None)
                if self._snapshot is None and self._failing and self._retry is not None and not self._stopping:
                    self._snapshot = self._retry  # while stopping, flush() makes the one last try
                if self._snapshot is None:
                    if self._stopping:
                        return
                    continue
                job, self._snapshot = self._snapshot, None
            self._write(*job)

    def _write(self, version: int, session: Session) -> bool:
        """Write one snapshot to the session file; on failure, to a recovery file."""
        stored = Stored(self._stored.path, session, self._stored.stamp)
        try:
            self._store.save(stored)
        except Exception as exc:
            reason = exc.reason if isinstance(exc, StoreWriteError) else f"internal error ({type(exc).__name__})"
            self._retry = (version, session)
            try:
                recovery = write_recovery(session, self._store.vault, base=self._base)
            except Exception:
                recovery = None
            self._failing = True
            self.status = SaveStatus(False, version, reason, recovery)
            self._on_status(self.status)
            return False
        self._stored.stamp = stored.stamp
        self._base = session
        self._retry = None
        if self._failing or self._recovery_pending:
            clear_recovery(session.id)
        self._failing = self._recovery_pending = False
        self._saved_version = version
        self.status = SaveStatus(True, version)
        self._on_status(self.status)
        if self._after_save is not None:
            try:
                self._after_save(session)
            except Exception:
                pass
        return True

    def flush(self, version: int, snapshot: Session, timeout: float = 5.0) -> bool:
        """Write now and wait: for quitting, signals and crashes. True when on disk."""
        self.stop(timeout)
        if version == self._saved_version and not self._failing:
            return True
        return self._write(version, snapshot)

    def stop(self, timeout: float = 5.0) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
