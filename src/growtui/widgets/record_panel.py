"""What a conversation type records in a phase: a line, a few lines, a 1-10 score or a choice per field.

Shown above the phase's own panel (or alone, in a phase the type adds).
Every keystroke is in the session at once, like the notes.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, TextArea

from growtui.model import RecordField, RecordKind
from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import FieldArea, FieldInput, FieldSelect, pull_areas, pull_inputs, read_score, score_input


def _dom_id(field_id: str) -> str:
    return "record-" + field_id.replace("_", "-")


class RecordPanel(PhasePanel):
    """One row per field of the type in this phase: its label, then the field."""

    DEFAULT_CSS = """
    RecordPanel {
        height: auto;
        margin-bottom: 1;
        .record-row { height: auto; }
        .record-row > Label { width: 26; color: $text-muted; }
        .record-row Input, .record-row TextArea {
            width: 1fr;
            background: $primary 12%;
            &:focus { background: $primary 30%; }
        }
        .record-row TextArea { height: 3; border: none; padding: 0; }
        .record-row .record-scale { width: 5; }
        .record-row Select { width: 36; }
        .record-row .record-error { width: auto; margin-left: 1; color: $error; display: none; }
        .record-row.-invalid .record-error { display: block; }
    }
    """

    def __init__(self, live: Any, phase: str, **kwargs: Any) -> None:
        super().__init__(live, **kwargs)
        self.phase = phase

    @property
    def fields(self) -> list[RecordField]:
        return self.live.record_fields(self.phase)

    def compose(self) -> ComposeResult:
        self._lang = lang = self.live.lang
        record = self.live.session.record
        for field in self.fields:
            label = field.label.in_(lang)
            placeholder = field.placeholder.in_(lang) if field.placeholder else ""
            value = record.get(field.id)
            with Horizontal(classes="record-row", id=f"{_dom_id(field.id)}-row"):
                yield Label(label)
                if field.kind is RecordKind.scale:
                    yield score_input(
                        value if isinstance(value, int) else None,
                        lang,
                        field=field.id,
                        id=_dom_id(field.id),
                        classes="record-scale",
                        typing_label=label,
                    )
                    yield Label(self.t("score.invalid"), classes="record-error")
                elif field.kind is RecordKind.choice:
                    yield FieldSelect(
                        [(c.label.in_(lang), c.id) for c in field.choices],
                        field=field.id,
                        id=_dom_id(field.id),
                        value=value if any(c.id == value for c in field.choices) else Select.NULL,
                        prompt=placeholder or "—",
                        compact=True,
                        typing_label=label,
                    )
                elif field.kind is RecordKind.long:
                    area = FieldArea(
                        str(value or ""),
                        field=field.id,
                        id=_dom_id(field.id),
                        soft_wrap=True,
                        tab_behavior="focus",
                        placeholder=placeholder,
                        compact=True,
                        typing_label=label,
                    )
                    yield area
                else:
                    yield FieldInput(
                        str(value or ""),
                        field=field.id,
                        id=_dom_id(field.id),
                        compact=True,
                        select_on_focus=False,
                        placeholder=placeholder,
                        typing_label=label,
                    )

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self.refresh(recompose=True)
            return
        record = self.live.session.record
        for field in self.fields:
            value = record.get(field.id)
            widget = self.query_one(f"#{_dom_id(field.id)}")
            if isinstance(widget, TextArea) and widget.text != str(value or ""):
                widget.load_text(str(value or ""))
            elif isinstance(widget, Select) and widget.value != (value or Select.NULL):
                widget.value = value if value else Select.NULL
            elif isinstance(widget, Input) and field.kind is RecordKind.scale:
                if self._score(widget.value) != value:
                    widget.value = "" if value is None else str(value)
            elif isinstance(widget, Input) and widget.value != str(value or ""):
                widget.value = str(value or "")

    @staticmethod
    def _score(text: str) -> int | None:
        try:
            return read_score(text)
        except ValueError:
            return None

    def _set(self, field_id: str, value: str | int | None) -> None:
        self.live.set_record(field_id, value)
        self.edited()

    def pull(self) -> None:
        pull_inputs(self, self._typed)
        pull_areas(self, self._area_typed)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        widget = event.input
        if not isinstance(widget, FieldInput):
            return
        event.stop()
        if "record-scale" in widget.classes:
            row = self.query_one(f"#{_dom_id(widget.field)}-row")
            try:
                score = read_score(event.value)
            except ValueError:
                row.set_class(True, "-invalid")
                return  # a wrong score changes nothing until it is a score
            row.set_class(False, "-invalid")
            self._set(widget.field, score)
        else:
            self._set(widget.field, event.value)

    @on(TextArea.Changed)
    def _area_typed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, FieldArea):
            event.stop()
            self._set(event.text_area.field, event.text_area.text)

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        if isinstance(event.select, FieldSelect):
            event.stop()
            self._set(event.select.field, None if event.value is Select.NULL else str(event.value))

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        event.input.cursor_position = 0

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
