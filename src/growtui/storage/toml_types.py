"""TOML's own types, checked against the session schema before the model sees the data.

pydantic, validating leniently, turns ``"45"`` into 45, ``1`` into true, a
date into midnight UTC and a number into a time since 1970. growtui's files
are TOML, whose values carry their types, and the JSON Schema an editor uses
says which type each key holds; so the reader holds each value to that
type first, from the same schema, and only then lets the model validate
the rest (ranges, patterns, names). A whole number may be written ``45.0``:
JSON Schema, and so an editor, cannot tell the two apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

Loc = tuple[Any, ...]


@functools.cache
def _schema() -> dict[str, Any]:
    from growtui.model import json_schema

    return json_schema("session")


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time of day"
    return "an array" if isinstance(value, list) else "a table"


def _is_date_time(node: dict[str, Any]) -> bool:
    return any(option.get("format") == "date-time" for option in node.get("anyOf", ()))


def _whole(value: Any) -> bool:
    return (isinstance(value, int) or (isinstance(value, float) and value.is_integer())) and not isinstance(value, bool)


_EXPECTED: dict[str, tuple[Callable[[Any], bool], str]] = {
    "date-time": (lambda v: isinstance(v, datetime), "a date and time (2026-10-01T10:00:00+02:00)"),
    "date": (lambda v: isinstance(v, date) and not isinstance(v, datetime), "a date (2026-10-01)"),
    "string": (lambda v: isinstance(v, str), "a text"),
    "integer": (_whole, "a whole number"),
    "boolean": (lambda v: isinstance(v, bool), "true or false"),
    "array": (lambda v: isinstance(v, list), "an array"),
    "object": (lambda v: isinstance(v, dict), "a table"),
}


def _expected_kind(node: dict[str, Any]) -> str | None:
    """Which TOML type a node of the schema asks for (a key of _EXPECTED); None: any (a const, an enum)."""
    kind = node.get("type")
    if kind == "string":
        if _is_date_time(node):
            return "date-time"
        return "date" if node.get("format") == "date" else "string"
    return kind if kind in _EXPECTED else None


class _Node:
    """One node of the schema, its references and nullable options resolved once, not for every value."""

    __slots__ = ("extra", "fits", "items", "leaf", "message", "patterns", "properties")

    def __init__(self) -> None:
        self.fits: Callable[[Any], bool] | None = None
        self.message = ""
        self.properties: dict[str, _Node] = {}
        self.patterns: list[tuple[re.Pattern[str], _Node]] = []
        self.extra: _Node | None = None
        self.items: _Node | None = None
        self.leaf = False  # nothing inside to check: only ``fits``


def _resolved(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The node a value is held to: references followed, a lone option besides null taken."""
    while True:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[1]]
        options = [o for o in node.get("anyOf", ()) if o.get("type") != "null"] if "type" not in node else [node]
        if len(options) == 1 and options[0] is not node:
            node = options[0]
            continue
        return node


def _compiled(node: dict[str, Any], defs: dict[str, Any], made: dict[int, _Node]) -> _Node:
    node = _resolved(node, defs)
    known = made.get(id(node))
    if known is not None:
        return known
    made[id(node)] = compiled = _Node()
    kind = _expected_kind(node)
    if kind is not None:
        compiled.fits, compiled.message = _EXPECTED[kind]
    elif "type" not in node and len(options := node.get("anyOf", ())) > 1:  # one of several (a text or a score)
        kinds = [_expected_kind(_resolved(o, defs)) for o in options if o.get("type") != "null"]
        if kinds and None not in kinds:
            checks = [_EXPECTED[k][0] for k in kinds if k is not None]
            compiled.fits = lambda v, checks=checks: any(check(v) for check in checks)
            compiled.message = " or ".join(dict.fromkeys(_EXPECTED[k][1] for k in kinds if k is not None))
    compiled.properties = {key: _compiled(inner, defs, made) for key, inner in node.get("properties", {}).items()}
    compiled.patterns = [
        (re.compile(pattern), _compiled(inner, defs, made))
        for pattern, inner in node.get("patternProperties", {}).items()
    ]
    extra, items = node.get("additionalProperties"), node.get("items")
    compiled.extra = _compiled(extra, defs, made) if isinstance(extra, dict) else None
    compiled.items = _compiled(items, defs, made) if isinstance(items, dict) else None
    compiled.leaf = not (compiled.properties or compiled.patterns or compiled.extra or compiled.items)
    return compiled


def _all_fit(value: Any, node: _Node) -> bool:
    """No value in ``value`` is of the wrong type: what :func:`type_problems` finds, without where, and faster."""
    fits = node.fits
    if fits is not None and not fits(value):
        return False
    if isinstance(value, dict):
        properties, patterns, extra = node.properties, node.patterns, node.extra
        for key, item in value.items():
            inner = properties.get(key)
            if inner is None and patterns and isinstance(key, str):
                inner = next((n for pattern, n in patterns if pattern.search(key)), None)
            if inner is None:
                inner = extra
            if inner is None:
                continue
            if inner.leaf:
                if inner.fits is not None and not inner.fits(item):
                    return False
            elif not _all_fit(item, inner):
                return False
    elif isinstance(value, list) and node.items is not None:
        items = node.items
        if items.leaf:
            return items.fits is None or all(map(items.fits, value))
        return all(_all_fit(item, items) for item in value)
    return True


@functools.cache
def _root() -> _Node:
    schema = _schema()
    return _compiled(schema, schema.get("$defs", {}), {})


def type_problems(data: dict[str, Any]) -> list[tuple[Loc, str]]:
    """``(key path, message)`` for each value of the wrong TOML type, at most 20.

    The schema is walked with the data, depth first; it is compiled once
    (:class:`_Node`), as reading every file of a large folder calls this for
    every value of every file.
    """
    root = _root()
    if _all_fit(data, root):
        return []  # every file growtui wrote; the walk below also says where, in its own order
    found: list[tuple[Loc, str]] = []
    pending: list[tuple[Loc, Any, _Node]] = [((), data, root)]
    while pending and len(found) < 20:
        loc, value, node = pending.pop()
        fits = node.fits
        if fits is not None and not fits(value):
            found.append((loc, f"{node.message}, not {_what(value)}"))
            continue
        if isinstance(value, dict):
            properties, patterns, extra = node.properties, node.patterns, node.extra
            for key, item in value.items():
                inner = properties.get(key)
                if inner is None and patterns and isinstance(key, str):
                    inner = next((n for pattern, n in patterns if pattern.search(key)), None)
                if inner is None:
                    inner = extra
                if inner is not None:  # an unknown key is the model's to name
                    pending.append(((*loc, key), item, inner))
        elif isinstance(value, list) and node.items is not None:
            items = node.items
            pending.extend(((*loc, i), item, items) for i, item in enumerate(value))
    return found
