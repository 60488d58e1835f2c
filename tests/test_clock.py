"""Time going backwards, or a wildly wrong clock: timers, order and recovery stay sane."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from factories import FrozenClock, live_session
from growtui.conversation import core as live_module, start as starting
from growtui.index import Index
from growtui.model import FollowUpItem, Phase, Session
from growtui.storage import Store, recovery as recovery_files, to_toml

UTC = UTC


@pytest.fixture
def clock():
    return FrozenClock(5000.0)


@pytest.fixture
def live(tmp_path, clock):
    return live_session(tmp_path / "s.toml", clock=clock, language="en", current_phase=Phase.goal)


def test_a_clock_going_back_never_gives_negative_or_lost_phase_time(live, clock):
    clock.now += 120
    live.account_time()
    assert live.session.phase_seconds[Phase.goal] == 120
    clock.now -= 3600  # back an hour
    live.account_time()
    assert live.seconds_in(Phase.goal) == 120 and live.elapsed() == 120
    clock.now += 30  # time after the jump counts again straight away
    live.account_time()
    assert live.session.phase_seconds[Phase.goal] == 150
    to_toml(live.snapshot())  # and the session can still be written (phase times must not be negative)


def test_a_clock_leaping_forward_is_counted_not_crashed_on(live, clock):
    clock.now += 10 * 365 * 24 * 3600
    assert live.seconds_in(Phase.goal) == 10 * 365 * 24 * 3600
    to_toml(live.snapshot())


def test_a_wall_clock_set_back_never_ends_a_session_before_it_began(live, clock, monkeypatch):
    started = live.session.started_at
    clock.now += 600
    monkeypatch.setattr(live_module, "now", lambda: started - timedelta(days=400))
    live.finish()
    assert live.session.ended_at >= started
    assert live.session.ended_at == started + timedelta(seconds=600)
    to_toml(live.session)


def test_sessions_from_a_wrong_clock_still_list_in_order_and_never_age_negatively(tmp_path):
    store = Store(tmp_path / "s")
    for year, name in ((1970, "Epoch"), (2026, "Now"), (2099, "Future")):
        store.create(Session(coachee=name, started_at=datetime(year, 6, 1, 9, 0, tzinfo=UTC)))
    index = Index(store.root)
    index.sync()
    assert [e.coachee for e in index.entries()] == ["Future", "Now", "Epoch"]
    assert len(index.entries(since=date(2026, 1, 1))) == 2
    item = FollowUpItem(session_id="abcd", action_id="a1", what="x", agreed_on=date(2099, 6, 1))
    assert item.age_days(date(2026, 11, 21)) == 0


def test_the_index_notices_a_change_even_when_the_file_time_went_back(tmp_path):
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    index = Index(store.root)
    index.sync()
    old = stored.path.stat()
    stored.session.goal.notes = "after the clock went back"
    store.save(stored)
    os.utime(stored.path, ns=(old.st_atime_ns - 10**12, old.st_mtime_ns - 10**12))  # an hour... and more, back
    index.sync()
    assert [h.entry.id for h in index.search("clock went back")] == [stored.session.id]


def test_a_recovery_file_wins_even_when_the_clock_went_back(tmp_path):
    """The file was saved with the clock ahead; then the clock was corrected and a save failed.

    File times decide nothing: the base kept with the recovery file says the file is as growtui left it.
    """
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    base = stored.session.model_copy(deep=True)
    future = time.time() + 3 * 3600
    os.utime(stored.path, (future, future))
    stored.session.goal.notes = "only in the recovery file"
    recovery = recovery_files.write_recovery(stored.session, base=base)
    assert recovery is not None and recovery.stat().st_mtime < stored.path.stat().st_mtime
    resumed = starting.resume(store, stored.path)
    assert resumed.recovered_from == recovery and resumed.outcome == "recovered" and resumed.saved
    assert resumed.stored.session.goal.notes == "only in the recovery file"
    assert store.read(stored.path).session.goal.notes == "only in the recovery file"
    assert not recovery.exists()


def test_an_older_recovery_file_never_replaces_a_newer_save(tmp_path):
    """Saved again after the failed save (by another growtui, or a sync): both versions are kept."""
    store = Store(tmp_path / "s")
    stored = store.create(Session(coachee="Kim"))
    base = stored.session.model_copy(deep=True)
    stale = stored.session.model_copy(deep=True)
    stale.goal.notes = "stale"
    recovery = recovery_files.write_recovery(stale, base=base)
    assert recovery is not None
    past = time.time() - 3600
    os.utime(recovery, (past, past))
    stored.session.goal.notes = "newer"
    store.save(stored)
    resumed = starting.resume(store, stored.path)
    assert resumed.outcome == "conflict" and resumed.stored.session.goal.notes == "newer"
    assert resumed.conflict_copy is not None and "stale" in resumed.conflict_copy.read_text()
