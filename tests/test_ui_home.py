"""The home screen: new-conversation form, resume list, recent list, scan in a worker."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.widgets import Input, OptionList, Select

from growtui.config import Config
from growtui.model import Lang, Phase, Session, Status
from growtui.screens.home import HomeScreen
from growtui.storage import Store
from ui_helpers import APP_CSS

CET = timezone(timedelta(hours=1))
BASE = datetime(2026, 11, 3, 9, 30, tzinfo=CET)

# id, coachee, topic, days before BASE, status, phase
SESSIONS = [
    ("aaaa00000001", "Zoë de Wit", "Rustiger plannen", 0, Status.in_progress, Phase.reality),
    ("aaaa00000002", "Ahmed Bakker", "Eerste release", 2, Status.in_progress, Phase.options),
    ("aaaa00000003", "Zoë de Wit", "Werkdruk", 7, Status.completed, Phase.closing),
    ("aaaa00000004", "Ahmed Bakker", "", 14, Status.completed, Phase.closing),
    ("aaaa00000005", "Zoë de Wit", "Loopbaan", 21, Status.completed, Phase.closing),
]


def make_store(root: Path, specs=SESSIONS) -> Store:
    store = Store(root)
    for session_id, coachee, topic, days, status, phase in specs:
        store.create(
            Session(
                id=session_id,
                coachee=coachee,
                topic=topic,
                started_at=BASE - timedelta(days=days),
                status=status,
                current_phase=phase,
                language=Lang.nl,
            )
        )
    return store


class HomeApp(App):
    """Hosts the home screen and records what it asks for."""

    CSS_PATH = APP_CSS

    def __init__(self, store: Store, config: Config | None = None, lang: str = "en") -> None:
        super().__init__()
        self.store = store
        self.config = config or Config(language=Lang.nl, time_box_minutes=45)
        self.lang = lang
        self.started: list[HomeScreen.StartRequested] = []
        self.resumed: list[HomeScreen.ResumeRequested] = []
        self.notes: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.store, self.config, self.lang))

    def on_home_screen_start_requested(self, message: HomeScreen.StartRequested) -> None:
        self.started.append(message)

    def on_home_screen_resume_requested(self, message: HomeScreen.ResumeRequested) -> None:
        self.resumed.append(message)

    def notify(self, message: str, **kwargs) -> None:
        self.notes.append(message)
        super().notify(message, **kwargs)


async def scanned(app: HomeApp, pilot) -> HomeScreen:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    return app.screen


def prompts(screen: HomeScreen, list_id: str) -> list[str]:
    return [str(option.prompt) for option in screen.query_one(list_id, OptionList).options]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return make_store(tmp_path / "sessions")


async def test_lists_unfinished_newest_first_and_recent_completed(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert prompts(screen, "#resume") == [
            "Zoë de Wit · Rustiger plannen · 2026-11-03 · Reality",
            "Ahmed Bakker · Eerste release · 2026-11-01 · Options",
        ]
        assert prompts(screen, "#recent") == [
            "Zoë de Wit · Werkdruk · 2026-10-27",
            "Ahmed Bakker · 2026-10-20",
            "Zoë de Wit · Loopbaan · 2026-10-13",
        ]
        assert screen.has_class("-has-resume")
        assert screen.query_one("#resume").display


async def test_recent_holds_the_ten_newest_completed(tmp_path):
    specs = [(f"bbbb{n:08d}", f"Person {n}", "", n, Status.completed, Phase.closing) for n in range(13)]
    app = HomeApp(make_store(tmp_path / "sessions", specs))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert [p.split(" · ")[0] for p in prompts(screen, "#recent")] == [f"Person {n}" for n in range(10)]
        assert not screen.has_class("-has-resume")
        assert not screen.query_one("#resume-section").display
        assert screen.check_action("focus_resume", ()) is False


async def test_empty_folder_says_so_and_hides_the_lists(tmp_path):
    app = HomeApp(Store(tmp_path / "nothing-here"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert not screen.query_one("#resume-section").display
        assert not screen.query_one("#recent").display
        assert screen.query_one("#none").display
        assert app.notes == []


async def test_coachee_names_are_suggested(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert screen.coachee_names == ["Zoë de Wit", "Ahmed Bakker"]
        coachee = screen.query_one("#coachee", Input)
        assert coachee.suggester is not None
        assert await coachee.suggester.get_suggestion("ahm") == "Ahmed Bakker"
        await pilot.press("z", "o")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("right")  # accepts the suggestion
        assert coachee.value == "Zoë de Wit"


async def test_cursor_starts_in_the_coachee_field_with_defaults(store):
    app = HomeApp(store, Config(language=Lang.en, time_box_minutes=30))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert app.focused is screen.query_one("#coachee")
        assert screen.query_one("#minutes", Input).value == "30"
        assert screen.query_one("#language", Select).value == "en"


async def test_enter_in_a_field_starts_with_the_form_values(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        screen.query_one("#coachee", Input).value = "  Sam Jansen "
        screen.query_one("#topic", Input).value = "Feedback geven"
        screen.query_one("#minutes", Input).value = "30"
        screen.query_one("#language", Select).value = "en"
        screen.query_one("#topic", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        [message] = app.started
        assert (message.coachee, message.topic, message.minutes, message.language) == (
            "Sam Jansen",
            "Feedback geven",
            30,
            "en",
        )


async def test_start_button_uses_the_defaults(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await scanned(app, pilot)
        await pilot.press(*"Sam")
        await pilot.click("#start")
        await pilot.pause()
        [message] = app.started
        # The conversation's language defaults to the interface language in effect (--lang, else config).
        assert (message.coachee, message.topic, message.minutes, message.language) == ("Sam", "", 45, "en")


async def test_empty_coachee_is_named_and_focused(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        screen.query_one("#topic", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.started == []
        assert app.notes == ["Enter the coachee's name."]
        assert app.focused is screen.query_one("#coachee")


@pytest.mark.parametrize("minutes", ["4", "481", "", "999"])
async def test_minutes_out_of_range_are_refused(store, minutes):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        screen.query_one("#coachee", Input).value = "Sam"
        minutes_input = screen.query_one("#minutes", Input)
        minutes_input.value = minutes
        minutes_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.started == []
        assert app.notes == ["Minutes: a whole number from 5 to 480."]
        assert app.focused is minutes_input
        assert minutes_input.has_class("-invalid")


async def test_minutes_take_only_digits(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        minutes_input = screen.query_one("#minutes", Input)
        minutes_input.value = ""
        minutes_input.focus()
        await pilot.press("1", "x", "-", "5")
        assert minutes_input.value == "15"


async def test_enter_on_an_unfinished_conversation_resumes_it(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        await pilot.press("ctrl+r")
        assert app.focused is screen.query_one("#resume")
        await pilot.press("down", "enter")
        await pilot.pause()
        [message] = app.resumed
        assert message.path == screen.unfinished[1].path
        assert "aaaa00000002" in message.path.name
        assert app.started == []


async def test_a_recent_conversation_prefills_the_next_one_with_the_same_person(store):
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        screen.query_one("#topic", Input).value = "left over"
        await pilot.press("ctrl+l", "down", "enter")
        await pilot.pause()
        assert screen.query_one("#coachee", Input).value == "Ahmed Bakker"
        assert screen.query_one("#topic", Input).value == ""
        assert app.focused is screen.query_one("#topic")
        assert app.started == [] and app.resumed == []
        await pilot.press("ctrl+n")
        assert app.focused is screen.query_one("#coachee")


async def test_unreadable_files_and_conflicts_are_named_once(store):
    (store.root / "2026-10-01_kapot_cccc00000001.toml").write_text("schema_version = [", encoding="utf-8")
    (store.root / "2026-10-02_oud_cccc00000002.toml").write_text(
        'schema_version = 1\ncoachee = "x"\n', encoding="utf-8"
    )
    conflict = store.root / "2026-10-03_x_cccc00000003.sync-conflict-20261003-101010-ABCDEFG.toml"
    conflict.write_text("", encoding="utf-8")
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert len(prompts(screen, "#recent")) == 3  # the good ones are still there
        problems = [n for n in app.notes if "could not be read" in n]
        assert problems == [
            "2 session files could not be read: 2026-10-01_kapot_cccc00000001.toml, 2026-10-02_oud_cccc00000002.toml"
        ]
        conflicts = [n for n in app.notes if "conflict" in n]
        assert len(conflicts) == 1 and "cccc00000003" in conflicts[0]
        screen.scan_sessions()  # a rescan (the screen came back) does not repeat them
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.notes) == 2


async def test_scan_runs_off_the_ui_thread(store, monkeypatch):
    from growtui.index import Index

    threads: list[threading.Thread] = []
    real_sync = Index.sync

    def sync(self, *a, **k):
        threads.append(threading.current_thread())
        return real_sync(self, *a, **k)

    monkeypatch.setattr(Index, "sync", sync)
    app = HomeApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert threads and threading.main_thread() not in threads
        assert len(screen.recent) == 3


async def test_dutch_interface(store):
    app = HomeApp(store, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await scanned(app, pilot)
        assert prompts(screen, "#resume")[0].endswith("Realiteit")
        bindings = {b.binding.id: b.binding for b in screen.active_bindings.values()}
        assert bindings["home.new"].description == "Nieuw gesprek"
        assert bindings["home.new"].tooltip
        screen.query_one("#topic", Input).focus()
        await pilot.press("enter")
        assert app.notes == ["Vul de naam van de coachee in."]


def test_every_binding_has_an_id_description_and_tooltip():
    for binding in HomeScreen.BINDINGS:
        assert isinstance(binding, Binding), binding
        assert binding.id and binding.description and binding.tooltip
        assert binding.key.startswith(("ctrl+", "f")), binding.key


# --- snapshots -------------------------------------------------------------------


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_snapshot_home_with_sessions(snap_compare, tmp_path):
    app = HomeApp(make_store(tmp_path / "sessions"), lang="nl")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_snapshot_home_empty_english_wide(snap_compare, tmp_path):
    app = HomeApp(Store(tmp_path / "sessions"), Config(language=Lang.en, time_box_minutes=60), lang="en")
    assert snap_compare(app, terminal_size=(120, 30), run_before=_settle)
