"""``growtui list``, ``show``, ``search`` and ``export``: scriptable, honest about broken files, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import copy_grow_examples

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"
BROKEN = "2026-10-20_kapot_bbbb00000001.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    copy_grow_examples(root)
    return root


@pytest.fixture
def run(run, folder):
    """The shared ``run``, on the folder of example sessions unless told otherwise."""

    def in_folder(*argv: str, sessions: Path | None = None):
        return run("--sessions-dir", str(sessions or folder), *argv)

    return in_folder


def test_list_json_has_the_promised_fields(run, folder):
    code, out, err = run("list", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert len(rows) == 5
    for row in rows:
        assert {"id", "path", "coachee", "topic", "started_at", "status"} <= row.keys()
        assert Path(row["path"]).is_file() and Path(row["path"]).is_absolute()
    assert [r["started_at"] for r in rows] == sorted((r["started_at"] for r in rows), reverse=True)


TRICKY_TAGS = ['quote " and back\\slash', "tab\there", "Zoë", "del\x7fand\u202ebidi"]
SQL_TAGS = ['a "quote"', "C:\\new", "x\\u0041", "del\x7f", "bidi\u202e", "Zoë"]  # JSON by plain escaping


@pytest.mark.parametrize("by", ["sqlite", "python"])
def test_list_json_is_one_session_a_line_and_the_same_data_whoever_writes_it(run, folder, monkeypatch, by):
    """SQLite writes each session's JSON; Python does where the folder's name cannot go into SQL."""
    from factories import full_session
    from growtui.index import Index, queries
    from growtui.index.queries import Queries
    from growtui.storage import Store

    session = full_session(id="tags00000001", coachee="Tags Tester", topic='A "quoted" topic\x9b')
    session.tags = TRICKY_TAGS
    Store(folder).create(session)
    escaped = full_session(id="tags00000002", coachee="Tags Tester", started_at=session.started_at.replace(year=2025))
    escaped.tags = SQL_TAGS
    Store(folder).create(escaped)
    through_python: list[str] = []
    tags_json = queries._tags_json

    def counted(tags: str) -> str:
        through_python.append(tags)
        return tags_json(tags)

    monkeypatch.setattr(queries, "_tags_json", counted)
    if by == "python":
        monkeypatch.setattr(Queries, "listing_json", lambda self, **filters: None)
    code, out, err = run("list", "--json")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 7 + 2, "one session on each line"
    if by == "sqlite":
        assert through_python == ["\n".join(TRICKY_TAGS)], "only the tab needs Python; quotes and backslashes do not"
    assert "\x7f" not in out and "\x9b" not in out and "\u202e" not in out, "what a terminal acts on is escaped"
    with Index(folder) as index:
        index.sync()
        expected = [e.as_json() for e in index.entries()]
    assert json.loads(out) == expected
    assert next(r for r in expected if r["id"] == "tags00000001")["tags"] == TRICKY_TAGS
    assert next(r for r in expected if r["id"] == "tags00000002")["tags"] == SQL_TAGS
    _, out, _ = run("list", "--json", "--coachee", "tags tester")
    assert [r["id"] for r in json.loads(out)] == ["tags00000001", "tags00000002"]


def test_list_filters_by_coachee_and_status(run):
    _, out, _ = run("list", "--json", "--coachee", "sem brouwer")
    assert {r["coachee"] for r in json.loads(out)} == {"Sem Brouwer"} and len(json.loads(out)) == 2
    _, out, _ = run("list", "--json", "--status", "in_progress")
    assert [r["coachee"] for r in json.loads(out)] == ["Zoë van Dijk"]
    code, _, err = run("list", "--status", "maybe")
    assert code == 2 and "maybe" in err


def test_list_for_people_is_one_aligned_line_per_session(run):
    code, out, _ = run("list")
    header, *lines = out.splitlines()
    assert code == 0 and len(lines) == 5 and header.split()[:2] == ["date", "coachee"]
    assert lines[0].startswith("2026-11-03 13:30  Zoë van Dijk")
    assert lines[-1].endswith("h7t3pc3hxyga") and " 1/2 " in lines[-1]


def test_broken_files_are_named_on_stderr_and_the_good_ones_listed(run, folder):
    (folder / BROKEN).write_text(
        'schema_version = 1\nid = "bbbb00000001"\ncoachee = "X"\nstarted_at = 2026-10-20T10:00:00\nstatus = "maybe"\n'
    )
    code, out, err = run("list", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    assert f"{BROKEN}:5:" in err and "(skipped)" in err


def test_exit_code_1_when_nothing_could_be_read(run, tmp_path):
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / BROKEN).write_text("not toml at all [")
    code, out, err = run("list", sessions=only_bad)
    assert code == 1 and BROKEN in err and out == ""


def test_an_empty_folder_lists_nothing_and_succeeds(run, tmp_path):
    code, out, _ = run("list", "--json", sessions=tmp_path / "none")
    assert code == 0 and json.loads(out) == []


def test_show_by_id_prefix_and_path(run, folder):
    code, by_prefix, _ = run("show", "h7t3")
    assert code == 0 and "Sem Brouwer" in by_prefix and "sluitcheck" in by_prefix
    code, by_path, _ = run("show", str(folder / "2026-09-08_sem-brouwer_h7t3pc3hxyga.toml"))
    assert code == 0 and by_path == by_prefix


def test_show_unknown_and_ambiguous_ids_exit_2(run, folder):
    original = folder / "2026-09-08_sem-brouwer_h7t3pc3hxyga.toml"
    (folder / "2026-09-09_sem-brouwer_h7t3zzzzzzzz.toml").write_text(
        original.read_text().replace("h7t3pc3hxyga", "h7t3zzzzzzzz")
    )
    code, _, err = run("show", "zzzz")
    assert code == 2 and "no session" in err
    code, _, err = run("show", "h7t3")
    assert code == 2 and "fits 2 sessions" in err and "h7t3zzzzzzzz" in err
    code, _, err = run("show", " ")
    assert code == 2


def test_show_a_broken_file_names_file_and_line(run, folder):
    (folder / BROKEN).write_text(
        'schema_version = 1\nid = "bbbb00000001"\ncoachee = "X"\nstarted_at = 2026-10-20T10:00:00\nstatus = "maybe"\n'
    )
    code, out, err = run("show", str(folder / BROKEN))
    assert code == 2 and f"{BROKEN}:5:" in err and out == ""


def test_search_with_snippets_and_json(run):
    code, out, _ = run("search", "sluitcheck")
    assert code == 0
    assert out.count("Sem Brouwer") == 2
    code, out, _ = run("search", "sluitcheck", "--json", "--coachee", "Sem Brouwer")
    hits = json.loads(out)
    assert len(hits) == 2 and all("sluitcheck" in h["snippet"].lower() for h in hits)
    assert {"id", "path", "coachee", "topic", "started_at", "status", "snippet"} <= hits[0].keys()
    _, out, _ = run("search", "woordbestaatnietxyz", "--json")
    assert json.loads(out) == []


def test_escape_sequences_in_notes_never_reach_the_terminal(run, folder):
    from growtui.storage import Store

    store = Store(folder)
    stored = store.read(folder / "2026-09-08_sem-brouwer_h7t3pc3hxyga.toml")
    stored.session.topic = "Evil \x1b]0;pwned\x07 \x1b[2J topic"
    stored.session.goal.notes = "zoekmij \x1b[31mred\x1b[0m \u202eevil"
    store.save(stored)
    for argv in (["list"], ["search", "zoekmij"], ["show", "h7t3"], ["export", "h7t3", "--format", "markdown"]):
        code, out, _ = run(*argv)
        assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out, argv


def test_export_markdown_of_a_session_and_of_a_coachee(run, folder, tmp_path):
    code, out, _ = run("export", "h7t3", "--format", "markdown")
    assert code == 0 and out.startswith("# ") and "Sem Brouwer" in out
    target = tmp_path / "out" / "sem.md"
    target.parent.mkdir()
    code, _, err = run("export", "--coachee", "Sem Brouwer", "--format", "markdown", "-o", str(target))
    assert code == 0 and "sem.md" in err
    text = target.read_text()
    assert text.count("Tickets gesloten zonder sluitcheck") >= 1 and "Vervolg sluitcheck" in text
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_summary_holds_no_session_text(run, folder):
    from growtui.storage import Store

    code, out, _ = run("export", "--coachee", "sem brouwer", "--format", "summary")
    assert code == 0 and "Sem Brouwer" in out
    for stored in Store(folder).scan().sessions:
        if stored.session.coachee != "Sem Brouwer":
            continue
        s = stored.session
        for text in (
            s.topic,
            s.goal.session_goal,
            s.goal.notes,
            *(o.text for o in s.options.items),
            *(a.what for a in s.will.actions),
            *s.tags,
        ):
            if text:
                assert text not in out


def test_export_needs_one_of_session_or_coachee(run):
    code, _, err = run("export", "--format", "markdown")
    assert code == 2 and "either" in err
    code, _, err = run("export", "h7t3", "--coachee", "x", "--format", "markdown")
    assert code == 2
    code, _, err = run("export", "--coachee", "niemand", "--format", "summary")
    assert code == 2 and "niemand" in err
    code, _, err = run("export", "h7t3", "--format", "markdown", "-o", "x.toml")
    assert code == 2 and "session file" in err


def test_list_json_without_sqlites_json_functions_is_written_by_python(run, monkeypatch):
    """An SQLite built without JSON (before 3.38) says 'no such function': the same list, from Python."""
    import growtui.index.queries as queries

    monkeypatch.setattr(queries, "_JSON_FIELDS", "'id', no_such_json_function(id)")
    code, out, err = run("list", "--json")
    assert code == 0 and err == "" and len(json.loads(out)) == 5 and len(out.splitlines()) == 5 + 2
