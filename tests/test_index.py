"""The index: in step with the files, never the truth, private, and quick to ask."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from factories import CET, copy_grow_examples, full_session
from growtui.index import Index, database as index_module, default_location, fold, query_terms, snippet
from growtui.model import Action, ActionStatus, Decision, FollowUpItem, Outcome
from growtui.storage import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"


@pytest.fixture
def store(sessions_dir: Path) -> Store:
    return Store(sessions_dir)


def make(store: Store, n: int, **changes):
    session = full_session(
        id=f"sess{n:08d}", started_at=datetime(2026, 1, 1, 9, 0, tzinfo=CET) + timedelta(days=n), **changes
    )
    return store.create(session)


def test_the_examples_are_indexed_newest_first(tmp_path):
    root = tmp_path / "s"
    copy_grow_examples(root)
    with Index(root) as index:
        sync = index.sync()
        entries = index.entries()
    assert sync.total == sync.read == 5 and not sync.problems
    assert [e.started_at for e in entries] == sorted((e.started_at for e in entries), reverse=True)
    sem = [e for e in entries if e.coachee == "Sem Brouwer"]
    assert len(sem) == 2 and sem[-1].actions == 2 and sem[-1].done == 1


def test_changes_on_disk_are_picked_up_by_size_and_mtime(store):
    first = make(store, 1, topic="Eerste")
    make(store, 2, topic="Tweede")
    with Index(store.root) as index:
        assert index.sync().read == 2
        assert index.sync().read == 0  # unchanged: nothing read again
        first.session.topic = "Veranderd"
        store.save(first)
        sync = index.sync()
        assert sync.read == 1
        assert {e.topic for e in index.entries()} == {"Veranderd", "Tweede"}
        first.path.unlink()
        assert index.sync().removed == 1
        assert [e.topic for e in index.entries()] == ["Tweede"]


def test_a_new_process_reuses_the_index_on_disk(store):
    make(store, 1)
    with Index(store.root) as index:
        index.sync()
    location = default_location(store.root)
    assert location.is_file()
    assert location.stat().st_mode & 0o777 == 0o600
    assert location.parent.stat().st_mode & 0o777 == 0o700
    assert not location.is_relative_to(store.root)  # never in the synced folder
    with Index(store.root) as again:
        assert again.sync().read == 0 and len(again.entries()) == 1


def test_a_damaged_index_is_rebuilt_from_the_files(store):
    make(store, 1)
    with Index(store.root) as index:
        index.sync()
    default_location(store.root).write_bytes(b"this is not a database" * 100)
    with Index(store.root) as index:
        assert index.sync().read == 1
        assert len(index.entries()) == 1


def test_an_index_of_another_format_is_rebuilt(store):
    make(store, 1)
    with Index(store.root) as index:
        index.sync()
    db = sqlite3.connect(default_location(store.root))
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Index(store.root) as index:
        assert index.sync().read == 1


def test_an_unwritable_cache_falls_back_to_memory(store, monkeypatch, tmp_path):
    make(store, 1)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with Index(store.root, location=blocker / "index.sqlite3") as index:
        assert index.location is None
        assert index.sync().read == 1 and len(index.entries()) == 1


def test_broken_files_are_named_and_the_rest_listed(store):
    make(store, 1)
    bad = store.root / "2026-02-02_kapot_bbbb00000001.toml"
    bad.write_text(
        'schema_version = 1\nid = "bbbb00000001"\ncoachee = "X"\nstarted_at = 2026-02-02T10:00:00\nstatus = "maybe"\n'
    )
    (store.root / "2026-02-03_x_cccc.sync-conflict-20260203-101010-ABC.toml").write_text("x")
    with Index(store.root) as index:
        sync = index.sync()
        assert [p.path.name for p in sync.problems] == [bad.name]
        assert sync.problems[0].line == 5
        assert [p.name for p in sync.conflicts] == ["2026-02-03_x_cccc.sync-conflict-20260203-101010-ABC.toml"]
        assert len(index.entries()) == 1
        assert len(index.sync().problems) == 1  # still reported, without reading it again


def test_filters(store):
    make(store, 1, coachee="Anna de Vries", tags=["loopbaan"])
    make(store, 10, coachee="anna  de vries", status="in_progress", tags=["werkdruk"])
    make(store, 20, coachee="Bram", tags=["werkdruk", "Planning"])
    with Index(store.root) as index:
        index.sync()
        assert len(index.entries(coachee="ANNA DE VRIES")) == 2
        assert [e.coachee for e in index.entries(status="in_progress")] == ["anna  de vries"]
        assert len(index.entries(tag="werkdruk")) == 2
        assert len(index.entries(tag="planning")) == 1
        assert len(index.entries(since=date(2026, 1, 11))) == 2
        assert len(index.entries(until=date(2026, 1, 11))) == 2
        assert index.coachees() == ["Bram", "anna  de vries"]
        assert index.tags() == ["loopbaan", "Planning", "werkdruk"]


def test_search_finds_parts_of_words_ignoring_case_and_accents(store):
    make(store, 1, topic="Het plaatsingsoverleg")
    make(store, 2, topic="Ideeën voor het TEAM")
    make(store, 3, topic="Iets anders")
    with Index(store.root) as index:
        index.sync()
        assert [h.entry.topic for h in index.search("singsover")] == ["Het plaatsingsoverleg"]
        assert [h.entry.topic for h in index.search("ideeen team")] == ["Ideeën voor het TEAM"]
        assert [h.entry.topic for h in index.search("IDEEËN")] == ["Ideeën voor het TEAM"]
        assert index.search("ideeen nergens") == []  # every term must be there
        assert len(index.search("Zoë")) == 3  # the coachee's name is searched too
        assert [h.entry.topic for h in index.search('"voor het"')] == ["Ideeën voor het TEAM"]
        assert [h.entry.topic for h in index.search("et", coachee="Zoë de Wit")] != []  # short terms: a scan
        hit = index.search("overleg")[0]
        assert hit.snippet.match == "overleg" and hit.snippet.before.endswith("plaatsings")


def test_search_entries_finds_what_search_finds_without_snippets(store):
    for n, topic in enumerate(["Het plaatsingsoverleg", "Ideeën voor het TEAM", "Iets anders"], 1):
        make(store, n, topic=topic)
    with Index(store.root) as index:
        index.sync()
        for query in ("singsover", "ideeen team", "Zoë", "et", '"voor het"', "nergens"):
            assert index.search_entries(query) == [h.entry for h in index.search(query)], query
        assert index.search_entries("Zoë", coachee="Zoë de Wit", status="completed") == [
            h.entry for h in index.search("Zoë", coachee="Zoë de Wit", status="completed")
        ]


def test_a_question_that_went_stale_is_given_up_and_the_next_ones_run(store, monkeypatch):
    from growtui.index import Cancelled, queries

    for n in range(1, 6):
        make(store, n)
    monkeypatch.setattr(queries, "CHECK_EVERY", 1)  # look at every step: the examples are a short query
    with Index(store.root) as index:
        index.sync()
        with pytest.raises(Cancelled), index.cancellable(lambda: True):
            index.search_entries("overdragen")
        with index.cancellable(lambda: False):
            assert len(index.search_entries("overdragen")) == 5
        with pytest.raises(sqlite3.OperationalError), index.cancellable(lambda: False):
            index.db.execute("SELECT no_such_column FROM sessions")  # a real error is not a cancellation
        make(store, 6)
        with index.cancellable(lambda: True):  # a sync asked inside, by mistake, is never taken for damage
            assert index.sync().read == 1
        make(store, 7)
        assert index.sync().read == 1, "outside, nothing is cancelled: the sync runs as ever"
        assert len(index.entries()) == 7


def test_search_looks_at_everything_typed(store):
    session = full_session(id="sessall00001")
    session.will.actions[0].obstacles = "zeldzaamwoordA"
    session.follow_up.items[0].hindered = "zeldzaamwoordB"
    session.asked[0].answer = "zeldzaamwoordC"
    session.options.items[0].cons.append("zeldzaamwoordD")
    session.reality.scales[0].said = "zeldzaamwoordE"
    session.closing.notes = "regel een\nzeldzaamwoordF staat hier"
    store.create(session)
    with Index(store.root) as index:
        index.sync()
        for letter in "ABCDEF":
            assert len(index.search(f"zeldzaamwoord{letter}")) == 1, letter


def test_search_terms_with_quotes_and_sql_characters_are_plain_text(store):
    make(store, 1, topic='50% "klaar" _ok_')
    with Index(store.root) as index:
        index.sync()
        assert len(index.search("50%")) == 1
        assert len(index.search('"klaar"')) == 1
        assert len(index.search("_ok_")) == 1
        assert index.search("%") == [] or len(index.search("%")) == 1
        assert index.search('" OR 1=1 --') == []


def test_find_by_id_or_prefix(store):
    make(store, 1)
    make(store, 2)
    with Index(store.root) as index:
        index.sync()
        assert [e.id for e in index.find("sess00000001")] == ["sess00000001"]
        assert len(index.find("sess0000000")) == 2
        assert index.find("nope") == []
        assert index.find("%") == []


def test_open_actions_skip_what_a_later_session_settled(store):
    first = full_session(
        id="first0000001",
        follow_up={"items": []},
        will={
            "actions": [
                Action(id="a1", what="Een", status=ActionStatus.open).model_dump(),
                Action(id="a2", what="Twee", status=ActionStatus.open).model_dump(),
                Action(id="a3", what="Drie", status=ActionStatus.done).model_dump(),
            ],
            "motivation": 7,
        },
    )
    store.create(first)
    later = full_session(
        id="later0000001",
        started_at=first.started_at + timedelta(days=14),
        follow_up={
            "items": [
                FollowUpItem(session_id="first0000001", action_id="a1", what="Een", outcome=Outcome.done).model_dump(),
                FollowUpItem(
                    session_id="first0000001", action_id="a2", what="Twee", outcome=Outcome.not_done
                ).model_dump(),
            ]
        },
        will={"actions": []},
    )
    store.create(later)
    with Index(store.root) as index:
        index.sync()
        found = index.open_actions("zoë de wit")
    # a1 was reviewed as done (even though the first file still says open); a2 was not decided, so it stays.
    assert [(a.action_id, a.motivation, a.agreed_on) for a in found] == [("a2", 7, first.started_at.date())]


def test_decided_reviews_settle_an_action(store):
    first = full_session(
        id="first0000001", follow_up={"items": []}, will={"actions": [Action(id="a1", what="Een").model_dump()]}
    )
    store.create(first)
    later = full_session(
        id="later0000001",
        started_at=first.started_at + timedelta(days=7),
        follow_up={
            "items": [
                FollowUpItem(
                    session_id="first0000001",
                    action_id="a1",
                    what="Een",
                    outcome=Outcome.not_done,
                    decision=Decision.drop,
                ).model_dump()
            ]
        },
        will={"actions": []},
    )
    store.create(later)
    with Index(store.root) as index:
        index.sync()
        assert index.open_actions("Zoë de Wit") == []


def test_snippet_maps_folded_matches_back_to_the_text():
    body = "Eerste regel\nDe ideeën van Zoë over het teamoverleg waren goed"
    s = snippet(body, fold(body), ["teamoverleg"])
    assert s.match == "teamoverleg" and s.before.endswith("over het ") and "ideeën" in s.before
    s = snippet(body, fold(body), ["ideeen"])
    assert s.match == "ideeën"
    long = "x" * 200 + " doel " + "y" * 200
    s = snippet(long, fold(long), ["doel"])
    assert s.match == "doel" and s.before.startswith("…") and s.after.endswith("…")
    assert len(str(s)) < 100


def test_query_terms():
    assert query_terms('Team "ons plan"  ideeën team') == ["team", "ons plan", "ideeen"]
    assert query_terms("   ") == []


def test_a_big_first_build_is_spread_over_processes_and_reports_progress(store, monkeypatch):
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 4)
    monkeypatch.setattr(index_module, "BATCH", 3)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for n in range(8):
        make(store, n)
    seen = []
    with Index(store.root) as index:
        sync = index.sync(lambda done, total: seen.append((done, total)))
        assert sync.read == 8 and len(index.entries()) == 8
    assert seen[-1] == (8, 8) and len(seen) == 3
