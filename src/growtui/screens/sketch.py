"""The first frame of a new conversation, drawn from plain data while the session screen loads behind it.

It looks like the session screen before anything is typed (the same
stylesheet, ids and texts; tests/test_sketch.py compares the two cell by
cell) and does nothing: the app holds every key pressed while it is up and
hands them, in order, to the session screen once its notes have the cursor.
It imports no pydantic, no model and no conversation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Label, Static, TextArea

from growtui.first_frame import Sketch
from growtui.i18n import phase_name, t
from growtui.screens.session_keys import bindings_for
from growtui.widgets.lines import Step, clock_line, fitting_stepper_line, ready_line, save_state_line
from growtui.widgets.translated import Translated

_HERE = Path(__file__).parent
# The session screen's own stylesheet, and its widgets' rules for the ids the first frame has.
_CSS = (
    (_HERE / "session.tcss").read_text(encoding="utf-8").replace("SessionScreen", "SketchScreen")
    + """
SketchScreen {
    #stepper, #ready { height: 1; padding: 0 1; background: $boost; }
    #ready { color: $text-muted; }
    #clock, #save-state { width: auto; height: 1; padding: 0 1; }
    #save-state { color: $text-muted; }
    #question { height: auto; padding: 0 1; border-left: thick $primary; margin: 1 0 0 0; }
    #question-text { text-style: bold; color: $text; }
    #question-meta { color: $text-muted; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    #answer { height: 1; background: $surface; color: $text-disabled; }
    #panel-style { height: auto; margin-bottom: 1; color: $text-muted; text-wrap: nowrap; text-overflow: clip; }
}
"""
)


class _Line(Widget):
    """One line drawn by a function of its width."""

    DEFAULT_CSS = "_Line { height: 1; }"

    def __init__(self, draw: Callable[[int], Text], **kwargs) -> None:
        super().__init__(**kwargs)
        self._draw = draw

    def render(self) -> Text:
        return self._draw(self.size.width)


class SketchScreen(Translated, Screen):
    """What ``growtui new`` shows while the session screen is made: the same layout, nothing behind it."""

    DEFAULT_CSS = _CSS
    AUTO_FOCUS = None
    holds_keys = True  # GrowApp keeps the keys pressed while this screen is up
    bindings_for = staticmethod(bindings_for)

    @classmethod
    def language(cls, sketch: Sketch, *args, **kwargs) -> str:
        return sketch.lang

    def __init__(self, sketch: Sketch, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.sketch = sketch
        self.clock = clock
        self.started = clock()  # when the conversation began: the session's clock goes on from here

    def compose(self) -> ComposeResult:
        sketch, lang = self.sketch, self.sketch.lang
        frame = sketch.frame
        topic = f" · {sketch.topic}" if sketch.topic else ""
        with Horizontal(id="topbar"):
            yield Label(f"{sketch.coachee}{topic}", id="who", markup=False)
            opening = phase_name(frame.phases[0][0], lang)
            yield Label(f"✎ {t('notes', lang)} · {opening}", id="typing")
            yield _Line(self._clock, id="clock")
            yield Static(save_state_line(lang, "blank"), id="save-state")
        yield _Line(self._stepper, id="stepper")
        if frame.ready:
            yield Static(ready_line(lang, frame.ready, self.app.theme_variables.get("success", "")), id="ready")
        with Vertical(id="question"):
            yield Static(frame.question, id="question-text")  # with markup, as the question panel has it
            yield Static(Text(frame.meta, no_wrap=True, overflow="ellipsis"), id="question-meta")
            yield Static(frame.placeholder, id="answer", markup=False)
        with Container(id="phases"), Container(id="phase-opening", classes="phase"):
            if frame.style:
                with VerticalScroll(classes="panel", can_focus=False):
                    yield self._style_panel()
            yield TextArea(
                id="notes-opening",
                classes="notes",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=t("notes.placeholder", lang),
            )
        yield Footer(compact=True)

    def _style_panel(self) -> Static:
        """Coach or direct? as the style panel shows it with nothing chosen: three boxes, two choices.

        One widget of three lines, not the panel's twenty: each widget costs the first frame its styling.
        The colours are the Checkbox's and Select's own (tests/test_sketch.py compares them cell by cell).
        """
        lang = self.sketch.lang

        def cell(text: str, width: int) -> str:
            return escape(text[:width].ljust(width))

        tick = "[$panel on $surface]▐[/][on $panel] [/][$panel on $surface]▌[/][$foreground on $surface] {} [/]  "
        pick = "[$foreground 50% on $surface]—" + " " * 19 + "▼ [/]"
        ticks = "".join(tick.format(escape(t(f"style.{name}", lang))) for name in ("deadline", "risk", "standard"))
        lines = [
            f"[bold $foreground]{cell(t('style.title', lang), 26)}[/]{ticks}",
            f"{cell(t('style.experience', lang), 26)}{pick}  {escape(t('style.choice', lang))} {pick}",
            f"{' ' * 26}{escape(t('style.suggest.none', lang))}",
        ]
        return Static("\n".join(lines), id="panel-style")

    def _elapsed(self) -> int:
        return int(self.clock() - self.started)

    def _clock(self, width: int) -> Text:
        return clock_line(self.sketch.lang, self._elapsed(), self.sketch.minutes)

    def _stepper(self, width: int) -> Text:
        phases = self.sketch.frame.phases
        steps = [
            Step(phase, name, current=not i, seconds=0 if i else self._elapsed())
            for i, (phase, name) in enumerate(phases)
        ]
        return fitting_stepper_line(steps, self.app.theme_variables, width)[0]

    def on_mount(self) -> None:
        self.query_one("#notes-opening", TextArea).focus()
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.query_one("#clock").refresh(layout=True)
        self.query_one("#stepper").refresh()
