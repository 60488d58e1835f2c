"""Asked when a new conversation is started with someone whose last one was not finished.

Dismisses with ``"resume"``, ``"new"`` or None (cancel: back to where you were).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from growtui.i18n import t, tn
from growtui.index import Entry
from growtui.widgets.translated import Translated


class ResumeOffer(Translated, ModalScreen[str | None]):
    DEFAULT_CSS = """
    ResumeOffer {
        #resume-dialog {
            width: 72;
            max-width: 95%;
            height: auto;
            border: thick $primary 50%;
            padding: 1 2;
        }
        #resume-buttons { height: auto; align-horizontal: right; margin-top: 1; }
        #resume-buttons Button { margin-left: 1; }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    AUTO_FOCUS = "#resume-yes"
    BINDINGS = [Binding("escape", "cancel", "key.cancel", tooltip="tip.resume_offer.cancel", id="resume-offer.cancel")]

    @classmethod
    def language(cls, entry: Entry, count: int, lang: str, *args, **kwargs) -> str:
        return lang

    def __init__(self, entry: Entry, count: int, lang: str) -> None:
        super().__init__()
        self.entry = entry
        self.count = count
        self.lang = lang

    def compose(self) -> ComposeResult:
        entry, lang = self.entry, self.lang
        topic = f" ({entry.topic})" if entry.topic else ""
        with Vertical(id="resume-dialog", classes="dialog") as dialog:
            dialog.border_title = t("resume_offer.title", lang)
            yield Static(
                tn("resume_offer.body", self.count, lang, coachee=entry.coachee, date=entry.when[:10], topic=topic),
                markup=False,
            )
            with Horizontal(id="resume-buttons"):
                yield Button(t("key.cancel", lang), id="resume-cancel")
                yield Button(t("resume_offer.new", lang), id="resume-new")
                yield Button(t("resume_offer.resume", lang), id="resume-yes", variant="primary")

    @on(Button.Pressed, "#resume-yes")
    def _resume(self) -> None:
        self.dismiss("resume")

    @on(Button.Pressed, "#resume-new")
    def _new(self) -> None:
        self.dismiss("new")

    @on(Button.Pressed, "#resume-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
