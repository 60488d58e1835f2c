"""JSON Schemas of the file formats, for editors and other tools.

The session schema says what growtui's reader accepts, so that an editor
using it flags what growtui would refuse: the keys the reader requires,
every format it still reads, and times with or without an offset (times
without one are read as local time). ``tests/test_schema_agrees.py`` holds
the two to each other, both ways, with generated files. What JSON Schema
cannot see is TOML's own types of dates and times: to it a date and the
text of one look alike, so ``started_at = "2026-10-01T10:00:00"`` (quoted)
is refused by growtui with a line number, but not flagged by an editor.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from pydantic import BaseModel

from growtui.model.question import QuestionFile
from growtui.model.session import SESSION_SCHEMA_VERSION, Session

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
SESSION_REQUIRED = ("schema_version", "id", "coachee", "started_at")
"""What every session file must say; the reader refuses a file without one of them."""
OLDEST_SESSION_FORMAT = 1
"""The oldest format the reader still reads (storage.migrate holds the steps; a test holds the two together)."""
LOCAL_DATE_TIME = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$"


def _times_may_be_local(node: Any) -> None:
    """Every date-time may also be a local date-time (TOML's, without an offset), as the reader reads it."""
    if isinstance(node, dict):
        if node.get("format") == "date-time" and node.get("type") == "string":
            del node["format"]
            node["anyOf"] = [{"format": "date-time"}, {"pattern": LOCAL_DATE_TIME}]
            node.setdefault("description", "A date and time; without an offset it is local time.")
        for value in node.values():
            _times_may_be_local(value)
    elif isinstance(node, list):
        for value in node:
            _times_may_be_local(value)


def _keys_follow_their_pattern(node: Any) -> None:
    """A table whose keys have a pattern (phase ids, record ids) takes no other keys, as the reader does.

    pydantic puts the key's pattern in ``patternProperties`` only, which leaves any other key
    unchecked; the pattern goes into ``propertyNames`` too.
    """
    if isinstance(node, dict):
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1 and "properties" not in node:
            [pattern] = patterns
            names = node.setdefault("propertyNames", {})
            names["pattern"] = pattern
        for value in node.values():
            _keys_follow_their_pattern(value)
    elif isinstance(node, list):
        for value in node:
            _keys_follow_their_pattern(value)


@functools.cache
def _session_schema() -> dict[str, Any]:
    schema = Session.model_json_schema()
    _times_may_be_local(schema)
    _keys_follow_their_pattern(schema)
    version = schema["properties"]["schema_version"]
    version.pop("const", None)
    version["enum"] = list(range(OLDEST_SESSION_FORMAT, SESSION_SCHEMA_VERSION + 1))
    version["description"] = (
        f"The format of this file; this schema describes format {SESSION_SCHEMA_VERSION}. "
        "growtui also reads files of older formats and rewrites them in this one when it saves them."
    )
    schema["required"] = list(SESSION_REQUIRED)
    return schema


def json_schema(kind: str) -> dict[str, Any]:
    models: dict[str, tuple[type[BaseModel], str]] = {
        "questions": (QuestionFile, "growtui question file"),
        "session": (Session, "growtui session file"),
    }
    model, title = models[kind]
    schema = copy.deepcopy(_session_schema()) if kind == "session" else model.model_json_schema()
    return {"$schema": _DRAFT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
