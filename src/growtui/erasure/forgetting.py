"""Forgetting a person (the right to erasure, GDPR / AVG article 17): every trace of them growtui keeps.

:func:`find` looks and changes nothing; :func:`erase` removes what it found.

What is theirs: the session files whose coachee they are (matched by person
key, as the index matches names: case and runs of spaces do not matter),
with what lies beside them (half-written saves, sync conflict copies), and,
wherever growtui keeps them, their recovery files, migration copies and
trash entries (by session id, or by the coachee the file holds), crash
reports that name them or one of their sessions, and the indexes of other
sessions folders holding sessions of theirs (caches: they are rebuilt; the
folder is named, so the user can forget them there too).

Other people's sessions that mention the name are listed by file and line,
never changed: their record is not growtui's to edit.

Erasing holds the lock of every session file first, so one open in growtui
elsewhere stops it before anything is removed. Then the index is brought in
step with ``secure_delete`` on, its full-text index merged and the database
rewritten (``Index.sync(scrub=True)``), so no deleted text stays in a free
page or an old segment; an encrypted folder's sealed index is sealed anew
from that. Files are unlinked, not overwritten: the disk's blocks belong to
the file system (full-disk encryption covers them), and backups or synced
copies elsewhere are the user's to clear.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from growtui import crypto, paths
from growtui.erasure.deleting import lock
from growtui.errors import FileProblemError, GrowtuiError, Problem
from growtui.index import INDEX_FORMAT, fold, person_key
from growtui.storage import find_leftovers, load_file, recovery_dirs, session_id_in, stat_files, trash

if TYPE_CHECKING:
    from growtui.index import Index
    from growtui.storage import SessionLock, Store

SESSION = "session"
CONFLICT = "sync conflict copy"
LEFTOVER = "half-written save"
RECOVERY = "recovery file"
MIGRATION = "migration copy"
CRASH = "crash report"
INDEX = "index of another sessions folder"
PREPARATION = "preparation draft"
RECAP = "saved recap"
KINDS = (SESSION, CONFLICT, LEFTOVER, RECOVERY, MIGRATION, CRASH, INDEX, PREPARATION, RECAP)
_LOCKED = (SESSION, CONFLICT)
_MAX_READ = 64 * 2**20  # a crash report or an index to look through, read at most this far


@dataclass(frozen=True)
class Found:
    """A file of theirs; ``label`` says which session (date and topic) for a session file."""

    kind: str
    path: Path
    label: str = ""


@dataclass(frozen=True)
class Mention:
    """A line in someone else's file that holds the name; ``sealed``: a line of the opened text."""

    path: Path
    line: int
    sealed: bool = False


