"""Shared fixtures. Every test runs with its own home, config, data and cache folders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every location growtui knows at tmp_path: tests never touch the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    for var in (
        "GROWTUI_SESSIONS_DIR",
        "GROWTUI_CONFIG_DIR",
        "GROWTUI_PASSPHRASE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANGUAGE",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    # Folders encrypted in tests use a cheap scrypt (2^10, not 2^17): same code, a millisecond per key.
    # Files say their own parameters, so growtui run as a process reads them just as fast.
    import growtui.crypto.header

    monkeypatch.setattr(growtui.crypto.header, "KDF_LOG_N", 10)
    return home


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


class Result(NamedTuple):
    """What a run of growtui gave: ``code, out, err = run(...)`` or ``result.code``."""

    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys):
    """growtui in this process: (exit code, stdout, stderr), never a traceback."""

    from growtui.cli import main

    def run(*argv: str) -> Result:
        try:
            main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:  # pragma: no cover - main always exits
            code = -1
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Result(code, out, err)

    return run


@pytest.fixture
def library():
    """The shipped question library (loaded once per test process)."""
    from factories import shipped_library

    return shipped_library()


@pytest.fixture
def env_for_subprocess(isolated_home: Path) -> dict[str, str]:
    """The isolated environment, for growtui run as a real process."""
    return dict(os.environ)


# --- figures for docs/reliability.md --------------------------------------------------
# Fault-injection tests record what they did (kills survived, worst loss, bad
# inputs tried); the totals are printed at the end of the run. Workers of
# pytest-xdist write to a folder shared through the environment.

FIGURES_ENV = "GROWTUI_TEST_FIGURES"


def pytest_configure(config: pytest.Config) -> None:
    if FIGURES_ENV not in os.environ:
        import tempfile

        os.environ[FIGURES_ENV] = tempfile.mkdtemp(prefix="growtui-figures-")


@pytest.fixture
def figures():
    """``figures(name, number)`` adds to a total printed after the run."""
    import json

    folder = Path(os.environ[FIGURES_ENV])

    def record(name: str, value: float, how: str = "sum") -> None:
        with (folder / f"{os.getpid()}.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"name": name, "value": value, "how": how}) + "\n")

    return record


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    import json

    if hasattr(config, "workerinput"):
        return
    folder = Path(os.environ.get(FIGURES_ENV, ""))
    totals: dict[str, float] = {}
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            old = totals.get(row["name"])
            if row["how"] == "max":
                totals[row["name"]] = row["value"] if old is None else max(old, row["value"])
            else:
                totals[row["name"]] = (old or 0) + row["value"]
    if totals:
        terminalreporter.section("reliability figures")
        for name, value in sorted(totals.items()):
            terminalreporter.write_line(f"{name}: {value:g}")


@pytest.fixture
def snap_compare(snap_compare, monkeypatch):
    """pytest-textual-snapshot's ``snap_compare``, with cursors that do not blink.

    A blinking cursor is drawn or not by how long the app took to settle: on a
    busy machine the picture was taken in the dark half of the blink, and the
    same screen failed to match. The cursor now stays drawn, as it is when
    the widget has just taken the focus.
    """
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    return snap_compare
