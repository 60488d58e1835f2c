"""Where in a TOML text a key is: a linear line scanner, for messages that name the line.

Apart from :mod:`growtui.storage.toml_read`, which uses it (and re-exports
``key_lines`` and ``line_of``), so each stays a size a reader takes in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# A string or a comment, for taking them out of a text (their dots and brackets are notes, not TOML).
STRING_OR_COMMENT = re.compile(
    r""""{3}(?:[^"\\]++|\\.|"{1,2}+(?!"))*+(?:"{3,5}|\Z)"""
    r"""|'{3}(?:[^']++|'{1,2}+(?!'))*+(?:'{3,5}|\Z)"""
    r"""|"(?:[^"\\\n]++|\\.)*+(?:"|(?=\n)|\Z)"""
    r"""|'[^'\n]*+(?:'|(?=\n)|\Z)"""
    r"|\#[^\n]*+",
    re.DOTALL,
)


# --- where in the text is a key? -------------------------------------------
# Possessive, unambiguous patterns: linear in a line's length (backtracking ones took 24 s on 4,000 spaces).

_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+')"""
_DOTTED = rf"{_KEY_PART}(?:[ \t]*+\.[ \t]*+{_KEY_PART})*+"
_HEADER = re.compile(rf"[ \t]*+(\[\[?+)[ \t]*+({_DOTTED})[ \t]*+\]\]?+[ \t\r]*+(?:#.*)?$")
_KEY = re.compile(rf"[ \t]*+({_DOTTED})[ \t]*+=")
_PART = re.compile(_KEY_PART)


def _split_key(key: str) -> list[str]:
    return [part[1:-1] if part[0] in "\"'" else part for part in _PART.findall(key)]


def _lines_inside_strings(text: str) -> bytearray:
    """Per line (1-based), 1 if it begins inside a multi-line string (anywhere, in an array too): notes, not keys."""
    inside = bytearray(text.count("\n") + 2)
    line, pos = 1, 0
    for match in STRING_OR_COMMENT.finditer(text):
        start, end = match.span()
        if text[start] == "#":
            continue
        breaks = text.count("\n", start, end)
        if not breaks:
            continue
        line += text.count("\n", pos, start)
        inside[line + 1 : line + breaks + 1] = b"\x01" * breaks
        line, pos = line + breaks, end
    return inside


def key_lines(text: str) -> dict[tuple[Any, ...], int]:
    """Map key paths, as pydantic reports them, to the line where they start.

    A small line scanner, not a parser: it understands table headers, arrays
    of tables (counting their elements), dotted keys and multi-line strings,
    which is all that hand-written question and session files use. Paths are
    like ``("questions", 3, "text", "nl")``; every prefix is recorded at the
    first line that contributes to it. Lines are counted at line feeds, as
    tomli counts them (a form feed or U+2028 in the notes is no new line).
    Linear in the length of the text.
    """
    lines: dict[tuple[Any, ...], int] = {}
    counters: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    inside = _lines_inside_strings(text)

    def record(path: tuple[Any, ...], lineno: int) -> None:
        for i in range(1, len(path) + 1):
            lines.setdefault(path[:i], lineno)

    for lineno, line in enumerate(text.split("\n"), start=1):
        if inside[lineno]:
            continue
        header = _HEADER.match(line)
        if header:
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
    return lines


def line_of(lines: dict[tuple[Any, ...], int], loc: Sequence[Any]) -> int | None:
    """The line of the longest known prefix of ``loc``."""
    loc = tuple(loc)
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
