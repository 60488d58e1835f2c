"""Private by default: every file growtui writes is 0600, every folder 0700, and nothing touches a network."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from growtui import crash
from growtui.cli import main
from growtui.index import Index
from growtui.model import Session
from growtui.storage import SessionLock, Store, recovery as recovery_files
from terminal import Terminal


@pytest.fixture
def wide_open_umask():
    """The worst umask a user could have: anything not made private on purpose would show."""
    old = os.umask(0)
    yield
    os.umask(old)


def run_cli(*argv: str) -> int:
    try:
        main(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def test_everything_growtui_writes_is_private(tmp_path, isolated_home, wide_open_umask, figures):
    sessions = tmp_path / "sessions" / "deeper"
    store = Store(sessions)
    stored = store.create(Session(coachee="Private"))
    stored.session.goal.notes = "secret"
    store.save(stored)
    with SessionLock(stored.path):
        pass
    assert recovery_files.write_recovery(stored.session) is not None
    Index(sessions).sync()
    assert crash.write_report(RuntimeError("x")) is not None
    out = tmp_path / "exports" / "zoe.md"
    out.parent.mkdir(mode=0o755)
    assert (
        run_cli("--sessions-dir", str(sessions), "export", stored.session.id, "--format", "markdown", "-o", str(out))
        == 0
    )
    assert run_cli("--sessions-dir", str(sessions), "search", "secret") == 0

    checked = 0
    for root in (isolated_home, tmp_path / "sessions", out.parent):
        for path in [root, *root.rglob("*")]:
            if path in (isolated_home, out.parent):
                continue  # made by the test, not by growtui
            mode = stat.S_IMODE(path.lstat().st_mode)
            expected = 0o700 if path.is_dir() else 0o600
            assert mode == expected, f"{path} is {oct(mode)}"
            checked += 1
    kinds = {p.suffix for p in isolated_home.rglob("*") if p.is_file()}
    assert {".toml", ".sqlite3", ".lock", ".log"} <= kinds, kinds  # session, index, lock and log all looked at
    figures("files and folders checked for owner-only modes", checked)


def test_a_recovery_folder_someone_else_prepared_is_not_used(tmp_path, monkeypatch):
    """The last fallback sits in the shared temporary folder: a link planted there is refused."""
    monkeypatch.setattr(recovery_files, "recovery_dirs", lambda: [tmp_path / "shared" / "growtui-recovery"])
    (tmp_path / "shared").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "shared" / "growtui-recovery").symlink_to(tmp_path / "elsewhere")
    session = Session(coachee="Kim")
    assert recovery_files.write_recovery(session) is None
    assert list((tmp_path / "elsewhere").iterdir()) == []


# Installed in the child before growtui starts: any network use is written to a file.
NO_NETWORK = r"""
import socket, sys
_log = open(os.environ["GROWTUI_NET_LOG"], "a", buffering=1)
def _hook(event, args):
    if event == "socket.__new__" and args[1] not in (socket.AF_UNIX,):
        _log.write("%s family=%r\n" % (event, args[1]))
    elif event in ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
                   "socket.sendto", "urllib.Request", "http.client.connect"):
        _log.write("%s %r\n" % (event, args[1:2]))
sys.addaudithook(_hook)
"""


def test_nothing_opens_a_network_connection(tmp_path, env_for_subprocess):
    net_log = tmp_path / "net.log"
    net_log.write_text("")
    env = {**env_for_subprocess, "GROWTUI_NET_LOG": str(net_log)}
    folder = tmp_path / "sessions"
    args = ["--sessions-dir", str(folder), "--lang", "en"]
    with Terminal([*args, "new", "--coachee", "Net"], env, inject=NO_NETWORK) as term:
        term.wait_for("Next question")
        term.send("some notes")
        term.wait_for("some notes")
        term.send("\x11")
        assert term.wait_exit() == 0
    launcher = [sys.executable, "-c", "import os\n" + NO_NETWORK + "\nfrom growtui.cli import main\nmain()"]
    for command in (
        ["list"],
        ["search", "notes"],
        ["show", Store(folder).scan().sessions[0].session.id],
        ["export", "--coachee", "Net", "--format", "summary"],
        ["questions", "list"],
        ["paths"],
    ):
        result = subprocess.run(launcher + args + command, env=env, capture_output=True, timeout=60)
        assert result.returncode == 0, result.stderr.decode()
    assert net_log.read_text() == "", "growtui used the network"


def test_the_source_imports_no_network_modules():
    source = Path(__file__).resolve().parent.parent / "src" / "growtui"
    banned = (
        "import socket",
        "import urllib",
        "import http",
        "import requests",
        "import httpx",
        "from socket",
        "from urllib",
        "from http",
        "import ftplib",
        "import smtplib",
    )
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in banned:
            assert word not in text, f"{path.name}: {word}"


# A pydantic plugin, installed in the same environment as growtui: pydantic finds it through its entry
# point and hands it every value a model validates (a session's notes too), which a plugin may send anywhere.
SPY_PLUGIN = """
import os

class Spy:
    def new_schema_validator(self, schema, schema_type, schema_type_path, schema_kind, config, plugin_settings):
        with open(os.environ["SPY_LOG"], "a") as log:
            log.write(f"{schema_type}\\n")
        return None, None, None

plugin = Spy()
"""


@pytest.mark.parametrize("who", ["pydantic alone", "growtui"])
def test_no_pydantic_plugin_sees_what_growtui_validates(tmp_path, env_for_subprocess, who):
    """The plain pydantic run shows the plugin is found; growtui's run shows it is never given a model."""
    site = tmp_path / "site"
    (site / "spy_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "spy_plugin-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n"
    )
    (site / "spy_plugin-1.0.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    (site / "spy_plugin.py").write_text(SPY_PLUGIN)
    log = tmp_path / "spy.log"
    program = (
        "import pydantic\nclass Note(pydantic.BaseModel):\n    text: str\nNote(text='private')\n"
        if who == "pydantic alone"
        else "from growtui.model import Session\nSession(coachee='Kim').model_dump()\n"
    )
    env = {**env_for_subprocess, "PYTHONPATH": str(site), "SPY_LOG": str(log)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    subprocess.run([sys.executable, "-c", program], env=env, check=True, timeout=60)
    seen = log.read_text() if log.exists() else ""
    if who == "pydantic alone":
        assert "Note" in seen, "the spy is installed as a plugin is: pydantic hands it its models"
    else:
        assert seen == "", f"a pydantic plugin was given growtui's models: {seen.split()}"
