"""Stopping with a window still open: what was typed there is kept."""

from __future__ import annotations

from typing import Any

import pytest

from growtui.dialogs.action_editor import ActionEditor
from growtui.dialogs.option_editor import OptionEditor
from growtui.screens.session import SessionScreen
from growtui.storage import Store
from ui_helpers import make_app, wait_until


async def session_screen(pilot, app) -> SessionScreen:
    for _ in range(100):
        if isinstance(app.screen, SessionScreen):
            return app.screen
        await pilot.pause(0.02)
    raise AssertionError("the session screen never came")


async def open_editor(pilot, app, phase: str, table: str):
    screen = await session_screen(pilot, app)
    screen.action_go(phase)
    await pilot.pause()
    screen.query_one(table).focus()
    await pilot.press("enter")
    await pilot.pause()
    return app.screen


@pytest.mark.parametrize("how", ["ctrl+q", "sigterm", "internal-error"])
async def test_an_open_option_editor_is_kept_when_growtui_stops(sessions_dir, how):
    app = make_app(sessions_dir, coachee="Editor")
    async with app.run_test(size=(80, 24)) as pilot:
        live = (await session_screen(pilot, app)).live
        live.add_option("Taak X")
        editor = await open_editor(pilot, app, "options", "#options")
        assert isinstance(editor, OptionEditor)
        await pilot.press(*"rust")  # a pro: the editor opens on the pros
        editor.query_one("#attractiveness").focus()
        await pilot.press("8")  # and a score, no Ctrl+S
        if how == "ctrl+q":
            await pilot.press("ctrl+q")
        elif how == "sigterm":
            app.action_save_and_quit()  # what the SIGTERM handler calls
        else:
            app._handle_exception(RuntimeError("boom"))
        await pilot.pause()
    [stored] = Store(sessions_dir).scan().sessions
    [option] = stored.session.options.items
    assert (option.attractiveness, option.pros) == (8, ["rust"])


async def test_an_open_action_editor_is_kept_when_growtui_stops(sessions_dir):
    app = make_app(sessions_dir, coachee="Editor")
    async with app.run_test(size=(80, 24)) as pilot:
        (await session_screen(pilot, app)).live.add_action("Bel Tom")
        editor = await open_editor(pilot, app, "will", "#actions")
        assert isinstance(editor, ActionEditor)
        await pilot.press(*"vier keer")  # the editor opens on the success criterion
        editor.query_one("#what").focus()
        await pilot.press("end", *" vrijdag")
        await pilot.press("ctrl+q")
        await pilot.pause()
    [stored] = Store(sessions_dir).scan().sessions
    assert [(a.what, a.success_criterion) for a in stored.session.will.actions] == [("Bel Tom vrijdag", "vier keer")]


async def test_undoing_the_changes_of_an_editor_keeps_nothing_of_them(sessions_dir):
    app = make_app(sessions_dir, coachee="Editor")
    async with app.run_test(size=(80, 24)) as pilot:
        (await session_screen(pilot, app)).live.add_option("Taak X")
        editor = await open_editor(pilot, app, "options", "#options")
        editor.query_one("#attractiveness").focus()
        await pilot.press("8")
        editor.query_one("#cancel").press()
        await pilot.pause()
        assert not isinstance(app.screen, OptionEditor)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [stored] = Store(sessions_dir).scan().sessions
    assert stored.session.options.items[0].attractiveness is None


@pytest.mark.parametrize("phase", ["options", "will"])
async def test_quitting_while_a_hidden_phase_is_mounted_is_no_crash(sessions_dir, phase):
    """Seen in a real process: Ctrl+Q half a second after the start, as the hidden phases were mounted one by
    one, ended in an internal error (exit 70) because a panel's mount came after its children were gone."""
    app = make_app(sessions_dir, coachee="Quick Quit")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.focused is not None)
        await wait_until(pilot, lambda: bool(app.screen.query(f"#panel-{phase}")))
        panel: Any = app.screen.query_one(f"#panel-{phase}")  # OptionsPanel or WillPanel
        await panel.remove_children()  # what removing the screen does first, children before their parent
        panel.on_mount()
        panel.on_resize()
