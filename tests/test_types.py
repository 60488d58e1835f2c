"""Conversation types: the shipped seven, the library format, starting one, coach or direct, the checklist."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from factories import FrozenClock
from growtui import library as library_module
from growtui.conversation import LiveSession, new_session
from growtui.index import Index
from growtui.model import (
    Action,
    Check,
    Depth,
    Option,
    Phase,
    Session,
    Source,
    Style,
    StyleChoice,
    checklist_state,
    ticked,
)
from growtui.render import session_text
from growtui.storage import Store

SHIPPED = ("check-in", "problem-solving", "development", "feedback", "performance", "delegation", "onboarding")
GOOD = (Path(__file__).parent / "data" / "good_questions.toml").read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped types ---------------------------------------------------------------------------


def test_the_seven_types_ship_with_names_purposes_and_phases_in_both_languages(library):
    assert set(SHIPPED) <= set(library.types)
    for kind in library.types.values():
        assert kind.name.nl and kind.name.en and kind.purpose.nl and kind.purpose.en
        assert kind.phase_ids()[0] == Phase.opening and kind.phase_ids()[-1] == Phase.closing, kind.id
        assert 5 <= kind.minutes <= 480
    assert library.types["check-in"].minutes <= 20 and library.types["check-in"].max_actions == 1
    assert library.types["problem-solving"].phase_ids() == [p.value for p in Phase if p != Phase.direction]
    assert (
        library.types["performance"].style is Style.direct
        and Phase.direction in library.types["performance"].phase_ids()
    )


@pytest.mark.parametrize("type_id", [t for t in SHIPPED if t != "problem-solving"])
def test_each_type_has_enough_questions_of_its_own(library, type_id):
    own = [q for q in library.questions.values() if type_id in q.types]
    assert len(own) >= 8, (type_id, len(own))
    for phase in library.types[type_id].phase_ids():
        if phase != Phase.follow_up:
            assert library.for_phase(phase, type_id), (type_id, phase)


def test_what_each_type_records(library):
    records = {t: {r.id for r in library.types[t].records()} for t in SHIPPED}
    assert {"behaviour", "effect", "wish", "reaction", "next_time"} <= records["feedback"]
    assert {"energy", "workload", "priorities", "focus", "blocks"} <= records["check-in"]
    assert {"why", "result", "room", "check_ins"} <= records["delegation"]
    assert records["problem-solving"] == set()


def test_every_shipped_question_says_its_depth_and_the_ladder_reaches_beliefs(library):
    for path in sorted((ROOT / "questions").glob("*.toml")):
        for q in tomllib.loads(path.read_text(encoding="utf-8")).get("questions", []):
            assert "depth" in q, f"{path.name}: {q['id']}"
    beliefs = [q for q in library.questions.values() if q.depth is Depth.beliefs and not q.types]
    assert len(beliefs) >= 6


def test_a_type_offers_its_own_questions_first_then_the_general_ones(library):
    reality = library.for_phase(Phase.reality, "performance")
    own = [i for i, q in enumerate(reality) if "performance" in q.types]
    general = [i for i, q in enumerate(reality) if not q.types]
    assert own and general and max(own) < min(general)
    assert not [q for q in library.for_phase(Phase.reality, "problem-solving") if "performance" in q.types]


def test_custom_phases_are_named_by_the_library_in_both_languages(library):
    from growtui.i18n import phase_name

    assert phase_name("feedforward", "nl", library) == library.phases["feedforward"].name.nl
    assert phase_name("focus", "en", library) == library.phases["focus"].name.en
    assert phase_name("never_declared", "en", library) == "Never declared"


# --- the user's own types ---------------------------------------------------------------------------

OWN_TYPE = """
schema_version = 1

[[phases]]
id = "wins"
name.nl = "Successen"
name.en = "Wins"
purpose.nl = "Wat ging er goed."
purpose.en = "What went well."

[[types]]
id = "retro"
name.nl = "Terugblik op het kwartaal"
name.en = "Quarter retro"
purpose.nl = "Een kwartaal terugkijken."
purpose.en = "Looking back at a quarter."
minutes = 25
style = "coach"

[[types.phases]]
phase = "opening"
share = 1

[[types.phases]]
phase = "wins"
share = 3

[[types.phases.records]]
id = "best"
label.nl = "Het beste"
label.en = "The best"

