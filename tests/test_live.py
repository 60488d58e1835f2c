"""The live-session rules: suggestions, answers, options into actions, time."""

from __future__ import annotations

from datetime import date

import pytest

from factories import FrozenClock, live_session
from growtui.model import Kind, Phase, parse_date, parse_score


@pytest.fixture
def clock():
    return FrozenClock(1000.0)


@pytest.fixture
def live(tmp_path, clock):
    return live_session(tmp_path / "s.toml", clock=clock, language="en", current_phase=Phase.goal)


def test_suggestions_skip_asked_questions_and_cycle(live):
    first = live.current(Phase.goal)
    assert first is not None and first.phase == Phase.goal
    _, total = live.position()
    live.log_answer(first, "Rest")
    if first.question.follow_ups:  # an open question's deepening follow-up comes first
        assert live.current().follow_up_of == first.key
        assert live.position() == (1, total)
    assert first.key not in {p.key for p in live.candidates()}
    second = live.current()
    assert live.move(1).key != second.key
    assert live.move(-1).key == second.key
    assert live.move(-1).key == live.candidates()[-1].key  # wraps around


def test_answer_is_logged_against_its_question(live):
    prompt = live.current()
    asked = live.log_answer(prompt, "  I want calmer weeks ")
    assert asked.question_id == prompt.key and asked.answer == "I want calmer weeks"
    assert asked.text == prompt.text.en and asked.phase == Phase.goal


def scale_in(live, phase):
    return next(p for p in live.candidates(phase) if p.kind is Kind.scale)


def test_low_scale_answer_brings_its_follow_up_first(live):
    live.set_phase(Phase.reality)
    scale = scale_in(live, Phase.reality)
    live.offer(scale)
    with pytest.raises(ValueError):
        live.log_answer(scale, "pretty good")
    live.log_answer(scale, "4, too much ad hoc work")
    assert live.session.reality.scales[-1].score == 4
    assert live.session.reality.scales[-1].said == "too much ad hoc work"
    follow = live.current()
    assert follow.follow_up_of == scale.key
    asked = live.log_answer(follow, "fewer interruptions")
    assert asked.question_id == follow.key and "#" in follow.key


def test_high_scale_answer_brings_no_low_score_follow_up(live):
    live.set_phase(Phase.reality)
    scale = scale_in(live, Phase.reality)
    live.offer(scale)
    live.log_answer(scale, "9")
    assert live.current().follow_up_of is None


def test_motivation_below_ten_asks_what_makes_it_a_ten_once(live):
    """The Will panel asks it in its own field; the suggestions go on with the next follow-up, not a repeat."""
    live.set_phase(Phase.will)
    motivation = next(p for p in live.candidates() if p.question and "motivation" in p.question.id)
    live.offer(motivation)
    live.log_answer(motivation, "7")
    assert live.session.will.motivation == 7
    after = live.current()
    assert after is not None and after.key == f"{motivation.key}#2", "who could help: the next follow-up"
    texts = {p.text.en for p in live.candidates()}
    assert not any("a 10" in text for text in texts), texts


def test_one_option_asks_for_more(live):
    live.set_phase(Phase.options)
    live.add_option("Hand over task X")
    assert live.current().key == "~options.more"
    assert live.current().question_id is None
    live.add_option("Say no")
    assert "~options.more" not in {p.key for p in live.candidates()}, "a second option answers it"


def test_choosing_an_option_carries_it_into_will(live):
    for text, a, f in (("Hand over X", 8, 6), ("Say no", 5, 3), ("Hire", 9, 9)):
        option = live.add_option(text)
        live.update_option(option.id, attractiveness=a, feasibility=f)
    live.sort_options()
    assert [o.text for o in live.session.options.items] == ["Hire", "Hand over X", "Say no"]
    live.toggle_chosen("o1")
    [action] = live.session.will.actions
    assert action.what == "Hand over X" and action.option_id == "o1"
    live.toggle_chosen("o1")
    live.toggle_chosen("o1")
    assert len(live.session.will.actions) == 1, "choosing again does not duplicate the action"


def test_actions_get_ids_and_validated_fields(live):
    first = live.add_action("Plan the hand-over", when=date(2026, 12, 1))
    second = live.add_action("Tell the team")
    assert (first.id, second.id) == ("a1", "a2")
    live.update_action("a2", success_criterion="Team knows by Friday")
    assert live.action("a2").success_criterion == "Team knows by Friday"
    with pytest.raises(ValueError):
        live.update_action("a1", when="not a date")
    live.remove_action("a1")
    assert [a.id for a in live.session.will.actions] == ["a2"]


def test_every_change_bumps_the_version(live):
    before = live.version
    live.set_notes(Phase.goal, "x")
    live.set_notes(Phase.goal, "x")  # no change, no bump
    live.set_goal("session_goal", "calm")
    assert live.version == before + 2


def test_time_per_phase_uses_a_monotonic_clock(live, clock):
    clock.now += 120
    live.set_phase(Phase.reality)
    clock.now += 300
    assert live.seconds_in(Phase.goal) == 120
    assert live.seconds_in(Phase.reality) == 300
    assert live.elapsed() == 420
    live.snapshot()
    assert live.session.phase_seconds == {Phase.goal: 120, Phase.reality: 300}


def test_overrun_is_signalled_per_phase_but_never_for_will(live, clock):
    live.session.time_box_minutes = 10
    live.set_phase(Phase.reality)
    assert not live.overrun(Phase.reality)
    clock.now += live.planned(Phase.reality) + 1
    assert live.overrun(Phase.reality)
    live.set_phase(Phase.will)
    clock.now += 3600
    assert not live.overrun(Phase.will)


