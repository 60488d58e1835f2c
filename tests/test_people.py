"""Across people: every open action, who you have talked with, and who is due for a conversation."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from factories import CET, full_session
from growtui import paths
from growtui.errors import ConfigError
from growtui.index import Index
from growtui.model import Action, ActionStatus, DueState, FollowUpItem, Outcome, Source, due_state
from growtui.storage import Store, read_rhythms, set_rhythm

TODAY = date.today()


def talk(store: Store, sid: str, coachee: str, days_ago: int, actions=(), follow_up=(), **changes):
    started = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), CET).replace(hour=9)
    session = full_session(
        id=sid,
        coachee=coachee,
        started_at=started,
        ended_at=started + timedelta(minutes=30),
        follow_up={"items": [i.model_dump() for i in follow_up]},
        will={"actions": [a.model_dump() for a in actions]},
        **changes,
    )
    return store.create(session)


def act(aid: str, what: str, due_in: int | None, **changes) -> Action:
    return Action(id=aid, what=what, when=None if due_in is None else TODAY + timedelta(days=due_in), **changes)


@pytest.fixture
def folder(sessions_dir: Path) -> Path:
    """Three people: Ada (two talks, one action settled later), Bo (an overdue action), Cas (nothing open)."""
    store = Store(sessions_dir)
    talk(
        store,
        "ada000000001",
        "Ada Lovelace",
        30,
        [
            act("a1", "Ada early", -20, success_criterion="done by then"),
            act("a2", "Ada settled", -10),
            act("a3", "Ada done", -5, status=ActionStatus.done),
        ],
    )
    talk(
        store,
        "ada000000002",
        "ada  LOVELACE",
        2,
        [act("a1", "Ada later", 5, owner=Source.coach)],
        [FollowUpItem(session_id="ada000000001", action_id="a2", what="Ada settled", outcome=Outcome.done)],
        next_meeting=TODAY + timedelta(days=12),
    )
    talk(store, "bob000000001", "Bo", 20, [act("b1", "Bo overdue", -1, carry_count=2), act("b2", "Bo undated", None)])
    talk(store, "cas000000001", "Cas", 9)
    return sessions_dir


# --- the index ----------------------------------------------------------------------------------------------------


def test_all_open_actions_are_settled_like_the_follow_up_and_oldest_first(folder):
    with Index(folder) as index:
        index.sync()
        everyone = index.all_open_actions()
        ada = index.all_open_actions("ADA lovelace")
    assert [a.what for a in everyone] == ["Ada early", "Bo overdue", "Bo undated", "Ada later"]
    assert [a.what for a in ada] == ["Ada early", "Ada later"]
    assert everyone[0].coachee == "Ada Lovelace" and everyone[-1].coachee == "ada  LOVELACE"
    assert everyone[-1].owner == "coach" and everyone[1].carry_count == 2


def test_people_are_counted_once_with_the_latest_name_and_next_meeting(folder):
    with Index(folder) as index:
        index.sync()
        people = {p.key: p for p in index.people()}
    assert set(people) == {"ada lovelace", "bo", "cas"}
    ada = people["ada lovelace"]
    assert (ada.name, ada.conversations, ada.last) == ("ada  LOVELACE", 2, TODAY - timedelta(days=2))
    assert ada.next_meeting == TODAY + timedelta(days=12) and people["bo"].next_meeting is None


# --- the rule and the file ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "rhythm", "state"),
    [
        (6, "1w", DueState.not_due),
        (7, "1w", DueState.due),
        (10, "1w", DueState.due),
        (11, "1w", DueState.overdue),
        (13, "2w", DueState.not_due),
        (17, "2w", DueState.due),
        (18, "2w", DueState.overdue),
        (31, "4w", DueState.due),
        (32, "4w", DueState.overdue),
        (400, None, None),
    ],
)
def test_due_once_the_rhythm_is_reached_overdue_three_days_after(days, rhythm, state):
    assert due_state(days, rhythm) == state


def test_the_rhythm_file_is_private_toml_keyed_by_person(isolated_home):
    set_rhythm("ada lovelace", "2w")
    set_rhythm("bo", "1w")
    set_rhythm("bo", None)
    set_rhythm("nobody", None)
    path = paths.rhythm_file()
    assert path.is_relative_to(paths.data_dir()) and os.stat(path).st_mode & 0o777 == 0o600
    assert read_rhythms() == {"ada lovelace": "2w"} and '"ada lovelace" = "2w"' in path.read_text()


def test_a_rhythm_file_broken_by_hand_is_named_with_its_line(isolated_home):
    paths.rhythm_file().parent.mkdir(parents=True)
    paths.rhythm_file().write_text('schema_version = 1\n[rhythm]\nbo = "3w"\n')
    with pytest.raises(ConfigError) as caught:
        read_rhythms()
    assert "rhythm.toml:3" in str(caught.value) and "'1w', '2w' or '4w'" in str(caught.value)


# --- growtui actions ----------------------------------------------------------------------------------------------


def test_actions_json_has_exactly_the_promised_fields(run, folder):
    code, out, err = run("--sessions-dir", str(folder), "actions", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["what"] for r in rows] == ["Ada early", "Bo overdue", "Bo undated", "Ada later"]
    keys = {"coachee", "session", "what", "when", "success_criterion", "status", "carry_count", "overdue"}
    assert all(set(r) == keys for r in rows)
    assert rows[0] == {
        "coachee": "Ada Lovelace",
        "session": "ada000000001",
        "what": "Ada early",
        "when": (TODAY - timedelta(days=20)).isoformat(),
        "success_criterion": "done by then",
        "status": "open",
        "carry_count": 0,
        "overdue": True,
    }
    assert [r["overdue"] for r in rows] == [True, True, False, False]


def test_actions_filter_by_coachee_and_overdue(run, folder):
    _, out, _ = run("--sessions-dir", str(folder), "actions", "--json", "--overdue")
    assert [r["what"] for r in json.loads(out)] == ["Ada early", "Bo overdue"]
    _, out, _ = run("--sessions-dir", str(folder), "actions", "--json", "--coachee", "bo")
    assert [r["what"] for r in json.loads(out)] == ["Bo overdue", "Bo undated"]
    _, out, _ = run("--sessions-dir", str(folder), "actions", "--json", "--coachee", "nobody")
    assert json.loads(out) == []


def test_actions_for_people_is_an_aligned_table(run, folder):
    code, out, _ = run("--sessions-dir", str(folder), "actions", "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["Due", "Coachee", "Action", "Carried", "Session"]
    assert len(lines) == 5 and len({line.index("ada000000001") for line in lines if "ada000000001" in line}) == 1
    assert "(overdue)" in lines[1] and "(overdue)" not in lines[4] and "(me) Ada later" in lines[4]
    assert "2×" in lines[2]
    _, dutch, _ = run("--sessions-dir", str(folder), "actions", "--lang", "nl")
    assert dutch.startswith("Klaar op") and "(te laat)" in dutch and "(ik) Ada later" in dutch


# --- growtui coachees ---------------------------------------------------------------------------------------------


def test_coachees_json_sorts_overdue_then_due_then_longest_ago(run, folder):
    assert run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "Cas", "1w").code == 0  # 9 days: due
    assert run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "ADA  lovelace", "1w").code == 0  # 2: no
    code, out, _ = run("--sessions-dir", str(folder), "coachees", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["coachee"] for r in rows] == ["Cas", "Bo", "ada  LOVELACE"]
    cas, bo, ada = rows
    assert (cas["rhythm"], cas["due"], cas["days_since"]) == ("1w", "due", 9)
    assert (bo["rhythm"], bo["due"], bo["open_actions"], bo["overdue_actions"]) == (None, None, 2, 1)
    assert ada == {
        "coachee": "ada  LOVELACE",
        "conversations": 2,
        "last": (TODAY - timedelta(days=2)).isoformat(),
        "days_since": 2,
        "next_meeting": (TODAY + timedelta(days=12)).isoformat(),
        "open_actions": 2,
        "overdue_actions": 1,
        "rhythm": "1w",
        "due": "not_due",
    }
    run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "bo", "2w")  # 20 days: more than 14 + 3
    rows = json.loads(run("--sessions-dir", str(folder), "coachees", "--json").out)
    assert [(r["coachee"], r["due"]) for r in rows] == [("Bo", "overdue"), ("Cas", "due"), ("ada  LOVELACE", "not_due")]


def test_coachees_table_and_clearing_a_rhythm(run, folder):
    code, _, err = run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "bo", "2w")
    assert code == 0 and "every 2 weeks" in err
    code, out, _ = run("--sessions-dir", str(folder), "coachees", "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["Coachee", "Talks", "Last"]
    assert lines[1].startswith("Bo ") and "every 2 weeks" in lines[1] and lines[1].rstrip().endswith("overdue")
    code, _, err = run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "bo", "none")
    assert code == 0 and "no rhythm" in err and read_rhythms() == {}


def test_a_rhythm_needs_someone_you_have_talked_with_and_a_known_rhythm(run, folder):
    code, _, err = run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "Dee", "2w")
    assert code == 2 and "no conversations with 'Dee'" in err and not paths.rhythm_file().exists()
    code, _, err = run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "bo", "3w")
    assert code == 2 and "3w" in err


def test_a_broken_rhythm_file_is_a_clear_error(run, folder):
    paths.rhythm_file().parent.mkdir(parents=True)
    paths.rhythm_file().write_text("rhythm = [")
    code, out, err = run("--sessions-dir", str(folder), "coachees")
    assert code == 2 and out == "" and "rhythm.toml:1" in err


def test_an_empty_folder_has_no_coachees_and_no_actions(run, tmp_path):
    for command in ("coachees", "actions"):
        code, out, _ = run("--sessions-dir", str(tmp_path / "none"), command, "--json")
        assert code == 0 and json.loads(out) == []


def test_help_of_both(run):
    code, out, _ = run("actions", "--help")
    assert code == 0 and "--overdue" in out and "oldest" in out.replace("longest ago", "oldest")
    code, out, _ = run("coachees", "--help")
    assert code == 0 and "--set-rhythm" in out and "3" in out


def test_in_an_encrypted_folder_the_rhythm_file_names_nobody(run, folder, monkeypatch):
    from growtui.crypto import Vault, encrypt_folder

    set_rhythm("bo", "4w")  # set while the folder was plain: it counts until set again
    encrypt_folder(folder, Vault.create("a long passphrase"))
    monkeypatch.setenv("GROWTUI_PASSPHRASE", "a long passphrase")
    rows = {r["coachee"]: r for r in json.loads(run("--sessions-dir", str(folder), "coachees", "--json").out)}
    assert rows["Bo"]["rhythm"] == "4w"
    assert run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "Ada Lovelace", "1w").code == 0
    assert run("--sessions-dir", str(folder), "coachees", "--set-rhythm", "Bo", "2w").code == 0
    text = paths.rhythm_file().read_text()
    assert "ada lovelace" not in text.lower() and "\nbo =" not in text and '"bo"' not in text
    assert text.count('"tag:') == 2 and text.count('" = "') == 2
    rows = {r["coachee"]: r for r in json.loads(run("--sessions-dir", str(folder), "coachees", "--json").out)}
    assert (rows["ada  LOVELACE"]["rhythm"], rows["Bo"]["rhythm"]) == ("1w", "2w")
    monkeypatch.setenv("GROWTUI_PASSPHRASE", "another passphrase")
    assert run("--sessions-dir", str(folder), "coachees", "--json").code == 2  # the tags need the folder's key
