"""Reading past sessions: one session as a document, and one coachee's arc over time.

Both are read-only: they read the files (in a worker) and never write.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Markdown, Static

from growtui.errors import GrowtuiError
from growtui.i18n import t, tn
from growtui.model import Session
from growtui.screens.messages import BackRequested
from growtui.storage import Store
from growtui.widgets.document import DocumentMarkdown
from growtui.widgets.translated import Translated

REST_AFTER = 0.1  # seconds: the first screen of a long document is on the terminal by then
ARC_STEP = 4  # sessions of the arc laid out at a time after the first screen


class ReaderScreen(Translated, Screen):
    """A scrolling document with a title line; subclasses say what to read and how to show it."""

    CSS_PATH = "document.tcss"
    BACK = Binding("escape", "back", "key.back", tooltip="tip.doc_back", id="doc.back")
    # Each screen lists all its keys itself: only a class's own BINDINGS get translated.

    @classmethod
    def language(cls, store, what, lang, *args, **kwargs) -> str:
        return lang

    class Loaded(Message):
        def __init__(self, sessions: list[Session], problems: list[str]) -> None:
            super().__init__()
            self.sessions = sessions
            self.problems = problems

    def __init__(self, store: Store, lang: str) -> None:
        super().__init__()
        self.store = store
        self.lang = str(lang)
        self.sessions: list[Session] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def compose(self) -> ComposeResult:
        yield Label(self.t("doc.loading"), id="doc-title", markup=False)
        with VerticalScroll(id="doc-scroll"):
            yield Static(id="doc-trends")
            yield DocumentMarkdown(id="doc-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#doc-trends").display = False
        self.read()

    @work(thread=True, exclusive=True)
    def read(self) -> None:
        sessions, problems = self.load()
        self.post_message(self.Loaded(sessions, problems))

    def load(self) -> tuple[list[Session], list[str]]:
        raise NotImplementedError

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        self.sessions = message.sessions
        for problem in message.problems:
            self.notify(problem, severity="warning", timeout=15, markup=False)
        if not message.sessions:
            self.query_one("#doc-title", Label).update(self.t("doc.unreadable"))
            return
        self.query_one("#doc-title", Label).update(self.title_text())
        first, *rest = self.markdown_in_steps()
        await self.query_one("#doc-body", Markdown).update(first)
        self.query_one("#doc-scroll").focus()
        self.refresh_bindings()
        if rest:  # the rest once the first screen is on the terminal, a part at a time: Esc is never kept waiting
            self.set_timer(REST_AFTER, lambda: self._show_rest(self.query_one("#doc-body", Markdown), rest))

    async def _show_rest(self, last: Markdown, parts: list[str]) -> None:
        if not self.is_attached or not parts:
            return
        last.add_class("-followed")  # its last margin is the next part's first one (document.tcss)
        following = DocumentMarkdown(parts[0], classes="doc-part")
        await self.query_one("#doc-scroll").mount(following)
        self.set_timer(REST_AFTER, lambda: self._show_rest(following, parts[1:]))

    def markdown_in_steps(self) -> list[str]:
        """The document in the parts it is shown in: one, unless it is long (then the first screen first)."""
        return [self.markdown()]

    def title_text(self) -> str:
        raise NotImplementedError

    def markdown(self) -> str:
        raise NotImplementedError

    def action_back(self) -> None:
        self.post_message(BackRequested())


class SessionDocumentScreen(ReaderScreen):
    """One session, read-only, laid out as a document: goal, reality, options, actions, notes, questions."""

    BINDINGS = [ReaderScreen.BACK, Binding("ctrl+g", "arc", "key.arc", tooltip="tip.arc", id="doc.arc")]

    def __init__(self, store: Store, path: Path, lang: str) -> None:
        super().__init__(store, lang)
        self.path = path

    def load(self) -> tuple[list[Session], list[str]]:
        try:
            return [self.store.read(self.path).session], []
        except GrowtuiError as exc:
            return [], [str(exc)]

    def title_text(self) -> str:
        session = self.sessions[0]
        return " · ".join(
            p
            for p in (
                session.coachee,
                f"{session.started_at:%Y-%m-%d %H:%M}",
                self.t(f"history.status.{session.status.value}"),
            )
            if p
        )

    def markdown(self) -> str:
        from growtui.render import session_markdown

        return session_markdown(self.sessions[0], self.lang, getattr(self.app, "library", None))

    def action_arc(self) -> None:
        if self.sessions:
            self.app.push_screen(CoacheeArcScreen(self.store, self.sessions[0].coachee, self.lang))


class CoacheeArcScreen(ReaderScreen):
    """One coachee over time: scale and motivation trends, then goals, options and actions per session."""

    BINDINGS = [ReaderScreen.BACK]

    def __init__(self, store: Store, coachee: str, lang: str) -> None:
        super().__init__(store, lang)
        self.coachee = coachee

    def load(self) -> tuple[list[Session], list[str]]:
        from growtui.index import Index

        with Index.of(self.store) as index:
            index.sync()
            entries = index.entries(coachee=self.coachee)
        sessions, problems = [], []
        for entry in reversed(entries):  # oldest first
            try:
                sessions.append(self.store.read(entry.path).session)
            except GrowtuiError as exc:
                problems.append(str(exc))
        return sessions, problems

    def title_text(self) -> str:
        first, last = self.sessions[0].started_at, self.sessions[-1].started_at
        return tn(
            "arc.title",
            len(self.sessions),
            self.lang,
            coachee=self.sessions[-1].coachee,
            first=f"{first:%Y-%m-%d}",
            last=f"{last:%Y-%m-%d}",
        )

    def markdown(self) -> str:
        from growtui.render import arc_markdown

        return arc_markdown(self.sessions, self.lang, getattr(self.app, "library", None))

    def markdown_in_steps(self) -> list[str]:
        """The sessions that fill the first screen, then a few at a time (joined, they are :meth:`markdown`).

        23 sessions take most of a second to lay out, the first two a tenth;
        each later step takes a fifth of a second at most, so Esc is answered
        at once, and the screen looks the same as one document would.
        """
        from growtui.render import arc_parts

        parts = arc_parts(self.sessions, self.lang, getattr(self.app, "library", None))
        lines, first = 0, 0
        while first < len(parts) and lines < self.app.size.height:
            lines += parts[first].count("\n") + 1
            first += 1
        steps = [parts[:first]] + [parts[n : n + ARC_STEP] for n in range(first, len(parts), ARC_STEP)]
        return ["\n".join(step) for step in steps if step]

    @on(ReaderScreen.Loaded)
    def _trends(self, message: ReaderScreen.Loaded) -> None:
        from growtui.render import trends

        lines = trends(message.sessions, self.lang)
        box = self.query_one("#doc-trends", Static)
        box.display = bool(lines)
        width = min(LABEL_WIDTH, max((len(label) for label, _, _ in lines), default=0))
        box.update(
            Content("\n").join(
                Content.assemble(
                    (f"{_fit(label, width):<{width}}  ", "$text-muted"), (spark, "$text-accent"), f"  {numbers}"
                )
                for label, spark, numbers in lines
            )
        )


LABEL_WIDTH = 40


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
