"""Floors for the startup benchmark: growtui's first frame, rebuilt in stock Textual with nothing of growtui.

The screen of ``growtui new --coachee Bench --lang en`` at 100×30, with its
own stylesheet and texts, but no growtui code, pydantic or session behind it:

    .venv/bin/python bench/startup_layout.py widgets   # the same kinds of widgets (Checkbox, Select, Input)
    .venv/bin/python bench/startup_layout.py text      # the panel drawn as plain text: a plain-data first frame

``widgets`` is the least a first frame built from growtui's widgets can
cost; ``text`` the least a first frame painted from plain data can. Both
import click, as growtui's command line does. Runs until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click  # noqa: F401  growtui's command line pays for it before anything else
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Label, Static, TextArea

MODE = sys.argv[1] if len(sys.argv) > 1 else "widgets"
SOURCE = Path(__file__).resolve().parent.parent / "src" / "growtui"
STYLES = (SOURCE / "screens" / "session.tcss").read_text().replace("SessionScreen", "Screen")
QUESTION = """
#question { height: auto; padding: 0 1; border-left: thick $primary; margin: 1 0 0 0; }
#question-text { text-style: bold; }
#question-meta { color: $text-muted; height: 1; }
#answer { border: none; height: 1; padding: 0; background: $surface; }
#stepper, #ready { height: 1; padding: 0 1; background: $boost; }
#ready { color: $text-muted; }
#clock, #save-state { width: auto; padding: 0 1; }
.style-row { height: auto; }
.style-row Label { width: 26; }
"""


class Layout(App):
    CSS = STYLES + QUESTION + (SOURCE / "app.tcss").read_text()
    BINDINGS = [
        Binding("ctrl+n", "bell", "Next question"),
        Binding("ctrl+o", "bell", "Questions"),
        Binding("f10", "bell", "Finish"),
        Binding("f12", "bell", "Privacy"),
        Binding("f1", "bell", "Keys"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Label("Bench", id="who")
            yield Label("✎ Notes · Opening", id="typing")
            yield Static("0:00 of 45:00", id="clock")
            yield Static("nothing yet", id="save-state")
        yield Static("○  Opening  0:00 › ○ Goal › ○ Reality › ○ Options › ○ Will › ○ Closing", id="stepper")
        yield Static("Ready? · Time agreed  · Said: this is not an appraisal  · Agreed what you may share", id="ready")
        with Vertical(id="question"):
            yield Static("How are you doing today, as we get started?", id="question-text")
            yield Static(
                "question 1 of 10 · A moment to land and connect before getting into content.", id="question-meta"
            )
            yield Input(placeholder="Note the answer to this question (Enter)…", id="answer", compact=True)
        with Container(id="phases"), Container(classes="phase"):
            with VerticalScroll(classes="panel", can_focus=False):
                yield from self.style_panel()
            yield TextArea(classes="notes", soft_wrap=True, placeholder="Type what you hear…")
        yield Footer(compact=True)

    def style_panel(self) -> ComposeResult:
        if MODE == "text":
            yield Static(
                "Coach or direct?          ▐ ▌ Hard deadline   ▐ ▌ Risk   ▐ ▌ Standard at stake\n"
                "Experience in this task   —                   ▼   Choice —                   ▼\n"
                "                          Tick what applies, or skip this."
            )
            return
        from textual.widgets import Checkbox, Select

        with Horizontal(classes="style-row"):
            yield Label("Coach or direct?")
            for label in ("Hard deadline", "Risk", "Standard at stake"):
                yield Checkbox(label, compact=True)
        with Horizontal(classes="style-row"):
            yield Label("Experience in this task")
            yield Select([("New to it", 1), ("Some", 2), ("Experienced", 3)], compact=True)
            yield Select([("Coach", 1), ("Direct", 2)], compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    Layout().run()
