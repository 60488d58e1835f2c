"""The Textual app: themes, global keys, which screen first, and the last line of defence."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from growtui.errors import GrowtuiError, SessionLockedError
from growtui.first_frame import DEFAULT_TYPE
from growtui.i18n import t
from growtui.looking_back import LookingBack
from growtui.safety import SavesFirst
from growtui.screens.messages import (
    BackRequested,
    HistoryRequested,
    NewConversation,
    ReopenRequested,
    SessionFinished,
    SessionScreenRebuilt,
)
from growtui.sketched import Deferred, Sketched
from growtui.widgets.translated import Translated

if TYPE_CHECKING:  # loaded when a session opens: a first frame drawn from plain data comes before them
    from growtui.config import Config
    from growtui.conversation import Autosaver, LiveSession, start as starting
    from growtui.crypto import Marker, Vault
    from growtui.library import Library
    from growtui.screens.home import HomeScreen
    from growtui.screens.session import SessionScreen
    from growtui.storage import SessionLock, Store, Stored


def _in_thread(work: Callable[[], object]) -> None:
    import threading

    # Not a daemon: quitting waits for it (some tens of milliseconds) instead of leaving a half-written file.
    threading.Thread(target=work, name="growtui-keep-frame").start()


@dataclass
class Start:
    """What to open first: the home screen, a new session, or an unfinished one."""

    coachee: str | None = None
    topic: str = ""
    minutes: int | None = None
    language: str | None = None
    type_id: str | None = None
    tags: tuple[str, ...] = ()
    resume: Path | None = None
    reopen: bool = False
    history: bool = False
    history_coachee: str | None = None


@dataclass
class Active:
    lock: SessionLock
    live: LiveSession
    saver: Autosaver
    screen: SessionScreen


class GrowApp(SavesFirst, LookingBack, Sketched, Translated, App):
    CSS_PATH = "app.tcss"
    TITLE = "growtui"
    BINDINGS = [
        Binding("ctrl+q", "save_and_quit", "key.quit", id="quit", priority=True, show=False, tooltip="tip.quit"),
        Binding("ctrl+c", "save_and_quit", "key.quit", id="quit-ctrl-c", show=False, priority=True, tooltip="tip.quit"),
        Binding("f1", "toggle_help", "key.keys", id="help", key_display="F1", tooltip="tip.keys"),
    ]

    @classmethod
    def language(cls, *args, lang: str, **kwargs) -> str:
        return lang

    def __init__(
        self,
        *,
        store: Store | None,
        library: Library | None,
        config: Config | None,
        lang: str,
        start: Start | None = None,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
        locked: Marker | None = None,
        deferred: Deferred | None = None,
        keep_frame: Callable[[Config, Library], object] | None = None,
    ):
        """``locked``: the folder is encrypted and the passphrase is still to be asked, before anything is read.

        ``deferred``: store, library and config come from ``deferred.load()``, after ``deferred.sketch``
        is on the terminal (None for them until then); the keys pressed meanwhile are held and replayed.
        ``keep_frame``: called once a session screen is up, to keep its first frame for the next start.
        """
        super().__init__()
        self.clock = clock
        self.today = today
        # None only until ``deferred.load()`` has run, and nothing reads them before (the keys are held).
        self.store = cast("Store", store)
        self.library = cast("Library", library)
        self.config = cast("Config", config)
        self.lang = lang
        self.start = start or Start()
        self.active: Active | None = None
        self.locked = locked
        self.deferred = deferred
        self.keep_frame = keep_frame

    # --- start-up ---------------------------------------------------------------

    def get_driver_class(self):
        """Textual's own driver, except on Linux and macOS: one whose output cannot hang on a closed terminal."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver" and driver.__name__ == "LinuxDriver":
            from growtui.driver import GuardedLinuxDriver

            return GuardedLinuxDriver
        return driver

    def on_mount(self) -> None:
        theme = self.deferred.theme if self.deferred is not None else self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        self._install_signal_handlers()
        if self.deferred is not None:
            self.show_sketch(self.deferred)
            return
        if self.locked is not None:
            from growtui.screens.passphrase import PassphraseScreen

            self.push_screen(PassphraseScreen(self.locked, self.lang), self._unlocked)
            return
        self._open_first()

    def _unlocked(self, vault: Vault | None) -> None:
        if vault is None:
            self.exit(return_code=130, message=t("passphrase.left", self.lang))
            return
        self.store.vault, self.locked = vault, None
        self._open_first()

    def _open_first(self) -> None:
        if not self.start.history and (self.start.coachee or self.start.resume is not None):
            self.hold_keys()  # what is typed while the session screen is built goes into its notes
        if self.start.history:
            self.open_history(self.start.history_coachee)
        elif self.start.resume is not None:
            self.resume_session(self.start.resume, reopen=self.start.reopen)
        elif (start := self.start).coachee:
            self.start_session(
                NewConversation(
                    start.coachee, start.topic, start.minutes, start.language or self.lang, start.type_id, start.tags
                )
            )
        if len(self.screen_stack) < 2 or getattr(self.screen, "holds_keys", False):
            self.show(self._home())  # nothing asked for, or it could not open (the message is showing)
        self.call_later(self._release_keys)

    def go_back(self) -> None:
        """Leave the screen on top. The home screen is made when first needed, not at start-up:
        ``growtui new`` shows its session sooner when it does not build a screen nobody sees yet."""
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.switch_screen(self._home())

    def _home(self) -> HomeScreen:
        from growtui.screens.home import HomeScreen  # loaded when first shown: growtui new does without it

        return HomeScreen(self.store, self.config, self.lang, self.library)

    # --- sessions ---------------------------------------------------------------

    def start_session(self, request: NewConversation) -> None:
        """Open a new conversation at once; the index is looked up afterwards (``LookingBack``).

        With an unfinished conversation for this coachee, going on with that is offered then.
        """
        from growtui.conversation import start as starting

        kind = self.library.type_of(request.type_id)
        minutes = request.minutes
        if minutes is None:
            minutes = self.config.time_box_minutes if kind is None or kind.id == DEFAULT_TYPE else kind.minutes
        try:
            stored = starting.new_session(
                self.store,
                coachee=request.coachee,
                topic=request.topic,
                minutes=minutes,
                language=request.language,
                coach=self.config.coach_name,
                kind=kind,
                tags=request.tags,
                preparation=request.preparation,
                look_back=False,
            )
        except GrowtuiError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        for screen in self.screen_stack:
            clear_form = getattr(screen, "clear_form", None)  # the home screen's
            if clear_form is not None:
                clear_form()  # after a conversation, a stray Enter must not start the same one again
        self.open_session(stored)
        if self.active is not None and self.active.live.stored is stored:
            self.active.screen.after_first_frame.append(lambda: self.look_back(stored, request))

    def open_history(self, coachee: str | None = None) -> None:
        from growtui.screens.history import HistoryScreen  # the index and its SQLite only when asked for

        self.show(HistoryScreen(self.store, self.lang, coachee=coachee))

    def resume_session(self, path: Path, *, reopen: bool = False) -> None:
        """Go on with a conversation; ``reopen``: a finished one, for corrections."""
        from growtui.conversation import start as starting

        try:
            resumed = (starting.reopen if reopen else starting.resume)(self.store, path)
        except GrowtuiError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        self._tell_recovery(resumed)
        self.open_session(resumed.stored)
        if reopen:
            self.notify(t("reopened", resumed.stored.session.language), timeout=8)

    def _tell_recovery(self, resumed: starting.Resumed) -> None:
        session = resumed.stored.session
        if resumed.outcome == "conflict" and resumed.conflict_copy is not None:
            fields = ", ".join(resumed.conflicts[:3])
            text = t(
                "home.conflict",
                session.language,
                coachee=session.coachee,
                fields=fields,
                copy=resumed.conflict_copy.name,
            )
            self.notify(text, severity="warning", timeout=30, markup=False)
        elif resumed.outcome is not None:
            key = "home.merged" if resumed.outcome == "merged" else "home.recovered"
            text = t(key if resumed.saved else "home.recovered.unsaved", session.language, coachee=session.coachee)
            self.notify(text, timeout=15, markup=False)

    def open_session(self, stored: Stored) -> None:
        from growtui.conversation import Autosaver, LiveSession, start as starting
        from growtui.screens.session import SessionScreen
        from growtui.storage import SessionLock, remove_leftovers

        try:
            lock = SessionLock(stored.path).acquire()
        except SessionLockedError:
            # Open in another window: show it read-only here, so nothing can be written twice.
            from growtui.screens.document import SessionDocumentScreen

            self.notify(t("locked", self.lang), severity="warning", timeout=10)
            self.show(SessionDocumentScreen(self.store, stored.path, self.lang))
            return
        if stored.stamp is not None:  # a conversation just begun has no file, so no half-written save either
            remove_leftovers(stored.path)  # from a growtui killed while saving this session
        live = LiveSession(stored, self.library, clock=self.clock, today=self.today)
        saver = Autosaver(self.store, stored, self._report_save, after_save=starting.ReviewRecorder(self.store))
        screen = SessionScreen(live, saver)
        self.active = Active(lock, live, saver, screen)
        self.show(screen)
        if self.keep_frame is not None:
            keep, library, config = self.keep_frame, self.library, self.config
            self.keep_frame = None  # once: the cache says the same for every session of this start
            screen.after_first_frame.append(lambda: _in_thread(lambda: keep(config, library)))

    def _report_save(self, status) -> None:
        active = self.active
        if active is not None:
            active.screen.report_save(status)

    @on(SessionScreenRebuilt)
    def _session_screen_rebuilt(self, event: SessionScreenRebuilt) -> None:
        if self.active is not None and self.active.screen is event.old:
            self.active.screen = event.new
            event.new.after_first_frame.extend(event.old.after_first_frame)  # F8 before the look back began
            self.switch_screen(event.new)

    def close_session(self) -> bool:
        """Save what is open and release it. True when everything reached the disk."""
        active, self.active = self.active, None
        if active is None:
            return True
        try:
            return active.screen.flush()
        finally:
            active.saver.stop()
            active.lock.release()

    @on(SessionFinished)
    def _session_finished(self, event: SessionFinished) -> None:
        self.notify(t("finish.done", event.screen.live.lang), timeout=5)
        self.close_session()
        self.go_back()

    @on(BackRequested)
    def _back_requested(self) -> None:
        self.go_back()

    @on(HistoryRequested)
    def _history_requested(self, event: HistoryRequested) -> None:
        self.open_history(event.coachee)

    # The home screen's messages are handled by name, so this module does without the home screen's.
    def on_home_screen_start_requested(self, event: HomeScreen.StartRequested) -> None:
        self.start_session(event.request)

    def on_home_screen_resume_requested(self, event: HomeScreen.ResumeRequested) -> None:
        self.resume_session(event.path)

    @on(ReopenRequested)
    def _reopen_requested(self, event: ReopenRequested) -> None:
        self.resume_session(event.path, reopen=True)

    # --- keys and commands ---------------------------------------------------------

    def action_toggle_help(self) -> None:
        """F1: every key of the screen, grouped, in its language; F1 again (or Esc) closes it."""
        from growtui.dialogs.keys import KeysScreen, bindings_help

        screen = self.screen
        if isinstance(screen, KeysScreen):
            screen.dismiss(None)
            return
        lang = str(getattr(screen, "lang", None) or getattr(getattr(screen, "live", None), "lang", None) or self.lang)
        help_groups = getattr(screen, "help_groups", None)
        if help_groups is not None:
            groups = help_groups()
        else:
            groups = bindings_help([*type(screen).BINDINGS, *type(self).BINDINGS], lang, t("help.title", lang))
        self.push_screen(KeysScreen(groups, lang))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, in the screen's language, and without the screenshot: it would write
        the screen, notes and all, into a file in the current folder."""
        live = getattr(screen, "live", None)
        lang = live.lang if live is not None else self.lang
        yield SystemCommand(t("palette.theme", lang), t("palette.theme.help", lang), self.action_change_theme)
        yield SystemCommand(t("key.keys", lang), t("tip.keys", lang), self.action_toggle_help)
        yield SystemCommand(t("key.quit", lang), t("tip.quit", lang), self.action_save_and_quit)

    def action_command_palette(self) -> None:
        """Textual's palette, with its search line in the language of the screen."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            live = getattr(self.screen, "live", None)
            lang = live.lang if live is not None else self.lang
            self.push_screen(CommandPalette(id="--command-palette", placeholder=t("palette.placeholder", lang)))
