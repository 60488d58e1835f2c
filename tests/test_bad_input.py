"""Bad input: broken question and session files of every kind, hostile names, escape sequences.

Every broken file gets a clear message naming it (and its line where one
makes sense) through every way growtui reads it: the store, the index and
the commands ``list``, ``list --json``, ``search``, ``show`` and ``export``
(``questions check`` and ``questions list`` for question files). Nothing
raises anything else, nothing prints a traceback, no file changes on disk,
and the good files next to the broken one stay usable.

The hand-made corpus is in ``tests/data/bad`` (see its README); what cannot
live in a repository (links, pipes, folders named ``*.toml``, megabytes)
is made here. Every case adds to the "bad inputs tried" figure printed after
the run.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factories import full_session
from growtui import library
from growtui.conversation import new_session
from growtui.errors import LibraryError, SessionFileError
from growtui.index import Index
from growtui.model import QUESTIONS_SCHEMA_VERSION, SESSION_SCHEMA_VERSION
from growtui.render import session_markdown, session_text
from growtui.safetext import one_line
from growtui.storage import MAX_SESSION_FILE, Store, to_toml, toml_read as tomlfile

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "bad"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
GOOD_QUESTIONS = (DATA / "good_questions.toml").read_bytes()
V = SESSION_SCHEMA_VERSION
GOOD = {"good00000001": "Anna Goed", "good00000002": "Bram Goed"}
SEARCH_WORD = "overdragen"  # in the notes of every full_session()
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HEAD = f'schema_version = {V}\nid = "bad000000001"\ncoachee = "X"\nstarted_at = 2026-10-01T10:00:00\n'
COUNTED = "bad inputs tried"
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# --- helpers ------------------------------------------------------------------------


@functools.cache
def good_session_bytes(session_id: str) -> bytes:
    return to_toml(full_session(id=session_id, coachee=GOOD[session_id])).encode("utf-8")


def corpus_bytes(kind: str, name: str) -> bytes:
    raw = (CORPUS / kind / name).read_bytes()
    return (
        raw.replace(b"@V@", str(V).encode())
        .replace(b"@FUTURE@", str(V + 1).encode())
        .replace(b"@QV@", str(QUESTIONS_SCHEMA_VERSION).encode())
    )


def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything in a folder as it is on disk: kind, bytes and mtime of files, targets of links."""
    seen: dict[str, tuple] = {}
    for here, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(here) / name
            st_ = path.lstat()
            if stat.S_ISLNK(st_.st_mode):
                seen[str(path)] = ("link", os.readlink(path))
            elif stat.S_ISREG(st_.st_mode):
                seen[str(path)] = ("file", path.read_bytes(), st_.st_mtime_ns, stat.S_IMODE(st_.st_mode))
            else:
                seen[str(path)] = ("other", stat.S_IFMT(st_.st_mode), st_.st_mtime_ns)
    return seen


