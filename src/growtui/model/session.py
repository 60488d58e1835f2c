"""The session file format: one coaching conversation, one TOML file.

The models mirror the file: a reader of the TOML sees these names. Every
phase of the conversation has a section with free ``notes``, so code can
reach the notes of any phase with ``session.section(phase).notes``.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints, field_validator

from growtui.model.common import Lang, NonEmpty, Phase, PhaseId, Score, Section, Strict
from growtui.model.direction import DirectionSection, StyleCheck
from growtui.model.types import DEFAULT_TYPE, RecordId, TypeId

SESSION_SCHEMA_VERSION: Final = 4
# The phases of a problem-solving conversation, and of any file that names none.
DEFAULT_PHASES: Final = (
    Phase.opening,
    Phase.follow_up,
    Phase.goal,
    Phase.reality,
    Phase.options,
    Phase.will,
    Phase.closing,
)
MAX_TALK_PERCENT = 100
_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case

SessionId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{4,64}$")]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$")]


def new_session_id() -> str:
    """A random id: 12 characters of base32 (60 bits), safe in file names."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(12))


def _local_if_naive(value: datetime | None) -> datetime | None:
    """Times are kept to the second; hand-written ones without an offset are local.

    An offset is kept to the minute, the most TOML can write: local time in
    1900 Amsterdam was +00:19:32, and a file with that offset would be one
    growtui writes and then cannot read back. A named zone becomes the fixed
    offset the file will say.
    """
    if value is None:
        return None
    try:
        if value.tzinfo is None:
            value = value.astimezone()
        offset = value.utcoffset() or timedelta(0)
        minutes = timedelta(minutes=round(offset / timedelta(minutes=1)))
        if offset != minutes or not isinstance(value.tzinfo, timezone):  # a fixed offset, as the file holds it
            value = value.astimezone(timezone(minutes))
    except (OverflowError, OSError):  # the first or last day of the calendar, moved out of it
        raise ValueError("a date and time at the very edge of the calendar; give one after 0001-01-02") from None
    return value.replace(microsecond=0)


