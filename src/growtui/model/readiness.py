"""Ready to move on? The checklist of a phase, ticked where growtui can tell from the session.

Never a gate: the stepper shows the points quietly, and moving on is always
possible. A point without a check is a reminder (None: growtui cannot tell).
"""

from __future__ import annotations

from growtui.model.session import Session, Source
from growtui.model.types import DEFAULT_MAX_ACTIONS, Check, ChecklistItem, ConversationType

GOOD_MOTIVATION = 7
TALK_TARGET = 30  # percent: the coach talks about a third, the coachee the rest


def _filled(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None


def ticked(check: Check, session: Session, phase: str, kind: ConversationType | None) -> bool:
    s = session
    options = s.options.items
    actions = [a for a in s.will.actions if a.owner is Source.coachee]
    limit = kind.max_actions if kind is not None else DEFAULT_MAX_ACTIONS
    match check:
        case Check.goal_set:
            return _filled(s.goal.session_goal)
        case Check.goal_measurable:
            return _filled(s.goal.success_measure)
        case Check.options_three:
            return len(options) >= 3
        case Check.options_own:
            return bool(options) and 2 * sum(o.source is Source.coachee for o in options) > len(options)
        case Check.options_scored:
            return bool(options) and all(o.score is not None for o in options)
        case Check.option_chosen:
            return any(o.chosen for o in options)
        case Check.actions_few:
            return 1 <= len(actions) <= limit
        case Check.actions_dated:
            return bool(s.will.actions) and all(a.when is not None for a in s.will.actions)
        case Check.actions_criterion:
            return bool(s.will.actions) and all(_filled(a.success_criterion) for a in s.will.actions)
        case Check.motivation_seven:
            return (s.will.motivation or 0) >= GOOD_MOTIVATION
        case Check.follow_up_reviewed:
            return all(i.outcome is not None or i.decision is not None for i in s.follow_up.items)
        case Check.direction_stated:
            return s.direction.stated()
        case Check.direction_understood:
            return s.direction.understood and _filled(s.direction.in_their_words)
        case Check.next_meeting:
            return s.next_meeting is not None
        case Check.talk_ratio:
            talk = s.closing.coach_talk_percent
            return talk is not None and talk <= TALK_TARGET
        case Check.records:
            fields = kind.records(phase) if kind is not None else []
            return bool(fields) and all(_filled(s.record.get(f.id)) for f in fields)
    return False


def checklist_state(
    items: list[ChecklistItem], session: Session, phase: str, kind: ConversationType | None
) -> list[tuple[ChecklistItem, bool | None]]:
    """Each point with True (done), False (not yet) or None (a reminder growtui cannot tick)."""
    return [(item, None if item.check is None else ticked(item.check, session, phase, kind)) for item in items]
