"""Encryption at rest: sealed files, tampering, no plain text on disk, round trips, stopped runs.

The promises of ``growtui encrypt`` / ``growtui decrypt`` (see growtui.crypto.vault
and growtui.crypto.convert), each checked on copies of the example sessions in
``sessions/``:

* a sealed file opens to exactly what was sealed, with a fresh key salt and
  nonce for every write, a readable TOML header, and nothing of the
  passphrase in what a vault prints;
* a changed byte, a truncated file or a file from a newer growtui is reported
  by name, never shown, never changed, and the other sessions stay usable;
* once a folder is encrypted, no note, name or topic lies anywhere on disk in
  the clear: sessions folder, index, recovery files, migration copies;
* every command answers the same before and after, and decrypt gives back the
  original files byte for byte;
* a wrong or missing passphrase stops before anything is read or written;
* a run stopped anywhere (KeyboardInterrupt at every step, SIGKILL of a real
  process) leaves every session readable, and running again finishes.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import os
import pickle
import random
import re
import stat
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from factories import grow_examples
from growtui import crypto as vaults, paths
from growtui.conversation import start as starting
from growtui.crypto import Vault, WrongPassphrase, convert as encryption
from growtui.errors import Problem, SessionFileError
from growtui.index import Index, default_location, fold, read_all, sealed_location
from growtui.model import Decision, Outcome, Phase, new_session_id
from growtui.storage import (
    SessionLock,
    Store,
    file_name,
    is_conflict_copy,
    recovery as recovery_files,
    sealed_file_name,
    session_files,
    to_toml,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"
ORIGINALS = {path.name: path.read_bytes() for path in grow_examples()}
IDS = {"h7t3pc3hxyga", "q2gt2e7fgypx", "f724bg39vjed", "77q0hhsqh4dm", "vecb4mj32gx1"}
SEM_1 = "2026-09-08_sem-brouwer_h7t3pc3hxyga.toml"
SEM_2 = "2026-10-06_sem-brouwer_f724bg39vjed.toml"
PRIYA = "2026-09-17_priya-raman_q2gt2e7fgypx.toml"
LUKAS = "2026-10-15_lukas-fischer_77q0hhsqh4dm.toml"
ZOE = "2026-11-03_zoe-van-dijk_vecb4mj32gx1.toml"
assert {SEM_1, SEM_2, PRIYA, LUKAS, ZOE} == set(ORIGINALS)
PASSPHRASE = "correct horse battery"
WRONG = "incorrect horse battery"

NAMES = ["Sem Brouwer", "Priya Raman", "Zoë van Dijk", "Lukas Fischer"]
SLUGS = ["sem-brouwer", "priya-raman", "zoe-van-dijk", "lukas-fischer"]
PHRASES = [  # from the notes, topics and answers of the example sessions
    "Film teruggedraaid met 2 tickets",
    "Tickets gesloten zonder sluitcheck",
    "Post-it op m'n scherm",
    "Came straight from an incident call",
    "Reviews every PR that touches a carrier adapter",
    "Cijfers september: 4 van 62 heropend",
    "get Femke to stop bouncing my tickets",
    "Friction with Femke over escalations",
    "Volgende stap: mensen of product?",
]
# What the index keeps besides the text itself: the folded (lower case, no accents) form.
SECRETS = sorted({*NAMES, *PHRASES, *(fold(s) for s in NAMES + PHRASES)})
SEALED_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}_[0-9a-z]{12}\.toml$")
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder (the last place for recovery files) in tmp_path: walked, and shared with no other test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture
def with_passphrase(monkeypatch):
    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)


def copy_examples(root: Path) -> Path:
    root.mkdir(parents=True)
    for name, raw in ORIGINALS.items():
        (root / name).write_bytes(raw)
    return root


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    """A plain sessions folder holding the five example sessions."""
    return copy_examples(tmp_path / "sessions")


@pytest.fixture
def encrypted(plain: Path) -> Path:
    """The example folder, encrypted under PASSPHRASE (in this process, so with the cheap scrypt)."""
    report = encryption.encrypt_folder(plain, Vault.create(PASSPHRASE))
    assert report.complete and report.converted == 5, report
    return plain


def unlock(root: Path, passphrase: str = PASSPHRASE) -> Vault:
    marker = vaults.read_marker(root)
    assert marker is not None, f"{root} has no marker"
    return Vault.unlock(passphrase, marker)


def sealed_path(root: Path, plain_name: str) -> Path:
    day, _, rest = plain_name.partition("_")
    return root / f"{day}_{rest.rsplit('_', 1)[1]}"


@functools.cache
def fast_vault() -> Vault:
    """A vault with fixed cheap parameters, for the unit tests (made once, whatever KDF_LOG_N is)."""
    return Vault(PASSPHRASE, vaults.KdfParams(10, 8, 1, b"0123456789abcdef"), verified=True)


def header(sealed: bytes) -> dict:
    return tomllib.loads(sealed.decode("ascii"))


def snapshot(*roots: Path) -> dict[str, tuple]:
    """Every file and folder below the roots: bytes and mtime of files, mtime of folders."""
    seen: dict[str, tuple] = {}
    for root in roots:
        for here, dirs, files in os.walk(root):
            for name in dirs + files:
                path = Path(here) / name
                st_ = path.lstat()
                if stat.S_ISREG(st_.st_mode):
                    seen[str(path)] = ("file", path.read_bytes(), st_.st_mtime_ns)
                else:
                    seen[str(path)] = ("other", stat.S_IFMT(st_.st_mode), st_.st_mtime_ns)
    return seen


def plain_text_found(*roots: Path) -> list[tuple[str, str]]:
    """(file, secret) for every secret whose UTF-8 bytes lie in a file below the roots."""
    needles = [(s, s.encode("utf-8")) for s in SECRETS]
    found = []
    for root in roots:
        if not root.exists():
            continue
        for path in [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()):
            raw = path.read_bytes()
            found += [(str(path), s) for s, needle in needles if needle in raw]
    return found


def tampered(raw: bytes, how: str) -> bytes:
    text = raw.decode("ascii")

    def other(char: str) -> str:
        return "A" if char != "A" else "B"

    if how in ("nonce", "key_salt"):
        match = re.search(rf'^{how} = "([^"]+)"$', text, re.MULTILINE)
        assert match is not None, how
        i = match.start(1)  # the first character: all its bits count
        return (text[:i] + other(text[i]) + text[i + 1 :]).encode("ascii")
    if how == "data":
        i = text.index("data = '''\n") + len("data = '''\n") + 40
        return (text[:i] + other(text[i]) + text[i + 1 :]).encode("ascii")
    if how == "kdf_r":
        assert "\nkdf_r = 8\n" in text
        return text.replace("\nkdf_r = 8\n", "\nkdf_r = 9\n").encode("ascii")
    if how == "version":
        assert "\nversion = 2\n" in text
        return text.replace("\nversion = 2\n", "\nversion = 99\n").encode("ascii")
    if how == "version 1 again":  # format 2 passed off as format 1, to drop the session binding
        return text.replace("\nversion = 2\n", "\nversion = 1\n").encode("ascii")
    if how == "session":  # the session named in the header changed, to hide a swap
        match = re.search(r'^session = "([^"]+)"$', text, re.MULTILINE)
        assert match is not None
        i = match.start(1)
        return (text[:i] + other(text[i]) + text[i + 1 :]).encode("ascii")
    if how == "cut before the data":
        return text[: text.index("data = ")].encode("ascii")
    if how == "cut in the data":
        return raw[: len(raw) // 2]
    raise AssertionError(how)


# --- 1. the vault ------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=3000))
def test_seal_and_open_give_back_any_bytes(plain_bytes):
    vault = fast_vault()
    sealed = vault.seal(plain_bytes)
    sealed.decode("ascii")  # a sealed file is plain ASCII TOML
    assert vault.open(Path("x.toml"), header(sealed)) == plain_bytes


def test_a_sealed_file_on_disk_opens_and_is_recognised(tmp_path):
    vault = fast_vault()
    path = tmp_path / "s.toml"
    path.write_bytes(vault.seal(ORIGINALS[SEM_1]))
    assert vaults.looks_sealed(path)
    assert encryption.plain_bytes(path, vault) == (ORIGINALS[SEM_1], True)
    (tmp_path / "p.toml").write_bytes(ORIGINALS[SEM_1])
    assert not vaults.looks_sealed(tmp_path / "p.toml")


def test_every_seal_draws_a_fresh_key_salt_and_nonce():
    vault = fast_vault()
    sealed = [vault.seal(ORIGINALS[ZOE]) for _ in range(20)]
    assert len(set(sealed)) == 20
    headers = [header(s) for s in sealed]
    assert len({h["key_salt"] for h in headers}) == 20
    assert len({h["nonce"] for h in headers}) == 20
    assert len({h["data"] for h in headers}) == 20
    assert {h["kdf_salt"] for h in headers} == {base64.b64encode(b"0123456789abcdef").decode()}  # the folder's
    assert all(vault.open(Path("x"), h) == ORIGINALS[ZOE] for h in headers)


def test_the_header_is_readable_toml():
    data = header(Vault.create(PASSPHRASE).seal(b"schema_version = 2\n"))
    assert set(data) == {
        "encrypted",
        "version",
        "cipher",
        "kdf",
        "kdf_log_n",
        "kdf_r",
        "kdf_p",
        "kdf_salt",
        "key_salt",
        "nonce",
        "data",
    }
    assert (data["encrypted"], data["version"], data["cipher"], data["kdf"]) == ("growtui", 1, "AES-256-GCM", "scrypt")
    assert (data["kdf_log_n"], data["kdf_r"], data["kdf_p"]) == (10, 8, 1)  # the tests' cheap scrypt (conftest)
    assert len(base64.b64decode(data["kdf_salt"])) == 16
    assert len(base64.b64decode(data["key_salt"])) == 16
    assert len(base64.b64decode(data["nonce"])) == 12
    assert len(base64.b64decode("".join(data["data"].split()))) == len(b"schema_version = 2\n") + 16  # the GCM tag


def test_a_wrong_passphrase_does_not_unlock(tmp_path):
    made = Vault.create(PASSPHRASE)
    (tmp_path / vaults.MARKER_NAME).write_text(made.marker_text(), encoding="ascii")
    marker = vaults.read_marker(tmp_path)
    assert marker is not None
    with pytest.raises(WrongPassphrase, match="does not open"):
        Vault.unlock(WRONG, marker)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(PASSPHRASE + " ", marker)
    sealed = made.seal(b"notes")
    assert Vault.unlock(PASSPHRASE, marker).open(Path("x"), header(sealed)) == b"notes"
    # The same letters typed another way (NFD, as macOS may give them) are the same passphrase.
    accented = Vault.create("Zoë's passphrase")
    (tmp_path / vaults.MARKER_NAME).write_text(accented.marker_text(), encoding="ascii")
    accented_marker = vaults.read_marker(tmp_path)
    assert accented_marker is not None
    Vault.unlock("Zoe\u0308's passphrase", accented_marker)


def test_a_vault_prints_no_passphrase_or_key():
    vault = Vault.create(PASSPHRASE)
    key = vault.key(vault.folder)
    shown = [
        repr(vault),
        str(vault),
        f"{vault}",
        f"{vault!r}",
        repr(vault.folder),
        repr(vaults.Marker(Path("m"), vault.folder, b"s" * 16, b"n" * 12, b"c" * 32)),
    ]
    for text in shown:
        assert "correct" not in text and "horse" not in text
        assert key.hex() not in text and base64.b64encode(key).decode() not in text
        assert base64.b64encode(vault.folder.salt).decode() not in text


def test_a_vault_survives_pickling(encrypted):
    vault = unlock(encrypted)
    copy = pickle.loads(pickle.dumps(vault))
    assert repr(copy) == repr(vault)
    sealed_by_copy = copy.seal(b"from the copy")
    assert vault.open(Path("x"), header(sealed_by_copy)) == b"from the copy"
    path = sealed_path(encrypted, ZOE)
    assert Store(encrypted, copy).read(path).session.coachee == "Zoë van Dijk"
    assert copy.open_blob(vault.seal_blob(b"index")) == b"index"


def test_the_index_workers_get_the_vault_through_their_pipe(encrypted):
    """From PARALLEL_FROM files on, the index reads in spawned processes: the vault goes with the work."""
    vault = unlock(encrypted)
    work = [(path.name, path, (0, 0)) for path in session_files(encrypted)]
    rows = [row for batch in read_all(encrypted, work, batch=2, parallel_from=1, vault=vault) for row in batch]
    assert len(rows) == 5
    sessions = [found for _, _, _, found in rows if not isinstance(found, Problem)]  # session rows, not problems
    assert sorted(found[0][1] for found in sessions) == sorted(IDS), rows


# --- 2. tampering ------------------------------------------------------------------------

TAMPERING = {
    "data": "was changed after growtui encrypted it",
    "nonce": "was changed after growtui encrypted it",
    "key_salt": "was changed after growtui encrypted it",
    "kdf_r": "or changed since",
    "version": "encrypted by a newer growtui",
    "version 1 again": "was changed after growtui encrypted it",
    "session": "was changed after growtui encrypted it",
    "cut before the data": "a damaged encrypted session",
    "cut in the data": "damaged",
}


@pytest.mark.parametrize(
    "how",
    [
        *TAMPERING,
    ],
)
def test_a_changed_sealed_session_is_reported_never_shown_never_changed(encrypted, run, with_passphrase, how):
    target = sealed_path(encrypted, ZOE)
    target.write_bytes(tampered(target.read_bytes(), how))
    before = target.read_bytes(), target.stat().st_mtime_ns
    store = Store(encrypted, unlock(encrypted))

    with pytest.raises(SessionFileError) as info:
        store.read(target)
    message = str(info.value)
    assert message.startswith(f"{target}"), message
    assert TAMPERING[how] in message, message
    assert "Zoë" not in message and "Volgende stap" not in message

    scan = store.scan()
    assert sorted(s.session.id for s in scan.sessions) == sorted(IDS - {"vecb4mj32gx1"})
    assert [p.path for p in scan.problems] == [target]

    code, out, err = run("--sessions-dir", str(encrypted), "list")
    assert code == 0, err
    assert all(sid in out for sid in IDS - {"vecb4mj32gx1"}) and "vecb4mj32gx1" not in out
    assert any(line.startswith(f"{target}") and TAMPERING[how] in line for line in err.splitlines()), err
    code, out, err = run("--sessions-dir", str(encrypted), "show", str(target))
    assert code == 2 and TAMPERING[how] in err and out == ""

    assert (target.read_bytes(), target.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    "marker_text, says",
    [
        ("encrypted = ", "encryption settings are damaged"),
        ("\x00\x01garbage", "encryption settings are damaged"),
        ('encrypted = "growtui"\nversion = 1\n', "encryption settings are damaged"),  # no kdf, no check
        ('encrypted = "growtui"\nversion = 99\n', "newer growtui"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["encrypt"], ["decrypt"], ["show", "h7t3pc3hxyga"]])
def test_a_damaged_marker_stops_with_a_clear_message(encrypted, run, with_passphrase, marker_text, says, command):
    vaults.marker_path(encrypted).write_text(marker_text, encoding="utf-8")
    before = snapshot(encrypted)
    code, out, err = run("--sessions-dir", str(encrypted), *command)
    assert code == 2, err
    assert says in err and vaults.MARKER_NAME in err, err
    assert out == ""
    assert snapshot(encrypted) == before


# --- 3. no plain text on disk ------------------------------------------------------------


def test_no_note_name_or_topic_is_left_in_the_clear(plain, tmp_path, run, monkeypatch):
    home_dirs = [
        paths.data_dir(),
        paths.cache_dir(),
        paths.config_dir(),
        paths.log_dir(),
        Path(os.environ["XDG_STATE_HOME"]),
        *recovery_files.recovery_dirs(),
    ]
    assert all(d.is_relative_to(tmp_path) for d in home_dirs), home_dirs  # all of them are walked below

    code, out, _ = run("--sessions-dir", str(plain), "list")
    assert code == 0 and "Sem Brouwer" in out
    plain_index = default_location(plain)
    assert plain_index.is_file()
    # The detector works: before encrypting, the names and notes are there in the clear.
    found = {s for _, s in plain_text_found(plain_index)}
    assert {"Sem Brouwer", "sem brouwer", "Came straight from an incident call"} <= found
    assert {*NAMES, *PHRASES} <= {s for _, s in plain_text_found(plain)}

    monkeypatch.setenv("GROWTUI_PASSPHRASE", PASSPHRASE)
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0, err
    assert not plain_index.exists()
    assert not [p for p in plain_index.parent.iterdir() if p.name.startswith(plain_index.name)]
    names = sorted(os.listdir(plain))
    assert names == sorted([vaults.MARKER_NAME, *(sealed_path(plain, n).name for n in ORIGINALS)])
    assert not [n for n in names for slug in SLUGS if slug in n]

    for argv in (
        ["list"],
        ["list", "--json"],
        ["search", "sluitcheck"],
        ["search", "Femke"],
        ["show", "q2gt2e7fgypx"],
        ["show", str(sealed_path(plain, LUKAS))],
        ["export", "--coachee", "Sem Brouwer", "--format", "markdown"],
        ["export", "vecb4mj32gx1", "--format", "summary"],
    ):
        code, out, err = run("--sessions-dir", str(plain), *argv)
        assert code == 0 and out.strip(), (argv, err)
    vault = unlock(plain)
    store = Store(plain, vault)
    resumed = starting.resume(store, sealed_path(plain, ZOE))
    assert resumed.stored.session.coachee == "Zoë van Dijk" and resumed.recovered_from is None
    assert recovery_files.write_recovery(resumed.stored.session, vault) is not None  # a failed save in this folder
    assert sealed_location(plain).is_file()

    leaks = plain_text_found(tmp_path, *recovery_files.recovery_dirs(), paths.migration_backup_dir())
    assert leaks == [], leaks
    for path in plain.iterdir():
        if path.name != vaults.MARKER_NAME:
            assert vaults.looks_sealed(path), path


# --- 4. recovery files and migration copies ------------------------------------------------


def test_recovery_files_and_migration_copies_are_sealed_and_opened_with_the_folder(plain, run, with_passphrase):
    session = Store(plain).read(plain / ZOE).session
    base = session.model_copy(deep=True)
    session.reality.notes = "Hersteld uit een herstelbestand na een mislukte opslag."
    recovery = recovery_files.write_recovery(session, base=base)
    assert recovery is not None and recovery.parent == recovery_files.recovery_dirs()[0]
    migrated = paths.ensure_private_dir(paths.migration_backup_dir()) / f"{SEM_1}.v1"
    migrated.write_bytes(ORIGINALS[SEM_1].replace(b"schema_version = 2", b"schema_version = 1"))
    elsewhere = migrated.parent / "2026-01-01_someone-else_zzzzzzzzzzzz.toml.v1"  # no session of this folder
    elsewhere.write_bytes(ORIGINALS[PRIYA])
    before = {recovery: recovery.read_bytes(), migrated: migrated.read_bytes(), elsewhere: elsewhere.read_bytes()}

    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0, err
    assert "3 recovery or migration copies" in err, err
    base_file = recovery_files.base_path_for(recovery)
    assert vaults.looks_sealed(recovery) and vaults.looks_sealed(migrated) and vaults.looks_sealed(base_file)
    assert elsewhere.read_bytes() == before[elsewhere]  # not this folder's: left alone
    assert plain_text_found(recovery, migrated, base_file) == []
    assert b"Hersteld uit een herstelbestand" not in recovery.read_bytes()

    code, _, err = run("--sessions-dir", str(plain), "decrypt")
    assert code == 0, err
    for path, raw in before.items():
        assert path.read_bytes() == raw, path
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0, err

    store = Store(plain, unlock(plain))
    target = sealed_path(plain, ZOE)
    resumed = starting.resume(store, target)
    assert resumed.recovered_from == recovery and resumed.outcome == "recovered" and resumed.saved
    assert resumed.stored.session.reality.notes == session.reality.notes
    assert resumed.stored.path == target and vaults.looks_sealed(target)
    assert not recovery.exists() and not base_file.exists(), "removed once the text is in the session file"
    assert store.read(target).session.reality.notes == session.reality.notes


def test_a_recovery_file_without_a_base_is_kept_as_a_sealed_conflict_copy(plain, run, with_passphrase):
    """Left by an older growtui, without the base to compare with: it never replaces the file, nor is it lost."""
    session = Store(plain).read(plain / ZOE).session
    session.reality.notes = "Oude tekst uit een herstelbestand van een oudere growtui."
    recovery = recovery_files.write_recovery(session)
    assert recovery is not None

    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0, err
    store = Store(plain, unlock(plain))
    resumed = starting.resume(store, sealed_path(plain, ZOE))
    assert resumed.outcome == "conflict" and resumed.stored.session.reality.notes != session.reality.notes
    copy = resumed.conflict_copy
    assert copy is not None and copy.parent == plain and vaults.looks_sealed(copy)
    assert is_conflict_copy(copy) and "zoe" not in copy.name, "named as a conflict, without the coachee"
    assert store.read(copy).session.reality.notes == session.reality.notes
    assert not recovery.exists()


# --- 5. every command the same, and back ---------------------------------------------------

COMMANDS = [
    ["list"],
    ["list", "--coachee", "sem brouwer"],
    ["show", "h7t3pc3hxyga"],
    ["show", "77q0"],
    ["search", "sluitcheck"],
    ["search", "incident call"],
    ["search", "zoe", "--json"],
    ["export", "q2gt2e7fgypx", "--format", "markdown"],
    ["export", "--coachee", "Sem Brouwer", "--format", "markdown"],
]


def outputs(run, root: Path, summary: Path) -> dict[str, object]:
    answers: dict[str, object] = {}
    for argv in COMMANDS:
        code, out, err = run("--sessions-dir", str(root), *argv)
        assert code == 0 and out, (argv, err)
        answers[" ".join(argv)] = (
            out if "--json" not in argv else [{k: v for k, v in row.items() if k != "path"} for row in json.loads(out)]
        )
    code, out, err = run("--sessions-dir", str(root), "list", "--json")
    assert code == 0, err
    rows = json.loads(out)
    answers["list --json"] = [{k: v for k, v in row.items() if k != "path"} for row in rows]
    answers["paths"] = sorted(Path(row["path"]).name for row in rows)
    for row in rows:
        code, out, err = run("--sessions-dir", str(root), "show", row["path"])
        assert code == 0, err
        answers[f"show {row['id']} by path"] = out
    code, _, err = run(
        "--sessions-dir", str(root), "export", "--coachee", "Sem Brouwer", "--format", "summary", "-o", str(summary)
    )
    assert code == 0, err
    answers["summary"] = summary.read_text(encoding="utf-8")
    return answers


def test_every_command_answers_the_same_encrypted_and_decrypt_gives_back_every_byte(
    plain, tmp_path, run, with_passphrase
):
    out_dir = tmp_path / "exports"
    before = outputs(run, plain, out_dir / "before.txt")
    assert before["paths"] == sorted(ORIGINALS)

    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0, err
    after = outputs(run, plain, out_dir / "encrypted.txt")
    assert after.pop("paths") == sorted(sealed_path(plain, n).name for n in ORIGINALS)
    before.pop("paths")
    assert after == before
    assert sealed_location(plain).is_file()

    code, _, err = run("--sessions-dir", str(plain), "encrypt")  # again: nothing to do, nothing changed
    assert code == 0 and "5 already were" in err, err

    code, _, err = run("--sessions-dir", str(plain), "decrypt")
    assert code == 0, err
    assert {p.name: p.read_bytes() for p in plain.iterdir()} == ORIGINALS
    assert not vaults.marker_path(plain).exists()
    assert not sealed_location(plain).exists()
    again = outputs(run, plain, out_dir / "decrypted.txt")
    again.pop("paths")
    assert again == before


def test_a_new_session_in_an_encrypted_folder_is_sealed_and_follows_up(encrypted):
    vault = unlock(encrypted)
    store = Store(encrypted, vault)
    with Index.of(store) as index:
        index.sync()
        items = starting.follow_up_items(index, "sem brouwer")
    assert [(i.session_id, i.action_id) for i in items] == [("f724bg39vjed", "a1"), ("f724bg39vjed", "a2")]

    stored = store.save(
        starting.new_session(store, coachee="Sem Brouwer", topic="Derde gesprek: de acties van oktober")
    )
    assert stored.path.name == sealed_file_name(stored.session) and SEALED_NAME.match(stored.path.name)
    assert "sem-brouwer" not in stored.path.name
    assert vaults.looks_sealed(stored.path) and b"Derde gesprek" not in stored.path.read_bytes()
    session = stored.session
    assert session.current_phase == Phase.opening and session.previous_session == "f724bg39vjed"
    assert [(i.session_id, i.action_id) for i in session.follow_up.items] == [
        ("f724bg39vjed", "a1"),
        ("f724bg39vjed", "a2"),
    ]

    session.follow_up.items[0].outcome = Outcome.done
    session.follow_up.items[1].outcome = Outcome.not_done
    session.follow_up.items[1].decision = Decision.drop
    session.reality.notes = "Maandagen gaan nu goed, zegt hij zelf."
    store.save(stored)
    assert vaults.looks_sealed(stored.path) and b"Maandagen gaan nu goed" not in stored.path.read_bytes()
    assert store.read(stored.path).session.reality.notes == session.reality.notes

    assert starting.record_reviews(store, session) == []
    earlier = sealed_path(encrypted, SEM_2)
    assert vaults.looks_sealed(earlier)
    actions = {a.id: a for a in store.read(earlier).session.will.actions}
    assert (actions["a1"].status, actions["a1"].reviewed_in) == ("done", session.id)
    assert (actions["a2"].status, actions["a2"].reviewed_in) == ("dropped", session.id)
    with Index.of(store) as index:
        index.sync()
        assert index.open_actions("Sem Brouwer") == []
    assert all(SEALED_NAME.match(p.name) for p in session_files(encrypted))
    assert plain_text_found(encrypted) == []


# --- 6. wrong or missing passphrase --------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["show", "h7t3pc3hxyga"],
        ["show", "PATH"],
        ["search", "sluitcheck"],
        ["export", "q2gt2e7fgypx", "--format", "markdown"],
        ["export", "--coachee", "Sem Brouwer", "--format", "summary"],
        ["decrypt"],
        ["encrypt"],
    ],
)
def test_a_wrong_passphrase_stops_every_command_before_anything_changes(encrypted, tmp_path, run, monkeypatch, argv):
    with Index.of(Store(encrypted, unlock(encrypted))) as index:
        index.sync()  # a sealed index exists: it must not be touched either
    argv = [str(sealed_path(encrypted, PRIYA)) if a == "PATH" else a for a in argv]
    monkeypatch.setenv("GROWTUI_PASSPHRASE", WRONG)
    before = snapshot(tmp_path)
    code, out, err = run("--sessions-dir", str(encrypted), *argv)
    assert code == 2, err
    assert "does not open" in err and out == ""
    assert WRONG not in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "argv", [["list"], ["search", "sluitcheck"], ["show", "h7t3pc3hxyga"], ["decrypt"], ["encrypt"]]
)
def test_no_passphrase_and_no_terminal_is_a_clear_stop(encrypted, tmp_path, run, monkeypatch, argv):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    before = snapshot(tmp_path)
    code, out, err = run("--sessions-dir", str(encrypted), *argv)
    assert code == 2, err
    assert "GROWTUI_PASSPHRASE" in err and out == ""
    assert snapshot(tmp_path) == before


def test_encrypting_without_a_passphrase_and_terminal_changes_nothing(plain, tmp_path, run, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    before = snapshot(tmp_path)
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 2 and "GROWTUI_PASSPHRASE" in err, err
    assert snapshot(tmp_path) == before


def test_encrypting_a_plain_folder_without_a_passphrase_does_not_say_it_is_encrypted(plain, run, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 2
    assert "is encrypted" not in err, err


@pytest.mark.parametrize("passphrase", ["short", "1234567", "zoë-pas"])
def test_a_new_passphrase_needs_eight_characters(plain, tmp_path, run, monkeypatch, passphrase):
    monkeypatch.setenv("GROWTUI_PASSPHRASE", passphrase)
    before = snapshot(tmp_path)
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 2 and "at least 8 characters" in err, err
    assert not vaults.marker_path(plain).exists()
    assert snapshot(tmp_path) == before


# --- 7. stopped runs -------------------------------------------------------------------------


class Interrupt:
    """Make the k-th call of a function raise KeyboardInterrupt (a Ctrl-C at exactly that step)."""

    def __init__(self, owner, name: str, k: int | None):
        self.owner, self.name, self.k, self.calls = owner, name, k, 0
        self.real = getattr(owner, name)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.k:
            raise KeyboardInterrupt
        return self.real(*args, **kwargs)


def interrupted(monkeypatch, owner, name: str, k: int | None, job) -> tuple[bool, int]:
    """Run ``job`` with the k-th call of owner.name interrupted: (was it interrupted, calls made)."""
    spy = Interrupt(owner, name, k)
    with monkeypatch.context() as m:
        m.setattr(owner, name, spy)
        try:
            job()
        except KeyboardInterrupt:
            return True, spy.calls
    return False, spy.calls


def assert_every_session_readable(root: Path) -> Store:
    marker = vaults.read_marker(root)
    files = list(session_files(root))
    if marker is None:
        assert not any(vaults.looks_sealed(f) for f in files), "sealed files in a folder without a marker"
    store = Store(root, None if marker is None else Vault.unlock(PASSPHRASE, marker))
    scan = store.scan()
    assert scan.problems == [] and scan.conflicts == [], [str(p) for p in scan.problems]
    assert {s.session.id for s in scan.sessions} == IDS
    return store


STEPS = [(os, "unlink"), (encryption, "write_atomic")]


@pytest.mark.parametrize("owner, name", STEPS, ids=["os.unlink", "write_atomic"])
def test_an_encrypt_stopped_at_any_step_loses_nothing_and_finishes_when_run_again(tmp_path, monkeypatch, owner, name):
    make = Vault.create(PASSPHRASE)
    _, total = interrupted(
        monkeypatch, owner, name, None, lambda: encryption.encrypt_folder(copy_examples(tmp_path / "count"), make)
    )
    assert total >= 6
    stops = 0
    for k in range(1, total + 1):
        root = copy_examples(tmp_path / f"at-{k}")
        Index(root).sync()  # a plain index, for remove_plain_index to remove
        stopped, _ = interrupted(monkeypatch, owner, name, k, functools.partial(encryption.encrypt_folder, root, make))
        assert stopped, k
        stops += 1
        assert_every_session_readable(root)

        vault = Vault.create(PASSPHRASE) if vaults.read_marker(root) is None else unlock(root)
        report = encryption.encrypt_folder(root, vault)
        assert report.complete, (k, report.problems)
        files = list(session_files(root))
        assert sorted(f.name for f in files) == sorted(sealed_path(root, n).name for n in ORIGINALS), k
        assert all(vaults.looks_sealed(f) for f in files), k
        store = assert_every_session_readable(root)
        assert store.vault is not None, k
        assert sorted(encryption.plain_bytes(f, store.vault)[0] for f in files) == sorted(ORIGINALS.values())
        assert plain_text_found(root) == [], k  # no plain leftovers, hidden ones included
        assert not default_location(root).exists()
    assert stops == total


@pytest.mark.parametrize("owner, name", STEPS, ids=["os.unlink", "write_atomic"])
def test_a_decrypt_stopped_at_any_step_loses_nothing_and_finishes_when_run_again(tmp_path, monkeypatch, owner, name):
    def encrypted_copy(where: Path) -> tuple[Path, Vault]:
        root = copy_examples(where)
        vault = Vault.create(PASSPHRASE)
        assert encryption.encrypt_folder(root, vault).complete
        Index(root, vault=vault).sync()  # a sealed index, for decrypt to remove
        return root, vault

    counted, vault = encrypted_copy(tmp_path / "count")
    _, total = interrupted(monkeypatch, owner, name, None, lambda: encryption.decrypt_folder(counted, vault))
    assert total >= 5
    for k in range(1, total + 1):
        root, vault = encrypted_copy(tmp_path / f"at-{k}")
        stopped, _ = interrupted(monkeypatch, owner, name, k, functools.partial(encryption.decrypt_folder, root, vault))
        assert stopped, k
        assert vaults.marker_path(root).exists(), k  # the marker goes last
        assert_every_session_readable(root)

        report = encryption.decrypt_folder(root, unlock(root))
        assert report.complete, (k, report.problems)
        assert {p.name: p.read_bytes() for p in root.iterdir()} == ORIGINALS, k
        assert not sealed_location(root).exists()


LAUNCHER = [
    sys.executable,
    "-c",
    (
        "import growtui.crypto.header as v\nv.KDF_LOG_N = 10  # the tests' cheap scrypt, as in conftest\n"
        "from growtui.cli import main\nmain()"
    ),
]


def test_kill_9_during_a_real_encrypt_of_300_sessions(tmp_path, env_for_subprocess, private_tmp, figures):
    seed = int(os.environ.get("GROWTUI_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    examples = [s.session for s in Store(copy_examples(tmp_path / "examples")).scan().sessions]
    assert len(examples) == 5
    root = tmp_path / "many"
    root.mkdir()
    ids = set()
    for n in range(300):
        session = examples[n % 5].model_copy(update={"id": new_session_id()}, deep=True)
        ids.add(session.id)
        (root / file_name(session)).write_bytes(to_toml(session).encode("utf-8"))
    env = {**env_for_subprocess, "GROWTUI_PASSPHRASE": PASSPHRASE, "TMPDIR": str(private_tmp)}
    argv = [*LAUNCHER, "--sessions-dir", str(root), "encrypt"]

    def check(after: str) -> None:
        marker = vaults.read_marker(root)
        files = list(session_files(root))
        if marker is None:
            assert not any(vaults.looks_sealed(f) for f in files), after
        store = Store(root, None if marker is None else Vault.unlock(PASSPHRASE, marker))
        scan = store.scan()
        assert scan.problems == [], (after, [str(p) for p in scan.problems[:3]])
        assert {s.session.id for s in scan.sessions} == ids, after
        for leftover in root.iterdir():
            if leftover.name.startswith("."):  # half-written files of the killed run: sealed, or the marker
                assert plain_text_found(leftover) == [], (after, leftover)

    kills = 0
    for round_ in range(4):
        delay = rng.uniform(0.05, 0.6) if round_ == 0 else rng.uniform(0.3, 1.5)
        process = subprocess.Popen(
            argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            time.sleep(delay)
            if process.poll() is None:
                process.kill()
                kills += 1
        finally:
            process.wait(timeout=60)
        check(f"after a kill at {delay:.2f} s in round {round_} (GROWTUI_SEED={seed})")

    done = subprocess.run(
        argv, check=False, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    files = list(session_files(root))
    assert len(files) == 300 and all(vaults.looks_sealed(f) for f in files)
    assert all(SEALED_NAME.match(f.name) for f in files)
    check(f"after the final run (GROWTUI_SEED={seed})")
    assert plain_text_found(root) == []
    figures("kills during growtui encrypt", kills)


# --- 8. an open session -----------------------------------------------------------------------


def test_a_session_open_in_growtui_is_left_alone(plain, run, with_passphrase):
    held = plain / PRIYA
    lock = SessionLock(held).acquire()
    try:
        before = held.read_bytes(), held.stat().st_mtime_ns
        code, _, err = run("--sessions-dir", str(plain), "encrypt")
        assert code == 1, err
        assert any(line.startswith(str(held)) and "open in growtui" in line for line in err.splitlines()), err
        assert (held.read_bytes(), held.stat().st_mtime_ns) == before
        others = [p for p in session_files(plain) if p != held]
        assert len(others) == 4 and all(vaults.looks_sealed(p) for p in others)
        assert_every_session_readable(plain)
    finally:
        lock.release()
    code, _, err = run("--sessions-dir", str(plain), "encrypt")
    assert code == 0 and "Encrypted 1 session" in err, err
    assert not held.exists() and vaults.looks_sealed(sealed_path(plain, PRIYA))


# --- bugs: a sealed file whose line endings were changed (git autocrlf, an editor, a sync tool) --------


def crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def test_encrypt_does_not_seal_a_sealed_file_twice(encrypted):
    target = sealed_path(encrypted, ZOE)
    crlf(target)
    assert Store(encrypted, unlock(encrypted)).read(target).session.coachee == "Zoë van Dijk"
    encryption.encrypt_folder(encrypted, unlock(encrypted))
    assert Store(encrypted, unlock(encrypted)).read(target).session.coachee == "Zoë van Dijk"


def test_decrypt_opens_a_sealed_file_with_other_line_endings(encrypted):
    crlf(sealed_path(encrypted, ZOE))
    report = encryption.decrypt_folder(encrypted, unlock(encrypted))
    if report.complete:
        assert (encrypted / ZOE).read_bytes() == ORIGINALS[ZOE]
    else:  # or at least: reported, and the folder still encrypted
        assert vaults.marker_path(encrypted).exists()


def test_plain_leftovers_of_a_killed_decrypt_are_removed_by_the_next_run(encrypted):
    """A decrypt killed while writing leaves a hidden half-written plain file next to the plain name."""
    leftover = encrypted / f".{ZOE}.k1ll3d.tmp"
    leftover.write_bytes(ORIGINALS[ZOE][:200])
    report = encryption.encrypt_folder(encrypted, unlock(encrypted))
    assert report.complete and not leftover.exists()
    leftover.write_bytes(ORIGINALS[ZOE][:200])
    assert encryption.decrypt_folder(encrypted, unlock(encrypted)).complete
    assert not leftover.exists() and (encrypted / ZOE).read_bytes() == ORIGINALS[ZOE]


def test_converted_files_keep_their_time(plain):
    """Which of a session and its recovery file is newer decides what resume opens; converting keeps that."""
    times = {name: (plain / name).stat().st_mtime_ns - 3_600_000_000_000 for name in ORIGINALS}
    for name, ns in times.items():
        os.utime(plain / name, ns=(ns, ns))
    encryption.encrypt_folder(plain, Vault.create(PASSPHRASE))
    assert {name: sealed_path(plain, name).stat().st_mtime_ns for name in ORIGINALS} == times
    encryption.decrypt_folder(plain, unlock(plain))
    assert {name: (plain / name).stat().st_mtime_ns for name in ORIGINALS} == times


def test_a_sealed_file_opens_whatever_toml_string_holds_its_data(tmp_path):
    """growtui writes the data as a literal string (fast to parse); a TOML tool may rewrite it as a basic one."""
    vault = fast_vault()
    sealed = vault.seal(ORIGINALS[ZOE]).decode("ascii")
    basic = sealed.replace("data = '''", 'data = """').replace("\n'''\n", '\n"""\n')
    assert basic != sealed
    for text in (sealed, basic):
        path = tmp_path / "2026-11-03_vecb4mj32gx1.toml"
        path.write_text(text, encoding="ascii")
        assert encryption.plain_bytes(path, vault) == (ORIGINALS[ZOE], True)
