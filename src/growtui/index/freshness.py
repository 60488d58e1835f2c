"""Which files changed since the index saw them, compared a thousand at a time.

The folder is read one entry at a time (:func:`~growtui.storage.iter_stats`)
and each thousand files are looked up in the index at once, so a sync holds
neither a list of the folder nor a copy of the index's table of files: at
100,000 sessions those two were 50 MB, before the first frame of ``growtui
new``. What was removed is found by counting: when every file the index
knows was seen again, nothing is gone; only when the counts differ is the
folder listed once more (names only) to find out what. A small index (up to
WHOLE files) is read whole instead: half the time of the lookups, in a few
megabytes.

A listing taken whole (``search`` stats the folder in a thread while the
index answers; ``list`` takes it before it asks) is also compared by its fingerprint (:func:`listing_digest`)
with the one kept from the last sync that saw it: the same fingerprint
means the same files with the same stamps, and no row is looked up. The
fingerprint is dropped before a sync changes the table, so it can only
ever describe the table as it is.
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import islice

from growtui.index.queries import utf8

CHUNK = 1000  # files looked up in one query (SQLite takes 32,766 values)
WHOLE = 16_384  # up to this many files the table is read at once: twice as quick, and at most a few MB

Stamp = tuple[int, int]


@dataclass
class Comparison:
    """The folder against the index: what to read, what to forget."""

    changed: list[tuple[str, Stamp]] = field(default_factory=list)  # new or changed, in the order listed
    known: set[str] = field(default_factory=set)  # those of ``changed`` the index has rows of
    gone: list[str] = field(default_factory=list)
    misnamed: list[str] = field(default_factory=list)  # not UTF-8: SQLite cannot hold the name
    total: int = 0


def listing_digest(listed: Mapping[str, Stamp]) -> str:
    """A fingerprint of a whole listing: the same one means the same names with the same stamps.

    marshal writes the entries as they are, in their order: 2 ms for 10,000,
    where looking each up in the table takes 40. Equal bytes can only come
    from equal entries; the same files listed in another order (or by
    another Python) give another fingerprint, which costs the comparison
    row by row and nothing else.
    """
    return hashlib.blake2b(marshal.dumps(dict(listed)), digest_size=16).hexdigest()


def kept_listing(db: sqlite3.Connection) -> str | None:
    """The fingerprint of the listing the table matched after the last sync that saw the whole folder."""
    row = db.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
    return row[0] if row else None


def drop_listing(db: sqlite3.Connection) -> None:
    """Forget the fingerprint, uncommitted: run before a sync's first change, it goes with that change or
    not at all, so no fingerprint outlives the table it describes."""
    db.execute("DELETE FROM meta WHERE key = 'listing'")


def data_version(db: sqlite3.Connection) -> int:
    """Changes whenever another connection (another growtui) commits to the index; never for this one's own."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def keep_listing(db: sqlite3.Connection, digest: str, version: int) -> None:
    """Keep ``digest`` as the listing the table now matches, unless another process changed the index since
    ``version`` was read (before this sync compared): the table may then match another listing.

    Only a saving of time: when the index is locked or cannot be written, nothing is kept.
    """
    try:
        db.execute("BEGIN IMMEDIATE")  # nobody else writes between the check and the write
        with db:  # committed, or rolled back on any error
            if data_version(db) == version:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (digest,))
    except sqlite3.OperationalError:  # locked, read-only, or (never here) a transaction already open
        pass


def _misnamed(names: Iterable[str]) -> list[str]:
    """The names SQLite cannot hold: not UTF-8 (made on another system)."""
    return [rel for rel in names if not rel.isascii() and not utf8(rel)]


def unchanged(listed: Collection[str]) -> Comparison:
    """What :func:`compare` finds for a listing the table is known to match: nothing to read or forget."""
    return Comparison(misnamed=sorted(_misnamed(listed)), total=len(listed))


def compare_whole(db: sqlite3.Connection, listed: Mapping[str, Stamp]) -> tuple[Comparison, str, str | None]:
    """:func:`compare` for a listing taken whole; with its fingerprint and the one kept (see above)."""
    digest, kept = listing_digest(listed), kept_listing(db)
    if digest == kept:  # the files as the last sync that saw them all: no row to look up
        return unchanged(listed), digest, kept
    return compare(db, listed.items(), lambda: listed.keys()), digest, kept


def compare(
    db: sqlite3.Connection, listed: Iterable[tuple[str, Stamp]], present: Callable[[], Collection[str]]
) -> Comparison:
    """Compare ``listed`` (``(rel, (size, changed_ns))``) with the table of files.

    ``present`` lists the folder again, names only; it is called only when
    something the index knows was not among ``listed``.
    """
    found = Comparison()
    indexed = db.execute("SELECT count(*) FROM files").fetchone()[0]
    matched = 0
    whole = (
        {rel: (size, mtime) for rel, size, mtime in db.execute("SELECT rel, size, mtime_ns FROM files")}
        if indexed <= WHOLE
        else None
    )
    entries = iter(listed)
    while chunk := list(islice(entries, CHUNK)):
        found.total += len(chunk)
        misnamed = _misnamed(rel for rel, _ in chunk)
        if misnamed:
            found.misnamed += misnamed
            chunk = [(rel, stamp) for rel, stamp in chunk if rel not in misnamed]
        if whole is not None:
            known = whole
        else:
            names = [rel for rel, _ in chunk]
            known = {
                rel: (size, mtime)
                for rel, size, mtime in db.execute(
                    f"SELECT rel, size, mtime_ns FROM files WHERE rel IN ({','.join('?' * len(names))})", names
                )
            }
        for rel, stamp in chunk:
            was = known.get(rel)
            if was is None:
                found.changed.append((rel, stamp))
                continue
            matched += 1
            if was != stamp:
                found.changed.append((rel, stamp))
                found.known.add(rel)
    found.misnamed.sort()
    if matched != indexed:  # the index knows files that were not listed: which, is worth a second look
        here = present()
        found.gone = [rel for (rel,) in db.execute("SELECT rel FROM files") if rel not in here]
        if found.gone:  # a file removed between the two looks is gone, not changed
            gone = set(found.gone)
            found.changed = [(rel, stamp) for rel, stamp in found.changed if rel not in gone]
            found.known -= gone
    return found
