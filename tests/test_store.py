"""The session store: round trips, atomicity, permissions, bad files, conflicts, locks."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factories import full_session
from growtui.errors import SessionFileError, SessionLockedError, StoreWriteError
from growtui.model import Session
from growtui.storage import SessionChangedOnDisk, SessionLock, Store, atomic, file_name, slugify, to_toml


def snapshot_folder(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- round trip -----------------------------------------------------------------


def test_every_field_survives_a_round_trip(sessions_dir):
    store = Store(sessions_dir)
    original = full_session()
    stored = store.create(original)
    again = store.read(stored.path).session
    assert again == original
    assert again.model_dump() == original.model_dump()


def test_file_is_human_readable_toml(sessions_dir):
    stored = Store(sessions_dir).create(full_session())
    text = stored.path.read_text(encoding="utf-8")
    head = 'schema_version = 4\nid = "k7m2q9x4c1ab"\ntype = "problem-solving"\ncoachee = "Zoë de Wit"\n'
    assert text.startswith(head)
    assert (
        "notes = '''\nDrie projecten tegelijk.\n\tTabs en \"quotes\" en \\ backslash.'''" in text
    )  # no escapes in notes
    assert "[[will.actions]]" in text and "when = 2026-11-17\n" in text
    assert "started_at = 2026-11-03 09:30:00+01:00" in text
    goal = text[text.index("[goal]") : text.index("[reality]")]
    assert goal.strip().endswith("notes = \"'Ik wil niet steeds nee zeggen'\""), "notes come last in a section"
    tomllib.loads(text)


def test_unset_values_are_left_out_not_written_as_null(sessions_dir):
    text = to_toml(Session(coachee="A"))
    assert "ended_at" not in text and "motivation =" not in text


def test_file_name_is_date_slug_and_id():
    assert file_name(full_session()) == "2026-11-03_zoe-de-wit_k7m2q9x4c1ab.toml"


# --- unsafe names ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../../x", "a/b", "nul\x00byte", "x" * 300, "..", "/", "\u202eevil", "🙂", "CON", "a\nb"]
)
def test_unsafe_coachee_names_stay_inside_the_folder(sessions_dir, name):
    store = Store(sessions_dir)
    stored = store.create(full_session(coachee=name, id="abcd1234"))
    assert stored.path.parent == sessions_dir
    assert len(stored.path.name) < 80
    assert store.read(stored.path).session.coachee == name.strip()


@settings(max_examples=200)
@given(st.text())
def test_slug_is_always_safe(text):
    slug = slugify(text)
    assert slug and len(slug) <= 40
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not slug.startswith("-") and ".." not in slug


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(coachee=st.text(min_size=1).filter(str.strip), notes=st.text())
def test_any_text_round_trips(tmp_path, coachee, notes):
    store = Store(tmp_path / f"s{abs(hash((coachee, notes)))}")
    session = Session(coachee=coachee)
    session.reality.notes = notes
    stored = store.create(session)
    assert store.read(stored.path).session == session


def test_a_session_that_could_not_be_read_back_is_never_written(sessions_dir):
    session = full_session().model_copy(update={"coachee": " "})  # model_copy skips validation
    with pytest.raises(StoreWriteError, match=r"invalid values \(coachee\); not written"):
        Store(sessions_dir).create(session)
    assert not list(sessions_dir.glob("*.toml"))


# --- atomic writes and permissions ---------------------------------------------------


def test_files_are_0600_and_folders_0700(sessions_dir):
    stored = Store(sessions_dir).create(full_session())
    assert stat.S_IMODE(stored.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(sessions_dir.stat().st_mode) == 0o700


def test_save_keeps_permissions_and_replaces_content(sessions_dir):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    stored.session.goal.notes = "changed"
    store.save(stored)
    assert store.read(stored.path).session.goal.notes == "changed"
    assert stat.S_IMODE(stored.path.stat().st_mode) == 0o600
    assert [p.name for p in sessions_dir.iterdir()] == [stored.path.name], "no temporary files left"


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_an_error_mid_write_leaves_the_old_file_whole(sessions_dir, monkeypatch, fail_at):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    before = stored.path.read_bytes()
    stored.session.goal.notes = "new text that must not half-arrive"

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if fail_at == "write":
        real_fdopen = os.fdopen

        class Failing:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                boom()

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    elif fail_at == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", boom)
    else:
        monkeypatch.setattr(atomic.os, "replace", boom)

    with pytest.raises(StoreWriteError) as info:
        store.save(stored)
    assert "the disk is full" in str(info.value)
    assert stored.path.read_bytes() == before
    assert [p.name for p in sessions_dir.iterdir()] == [stored.path.name]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EROFS, "the folder is on a read-only disk"),
        (errno.EACCES, "permission denied (is the folder read-only?)"),
    ],
)
def test_a_read_only_folder_is_explained(sessions_dir, monkeypatch, code, reason):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    before = stored.path.read_bytes()

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(StoreWriteError) as info:
        store.save(stored)
    assert str(info.value) == f"{stored.path}: could not save: {reason}"
    assert stored.path.read_bytes() == before


def test_create_never_replaces_an_existing_file(sessions_dir):
    store = Store(sessions_dir)
    first = store.create(full_session())
    with pytest.raises(StoreWriteError, match="already exists"):
        store.create(full_session())
    assert store.read(first.path).session == full_session()


def test_a_file_changed_on_disk_is_not_overwritten(sessions_dir):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    time.sleep(0.01)
    stored.path.write_text(stored.path.read_text().replace("Marieke", "Hand edit"))
    edited = stored.path.read_bytes()
    stored.session.goal.notes = "from the app"
    with pytest.raises(SessionChangedOnDisk):
        store.save(stored)
    assert stored.path.read_bytes() == edited


def test_a_file_deleted_meanwhile_is_written_again(sessions_dir):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    stored.path.unlink()
    store.save(stored)
    assert store.read(stored.path).session == stored.session


def test_a_writer_killed_mid_save_never_leaves_a_broken_file(sessions_dir, env_for_subprocess):
    """A real process saves in a loop and is killed with SIGKILL at random moments."""
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from growtui.storage import Store
        from growtui.model import Session
        store = Store(Path({str(sessions_dir)!r}))
        stored = store.create(Session(coachee="Kill Test", id="killtest01"))
        print("ready", flush=True)
        n = 0
        while True:
            n += 1
            stored.session.reality.notes = ("line %d\\n" % n) * 2000
            store.save(stored)
    """)
    kills = 0
    for delay in (0.05, 0.11, 0.17, 0.23, 0.31, 0.37, 0.43, 0.5):
        for path in sessions_dir.glob("*.toml"):
            path.unlink()
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=env_for_subprocess)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        result = Store(sessions_dir).scan()
        assert result.problems == []
        [stored] = result.sessions
        lines = stored.session.reality.notes.splitlines()
        assert len(set(lines)) <= 1 and len(lines) in (0, 2000), "a save is all or nothing"
        leftovers = [p for p in sessions_dir.iterdir() if p.suffix == ".tmp"]
        assert all(p.name.startswith(".") for p in leftovers), "temporary files are hidden"
    assert kills == 8


