"""The record holds exactly what happened: no empty or duplicate conversations, nothing removed for good
by one key, the method in full, and help that shows every key (issue 14)."""

from __future__ import annotations

import re
import tomllib
from datetime import date

from textual.widgets import Button, Checkbox, DataTable, Input, Static

from conftest import ROOT
from factories import FrozenClock, full_session
from growtui.dialogs.finish import FinishScreen
from growtui.dialogs.keys import KeysScreen
from growtui.dialogs.resume_offer import ResumeOffer
from growtui.model import Outcome, Phase, Session, Status, parse_date
from growtui.screens.home import HomeScreen
from growtui.screens.session import SessionScreen
from growtui.screens.session_keys import help_groups
from growtui.storage import Store
from growtui.widgets.options_panel import OptionsPanel
from ui_helpers import TODAY, make_app, session_screen, type_text, wait_for_file, wait_until


async def test_a_conversation_in_which_nothing_was_typed_leaves_no_file(sessions_dir):
    app = make_app(sessions_dir, coachee="Nobody Typed", topic="Nothing")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "f3", "ctrl+n", "f5")
        await pilot.press("ctrl+q")
    assert not sessions_dir.exists() or list(Store(sessions_dir).files()) == []


async def test_the_home_form_is_empty_after_a_conversation_started_from_it(sessions_dir):
    app = make_app(sessions_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await type_text(pilot, "Sanne")
        await pilot.press("tab")
        await type_text(pilot, "Workload")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await type_text(pilot, "something agreed")
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, FinishScreen))
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        home = app.screen
        assert home.query_one("#coachee", Input).value == "" and home.query_one("#topic", Input).value == ""
        await pilot.press("enter")  # a stray Enter starts nothing
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(list(Store(sessions_dir).files())) == 1


async def test_a_coachee_with_an_unfinished_conversation_is_offered_it(sessions_dir):
    store = Store(sessions_dir)
    open_one = Session(id="open00000001", coachee="Sanne", topic="Workload", status=Status.in_progress)
    open_one.goal.notes = "where we were"
    store.create(open_one)
    app = make_app(sessions_dir, coachee="sanne", topic="Something else")
    async with app.run_test(size=(80, 24)) as pilot:
        # pushed is not yet composed: wait for its text, as the test below waits for its button
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeOffer) and bool(app.screen.query(Static)))
        assert "Workload" in str(app.screen.query_one(Static).render())
        await pilot.press("enter")  # the default: go on with it
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert session_screen(app).live.session.id == "open00000001"


