"""The command line: exit codes, messages, JSON output, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from growtui import paths

GOOD = Path(__file__).parent / "data" / "good_questions.toml"


def no_traceback(result) -> None:
    assert "Traceback" not in result.out + result.err


def test_version(run):
    result = run("--version")
    assert result.code == 0 and result.out.startswith("growtui ")


def test_questions_check_passes_on_the_shipped_library(run):
    result = run("questions", "check")
    assert result.code == 0, result.out
    assert result.out.startswith("OK: ")


def test_questions_check_reports_file_line_message_and_exits_1(run, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.read_text().replace("tags =", "tag ="))
    broken = tmp_path / "broken.toml"
    broken.write_text("[[questions]\n")
    result = run("questions", "check", str(bad), str(broken))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines == [
        f"{bad}:7: question 'mine.first': unknown key 'tag' (did you mean 'tags'?)",
        f"{broken}:1: TOML syntax error: Expected ']]' at the end of an array declaration",
    ]
    assert result.err.strip() == "2 problems in 2 files."
    no_traceback(result)


def test_questions_check_accepts_a_folder(run, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "a.toml").write_text(GOOD.read_text())
    result = run("questions", "check", str(tmp_path / "mine"))
    assert result.code == 0 and "1 file," in result.out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_questions_list_json_has_15_per_grow_phase_in_each_language(run, lang):
    result = run("questions", "list", "--json", "--lang", lang)
    assert result.code == 0
    items = json.loads(result.out)
    counts = Counter(item["phase"] for item in items)
    assert all(counts[phase] >= 15 for phase in ("goal", "reality", "options", "will"))
    for item in items:
        assert {"id", "phase", "kind", "text", "tags"} <= set(item)
        assert item["kind"] in ("open", "scale") and item["text"]


def test_questions_list_texts_follow_the_language(run):
    nl = json.loads(run("questions", "list", "--json", "--lang", "nl").out)
    en = json.loads(run("questions", "list", "--json", "--lang", "en").out)
    assert [q["id"] for q in nl] == [q["id"] for q in en]
    assert all(a["text"] != b["text"] for a, b in zip(nl, en, strict=True))


def test_questions_list_filters_by_phase_and_tag(run):
    items = json.loads(run("questions", "list", "--json", "--phase", "will").out)
    assert items and {i["phase"] for i in items} == {"will"}
    tag = items[0]["tags"][0]
    tagged = json.loads(run("questions", "list", "--json", "--tag", tag).out)
    assert tagged and all(tag in i["tags"] for i in tagged)


def test_questions_list_plain_text(run):
    result = run("--lang", "en", "questions", "list", "--phase", "goal")
    assert result.code == 0
    assert len(result.out.splitlines()) >= 15
    assert all(line.startswith("goal.") for line in result.out.splitlines())


def test_global_lang_and_config_language(run):
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text('language = "nl"\n')
    nl = json.loads(run("questions", "list", "--json").out)
    en = json.loads(run("--lang", "en", "questions", "list", "--json").out)
    assert nl[0]["text"] != en[0]["text"]


def test_user_question_files_are_listed(run):
    paths.user_questions_dir().mkdir(parents=True)
    (paths.user_questions_dir() / "mine.toml").write_text(GOOD.read_text())
    items = json.loads(run("questions", "list", "--json", "--tag", "reflection").out)
    assert "mine.first" in [i["id"] for i in items]


def test_a_broken_user_library_stops_list_with_exit_2(run):
    paths.user_questions_dir().mkdir(parents=True)
    bad = paths.user_questions_dir() / "bad.toml"
    bad.write_text('[[questions]]\nid = "x.y"\n')
    result = run("questions", "list")
    assert result.code == 2
    assert f"{bad}:1: question 'x.y', field 'phase': missing (required)" in result.err
    no_traceback(result)


def test_a_bad_config_exits_2_with_file_and_line(run):
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text('language = "nl"\ntime_box_minutes = "lang"\nthem = "x"\n')
    result = run("questions", "list")
    assert result.code == 2
    assert f"{paths.config_file()}:2: field 'time_box_minutes': input should be a valid integer" in result.err
    assert f"{paths.config_file()}:3: unknown key 'them' (did you mean 'theme'?)" in result.err
    no_traceback(result)


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "fr", "questions", "list"],
        ["questions", "list", "--phase", "middle"],
        ["nonsense"],
        ["schema", "everything"],
        ["--questions-dir", "/does/not/exist", "questions", "list"],
    ],
)
def test_bad_arguments_exit_2_without_traceback(run, argv):
    result = run(*argv)
    assert result.code == 2
    assert "Error" in result.err
    no_traceback(result)


@pytest.mark.parametrize("kind", ["questions", "session"])
def test_schema_is_json_schema(run, kind):
    result = run("schema", kind)
    schema = json.loads(result.out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False


def paths_shown(out: str) -> dict[str, str]:
    return {label: where.strip() for label, _, where in (line.partition(": ") for line in out.splitlines())}


def test_paths_honour_overrides(run, tmp_path, monkeypatch):
    monkeypatch.setenv("GROWTUI_SESSIONS_DIR", str(tmp_path / "from-env"))
    assert paths_shown(run("paths").out)["sessions"] == str(tmp_path / "from-env")
    assert paths_shown(run("--sessions-dir", str(tmp_path / "flag"), "paths").out)["sessions"] == str(tmp_path / "flag")


def test_paths_line_up_in_one_column(run):
    lines = run("paths").out.splitlines()
    assert len(lines) >= 7 and any(line.startswith("cache (locks, search index): ") for line in lines)
    starts = {len(line) - len(line.split(": ", 1)[1].lstrip()) for line in lines}
    assert len(starts) == 1, lines


def test_an_internal_error_leaves_a_report_without_note_text(run, monkeypatch):
    from growtui import library

    def explode(*args, **kwargs):
        raise RuntimeError("SECRET-NOTE-TEXT from a session")

    monkeypatch.setattr(library, "check", explode)
    result = run("questions", "check")
    assert result.code == 70
    assert "unexpected internal error (RuntimeError)" in result.err
    assert "SECRET" not in result.out + result.err
    [report] = paths.log_dir().glob("crash-*.log")
    assert oct(report.stat().st_mode & 0o777) == "0o600"
    text = report.read_text()
    assert "RuntimeError" in text and "SECRET" not in text and "explode" in text


def test_python_dash_m_and_the_console_script(env_for_subprocess):
    for argv in (
        [sys.executable, "-m", "growtui", "--version"],
        [str(Path(sys.executable).parent / "growtui"), "questions", "check"],
    ):
        result = subprocess.run(argv, capture_output=True, text=True, env=env_for_subprocess, timeout=60)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", ["termios", "stdin"])
def test_hiding_the_typeahead_does_nothing_where_there_is_no_terminal_to_quiet(monkeypatch, missing):
    """Windows has no termios; a program started without stdin has no terminal: the command just runs."""
    import click

    from growtui.cli.tui import hide_typeahead

    if missing == "termios":
        monkeypatch.setitem(sys.modules, "termios", None)  # import termios raises ImportError, as on Windows
    else:
        monkeypatch.setattr(sys, "stdin", None)
    ctx = click.Context(click.Command("growtui"))
    hide_typeahead(ctx)
    ctx.close()
