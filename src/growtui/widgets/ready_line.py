"""Ready to move on? The current phase's checklist, one quiet line under the stepper. It never blocks."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from growtui.conversation import LiveSession
from growtui.i18n import t
from growtui.model import checklist_state


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
        live = self.live
        items = live.library.checklist_for(live.phase, live.session.type)
        return [
            (item.text.in_(live.lang), done)
            for item, done in checklist_state(items, live.session, live.phase, live.kind)
        ]

    def render(self) -> Text:
        state = self.state()
        self.set_class(not state, "-empty")
        success = self.app.theme_variables.get("success", "")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(t("ready.title", self.live.lang) + " ", style="italic")
        for index, (label, done) in enumerate(state):
            if index:
                text.append("  ")
            mark, style = {True: ("✓", success), False: ("○", ""), None: ("·", "")}[done]
            text.append(f"{mark} ", style=style)
            text.append(label, style="dim" if done else "")
        return text