# --- reading and listing ------------------------------------------------------------


def test_scan_lists_good_sessions_and_reports_bad_ones_untouched(sessions_dir):
    store = Store(sessions_dir)
    good = [store.create(full_session(id=f"good{i:04d}", coachee=f"C{i}")) for i in range(3)]
    (sessions_dir / "nested" / "deeper").mkdir(parents=True)
    store_in_sub = Store(sessions_dir / "nested" / "deeper").create(full_session(id="nested01"))
    bad = {
        "syntax.toml": b"schema_version = 1\ncoachee = \n",
        "latin1.toml": "coachee = 'Jos\xe9'".encode("latin-1"),
        "schema.toml": b"schema_version = 1\nid = 'schema01'\ncoachee = 'A'\nstatus = 'half'\n"
        b"started_at = 2026-01-01T10:00:00\n",
        "future.toml": b"schema_version = 9\n",
        "notgrowtui.toml": b"[tool.poetry]\nname = 'x'\n",
        "empty.toml": b"",
        "typo.toml": b"schema_version = 1\nid = 'typo0001'\ncoachee = 'A'\ncoachee_name = 'B'\n"
        b"started_at = 2026-01-01T10:00:00\n",
    }
    for name, content in bad.items():
        (sessions_dir / name).write_bytes(content)
    (sessions_dir / "folder.toml").mkdir()
    before = snapshot_folder(sessions_dir)

    result = store.scan()

    assert sorted(s.session.id for s in result.sessions) == sorted([*(g.session.id for g in good), "nested01"])
    reported = {p.path.name: str(p) for p in result.problems}
    assert set(reported) == {*bad, "folder.toml"}
    assert ":2: TOML syntax error" in reported["syntax.toml"]
    assert "not valid UTF-8" in reported["latin1.toml"]
    assert ":4: field 'status'" in reported["schema.toml"]
    assert "newer growtui (format 9" in reported["future.toml"]
    assert "'schema_version' is missing" in reported["notgrowtui.toml"]
    assert "did you mean 'coachee'" in reported["typo.toml"]
    assert snapshot_folder(sessions_dir) == before, "reading never changes a file"
    assert store_in_sub.path.exists()


