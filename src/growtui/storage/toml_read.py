"""Reading TOML files people edit by hand, with problems a person can act on.

Everything that can go wrong with a file (not there, a folder, too big,
binary, the wrong encoding, bad syntax, absurd nesting, a schema mismatch)
becomes a :class:`~growtui.errors.Problem` naming the file and, where it can
be found, the line. Nothing here raises anything else.
"""

from __future__ import annotations

import difflib
import errno
import itertools
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli

from growtui.errors import Problem, TomlProblem
from growtui.storage.toml_lines import STRING_OR_COMMENT, key_lines, line_of

if TYPE_CHECKING:  # pydantic is loaded by the models that are validated, not to read a file
    from pydantic import BaseModel, ValidationError

MAX_BYTES = 4 * 1024 * 1024
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)|\(at end of document\)")


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def decode(path: Path, raw: bytes) -> str:
    """Bytes to text, or a TomlProblem saying what the encoding looks like."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise TomlProblem(Problem(path, "the file is UTF-32; save it as UTF-8", 1), "encoding")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0) != (raw[1] == 0)):
        raise TomlProblem(Problem(path, "the file is UTF-16; save it as UTF-8", 1), "encoding")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless: some editors add one
    nul = raw.find(b"\x00")
    if nul != -1:
        raise TomlProblem(
            Problem(
                path, "the file holds a NUL byte: it looks binary, not like a TOML text file", _line_of_offset(raw, nul)
            ),
            "encoding",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TomlProblem(
            Problem(
                path,
                "the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252); save it as UTF-8",
                _line_of_offset(raw, exc.start),
            ),
            "encoding",
        ) from None


def file_problem(path: Path, exc: OSError | RuntimeError) -> Problem:
    """Why a file could not be opened (or its links followed: RuntimeError is a loop, before Python 3.13)."""
    if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
        return Problem(path, "a link that leads back to itself (a loop); not read")
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return Problem(path, "a link to a file that is not there; not read")
        return Problem(path, "no such file")
    if isinstance(exc, IsADirectoryError):
        return Problem(path, "this is a folder, not a file")
    if isinstance(exc, PermissionError):
        return Problem(path, "permission denied: growtui may not read this file")
    return Problem(path, f"cannot be read: {exc.strerror or type(exc).__name__}")


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of a regular file, never waiting on a pipe or a device that has no end."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise TomlProblem(file_problem(path, exc), "read") from None
    try:
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise TomlProblem(Problem(path, "this is a folder, not a file"), "read")
            if not stat.S_ISREG(info.st_mode):
                raise TomlProblem(Problem(path, "not a regular file (a pipe, a device or a socket); not read"), "read")
            raw = _read_up_to(fd, max_bytes + 1, info.st_size + 1)
        finally:
            os.close(fd)  # a close that fails (NFS, FUSE) is a read that failed, as with a file object
    except OSError as exc:
        raise TomlProblem(file_problem(path, exc), "read") from None
    if len(raw) > max_bytes:
        raise TomlProblem(
            Problem(path, f"the file is larger than {max_bytes // (1024 * 1024)} MB; that is not a file growtui wrote"),
            "limits",
        )
    return decode(path, raw)


def _read_up_to(fd: int, limit: int, expected: int) -> bytes:
    """At most ``limit`` bytes, in reads of the size the file said it has (it may have grown since).

    Plain ``os.read`` calls: a file object around the descriptor was two
    thirds of the time of reading a session file (38 against 13 µs), and an
    index build reads every file of the folder.
    """
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, max(expected, 64 * 1024) if chunks else expected))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# --- what the parser cannot be trusted with -----------------------------------
# tomli (the code of tomllib, compiled) spends time quadratic in the parts of a dotted key, and seconds on
# a hundred thousand tiny values; growtui's own files use keys of at most
# three parts and a few hundred values. So the text is measured before it is
# parsed, with strings and comments taken out (their dots are notes, not TOML).

MAX_VALUES = 50_000
MAX_DOTS = 10_000
MAX_KEY_PARTS = 16
MAX_DEPTH = 100
TOO_DEEP = "the file nests arrays or tables too deeply to read"
TOO_LARGE = "the number is too large for TOML (64 bits at most)"
_DEEP = re.compile(rf"(?:[\[{{][^\[\]{{}}]*+){{{MAX_DEPTH}}}")  # that many opened, none closed: a cheap measure
_LONG_KEY = re.compile(rf"(?:\.[^.=,\[\]{{}}\n]*+){{{MAX_KEY_PARTS}}}")
_INT64 = (-(2**63), 2**63 - 1)


def _values(text: str) -> int:
    return text.count("=") + text.count(",") + text.count("[")


def _as_code(match: re.Match[str]) -> str:
    """A string becomes one key-like character (a quoted key stays a key part); its line breaks stay."""
    text = match.group()
    return "" if text.startswith("#") else "s" + "\n" * text.count("\n")


def _within_limits(text: str) -> bool:
    """True when the raw text alone shows that none of the limits below can be crossed.

    Each limit counts characters outside strings and comments, which are
    also characters of the raw text, and every line of the text without its
    strings lies within one line of the raw text. So fewer brackets, values
    and dots in the raw text, and no raw line with as many dots as a long
    key has, mean the same of the text without its strings: the common case
    (every session growtui writes) is decided without making that copy,
    which cost a quarter of the time of parsing.
    """
    return (
        text.count("[") + text.count("{") < MAX_DEPTH
        and _values(text) <= MAX_VALUES
        and (
            text.count(".") < MAX_KEY_PARTS
            or (
                text.count(".") <= MAX_DOTS
                and max(map(str.count, text.split("\n"), itertools.repeat("."))) < MAX_KEY_PARTS
            )
        )
    )


def check_shape(path: Path, text: str) -> None:
    """Refuse, before parsing, a text whose keys or number of values would make the parser crawl."""
    if _within_limits(text):
        return
    code = STRING_OR_COMMENT.sub(_as_code, text)
    deep = _DEEP.search(code)
    if deep:
        raise TomlProblem(Problem(path, TOO_DEEP, code.count("\n", 0, deep.start()) + 1), "limits")
    if _values(code) > MAX_VALUES:
        raise TomlProblem(
            Problem(path, f"the file holds more than {MAX_VALUES} values; that is not a file growtui wrote"), "limits"
        )
    if code.count(".") > MAX_DOTS:
        raise TomlProblem(
            Problem(
                path,
                f"the file holds more than {MAX_DOTS} dotted keys and decimal numbers; "
                "that is not a file growtui wrote",
            ),
            "limits",
        )
    long_key = _LONG_KEY.search(code)
    if long_key:
        raise TomlProblem(
            Problem(
                path,
                f"a dotted key or table name of more than {MAX_KEY_PARTS} parts; growtui's files use at most three",
                code.count("\n", 0, long_key.start()) + 1,
            ),
            "limits",
        )


def _all_int64(data: dict[str, Any]) -> bool:
    """No integer in the data is beyond 64 bits: a walk of the values alone, a third of the time of the one below."""
    low, high = _INT64
    pending: list[Any] = [data]
    while pending:
        container = pending.pop()
        for value in container.values() if type(container) is dict else container:
            kind = type(value)
            if kind is int:
                if not low <= value <= high:
                    return False
            elif kind is dict or kind is list:
                pending.append(value)
    return True


def _check_integers(path: Path, text: str, data: dict[str, Any]) -> None:
    """TOML integers are 64 bits; tomli reads any size, and SQLite would choke on the rest."""
    if _all_int64(data):
        return  # every file growtui wrote: known without building the path of every value
    pending: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, dict):
            pending.extend(((*where, key), item) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend(((*where, i), item) for i, item in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and not _INT64[0] <= value <= _INT64[1]:
            key = ".".join(str(part) for part in where if not isinstance(part, int))
            raise TomlProblem(
                Problem(path, f"'{shorten(key)}': {TOO_LARGE}", line_of(key_lines(text), where)), "limits"
            )


def parse(path: Path, text: str) -> dict[str, Any]:
    check_shape(path, text)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match and match.group(1) else None
        if match and match.group(0) == "(at end of document)":
            line = text.count("\n") + 1
        reason = _TOML_POSITION.sub("", message).strip().rstrip(".")
        raise TomlProblem(Problem(path, f"TOML syntax error: {reason}", line)) from None
    except RecursionError:
        raise TomlProblem(Problem(path, TOO_DEEP), "limits") from None
    except ValueError:  # int() refuses numbers of thousands of digits, before tomli can say where
        digits = re.search(r"[0-9_]{4000}", text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else None
        raise TomlProblem(Problem(path, TOO_LARGE, line), "limits") from None
    _check_integers(path, text, data)
    return data


def load(path: Path, max_bytes: int = MAX_BYTES) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file: (data, text) or a TomlProblem."""
    text = read_text(path, max_bytes)
    return parse(path, text), text


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
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def shorten(text: str, width: int = 40) -> str:
    """A key or an id out of a file, cut to a length fit for a message."""
    return text if len(text) <= width else text[: width - 3] + "..."


