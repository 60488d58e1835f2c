"""The wheel carries the question library and a working `growtui` entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("growtui-*.whl")
    return built


def test_wheel_contains_the_library_and_the_console_script(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "growtui = growtui.__main__:main" in zf.read(entry_points).decode()
    shipped = sorted(p.name for p in (ROOT / "questions").glob("*.toml"))
    packaged = sorted(Path(n).name for n in names if n.startswith("growtui/questions/") and n.endswith(".toml"))
    assert packaged == shipped and len(packaged) >= 7


def test_installed_wheel_finds_its_library(wheel, tmp_path, env_for_subprocess):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**env_for_subprocess, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import growtui.paths as p; print(p.shipped_questions_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert Path(where.stdout.strip()) == target / "growtui" / "questions"
    check = subprocess.run(
        [sys.executable, "-m", "growtui", "questions", "check"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith(f"OK: {len(list((ROOT / 'questions').glob('*.toml')))} files")
