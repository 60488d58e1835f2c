"""What screens ask of the app. Screens post these; the app decides (attributes down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from growtui.index import Entry
    from growtui.screens.session import SessionScreen


@dataclass(frozen=True)
class NewConversation:
    """What a new conversation starts with: from the home form or the command line."""

    coachee: str
    topic: str = ""
    minutes: int | None = None  # None: the kind's time box (problem-solving: the config's)
    language: str = "nl"
    type_id: str | None = None
    tags: tuple[str, ...] = ()
    preparation: tuple[str, list[str]] = ("", [])  # the manager's notes and questions picked in advance


class BackRequested(Message):
    """The screen on top is done: show the one under it, or the home screen."""


@dataclass
class HistoryRequested(Message):
    """Open the history, of one coachee or of everyone."""

    coachee: str | None = None


@dataclass
class SessionFinished(Message):
    """The conversation on this screen was finished and saved: close it."""

    screen: SessionScreen


@dataclass
class SessionScreenRebuilt(Message):
    """The session screen was built again (in the other language): show ``new`` instead of ``old``."""

    old: SessionScreen
    new: SessionScreen


@dataclass
class ReopenRequested(Message):
    """Open this session in the session screen: to go on with it, or a finished one for corrections."""

    path: Path


@dataclass
class SessionDeleted(Message):
    """A deletion from the history ended: in the trash (``failed`` None), or not, and why."""

    entry: Entry
    failed: str | None = None
