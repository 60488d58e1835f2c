"""growtui never changes the mode of a folder it did not create (issue 15, item 3).

``export -o`` into the home folder, a shared folder with its sticky bit, or
any folder of the user's: the folder keeps its mode; only folders growtui
has to create are made 0700, and the exported file is 0600.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from growtui import paths
from growtui.model import Session
from growtui.storage import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def session_id(sessions_dir: Path) -> str:
    return Store(sessions_dir).create(Session(coachee="Zoë")).session.id


@pytest.mark.parametrize("folder_mode", [0o755, 0o1777, 0o750, 0o711])
def test_export_into_an_existing_folder_leaves_its_mode(run, tmp_path, sessions_dir, session_id, folder_mode):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(folder_mode)
    out = folder / "report.md"
    code, _, err = run("--sessions-dir", str(sessions_dir), "export", session_id, "--format", "summary", "-o", str(out))
    assert code == 0, err
    assert mode(folder) == folder_mode, f"the folder became {oct(mode(folder))}"
    assert mode(out) == 0o600


def test_export_over_an_existing_readable_file_makes_it_private(run, tmp_path, sessions_dir, session_id):
    out = tmp_path / "report.md"
    out.write_text("old")
    out.chmod(0o644)
    code, _, _ = run("--sessions-dir", str(sessions_dir), "export", session_id, "--format", "summary", "-o", str(out))
    assert code == 0 and mode(out) == 0o600 and out.read_text() != "old"


def test_folders_growtui_creates_are_private_even_under_a_strict_umask(tmp_path):
    import os

    old = os.umask(0o277)  # a umask that would leave new folders unwritable
    try:
        made = paths.ensure_private_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", made):
        assert mode(folder) == 0o700


def test_an_existing_sessions_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    folder.chmod(0o750)
    store = Store(folder)
    stored = store.create(Session(coachee="Kim"))
    store.save(stored)
    assert mode(folder) == 0o750 and mode(stored.path) == 0o600


def test_the_home_folder_keeps_its_mode(run, isolated_home, sessions_dir, session_id):
    isolated_home.chmod(0o755)
    out = isolated_home / "report.md"
    code, _, _ = run("--sessions-dir", str(sessions_dir), "export", session_id, "--format", "markdown", "-o", str(out))
    assert code == 0 and mode(isolated_home) == 0o755 and mode(out) == 0o600
