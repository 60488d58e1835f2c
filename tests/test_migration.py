"""Older session files: migrated on reading, never written by reading, original kept until safe."""

from __future__ import annotations

import errno
import json
import os
import stat
import time
import tomllib
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factories import full_session
from growtui import paths
from growtui.cli import main
from growtui.conversation import Autosaver, SaveStatus, record_reviews
from growtui.errors import SessionFileError, StoreWriteError
from growtui.index import Index
from growtui.model import (
    SESSION_SCHEMA_VERSION,
    Action,
    ActionStatus,
    Asked,
    Decision,
    FollowUpItem,
    Lang,
    Option,
    Outcome,
    Phase,
    ScaleAnswer,
    Session,
    Status,
)
from growtui.storage import SessionChangedOnDisk, Store, atomic, file_name, migrate, store as store_module, to_toml
from growtui.storage.toml_write import friendly_dumps

# The keys format 2 added (issue 4); everything else was in format 1.
REVIEW_KEYS = {
    "follow_up": ("when", "agreed_on", "motivation", "carry_count"),
    "will": ("agreed_on", "outcome", "reviewed_in"),
}
LIST_OF = {"follow_up": "items", "will": "actions"}


def without_review_values(session: Session) -> Session:
    """The session as a format 1 growtui could have held it: review fields at their defaults."""
    session = session.model_copy(deep=True)
    for item in session.follow_up.items:
        item.when = item.agreed_on = item.motivation = None
        item.carry_count = 0
    for action in session.will.actions:
        action.agreed_on = action.outcome = action.reviewed_in = None
    return session


def v1_text(session: Session, *, review_keys: bool) -> str:
    """The session written as format 1: by a build from before the review (no review keys), or after it."""
    data = tomllib.loads(to_toml(session))
    data["schema_version"] = 1
    if not review_keys:
        for section, keys in REVIEW_KEYS.items():
            for entry in data.get(section, {}).get(LIST_OF[section], []):
                for key in keys:
                    entry.pop(key, None)
    text = friendly_dumps(data)
    assert text.startswith("schema_version = 1\n")
    return text


def with_review_values(session: Session) -> Session:
    session = session.model_copy(deep=True)
    item = session.follow_up.items[0]
    item.when, item.agreed_on, item.motivation, item.carry_count = date(2026, 10, 20), date(2026, 10, 6), 6, 1
    action = session.will.actions[0]
    action.agreed_on, action.outcome, action.reviewed_in = date(2026, 10, 6), Outcome.partly_done, "r3v13w3d0001"
    return Session.model_validate(session.model_dump())


