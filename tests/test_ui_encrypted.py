"""The app in an encrypted folder: the passphrase screen first, then everything as usual, sealed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from factories import grow_examples
from growtui import crypto as vaults
from growtui.crypto import encrypt_folder
from growtui.index import typed_text
from growtui.screens.home import HomeScreen
from growtui.screens.passphrase import PassphraseScreen
from growtui.screens.session import SessionScreen
from growtui.storage import Store
from terminal import Terminal
from ui_helpers import make_app, wait_for_file, wait_until

PASSPHRASE = "correct horse battery"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The example sessions, encrypted."""
    root = tmp_path / "sessions"
    root.mkdir()
    for path in grow_examples():
        shutil.copy(path, root / path.name)
    assert encrypt_folder(root, vaults.Vault.create(PASSPHRASE)).complete
    return root


def marker(folder: Path) -> vaults.Marker:
    found = vaults.read_marker(folder)
    assert found is not None
    return found


def typed(folder: Path, vault, path: Path) -> str:
    return "\n".join(typed_text(Store(folder, vault).read(path).session))


async def answer(app, pilot, text: str) -> None:
    field = app.screen.query_one("#passphrase-input", Input)
    field.value = text
    await pilot.press("enter")
    await wait_until(
        pilot, lambda: app.return_code is not None or not isinstance(app.screen, PassphraseScreen) or not field.disabled
    )


async def test_the_passphrase_comes_first_and_nothing_is_read_before(folder):
    app = make_app(folder, locked=marker(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen)
        assert not app.query(HomeScreen) and app.store.vault is None
        assert app.screen.query_one("#passphrase-input", Input).password  # typed hidden
        await answer(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.has_class("-scanned"))
        assert app.store.vault is not None
        assert len(app.screen.recent) == 4 and len(app.screen.unfinished) == 1  # read through the sealed files


async def test_a_wrong_passphrase_says_so_and_may_be_tried_again(folder):
    app = make_app(folder, locked=marker(folder), lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await answer(app, pilot, "not the passphrase")
        status = app.screen.query_one("#passphrase-status", Static)
        assert status.has_class("-wrong")
        assert "opent de map niet" in str(status.render()) and "2" in str(status.render())
        field = app.screen.query_one("#passphrase-input", Input)
        assert field.value == "" and app.focused is field  # ready for the next try
        await answer(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_three_wrong_tries_end_the_run_with_exit_2_and_nothing_changed(folder):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    app = make_app(folder, locked=marker(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await answer(app, pilot, "wrong wrong wrong")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 2
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before


async def test_escape_leaves_without_opening_anything(folder):
    app = make_app(folder, locked=marker(folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 130 and app.store.vault is None


async def test_a_new_session_after_the_passphrase_is_saved_sealed(folder):
    app = make_app(folder, locked=marker(folder), coachee="Noor Jansen", minutes=30, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await answer(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.active is not None
        path = app.active.live.stored.path
        assert "noor" not in path.name  # the name does not say who is being coached
        await pilot.press(*"vergaderen kost te veel tijd")
        vault = app.store.vault
        await wait_for_file(
            path, lambda text: "vergaderen" in typed(folder, vault, path) if vaults.looks_sealed(path) else False
        )
        assert "vergaderen" not in path.read_text()
        await pilot.press("ctrl+q")
    assert "kost te veel tijd" in typed(folder, vault, path)


async def test_with_the_passphrase_given_the_app_asks_nothing(folder):
    opened = vaults.Vault.unlock(PASSPHRASE, marker(folder))
    app = make_app(folder, vault=opened, history=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HistoryScreen")
        assert not app.query(PassphraseScreen)


def test_snapshot_passphrase_after_a_wrong_try(snap_compare, folder):
    app = make_app(folder, locked=marker(folder))

    async def ready(pilot):
        await answer(app, pilot, "not it")
        app.screen.query_one("#passphrase-body", Static).update(
            "The sessions in /home/you/coaching are encrypted. Type your passphrase to open them."
        )

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_real_growtui_asks_saves_sealed_and_survives_kill_9(folder, tmp_path, env_for_subprocess):
    """The whole path in a real process: the prompt, autosave, a kill, and no plain text anywhere."""
    words = "afspraak-met-de-teamleider-7c1e"
    with Terminal(
        ["--sessions-dir", str(folder), "--lang", "en", "new", "--coachee", "Kim Kluis"], env_for_subprocess
    ) as term:
        term.wait_for("Passphrase, then Enter")  # the placeholder: the text above it wraps with the path
        term.send(PASSPHRASE + "\r")
        term.wait_for("Next question")
        term.send(words)
        term.wait_for(words)
        time.sleep(1.5)  # autosave promises a second
        term.kill()
    opened = vaults.Vault.unlock(PASSPHRASE, marker(folder))
    [new] = [s for s in Store(folder, opened).scan().sessions if s.session.coachee == "Kim Kluis"]
    assert words in new.session.opening.notes
    assert vaults.looks_sealed(new.path) and "kim" not in new.path.name
    for path in tmp_path.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            assert words.encode() not in raw and b"Kim Kluis" not in raw, path


def test_snapshot_session_in_an_encrypted_folder(snap_compare, folder):
    """The top bar says every save is encrypted, where the saving shows; 80x24."""
    from factories import FrozenClock

    opened = vaults.Vault.unlock(PASSPHRASE, marker(folder))
    app = make_app(
        folder,
        vault=opened,
        clock=FrozenClock(),
        coachee="Noor Jansen",
        topic="Minder vergaderen",
        minutes=30,
        language="nl",
        lang="nl",
    )

    async def ready(pilot):
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
