"""Starting and resuming sessions: what happens before the first screen (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from growtui import autosave
from growtui.errors import SessionFileError
from growtui.model.common import Lang, Phase
from growtui.model.session import ActionStatus, FollowUpItem, Session
from growtui.store import Scan, Store, Stored


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def open_actions_of(scan: Scan, coachee: str) -> tuple[Session | None, list[FollowUpItem]]:
    """The coachee's open actions from earlier sessions, newest session first.

    Returns the most recent earlier session (to link to) and one follow-up
    item per open action, oldest agreement first.
    """
    earlier = sorted((s.session for s in scan.sessions if same_person(s.session.coachee, coachee)),
                     key=lambda s: s.started_at)
    items = [
        FollowUpItem(session_id=session.id, action_id=action.id, what=action.what,
                     success_criterion=action.success_criterion)
        for session in earlier
        for action in session.will.actions
        if action.status is ActionStatus.open
    ]
    return (earlier[-1] if earlier else None), items


def new_session(store: Store, *, coachee: str, topic: str = "", minutes: int = 45,
                language: Lang | str = Lang.nl, coach: str = "", scan: Scan | None = None) -> Stored:
    """Create the file of a new session; with open earlier actions it starts with a follow-up step."""
    scan = scan if scan is not None else store.scan()
    previous, items = open_actions_of(scan, coachee)
    session = Session(coachee=coachee.strip(), topic=topic.strip(), time_box_minutes=minutes,
                      language=Lang(language), coach=coach)
    if items:
        session.follow_up.items = items
        session.previous_session = previous.id if previous else None
        session.current_phase = Phase.follow_up
    return store.create(session)


@dataclass
class Resumed:
    stored: Stored
    recovered_from: Path | None = None


def resume(store: Store, path: Path) -> Resumed:
    """Open an unfinished session, preferring a newer recovery file if a save had failed."""
    stored = store.read(path)
    recovery = autosave.find_recovery(stored.session.id)
    if recovery is not None:
        try:
            newer = recovery.stat().st_mtime > path.stat().st_mtime
            if newer:
                recovered = Store(recovery.parent).read(recovery)
                stored.session = recovered.session
                return Resumed(stored, recovery)
        except (OSError, SessionFileError):
            pass
    return Resumed(stored)
