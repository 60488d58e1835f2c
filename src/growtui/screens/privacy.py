"""A blank screen for when someone walks by: F12 hides the conversation, F12 brings it back.

Nothing here reads the session, so it appears at once and can show nothing
of it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from growtui.config import system_language
from growtui.i18n import t
from growtui.widgets.translated import Translated


class PrivacyScreen(Translated, Screen):
    CSS_PATH = "privacy.tcss"
    BINDINGS = [
        Binding("f12", "leave", "key.privacy", tooltip="tip.privacy", id="privacy.leave", show=False),
    ]

    @classmethod
    def language(cls, lang: str | None = None, *args, **kwargs) -> str:
        return str(lang or system_language())

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        self.lang = str(lang or system_language())

    def compose(self) -> ComposeResult:
        yield Static(t("privacy", self.lang), id="privacy-note")

    def action_leave(self) -> None:
        self.app.pop_screen()
