"""The screen a manager keeps open during a 1-on-1."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Label, Static, TextArea

from growtui.conversation import Autosaver, LiveSession, SaveStatus
from growtui.i18n import phase_name, t
from growtui.model import Lang
from growtui.screens.messages import SessionFinished, SessionScreenRebuilt
from growtui.screens.session_boxes import FIRST_FRAME, PHASE_MOUNT_GAP, PhaseBoxes
from growtui.screens.session_commands import SessionCommands
from growtui.screens.session_keys import bindings_for, help_groups
from growtui.widgets.base import PhasePanel, PhasesChanged, SessionEdited, pull_panels
from growtui.widgets.clock import SaveIndicator, SessionClock
from growtui.widgets.fields import NotesArea
from growtui.widgets.question_panel import QuestionPanel
from growtui.widgets.ready_line import ReadyLine
from growtui.widgets.stepper import FRAME, PhaseStepper
from growtui.widgets.translated import Translated

SAVE_DELAY = 0.4  # seconds after the first change: the file is never more than ~0.5 s behind


class SaveStatusChanged(Message):
    def __init__(self, status: SaveStatus) -> None:
        super().__init__()
        self.status = status


class SessionScreen(PhaseBoxes, Translated, Screen):
    CSS_PATH = "session.tcss"
    COMMANDS = Screen.COMMANDS | {SessionCommands}
    AUTO_FOCUS = None
    bindings_for = staticmethod(bindings_for)

    def help_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What F1 shows: every key of this screen, grouped, in the conversation's language."""
        return help_groups(self.live.lang)

    @classmethod
    def language(cls, live: LiveSession, *args, **kwargs) -> str:
        return live.lang

    def __init__(self, live: LiveSession, saver: Autosaver, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live
        self.saver = saver
        self._save_timer: Timer | None = None
        self._submitted = live.version
        self._dirty_notes: set[str] = set()
        self._warned_overrun: set[str] = set()
        self._failing = False
        self.boxes_begin()

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        live = self.live
        lang = live.lang
        topic = f" · {live.session.topic}" if live.session.topic else ""
        with Horizontal(id="topbar"):
            yield Label(f"{live.session.coachee}{topic}", id="who", markup=False)
            yield Label(id="typing")
            yield SessionClock(live, id="clock")
            yield SaveIndicator(
                lang,
                encrypted=self.saver.encrypted,
                id="save-state",
                state="saved" if live.stored.stamp is not None else "blank",
            )
        yield PhaseStepper(live, id="stepper")
        yield ReadyLine(live, id="ready")
        yield QuestionPanel(live, id="question")
        yield Static(id="hints", classes="-hidden")
        with ContentSwitcher(initial=f"phase-{live.phase}", id="phases"):
            yield self.first_box()  # the others are mounted after the first frame is on screen
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_phase()
        self.set_timer(FIRST_FRAME, self._first_frame_shown)
        self.set_interval(1.0, self._tick)
        self.set_interval(30.0, self._schedule_save)  # keeps phase times on disk while nobody types

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 110, "-wide")

    # --- phases ---------------------------------------------------------------

    def _show_phase(self) -> None:
        phase = self.live.phase  # its box is ready: the screen moves to a phase only then (ensure_box)
        self.query_one("#phases", ContentSwitcher).current = f"phase-{phase}"
        for panel in self.query_one(f"#phase-{phase}").query(PhasePanel):
            panel.refresh_from_session()
        self.question_changed()
        self._show_hints()
        self._refresh_progress()
        self.notes_area().focus()

    def _refresh_progress(self) -> None:
        self.query_one(PhaseStepper).refresh()
        self.query_one(ReadyLine).refresh()

    def notes_area(self, phase: str | None = None) -> NotesArea:
        return self.query_one(f"#notes-{phase or self.live.phase}", NotesArea)

    def _show_hints(self) -> None:
        hints = self.live.library.hints_for(self.live.phase, self.live.session.type)
        self.query_one("#hints", Static).update("\n".join(f"· {h.text.in_(self.live.lang)}" for h in hints))

    async def action_go(self, phase: str) -> None:
        await self._go_to(phase)

    async def _go_to(self, target: str, *, step: bool = False) -> None:
        """Move to ``target`` once its box is ready; a step (Ctrl+PgDn at the end) parks a draft even in place."""
        if target not in self.live.phases():
            return
        await self.ensure_box(target)  # keys wait meanwhile (the app awaits this action): none finds half a box
        if target not in self.live.phases() or (target == self.live.phase and not step):
            return
        self._move_on()
        self.live.set_phase(target)
        self._show_phase()
        self._schedule_save()

    async def action_focus_tags(self) -> None:
        """The tags live with the closing: go there and put the cursor in them."""
        await self.action_go("closing")
        if self.query("#closing-tags"):
            self.query_one("#closing-tags").focus()

    async def action_go_core(self, n: int) -> None:
        """F2-F5: the n-th phase of the heart of the conversation (Goal, Reality, Options, Will in GROW)."""
        added = self.live.direction_added()  # "direct first" comes before the heart, like the opening
        core = [p for p in self.live.phases() if p not in FRAME and not (added and p == "direction")]
        if n < len(core):
            await self.action_go(core[n])

    async def action_step_phase(self, delta: int) -> None:
        await self._go_to(self.live.stepped(delta), step=True)

    def _move_on(self) -> None:
        """The manager moves on: an answer typed and not confirmed goes into the notes, under its question."""
        self._pull_notes(every=True)
        phase = self.live.park_draft()
        if phase is not None:
            area = self.notes_area(phase)
            notes = self.live.session.section(phase).notes
            if notes.startswith(area.text):
                area.insert(notes[len(area.text) :], area.document.end)
            else:
                area.load_text(notes)
            area.move_cursor(area.document.end)
            self._schedule_save()

    @on(PhaseStepper.PhaseSelected)
    async def _stepper_clicked(self, event: PhaseStepper.PhaseSelected) -> None:
        await self.action_go(event.phase)

    @on(PhasesChanged)
    def phases_arrived(self) -> None:
        """The directed part came or went, or the open actions for the follow-up arrived: a new box is
        mounted (an old one stays, hidden), the stepper shows the new order."""
        self._refresh_progress()
        self.set_timer(PHASE_MOUNT_GAP, self._mount_next_phase)

    # --- questions ------------------------------------------------------------

    def question_changed(self) -> None:
        panel = self.query_one(QuestionPanel)
        panel.clear_answer()
        panel.show()

    def action_next_question(self) -> None:
        self._step_question(1)

    def action_previous_question(self) -> None:
        self._step_question(-1)

    def _step_question(self, delta: int) -> None:
        """Another question; what was typed for this one goes to the notes, and so does the cursor."""
        answering = self.focused is self.query_one(QuestionPanel).answer_line
        self._move_on()
        self.live.move(delta)
        self.question_changed()
        if answering:
            self.notes_area().focus()

    def action_focus_answer(self) -> None:
        self.query_one(QuestionPanel).answer_line.open()

    def action_focus_notes(self) -> None:
        self.notes_area().focus()

    def action_pick_question(self) -> None:
        from growtui.dialogs.picker import QuestionPicker

        def picked(question) -> None:
            if question is not None:
                self._move_on()
                self.live.offer_question(question)
                self.question_changed()
                self.action_focus_answer()

        self.app.push_screen(QuestionPicker(self.live, self.live.phase), picked)

    @on(QuestionPanel.AnswerLogged)
    def _answer_logged(self) -> None:
        for panel in self.query(PhasePanel):
            panel.refresh_from_session()
        self._changed()
        self.notes_area().focus()  # the next words go into the notes, not into an answer nobody asked for

    def on_descendant_focus(self) -> None:
        """The top bar says where typing goes: not by colour alone."""
        focused = self.focused
        label = getattr(focused, "typing_label", None) if focused is not None else None
        if isinstance(focused, NotesArea):
            label = f"{t('notes', self.live.lang)} · {phase_name(focused.phase, self.live.lang, self.live.library)}"
        self.query_one("#typing", Label).update(f"✎ {label}" if label else "")

    def action_undo(self) -> None:
        """Bring back the option or action removed last, where it stood."""
        restored = self.live.undo_remove()
        if restored is None:
            self.notify(t("undo.nothing", self.live.lang), timeout=3)
            return
        for panel in self.query(PhasePanel):
            panel.refresh_from_session()
        self._changed()
        from growtui.safetext import shorten

        item = restored.item
        text = shorten(str(getattr(item, "text", None) or getattr(item, "what", "")), 40)
        self.notify(t(f"undo.{restored.kind}", self.live.lang, text=text), timeout=4, markup=False)

    def action_toggle_hints(self) -> None:
        self.query_one("#hints").toggle_class("-hidden")

    # --- saving ---------------------------------------------------------------

    @on(TextArea.Changed, ".notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, NotesArea):
            self._dirty_notes.add(event.text_area.phase)
        self._schedule_save()

    @on(SessionEdited)
    def _changed(self) -> None:
        self._refresh_progress()
        self.query_one(QuestionPanel).show()  # an edit can bring a question (one option: "what else?")
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def _pull_notes(self, every: bool = False) -> None:
        """Typed notes into the session; ``every``: every field, not only the notes that said so (a key typed
        just before Ctrl+Q is in its field while its Changed message still waits: a flush must not trust it)."""
        areas = self.query(NotesArea) if every else map(self.notes_area, self._dirty_notes)
        for area in list(areas):
            self.live.set_notes(area.phase, area.text)
        self._dirty_notes.clear()
        if every:
            self.query_one(QuestionPanel).pull_draft()
            pull_panels(self)

    def anything_typed(self) -> bool:
        self._pull_notes(every=True)
        return self.live.worth_saving()

    def save_now(self) -> None:
        """Hand the newest state to the writer thread (returns at once); nothing while nothing was typed."""
        self._save_timer = None
        self._pull_notes()
        if not self.live.worth_saving():
            return
        if self.live.version != self._submitted or self._failing:
            self._submitted = self.live.version
            self.saver.submit(self.live.version, self.live.snapshot())

    def flush(self) -> bool:
        """Save synchronously (quitting, signals, crashes). True when it reached the disk."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        for screen in self.app.screen_stack:
            keep_draft = getattr(screen, "keep_draft", None)  # an item editor (loaded only once one opened)
            if keep_draft is not None:
                keep_draft()
        self._pull_notes(every=True)
        if not self.live.worth_saving():
            return True  # nothing typed: no file, and nothing lost
        return self.saver.flush(self.live.version, self.live.snapshot())

    def action_save(self) -> None:
        self.save_now()

    def report_save(self, status: SaveStatus) -> None:
        """Called from the writer thread: hop onto the UI thread as a message."""
        self.post_message(SaveStatusChanged(status))

    @on(SaveStatusChanged)
    def _save_status(self, event: SaveStatusChanged) -> None:
        status, lang = event.status, self.live.lang
        indicator = self.query_one(SaveIndicator)
        if status.ok:
            if self._failing:
                self.notify(t("save.recovered", lang, path=self.live.stored.path), timeout=6)
            self._failing = False
            indicator.set_state("saved")
        else:
            if not self._failing:
                where = status.recovery or "memory"
                self.notify(t("save.failed", lang, reason=status.reason, recovery=where), severity="error", timeout=30)
            self._failing = True
            indicator.set_state("failing")

    # --- time -------------------------------------------------------------------

    def _tick(self) -> None:
        self.query_one(SessionClock).refresh()
        self.query_one(PhaseStepper).refresh()
        phase = self.live.phase
        if self.live.overrun(phase) and phase not in self._warned_overrun:
            self._warned_overrun.add(phase)
            name = phase_name(phase, self.live.lang, self.live.library)
            self.notify(t("timer.over", self.live.lang, phase=name), severity="warning", timeout=8)

    # --- privacy, language, finishing -----------------------------------------------

    def action_privacy(self) -> None:
        from growtui.screens.privacy import PrivacyScreen

        self.app.push_screen(PrivacyScreen(self.live.lang))

    def action_switch_language(self) -> None:
        """Switch interface and questions to the other language; nothing typed is lost."""
        self._pull_notes(every=True)  # the new screen is made from the session: a key still queued too
        self.live.session.language = Lang.en if self.live.lang == "nl" else Lang.nl
        self.live.touch()
        self.save_now()
        self.post_message(SessionScreenRebuilt(self, SessionScreen(self.live, self.saver)))

    def action_finish(self) -> None:
        from growtui.dialogs.finish import FinishScreen

        self._move_on()

        def decided(finish: bool | None) -> None:
            if finish:
                self.live.finish()
                self.flush()
                self.post_message(SessionFinished(self))

        self.app.push_screen(FinishScreen(self.live), decided)
