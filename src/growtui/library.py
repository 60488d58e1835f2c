"""Loading and checking the question library: questions, hints, phases of their own, checklists, types.

The library is the shipped ``questions/`` folder, then the user's own
question files (config folder), then any ``--questions-dir``, in that order.
An id (of a question, a phase or a type) may appear once across all of them,
unless the later one says ``override = true``; then it replaces the earlier
one. What refers to something else (a question's phase, a type's phases and
questions) is checked once everything is loaded, so the order of the files
does not matter.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from growtui import paths
from growtui.errors import GrowtuiError, LibraryError, Problem
from growtui.model import (
    DEFAULT_TYPE,
    QUESTIONS_SCHEMA_VERSION,
    ChecklistItem,
    ConversationType,
    Hint,
    Phase,
    PhaseChecklist,
    PhaseDef,
    Question,
    QuestionFile,
)
from growtui.storage import toml_read
from growtui.storage.atomic import write_atomic
from growtui.storage.library_files import MAX_LIBRARY_FILE, default_locations, library_key, question_files


@dataclass
class Library:
    questions: dict[str, Question] = field(default_factory=dict)
    hints: list[Hint] = field(default_factory=list)
    phases: dict[str, PhaseDef] = field(default_factory=dict)  # the phases types add to growtui's own
    checklist: list[PhaseChecklist] = field(default_factory=list)
    types: dict[str, ConversationType] = field(default_factory=dict)
    origin: dict[str, Problem] = field(default_factory=dict)  # "<kind>:<id>" (or a question id) -> where
    references: list[tuple[Problem, str, list[str]]] = field(default_factory=list)  # where, what, phase ids named

    def get(self, question_id: str) -> Question | None:
        return self.questions.get(question_id)

    # --- phases and types -------------------------------------------------------

    def known_phases(self) -> list[str]:
        return [*Phase, *self.phases]

    def type_of(self, type_id: str | None) -> ConversationType | None:
        """The type by id; None for one this library does not know (a file from elsewhere)."""
        return self.types.get(type_id or DEFAULT_TYPE)

    def phase_order(self) -> dict[str, int]:
        """Every known phase's place, for sorting: growtui's own in their order, then the others."""
        return {p: i for i, p in enumerate(self.known_phases())}

    # --- what a conversation offers -------------------------------------------------

    def for_phase(self, phase: str, type_id: str | None = None) -> list[Question]:
        """The questions a phase of a type offers, in order.

        The type's chosen ids first, then the questions meant for this type
        in this phase, then the general questions of the phases it draws on
        (only those with one of its tags, if it names tags). A type or phase
        the library does not know offers the phase's questions.
        """
        type_id = type_id or DEFAULT_TYPE
        kind = self.types.get(type_id)
        step = kind.step(phase) if kind is not None else None
        chosen = [self.questions[i] for i in (step.questions if step else ()) if i in self.questions]
        own = [q for q in self.questions.values() if q.phase == phase and type_id in q.types]
        sources = step.sources if step else [phase]
        general = [
            q
            for q in self.questions.values()
            if q.phase in sources and not q.types and (not step or not step.tags or set(step.tags) & set(q.tags))
        ]
        offered: dict[str, Question] = {}
        for q in [*chosen, *own, *general]:
            offered.setdefault(q.id, q)
        return list(offered.values())

    def hints_for(self, phase: str, type_id: str | None = None) -> list[Hint]:
        type_id = type_id or DEFAULT_TYPE
        return [h for h in self.hints if h.phase == phase and h.for_type(type_id)]

    def checklist_for(self, phase: str, type_id: str | None = None) -> list[ChecklistItem]:
        """The "ready to move on?" points of a phase: the type's own for it, else the general ones."""
        kind = self.type_of(type_id)
        step = kind.step(phase) if kind is not None else None
        if step is not None and step.checklist is not None:
            return list(step.checklist)
        return [c for c in self.checklist if c.phase == phase]

    # --- listing ----------------------------------------------------------------

    def select(self, phase: str | None = None, tag: str | None = None, type_id: str | None = None) -> list[Question]:
        """Matching questions in conversation order (opening first, closing last)."""
        order = self.phase_order()
        matches = [
            q
            for q in self.questions.values()
            if (phase is None or q.phase == phase)
            and (tag is None or tag in q.tags)
            and (type_id is None or q.for_type(type_id))
        ]
        return sorted(matches, key=lambda q: order.get(q.phase, len(order)))

    def tags(self) -> list[str]:
        return sorted({t for q in self.questions.values() for t in q.tags})


