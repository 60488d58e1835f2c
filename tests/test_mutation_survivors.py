"""Tests for the mutants that survived the mutation run of issue 15 (see docs/reliability.md).

mutmut changed the storage package and the conversation core one small
thing at a time; each test here fails for a mutant the suite let through
and that matters (a recovery file written plain in an encrypted folder, a
conflict copy written over another, lines inside a second multi-line string
taken for keys ...). Mutants that change nothing a person could notice (the
text of an internal message, a default nobody relies on) are not chased.
"""

from __future__ import annotations

import os

import pytest

from factories import FrozenClock
from growtui import crypto
from growtui.conversation import Autosaver, LiveSession, new_session, record_reviews, resume
from growtui.crypto import Vault
from growtui.errors import StoreWriteError
from growtui.index import Index
from growtui.model import SESSION_SCHEMA_VERSION, Action, Decision, FollowUpItem, Outcome, Session
from growtui.storage import Store, Stored, find_recovery, recovery as recovery_files, store as store_module, toml_read
from growtui.storage.codec import to_toml

PASSPHRASE = "correct horse battery"


# --- the key-line finder ----------------------------------------------------------------


@pytest.mark.parametrize(
    "before",
    ["# a comment first\n", 'short = "a one-line string first"\n', "\n\n", 'a = """\none\ntwo\n"""\n'],
)
def test_lines_inside_a_later_multi_line_string_are_never_keys(before):
    text = before + 'notes = """\nx = 1\ny = 2\nz = 3\n"""\n[goal]\nsession_gaol = "x"\n'
    lines = toml_read.key_lines(text)
    assert not {("x",), ("y",), ("z",)} & set(lines), lines
    assert lines[("goal", "session_gaol")] == text.count("\n", 0, text.index("session_gaol")) + 1


def test_a_table_under_an_array_of_tables_is_found_in_its_element():
    text = "[[q]]\nk = 1\n[[q]]\n[q.x.y]\nk = 2\n"
    assert toml_read.key_lines(text)[("q", 1, "x", "y", "k")] == 5


# --- rewriting a file of an older format, in an encrypted folder -----------------------------


def v1_bytes(session: Session) -> bytes:
    return to_toml(session).replace(f"schema_version = {SESSION_SCHEMA_VERSION}", "schema_version = 1", 1).encode()


def test_a_sealed_file_of_format_1_is_rewritten_and_read_back_with_the_key(tmp_path):
    vault = Vault.create(PASSPHRASE)
    session = Session(coachee="Oud")
    store = Store(tmp_path, vault)
    path = store.path_for(session)
    path.write_bytes(vault.seal(v1_bytes(session), session.id))
    stored = store.read(path)
    assert stored.from_version == 1
    stored.session.goal.notes = "herschreven"
    store.save(stored)
    again = store.read(path)
    assert again.session.goal.notes == "herschreven" and again.from_version == SESSION_SCHEMA_VERSION


def test_the_copy_kept_of_a_plain_format_1_file_in_an_encrypted_folder_is_sealed(tmp_path, monkeypatch):
    from growtui import paths

    vault = Vault.create(PASSPHRASE)
    session = Session(coachee="Oud")
    path = tmp_path / "2026-01-01_oud_x.toml"
    path.write_bytes(v1_bytes(session))
    store = Store(tmp_path, vault)
    stored = store.read(path)

    def refused(*args, **kwargs):
        if args[0] == path:
            raise StoreWriteError(path, "the disk is full")
        return real(*args, **kwargs)

    real = store_module.write_atomic
    monkeypatch.setattr(store_module, "write_atomic", refused)
    with pytest.raises(StoreWriteError):
        store.save(stored)
    [kept] = paths.migration_backup_dir().iterdir()
    assert crypto.looks_sealed(kept) and b"Oud" not in kept.read_bytes()


