"""What the index answers with: sessions as listed, search hits, open actions, and sync reports.

Plain named tuples and dataclasses, apart from ``index.py`` so that module
stays about the index itself; ``growtui.index.database`` re-exports every name here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from growtui.errors import Problem
from growtui.index.matching import Snippet
from growtui.storage.folder import FolderStats


class Entry(NamedTuple):
    """One session as the history shows it.

    A named tuple rather than a dataclass: ``list`` builds ten thousand of
    them, and a frozen dataclass costs several times more to make.
    """

    root: Path
    rel: str
    id: str
    coachee: str
    topic: str
    started: str  # ISO 8601, as in the file
    ended: str | None
    status: str
    phase: str
    language: str
    tags: tuple[str, ...]
    options: int
    actions: int
    done: int
    motivation: int | None
    minutes: int
    type: str = "problem-solving"
    style: str | None = None  # "coach" or "direct" when chosen

    @property
    def path(self) -> Path:
        return self.root / self.rel

    @property
    def started_at(self) -> datetime:
        return datetime.fromisoformat(self.started)

    @property
    def ended_at(self) -> datetime | None:
        return datetime.fromisoformat(self.ended) if self.ended else None

    @property
    def when(self) -> str:
        """``2026-11-03 13:30``: the start as people read it, without parsing."""
        return f"{self.started[:10]} {self.started[11:16]}"

    def listed(self) -> tuple[str, str, str, str, int, int, str, str]:
        """The row :meth:`Index.listing` gives for this session."""
        return (self.when, self.coachee, self.topic, self.status, self.done, self.actions, self.id, self.type)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": path_text(self.root, self.rel),
            "type": self.type,
            "coachee": self.coachee,
            "topic": self.topic,
            "started_at": self.started,
            "ended_at": self.ended,
            "status": self.status,
            "current_phase": self.phase,
            "language": self.language,
            "tags": list(self.tags),
            "options": self.options,
            "actions": self.actions,
            "actions_done": self.done,
            "motivation": self.motivation,
            "minutes": self.minutes,
            "style": self.style,
        }


_PREFIXES: dict[Path, str] = {}


def path_text(root: Path, rel: str) -> str:
    """``str(root / rel)`` for a ``rel`` of the index (names joined by ``/``), without making a Path.

    ``list --json`` prints ten thousand paths: a Path each took 44 ms of it.
    """
    prefix = _PREFIXES.get(root)
    if prefix is None:
        if os.sep != "/" or os.altsep:
            return str(root / rel)
        text = str(root)
        prefix = _PREFIXES.setdefault(root, text if text.endswith("/") else text + "/")
    return prefix + rel


class Hit(NamedTuple):
    entry: Entry
    snippet: Snippet


@dataclass(frozen=True)
class OpenAction:
    """An action still open from an earlier session, for the follow-up step."""

    session_id: str
    action_id: str
    what: str
    criterion: str
    due: date | None
    agreed_on: date | None
    carry_count: int
    motivation: int | None
    start: date | None = None
    inform: str = ""
    support: str = ""
    obstacles: str = ""
    owner: str = "coachee"
    coachee: str = ""  # the name as the session has it
    session_day: date | None = None  # the day of the session that holds it now


class Person(NamedTuple):
    """Someone you have talked with, as the index knows them."""

    key: str  # :func:`~growtui.index.matching.person_key` of the name
    name: str  # as the latest conversation has it
    conversations: int
    last: date  # the day of the latest conversation
    next_meeting: date | None  # as planned in the latest conversation


@dataclass
class Sync:
    """What bringing the index in step found."""

    total: int = 0
    read: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Path] = field(default_factory=list)
    plain: list[Path] = field(default_factory=list)  # in an encrypted folder: session files not encrypted
    duplicates: list[list[Path]] = field(default_factory=list)  # files that hold the same session (one id)
    unreadable: list[Path] = field(default_factory=list)  # folders that could not be listed
    half_written: list[str] = field(default_factory=list)  # first writes' temporary files in the root, to look at after


Progress = Callable[[int, int], None]
Stats = FolderStats  # what stat_files gives
