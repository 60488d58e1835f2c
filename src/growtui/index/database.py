"""A local index of the sessions folder, for listing and searching thousands of sessions at once.

The files are the truth; the index is a cache in the cache folder (never in
the synced sessions folder) that can be thrown away at any time. On every
use it is brought in step with the folder: each file's size and mtime are
compared with what was indexed, and only new or changed files are read
again. A missing, outdated or damaged index is rebuilt; if the cache folder
cannot be written at all, the index lives in memory for this run.

In an encrypted folder the index never touches the disk in the clear: see
:mod:`growtui.index.sealed`.

Search is full text over everything typed in a session (SQLite FTS5 with the
trigram tokenizer), so it finds parts of words as ``grep`` does: "gesprek"
finds "functioneringsgesprek". Matching ignores case and accents. The FTS
table keeps no positions (``detail=none``, a third of the size), so it
narrows the candidates and every hit is confirmed against the text itself,
which also handles terms shorter than three characters.

No pydantic and no TOML parsing happen here unless a file changed: a warm
``growtui list`` only stats the files and reads SQLite.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from growtui import paths
from growtui.errors import Problem
from growtui.index import freshness
from growtui.index.queries import Queries
from growtui.index.results import Progress, Stats, Sync
from growtui.index.rows import Rows, read_all
from growtui.index.sealed import (
    can_seal,
    default_location,
    memory,
    open_sealed,
    prune_stale,
    remove_plain_index,
    sealed_location,
    store_sealed,
)
from growtui.storage import iter_stats, rescue_half_written, stats_in_background

INDEX_FORMAT = 11  # bump when the tables change: an older index is rebuilt (11: the listing's fingerprint)
BATCH = 500
# Files written in one transaction. FTS5 writes a segment per transaction and merges them as they
# pile up: 500 a transaction made the full-text index a third of a 10,000-session build (7.4-7.9
# s of inserts against 5.0-5.7 s at 2,000, measured alternately).
COMMIT_EVERY = 2000
PARALLEL_FROM = 400  # changed files from which reading is spread over processes

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- 'root': the folder, for pruning
CREATE TABLE files (
    rel TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    problem TEXT, line INTEGER
);
-- Every sync names the files with problems and the sessions held by two files: without these two
-- indexes each sync scanned the table of files and sorted every session id (at 100,000: in memory).
CREATE INDEX files_with_problems ON files (rel) WHERE problem IS NOT NULL;
CREATE TABLE sessions (
    rel TEXT PRIMARY KEY, id TEXT NOT NULL, coachee TEXT NOT NULL, person TEXT NOT NULL,
    topic TEXT NOT NULL, started_at TEXT NOT NULL, day TEXT NOT NULL, ended_at TEXT,
    status TEXT NOT NULL, phase TEXT NOT NULL, language TEXT NOT NULL, tags TEXT NOT NULL,
    options INTEGER NOT NULL, actions INTEGER NOT NULL, done INTEGER NOT NULL,
    motivation INTEGER, minutes INTEGER NOT NULL,
    sealed INTEGER NOT NULL,  -- 0: a plain file (in an encrypted folder: not trusted for follow-ups)
    type TEXT NOT NULL, style TEXT,  -- the conversation type; 'coach' or 'direct' when chosen
    next_meeting TEXT  -- the date of the next conversation, as planned in this one
);
-- The text apart from the rows that lists read: with ~5 KB of text in each row,
-- listing 10,000 sessions read 40 MB of pages; now it reads a few hundred KB.
CREATE TABLE texts (rowid INTEGER PRIMARY KEY, body TEXT NOT NULL, folded TEXT NOT NULL);
-- The order of every list, and covering for what growtui list prints: the listing of 10,000
-- sessions reads the index alone (31 ms instead of 74, about 1 MB more at 10,000; format 10).
CREATE INDEX sessions_by_start ON sessions (
    started_at DESC, rel, coachee, topic, status, done, actions, id, type
);
CREATE INDEX sessions_by_person ON sessions (person);
CREATE INDEX sessions_by_id ON sessions (id, rel);  -- covering: the duplicates never touch the rows
CREATE TABLE actions (
    rel TEXT NOT NULL, session_id TEXT NOT NULL, action_id TEXT NOT NULL, person TEXT NOT NULL,
    started_at TEXT NOT NULL, what TEXT NOT NULL, criterion TEXT NOT NULL, due TEXT, agreed_on TEXT,
    status TEXT NOT NULL, carry_count INTEGER NOT NULL, motivation INTEGER,
    start TEXT, inform TEXT NOT NULL, support TEXT NOT NULL, obstacles TEXT NOT NULL,
    owner TEXT NOT NULL  -- 'coachee', or 'coach' for what the manager takes on
);
CREATE INDEX actions_by_person ON actions (person, status);
CREATE INDEX actions_by_rel ON actions (rel);  -- forgetting a file's rows must not scan the table
CREATE TABLE reviews (rel TEXT NOT NULL, ref TEXT NOT NULL, status TEXT NOT NULL);
CREATE INDEX reviews_by_ref ON reviews (ref);
CREATE INDEX reviews_by_rel ON reviews (rel);
CREATE VIRTUAL TABLE fts USING fts5 (
    folded, content = 'texts', content_rowid = 'rowid', tokenize = 'trigram', detail = 'none'
);
"""


