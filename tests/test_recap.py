"""The coachee's recap: what was agreed, in the session's language, and not one word of the manager's own record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factories import full_session
from growtui.model import Action, Lang, Option, Session, Source
from growtui.render import AGREED_RECORDS, recap_markdown, recap_text
from growtui.storage import Store

# --- every text field of a session, sorted into what the recap may show and what it may not ---------------------

# What the coachee takes away (for options and records: see below).
AGREED = {
    ("coachee",),
    ("goal", "session_goal"),
    ("goal", "long_term_goal"),
    ("will", "actions", "*", "what"),
    ("will", "actions", "*", "success_criterion"),
    ("will", "actions", "*", "inform"),
    ("will", "actions", "*", "support"),
}
# Ids, enums and other structure: not typed text.
STRUCTURE = {
    ("id",),
    ("type",),
    ("language",),
    ("status",),
    ("phases", "*"),
    ("current_phase",),
    ("previous_session",),
    ("style", "experience"),
    ("style", "suggested"),
    ("style", "chosen"),
    ("follow_up", "items", "*", "session_id"),
    ("follow_up", "items", "*", "action_id"),
    ("follow_up", "items", "*", "owner"),
    ("follow_up", "items", "*", "outcome"),
    ("follow_up", "items", "*", "decision"),
    ("reality", "scales", "*", "question_id"),
    ("options", "items", "*", "id"),
    ("options", "items", "*", "source"),
    ("will", "actions", "*", "id"),
    ("will", "actions", "*", "owner"),
    ("will", "actions", "*", "status"),
    ("will", "actions", "*", "option_id"),
    ("will", "actions", "*", "carried_from"),
    ("will", "actions", "*", "outcome"),
    ("will", "actions", "*", "reviewed_in"),
    ("asked", "*", "question_id"),
    ("asked", "*", "phase"),
    ("draft", "phase"),
    ("draft", "question_id"),
}


def text_leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_leaves(item, (*path, index))


def general(path: tuple) -> tuple:
    """The path with list positions as ``*``; a type's own section or record by its kind of place."""
    shape = tuple("*" if isinstance(p, int) else p for p in path)
    if shape[:1] == ("sections",):
        return ("sections", "*", *shape[2:])
    return shape


def everything_filled() -> Session:
    """A feedback conversation with every text field holding something, and one of each kind of item."""
    s = full_session(type="feedback", next_meeting=date(2026, 11, 24))
    s.closing.coach_talk_percent = 30
    s.direction.what, s.direction.quality, s.direction.in_their_words = "d", "q", "w"
    s.direction.notes = "n"
    s.sections = {k: type(s.opening)(notes="n") for k in ("feedback", "reaction", "feedforward")}
    s.record = {"behaviour": "b", "effect": "e", "wish": "w", "reaction": "r", "next_time": "Volgende keer vraag ik"}
    s.follow_up.items[0].inform, s.follow_up.items[0].support, s.follow_up.items[0].obstacles = "i", "s", "o"
    s.options.items[0].pros.append("p")
    s.options.items.append(Option(id="o4", text="Mijn eigen idee", source=Source.coach, chosen=True, cons=["c"]))
    s.will.actions[0].obstacles = "o"
    s.will.actions[0].start = date(2026, 11, 5)
    s.will.actions.append(
        Action(id="a2", what="Ik regel budget", owner=Source.coach, when=date(2026, 11, 20), success_criterion="ok")
    )
    s.will.notes = "n"
    s.draft = {"phase": "goal", "question": "q", "text": "t"}  # type: ignore[assignment]
    return Session.model_validate(s.model_dump())


def with_markers(s: Session) -> tuple[Session, list[str]]:
    """Every private text field holds a marker of its own; the agreed ones keep their text."""
    data = s.model_dump()
    chosen = {i for i, o in enumerate(s.options.items) if o.chosen}
    markers: list[str] = []
    allowed_records = {("record", key) for key in AGREED_RECORDS.get(s.type, ())}

    def private(path: tuple) -> bool:
        shape = general(path)
        if shape in AGREED or shape in allowed_records or shape in STRUCTURE:
            return False
        return not (shape == ("options", "items", "*", "text") and path[2] in chosen)

    for path, _ in list(text_leaves(data)):
        if private(path):
            place: Any = data
            for part in path[:-1]:
                place = place[part]
            markers.append(f"PRIV{len(markers):03d}Q")
            place[path[-1]] = markers[-1]
    return Session.model_validate(data), markers


def test_the_marked_session_leaves_no_text_field_undecided():
    """A text field added to the model later must be sorted into agreed, structure or private here."""
    s, markers = with_markers(everything_filled())
    assert len(markers) > 40
    leaves = dict(text_leaves(s.model_dump()))
    unmarked = {general(p) for p, v in leaves.items() if not v.startswith("PRIV")}
    assert unmarked <= AGREED | STRUCTURE | {("options", "items", "*", "text"), ("record", "next_time")}