def write_v1(folder: Path, session: Session, *, review_keys: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(session)
    path.write_text(v1_text(session, review_keys=review_keys), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def backups() -> list[Path]:
    folder = paths.migration_backup_dir()
    return sorted(folder.iterdir()) if folder.is_dir() else []


def backup_of(path: Path) -> Path:
    return paths.migration_backup_dir() / f"{path.name}.v1"


# --- reading -------------------------------------------------------------------------


@pytest.mark.parametrize("review_keys", [False, True], ids=["before-review", "with-review-keys"])
def test_a_v1_file_reads_as_a_current_session(sessions_dir, review_keys):
    session = with_review_values(full_session()) if review_keys else without_review_values(full_session())
    path = write_v1(sessions_dir, session, review_keys=review_keys)
    if not review_keys:
        text = path.read_text()
        assert "agreed_on" not in text and "reviewed_in" not in text and "carry_count = 0" not in text
    stored = Store(sessions_dir).read(path)
    assert stored.session == session
    assert stored.session.schema_version == SESSION_SCHEMA_VERSION
    assert stored.from_version == 1


def test_a_v1_file_with_mistakes_still_gets_line_numbers_and_hints(sessions_dir):
    sessions_dir.mkdir()
    path = sessions_dir / "x.toml"
    path.write_text(
        'schema_version = 1\nid = "typo0001"\ncoachee = "A"\nstarted_at = 2026-01-01T10:00:00\n'
        '\n[[will.actions]]\nid = "a1"\nwhat = "x"\nsucess_criterion = "y"\n'
    )
    with pytest.raises(SessionFileError) as info:
        Store(sessions_dir).read(path)
    assert str(info.value) == (
        f"{path}:9: unknown key 'will.actions.sucess_criterion' (did you mean 'success_criterion'?)"
    )


def test_reading_listing_showing_and_indexing_never_write(sessions_dir, capsys):
    first = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    second = write_v1(
        sessions_dir, with_review_values(full_session(id="s3c0nd000001", coachee="Tom")), review_keys=True
    )
    os.utime(first, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = snapshot(sessions_dir)
    store = Store(sessions_dir)

    assert [s.from_version for s in store.scan().sessions] == [1, 1]
    store.read(first)
    with Index(sessions_dir) as index:
        index.sync()
        assert {e.id for e in index.entries()} == {"k7m2q9x4c1ab", "s3c0nd000001"}
        assert index.search("Tom") is not None
    for argv in (["list"], ["list", "--json"], ["show", "k7m2"], ["show", str(second)], ["search", "Tom"]):
        with pytest.raises(SystemExit) as done:
            main(["--sessions-dir", str(sessions_dir), *argv])
        assert done.value.code in (0, None), argv
    out = capsys.readouterr().out
    assert "Zoë de Wit" in out

    assert snapshot(sessions_dir) == before, "reading never changes a file, not even its mtime"
    assert backups() == []


def test_list_json_shows_a_v1_session(sessions_dir, capsys):
    write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    with pytest.raises(SystemExit):
        main(["--sessions-dir", str(sessions_dir), "list", "--json"])
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == "k7m2q9x4c1ab"


# --- saving: the migrated file, and the original kept until it is safe ----------------------


def test_saving_writes_format_2_and_keeps_a_private_copy_only_while_writing(sessions_dir, monkeypatch):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    original = path.read_bytes()
    store = Store(sessions_dir)
    stored = store.read(path)
    stored.session.goal.notes = "added after the update"
    seen = []
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == path:
            backup = backup_of(path)
            seen.append(
                (
                    backup.read_bytes(),
                    stat.S_IMODE(backup.stat().st_mode),
                    stat.S_IMODE(backup.parent.stat().st_mode),
                    path.read_bytes(),
                )
            )
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    store.save(stored)

    assert seen == [(original, 0o600, 0o700, original)], "the copy was there, private, before the swap"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"schema_version = {SESSION_SCHEMA_VERSION}\n") and text == to_toml(stored.session)
    assert backups() == [], "the copy is removed once the new file reads back"
    assert stored.from_version == SESSION_SCHEMA_VERSION
    again = store.read(path)
    assert again.from_version == SESSION_SCHEMA_VERSION and again.session == stored.session
    assert [p.name for p in sessions_dir.iterdir()] == [path.name], "nothing left in the sessions folder"


def test_a_later_save_makes_no_copy(sessions_dir, monkeypatch):
    path = write_v1(sessions_dir, full_session(), review_keys=True)
    store = Store(sessions_dir)
    stored = store.read(path)
    store.save(stored)
    monkeypatch.setattr(paths, "migration_backup_dir", lambda: pytest.fail("no copy for a current file"))
    stored.session.goal.notes = "second save"
    store.save(stored)
    assert store.read(path).session.goal.notes == "second save"


def test_a_failing_replace_leaves_the_v1_original_and_its_copy(sessions_dir, monkeypatch):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    original = path.read_bytes()
    store = Store(sessions_dir)
    stored = store.read(path)
    stored.session.goal.notes = "not yet on disk"

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "replace", boom)
        with pytest.raises(StoreWriteError, match="the disk is full"):
            store.save(stored)

    assert path.read_bytes() == original and path.read_text().startswith("schema_version = 1\n")
    assert [p.name for p in sessions_dir.iterdir()] == [path.name], "no temporary file left"
    [backup] = backups()
    assert backup == backup_of(path) and backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    assert stored.from_version == 1

    store.save(stored)  # the disk has room again: the same copy serves, and goes
    assert store.read(path).session.goal.notes == "not yet on disk"
    assert backups() == []


@pytest.mark.parametrize("how", ["disk-full", "file-in-the-way"])
def test_no_copy_no_save(sessions_dir, monkeypatch, tmp_path, how):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    before = snapshot(sessions_dir)
    store = Store(sessions_dir)
    stored = store.read(path)
    stored.session.goal.notes = "would overwrite the original"
    if how == "disk-full":
        real_write = store_module.write_atomic

        def write_atomic(target, data, *, replace=True):
            if target.parent == paths.migration_backup_dir():
                raise StoreWriteError(target, "the disk is full")
            return real_write(target, data, replace=replace)

        monkeypatch.setattr(store_module, "write_atomic", write_atomic)
        reason = "the disk is full"
    else:
        (tmp_path / "a-file").write_text("")
        monkeypatch.setattr(paths, "migration_backup_dir", lambda: tmp_path / "a-file" / "migrated")
        reason = os.strerror(errno.ENOTDIR)

    with pytest.raises(StoreWriteError) as info:
        store.save(stored)
    assert info.value.path == path
    assert "could not keep a copy of the original (format 1)" in str(info.value)
    assert reason in str(info.value) and str(info.value).endswith("the file is left as it is")
    assert snapshot(sessions_dir) == before
    assert stored.from_version == 1


def test_a_file_that_does_not_read_back_keeps_its_copy(sessions_dir, monkeypatch):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    original = path.read_bytes()
    store = Store(sessions_dir)
    stored = store.read(path)

    def garbled(*args, **kwargs):
        raise store_module.toml_read.TomlProblem(store_module.Problem(path, "TOML syntax error", 3))

    monkeypatch.setattr(store_module.toml_read, "load", garbled)
    with pytest.raises(StoreWriteError) as info:
        store.save(stored)
    assert f"the original is kept in {backup_of(path)}" in str(info.value)
    assert backup_of(path).read_bytes() == original


def test_another_copy_by_the_same_name_is_never_overwritten(sessions_dir):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    paths.ensure_private_dir(paths.migration_backup_dir())
    older = backup_of(path)
    older.write_bytes(b"an earlier original")
    store = Store(sessions_dir)
    store.save(store.read(path))
    assert older.read_bytes() == b"an earlier original"
    assert backups() == [older]
    assert store.read(path).from_version == SESSION_SCHEMA_VERSION


def test_a_v1_file_changed_on_disk_is_not_overwritten_or_copied(sessions_dir):
    path = write_v1(sessions_dir, without_review_values(full_session()), review_keys=False)
    store = Store(sessions_dir)
    stored = store.read(path)
    time.sleep(0.01)
    path.write_text(path.read_text().replace("Marieke", "Hand edit"))
    edited = path.read_bytes()
    with pytest.raises(SessionChangedOnDisk):
        store.save(stored)
    assert path.read_bytes() == edited and backups() == []


def test_the_autosaver_migrates_a_resumed_v1_session(sessions_dir):
    path = write_v1(sessions_dir, without_review_values(full_session(status=Status.in_progress)), review_keys=False)
    store = Store(sessions_dir)
    stored = store.read(path)
    statuses: list[SaveStatus] = []
    saver = Autosaver(store, stored, statuses.append)
    copy = stored.session.model_copy(deep=True)
    copy.closing.notes = "typed after resuming"
    try:
        assert saver.flush(1, copy)
    finally:
        saver.stop()
    again = store.read(path)
    assert again.from_version == SESSION_SCHEMA_VERSION and again.session.closing.notes == "typed after resuming"
    assert backups() == []


def test_the_follow_up_write_back_migrates_the_earlier_file(sessions_dir):
    earlier = without_review_values(full_session(id="earl1er00001", coachee="Anna"))
    earlier.will.actions[0].status = ActionStatus.open
    path = write_v1(sessions_dir, earlier, review_keys=False)
    store = Store(sessions_dir)
    later = Session(coachee="Anna", previous_session=earlier.id)
    later.follow_up.items.append(FollowUpItem(session_id=earlier.id, action_id="a1", outcome=Outcome.done))
    assert record_reviews(store, later) == []
    again = store.read(path)
    assert again.from_version == SESSION_SCHEMA_VERSION
    action = again.session.will.actions[0]
    assert (action.status, action.outcome, action.reviewed_in) == (ActionStatus.done, Outcome.done, later.id)
    assert backups() == []


# --- versions that cannot be read -------------------------------------------------------------


@pytest.mark.parametrize("version", [0, -1])
def test_a_version_below_1_is_not_a_format(sessions_dir, version):
    sessions_dir.mkdir()
    path = sessions_dir / "x.toml"
    path.write_text(f'id = "abcd1234"\nschema_version = {version}\ncoachee = "A"\nstarted_at = 2026-01-01T10:00:00\n')
    with pytest.raises(SessionFileError) as info:
        Store(sessions_dir).read(path)
    assert (
        str(info.value) == f"{path}:2: 'schema_version' {version} is not a growtui session format "
        f"(they are numbered 1 to {SESSION_SCHEMA_VERSION})"
    )


@pytest.mark.parametrize("version", [SESSION_SCHEMA_VERSION + 1, 9])
def test_a_newer_file_asks_for_an_update_not_for_deleting_keys(sessions_dir, version):
    sessions_dir.mkdir()
    path = sessions_dir / "x.toml"
    path.write_text(
        f'schema_version = {version}\nid = "abcd1234"\ncoachee = "A"\nstarted_at = 2026-01-01T10:00:00\n'
        'mood = "new in a later format"\n\n[[will.actions]]\nid = "a1"\nwhat = "x"\nreflection = "y"\n'
    )
    before = snapshot(sessions_dir)
    with pytest.raises(SessionFileError) as info:
        Store(sessions_dir).read(path)
    assert str(info.value) == (
        f"{path}:1: written by a newer growtui (format {version}; this version reads "
        f"format {SESSION_SCHEMA_VERSION}): update growtui to open it. The file is left as it is"
    )
    assert "unknown key" not in str(info.value)
    assert snapshot(sessions_dir) == before


def test_growtui_paths_shows_where_copies_go(capsys):
    with pytest.raises(SystemExit):
        main(["paths"])
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.startswith("migration backups:") and line.endswith(f" {paths.migration_backup_dir()}") for line in lines
    )


