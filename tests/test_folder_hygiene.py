"""The smaller promises of issue 15, item 8: nothing skipped or doubled without a word, nothing left behind.

* An unreadable subfolder of the sessions folder is named, not skipped in silence.
* Two files holding one session are listed twice, and said so.
* ``encrypt`` and ``decrypt`` leave no empty lock file per session in the cache.
* Bare ``resume`` goes on with the latest real conversation, not one dated 9999.
* The plain index of a sessions folder that is gone (each a full plain copy of its notes) is removed
  the next time growtui uses an index, without being asked.
* A new conversation whose first save was killed before the link has its hidden file given its name the next
  time growtui looks at the folder; a file being written right now, or one that is there, is never touched.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from growtui import paths
from growtui.crypto import Vault, decrypt_folder, encrypt_folder
from growtui.index import INDEX_FORMAT, Index, default_location
from growtui.model import Session
from growtui.storage import SessionLock, Store, iter_stats, rescue_half_written
from ui_helpers import make_app

PASSPHRASE = "correct horse battery"


@pytest.fixture
def refused_folder(monkeypatch, sessions_dir: Path) -> Path:
    """A subfolder growtui may not list (simulated: the tests run as root, who may list anything)."""
    sub = sessions_dir / "2025"
    sub.mkdir(parents=True)
    Store(sub).create(Session(coachee="Verstopt"))
    Store(sessions_dir).create(Session(coachee="Zichtbaar"))
    real_scandir, real_listdir, real_open = os.scandir, os.listdir, os.open

    def scandir(path="."):
        if not isinstance(path, int) and os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(sub))
        return real_scandir(path)

    def open_(path, flags, mode=0o777, *, dir_fd=None):  # a folder is listed through a descriptor where it can be
        if os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(sub))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    def listdir(path="."):
        if os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(sub))
        return real_listdir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "open", open_)
    return sub


def test_an_unreadable_subfolder_is_named(run, sessions_dir, refused_folder):
    code, out, err = run("--sessions-dir", str(sessions_dir), "list")
    assert code == 0 and "Zichtbaar" in out
    assert f"{refused_folder}: a folder growtui may not read" in err
    scan = Store(sessions_dir).scan()
    assert [p.path for p in scan.problems] == [refused_folder]


async def test_an_unreadable_subfolder_is_named_on_the_home_screen(sessions_dir, refused_folder):
    app = make_app(sessions_dir)
    notes: list[str] = []
    real_notify = app.notify

    def notify(message, **kw):
        notes.append(str(message))
        return real_notify(message, **kw)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert any("2025" in n for n in notes), notes


def test_encrypt_and_decrypt_leave_no_lock_files(sessions_dir):
    store = Store(sessions_dir)
    for n in range(30):
        store.create(Session(coachee=f"Persoon {n}"))
    encrypt_folder(sessions_dir, Vault.create(PASSPHRASE))
    assert list(paths.lock_dir().glob("*.lock")) == []
    from growtui.crypto import read_marker

    marker = read_marker(sessions_dir)
    assert marker is not None
    report = decrypt_folder(sessions_dir, Vault.unlock(PASSPHRASE, marker))
    assert report.complete and report.converted == 30
    assert list(paths.lock_dir().glob("*.lock")) == []


def test_bare_resume_goes_on_with_the_latest_real_conversation(run, sessions_dir, monkeypatch):
    from growtui.cli import tui

    store = Store(sessions_dir)
    real = store.create(Session(coachee="Echt", started_at="2026-11-20T10:00:00+01:00"))
    store.create(Session(coachee="Toekomst", started_at="9999-12-31T10:00:00+01:00"))
    store.create(Session(coachee="Ouder", started_at="2026-01-20T10:00:00+01:00"))
    opened: list[dict] = []
    monkeypatch.setattr(tui, "run_app", lambda opts, kwargs: opened.append(kwargs))
    code, _, err = run("--sessions-dir", str(sessions_dir), "resume")
    assert code == 0, err
    assert opened == [{"resume": real.path, "reopen": False}]


def test_only_future_ones_left_resume_takes_the_newest_of_them(run, sessions_dir, monkeypatch):
    from growtui.cli import tui

    future = Store(sessions_dir).create(Session(coachee="Toekomst", started_at="9999-12-31T10:00:00+01:00"))
    opened: list[dict] = []
    monkeypatch.setattr(tui, "run_app", lambda opts, kwargs: opened.append(kwargs))
    assert run("--sessions-dir", str(sessions_dir), "resume").code == 0
    assert opened == [{"resume": future.path, "reopen": False}]


def aged(path: Path) -> None:
    past = time.time() - 3600
    os.utime(path, (past, past))


def test_the_index_of_a_folder_that_is_gone_is_removed_when_an_index_is_used(tmp_path):
    gone, kept = tmp_path / "moved-away", tmp_path / "still-here"
    for folder in (gone, kept):
        Store(folder).create(Session(coachee="Zoë"))
        Index(folder).sync()
    old_index, kept_index = default_location(gone), default_location(kept)
    aged(old_index)
    aged(kept_index)
    for path in gone.iterdir():
        path.unlink()
    gone.rmdir()
    other = tmp_path / "third"
    Store(other).create(Session(coachee="Kim"))
    Index(other).sync()  # any use of an index, for any folder
    assert not old_index.exists(), "a plain copy of a gone folder's notes stayed in the cache"
    assert kept_index.exists() and default_location(other).exists()


def test_an_index_of_an_older_format_is_removed_and_a_fresh_one_is_kept(tmp_path):
    import sqlite3

    stale = paths.cache_dir() / "index" / "0123456789abcdef.sqlite3"
    stale.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(stale)
    db.execute(f"PRAGMA user_version = {INDEX_FORMAT - 1}")
    db.execute("CREATE TABLE texts (body TEXT)")
    db.commit()
    db.close()
    young = stale.with_name("fedcba9876543210.sqlite3")
    young.write_bytes(stale.read_bytes())  # just made: perhaps by another growtui right now
    aged(stale)
    folder = tmp_path / "s"
    Store(folder).create(Session(coachee="Kim"))
    Index(folder).sync()
    assert not stale.exists() and young.exists()


def _half_written(folder: Path, session: Session, random_part: str = "abcd1234", age: int = 0) -> tuple[Path, Path]:
    """What a growtui killed in the first save of ``session`` leaves: the text, under a hidden name only."""
    store = Store(folder)
    target = store.path_for(session)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{target.name}.{random_part}.new.tmp"
    tmp.write_bytes(store._bytes(session, target))
    if age:
        os.utime(tmp, ns=(tmp.stat().st_mtime_ns - age, tmp.stat().st_mtime_ns - age))
    return tmp, target


def test_a_first_save_killed_before_its_link_gets_its_name_when_the_folder_is_next_indexed(sessions_dir):
    session = Session(coachee="Kim First")
    session.opening.notes = "Rested and ready"
    tmp, target = _half_written(sessions_dir, session)
    with Index(sessions_dir) as index:
        index.sync()
        [entry] = index.entries()
    assert entry.id == session.id and entry.path == target
    assert Store(sessions_dir).read(target).session.opening.notes == "Rested and ready"
    assert not tmp.exists()


def test_a_half_written_first_save_is_left_alone_while_its_session_is_locked(sessions_dir):
    """A running growtui holds the lock from the start: it may be between writing and linking right now."""
    tmp, target = _half_written(sessions_dir, Session(coachee="Kim Busy"))
    with SessionLock(target):
        assert rescue_half_written(sessions_dir) == []
    assert tmp.exists() and not target.exists()


def test_the_newest_of_two_gets_the_name_and_an_empty_one_goes(sessions_dir):
    older_session = Session(coachee="Kim Twice")
    older_session.opening.notes = "older"
    newer_session = older_session.model_copy(deep=True)
    newer_session.opening.notes = "older and newer"
    older, target = _half_written(sessions_dir, older_session, "older111", age=10**9)
    newer, _ = _half_written(sessions_dir, newer_session, "newer222")
    empty, empty_target = _half_written(sessions_dir, Session(coachee="Kim Empty"), "empty333")
    empty.write_bytes(b"")  # killed between creating the file and writing into it: nothing was in it
    assert rescue_half_written(sessions_dir) == [target]
    assert list(paths.lock_dir().glob("*.lock")) == [], "each file looked at leaves no lock file behind"
    assert Store(sessions_dir).read(target).session.opening.notes == "older and newer"
    assert not newer.exists() and not empty.exists() and not empty_target.exists()
    assert older.exists(), "a leftover of a file that is there now: cleared when that file is opened"


def test_a_file_that_is_there_and_other_hidden_files_are_never_touched(sessions_dir):
    there = Session(coachee="Kim There")
    stored = Store(sessions_dir).create(there)
    before = stored.path.read_bytes()
    leftover, _ = _half_written(sessions_dir, there)
    others = [
        sessions_dir / name
        for name in (".notes.tmp", ".x.toml.short.tmp", ".x.toml.abcd1234.swp", ".x.json.abcd1234.tmp")
    ]
    for other in others:
        other.write_text("not ours")
    assert rescue_half_written(sessions_dir) == []
    assert stored.path.read_bytes() == before
    assert leftover.exists() and all(other.exists() for other in others)


def test_list_shows_a_conversation_whose_first_save_was_killed_before_its_link(run, sessions_dir):
    session = Session(coachee="Kim Listed")
    tmp, target = _half_written(sessions_dir, session)
    result = run("--sessions-dir", str(sessions_dir), "list")
    assert result.code == 0 and "Kim Listed" in result.out
    assert target.exists() and not tmp.exists()


def test_a_later_save_left_behind_never_brings_back_a_file_deleted_on_purpose(sessions_dir):
    """A leftover of an ordinary save (``….tmp``) beside a file that was then deleted: it stays deleted."""
    session = Session(coachee="Kim Deleted")
    store = Store(sessions_dir)
    target = store.path_for(session)
    sessions_dir.mkdir(parents=True, exist_ok=True)
    leftover = sessions_dir / f".{target.name}.abcd1234.tmp"
    leftover.write_bytes(store._bytes(session, target))
    marker = sessions_dir / ".growtui-encrypted.toml.abcd1234.new.tmp"  # an encrypt killed before its link
    marker.write_text("not a session")
    assert rescue_half_written(sessions_dir) == []
    assert not target.exists() and not (sessions_dir / ".growtui-encrypted.toml").exists()


def test_the_listing_keeps_only_first_writes_temporary_files_for_a_rescue(sessions_dir):
    """The index's scan of the root hands on ``….new.tmp`` names alone: a later save's leftover is never looked at."""
    session = Session(coachee="Kim Scanned")
    first, target = _half_written(sessions_dir, session)
    later = sessions_dir / f".{target.name}.abcd1234.tmp"
    later.write_text("a later save's leftover")
    (sessions_dir / "sub").mkdir()
    (sessions_dir / "sub" / first.name).write_text("not in the root")
    half_written: list[str] = []
    list(iter_stats(sessions_dir, [], [], half_written=half_written))
    assert half_written == [first.name]
