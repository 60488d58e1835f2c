"""The domain (models, library, store) and the CLI must not import Textual.

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
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )


def test_the_blocker_really_blocks(env_for_subprocess):
    result = run_blocked("import textual.app", env_for_subprocess)
    assert result.returncode != 0
    assert "the domain imported textual" in result.stderr


def test_domain_modules_import_and_work_without_textual(env_for_subprocess, tmp_path):
    result = run_blocked(
        f"""
        from pathlib import Path
        import growtui.model, growtui.library, growtui.storage.store, growtui.config, growtui.paths
        import growtui.storage.toml_read, growtui.model.schemas, growtui.crash, growtui.crypto.vault, growtui.crypto.convert
        from growtui.model import Session
        lib = growtui.library.load_library()
        assert len(lib.questions) > 60
        store = growtui.storage.store.Store(Path({str(tmp_path)!r}) / "s")
        stored = store.create(Session(coachee="Ada"))
        assert store.scan().sessions[0].session.id == stored.session.id
        vault = growtui.crypto.vault.Vault.create("a passphrase")
        growtui.crypto.convert.encrypt_folder(store.root, vault)
        assert growtui.storage.store.Store(store.root, vault).scan().sessions[0].session.id == stored.session.id
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
