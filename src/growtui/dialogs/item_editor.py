"""What the option and action editors share: keys, live saving, the first empty field, and undoing a visit.

Every keystroke in an editor reaches the session at once (``on_change``),
so autosave has it within a second, as it has the notes: a ``kill -9`` with an
editor open loses at most the last second. Esc and Ctrl+S close the editor
and keep what was typed, like every other field; the "Undo changes" button
puts back what the item held when the editor opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, TextArea

from growtui.i18n import t
from growtui.widgets.translated import Translated


class ItemEditor(Translated, ModalScreen[dict | None]):
    """Ctrl+S or Esc closes; what was typed is in the session already. "Undo changes" undoes this visit.

    Subclasses compose the fields and implement ``fields(focus=...)`` (the
    values, or None while one is invalid), ``_raw()`` (what is typed, to
    notice changes) and ``first_empty()`` (where the cursor starts).
    """

    DEFAULT_CLASSES = "dialog-screen"
    INVALID: ClassVar[str] = "score.invalid"  # what to say when fields() refuses

    DEFAULT_CSS = """
    ItemEditor {
        #dialog {
            width: 78;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            padding: 0 1;
        }
        #title { text-style: bold; margin-bottom: 1; }
        .row { height: 1; margin-bottom: 1; }
    }
    """

    @staticmethod
    def bindings_for(lang: str) -> list[BindingType]:
        return [
            Binding("ctrl+s", "save", t("key.close", lang), id="editor.save", tooltip=t("tip.editor.save", lang)),
            Binding("escape", "save", t("key.close", lang), id="editor.close", tooltip=t("tip.editor.save", lang)),
        ]

    BINDINGS = bindings_for("en")

    @classmethod
    def language(cls, item: Any, lang: str, *args: Any, **kwargs: Any) -> str:
        return lang

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self._initial: tuple[Any, ...] = ()
        self._opened_with: dict | None = None  # the item's fields when the editor opened, to undo the visit
        self._applied: dict | None = None
        self.on_change: Callable[[dict], object] | None = None  # puts every change into the session at once

    def on_mount(self) -> None:
        self._initial = self._raw()
        self._opened_with = self._applied = self.fields(focus=False)
        field = self.first_empty()
        if field is not None:
            field.focus()
            if isinstance(field, TextArea):
                field.move_cursor(field.document.end)
            elif isinstance(field, Input):
                field.cursor_position = len(field.value)

    def first_empty(self) -> Widget | None:
        """The field the cursor starts in: the first one still empty, never the item's text selected."""
        return None

    def keep_draft(self) -> None:
        """growtui is stopping with this editor open: what is typed is in the session already; apply the last of it."""
        if self.is_mounted:
            self._apply()

    def _raw(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def fields(self, *, focus: bool = True) -> dict | None:
        raise NotImplementedError

    def _apply(self) -> None:
        fields = self.fields(focus=False)
        if fields is not None and fields != self._applied and self.on_change is not None:
            self._applied = fields
            self.on_change(fields)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _typed(self) -> None:
        if self._opened_with is not None:  # mounted: the values shown are the item's, or typed since
            self._apply()

    def action_save(self) -> None:
        """Close, keeping what was typed; a field that cannot be read (a score, a date) says so first."""
        fields = self.fields()
        if fields is None:
            self.notify(t(self.INVALID, self.lang), severity="warning")
            return
        self.dismiss(fields)

    def _undo_visit(self) -> None:
        """Put back what the item held when the editor opened (it was changed in the session as it was typed)."""
        if self._opened_with is not None and self._applied != self._opened_with and self.on_change is not None:
            self.on_change(self._opened_with)
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self._undo_visit()
