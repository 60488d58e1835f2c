"""What a session shows of its progress: which phases hold anything, and how long it took.

One rule each, used by the phase stepper, the documents, the process summary
and the index.
"""

from __future__ import annotations

from growtui.model.common import Phase
from growtui.model.session import Session
from growtui.model.types import ConversationType


def _filled(session: Session, phase: str, kind: ConversationType | None = None) -> bool:
    """The structured part of a phase holds anything (its notes and questions aside).

    With the conversation's type, the type's fields count for the phase they belong to.
    """
    s = session
    if kind is not None and any(f.id in s.record for f in kind.records(phase)):
        return True
    match phase:
        case Phase.follow_up:
            return any(
                i.outcome or i.decision or any(f.strip() for f in (i.tried, i.helped, i.hindered, i.next_step))
                for i in s.follow_up.items
            )
        case Phase.goal:
            return any(f.strip() for f in (s.goal.session_goal, s.goal.long_term_goal, s.goal.success_measure))
        case Phase.reality:
            return bool(s.reality.scales)
        case Phase.options:
            return bool(s.options.items)
        case Phase.will:
            return bool(s.will.actions or s.will.motivation or s.will.motivation_to_ten.strip())
        case Phase.direction:
            d = s.direction
            return (
                d.understood or d.by_when is not None or any(f.strip() for f in (d.what, d.quality, d.in_their_words))
            )
        case Phase.closing:
            return s.next_meeting is not None or s.closing.coach_talk_percent is not None
    return False


def has_content(session: Session, phase: str, kind: ConversationType | None = None) -> bool:
    """The phase holds anything: notes, a question asked, or a filled-in part."""
    return (
        bool(session.section(phase).notes.strip())
        or _filled(session, phase, kind)
        or any(a.phase == phase for a in session.asked)
    )


def _all_phases(session: Session) -> list[str]:
    """Every phase the session holds anything for: its own, and any others its file has (in that order)."""
    extra = [*session.sections, *session.phase_seconds, *(a.phase for a in session.asked)]
    return list(dict.fromkeys([*session.phases, *(p for p in Phase if p != Phase.direction), *extra]))


def is_blank(session: Session) -> bool:
    """Nothing was typed in the conversation itself: no notes, answers, fields, options or actions, no draft.

    Such a conversation leaves no file (the coachee and topic alone are not a record worth keeping; nor is
    the coach-or-direct check on its own).
    """
    return (
        session.draft is None
        and not session.record
        and not session.preparation.notes.strip()  # the manager's preparation is worth keeping
        and not any(has_content(session, phase) for phase in [*_all_phases(session), Phase.direction])
    )


def covered_phases(session: Session, kind: ConversationType | None = None) -> list[str]:
    """The phases that hold anything, in conversation order."""
    return [p for p in _all_phases(session) if has_content(session, p, kind)]


def duration_minutes(session: Session) -> int | None:
    """Minutes spent: the phase timers if they ran, else end minus start, else unknown."""
    seconds = sum(session.phase_seconds.values())
    if not seconds and session.ended_at is not None:
        seconds = max(0, int((session.ended_at - session.started_at).total_seconds()))
    return round(seconds / 60) if seconds else None
