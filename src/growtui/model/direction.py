"""Coach or direct: the short check at the start of a conversation, and the directed part.

When a deadline, a risk or a standard is at stake, or the person is new to
the task, a manager first states the standard (what, by when, which
quality) and checks it was understood, in the coachee's own words; the
coaching is then about the how. Otherwise the manager coaches from the
start. The check only suggests; the manager chooses, and the session keeps
both.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from growtui.model.common import Section, Strict


class StyleChoice(StrEnum):
    coach = "coach"
    direct = "direct"  # direct first: the standard, then coaching on the how


class Experience(StrEnum):
    """How experienced the person is in this task."""

    new = "new"
    some = "some"
    experienced = "experienced"


class StyleCheck(Strict):
    """The answers to the coach-or-direct check, what it suggested, and what the manager chose."""

    deadline: bool | None = Field(default=None, description="A hard deadline is at stake.")
    risk: bool | None = Field(default=None, description="A risk is at stake (a customer, safety, money).")
    standard: bool | None = Field(default=None, description="A standard or a quality norm is at stake.")
    experience: Experience | None = Field(default=None, description="How experienced the person is in this task.")
    suggested: StyleChoice | None = Field(default=None, description="What the answers suggest.")
    chosen: StyleChoice | None = Field(default=None, description="What the manager chose.")

    def suggestion(self) -> StyleChoice | None:
        """Direct first when something is at stake or the task is new; coach when the person knows the task.

        None while the answers say too little to suggest either.
        """
        at_stake = any((self.deadline, self.risk, self.standard))
        if at_stake or self.experience is Experience.new:
            return StyleChoice.direct
        if self.experience is not None:
            return StyleChoice.coach
        return None

    def answered(self) -> bool:
        return any(v is not None for v in (self.deadline, self.risk, self.standard, self.experience))


class DirectionSection(Section):
    """The directed part: the standard as the manager stated it, and how it came across."""

    what: str = Field(default="", description="What has to happen.")
    by_when: date | None = Field(default=None, description="By when.")
    quality: str = Field(default="", description="Which quality: the standard it has to meet.")
    in_their_words: str = Field(default="", description="The standard as the coachee put it in their own words.")
    understood: bool = Field(default=False, description="The manager is satisfied it was understood.")

    def stated(self) -> bool:
        return bool(self.what.strip() and self.quality.strip())
