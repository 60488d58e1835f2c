"""Loading and checking the question library.

The library is the shipped ``questions/`` folder, then the user's own
question files (config folder), then any ``--questions-dir``, in that order.
An id may appear once across all of them, unless the later question says
``override = true``; then it replaces the earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from growtui import paths
from growtui.errors import LibraryError, Problem
from growtui.model import QUESTIONS_SCHEMA_VERSION, Hint, Phase, Question, QuestionFile
from growtui.storage import toml_read

MAX_LIBRARY_FILE = 1024 * 1024


@dataclass
class Library:
    questions: dict[str, Question] = field(default_factory=dict)
    hints: list[Hint] = field(default_factory=list)
    origin: dict[str, Problem] = field(default_factory=dict)  # id -> where it was defined

    def get(self, question_id: str) -> Question | None:
        return self.questions.get(question_id)

    def for_phase(self, phase: Phase) -> list[Question]:
        return [q for q in self.questions.values() if q.phase is phase]

    def hints_for(self, phase: Phase) -> list[Hint]:
        return [h for h in self.hints if h.phase is phase]

    def select(self, phase: Phase | None = None, tag: str | None = None) -> list[Question]:
        """Matching questions in conversation order (opening first, closing last)."""
        order = {p: i for i, p in enumerate(Phase)}
        matches = [
            q for q in self.questions.values() if (phase is None or q.phase is phase) and (tag is None or tag in q.tags)
        ]
        return sorted(matches, key=lambda q: order[q.phase])

    def tags(self) -> list[str]:
        return sorted({t for q in self.questions.values() for t in q.tags})


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


def _describe(data: dict[str, Any]):
    def describe(loc: tuple[Any, ...]) -> str | None:
        if len(loc) >= 2 and loc[0] in ("questions", "hints") and isinstance(loc[1], int):
            items = data.get(loc[0])
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            qid = item.get("id") if isinstance(item, dict) else None
            if loc[0] == "questions" and isinstance(qid, str) and qid:
                return f"question '{toml_read.shorten(qid)}'"
            return f"{loc[0][:-1]} #{loc[1] + 1}"
        return None

    return describe


def read_question_file(path: Path) -> tuple[QuestionFile | None, str, list[Problem]]:
    """Parse and validate one file: (model or None, text, problems)."""
    try:
        data, text = toml_read.load(path, max_bytes=MAX_LIBRARY_FILE)
    except toml_read.TomlProblem as exc:
        return None, "", [exc.problem]
    version = data.get("schema_version", QUESTIONS_SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > QUESTIONS_SCHEMA_VERSION:
        lines = toml_read.key_lines(text)
        return (
            None,
            text,
            [
                Problem(
                    path,
                    f"schema_version {version} is newer than this growtui understands "
                    f"({QUESTIONS_SCHEMA_VERSION}); update growtui",
                    lines.get(("schema_version",)),
                )
            ],
        )
    try:
        parsed = QuestionFile.model_validate(data)
    except ValidationError as exc:
        return None, text, toml_read.validation_problems(path, text, QuestionFile, exc, _describe(data))
    if not parsed.questions and not parsed.hints:
        return None, text, [Problem(path, "the file holds no questions and no hints")]
    return parsed, text, []


def add_file(library: Library, path: Path) -> list[Problem]:
    """Add one file's questions and hints to ``library``; return its problems.

    A file with any problem adds nothing, so a half-broken file never
    half-loads.
    """
    parsed, text, problems = read_question_file(path)
    if parsed is None:
        return problems
    lines = toml_read.key_lines(text)
    accepted: dict[str, Question] = {}
    origins: dict[str, Problem] = {}
    for index, question in enumerate(parsed.questions):
        line = lines.get(("questions", index, "id")) or lines.get(("questions", index))
        here = Problem(path, "", line)
        earlier = origins.get(question.id) or library.origin.get(question.id)
        if question.id in accepted:
            problems.append(
                Problem(
                    path, f"question '{question.id}': duplicate id (also at line {origins[question.id].line})", line
                )
            )
        elif earlier is not None and not question.override:
            where = f"{earlier.path}:{earlier.line}" if earlier.line else str(earlier.path)
            problems.append(
                Problem(
                    path,
                    f"question '{question.id}': duplicate id (already defined in {where}); "
                    "rename it, or add override = true to replace that question",
                    line,
                )
            )
        elif earlier is None and question.override:
            problems.append(
                Problem(
                    path,
                    f"question '{question.id}': override = true, but no question with this id is loaded before "
                    "this file",
                    line,
                )
            )
        else:
            accepted[question.id] = question
            origins[question.id] = here
    if problems:
        return problems
    library.questions.update(accepted)
    library.origin.update(origins)
    library.hints.extend(parsed.hints)
    return []


def default_locations(extra: Sequence[Path] = ()) -> list[Path]:
    """Shipped library, the user's own folder (if any), then ``extra``."""
    locations = [paths.shipped_questions_dir()]
    user = paths.user_questions_dir()
    if user.is_dir():
        locations.append(user)
    return locations + list(extra)


def load_library(extra: Sequence[Path] = ()) -> Library:
    """The full library, or a LibraryError listing every problem."""
    library, problems, _ = check((), extra)
    if problems:
        raise LibraryError(problems)
    return library


def check(targets: Sequence[Path], extra: Sequence[Path] = ()) -> tuple[Library, list[Problem], int]:
    """Check files or folders in the context of everything else growtui loads.

    Without targets, everything growtui loads is checked. With targets, the
    other loaded files form the base, so a user's file is checked for ids
    that clash with the shipped library and for overrides that resolve.
    Returns the resulting library, the problems, and how many files were read.
    """
    if not targets:
        files, problems = question_files(default_locations(extra))
        library = Library()
        if not files:
            problems.append(
                Problem(paths.shipped_questions_dir(), "no question files found: the installation is incomplete")
            )
    else:
        files, problems = question_files(targets)
        checked = {paths.real(f) for f in files}
        library = Library()
        base_files, _ = question_files(default_locations(extra))
        for path in base_files:
            if paths.real(path) not in checked:
                add_file(library, path)
    for path in files:
        problems.extend(add_file(library, path))
    return library, problems, len(files)
