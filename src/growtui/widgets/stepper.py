"""The phase stepper: where you are, which phases have content, time per phase."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.i18n import phase_name
from growtui.model import Phase

FRAME = frozenset({Phase.opening, Phase.follow_up, Phase.closing})  # the phases around the heart of a conversation


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class PhaseStepper(Widget):
    """One line: ``Doel ● 4:10 › Realiteit ○ › Opties › Wil``. Click a phase to go there."""

    DEFAULT_CSS = """
    PhaseStepper {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    """

    class PhaseSelected(Message):
        def __init__(self, phase: str) -> None:
            super().__init__()
            self.phase = phase

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Text:
        """Full names when they fit; otherwise the phases around the heart of it shrink to initials."""
        text = self._line(short=False)
        if text.cell_len > max(1, self.size.width - 2):
            text = self._line(short=True)
        return text

    def _line(self, short: bool) -> Text:
        live = self.live
        colours = self.app.theme_variables
        primary, success, warning = (colours.get(k, "") for k in ("primary", "success", "warning"))
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for index, phase in enumerate(live.phases()):
            if index:
                text.append(" › ", style="dim")
            start = len(text)
            current = phase == live.phase
            grow = phase not in FRAME
            mark = "●" if live.has_content(phase) else "○"
            text.append(f"{mark} ", style=success if mark == "●" else "dim")
            name = phase_name(phase, live.lang, live.library)
            if short and not current and not grow:
                name = name[0]
            style = f"bold reverse {primary}" if current else ("" if grow else "dim")
            text.append(f" {name} " if current else name, style=style)
            seconds = live.seconds_in(phase)
            if seconds >= 60 or current:
                over = live.overrun(phase)
                text.append(f" {mmss(seconds)}", style=f"bold {warning}" if over else "dim")
            self._spans.append((start, len(text), phase))
        return text

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # padding
        for start, end, phase in self._spans:
            if start <= x < end:
                self.post_message(self.PhaseSelected(phase))
                return