[[types.phases]]
phase = "closing"
share = 1
"""


def test_a_users_own_type_loads_beside_the_shipped_ones(tmp_path):
    lib, problems, _ = library_module.check([write(tmp_path / "q", "retro.toml", OWN_TYPE)])
    assert not problems, problems
    assert lib.types["retro"].phase_ids() == ["opening", "wins", "closing"]
    assert "problem-solving" in lib.types


def test_a_shipped_type_is_replaced_only_with_override(tmp_path):
    clash = OWN_TYPE.replace('id = "retro"', 'id = "check-in"')
    _, problems, _ = library_module.check([write(tmp_path / "a", "x.toml", clash)])
    assert any("type 'check-in': duplicate id" in str(p) and "override = true" in str(p) for p in problems)
    lib, problems, _ = library_module.check(
        [write(tmp_path / "b", "x.toml", clash.replace('id = "check-in"', 'id = "check-in"\noverride = true'))]
    )
    assert not problems and lib.types["check-in"].minutes == 25


def test_references_to_unknown_phases_types_and_questions_are_reported_with_their_line(tmp_path):
    broken = OWN_TYPE.replace('phase = "wins"\nshare = 3', 'phase = "winz"\nshare = 3\nquestions = ["no.such"]')
    path = write(tmp_path / "q", "r.toml", broken)
    _, problems, _ = library_module.check([path])
    text = "\n".join(map(str, problems))
    assert "unknown phase 'winz'" in text and "no question 'no.such'" in text
    assert all(p.path == path and p.line for p in problems), problems
    typed = GOOD.replace('kind = "scale"', 'kind = "scale"\ntypes = ["nope"]', 1)
    _, problems, _ = library_module.check([write(tmp_path / "t", "t.toml", typed)])
    assert any("no conversation type 'nope'" in str(p) for p in problems)


# --- starting one ------------------------------------------------------------------------------------------


def test_a_new_session_takes_the_types_phases_minutes_and_style(tmp_path, library):
    stored = new_session(Store(tmp_path), coachee="Kim", kind=library.types["check-in"])
    s = stored.session
    assert s.type == "check-in" and s.phases == library.types["check-in"].phase_ids()
    assert s.time_box_minutes == library.types["check-in"].minutes
    assert s.style is not None and s.style.chosen is StyleChoice.coach
    asked = new_session(Store(tmp_path), coachee="Kim", minutes=30, kind=library.types["delegation"]).session
    assert asked.time_box_minutes == 30 and asked.style is None


def test_the_type_travels_through_the_index_to_list_and_json(tmp_path, library, run):
    store = Store(tmp_path)
    for coachee, kind in (("Kim", "feedback"), ("Lot", "problem-solving")):
        stored = new_session(store, coachee=coachee, kind=library.types[kind])
        stored.session.opening.notes = "x"
        store.save(stored)
    with Index.of(store) as index:
        index.sync()
        assert [e.coachee for e in index.entries(kind="feedback")] == ["Kim"]
    code, out, _ = run("--sessions-dir", str(tmp_path), "list", "--type", "feedback", "--json")
    assert code == 0 and [(e["coachee"], e["type"]) for e in json.loads(out)] == [("Kim", "feedback")]
    code, out, _ = run("--sessions-dir", str(tmp_path), "list")
    assert "[feedback]" in out and "[problem-solving]" not in out


def test_growtui_types_lists_ids_names_phases_and_minutes(run, library):
    code, out, _ = run("types", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert code == 0 and set(SHIPPED) <= set(rows)
    feedback = rows["feedback"]
    assert feedback["minutes"] == library.types["feedback"].minutes
    assert [p["id"] for p in feedback["phases"]] == library.types["feedback"].phase_ids()
    assert feedback["name"]["nl"] and feedback["phases"][1]["name"]["en"]
    code, out, _ = run("types", "--lang", "en")
    assert code == 0 and "Weekly check-in" in out and "Feedforward" in out


def test_new_with_an_unknown_type_names_the_known_ones(run):
    code, _, err = run("new", "--coachee", "Kim", "--type", "nope")
    assert code == 2 and "no conversation type 'nope'" in err and "check-in" in err


# --- coach or direct -------------------------------------------------------------------------------------------


def live_of(tmp_path, library, type_id: str) -> LiveSession:
    return LiveSession(
        new_session(Store(tmp_path), coachee="Kim", kind=library.types[type_id]), library, clock=FrozenClock()
    )


def test_the_check_suggests_directing_when_something_is_at_stake_or_the_person_is_new(tmp_path, library):
    live = live_of(tmp_path, library, "problem-solving")
    assert live.asks_style() and live.style().suggestion() is None
    assert live.answer_style_check(deadline=True).suggested is StyleChoice.direct
    live.answer_style_check(deadline=False, experience="experienced")
    assert live.style().suggested is StyleChoice.coach
    assert live.answer_style_check(experience="new").suggested is StyleChoice.direct


def test_choosing_direct_adds_the_directed_part_after_the_opening_and_coach_takes_it_back(tmp_path, library):
    live = live_of(tmp_path, library, "problem-solving")
    live.choose_style(StyleChoice.direct)
    phases = live.session.phases
    assert phases.index(Phase.direction) == phases.index(Phase.follow_up) + 1, "after the opening and the review"
    assert live.session.style is not None and live.session.style.chosen is StyleChoice.direct
    live.choose_style(StyleChoice.coach)
    assert Phase.direction not in live.session.phases
    live.choose_style(StyleChoice.direct)
    live.set_direction("what", "Rapport elke vrijdag")
    live.choose_style(StyleChoice.coach)
    assert Phase.direction in live.session.phases, "what was typed in the directed part is never hidden"


def test_the_directed_part_is_in_the_file_and_in_show(tmp_path, library):
    live = live_of(tmp_path, library, "performance")
    live.set_direction("what", "Elke klant binnen 24 uur antwoord")
    live.set_direction("quality", "Met een concreet vervolg")
    live.set_direction("in_their_words", "Binnen een dag, met een volgende stap")
    live.set_direction("understood", True)
    again = Session.model_validate(live.snapshot().model_dump())
    assert again.direction.stated() and again.direction.understood
    text = session_text(again, "nl", library)
    assert "Elke klant binnen 24 uur antwoord" in text and "Binnen een dag, met een volgende stap" in text
    assert library.types["performance"].name.nl in text


def test_records_of_a_type_are_kept_shown_and_scores_stay_scores(tmp_path, library):
    live = live_of(tmp_path, library, "feedback")
    live.set_record("behaviour", "Twee keer te laat in het klantoverleg")
    live.set_record("effect", "De klant wachtte")
    live.session.sections.setdefault("feedforward", live.session.section("feedforward", create=True))
    live.session.section("feedforward").notes = "Volgende keer vijf minuten eerder"
    check_in = live_of(tmp_path / "c", library, "check-in")
    check_in.set_record("energy", 6)
    with pytest.raises(ValueError):
        check_in.set_record("energy", 11)
    assert check_in.session.record == {"energy": 6}
    text = session_text(live.snapshot(), "en", library)
    assert "Twee keer te laat in het klantoverleg" in text and "Volgende keer vijf minuten eerder" in text
    assert library.phases["feedforward"].name.en in text
    live.set_record("effect", "  ")
    assert "effect" not in live.session.record


# --- the checklist -----------------------------------------------------------------------------------------------


def test_the_checklist_ticks_what_growtui_can_see(library):
    s = Session(coachee="Kim")
    assert not ticked(Check.options_three, s, Phase.options, None)
    s.options.items = [
        Option(id=f"o{i}", text=str(i), source=Source.coach if i == 0 else Source.coachee) for i in range(3)
    ]
    assert ticked(Check.options_three, s, Phase.options, None) and ticked(Check.options_own, s, Phase.options, None)
    s.options.items[1].source = Source.coach
    assert not ticked(Check.options_own, s, Phase.options, None), "most ideas should be the coachee's"
    s.will.actions = [
        Action(id="a1", what="x"),
        Action(id="a2", what="y"),
        Action(id="a3", what="z", owner=Source.coach),
    ]
    assert ticked(Check.actions_few, s, Phase.will, library.types["problem-solving"]), "the coach's own do not count"
    assert not ticked(Check.actions_few, s, Phase.will, library.types["check-in"])
    s.will.actions[0].when, s.will.actions[1].when, s.will.actions[2].when = (date(2026, 12, 9),) * 3
    assert ticked(Check.actions_dated, s, Phase.will, None) and not ticked(Check.actions_criterion, s, Phase.will, None)
    s.closing.coach_talk_percent = 40
    assert not ticked(Check.talk_ratio, s, Phase.closing, None)
    s.closing.coach_talk_percent = 30
    assert ticked(Check.talk_ratio, s, Phase.closing, None)


def test_every_phase_of_every_type_has_a_checklist_and_a_type_can_replace_it(library):
    for kind in library.types.values():
        for phase in kind.phase_ids():
            if phase != Phase.follow_up:
                assert library.checklist_for(phase, kind.id), (kind.id, phase)
    s = Session(coachee="Kim")
    state = checklist_state(library.checklist_for(Phase.will, "check-in"), s, Phase.will, library.types["check-in"])
    assert state and all(done in (True, False, None) for _, done in state)