def reported(text: str, path: Path, says: str, line: int | None) -> bool:
    """Whether ``text`` holds the one line ``FILE[:LINE]: ...says...`` about ``path``."""
    where = f"{one_line(str(path))}:{line}: " if line else f"{one_line(str(path))}: "
    return any(row.startswith(where) and says in row for row in text.splitlines())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A sessions folder holding two good sessions."""
    root = tmp_path / "sessions"
    root.mkdir()
    for session_id in GOOD:
        (root / f"2026-11-03_good_{session_id}.toml").write_bytes(good_session_bytes(session_id))
    return root


def growtui(*argv: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """growtui as a real process; a hang fails the test instead of stopping the run."""
    return subprocess.run(
        [sys.executable, "-m", "growtui", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        errors="replace",
    )


def check_broken_session(run, root: Path, bad: Path, says: str, line: int | None) -> None:
    """The whole promise for one broken session file next to the good ones."""
    before = snapshot(root)

    with pytest.raises(SessionFileError) as info:
        Store(root).read(bad)
    assert reported(str(info.value), bad, says, line), str(info.value)

    scan = Store(root).scan()
    assert sorted(s.session.id for s in scan.sessions) == sorted(GOOD)
    assert [str(p) for p in scan.problems if p.path == bad] and reported(
        "\n".join(str(p) for p in scan.problems), bad, says, line
    )

    with Index(root) as index:
        sync = index.sync()
        assert reported("\n".join(str(p) for p in sync.problems), bad, says, line), sync.problems
        assert sorted(e.id for e in index.entries()) == sorted(GOOD)

    code, out, err = run("--sessions-dir", str(root), "list")
    assert code == 0 and all(session_id in out for session_id in GOOD)
    assert reported(err, bad, says, line) and "(skipped)" in err
    code, out, _ = run("--sessions-dir", str(root), "list", "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == sorted(GOOD)
    code, out, _ = run("--sessions-dir", str(root), "search", SEARCH_WORD)
    assert code == 0 and all(name in out for name in GOOD.values())

    for argv in (["show", str(bad)], ["export", str(bad), "--format", "markdown"]):
        code, out, err = run("--sessions-dir", str(root), *argv)
        assert code in (1, 2) and out == "" and reported(err, bad, says, line), (argv, code, err)
    code, out, _ = run("--sessions-dir", str(root), "show", "good00000001")
    assert code == 0 and "Anna Goed" in out

    assert snapshot(root) == before, "reading never changes a file"


# --- the corpus of hand-made session files -------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED["sessions"]))
def test_each_broken_session_file_in_the_corpus(run, folder, figures, name):
    bad = folder / name
    bad.write_bytes(corpus_bytes("sessions", name))
    expected = EXPECTED["sessions"][name]
    check_broken_session(run, folder, bad, expected["says"], expected.get("line"))
    figures(COUNTED, 1)


def test_the_corpus_and_its_expectations_match():
    for kind in ("sessions", "questions"):
        assert sorted(p.name for p in (CORPUS / kind).iterdir()) == sorted(EXPECTED[kind])


# --- broken session files made here ---------------------------------------------------

N = 50_000  # "tens of thousands"


def version(value: str) -> str:
    return HEAD.replace(f"schema_version = {V}\n", f"schema_version = {value}\n")


MADE = {
    "deep-arrays": (HEAD + "tags = " + "[" * N + "]" * N, tomlfile.TOO_DEEP, 5),
    "deep-arrays-unclosed": (HEAD + "tags = " + "[" * 20_000, tomlfile.TOO_DEEP, 5),
    "deep-inline-tables": (HEAD + "goal = " + "{a=" * N + "1" + "}" * N, tomlfile.TOO_DEEP, 5),
    "deep-mixed": (HEAD + "x = " + "[{a=" * 20_000, tomlfile.TOO_DEEP, 5),
    "dotted-key": (HEAD + ".".join(["a"] * N) + " = 1\n", "more than 10000 dotted keys", None),
    "dotted-table": (HEAD + "[" + ".".join(["a"] * N) + "]\n", "more than 10000 dotted keys", None),
    "dotted-array-of-tables": (HEAD + "[[" + ".".join(["a"] * N) + "]]\n", "more than 10000 dotted keys", None),
    "dotted-inline": (HEAD + "x = {" + ".".join(["a"] * N) + " = 1}\n", "more than 10000 dotted keys", None),
    "key-of-17-parts": (HEAD + "\n" + ".".join(["goal"] * 17) + " = 1\n", "dotted key or table name of more", 6),
    "many-tables": (HEAD + "[[asked]]\n" * 30_000, "more than 50000 values", None),
    "many-values": (HEAD + "tags = [" + '"x",' * 60_000 + "]\n", "more than 50000 values", None),
    "huge-integer": (HEAD + "time_box_minutes = 1" + "0" * 5000 + "\n", "too large for TOML", 5),
    "huge-hex": (HEAD + "\n[phase_seconds]\ngoal = 0x" + "f" * 17 + "\n", "too large for TOML", 7),
    "negative-integer": (HEAD + "\n[phase_seconds]\ngoal = -9223372036854775809\n", "too large for TOML", 7),
    "long-unknown-key": (HEAD + "k" * 10_000 + " = 1\n", f"unknown key '{'k' * 37}...'", 5),
    "future-version-in-string": (version(f'"{V + 1}"'), "must be a whole number", 1),
    "version-zero": (version("0"), "'schema_version'", 1),
    "version-negative": (version("-1"), "'schema_version'", 1),
    "version-array": (version(f"[{V}]"), "must be a whole number", 1),
    "version-table": (
        HEAD.replace(f"schema_version = {V}\n", "") + f"[schema_version]\nv = {V}\n",
        "must be a whole number",
        4,
    ),
    "escape-in-file-name\x1b[2J\nfake.toml:1: line": (HEAD + "coachee =\n", "TOML syntax error", 5),
    # Issue 15: numbers beyond their bounds, once written by growtui and then refused by it.
    "phase-seconds-of-64-bits": (HEAD + f"\n[phase_seconds]\ngoal = {2**63 - 1}\n", "field 'phase_seconds.goal'", 7),
    "carry-count-over-99": (
        HEAD + '\n[[will.actions]]\nid = "a1"\nwhat = "x"\ncarry_count = 100\n',
        "field 'will.actions.carry_count'",
        9,
    ),
    # Issue 15: values of the wrong TOML type that lenient validation used to convert.
    "number-as-text": (HEAD + 'time_box_minutes = "45"\n', "field 'time_box_minutes': a whole number, not a text", 5),
    "one-for-true": (
        HEAD + '\n[[options.items]]\nid = "o1"\ntext = "x"\nchosen = 1\n',
        "field 'options.items.chosen': true or false, not a number",
        9,
    ),
    "start-as-a-date": (
        HEAD.replace("2026-10-01T10:00:00", "2026-10-01"),
        "field 'started_at': a date and time (2026-10-01T10:00:00+02:00), not a date",
        4,
    ),
    "start-as-a-number": (HEAD.replace("2026-10-01T10:00:00", "1700000000"), "field 'started_at'", 4),
    "coachee-only-spaces": (HEAD.replace('coachee = "X"', 'coachee = "\u3000 "'), "field 'coachee'", 3),
    # Issue 15: a long run of spaces in a multi-line string in an array, and one unknown key (was 20 s, and a hang).
    "spaces-in-array-100kb": (
        HEAD + 'tags = [\n"""\n' + " " * 100_000 + '\n""",\n]\nunknown_key = 1\n',
        "unknown key 'unknown_key'",
        10,
    ),
    "spaces-in-array-400kb": (
        HEAD + 'tags = [\n"""\n' + " " * 400_000 + '\n""",\n]\nunknown_key = 1\n',
        "unknown key 'unknown_key'",
        10,
    ),
}


@pytest.mark.parametrize("case", sorted(MADE), ids=lambda c: c.encode("unicode_escape").decode())
def test_each_broken_session_file_made_here(run, folder, figures, case):
    content, says, line = MADE[case]
    bad = folder / f"{case}.toml"
    bad.write_text(content, encoding="utf-8")
    started = time.monotonic()
    check_broken_session(run, folder, bad, says, line)
    assert time.monotonic() - started < 10, "a broken file is refused quickly"
    figures(COUNTED, 1)


def test_thousands_of_mistakes_make_twenty_messages_and_a_count(run, folder, figures):
    bad = folder / "asked-empty.toml"
    bad.write_text(HEAD + "[[asked]]\n" * 1000, encoding="utf-8")
    with pytest.raises(SessionFileError) as info:
        Store(folder).read(bad)
    assert len(info.value.problems) == tomlfile.MAX_PROBLEMS + 1
    assert str(info.value.problems[0]) == f"{bad}:5: field 'asked.phase': missing (required)"
    assert str(info.value.problems[-1]) == f"{bad}: ... and 2980 more problems like these"
    code, out, err = run("--sessions-dir", str(folder), "show", str(bad))
    assert code == 2 and out == "" and len(err.splitlines()) == tomlfile.MAX_PROBLEMS + 2
    figures(COUNTED, 1)


def test_a_file_name_with_escapes_and_newlines_is_reported_on_one_safe_line(run, folder):
    bad = folder / "x\x1b]0;title\x07\n\u202e.toml"
    bad.write_text("nonsense [", encoding="utf-8")
    code, _, err = run("--sessions-dir", str(folder), "list")
    assert code == 0 and RAW_CONTROL.search(err) is None
    [row] = [row for row in err.splitlines() if "(skipped)" in row]
    assert row.startswith(str(folder / "x\ufffd]0;title\ufffd\ufffd\ufffd.toml:1: TOML syntax error"))


def test_a_file_just_over_the_size_limit_is_refused(run, folder, figures):
    bad = folder / "huge.toml"
    good = good_session_bytes("good00000001").replace(b"good00000001", b"huge00000001")
    bad.write_bytes(good + b"\n# " + b"x" * (MAX_SESSION_FILE - len(good) - 2))
    assert bad.stat().st_size == MAX_SESSION_FILE + 1
    check_broken_session(run, folder, bad, "the file is larger than 16 MB", None)
    figures(COUNTED, 1)


def test_a_file_just_under_the_size_limit_is_a_session(run, folder, figures):
    good = good_session_bytes("good00000001").replace(b"good00000001", b"huge00000001")
    short = b'notes = "Blij met de ochtenden."'
    line = b"Een lange zin voor de notities.\n"
    notes = line * ((MAX_SESSION_FILE - len(good) - 16) // len(line))
    path = folder / "huge.toml"
    path.write_bytes(good.replace(short, b"notes = '''\n" + notes + b"'''"))  # as growtui writes long notes
    assert MAX_SESSION_FILE - 64 < path.stat().st_size <= MAX_SESSION_FILE
    assert Store(folder).read(path).session.follow_up.notes == notes.decode()
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and err == "" and {row["id"] for row in json.loads(out)} == {*GOOD, "huge00000001"}
    figures(COUNTED, 1)


# --- what is not a file at all -------------------------------------------------------


def test_a_folder_named_toml(run, folder, figures):
    (folder / "folder.toml").mkdir()
    check_broken_session(run, folder, folder / "folder.toml", "this is a folder, not a file", None)
    figures(COUNTED, 1)


def test_a_pipe_named_toml_never_makes_growtui_wait(run, folder, figures):
    os.mkfifo(folder / "pipe.toml")
    check_broken_session(run, folder, folder / "pipe.toml", "not a regular file (a pipe", None)
    figures(COUNTED, 1)


def test_a_link_that_leads_back_to_itself(run, folder, figures):
    (folder / "loop.toml").symlink_to("loop.toml")
    (folder / "ping.toml").symlink_to("pong.toml")
    (folder / "pong.toml").symlink_to("ping.toml")
    for name in ("loop.toml", "ping.toml"):
        check_broken_session(run, folder, folder / name, "a link that leads back to itself (a loop)", None)
    figures(COUNTED, 2)


def test_a_link_to_nothing(run, folder, figures):
    (folder / "dangling.toml").symlink_to(folder / "gone.toml")
    check_broken_session(run, folder, folder / "dangling.toml", "a link to a file that is not there", None)
    figures(COUNTED, 1)


def test_a_link_out_of_the_folder_is_not_listed(run, folder, tmp_path, figures):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("not a session; never to be shown\n")
    outside_session = elsewhere / "outside.toml"
    outside_session.write_bytes(good_session_bytes("good00000001").replace(b"good00000001", b"outside00001"))
    (folder / "secret.toml").symlink_to(elsewhere / "secret.txt")
    (folder / "outside.toml").symlink_to(outside_session)
    (folder / "null.toml").symlink_to("/dev/null")
    before = snapshot(folder), snapshot(elsewhere)
    for name in ("secret.toml", "outside.toml", "null.toml"):
        link = folder / name
        with pytest.raises(SessionFileError, match="a link to outside the sessions folder; not read"):
            Store(folder).read(link)
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == sorted(GOOD)
    for name in ("secret.toml", "outside.toml", "null.toml"):
        assert reported(err, folder / name, "a link to outside the sessions folder; not read (skipped)", None)
    code, out, err = run("--sessions-dir", str(folder), "show", str(folder / "secret.toml"))
    assert code == 2 and out == "" and "never to be shown" not in err
    # A file named on the command line is read where its link leads, as `cat` would.
    code, out, _ = run("--sessions-dir", str(folder), "show", str(folder / "outside.toml"))
    assert code == 0 and "Anna Goed" in out
    assert (snapshot(folder), snapshot(elsewhere)) == before
    figures(COUNTED, 3)


def test_an_unreadable_file(run, folder, figures):
    if os.geteuid() == 0:
        pytest.skip("root reads every file; see the simulated test below")
    bad = folder / "unreadable.toml"
    bad.write_bytes(good_session_bytes("good00000001").replace(b"good00000001", b"unread000001"))
    bad.chmod(0)
    try:
        check_broken_session(run, folder, bad, "permission denied", None)
    finally:
        bad.chmod(0o600)
    figures(COUNTED, 1)


def test_an_unreadable_file_is_listed_once_it_can_be_read(run, folder, monkeypatch, figures):
    """Simulated for root: once the permissions are fixed, the index reads the file again."""
    bad = folder / "unreadable.toml"
    bad.write_bytes(good_session_bytes("good00000001").replace(b"good00000001", b"unread000001"))
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == str(bad):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert reported(err, bad, "permission denied: growtui may not read this file (skipped)", None)
    monkeypatch.setattr(os, "open", real_open)
    time.sleep(0.05)  # file times are coarse: let the chmod land on a later tick
    bad.chmod(0o600)  # the fix changes no byte and no mtime, only the ctime
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and err == "" and {row["id"] for row in json.loads(out)} == {*GOOD, "unread000001"}
    figures(COUNTED, 1)


def test_a_file_name_that_is_not_utf8(run, folder, env_for_subprocess, figures):
    name = os.fsdecode(b"caf\xe9.toml")
    (folder / name).write_bytes(good_session_bytes("good00000001").replace(b"good00000001", b"latin1000001"))
    before = snapshot(folder)
    assert {s.session.id for s in Store(folder).scan().sessions} == {*GOOD, "latin1000001"}
    for argv in (["list"], ["list", "--json"], ["search", SEARCH_WORD]):
        code, out, err = run("--sessions-dir", str(folder), *argv)
        assert code == 0 and all(person in out for person in GOOD.values()), argv
        assert reported(err, folder / name, "the file name is not valid UTF-8", None) and "caf\\xe9.toml" in err
    process = growtui("--sessions-dir", str(folder), "list", env=env_for_subprocess)
    assert process.returncode == 0 and "Traceback" not in process.stderr and "caf\\xe9.toml" in process.stderr
    assert snapshot(folder) == before
    figures(COUNTED, 1)


def test_arguments_that_are_not_utf8_find_nothing_instead_of_crashing(run, folder, figures):
    odd = os.fsdecode(b"\xff")
    assert run("--sessions-dir", str(folder), "show", odd)[0] == 2
    for argv in (["list", "--coachee", odd], ["list", "--tag", odd], ["search", odd]):
        code, out, _ = run("--sessions-dir", str(folder), *argv)
        assert code == 0 and out == "", argv
    figures(COUNTED, 4)


def test_only_broken_files_exit_1(run, tmp_path, env_for_subprocess, figures):
    root = tmp_path / "only-bad"
    root.mkdir()
    os.mkfifo(root / "pipe.toml")
    (root / "loop.toml").symlink_to("loop.toml")
    (root / "empty.toml").write_bytes(b"")
    process = growtui("--sessions-dir", str(root), "list", env=env_for_subprocess)
    assert process.returncode == 1 and process.stdout == "" and "Traceback" not in process.stderr
    assert process.stderr.count("(skipped)") == 3
    figures(COUNTED, 3)


# --- one session in two files ----------------------------------------------------------


def test_two_files_with_the_same_session_id(run, folder, figures):
    copy = folder / "2026-11-04_copy_good00000001.toml"
    copy.write_bytes(good_session_bytes("good00000001"))
    before = snapshot(folder)
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == sorted([*GOOD, "good00000001"])
    # Issue 15: listed twice, and now said so, naming both files.
    [line] = err.splitlines()
    assert "2 files hold the same session" in line and str(copy) in line
    assert str(folder / "2026-11-03_good_good00000001.toml") in line
    code, out, err = run("--sessions-dir", str(folder), "show", "good00000001")
    assert code == 2 and out == "" and "2 files hold a session with the id 'good00000001'" in err
    assert str(copy) in err and str(folder / "2026-11-03_good_good00000001.toml") in err
    code, _, err = run("--sessions-dir", str(folder), "show", "good0000000")
    assert code == 2 and "fits 3 sessions" in err
    code, out, _ = run("--sessions-dir", str(folder), "show", str(copy))
    assert code == 0 and "Anna Goed" in out
    code, out, _ = run("--sessions-dir", str(folder), "export", "--coachee", "anna goed", "--format", "markdown")
    assert code == 0 and out.count("Anna Goed") >= 2
    assert snapshot(folder) == before
    figures(COUNTED, 1)


# --- the whole corpus at once, as a real process ----------------------------------------


def test_the_corpus_in_one_folder_as_a_real_process(folder, env_for_subprocess, figures):
    for name in EXPECTED["sessions"]:
        (folder / name).write_bytes(corpus_bytes("sessions", name))
    before = snapshot(folder)
    process = growtui("--sessions-dir", str(folder), "list", env=env_for_subprocess)
    assert process.returncode == 0 and "Traceback" not in process.stderr
    assert all(session_id in process.stdout for session_id in GOOD)
    for name, expected in EXPECTED["sessions"].items():
        assert reported(process.stderr, folder / name, expected["says"], expected.get("line")), name
    assert RAW_CONTROL.search(process.stderr) is None
    process = growtui("--sessions-dir", str(folder), "show", str(folder / "latin1.toml"), env=env_for_subprocess)
    assert process.returncode == 2 and "Traceback" not in process.stderr
    assert reported(process.stderr, folder / "latin1.toml", "not valid UTF-8", 3)
    assert snapshot(folder) == before
    figures(COUNTED, len(EXPECTED["sessions"]))


def test_pipes_and_loops_as_a_real_process(folder, env_for_subprocess, figures):
    os.mkfifo(folder / "pipe.toml")
    (folder / "loop.toml").symlink_to("loop.toml")
    (folder / "folder.toml").mkdir()
    for name, says in (
        ("pipe.toml", "not a regular file"),
        ("loop.toml", "a loop"),
        ("folder.toml", "this is a folder"),
    ):
        process = growtui("--sessions-dir", str(folder), "show", str(folder / name), env=env_for_subprocess)
        assert process.returncode == 2 and "Traceback" not in process.stderr
        assert reported(process.stderr, folder / name, says, None), process.stderr
    process = growtui(
        "--sessions-dir", str(folder), "export", "good00000001", "--format", "markdown", env=env_for_subprocess
    )
    assert process.returncode == 0 and "Anna Goed" in process.stdout and process.stderr.count("(skipped)") == 3
    figures(COUNTED, 3)


# --- issue 15: copies growtui keeps, folders it may not read, encrypted folders ---------------


def test_growtuis_own_conflict_copy_is_reported_like_a_sync_conflict(run, folder, figures):
    copy = folder / "2026-11-03_good_good00000001.sync-conflict-20261121-101500-growtui.toml"
    copy.write_bytes(good_session_bytes("good00000001"))
    before = snapshot(folder)
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == sorted(GOOD)
    assert f"{copy}: a sync conflict copy (skipped)" in err
    assert snapshot(folder) == before
    figures(COUNTED, 1)


def test_a_subfolder_growtui_may_not_read_is_named(run, folder, monkeypatch, figures):
    """Simulated (the tests may run as root): listing the subfolder is refused."""
    sub = folder / "archief"
    sub.mkdir()
    (sub / "2026-01-01_x_hidden000001.toml").write_bytes(good_session_bytes("good00000001"))
    real_scandir, real_open = os.scandir, os.open

    def scandir(path="."):
        if not isinstance(path, int) and os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(sub))
        return real_scandir(path)

    def open_(path, flags, mode=0o777, *, dir_fd=None):  # a folder is listed through a descriptor where it can be
        if os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", str(sub))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    code, out, err = run("--sessions-dir", str(folder), "list", "--json")
    assert code == 0 and sorted(row["id"] for row in json.loads(out)) == sorted(GOOD)
    assert reported(err, sub, "a folder growtui may not read", None)
    figures(COUNTED, 1)


def test_a_plain_file_and_two_swapped_files_in_an_encrypted_folder(run, tmp_path, monkeypatch, figures):
    from growtui.crypto import Vault, encrypt_folder
    from growtui.model import Session

    root = tmp_path / "sealed"
    vault = Vault.create("correct horse battery")
    encrypt_folder(root, vault)
    store = Store(root, vault)
    a, b = (store.create(Session(coachee=name)).path for name in ("Anna", "Bram"))
    raw_a, raw_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(raw_b)
    b.write_bytes(raw_a)
    plain = root / "2026-11-03_good_good00000001.toml"
    plain.write_bytes(good_session_bytes("good00000001"))
    before = snapshot(root)
    monkeypatch.setenv("GROWTUI_PASSPHRASE", "correct horse battery")
    code, out, err = run("--sessions-dir", str(root), "list")
    assert code == 0 and "Anna Goed" in out and "Bram" not in out
    assert reported(err, a, "holds the encrypted session", None) and reported(err, b, "swapped with another", None)
    assert reported(err, plain, "not encrypted, in an encrypted folder", None)
    assert snapshot(root) == before
    figures(COUNTED, 3)


# --- random damage ---------------------------------------------------------------------

JUNK = [
    b"\x00",
    b"\x01",
    b"\x1b[2J",
    b"\x1b]52;c;aGk=\x07",
    b"\x9b",
    b"\xc2\x9b",
    "\u202e".encode(),
    b"\xff\xfe",
    b"[",
    b"]",
    b"{",
    b"}",
    b"[[",
    b"]]",
    b"[" * 300,
    b"{a=" * 200,
    b".a" * 40,
    b"=",
    b",",
    b'"',
    b"'''",
    b'"""',
    b"\\",
    b"\n",
    b"\r",
    b"#",
    b"99999999999999999999",
    b"-1",
    b"1e999",
    b"nan",
    b"0001-01-01",
    b"9999-12-31T23:59:59Z",
    b"true",
    b"[[asked]]\n",
    b"\xef\xbb\xbf",
]


