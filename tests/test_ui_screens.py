"""The dialogs around a conversation: finish summary, question picker, privacy screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from factories import FrozenClock, live_session
from growtui.conversation import LiveSession
from growtui.dialogs.finish import FinishScreen
from growtui.dialogs.picker import QuestionPicker, matches
from growtui.library import Library
from growtui.model import Kind, Lang, Localized, Phase, Question
from growtui.screens.privacy import PrivacyScreen
from ui_helpers import APP_CSS

CET = timezone(timedelta(hours=1))
UNSET = object()


def question(qid: str, nl: str, en: str, *, phase=Phase.goal, kind=Kind.open, tags=(), purpose="Why") -> Question:
    return Question(
        id=qid,
        phase=phase,
        kind=kind,
        text=Localized(nl=nl, en=en),
        purpose=Localized(nl=f"{purpose} (nl)", en=purpose),
        tags=list(tags),
    )


def make_library() -> Library:
    library = Library()
    for q in [
        question(
            "goal.outcome",
            "Wat wil je bereiken?",
            "What do you want to achieve?",
            tags=["quick"],
            purpose="Opens the goal",
        ),
        question(
            "goal.scale",
            "Hoe belangrijk is dit, van 1 tot 10?",
            "How important is this, from 1 to 10?",
            kind=Kind.scale,
            tags=["reflection"],
            purpose="Measures importance",
        ),
        question(
            "goal.junior",
            "Wat heb je nodig om te leren?",
            "What do you need to learn?",
            tags=["junior", "growth"],
            purpose="For someone new",
        ),
        question(
            "goal.een",
            "Wat is één ding dat je wilt veranderen?",
            "What is one thing you want to change?",
            tags=["quick"],
            purpose="Narrows it down",
        ),
        question("reality.now", "Waar sta je nu?", "Where are you now?", phase=Phase.reality),
    ]:
        library.questions[q.id] = q
    return library


def make_live(tmp_path: Path, lang: str = "en", **changes) -> LiveSession:
    changes.setdefault("current_phase", Phase.goal)
    return live_session(
        tmp_path / "s.toml",
        make_library(),
        clock=FrozenClock(),
        id="dddd00000001",
        coachee="Zoë de Wit",
        topic="Werkdruk",
        language=Lang(lang),
        started_at=datetime(2026, 11, 3, 9, 30, tzinfo=CET),
        **changes,
    )


class DialogApp(App):
    """Pushes one screen and keeps what it was dismissed with."""

    CSS_PATH = APP_CSS

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.result = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), callback=self.done)

    def done(self, value) -> None:
        self.result = value


def texts(screen: Screen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


# --- finish ------------------------------------------------------------------------


def filled_live(tmp_path: Path) -> LiveSession:
    live = make_live(tmp_path)
    live.set_goal("session_goal", "Know which task to let go")
    live.set_goal("success_measure", "No evening work in December")
    live.add_option("Hand task X to Tom")
    live.add_option("Say no to new requests")
    live.toggle_chosen("o1")  # also becomes an action
    live.update_action("a1", when=date(2026, 11, 17), success_criterion="Tom does the release himself")
    live.add_action("Talk to the team lead")
    live.set_motivation(8, "If Tom is keen too")
    return live


async def test_finish_summary_shows_what_was_agreed(tmp_path):
    app = DialogApp(lambda: FinishScreen(filled_live(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = texts(app.screen)
        for expected in [
            "Know which task to let go",
            "Success looks like: No evening work in December",
            "• Hand task X to Tom",
            "• Hand task X to Tom · 2026-11-17 · Tom does the release himself",
            "• Talk to the team lead · no date",
            "8/10",
            "To a 10: If Tom is keen too",
        ]:
            assert expected in shown
        assert "Say no to new requests" not in shown  # not chosen
        assert not app.screen.query("#no-actions") and not app.screen.query("#no-motivation")
        assert "Summary · Zoë de Wit · Werkdruk" == str(app.screen.query_one("#finish-dialog").border_title)


async def test_finish_warns_quietly_about_missing_actions_and_motivation(tmp_path):
    app = DialogApp(lambda: FinishScreen(make_live(tmp_path, lang="nl")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#no-actions", Static).render()).startswith("Er zijn nog geen acties")
        assert app.screen.query_one("#no-motivation", Static).has_class("-warning")
        assert "(niets vastgelegd)" in texts(app.screen)


async def test_finish_confirm_dismisses_true(tmp_path):
    app = DialogApp(lambda: FinishScreen(filled_live(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#confirm")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is True


async def test_finish_f10_confirms(tmp_path):
    app = DialogApp(lambda: FinishScreen(filled_live(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert app.result is True


async def test_finish_escape_and_cancel_dismiss_false(tmp_path):
    for keys in (["escape"], ["shift+tab", "enter"]):
        app = DialogApp(lambda: FinishScreen(filled_live(tmp_path)))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            assert app.result is False, keys


def test_finish_does_not_change_the_session(tmp_path):
    live = filled_live(tmp_path)
    version = live.version
    FinishScreen(live)
    assert live.version == version


# --- picker ---------------------------------------------------------------------------


def shown_ids(screen: Screen) -> list[str | None]:
    return [option.id for option in screen.query_one("#questions", OptionList).options]


def test_matching_words_and_tags():
    q = question("goal.een", "Wat is één ding?", "What is one thing?", tags=["junior", "quick"])
    assert matches(q, "", "en")
    assert matches(q, "ONE thing", "en")
    assert matches(q, "een", "nl")  # accents do not matter
    assert not matches(q, "one", "nl")
    assert matches(q, "#jun", "en") and matches(q, "#junior #quick thing", "en")
    assert not matches(q, "#senior", "en")
    assert matches(q, "#", "en")


async def test_picker_lists_the_phase_questions_marking_asked_ones(tmp_path):
    live = make_live(tmp_path)
    first = live.current()
    assert first is not None
    live.log_answer(first, "Rust")  # asks goal.outcome
    app = DialogApp(lambda: QuestionPicker(live, Phase.goal))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert str(screen.query_one("#picker-title").render()) == "Questions: Goal"
        assert shown_ids(screen) == ["goal.outcome", "goal.scale", "goal.junior", "goal.een"]
        lines = [str(o.prompt) for o in screen.query_one("#questions", OptionList).options]
        assert lines[0] == "✓ What do you want to achieve?  #quick"
        assert lines[1] == "  How important is this, from 1 to 10?  (1-10)  #reflection"
        assert not lines[2].startswith("✓")
        assert str(screen.query_one("#purpose", Static).render()) == "Opens the goal"
        assert app.focused is screen.query_one("#filter")


async def test_picker_filters_by_text_and_tag(tmp_path):
    app = DialogApp(lambda: QuestionPicker(make_live(tmp_path), Phase.goal))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press(*"want")
        assert shown_ids(screen) == ["goal.outcome", "goal.een"]
        screen.query_one("#filter", Input).value = "#junior"
        await pilot.pause()
        assert shown_ids(screen) == ["goal.junior"]
        assert str(screen.query_one("#purpose", Static).render()) == "For someone new"
        screen.query_one("#filter", Input).value = "#quick change"
        await pilot.pause()
        assert shown_ids(screen) == ["goal.een"]
        screen.query_one("#filter", Input).value = "nothing like this"
        await pilot.pause()
        assert shown_ids(screen) == []
        assert str(screen.query_one("#purpose", Static).render()) == "No questions match."
        await pilot.press("enter")  # nothing to pick: stays open
        assert app.result is UNSET


async def test_picker_arrows_in_the_filter_move_and_enter_picks(tmp_path):
    live = make_live(tmp_path)
    app = DialogApp(lambda: QuestionPicker(live, Phase.goal))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "up")
        assert str(app.screen.query_one("#purpose", Static).render()) == "Measures importance"
        assert app.focused is app.screen.query_one("#filter")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is live.library.get("goal.scale")


async def test_picker_click_picks(tmp_path):
    live = make_live(tmp_path)
    app = DialogApp(lambda: QuestionPicker(live, Phase.goal))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one("#questions", OptionList)
        option_list.focus()
        option_list.highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is live.library.get("goal.junior")


async def test_picker_escape_returns_none_in_dutch(tmp_path):
    app = DialogApp(lambda: QuestionPicker(make_live(tmp_path, lang="nl"), Phase.goal))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(app.screen.query_one("#picker-title").render()) == "Vragen: Doel"
        assert app.screen.query_one("#filter", Input).placeholder == "Filter op tekst of #tag…"
        await pilot.press(*"één")
        assert shown_ids(app.screen) == ["goal.een"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


def test_dialog_bindings_have_ids_descriptions_and_tooltips():
    for screen in (FinishScreen, QuestionPicker, PrivacyScreen):
        for binding in screen.BINDINGS:
            assert isinstance(binding, Binding), binding
            assert binding.id and binding.description and binding.tooltip, binding


# --- privacy --------------------------------------------------------------------------


class SessionLikeApp(App):
    """A screen with notes on it, and F12 to hide them."""

    BINDINGS = [("f12", "hide", "Privacy")]

    def compose(self):
        yield Static("Confidential note about Zoë", id="note")

    def action_hide(self) -> None:
        self.push_screen(PrivacyScreen("en"))


async def test_privacy_hides_everything_and_f12_returns():
    app = SessionLikeApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        assert "Confidential" not in texts(app.screen)
        assert texts(app.screen) == "Screen hidden. Press F12 to come back."
        await pilot.press("a", "enter", "escape", "f10")  # nothing else does anything
        assert isinstance(app.screen, PrivacyScreen)
        await pilot.press("f12")
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyScreen)
        assert app.query_one("#note")


async def test_privacy_note_in_dutch():
    app = DialogApp(lambda: PrivacyScreen("nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert texts(app.screen) == "Scherm verborgen. Druk op F12 om terug te gaan."


# --- snapshots -------------------------------------------------------------------------


def test_snapshot_finish_summary(snap_compare, tmp_path):
    app = DialogApp(lambda: FinishScreen(filled_live(tmp_path)))
    assert snap_compare(app, terminal_size=(80, 24))


def test_snapshot_finish_summary_with_warnings_dutch(snap_compare, tmp_path):
    app = DialogApp(lambda: FinishScreen(make_live(tmp_path, lang="nl")))
    assert snap_compare(app, terminal_size=(80, 24))


def test_snapshot_picker(snap_compare, tmp_path):
    app = DialogApp(lambda: QuestionPicker(make_live(tmp_path), Phase.goal))
    assert snap_compare(app, terminal_size=(80, 24))
