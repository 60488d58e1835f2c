"""What the index answers: sessions listed and filtered, search hits, coachees, tags, open actions.

Read-only questions to the database; :class:`~growtui.index.database.Index`
keeps it in step with the files before they are asked.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from growtui.index.matching import WINDOW, fold, person_key, query_terms, snippet
from growtui.index.results import Entry, Hit, OpenAction, Person

if TYPE_CHECKING:
    from growtui.crypto import Vault


CHECK_EVERY = 20_000  # SQLite steps between two looks at whether a question is still wanted


class Cancelled(Exception):
    """A question given up on: a newer one replaced it (see :meth:`Queries.cancellable`)."""


class Queries:
    """The questions; ``db`` and ``root`` are the index's."""

    db: sqlite3.Connection
    root: Path
    vault: Vault | None  # set for an encrypted folder

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    _ENTRY = (
        "rel, id, coachee, topic, started_at, ended_at, status, phase, language, tags, "
        "options, actions, done, motivation, minutes, type, style"
    )

    def _entry(self, row: tuple) -> Entry:
        tags = row[9]
        return Entry._make((self.root, *row[:9], tuple(tags.split("\n")) if tags else (), *row[10:]))

    def _where(
        self,
        coachee: str | Sequence[str] | None,
        status: str | None,
        since: date | None,
        until: date | None,
        tag: str | Sequence[str] | None,
        kind: str | None = None,
    ) -> tuple[str, list[object]]:
        """SQL for the filters; a list of coachees or tags means all of them (AND)."""
        clauses: list[str] = ["1"]
        values: list[object] = []
        if kind:
            clauses.append("type = ?")
            values.append(_utf8_only(kind))
        for one in [coachee] if isinstance(coachee, str) else coachee or ():
            clauses.append("person = ?")
            values.append(person_key(_utf8_only(one)))
        if status:
            clauses.append("status = ?")
            values.append(status)
        if since:
            clauses.append("day >= ?")
            values.append(since.isoformat())
        if until:
            clauses.append("day <= ?")
            values.append(until.isoformat())
        for one in [tag] if isinstance(tag, str) else tag or ():
            clauses.append("instr(char(10) || lower(tags) || char(10), ?) > 0")
            values.append(f"\n{_utf8_only(one).casefold()}\n")
        return " AND ".join(clauses), values

    def entries(
        self,
        *,
        coachee: str | Sequence[str] | None = None,
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
        tag: str | Sequence[str] | None = None,
        kind: str | None = None,
    ) -> list[Entry]:
        """Sessions, newest first, filtered."""
        where, values = self._where(coachee, status, since, until, tag, kind)
        rows = self.db.execute(
            f"SELECT {self._ENTRY} FROM sessions WHERE {where} ORDER BY started_at DESC, rel", values
        )
        return [self._entry(row) for row in rows]

    def listing(
        self,
        *,
        coachee: str | Sequence[str] | None = None,
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
        tag: str | Sequence[str] | None = None,
        kind: str | None = None,
    ) -> list[tuple[str, str, str, str, int, int, str, str]]:
        """What ``growtui list`` prints, newest first, filtered: ``(when, coachee, topic, status, done, actions, id)``.

        :meth:`entries` without the objects: ten thousand sessions listed
        in a fraction of the time.
        """
        where, values = self._where(coachee, status, since, until, tag, kind)
        return self.db.execute(
            "SELECT substr(started_at, 1, 10) || ' ' || substr(started_at, 12, 5), coachee, topic, status, done, "
            f"actions, id, type FROM sessions WHERE {where} ORDER BY started_at DESC, rel",
            values,
        ).fetchall()

    def listing_json(
        self,
        *,
        coachee: str | Sequence[str] | None = None,
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
        tag: str | Sequence[str] | None = None,
        kind: str | None = None,
    ) -> list[str] | None:
        """``list --json``'s sessions, newest first, each one JSON object written by SQLite.

        ``Entry.as_json`` for every session without a Python object in
        between: at 10,000 sessions 27 ms instead of about 100. ``None``
        where the folder's own name cannot go into SQL (not UTF-8) or paths
        are not joined with ``/``: then the caller writes the entries.
        """
        if os.sep != "/" or os.altsep or not utf8(str(self.root)):
            return None
        where, values = self._where(coachee, status, since, until, tag, kind)
        self.db.create_function("growtui_tags", 1, _tags_json, deterministic=True)
        prefix = str(self.root) if str(self.root).endswith("/") else f"{self.root}/"
        try:
            return [
                text
                for (text,) in self.db.execute(
                    f"SELECT json_object({_JSON_FIELDS}) FROM sessions WHERE {where} ORDER BY started_at DESC, rel",
                    [prefix, *values],
                )
            ]
        except sqlite3.OperationalError:  # an SQLite built without its JSON functions (before 3.38, rarely)
            return None

    def search(
        self,
        query: str,
        *,
        coachee: str | Sequence[str] | None = None,
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
        tag: str | Sequence[str] | None = None,
        kind: str | None = None,
    ) -> list[Hit]:
        """Sessions holding every term of the query (as part of a word, too), newest first, with a snippet.

        The trigram index narrows the candidates; ``instr`` on the folded text
        confirms each term inside SQLite; only a window of text around the
        first match leaves the database, for the snippet.
        """
        terms = query_terms(_utf8_only(query))
        if not terms:
            return []
        window_of_first = f"substr(body, max(1, instr(folded, ?) - {WINDOW}), {2 * WINDOW})"
        rows = self._matching(terms, (coachee, status, since, until, tag, kind), window_of_first, terms[0])
        hits = []
        for row in rows:
            window = row[-1]
            folded = fold(window)
            if terms[0] not in folded:  # folding changed the length before the match (rare): use the whole text
                window = self.db.execute(
                    "SELECT body FROM texts JOIN sessions ON sessions.rowid = texts.rowid WHERE rel = ?", (row[0],)
                ).fetchone()[0]
                folded = fold(window)
            hits.append(Hit(self._entry(row[:-1]), snippet(window, folded, terms)))
        return hits

    def search_entries(self, query: str, **filters: Any) -> list[Entry]:
        """The sessions :meth:`search` finds (the same filters), without snippets: for a list that shows none.

        No text leaves the database, and nothing is cut from it: at 100,000
        sessions a common word is 50,000 hits, whose snippets were most of
        the time and the memory of a search.
        """
        terms = query_terms(_utf8_only(query))
        if not terms:
            return []
        wanted = [filters.get(name) for name in ("coachee", "status", "since", "until", "tag", "kind")]
        return [self._entry(row) for row in self._matching(terms, tuple(wanted))]

    def _matching(self, terms: list[str], filters: tuple, *extra: str) -> sqlite3.Cursor:
        """Sessions holding every term, newest first: the trigram index narrows, ``instr`` on the folded text
        confirms. ``extra``: one more column to select, then the value of its ``?``."""
        where, values = self._where(*filters)
        trigrams = {term[i : i + 3] for term in terms for i in range(len(term) - 2)}
        if trigrams:
            where += " AND sessions.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
            values.append(" AND ".join('"' + g.replace('"', '""') + '"' for g in sorted(trigrams)))
        where += "".join(" AND instr(folded, ?) > 0" for _ in terms)
        column = f", {extra[0]}" if extra else ""
        return self.db.execute(
            f"SELECT {self._ENTRY}{column} FROM sessions JOIN texts ON texts.rowid = sessions.rowid "
            f"WHERE {where} ORDER BY started_at DESC, rel",
            [*extra[1:], *values, *terms],
        )

    @contextmanager
    def cancellable(self, stale: Callable[[], bool]) -> Iterator[None]:
        """Questions asked inside stop with :class:`Cancelled` soon after ``stale()`` turns true.

        For a screen that asks again on every key: SQLite calls ``stale``
        every few thousand steps of a query (and of fetching its rows) and
        gives up when it says so, so an outdated search does not run to its
        end beside the one that replaced it. Only the questions inside are
        affected; a sync never runs with it.
        """
        self.db.set_progress_handler(lambda: 1 if stale() else 0, CHECK_EVERY)
        try:
            yield
        except sqlite3.OperationalError:
            if stale():
                raise Cancelled from None
            raise
        finally:
            self.db.set_progress_handler(None, 0)

    def coachees_matching(self, text: str) -> list[str]:
        """The coachee ``text`` names: exactly (case and accents aside), else everyone whose name holds it."""
        wanted = person_key(_utf8_only(text))
        names = self.coachees()
        exact = [n for n in names if person_key(n) == wanted]
        return exact or [n for n in names if wanted and wanted in person_key(n)]

    def coachees(self) -> list[str]:
        """Every coachee, most recently seen first, each once."""
        names: dict[str, str] = {}
        for person, coachee in self.db.execute("SELECT person, coachee FROM sessions ORDER BY started_at DESC"):
            names.setdefault(person, coachee)
        return list(names.values())

    def tags(self) -> list[str]:
        found: set[str] = set()
        for (tags,) in self.db.execute("SELECT DISTINCT tags FROM sessions WHERE tags != ''"):
            found.update(tags.split("\n"))
        return sorted(found, key=str.casefold)

    def _duplicates(self) -> list[list[Path]]:
        """Files that hold the same session id. Asked on every sync: counting the ids first (a quarter of the
        time, on the index by id) spares grouping every row when, as nearly always, there are none."""
        (rows,) = self.db.execute("SELECT count(*) FROM sessions").fetchone()
        (distinct,) = self.db.execute("SELECT count(DISTINCT id) FROM sessions").fetchone()  # apart: on the index
        if distinct == rows:
            return []
        return [
            [self.root / rel for rel in sorted(rels.split("\n"))]
            for (rels,) in self.db.execute(
                "SELECT group_concat(rel, char(10)) FROM sessions GROUP BY id HAVING count(*) > 1 ORDER BY id"
            )
        ]

    def entry_for(self, path: Path) -> Entry | None:
        row = self.db.execute(f"SELECT {self._ENTRY} FROM sessions WHERE rel = ?", (self._rel(path),)).fetchone()
        return self._entry(row) if row else None

    def find(self, ref: str) -> list[Entry]:
        """Sessions whose id is ``ref`` or starts with it."""
        ref = _utf8_only(ref)
        escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(
            f"SELECT {self._ENTRY} FROM sessions WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY started_at DESC",
            (ref, escaped + "%"),
        )
        entries = [self._entry(row) for row in rows]
        exact = [e for e in entries if e.id == ref]
        return exact or entries

    def open_actions(self, coachee: str) -> list[OpenAction]:
        """A coachee's open actions, oldest session first, minus those a later session already settled.

        A review in a later session counts even when writing the outcome
        back into the earlier file did not happen (the file was locked,
        or it was synced back), so an action never comes back once decided.
        """
        return self._open_actions(person_key(_utf8_only(coachee)), "actions.started_at, actions.rowid")

    def all_open_actions(self, coachee: str | None = None) -> list[OpenAction]:
        """Every open action, of everyone or of one coachee, the one first agreed longest ago first.

        Settled the same way as :meth:`open_actions`: what a later review
        decided is not open, whatever the earlier file still says.
        """
        person = person_key(_utf8_only(coachee)) if coachee else None
        return self._open_actions(person, "coalesce(agreed_on, day), actions.started_at, actions.rowid")

    def _open_actions(self, person: str | None, order: str) -> list[OpenAction]:
        # In an encrypted folder a plain file is no source: anyone who can write to the folder could
        # have put it there, with an action to be carried into the next (sealed) session.
        trusted = " AND sessions.sealed = 1" if self.vault is not None else ""
        whose, values = (" AND sessions.person = ?", (person,)) if person is not None else ("", ())
        settled = {
            ref
            for (ref,) in self.db.execute(
                "SELECT reviews.ref FROM reviews JOIN sessions USING (rel) "
                f"WHERE reviews.status != 'open'{whose}{trusted}",
                values,
            )
        }
        rows = self.db.execute(
            "SELECT session_id, action_id, what, criterion, due, agreed_on, carry_count, actions.motivation, "
            "start, inform, support, obstacles, owner, sessions.coachee, sessions.day "
            "FROM actions JOIN sessions USING (rel) WHERE actions.status = 'open'"
            f"{whose}{trusted} ORDER BY {order}",
            values,
        )
        found = []
        for sid, aid, what, criterion, due, agreed, carries, motivation, start, *details in rows:
            inform, support, obstacles, owner, name, day = details
            if f"{sid}/{aid}" in settled:
                continue
            found.append(
                OpenAction(
                    sid,
                    aid,
                    what,
                    criterion,
                    _day(due),
                    _day(agreed),
                    carries,
                    motivation,
                    _day(start),
                    inform,
                    support,
                    obstacles,
                    owner,
                    coachee=name,
                    session_day=_day(day),
                )
            )
        return found

    def people(self) -> list[Person]:
        """Everyone you have talked with, most recently seen first: how often, when last, the next meeting planned."""
        rows = self.db.execute(
            "SELECT person, coachee, n, day, next_meeting FROM ("
            "SELECT person, coachee, day, next_meeting, count(*) OVER (PARTITION BY person) AS n, "
            "row_number() OVER (PARTITION BY person ORDER BY started_at DESC, rel) AS latest FROM sessions"
            ") WHERE latest = 1 ORDER BY day DESC, person"
        )
        return [Person(key, name, n, date.fromisoformat(day), _day(meeting)) for key, name, n, day, meeting in rows]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _utf8_only(text: str) -> str:
    """What was asked for, as SQLite can take it: bytes of a command-line argument that are not UTF-8 become U+FFFD."""
    return text if utf8(text) else re.sub("[\ud800-\udfff]", "\ufffd", text)


def utf8(text: str) -> bool:
    """False for a file name with bytes that are not UTF-8 (``os.fsdecode`` turned them into surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# The tags as a JSON array, inside SQLite: the index keeps them joined by newlines. Quotes and
# backslashes are escaped here; a tag holding another control character (it never should) does
# not make valid JSON this way and goes through Python instead.
_TAGS_SQL = """'["' || replace(replace(replace(tags, '\\', '\\\\'), '"', '\\"'), char(10), '","') || '"]'"""
_JSON_FIELDS = (
    "'id', id, 'path', ? || rel, 'type', type, 'coachee', coachee, 'topic', topic, 'started_at', started_at, "
    "'ended_at', ended_at, 'status', status, 'current_phase', phase, 'language', language, "
    f"'tags', CASE WHEN tags = '' THEN json_array() WHEN json_valid({_TAGS_SQL}) THEN json({_TAGS_SQL}) "
    "ELSE json(growtui_tags(tags)) END, "
    "'options', options, 'actions', actions, 'actions_done', done, 'motivation', motivation, "
    "'minutes', minutes, 'style', style"
)


def _tags_json(tags: str) -> str:
    import json

    return json.dumps(tags.split("\n"), ensure_ascii=False)
