"""A warm ``list`` or ``search`` does only what it needs (issue 18): counted, never timed.

Python's start-up and imports were most of a warm ``growtui list`` of
10,000 sessions: every command module (export's shutil and json, the TUI's
entry points) and the TOML parser were imported for a list that needs none of
them. And a search with nothing changed reads no session file: the index
answers, after a stat of each file (an edit in place changes no folder's
mtime, so only the file's own stat shows it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from factories import CET, full_session
from growtui.cli import COMMANDS, cli
from growtui.index import Index, rows
from growtui.storage import Store

NOT_FOR_A_LIST = (
    "pydantic",
    "textual",
    "rich",
    "tomllib",
    "tomli",
    "json",
    "growtui.model",
    "growtui.storage.store",
    "growtui.library",
    "growtui.cli.tui",
    "growtui.cli.export",
    "growtui.cli.people",
    "growtui.cli.trash",
    "growtui.crypto.vault",
)


def folder(root: Path, n: int = 3) -> list[Path]:
    store = Store(root)
    start = datetime(2026, 3, 2, 9, 0, tzinfo=CET)
    return [store.create(full_session(id=f"lazy{i:04d}", started_at=start + timedelta(days=i))).path for i in range(n)]


def modules_after(argv: list[str], env: dict[str, str]) -> set[str]:
    """The modules growtui had imported when ``growtui ARGV`` exited, run as its own process."""
    code = textwrap.dedent(
        f"""
        import atexit, sys
        atexit.register(lambda: sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n"))
        sys.argv = ["growtui", *{argv!r}]
        from growtui.cli import main
        main()
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def imported(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("argv", [["list"], ["list", "--coachee", "zoe"], ["search", "doel"]])
def test_a_warm_list_or_search_imports_only_what_it_needs(sessions_dir, env_for_subprocess, argv):
    folder(sessions_dir)
    command = ["--sessions-dir", str(sessions_dir), *argv]
    modules_after(command, env_for_subprocess)  # the index is built (that reads files: pydantic)
    warm = modules_after(command, env_for_subprocess)
    assert "growtui.index.database" in warm
    assert not [name for name in NOT_FOR_A_LIST if imported(warm, name)]


def test_every_command_is_found_by_its_name_and_help_lists_them_all(run):
    for name, (module, attribute) in COMMANDS.items():
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.name == name, (name, module, attribute)
    code, out, _ = run("--help")
    assert code == 0
    listed = out.split("Commands:", 1)[1].split()
    assert set(COMMANDS) <= set(listed)


def test_a_warm_search_with_nothing_changed_reads_no_file_and_an_edit_in_place_is_read(sessions_dir, monkeypatch):
    paths = folder(sessions_dir, 5)
    read: list[str] = []
    real = rows._read_some

    def counted(root, work, vault=None):
        read.extend(rel for rel, _, _ in work)
        return real(root, work, vault)

    monkeypatch.setattr(rows, "_read_some", counted)
    with Index(sessions_dir) as index:
        index.sync()
    assert len(read) == 5
    read.clear()
    with Index(sessions_dir) as index:
        hits, sync = index.answer_in_step(lambda: index.search("Kort"))
    assert read == [] and sync.read == 0 and len(hits) == 5
    # An edit in place: the folder's mtime stays as it was, the file's own stat shows the change.
    folder_mtime = sessions_dir.stat().st_mtime_ns
    edited = paths[2]
    edited.write_text(edited.read_text(encoding="utf-8").replace("Kort bijgepraat", "Kort kwartelkoning"), "utf-8")
    os.utime(edited, ns=(edited.stat().st_mtime_ns + 10**9,) * 2)
    os.utime(sessions_dir, ns=(folder_mtime, folder_mtime))
    with Index(sessions_dir) as index:
        hits, sync = index.answer_in_step(lambda: index.search("kwartelkoning"))
    assert read == [edited.name] and sync.read == 1
    assert [h.entry.rel for h in hits] == [edited.name]
