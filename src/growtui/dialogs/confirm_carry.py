"""Asked before an action is carried over a third time: is this still the right action?

Dismisses with ``"carry"``, ``"drop"`` or ``None`` (cancel).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from growtui.i18n import t, tn
from growtui.model import FollowUpItem
from growtui.widgets.translated import Translated


class ConfirmCarryScreen(Translated, ModalScreen[str | None]):
    DEFAULT_CSS = """
    ConfirmCarryScreen {
        #carry-dialog {
            width: 70;
            max-width: 95%;
            height: auto;
            border: thick $warning 60%;
            padding: 1 2;
        }
        #carry-what { text-style: bold; margin-bottom: 1; }
        #carry-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        #carry-buttons Button { margin-left: 1; }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    AUTO_FOCUS = "#carry-cancel"
    BINDINGS = [Binding("escape", "cancel", "key.back", tooltip="tip.doc_back", id="carry.cancel")]

    @classmethod
    def language(cls, item: FollowUpItem, lang: str, *args, **kwargs) -> str:
        return lang

    def __init__(self, item: FollowUpItem, lang: str, days: int | None) -> None:
        super().__init__()
        self.item = item
        self.lang = lang
        self.days = days

    def compose(self) -> ComposeResult:
        with Vertical(id="carry-dialog", classes="dialog") as dialog:
            dialog.border_title = t("carry.title", self.lang)
            yield Static(Content(self.item.what), id="carry-what")
            age = tn("carry.age", self.days, self.lang) if self.days is not None else ""
            yield Static(tn("carry.body", self.item.carry_count, self.lang, age=age), id="carry-body")
            with Horizontal(id="carry-buttons"):
                yield Button(t("carry.cancel", self.lang), id="carry-cancel")
                yield Button(t("carry.drop", self.lang), id="carry-drop", variant="warning")
                yield Button(t("carry.yes", self.lang), id="carry-yes")

    @on(Button.Pressed, "#carry-yes")
    def _carry(self) -> None:
        self.dismiss("carry")

    @on(Button.Pressed, "#carry-drop")
    def _drop(self) -> None:
        self.dismiss("drop")

    @on(Button.Pressed, "#carry-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
