"""``growtui new`` behind a first frame drawn from plain data: what is loaded after it, and the keys meanwhile.

A mixin of the app. The first frame (``screens.sketch``) is on the terminal
before pydantic, the models, the library or the session screen are loaded;
they are loaded right after it, and the session screen takes its place.
Every key and paste that comes in between is held and replayed in order once
the session screen has the cursor: the frame only looks like that screen.
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

    from growtui.config import Config
    from growtui.crypto import Marker, Vault
    from growtui.first_frame import Sketch
    from growtui.library import Library
    from growtui.storage import Store

    _Base = App[Any]
else:
    _Base = object

SKETCH_SHOWN = 0.01  # seconds after the first frame was handed over: the writer thread has put it out by then
RELEASE_TRIES = 100  # 2 s at most for the session screen to take the cursor, then the keys go where it is


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
    _held: list[events.Key | events.Paste] | None = None  # the keys pressed while the first frame is up
    load_error: GrowtuiError | None = None

    def _open_first(self) -> None:  # provided by the app
        raise NotImplementedError

    def _unlocked(self, vault: Vault | None) -> None:  # provided by the app
        raise NotImplementedError

    @property
    def holding_keys(self) -> bool:
        """Keys pressed on the first frame are waiting for the session screen's notes."""
        return bool(self._held)

    def show_sketch(self, deferred: Deferred) -> None:
        from growtui.screens.sketch import SketchScreen

        self._held = []
        self.push_screen(SketchScreen(deferred.sketch))
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
            self._held = None
            self.load_error = exc  # the command line says it once the terminal is back, as a full start would
            self.exit(return_code=2)
            return
        if self.locked is not None:
            from growtui.screens.passphrase import PassphraseScreen

            self.pop_screen()  # rare: the folder was encrypted after the frame was kept
            self.push_screen(PassphraseScreen(self.locked, self.lang), self._unlocked)
        else:
            self._open_first()
        self.call_later(self._release_keys)

    async def _release_keys(self, tries: int = 0) -> None:
        """The keys pressed while the first frame was up, in order, once the real screen has the cursor.

        They are handled here and now, not posted again: a key still waiting in the app's queue came after
        them and must stay after them.
        """
        from growtui.widgets.fields import NotesArea  # loaded with the session screen by now

        if self._held is None:
            return
        # Not on the first widget that has focus for a moment while the screen mounts (a tick box: a space
        # there would tick it), only on the notes, where the session screen puts the cursor.
        if not isinstance(self.focused, NotesArea) and tries < RELEASE_TRIES:
            self.set_timer(0.02, lambda: self._release_keys(tries + 1))
            return
        held, self._held = self._held, None
        for event in held:
            await super().on_event(event)

    async def on_event(self, event: events.Event) -> None:
        if self._held is not None and isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
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
