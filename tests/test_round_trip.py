"""Nothing growtui writes is ever refused by growtui (issue 15, item 4).

A session with ``phase_seconds.goal = 2**63 - 1`` used to pass validation and,
once a second was added, be saved with a number beyond 64 bits, which every
later reading refused: the session vanished from ``list`` and ``resume``.
Every number now has a bound, the live session stops counting there, and a
property-based test writes sessions of every shape and reads them back.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import ValidationError

from factories import FrozenClock, full_session
from growtui.conversation import LiveSession
from growtui.errors import SessionFileError
from growtui.model import (
    MAX_CARRY_COUNT,
    MAX_PHASE_SECONDS,
    Action,
    ActionStatus,
    Asked,
    Decision,
    FollowUpItem,
    Lang,
    Option,
    Outcome,
    Phase,
    ScaleAnswer,
    Session,
    Status,
)
from growtui.storage import Store, Stored, from_toml, to_toml, toml_read

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # annotated: written inline, mypy takes it for tuple[str]
TEXT = st.text(st.characters(blacklist_categories=SURROGATES), max_size=20)
SESSION_ID = st.from_regex(r"[A-Za-z0-9_-]{4,64}", fullmatch=True)
ITEM_ID = st.from_regex(r"[A-Za-z0-9_-]{1,32}", fullmatch=True)
SCORE = st.integers(1, 10)
OFFSETS = st.timedeltas(min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59))
ZONES: st.SearchStrategy = st.none() | st.builds(timezone, OFFSETS) | st.timezones()
WHEN = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=ZONES)
DAY = st.dates()


def maybe(strategy):
    return st.none() | strategy


ITEMS = st.builds(
    FollowUpItem,
    session_id=SESSION_ID,
    action_id=ITEM_ID,
    what=TEXT,
    when=maybe(DAY),
    agreed_on=maybe(DAY),
    motivation=maybe(SCORE),
    carry_count=st.integers(0, MAX_CARRY_COUNT),
    outcome=maybe(st.sampled_from(Outcome)),
    decision=maybe(st.sampled_from(Decision)),
    tried=TEXT,
)
ACTIONS = st.builds(
    Action,
    id=ITEM_ID,
    what=TEXT,
    start=maybe(DAY),
    when=maybe(DAY),
    status=st.sampled_from(ActionStatus),
    carry_count=st.integers(0, MAX_CARRY_COUNT),
    agreed_on=maybe(DAY),
    reviewed_in=maybe(SESSION_ID),
)
OPTIONS = st.builds(
    Option,
    id=ITEM_ID,
    text=TEXT,
    attractiveness=maybe(SCORE),
    feasibility=maybe(SCORE),
    pros=st.lists(TEXT, max_size=2),
    chosen=st.booleans(),
)
ASKED = st.builds(
    Asked, question_id=maybe(TEXT), phase=st.sampled_from(Phase), text=TEXT, asked_at=WHEN, score=maybe(SCORE)
)


@st.composite
def sessions(draw) -> Session:
    session = Session(
        id=draw(SESSION_ID),
        coachee=draw(TEXT.filter(str.strip)),
        coach=draw(TEXT),
        topic=draw(TEXT),
        language=draw(st.sampled_from(Lang)),
        started_at=draw(WHEN),
        ended_at=draw(maybe(WHEN)),
        time_box_minutes=draw(st.integers(5, 480)),
        status=draw(st.sampled_from(Status)),
        current_phase=draw(st.sampled_from(Phase)),
        tags=draw(st.lists(TEXT, max_size=3)),
        next_meeting=draw(maybe(DAY)),
        phase_seconds=draw(st.dictionaries(st.sampled_from(Phase), st.integers(0, MAX_PHASE_SECONDS))),
        asked=draw(st.lists(ASKED, max_size=2)),
    )
    session.follow_up.items = draw(st.lists(ITEMS, max_size=2))
    session.options.items = draw(st.lists(OPTIONS, max_size=2))
    session.will.actions = draw(st.lists(ACTIONS, max_size=2))
    session.will.motivation = draw(maybe(SCORE))
    session.reality.scales = draw(st.lists(st.builds(ScaleAnswer, question=TEXT, score=SCORE), max_size=1))
    for phase in Phase:
        session.section(phase).notes = draw(TEXT)
    return session


def read_back(text: str) -> Session:
    path = Path("round-trip.toml")
    return from_toml(path, text, toml_read.parse(path, text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_every_session_growtui_can_hold_it_writes_and_reads_back_the_same(session):
    assert read_back(to_toml(session)) == session


@pytest.mark.parametrize(
    "field, value",
    [
        ("phase_seconds", {Phase.goal: 2**63 - 1}),
        ("phase_seconds", {Phase.goal: MAX_PHASE_SECONDS + 1}),
        ("phase_seconds", {Phase.goal: -1}),
    ],
)
def test_numbers_beyond_their_bounds_are_refused_in_the_model(field, value):
    with pytest.raises(ValidationError):
        Session(coachee="X", **{field: value})
    with pytest.raises(ValidationError):
        Action(id="a1", what="x", carry_count=MAX_CARRY_COUNT + 1)
    with pytest.raises(ValidationError):
        FollowUpItem(session_id="abcd", action_id="a1", carry_count=MAX_CARRY_COUNT + 1)


def test_a_file_with_a_phase_time_of_64_bits_is_refused_on_reading(tmp_path):
    text = to_toml(full_session()).replace("goal = 420", f"goal = {2**63 - 1}")
    path = tmp_path / "big.toml"
    path.write_text(text)
    with pytest.raises(SessionFileError) as info:
        Store(tmp_path).read(path)
    assert "phase_seconds" in str(info.value) and ":" in str(info.value)


def test_a_phase_clock_at_its_bound_stops_counting_and_the_session_still_saves(tmp_path, library):
    store = Store(tmp_path)
    session = Session(coachee="Tijd", current_phase=Phase.goal, phase_seconds={Phase.goal: MAX_PHASE_SECONDS - 5})
    stored = store.create(session)
    clock = FrozenClock()
    live = LiveSession(stored, library, clock=clock)
    clock.now += 10**9  # the app left open for decades, or a clock gone mad
    live.account_time()
    assert live.session.phase_seconds[Phase.goal] == MAX_PHASE_SECONDS
    store.save(Stored(stored.path, live.snapshot(), stored.stamp))
    assert store.read(stored.path).session.phase_seconds[Phase.goal] == MAX_PHASE_SECONDS


def test_carrying_over_an_action_at_its_bound_stays_within_it(tmp_path, library):
    store = Store(tmp_path)
    session = Session(coachee="Kim")
    session.follow_up.items = [
        FollowUpItem(session_id="earlier1", action_id="a1", what="x", carry_count=MAX_CARRY_COUNT)
    ]
    stored = store.create(session)
    live = LiveSession(stored, library, clock=FrozenClock())
    live.update_follow_up(0, decision=Decision.carry_over)
    [action] = live.session.will.actions
    assert action.carry_count == MAX_CARRY_COUNT
    assert read_back(to_toml(live.snapshot())) == live.snapshot()
