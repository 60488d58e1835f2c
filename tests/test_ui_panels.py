"""Pilot tests for the phase panels and the option and action editors.

Each panel is mounted alone in a tiny app, in a slot of at most 10 rows
with a notes area below it (as on the session screen), at 80x24. The tests
press keys and look at the session model and at the SessionEdited
messages that reach the app.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, Label, Select, TextArea
from textual.widgets.data_table import ColumnKey

from factories import live_session
from growtui.conversation import LiveSession
from growtui.dialogs.action_editor import ActionEditor
from growtui.dialogs.confirm import Confirm
from growtui.dialogs.option_editor import OptionEditor
from growtui.i18n import short_date
from growtui.library import load_library
from growtui.model import Action, FollowUpItem, Lang, Option, Outcome, ScaleAnswer, parse_date
from growtui.widgets.base import PhasePanel, SessionEdited
from growtui.widgets.follow_up_panel import FollowUpPanel
from growtui.widgets.goal_panel import GoalPanel
from growtui.widgets.options_panel import OptionsPanel
from growtui.widgets.reality_panel import RealityPanel
from growtui.widgets.will_panel import WillPanel
from ui_helpers import APP_CSS, type_text


@pytest.fixture(scope="module")
def library():
    return load_library()


def make_live(tmp_path: Path, library, **fields) -> LiveSession:
    return live_session(tmp_path / "session.toml", library, coachee="Test", **fields)


class PanelApp(App[None]):
    """One panel in a slot of at most 10 rows, notes below, a footer: like the session screen."""

    CSS_PATH = APP_CSS

    CSS = """
    #slot { height: auto; max-height: 10; border-bottom: solid $primary; }
    #notes { height: 1fr; }
    """

    def __init__(self, live: LiveSession, panel: type[PhasePanel]) -> None:
        super().__init__()
        self.live = live
        self.panel_type = panel
        self.edits = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="slot"):
            yield self.panel_type(self.live, id="panel")
        yield TextArea(id="notes")
        yield Footer()

    def on_session_edited(self, _: SessionEdited) -> None:
        self.edits += 1


def table_rows(app: App, table_id: str) -> list[list[str]]:
    table = app.query_one(table_id, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def options_session(tmp_path: Path, library) -> LiveSession:
    live = make_live(tmp_path, library, language="en")
    live.session.options.items += [
        Option(id="o1", text="Hand task X over to Tom", attractiveness=5, feasibility=4),
        Option(id="o2", text="Say no to new requests for a month", attractiveness=9, feasibility=7),
        Option(id="o3", text="Block two mornings a week for deep work", attractiveness=7, feasibility=8, chosen=True),
    ]
    return live


# --- goal ---------------------------------------------------------------


async def test_goal_fields_go_into_the_session_as_typed(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, GoalPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#session-goal")
        await type_text(pilot, "Rust")
        await pilot.press("enter")  # moves on to the next field
        await type_text(pilot, "40 uur")
        app.query_one("#success-measure", Input).focus()
        await type_text(pilot, "Geen avondwerk")
        await pilot.pause()
    goal = live.session.goal
    assert (goal.session_goal, goal.long_term_goal, goal.success_measure) == ("Rust", "40 uur", "Geen avondwerk")
    assert app.edits == len("Rust") + len("40 uur") + len("Geen avondwerk")


async def test_goal_panel_is_compact_and_rereads_the_session(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, GoalPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.query_one(GoalPanel).size.height <= 6
        live.set_goal("long_term_goal", "Binnen 40 uur")
        app.query_one(GoalPanel).refresh_from_session()
        await pilot.pause()
        assert app.query_one("#long-term-goal", Input).value == "Binnen 40 uur"
    assert app.edits == 0  # showing what is already in the session is not an edit


# --- reality ------------------------------------------------------------


async def test_reality_shows_empty_state_then_scales_newest_last(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, RealityPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(RealityPanel)
        assert panel.has_class("-empty")
        assert app.query_one("#scales-empty", Label).display
        live.session.reality.scales += [
            ScaleAnswer(
                question="Waar sta je nu op een schaal van 1 tot 10, als 10 je doel is?",
                score=4,
                said="Te veel ad hoc werk",
            ),
            ScaleAnswer(question="Hoe tevreden ben je?", score=6, said="Best"),
        ]
        panel.refresh_from_session()
        await pilot.pause()
        assert not panel.has_class("-empty")
        rows = table_rows(app, "#scales")
        assert [row[0] for row in rows] == ["4", "6"]
        assert rows[0][1].endswith("…") and len(rows[0][1]) <= 34
        assert app.query_one("#scales", DataTable).cursor_row == 1


async def test_reality_taken_down_while_it_mounts_does_not_crash(tmp_path: Path, library) -> None:
    """Quitting just after start: the panel's children go before its own mount handler has run
    (a real crash, exit 70, seen when Ctrl+Q came while the hidden phases were mounting)."""
    live = make_live(tmp_path, library)
    app = PanelApp(live, RealityPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(RealityPanel)
        await panel.query_one("#scales", DataTable).remove()
        await pilot.pause()
        panel.refresh_from_session()  # what its on_mount and on_resize call


# --- options ------------------------------------------------------------


async def test_typed_option_is_added_on_enter(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#new-option")
        await type_text(pilot, "Taak X overdragen")
        await pilot.press("enter")
        await pilot.press("enter")  # nothing typed: nothing added
        await pilot.pause()
        assert app.query_one("#new-option", Input).value == ""
        assert table_rows(app, "#options") == [["Taak X overdragen", "–", "–", "–", ""]]
    assert [o.text for o in live.session.options.items] == ["Taak X overdragen"]
    assert app.edits >= 1  # every keystroke is an edit: the text is saved before Enter


async def test_a_or_f_then_digit_scores_the_option(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Nee zeggen")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("a")
        await pilot.pause()
        hint = app.query_one("#options-hint", Label)
        assert hint.has_class("-scoring")
        await pilot.press("8", "f", "0")
        await pilot.pause()
        assert not hint.has_class("-scoring")
        assert table_rows(app, "#options")[0][1:4] == ["8", "10", "18"]
        await pilot.press("a", "escape", "5")  # escape drops the scoring; a bare digit does nothing
        await pilot.press("f", "down", "3")  # another key drops it too
        await pilot.pause()
    option = live.session.options.items[0]
    assert (option.attractiveness, option.feasibility, option.score) == (8, 10, 18)
    assert app.edits == 2


async def test_space_chooses_an_option_and_creates_an_action(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Eerste")
    live.add_option("Tweede")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("down", "space")
        await pilot.pause()
        assert table_rows(app, "#options")[1][4] == "✓"
        assert app.query_one("#options", DataTable).cursor_row == 1
    second = live.session.options.items[1]
    assert second.chosen
    assert [(a.what, a.option_id) for a in live.session.will.actions] == [("Tweede", second.id)]
    assert app.edits == 1


async def test_sort_puts_the_best_first_and_keeps_the_cursor_on_its_option(tmp_path: Path, library) -> None:
    live = options_session(tmp_path, library)
    live.add_option("Not scored yet")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("down")  # on o2 (score 16)
        await pilot.press("s")
        await pilot.pause()
        table = app.query_one("#options", DataTable)
        assert [o.id for o in live.session.options.items] == ["o2", "o3", "o1", "o4"]
        assert table.cursor_row == 0
        assert [row[3] for row in table_rows(app, "#options")] == ["16", "15", "9", "–"]
    assert app.edits == 1


async def test_delete_removes_the_option_under_the_cursor_and_a_chosen_one_asks_first(tmp_path: Path, library) -> None:
    live = options_session(tmp_path, library)
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("down", "delete")
        await pilot.pause()
        assert [o.id for o in live.session.options.items] == ["o1", "o3"]
        assert app.query_one("#options", DataTable).cursor_row == 1  # now on the next option
        assert live.removed and live.removed[-1].item.id == "o2"
        await pilot.press("delete")  # o3 is chosen: asked first, and No is where the cursor starts
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")
        await pilot.pause()
        assert [o.id for o in live.session.options.items] == ["o1", "o3"]
        await pilot.press("delete")
        await pilot.pause()
        app.screen.query_one("#confirm-yes", Button).press()
        await pilot.pause()
        assert [o.id for o in live.session.options.items] == ["o1"]
    restored = live.undo_remove()
    assert restored is not None and restored.item.id == "o3"
    assert [o.id for o in live.session.options.items] == ["o1", "o3"]


async def test_option_editor_opens_on_the_pros_and_never_types_over_the_option(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, OptionEditor) and editor.focused is editor.query_one("#pros")
        await type_text(pilot, "meer rust")
        await pilot.pause()
        assert live.option("o1").text == "Taak X", "the first pro typed is a pro, not the option's new name"
        assert live.option("o1").pros == ["meer rust"], "in the session as it is typed"


async def test_option_editor_saves_text_scores_pros_cons_and_choice(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, OptionEditor)
        await type_text(pilot, "meer rust")
        await pilot.press("enter")
        await type_text(pilot, "Tom groeit")
        await pilot.press("tab")
        await type_text(pilot, "inwerken")
        await pilot.press("tab", "space")  # the checkbox
        assert editor.query_one("#chosen", Checkbox).value
        editor.query_one("#text", Input).focus()
        await pilot.press("end")
        await type_text(pilot, " aan Tom")
        editor.query_one("#attractiveness", Input).focus()
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, OptionEditor)
        assert table_rows(app, "#options")[0] == ["Taak X aan Tom", "8", "6", "14", "✓"]
    option = live.session.options.items[0]
    assert (option.text, option.attractiveness, option.feasibility) == ("Taak X aan Tom", 8, 6)
    assert (option.pros, option.cons, option.chosen) == (["meer rust", "Tom groeit"], ["inwerken"], True)
    assert [a.option_id for a in live.session.will.actions] == [option.id]
    assert app.edits >= 1


async def test_option_editor_refuses_a_score_outside_1_to_10(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, OptionEditor)
        editor.query_one("#attractiveness", Input).focus()
        await pilot.press("1", "1")
        await pilot.pause()
        assert editor.has_class("-bad-score")
        assert editor.query_one("#score-error", Label).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor  # not closed
        await pilot.press("backspace")
        await pilot.pause()
        assert not editor.has_class("-bad-score")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert live.session.options.items[0].attractiveness == 1


async def test_option_editor_escape_keeps_what_was_typed_and_undo_puts_the_option_back(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.press("enter", "escape")  # nothing changed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, OptionEditor)
        await pilot.press("enter", "x", "escape")  # a typed word is never thrown away by Esc
        await pilot.pause()
        assert not isinstance(app.screen, OptionEditor) and live.option("o1").pros == ["x"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#cons"), "the pros are filled: the cons come first"
        await type_text(pilot, "maybe not")
        await pilot.pause()
        assert live.option("o1").cons == ["maybe not"]
        app.screen.query_one("#cancel", Button).press()  # Undo changes: what the option held when the editor opened
        await pilot.pause()
        assert not isinstance(app.screen, OptionEditor)
    assert (live.option("o1").text, live.option("o1").pros, live.option("o1").cons) == ("Taak X", ["x"], [])


async def test_option_table_keys_are_described_in_the_session_language(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)  # Dutch by default
    live.add_option("Taak X")
    app = PanelApp(live, OptionsPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#options").focus()
        await pilot.pause()
        described = {b.id: b.description for _, b, *_ in app.screen.active_bindings.values()}
        assert described["options.choose"] == "Kiezen"
        assert all(b.tooltip for _, b, *_ in app.screen.active_bindings.values() if b.id and "options" in b.id)
        await pilot.click("#new-option")
        await type_text(pilot, "Half")  # typed, not yet added
        live.session.language = Lang.en
        app.query_one(OptionsPanel).refresh_from_session()
        await pilot.pause()
        assert str(app.query_one("#options", DataTable).columns[ColumnKey("chosen")].label) == "Chosen"
        assert app.query_one("#new-option", Input).value == "Half"
        assert app.query_one("#new-option", Input).placeholder == "New option (Enter)…"


# --- will ---------------------------------------------------------------


async def test_typed_action_is_added_and_can_be_deleted(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, WillPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.query_one("#actions-empty", Label).display
        await pilot.click("#new-action")
        await type_text(pilot, "Overdracht plannen")
        await pilot.press("enter")
        await pilot.pause()
        assert [a.what for a in live.session.will.actions] == ["Overdracht plannen"]
        assert table_rows(app, "#actions") == [["Overdracht plannen", "", ""]]
        app.query_one("#actions").focus()
        await pilot.press("delete")
        await pilot.pause()
    assert live.session.will.actions == []
    assert app.edits >= 2  # every keystroke is an edit: the text is saved before Enter


async def test_action_editor_parses_dates_to_date_objects(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_action("Overdracht plannen")
    app = PanelApp(live, WillPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#actions").focus()
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        assert editor.focused is editor.query_one("#success-criterion"), "it opens on the first empty field"
        editor.query_one("#start", Input).focus()
        await type_text(pilot, "1-12")
        await pilot.pause()
        start = parse_date("1-12")
        assert start is not None
        assert str(editor.query_one("#start-parsed", Label).content) == short_date(start, "nl")
        await pilot.press("tab")
        await type_text(pilot, "zomaar")
        await pilot.pause()
        assert editor.query_one("#when-parsed", Label).has_class("-invalid")
        assert editor.query_one("#date-error", Label).display
        await pilot.press("ctrl+s")  # refused: the date cannot be read
        await pilot.pause()
        assert app.screen is editor
        assert editor.focused is editor.query_one("#when", Input)
        await pilot.press(*["backspace"] * 6)
        await type_text(pilot, "+7")
        await pilot.press("tab")
        await type_text(pilot, "Tom doet de release")
        await pilot.pause()
        assert not editor.query_one("#date-error", Label).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ActionEditor)
        assert table_rows(app, "#actions")[0][1] == short_date(parse_date("+7"), "nl")
    action = live.session.will.actions[0]
    assert action.start == start and isinstance(action.start, date)
    assert action.when == parse_date("+7")
    assert action.success_criterion == "Tom doet de release"
    assert app.edits >= 1


def test_short_date_is_the_same_on_every_machine() -> None:
    assert short_date(date(2026, 12, 4), "nl") == "vr 4 dec 2026"
    assert short_date(date(2026, 12, 4), "en") == "Fri 4 Dec 2026"


async def test_motivation_below_ten_asks_what_makes_it_a_ten(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    app = PanelApp(live, WillPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(WillPanel)
        assert not app.query_one("#to-ten", Input).display
        await pilot.click("#motivation")
        await pilot.press("6")
        await pilot.pause()
        assert live.session.will.motivation == 6
        assert app.query_one("#to-ten", Input).display
        await pilot.press("enter")  # on to the to-ten field
        await type_text(pilot, "Tijd")
        assert live.session.will.motivation_to_ten == "Tijd"
        app.query_one("#motivation", Input).focus()
        await pilot.press("end", "1")  # 61 is no score
        await pilot.pause()
        assert panel.has_class("-bad-motivation")
        assert live.session.will.motivation == 6
        await pilot.press("backspace", "backspace", "1", "0")
        await pilot.pause()
        assert live.session.will.motivation == 10
        assert not app.query_one("#to-ten", Input).display
        assert not panel.has_class("-bad-motivation")
        assert app.edits >= 6


async def test_will_advises_one_or_two_actions_and_marks_chosen_options(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library, language="en")
    option = live.add_option("Ask Tom")
    live.toggle_chosen(option.id)
    live.add_action("Plan the handover")
    app = PanelApp(live, WillPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.query_one("#will-advice", Label).display
        assert table_rows(app, "#actions")[0][0] == "Ask Tom · from option"
        live.add_action("A third one")
        app.query_one(WillPanel).refresh_from_session()
        await pilot.pause()
        assert app.query_one("#will-advice", Label).display
        assert app.query_one("#actions", DataTable).row_count == 3


# --- follow-up ------------------------------------------------------------


async def test_follow_up_outcome_and_notes_update_the_item(tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.session.follow_up.items += [
        FollowUpItem(
            session_id="p0p0p0p0p0p0", action_id="a1", what="Agenda blokken", success_criterion="3 blokken per week"
        ),
        FollowUpItem(session_id="p0p0p0p0p0p0", action_id="a2", what="Tom inwerken"),
    ]
    app = PanelApp(live, FollowUpPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.edits == 0
        app.query_one("#follow-up-0-outcome", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # blank, done, partly done
        await pilot.pause()
        assert live.session.follow_up.items[0].outcome is Outcome.partly_done
        await pilot.press("tab")
        await type_text(pilot, "twee weken")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "dinsdag")
        app.query_one("#follow-up-1-outcome", Select).focus()
        await pilot.press("enter", "down", "down", "down", "enter")
        await pilot.pause()
    first, second = live.session.follow_up.items
    assert (first.outcome, first.tried, first.next_step) == (Outcome.partly_done, "twee weken", "dinsdag")
    assert second.outcome is Outcome.not_done
    assert app.edits == 1 + len("twee weken") + len("dinsdag") + 1


# --- snapshots --------------------------------------------------------------


def test_snapshot_options_table_with_three_scored_options(snap_compare, tmp_path: Path, library) -> None:
    app = PanelApp(options_session(tmp_path, library), OptionsPanel)

    async def focus_table(pilot) -> None:
        app.query_one("#options").focus()
        await pilot.press("down")

    assert snap_compare(app, terminal_size=(80, 24), run_before=focus_table)


def test_snapshot_action_editor(snap_compare, tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library, language="en")
    live.session.will.actions.append(
        Action(
            id="a1",
            what="Plan the handover with Tom",
            start=date(2026, 11, 20),
            when=date(2026, 12, 4),
            success_criterion="Tom does the release on his own",
            inform="team lead",
            option_id="o1",
        )
    )
    app = PanelApp(live, WillPanel)

    async def open_editor(pilot) -> None:
        app.query_one("#actions").focus()
        await pilot.press("enter")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_editor)


def test_snapshot_will_with_motivation(snap_compare, tmp_path: Path, library) -> None:
    live = make_live(tmp_path, library)
    live.add_action("Overdracht plannen met Tom", when=date(2026, 12, 4), success_criterion="Tom doet de release")
    live.set_motivation(7, "Als Tom er ook zin in heeft")
    assert snap_compare(PanelApp(live, WillPanel), terminal_size=(80, 24))


def test_snapshot_option_editor(snap_compare, tmp_path: Path, library) -> None:
    live = options_session(tmp_path, library)
    live.update_option("o1", pros=["more calm", "Tom grows"], cons=["Tom needs training"])
    app = PanelApp(live, OptionsPanel)

    async def open_editor(pilot) -> None:
        app.query_one("#options").focus()
        await pilot.press("enter")

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_editor)


def test_a_draft_keeps_its_item_when_the_line_is_heard_twice_or_ends_in_a_space() -> None:
    """A space at the end of the line strips to the text already in the session, and a quit's pull hands
    over a line whose Changed message still comes: neither may take the option out of the session."""
    from growtui.widgets.base import ItemDraft

    items: dict[str, str] = {}
    removed: list[str] = []

    class Item:
        def __init__(self, text: str) -> None:
            self.id = f"o{len(items) + len(removed) + 1}"
            items[self.id] = text

    def remove(item_id: str) -> None:
        removed.append(item_id)
        del items[item_id]

    draft = ItemDraft(Item, items.__setitem__, remove)
    first = draft.typed("Meer tijd")
    assert draft.typed("Meer tijd ") == first
    assert draft.typed("Meer tijd ") == first  # the same line again
    assert draft.typed("Meer tijd voor") == first
    assert (items, removed) == ({first: "Meer tijd voor"}, [])
    assert draft.typed("") is None
    assert (items, removed) == ({}, [first])
