"""The live session, driven the way a manager uses it: keys only, 80x24."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, TextArea

from factories import FrozenClock
from growtui import paths
from growtui.conversation import LiveSession
from growtui.model import Kind, Phase, Prompt
from growtui.screens.session import SessionScreen
from growtui.storage import Store
from growtui.widgets.base import SessionEdited
from growtui.widgets.clock import SaveIndicator
from growtui.widgets.options_panel import OptionsPanel
from growtui.widgets.question_panel import QuestionPanel
from ui_helpers import make_app, session_screen, to_the_follow_up, type_text, wait_for_file, wait_until


def session_file(sessions) -> Path:
    [path] = Store(sessions).files()
    return path


def current(live: LiveSession) -> Prompt:
    """The question on screen; every phase in these tests has one."""
    prompt = live.current()
    assert prompt is not None
    return prompt


async def skip_to_scale(pilot, screen: SessionScreen) -> None:
    for _ in range(40):
        if current(screen.live).kind is Kind.scale:
            return
        await pilot.press("ctrl+n")
    raise AssertionError("no scale question in this phase")


async def test_new_session_opens_with_the_cursor_in_the_notes(sessions_dir):
    app = make_app(sessions_dir, coachee="Sanne de Vries", topic="Calmer weeks")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert isinstance(screen, SessionScreen)
        assert screen.live.phase == Phase.opening, "a conversation starts with the opening"
        assert app.focused is not None and app.focused.id == "notes-opening"
        await type_text(pilot, "hello")
        assert screen.notes_area().text == "hello"
        assert "Sanne de Vries" in str(screen.query_one("#who").render())


async def test_a_whole_conversation_reaches_the_file(sessions_dir):
    app = make_app(sessions_dir, coachee="Sanne", topic="Workload")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        live: LiveSession = screen.live
        await type_text(pilot, "checked in: a busy week")
        # Goal: notes, an answer logged against the question, the three goal fields.
        await pilot.press("f2")
        await type_text(pilot, "wants calmer weeks")
        goal_question = current(live)
        await pilot.press("ctrl+l")
        await type_text(pilot, "leave at five")
        await pilot.press("enter")
        assert app.focused is screen.notes_area(), "after Enter the cursor is back in the notes"
        screen.query_one("#session-goal", Input).focus()
        await type_text(pilot, "decide what to hand over")
        screen.query_one("#long-term-goal", Input).focus()
        await type_text(pilot, "a forty hour week")
        screen.query_one("#success-measure", Input).focus()
        await type_text(pilot, "no evening work in december")

        # Reality: a scale answer below 7 brings its follow-up.
        await pilot.press("f3")
        assert live.phase == Phase.reality and app.focused is not None and app.focused.id == "notes-reality"
        await type_text(pilot, "three projects at once")
        await skip_to_scale(pilot, screen)
        scale = current(live)
        await pilot.press("ctrl+l")
        await type_text(pilot, "5 too much ad hoc")
        await pilot.press("enter")
        assert current(live).follow_up_of == scale.key

        # Options: three options, scored, sorted, one chosen.
        await pilot.press("f4")
        screen.query_one("#new-option", Input).focus()
        for text in ("hand over releases", "say no more often", "hire a contractor"):
            await type_text(pilot, text)
            await pilot.press("enter")
        table = screen.query_one("#options", DataTable)
        table.focus()
        for row, (a, f) in enumerate((("8", "6"), ("5", "3"), ("9", "2"))):
            table.move_cursor(row=row)
            await pilot.press("a", a, "f", f)
        await pilot.press("s")
        assert next(o.text for o in live.session.options.items) == "hand over releases"
        table.move_cursor(row=0)
        await pilot.press("space")
        assert live.session.options.items[0].chosen

        # Will: the chosen option became an action; add a second; motivation 7.
        await pilot.press("f5")
        screen.query_one("#new-action", Input).focus()
        await type_text(pilot, "tell the team")
        await pilot.press("enter")
        screen.query_one("#motivation", Input).focus()
        await type_text(pilot, "7")
        to_ten = screen.query_one("#to-ten", Input)
        to_ten.focus()
        await type_text(pilot, "if Tom is in")
        await pilot.press("escape")
        await type_text(pilot, "first step monday")

        path = session_file(sessions_dir)
        text = await wait_for_file(path, lambda t: "first step monday" in t and "if Tom is in" in t)

    data = tomllib.loads(text)
    assert data["coachee"] == "Sanne" and data["status"] == "in_progress"
    assert data["opening"]["notes"] == "checked in: a busy week"
    assert data["goal"]["notes"] == "wants calmer weeks"
    assert data["goal"]["session_goal"] == "decide what to hand over"
    assert data["goal"]["long_term_goal"] == "a forty hour week"
    assert data["goal"]["success_measure"] == "no evening work in december"
    assert data["reality"]["notes"] == "three projects at once"
    assert data["reality"]["scales"][0]["score"] == 5
    assert data["reality"]["scales"][0]["said"] == "too much ad hoc"
    options = data["options"]["items"]
    assert len(options) == 3 and options[0]["text"] == "hand over releases"
    assert (options[0]["attractiveness"], options[0]["feasibility"], options[0]["chosen"]) == (8, 6, True)
    actions = data["will"]["actions"]
    assert [a["what"] for a in actions] == ["hand over releases", "tell the team"]
    assert actions[0]["option_id"] == options[0]["id"]
    assert data["will"]["motivation"] == 7 and data["will"]["motivation_to_ten"] == "if Tom is in"
    assert data["will"]["notes"] == "first step monday"
    asked = {a.get("question_id"): a for a in data["asked"]}
    assert asked[goal_question.key]["answer"] == "leave at five"
    assert asked[scale.key]["score"] == 5
    assert len(data["asked"]) == 2, "only the two answers confirmed with Enter"
    assert "draft" not in data
    assert set(data["phase_seconds"]) <= {"opening", "goal", "reality", "options", "will"}


async def test_typing_reaches_the_disk_within_a_second(sessions_dir):
    import time

    app = make_app(sessions_dir, coachee="Timer")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "quick")
        typed = time.monotonic()
        await wait_for_file(session_screen(app).live.stored.path, lambda t: "quick" in t, timeout=1.0)
        assert time.monotonic() - typed < 1.0


async def test_phases_move_both_ways_and_show_content(sessions_dir):
    app = make_app(sessions_dir, coachee="Steps")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")
        assert screen.live.phase == Phase.reality
        await pilot.press("ctrl+pageup", "ctrl+pageup", "ctrl+pageup")
        assert screen.live.phase == Phase.opening
        await pilot.press("f5")
        assert screen.live.phase == Phase.will
        await type_text(pilot, "x")
        await pilot.pause()
        screen.save_now()
        assert screen.live.has_content(Phase.will)
        assert "●" in str(screen.query_one("#stepper").render())


async def test_a_phase_asked_for_while_its_box_is_still_being_mounted_waits_for_it(sessions_dir):
    """After the first frame the hidden phases are mounted one by one; a key can ask for one whose mount has
    begun and not finished (a slow machine, CI): the screen waits for that box, never looks for half of it."""
    app = make_app(sessions_dir, coachee="Early")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert screen.live.phase == Phase.opening
        began = asyncio.create_task(screen._mount_next_phase())  # the mount after the first frame, as its timer
        await asyncio.sleep(0)
        assert Phase.goal in screen._mounting and not screen.box_ready(Phase.goal), "begun, not finished"
        await screen.action_step_phase(1)  # the key came meanwhile: it waits for that same box
        await pilot.pause()
        assert screen.live.phase == Phase.goal and app.focused is screen.notes_area()
        await screen.action_step_phase(1)  # a box nobody began: mounted now
        await began
        await pilot.pause()
        assert screen.live.phase == Phase.reality
        assert app.focused is screen.notes_area() and screen.notes_area().phase == Phase.reality
        await type_text(pilot, "late")
        assert screen.notes_area().text == "late"
        ids = [box.id for box in screen.query_one("#phases").children]
        assert len(ids) == len(set(ids)), "every box mounted once"


async def test_questions_next_previous_and_asked_ones_not_suggested_again(sessions_dir):
    app = make_app(sessions_dir, coachee="Q")
    async with app.run_test(size=(80, 24)) as pilot:
        live = session_screen(app).live
        first = current(live)
        await pilot.press("ctrl+n")
        assert current(live).key != first.key
        await pilot.press("ctrl+b")
        assert current(live).key == first.key
        await pilot.press("ctrl+l", "enter")  # an empty answer records nothing
        assert first.key not in live.asked_keys() and live.session.asked == []
        await type_text(pilot, "fine, busy")
        await pilot.press("enter")
        assert first.key in live.asked_keys()
        assert first.key not in {p.key for p in live.candidates()}


async def test_a_scale_answer_without_a_score_is_explained_not_lost(sessions_dir):
    app = make_app(sessions_dir, coachee="Scale")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("f3")
        await skip_to_scale(pilot, screen)
        await pilot.press("ctrl+l")
        await type_text(pilot, "pretty good")
        await pilot.press("enter")
        assert screen.query_one("#answer", Input).value == "pretty good"
        assert screen.query_one(QuestionPanel).has_class("-error")


async def test_picker_puts_a_chosen_question_first(sessions_dir):
    app = make_app(sessions_dir, coachee="Pick")
    async with app.run_test(size=(80, 24)) as pilot:
        live = session_screen(app).live
        await pilot.press("f2")
        await pilot.press("ctrl+o")
        await type_text(pilot, "#senior")
        await pilot.press("enter")
        await pilot.pause()
        question = current(live).question
        assert question is not None and "senior" in question.tags
        assert app.focused is not None and app.focused.id == "answer"


async def test_privacy_key_blanks_the_screen_and_brings_it_back(sessions_dir):
    app = make_app(sessions_dir, coachee="Private Person")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "confidential words")
        await pilot.press("f12")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PrivacyScreen"
        shown = app.export_screenshot()
        assert "confidential" not in shown and "Private Person" not in shown
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.notes_area().text == "confidential words"


async def test_language_switch_keeps_a_key_whose_message_is_still_queued(sessions_dir):
    """F8 right after a key: the key is in its field, its Changed message not yet handled. The rebuilt
    screen is made from the session, so the switch must read the fields themselves."""
    app = make_app(sessions_dir, coachee="Lang", lang="en", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        screen.notes_area().insert("typed just now")  # in the field; its Changed message waits in the queue
        screen.query_one(QuestionPanel).answer_line.value = "an answer begun"
        screen.action_switch_language()
        await wait_until(pilot, lambda: session_screen(app) is not screen)
        await pilot.pause()
        rebuilt = session_screen(app)
        assert rebuilt.notes_area().text == "typed just now"
        assert rebuilt.query_one(QuestionPanel).answer_line.value == "an answer begun"


async def test_language_switch_changes_interface_and_questions_and_keeps_text(sessions_dir):
    app = make_app(sessions_dir, coachee="Lang", lang="en", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "kept")
        english = current(session_screen(app).live).text.en
        await pilot.press("f8")
        await pilot.pause()
        screen = session_screen(app)
        assert screen.live.lang == "nl"
        assert "Doel" in str(screen.query_one("#stepper").render())
        assert screen.query_one("#question-text").render() != english
        assert screen.notes_area().text == "kept"


async def test_hints_toggle(sessions_dir):
    app = make_app(sessions_dir, coachee="Hints")
    async with app.run_test(size=(80, 24)) as pilot:
        hints = app.screen.query_one("#hints")
        assert not hints.display or hints.has_class("-hidden")
        await pilot.press("ctrl+t")
        assert not hints.has_class("-hidden")
        assert "·" in str(hints.render())


async def test_everything_fits_in_80_by_24(sessions_dir):
    app = make_app(sessions_dir, coachee="Small")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        for phase in ("f2", "f3", "f4", "f5"):
            await pilot.press(phase)
            await pilot.pause()
            notes = screen.notes_area()
            assert notes.region.height >= 5, phase
            assert notes.region.bottom <= 23, phase
            assert screen.query_one("#question-text").region.height >= 1


async def test_wide_terminals_put_notes_beside_the_structured_part(sessions_dir):
    app = make_app(sessions_dir, coachee="Wide")
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        screen = session_screen(app)
        panel = screen.query_one("#panel-options")
        assert screen.has_class("-wide")
        assert panel.region.right <= screen.notes_area().region.x


async def test_quit_saves_and_resume_shows_exactly_what_was_typed(sessions_dir):
    app = make_app(sessions_dir, coachee="Resume Me")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "line one")
        await pilot.press("enter")
        await type_text(pilot, "line two")
        await pilot.press("ctrl+q")
    path = session_file(sessions_dir)
    assert tomllib.loads(path.read_text())["opening"]["notes"] == "line one\nline two"

    again = make_app(sessions_dir, resume=path)
    async with again.run_test(size=(80, 24)) as pilot:
        assert session_screen(again).notes_area().text == "line one\nline two"


async def test_typing_after_resume_goes_on_at_the_end_of_the_notes(sessions_dir):
    app = make_app(sessions_dir, coachee="Resume Me")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "first part")
        await pilot.press("ctrl+q")
    again = make_app(sessions_dir, resume=session_file(sessions_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, ", then more")
        assert session_screen(again).notes_area().text == "first part, then more"


async def test_a_session_open_elsewhere_is_refused(sessions_dir):
    from growtui.errors import SessionLockedError
    from growtui.storage import SessionLock

    app = make_app(sessions_dir, coachee="Locked")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "something typed")
        path = session_screen(app).live.stored.path
        await wait_for_file(path, lambda text: "something typed" in text)
        second = make_app(sessions_dir, resume=path)
        async with second.run_test(size=(80, 24)):
            assert not isinstance(second.screen, SessionScreen)
        with pytest.raises(SessionLockedError):
            SessionLock(path).acquire()


async def test_finishing_marks_completed_and_returns_home(sessions_dir):
    app = make_app(sessions_dir, coachee="Done")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "agreed")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
    data = tomllib.loads(session_file(sessions_dir).read_text())
    assert data["status"] == "completed" and "ended_at" in data


async def test_an_unexpected_error_saves_first_and_prints_no_notes(sessions_dir, monkeypatch, capsys):
    import asyncio

    app = make_app(sessions_dir, coachee="Crash")

    def explode(self):
        raise RuntimeError("MARKER-SECRET-NOTE")

    monkeypatch.setattr(SessionScreen, "action_next_question", explode)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "MARKER-SECRET-NOTE typed")
        app.call_later(session_screen(app).action_next_question)  # raises inside the app, like a bug would
        for _ in range(50):
            if app.return_code:
                break
            await asyncio.sleep(0.05)
    assert app.return_code == 70  # EX_SOFTWARE, as the command line and README say
    assert "MARKER-SECRET-NOTE typed" in session_file(sessions_dir).read_text()
    [report] = paths.log_dir().glob("crash-*.log")
    assert "MARKER" not in report.read_text()
    captured = capsys.readouterr()
    assert "internal error (RuntimeError)" in captured.err
    assert "MARKER" not in captured.out + captured.err


async def test_follow_up_step_comes_first_when_earlier_actions_are_open(sessions_dir):
    from factories import full_session

    store = Store(sessions_dir)
    earlier = full_session(coachee="Sanne", status="completed")
    store.create(earlier)
    app = make_app(sessions_dir, coachee="sanne")
    async with app.run_test(size=(80, 24)) as pilot:
        live = session_screen(app).live
        assert live.phase == Phase.opening  # at once; the earlier actions arrive once the screen is up
        await wait_until(pilot, lambda: live.phases()[:2] == [Phase.opening, Phase.follow_up])
        await pilot.press("ctrl+pagedown")
        assert live.phase == Phase.follow_up
        assert [i.action_id for i in live.session.follow_up.items] == ["a1"]
        assert live.session.previous_session == earlier.id
        assert app.focused is not None and app.focused.id == "notes-follow_up"


def test_snapshot_opening_phase(snap_compare, sessions_dir):
    app = make_app(sessions_dir, coachee="Sanne de Vries", topic="Calmer weeks", clock=FrozenClock())
    assert snap_compare(app, terminal_size=(80, 24))


def test_snapshot_goal_phase(snap_compare, sessions_dir):
    app = make_app(sessions_dir, coachee="Sanne de Vries", topic="Calmer weeks", clock=FrozenClock())
    assert snap_compare(app, terminal_size=(80, 24), press=["f2"])


async def test_a_half_typed_answer_is_saved_as_a_draft_and_goes_to_the_notes_when_moving_on(sessions_dir):
    app = make_app(sessions_dir, coachee="Draft", lang="en", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        question = current(screen.live)
        await pilot.press("ctrl+l")
        await type_text(pilot, "zzz half typed")
        text = await wait_for_file(screen.live.stored.path, lambda t: "zzz half typed" in t)
        assert tomllib.loads(text)["draft"]["text"] == "zzz half typed" and tomllib.loads(text)["asked"] == []
        await pilot.press("ctrl+n")
        assert screen.query_one("#answer", Input).value == ""
        assert screen.notes_area().text == f"» {question.text.en}\nzzz half typed\n"
        assert question.key in {p.key for p in screen.live.candidates()}, "still to be asked"
        text = await wait_for_file(screen.live.stored.path, lambda t: "draft" not in tomllib.loads(t))
    data = tomllib.loads(text)
    assert data.get("asked", []) == [] and data["opening"]["notes"].endswith("zzz half typed\n")


async def test_backspacing_the_answer_line_empty_leaves_no_answer(sessions_dir):
    app = make_app(sessions_dir, coachee="Backspace")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "a note")
        await pilot.press("ctrl+l")
        await type_text(pilot, "abc")
        await pilot.pause(0.6)
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause(0.6)
        await pilot.press("ctrl+q")
    data = tomllib.loads(session_file(sessions_dir).read_text())
    assert "draft" not in data and data.get("asked", []) == [] and data["opening"]["notes"] == "a note"


async def test_tab_never_lands_in_the_answer_line(sessions_dir):
    app = make_app(sessions_dir, coachee="Tabs")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        for key in ("f2", "f3", "f4", "f5"):
            await pilot.press(key)
            for _ in range(8):
                await pilot.press("tab")
                assert app.focused is not None and app.focused.id != "answer", key
            for _ in range(8):
                await pilot.press("shift+tab")
                assert app.focused is not None and app.focused.id != "answer", key
        await pilot.press("f4", "ctrl+l")
        assert app.focused is not None and app.focused.id == "answer", "Ctrl+L still reaches it"
        await pilot.press("escape")
        assert app.focused is screen.notes_area()


async def test_the_top_bar_says_where_typing_goes(sessions_dir):
    app = make_app(sessions_dir, coachee="Where", lang="en", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.pause()
        assert "Notes · Opening" in str(screen.query_one("#typing").render())
        await pilot.press("ctrl+l")
        assert "Answer" in str(screen.query_one("#typing").render())
        await pilot.press("f4")
        screen.query_one("#new-option", Input).focus()
        await pilot.pause()
        assert "New option" in str(screen.query_one("#typing").render())


async def test_command_palette_has_the_session_commands(sessions_dir):
    app = make_app(sessions_dir, coachee="Palette")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("ctrl+p")
        await type_text(pilot, "go to phase: will")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert screen.live.phase == Phase.will
        await pilot.press("ctrl+p")
        await type_text(pilot, "question: how keen are you to get going")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert current(screen.live).key == "will.motivation-scale"


async def test_a_new_option_being_typed_is_saved_before_enter(sessions_dir):
    app = make_app(sessions_dir, coachee="Drafts")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        await pilot.press("f4")
        screen.query_one("#new-option", Input).focus()
        await type_text(pilot, "ask for a mentor")
        await wait_for_file(screen.live.stored.path, lambda t: "ask for a mentor" in t)
        await pilot.press("enter")
        await type_text(pilot, "x")
        await pilot.press("backspace")
        assert [o.text for o in screen.live.session.options.items] == ["ask for a mentor"]
        await pilot.press("f5")
        screen.query_one("#new-action", Input).focus()
        await type_text(pilot, "book a call")
        await wait_for_file(screen.live.stored.path, lambda t: "book a call" in t)


def _with_earlier_session(sessions_dir):
    from factories import full_session

    Store(sessions_dir).create(full_session(coachee="Sanne", status="completed"))


def test_snapshot_follow_up_step(snap_compare, sessions_dir):
    _with_earlier_session(sessions_dir)
    app = make_app(sessions_dir, coachee="Sanne", lang="nl", language="nl", clock=FrozenClock())

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_follow_up)


def test_snapshot_options_phase_dutch(snap_compare, sessions_dir):
    app = make_app(sessions_dir, coachee="Zoë", topic="Volgende stap", lang="nl", language="nl", clock=FrozenClock())

    async def fill(pilot):
        await pilot.press("f4")
        live = session_screen(app).live
        for text, a, f in (("Meelopen met product", 8, 7), ("Teamlead-traject", 7, 8), ("Blijven waar ik ben", 4, 9)):
            option = live.add_option(text)
            live.update_option(option.id, attractiveness=a, feasibility=f)
        live.toggle_chosen("o1")
        app.screen.query_one("#panel-options", OptionsPanel).refresh_from_session()
        app.screen.post_message(SessionEdited())  # as a panel does after an edit
        indicator = app.screen.query_one("#save-state", SaveIndicator)
        await wait_until(pilot, lambda: indicator.state == "saved")  # not racing the first save
        for area in app.screen.query(TextArea):
            area.cursor_blink = False  # the wait may end in the blink's dark half
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=fill)


def test_snapshot_light_theme(snap_compare, sessions_dir):
    app = make_app(sessions_dir, coachee="Licht", clock=FrozenClock())
    app.config.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24))


async def test_a_full_disk_is_shown_the_text_kept_and_saving_resumes(sessions_dir, monkeypatch):
    from growtui.conversation import autosave
    from growtui.errors import StoreWriteError
    from growtui.storage import find_recovery
    from growtui.widgets.clock import SaveIndicator

    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.2)
    real_save = Store.save
    disk = {"full": True}

    def save(self, stored):
        if disk["full"]:
            raise StoreWriteError(stored.path, "the disk is full")
        return real_save(self, stored)

    app = make_app(sessions_dir, coachee="Full Disk")
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(Store, "save", save)
        await type_text(pilot, "words that must survive")
        screen = session_screen(app)
        indicator = screen.query_one(SaveIndicator)
        for _ in range(60):
            await pilot.pause(0.05)
            if indicator.has_class("-failing"):
                break
        assert indicator.has_class("-failing")
        assert "NOT SAVED" in str(indicator.render())
        for _ in range(60):  # the first failed save may be an older snapshot; the newest follows
            recovery = find_recovery(screen.live.session.id)
            if recovery is not None and "words that must survive" in recovery.read_text():
                break
            await pilot.pause(0.05)
        assert recovery is not None and "words that must survive" in recovery.read_text()
        assert screen.notes_area().text == "words that must survive"
        disk["full"] = False
        await wait_for_file(screen.live.stored.path, lambda t: "words that must survive" in t)
        for _ in range(60):
            await pilot.pause(0.05)
            if not indicator.has_class("-failing"):
                break
        assert not indicator.has_class("-failing")
        assert find_recovery(screen.live.session.id) is None


async def test_only_the_phase_on_screen_is_built_before_the_first_frame(sessions_dir):
    """The others follow once the first frame is out: F8 and a new conversation stay quick."""
    app = make_app(sessions_dir, coachee="Lazy")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        assert [box.id for box in screen.query("#phases > *")] == ["phase-opening"]
        every = {f"phase-{p}" for p in screen.live.phases()}
        # one phase a timer tick: a busy machine takes longer than a fixed pause (the full suite, serially)
        await wait_until(pilot, lambda: {box.id for box in screen.query("#phases > *")} == every)
        assert {box.id for box in screen.query("#phases > *")} == every
        assert [box.id for box in screen.query("#phases > *") if box.display] == ["phase-opening"]