@dataclass
class Plan:
    name: str
    person: str
    names: set[str]  # every spelling of the name in their sessions, and the one asked for
    ids: set[str]  # their sessions' ids
    found: list[Found] = field(default_factory=list)
    trash: list[trash.Trashed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unchecked: list[Problem] = field(default_factory=list)  # files growtui cannot open, so cannot tell whose
    elsewhere: list[tuple[str, int]] = field(default_factory=list)  # other sessions folders, sessions of theirs
    shown: str = ""  # the name as their latest session spells it
    rhythm: bool = False  # how often you meet them is in the rhythm file

    def __post_init__(self) -> None:
        self.shown = self.shown or " ".join(self.name.split())

    @property
    def empty(self) -> bool:
        return not self.found and not self.trash and not self.rhythm

    def of_kind(self, kind: str) -> list[Found]:
        return [f for f in self.found if f.kind == kind]


def _pattern(names: set[str]) -> re.Pattern[str]:
    """Any of the names, folded, as whole words: "Al" is not found in "call"."""
    words = sorted({" ".join(fold(n).split()) for n in names if n.strip()}, key=len, reverse=True)
    spaced = (r"\s+".join(re.escape(part) for part in word.split(" ")) for word in words)
    return re.compile(r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)")


def _lines(text: str, pattern: re.Pattern[str]) -> list[int]:
    return [n for n, line in enumerate(text.split("\n"), 1) if pattern.search(fold(line))]


def _opened(path: Path, vault: crypto.Vault | None) -> tuple[dict[str, Any] | None, str | None, bool]:
    """A session-like file's parsed TOML, its plain text, and whether it is sealed.

    A file that does not parse gives its bytes as text (None when it is
    sealed and does not open: nobody can tell what it holds).
    """
    try:
        data, text, sealed = load_file(path, vault)
        return data, text, sealed
    except FileProblemError:
        pass
    if crypto.looks_sealed(path):
        return None, None, True
    if not path.is_file():  # a pipe or a device named like a session: opening it could wait for ever
        return None, None, False
    try:
        with path.open("rb") as fh:
            return None, fh.read(_MAX_READ).decode("utf-8", "replace"), False
    except OSError:
        return None, None, False


class _Finder:
    def __init__(self, plan: Plan, vault: crypto.Vault | None):
        self.plan, self.vault = plan, vault
        self.pattern = _pattern(plan.names)

    def theirs(self, data: dict[str, Any] | None) -> bool:
        if data is None:
            return False
        coachee = data.get("coachee")
        return data.get("id") in self.plan.ids or (isinstance(coachee, str) and person_key(coachee) == self.plan.person)

    def sort(self, path: Path, kind: str, *, by_name: str | None = None) -> None:
        """Theirs (by the id its name says, or what it holds), a mention, or a file that cannot be opened."""
        if by_name is not None and by_name in self.plan.ids:
            self.plan.found.append(Found(kind, path))
            return
        data, text, sealed = _opened(path, self.vault)
        if self.theirs(data):
            self.plan.found.append(Found(kind, path))
        elif text is not None:
            self.plan.mentions += [Mention(path, n, sealed) for n in _lines(text, self.pattern)]
        elif sealed:
            self.plan.unchecked.append(Problem(path, "encrypted, and this passphrase does not open it"))

    def folder(self, folder: Path, kind: str, id_of) -> None:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            return
        for name in names:
            path = folder / name
            if path.is_file() and not path.is_symlink():
                self.sort(path, kind, by_name=id_of(name))


def _recovery_id(name: str) -> str:
    return name.removesuffix(".toml").removesuffix(".base")


def find(store: Store, index: Index, name: str) -> Plan:
    """Everything of the person ``name`` that growtui keeps, and the other files that mention them."""
    index.sync()
    entries = index.entries(coachee=name)
    plan = Plan(name, person_key(name), {name, *(e.coachee for e in entries)}, {e.id for e in entries})
    plan.shown = entries[0].coachee if entries else plan.shown
    finder = _Finder(plan, store.vault)
    for entry in entries:
        plan.found.append(Found(SESSION, entry.path, f"{entry.when}  {entry.topic}"))
        plan.found += [Found(LEFTOVER, path) for path in find_leftovers(entry.path)]
    _, conflicts, _, _ = stat_files(store.root)
    for copy in conflicts:
        finder.sort(copy, CONFLICT)
    for folder in recovery_dirs():
        finder.folder(folder, RECOVERY, _recovery_id)
    finder.folder(paths.migration_backup_dir(), MIGRATION, session_id_in)
    _trash(plan, finder)
    _drafts_and_rhythm(plan, store)
    _crash_reports(plan, finder.pattern)
    _other_indexes(plan, index)
    _mentions(plan, index, finder)
    return plan


def _trash(plan: Plan, finder: _Finder) -> None:
    for entry in trash.entries():  # of every sessions folder: a person is forgotten everywhere growtui can see
        data, text, sealed = (None, None, False) if entry.session_id in plan.ids else _opened(entry.file, finder.vault)
        if entry.session_id in plan.ids or finder.theirs(data):
            plan.trash.append(entry)
            if not plan.ids and data is not None and isinstance(data.get("coachee"), str):
                plan.shown = " ".join(data["coachee"].split())  # only in the trash: the name as it spells it
        elif text is not None:
            plan.mentions += [Mention(entry.file, n, sealed) for n in _lines(text, finder.pattern)]
        elif sealed:
            plan.unchecked.append(Problem(entry.file, "in the trash, encrypted, and this passphrase does not open it"))


def _drafts_and_rhythm(plan: Plan, store: Store) -> None:
    """What was typed on the home screen to prepare for them (this folder's draft, a plain one of theirs), rhythm."""
    import json

    from growtui.storage import draft_path, drafts_dir, read_rhythms, rhythm_key

    ours = draft_path(store.root, plan.person)
    if ours.exists():
        plan.found.append(Found(PREPARATION, ours))
    try:
        others = sorted(p for p in drafts_dir().iterdir() if p.is_file() and p != ours)
    except OSError:
        others = []
    for path in others:
        try:
            data = json.loads(path.read_bytes()[:_MAX_READ])
        except (OSError, ValueError):
            continue  # sealed, or not ours to read
        if isinstance(data, dict) and data.get("person") == plan.person:
            plan.found.append(Found(PREPARATION, path))
    try:  # recaps saved from the finish screen: named by date, slug and session id
        recaps = sorted(p for p in (paths.data_dir() / "recaps").iterdir() if p.is_file())
    except OSError:
        recaps = []
    plan.found += [Found(RECAP, p) for p in recaps if any(sid in p.name for sid in plan.ids)]
    try:
        rhythms = read_rhythms()
    except GrowtuiError:
        return
    plan.rhythm = rhythm_key(plan.person, store.vault) in rhythms or plan.person in rhythms


def _crash_reports(plan: Plan, pattern: re.Pattern[str]) -> None:
    """They hold code locations only; one that names them or one of their sessions goes all the same."""
    try:
        reports = sorted(p for p in paths.log_dir().iterdir() if p.is_file() and not p.is_symlink())
    except OSError:
        return
    for report in reports:
        try:
            with report.open("rb") as fh:
                text = fh.read(_MAX_READ).decode("utf-8", "replace")
        except OSError:
            continue
        if pattern.search(fold(text)) or any(sid in text for sid in plan.ids):
            plan.found.append(Found(CRASH, report))


def _other_indexes(plan: Plan, index: Index) -> None:
    """The plain indexes of other sessions folders that hold sessions of theirs; the folder is named too."""
    folder = paths.cache_dir() / "index"
    try:
        candidates = sorted(folder.glob("*.sqlite3"))
    except OSError:
        return
    for candidate in candidates:
        if (index.location is not None and candidate == index.location) or not candidate.is_file():
            continue
        try:
            db = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True, timeout=1)
            try:
                if db.execute("PRAGMA user_version").fetchone()[0] != INDEX_FORMAT:
                    raise sqlite3.DatabaseError("another format")
                count = db.execute("SELECT count(*) FROM sessions WHERE person = ?", (plan.person,)).fetchone()[0]
                row = db.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()
            finally:
                db.close()
        except sqlite3.Error:
            # another format, or damaged: a cache, so it goes if its bytes name them
            try:
                with candidate.open("rb") as fh:
                    named = _pattern(plan.names).search(fold(fh.read(_MAX_READ).decode("utf-8", "replace")))
            except OSError:
                continue
            if named:
                plan.found.append(Found(INDEX, candidate))
            continue
        if count:
            plan.found.append(Found(INDEX, candidate))
            plan.elsewhere.append((row[0] if row else str(candidate), count))


