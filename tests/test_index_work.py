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

from factories import CET, full_session
from growtui.index import Index, freshness
from growtui.storage import Store


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
    """A file the index never saw has no rows to forget: no DELETE runs while a folder is read the first time."""
    store, _ = folder_of(tmp_path / "s", 12)
    with Index(store.root, tmp_path / "index.sqlite3") as index:
        statements = traced_sync(index)
    assert not [s for s in statements if s.lstrip().upper().startswith("DELETE") or "'delete'" in s]
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
