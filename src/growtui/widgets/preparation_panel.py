"""The home screen's preparation panel: what to know before talking with this coachee, and your own notes.

It fills in a worker (the index and the coachee's latest file are read off
the UI thread) a moment after the coachee's name stops changing. What the
manager types here is kept as a draft per coachee (see storage.drafts)
until the conversation starts; it then goes into the session's
``preparation`` section.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from growtui.i18n import t
from growtui.model import MAX_PREPARED_QUESTIONS
from growtui.storage import Store, load_draft, save_draft

if TYPE_CHECKING:
    from growtui.conversation import Preparation
    from growtui.library import Library

SETTLE = 0.3  # seconds without typing in the name before the panel looks the person up
SAVE_DELAY = 0.4


class PreparationPanel(Vertical):
    DEFAULT_CSS = """
    PreparationPanel {
        display: none;
        height: 1fr;
        &.-shown { display: block; }
        #prep-summary-box { height: 1fr; min-height: 3; border-left: tall $border-blurred; padding: 0 1; }
        #prep-notes-label { color: $text-muted; margin-top: 1; }
        #prep-notes { height: 4; min-height: 3; }
        #prep-questions { color: $text-muted; height: 1; }
    }
    """

    class Loaded(Message):
        def __init__(self, name: str, person: str, found: Preparation | None, notes: str, questions: list[str]) -> None:
            super().__init__()
            self.name, self.person, self.found, self.notes, self.questions = name, person, found, notes, questions

    def __init__(self, store: Store, library: Library | None, lang: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store, self.library, self.lang = store, library, lang
        self.person = ""  # whose preparation is showing ("" when none)
        self.coachee = ""
        self.questions: list[str] = []
        self.found: Preparation | None = None
        self._settle: Timer | None = None
        self._save: Timer | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="prep-summary-box", can_focus=False):
            yield Static(id="prep-summary")
        yield Label(t("prep.notes", self.lang), id="prep-notes-label")  # the panel's title says whom
        notes = TextArea(
            id="prep-notes", soft_wrap=True, tab_behavior="focus", placeholder=t("prep.notes.placeholder", self.lang)
        )
        notes.typing_label = t("prep.notes", self.lang)  # type: ignore[attr-defined]
        yield notes
        yield Label(id="prep-questions")

    # --- who -------------------------------------------------------------------------

    def coachee_typed(self, name: str) -> None:
        """The name in the form changed: look the person up once it settles; an empty name hides the panel."""
        if self._settle is not None:
            self._settle.stop()
        if not name.strip():
            self._flush()
            self.person, self.coachee, self.found = "", "", None
            self.remove_class("-shown")
            self.screen.remove_class("-preparing")
            return
        today = getattr(self.app, "today", date.today)()  # the app's idea of today (fixed in tests)
        self._settle = self.set_timer(SETTLE, lambda: self._look_up(name.strip(), today))

    @work(thread=True, exclusive=True, group="preparation")
    def _look_up(self, name: str, today: date) -> None:
        from growtui.conversation import prepare
        from growtui.index import Index, person_key

        with Index.of(self.store) as index:
            index.sync()
            matches = index.coachees_matching(name)
            exact = [m for m in matches if person_key(m) == person_key(name)]
            if matches and not exact:  # on the way to a name met before: nothing to show yet
                self.post_message(self.Loaded(name, "", None, "", []))
                return
            shown = exact[0] if exact else name
            found = prepare(self.store, shown, today, index)
        person = person_key(shown)
        notes, questions = load_draft(self.store.root, person, self.store.vault)
        self.post_message(self.Loaded(shown, person, found, notes, questions))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        if message.person != self.person:
            self._flush()
        if message.found is None:
            self.person, self.coachee, self.found = "", "", None
            self.remove_class("-shown")
            self.screen.remove_class("-preparing")
            return
        from growtui.render import preparation_text

        self.person, self.coachee, self.found = message.person, message.name, message.found
        self.questions = message.questions[:MAX_PREPARED_QUESTIONS]
        self.query_one("#prep-summary", Static).update(
            Text(preparation_text(message.found, self.lang, self.library, heading=False))
        )
        area = self.query_one("#prep-notes", TextArea)
        if area.text != message.notes:
            with area.prevent(TextArea.Changed):
                area.load_text(message.notes)
        self._show_questions()
        self.add_class("-shown")
        self.screen.add_class("-preparing")  # the lists below make room

    # --- what the manager prepares ----------------------------------------------------

    @property
    def notes(self) -> str:
        return self.query_one("#prep-notes", TextArea).text if self.person else ""

    def toggle_question(self, question_id: str) -> bool:
        """Pick a question in advance, or take it back; False when five are picked already."""
        if question_id in self.questions:
            self.questions.remove(question_id)
        elif len(self.questions) >= MAX_PREPARED_QUESTIONS:
            return False
        else:
            self.questions.append(question_id)
        self._show_questions()
        self._schedule_save()
        return True

    def _show_questions(self) -> None:
        full = len(self.questions) >= MAX_PREPARED_QUESTIONS
        text = t("prep.questions.full", self.lang) if full else t("prep.questions", self.lang, n=len(self.questions))
        self.query_one("#prep-questions", Label).update(text)

    @on(TextArea.Changed, "#prep-notes")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._save is None:
            self._save = self.set_timer(SAVE_DELAY, self._flush)

    def _flush(self) -> None:
        """Write the draft now (a small file; never over another person's)."""
        if self._save is not None:
            self._save.stop()
            self._save = None
        if not self.person:
            return
        from growtui.errors import StoreWriteError

        try:
            save_draft(self.store.root, self.person, self.notes, self.questions, self.store.vault)
        except StoreWriteError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)

    def taken(self) -> tuple[str, list[str]]:
        """What goes into the conversation that starts now (the draft stays until the session is on disk)."""
        if self._save is not None:
            self._save.stop()
            self._save = None
        return self.notes, list(self.questions)

    def keep(self) -> None:
        """Quitting: the notes as they are now go to the draft; the timer, or a key's Changed message still
        waiting in the queue, would come too late."""
        self._flush()

    def handed_over(self) -> None:
        """The conversation that took this preparation is on disk, and its draft is gone: show nothing and write
        nothing more, or emptying the form would write the draft again for the next time."""
        if self._save is not None:
            self._save.stop()
            self._save = None
        self.person, self.coachee, self.found, self.questions = "", "", None, []
        area = self.query_one("#prep-notes", TextArea)
        with area.prevent(TextArea.Changed):
            area.load_text("")
        self.remove_class("-shown")
        self.screen.remove_class("-preparing")

    def on_unmount(self) -> None:
        try:
            self._flush()
        except Exception:  # the children may be gone already; the last change was saved by the timer
            pass
