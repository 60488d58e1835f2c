"""The history screen, the session document, the coachee's arc, and the follow-up ritual on screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Select, Static

from factories import FrozenClock, copy_grow_examples, full_session
from growtui.dialogs.confirm_carry import ConfirmCarryScreen
from growtui.model import Action, Decision, Outcome, Phase
from growtui.screens.document import CoacheeArcScreen, SessionDocumentScreen
from growtui.screens.history import HistoryScreen
from growtui.storage import Store
from growtui.widgets.session_table import SessionTable
from ui_helpers import make_app, session_screen, to_the_follow_up, wait_until

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"


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


async def settle(app, pilot, seconds: float = 0.3) -> None:
    await pilot.pause(seconds)
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(screen: HistoryScreen) -> list[tuple[str, str]]:
    return [(e.coachee, e.when[:10]) for e in screen.query_one(SessionTable).rows]


async def test_the_history_lists_every_session_newest_first(folder):
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        assert shown(screen) == [
            ("Zoë van Dijk", "2026-11-03"),
            ("Lukas Fischer", "2026-10-15"),
            ("Sem Brouwer", "2026-10-06"),
            ("Priya Raman", "2026-09-17"),
            ("Sem Brouwer", "2026-09-08"),
        ]
        assert "5 conversations" in str(screen.query_one("#history-count").render())
        assert isinstance(app.focused, SessionTable)
        assert "Date" in str(screen.query_one("#history-header", Static).render())


async def test_search_filters_as_you_type(folder):
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("ctrl+f")
        await pilot.press(*"sluitcheck")
        await settle(app, pilot)
        assert shown(screen) == [("Sem Brouwer", "2026-10-06"), ("Sem Brouwer", "2026-09-08")]
        assert "2 of 5" in str(screen.query_one("#history-count").render())
        await pilot.press("enter")  # to the list
        assert isinstance(app.focused, SessionTable)
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert len(shown(screen)) == 5 and screen.query_one("#history-search", Input).value == ""


async def test_a_search_typed_over_is_not_run_to_its_end_and_a_slow_one_says_so(folder, monkeypatch):
    """At 100,000 sessions every key began a search that ran to its end: results 8.7 s after the last key."""
    import threading

    from growtui.index import queries
    from growtui.index.queries import Queries

    asked: list[str] = []
    answered: list[str] = []
    release = threading.Event()
    search_entries = Queries.search_entries

    def slow(self, query, **filters):
        asked.append(query)
        release.wait(5)  # a large folder: the search takes a while
        found = search_entries(self, query, **filters)
        answered.append(query)
        return found

    monkeypatch.setattr(Queries, "search_entries", slow)
    monkeypatch.setattr(queries, "CHECK_EVERY", 1)  # the examples are a short query: look at every step
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("ctrl+f", *"sluit")
        # past the typing pause and past "a moment"
        await wait_until(pilot, lambda: "Searching…" in str(screen.query_one("#history-count").render()))
        assert asked == ["sluit"]
        stale = screen.filters()
        await pilot.press("c")  # a key, and the search of what the box said before stops: not after the pause
        release.set()
        await wait_until(pilot, lambda: not screen.workers)
        assert answered == [] and "Searching…" in str(screen.query_one("#history-count").render())
        await pilot.press(*"heck")
        await settle(app, pilot, 0.5)
        assert asked == ["sluit", "sluitcheck"]
        assert answered == ["sluitcheck"], "the search typed over stopped inside SQLite"
        assert shown(screen) == [("Sem Brouwer", "2026-10-06"), ("Sem Brouwer", "2026-09-08")]
        assert "2 of 5" in str(screen.query_one("#history-count").render())
        asked.clear()
        screen._filter(stale, screen._generation - 1)  # an answer nobody waits for any more
        await settle(app, pilot)
        assert asked == [], "a filter that is outdated before it starts does not search at all"


async def test_filters_by_coachee_status_tag_and_dates(folder):
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        screen.query_one("#history-coachee", Select).value = "Sem Brouwer"
        await settle(app, pilot)
        assert shown(screen) == [("Sem Brouwer", "2026-10-06"), ("Sem Brouwer", "2026-09-08")]
        screen.query_one("#history-coachee", Select).clear()
        screen.query_one("#history-status", Select).value = "in_progress"
        await settle(app, pilot)
        assert shown(screen) == [("Zoë van Dijk", "2026-11-03")]
        screen.query_one("#history-status", Select).clear()
        screen.query_one("#history-tag", Select).value = "workload"
        await settle(app, pilot)
        assert [c for c, _ in shown(screen)] == ["Priya Raman"]
        screen.query_one("#history-tag", Select).clear()
        since = screen.query_one("#history-since", Input)
        since.value = "2026-10-01"
        screen.apply_filters()
        await settle(app, pilot)
        assert len(shown(screen)) == 3
        since.value = "not a date"
        screen.apply_filters()
        await settle(app, pilot)
        assert since.has_class("-invalid") and len(shown(screen)) == 5


async def test_enter_opens_the_session_as_a_document_and_escape_comes_back(folder):
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)
        document = app.screen
        assert isinstance(document, SessionDocumentScreen)
        assert document.sessions[0].id == "f724bg39vjed"
        markdown = document.markdown()
        for part in ("Vervolg sluitcheck", "| ", "Motiv"):
            assert part in markdown
        assert document.query_one(Markdown).source == markdown
        await pilot.press("escape")
        assert app.screen is screen and screen.query_one(SessionTable).cursor == 2


async def test_the_arc_of_a_coachee_has_trends_and_every_session(folder):
    app = make_app(folder, history=True, lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        await pilot.press("down", "down", "ctrl+g")
        await settle(app, pilot)
        arc = app.screen
        assert isinstance(arc, CoacheeArcScreen)
        assert [s.id for s in arc.sessions] == ["h7t3pc3hxyga", "f724bg39vjed"]  # oldest first
        trends = str(arc.query_one("#doc-trends", Static).render())
        assert "Motivatie" in trends and "7 → 8" in trends
        markdown = arc.markdown()
        assert markdown.index("8 sep 2026") < markdown.index("6 okt 2026")
        assert "✓" in markdown  # the chosen option is marked
        await pilot.press("escape")
        assert app.screen is screen


async def test_broken_files_are_reported_and_the_rest_shown(folder):
    (folder / "2026-10-20_kapot_bbbb00000001.toml").write_text("schema_version = [")
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await loaded(app, pilot)
        assert len(shown(screen)) == 5
        assert any("2026-10-20_kapot_bbbb00000001.toml" in n.message for n in app._notifications)


async def test_a_first_build_shows_its_progress(folder, monkeypatch):
    from textual.widgets import ProgressBar

    from growtui.index import database as index

    monkeypatch.setattr(index, "BATCH", 2)
    seen = []
    real = ProgressBar.update

    def spy(self, **kwargs):
        if self.id == "history-progress" and kwargs.get("total") and kwargs.get("progress") is not None:
            seen.append((kwargs.get("progress"), kwargs["total"], self.display))
        real(self, **kwargs)

    monkeypatch.setattr(ProgressBar, "update", spy)
    app = make_app(folder, history=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
    assert seen == [(2, 5, True), (4, 5, True), (5, 5, False)]


async def test_f3_on_the_home_screen_opens_the_history(folder):
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await loaded(app, pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_moving_through_thousands_of_rows_draws_only_the_screen(tmp_path):
    """The table keeps its rows in a list and draws a screenful; no widget per row."""
    from growtui.index import Entry

    rows = [
        Entry(
            tmp_path,
            f"{n}.toml",
            f"id{n:06d}",
            f"Coachee {n % 50}",
            f"Topic {n}",
            "2026-01-01T10:00:00+01:00",
            None,
            "completed",
            "closing",
            "nl",
            (),
            2,
            1,
            1,
            None,
            45,
        )
        for n in range(20_000)
    ]
    app = make_app(tmp_path / "none", history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await loaded(app, pilot)
        table = screen.query_one(SessionTable)
        table.set_rows(rows)
        await pilot.press("end")
        assert table.cursor == 19_999 and table.scroll_offset.y > 19_900
        await pilot.press("pageup", "up")
        assert table.cursor < 19_999 - 10
        assert len(list(table.children)) == 0


def test_snapshot_history(snap_compare, folder):
    app = make_app(folder, history=True, lang="nl")

    async def ready(pilot):
        await loaded(app, pilot)
        await pilot.press("down")

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_snapshot_session_document(snap_compare, folder):
    app = make_app(folder, history=True)

    async def ready(pilot):
        await loaded(app, pilot)
        await pilot.press("down", "down", "enter")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_snapshot_coachee_arc(snap_compare, folder):
    app = make_app(folder, history=True, lang="nl")

    async def ready(pilot):
        await loaded(app, pilot)
        await pilot.press("down", "down", "ctrl+g")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


# --- the follow-up ritual on screen ------------------------------------------------------


def _carried_twice(sessions_dir: Path) -> None:
    earlier = full_session(
        coachee="Sanne",
        status="completed",
        follow_up={"items": []},
        will={
            "actions": [
                Action(
                    id="a1",
                    what="Agenda opschonen",
                    success_criterion="Vrijdag leeg",
                    carry_count=2,
                    agreed_on=date(2026, 9, 1),
                    carried_from="p0p0p0p0p0p0/a1",
                ).model_dump()
            ],
            "motivation": 6,
        },
    )
    Store(sessions_dir).create(earlier)


async def test_the_third_carry_asks_first_and_cancel_changes_nothing(sessions_dir):
    _carried_twice(sessions_dir)
    app = make_app(sessions_dir, coachee="Sanne")
    async with app.run_test(size=(100, 30)) as pilot:
        live = session_screen(app).live
        await to_the_follow_up(pilot)
        panel = app.screen.query_one("#panel-follow_up")
        meta = str(panel.query_one(".follow-up-meta").render())
        assert "motivation then 6/10" in meta and "81 days ago" in meta and "2×" in meta
        panel.query_one("#follow-up-0-decision", Select).value = Decision.carry_over
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmCarryScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert live.session.follow_up.items[0].decision is None and live.session.will.actions == []
        assert panel.query_one("#follow-up-0-decision", Select).value is Select.NULL

        panel.query_one("#follow-up-0-decision", Select).value = Decision.carry_over
        await pilot.pause(0.2)
        await pilot.click("#carry-yes")
        await pilot.pause(0.2)
        [action] = live.session.will.actions
        assert action.carry_count == 3 and action.agreed_on == date(2026, 9, 1)
        assert live.session.follow_up.items[0].decision is Decision.carry_over


async def test_dropping_from_the_question(sessions_dir):
    _carried_twice(sessions_dir)
    app = make_app(sessions_dir, coachee="Sanne")
    async with app.run_test(size=(100, 30)) as pilot:
        live = session_screen(app).live
        await to_the_follow_up(pilot)
        panel = app.screen.query_one("#panel-follow_up")
        panel.query_one("#follow-up-0-outcome", Select).value = Outcome.not_done
        panel.query_one("#follow-up-0-decision", Select).value = Decision.carry_over
        # Laid out, not just mounted: a click before that lands nowhere.
        await wait_until(pilot, lambda: any(b.region.area for b in app.screen.query("#carry-drop")))
        await pilot.pause(0.05)
        await pilot.click("#carry-drop")
        await wait_until(pilot, lambda: not app.screen.query("#carry-drop"))
        await pilot.pause(0.05)
        item = live.session.follow_up.items[0]
        assert (item.outcome, item.decision) == (Outcome.not_done, Decision.drop)
        assert panel.query_one("#follow-up-0-decision", Select).value == Decision.drop


async def test_the_outcome_reaches_the_earlier_file_through_autosave(sessions_dir):
    from ui_helpers import wait_for_file

    store = Store(sessions_dir)
    earlier = full_session(coachee="Sanne", status="completed", follow_up={"items": []})
    store.create(earlier)
    app = make_app(sessions_dir, coachee="Sanne")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_follow_up(pilot)
        assert session_screen(app).live.phase == Phase.follow_up
        panel = app.screen.query_one("#panel-follow_up")
        panel.query_one("#follow-up-0-outcome", Select).value = Outcome.done
        await wait_for_file(store.path_for(earlier), lambda t: 'outcome = "done"' in t and 'status = "done"' in t)


def test_snapshot_confirm_carry(snap_compare, sessions_dir):
    _carried_twice(sessions_dir)
    app = make_app(sessions_dir, coachee="Sanne", lang="nl", language="nl", clock=FrozenClock())

    async def ask(pilot):
        await to_the_follow_up(pilot)
        app.screen.query_one("#follow-up-0-decision", Select).value = Decision.carry_over
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ask)