@st.composite
def damaged(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
        if action == "truncate":
            del data[position:]
        elif action == "flip" and position < len(data):
            data[position] ^= draw(st.integers(1, 255))
        elif action == "insert":
            data[position:position] = draw(st.sampled_from(JUNK) | st.binary(min_size=1, max_size=8))
        else:
            del data[position : position + draw(st.integers(1, 64))]
    return bytes(data)


def assert_safe_to_read(root: Path, bad: Path) -> None:
    """Read ``bad`` every way the history does: a session or a problem naming it, nothing else."""
    before = bad.read_bytes()
    try:
        session = Store(root).read(bad).session
    except SessionFileError as exc:
        assert exc.problems and all(str(p).startswith(f"{bad}") for p in exc.problems)
        session = None
    if session is not None:
        for text in (session_text(session, "nl"), session_markdown(session, "en")):
            assert RAW_CONTROL.search(text) is None
    with Index(root, in_memory=True) as index:
        sync = index.sync()
        ids = {e.id for e in index.entries()}
        assert set(GOOD) <= ids and len(sync.problems) == (session is None)
        index.search("a")
        index.open_actions(GOOD["good00000001"])
    assert bad.read_bytes() == before


@FUZZ
@given(data=st.data())
def test_damaged_session_files_are_reported_never_raised(folder, figures, data):
    original = good_session_bytes("good00000001").replace(b"good00000001", b"fuzz00000001")
    bad = folder / "fuzz.toml"
    bad.write_bytes(data.draw(damaged(original)))
    assert_safe_to_read(folder, bad)
    figures(COUNTED, 1)


@FUZZ
@given(content=st.binary(max_size=600) | st.text(max_size=300).map(lambda t: (HEAD + t).encode("utf-8", "replace")))
def test_random_bytes_as_a_session_file(folder, figures, content):
    bad = folder / "random.toml"
    bad.write_bytes(content)
    assert_safe_to_read(folder, bad)
    figures(COUNTED, 1)


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_damaged_question_files_are_reported_never_raised(tmp_path, figures, data):
    path = tmp_path / "damaged.toml"
    path.write_bytes(data.draw(damaged(GOOD_QUESTIONS)))
    before = path.read_bytes()
    _, problems, _ = library.check([path])
    assert all(p.path == path and p.message and "\n" not in str(p) for p in problems)
    assert RAW_CONTROL.search("".join(str(p) for p in problems)) is None
    assert path.read_bytes() == before
    figures(COUNTED, 1)


# --- question files ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED["questions"]))
def test_each_broken_question_file_in_the_corpus(run, tmp_path, figures, name):
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "good.toml").write_bytes(GOOD_QUESTIONS)
    bad = folder / name
    bad.write_bytes(corpus_bytes("questions", name))
    expected = EXPECTED["questions"][name]
    says, line = expected["says"], expected.get("line")
    before = snapshot(folder)

    lib, problems, nfiles = library.check([folder])
    assert nfiles == 2 and reported("\n".join(map(str, problems)), bad, says, line), problems
    assert {p.path for p in problems} == {bad}
    assert "mine.first" in lib.questions, "the good file next to it still loads"
    with pytest.raises(LibraryError) as info:
        library.load_library([folder])
    assert reported(str(info.value), bad, says, line)

    code, out, err = run("questions", "check", str(bad))
    assert code == 1 and reported(out, bad, says, line) and "problem" in err
    code, out, err = run("--questions-dir", str(folder), "questions", "list")
    assert code == 2 and out == "" and reported(err, bad, says, line)
    code, out, _ = run("questions", "check", str(folder / "good.toml"))
    assert code == 0 and out.startswith("OK: 1 file")
    assert snapshot(folder) == before
    figures(COUNTED, 1)


