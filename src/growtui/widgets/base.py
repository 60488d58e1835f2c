"""What every phase panel shares: the live session, the language, and one message up.

A panel gets the LiveSession (attributes down), changes the session only
through its methods, and posts ``SessionEdited`` (a message up) after every
change so the screen can schedule an autosave and refresh the stepper.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from growtui.i18n import t
from growtui.live import LiveSession


class SessionEdited(Message):
    """Something in the session changed; the screen autosaves within a second."""


class PhasePanel(Widget):
    """Base for the structured part of a phase (goal form, options table ...)."""

    DEFAULT_CSS = """
    PhasePanel { height: auto; }
    """

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live

    def t(self, key: str, **values: object) -> str:
        return t(key, self.live.lang, **values)

    def edited(self) -> None:
        self.post_message(SessionEdited())

    def refresh_from_session(self) -> None:
        """Re-read the session (after an undo elsewhere, a language switch ...). Override."""
