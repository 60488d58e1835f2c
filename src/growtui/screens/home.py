"""The first screen: start a new conversation, resume an unfinished one, see recent ones.

The screen never opens sessions itself: it posts ``StartRequested`` or
``ResumeRequested`` and the app decides. Scanning the sessions folder runs in
a thread worker that only posts ``SessionsScanned``; the handler fills the lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.validation import Integer
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from growtui.config import Config
from growtui.errors import Problem
from growtui.i18n import phase_name, t
from growtui.index.matching import person_key
from growtui.model import Status
from growtui.screens.folder_report import report_scan
from growtui.screens.home_around import AroundTheConversation
from growtui.screens.messages import HistoryRequested, NewConversation
from growtui.storage import Store, find_recovery
from growtui.widgets.preparation_panel import PreparationPanel
from growtui.widgets.translated import Translated

if TYPE_CHECKING:
    from growtui.index import Entry, Sync
    from growtui.library import Library

DEFAULT_TYPE = "problem-solving"  # growtui.model.DEFAULT_TYPE

MIN_MINUTES, MAX_MINUTES = 5, 480
RECENT_COUNT = 10
LANGUAGES = [("Nederlands", "nl"), ("English", "en")]


class HomeScreen(AroundTheConversation, Translated, Screen):
    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#coachee"

    @classmethod
    def language(cls, store, config, lang, *args, **kwargs) -> str:
        return lang

    @staticmethod
    def help_for(lang: str) -> str:
        return t("home.help", lang)

    BINDINGS = [
        Binding("ctrl+n", "focus_new", "key.new", tooltip="tip.new", id="home.new"),
        Binding("ctrl+r", "focus_resume", "key.resume", tooltip="tip.resume", id="home.resume"),
        Binding("ctrl+l", "focus_recent", "key.recent", tooltip="tip.recent", id="home.recent"),
        Binding("f3", "history", "key.history", tooltip="tip.history", id="home.history", key_display="F3"),
        Binding("ctrl+o", "pick_ahead", "key.pick_ahead", tooltip="tip.pick_ahead", id="home.pick_ahead"),
        Binding("f4", "actions", "key.actions", tooltip="tip.actions", id="home.actions", key_display="F4"),
        Binding("f6", "rhythm", "key.rhythm", tooltip="tip.rhythm", id="home.rhythm", key_display="F6", show=False),
    ]

    class SessionsScanned(Message):
        """The sessions folder was read (in a worker)."""

        def __init__(
            self, entries: list[Entry], names: list[str], sync: Sync, recovered: frozenset[str], attention=None
        ) -> None:
            super().__init__()
            self.attention = attention
            self.entries = entries  # newest first
            self.names = names
            self.sync = sync
            self.recovered = recovered  # ids of unfinished sessions with a recovery file

    class StartRequested(Message):
        """The manager wants to start a new conversation."""

        def __init__(self, request: NewConversation) -> None:
            super().__init__()
            self.request = request
            self.coachee, self.topic, self.minutes, self.language = (
                request.coachee,
                request.topic,
                request.minutes,
                request.language,
            )

    class ResumeRequested(Message):
        """The manager wants to go on with an unfinished conversation."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, store: Store, config: Config, lang: str, library: Library | None = None) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.lang = str(lang)
        self.library = library
        self.last_type: dict[str, str] = {}  # person key -> the type of their latest conversation
        self.attention = None  # overdue actions and who is due, from the last scan
        self._kind_by_hand = False
        self.unfinished: list[Entry] = []
        self.recent: list[Entry] = []
        self.coachee_names: list[str] = []
        self._reported: set[Path] = set()

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def compose(self) -> ComposeResult:
        with Vertical(id="home-body"):
            with Vertical(id="new-section", classes="section"):
                yield Label(self.t("home.new"), classes="heading")
                with Horizontal(classes="field"):
                    yield Label(self.t("home.coachee"), classes="label")
                    yield Input(
                        id="coachee",
                        placeholder=self.t("home.coachee.placeholder"),
                        suggester=SuggestFromList([], case_sensitive=False),
                    )
                with Horizontal(classes="field"):
                    yield Label(self.t("home.topic"), classes="label")
                    yield Input(id="topic", placeholder=self.t("home.topic.placeholder"))
                    yield Label(self.t("home.tags"), classes="label -inline")
                    yield Input(id="tags", placeholder=self.t("home.tags.placeholder"))
                if self.library is not None and self.library.types:
                    with Horizontal(classes="field"):
                        yield Label(self.t("home.type"), classes="label")
                        yield Select(
                            [(k.name.in_(self.lang), k.id) for k in self.library.types.values()],
                            value=self._default_type(),
                            allow_blank=False,
                            id="type",
                        )
                        yield Static(self._purpose(self._default_type()), id="type-purpose")
                with Horizontal(classes="field"):
                    yield Label(self.t("home.minutes"), classes="label")
                    yield Input(
                        str(self.minutes_for(self._default_type())),
                        id="minutes",
                        restrict=r"[0-9]*",
                        max_length=3,
                        validators=[
                            Integer(MIN_MINUTES, MAX_MINUTES, failure_description=self.t("home.minutes_invalid"))
                        ],
                        validate_on=("blur", "submitted"),
                    )
                    yield Label(self.t("home.language"), classes="label -inline")
                    yield Select(LANGUAGES, value=self.lang, allow_blank=False, id="language")
                    yield Button(self.t("home.start"), id="start", variant="primary")
            yield Static(id="attention")
            yield PreparationPanel(self.store, self.library, self.lang, id="preparation")
            with Vertical(id="resume-section", classes="section"):
                yield Label(self.t("home.resume"), classes="heading")
                yield OptionList(id="resume")
            yield Label(self.t("home.recent"), id="recent-heading", classes="heading")
            with Vertical(id="recent-section", classes="section"):
                yield OptionList(id="recent")
                yield Static(self.t("home.none"), id="none")
        yield Footer()

    # --- scanning ---------------------------------------------------------------

    def on_screen_resume(self) -> None:
        """Read the folder whenever the screen comes (back) into view: a conversation may have ended.

        Not when another screen was opened on top straight away (``growtui new``, ``history``):
        the history would share the processor with a scan nobody sees.
        """
        if self.app.screen is self:
            self.scan_sessions()

    @work(thread=True, exclusive=True, group="home-scan")
    def scan_sessions(self) -> None:
        """Through the index: a stat per file, and reading only what changed since last time."""
        from growtui.conversation import attention
        from growtui.index import Index, Sync

        needs = None
        try:
            with Index.of(self.store) as index:
                sync = index.sync()
                entries, names = index.entries(), index.coachees()
                needs = attention(index, self._today())
        except OSError as exc:
            sync, entries, names = Sync(problems=[Problem(self.store.root, exc.strerror or type(exc).__name__)]), [], []
        recovered = frozenset(e.id for e in entries if e.status == Status.in_progress and find_recovery(e.id))
        self.post_message(self.SessionsScanned(entries, names, sync, recovered, needs))

    def _today(self):
        from datetime import date

        return getattr(self.app, "today", date.today)()

    @on(SessionsScanned)
    def show_sessions(self, message: SessionsScanned) -> None:
        if not self.is_mounted:  # another screen was opened first; this one scans again when it shows
            return
        self.unfinished = [e for e in message.entries if e.status == Status.in_progress]
        self.recent = [e for e in message.entries if e.status == Status.completed][:RECENT_COUNT]
        self.coachee_names = message.names
        self.last_type = {}
        for entry in message.entries:  # newest first: the first seen is the latest
            self.last_type.setdefault(person_key(entry.coachee), entry.type)
        self.query_one("#coachee", Input).suggester = SuggestFromList(self.coachee_names, case_sensitive=False)
        self._fill(
            self.query_one("#resume", OptionList),
            [self._line(e, phase=True, recovered=e.id in message.recovered) for e in self.unfinished],
        )
        self._fill(self.query_one("#recent", OptionList), [self._line(e) for e in self.recent])
        self.set_class(bool(self.unfinished), "-has-resume")
        self.set_class(bool(self.recent), "-has-recent")
        self.attention = message.attention
        self._show_attention()
        self.add_class("-scanned")
        self.refresh_bindings()
        self._report(message.sync)

    def _line(self, entry: Entry, *, phase: bool = False, recovered: bool = False) -> Content:
        parts: list[str | tuple[str, str]] = [(entry.coachee, "bold")]
        if entry.topic:
            parts += [" · ", entry.topic]
        if entry.type != DEFAULT_TYPE:
            parts += [" · ", (self._type_name(entry.type), "$text-accent")]
        parts += [" · ", (entry.when[:10], "$foreground-muted")]
        if phase:
            parts += [" · ", (phase_name(entry.phase, self.lang, self.library), "$foreground-muted")]
        if recovered:
            parts += [" · ", (self.t("home.has_recovery"), "$text-warning")]
        return Content.assemble(*parts)

    def _type_name(self, type_id: str) -> str:
        kind = self.library.types.get(type_id) if self.library is not None else None
        return kind.name.in_(self.lang) if kind is not None else type_id

    @staticmethod
    def _fill(option_list: OptionList, prompts: list[Content]) -> None:
        """Replace the options, keeping the highlight where it was."""
        highlighted = option_list.highlighted
        option_list.set_options(Option(prompt) for prompt in prompts)
        if prompts:
            option_list.highlighted = min(highlighted or 0, len(prompts) - 1)

    def _report(self, scan: Sync) -> None:
        report_scan(self, scan, self._reported)

    # --- starting and resuming ----------------------------------------------------

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def request_start(self) -> None:
        coachee_input = self.query_one("#coachee", Input)
        coachee = coachee_input.value.strip()
        if not coachee:
            self.notify(self.t("home.coachee_needed"), severity="warning")
            coachee_input.focus()
            return
        minutes_input = self.query_one("#minutes", Input)
        result = minutes_input.validate(minutes_input.value)
        if result is not None and not result.is_valid:
            self.notify(self.t("home.minutes_invalid"), severity="warning")
            minutes_input.focus()
            return
        topic = self.query_one("#topic", Input).value.strip()
        language = str(self.query_one("#language", Select).value)
        tags = tuple(dict.fromkeys(t.strip() for t in self.query_one("#tags", Input).value.split(",") if t.strip()))
        preparation = self.query_one(PreparationPanel).taken()
        request = NewConversation(
            coachee, topic, int(minutes_input.value), language, self.chosen_type(), tags, preparation
        )
        self.post_message(self.StartRequested(request))

    def clear_form(self) -> None:
        """A conversation was started from the form: empty it, so a stray Enter cannot start it twice."""
        self.query_one(PreparationPanel).handed_over()
        self.query_one("#coachee", Input).value = ""
        self.query_one("#topic", Input).value = ""
        self.query_one("#tags", Input).value = ""
        if self.query("#type"):
            with self.query_one("#type", Select).prevent(Select.Changed):
                self.query_one("#type", Select).value = self._default_type()
            self._kind_by_hand = False
            self.query_one("#type-purpose", Static).update(self._purpose(self._default_type()))
        self.query_one("#minutes", Input).value = str(self.minutes_for(self._default_type()))

    def keep_preparation(self) -> None:
        """growtui quits: what is typed into the preparation goes to its draft now."""
        self.query_one(PreparationPanel).keep()

    # --- the kind of conversation -------------------------------------------------------

    def _default_type(self) -> str:
        types = self.library.types if self.library is not None else {}
        return DEFAULT_TYPE if DEFAULT_TYPE in types or not types else next(iter(types))

    def chosen_type(self) -> str | None:
        if not self.query("#type"):
            return None
        value = self.query_one("#type", Select).value
        return value if isinstance(value, str) else None

    def minutes_for(self, type_id: str | None) -> int:
        """The time box a type suggests; problem-solving (the full GROW) takes the one in the config."""
        kind = self.library.types.get(type_id or "") if self.library is not None else None
        if kind is None or kind.id == DEFAULT_TYPE:
            return self.config.time_box_minutes
        return kind.minutes

    def _purpose(self, type_id: str | None) -> str:
        kind = self.library.types.get(type_id or "") if self.library is not None else None
        return kind.purpose.in_(self.lang) if kind is not None else ""

    @on(Select.Changed, "#type")
    def type_changed(self, event: Select.Changed) -> None:
        """Chosen by hand: it stays, whatever name is typed next (until the form is cleared)."""
        self._kind_by_hand = True
        self._kind_shown(event.value if isinstance(event.value, str) else None)

    def _kind_shown(self, type_id: str | None) -> None:
        self.query_one("#minutes", Input).value = str(self.minutes_for(type_id))
        self.query_one("#type-purpose", Static).update(self._purpose(type_id))

    @on(Input.Changed, "#coachee")
    def coachee_changed(self, event: Input.Changed) -> None:
        """Someone met before: their last kind of conversation is the likely one again, and their preparation."""
        self.query_one(PreparationPanel).coachee_typed(event.value)
        last = self.last_type.get(person_key(event.value))
        if self.query("#type") and self.library is not None and not self._kind_by_hand:
            kind = last if last is not None and last in self.library.types else self._default_type()  # or the usual
            select = self.query_one("#type", Select)
            if select.value != kind:
                with select.prevent(Select.Changed):
                    select.value = kind
                self._kind_shown(kind)

    @on(OptionList.OptionSelected, "#resume")
    def request_resume(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.ResumeRequested(self.unfinished[event.option_index].path))

    @on(OptionList.OptionSelected, "#recent")
    def prefill_from_recent(self, event: OptionList.OptionSelected) -> None:
        """A recent conversation: start the next one with the same person."""
        self.query_one("#coachee", Input).value = self.recent[event.option_index].coachee  # and their last type
        self.query_one("#topic", Input).value = ""
        self.query_one("#topic", Input).focus()

    # --- keys -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_resume":
            return bool(self.unfinished)
        if action == "focus_recent":
            return bool(self.recent)
        if action == "actions":
            return bool(self.attention is not None and self.attention.actions)
        if action == "rhythm":
            return bool(self.query_one("#coachee", Input).value.strip())
        if action == "pick_ahead":
            return bool(self.query_one(PreparationPanel).person) and self.library is not None
        return True

    def action_history(self) -> None:
        self.post_message(HistoryRequested())

    def action_focus_new(self) -> None:
        self.query_one("#coachee", Input).focus()

    def action_focus_resume(self) -> None:
        self.query_one("#resume", OptionList).focus()

    def action_focus_recent(self) -> None:
        self.query_one("#recent", OptionList).focus()