_NAMED = {"questions": "question", "phases": "phase", "types": "type"}


def _describe(data: dict[str, Any]):
    def describe(loc: tuple[Any, ...]) -> str | None:
        if (
            len(loc) >= 2
            and loc[0] in ("questions", "hints", "phases", "checklist", "types")
            and isinstance(loc[1], int)
        ):
            items = data.get(loc[0])
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            ident = item.get("id") if isinstance(item, dict) else None
            if loc[0] in _NAMED and isinstance(ident, str) and ident:
                return f"{_NAMED[loc[0]]} '{toml_read.shorten(ident)}'"
            return f"{loc[0].removesuffix('s')} #{loc[1] + 1}"
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
    if not (parsed.questions or parsed.hints or parsed.phases or parsed.checklist or parsed.types):
        return None, text, [Problem(path, "the file holds no questions, hints, phases, checklist or types")]
    return parsed, text, []


def _accept(
    kind: str, items: list[Any], path: Path, lines: dict, existing: dict[str, Problem]
) -> tuple[dict[str, Any], dict[str, Problem], list[Problem]]:
    """The items of one kind (questions, phases, types) a file may add: ids unique, overrides resolved."""
    section = {"question": "questions", "phase": "phases", "type": "types"}[kind]
    accepted: dict[str, Any] = {}
    origins: dict[str, Problem] = {}
    problems: list[Problem] = []
    for index, item in enumerate(items):
        line = lines.get((section, index, "id")) or lines.get((section, index))
        key = item.id if kind == "question" else f"{kind}:{item.id}"
        earlier = origins.get(key) or existing.get(key)
        if key in accepted:
            problems.append(Problem(path, f"{kind} '{item.id}': duplicate id (also at line {origins[key].line})", line))
        elif earlier is not None and not item.override:
            where = f"{earlier.path}:{earlier.line}" if earlier.line else str(earlier.path)
            problems.append(
                Problem(
                    path,
                    f"{kind} '{item.id}': duplicate id (already defined in {where}); "
                    f"rename it, or add override = true to replace that {kind}",
                    line,
                )
            )
        elif earlier is None and item.override:
            problems.append(
                Problem(
                    path,
                    f"{kind} '{item.id}': override = true, but no {kind} with this id is loaded before this file",
                    line,
                )
            )
        else:
            accepted[item.id] = item
            origins[key] = Problem(path, "", line)
    return accepted, origins, problems


def add_file(library: Library, path: Path) -> list[Problem]:
    """Add one file's questions, hints, phases, checklist and types to ``library``; return its problems.

    A file with any problem adds nothing, so a half-broken file never
    half-loads. References to other files are checked by :func:`cross_check`.
    """
    parsed, text, problems = read_question_file(path)
    if parsed is None:
        return problems
    lines = toml_read.key_lines(text)
    questions, q_origins, found = _accept("question", parsed.questions, path, lines, library.origin)
    phases, p_origins, found_p = _accept("phase", parsed.phases, path, lines, library.origin)
    types, t_origins, found_t = _accept("type", parsed.types, path, lines, library.origin)
    problems = found + found_p + found_t
    if problems:
        return problems
    library.questions.update(questions)
    library.phases.update(phases)
    library.types.update(types)
    library.origin.update(q_origins | p_origins | t_origins)
    library.hints.extend(parsed.hints)
    library.checklist.extend(parsed.checklist)
    _note_references(library, path, lines, parsed)
    return []


