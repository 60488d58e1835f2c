"""``growtui new`` behind a first frame drawn from plain data: what is loaded after it, and the keys meanwhile.

A mixin of the app. The first frame (``screens.sketch``) is on the terminal
before pydantic, the models, the library or the session screen are loaded;
they are loaded right after it, and the session screen takes its place.
Every key and paste that comes in between is held and replayed in order once
the session screen's notes have the cursor: the frame only looks like that
screen. When no notes come (the conversation could not open, the folder
turned out to be encrypted), the keys are dropped and the manager is told.

A full start that opens a conversation (``resume``, the very first ``new``)
holds the keys the same way from its first moment until the notes have the
cursor: without it, what was typed while it loaded went to no widget at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import events

from growtui.errors import GrowtuiError

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from growtui.app import Active
    from growtui.config import Config
    from growtui.crypto import Marker, Vault
    from growtui.first_frame import Sketch
    from growtui.library import Library
    from growtui.storage import Store

    _Base = App[Any]
else:
    _Base = object

SKETCH_SHOWN = 0.01  # seconds after the first frame was handed over, for the writer thread to put it out
REPLAY_SETTLE = 0.05  # seconds after a key that was not typed into a field, for what it did to land
REPLAY_WAIT = 1.0  # seconds at most for a held key to travel up to the app, before the next one goes
QUIT_KEYS = ("ctrl+q", "ctrl+c")  # the app's save-and-quit keys: honoured even when the other held keys are not
RELEASE_TRIES = 100  # 2 s at most for the session screen's notes to take the cursor, then the keys are dropped


@dataclass
class Deferred:
    """A start that draws a first frame from plain data, then loads: ``load()`` gives what the app needs."""

    sketch: Sketch
    theme: str
    load: Callable[[], tuple[Store, Library, Config, Marker | None]]


class Sketched(_Base):
    """Mixin of the app: the first frame of a new conversation, and the start behind it."""

    deferred: Deferred | None
    store: Store
    library: Library
    config: Config
    locked: Marker | None
    lang: str
    clock: Callable[[], float]
    active: Active | None  # the conversation open in the session screen, once there is one
    _held: list[events.Key | events.Paste] | None = None  # the keys pressed while the first frame is up
    _replaying = False
    _replayed: events.Key | events.Paste | None = None  # the held key being handled
    _replay_typed = False  # it is a character going into the focused field
    load_error: GrowtuiError | None = None
    keys_not_kept = 0  # held when the start failed behind the first frame

    def _open_first(self) -> None:  # provided by the app
        raise NotImplementedError

    def _unlocked(self, vault: Vault | None) -> None:  # provided by the app
        raise NotImplementedError

    @property
    def holding_keys(self) -> bool:
        """Keys pressed on the first frame are waiting for the session screen's notes."""
        return bool(self._held)

    def hold_keys(self) -> None:
        """From now on, keys wait for the notes of the session screen that is on its way."""
        if self._held is None and not self._replaying:
            self._held = []

    def show_sketch(self, deferred: Deferred) -> None:
        from growtui.screens.sketch import SketchScreen

        self.hold_keys()
        self.push_screen(SketchScreen(deferred.sketch, self.clock))
        self.call_after_refresh(self._after_sketch)

    def _after_sketch(self) -> None:
        """The first frame has been handed to the terminal's writer: load everything else now."""
        self.set_timer(SKETCH_SHOWN, self._load_rest)

    def _load_rest(self) -> None:
        deferred, self.deferred = self.deferred, None
        if deferred is None:
            return
        try:
            self.store, self.library, self.config, self.locked = deferred.load()
        except GrowtuiError as exc:  # a question file or the config broke since the frame was kept
            self.keys_not_kept, self._held = len(self._held or []), None
            self.load_error = exc  # the command line says it once the terminal is back, as a full start would
            self.exit(return_code=2)
            return
        if self.locked is not None:
            from growtui.screens.passphrase import PassphraseScreen

            self.pop_screen()  # rare: the folder was encrypted after the frame was kept
            self.push_screen(PassphraseScreen(self.locked, self.lang), self._unlocked)
            self.call_later(self._release_keys)  # they would be the passphrase: dropped
        else:
            began = getattr(self.screen, "started", None)  # the first frame's, before the session screen's
            self._open_first()  # releases them once the notes have the cursor
            if self.active is not None and began is not None:
                self.active.live.count_from(began)  # so the clock goes on at the swap, never back

    async def _release_keys(self, tries: int = 0) -> None:
        """The keys pressed while the first frame was up, in order, once the session screen's notes have the cursor.

        Only there: not on the tick box that has the focus for a moment while the screen mounts (a space
        would tick it), nor on another screen's field when the conversation could not open (the notes would
        become a coachee's name, or a passphrase). Then they are dropped, and the manager is told.
        """
        from growtui.widgets.fields import NotesArea  # loaded with the session screen by now

        if self._held is None or self._replaying:
            return
        if not isinstance(self.focused, NotesArea):
            if self._no_notes_coming():
                self._drop_held()
            elif tries < RELEASE_TRIES:
                self.set_timer(0.02, lambda: self._release_keys(tries + 1))
            else:
                self._drop_held()
            return
        self._replaying = True
        await self._replay_next()

    async def _replay_next(self) -> None:
        """The oldest held key; the next one once this one has been handled, as if typed.

        A character that goes into the focused field is taken there, and the next one follows at once. Any
        other key may be a binding that moves the cursor (Ctrl+L, Esc, Tab, F2) or reads what is typed
        (Ctrl+Q): the next key waits until this one stopped or reached the app, then for its work to land
        (REPLAY_SETTLE and a refresh). So the answer typed after a held Ctrl+L goes to the answer line, and
        a held Ctrl+Q finds the words before it. Keys that come meanwhile join the end of the queue.
        """
        held = self._held
        if not held:
            self._held, self._replaying = None, False
            return
        from textual.widgets import Input, TextArea

        event = held.pop(0)
        self._replayed = event
        field = isinstance(self.focused, (Input, TextArea))
        self._replay_typed = isinstance(event, events.Paste) or (field and event.is_printable)
        await super().on_event(event)
        if not event.is_forwarded:  # a priority binding (Ctrl+Q, F12): done here
            self._replay_done(event)
            return
        target = self.focused or self.screen
        if not target.call_later(self._replay_taken, event):  # the widget is going: on from the app
            self._replay_done(event)

    def _replay_taken(self, event: events.Key | events.Paste, waited: float = 0.0) -> None:
        """``event`` has been with the focused widget: it stopped there or higher up, or it goes on to the app.

        Looked at again every few milliseconds: a busy moment (a hidden phase being mounted) can hold up its
        way to the app, and the next key must not overtake it. After REPLAY_WAIT the next one goes anyway.
        """
        if self._replayed is not event:
            return
        if event._stop_propagation or waited >= REPLAY_WAIT:  # Textual has no public word for "stopped"
            self._replay_done(event)
        else:
            self.set_timer(0.02, lambda: self._replay_taken(event, waited + 0.02))

    def _replay_done(self, event: events.Key | events.Paste) -> None:
        if self._replayed is not event:
            return
        self._replayed = None
        if self._replay_typed:  # a character its field took: the next one may follow at once
            self.call_later(self._replay_next)
        else:  # a binding's work (a focus that moves takes a few turns of the loop) lands before the next key
            self.set_timer(REPLAY_SETTLE, lambda: self.call_after_refresh(self._replay_next))

    def _no_notes_coming(self) -> bool:
        """The screen on top is neither the first frame nor the session screen: the conversation did not open
        (the home screen with its message), is open elsewhere (read only), or waits for a passphrase."""
        stack = self.screen_stack
        if len(stack) < 2:  # only Textual's default screen: the first one is still to come
            return False
        screen = stack[-1]
        return not getattr(screen, "holds_keys", False) and (self.active is None or screen is not self.active.screen)

    def _keys_settled(self) -> bool:
        """Nothing is held, and a key now goes where it would go anyway: the notes, or a screen with no notes."""
        from growtui.widgets.fields import NotesArea

        if self._held or self._replaying:
            return False
        return isinstance(self.focused, NotesArea) or self._no_notes_coming()

    def _drop_held(self) -> None:
        from growtui.i18n import tn

        held, self._held = self._held or [], None
        if held:
            self.notify(tn("sketch.keys_dropped", len(held), self.lang), severity="warning", timeout=20)
        if any(isinstance(key, events.Key) and key.key in QUIT_KEYS for key in held):
            self.call_later(self.run_action, "save_and_quit")  # asked for while it started: that still counts

    async def on_event(self, event: events.Event) -> None:
        if event is self._replayed:  # a held key that went up from the focused widget: the app's bindings now
            await super().on_event(event)
            self._replay_done(event)
            return
        if self._held is not None and isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._keys_settled():  # the first key after the notes took the cursor: no holding any longer
                self._held = None
                await super().on_event(event)
                return
            self._held.append(event)  # for the session screen: the first frame only looks like it
            return
        if self._held is not None and isinstance(event, events.MouseEvent):
            return  # a click on the first frame has nothing to land on
        await super().on_event(event)

    def show(self, screen: Screen) -> None:
        """Put ``screen`` on top; in place of the first frame when that is still there."""
        if getattr(self.screen, "holds_keys", False):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
