"""Typed text made safe to print on a terminal, with no heavy imports (the CLI lists use it).

A note can hold anything, including terminal escape sequences that would
recolour the screen, set the window title or move the cursor when printed.
Every control character except newline and tab, and the Unicode bidi
overrides that can make a line read differently than it is, become U+FFFD.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Control characters and bidi overrides become U+FFFD; ``\\r\\n`` becomes ``\\n``."""
    return _UNSAFE.sub("\ufffd", text.replace("\r\n", "\n"))
