"""The phase stepper: where you are, which phases have content, time per phase."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.i18n import phase_name
from growtui.widgets.lines import FRAME, Step, fitting_stepper_line, mmss

__all__ = ["FRAME", "PhaseStepper", "mmss", "steps_of"]


def steps_of(live: LiveSession) -> list[Step]:
    """The stepper's phases, as the session has them now."""
    return [
        Step(
            phase,
            phase_name(phase, live.lang, live.library),
            current=phase == live.phase,
            has_content=live.has_content(phase),
            seconds=live.seconds_in(phase),
            over=live.overrun(phase),
        )
        for phase in live.phases()
    ]


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
        text, self._spans = fitting_stepper_line(steps_of(self.live), self.app.theme_variables, self.size.width)
        return text

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # padding
        for start, end, phase in self._spans:
            if start <= x < end:
                self.post_message(self.PhaseSelected(phase))
                return
