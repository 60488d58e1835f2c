"""What the option and action editors share: keys, saving, and care with unsaved edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Button

from growtui.i18n import t
from growtui.widgets.translated import Translated


class ItemEditor(Translated, ModalScreen[dict | None]):
    """Ctrl+S keeps the changes; Esc closes without them (twice when something changed).

    Subclasses compose the fields and implement ``fields()`` (the values, or
    None when one is invalid) and ``_raw()`` (what is typed, to notice
    changes); they set ``self._initial = self._raw()`` once mounted.
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
            Binding("ctrl+s", "save", t("key.save", lang), id="editor.save", tooltip=t("tip.editor.save", lang)),
            Binding(
                "escape", "cancel", t("key.cancel", lang), id="editor.cancel", tooltip=t("tip.editor.cancel", lang)
            ),
        ]

    BINDINGS = bindings_for("en")

    @classmethod
    def language(cls, item: Any, lang: str, *args: Any, **kwargs: Any) -> str:
        return lang

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self._warned = False
        self._initial: tuple[Any, ...] = ()
        self.on_quit: Callable[[dict], object] | None = None  # keeps the changes when growtui must stop now

    def keep_draft(self) -> None:
        """growtui is stopping (quit, closed terminal, a signal, an error) with this editor open.

        What was typed here is kept, as if Ctrl+S had been pressed: words typed
        are never lost because a window was still open.
        """
        if self.on_quit is None or not self.is_mounted or self._raw() == self._initial:
            return
        fields = self.fields()
        if fields is not None:
            self.on_quit(fields)

    def _raw(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def fields(self) -> dict | None:
        raise NotImplementedError

    def action_save(self) -> None:
        fields = self.fields()
        if fields is None:
            self.notify(t(self.INVALID, self.lang), severity="warning")
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        if self._raw() != self._initial and not self._warned:
            self._warned = True
            self.notify(t("editor.unsaved", self.lang), severity="warning")
            return
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)  # a deliberate click, unlike a habitual Esc