async def test_choosing_a_new_conversation_anyway_starts_one(sessions_dir):
    Store(sessions_dir).create(Session(id="open00000001", coachee="Sanne", status=Status.in_progress))
    app = make_app(sessions_dir, coachee="Sanne")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeOffer) and bool(app.screen.query("#resume-new")))
        app.screen.query_one("#resume-new", Button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert session_screen(app).live.session.id != "open00000001"
        app.screen.query_one("#phases")  # a session screen, not the home screen under the question


async def test_a_removed_option_comes_back_with_ctrl_z(sessions_dir):
    app = make_app(sessions_dir, coachee="Undo", lang="en", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        live = screen.live
        await pilot.press("f4")
        option = live.add_option("Ask Tom")
        live.update_option(option.id, attractiveness=8, feasibility=6, pros=["quick"], cons=["Tom is busy"])
        screen.query_one("#panel-options", OptionsPanel).refresh_from_session()
        screen.query_one("#options").focus()
        await pilot.press("delete")
        await pilot.pause()
        assert live.session.options.items == []
        assert any("Ctrl+Z" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")
        await pilot.pause()
        [back] = live.session.options.items
        assert (back.text, back.score, back.pros, back.cons) == ("Ask Tom", 14, ["quick"], ["Tom is busy"])


async def test_the_next_meeting_is_set_in_will_and_shows_in_closing(sessions_dir):
    app = make_app(sessions_dir, coachee="Next", lang="en", language="en", today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = session_screen(app)
        await pilot.press("f5")
        field = screen.query_one("#meeting-row Input", Input)
        field.focus()
        await type_text(pilot, "+14")
        await pilot.pause()
        expected = parse_date("+14", TODAY)
        assert expected is not None and screen.live.session.next_meeting == expected
        await screen.action_go("closing")
        await pilot.pause()
        assert screen.query_one("#closing-meeting Input", Input).value == expected.isoformat()
        # An autosave may come between two keys ("+1", tomorrow): the file is right once the last one is saved.
        text = await wait_for_file(screen.live.stored.path, lambda t: f"next_meeting = {expected.isoformat()}" in t)
    assert tomllib.loads(text)["next_meeting"] == expected


async def test_finishing_names_the_actions_without_a_date_or_criterion_and_shows_the_whole_summary(tmp_path):
    from test_ui_screens import DialogApp, make_live

    live = make_live(tmp_path)
    live.set_goal("long_term_goal", "a forty hour week")
    live.add_action("Tell the team")
    live.add_action("Plan the handover", when=date(2026, 12, 1), success_criterion="Tom does the release")
    live.session.follow_up.items = full_session().follow_up.items
    live.session.follow_up.items[0].outcome = Outcome.partly_done
    app = DialogApp(lambda: FinishScreen(live))
    async with app.run_test(size=(80, 40)):
        screen = app.screen
        text = " ".join(str(w.render()) for w in screen.query(Static))
        assert "a forty hour week" in text
        assert "partly done" in text, "how the earlier actions turned out"
        warning = str(screen.query_one("#unsettled", Static).render())
        assert "'Tell the team'" in warning and "Plan the handover" not in warning
        assert screen.query_one("#confirm")  # finishing is still allowed


async def test_f1_shows_every_key_grouped_in_the_interface_language(sessions_dir):
    app = make_app(sessions_dir, coachee="Toetsen", lang="nl", language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = app.screen
        assert isinstance(keys, KeysScreen)
        assert keys.groups == help_groups("nl") and keys.groups[0][0] == "Typen"
        shown = {key for _, rows in keys.groups for key, _ in rows}
        assert {"Ctrl+Z", "F8", "Ctrl+L", "F12", "Ctrl+O", "F10"} <= shown
        screen_text = app.export_screenshot().replace("&#160;", " ")
        assert "Typen" in screen_text and "Cursor" not in screen_text, "none of Textual's generic keys"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


def test_the_readme_key_tables_say_what_f1_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `?([^|`]+?)`? \| ([^|]+?) \|$", readme, re.M))
    for lang in ("en", "nl"):
        for _, keys in help_groups(lang):
            for shown, what in keys:
                assert (shown, what) in rows, (lang, shown, what)


async def test_the_palette_searches_in_the_conversation_language(sessions_dir):
    app = make_app(sessions_dir, coachee="Palet", lang="nl", language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        search = app.screen.query_one(Input)
        assert search.placeholder == "Zoek een opdracht…"


async def test_a_long_goal_shows_its_start_again_after_the_cursor_left(sessions_dir):
    app = make_app(sessions_dir, coachee="Scroll")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("f2")
        goal = screen.query_one("#session-goal", Input)
        goal.focus()
        await type_text(pilot, "a very long goal " * 6)
        assert goal.cursor_position > 50
        await pilot.press("escape")
        await pilot.pause()
        assert goal.cursor_position == 0


async def test_option_texts_use_the_width_of_a_wide_terminal(sessions_dir):
    app = make_app(sessions_dir, coachee="Wide", lang="en", language="en", clock=FrozenClock())
    async with app.run_test(size=(220, 40)) as pilot:
        screen = session_screen(app)
        await pilot.press("f4")
        text = "Hand the release checklist over to Tom and coach him through it"  # 64 characters
        live = screen.live
        live.add_option(text)
        screen.query_one("#panel-options", OptionsPanel).refresh_from_session()
        await pilot.pause()
        table = screen.query_one("#options", DataTable)
        assert str(table.get_row_at(0)[0]) == text, "not cut at 40 characters"


async def test_the_chosen_box_shows_a_tick_only_when_ticked(tmp_path, library):
    from test_ui_panels import PanelApp, make_live

    live = make_live(tmp_path, library)
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one("#chosen", Checkbox)
        assert "X" not in str(box.render()) and "✓" not in str(box.render())
        box.value = True
        await pilot.pause()
        assert "✓" in str(box.render())


async def test_an_action_that_starts_after_it_is_due_is_pointed_out(tmp_path, library):
    from growtui.dialogs.action_editor import ActionEditor
    from growtui.widgets.will_panel import WillPanel
    from test_ui_panels import PanelApp, make_live

    live = make_live(tmp_path, library)
    live.add_action("Plan it")
    app = PanelApp(live, WillPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#actions").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#when", Input).focus()
        await type_text(pilot, "+3")  # days from today: "3 dec" and "Dec 10" failed once 3 December had passed
        editor.query_one("#start", Input).focus()
        await type_text(pilot, "+10")
        await pilot.pause()
        assert editor.has_class("-late-start") and editor.query_one("#date-order").display
        await pilot.press("ctrl+s")  # allowed: pointed out, not refused
        await pilot.pause()
    action = live.session.will.actions[0]
    assert action.start is not None and action.when is not None and action.start > action.when
    assert (action.start - action.when).days == 7


async def test_phases_start_with_the_opening_and_the_first_is_in_the_notes(sessions_dir):
    app = make_app(sessions_dir, coachee="Open")
    async with app.run_test(size=(80, 24)):
        screen = session_screen(app)
        assert screen.live.phase == Phase.opening and app.focused is screen.notes_area()
