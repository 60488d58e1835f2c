"""Deleting one conversation: into the trash for 30 days, listed, restored where it was, never over a file."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from growtui import paths
from growtui.crypto import Vault, encrypt_folder, looks_sealed
from growtui.erasure import InUse, delete_session, listing, restore_session, side_files
from growtui.errors import SessionFileError
from growtui.index import Index
from growtui.model import Session
from growtui.storage import SessionLock, Store, trash, write_recovery

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"
SEM = "2026-09-08_sem-brouwer_h7t3pc3hxyga.toml"
SEM_ID = "h7t3pc3hxyga"
PASSPHRASE = "paard batterij nietje correct"


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder (the last place for recovery files) inside tmp_path."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, root)
    return root


@pytest.fixture
def run(run, folder):
    def in_folder(*argv: str):
        return run("--sessions-dir", str(folder), *argv)

    return in_folder


def ids(root: Path, vault: Vault | None = None) -> list[str]:
    with Index(root, vault=vault) as index:
        index.sync()
        return sorted(e.id for e in index.entries())


# --- the store of the trash ------------------------------------------------------------------


def test_a_deleted_session_moves_whole_into_the_trash_and_the_index_forgets_it(folder):
    original = (folder / SEM).read_bytes()
    mtime = (folder / SEM).stat().st_mtime_ns
    with Index(folder) as index:
        index.sync()
        entry = delete_session(Store(folder), folder / SEM, index=index)
        assert SEM_ID not in [e.id for e in index.entries()]
        assert index.search("sluitcheck") and all(h.entry.id != SEM_ID for h in index.search("sluitcheck"))
    assert not (folder / SEM).exists()
    assert entry.file.read_bytes() == original and entry.file.stat().st_mtime_ns == mtime
    assert entry.folder.parent == paths.trash_dir() and entry.folder.name.endswith(f"_{SEM_ID}")
    assert (entry.root, entry.rel, entry.session_id) == (paths.real(folder), SEM, SEM_ID)
    record = json.loads((entry.folder / trash.ENTRY).read_text())
    assert record["rel"] == SEM and record["id"] == SEM_ID and "Sem" not in json.dumps(record).replace(SEM, "")
    assert oct(entry.folder.stat().st_mode & 0o777) == "0o700"
    assert oct(paths.trash_dir().stat().st_mode & 0o777) == "0o700"
    assert SEM_ID not in ids(folder)
    assert not list(paths.lock_dir().glob("*.lock"))  # no lock file left for a file that is gone


def test_restore_puts_it_back_where_it_was_byte_for_byte(folder, tmp_path):
    sub = folder / "2026"
    sub.mkdir()
    (folder / SEM).rename(sub / SEM)
    original = (sub / SEM).read_bytes()
    entry = delete_session(Store(folder), sub / SEM)
    assert entry.rel == f"2026/{SEM}"
    shutil.rmtree(sub)  # the subfolder went too: restoring makes it again
    target, left = restore_session(Store(folder), trash.entries(folder)[0])
    assert target == paths.real(folder) / "2026" / SEM and target.read_bytes() == original and left == []
    assert trash.entries() == [] and list(paths.trash_dir().iterdir()) == []
    assert SEM_ID in ids(folder)


def test_restore_never_goes_over_a_file_and_moves_nothing_then(folder):
    entry = delete_session(Store(folder), folder / SEM)
    (folder / SEM).write_text("somebody else's file")
    with pytest.raises(trash.TrashError, match="a file is there already"):
        restore_session(Store(folder), entry)
    assert (folder / SEM).read_text() == "somebody else's file" and entry.file.is_file()


def test_restore_refuses_when_the_session_is_in_the_folder_under_another_name(folder):
    copy = (folder / SEM).read_bytes()
    entry = delete_session(Store(folder), folder / SEM)
    (folder / f"2026-09-08_renamed_{SEM_ID}.toml").write_bytes(copy)
    with pytest.raises(trash.TrashError, match="holds this session already"):
        restore_session(Store(folder), entry)
    assert entry.file.is_file()


def test_a_session_open_in_another_growtui_is_not_deleted(folder):
    with SessionLock(folder / SEM), pytest.raises(InUse, match="open in growtui right now"):
        delete_session(Store(folder), folder / SEM)
    assert (folder / SEM).is_file() and trash.entries() == []


def test_a_file_growtui_cannot_read_is_not_deleted(folder):
    (folder / SEM).write_text("not [ toml")
    with pytest.raises(SessionFileError):
        delete_session(Store(folder), folder / SEM)
    assert (folder / SEM).read_text() == "not [ toml" and trash.entries() == []


def test_a_link_is_not_deleted(folder, tmp_path):
    (folder / SEM).rename(tmp_path / SEM)
    (folder / SEM).symlink_to(tmp_path / SEM)
    with pytest.raises(trash.TrashError, match="a link"):
        delete_session(Store(folder), folder / SEM)
    assert (folder / SEM).is_symlink() and (tmp_path / SEM).is_file()


def test_its_recovery_file_and_half_written_saves_go_with_it_and_the_recovery_file_comes_back(folder):
    store = Store(folder)
    session = store.read(folder / SEM).session
    recovery = write_recovery(session.model_copy(update={"topic": "newer text"}), base=session)
    assert recovery is not None and len(side_files(SEM_ID)) == 2
    half = folder / f".{SEM}.abcd1234.tmp"
    half.write_text("half a save")
    entry = delete_session(store, folder / SEM)
    assert not recovery.exists() and not half.exists()
    assert sorted(name for name, _ in entry.files[1:]) == [f"recovery-{SEM_ID}.base.toml", f"recovery-{SEM_ID}.toml"]
    restore_session(store, entry)
    assert "newer text" in recovery.read_text() and (folder / SEM).is_file()


def test_a_sessions_folder_on_another_disk_is_copied_checked_then_removed(folder, monkeypatch):
    real_replace, real_link = os.replace, os.link

    def two_disks(source, target) -> bool:
        """The trash on one disk, the sessions folder on another."""
        return ("trash" in str(source)) != ("trash" in str(target))

    def across(source, target, *args, **kwargs):
        if two_disks(source, target):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_replace(source, target, *args, **kwargs)

    def no_link(source, target, *args, **kwargs):
        if two_disks(source, target):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_link(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", across)
    monkeypatch.setattr(os, "link", no_link)
    original = (folder / SEM).read_bytes()
    mtime = (folder / SEM).stat().st_mtime_ns
    entry = delete_session(Store(folder), folder / SEM)
    assert not (folder / SEM).exists() and entry.file.read_bytes() == original
    assert entry.file.stat().st_mtime_ns == mtime
    target, _ = restore_session(Store(folder), entry)
    assert target.read_bytes() == original and not entry.folder.exists()


def test_a_deletion_that_cannot_write_the_trash_leaves_the_file(folder):
    paths.data_dir().mkdir(parents=True)
    paths.trash_dir().write_text("a file where the trash folder should be")
    with pytest.raises(trash.TrashError, match="not deleted"):
        delete_session(Store(folder), folder / SEM)
    assert (folder / SEM).is_file()


# --- 30 days ----------------------------------------------------------------------------------


def test_entries_older_than_30_days_are_purged_by_their_names_alone(folder):
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    old = delete_session(Store(folder), folder / SEM, now=now - timedelta(days=30, seconds=1))
    young = delete_session(
        Store(folder), folder / "2026-10-06_sem-brouwer_f724bg39vjed.toml", now=now - timedelta(days=29)
    )
    assert old.days_left(now) == 0 and young.days_left(now) == 1
    assert young.days_left(young.deleted_at) == 30
    (old.folder / trash.ENTRY).write_text("damaged: purging does not read it")
    stranger = paths.trash_dir() / "not-an-entry"
    stranger.mkdir()
    assert trash.purge(now) == 1
    assert not old.folder.exists() and young.folder.exists() and stranger.exists()


def test_a_deletion_stopped_before_the_file_moved_leaves_nothing_behind(folder):
    stale = paths.ensure_private_dir(paths.trash_dir()) / f"20200101T000000Z_{SEM_ID}"
    stale.mkdir()
    (stale / trash.ENTRY).write_text("{}")
    assert trash.entries() == [] and not stale.exists()
    assert (folder / SEM).is_file()


def test_the_app_start_purges_the_trash(folder, monkeypatch):
    import growtui.cli.tui as tui

    old = delete_session(Store(folder), folder / SEM, now=datetime.now(UTC) - timedelta(days=31))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)  # stops right after the cheap checks
    with pytest.raises(Exception, match="needs a terminal"):
        tui.run_app(tui.Options(folder), {})
    assert not old.folder.exists()


# --- encrypted folders ----------------------------------------------------------------------------


def test_in_an_encrypted_folder_the_trashed_file_stays_sealed_and_comes_back_sealed(folder):
    vault = Vault.create(PASSPHRASE)
    assert encrypt_folder(folder, vault).complete
    store = Store(folder, vault)
    path = folder / f"2026-09-08_{SEM_ID}.toml"
    sealed = path.read_bytes()
    entry = delete_session(store, path, index=Index(folder, vault=vault))
    assert entry.file.read_bytes() == sealed and looks_sealed(entry.file)
    assert b"Brouwer" not in (entry.folder / trash.ENTRY).read_bytes()
    listed = listing(folder, vault)
    assert [(x.session.coachee if x.session else None, x.sealed) for x in listed] == [("Sem Brouwer", True)]
    target, _ = restore_session(store, entry)
    assert target.read_bytes() == sealed and SEM_ID in ids(folder, vault)


def test_a_session_deleted_before_encrypting_is_sealed_by_encrypt_and_restored_without_the_name(folder):
    entry = delete_session(Store(folder), folder / SEM)
    vault = Vault.create(PASSPHRASE)
    report = encrypt_folder(folder, vault)
    assert report.complete and looks_sealed(entry.file)
    target, _ = restore_session(Store(folder, vault), entry)
    assert target.name == f"2026-09-08_{SEM_ID}.toml" and looks_sealed(target)
    assert Store(folder, vault).read(target).session.coachee == "Sem Brouwer"


def test_a_plain_trashed_file_restored_into_an_encrypted_folder_is_sealed_first(folder):
    entry = delete_session(Store(folder), folder / SEM)
    vault = Vault.create(PASSPHRASE)
    store = Store(folder, vault)
    target, _ = restore_session(store, entry)
    assert looks_sealed(target) and target.name == f"2026-09-08_{SEM_ID}.toml"
    assert store.read(target).session.id == SEM_ID


# --- the command line ---------------------------------------------------------------------------------


class Terminal:
    """Standard input as a person at a terminal gives it."""

    def __init__(self, answers: str):
        import io

        self._in = io.StringIO(answers)

    def isatty(self) -> bool:
        return True

    def readline(self, *args):
        return self._in.readline(*args)

    def read(self, *args):
        return self._in.read(*args)


def test_delete_shows_what_goes_and_asks(run, folder, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, _, err = run("delete", SEM_ID[:5])
    assert code == 1 and "Nothing was deleted" in err and (folder / SEM).is_file()
    assert "Sem Brouwer" in err and "2026-09-08 10:00" in err and "Tickets gesloten zonder sluitcheck" in err
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, _, err = run("delete", SEM_ID[:5])
    assert code == 0 and not (folder / SEM).exists() and f"growtui restore {SEM_ID}" in err


def test_delete_without_a_terminal_needs_yes(run, folder):
    code, _, err = run("delete", SEM_ID)
    assert code == 2 and "--yes" in err and (folder / SEM).is_file()
    code, _, err = run("delete", "--yes", str(folder / SEM))
    assert code == 0 and not (folder / SEM).exists()
    code, out, _ = run("list", "--json")
    assert SEM_ID not in out


def test_delete_refuses_an_open_session_with_exit_2(run, folder):
    with SessionLock(folder / SEM):
        code, _, err = run("delete", "--yes", SEM_ID)
    assert code == 2 and "open in growtui right now" in err and "Nothing was deleted" in err
    assert (folder / SEM).is_file()


def test_delete_an_unknown_id_and_an_unreadable_file_are_clear_errors(run, folder):
    code, _, err = run("delete", "--yes", "zzzz")
    assert code == 2 and "no session has the id 'zzzz'" in err
    (folder / SEM).write_text("broken [")
    code, _, err = run("delete", "--yes", str(folder / SEM))
    assert code == 2 and SEM in err and (folder / SEM).read_text() == "broken ["


def test_trash_lists_and_json_gives_the_fields(run, folder):
    assert run("trash").out == ""
    run("delete", "--yes", SEM_ID)
    code, out, _ = run("trash")
    assert code == 0 and "Sem Brouwer" in out and "30 days left" in out and SEM_ID in out
    assert "2026-09-08 10:00" in out
    code, out, _ = run("trash", "--json")
    [row] = json.loads(out)
    assert row["id"] == SEM_ID and row["coachee"] == "Sem Brouwer" and row["days_left"] == 30
    assert row["restores_to"] == str(paths.real(folder) / SEM) and Path(row["file"]).is_file()
    assert {"topic", "started_at", "deleted_at", "expires_at"} <= row.keys()


def test_restore_from_the_command_line(run, folder):
    run("delete", "--yes", SEM_ID)
    code, _, err = run("restore", "nope")
    assert code == 2 and "nothing in the trash has the id 'nope'" in err
    (folder / SEM).write_text("in the way")
    code, _, err = run("restore", SEM_ID[:4])
    assert code == 2 and "a file is there already" in err and "Nothing was restored" in err
    (folder / SEM).unlink()
    code, _, err = run("restore", SEM_ID[:4])
    assert code == 0 and "Restored" in err and (folder / SEM).is_file()
    assert SEM_ID in run("list").out and run("trash", "--json").out.strip() == "[]"


def test_restore_of_an_entry_of_another_sessions_folder_says_where_it_is(run, folder, tmp_path):
    run("delete", "--yes", SEM_ID)
    other = tmp_path / "other"
    other.mkdir()
    code, _, err = run("--sessions-dir", str(other), "restore", SEM_ID)
    assert code == 2 and "another sessions folder" in err


def test_the_commands_have_help(run):
    for command in ("delete", "trash", "restore", "forget"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "Usage" in out


def test_a_new_session_is_never_created_in_the_trash(folder):
    """The trash is outside the sessions folder: a session in it is never listed as one."""
    delete_session(Store(folder), folder / SEM)
    assert SEM_ID not in [s.session.id for s in Store(folder).scan().sessions]
    assert not paths.trash_dir().is_relative_to(folder)
    Store(folder).create(Session(coachee="Nieuw"))
