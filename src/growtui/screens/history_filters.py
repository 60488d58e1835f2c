"""The history screen's filter row: what it asks for, and searching as you type, cancelled when typed over.

The base of :class:`growtui.screens.history.HistoryScreen` (which has ``t``,
``total``, ``shown``, ``_with_index``, ``_show`` and the generation counters),
kept apart so that screen stays about loading and opening sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Select

from growtui.index import Cancelled, Entry, Index
from growtui.model import parse_date
from growtui.widgets.session_table import SessionTable

# Seconds of quiet typing before a search runs: at 0.15 a search began between two keys typed at
# an ordinary pace, and at 100,000 sessions each ran to its end (results 8.7 s after the last key)
SEARCH_DELAY = 0.3
SEARCHING_AFTER = 0.25  # a search that takes longer says so in the count


@dataclass(frozen=True)
class Filters:
    """What the filter row asks for; empty fields are None."""

    coachee: str | None
    status: str | None
    tag: str | None
    since: date | None
    until: date | None
    query: str


class HistoryFilters(Screen):
    """A screen of its own to Textual, so that its ``@on`` handlers are found; never shown alone."""

    shown: list[Entry]
    _generation: int  # bumped by every change of the filters
    _shown_generation: int  # the generation whose answer is on screen
    _search_timer: Any
    t: Callable[..., str]
    _with_index: Callable[[Callable[[Index], Any]], Any]
    _show: Callable[[list[Entry]], None]

    class Filtered(Message):
        def __init__(self, entries: list[Entry], generation: int) -> None:
            super().__init__()
            self.entries = entries
            self.generation = generation

    def filters(self) -> Filters:
        """What the filter row says now; a date that does not parse is ignored (and marked)."""

        def chosen(widget_id: str) -> str | None:
            value = self.query_one(widget_id, Select).value
            return None if value is Select.NULL else str(value)

        def day(name: str) -> date | None:
            field = self.query_one(f"#history-{name}", Input)
            text = field.value.strip()
            parsed = parse_date(text) if text else None
            field.set_class(bool(text) and parsed is None, "-invalid")
            return parsed

        return Filters(
            chosen("#history-coachee"),
            chosen("#history-status"),
            chosen("#history-tag"),
            day("since"),
            day("until"),
            self.query_one("#history-search", Input).value.strip(),
        )

    def apply_filters(self) -> None:
        self._generation += 1
        filters = self.filters()
        self._filter(filters, self._generation)
        if filters.query:  # a search of a large folder takes a moment: say so, unless it is done first
            self.set_timer(SEARCHING_AFTER, lambda generation=self._generation: self._searching(generation))

    def _searching(self, generation: int) -> None:
        if generation == self._generation and generation != self._shown_generation:
            self.query_one("#history-count", Label).update(self.t("history.searching"))

    @work(thread=True, exclusive=True, group="history-filter")
    def _filter(self, filters: Filters, generation: int) -> None:
        def stale() -> bool:  # typed on since: this answer would be dropped anyway
            return generation != self._generation

        def job(index: Index) -> list[Entry] | None:
            f = filters
            if stale():
                return None
            try:
                with index.cancellable(stale):
                    if f.query:
                        return index.search_entries(
                            f.query, coachee=f.coachee, status=f.status, since=f.since, until=f.until, tag=f.tag
                        )
                    return index.entries(coachee=f.coachee, status=f.status, since=f.since, until=f.until, tag=f.tag)
            except Cancelled:
                return None

        entries = self._with_index(job)
        if entries is not None:
            self.post_message(self.Filtered(entries, generation))

    @on(Filtered)
    def _filtered(self, message: Filtered) -> None:
        if message.generation == self._generation:  # an older, slower answer is dropped
            self._shown_generation = message.generation
            self._show(message.entries)

    @on(Select.Changed)
    def _select_changed(self) -> None:
        if self.has_class("-loaded"):
            self.apply_filters()

    @on(Input.Changed, "#history-search")
    def _search_typed(self) -> None:
        self._generation += 1  # a search still running answers what the box no longer says: it stops now
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.apply_filters)

    @on(Input.Submitted)
    @on(Input.Blurred, "#history-since, #history-until")
    def _submitted(self, event: Input.Submitted | Input.Blurred) -> None:
        self.apply_filters()
        if isinstance(event, Input.Submitted) and self.shown:
            self.query_one(SessionTable).focus()
