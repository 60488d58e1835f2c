"""Before the conversation: preparing it, questions picked in advance, tags, reopening, filters that add up."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta, timezone

import pytest
from textual.widgets import Input, TextArea

from conftest import ROOT
from factories import FrozenClock
from growtui.conversation import LiveSession, new_session, prepare, reopen
from growtui.crypto import Vault
from growtui.index import Index, person_key
from growtui.model import Session, Status
from growtui.screens.home import HomeScreen
from growtui.storage import Store, draft_path, load_draft, save_draft
from ui_helpers import make_app, session_screen, type_text, wait_until

TODAY = date(2026, 11, 21)
CET = timezone(timedelta(hours=1))


@pytest.fixture
def examples(tmp_path):
    folder = tmp_path / "sessions"
    shutil.copytree(ROOT / "sessions", folder)
    return folder


def test_preparing_shows_last_time_open_actions_scores_and_loose_ends(examples):
    found = prepare(Store(examples), "sem brouwer", TODAY)
    assert found.coachee == "Sem Brouwer" and found.conversations == 2
    assert found.last_date == date(2026, 10, 6) and found.days_since == (TODAY - date(2026, 10, 6)).days
    assert found.last_goal and found.scales and found.motivation == 8
    assert found.actions and all(a.overdue for a in found.actions if a.due and a.due < TODAY)
    assert found.loose_ends.startswith("Hoe was dit?")
    assert prepare(Store(examples), "Nobody Yet", TODAY).conversations == 0


def test_growtui_prepare_prints_the_same_and_json_and_takes_a_part_of_a_name(examples, run):
    code, out, _ = run("--sessions-dir", str(examples), "prepare", "sem", "--lang", "en")
    assert code == 0 and "Preparing: Sem Brouwer" in out and "overdue" in out and "Loose ends" in out
    code, out, _ = run("--sessions-dir", str(examples), "prepare", "SEM BROUWER", "--json")
    data = json.loads(out)
    assert code == 0 and data["conversations"] == 2 and data["overdue"] >= 1
    assert {"what", "criterion", "due", "overdue"} <= set(data["actions"][0])


def test_an_ambiguous_part_of_a_name_names_the_candidates(tmp_path, run):
    store = Store(tmp_path)
    for name in ("Anna de Vries", "Anna Bakker"):
        session = Session(coachee=name)
        session.opening.notes = "x"
        store.create(session)
    code, _, err = run("--sessions-dir", str(tmp_path), "list", "--coachee", "anna")
    assert code == 2 and "Anna de Vries" in err and "Anna Bakker" in err
    code, out, _ = run("--sessions-dir", str(tmp_path), "list", "--coachee", "bakk")
    assert code == 0 and "Anna Bakker" in out and "Anna de Vries" not in out


def test_accents_and_case_do_not_matter_for_a_coachee(tmp_path):
    store = Store(tmp_path)
    session = Session(coachee="Zoë de Wit")
    session.goal.notes = "x"
    store.create(session)
    with Index.of(store) as index:
        index.sync()
        assert [e.coachee for e in index.entries(coachee="zoe DE wit")] == ["Zoë de Wit"]


def test_repeated_tags_mean_all_of_them_and_list_has_a_header(tmp_path, run):
    store = Store(tmp_path)
    for tags in (["career"], ["career", "workload"]):
        session = Session(coachee="Kim", tags=tags)
        session.goal.notes = "x"
        store.create(session)
    code, out, _ = run("--sessions-dir", str(tmp_path), "list", "--tag", "career", "--tag", "workload", "--json")
    assert code == 0 and [e["tags"] for e in json.loads(out)] == [["career", "workload"]]
    code, out, _ = run("--sessions-dir", str(tmp_path), "list", "--status", "in_progress")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "coachee", "topic"] and "in_progress" in lines[1]


def test_command_line_dates_read_like_the_interface(tmp_path, run):
    code, _, err = run("--sessions-dir", str(tmp_path), "list", "--since", "+7")
    assert code == 0
    code, _, err = run("--sessions-dir", str(tmp_path), "list", "--since", "someday")
    assert code == 2 and "is not a date" in err


def test_the_preparation_goes_with_the_session_and_its_questions_come_first(tmp_path, library):
    store = Store(tmp_path)
    person = person_key("Kim")
    save_draft(store.root, person, "Vragen naar de verhuizing", ["reality.feelings"])
    stored = new_session(store, coachee="Kim", preparation=load_draft(store.root, person))
    assert stored.stamp is not None, "written at once: the draft may go"
    assert store.read(stored.path).session.preparation.notes == "Vragen naar de verhuizing"
    assert not draft_path(store.root, person).exists()
    live = LiveSession(stored, library, clock=FrozenClock())
    live.set_phase("reality")
    first = live.current()
    assert first is not None and first.key == "reality.feelings"


def test_a_draft_in_an_encrypted_folder_is_sealed_and_never_named(tmp_path):
    vault = Vault.create("correct horse battery")
    save_draft(tmp_path, person_key("Kim Jansen"), "vertrouwelijk plan", [], vault)
    path = draft_path(tmp_path, person_key("Kim Jansen"))
    assert b"vertrouwelijk" not in path.read_bytes() and "kim" not in path.name.casefold()
    assert path.stat().st_mode & 0o077 == 0
    assert load_draft(tmp_path, person_key("Kim Jansen"), vault) == ("vertrouwelijk plan", [])
    assert load_draft(tmp_path, person_key("Kim Jansen")) == ("", []), "without the key: nothing"


def test_reopening_a_finished_conversation_keeps_its_end_and_records_the_correction(tmp_path, library):
    store = Store(tmp_path)
    ended = datetime(2026, 11, 3, 10, 15, tzinfo=CET)
    session = Session(coachee="Kim", status=Status.completed, ended_at=ended, phase_seconds={"goal": 600})
    session.goal.notes = "x"
    stored = store.create(session)
    resumed = reopen(store, stored.path)
    assert len(resumed.stored.session.corrected_at) == 1
    clock = FrozenClock()
    live = LiveSession(resumed.stored, library, clock=clock)
    clock.now += 300
    live.set_notes("goal", "x, corrected")
    live.finish()
    assert live.session.ended_at == ended and live.session.phase_seconds == {"goal": 600}
    assert live.session.status is Status.completed


def test_resume_reopen_needs_a_session(tmp_path, run):
    code, _, err = run("--sessions-dir", str(tmp_path), "resume", "--reopen")
    assert code == 2 and "--reopen needs the SESSION" in err


# --- the home screen ----------------------------------------------------------------------------------


async def test_the_home_screen_prepares_a_known_coachee_and_carries_the_notes_in(examples):
    app = make_app(examples, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        # the overdue actions and the resume list come from the scan worker, which a loaded machine
        # finishes after the preparation has arrived (CI once caught it without them)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.has_class("-scanned"))
        await type_text(pilot, "Sem Brouwer")
        await wait_until(pilot, lambda: "Elke donderdag" in str(app.screen.query_one("#prep-summary").render()))
        shown = str(app.screen.query_one("#prep-summary").render())
        assert "Elke donderdag" in shown and "overdue" in shown
        app.screen.query_one("#prep-notes", TextArea).focus()
        await type_text(pilot, "Eerst vragen hoe de maandag ging")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")  # the first question offered
        await pilot.pause()
        app.screen.query_one("#coachee", Input).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: hasattr(app.screen, "live"))
        prepared = session_screen(app).live.session.preparation
        assert prepared.notes == "Eerst vragen hoe de maandag ging" and len(prepared.questions) == 1


def test_snapshot_home_with_a_preparation(examples, snap_compare):
    app = make_app(examples, today=lambda: TODAY)

    async def prepared(pilot):
        # the overdue actions and the resume list come from the scan worker, which a loaded machine
        # finishes after the preparation has arrived (CI once caught it without them)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.has_class("-scanned"))
        await type_text(pilot, "Sem Brouwer")
        await wait_until(pilot, lambda: "Elke donderdag" in str(app.screen.query_one("#prep-summary").render()))
        # the panel's arrival reflows the form: wait until the name field has its width again (a full,
        # serial run once caught it mid-reflow)
        await wait_until(pilot, lambda: app.screen.query_one("#coachee", Input).size.width > 40)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=prepared)


def test_attention_counts_overdue_actions_and_who_is_due_by_rhythm(examples):
    from growtui.conversation import attention
    from growtui.storage import set_rhythm

    set_rhythm(person_key("Sem Brouwer"), "2w")
    set_rhythm(person_key("Zoë van Dijk"), "4w")
    with Index.of(Store(examples)) as index:
        index.sync()
        found = attention(index, TODAY)
    assert found.overdue == sum(a.due is not None and a.due < TODAY for a in found.actions) > 0
    assert found.due[0] == ("Sem Brouwer", "overdue"), "the longest overdue first"
    assert ("Zoë van Dijk", "due") not in found.due or found.due.index(("Sem Brouwer", "overdue")) == 0


async def test_the_home_screen_shows_overdue_actions_opens_them_and_sets_a_rhythm(examples):
    from growtui.screens.actions import ActionsScreen
    from growtui.storage import read_rhythms

    app = make_app(examples, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.has_class("-scanned"))
        assert "overdue" in str(app.screen.query_one("#attention").render())
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        assert "Elke donderdag" in " ".join(str(s.render()) for s in app.screen.query(".action"))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await type_text(pilot, "Sem Brouwer")
        await pilot.press("f6")
        await pilot.pause()
        assert read_rhythms() == {person_key("Sem Brouwer"): "1w"}
        await wait_until(pilot, lambda: "Sem Brouwer (overdue)" in str(app.screen.query_one("#attention").render()))


async def test_the_finish_screen_copies_and_saves_the_recap_without_notes(sessions_dir):
    from growtui import paths
    from growtui.dialogs.finish import FinishScreen

    app = make_app(sessions_dir, coachee="Kim", lang="en", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: hasattr(app.screen, "live"))
        live = session_screen(app).live
        live.set_notes("goal", "PRIVATE-NOTE-42")
        live.add_action("Send the plan to Tom", success_criterion="Tom has it")
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, FinishScreen))
        await pilot.press("ctrl+y")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Send the plan to Tom" in app.clipboard and "PRIVATE-NOTE-42" not in app.clipboard
        [saved] = (paths.data_dir() / "recaps").iterdir()
        text = saved.read_text(encoding="utf-8")
        assert "Tom has it" in text and "PRIVATE-NOTE-42" not in text and saved.stat().st_mode & 0o077 == 0


async def _prepare_for_sem(app, pilot, notes: str) -> None:
    """On the home screen: Sem Brouwer's preparation shown, ``notes`` typed into it."""
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.has_class("-scanned"))
    await type_text(pilot, "Sem Brouwer")
    await wait_until(pilot, lambda: "Elke donderdag" in str(app.screen.query_one("#prep-summary").render()))
    app.screen.query_one("#prep-notes", TextArea).focus()
    await type_text(pilot, notes)


async def test_the_preparation_typed_just_before_quitting_is_kept(examples):
    """Ctrl+Q within a second of typing, before the draft's timer: the notes are still in their field
    when the home screen goes, and must reach the draft."""
    app = make_app(examples, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _prepare_for_sem(app, pilot, "Vragen naar het rooster")
        await pilot.press("ctrl+q")
    assert load_draft(examples, person_key("Sem Brouwer")) == ("Vragen naar het rooster", [])


async def test_a_preparation_taken_into_a_conversation_does_not_come_back_as_a_draft(examples):
    """The draft goes once the session is on disk; emptying the form after the start must not write it again,
    or the next preparation for this person would begin with the last one's notes."""
    app = make_app(examples, today=lambda: TODAY)
    draft = draft_path(examples, person_key("Sem Brouwer"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _prepare_for_sem(app, pilot, "Eerst vragen")
        await wait_until(pilot, draft.exists)
        app.screen.query_one("#coachee", Input).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: hasattr(app.screen, "live"))
        assert session_screen(app).live.session.preparation.notes == "Eerst vragen"
        await pilot.pause(0.3)  # the emptied form's messages are handled
        assert not draft.exists()
        await pilot.press("ctrl+q")
    assert not draft.exists()
