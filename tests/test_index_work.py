"""The index does the same work per file however large the folder is (issue 18).

Counted, never timed: the SQL statements a sync runs, and the query plan of
each one that runs per file. Before the indexes on ``rel``, forgetting a
file's rows scanned the whole actions and reviews tables (EXPLAIN: ``SCAN
actions``), so a first build of 100,000 sessions took 45 minutes instead of
a few. A statement that seeks (``SEARCH ... USING INDEX``) costs the same in a
folder of ten files as in one of a hundred thousand; one that scans does not.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from factories import CET, full_session
from growtui.index import Index, freshness
from growtui.index.results import Stats, Sync
from growtui.storage import Store, stat_files


def make(store: Store, n: int) -> Path:
    session = full_session(id=f"work{n:08d}", started_at=datetime(2026, 1, 1, 9, 0, tzinfo=CET) + timedelta(days=n))
    return store.create(session).path


def folder_of(root: Path, n: int) -> tuple[Store, list[Path]]:
    store = Store(root)
    return store, [make(store, i) for i in range(n)]


def changed(paths: list[Path]) -> None:
    """Each file edited in place, as a hand edit or a sync would."""
    for path in paths:
        path.write_text(path.read_text(encoding="utf-8").replace("Kort bijgepraat", "Kort bij"), encoding="utf-8")
        os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)


def traced_sync(index: Index) -> list[str]:
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        index.sync()
    finally:
        index.db.set_trace_callback(None)
    return statements


_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+\b")


def shape(statement: str) -> str:
    """A statement without its values: the same shape for every file."""
    return _LITERAL.sub("?", statement)


def per_file(statements: list[str], files: int) -> dict[str, str]:
    """The statements (one example of each shape) that ran at least once per file."""
    counts = Counter(shape(s) for s in statements)
    examples = {shape(s): s for s in statements}
    return {k: examples[k] for k, n in counts.items() if n >= files}


def test_the_statements_of_a_sync_do_not_grow_with_the_folder(tmp_path):
    """Five files changed and one removed cost the same statements among 10 files as among 40.

    (Above a thousand files the folder is compared with the index in one query per thousand.)
    """
    counts = []
    for size in (10, 40):
        store, paths = folder_of(tmp_path / f"s{size}", size)
        with Index(store.root, tmp_path / f"index-{size}.sqlite3") as index:
            index.sync()
            changed(paths[:5])
            paths[-1].unlink()
            statements = traced_sync(index)
        counts.append(Counter(shape(s) for s in statements))
    assert counts[0] == counts[1]


def test_a_first_build_forgets_nothing(tmp_path):
    """A file the index never saw has no rows to forget: no DELETE of a file's rows runs while a folder is read
    the first time (the one of the listing's fingerprint runs once a sync, see below)."""
    store, _ = folder_of(tmp_path / "s", 12)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        statements = traced_sync(index)
    deletes = [s for s in statements if s.lstrip().upper().startswith("DELETE") or "'delete'" in s]
    assert deletes == ["DELETE FROM meta WHERE key = 'listing'"]
    inserts = Counter(shape(s).split("(")[0].strip() for s in statements if s.startswith("INSERT"))
    assert inserts["INSERT INTO files VALUES"] == 12 and inserts["INSERT INTO sessions VALUES"] == 12


def test_every_statement_run_per_file_seeks_and_never_scans(tmp_path):
    """EXPLAIN QUERY PLAN of each per-file statement of a warm sync: SEARCH, never SCAN."""
    store, paths = folder_of(tmp_path / "s", 12)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        index.sync()
        changed(paths[:6])
        for path in paths[6:9]:
            path.unlink()
        statements = traced_sync(index)
        examined = per_file(statements, 3)
        assert any(s.startswith("DELETE FROM actions") for s in examined.values())
        for statement in examined.values():
            if not statement.lstrip().upper().startswith(("SELECT", "DELETE", "UPDATE")):
                continue  # an INSERT of values has no plan to look at
            plan = [row[3] for row in index.db.execute(f"EXPLAIN QUERY PLAN {statement}")]
            scans = [step for step in plan if step.startswith("SCAN")]
            assert not scans, (statement[:120], plan)


def test_files_are_read_in_name_order_whatever_order_the_folder_lists_them(tmp_path, monkeypatch):
    """Names begin with the date: read in name order, a build appends to the end of every B-tree."""
    from growtui.index import database

    listed = database.iter_stats
    monkeypatch.setattr(database, "iter_stats", lambda *a, **k: iter(sorted(listed(*a, **k), reverse=True)))
    store, paths = folder_of(tmp_path / "s", 8)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        index.sync()
        order = [rel for (rel,) in index.db.execute("SELECT rel FROM files ORDER BY rowid")]
        changed(paths[:5])
        index.sync()
        again = [rel for (rel,) in index.db.execute("SELECT rel FROM files ORDER BY rowid")][-5:]
    assert len(order) == 8 and order == sorted(order)
    assert again == sorted(again) == sorted(p.name for p in paths[:5])


def test_a_large_index_is_compared_a_chunk_at_a_time_and_never_read_whole(tmp_path, monkeypatch):
    """Above WHOLE files no statement reads the whole table of files, unless a file was removed; same answers."""
    monkeypatch.setattr(freshness, "WHOLE", 4)
    monkeypatch.setattr(freshness, "CHUNK", 3)
    store, paths = folder_of(tmp_path / "s", 10)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        index.sync()
        changed(paths[:2])
        statements = traced_sync(index)
        assert not [s for s in statements if s.startswith("SELECT rel") and "FROM files" in s and "WHERE" not in s]
        assert sum("WHERE rel IN" in s for s in statements) == 4  # 10 files, 3 at a time
        paths[3].unlink()
        sync = index.sync()
        assert (sync.total, sync.read, sync.removed) == (9, 0, 1)
        assert len(index.entries()) == 9


def test_growtui_list_reads_the_index_alone(tmp_path):
    """What ``list`` prints is in the index of the order (format 10): no lookup of a row per session."""
    store, _ = folder_of(tmp_path / "s", 3)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        index.sync()
        statements: list[str] = []
        index.db.set_trace_callback(statements.append)
        index.listing()
        index.db.set_trace_callback(None)
        (listing,) = statements
        plan = " ".join(row[-1] for row in index.db.execute("EXPLAIN QUERY PLAN " + listing))
    assert "COVERING INDEX sessions_by_start" in plan, plan


# --- a whole listing seen before: its fingerprint, not a lookup per row ---------------------------

LOOKUP = "SELECT rel, size, mtime_ns FROM files"


def traced(index: Index, **kwargs) -> tuple[list[str], Sync]:
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        result = index.sync(**kwargs)
    finally:
        index.db.set_trace_callback(None)
    return statements, result


def test_a_whole_listing_seen_before_is_not_compared_row_by_row(tmp_path):
    """``search`` stats the folder whole: the second time it is the same, no file's row is looked up."""
    store, _ = folder_of(tmp_path / "s", 12)
    (store.root / "broken.toml").write_text("schema_version = [", encoding="utf-8")
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        first_statements, first = traced(index, stats=stat_files(store.root))
        again_statements, again = traced(index, stats=stat_files(store.root))
    assert any(s.startswith(LOOKUP) for s in first_statements)
    assert not any(s.startswith(LOOKUP) for s in again_statements)
    assert not any("INSERT" in s or "DELETE" in s for s in again_statements)  # and nothing written
    assert (again.total, again.read, again.removed, again.problems) == (13, 0, 0, first.problems)
    assert [p.path.name for p in again.problems] == ["broken.toml"]


def test_a_file_edited_in_place_is_read_again_after_a_whole_listing(tmp_path):
    """An edit in place leaves the folder's time alone; the file's own stamp changes the fingerprint."""
    store, paths = folder_of(tmp_path / "s", 5)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        index.sync(stats=stat_files(store.root))
        index.sync(stats=stat_files(store.root))
        path = paths[2]
        path.write_text(path.read_text(encoding="utf-8").replace("Kort bijgepraat", "Kwartelkoning"), encoding="utf-8")
        hits, sync = index.answer_in_step(lambda: index.search("kwartelkoning"))
        assert sync.read == 1 and [h.entry.path for h in hits] == [path]
        paths[0].unlink()
        assert index.sync(stats=stat_files(store.root)).removed == 1


def test_a_sync_that_changes_the_table_drops_the_fingerprint_with_it(tmp_path):
    """A listing kept from before must not vouch for a table a later sync changed.

    The stale listing stands for files that went back to how they were (a
    sync tool restoring them): the file is read again, not taken as known.
    """
    store, paths = folder_of(tmp_path / "s", 4)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        before = stat_files(store.root)
        index.sync(stats=before)
        changed(paths[:1])
        assert index.sync().read == 1  # the listing one file at a time: no fingerprint of its own
        assert index.sync(stats=before).read == 1


def test_a_sync_that_fails_keeps_the_fingerprint_only_with_the_table_it_describes(tmp_path, monkeypatch):
    store, paths = folder_of(tmp_path / "s", 4)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        before = stat_files(store.root)
        index.sync(stats=before)
        changed(paths[:1])

        def broken(*args, **kwargs):
            raise OSError("the disk went away")
            yield

        monkeypatch.setattr("growtui.index.database.read_all", broken)
        with pytest.raises(OSError):
            index.sync()
        monkeypatch.undo()
        statements, again = traced(index, stats=before)  # nothing was changed: the fingerprint still holds
        assert again.read == 0 and not any(s.startswith(LOOKUP) for s in statements)
        assert index.sync().read == 1


def test_a_name_that_is_not_utf8_is_named_after_a_whole_listing_too(tmp_path):
    store, _ = folder_of(tmp_path / "s", 2)
    odd = store.root / os.fsdecode(b"caf\xe9.toml")
    odd.write_text("schema_version = 7\n", encoding="utf-8")
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        first = index.sync(stats=stat_files(store.root))
        again = index.sync(stats=stat_files(store.root))
    assert first.problems == again.problems and [p.path for p in again.problems] == [odd]


def test_growtui_list_knows_an_unchanged_folder_by_its_fingerprint(tmp_path, run, monkeypatch):
    """``list`` and ``list --json`` list the folder whole too: the second time, no comparison row by row."""
    store, paths = folder_of(tmp_path / "s", 6)
    compared: list[int] = []
    real = freshness.compare

    def counting(*args, **kwargs):
        compared.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(freshness, "compare", counting)
    for argv, times in ((["list"], 1), (["list"], 1), (["list", "--json"], 1)):
        code, out, _ = run("--sessions-dir", str(store.root), *argv)
        assert code == 0 and out.count('"work0000' if "--json" in argv else "work0000") == 6, argv
        assert len(compared) == times, argv
    changed(paths[:1])
    code, out, _ = run("--sessions-dir", str(store.root), "search", "Kort bij")
    assert code == 0 and "work00000000" in out and len(compared) == 2


def test_a_fingerprint_is_not_kept_over_another_process_s_changes(tmp_path, monkeypatch):
    """Two growtuis on one index: what one removed while the other compared must not be covered up.

    A lists the folder and finds the table in step; meanwhile B, which saw a
    folder without one file (a subfolder gone for a moment), forgets it. If
    A kept its fingerprint, the file would stay missing from the index once
    it was back, until some other file changed.
    """
    store, paths = folder_of(tmp_path / "s", 4)
    location = tmp_path / "index.sqlite3"
    with Index(store.root, location) as a, Index(store.root, location) as b:
        a.sync()
        listing = stat_files(store.root)
        without: Stats = ({rel: stamp for rel, stamp in listing[0].items() if rel != paths[1].name}, [], [], [])
        real = freshness.compare_whole

        def then_b(db, listed):
            answer = real(db, listed)
            if db is a.db:
                assert b.sync(stats=without).removed == 1
            return answer

        monkeypatch.setattr(freshness, "compare_whole", then_b)
        assert a.sync(stats=listing).read == 0
        monkeypatch.undo()
        assert a.sync(stats=listing).read == 1 and len(a.entries()) == 4


def test_a_fingerprint_that_cannot_be_written_is_not_kept_and_the_index_stays(tmp_path):
    """Another process writing the index (locked): the fingerprint only saves time, so it waits for next time."""
    import sqlite3

    store, _ = folder_of(tmp_path / "s", 3)
    location = tmp_path / "index.sqlite3"
    with Index(store.root, location) as index:
        index.sync()
        index.db.execute("PRAGMA busy_timeout = 0")
        other = sqlite3.connect(location, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            sync = index.sync(stats=stat_files(store.root))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert (sync.total, sync.read) == (3, 0) and len(index.entries()) == 3
        assert freshness.kept_listing(index.db) is None


def test_a_sync_stopped_after_a_committed_chunk_has_dropped_the_fingerprint(tmp_path, monkeypatch):
    """The fingerprint goes with the first chunk a sync commits, not at its end, which may never come."""
    from growtui.index import database

    store, paths = folder_of(tmp_path / "s", 4)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        before = stat_files(store.root)
        index.sync(stats=before)
        changed(paths[:2])
        real = database.read_all

        def one_then_fail(*args, **kwargs):
            chunks = real(*args, **kwargs)
            yield next(chunks)
            raise OSError("the disk went away")

        monkeypatch.setattr(database, "read_all", one_then_fail)
        monkeypatch.setattr(database, "BATCH", 1)
        monkeypatch.setattr(database, "COMMIT_EVERY", 1)
        with pytest.raises(OSError):
            index.sync()
        monkeypatch.undo()
        assert index.sync(stats=before).read >= 1  # the file read before the failure differs from ``before``


def test_stats_taken_in_the_background_that_fail_say_nothing_and_leave_the_listing_to_the_sync(tmp_path, monkeypatch):
    """No "Exception in thread" on the terminal: the sync lists the folder itself and reports the problem."""
    import threading

    from growtui.storage import folder, stats_in_background

    def broken(root):
        raise PermissionError(13, "Permission denied", str(root))

    seen: list = []
    monkeypatch.setattr(threading, "excepthook", seen.append)
    monkeypatch.setattr(folder, "stat_files", broken)
    assert stats_in_background(tmp_path)() is None
    assert seen == []
