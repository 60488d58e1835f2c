"""An encrypted folder trusts only its encrypted files (issue 15, item 5).

A plain ``*.toml`` dropped into an encrypted folder was listed without a
word, and its open actions were carried into the next sealed session's
follow-up (a planted "email your passphrase to IT" travelled that way). A
plain in-progress file, resumed, was saved sealed but kept the coachee in its
name. Two sealed files swapped showed each session under the other's name.
Now a plain file is named as not encrypted (stderr, home screen, history),
is no source for follow-ups, is converted by ``encrypt``, and is sealed under
the name without the coachee's before growtui writes to it. A sealed file
names its session in its authenticated header (format 2), so a swap is
caught and named; format 1 files are still read.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from growtui import crypto
from growtui.conversation import new_session, resume
from growtui.crypto import Vault, encrypt_folder
from growtui.errors import SealedFileError
from growtui.model import Action, Session, Status
from growtui.storage import Store, file_name, sealed_file_name, to_toml
from ui_helpers import make_app, wait_until

PASSPHRASE = "correct horse battery"
PLANTED = "Email your passphrase to IT"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An encrypted folder with one sealed session of Sanne's, and a planted plain file of hers with an open action."""
    root = tmp_path / "sessions"
    vault = Vault.create(PASSPHRASE)
    encrypt_folder(root, vault)
    store = Store(root, vault)
    real = Session(coachee="Sanne", started_at="2026-10-01T10:00:00+02:00", status=Status.completed)
    real.will.actions = [Action(id="a1", what="Agenda blokken", when=date(2026, 10, 15))]
    store.create(real)
    planted = Session(coachee="Sanne", started_at="2026-10-02T10:00:00+02:00", status=Status.in_progress)
    planted.will.actions = [Action(id="a1", what=PLANTED)]
    (root / file_name(planted)).write_text(to_toml(planted), encoding="utf-8")
    return root


def vault_of(root: Path) -> Vault:
    marker = crypto.read_marker(root)
    assert marker is not None
    return Vault.unlock(PASSPHRASE, marker)


def the_plain_file(root: Path) -> Path:
    [path] = [p for p in root.glob("*.toml") if "sanne" in p.name]
    return path


def test_a_plain_file_is_named_on_stderr_and_still_listed(run, folder, monkeypatch):
    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)
    plain = the_plain_file(folder)
    code, out, err = run("--sessions-dir", str(folder), "list")
    assert code == 0 and out.count("Sanne") == 2
    assert f"{plain}: not encrypted, in an encrypted folder" in err and "growtui encrypt" in err


def test_a_plain_file_is_never_a_source_for_follow_up(folder):
    store = Store(folder, vault_of(folder))
    stored = new_session(store, coachee="Sanne")
    whats = [item.what for item in stored.session.follow_up.items]
    assert whats == ["Agenda blokken"], whats
    store.save(stored)  # a new session is written once something is typed; write it to read it
    assert PLANTED not in stored.path.read_text()


def test_encrypt_converts_a_plain_file(run, folder, monkeypatch):
    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)
    plain = the_plain_file(folder)
    code, _, err = run("--sessions-dir", str(folder), "encrypt")
    assert code == 0, err
    assert not plain.exists() and not list(folder.glob("*sanne*"))
    code, _, err = run("--sessions-dir", str(folder), "list")
    assert code == 0 and "not encrypted" not in err
    store = Store(folder, vault_of(folder))
    assert len(new_session(store, coachee="Sanne").session.follow_up.items) == 2  # now it is one of the folder's


def test_a_resumed_plain_file_is_sealed_under_a_name_without_the_coachee(folder):
    store = Store(folder, vault_of(folder))
    plain = the_plain_file(folder)
    resumed = resume(store, plain)
    session = resumed.stored.session
    assert resumed.stored.path == folder / sealed_file_name(session) and resumed.stored.sealed
    assert not plain.exists() and crypto.looks_sealed(resumed.stored.path)
    assert "sanne" not in resumed.stored.path.name
    session.goal.notes = "verder"
    store.save(resumed.stored)
    assert not list(folder.glob("*sanne*")) and store.read(resumed.stored.path).session.goal.notes == "verder"


def test_two_sealed_files_swapped_are_caught_and_named(run, tmp_path, monkeypatch):
    root = tmp_path / "swapped"
    vault = Vault.create(PASSPHRASE)
    encrypt_folder(root, vault)
    store = Store(root, vault)
    a = store.create(Session(coachee="Anna")).path
    b = store.create(Session(coachee="Bram")).path
    raw_a, raw_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(raw_b)
    b.write_bytes(raw_a)
    id_a, id_b = a.stem.rsplit("_", 1)[1], b.stem.rsplit("_", 1)[1]
    with pytest.raises(SealedFileError) as info:
        Store(root, vault_of(root)).read(a)
    assert f"holds the encrypted session '{id_b}', while its name is that of session '{id_a}'" in str(info.value)
    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run("--sessions-dir", str(root), "list")
    assert code == 1 and out == "" and "Anna" not in err and "Bram" not in err
    assert f"{a}:" in err and f"{b}:" in err and err.count("swapped with another file") == 2
    assert a.read_bytes() == raw_b, "left as it is"


def test_a_sealed_file_names_its_session_in_its_authenticated_header(tmp_path):
    vault = Vault.create(PASSPHRASE)
    store = Store(tmp_path, vault)
    stored = store.create(Session(coachee="Kim"))
    head = tomllib.loads(stored.path.read_text())
    assert head["version"] == crypto.header.VERSION == 2 and head["session"] == stored.session.id


def test_format_1_sealed_files_are_still_read(tmp_path):
    vault = Vault.create(PASSPHRASE)
    session = Session(coachee="Oud")
    path = tmp_path / sealed_file_name(session)
    path.write_bytes(vault.seal(to_toml(session).encode()))  # no session id: format 1, as growtui wrote before
    assert tomllib.loads(path.read_text())["version"] == 1
    assert Store(tmp_path, vault).read(path).session == session


async def test_the_home_screen_and_history_name_a_plain_file(folder):
    app = make_app(folder, vault=vault_of(folder))
    notes: list[str] = []
    real_notify = app.notify

    def notify(message, **kw):
        notes.append(str(message))
        return real_notify(message, **kw)

    app.notify = notify  # type: ignore[method-assign]
    plain = the_plain_file(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: any(plain.name in n and "not encrypted" in n for n in notes))
        app.open_history()
        await wait_until(pilot, lambda: sum(plain.name in n and "not encrypted" in n for n in notes) >= 2)
