"""What every phase panel shares: the live session, the language, and one message up.

A panel gets the LiveSession (attributes down), changes the session only
through its methods, and posts ``SessionEdited`` (a message up) after every
change so the screen can schedule an autosave and refresh the stepper.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.i18n import t
from growtui.widgets.fields import HearsFields


class SessionEdited(Message):
    """Something in the session changed; the screen autosaves within a second."""


class PhasesChanged(Message):
    """The conversation's phases changed (the directed part came or went): the stepper and the phases follow."""


class PhasePanel(HearsFields, Widget):
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

    def taken_down(self) -> bool:
        """True while the panel is being removed (its children go first, e.g. when growtui quits just as a
        hidden phase is mounted): its mount and resize then have nothing left to fill."""
        return not self.children

    def refresh_from_session(self) -> None:
        """Re-read the session (after an undo elsewhere, a language switch ...). Override."""

    def pull(self) -> None:
        """A change typed into a field that its Changed message has not brought yet, into the session now
        (see HearsFields). The message still comes and changes nothing more. Override where there are fields."""


def pull_panels(root: Widget) -> None:
    """Every panel's fields under ``root`` into the session now (see PhasePanel.pull), without a SessionEdited
    for each: the one who asked saves."""
    with root.prevent(SessionEdited):
        for panel in root.query(PhasePanel):
            panel.pull()


class ItemDraft:
    """A new option or action that is in the session from its first keystroke.

    Typing creates the item, further typing updates its text, emptying the
    line removes it again, Enter keeps it and starts afresh. So autosave
    has the text before Enter, like notes.
    """

    def __init__(
        self, add: Callable[[str], Any], update: Callable[[str, str], Any], remove: Callable[[str], Any]
    ) -> None:
        self._add, self._update, self._remove = add, update, remove
        self.item_id: str | None = None
        self._text = ""

    def typed(self, text: str) -> str | None:
        """Follow the line as it is typed; returns the id of the item it changed."""
        text = text.strip()
        if self.item_id is None:
            if text:
                self.item_id = self._add(text).id
        elif not text:
            self._remove(self.item_id)
            self.item_id = None
        elif text != self._text:  # not the same line twice (a quit's pull, then its message; a trailing space)
            self._update(self.item_id, text)
        self._text = text
        return self.item_id

    def done(self) -> str | None:
        """Enter: keep the item; the next keystroke starts a new one."""
        item_id, self.item_id, self._text = self.item_id, None, ""
        return item_id