T = TypeVar("T")

if TYPE_CHECKING:
    from growtui.crypto import Vault


# --- the index ------------------------------------------------------------------


class Index(Queries):
    """The index of one sessions folder. ``Index(root).sync()`` first, then ask.

    With a ``vault`` (an encrypted folder) it is kept in memory and stored sealed.
    """

    def __init__(
        self, root: Path, location: Path | None = None, *, in_memory: bool = False, vault: Vault | None = None
    ):
        self.root = root.absolute()
        self.vault = vault
        self._changed = False  # the sealed copy is behind the index in memory
        if vault is not None:
            remove_plain_index(root)
            self.location = None
            self.sealed = None if in_memory or not can_seal() else (location or sealed_location(root))
        else:
            self.sealed = None
            self.location = None if in_memory else (location or default_location(root))
        if location is None:  # the cache folder's own indexes (a test's own location is its business)
            prune_stale(keep=self.location, version=INDEX_FORMAT)
        self.db = self._open()

    @classmethod
    def of(cls, store) -> Index:
        """The index of a :class:`~growtui.storage.store.Store`'s folder, sealed if the folder is encrypted."""
        return cls(store.root, vault=store.vault)

    # opening -------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.vault is not None:
            return self._open_sealed()
        if self.location is not None:
            try:
                return self._connect(self.location)
            except (OSError, sqlite3.Error):
                self._remove_files()
                try:
                    return self._connect(self.location)
                except (OSError, sqlite3.Error):
                    self.location = None  # cache folder unusable: keep the index in memory this run
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.executescript(_SCHEMA)
        return db

    def _open_sealed(self) -> sqlite3.Connection:
        if self.vault is None:
            raise ValueError("only an encrypted folder's index is sealed")
        db = open_sealed(self.sealed, self.vault, INDEX_FORMAT)
        if db is None:
            db = memory()
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {INDEX_FORMAT}")
            self._changed = True
        return db

    def _connect(self, location: Path) -> sqlite3.Connection:
        paths.ensure_private_dir(location.parent)
        fd = os.open(location, os.O_RDWR | os.O_CREAT, 0o600)  # SQLite gives its journal the same mode
        os.close(fd)
        db = sqlite3.connect(location, timeout=10, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout = 10000")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != INDEX_FORMAT:
                db.close()
                self._remove_files()
                fd = os.open(location, os.O_RDWR | os.O_CREAT, 0o600)
                os.close(fd)
                db = sqlite3.connect(location, timeout=10, check_same_thread=False)
                db.execute("PRAGMA busy_timeout = 10000")
                with db:
                    db.executescript(_SCHEMA)
                    db.execute("INSERT INTO meta VALUES ('root', ?)", (str(paths.real(self.root)),))
                    db.execute(f"PRAGMA user_version = {INDEX_FORMAT}")
            else:
                db.execute("SELECT count(*) FROM files").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _remove_files(self) -> None:
        if self.sealed is not None:
            try:
                self.sealed.unlink()
            except OSError:
                pass
        if self.location is None:
            return
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                Path(f"{self.location}{suffix}").unlink()
            except OSError:
                pass

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # keeping in step --------------------------------------------------------------

    def sync(self, progress: Progress | None = None, *, stats: Stats | None = None, scrub: bool = False) -> Sync:
        """Read new and changed files, forget removed ones. Safe to call often: unchanged files cost a stat.

        A new conversation whose first save was killed before it had its name gets it, and is read (see
        :func:`growtui.storage.rescue_half_written`): its notes were on disk in a hidden file only.

        ``stats`` is :func:`stat_files` of the root, if it was already taken.
        ``scrub``: what is forgotten leaves no trace (see :meth:`_scrub`); for forgetting a person.
        """
        # Never under a handler of Queries.cancellable: an interrupted sync would read as a damaged index
        self.db.set_progress_handler(None, 0)
        if scrub:
            self.db.execute("PRAGMA secure_delete = ON")
        try:
            result = self._sync(progress, stats)
        except sqlite3.DatabaseError:
            # A damaged index file: start again from the files, which are the truth.
            self.db.close()
            self._remove_files()
            self.db = self._open()
            result = self._sync(progress, stats)
        if result.half_written and rescue_half_written(self.root, result.half_written):
            result = self._sync(progress)  # they are session files now
        if scrub:
            self._scrub()
            self._changed = True
        if self.vault is not None and (result.read or result.removed or self._changed):
            store_sealed(self.db, self.sealed, self.vault)
            self._changed = False
        return result

    def _scrub(self) -> None:
        """No text of a forgotten row stays anywhere in the database.

        ``secure_delete`` (set before the rows went) overwrites what is
        deleted; FTS5 only marks a deleted document in a new segment, so the
        segments are merged into one (``optimize``), which drops it; VACUUM
        then writes the database anew, with no free pages, its temporary
        copy in memory rather than in a file.
        """
        with self.db:
            self.db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        self.db.execute("PRAGMA temp_store = MEMORY")
        self.db.execute("VACUUM")
        self.db.execute("PRAGMA secure_delete = OFF")

    def answer_in_step(
        self, ask: Callable[[], T], progress: Progress | None = None, stats: Callable[[], Stats | None] | None = None
    ) -> tuple[T, Sync]:
        """``ask()`` answered as if after :meth:`sync`, in less time than sync and ask one after the other.

        The folder is stat-ed in a thread while ``ask`` runs on the index as
        it was (SQLite lets go of the GIL while it works). Only if a file
        turned out changed, added or removed is the index brought in step and
        ``ask`` run again, so the answer always matches the files.

        Worth it when ``ask`` spends its time inside SQLite (``search``: 312
        -> 235 ms at 10,000 sessions); not when it builds many Python objects,
        which then take turns with the stat thread for the GIL (``entries``:
        141 -> 249 ms). So ``search`` uses it, and listing does not.

        ``stats``: the folder's stats from a :func:`stats_in_background` begun earlier, for a command that
        can start them before it has even loaded the index.
        """
        taken = stats or stats_in_background(self.root)
        try:
            answer = ask()
        except sqlite3.DatabaseError:
            answer = None  # a damaged index: sync below rebuilds it, then ask again
        sync = self.sync(progress, stats=taken())
        if answer is None or sync.read or sync.removed:
            answer = ask()
        return answer, sync

    def _sync(self, progress: Progress | None, stats: Stats | None = None) -> Sync:
        result = Sync()
        conflicts: list[Path] = []
        unreadable: list[Path] = []
        digest = kept = None
        version = freshness.data_version(self.db)  # another process's changes from here on: none is kept
        if stats is not None:
            conflicts, unreadable, result.half_written = list(stats[1]), list(stats[2]), list(stats[3])
            found, digest, kept = freshness.compare_whole(self.db, stats[0])
        else:
            listed = iter_stats(self.root, conflicts, unreadable, half_written=result.half_written)
            found = freshness.compare(
                self.db, listed, lambda: {rel for rel, _ in iter_stats(self.root, [], [], stat=False)}
            )
            unreadable.sort()
        result.conflicts, misnamed = conflicts, found.misnamed
        result.total = found.total
        if found.gone or found.changed:
            freshness.drop_listing(self.db)  # in the same transaction as the first change below
        if found.gone:
            with self.db:
                for rel in found.gone:
                    self._forget(rel)
            result.removed = len(found.gone)
        if found.changed:
            # In name order: names begin with the date, so rows go in at one end of every B-tree
            # instead of all over it (at 100,000 files about 60 instead of 75 s of inserts).
            work = [(rel, self.root / rel, stamp) for rel, stamp in sorted(found.changed, key=itemgetter(0))]
            self._read_changed(work, progress, found.known)
            result.read = len(found.changed)
        result.problems = [
            Problem(self.root / rel, message, line)
            for rel, message, line in self.db.execute(
                "SELECT rel, problem, line FROM files WHERE problem IS NOT NULL ORDER BY rel"
            )
        ]
        result.problems += [
            Problem(
                self.root / rel,
                "the file name is not valid UTF-8 (made on another system?); rename it, and growtui reads it",
            )
            for rel in misnamed
        ]
        result.unreadable = list(unreadable)
        result.duplicates = self._duplicates()
        if digest is not None and digest != kept:
            freshness.keep_listing(self.db, digest, version)
        if self.vault is not None:
            result.plain = [
                self.root / rel for (rel,) in self.db.execute("SELECT rel FROM sessions WHERE sealed = 0 ORDER BY rel")
            ]
        return result

    def _read_changed(
        self, work: list[tuple[str, Path, tuple[int, int]]], progress: Progress | None, known: Collection[str] = ()
    ) -> None:
        """Read ``work`` into the index; only files in ``known`` (indexed before) have rows to forget first."""
        total = len(work)
        done = committed = 0
        try:
            for rows in read_all(self.root, work, batch=BATCH, parallel_from=PARALLEL_FROM, vault=self.vault):
                for rel, size, mtime, found in rows:
                    if rel in known:
                        self._forget(rel)
                    if isinstance(found, Problem):
                        self.db.execute(
                            "INSERT INTO files VALUES (?, ?, ?, ?, ?)", (rel, size, mtime, found.message, found.line)
                        )
                    else:
                        self.db.execute("INSERT INTO files VALUES (?, ?, ?, NULL, NULL)", (rel, size, mtime))
                        self._add(found)
                done += len(rows)
                if done - committed >= COMMIT_EVERY:
                    self.db.commit()
                    committed = done
                if progress is not None:
                    progress(done, total)
            self.db.commit()
        except BaseException:
            self.db.rollback()  # what was committed stays: the next sync reads only the rest
            raise

    def _forget(self, rel: str) -> None:
        for rowid, folded in self.db.execute(
            "SELECT rowid, folded FROM texts WHERE rowid IN (SELECT rowid FROM sessions WHERE rel = ?)", (rel,)
        ).fetchall():
            self.db.execute("INSERT INTO fts (fts, rowid, folded) VALUES ('delete', ?, ?)", (rowid, folded))
            self.db.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
        for table in ("files", "sessions", "actions", "reviews"):
            self.db.execute(f"DELETE FROM {table} WHERE rel = ?", (rel,))

    def _add(self, rows: Rows) -> None:
        session_row, action_rows, review_rows = rows
        *listed, body, folded = session_row
        cursor = self.db.execute(f"INSERT INTO sessions VALUES ({', '.join('?' * len(listed))})", listed)
        self.db.execute("INSERT INTO texts VALUES (?, ?, ?)", (cursor.lastrowid, body, folded))
        self.db.execute("INSERT INTO fts (rowid, folded) VALUES (?, ?)", (cursor.lastrowid, folded))
        self.db.executemany(
            "INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", action_rows
        )
        self.db.executemany("INSERT INTO reviews VALUES (?, ?, ?)", review_rows)