def test_a_rewrite_that_does_not_read_back_keeps_the_original_and_says_so(tmp_path, monkeypatch):
    from growtui import paths

    session = Session(coachee="Oud")
    path = tmp_path / "2026-01-01_oud_x.toml"
    original = v1_bytes(session)
    path.write_bytes(original)
    store = Store(tmp_path)
    stored = store.read(path)
    real = store_module.write_atomic

    def damaging(target, data, **kwargs):
        real(target, data + b"\n# changed on the way\n" if target == path else data, **kwargs)

    monkeypatch.setattr(store_module, "write_atomic", damaging)
    with pytest.raises(StoreWriteError) as info:
        store.save(stored)
    [kept] = paths.migration_backup_dir().iterdir()
    assert "the file on disk is not what was written" in info.value.reason and str(kept) in info.value.reason
    assert kept.read_bytes() == original


def test_a_file_name_that_leaves_the_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "file_name", lambda session: "../escape.toml")
    with pytest.raises(StoreWriteError, match="unsafe file name"):
        Store(tmp_path / "s").create(Session(coachee="X"))
    assert not (tmp_path / "escape.toml").exists()


# --- conflict copies -------------------------------------------------------------------------


def test_two_conflict_copies_in_one_second_never_overwrite_each_other(tmp_path):
    from datetime import datetime

    store = Store(tmp_path)
    stored = store.create(Session(coachee="Kim"))
    when = datetime(2026, 11, 21, 10, 15, 0)
    first, second = stored.session.model_copy(deep=True), stored.session.model_copy(deep=True)
    first.goal.notes, second.goal.notes = "eerste", "tweede"
    a = store.keep_conflict_copy(stored.path, first, when)
    b = store.keep_conflict_copy(stored.path, second, when)
    assert a != b and a.name.endswith("-growtui.toml") and b.name.endswith("-growtui-1.toml")
    assert store.read(a).session.goal.notes == "eerste" and store.read(b).session.goal.notes == "tweede"


def test_a_conflict_copy_that_cannot_be_written_says_why(tmp_path, monkeypatch):
    from datetime import datetime

    store = Store(tmp_path)
    stored = store.create(Session(coachee="Kim"))

    def full(path, data, **kwargs):
        raise StoreWriteError(path, "the disk is full")

    monkeypatch.setattr(store_module, "write_atomic", full)
    with pytest.raises(StoreWriteError) as info:
        store.keep_conflict_copy(stored.path, stored.session, datetime(2026, 1, 1))
    assert info.value.reason == "the disk is full"


# --- resuming ------------------------------------------------------------------------------


def test_a_recovery_file_that_does_not_open_is_left_and_the_file_opens(tmp_path):
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    folder = recovery_files.recovery_dirs()[0]
    folder.mkdir(parents=True)
    broken = folder / f"{stored.session.id}.toml"
    broken.write_text("schema_version = [")
    resumed = resume(store, stored.path)
    assert resumed.outcome is None and resumed.stored.path == stored.path and broken.exists()


def test_what_resume_says_names_the_recovery_file(tmp_path, monkeypatch):
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    changed = stored.session.model_copy(deep=True)
    changed.goal.notes = "anders"
    recovery = recovery_files.write_recovery(changed)  # no base: kept as a conflict copy
    resumed = resume(store, stored.path)
    assert (resumed.recovered_from, resumed.outcome, resumed.saved) == (recovery, "conflict", True)
    same = resume(store, stored.path)
    assert same.stored.path == stored.path and same.outcome is None
    base = store.read(stored.path).session
    recovery = recovery_files.write_recovery(changed, base=base)
    monkeypatch.setattr(Store, "save", lambda self, what: (_ for _ in ()).throw(StoreWriteError(what.path, "full")))
    unsaved = resume(store, stored.path)
    assert (unsaved.recovered_from, unsaved.outcome, unsaved.saved) == (recovery, "recovered", False)


# --- autosave --------------------------------------------------------------------------------


def failing_save(monkeypatch):
    monkeypatch.setattr(Store, "save", lambda self, what: (_ for _ in ()).throw(StoreWriteError(what.path, "full")))


