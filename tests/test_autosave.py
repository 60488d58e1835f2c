"""Autosave: off the UI thread, newest wins, recovery when the disk fails."""

from __future__ import annotations

import errno
import threading
import time

import pytest

from growtui.conversation import Autosaver, SaveStatus, autosave
from growtui.errors import StoreWriteError
from growtui.model import Session
from growtui.storage import Store, find_recovery


class Statuses:
    def __init__(self) -> None:
        self.items: list[SaveStatus] = []
        self.event = threading.Event()
        self.threads: set[str] = set()

    def __call__(self, status: SaveStatus) -> None:
        self.items.append(status)
        self.threads.add(threading.current_thread().name)
        self.event.set()

    def wait_for(self, predicate, timeout: float = 10.0) -> SaveStatus:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for status in reversed(self.items):
                if predicate(status):
                    return status
            self.event.wait(0.05)
            self.event.clear()
        raise AssertionError(f"no matching status in {self.items}")


@pytest.fixture
def setup(sessions_dir):
    store = Store(sessions_dir)
    stored = store.create(Session(coachee="Ada", id="autosave01"))
    statuses = Statuses()
    saver = Autosaver(store, stored, statuses)
    yield store, stored, saver, statuses
    saver.stop()


def edited(stored, notes: str) -> Session:
    copy = stored.session.model_copy(deep=True)
    copy.goal.notes = notes
    return copy


def test_a_submitted_snapshot_is_written_by_the_writer_thread(setup):
    store, stored, saver, statuses = setup
    started = time.monotonic()
    saver.submit(1, edited(stored, "first words"))
    statuses.wait_for(lambda s: s.ok and s.version == 1)
    assert time.monotonic() - started < 1.0
    assert store.read(stored.path).session.goal.notes == "first words"
    assert statuses.threads == {"growtui-autosave"}


def test_the_newest_snapshot_wins(setup):
    store, stored, saver, statuses = setup
    for n in range(50):
        saver.submit(n, edited(stored, f"version {n}"))
    statuses.wait_for(lambda s: s.ok and s.version == 49)
    assert store.read(stored.path).session.goal.notes == "version 49"


def test_disk_full_keeps_text_in_a_recovery_file_and_retries(setup, monkeypatch):
    store, stored, saver, statuses = setup
    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.1)
    real_save = Store.save
    failures = {"left": 3}

    def flaky_save(self, target):
        if failures["left"] > 0:
            failures["left"] -= 1
            raise StoreWriteError(target.path, "the disk is full")
        return real_save(self, target)

    monkeypatch.setattr(Store, "save", flaky_save)
    saver.submit(7, edited(stored, "precious words"))
    failed = statuses.wait_for(lambda s: not s.ok)
    assert failed.reason == "the disk is full"
    assert failed.recovery is not None and "precious words" in failed.recovery.read_text()
    assert oct(failed.recovery.stat().st_mode & 0o777) == "0o600"
    assert "precious words" not in stored.path.read_text(), "no partial write"
    statuses.wait_for(lambda s: s.ok and s.version == 7)  # retried without a new submit
    assert store.read(stored.path).session.goal.notes == "precious words"
    assert find_recovery(stored.session.id) is None, "recovery file cleared once saved"


def test_flush_writes_synchronously(setup):
    store, stored, saver, _ = setup
    assert saver.flush(3, edited(stored, "last words before quitting"))
    assert store.read(stored.path).session.goal.notes == "last words before quitting"


def test_when_every_folder_fails_the_status_still_says_so(setup, monkeypatch):
    _store, stored, saver, statuses = setup

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "read-only")

    monkeypatch.setattr("growtui.storage.atomic.tempfile.mkstemp", refuse)
    assert not saver.flush(1, edited(stored, "x"))
    assert statuses.items[-1].ok is False and statuses.items[-1].recovery is None
