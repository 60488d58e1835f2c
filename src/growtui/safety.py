"""The app's last line of defence: however it ends (quit, signal, error, a closed terminal), what is open is saved.

A mixin of :class:`growtui.app.GrowApp`, which provides ``active`` and
``close_session``; kept apart so the app module stays about screens and keys.
Leaving by Ctrl+Q or a signal is here too: it waits for the keys typed before it.
"""

from __future__ import annotations

import asyncio
import signal
from typing import TYPE_CHECKING, Any

from rich.text import Text

from growtui import crash
from growtui.driver import terminal_gone
from growtui.errors import EXIT_INTERNAL

# The longest Ctrl+Q (or a signal) waits for the keys typed before it to reach their field (see
# action_save_and_quit); they take a millisecond or so, this is for a field that no longer takes them.
KEYS_ON_THEIR_WAY = 0.5

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[Any]
else:
    _Base = object


class SavesFirst(_Base):
    active: Any
    _leaving = False  # save_and_quit was asked for: once is enough
    _left = False  # and has run

    def close_session(self) -> bool:  # provided by the app
        raise NotImplementedError

    def run(self, *args, **kwargs):
        """Run the app; however it ends (quit, signal, error, a closed terminal), what is open gets saved."""
        try:
            return super().run(*args, **kwargs)
        finally:
            try:
                self.close_session()
            except Exception:
                pass

    def _install_signal_handlers(self) -> None:
        """Closing the terminal (SIGHUP) or SIGTERM: save, then leave cleanly."""
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self.action_save_and_quit)
        except (NotImplementedError, RuntimeError, AttributeError):
            pass  # not on this platform; ctrl+q and ctrl+c still save

    def action_save_and_quit(self) -> None:
        """Save and leave, once the keys typed before it are in their field.

        Ctrl+Q is a priority key: the app handles it as it reads it, while the keys that came before it
        in the same burst (typing ahead while the app was busy a moment) still wait in the focused field's
        own queue. So the save goes into that queue behind them, and a timer makes sure it comes."""
        if self._leaving:
            return
        self._leaving = True
        focused = self.focused
        if focused is None or not focused.call_later(self._save_and_quit):
            self._save_and_quit()
            return
        self.set_timer(KEYS_ON_THEIR_WAY, self._save_and_quit)

    def _save_and_quit(self) -> None:
        """Save and leave; when the disk refuses, say where the text is (it is printed after the app has gone)."""
        if self._left:
            return  # the field's turn came before the timer, or the other way round
        self._left = True
        active = self.active
        self._keep_drafts()
        if self.close_session() or active is None:
            self.exit()
            return
        status = active.saver.status
        reason = status.reason if status is not None and status.reason else "the disk refused it"
        recovery = status.recovery if status is not None else None
        kept = (
            f"everything you typed is kept in {recovery}, and growtui resume {active.live.session.id} goes on with it"
            if recovery is not None
            else "no recovery file could be written either: the text typed since the last save is lost"
        )
        self.exit(message=Text(f"growtui could not save {active.live.stored.path} ({reason}); {kept}."))

    def _keep_drafts(self) -> None:
        """What is typed outside a conversation goes to its file now: the home screen's preparation."""
        for screen in self.screen_stack:
            keep = getattr(screen, "keep_preparation", None)
            if keep is not None:
                try:
                    keep()
                except Exception:  # leaving anyway: the conversation must still be saved
                    pass

    def _save_before_stopping(self) -> list[str]:
        """Save what is open, whatever else is failing; what to tell the user about their notes."""
        path = self.active.live.stored.path if self.active else None
        self._keep_drafts()
        try:
            saved = self.close_session()
        except Exception:
            saved = False
        if path is None:
            return []
        return [
            f"Your notes are saved in {path}; growtui resume goes on with them."
            if saved
            else "Saving failed; your notes are in the recovery folder (see growtui paths)."
        ]

    def panic(self, *renderables) -> None:
        """Textual's way out when its own machinery fails, e.g. its input thread when the terminal is closed.

        Its renderables are tracebacks, which growtui never shows: save first,
        then leave quietly if the terminal is gone, or with a short message.
        """
        notes = self._save_before_stopping()
        if terminal_gone():
            super().panic()
            return
        self._return_code = EXIT_INTERNAL
        lines = ["growtui stopped because its terminal stopped working.", *notes]
        super().panic(Text("\n".join(lines)))

    def _handle_exception(self, error: Exception) -> None:
        """Save first, never print notes, leave a short message and a 0600 report.

        Textual's own handler prints a traceback with local variables, which
        here would put confidential notes on the screen. This is the one place
        growtui overrides a private Textual method: there is no public hook.
        """
        notes = self._save_before_stopping()
        report = crash.write_report(error)
        lines = [f"growtui stopped because of an internal error ({type(error).__name__}).", *notes]
        if report is not None:
            lines.append(f"A report without your notes: {report}")
        self.exit(return_code=EXIT_INTERNAL, message=Text("\n".join(lines)))
