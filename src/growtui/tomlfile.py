"""Reading TOML files people edit by hand, with problems a person can act on.

Everything that can go wrong with a file (not there, a folder, too big,
binary, the wrong encoding, bad syntax, absurd nesting, a schema mismatch)
becomes a :class:`~growtui.errors.Problem` naming the file and, where it can
be found, the line. Nothing here raises anything else.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from growtui.errors import Problem

MAX_BYTES = 4 * 1024 * 1024
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


class TomlProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def decode(path: Path, raw: bytes) -> str:
    """Bytes to text, or a TomlProblem saying what the encoding looks like."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and raw[1:2] == b"\x00" and raw[0:1] != b"\x00"):
        raise TomlProblem(Problem(path, "the file is UTF-16; save it as UTF-8", 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless: some editors add one
    nul = raw.find(b"\x00")
    if nul != -1:
        raise TomlProblem(
            Problem(path, "the file holds a NUL byte: it looks binary, not like a TOML text file",
                    _line_of_offset(raw, nul))
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TomlProblem(
            Problem(path, "the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252); "
                    "save it as UTF-8", _line_of_offset(raw, exc.start))
        ) from None


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    try:
        if path.is_dir():
            raise TomlProblem(Problem(path, "this is a folder, not a file"))
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except TomlProblem:
        raise
    except FileNotFoundError:
        raise TomlProblem(Problem(path, "no such file")) from None
    except PermissionError:
        raise TomlProblem(Problem(path, "permission denied: growtui may not read this file")) from None
    except OSError as exc:
        raise TomlProblem(Problem(path, f"cannot be read: {exc.strerror or type(exc).__name__}")) from None
    if len(raw) > max_bytes:
        raise TomlProblem(
            Problem(path, f"the file is larger than {max_bytes // (1024 * 1024)} MB; "
                    "that is not a file growtui wrote")
        )
    return decode(path, raw)


def parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match and match.group(1) else None
        if match and match.group(0) == "(at end of document)":
            line = text.count("\n") + 1
        reason = _TOML_POSITION.sub("", message).strip().rstrip(".")
        raise TomlProblem(Problem(path, f"TOML syntax error: {reason}", line)) from None
    except RecursionError:
        raise TomlProblem(Problem(path, "the file nests arrays or tables too deeply to read")) from None


def load(path: Path, max_bytes: int = MAX_BYTES) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file: (data, text) or a TomlProblem."""
    text = read_text(path, max_bytes)
    return parse(path, text), text


# --- where in the text is a key? -------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def _split_key(key: str) -> list[str]:
    return [part.strip().strip("\"'") for part in key.split(".")]


def key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """Map key paths, as pydantic reports them, to the line where they start.

    A small line scanner, not a parser: it understands table headers, arrays
    of tables (counting their elements), dotted keys and multi-line strings,
    which is all that hand-written question and session files use. Paths are
    like ``("questions", 3, "text", "nl")``; every prefix is recorded at the
    first line that contributes to it.
    """
    lines: dict[tuple[Any, ...], int] = {}
    counters: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    in_multiline: str | None = None

    def record(path: tuple[Any, ...], lineno: int) -> None:
        for i in range(1, len(path) + 1):
            lines.setdefault(path[:i], lineno)

    for lineno, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            parts = _split_key(header.group(2))
            resolved: tuple[Any, ...] = ()
            for part in parts[:-1]:
                resolved += (part,)
                if resolved in counters:
                    resolved += (counters[resolved],)
            resolved += (parts[-1],)
            if header.group(1) == "[[":
                index = counters.get(resolved, -1) + 1
                counters[resolved] = index
                resolved += (index,)
            current = resolved
            record(current, lineno)
            continue
        key = _KEY.match(line)
        if key:
            record(current + tuple(_split_key(key.group(1))), lineno)
            rest = line[key.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return lines


def line_of(lines: dict[tuple[Any, ...], int], loc: Sequence[Any]) -> int | None:
    """The line of the longest known prefix of ``loc``."""
    loc = tuple(loc)
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


# --- pydantic errors as problems -------------------------------------------


def _fields_at(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The field names a model accepts at a location (for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or part not in fields:
            return []
        annotation = fields[part].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _describe_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validation_problems(
    path: Path,
    text: str,
    model: type[BaseModel],
    error: ValidationError,
    describe_item: Any = None,
) -> list[Problem]:
    """One problem per pydantic error, with line, field and 'did you mean'.

    ``describe_item(loc)`` may name the thing an error sits in (for example
    "question 'goal.outcome'"). Input values are only quoted for type errors
    of short scalars, never whole strings of notes.
    """
    lines = key_lines(text)
    problems = []
    for err in error.errors(include_url=False, include_context=False):
        loc = tuple(err["loc"])
        prefix = describe_item(loc) if describe_item else None
        inner = loc[2:] if prefix else loc  # the field within the item that was named
        field = ".".join(str(p) for p in inner if not isinstance(p, int))
        if prefix:
            where = f"{prefix}, field '{field}'" if field else prefix
        else:
            where = f"field '{field}'" if field else "the file"
        kind = err["type"]
        if kind == "extra_forbidden":
            parent, key = loc[:-1], str(loc[-1])
            where = f"{prefix}: " if prefix else ""
            msg = f"{where}unknown key '{'.'.join(str(p) for p in inner if not isinstance(p, int))}'"
            close = difflib.get_close_matches(key, _fields_at(model, parent), n=1, cutoff=0.6)
            msg += f" (did you mean '{close[0]}'?)" if close else ""
        elif kind == "missing":
            msg = f"{where}: missing (required)"
        elif kind in ("literal_error", "enum"):
            msg = f"{where}: {err['msg'].lower()}, not {_describe_value(err.get('input'))}"
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            value = err.get("input")
            shown = f", not {_describe_value(value)}" if isinstance(value, (int, float, bool)) else ""
            msg = f"{where}: {err['msg'].lower()}{shown}"
        else:
            msg = f"{where}: {err['msg'].removeprefix('Value error, ')}"
        problems.append(Problem(path, msg, line_of(lines, loc)))
    return problems
