"""Every session, newest first: filter, search everything typed, open one, or see a coachee's arc.

The list comes from the index (see ``growtui.index.database``), brought in step with
the files in a thread worker when the screen opens; a first build shows a
progress bar. Filtering and searching run in a worker too, and the table
draws only the rows on screen, so ten thousand sessions feel like ten.
"""

from __future__ import annotations

import threading

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Input, Label, ProgressBar, Select, Static

from growtui.errors import Problem
from growtui.i18n import t, tn
from growtui.index import Entry, Index, Sync
from growtui.screens.history_filters import HistoryFilters
from growtui.screens.messages import BackRequested, ReopenRequested, SessionDeleted
from growtui.storage import Store
from growtui.widgets.session_table import SessionTable
from growtui.widgets.translated import Translated


class HistoryScreen(Translated, HistoryFilters):
    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#history-table"
    BINDINGS = [
        Binding("escape", "back", "key.back", tooltip="tip.history_back", id="history.back"),
        Binding("ctrl+f", "focus_search", "key.search", tooltip="tip.search", id="history.search"),
        Binding("ctrl+g", "arc", "key.arc", tooltip="tip.arc", id="history.arc"),
        Binding("ctrl+r", "clear_filters", "key.clear", tooltip="tip.clear", id="history.clear"),
        Binding("ctrl+e", "reopen", "key.reopen", tooltip="tip.reopen", id="history.reopen", show=False),
        Binding(  # not in the footer (six keys there already): F1 and the help text name it
            "delete",
            "delete",
            "key.delete_session",
            tooltip="tip.delete_session",
            id="history.delete",
            show=False,
            key_display="Delete",
        ),
    ]

    @classmethod
    def language(cls, store, lang, *args, **kwargs) -> str:
        return lang

    @staticmethod
    def help_for(lang: str) -> str:
        return t("history.help", lang)

    class Synced(Message):
        def __init__(self, sync: Sync, entries: list[Entry], coachees: list[str], tags: list[str]) -> None:
            super().__init__()
            self.sync = sync
            self.entries = entries
            self.coachees = coachees
            self.tags = tags

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(self, store: Store, lang: str, *, coachee: str | None = None, index: Index | None = None) -> None:
        super().__init__()
        self.store = store
        self.lang = str(lang)
        self.index = index
        self._index_lock = threading.Lock()
        self._initial_coachee = coachee
        self._generation = 0
        self._shown_generation = 0  # the generation of the filters whose answer is on screen
        self._search_timer: Timer | None = None
        self.total = 0
        self.shown: list[Entry] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    # --- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        table = SessionTable(
            [
                (self.t("history.col.date"), 16, lambda e: e.when),
                (self.t("history.col.coachee"), 18, lambda e: e.coachee),
                (self.t("history.col.topic"), None, lambda e: e.topic),
                (self.t("history.col.status"), 10, lambda e: self.t(f"history.status.{e.status}")),
                (self.t("history.col.actions"), 7, lambda e: f"{e.done}/{e.actions}" if e.actions else "–"),
            ],
            id="history-table",
        )
        with Vertical(id="history-filters"):
            with Horizontal(classes="filter-row"):
                yield Input(id="history-search", placeholder=self.t("history.search.placeholder"), compact=True)
                yield Select(
                    [(self.t(f"history.status.{s}"), s) for s in ("in_progress", "completed")],
                    prompt=self.t("history.status.all"),
                    id="history-status",
                    compact=True,
                )
            with Horizontal(classes="filter-row"):
                yield Select([], prompt=self.t("history.coachee.all"), id="history-coachee", compact=True)
                yield Select([], prompt=self.t("history.tag.all"), id="history-tag", compact=True)
                yield Label(self.t("history.since"), classes="filter-label")
                yield Input(id="history-since", placeholder=self.t("history.date.placeholder"), compact=True)
                yield Label(self.t("history.until"), classes="filter-label")
                yield Input(id="history-until", placeholder=self.t("history.date.placeholder"), compact=True)
        yield Static(id="history-header")
        yield table
        with Horizontal(id="history-status-line"):
            yield Label(self.t("history.loading"), id="history-count")
            yield ProgressBar(id="history-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#history-progress").display = False
        self.load()

    def on_resize(self) -> None:
        self._draw_header()

    def _draw_header(self) -> None:
        table = self.query_one(SessionTable)
        width = table.scrollable_content_region.width or self.size.width
        self.query_one("#history-header", Static).update(table.header(width))

    # --- loading ---------------------------------------------------------------------

    def _with_index(self, job):
        """The index is used from worker threads, one at a time."""
        with self._index_lock:
            if self.index is None:
                self.index = Index.of(self.store)
            return job(self.index)

    @work(thread=True, exclusive=True, group="history-load")
    def load(self) -> None:
        def job(index: Index) -> HistoryScreen.Synced:
            def progress(done: int, total: int) -> None:
                self.post_message(self.Progress(done, total))

            sync = index.sync(progress)
            return self.Synced(sync, index.entries(), index.coachees(), index.tags())

        try:
            message = self._with_index(job)
        except OSError as exc:
            message = self.Synced(
                Sync(problems=[Problem(self.store.root, exc.strerror or type(exc).__name__)]), [], [], []
            )
        self.post_message(message)

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        bar = self.query_one("#history-progress", ProgressBar)
        bar.display = message.done < message.total
        bar.update(total=message.total, progress=message.done)
        self.query_one("#history-count", Label).update(
            self.t("history.indexing", done=message.done, total=message.total)
        )

    @on(Synced)
    def _synced(self, message: Synced) -> None:
        self.query_one("#history-progress").display = False
        self.total = len(message.entries)
        self.add_class("-loaded")
        coachee = self.query_one("#history-coachee", Select)
        coachee.set_options((name, name) for name in message.coachees)
        self.query_one("#history-tag", Select).set_options((tag, tag) for tag in message.tags)
        if self._initial_coachee and self._initial_coachee in message.coachees:
            coachee.value = self._initial_coachee  # triggers a filter
        self._show(message.entries)
        self._draw_header()
        self._report(message.sync)

    def _report(self, sync: Sync) -> None:
        if sync.problems or sync.unreadable:
            names = [*(p.path.name for p in sync.problems), *(p.name for p in sync.unreadable)]
            files = ", ".join(names[:5])
            self.notify(
                tn("home.problems", len(names), self.lang, files=files),
                severity="warning",
                timeout=15,
                markup=False,
            )
        if sync.conflicts:
            files = ", ".join(p.name for p in sync.conflicts[:5])
            self.notify(
                tn("home.conflicts", len(sync.conflicts), self.lang, files=files),
                severity="warning",
                timeout=15,
                markup=False,
            )
        for paths in sync.duplicates[:3]:
            files = ", ".join(p.name for p in paths)
            self.notify(tn("home.duplicates", len(paths), self.lang, files=files), severity="warning", markup=False)
        if sync.plain:
            files = ", ".join(p.name for p in sync.plain[:5])
            self.notify(tn("home.plain", len(sync.plain), self.lang, files=files), severity="warning", markup=False)

    def _show(self, entries: list[Entry]) -> None:
        table = self.query_one(SessionTable)
        self.shown = entries
        table.set_rows(entries, keep=table.current)
        count = (
            tn("history.count", len(entries), self.lang)
            if len(entries) == self.total
            else tn("history.count_filtered", self.total, self.lang, shown=len(entries))
        )
        self.query_one("#history-count", Label).update(count)
        self.set_class(not entries, "-empty")
        self.refresh_bindings()

    # --- actions ---------------------------------------------------------------------

    @on(SessionTable.Chosen)
    def open_entry(self, event: SessionTable.Chosen) -> None:
        from growtui.screens.document import SessionDocumentScreen

        self.app.push_screen(SessionDocumentScreen(self.store, event.entry.path, self.lang))

    def action_arc(self) -> None:
        entry = self.query_one(SessionTable).current
        coachee = self.query_one("#history-coachee", Select).value
        name = coachee if coachee is not Select.NULL else (entry.coachee if entry else None)
        if name:
            from growtui.screens.document import CoacheeArcScreen

            self.app.push_screen(CoacheeArcScreen(self.store, str(name), self.lang))

    def action_reopen(self) -> None:
        """The highlighted conversation in the session screen: go on with it, or correct a finished one."""
        entry = self.query_one(SessionTable).current
        if entry is not None:
            self.post_message(ReopenRequested(entry.path))

    def action_delete(self) -> None:
        """The highlighted conversation to the trash, after asking; ``growtui restore`` brings it back."""
        from growtui.dialogs.delete_session import delete_question

        def decided(yes: bool | None) -> None:
            if yes and entry is not None:
                self._delete(entry)

        entry = self.query_one(SessionTable).current
        if entry is not None:
            self.app.push_screen(delete_question(entry, self.lang), decided)

    @work(thread=True, exclusive=True, group="history-delete")
    def _delete(self, entry: Entry) -> None:
        from growtui.dialogs.delete_session import why_not_deleted
        from growtui.erasure import delete_session
        from growtui.errors import GrowtuiError

        try:
            self._with_index(lambda index: delete_session(self.store, entry.path, index=index))
        except (GrowtuiError, OSError) as exc:
            self.post_message(SessionDeleted(entry, why_not_deleted(exc, self.lang)))
        else:
            self.post_message(SessionDeleted(entry))

    @on(SessionDeleted)
    def _deleted(self, message: SessionDeleted) -> None:
        entry = message.entry
        if message.failed is not None:
            self.notify(message.failed, severity="error", timeout=15, markup=False)
            return
        self.total = max(0, self.total - 1)
        self.notify(
            self.t("history.deleted", coachee=entry.coachee, when=entry.when, id=entry.id), timeout=10, markup=False
        )
        self.apply_filters()

    def action_focus_search(self) -> None:
        self.query_one("#history-search", Input).focus()

    def action_clear_filters(self) -> None:
        for widget_id in ("#history-coachee", "#history-status", "#history-tag"):
            self.query_one(widget_id, Select).clear()
        for widget_id in ("#history-search", "#history-since", "#history-until"):
            self.query_one(widget_id, Input).value = ""
        self.apply_filters()
        self.query_one(SessionTable).focus()

    def action_back(self) -> None:
        if not isinstance(self.focused, SessionTable):
            self.query_one(SessionTable).focus()
        else:
            self.post_message(BackRequested())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("arc", "reopen"):
            return bool(self.shown)
        if action == "delete":
            return self.query_one(SessionTable).current is not None
        return True

    def on_unmount(self) -> None:
        if self.index is not None:
            with self._index_lock:
                self.index.close()
