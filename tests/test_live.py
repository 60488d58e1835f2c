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
    return live_session(tmp_path / "s.toml", clock=clock, language="en")


def test_suggestions_skip_asked_questions_and_cycle(live):
    first = live.current(Phase.goal)
    assert first is not None and first.phase is Phase.goal
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
    assert asked.text == prompt.text.en and asked.phase is Phase.goal


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


def test_motivation_below_ten_asks_what_makes_it_a_ten(live):
    live.set_phase(Phase.will)
    motivation = next(p for p in live.candidates() if p.question and "motivation" in p.question.id)
    live.offer(motivation)
    live.log_answer(motivation, "7")
    assert live.session.will.motivation == 7
    to_ten = live.current()
    assert to_ten.follow_up_of == motivation.key
    live.log_answer(to_ten, "If Tom is on board")
    assert live.session.will.motivation_to_ten == "If Tom is on board"


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
    assert live.phases()[live.phases().index(Phase.goal) + 1] is Phase.reality


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


def test_an_answer_being_typed_is_in_the_session_before_enter(live):
    prompt = live.current()
    live.draft_answer(prompt, "half an ans")
    assert live.session.asked[-1].answer == "half an ans"
    assert live.current().key == prompt.key, "the question stays while its answer is typed"
    live.draft_answer(prompt, "half an answer")
    assert len(live.session.asked) == 1
    live.log_answer(prompt, "half an answer, done")
    assert [a.answer for a in live.session.asked] == ["half an answer, done"]


def test_moving_on_leaves_the_partial_answer_in_the_file(live):
    prompt = live.current()
    live.draft_answer(prompt, "unfinished")
    live.move(1)
    assert live.session.asked[-1].answer == "unfinished"
    assert prompt.key not in {p.key for p in live.candidates()}


def test_a_scale_draft_keeps_its_score_and_a_missing_score_keeps_the_draft(live):
    live.set_phase(Phase.reality)
    scale = scale_in(live, Phase.reality)
    live.offer(scale)
    live.draft_answer(scale, "6 beter")
    assert (live.session.asked[-1].score, live.session.asked[-1].answer) == (6, "beter")
    live.draft_answer(scale, "beter")
    with pytest.raises(ValueError):
        live.log_answer(scale, "beter")
    assert live.session.asked[-1].answer == "beter" and live.current().key == scale.key


def test_typing_ten_leaves_no_stray_make_it_a_ten_prompt(live):
    live.set_phase(Phase.will)
    live.set_motivation(1)  # "1" on the way to "10"
    assert live.current().key == "~will.motivation#10"
    live.set_motivation(10)
    assert live.current().key != "~will.motivation#10"


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
