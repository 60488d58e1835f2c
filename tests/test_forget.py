"""``growtui forget``: a person erased from everything growtui keeps, and nobody else's record touched.

The test that matters most builds every kind of trace (sessions, the index,
a recovery file, a trash entry, a crash report, a conflict copy, a
half-written save, a migration copy), forgets one person, and then reads the
bytes of every file under every growtui folder: neither the name nor a
marker from the notes may be anywhere. In an encrypted folder it also opens
everything that opens (sessions, recovery files, the trash, the sealed index)
and looks inside.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from growtui import crash, paths
from growtui.crypto import Vault, encrypt_folder, plain_bytes, read_marker, sealed_head
from growtui.erasure import delete_session, erase, find
from growtui.index import Index, fold
from growtui.model import Session
from growtui.storage import SessionLock, Store, recovery_dirs, slugify, trash, write_atomic, write_recovery

NAME = "Femke Oosterhuis"
MARKER = "kwartelkoningmarker"
OTHER = "Ravi Menon"
OTHER_MARKER = "ijsvogelmarker"
PASSPHRASE = "paard batterij nietje correct"


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder (the last place for recovery files) inside tmp_path, so it can be walked too."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def session(coachee: str, marker: str, n: int, **fields) -> Session:
    s = Session(coachee=coachee, topic=f"{marker} topic {n}", started_at=datetime(2026, 10, n + 1, 9, 30, tzinfo=UTC))
    s.goal.notes = f"Said in confidence: {marker} number {n}."
    s.reality.notes = "\n".join(f"line {i} of the reality" for i in range(5))
    for key, value in fields.items():
        setattr(s, key, value)
    return s


class Traces:
    """Two people's sessions and every other kind of file that can hold a person's text."""

    def __init__(self, root: Path, vault: Vault | None = None):
        self.root, self.vault = root, vault
        store = Store(root, vault)
        self.hers = [store.create(session(NAME, MARKER, n)) for n in range(3)]
        self.his = [store.create(session(OTHER, OTHER_MARKER, n)) for n in range(10, 13)]
        with Index(root, vault=vault) as index:
            index.sync()
        newer = self.hers[0].session.model_copy(update={"topic": f"{MARKER} typed after the disk filled"})
        self.recovery = write_recovery(newer, vault, base=self.hers[0].session)
        self.his_recovery = write_recovery(self.his[0].session.model_copy(update={"topic": "his newer"}), vault)
        self.trashed = delete_session(store, self.hers[1].path)
        self.his_trashed = delete_session(store, self.his[1].path)
        self.conflict = store.keep_conflict_copy(self.hers[2].path, self.hers[2].session, datetime(2026, 11, 1))
        self.half = self.hers[2].path.with_name(f".{self.hers[2].path.name}.a1b2c3d4.tmp")
        self.half.write_text(f"half a save of {MARKER}")
        raw = self.hers[2].path.read_bytes()
        self.migrated = paths.migration_backup_dir() / f"{self.hers[2].path.name}.v3"
        write_atomic(self.migrated, raw)
        try:
            raise RuntimeError(f"{NAME} {MARKER}")  # crash reports leave the message out: this one stays
        except RuntimeError as exc:
            self.plain_crash = crash.write_report(exc)
        self.naming_crash = paths.log_dir() / "crash-20261101-101010-4242.log"
        self.naming_crash.write_text(f"growtui crashed\n  /somewhere/{self.hers[0].session.id}.toml:1 in read\n")
        with Index(root, vault=vault) as index:
            index.sync()

    @property
    def ids(self) -> set[str]:
        return {s.session.id for s in self.hers}


def folders(root: Path) -> list[Path]:
    """Every folder growtui keeps files in: the sessions, config, data, cache and state folders, and the recovery
    fallback in the temporary folder (the test's home holds the first four)."""
    return [root, paths.config_dir(), paths.data_dir(), paths.cache_dir(), paths.log_dir(), *recovery_dirs()]


def every_file(root: Path) -> list[Path]:
    found: set[Path] = set()
    for folder in folders(root):
        for here, _, names in os.walk(folder):
            found.update(Path(here) / name for name in names)
    return sorted(found)


def needles(ids: set[str]) -> list[bytes]:
    words = {NAME, NAME.casefold(), NAME.upper(), fold(NAME), "Oosterhuis", slugify(NAME), MARKER, *ids}
    return sorted({w.encode("utf-8") for w in words} | {w.casefold().encode("utf-8") for w in words})


def opened(path: Path, raw: bytes, vault: Vault | None) -> bytes:
    """What an encrypted file holds, when it opens with the folder's key; b"" otherwise."""
    if vault is None:
        return b""
    index = vault.open_blob(raw)
    if index is not None:
        return index
    if sealed_head(raw):
        try:
            return plain_bytes(path, vault)[0]
        except Exception:
            return b""
    return b""


def leftovers(root: Path, ids: set[str], vault: Vault | None) -> list[str]:
    found = []
    for path in every_file(root):
        raw = path.read_bytes()
        inside = opened(path, raw, vault)
        for needle in needles(ids):
            if needle in raw.lower() or needle in raw:
                found.append(f"{path}: {needle!r}")
            if needle in inside.lower() or needle in inside:
                found.append(f"{path} (opened): {needle!r}")
            if needle.decode() in str(path).casefold():
                found.append(f"{path}: its name holds {needle!r}")
    return found


def encrypted_folder(root: Path) -> Vault:
    root.mkdir(parents=True)
    assert encrypt_folder(root, Vault.create(PASSPHRASE)).complete
    marker = read_marker(root)
    assert marker is not None
    return Vault.unlock(PASSPHRASE, marker)


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_after_forget_nothing_of_theirs_is_left_in_any_growtui_folder(kind, tmp_path, run, monkeypatch):
    root = tmp_path / "sessions"
    vault = encrypted_folder(root) if kind == "encrypted" else None
    if vault is None:
        root.mkdir()
    traces = Traces(root, vault)
    from growtui.index import person_key
    from growtui.storage import draft_path, save_draft, set_rhythm

    save_draft(root, person_key(NAME), f"prepare: {MARKER}", ["goal.first"], vault)  # typed on the home screen
    set_rhythm(person_key(NAME), "2w", vault=vault)
    found_before = leftovers(root, traces.ids, vault)
    assert any(line.startswith(str(draft_path(root, person_key(NAME)))) for line in found_before)
    # The detector sees each kind of trace before forgetting; the plain crash report holds no name.
    assert traces.recovery is not None and traces.his_recovery is not None
    for where in (traces.recovery, traces.trashed.file, traces.conflict, traces.half, traces.migrated):
        assert any(line.startswith(str(where)) for line in found_before), where
    assert any(line.startswith(str(traces.naming_crash)) for line in found_before)
    index_file = next(p for p in every_file(root) if p.parent.name == "index")
    assert any(line.startswith(str(index_file)) for line in found_before)
    assert traces.plain_crash is not None and not any(line.startswith(str(traces.plain_crash)) for line in found_before)

    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run("--sessions-dir", str(root), "forget", "--coachee", "femke  OOSTERHUIS", "--yes")
    assert code == 0, err
    assert f"Forgetting {NAME} removes" in err and f"Forgot {NAME}" in err
    assert "2 sessions" in err and "2 recovery files" in err and "1 trash entry" in err and "1 crash report" in err
    assert "1 sync conflict copy" in err and "1 half-written save" in err and "1 migration copy" in err

    assert leftovers(root, traces.ids, vault) == []
    assert not draft_path(root, person_key(NAME)).exists()
    from growtui.storage import read_rhythms

    assert read_rhythms() == {}, "their rhythm goes too"
    # Nobody else's record was touched.
    store = Store(root, vault)
    assert sorted(s.session.coachee for s in store.scan().sessions) == [OTHER, OTHER]
    assert traces.his_recovery.is_file() and traces.his_trashed.file.is_file()
    assert traces.plain_crash.is_file() and not traces.naming_crash.exists()
    code, out, _ = run("--sessions-dir", str(root), "search", OTHER_MARKER, "--json")
    assert code == 0 and out.count('"coachee"') == 2
    code, out, _ = run("--sessions-dir", str(root), "list", "--coachee", NAME, "--json")
    assert out.strip() == "[]"


def test_other_peoples_sessions_that_mention_the_name_are_listed_with_the_line_and_left_alone(tmp_path):
    root = tmp_path / "sessions"
    store = Store(root)
    store.create(session(NAME, MARKER, 1))
    his = session(OTHER, OTHER_MARKER, 2)
    his.reality.notes = "first line\nhe worked with femke   oosterhuis on it\nlast line"
    his.options.notes = "Femke Oosterhuisstraat is a street, not her"  # whole words only
    written = store.create(his)
    before = written.path.read_bytes()
    with Index(root) as index:
        plan = find(store, index, NAME)
        lines = written.path.read_text().split("\n")
        assert [(m.path, m.line) for m in plan.mentions] == [
            (written.path, n) for n, line in enumerate(lines, 1) if "femke   oosterhuis" in line
        ]
        erase(plan, store, index)
    assert written.path.read_bytes() == before


def test_a_name_matches_as_the_index_matches_it_and_only_whole_words_elsewhere(tmp_path):
    root = tmp_path / "sessions"
    store = Store(root)
    store.create(session("Al", "almarker", 1))
    store.create(session("Alice", "alicemarker", 2))
    paths.ensure_private_dir(paths.log_dir())
    (paths.log_dir() / "crash-1.log").write_text("  /src/growtui/call.py:12 in install\n")
    with Index(root) as index:
        plan = find(store, index, "  al ")
    assert [f.kind for f in plan.found] == ["session"] and plan.mentions == []


def test_a_session_open_in_another_growtui_stops_everything_before_anything_goes(tmp_path, run):
    root = tmp_path / "sessions"
    traces = Traces(root)
    with SessionLock(traces.hers[0].path):
        code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", NAME, "--yes")
    assert code == 2 and "open in growtui right now" in err and "Nothing was removed" in err
    assert traces.hers[0].path.is_file() and traces.recovery is not None and traces.recovery.is_file()
    assert traces.trashed.file.is_file() and traces.naming_crash.is_file()


def test_forget_asks_and_no_changes_nothing(tmp_path, run, monkeypatch):
    from test_trash import Terminal

    root = tmp_path / "sessions"
    store = Store(root)
    path = store.create(session(NAME, MARKER, 1)).path
    with monkeypatch.context() as terminal:
        terminal.setattr("sys.stdin", Terminal("n\n"))
        code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", NAME)
    assert code == 1 and "Nothing was removed" in err and path.is_file()
    assert f"Forgetting {NAME} removes" in err and str(path) in err
    code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", NAME)  # no terminal
    assert code == 2 and "--yes" in err and path.is_file()


def test_forgetting_somebody_unknown_is_a_clear_error(tmp_path, run):
    root = tmp_path / "sessions"
    Store(root).create(session(OTHER, OTHER_MARKER, 1))
    code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", NAME, "--yes")
    assert code == 2 and f"nothing of '{NAME}' to remove" in err
    code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", "  ", "--yes")
    assert code == 2 and "empty" in err


def test_the_index_of_another_sessions_folder_that_holds_them_goes_and_the_folder_is_named(tmp_path, run):
    root, elsewhere = tmp_path / "sessions", tmp_path / "old-sessions"
    Store(root).create(session(NAME, MARKER, 1))
    Store(elsewhere).create(session(NAME, MARKER, 2))
    with Index(elsewhere) as other:
        other.sync()
        location = other.location
    assert location is not None and location.is_file()
    code, _, err = run("--sessions-dir", str(root), "forget", "--coachee", NAME, "--yes")
    assert code == 0 and not location.exists()
    assert f"{paths.real(elsewhere)}: another sessions folder, with 1 session of theirs" in err


def test_their_trash_entries_of_any_folder_go_and_one_that_does_not_open_is_named(tmp_path):
    root, elsewhere = tmp_path / "sessions", tmp_path / "elsewhere"
    store = Store(root)
    mine = delete_session(store, store.create(session(NAME, MARKER, 1)).path)
    other_vault = encrypted_folder(elsewhere)
    sealed = delete_session(
        Store(elsewhere, other_vault), Store(elsewhere, other_vault).create(session(OTHER, "x", 2)).path
    )
    with Index(root) as index:
        plan = find(store, index, NAME.lower())
    assert plan.trash == [mine] and plan.shown == NAME  # spelled as the trashed session spells it
    assert [p.path for p in plan.unchecked] == [sealed.file]
    assert trash.entries() and plan.found == []


def test_the_index_keeps_no_deleted_text_in_free_pages_or_old_segments(tmp_path):
    root = tmp_path / "sessions"
    store = Store(root)
    hers = [store.create(session(NAME, MARKER * 20, n)) for n in range(20)]
    store.create(session(OTHER, OTHER_MARKER, 30))
    with Index(root) as index:
        index.db.execute("PRAGMA secure_delete = OFF")  # as SQLite is built by default (some systems build it on)
        index.sync()
        location = index.location
        assert location is not None and MARKER.encode() in location.read_bytes()
        for stored in hers:
            stored.path.unlink()
        index.sync(scrub=True)
        assert index.search(OTHER_MARKER) and not index.search(MARKER)
    raw = location.read_bytes()
    assert MARKER.encode() not in raw and NAME.encode() not in raw and NAME.casefold().encode() not in raw
    assert OTHER_MARKER.encode() in raw


def test_a_pipe_named_like_a_conflict_copy_does_not_hang_forget(tmp_path):
    root = tmp_path / "sessions"
    store = Store(root)
    store.create(session(NAME, MARKER, 1))
    os.mkfifo(root / "x.sync-conflict-20261101-101010-AAAA.toml")
    with Index(root) as index:
        plan = find(store, index, NAME)
    assert [f.kind for f in plan.found] == ["session"]
