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
