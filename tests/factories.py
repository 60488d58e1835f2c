"""Sessions with every field filled, a live session to drive, and a clock that only moves when told."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from growtui.conversation import LiveSession
from growtui.library import Library, load_library
from growtui.model import (
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
from growtui.storage import Stored

CET = timezone(timedelta(hours=1))


def full_session(**changes) -> Session:
    start = datetime(2026, 11, 3, 9, 30, tzinfo=CET)
    session = Session(
        id="k7m2q9x4c1ab",
        coachee="Zoë de Wit",
        coach="Marieke",
        topic='Rustiger plannen "zonder" overuren',
        language=Lang.nl,
        started_at=start,
        ended_at=start + timedelta(minutes=47),
        time_box_minutes=45,
        status=Status.completed,
        current_phase=Phase.closing,
        previous_session="p0p0p0p0p0p0",
        tags=["planning", "werkdruk"],
        phase_seconds={Phase.goal: 420, Phase.reality: 900, Phase.options: 720, Phase.will: 600},
    )
    session.opening.notes = "Kort bijgepraat.\nAfspraak: proces gaat naar HR, inhoud niet."
    session.follow_up.items.append(
        FollowUpItem(
            session_id="p0p0p0p0p0p0",
            action_id="a1",
            what="Agenda blokken",
            success_criterion="3 blokken per week",
            outcome=Outcome.partly_done,
            tried="twee weken geprobeerd",
            helped="vaste ochtend",
            hindered="incidenten",
            next_step="blok op dinsdag beschermen",
            decision=Decision.carry_over,
        )
    )
    session.follow_up.notes = "Blij met de ochtenden."
    session.goal.session_goal = "Weten welke taak ze loslaat"
    session.goal.long_term_goal = "Binnen 40 uur werken"
    session.goal.success_measure = "Geen avondwerk in december"
    session.goal.notes = "'Ik wil niet steeds nee zeggen'"
    session.reality.scales.append(
        ScaleAnswer(question_id="reality.scale-now", question="Waar sta je nu?", score=4, said="Te veel ad hoc")
    )
    session.reality.notes = 'Drie projecten tegelijk.\n\tTabs en "quotes" en \\ backslash.'
    session.options.items += [
        Option(
            id="o1",
            text="Taak X overdragen aan Tom",
            attractiveness=8,
            feasibility=6,
            pros=["meer rust"],
            cons=["Tom moet ingewerkt"],
            chosen=True,
        ),
        Option(id="o2", text="Nee zeggen tegen nieuwe verzoeken", attractiveness=5, feasibility=3),
        Option(id="o3", text="Nog niet gescoord"),
    ]
    session.will.actions.append(
        Action(
            id="a1",
            what="Overdracht plannen met Tom",
            when=date(2026, 11, 17),
            success_criterion="Tom doet de release zelf",
            inform="teamlead",
            support="tijd van Tom",
            status=ActionStatus.open,
            option_id="o1",
            carried_from="p0p0p0p0p0p0/a1",
            carry_count=1,
        )
    )
    session.will.motivation = 8
    session.will.motivation_to_ten = "Als Tom er ook zin in heeft"
    session.closing.notes = "Nuttig gesprek, zegt ze."
    session.asked.append(
        Asked(
            question_id="goal.outcome",
            phase=Phase.goal,
            text="Wat wil je bereiken?",
            asked_at=start + timedelta(minutes=3),
            answer="Rust",
            score=None,
        )
    )
    session.asked.append(
        Asked(
            phase=Phase.reality,
            text="Hoe sta je ervoor, 1-10?",
            asked_at=start + timedelta(minutes=12),
            answer="",
            score=4,
        )
    )
    return Session.model_validate({**session.model_dump(), **changes})


class FrozenClock:
    """A monotonic clock that only moves when a test says so (stable phase times and snapshots)."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def live_session(
    path: Path, library: Library | None = None, *, clock: Callable[[], float] | None = None, **fields: Any
) -> LiveSession:
    """A live session of a new Session(**fields) that would be saved at ``path``; the shipped library by default."""
    fields.setdefault("coachee", "Ada")
    stored = Stored(path, Session(**fields))
    if clock is None:
        return LiveSession(stored, library or shipped_library())
    return LiveSession(stored, library or shipped_library(), clock=clock)


_SHIPPED: Library | None = None


def shipped_library() -> Library:
    """The shipped question library, loaded once per test process."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = load_library()
    return _SHIPPED


def grow_examples() -> list[Path]:
    """The example sessions of the full GROW conversation (problem-solving): the set the listing tests know.

    The examples of other kinds (a check-in, a feedback conversation) sit beside them in sessions/.
    """
    root = Path(__file__).resolve().parent.parent / "sessions"
    return sorted(p for p in root.glob("*.toml") if 'type = "problem-solving"' in p.read_text(encoding="utf-8"))


def copy_grow_examples(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in grow_examples():
        shutil.copy2(path, dest / path.name)
    return dest
