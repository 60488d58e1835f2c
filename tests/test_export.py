"""``growtui export``: file names that say what they hold, the calendar file, and the summary of a period."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from factories import copy_grow_examples, full_session
from growtui.model import Action, ActionStatus, Session
from growtui.render import action_uid, calendar, meeting_uid, summary
from growtui.storage import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"
STAMP = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    return copy_grow_examples(root)


@pytest.fixture
def run(run, folder):
    def in_folder(*argv: str):
        return run("--sessions-dir", str(folder), *argv)

    return in_folder


# --- what -o may be called ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x.pdf", "x.docx", "x", "x.ics"])
def test_an_extension_the_format_does_not_write_is_an_error_naming_every_format(run, tmp_path, name):
    target = tmp_path / name
    code, out, err = run("export", "h7t3", "--format", "markdown", "-o", str(target))
    assert code == 2 and out == "" and not target.exists()
    for fmt, exts in (("markdown", ".md, .markdown, .txt"), ("recap", ".txt, .md, .markdown"), ("ics", ".ics")):
        assert f"--format {fmt} writes {exts}" in " ".join(err.split())


def test_each_format_takes_its_own_extensions(run, tmp_path):
    for fmt, name in (("ics", "x.ics"), ("recap", "X.MD"), ("summary", "x.txt"), ("markdown", "x.markdown")):
        code, _, err = run("export", "h7t3", "--format", fmt, "-o", str(tmp_path / name))
        assert code == 0, err
    code, _, err = run("export", "h7t3", "--format", "ics", "-o", str(tmp_path / "x.md"))
    assert code == 2 and "does not write" in err
    code, _, err = run("export", "h7t3", "--format", "recap", "-o", str(tmp_path / "x.toml"))
    assert code == 2 and "not a session file" in err and not (tmp_path / "x.toml").exists()


# --- the calendar file --------------------------------------------------------------------------------------------


def calendar_session() -> Session:
    s = full_session(next_meeting=date(2026, 11, 24))
    s.will.actions += [
        Action(id="a2", what="Undated", success_criterion="no date, no entry"),
        Action(id="a3", what="Started", start=date(2026, 11, 4), when=date(2026, 11, 10), status=ActionStatus.done),
    ]
    return s


def test_one_todo_per_dated_action_and_an_all_day_event_for_the_next_meeting():
    s = calendar_session()
    cal = icalendar.Calendar.from_ical(calendar([s], stamp=STAMP))
    todos, events = cal.walk("VTODO"), cal.walk("VEVENT")
    assert [str(t["summary"]) for t in todos] == ["Overdracht plannen met Tom", "Started"]
    first, started = todos
    assert first["uid"] == action_uid(s.id, "a1") == "k7m2q9x4c1ab-a1@growtui"
    assert first.decoded("due") == date(2026, 11, 17) and "dtstart" not in first
    assert str(first["description"]) == "Tom doet de release zelf"
    assert str(first["status"]) == "NEEDS-ACTION" and str(started["status"]) == "COMPLETED"
    assert started.decoded("dtstart") == date(2026, 11, 4) and "description" not in started
    (meeting,) = events
    assert meeting["uid"] == meeting_uid(s.id)
    assert meeting.decoded("dtstart") == date(2026, 11, 24) and meeting.decoded("dtend") == date(2026, 11, 25)
    assert str(meeting["summary"]) == "Gesprek met Zoë de Wit"


def test_the_calendar_holds_no_notes_and_the_same_uids_every_time():
    s = calendar_session()
    s.will.notes = "Notitie bij de wil"
    raw = calendar([s], stamp=STAMP)
    text = icalendar.Calendar.from_ical(raw).to_ical().decode()
    for private in (s.will.notes, s.goal.notes, "Kort bijgepraat", "teamlead", "tijd van Tom", s.topic, "meer rust"):
        assert private not in text
    assert "Taak X" not in text  # the chosen option: the recap's, not the calendar's
    assert calendar([s], stamp=STAMP) == raw

    def uids(data: bytes) -> list[str]:
        return [str(c["uid"]) for c in icalendar.Calendar.from_ical(data).walk() if "uid" in c]

    changed = s.model_copy(deep=True)
    changed.will.actions[0].what = "Overdracht met Tom, een week later"
    assert uids(calendar([changed])) == uids(raw) and len(uids(raw)) == 3


def test_export_ics_of_a_session_and_of_a_coachee(run, folder, tmp_path):
    code, out, _ = run("export", "f724", "--format", "ics")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    session_todos = icalendar.Calendar.from_ical(out).walk("VTODO")
    assert session_todos and all(str(t["uid"]).startswith("f724bg39vjed-") for t in session_todos)
    target = tmp_path / "sem.ics"
    code, _, err = run("export", "--coachee", "sem brouwer", "--format", "ics", "-o", str(target))
    assert code == 0 and "sem.ics" in err and target.stat().st_mode & 0o777 == 0o600
    todos = icalendar.Calendar.from_ical(target.read_bytes()).walk("VTODO")
    assert {str(t["uid"]).split("-")[0] for t in todos} == {"h7t3pc3hxyga", "f724bg39vjed"}
    assert all(isinstance(t.decoded("due"), date) and not isinstance(t.decoded("due"), datetime) for t in todos)


# --- the process summary of a period, for everyone ----------------------------------------------------------------


def test_summary_of_everyone_in_a_period(run, folder):
    period = ("--since", "2026-09-01", "--until", "2026-10-10")
    code, out, _ = run("export", "--format", "summary", *period, "--lang", "en")
    assert code == 0
    assert "## Sem Brouwer" in out and "## Priya Raman" in out and "Lukas Fischer" not in out
    assert "**Period:** Tue 1 Sep 2026 up to and including Sat 10 Oct 2026" in out
    assert "| Tue 6 Oct 2026 | 43 min | Problem-solving | completed |" in out and "| 28 |" in out
    assert "28 days on average, 28 days at the longest" in out
    assert "1 done, 1 carried over" in out
    for stored in Store(folder).scan().sessions:
        s = stored.session
        for text in (s.topic, s.goal.session_goal, s.goal.notes, *(a.what for a in s.will.actions), *s.tags):
            assert not text or text not in out
    code, out, _ = run("export", "--format", "summary")
    assert code == 0 and out.count("\n## ") == 5  # four people and the totals


def test_summary_of_an_empty_period_and_bad_dates(run):
    code, _, err = run("export", "--format", "summary", "--since", "2030-01-01")
    assert code == 2 and "no sessions since 2030-01-01" in err
    code, _, err = run("export", "--format", "summary", "--until", "gisteren")
    assert code == 2 and "gisteren" in err
    code, _, err = run("export", "--format", "markdown", "--since", "2026-01-01")
    assert code == 2 and "either" in err


def test_summary_gaps_count_days_between_the_coachees_own_conversations():
    first = full_session(id="first0000001")
    later = full_session(id="later0000001", started_at=first.started_at.replace(day=20))
    text = summary([later, first], "en")
    assert "| 17 |" in text and "17 days on average, 17 days at the longest" in text


def test_summary_of_a_coachee_in_a_period(run):
    code, out, _ = run(
        "export", "--coachee", "Sem Brouwer", "--format", "summary", "--since", "2026-10-01", "--lang", "en"
    )
    assert code == 0 and "Tue 6 Oct 2026" in out and "8 Sep 2026" not in out and "**Period:** from Thu 1 Oct" in out
