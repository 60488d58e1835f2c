"""Preparing a conversation: what a manager wants to see in the minute before a 1-on-1 (no Textual).

From the coachee's latest conversation and their open actions: the last
goal and topic, the open actions with criteria and due dates (overdue
marked), the last scale answers and motivation, the loose ends noted at the
close last time, and the days since. ``growtui prepare`` prints it; the home
screen shows it beside the form, with a place for the manager's own notes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from growtui.errors import GrowtuiError
from growtui.index import Index
from growtui.model import Session
from growtui.storage import Store


@dataclass(frozen=True)
class PreparedAction:
    what: str
    criterion: str
    due: date | None
    agreed_on: date | None
    carry_count: int
    overdue: bool
    owner: str  # "coachee", or "coach" for the manager's own commitment


@dataclass(frozen=True)
class PreparedScale:
    question: str
    score: int | None
    said: str


@dataclass
class Preparation:
    """What there is to know about a coachee before the next conversation; empty for someone new."""

    coachee: str
    conversations: int = 0
    last_date: date | None = None
    days_since: int | None = None
    last_topic: str = ""
    last_type: str = ""
    last_goal: str = ""
    long_term_goal: str = ""
    motivation: int | None = None
    scales: list[PreparedScale] = field(default_factory=list)
    loose_ends: str = ""  # what was noted at the close last time
    next_meeting: date | None = None
    actions: list[PreparedAction] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(a.overdue for a in self.actions)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("last_date", "next_meeting"):
            data[key] = data[key].isoformat() if data[key] else None
        for action in data["actions"]:
            for key in ("due", "agreed_on"):
                action[key] = action[key].isoformat() if action[key] else None
        data["overdue"] = self.overdue
        return data


def prepare(store: Store, coachee: str, today: date, index: Index | None = None) -> Preparation:
    """The preparation for a conversation with ``coachee`` (case and accents do not matter)."""
    own = index is None
    index = index or Index.of(store)
    try:
        index.sync()
        entries = index.entries(coachee=coachee)
        actions = index.open_actions(coachee)
    finally:
        if own:
            index.close()
    if not entries:
        return Preparation(coachee=coachee.strip())
    latest: Session | None = None
    for entry in entries:  # newest first; an unreadable file is skipped, the next one tells
        try:
            latest = store.read(entry.path).session
            break
        except GrowtuiError:
            continue
    found = Preparation(coachee=entries[0].coachee, conversations=len(entries))
    found.actions = [
        PreparedAction(
            a.what, a.criterion, a.due, a.agreed_on, a.carry_count, a.due is not None and a.due < today, a.owner
        )
        for a in actions
    ]
    if latest is None:
        return found
    day = latest.started_at.date()
    found.last_date, found.days_since = day, (today - day).days
    found.last_topic, found.last_type = latest.topic, latest.type
    found.last_goal, found.long_term_goal = latest.goal.session_goal, latest.goal.long_term_goal
    found.motivation = latest.will.motivation
    found.scales = [PreparedScale(s.question, s.score, s.said) for s in latest.reality.scales]
    found.loose_ends = latest.closing.notes.strip()
    found.next_meeting = latest.next_meeting
    return found


@dataclass
class Attention:
    """What needs the manager across people: overdue actions, and who is due for a conversation."""

    actions: list = field(default_factory=list)  # every open action (index OpenAction), oldest agreed first
    overdue: int = 0
    due: list[tuple[str, str]] = field(default_factory=list)  # (name, "overdue" | "due"), overdue first

    @property
    def empty(self) -> bool:
        return not self.overdue and not self.due


def attention(index: Index, today: date) -> Attention:
    """From an index in step: open and overdue actions across coachees, and who is due by their rhythm."""
    from growtui.errors import GrowtuiError
    from growtui.model import DueState, due_state
    from growtui.storage import read_rhythms, rhythm_of

    found = Attention(actions=index.all_open_actions())
    found.overdue = sum(a.due is not None and a.due < today for a in found.actions)
    try:
        rhythms = read_rhythms()
    except GrowtuiError:  # a rhythm file broken by hand: growtui coachees names it
        rhythms = {}
    ranked = []
    for person in index.people():
        days = max(0, (today - person.last).days)
        state = due_state(days, rhythm_of(rhythms, person.key, index.vault))
        if state in (DueState.overdue, DueState.due):
            ranked.append((state is not DueState.overdue, -days, person.name, state.value))
    found.due = [(name, state) for _, _, name, state in sorted(ranked)]
    return found