_WORD = re.compile(r"[\w.-]{1,24}")


def _describe_value(value: Any) -> str:
    """A wrong value as a message may show it: one short word or a number, never a sentence of notes."""
    if isinstance(value, (dict, list)):
        return "a table" if isinstance(value, dict) else "an array"  # repr could be megabytes, or too deep
    if isinstance(value, str) and not _WORD.fullmatch(value):
        return "this text" if value else "an empty text"
    return shorten(repr(value))


MAX_PROBLEMS = 20  # per file: a file with thousands of mistakes is not fixed one message at a time


def validation_problems(
    path: Path,
    text: str,
    model: type[BaseModel],
    error: ValidationError,
    describe_item: Any = None,
) -> list[Problem]:
    """One problem per pydantic error, with line, field and 'did you mean'.

    ``describe_item(loc)`` may name the thing an error sits in (for example
    "question 'goal.outcome'"). Input values are only quoted when they are a
    number or a single short word ('maybe' for a status), never notes.
    """
    lines = key_lines(text)
    problems = []
    for err in error.errors(include_url=False, include_context=False)[:MAX_PROBLEMS]:
        loc = tuple(err["loc"])
        prefix = describe_item(loc) if describe_item else None
        inner = loc[2:] if prefix else loc  # the field within the item that was named
        field = shorten(".".join(str(p) for p in inner if not isinstance(p, int)))
        if prefix:
            where = f"{prefix}, field '{field}'" if field else prefix
        else:
            where = f"field '{field}'" if field else "the file"
        kind = err["type"]
        if kind == "extra_forbidden":
            parent, key = loc[:-1], str(loc[-1])
            where = f"{prefix}: " if prefix else ""
            msg = f"{where}unknown key '{field}'"
            close = difflib.get_close_matches(key, _fields_at(model, parent), n=1, cutoff=0.6)
            msg += f" (did you mean '{close[0]}'?)" if close else ""
        elif kind == "missing":
            msg = f"{where}: missing (required)"
        elif kind in ("literal_error", "enum"):
            msg = f"{where}: {err['msg'].lower()}, not {_describe_value(err.get('input'))}"
        elif kind.endswith(("_type", "_parsing")):
            value = err.get("input")
            shown = f", not {_describe_value(value)}" if isinstance(value, (int, float, bool)) else ""
            msg = f"{where}: {err['msg'].lower()}{shown}"
        else:
            msg = f"{where}: {err['msg'].removeprefix('Value error, ')}"
        problems.append(Problem(path, msg, line_of(lines, loc)))
    if error.error_count() > MAX_PROBLEMS:
        problems.append(Problem(path, f"... and {error.error_count() - MAX_PROBLEMS} more problems like these"))
    return problems
