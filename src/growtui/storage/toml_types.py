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


def _fits(value: Any, node: dict[str, Any]) -> str | None:
    """None when the value has the TOML type the node asks for, else what was expected."""
    kind = node.get("type")
    if kind == "string":
        if _is_date_time(node):
            return None if isinstance(value, datetime) else "a date and time (2026-10-01T10:00:00+02:00)"
        if node.get("format") == "date":
            return None if isinstance(value, date) and not isinstance(value, datetime) else "a date (2026-10-01)"
        return None if isinstance(value, str) else "a text"
    if kind == "integer":
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        return None if whole and not isinstance(value, bool) else "a whole number"
    if kind == "boolean":
        return None if isinstance(value, bool) else "true or false"
    if kind == "array":
        return None if isinstance(value, list) else "an array"
    if kind == "object":
        return None if isinstance(value, dict) else "a table"
    return None  # no type: what it may be (a const, an enum) the model checks


def type_problems(data: dict[str, Any]) -> list[tuple[Loc, str]]:
    """``(key path, message)`` for each value of the wrong TOML type, at most 20."""
    schema = _schema()
    defs = schema.get("$defs", {})
    found: list[tuple[Loc, str]] = []
    pending: list[tuple[Loc, Any, dict[str, Any]]] = [((), data, schema)]
    while pending and len(found) < 20:
        loc, value, node = pending.pop()
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[1]]
        options = [o for o in node.get("anyOf", ()) if o.get("type") != "null"] if "type" not in node else [node]
        if len(options) == 1 and options[0] is not node:
            pending.append((loc, value, options[0]))
            continue
        typed = [o for o in options if "type" in o]
        if len(typed) > 1 and len(typed) == len(options):  # one of several types (a text or a score)
            misses = [_fits(value, o) for o in typed]
            if all(m is not None for m in misses):
                found.append((loc, f"{' or '.join(dict.fromkeys(m for m in misses if m))}, not {_what(value)}"))
            continue
        expected = _fits(value, node)
        if expected is not None:
            found.append((loc, f"{expected}, not {_what(value)}"))
            continue
        if isinstance(value, dict):
            properties, extra = node.get("properties", {}), node.get("additionalProperties")
            patterns = [(re.compile(p), inner) for p, inner in node.get("patternProperties", {}).items()]
            for key, item in value.items():
                inner = properties.get(key)
                if inner is None and isinstance(key, str):
                    inner = next((n for pattern, n in patterns if pattern.search(key)), None)
                if inner is None and isinstance(extra, dict):
                    inner = extra
                if inner is not None:  # an unknown key is the model's to name
                    pending.append(((*loc, key), item, inner))
        elif isinstance(value, list) and isinstance(node.get("items"), dict):
            pending.extend(((*loc, i), item, node["items"]) for i, item in enumerate(value))
    return found
