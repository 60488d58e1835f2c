"""``growtui export``: file names that say what they hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "sessions"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "sessions"
    shutil.copytree(EXAMPLES, root)
    return root


@pytest.fixture
def run(run, folder):
    def in_folder(*argv: str):
        return run("--sessions-dir", str(folder), *argv)

    return in_folder


# --- what -o may be called ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["x.pdf", "x.docx", "x"])
def test_an_extension_the_format_does_not_write_is_an_error_naming_every_format(run, tmp_path, name):
    target = tmp_path / name
    code, out, err = run("export", "h7t3", "--format", "markdown", "-o", str(target))
    assert code == 2 and out == "" and not target.exists()
    for fmt, exts in (("markdown", ".md, .markdown, .txt"), ("summary", ".md, .markdown, .txt")):
        assert f"--format {fmt} writes {exts}" in " ".join(err.split())


def test_each_format_takes_its_own_extensions(run, tmp_path):
    for fmt, name in (("summary", "x.txt"), ("markdown", "X.MARKDOWN")):
        code, _, err = run("export", "h7t3", "--format", fmt, "-o", str(tmp_path / name))
        assert code == 0, err
    code, _, err = run("export", "h7t3", "--format", "summary", "-o", str(tmp_path / "x.toml"))
    assert code == 2 and "not a session file" in err and not (tmp_path / "x.toml").exists()
