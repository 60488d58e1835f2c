"""Writing TOML that people read: tomli-w, with notes as literal blocks and short lists inline."""

from __future__ import annotations

import re
from typing import Any

import tomli
import tomli_w

_NOT_IN_LITERAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]|'''")
_TOKEN = re.compile('"\ue000growtui-[0-9]+\ue001"')


def _literal_block(text: str) -> str | None:
    """``text`` as a multi-line literal string (no escapes at all), if it can be one."""
    if "\n" not in text or text.endswith("'") or _NOT_IN_LITERAL.search(text):
        return None
    return "'''\n" + text + "'''"


def _inline_list(items: list[Any]) -> str | None:
    if not items or not all(isinstance(i, (str, int)) and not isinstance(i, bool) for i in items):
        return None
    if any(isinstance(i, str) and "\n" in i for i in items):
        return None
    parts = [tomli_w.dumps({"x": i}).partition(" = ")[2].rstrip("\n") for i in items]
    line = "[" + ", ".join(parts) + "]"
    return line if len(line) <= 76 else None


def friendly_dumps(data: dict[str, Any]) -> str:
    """tomli-w output, with notes people can read and short lists on one line.

    tomli-w escapes every quote inside multi-line strings and puts each list
    item on its own line, which makes notes full of the coachee's own words
    hard to read. Such values are swapped for placeholders, tomli-w writes
    the document, and the placeholders become literal blocks and inline
    lists. The result is parsed again; on any difference the plain tomli-w
    text is used instead (and if even that differs, as tomli-w's multi-line
    strings do for "\\r\\n", fully escaped strings), so this only ever
    changes the looks.
    """
    replacements: dict[str, str] = {}

    def swap(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            inline = _inline_list(value)
            if inline is None:
                return [swap(v) for v in value]
            rendered = inline
        elif isinstance(value, str):
            block = _literal_block(value)
            if block is None:
                return value
            rendered = block
        else:
            return value
        token = f"\ue000growtui-{len(replacements)}\ue001"
        replacements[f'"{token}"'] = rendered
        return token

    def friendly() -> str:
        text = tomli_w.dumps(swapped, multiline_strings=True)
        # One pass for all placeholders: replacing them one by one rescanned the whole text each time.
        return _TOKEN.sub(lambda m: replacements.get(m.group(), m.group()), text)  # a note may hold the pattern

    swapped = swap(data)
    # Each candidate is only made if the one before it fails: tomli-w writes long strings a character
    # at a time, and writing the plain one too made every autosave of a long session ten times slower.
    candidates = [friendly] if replacements else []
    candidates.append(lambda: tomli_w.dumps(data, multiline_strings=True))
    for make in candidates:
        text = make()
        try:
            if tomli.loads(text) == data:
                return text
        except tomli.TOMLDecodeError:
            pass
    return tomli_w.dumps(data)  # every character escaped: always exact
