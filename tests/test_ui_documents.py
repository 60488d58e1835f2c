"""Documents on screen (a session, a coachee's arc) look exactly as Textual's Markdown draws them, sooner.

Issue 18: a coachee's arc of 23 sessions was 2,100 widgets and took 5-7 s,
with Esc waiting. DocumentMarkdown draws a bullet list as one widget, and a
long arc comes in parts. Neither may change a single cell on the screen:
these tests compare the screens themselves, at several scroll positions,
widths and themes. The work is counted, never timed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from factories import CET, copy_grow_examples, full_session
from growtui.library import load_library
from growtui.render import arc_markdown, session_markdown
from growtui.screens import document
from growtui.screens.document import CoacheeArcScreen
from growtui.storage import Store
from growtui.widgets.document import DocumentMarkdown, ListLines
from test_ui_history import loaded, settle
from ui_helpers import make_app

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"


def _styled(styles: dict[str, str], match: re.Match[str]) -> str:
    return f'style="{styles[match.group(1)]}"'


_RECT = re.compile(r'<rect fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')
CELL = 12.2  # the width of a cell in Textual's screenshots


Shown = list[tuple[str, dict[tuple[str, int], str]]]


def screens(svgs: list[str]) -> Shown:
    """Screenshots as what they show: each text with its style (not its numbered class), each cell's background."""
    shown = []
    for svg in svgs:
        svg = re.sub(r"terminal-\d+", "t", svg)
        styles = dict(re.findall(r"\.(t-r\d+) \{([^}]*)\}", svg))
        body = svg[svg.index('<g class="t-matrix"') :]
        texts = re.sub(r'class="(t-r\d+)"', partial(_styled, styles), body)
        cells = {}
        for fill, x, y, width in _RECT.findall(svg):
            first = round(float(x) / CELL)
            for cell in range(first, first + round(float(width) / CELL)):
                cells[(y, cell)] = fill
        shown.append((texts, cells))
    return shown


class Viewer(App):
    def __init__(self, widget: type[Markdown], text: str, theme: str) -> None:
        super().__init__()
        self.widget, self.text, self.chosen_theme = widget, text, theme

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield self.widget(self.text)

    def on_mount(self) -> None:
        self.theme = self.chosen_theme


async def drawn(widget: type[Markdown], text: str, size: tuple[int, int], theme: str) -> tuple[Shown, int]:
    app = Viewer(widget, text, theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        scroll = app.query_one(VerticalScroll)
        shots = []
        for y in range(0, scroll.virtual_size.height, size[1] // 2):
            scroll.scroll_to(y=y, animate=False)
            await pilot.pause()
            shots.append(app.export_screenshot())
        return screens(shots), len(app.query("*"))


def arc_sessions():
    sessions = []
    for n in range(4):
        s = full_session(id=f"arc{n:09d}", started_at=datetime(2026, 1, 5, 9, tzinfo=CET) + timedelta(weeks=n))
        s.options.items[0].text = "Een heel lange optie " * 6 + "die over meer dan een regel loopt"
        sessions.append(s)
    return sessions


@pytest.mark.parametrize(("size", "theme"), [((100, 30), "textual-dark"), ((46, 20), "textual-light")])
async def test_a_document_looks_as_textual_draws_it_with_far_fewer_widgets(size, theme):
    library = load_library([])
    arc, one = arc_markdown(arc_sessions(), "nl", library), session_markdown(arc_sessions()[0], "en", library)
    for text, fewer in ((arc, 4), (one, 2)):  # the arc is mostly lists; a session has tables and notes too
        ours, our_widgets = await drawn(DocumentMarkdown, text, size, theme)
        textuals, their_widgets = await drawn(Markdown, text, size, theme)
        assert ours == textuals
        assert our_widgets * fewer < their_widgets


async def test_a_list_with_more_than_paragraphs_is_left_to_textual():
    text = "- one\n- two\n\n  1. first\n  2. second\n\n- ```\n  code\n  ```\n"
    ours, _ = await drawn(DocumentMarkdown, text, (60, 20), "textual-dark")
    assert ours == (await drawn(Markdown, text, (60, 20), "textual-dark"))[0]
    app = Viewer(DocumentMarkdown, text, "textual-dark")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert not app.query(ListLines)


@pytest.fixture
def long_arc(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    copy_grow_examples(root)  # the GROW examples: the third row of the history is Sem's
    store = Store(root)
    for s in arc_sessions():
        s.coachee = "Sem Brouwer"
        store.create(s)
    return root


async def arc_screens(folder: Path, monkeypatch, *, in_one: bool) -> tuple[Shown, list[int]]:
    if in_one:
        monkeypatch.setattr(CoacheeArcScreen, "markdown_in_steps", lambda self: [self.markdown()])
    app = make_app(folder, history=True, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await pilot.press("down", "down", "ctrl+g")
        await settle(app, pilot, 1.5)
        arc = app.screen
        assert isinstance(arc, CoacheeArcScreen) and len(arc.sessions) == 6
        parts = [len(md.source) for md in arc.query(DocumentMarkdown)]
        scroll = arc.query_one("#doc-scroll", VerticalScroll)
        shots = []
        for y in range(0, scroll.virtual_size.height, 10):
            scroll.scroll_to(y=y, animate=False)
            await pilot.pause()
            shots.append(app.export_screenshot())
        return screens(shots), parts


async def test_a_long_arc_comes_in_parts_and_looks_like_one_document(long_arc, monkeypatch):
    monkeypatch.setattr(document, "ARC_STEP", 2)
    in_parts, parts = await arc_screens(long_arc, monkeypatch, in_one=False)
    assert len(parts) >= 3  # the first screen, then two sessions at a time
    whole, one = await arc_screens(long_arc, monkeypatch, in_one=True)
    assert len(one) == 1 and sum(parts) + len(parts) - 1 == one[0]
    assert in_parts == whole


async def test_leaving_the_arc_while_it_comes_stops_it(long_arc, monkeypatch):
    monkeypatch.setattr(document, "ARC_STEP", 1)
    app = make_app(long_arc, history=True, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        history = await loaded(app, pilot)
        await pilot.press("down", "down", "ctrl+g")
        arc = app.screen
        for _ in range(200):
            await pilot.pause(0.01)
            if isinstance(arc, CoacheeArcScreen) and arc.sessions:
                break
        await pilot.press("escape")
        assert app.screen is history
        shown = len(arc.query(DocumentMarkdown))
        await settle(app, pilot, 0.5)
        assert len(arc.query(DocumentMarkdown)) == shown < 6  # no part was laid out after leaving