def test_a_recovery_file_of_an_encrypted_folder_is_sealed_with_its_base(tmp_path, monkeypatch):
    vault = Vault.create(PASSPHRASE)
    store = Store(tmp_path / "s", vault)
    stored = store.create(Session(coachee="Geheim"))
    saver = Autosaver(store, stored, lambda status: None)
    failing_save(monkeypatch)
    snapshot = stored.session.model_copy(deep=True)
    snapshot.goal.notes = "vertrouwelijk"
    assert not saver.flush(1, snapshot)
    recovery = find_recovery(stored.session.id)
    assert recovery is not None and crypto.looks_sealed(recovery)
    base = recovery_files.base_path_for(recovery)
    assert crypto.looks_sealed(base) and b"Geheim" not in base.read_bytes()
    assert Store(recovery.parent, vault).read(base).session == stored.session


def test_after_a_good_save_the_saver_is_no_longer_failing_and_the_hook_runs(tmp_path, monkeypatch):
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    seen: list[Session] = []
    saver = Autosaver(store, stored, lambda status: None, after_save=seen.append)
    real = Store.save
    failing_save(monkeypatch)
    assert not saver.flush(1, stored.session.model_copy(deep=True)) and saver.failing
    monkeypatch.setattr(Store, "save", real)
    snapshot = stored.session.model_copy(deep=True)
    assert saver.flush(2, snapshot)
    assert not saver.failing and seen == [snapshot] and find_recovery(stored.session.id) is None


def test_one_second_counts(library, tmp_path):
    clock = FrozenClock()
    live = LiveSession(Stored(tmp_path / "x.toml", Session(coachee="Kim")), library, clock=clock)
    clock.now += 1
    live.account_time()
    assert live.session.phase_seconds[live.phase] == 1


# --- starting and the review written back ------------------------------------------------------


def test_new_session_keeps_the_minutes_and_the_coach_and_leaves_a_given_index_open(tmp_path):
    store = Store(tmp_path / "s")
    with Index.of(store) as index:
        stored = new_session(store, coachee="Kim", minutes=30, coach="Marieke", index=index)
        assert index.entries() is not None  # still open
    assert (stored.session.time_box_minutes, stored.session.coach) == (30, "Marieke")


def test_the_review_is_written_only_where_something_was_decided(tmp_path):
    store = Store(tmp_path / "s")
    earlier = Session(coachee="Kim", started_at="2026-10-01T10:00:00+02:00")
    earlier.will.actions = [Action(id="a1", what="een"), Action(id="a2", what="twee")]
    first = store.create(earlier)
    gone = FollowUpItem(session_id="gone00000001", action_id="a1", outcome=Outcome.done)
    later = Session(coachee="Kim")
    later.follow_up.items = [
        gone,
        FollowUpItem(session_id=earlier.id, action_id="a1", outcome=Outcome.done, decision=Decision.close),
        FollowUpItem(session_id=earlier.id, action_id="a2"),  # not reviewed yet
    ]
    assert record_reviews(store, later) == ["gone00000001"], "a missing file is skipped, the others are written"
    a1, a2 = store.read(first.path).session.will.actions
    assert (a1.status, a1.reviewed_in) == ("done", later.id)
    assert (a2.status, a2.reviewed_in) == ("open", None)
    before = first.path.stat().st_mtime_ns
    record_reviews(store, later)
    assert first.path.stat().st_mtime_ns == before, "nothing changed: nothing written"


# --- where recovery files may go -------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "chown") or os.geteuid() != 0, reason="making a folder someone else's needs root")
def test_a_recovery_folder_owned_by_someone_else_is_not_used(tmp_path, monkeypatch):
    theirs = tmp_path / "shared" / "growtui-recovery"
    theirs.mkdir(parents=True)
    os.chown(theirs, 12345, 12345)
    monkeypatch.setattr(recovery_files, "recovery_dirs", lambda: [theirs])
    assert recovery_files.write_recovery(Session(coachee="Kim")) is None
    assert list(theirs.iterdir()) == []


def test_a_file_where_the_recovery_folder_should_be_is_passed_over(tmp_path, monkeypatch):
    blocked, fine = tmp_path / "blocked", tmp_path / "fine"
    blocked.write_text("not a folder")
    monkeypatch.setattr(recovery_files, "recovery_dirs", lambda: [blocked, fine])
    written = recovery_files.write_recovery(Session(coachee="Kim"))
    assert written is not None and written.parent == fine