# --- the chain of steps ----------------------------------------------------------------------


def test_every_older_format_has_a_step():
    assert migrate.OLDEST == 1
    assert sorted(migrate.STEPS) == list(range(migrate.OLDEST, SESSION_SCHEMA_VERSION))


def test_upgrade_leaves_the_callers_data_alone():
    data = {"schema_version": 1, "coachee": "A", "will": {"actions": [{"id": "a1", "what": "x"}]}}
    frozen = json.dumps(data)
    upgraded, found = migrate.upgrade(data)
    assert found == 1 and upgraded["schema_version"] == SESSION_SCHEMA_VERSION and json.dumps(data) == frozen
    current = {"schema_version": SESSION_SCHEMA_VERSION}
    assert migrate.upgrade(current) == (current, SESSION_SCHEMA_VERSION)


def test_formats_2_and_3_are_format_4_as_they_stand():
    """Formats 3 and 4 only added keys (3: the answer draft, a reviewed action's details; 4: the type and
    what it records, the style, the directed part, whose idea or commitment); no type means problem-solving."""
    data = {"schema_version": 2, "coachee": "A", "follow_up": {"items": [{"session_id": "abcd", "action_id": "a1"}]}}
    upgraded, found = migrate.upgrade(data)
    assert found == 2 and upgraded == {**data, "schema_version": 4}
    three = {**data, "schema_version": 3}
    upgraded, found = migrate.upgrade(three)
    assert found == 3 and upgraded == {**data, "schema_version": 4}
    session = Session.model_validate(upgraded)
    assert session.type == "problem-solving" and session.phases[0] == "opening" and session.style is None
    with pytest.raises(ValueError):
        migrate.upgrade({"schema_version": 0})