def _mentions(plan: Plan, index: Index, finder: _Finder) -> None:
    """Other people's sessions that hold the name, and files in the folder growtui cannot read that do."""
    seen: set[Path] = set()
    for spelling in sorted(plan.names):
        for hit in index.search(f'"{spelling}"'):
            path = hit.entry.path
            if hit.entry.id in plan.ids or path in seen:
                continue
            seen.add(path)
            _, text, sealed = _opened(path, finder.vault)
            if text is not None:
                plan.mentions += [Mention(path, n, sealed) for n in _lines(text, finder.pattern)]
    for problem in index.sync().problems:
        if problem.path not in seen:
            seen.add(problem.path)
            finder.sort(problem.path, SESSION)  # growtui cannot read it: whose it is, nobody can tell


# --- erasing ------------------------------------------------------------------------------


@dataclass
class Erased:
    removed: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    left_in_index: int = 0  # their sessions the index still lists (a file that could not be removed)


def erase(plan: Plan, store: Store, index: Index) -> Erased:
    """Remove everything the plan found, then leave no trace of it in the index (see the module's text).

    InUse, before anything is removed, when a session of theirs is open in growtui elsewhere.
    """
    result = Erased()
    held: list[SessionLock] = []
    try:
        for found in plan.found:
            if found.kind in _LOCKED:
                held.append(lock(found.path, "removed"))
        for found in plan.found:
            suffixes = ("", "-journal", "-wal", "-shm") if found.kind == INDEX else ("",)
            for suffix in suffixes:
                path = Path(f"{found.path}{suffix}")
                try:
                    path.unlink()
                    result.removed.append(path)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    result.problems.append(Problem(path, f"could not be removed ({exc.strerror}); remove it by hand"))
        for entry in plan.trash:
            try:
                trash.remove(entry)
                result.removed.append(entry.folder)
            except OSError as exc:
                result.problems.append(
                    Problem(entry.folder, f"could not be removed ({exc.strerror}); remove it by hand")
                )
        if plan.rhythm:
            from growtui.storage import set_rhythm

            try:
                set_rhythm(plan.person, None, vault=store.vault)
            except GrowtuiError as exc:
                result.problems.append(Problem(paths.rhythm_file(), f"their rhythm could not be removed ({exc})"))
    finally:
        for claim in held:
            claim.release(forget=True)
    index.sync(scrub=True)
    result.left_in_index = len(index.entries(coachee=plan.name))
    return result
