"""How often a manager means to talk with each coachee, and who is due or overdue for a conversation.

The rule, in one place: a coachee is **due** once the days since the last
conversation reach the rhythm (7, 14 or 28 days), and **overdue** when they
are more than three days past it. Three days of grace: a weekly 1-on-1 moved
from Monday to Thursday is late, not missed.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from pydantic import Field

from growtui.model.common import Strict

RHYTHM_SCHEMA_VERSION: Final = 1
RHYTHM_DAYS: Final = {"1w": 7, "2w": 14, "4w": 28}
GRACE_DAYS: Final = 3

RhythmId = Literal["1w", "2w", "4w"]


class DueState(StrEnum):
    not_due = "not_due"
    due = "due"
    overdue = "overdue"


def due_state(days_since: int, rhythm: str | None) -> DueState | None:
    """Where a coachee stands against their rhythm; None without one."""
    days = RHYTHM_DAYS.get(rhythm or "")
    if days is None:
        return None
    if days_since > days + GRACE_DAYS:
        return DueState.overdue
    if days_since >= days:
        return DueState.due
    return DueState.not_due


class RhythmFile(Strict):
    """The rhythm file: per person key (the name without case or runs of spaces), ``1w``, ``2w`` or ``4w``."""

    schema_version: Literal[1] = RHYTHM_SCHEMA_VERSION
    rhythm: dict[str, RhythmId] = Field(default_factory=dict, description="Person key to rhythm.")