def test_a_future_step_plugs_into_the_chain(monkeypatch):
    """A later format renames a key: the steps run in order, each on the output of the one before."""
    later = SESSION_SCHEMA_VERSION + 1

    def renaming(data):
        data["will"]["commitment"] = data["will"].pop("motivation")
        data["schema_version"] = later
        return data

    monkeypatch.setattr(migrate, "SESSION_SCHEMA_VERSION", later)
    monkeypatch.setitem(migrate.STEPS, SESSION_SCHEMA_VERSION, renaming)
    assert migrate.upgrade({"schema_version": 1, "will": {"motivation": 7}}) == (
        {"schema_version": later, "will": {"commitment": 7}},
        1,
    )


def test_a_step_that_forgets_the_version_is_caught(monkeypatch):
    monkeypatch.setitem(migrate.STEPS, 1, lambda data: data)
    with pytest.raises(RuntimeError, match="did not produce format 2"):
        migrate.upgrade({"schema_version": 1})


# --- any session ----------------------------------------------------------------------------

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # annotated: written inline, mypy takes it for tuple[str]
texts = st.text(st.characters(codec="utf-8", exclude_categories=SURROGATES), max_size=30)
item_ids = st.from_regex(r"\A[a-z0-9]{1,6}\Z")
session_ids = st.from_regex(r"\A[a-z0-9]{4,12}\Z")
scores = st.integers(1, 10)
dates = st.dates(date(2000, 1, 1), date(2100, 1, 1))