def test_hidden_and_temporary_files_are_not_sessions(sessions_dir):
    store = Store(sessions_dir)
    store.create(full_session())
    (sessions_dir / ".hidden.toml").write_text("junk")
    (sessions_dir / ".x.toml.abc.tmp").write_text("junk")
    (sessions_dir / "backup.toml~").write_text("junk")
    (sessions_dir / ".stfolder").mkdir()
    (sessions_dir / ".stfolder" / "a.toml").write_text("junk")
    (sessions_dir / "notes.txt").write_text("junk")
    result = store.scan()
    assert len(result.sessions) == 1 and result.problems == [] and result.conflicts == []


@pytest.mark.parametrize(
    "conflict_name",
    [
        "2026-11-03_zoe_k7m2q9x4c1ab.sync-conflict-20261104-101112-ABCDEFG.toml",
        "2026-11-03_zoe_k7m2q9x4c1ab (conflicted copy 2026-11-04).toml",
        "2026-11-03_zoe_k7m2q9x4c1ab (Jan's conflicted copy).toml",
    ],
)
def test_sync_conflict_copies_are_reported_not_listed_twice(sessions_dir, conflict_name):
    store = Store(sessions_dir)
    stored = store.create(full_session())
    (sessions_dir / conflict_name).write_bytes(stored.path.read_bytes())
    result = store.scan()
    assert len(result.sessions) == 1
    assert [p.name for p in result.conflicts] == [conflict_name]


def test_a_link_out_of_the_folder_is_not_followed(sessions_dir, tmp_path):
    store = Store(sessions_dir)
    store.create(full_session())
    outside = Store(tmp_path / "elsewhere").create(full_session(id="outside1"))
    (sessions_dir / "link.toml").symlink_to(outside.path)
    result = store.scan()
    assert [s.session.id for s in result.sessions] == ["k7m2q9x4c1ab"]
    assert [p.message for p in result.problems] == ["a link to outside the sessions folder; not read"]


def test_missing_folder_is_an_empty_store(tmp_path):
    result = Store(tmp_path / "nothing-yet").scan()
    assert result.sessions == [] and result.problems == []


def test_read_errors_carry_the_path(sessions_dir):
    path = sessions_dir / "x.toml"
    sessions_dir.mkdir()
    path.write_bytes(b"\xff\xfe" + "x".encode("utf-16-le"))
    with pytest.raises(SessionFileError) as info:
        Store(sessions_dir).read(path)
    assert str(info.value) == f"{path}:1: the file is UTF-16; save it as UTF-8"


# --- locking --------------------------------------------------------------------------


def test_a_second_writer_is_refused_with_a_clear_message(sessions_dir):
    stored = Store(sessions_dir).create(full_session())
    with SessionLock(stored.path):
        with pytest.raises(SessionLockedError) as info:
            SessionLock(stored.path).acquire()
        assert "open in another growtui window" in str(info.value)
    with SessionLock(stored.path) as again:  # freed on release
        assert again.held