def test_follow_up_phase_only_when_there_is_something_to_review(live):
    assert Phase.follow_up not in live.phases()
    assert live.phases()[live.phases().index(Phase.goal) + 1] == Phase.reality


def test_finish_marks_completed(live):
    live.finish()
    assert live.session.status.value == "completed" and live.session.ended_at is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", (7, "")),
        ("10 - fully", (10, "fully")),
        ("3: meh", (3, "meh")),
        ("6 want druk", (6, "want druk")),
        ("0", None),
        ("11", None),
        ("7.5", None),
        ("seven", None),
        ("", None),
    ],
)
def test_parse_score(text, expected):
    assert parse_score(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("1-12", date(2026, 12, 1)),
        ("1/2", date(2027, 2, 1)),
        ("+7", date(2026, 11, 28)),
        ("+2w", date(2026, 12, 5)),
        ("vandaag", date(2026, 11, 21)),
        ("tomorrow", date(2026, 11, 22)),
        ("vrijdag", date(2026, 11, 27)),
        ("sat", date(2026, 11, 28)),
        ("31-2", None),
        ("soon", None),
        ("", None),
        ("1-12-27", date(2027, 12, 1)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text, today=date(2026, 11, 21)) == expected  # a Saturday


def test_an_answer_being_typed_is_a_draft_never_an_answer(live):
    prompt = live.current()
    live.draft_answer(prompt, "half an ans")
    assert live.session.asked == [] and live.session.draft is not None
    assert live.session.draft.text == "half an ans" and live.session.draft.question == prompt.text.en
    assert live.current().key == prompt.key, "the question stays while its answer is typed"
    live.log_answer(prompt, "half an answer, done")
    assert [a.answer for a in live.session.asked] == ["half an answer, done"] and live.session.draft is None


def test_clearing_the_line_clears_the_draft(live):
    prompt = live.current()
    for text in ("a", "ab", "abc", "ab", "a", ""):
        live.draft_answer(prompt, text)
    assert live.session.draft is None and live.session.asked == []
    assert all(not live.session.section(p).notes for p in Phase)


def test_moving_on_puts_the_typed_text_into_the_notes_under_its_question(live):
    live.set_notes(Phase.goal, "Earlier note")
    prompt = live.current()
    live.draft_answer(prompt, "zzz half typed")
    live.move(1)
    assert live.session.asked == [] and live.session.draft is None
    assert live.session.goal.notes == f"Earlier note\n\n» {prompt.text.en}\nzzz half typed\n"
    assert prompt.key in {p.key for p in live.candidates()}, "a question nobody answered stays in the rotation"


def test_a_draft_comes_back_with_its_question_when_the_conversation_is_resumed(live, tmp_path):
    live.set_phase(Phase.reality)
    prompt = live.move(3)
    live.draft_answer(prompt, "typed before the terminal closed")
    again = live_session(tmp_path / "again.toml", **live.session.model_dump())
    shown = again.current()
    assert shown is not None and shown.key == prompt.key
    assert again.draft_for(shown) == "typed before the terminal closed"


def test_a_scale_answer_needs_a_score_and_the_draft_stays_until_it_has_one(live):
    live.set_phase(Phase.reality)
    scale = scale_in(live, Phase.reality)
    live.offer(scale)
    live.draft_answer(scale, "beter")
    with pytest.raises(ValueError):
        live.log_answer(scale, "beter")
    assert live.session.draft.text == "beter" and live.current().key == scale.key and live.session.asked == []
    live.log_answer(scale, "6 beter")
    assert (live.session.asked[-1].score, live.session.asked[-1].answer) == (6, "beter")


def test_typing_a_motivation_brings_no_question_of_its_own(live):
    live.set_phase(Phase.will)
    before = [p.key for p in live.candidates()]
    live.set_motivation(1)  # "1" on the way to "10"
    live.set_motivation(10)
    assert [p.key for p in live.candidates()] == before


def test_every_follow_up_of_a_question_comes_in_turn(live):
    live.set_phase(Phase.reality)
    example = next(p for p in live.candidates() if p.key == "reality.example")
    live.offer(example)
    live.log_answer(example, "Yesterday's stand-up")
    first = live.current()
    assert first.key == "reality.example#1"
    live.log_answer(first, "I kept quiet")
    assert live.current().key == "reality.example#2", "how often: the second follow-up is not lost"


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (1, ["goal.importance-scale#2"]),
        (5, ["goal.importance-scale#1", "goal.importance-scale#2"]),
        (8, ["goal.importance-scale#1"]),
    ],
)
def test_why_not_lower_only_above_one(live, score, expected):
    importance = next(p for p in live.candidates() if p.key == "goal.importance-scale")
    live.offer(importance)
    live.log_answer(importance, str(score))
    follow_ups = [p.key for p in live.candidates() if p.key.startswith("goal.importance-scale#")]
    assert follow_ups == expected


def test_an_unchanged_motivation_is_not_a_change(live):
    live.set_motivation(8, "x")
    before = live.version
    live.set_motivation(8, "x")
    assert live.version == before
    live.set_motivation_to_ten("more time")
    assert live.session.will.motivation_to_ten == "more time" and live.version == before + 1


def test_unchoosing_takes_back_only_an_untouched_action(live):
    a = live.add_option("Plan A")
    b = live.add_option("Plan B")
    live.toggle_chosen(a.id)
    live.toggle_chosen(b.id)
    live.update_action("a2", success_criterion="worked on")
    live.toggle_chosen(a.id)
    live.toggle_chosen(b.id)
    assert [x.what for x in live.session.will.actions] == ["Plan B"]


def test_unknown_ids_raise_key_error(live):
    with pytest.raises(KeyError):
        live.update_option("o99", text="x")
    with pytest.raises(KeyError):
        live.action("a99")
