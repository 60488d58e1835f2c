"""Conversation types, phases of their own and the "ready to move on?" checklist, as the library files hold them.

A conversation type (a weekly check-in, a feedback conversation, a
delegation ...) names its phases in order, the share of the time box each
gets, which questions each draws on, and what it records besides notes:
a few fields per phase (the observed behaviour, a scale, the room to
decide). growtui's own phases have panels of their own; a type can add
phases, which show the type's fields for them and the notes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final

from pydantic import Field, StringConstraints, model_validator

from growtui.model.common import Localized, Phase, PhaseId, Strict

DEFAULT_TYPE: Final = "problem-solving"
DEFAULT_MAX_ACTIONS: Final = 2

TypeId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,39}$"),
    Field(description="Lower-case letters, digits and '-', for example 'check-in'."),
]
RecordId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$"),
    Field(description="Lower-case letters, digits and '_', for example 'next_time'."),
]
ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]


class Style(StrEnum):
    """How a type starts: ask the coach-or-direct check, always coach, or always direct first."""

    ask = "ask"
    coach = "coach"
    direct = "direct"


class Depth(StrEnum):
    """How deep a question goes: describing facts, exploring, or confronting beliefs."""

    facts = "facts"
    exploring = "exploring"
    beliefs = "beliefs"


class Check(StrEnum):
    """What growtui can tick in the checklist by itself."""

    goal_set = "goal_set"
    goal_measurable = "goal_measurable"
    options_three = "options_three"
    options_own = "options_own"
    options_scored = "options_scored"
    option_chosen = "option_chosen"
    actions_few = "actions_few"
    actions_dated = "actions_dated"
    actions_criterion = "actions_criterion"
    motivation_seven = "motivation_seven"
    follow_up_reviewed = "follow_up_reviewed"
    direction_stated = "direction_stated"
    direction_understood = "direction_understood"
    next_meeting = "next_meeting"
    talk_ratio = "talk_ratio"
    records = "records"


class RecordKind(StrEnum):
    text = "text"  # one line
    long = "long"  # a few lines
    scale = "scale"  # 1-10
    choice = "choice"  # one of the choices


class PhaseDef(Strict):
    """A phase of its own, for types that need more than growtui's phases."""

    id: PhaseId
    name: Localized
    purpose: Localized = Field(description="One short line: what the phase is for.")
    override: bool = Field(default=False, description="Replace a phase with the same id loaded earlier.")

    @model_validator(mode="after")
    def _not_builtin(self) -> PhaseDef:
        if self.id in Phase.__members__:
            raise ValueError(f"'{self.id}' is one of growtui's own phases; give this phase another id")
        return self


class ChecklistItem(Strict):
    """One point of "ready to move on?": ticked by growtui (``check``), or a reminder."""

    text: Localized
    check: Check | None = Field(default=None, description="What growtui ticks by itself; without it, a reminder.")


class PhaseChecklist(ChecklistItem):
    """A general checklist item, shown in this phase of every type that has no checklist of its own for it."""

    phase: PhaseId


class Choice(Strict):
    id: ChoiceId
    label: Localized


class RecordField(Strict):
    """Something a type records in a phase, besides the notes: a line, a few lines, a score, a choice."""

    id: RecordId
    kind: RecordKind = RecordKind.text
    label: Localized
    placeholder: Localized | None = Field(default=None, description="Shown in the empty field.")
    choices: list[Choice] = Field(default_factory=list, description="For kind = 'choice': the choices, in order.")

    @model_validator(mode="after")
    def _choices_only_for_choice(self) -> RecordField:
        if self.kind is RecordKind.choice and len(self.choices) < 2:
            raise ValueError("kind = 'choice' needs at least two choices")
        if self.kind is not RecordKind.choice and self.choices:
            raise ValueError("choices only make sense for kind = 'choice'")
        return self


class TypePhase(Strict):
    """One phase of a conversation type: its share of the time, the questions it draws on, what it records."""

    phase: PhaseId
    share: int = Field(default=10, ge=1, le=100, description="Share of the time box (normalised over the phases).")
    questions: list[str] = Field(default_factory=list, description="Question ids offered first, from any phase.")
    tags: list[str] = Field(
        default_factory=list, description="Only general questions with one of these tags (default: all)."
    )
    from_: list[PhaseId] | None = Field(
        default=None,
        alias="from",
        description="Phases to draw general questions from (default: this phase; [] for none).",
    )
    records: list[RecordField] = Field(default_factory=list)
    checklist: list[ChecklistItem] | None = Field(
        default=None, description="This phase's own checklist in this type (default: the general one)."
    )

    model_config = Strict.model_config | {"populate_by_name": True}

    @property
    def sources(self) -> list[str]:
        return [self.phase] if self.from_ is None else list(self.from_)


class ConversationType(Strict):
    id: TypeId
    name: Localized
    purpose: Localized = Field(description="One line: what this kind of conversation is for.")
    minutes: int = Field(default=45, ge=5, le=480, description="The default time box.")
    max_actions: int = Field(
        default=DEFAULT_MAX_ACTIONS, ge=1, le=9, description="The most actions of the coachee it agrees."
    )
    style: Style = Field(default=Style.ask, description="ask (the coach-or-direct check), coach or direct.")
    phases: list[TypePhase] = Field(min_length=1)
    override: bool = Field(default=False, description="Replace a type with the same id loaded earlier.")

    @model_validator(mode="after")
    def _unique(self) -> ConversationType:
        seen: set[str] = set()
        fields: set[str] = set()
        for step in self.phases:
            if step.phase in seen:
                raise ValueError(f"phase '{step.phase}' comes twice")
            seen.add(step.phase)
            for record in step.records:
                if record.id in fields:
                    raise ValueError(f"record '{record.id}' comes twice")
                fields.add(record.id)
        return self

    def phase_ids(self) -> list[str]:
        return [p.phase for p in self.phases]

    def step(self, phase: str) -> TypePhase | None:
        return next((p for p in self.phases if p.phase == phase), None)

    def records(self, phase: str | None = None) -> list[RecordField]:
        return [r for p in self.phases if phase is None or p.phase == phase for r in p.records]