QUESTIONS_MADE = {
    "dotted-key": (b"schema_version = 1\n" + b".".join([b"a"] * N) + b" = 1\n", "more than 10000 dotted keys", None),
    "deep-inline-tables": (b"x = " + b"{a=" * N + b"1" + b"}" * N, tomlfile.TOO_DEEP, 1),
    "dotted-array-of-tables": (b"[[" + b".".join([b"questions"] * N) + b"]]\n", "more than 10000 dotted keys", None),
    "many-values": (b"x = [" + b"1," * 60_000 + b"]\n", "more than 50000 values", None),
    "utf16le-no-bom": (GOOD_QUESTIONS.decode().encode("utf-16-le"), "the file is UTF-16", 1),
    "bom-and-nul": (b"\xef\xbb\xbf" + GOOD_QUESTIONS + b"\x00", "NUL byte", GOOD_QUESTIONS.count(b"\n") + 1),
    # Issue 15: 200 KB of spaces in a multi-line string in an array, and one unknown key (was 192 s).
    "spaces-in-array-200kb": (
        GOOD_QUESTIONS.replace(b'tags = ["reflection"]', b'tags = [\n"""\n' + b" " * 200_000 + b'\n""",\n]\ntgas = 1'),
        "unknown key 'tgas' (did you mean 'tags'?)",
        12,
    ),
    "just-over-1-mb": (
        GOOD_QUESTIONS + b"#" * (library.MAX_LIBRARY_FILE + 1 - len(GOOD_QUESTIONS)),
        "larger than 1 MB",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(QUESTIONS_MADE))
def test_each_broken_question_file_made_here(run, tmp_path, figures, case):
    content, says, line = QUESTIONS_MADE[case]
    bad = tmp_path / f"{case}.toml"
    bad.write_bytes(content)
    started = time.monotonic()
    _, problems, _ = library.check([bad])
    assert reported("\n".join(map(str, problems)), bad, says, line), problems
    code, out, _ = run("questions", "check", str(bad))
    assert code == 1 and reported(out, bad, says, line)
    assert time.monotonic() - started < 10 and bad.read_bytes() == content
    figures(COUNTED, 1)


def test_a_question_file_just_under_1_mb_loads(tmp_path, figures):
    path = tmp_path / "big.toml"
    path.write_bytes(GOOD_QUESTIONS + b"#" * (library.MAX_LIBRARY_FILE - len(GOOD_QUESTIONS) - 1) + b"\n")
    assert path.stat().st_size == library.MAX_LIBRARY_FILE
    lib, problems, _ = library.check([path])
    assert problems == [] and "mine.first" in lib.questions
    figures(COUNTED, 1)


def test_a_slow_to_report_file_in_the_users_questions_folder(run, figures):
    """Issue 15: 60 KB of spaces in an array in the user's own questions made every ``questions list`` take 10 s."""
    from growtui import paths

    folder = paths.user_questions_dir()
    folder.mkdir(parents=True)
    bad = folder / "mine.toml"
    bad.write_bytes(
        GOOD_QUESTIONS.replace(b'tags = ["reflection"]', b'tags = [\n"""\n' + b" " * 60_000 + b'\n""",\n]\nx = 1')
    )
    started = time.monotonic()
    for _ in range(3):
        code, out, err = run("questions", "list")
        assert code == 2 and out == "" and reported(err, bad, "unknown key 'x'", 12), err
    assert time.monotonic() - started < 10
    figures(COUNTED, 1)


def test_question_files_that_are_not_files(run, tmp_path, figures):
    folder = tmp_path / "q"
    folder.mkdir()
    (folder / "good.toml").write_bytes(GOOD_QUESTIONS)
    os.mkfifo(folder / "pipe.toml")
    (folder / "loop.toml").symlink_to("loop.toml")
    (folder / "dangling.toml").symlink_to(folder / "gone.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "round").symlink_to(folder)  # a folder loop: never walked into
    expected = {
        "pipe.toml": "not a regular file",
        "loop.toml": "a loop",
        "dangling.toml": "a link to a file that is not",
        "zero.toml": "not a regular file",
    }
    lib, problems, nfiles = library.check([folder])
    assert nfiles == 5 and "mine.first" in lib.questions
    for name, says in expected.items():
        assert reported("\n".join(map(str, problems)), folder / name, says, None), name
    code, out, _ = run("questions", "check", str(folder))
    assert code == 1 and all(reported(out, folder / n, s, None) for n, s in expected.items())
    figures(COUNTED, len(expected) + 1)


def test_a_question_file_linked_from_elsewhere_is_read(tmp_path):
    """Question files are not private: a link to one kept elsewhere (a dotfiles repository) is followed."""
    (tmp_path / "dotfiles").mkdir()
    (tmp_path / "dotfiles" / "mine.toml").write_bytes(GOOD_QUESTIONS)
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "mine.toml").symlink_to(tmp_path / "dotfiles" / "mine.toml")
    lib = library.load_library([tmp_path / "q"])
    assert "mine.first" in lib.questions


def test_an_unreadable_question_file(run, tmp_path, figures):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    bad = tmp_path / "unreadable.toml"
    bad.write_bytes(GOOD_QUESTIONS)
    bad.chmod(0)
    try:
        code, out, _ = run("questions", "check", str(bad))
    finally:
        bad.chmod(0o600)
    assert code == 1 and reported(out, bad, "permission denied", None)
    figures(COUNTED, 1)


def test_broken_question_files_as_a_real_process(tmp_path, env_for_subprocess, figures):
    folder = tmp_path / "q"
    folder.mkdir()
    for name in EXPECTED["questions"]:
        (folder / name).write_bytes(corpus_bytes("questions", name))
    os.mkfifo(folder / "pipe.toml")
    process = growtui("questions", "check", str(folder), env=env_for_subprocess)
    assert process.returncode == 1 and "Traceback" not in process.stdout + process.stderr
    for name, expected in EXPECTED["questions"].items():
        assert reported(process.stdout, folder / name, expected["says"], expected.get("line")), name
    assert RAW_CONTROL.search(process.stdout) is None
    process = growtui("--questions-dir", str(folder), "questions", "list", env=env_for_subprocess)
    assert process.returncode == 2 and process.stdout == "" and "Traceback" not in process.stderr
    assert "cannot continue until these are fixed" in process.stderr
    figures(COUNTED, len(EXPECTED["questions"]) + 1)


def test_question_text_with_escape_sequences_is_listed_harmlessly(run, tmp_path):
    folder = tmp_path / "q"
    folder.mkdir()
    evil = GOOD_QUESTIONS.replace(b"How satisfied are you", b"How \\u001b]52;c;aGk=\\u0007\\u009b31m satisfied are you")
    (folder / "evil.toml").write_bytes(evil)
    code, out, _ = run("--questions-dir", str(folder), "--lang", "en", "questions", "list", "--tag", "reflection")
    assert code == 0 and "mine.first" in out and "satisfied" in out and RAW_CONTROL.search(out) is None
    code, out, _ = run("--questions-dir", str(folder), "questions", "list", "--json", "--lang", "en")
    assert code == 0 and RAW_CONTROL.search(out) is None
    [mine] = [q for q in json.loads(out) if q["id"] == "mine.first"]
    assert mine["text"].startswith("How \x1b]52;c;aGk=\x07\x9b31m satisfied"), "JSON keeps the data, escaped"


# --- hostile names -----------------------------------------------------------------------

HOSTILE = [
    "../../../etc/passwd",
    "/etc/shadow",
    "..",
    ".",
    "a/b\\c",
    "nul\x00byte",
    "line\nbreak\r\nand\rmore",
    "\u202eevil\u202c name",
    "\u2066isolate\u2069",
    "emoji 😀👩‍👩‍👧",
    "\x1b[2J\x1b]0;title\x07\x9b31m",
    "x" * 10_000,
    "  spaces around  ",
    "CON",
    "name.toml",
    "-rf",
    "'quotes\" and ''' \"\"\"",
    "tab\there",
]


def test_hostile_names_stay_inside_the_folder_and_come_back_whole(run, tmp_path, figures):
    root = tmp_path / "sessions"
    store = Store(root)
    # new_session writes nothing until there is something to save; saving it at once writes the file
    made = [
        store.save(new_session(store, coachee=name, topic=name, minutes=45, language="nl", coach=""))
        for name in HOSTILE
    ]
    assert sorted(p.name for p in root.iterdir()) == sorted(s.path.name for s in made)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d_[a-z0-9-]{1,40}_[0-9a-z]{12}\.toml", s.path.name) for s in made)
    for stored, name in zip(made, HOSTILE, strict=True):
        again = Store(root).read(stored.path).session
        assert again.coachee == name.strip() and again.topic == name.strip()

    code, out, err = run("--sessions-dir", str(root), "list")
    assert code == 0 and err == "" and len(out.splitlines()) == len(HOSTILE) + 1, "a header, then one line each"
    assert RAW_CONTROL.search(out) is None
    code, out, _ = run("--sessions-dir", str(root), "list", "--json")
    assert code == 0 and RAW_CONTROL.search(out) is None
    assert sorted(row["coachee"] for row in json.loads(out)) == sorted(n.strip() for n in HOSTILE)
    export = tmp_path / "export.md"
    for stored, name in zip(made, HOSTILE, strict=True):
        session_id = stored.session.id
        for argv in (
            ["show", session_id],
            ["export", session_id, "--format", "markdown"],
            ["export", "--coachee", name, "--format", "markdown"],
            ["export", "--coachee", name, "--format", "summary"],
        ):
            code, out, _ = run("--sessions-dir", str(root), *argv)
            assert code == 0 and out and RAW_CONTROL.search(out) is None, (name, argv)
        code, _, _ = run("--sessions-dir", str(root), "export", session_id, "--format", "markdown", "-o", str(export))
        assert code == 0 and RAW_CONTROL.search(export.read_text(encoding="utf-8")) is None
        assert export.stat().st_mode & 0o777 == 0o600
    assert len(list(root.iterdir())) == len(HOSTILE) and not list(root.glob("*/**"))
    figures(COUNTED, len(HOSTILE))


SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # annotated: written inline, mypy takes it for tuple[str]
NAMES = st.text(st.characters(blacklist_categories=SURROGATES), min_size=1, max_size=60) | st.sampled_from(HOSTILE)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(coachee=NAMES.filter(lambda n: n.strip()), topic=NAMES)
def test_any_name_makes_a_safe_file_name_and_comes_back_whole(tmp_path_factory, figures, coachee, topic):
    root = tmp_path_factory.mktemp("sessions")
    store = Store(root)
    stored = store.save(new_session(store, coachee=coachee, topic=topic, minutes=45, language="nl", coach=""))
    assert stored.path.parent == root and list(root.iterdir()) == [stored.path]
    again = Store(root).read(stored.path).session
    assert (again.coachee, again.topic) == (coachee.strip(), topic.strip())
    assert RAW_CONTROL.search(session_markdown(again, "nl")) is None
    assert RAW_CONTROL.search(session_text(again, "en")) is None
    figures(COUNTED, 1)


# --- escape sequences in notes --------------------------------------------------------------

ESCAPES = {
    "clear": "\x1b[2J",
    "osc52": "\x1b]52;c;ZWNobyBoaQ==\x07",
    "title": "\x1b]0;pwned\x1b\\",
    "dcs": "\x1bP1$r\x1b\\",
    "c1-csi": "\x9b31m",
    "c1-osc": "\x9d0;x\x9c",
    "bidi": "\u202eevil\u202c",
    "isolate": "\u2067x\u2069",
    "bell": "\x07",
    "backspace": "ab\x08\x08",
    "del": "\x7f",
    "cr": "overwrite\rthis",
}
PAYLOAD = "zoekmij " + " ".join(f"<{name}>{seq}" for name, seq in ESCAPES.items())


def test_escape_sequences_in_every_field_never_reach_the_terminal(run, folder, tmp_path, figures):
    """test_history_cli checks a few sequences in the topic and notes; this puts all of them everywhere."""
    session = full_session(id="evil00000001", coachee="Evil " + PAYLOAD)
    session.topic = session.coach = PAYLOAD
    session.tags = ["evil" + ESCAPES["osc52"], "fine"]
    for phase in ("opening", "follow_up", "goal", "reality", "options", "will", "closing"):
        getattr(session, phase).notes = PAYLOAD + "\nline two"
    session.goal.session_goal = session.goal.success_measure = PAYLOAD
    session.options.items[0].text = session.options.items[0].pros[0] = PAYLOAD
    session.will.actions[0].what = session.will.actions[0].success_criterion = PAYLOAD
    session.follow_up.items[0].tried = PAYLOAD
    session.reality.scales[0].said = PAYLOAD
    session.asked[0].answer = session.asked[0].text = PAYLOAD
    path = Store(folder).create(session).path
    before = snapshot(folder)
    export = tmp_path / "evil.md"
    outputs = {}
    for argv in (
        ["list"],
        ["search", "zoekmij"],
        ["show", "evil"],
        ["show", str(path)],
        ["export", "evil", "--format", "markdown"],
        ["export", "evil", "--format", "summary"],
        ["export", "--coachee", session.coachee, "--format", "markdown"],
        ["list", "--json"],
        ["search", "zoekmij", "--json"],
    ):
        code, out, err = run("--sessions-dir", str(folder), *argv)
        assert code == 0 and err == "" and RAW_CONTROL.search(out) is None, argv
        outputs[" ".join(argv[:2])] = out
    assert "<osc52>\ufffd]52;c;ZWNobyBoaQ==\ufffd" in outputs["show evil"], "shown, neutralised, not dropped"
    assert outputs["show evil"].count("<c1-csi>") >= 10
    rows = json.loads(outputs["list --json"])
    assert [r["coachee"] for r in rows if r["id"] == "evil00000001"] == [session.coachee], "JSON keeps the data"
    code, _, _ = run("--sessions-dir", str(folder), "export", "evil", "--format", "markdown", "-o", str(export))
    text = export.read_text(encoding="utf-8")
    assert code == 0 and "\ufffdevil\ufffd" in text and RAW_CONTROL.search(text) is None
    assert snapshot(folder) == before
    figures(COUNTED, len(ESCAPES))


def test_problem_messages_never_echo_what_was_typed(run, folder):
    bad = folder / "notes-in-the-wrong-place.toml"
    bad.write_text(HEAD + 'status = "Mijn geheime notitie over de coachee die lang is"\n', encoding="utf-8")
    code, _, err = run("--sessions-dir", str(folder), "list")
    assert code == 0 and "(skipped)" in err and "geheime" not in err
    code, _, err = run("--sessions-dir", str(folder), "show", str(bad))
    assert code == 2 and "geheime" not in err and reported(err, bad, "field 'status'", 5)
