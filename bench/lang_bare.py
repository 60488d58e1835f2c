"""The baseline of the language section: startup_bare.py's layout; F8 puts it up again in the other language.

growtui's F8 builds a new session screen in the other language and
switches to it; this does the same with Textual alone: a new screen of
Header, Label, TextArea and Footer (the layout of startup_bare.py), its key
bar in the other language, and ``switch_screen`` to it. So the figure is
what Textual costs to put up a freshly composed screen of that layout.
Runs until it is killed:

    .venv/bin/python bench/lang_bare.py [en|nl]
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, TextArea

# The key bar's words in both languages, as growtui's session screen shows them ("key.next").
NEXT = {"en": "Next question", "nl": "Volgende vraag"}
OTHER = {"en": "nl", "nl": "en"}


class LangScreen(Screen):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self._bindings.bind("ctrl+n", "app.bell", NEXT[lang])
        self._bindings.bind("f8", "app.switch_language", "Switch language", show=False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"A bare Textual app ({self.lang})")
        yield TextArea(soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


class Bare(App):
    BINDINGS = [Binding("f8", "switch_language", "Switch language", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def on_mount(self) -> None:
        self.push_screen(LangScreen(self.lang))

    def action_switch_language(self) -> None:
        self.lang = OTHER[self.lang]
        self.switch_screen(LangScreen(self.lang))


if __name__ == "__main__":
    Bare(sys.argv[1] if len(sys.argv) > 1 else "en").run()
