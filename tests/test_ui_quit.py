"""Stopping with a window still open: what was typed there is kept."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, TextArea

from growtui.dialogs.action_editor import ActionEditor
from growtui.dialogs.option_editor import OptionEditor
from growtui.model import Action, Session, Status
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
    await screen.action_go(phase)
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


# --- a key still on its way ---------------------------------------------------------------------------------

# Each field as a key leaves it: the value is in the widget, its Changed message still in the queue. Ctrl+Q,
# SIGTERM or SIGHUP may come in between (a burst of keys, typing ahead, a closed terminal): the file must have it.
TYPED = {
    None: [
        ("#session-goal", "Rust in de week", lambda s: s["goal"]["session_goal"]),
        ("#long-term-goal", "Een team dat plant", lambda s: s["goal"]["long_term_goal"]),
        ("#success-measure", "Twee vrije middagen", lambda s: s["goal"]["success_measure"]),
        ("#new-option", "Vraag Joris", lambda s: s["options"]["items"][0]["text"]),
        ("#new-action", "Agenda delen", lambda s: s["will"]["actions"][0]["what"]),
        ("#motivation", "7", lambda s: str(s["will"]["motivation"])),
        ("#to-ten", "Meer tijd", lambda s: s["will"]["motivation_to_ten"]),
        ("#meeting-row .next-meeting-field", "2026-12-04", lambda s: str(s["next_meeting"])),
        ("#closing-tags", "planning, rust", lambda s: ", ".join(s["tags"])),
    ],
    "check-in": [
        ("#record-energy", "6", lambda s: str(s["record"]["energy"])),
        ("Input#record-focus", "De release", lambda s: s["record"]["focus"]),
        ("TextArea#record-blocks", "Te veel overleg", lambda s: s["record"]["blocks"]),
    ],
    "follow-up": [
        ("#follow-up-0-tried", "Een lijst gemaakt", lambda s: s["follow_up"]["items"][0]["tried"]),
        ("#follow-up-0-next-step", "Elke ochtend", lambda s: s["follow_up"]["items"][0]["next_step"]),
    ],
    "performance": [
        ("#direction-what", "Op tijd leveren", lambda s: s["direction"]["what"]),
        ("#direction-by-when", "2026-12-18", lambda s: str(s["direction"]["by_when"])),
        ("#direction-quality", "Zonder fouten", lambda s: s["direction"]["quality"]),
    ],
}


@pytest.mark.parametrize("type_id", list(TYPED), ids=lambda t: t or "grow")
async def test_a_key_whose_message_is_still_queued_is_kept_when_growtui_quits(sessions_dir, type_id):
    if type_id == "follow-up":  # an earlier conversation with an action to look back on
        earlier = Session(id="earlier00001", coachee="Queue", status=Status.completed)
        earlier.will.actions.append(Action(id="a1", what="Agenda opschonen"))
        Store(sessions_dir).create(earlier)
    app = make_app(sessions_dir, coachee="Queue", type_id=None if type_id == "follow-up" else type_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await session_screen(pilot, app)
        fields = TYPED[type_id]
        await wait_until(pilot, lambda: all(screen.query(selector) for selector, _, _ in fields))
        await pilot.pause()
        for selector, value, _ in fields:  # no await in between: none of their messages is handled
            widget = screen.query_one(selector)
            if isinstance(widget, TextArea):
                widget.insert(value)
            else:
                assert isinstance(widget, Input)
                widget.value = value
        app.action_save_and_quit()
    files = [tomllib.loads(path.read_text(encoding="utf-8")) for path in Store(sessions_dir).files()]
    (saved,) = [session for session in files if session["id"] != "earlier00001"]
    assert {selector: read(saved) for selector, _, read in fields} == {s: value for s, value, _ in fields}


async def test_quitting_leaves_alone_a_value_the_session_changed_under_its_field(sessions_dir):
    """A motivation given as an answer is in the session before the Will panel shows it: the field's old
    value was taken long ago, so quitting must not write it back over the answer."""
    app = make_app(sessions_dir, coachee="Answered")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await session_screen(pilot, app)
        await wait_until(pilot, lambda: bool(screen.query("#motivation")))
        await pilot.pause()
        screen.live.set_notes("will", "wil het echt")
        screen.live.set_motivation(8)  # what answering the motivation question does; the panel not yet refreshed
        assert screen.query_one("#motivation", Input).value == ""
        app.action_save_and_quit()
    (path,) = Store(sessions_dir).files()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["will"]["motivation"] == 8


@pytest.mark.parametrize("where", ["notes", "goal"])
async def test_keys_still_on_their_way_to_a_field_are_kept_when_ctrl_q_comes_with_them(sessions_dir, where):
    """Keys that arrive in one burst (the app busy for a moment, typing ahead): Ctrl+Q is a priority key, so
    the app handles it while the keys before it still wait in the focused field's own queue."""
    app = make_app(sessions_dir, coachee="Burst")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await session_screen(pilot, app)
        await wait_until(pilot, lambda: bool(screen.query("#session-goal")))
        if where == "goal":
            await screen.action_go("goal")
            await pilot.pause()
            screen.query_one("#session-goal").focus()
        await pilot.pause()
        field = app.focused
        assert field is not None
        for char in "tot morgen":  # as the app forwards them: into the field's queue
            field.post_message(events.Key("space" if char == " " else char, char))
        app.action_save_and_quit()  # the app's Ctrl+Q, handled in the same turn, before the field's
        await wait_until(pilot, lambda: not app.is_running)
    (path,) = Store(sessions_dir).files()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (saved["goal"]["session_goal"] if where == "goal" else saved["opening"]["notes"]) == "tot morgen"
