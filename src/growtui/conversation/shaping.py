"""Shaping: what the conversation's type adds: its fields, coach or direct, the directed part, the talk estimate.

A type records a few fields besides the notes (``session.record``). Types
whose style is "ask" start with the coach-or-direct check: the answers
suggest a style, the manager chooses, and choosing "direct first" puts the
directed part (the standard, then coaching on the how) into the phases,
right after the opening and the follow-up.
"""

from __future__ import annotations

from datetime import date

from growtui.conversation.core import LiveCore
from growtui.model import (
    DirectionSection,
    Phase,
    RecordField,
    RecordKind,
    Style,
    StyleCheck,
    StyleChoice,
    has_content,
)

DIRECTION_FIELDS = ("what", "by_when", "quality", "in_their_words", "understood")


class Shaping(LiveCore):
    # --- what the type records ------------------------------------------------

    def record_fields(self, phase: str | None = None) -> list[RecordField]:
        return self.kind.records(phase) if self.kind is not None else []

    def set_record(self, field_id: str, value: str | int | None) -> None:
        """Fill in (or, with None or nothing, clear) one of the type's fields."""
        record = self.session.record
        if value is None or (isinstance(value, str) and not value.strip()):
            if field_id in record:
                del record[field_id]
                self.touch()
            return
        field = next((f for f in self.record_fields() if f.id == field_id), None)
        scale = field is not None and field.kind is RecordKind.scale
        if scale and not (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10):
            raise ValueError(f"{field_id}: a score from 1 to 10")
        if not scale and not isinstance(value, str):
            raise ValueError(f"{field_id}: a text")
        if record.get(field_id) != value:
            record[field_id] = value  # as typed: the field shows what is in the session
            self.touch()

    # --- coach or direct ----------------------------------------------------------

    def asks_style(self) -> bool:
        """Whether this conversation starts with the coach-or-direct check (the type's style is "ask")."""
        return self.kind is None or self.kind.style is Style.ask

    def style(self) -> StyleCheck:
        return self.session.style or StyleCheck()

    def answer_style_check(self, **answers: object) -> StyleCheck:
        """One or more answers of the check (deadline, risk, standard, experience); the suggestion follows them."""
        check = StyleCheck.model_validate({**self.style().model_dump(), **answers})
        check.suggested = check.suggestion()
        if check != self.session.style:
            self.session.style = check if check.answered() or check.chosen else None
            self.touch()
        return check

    def choose_style(self, choice: StyleChoice | None) -> None:
        """Coach, or direct first (the directed part joins the phases); None takes the choice back."""
        check = self.style()
        if check.chosen is not choice:
            check.chosen = choice
            self.session.style = check if check.answered() or choice else None
            self.touch()
        phases = self.session.phases
        if choice is StyleChoice.direct and Phase.direction not in phases:
            after = [i for i, p in enumerate(phases) if p in (Phase.opening, Phase.follow_up)]
            phases.insert(after[-1] + 1 if after else 0, Phase.direction.value)
            self.touch()
        elif choice is not StyleChoice.direct and self.direction_added() and not has_content(self.session, "direction"):
            phases.remove(Phase.direction)
            if self.phase == Phase.direction:
                self.set_phase(phases[0])
            self.touch()

    def direction_added(self) -> bool:
        """The directed part is in the phases because of the check, not because the type has it."""
        in_type = self.kind is not None and Phase.direction in self.kind.phase_ids()
        return Phase.direction in self.session.phases and not in_type

    # --- the directed part --------------------------------------------------------

    def set_direction(self, field: str, value: str | date | bool | None) -> None:
        if field not in DIRECTION_FIELDS:
            raise KeyError(field)
        direction: DirectionSection = self.session.direction
        if getattr(direction, field) != value:
            setattr(direction, field, value)
            self.touch()

    # --- tags ------------------------------------------------------------------------

    def set_tags(self, text: str) -> None:
        """Tags as typed, comma separated; each once, in the order typed."""
        tags = list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
        if tags != self.session.tags:
            self.session.tags = tags
            self.touch()

    # --- the coach's own estimate -------------------------------------------------

    def set_talk(self, percent: int | None) -> None:
        """How much of the conversation the coach thinks they talked, in percent."""
        if self.session.closing.coach_talk_percent != percent:
            self.session.closing.coach_talk_percent = percent
            self.touch()
