"""The question library's file format: questions, coaching hints, and the conversation types (see types)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints, model_validator

from growtui.model.common import Localized, PhaseId, Strict
from growtui.model.types import ConversationType, Depth, PhaseChecklist, PhaseDef, TypeId

QUESTIONS_SCHEMA_VERSION: Final = 1

QuestionId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}$"),
    Field(
        description=(
            "Stable id, unique across all loaded files: lower-case letters, "
            "digits, '.', '-' and '_' (for example 'goal.outcome')."
        )
    ),
]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]


class Kind(StrEnum):
    open = "open"
    scale = "scale"


class FollowUp(Strict):
    """A question to ask after an answer, for example after a low score.

    A question's follow-ups are offered one after the other, in the order of
    the file, each only when its score condition holds.
    """

    text: Localized
    below: int | None = Field(
        default=None,
        ge=2,
        le=10,
        description="Only for scale questions: ask this when the score is below this value.",
    )
    above: int | None = Field(
        default=None,
        ge=1,
        le=9,
        description="Only for scale questions: ask this when the score is above this value "
        "(for example 'why not lower?' only above 1).",
    )
    fills: Literal["motivation_to_ten"] | None = Field(
        default=None,
        description="The answer also fills this part of the session: motivation_to_ten is "
        "'what would make it a 10?' in Will. Not asked when that part is already filled.",
    )

    def applies_to(self, score: int | None) -> bool:
        """Whether to ask this after an answer with this score (None: an open question, or no score)."""
        if self.below is not None and (score is None or score >= self.below):
            return False
        return not (self.above is not None and (score is None or score <= self.above))


class Question(Strict):
    id: QuestionId
    phase: PhaseId
    kind: Kind = Kind.open
    depth: Depth = Field(
        default=Depth.exploring,
        description="facts (what happened), exploring (meaning, possibilities) or beliefs "
        "(assumptions, what is at stake for the person, patterns).",
    )
    text: Localized = Field(description="The question as the coach asks it.")
    purpose: Localized = Field(description="One short line: why a coach asks this.")
    tags: list[Tag] = Field(default_factory=list)
    types: list[TypeId] = Field(
        default_factory=list,
        description="Only offered in these conversation types (default: every type that draws on its phase).",
    )
    follow_ups: list[FollowUp] = Field(default_factory=list)
    override: bool = Field(
        default=False,
        description="Set to true to replace a question with the same id loaded earlier.",
    )

    @model_validator(mode="after")
    def _scores_only_for_scales(self) -> Question:
        if self.kind is not Kind.scale:
            for f in self.follow_ups:
                for name in ("below", "above"):
                    if getattr(f, name) is not None:
                        raise ValueError(f"'{name}' in follow_ups only makes sense for kind = \"scale\"")
        return self

    def for_type(self, type_id: str) -> bool:
        """Offered in this type: a general question, or one meant for it."""
        return not self.types or type_id in self.types

    def follow_ups_for(self, score: int | None) -> list[FollowUp]:
        """The follow-ups that apply to an answer (a score for scale questions), in order."""
        return [f for f in self.follow_ups if f.applies_to(score)]


class Hint(Strict):
    """A quiet reminder for the coach, shown beside a phase."""

    phase: PhaseId
    text: Localized
    types: list[TypeId] = Field(default_factory=list, description="Only in these conversation types (default: all).")

    def for_type(self, type_id: str) -> bool:
        return not self.types or type_id in self.types


class QuestionFile(Strict):
    """One TOML file of the question library."""

    schema_version: Literal[1] = Field(default=QUESTIONS_SCHEMA_VERSION, description="Format version of this file.")
    questions: list[Question] = Field(default_factory=list)
    hints: list[Hint] = Field(default_factory=list)
    phases: list[PhaseDef] = Field(default_factory=list, description="Phases of their own, for conversation types.")
    checklist: list[PhaseChecklist] = Field(default_factory=list, description='"Ready to move on?" per phase.')
    types: list[ConversationType] = Field(default_factory=list, description="Conversation types.")
