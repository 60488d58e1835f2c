"""The core of a live session: the session, its phases, time per phase, notes, and prompts waiting.

:class:`~growtui.conversation.live.LiveSession` is this plus asking
(questions and answers) and agreeing (options, actions, motivation, the
follow-up of earlier actions); each part is a module of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta

from growtui.library import Library
from growtui.model import (
    MAX_PHASE_SECONDS,
    ConversationType,
    Phase,
    Prompt,
    Session,
    Status,
    has_content,
    is_blank,
    now,
)
from growtui.storage import Stored

# Planned share of the time box per phase when the conversation's type does
# not say (a type the library does not know): normalised over the phases a
# session has. Will gets a real share so it is not squeezed out.
PLANNED_SHARE: dict[str, int] = {
    Phase.opening: 5,
    Phase.follow_up: 10,
    Phase.direction: 15,
    Phase.goal: 15,
    Phase.reality: 25,
    Phase.options: 20,
    Phase.will: 20,
    Phase.closing: 5,
}
OTHER_SHARE = 20
NO_OVERRUN: frozenset[str] = frozenset(
    {Phase.opening, Phase.follow_up, Phase.will, Phase.closing}
)  # never warned about


class LiveCore:
    """What every part of a live session shares; every change goes through ``touch``."""

    def __init__(
        self,
        stored: Stored,
        library: Library,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ):
        self.stored = stored
        self.today = today  # for the age of earlier actions
        self.library = library
        self._clock = clock
        self._entered = clock()
        self._cursor: dict[str, int] = {}
        self._pending: dict[str, list[Prompt]] = {}
        self.version = 0

    # --- basics -----------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.stored.session

    @property
    def lang(self) -> str:
        return self.session.language.value

    @property
    def phase(self) -> str:
        return self.session.current_phase

    @property
    def kind(self) -> ConversationType | None:
        """The conversation's type, as the library defines it (None for a type it does not know)."""
        return self.library.type_of(self.session.type)

    def touch(self) -> None:
        self.version += 1

    def phases(self) -> list[str]:
        """The phases this conversation has, in order (follow-up only when there is something to review)."""
        return [p for p in self.session.phases if p != Phase.follow_up or self.session.follow_up.items]

    def has_content(self, phase: str) -> bool:
        return has_content(self.session, phase, self.kind)

    def worth_saving(self) -> bool:
        """A conversation in which nothing was typed leaves no file; once written, its file is kept up to date."""
        return self.stored.stamp is not None or not is_blank(self.session)

    def set_phase(self, phase: str) -> None:
        if phase == self.phase:
            return
        self.park_draft()
        self.account_time()
        self.session.current_phase = phase
        self.touch()

    def stepped(self, delta: int) -> str:
        """The phase ``delta`` steps on (back when negative), staying at the first and the last."""
        order = self.phases()
        index = order.index(self.phase) if self.phase in order else 0
        return order[max(0, min(len(order) - 1, index + delta))]

    # --- time -------------------------------------------------------------

    def account_time(self) -> None:
        """Move the time spent in the current phase into ``phase_seconds``.

        Uses a monotonic clock, so a wall clock jumping (or going backwards)
        never produces negative or absurd phase times.
        """
        now_ = self._clock()
        spent = int(now_ - self._entered)
        if self.session.status is Status.completed:  # reopened for corrections: the conversation's time is kept
            self._entered = now_
            return
        if spent > 0:
            seconds = self.session.phase_seconds
            seconds[self.phase] = min(MAX_PHASE_SECONDS, seconds.get(self.phase, 0) + spent)  # stops, never overflows
            self._entered += spent
        elif now_ < self._entered:  # an injected or broken clock went back: count on from here
            self._entered = now_

    def count_from(self, moment: float) -> None:
        """The conversation began at ``moment`` (on the clock given), before this object was made: the first
        frame of ``growtui new`` is up, its clock running, while the session is loaded behind it."""
        if moment < self._entered and not self.session.phase_seconds:
            self._entered = moment

    def seconds_in(self, phase: str) -> int:
        running = int(self._clock() - self._entered) if phase == self.phase else 0
        return self.session.phase_seconds.get(phase, 0) + max(0, running)

    def elapsed(self) -> int:
        return sum(self.seconds_in(p) for p in {*self.session.phase_seconds, self.phase})

    def share(self, phase: str) -> int:
        """The phase's share of the time box: as the type says, else growtui's default."""
        step = self.kind.step(phase) if self.kind is not None else None
        return step.share if step is not None else PLANNED_SHARE.get(phase, OTHER_SHARE)

    def planned(self, phase: str) -> int:
        phases = self.phases()
        total = sum(self.share(p) for p in phases)
        return int(self.session.time_box_minutes * 60 * self.share(phase) / total) if phase in phases else 0

    def overrun(self, phase: str) -> bool:
        return phase not in NO_OVERRUN and self.seconds_in(phase) > self.planned(phase)

    # --- the answer being typed (see Asking) ----------------------------------

    def park_draft(self) -> str | None:
        """Moving on: an answer typed and not confirmed goes into the notes. Overridden by Asking."""
        return None

    # --- notes and structured parts -------------------------------------------

    def set_notes(self, phase: str, text: str) -> None:
        section = self.session.section(phase, create=bool(text))
        if section.notes != text:
            section.notes = text
            self.touch()

    def set_goal(self, field: str, value: str) -> None:
        if field not in ("session_goal", "long_term_goal", "success_measure"):
            raise KeyError(field)
        if getattr(self.session.goal, field) != value:
            setattr(self.session.goal, field, value)
            self.touch()

    # --- finishing ------------------------------------------------------------

    def finish(self) -> None:
        self.park_draft()
        self.account_time()
        if self.session.status is Status.completed and self.session.ended_at is not None:
            self.touch()  # corrections to a finished conversation: it ended when it ended
            return
        self.session.status = Status.completed
        # A wall clock set back during the conversation must not end it before it began.
        self.session.ended_at = max(now(), self.session.started_at + timedelta(seconds=self.elapsed()))
        self.touch()

    def snapshot(self) -> Session:
        """A copy to hand to the writer thread (times accounted first)."""
        self.account_time()
        return self.session.model_copy(deep=True)
