"""The app's last line of defence: however it ends (quit, signal, error, a closed terminal), what is open is saved.

A mixin of :class:`growtui.app.GrowApp`, which provides ``active`` and
``close_session``; kept apart so the app module stays about screens and keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from growtui import crash
from growtui.driver import terminal_gone
from growtui.errors import EXIT_INTERNAL

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[Any]
else:
    _Base = object


class SavesFirst(_Base):
    active: Any

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

    def _save_before_stopping(self) -> list[str]:
        """Save what is open, whatever else is failing; what to tell the user about their notes."""
        path = self.active.live.stored.path if self.active else None
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
