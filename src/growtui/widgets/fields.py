"""Form fields that know what they edit, and the 1-10 score field.

A field carries its own ``field`` (and the ``item`` it belongs to, where a
panel shows several), so a handler reads ``event.input.field`` instead of
taking a widget id apart. Ids stay for CSS and for tests to find a field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.validation import Integer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from growtui.i18n import t


class FieldInput(Input):
    """A one-line field for ``field`` of ``item`` (an index or id; None when the panel has one of each).

    ``typing_label`` is what the session screen's top bar says while typing goes here.
    """

    def __init__(
        self, value: str = "", *, field: str, item: int | str | None = None, typing_label: str = "", **kwargs: Any
    ) -> None:
        super().__init__(value, **kwargs)
        self.field = field
        self.item = item
        self.typing_label = typing_label
        self.heard = value  # what the session last took from here (see HearsFields)


class FieldSelect(Select[Any]):
    """A choice for ``field`` of ``item``."""

    def __init__(
        self, options: Any, *, field: str, item: int | str | None = None, typing_label: str = "", **kwargs: Any
    ) -> None:
        super().__init__(options, **kwargs)
        self.field = field
        self.item = item
        self.typing_label = typing_label


class FieldArea(TextArea):
    """A field that wraps over several lines, for ``field`` of ``item``."""

    def __init__(
        self, text: str = "", *, field: str, item: int | str | None = None, typing_label: str = "", **kwargs: Any
    ) -> None:
        super().__init__(text, **kwargs)
        self.field = field
        self.item = item
        self.typing_label = typing_label
        self.heard = text


class HearsFields:
    """For the widgets whose handlers put their fields into the session.

    A key typed just before Ctrl+Q, a signal or F8 is in its field while its Changed message still waits in
    the queue. Textual calls these after the subclass's own handlers of the message, so a field whose value
    differs from ``heard`` has a change no handler has taken yet: :func:`pull_inputs` hands it over at once.
    Only those: a field the session changed under (a motivation given as an answer) must not be written back.
    """

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FieldInput):
            event.input.heard = event.value

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, FieldArea):
            event.text_area.heard = event.text_area.text


def pull_inputs(root: Widget, typed: Callable[[Input.Changed], object], selector: str = "FieldInput") -> None:
    """Each field under ``root`` with a change not yet taken, handed to its handler ``typed`` now."""
    for field in root.query(selector):
        if isinstance(field, FieldInput) and field.value != field.heard:
            value = field.value
            typed(Input.Changed(field, value))
            field.heard = value


def pull_areas(root: Widget, typed: Callable[[TextArea.Changed], object]) -> None:
    for area in root.query(FieldArea):
        if area.text != area.heard:
            text = area.text
            typed(TextArea.Changed(area))
            area.heard = text


class NotesArea(TextArea):
    """The free notes of one phase."""

    def __init__(self, text: str, *, phase: str, **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self.phase = phase

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)  # a resumed conversation goes on where the notes stopped


class TickBox(Checkbox):
    """A checkbox that shows a tick when ticked and nothing when not (Textual's shows an X either way)."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "
        super().watch_value()
        self.refresh()

    def on_mount(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "


def score_input(value: int | None, lang: str, *, field: str = "score", typing_label: str = "", **kwargs: Any) -> Input:
    """A 1-10 score field: digits only, empty allowed, anything else marked invalid."""
    return FieldInput(
        "" if value is None else str(value),
        field=field,
        typing_label=typing_label,
        type="integer",
        max_length=2,
        valid_empty=True,
        validators=[Integer(1, 10, failure_description=t("score.invalid", lang))],
        compact=True,
        **kwargs,
    )


def read_score(text: str) -> int | None:
    """The score in a field checked by ``score_input``; ValueError when it is not 1-10."""
    if not text.strip():
        return None
    score = int(text)
    if not 1 <= score <= 10:
        raise ValueError(text)
    return score