def test_the_lock_is_freed_when_its_holder_dies(sessions_dir, env_for_subprocess):
    stored = Store(sessions_dir).create(full_session())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import time
            from pathlib import Path
            from growtui.storage import SessionLock
            lock = SessionLock(Path({str(stored.path)!r})).acquire()
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        env=env_for_subprocess,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"locked"
        with pytest.raises(SessionLockedError):
            SessionLock(stored.path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with SessionLock(stored.path) as lock:
        assert lock.held


def test_lock_files_live_outside_the_sessions_folder(sessions_dir):
    stored = Store(sessions_dir).create(full_session())
    with SessionLock(stored.path):
        assert [p.name for p in sessions_dir.iterdir()] == [stored.path.name]


# --- readable output ---------------------------------------------------------------


def test_notes_with_quotes_are_written_without_escapes():
    session = full_session()
    session.reality.notes = "Zei: \"dit is toch klaar\".\nC:\\pad\\naar en 'enkele' quotes"
    text = to_toml(session)
    assert "notes = '''\nZei: \"dit is toch klaar\".\nC:\\pad\\naar en 'enkele' quotes'''" in text
    assert 'tags = ["planning", "werkdruk"]' in text


@pytest.mark.parametrize(
    "notes",
    [
        "ends with a quote'\nx'",
        "has '''triple''' quotes\nyes",
        "carriage\r\nreturn",
        "bell \x07\nand more",
        "\nstarts with a newline",
        "trailing newline\n",
        "tab\there\n\t",
        "a\nb\\",
        '"""\nquoted"""',
    ],
)
def test_tricky_notes_round_trip(notes):
    session = full_session()
    session.goal.notes = notes
    session.will.actions[0].what = notes
    assert tomllib.loads(to_toml(session))["goal"]["notes"] == notes


def test_long_lists_stay_one_item_per_line():
    session = full_session()
    session.options.items[0].pros = [f"reden nummer {i} die best lang is" for i in range(5)]
    text = to_toml(session)
    assert 'pros = [\n    "reden nummer 0 die best lang is",' in text


def test_a_file_without_an_id_is_refused_not_given_a_new_one(sessions_dir):
    sessions_dir.mkdir()
    path = sessions_dir / "x.toml"
    path.write_text('schema_version = 1\ncoachee = "A"\nstarted_at = 2026-01-01T10:00:00\n')
    with pytest.raises(SessionFileError, match="'id' is missing"):
        Store(sessions_dir).read(path)


def test_leftovers_of_a_killed_writer_are_removed_when_the_session_is_opened_again(sessions_dir):
    from growtui.storage import remove_leftovers

    store = Store(sessions_dir)
    stored = store.create(Session(coachee="Kim"))
    other = store.create(Session(coachee="Lou"))
    for victim in (stored.path, other.path):
        (sessions_dir / f".{victim.name}.x8k2_.tmp").write_text("half a save")
    assert remove_leftovers(stored.path) == 1
    hidden = sorted(p.name for p in sessions_dir.iterdir() if p.name.startswith("."))
    assert hidden == [f".{other.path.name}.x8k2_.tmp"], "another session's leftovers are not ours to touch"
    assert store.read(stored.path).session == stored.session


def test_a_file_read_in_plain_reads_is_whole_even_when_it_grew_after_its_size_was_taken(tmp_path):
    from growtui.storage.toml_read import _read_up_to

    path = tmp_path / "grown.toml"
    path.write_bytes(b"x" * 200_000)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_up_to(fd, 10**6, expected=10) == b"x" * 200_000, "told 10 bytes, it still reads to the end"
        os.lseek(fd, 0, os.SEEK_SET)
        assert _read_up_to(fd, 1000, expected=10**6) == b"x" * 1000, "never more than the limit"
    finally:
        os.close(fd)
    (tmp_path / "empty.toml").write_bytes(b"")
    fd = os.open(tmp_path / "empty.toml", os.O_RDONLY)
    try:
        assert _read_up_to(fd, 1000, expected=1) == b""
    finally:
        os.close(fd)


def test_a_close_that_fails_is_a_read_that_failed(tmp_path, monkeypatch):
    """os.close can fail (EIO on NFS or FUSE): that is the file's problem, said as one, not a traceback."""
    from growtui.storage import toml_read

    path = tmp_path / "s.toml"
    path.write_text('schema_version = 1\nid = "x"\n', encoding="utf-8")
    close = os.close

    def failing(fd: int) -> None:
        close(fd)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(toml_read.os, "close", failing)
    with pytest.raises(toml_read.TomlProblem) as caught:
        toml_read.read_text(path)
    monkeypatch.undo()
    assert caught.value.problem.path == path and "Input/output error" in caught.value.problem.message
