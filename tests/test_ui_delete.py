"""Deleting from the history screen: Delete asks first, then the conversation goes to the trash."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import copy_grow_examples
from growtui.dialogs.confirm import Confirm
from growtui.screens.history import HistoryScreen
from growtui.storage import SessionLock, trash
from growtui.widgets.session_table import SessionTable
from ui_helpers import make_app

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"
LATEST = "2026-11-03_zoe-van-dijk_vecb4mj32gx1.toml"  # the first row: the newest


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    copy_grow_examples(root)
    return root


async def loaded(app, pilot) -> HistoryScreen:
    for _ in range(100):
        await pilot.pause(0.05)
        screen = app.screen
        if isinstance(screen, HistoryScreen) and screen.has_class("-loaded"):
            await app.workers.wait_for_complete()
            await pilot.pause()
            return screen
    raise AssertionError("the history never loaded")


async def settle(app, pilot) -> None:
    await pilot.pause(0.2)
    await app.workers.wait_for_complete()
    await pilot.pause()


def rows(screen: HistoryScreen) -> list[str]:
    return [e.coachee for e in screen.query_one(SessionTable).rows]


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_delete_asks_then_moves_the_highlighted_conversation_to_the_trash(folder, lang):
    app = make_app(folder, lang=lang, history=True)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        assert rows(screen)[0] == "Zoë van Dijk"
        await pilot.press("delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        body = str(dialog.body)
        assert "Zoë van Dijk" in body and "2026-11-03 13:30" in body and "Volgende stap" in body
        assert ("30 days" if lang == "en" else "30 dagen") in body
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert app.screen is screen
        assert "Zoë van Dijk" not in rows(screen) and len(rows(screen)) == 4
        assert not (folder / LATEST).exists()
        [entry] = trash.entries(folder)
        assert entry.session_id == "vecb4mj32gx1" and entry.file.is_file()
        assert any("growtui restore vecb4mj32gx1" in note for note in notes), notes
        count = str(screen.query_one("#history-count").render())
        assert ("4 conversations" if lang == "en" else "4 gesprekken") in count


async def test_escape_in_the_question_keeps_the_conversation(folder):
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and len(rows(screen)) == 5
        assert (folder / LATEST).is_file() and trash.entries() == []


async def test_a_conversation_open_in_another_growtui_is_not_deleted_and_says_so(folder):
    app = make_app(folder, history=True)
    notes: list[tuple[str, str]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        app.notify = lambda message, severity="information", **kw: notes.append((str(message), severity))  # type: ignore[method-assign]
        with SessionLock(folder / LATEST):
            await pilot.press("delete")
            await pilot.pause()
            await pilot.click("#confirm-yes")
            await settle(app, pilot)
        assert (folder / LATEST).is_file() and len(rows(screen)) == 5
        assert notes and notes[-1][1] == "error" and "open in another growtui window" in notes[-1][0]


async def test_delete_is_in_the_footer_only_when_a_row_is_highlighted(tmp_path):
    app = make_app(tmp_path / "empty", history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        assert screen.check_action("delete", ()) is False
        await pilot.press("delete")
        await pilot.pause()
        assert app.screen is screen
