"""Typed text made safe to print on a terminal, with no heavy imports (the CLI lists use it).

A note can hold anything, including terminal escape sequences that would
recolour the screen, set the window title or move the cursor when printed.
Every control character except newline and tab, and the Unicode bidi
overrides that can make a line read differently than it is, become U+FFFD.
File names can hold the same, and bytes that are not UTF-8 at all.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")


def clean(text: str) -> str:
    """Control characters and bidi overrides become U+FFFD; ``\\r\\n`` becomes ``\\n``."""
    return _UNSAFE.sub("\ufffd", text.replace("\r\n", "\n"))


def _in_line(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return "\ufffd"


def flat(text: str) -> str:
    """Every run of white space, line breaks included, as one space, the ends trimmed: text for one line of a list."""
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    """:func:`flat`, cut to ``width`` characters with an ellipsis where it was cut."""
    text = flat(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def one_line(text: str) -> str:
    """For a part of a one-line message (a file name, a key): no control character at all, newlines neither.

    Bytes of a file name that are not UTF-8 show as ``\\xNN``, as ``ls -b`` would.
    """
    return _UNSAFE_IN_LINE.sub(_in_line, text)


def json_text(dumped: str) -> str:
    """Output of ``json.dumps(..., ensure_ascii=False)`` with what a terminal acts on written as ``\\uXXXX``.

    ``json.dumps`` already escapes C0 control characters; this adds DEL, the
    C1 controls (``\\x9b`` starts an escape sequence too), bidi overrides and
    lone surrogates. The data is the same; only its spelling changes.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# --- JSON for scripts, quickly -------------------------------------------------------------
# json.dumps with an indent falls back to CPython's pure-Python encoder: 10,000 sessions of
# `list --json` took 154 ms there, against 49 ms without one. This writes the same text with
# the C parts (string encoding) and one join per table.


class _Unusual(Exception):
    """A value json.dumps handles in its own way (a key that is not text, a subclass): leave it to json."""


def terminal_json(value: object, indent: int = 1) -> str:
    """``json_text(json.dumps(value, ensure_ascii=False, indent=indent))``, character for character, faster."""
    import json

    try:
        written = _JsonWriter(" " * indent).write(value, 0)
    except (_Unusual, RecursionError):
        return json_text(json.dumps(value, ensure_ascii=False, indent=indent))
    # Once over the whole text rather than once per string: what json_text rewrites is never part
    # of JSON's own punctuation, so the two are the same, and most text needs no second look at all.
    return written if written.isascii() and "\x7f" not in written else json_text(written)


class _JsonWriter:
    def __init__(self, indent: str) -> None:
        from json.encoder import encode_basestring

        self.indent = indent
        self.shapes: dict[tuple[tuple, int], str] = {}
        self.encode = encode_basestring

    def template(self, keys: tuple, level: int) -> str:
        """A table with these keys at this level, a ``%s`` for each value."""
        if any(type(key) is not str for key in keys):
            raise _Unusual
        inner = "\n" + self.indent * (level + 1)
        names = [self.encode(key).replace("%", "%%") + ": %s" for key in keys]
        return f"{{{inner}{(',' + inner).join(names)}\n{self.indent * level}}}"

    def text(self, value: str) -> str:
        return self.encode(value)  # json_text comes after, over the whole (terminal_json)

    def write(self, value: object, level: int) -> str:
        kind = type(value)
        if kind is str:
            return self.text(value)  # type: ignore[arg-type]
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if kind is int:
            return int.__repr__(value)
        if kind is float:
            number: float = value  # type: ignore[assignment]
            if number != number:
                return "NaN"
            if number in (float("inf"), float("-inf")):
                return "Infinity" if number > 0 else "-Infinity"
            return float.__repr__(number)
        if kind is list or kind is tuple:
            items: list | tuple = value  # type: ignore[assignment]
            if not items:
                return "[]"
            inner = "\n" + self.indent * (level + 1)
            body = ("," + inner).join([self.write(item, level + 1) for item in items])
            return f"[{inner}{body}\n{self.indent * level}]"
        if kind is dict:
            table: dict = value  # type: ignore[assignment]
            if not table:
                return "{}"
            shape = (tuple(table), level)
            template = self.shapes.get(shape)
            if template is None:
                template = self.shapes[shape] = self.template(shape[0], level)
            # One template per shape of table (every listed session has the same keys), its values
            # inline: a call to write() and an f-string for each one were two thirds of the time.
            encode, write = self.encode, self.write
            return template % tuple(
                [
                    encode(item)
                    if type(item) is str
                    else "null"
                    if item is None
                    else int.__repr__(item)
                    if type(item) is int
                    else write(item, level + 1)
                    for item in table.values()
                ]
            )
        raise _Unusual
