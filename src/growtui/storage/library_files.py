"""Where the question library's files are, and a digest of them: without pydantic or the models.

The library itself (``growtui.library``) validates and caches; this module
only finds the files and says whether they changed, so a first frame can be
drawn from what was kept under that digest before anything is validated.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from growtui import paths
from growtui.errors import Problem, TomlProblem
from growtui.storage import toml_read

MAX_LIBRARY_FILE = 1024 * 1024
_HERE = Path(__file__).parent.parent  # the growtui package


def question_files(locations: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The ``*.toml`` files in the given files and folders (hidden ones skipped)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for location in locations:
        if location.is_dir():
            for path in sorted(location.rglob("*.toml")):
                relative = path.relative_to(location).parts
                if not any(part.startswith(".") for part in relative):
                    files.append(path)
        elif location.exists() or location.is_symlink():
            files.append(location)
        else:
            problems.append(Problem(location, "no such file or folder"))
    return files, problems


def default_locations(extra: Sequence[Path] = ()) -> list[Path]:
    """Shipped library, the user's own folder (if any), then ``extra``."""
    locations = [paths.shipped_questions_dir()]
    user = paths.user_questions_dir()
    if user.is_dir():
        locations.append(user)
    return locations + list(extra)


def library_key(extra: Sequence[Path], code: Iterable[Path] = ()) -> str:
    """A digest of every library file's path and bytes, and of the code that reads them ("" when unreadable).

    ``code``: more of growtui's files whose change must change the key (beside library.py and the models).
    """
    files, problems = question_files(default_locations(extra))
    digest = hashlib.sha256(f"{sys.version}\0{problems!r}".encode("utf-8", "surrogateescape"))
    try:
        for path in files:  # the text, not the mtime: a quick second edit is seen too; never waits on a pipe
            text = toml_read.read_text(path, MAX_LIBRARY_FILE)
            digest.update(f"\0{paths.real(path)}\0{text}".encode("utf-8", "surrogateescape"))
        readers = [_HERE / "library.py", _HERE / "storage" / "library_files.py", _HERE / "storage" / "toml_read.py"]
        for source in sorted([*readers, *(_HERE / "model").glob("*.py"), *code]):
            info = source.stat()
            digest.update(f"\0{source}\0{info.st_size}\0{info.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    except (OSError, TomlProblem):
        return ""  # unreadable, or moved while we looked: no cache; the loader says what is wrong
    return digest.hexdigest()[:32]