def _note_references(library: Library, path: Path, lines: dict, parsed: QuestionFile) -> None:
    """Remember what this file's items name elsewhere (phases, types, questions), with their lines."""
    refs = library.references

    def at(*key: Any) -> Problem:
        return Problem(path, "", lines.get(key) or lines.get(key[:2]))

    for i, q in enumerate(parsed.questions):
        refs.append((at("questions", i, "phase"), f"question '{q.id}'", [q.phase]))
        if q.types:
            refs.append((at("questions", i, "types"), f"question '{q.id}': types", [f"type:{t}" for t in q.types]))
    for i, h in enumerate(parsed.hints):
        refs.append((at("hints", i, "phase"), f"hint #{i + 1}", [h.phase, *(f"type:{t}" for t in h.types)]))
    for i, c in enumerate(parsed.checklist):
        refs.append((at("checklist", i, "phase"), f"checklist #{i + 1}", [c.phase]))
    for i, kind in enumerate(parsed.types):
        for j, step in enumerate(kind.phases):
            where = at("types", i, "phases", j, "phase")
            named = [step.phase, *step.sources, *(f"question:{q}" for q in step.questions)]
            refs.append((where, f"type '{kind.id}'", named))


def cross_check(library: Library) -> list[Problem]:
    """Everything named exists: every phase, type and question a file refers to, and the default type."""
    phases = set(library.known_phases())
    problems: list[Problem] = []
    for where, what, named in library.references:
        for name in named:
            if name.startswith("type:"):
                missing = name[5:] not in library.types
                message = f"{what}: no conversation type '{name[5:]}' is loaded"
            elif name.startswith("question:"):
                missing = name[9:] not in library.questions
                message = f"{what}: no question '{name[9:]}' is loaded"
            else:
                missing = name not in phases
                message = f"{what}: unknown phase '{name}' (known: {', '.join(sorted(phases))})"
            if missing:
                problems.append(Problem(where.path, message, where.line))
    if library.types and DEFAULT_TYPE not in library.types:
        problems.append(Problem(paths.shipped_questions_dir(), f"no conversation type '{DEFAULT_TYPE}' is loaded"))
    return list(dict.fromkeys(problems))


def load_library(extra: Sequence[Path] = ()) -> Library:
    """The full library, or a LibraryError listing every problem.

    A library that loaded without problems is kept, validated, in the cache folder, under a digest
    of its files and of the code that reads them: the next start takes milliseconds, not a parse.
    """
    key = _cache_key(extra)
    cached = _cached(key)
    if cached is not None:
        return cached
    library, problems, _ = check((), extra)
    if problems:
        raise LibraryError(problems)
    _keep(key, library)
    return library


def _cache_key(extra: Sequence[Path]) -> str:
    return library_key(extra)


def _cache_file(key: str) -> Path:
    return paths.cache_dir() / "library" / f"{key}.pickle"


def _cached(key: str) -> Library | None:
    """The library kept under ``key``; None when there is none or it cannot be read (it is then made anew)."""
    if not key:
        return None
    try:
        library = pickle.loads(_cache_file(key).read_bytes())  # growtui's own file in the owner-only cache
    except Exception:  # missing, cut short, from another version of a class: load the files instead
        return None
    return library if isinstance(library, Library) else None


def _keep(key: str, library: Library) -> None:
    if not key:
        return
    target = _cache_file(key)
    try:
        write_atomic(target, pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
        for old in target.parent.glob("*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except (OSError, GrowtuiError):
        pass  # a cache that cannot be written costs time at the next start, nothing else


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
    problems.extend(cross_check(library))
    return library, problems, len(files)
