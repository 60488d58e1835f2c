"""Shared building blocks of the domain models (no Textual here)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Strict(BaseModel):
    """Base for file models: unknown keys are errors, so typos get named."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class Phase(StrEnum):
    """growtui's own phases, each with a panel of its own.

    The four GROW phases, plus the sets around them: opening (check-in),
    follow-up of earlier actions, the directed part (the manager states the
    standard first), and closing. A conversation type can add phases of its
    own (see :mod:`growtui.model.types`); a phase is then named by its id,
    a :data:`PhaseId`.
    """

    opening = "opening"
    follow_up = "follow_up"
    direction = "direction"
    goal = "goal"
    reality = "reality"
    options = "options"
    will = "will"
    closing = "closing"

    @classmethod
    def grow(cls) -> tuple[Phase, ...]:
        return (cls.goal, cls.reality, cls.options, cls.will)

    @classmethod
    def conversation_order(cls) -> tuple[Phase, ...]:
        return tuple(cls)


PhaseId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,31}$"),
    Field(description="One of growtui's phases, or a phase a conversation type declares (for example 'focus')."),
]


# Not only spaces: what strip_whitespace takes away (Unicode White_Space), said so for the JSON Schema too.
_NOT_ONLY_SPACE = "[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=_NOT_ONLY_SPACE)]
Score = Annotated[int, Field(ge=1, le=10, description="A score from 1 to 10.")]


class Localized(Strict):
    """A text in both interface languages."""

    nl: NonEmpty = Field(description="Dutch text.")
    en: NonEmpty = Field(description="English text.")

    def in_(self, lang: Lang | str) -> str:
        return self.nl if Lang(lang) is Lang.nl else self.en


class Section(Strict):
    """What every phase of a session has: free notes."""

    notes: str = Field(default="", description="Free notes taken during this phase.")