@pytest.mark.parametrize("lang", [None, Lang.en])
@pytest.mark.parametrize("render", [recap_text, recap_markdown])
def test_no_private_field_reaches_the_recap(library, render, lang):
    s, markers = with_markers(everything_filled())
    text = render(s, lang, library)
    leaked = [m for m in markers if m in text]
    assert not leaked, leaked
    assert "/10" not in text and "%" not in text  # no scores, no motivation, no talk time
    for agreed in (
        s.goal.session_goal,
        s.goal.long_term_goal,
        "Taak X overdragen aan Tom",
        "Mijn eigen idee",
        "Overdracht plannen met Tom",
        "Tom doet de release zelf",
        "teamlead",
        "tijd van Tom",
        "Ik regel budget",
        "Volgende keer vraag ik",
    ):
        assert agreed in text, agreed


def test_the_recap_speaks_the_sessions_language_and_splits_whose_action_it_is(library):
    s = everything_filled()
    dutch = recap_text(s, library=library)
    assert dutch.startswith("Onze afspraken van di 3 nov 2026")
    assert "Wat jij gaat doen" in dutch and "Wat ik voor je doe" in dutch
    assert "Begint op: do 5 nov 2026" in dutch and "Klaar op: di 17 nov 2026" in dutch
    assert "Volgende afspraak: di 24 nov 2026" in dutch
    assert "Volgende keer" in dutch  # the label of the feedforward field, as the type names it
    mine = dutch.index("Wat ik voor je doe")
    assert dutch.index("Ik regel budget") > mine > dutch.index("Overdracht plannen met Tom")
    english = recap_text(s.model_copy(update={"language": Lang.en}), library=library)
    assert english.startswith("What we agreed on Tue 3 Nov 2026") and "What I will do for you" in english


def test_a_delegation_recap_holds_the_frame_and_the_choice_by_its_name(library):
    s = Session(coachee="Ada", type="delegation", language=Lang.en)
    s.record = {"why": "private reason", "result": "Report by Friday", "room": "propose-first", "check_ins": "Mon"}
    text = recap_text(s, library=library)
    assert "Report by Friday" in text and "Propose first, then act" in text and "Check-ins: Mon" in text
    assert "private reason" not in text
    check_in = Session(coachee="Ada", type="check-in", language=Lang.en)
    check_in.record = {"energy": 3, "focus": "Ship the release", "blocks": "private block", "need_from_me": "x"}
    text = recap_text(check_in, library=library)
    assert "Ship the release" in text and "private block" not in text and "3/10" not in text


def test_an_empty_conversation_says_nothing_was_agreed():
    text = recap_text(Session(coachee="Ada", language=Lang.en))
    assert "No agreements were written down" in text


def test_typed_text_cannot_become_markdown_structure():
    s = Session(coachee="Ada", language=Lang.en)
    s.goal.session_goal = "# not a heading <script>"
    text = recap_markdown(s)
    assert "\\# not a heading \\<script\\>" in text


# --- on the command line ------------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    Store(root).create(everything_filled())
    return root


def test_export_recap_prints_plain_text_and_writes_markdown_or_text(run, folder, tmp_path):
    code, out, _ = run("--sessions-dir", str(folder), "export", "k7m2", "--format", "recap")
    assert code == 0 and out.startswith("Onze afspraken van") and "**" not in out
    assert "Kort bijgepraat" not in out and "Tom moet ingewerkt" not in out
    md = tmp_path / "out" / "recap.md"
    code, _, err = run("--sessions-dir", str(folder), "export", "k7m2", "--format", "recap", "-o", str(md))
    assert code == 0 and "recap.md" in err
    assert md.read_text(encoding="utf-8").startswith("# Onze afspraken") and md.stat().st_mode & 0o777 == 0o600
    txt = tmp_path / "recap.txt"
    code, _, _ = run("--sessions-dir", str(folder), "export", "k7m2", "--format", "recap", "-o", str(txt))
    assert code == 0 and txt.read_text(encoding="utf-8") == out


def test_export_recap_of_the_marked_session_holds_no_marker(run, tmp_path):
    s, markers = with_markers(everything_filled())
    root = tmp_path / "marked"
    Store(root).create(s)
    code, out, _ = run("--sessions-dir", str(root), "export", s.id, "--format", "recap", "--lang", "en")
    assert code == 0 and out.startswith("What we agreed")
    assert not [m for m in markers if m in out]


def test_a_recap_is_of_one_session(run, folder):
    code, _, err = run("--sessions-dir", str(folder), "export", "--coachee", "Zoë de Wit", "--format", "recap")
    assert code == 2 and "one conversation" in err
    code, _, err = run("--sessions-dir", str(folder), "export", "k7m2", "--format", "recap", "--since", "2026-01-01")
    assert code == 2 and "--since" in err


def test_recap_help_says_what_stays_out(run):
    code, out, _ = run("export", "--help")
    assert code == 0 and "recap" in out and "never notes" in re.sub(r"\s+", " ", out)
