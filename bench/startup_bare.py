"""The baseline of the startup benchmark: a bare Textual app with a header, a label, a text area and a footer.

Its footer shows MARKER, the words of growtui's session screen in its key
bar ("Next question"), so both are timed until the same words are drawn.
Runs until it is killed:

    .venv/bin/python bench/startup_bare.py [MARKER]
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Label, TextArea

MARKER = sys.argv[1] if len(sys.argv) > 1 else "Next question"


class Bare(App):
    BINDINGS = [Binding("ctrl+n", "bell", MARKER)]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("A bare Textual app")
        yield TextArea(soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    Bare().run()
