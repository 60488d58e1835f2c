"""The follow-up ritual: earlier actions come back with their criterion and motivation, get an outcome
and a decision, carried-over items show their age and need a yes the third time, and the outcome lands
in both sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from factories import shipped_library
from growtui.conversation import LiveSession, ReviewRecorder, new_session, record_reviews
from growtui.model import (
    Action,
    ActionStatus,
    Decision,
    Outcome,
    Phase,
    Session,
    Status,
)
from growtui.storage import SessionLock, Store


@pytest.fixture
def store(sessions_dir: Path) -> Store:
    return Store(sessions_dir)


def earlier(store: Store, *, days_ago: int = 14, motivation: int = 7, **action_fields) -> Session:
    # Local time: ages count the days as the person lived them (a fixed zone fails near midnight).
    session = Session(
        id="earlier00001",
        coachee="Anna de Vries",
        status=Status.completed,
        started_at=datetime.now().astimezone().replace(microsecond=0) - timedelta(days=days_ago),
    )
    session.will.actions = [
        Action(
            id="a1",
            what="Elke maandag plannen",
            success_criterion="4 weken op rij",
            when=date(2026, 1, 5),
            **action_fields,
        ),
        Action(id="a2", what="Tom inwerken", success_criterion="Tom doet de release"),
        Action(id="a3", what="Al gedaan", status=ActionStatus.done),
    ]
    session.will.motivation = motivation
    store.create(session)
    return session


def test_a_new_session_opens_with_the_open_actions_criteria_and_motivation(store):
    first = earlier(store)
    stored = new_session(store, coachee="anna de vries")
    session = stored.session
    assert session.current_phase == Phase.opening, "the opening first; the review comes right after"
    assert LiveSession(stored, shipped_library()).phases()[:2] == [Phase.opening, Phase.follow_up]
    assert session.previous_session == first.id
    assert [(i.action_id, i.success_criterion, i.motivation) for i in session.follow_up.items] == [
        ("a1", "4 weken op rij", 7),
        ("a2", "Tom doet de release", 7),
    ]
    item = session.follow_up.items[0]
    assert item.when == date(2026, 1, 5) and item.agreed_on == first.started_at.date()
    assert item.age_days(date.today()) == 14
    assert item.age_days(date(2000, 1, 1)) == 0  # a clock far in the past never gives a negative age


def test_someone_new_starts_in_the_opening_with_nothing_to_review(store):
    earlier(store)
    stored = new_session(store, coachee="Bram")
    session = stored.session
    assert session.current_phase == Phase.opening and not session.follow_up.items and session.previous_session is None
    assert not stored.path.exists(), "no file until something is typed"


def live_for(store, library) -> LiveSession:
    return LiveSession(new_session(store, coachee="Anna de Vries"), library)


def test_carrying_over_puts_the_action_in_will_with_its_history(store, library):
    first = earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.partly_done, decision=Decision.carry_over)
    [action] = live.session.will.actions
    assert action.what == "Elke maandag plannen" and action.success_criterion == "4 weken op rij"
    assert action.carried_from == "earlier00001/a1" and action.carry_count == 1
    assert action.agreed_on == first.started_at.date()
    live.update_follow_up(0, decision=Decision.close)  # changed their mind: the untouched action goes again
    assert live.session.will.actions == []


def test_carrying_over_keeps_every_field_of_the_action(store, library):
    earlier(
        store,
        start=date(2026, 1, 2),
        inform="the team lead",
        support="an hour with Tom",
        obstacles="the release week; then Thursday instead",
    )
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.not_done, decision=Decision.carry_over)
    [action] = live.session.will.actions
    assert (action.start, action.when) == (date(2026, 1, 2), date(2026, 1, 5))
    assert (action.inform, action.support, action.obstacles) == (
        "the team lead",
        "an hour with Tom",
        "the release week; then Thursday instead",
    )
    live.update_follow_up(0, decision=Decision.close)
    assert live.session.will.actions == [], "untouched, with every field as carried: taken back"


def test_a_carried_action_someone_worked_on_stays(store, library):
    earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, decision=Decision.carry_over)
    live.update_action("a1", when=date(2026, 3, 1))
    live.update_follow_up(0, decision=Decision.drop)
    assert [a.when for a in live.session.will.actions] == [date(2026, 3, 1)]


def test_a_done_action_is_not_carried_over(store, library):
    earlier(store)
    live = live_for(store, library)
    item = live.update_follow_up(0, outcome=Outcome.done, decision=Decision.carry_over)
    assert item.decision is None and live.session.will.actions == []


def test_the_third_carry_needs_a_yes(store, library):
    earlier(store, carry_count=2, agreed_on=date.today() - timedelta(days=60))
    live = live_for(store, library)
    carried_twice, fresh = live.session.follow_up.items
    assert carried_twice.carry_count == 2 and live.needs_confirmation(carried_twice)
    assert carried_twice.age_days(date.today()) == 60  # the age counts from the first agreement
    assert not live.needs_confirmation(fresh)


def test_three_sessions_in_a_row_count_the_carries(store, library):
    earlier(store, days_ago=28)
    second = live_for(store, library)
    second.update_follow_up(0, outcome=Outcome.not_done, decision=Decision.carry_over)
    second.update_follow_up(1, outcome=Outcome.done)
    second.finish()
    store.save(second.stored)
    record_reviews(store, second.session)
    third = new_session(store, coachee="Anna de Vries").session
    [item] = third.follow_up.items
    assert item.session_id == second.session.id and item.carry_count == 1
    assert item.age_days(date.today()) == 28


def test_the_outcome_is_written_back_as_the_actions_status(store, library):
    first = earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.not_done, decision=Decision.drop)
    live.update_follow_up(1, outcome=Outcome.partly_done)  # no decision yet: stays open
    store.save(live.stored)
    assert record_reviews(store, live.session) == []
    actions = {a.id: a for a in store.read(store.path_for(first)).session.will.actions}
    assert (actions["a1"].status, actions["a1"].outcome, actions["a1"].reviewed_in) == (
        ActionStatus.dropped,
        Outcome.not_done,
        live.session.id,
    )
    assert (actions["a2"].status, actions["a2"].outcome) == (ActionStatus.open, Outcome.partly_done)
    assert actions["a3"].status is ActionStatus.done and actions["a3"].reviewed_in is None
    live.update_follow_up(0, decision=Decision.carry_over)
    live.update_follow_up(1, decision=Decision.close)
    record_reviews(store, live.session)
    actions = {a.id: a for a in store.read(store.path_for(first)).session.will.actions}
    assert actions["a1"].status is ActionStatus.carried_over and actions["a2"].status is ActionStatus.partly_done


def test_a_locked_earlier_session_is_skipped_and_retried(store, library):
    first = earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.done)
    recorder = ReviewRecorder(store)
    with SessionLock(store.path_for(first)):  # open in another growtui window
        recorder(live.session)
        assert store.read(store.path_for(first)).session.will.actions[0].status is ActionStatus.open
    recorder(live.session)  # the next save tries again
    assert store.read(store.path_for(first)).session.will.actions[0].status is ActionStatus.done
    # and a later session does not see it as open, whichever way it went
    assert [i.action_id for i in new_session(store, coachee="Anna de Vries").session.follow_up.items] == ["a2"]


def test_the_review_counts_even_if_it_never_reached_the_earlier_file(store, library):
    first = earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.done)
    live.update_follow_up(1, outcome=Outcome.not_done, decision=Decision.drop)
    live.finish()
    store.save(live.stored)  # written back nowhere: the earlier file still says open
    assert store.read(store.path_for(first)).session.open_actions()
    assert new_session(store, coachee="Anna de Vries").session.follow_up.items == []


@pytest.mark.parametrize("coachee", ["   ", "\udcff from a non-UTF-8 command line"])
def test_a_name_that_is_not_text_is_refused_with_a_message_not_a_crash(store, coachee):
    from growtui.errors import GrowtuiError

    with pytest.raises(GrowtuiError, match="coachee"):
        new_session(store, coachee=coachee)
    assert list(store.files()) == []


def test_the_recorder_looks_each_earlier_file_up_once_not_on_every_save(store, library, monkeypatch):
    """Finding a file by its id lists the whole folder: at 100,000 sessions, on every change of an outcome."""
    import growtui.conversation.start as starting

    first = earlier(store)
    live = live_for(store, library)
    looked_up: list[str] = []
    find = starting.find_file

    def counted(root, session_id):
        looked_up.append(session_id)
        return find(root, session_id)

    monkeypatch.setattr(starting, "find_file", counted)
    recorder = ReviewRecorder(store)
    for outcome in (Outcome.done, Outcome.partly_done, Outcome.not_done):
        live.update_follow_up(0, outcome=outcome)
        recorder(live.session)
    assert looked_up == [first.id]
    assert store.read(store.path_for(first)).session.will.actions[0].outcome is Outcome.not_done
    path = store.path_for(first)
    moved = path.with_name("renamed_" + path.name)
    path.rename(moved)  # a file that went is looked up again
    live.update_follow_up(0, outcome=Outcome.done)
    recorder(live.session)
    assert looked_up == [first.id, first.id]
    assert store.read(moved).session.will.actions[0].outcome is Outcome.done


def test_an_earlier_file_that_now_holds_another_session_is_not_written_into(store, library):
    from growtui.storage import to_toml

    first = earlier(store)
    live = live_for(store, library)
    live.update_follow_up(0, outcome=Outcome.done)
    path = store.path_for(first)
    other = first.model_copy(update={"id": "another00001"}, deep=True)
    path.write_text(to_toml(other), encoding="utf-8")  # its name, another session's text
    assert record_reviews(store, live.session) == [first.id]
    assert store.read(path).session.will.actions[0].status is ActionStatus.open


def test_a_remembered_file_that_went_to_another_session_is_looked_up_again_on_the_same_save(store, library):
    from growtui.storage import to_toml

    first = earlier(store)
    live = live_for(store, library)
    recorder = ReviewRecorder(store)
    live.update_follow_up(0, outcome=Outcome.partly_done)
    recorder(live.session)  # found and remembered
    path = store.path_for(first)
    elsewhere = path.with_name("0_" + path.name)  # what find_file finds first now
    path.rename(elsewhere)
    other = first.model_copy(update={"id": "another00001"}, deep=True)
    path.write_text(to_toml(other), encoding="utf-8")  # the remembered name, another session's text
    live.update_follow_up(0, outcome=Outcome.done)
    recorder(live.session)
    assert store.read(elsewhere).session.will.actions[0].outcome is Outcome.done, "found where it went, at once"
    assert store.read(path).session.will.actions[0].outcome is None