@st.composite
def sessions(draw) -> Session:
    session = Session(
        coachee=draw(texts.filter(str.strip)).strip(),
        topic=draw(texts),
        coach=draw(texts),
        language=draw(st.sampled_from(Lang)),
        status=draw(st.sampled_from(Status)),
        current_phase=draw(st.sampled_from(Phase)),
        tags=draw(st.lists(texts, max_size=3)),
        next_meeting=draw(st.none() | dates),
        phase_seconds=draw(st.dictionaries(st.sampled_from(Phase), st.integers(0, 10_000))),
        previous_session=draw(st.none() | session_ids),
    )
    for phase in Phase:
        session.section(phase).notes = draw(texts)
    for _ in range(draw(st.integers(0, 2))):
        session.follow_up.items.append(
            FollowUpItem(
                session_id=draw(session_ids),
                action_id=draw(item_ids),
                what=draw(texts),
                when=draw(st.none() | dates),
                agreed_on=draw(st.none() | dates),
                motivation=draw(st.none() | scores),
                carry_count=draw(st.integers(0, 5)),
                outcome=draw(st.none() | st.sampled_from(Outcome)),
                tried=draw(texts),
                decision=draw(st.none() | st.sampled_from(Decision)),
            )
        )
    session.reality.scales = [
        ScaleAnswer(question=draw(texts), score=draw(scores), said=draw(texts)) for _ in range(draw(st.integers(0, 2)))
    ]
    session.options.items = [
        Option(
            id=f"o{n}",
            text=draw(texts),
            attractiveness=draw(st.none() | scores),
            pros=draw(st.lists(texts, max_size=2)),
            chosen=draw(st.booleans()),
        )
        for n in range(draw(st.integers(0, 2)))
    ]
    for n in range(draw(st.integers(0, 2))):
        session.will.actions.append(
            Action(
                id=f"a{n}",
                what=draw(texts),
                when=draw(st.none() | dates),
                status=draw(st.sampled_from(ActionStatus)),
                carry_count=draw(st.integers(0, 5)),
                carried_from=draw(st.none() | st.just("abcd1234/a1")),
                agreed_on=draw(st.none() | dates),
                outcome=draw(st.none() | st.sampled_from(Outcome)),
                reviewed_in=draw(st.none() | session_ids),
            )
        )
    session.will.motivation = draw(st.none() | scores)
    session.asked = [
        Asked(
            phase=draw(st.sampled_from(Phase)),
            text=draw(texts),
            asked_at=session.started_at,
            answer=draw(texts),
            score=draw(st.none() | scores),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return Session.model_validate(session.model_dump())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions())
def test_any_session_written_as_format_1_migrates_to_an_equal_session(tmp_path, session):
    path = tmp_path / "any.toml"
    for review_keys, expected in ((False, without_review_values(session)), (True, session)):
        text = v1_text(expected, review_keys=review_keys)
        data = tomllib.loads(text)
        if not review_keys:
            for section, keys in REVIEW_KEYS.items():
                for entry in data.get(section, {}).get(LIST_OF[section], []):
                    assert not set(keys) & entry.keys()
        assert store_module.from_toml(path, text, data) == expected
        assert data["schema_version"] == 1, "the parsed data is not changed"
