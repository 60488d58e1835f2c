"""The screen a manager keeps open during a 1-on-1."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Label, Static, TextArea

from growtui.conversation import Autosaver, LiveSession, SaveStatus
from growtui.dialogs.item_editor import ItemEditor
from growtui.i18n import phase_name, t
from growtui.model import Lang, Phase
from growtui.screens.messages import SessionFinished, SessionScreenRebuilt
from growtui.screens.session_commands import SessionCommands
from growtui.widgets.base import PhasePanel, SessionEdited
from growtui.widgets.clock import SaveIndicator, SessionClock
from growtui.widgets.fields import NotesArea
from growtui.widgets.follow_up_panel import FollowUpPanel
from growtui.widgets.goal_panel import GoalPanel
from growtui.widgets.options_panel import OptionsPanel
from growtui.widgets.question_panel import QuestionPanel
from growtui.widgets.reality_panel import RealityPanel
from growtui.widgets.stepper import PhaseStepper
from growtui.widgets.translated import Translated
from growtui.widgets.will_panel import WillPanel

SAVE_DELAY = 0.4  # seconds after the first change: the file is never more than ~0.5 s behind
PANELS: dict[Phase, type[PhasePanel]] = {
    Phase.follow_up: FollowUpPanel,
    Phase.goal: GoalPanel,
    Phase.reality: RealityPanel,
    Phase.options: OptionsPanel,
    Phase.will: WillPanel,
}
PHASE_KEYS = {"f2": Phase.goal, "f3": Phase.reality, "f4": Phase.options, "f5": Phase.will}

HELP = """\
# The session screen

Type what you hear in the **notes**; everything is saved within a second.

- **Ctrl+N / Ctrl+B**: next / previous suggested question. **Ctrl+O**: all questions of this phase.
- **Ctrl+L**: the answer line under the question; **Enter** notes the answer against that question
  (scale questions: start with the score, `6 want ...`).