def now() -> datetime:
    """The current local time, with its offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


class Status(StrEnum):
    in_progress = "in_progress"
    completed = "completed"


class ActionStatus(StrEnum):
    open = "open"
    done = "done"
    partly_done = "partly_done"
    not_done = "not_done"
    carried_over = "carried_over"
    dropped = "dropped"


class Outcome(StrEnum):
    done = "done"
    partly_done = "partly_done"
    not_done = "not_done"


class Decision(StrEnum):
    close = "close"
    carry_over = "carry_over"
    drop = "drop"


MAX_CARRIES = 2  # a third carry-over needs an explicit yes
# Bounds on the numbers that grow while growtui runs: growtui stops counting there (see the live
# session), so it never writes a number it would refuse, and never one beyond TOML's 64 bits.
MAX_CARRY_COUNT = 99
MAX_PHASE_SECONDS = 366 * 24 * 3600  # a year in one phase


def review_status(outcome: Outcome | None, decision: Decision | None) -> ActionStatus:
    """The status an earlier action gets from its review in a later session.

    Carried over and dropped say what was decided; otherwise the outcome
    counts, except that a partly or not done action nobody decided about
    stays open, so it comes back next time rather than silently vanishing.
    """
    if decision is Decision.carry_over:
        return ActionStatus.carried_over
    if decision is Decision.drop:
        return ActionStatus.dropped
    if outcome is Outcome.done:
        return ActionStatus.done
    if outcome is not None and decision is Decision.close:
        return ActionStatus(outcome.value)
    return ActionStatus.open


class Source(StrEnum):
    """Who an option comes from, or whose commitment an action is."""

    coachee = "coachee"
    coach = "coach"


class FollowUpItem(Strict):
    """How an action agreed in an earlier session turned out."""

    session_id: SessionId = Field(description="The session in which the action was agreed.")
    action_id: ItemId
    what: str = Field(default="", description="The action as it was agreed (a copy, for reading).")
    owner: Source = Field(default=Source.coachee, description="coachee, or coach for the manager's own commitment.")
    success_criterion: str = ""
    start: date | None = Field(default=None, description="The date it was to start, as agreed.")
    when: date | None = Field(default=None, description="The date it was due, as agreed.")
    inform: str = Field(default="", description="Who was to be told, as agreed.")
    support: str = Field(default="", description="The support agreed.")
    obstacles: str = Field(default="", description="What could get in the way, as foreseen then.")
    agreed_on: date | None = Field(default=None, description="The day the action was first agreed.")
    motivation: Score | None = Field(default=None, description="The motivation given when it was agreed.")
    carry_count: int = Field(
        default=0, ge=0, le=MAX_CARRY_COUNT, description="How often it had been carried over before this review."
    )
    outcome: Outcome | None = None
    tried: str = Field(default="", description="What was tried.")
    helped: str = Field(default="", description="What helped or worked.")
    hindered: str = Field(default="", description="What got in the way.")
    next_step: str = ""
    decision: Decision | None = Field(
        default=None, description="close, carry_over (into this session's actions) or drop."
    )

    @property
    def key(self) -> str:
        return f"{self.session_id}/{self.action_id}"

    def age_days(self, today: date) -> int | None:
        """Days since the action was first agreed (never negative, whatever the clock says)."""
        return None if self.agreed_on is None else max(0, (today - self.agreed_on).days)


class FollowUpSection(Section):
    items: list[FollowUpItem] = Field(default_factory=list)


class GoalSection(Section):
    session_goal: str = Field(default="", description="What the coachee wants from this conversation.")
    long_term_goal: str = Field(default="", description="The goal beyond this conversation.")
    success_measure: str = Field(default="", description="How success will be measured.")


class ScaleAnswer(Strict):
    question_id: str | None = Field(default=None, description="Library id, if the question came from it.")
    question: str = Field(description="The scale question as asked.")
    score: Score
    said: str = Field(default="", description="What the coachee said about the score.")


class RealitySection(Section):
    scales: list[ScaleAnswer] = Field(default_factory=list)


class Option(Strict):
    id: ItemId
    text: str
    attractiveness: Score | None = Field(default=None, description="How attractive, 1-10.")
    feasibility: Score | None = Field(default=None, description="How feasible, 1-10.")
    source: Source = Field(default=Source.coachee, description="Whose idea: the coachee's, or the coach's own.")
    pros: list[str] = Field(default_factory=list)
    cons: list[str] = Field(default_factory=list)
    chosen: bool = False

    @property
    def score(self) -> int | None:
        """Attractiveness plus feasibility (2-20), or None until both are scored."""
        if self.attractiveness is None or self.feasibility is None:
            return None
        return self.attractiveness + self.feasibility


class OptionsSection(Section):
    items: list[Option] = Field(default_factory=list)


class Action(Strict):
    id: ItemId
    what: str
    owner: Source = Field(default=Source.coachee, description="coachee, or coach for the manager's own commitment.")
    start: date | None = Field(default=None, description="The date it starts, if not at once.")
    when: date | None = Field(default=None, description="The date by which it is done.")
    success_criterion: str = Field(default="", description="How we will know it worked.")
    inform: str = Field(default="", description="Who needs to know.")
    support: str = Field(default="", description="Support needed, and from whom.")
    obstacles: str = Field(default="", description="What could get in the way, and what then.")
    status: ActionStatus = ActionStatus.open
    option_id: ItemId | None = Field(default=None, description="The chosen option it comes from.")
    carried_from: str | None = Field(
        default=None, description="'<session id>/<action id>' when carried over from an earlier session."
    )
    carry_count: int = Field(default=0, ge=0, le=MAX_CARRY_COUNT, description="How often it has been carried over.")
    agreed_on: date | None = Field(default=None, description="For a carried-over action: the day it was first agreed.")
    outcome: Outcome | None = Field(default=None, description="How it turned out, as reviewed in a later session.")
    reviewed_in: SessionId | None = Field(default=None, description="The session in which it was reviewed.")


class WillSection(Section):
    actions: list[Action] = Field(default_factory=list)
    motivation: Score | None = Field(default=None, description="Motivation to act, 1-10.")
    motivation_to_ten: str = Field(default="", description="What would make the motivation a 10.")


class ClosingSection(Section):
    coach_talk_percent: int | None = Field(
        default=None,
        ge=0,
        le=MAX_TALK_PERCENT,
        description="The coach's own estimate of how much of the conversation they talked, in percent.",
    )


MAX_PREPARED_QUESTIONS = 5


class PreparationSection(Strict):
    """What the manager prepared before the conversation: their own notes and questions to ask first."""

    notes: str = Field(default="", description="The manager's own preparation, before the conversation.")
    questions: list[str] = Field(
        default_factory=list,
        max_length=MAX_PREPARED_QUESTIONS,
        description="Library ids of questions picked in advance; the session suggests these first.",
    )


class Asked(Strict):
    """A question asked in the session and the answer noted against it."""

    question_id: str | None = Field(default=None, description="Library id; absent for own questions.")
    phase: PhaseId
    text: str = Field(description="The question as asked, in the session's language.")
    asked_at: datetime
    answer: str = ""
    score: Score | None = None

    _aware = field_validator("asked_at")(_local_if_naive)


class AnswerDraft(Strict):
    """An answer still being typed in the answer line: not an answer until Enter confirms it.

    Kept in the file so that nothing typed is lost; when the manager moves on
    without confirming, it goes into the phase's notes under its question.
    """

    phase: PhaseId
    question_id: str | None = Field(default=None, description="Library id of the question, if it came from it.")
    question: str = Field(description="The question as shown, in the session's language.")
    text: str = Field(description="What was typed so far.")


class Session(Strict):
    schema_version: Literal[4] = SESSION_SCHEMA_VERSION
    id: SessionId = Field(default_factory=new_session_id)
    type: TypeId = Field(default=DEFAULT_TYPE, description="The kind of conversation (a type in the question library).")
    coachee: NonEmpty
    coach: str = ""
    topic: str = ""
    language: Lang = Lang.nl
    started_at: datetime = Field(default_factory=now)
    ended_at: datetime | None = None
    corrected_at: list[datetime] = Field(
        default_factory=list, description="When a finished conversation was reopened for corrections."
    )
    time_box_minutes: int = Field(default=45, ge=5, le=480)
    status: Status = Status.in_progress
    phases: list[PhaseId] = Field(
        default_factory=lambda: [p.value for p in DEFAULT_PHASES],
        min_length=1,
        description="The phases of this conversation, in order.",
    )
    current_phase: PhaseId = Phase.opening.value
    previous_session: SessionId | None = Field(default=None, description="The earlier session this one follows up on.")
    tags: list[str] = Field(default_factory=list)
    next_meeting: date | None = Field(default=None, description="When the next conversation is planned.")
    style: StyleCheck | None = Field(default=None, description="The coach-or-direct check and the choice made.")
    phase_seconds: dict[PhaseId, Annotated[int, Field(ge=0, le=MAX_PHASE_SECONDS)]] = Field(
        default_factory=dict, description="Time spent in each phase, in seconds."
    )
    opening: Section = Field(default_factory=Section)
    follow_up: FollowUpSection = Field(default_factory=FollowUpSection)
    direction: DirectionSection = Field(default_factory=DirectionSection)
    goal: GoalSection = Field(default_factory=GoalSection)
    reality: RealitySection = Field(default_factory=RealitySection)
    options: OptionsSection = Field(default_factory=OptionsSection)
    will: WillSection = Field(default_factory=WillSection)
    closing: ClosingSection = Field(default_factory=ClosingSection)
    preparation: PreparationSection = Field(default_factory=PreparationSection)
    sections: dict[PhaseId, Section] = Field(
        default_factory=dict, description="The notes of the phases a conversation type adds."
    )
    record: dict[RecordId, str | Score] = Field(
        default_factory=dict, description="What the conversation type records: its fields, by id."
    )
    asked: list[Asked] = Field(default_factory=list)
    draft: AnswerDraft | None = Field(default=None, description="An answer being typed and not yet confirmed.")

    _aware = field_validator("started_at", "ended_at")(_local_if_naive)

    def section(self, phase: str, create: bool = False) -> Section:
        """The notes (and more) of a phase: growtui's own by name, a type's own from ``sections``.

        A type's phase with nothing in it yet has an empty section; ``create``
        puts it in the session, for writing into.
        """
        if phase in Phase.__members__:
            section: Section = getattr(self, phase)
            return section
        if create:
            return self.sections.setdefault(phase, Section())
        return self.sections.get(phase) or Section()

    def chosen_options(self) -> list[Option]:
        return [o for o in self.options.items if o.chosen]

    def open_actions(self) -> list[Action]:
        return [a for a in self.will.actions if a.status is ActionStatus.open]
