"""Ready to move on? The current phase's checklist, one quiet line under the stepper. It never blocks."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.model import checklist_state
from growtui.widgets.lines import ready_line


class ReadyLine(Widget):
    """``Ready? ✓ own words · ○ measurable · · fits the time``: ticked, not yet, or a reminder."""

    DEFAULT_CSS = """
    ReadyLine {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-muted;
        &.-empty { display: none; }
    }
    """

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live

    def state(self) -> list[tuple[str, bool | None]]:
        return ready_state(self.live)

    def render(self) -> Text:
        state = self.state()
        self.set_class(not state, "-empty")
        return ready_line(self.live.lang, state, self.app.theme_variables.get("success", ""))


def ready_state(live: LiveSession) -> list[tuple[str, bool | None]]:
    """The current phase's checklist: each item's text, and ticked (True), not yet (False) or a reminder (None)."""
    items = live.library.checklist_for(live.phase, live.session.type)
    return [
        (item.text.in_(live.lang), done) for item, done in checklist_state(items, live.session, live.phase, live.kind)
    ]
