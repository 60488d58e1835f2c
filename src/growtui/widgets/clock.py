"""Elapsed time against the time box, and whether the last save reached the disk."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.widgets.lines import clock_line, save_state_line


class SessionClock(Widget):
    DEFAULT_CSS = """
    SessionClock {
        width: auto;
        height: 1;
        padding: 0 1;
        &.-over { color: $warning; text-style: bold; }
    }
    """

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live

    def render(self) -> Text:
        elapsed = self.live.elapsed()
        box = self.live.session.time_box_minutes * 60
        self.set_class(elapsed > box, "-over")
        return clock_line(self.live.lang, elapsed, self.live.session.time_box_minutes)


class SaveIndicator(Widget):
    """'saved' quietly, or a loud 'NOT SAVED' while the disk refuses (states: saved, failing)."""

    DEFAULT_CSS = """
    SaveIndicator {
        width: auto;
        height: 1;
        padding: 0 1;
        color: $text-muted;
        &.-failing { background: $error; color: $text; text-style: bold; }
    }
    """

    def __init__(self, lang: str, *, encrypted: bool = False, state: str = "saved", **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.encrypted = encrypted  # says so with every save: the reassurance belongs where the saving shows
        self.state = state  # "blank" until the first save: a conversation without typing has no file

    def set_state(self, state: str) -> None:
        self.state = state
        self.set_class(state == "failing", "-failing")
        self.refresh(layout=True)  # 'NOT SAVED' is wider than '✓ saved': the width is measured again

    def render(self) -> Text:
        return save_state_line(self.lang, self.state, self.encrypted)
