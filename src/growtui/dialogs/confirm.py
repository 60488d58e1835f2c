"""A yes-or-no question before something that is hard to take back. Dismisses with True or False."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from growtui.i18n import t
from growtui.widgets.translated import Translated


class Confirm(Translated, ModalScreen[bool]):
    DEFAULT_CSS = """
    Confirm {
        #confirm-dialog {
            width: 64;
            max-width: 95%;
            height: auto;
            border: thick $warning 60%;
            padding: 1 2;
        }
        #confirm-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        #confirm-buttons Button { margin-left: 1; }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    AUTO_FOCUS = "#confirm-no"
    BINDINGS = [Binding("escape", "no", "key.cancel", tooltip="tip.confirm.no", id="confirm.no")]

    @classmethod
    def language(cls, title: str, body: str, yes: str, lang: str, *args, **kwargs) -> str:
        return lang

    def __init__(self, title: str, body: str, yes: str, lang: str) -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.lang = title, body, yes, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(self.body, markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(t("key.cancel", self.lang), id="confirm-no")
                yield Button(self.yes, id="confirm-yes", variant="warning")

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(False)
