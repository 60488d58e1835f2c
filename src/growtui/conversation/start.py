"""Starting and resuming sessions: what happens before the first screen (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from growtui.conversation.merging import merge
from growtui.crypto import seal_file
from growtui.errors import GrowtuiError, SessionFileError, StoreWriteError
from growtui.model import (
    MAX_PREPARED_QUESTIONS,
    ActionStatus,
    ConversationType,
    FollowUpItem,
    Lang,
    Outcome,
    Phase,
    PreparationSection,
    Session,
    Status,
    Style,
    StyleCheck,
    StyleChoice,
    now,
    review_status,
)
from growtui.storage import (
    SessionLock,
    Store,
    Stored,
    base_path_for,
    clear_draft,
    clear_recovery,
    find_file,
    find_recovery,
)

if TYPE_CHECKING:
    from growtui.index import Entry, Index

DEFAULT_MINUTES = 45


def follow_up_items(index: Index, coachee: str) -> list[FollowUpItem]:
    """One follow-up item per action the coachee still has open, oldest agreement first."""
    return [
        FollowUpItem(
            session_id=a.session_id,
            action_id=a.action_id,
            what=a.what,
            success_criterion=a.criterion,
            start=a.start,
            when=a.due,
            inform=a.inform,
            support=a.support,
            obstacles=a.obstacles,
            agreed_on=a.agreed_on,
            motivation=a.motivation,
            carry_count=a.carry_count,
            owner=a.owner,
        )
        for a in index.open_actions(coachee)
    ]


def new_session(
    store: Store,
    *,
    coachee: str,
    topic: str = "",
    minutes: int | None = None,
    language: Lang | str = Lang.nl,
    coach: str = "",
    index: Index | None = None,
    kind: ConversationType | None = None,
    tags: Sequence[str] = (),
    preparation: tuple[str, list[str]] = ("", []),
    look_back: bool = True,
) -> Stored:
    """A new session, not yet on disk: it opens in the Opening; earlier open actions wait in the follow-up step.

    ``kind`` is the conversation type (default: problem-solving's phases);
    it gives the phases, the time box when ``minutes`` is not given, and, for
    a type that always coaches or always directs, the style. The file is
    written by the first save that has something in it, so a conversation
    in which nothing was typed leaves no file behind.

    ``look_back=False``: the index is not read; the app does that after the
    first frame (``earlier_of``, then ``apply_earlier``), so nothing before
    the screen grows with the folder.
    """
    earlier = earlier_of(store, coachee, index=index) if look_back else None
    try:
        session = Session(
            coachee=coachee.strip(),
            topic=topic.strip(),
            time_box_minutes=minutes or (kind.minutes if kind is not None else DEFAULT_MINUTES),
            language=Lang(language),
            coach=coach,
        )
    except ValidationError as exc:  # an empty name, or bytes from the command line that are not UTF-8
        fields = ", ".join(str(e["loc"][0]) for e in exc.errors())
        raise GrowtuiError(
            f"cannot start a session with this {fields}: it is empty or holds characters that are not text (not UTF-8)"
        ) from None
    if kind is not None:
        session.type, session.phases = kind.id, kind.phase_ids()
        session.current_phase = session.phases[0]
        if kind.style is not Style.ask:  # the type settles it: no check at the start
            session.style = StyleCheck(chosen=StyleChoice(kind.style.value))
    session.tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
    notes, questions = preparation
    session.preparation = PreparationSection(notes=notes, questions=questions[:MAX_PREPARED_QUESTIONS])
    if earlier is not None:
        apply_earlier(session, earlier)
    stored = Stored(store.path_for(session), session)  # no file until something is typed: see LiveSession.worth_saving
    if notes.strip():  # the manager's preparation is on disk before its draft goes
        store.save(stored)
        from growtui.index import person_key

        clear_draft(store.root, person_key(session.coachee))
    return stored


@dataclass(frozen=True)
class Earlier:
    """What the index knows of a coachee when a conversation with them starts."""

    previous: str | None  # the id of their latest other conversation
    items: list[FollowUpItem]  # their open actions, for the follow-up step
    unfinished: list[Entry]  # their other conversations that were not finished, newest first


def earlier_of(store: Store, coachee: str, *, exclude: str | None = None, index: Index | None = None) -> Earlier:
    """Sync the index and look up the coachee's earlier conversations; ``exclude``: the one just started."""
    from growtui.index import Index  # and SQLite: after the first frame (growtui.looking_back)

    own_index = index is None
    index = index or Index.of(store)
    try:
        index.sync()
        entries = [e for e in index.entries(coachee=coachee) if e.id != exclude]
        items = follow_up_items(index, coachee)
    finally:
        if own_index:
            index.close()
    unfinished = [e for e in entries if e.status == "in_progress"]
    return Earlier(entries[0].id if entries else None, items, unfinished)


def apply_earlier(session: Session, earlier: Earlier) -> bool:
    """Link the new session to the earlier ones and put the open actions in its follow-up step.

    Only what is still empty is filled (the manager may have started the
    follow-up already). True when the follow-up step got items.
    """
    if earlier.previous is not None and session.previous_session is None:
        session.previous_session = earlier.previous
    if earlier.items and Phase.follow_up in session.phases and not session.follow_up.items:
        session.follow_up.items = list(earlier.items)  # reviewed right after the opening
        return True
    return False


# --- writing the review back into the earlier sessions -------------------------------


def record_reviews(store: Store, session: Session, found: dict[str, Path] | None = None) -> list[str]:
    """Write each follow-up outcome into the earlier session, as its action's status.

    Only actions this session reviewed (or nobody did yet) are touched. A file
    that is open in growtui elsewhere, unreadable or changed meanwhile is
    skipped and tried again on the next save; the review is safe in this
    session's file anyway, and the index treats it as settled. Returns the
    ids of sessions that could not be updated.

    ``found`` remembers, from one call to the next, which file holds each
    earlier session: looking a file up by its id lists the whole folder
    (100,000 names at 100,000 sessions), and every change of an outcome
    saves again. A remembered file is used only while it is still there.
    """
    wanted: dict[str, dict[str, tuple[ActionStatus, Outcome | None, str | None]]] = {}
    for item in session.follow_up.items:
        status = review_status(item.outcome, item.decision)
        reviewed = item.outcome is not None or item.decision is not None
        wanted.setdefault(item.session_id, {})[item.action_id] = (
            status,
            item.outcome,
            session.id if reviewed else None,
        )
    skipped = []
    found = {} if found is None else found
    for session_id, targets in wanted.items():
        remembered = found.pop(session_id, None)
        written: bool | None = None
        for path in [remembered, None] if remembered is not None and remembered.is_file() else [None]:
            path = path or find_file(store.root, session_id)  # None: look it up by its name (now)
            if path is None:
                break
            written = _write_outcomes(store, path, session_id, targets, session.id)
            if written is not None:
                found[session_id] = path
                break
        if not written:
            skipped.append(session_id)
    return skipped


def _write_outcomes(store: Store, path: Path, session_id: str, targets: dict, reviewer: str) -> bool | None:
    """The outcomes into the earlier session's file: True when it holds them, False when it could not be
    written (locked, unreadable), None when the file holds another session by now (renamed over)."""
    try:
        with SessionLock(path):
            stored = store.read(path)
            if stored.session.id != session_id:
                return None
            changed = False
            for action in stored.session.will.actions:
                target = targets.get(action.id)
                if target is None or action.reviewed_in not in (None, reviewer):
                    continue
                if (action.status, action.outcome, action.reviewed_in) != target:
                    action.status, action.outcome, action.reviewed_in = target
                    changed = True
            if changed:
                store.save(stored)
    except GrowtuiError:
        return False
    return True


class ReviewRecorder:
    """Calls :func:`record_reviews` after a save, but only when the review itself changed."""

    def __init__(self, store: Store):
        self.store = store
        self._written: tuple | None = None
        self._found: dict[str, Path] = {}  # session id -> its file, as record_reviews found it

    def __call__(self, session: Session) -> None:
        signature = tuple((i.key, i.outcome, i.decision) for i in session.follow_up.items)
        if not signature or signature == self._written:
            return
        if not record_reviews(self.store, session, self._found):
            self._written = signature


@dataclass
class Resumed:
    """An unfinished session opened again, and what became of a recovery file it had.

    ``outcome``: ``None`` (there was none, or it held nothing new), ``"recovered"`` (the file was
    as growtui left it: the recovered text is the session), ``"merged"`` (the file was changed
    outside growtui too, in other fields: both are in the session), ``"conflict"`` (both changed
    the same field: the file opens as it is, the recovered version is kept beside it as
    ``conflict_copy``). ``saved``: the recovered text reached the session file already.
    """

    stored: Stored
    recovered_from: Path | None = None
    outcome: str | None = None
    conflict_copy: Path | None = None
    conflicts: list[str] = field(default_factory=list)
    saved: bool = False


def _read_copy(store: Store, path: Path) -> Session | None:
    try:
        return Store(path.parent, store.vault).read(path).session
    except SessionFileError:
        return None


def resume(store: Store, path: Path) -> Resumed:
    """Open an unfinished session; text kept in a recovery file after a failed save is never lost.

    A change made outside growtui is never overwritten unseen: the recovery
    file is compared with the file on disk through the base kept with it
    (what growtui last saw there). Only one side changed: that side is
    taken, field by field, and written. Both changed a field: the file is
    left as it is and the recovered version goes beside it as a conflict copy,
    which every listing reports. The recovery file is removed as soon as its
    text is safely on disk, in the session file or in the copy.
    """
    stored = store.read(path)
    if store.vault is not None and not stored.sealed:
        # A plain file in an encrypted folder (left by an interrupted encrypt, or put there): sealed
        # before anything is written, under the name without the coachee's. SessionFileError if not.
        stored = store.read(seal_file(path, store.vault))
    session_id = stored.session.id
    recovery = find_recovery(session_id)
    recovered = None if recovery is None else _read_copy(store, recovery)
    if recovery is None or recovered is None:
        return Resumed(stored)  # none, or one that does not open: left as it is
    disk = stored.session
    if recovered == disk:
        clear_recovery(session_id)
        return Resumed(stored)
    base_file = base_path_for(recovery)
    base = _read_copy(store, base_file) if base_file.is_file() else None
    merged, conflicts = merge(base, disk, recovered) if base is not None else (None, ["the whole session"])
    if merged is None:
        copy = store.keep_conflict_copy(stored.path, recovered, now())  # StoreWriteError: the recovery file stays
        clear_recovery(session_id)
        return Resumed(stored, recovery, "conflict", copy, conflicts, saved=True)
    stored.session = merged
    outcome = "recovered" if disk == base else "merged"
    try:
        store.save(stored)
    except StoreWriteError:
        stored.on_disk = disk  # still refused: autosave goes on from here, against what the file holds
        return Resumed(stored, recovery, outcome)
    clear_recovery(session_id)
    return Resumed(stored, recovery, outcome, saved=True)


def reopen(store: Store, path: Path) -> Resumed:
    """Open a finished conversation for corrections: its end stays, the correction is recorded."""
    resumed = resume(store, path)
    session = resumed.stored.session
    if session.status is Status.completed:
        session.corrected_at.append(now())
    return resumed