- **Esc**: back to the notes of this phase, from anywhere.
- **F2 F3 F4 F5**: Goal, Reality, Options, Will. **Ctrl+PgUp / Ctrl+PgDn**: previous / next phase.
- **Ctrl+T**: coaching tips. **F12**: hide the screen at once, again to come back.
- **F10**: summary and finish. **Ctrl+Q**: save and quit; the conversation can be resumed.
"""


class SaveStatusChanged(Message):
    def __init__(self, status: SaveStatus) -> None:
        super().__init__()
        self.status = status


def bindings_for(lang: str) -> list[BindingType]:
    """The session keys, described in the interface language."""

    def key(keys: str, action: str, label: str, tip: str, id: str, show: bool = True, **kw) -> Binding:
        return Binding(keys, action, t(label, lang), id=id, show=show, tooltip=t(tip, lang), **kw)

    return [
        key("ctrl+n", "next_question", "key.next", "tip.next", "next-question", key_display="^n"),
        key("ctrl+b", "previous_question", "key.previous", "tip.previous", "previous-question", show=False),
        key("ctrl+o", "pick_question", "key.pick", "tip.pick", "pick-question", key_display="^o"),
        key("ctrl+l", "focus_answer", "key.answer", "tip.answer", "focus-answer", show=False),
        key("escape", "focus_notes", "key.notes", "tip.notes", "focus-notes", key_display="esc"),
        key("ctrl+t", "toggle_hints", "key.hints", "tip.hints", "toggle-hints", show=False),
        key("f10", "finish", "key.finish", "tip.finish", "finish", key_display="F10"),
        key("f12", "privacy", "key.privacy", "tip.privacy", "privacy", priority=True, key_display="F12"),
        key("ctrl+s", "save", "key.save", "tip.save", "save", show=False),
        key("ctrl+pageup", "step_phase(-1)", "key.prev_phase", "tip.prev_phase", "previous-phase", show=False),
        key("ctrl+pagedown", "step_phase(1)", "key.next_phase", "tip.next_phase", "next-phase", show=False),
        key("f8", "switch_language", "key.lang", "tip.lang", "switch-language", show=False),
        *(
            Binding(
                k,
                f"go('{p.value}')",
                phase_name(p, lang),
                id=f"go-{p.value}",
                show=False,
                tooltip=t("tip.phase", lang, phase=phase_name(p, lang)),
            )
            for k, p in PHASE_KEYS.items()
        ),
    ]


class SessionScreen(Translated, Screen):
    CSS_PATH = "session.tcss"
    COMMANDS = Screen.COMMANDS | {SessionCommands}
    HELP = HELP
    AUTO_FOCUS = None
    bindings_for = staticmethod(bindings_for)

    @classmethod
    def language(cls, live: LiveSession, *args, **kwargs) -> str:
        return live.lang

    def __init__(self, live: LiveSession, saver: Autosaver, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live
        self.saver = saver
        self._save_timer: Timer | None = None
        self._submitted = live.version
        self._dirty_notes: set[Phase] = set()
        self._warned_overrun: set[Phase] = set()
        self._failing = False

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        live = self.live
        lang = live.lang
        topic = f" · {live.session.topic}" if live.session.topic else ""
        with Horizontal(id="topbar"):
            yield Label(f"{live.session.coachee}{topic}", id="who")
            yield SessionClock(live, id="clock")
            yield SaveIndicator(lang, encrypted=self.saver.encrypted, id="save-state")
        yield PhaseStepper(live, id="stepper")
        yield QuestionPanel(live, id="question")
        yield Static(id="hints", classes="-hidden")
        with ContentSwitcher(initial=f"phase-{live.phase.value}", id="phases"):
            for phase in live.phases():
                with Container(id=f"phase-{phase.value}", classes="phase"):
                    if phase in PANELS:
                        yield PANELS[phase](live, id=f"panel-{phase.value}", classes="panel")
                    yield NotesArea(
                        live.session.section(phase).notes,
                        phase=phase,
                        id=f"notes-{phase.value}",
                        classes="notes",
                        soft_wrap=True,
                        tab_behavior="focus",
                        placeholder=t("notes.placeholder", lang),
                    )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        for area in self.query(NotesArea):
            area.move_cursor(area.document.end)  # a resumed conversation goes on where the notes stopped
        self._show_phase()
        self.set_interval(1.0, self._tick)
        self.set_interval(30.0, self._schedule_save)  # keeps phase times on disk while nobody types

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 110, "-wide")

    # --- phases ---------------------------------------------------------------

    def _show_phase(self) -> None:
        phase = self.live.phase
        self.query_one("#phases", ContentSwitcher).current = f"phase-{phase.value}"
        for panel in self.query(PhasePanel):
            if panel.id == f"panel-{phase.value}":
                panel.refresh_from_session()
        self.question_changed()
        self._show_hints()
        self.query_one(PhaseStepper).refresh()
        self.notes_area().focus()

    def notes_area(self, phase: Phase | None = None) -> NotesArea:
        return self.query_one(f"#notes-{(phase or self.live.phase).value}", NotesArea)

    def _show_hints(self) -> None:
        hints = self.live.library.hints_for(self.live.phase)
        self.query_one("#hints", Static).update("\n".join(f"· {h.text.in_(self.live.lang)}" for h in hints))

    def action_go(self, phase: str) -> None:
        target = Phase(phase)
        if target in self.live.phases():
            self.live.set_phase(target)
            self._show_phase()
            self._schedule_save()

    def action_step_phase(self, delta: int) -> None:
        self.live.step_phase(delta)
        self._show_phase()
        self._schedule_save()

    @on(PhaseStepper.PhaseSelected)
    def _stepper_clicked(self, event: PhaseStepper.PhaseSelected) -> None:
        self.action_go(event.phase.value)

    # --- questions ------------------------------------------------------------

    def question_changed(self) -> None:
        panel = self.query_one(QuestionPanel)
        panel.clear_answer()
        panel.show()

    def action_next_question(self) -> None:
        self.live.move(1)
        self.question_changed()

    def action_previous_question(self) -> None:
        self.live.move(-1)
        self.question_changed()

    def action_focus_answer(self) -> None:
        self.query_one("#answer").focus()

    def action_focus_notes(self) -> None:
        self.notes_area().focus()

    def action_pick_question(self) -> None:
        from growtui.dialogs.picker import QuestionPicker

        def picked(question) -> None:
            if question is not None:
                self.live.offer_question(question)
                self.question_changed()
                self.action_focus_answer()

        self.app.push_screen(QuestionPicker(self.live, self.live.phase), picked)

    @on(QuestionPanel.AnswerLogged)
    def _answer_logged(self) -> None:
        for panel in self.query(PhasePanel):
            panel.refresh_from_session()
        self._changed()

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
        self.query_one(PhaseStepper).refresh()
        self.query_one(QuestionPanel).show()  # an edit can bring a question (one option: "what else?")
        self._schedule_save()

    def _schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def _pull_notes(self, every: bool = False) -> None:
        """Copy typed notes into the session; ``every`` reads all areas, not just those reported changed.

        A key typed just before a signal is already in its text area while
        its Changed message still waits in the queue: a flush must not trust
        the queue.
        """
        areas = self.query(NotesArea) if every else map(self.notes_area, self._dirty_notes)
        for area in list(areas):
            self.live.set_notes(area.phase, area.text)
        self._dirty_notes.clear()

    def save_now(self) -> None:
        """Hand the newest state to the writer thread (returns at once)."""
        self._save_timer = None
        self._pull_notes()
        if self.live.version != self._submitted or self._failing:
            self._submitted = self.live.version
            self.saver.submit(self.live.version, self.live.snapshot())

    def flush(self) -> bool:
        """Save synchronously (quitting, signals, crashes). True when it reached the disk."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        for screen in self.app.screen_stack:
            if isinstance(screen, ItemEditor):
                screen.keep_draft()
        self._pull_notes(every=True)
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
            self.notify(
                t("timer.over", self.live.lang, phase=phase_name(phase, self.live.lang)), severity="warning", timeout=8
            )

    # --- privacy, language, finishing -----------------------------------------------

    def action_privacy(self) -> None:
        from growtui.screens.privacy import PrivacyScreen

        self.app.push_screen(PrivacyScreen(self.live.lang))

    def action_switch_language(self) -> None:
        """Switch interface and questions to the other language; nothing typed is lost."""
        self._pull_notes()
        self.live.session.language = Lang.en if self.live.lang == "nl" else Lang.nl
        self.live.touch()
        self.save_now()
        self.post_message(SessionScreenRebuilt(self, SessionScreen(self.live, self.saver)))

    def action_finish(self) -> None:
        from growtui.dialogs.finish import FinishScreen

        self._pull_notes()

        def decided(finish: bool | None) -> None:
            if finish:
                self.live.finish()
                self.flush()
                self.post_message(SessionFinished(self))

        self.app.push_screen(FinishScreen(self.live), decided)
