"""The example sessions in sessions/ are valid, canonical and tell a real story."""

from __future__ import annotations

from conftest import ROOT
from growtui.model import SESSION_SCHEMA_VERSION, ActionStatus, Lang, Status
from growtui.storage import Store, to_toml

EXAMPLES = ROOT / "sessions"


def load_all():
    scan = Store(EXAMPLES).scan()
    assert scan.problems == [] and scan.conflicts == []
    return scan.sessions


def test_there_are_at_least_four_in_both_languages():
    sessions = load_all()
    assert len(sessions) >= 4
    assert {s.session.language for s in sessions} == {Lang.nl, Lang.en}
    assert sum(s.session.status is Status.completed for s in sessions) >= 4


def test_they_are_exactly_what_growtui_writes():
    for stored in load_all():
        assert stored.from_version == SESSION_SCHEMA_VERSION, stored.path.name
        assert stored.path.read_text(encoding="utf-8") == to_toml(stored.session), stored.path.name


def test_completed_ones_cover_every_grow_phase():
    for stored in load_all():
        s = stored.session
        if s.status is not Status.completed or s.type != "problem-solving":
            continue
        assert s.goal.session_goal and s.goal.success_measure, stored.path.name
        assert s.reality.notes and s.reality.scales
        assert len(s.options.items) >= 3 and s.chosen_options()
        assert 1 <= len(s.will.actions) <= 3 and s.will.motivation
        assert all(a.when and a.success_criterion for a in s.will.actions)
        assert len(s.asked) >= 8


def test_the_follow_up_session_points_at_real_actions():
    by_id = {s.session.id: s.session for s in load_all()}
    follow_ups = [s for s in by_id.values() if s.previous_session]
    assert follow_ups
    for session in follow_ups:
        earlier = by_id[session.previous_session]
        earlier_actions = {a.id: a for a in earlier.will.actions}
        assert session.follow_up.items
        for item in session.follow_up.items:
            assert item.session_id == earlier.id and item.action_id in earlier_actions
            assert item.outcome is not None and item.decision is not None
        carried = [a for a in session.will.actions if a.carried_from]
        for action in carried:
            source_session, source_action = action.carried_from.split("/")
            assert source_session == earlier.id
            assert earlier_actions[source_action].status is ActionStatus.carried_over


def test_file_names_follow_the_store():
    from growtui.storage import file_name

    for stored in load_all():
        assert stored.path.name == file_name(stored.session)


def test_two_other_kinds_show_what_they_record_and_every_action_detail_appears():
    sessions = [s.session for s in load_all()]
    kinds = {s.type: s for s in sessions if s.type != "problem-solving"}
    assert {"check-in", "feedback"} <= set(kinds)
    assert {"energy", "focus", "blocks"} <= set(kinds["check-in"].record)
    assert {"behaviour", "effect", "wish", "next_time"} <= set(kinds["feedback"].record)
    actions = [a for s in sessions for a in s.will.actions]
    assert any(a.obstacles for a in actions) and any(a.start for a in actions)
    assert any(s.next_meeting for s in sessions) and any(a.owner == "coach" for a in actions)
