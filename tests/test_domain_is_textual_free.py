"""Nothing outside the interface packages imports Textual: the domain, the index, the CLI.

Run in a fresh interpreter where importing textual raises, so an indirect
import anywhere in the chain is caught too.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT

BLOCK_TEXTUAL = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoTextual(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "textual" or name.startswith("textual."):
                raise ImportError(f"the domain imported {name}")
            return None

    sys.meta_path.insert(0, NoTextual())
    """
)


def run_blocked(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK_TEXTUAL + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_the_blocker_really_blocks(env_for_subprocess):
    result = run_blocked("import textual.app", env_for_subprocess)
    assert result.returncode != 0
    assert "the domain imported textual" in result.stderr


UI = (
    "growtui.app",
    "growtui.driver",
    "growtui.safety",
    "growtui.looking_back",
    "growtui.sketched",
    "growtui.screens",
    "growtui.dialogs",
    "growtui.widgets",
)
"""Where Textual may be imported. Everything else, the command line included, must import without it."""


def test_every_module_outside_the_interface_imports_without_textual(env_for_subprocess):
    """Walks the whole package, so a new module is checked without anyone adding it to a list."""
    result = run_blocked(
        f"""
        import importlib, pkgutil, growtui
        checked = []
        for info in pkgutil.walk_packages(growtui.__path__, "growtui."):
            if info.name.startswith({UI!r}):
                continue
            importlib.import_module(info.name)
            checked.append(info.name)
        assert not [m for m in sys.modules if m.split(".")[0] == "textual"]
        print(len(checked), " ".join(checked))
        """,
        env_for_subprocess,
    )
    assert result.returncode == 0, result.stderr
    count, names = result.stdout.split(" ", 1)
    assert int(count) > 40
    for expected in (
        "growtui.storage.store",
        "growtui.crypto.convert",
        "growtui.index.database",
        "growtui.conversation.live",
        "growtui.render.session",
        "growtui.cli.history",
    ):
        assert expected in names.split()


def test_the_domain_works_without_textual(env_for_subprocess, tmp_path):
    result = run_blocked(
        f"""
        from pathlib import Path
        from growtui.crypto import Vault, encrypt_folder
        from growtui.library import load_library
        from growtui.model import Session
        from growtui.storage import Store
        lib = load_library()
        assert len(lib.questions) > 60
        store = Store(Path({str(tmp_path)!r}) / "s")
        stored = store.create(Session(coachee="Ada"))
        assert store.scan().sessions[0].session.id == stored.session.id
        vault = Vault.create("a passphrase")
        encrypt_folder(store.root, vault)
        assert Store(store.root, vault).scan().sessions[0].session.id == stored.session.id
        assert not [m for m in sys.modules if m.split(".")[0] == "textual"]
        print("ok")
        """,
        env_for_subprocess,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_command_line_tools_run_without_textual(env_for_subprocess):
    result = run_blocked(
        """
        from growtui.cli import main
        for argv in (["questions", "check"], ["questions", "list", "--json"], ["schema", "session"], ["paths"]):
            try:
                main(argv)
            except SystemExit as exc:
                assert exc.code == 0, (argv, exc.code)
        """,
        env_for_subprocess,
    )
    assert result.returncode == 0, result.stderr
