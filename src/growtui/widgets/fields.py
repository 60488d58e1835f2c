"""Form fields that know what they edit, and the 1-10 score field.

A field carries its own ``field`` (and the ``item`` it belongs to, where a
panel shows several), so a handler reads ``event.input.field`` instead of
taking a widget id apart. Ids stay for CSS and for tests to find a field.
"""

from __future__ import annotations

from typing import Any

from textual.validation import Integer
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
