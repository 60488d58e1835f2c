"""The JSON Schema of session files and growtui's reader agree, both ways (issue 15, item 9).

The schema required only ``coachee`` while the reader refused files without
``id`` or ``started_at``; the reader took a ``started_at`` without an offset,
or a date alone, which the schema (and jsonschema with format checks)
refused; and the reader, validating leniently, turned "45" into 45, 1 into
true and a number into a time. Now the schema is made from the reader's rules
and the reader holds values to the schema's types, and hypothesis checks it:
for files made from every kind of session and then damaged (keys removed,
values of every TOML type put anywhere, unknown keys), growtui reads the file
exactly when the schema, with format checks, says it is valid.

The one thing JSON Schema cannot see is TOML's own types of dates and times: in
the JSON an editor checks, a date and the text of one are the same string. So
the damage never puts a date where a text belongs or a text where a date
belongs; growtui refuses both with a line number (tested below).
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from growtui.errors import SessionFileError
from growtui.model import SESSION_REQUIRED, json_schema
from growtui.storage import from_toml, to_toml, toml_read
from test_round_trip import sessions
from test_schemas import as_json_types

SCHEMA = json_schema("session")
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
PATH = Path("agree.toml")


def test_format_checks_are_on():
    """Without rfc3339-validator jsonschema silently skips date-time checks, and this test would prove nothing."""
    assert not VALIDATOR.is_valid({"started_at": "2026-10-01"} | dict.fromkeys(("id", "coachee"), "x"))
    assert not jsonschema.Draft202012Validator(
        {"format": "date-time"}, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).is_valid("2026-10-01T10:00:00")


def node_at(path: tuple) -> dict[str, Any] | None:
    """The schema of the value at ``path`` (None where the schema does not say: an unknown key)."""
    node: Any = SCHEMA
    for part in path:
        node = resolve(node)
        if isinstance(part, int):
            node = node.get("items")
        else:
            extra = node.get("additionalProperties")
            node = node.get("properties", {}).get(part, extra if isinstance(extra, dict) else None)
        if node is None:
            return None
    return resolve(node)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while True:
        if "$ref" in node:
            node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "type" not in node and "anyOf" in node:
            options = [o for o in node["anyOf"] if o.get("type") != "null"]
            if len(options) != 1:
                return node
            node = options[0]
        else:
            return node


def is_dated(node: dict[str, Any] | None) -> bool | None:
    """True for a date or date-time, False for a text, None for anything else."""
    if node is None or node.get("type") != "string":
        return None
    return node.get("format") == "date" or any(o.get("format") == "date-time" for o in node.get("anyOf", ()))


ZONE = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-23 * 60 - 59, 23 * 60 + 59))
SCALARS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["", " ", "\u3000", "\x1c", "nl", "goal", "open", "done", "in_progress", "45", "true", "abcd"]),
    st.integers(-5, 500),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([0, 1, 2, 10, 11, 99, 100, 480, 481, 31_622_400, 31_622_401]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([2.0, 45.0, 7.0, 7.5, 1.0]),
    st.booleans(),
)
DATED = st.one_of(
    st.dates(),
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=ZONE),
    st.times(),
)
VALUES = st.one_of(
    SCALARS, DATED, st.lists(SCALARS | DATED, max_size=2), st.dictionaries(st.text(max_size=4), SCALARS, max_size=2)
)


def paths_in(value: Any, here: tuple = ()) -> list[tuple]:
    found = [here] if here else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_in(item, (*here, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths_in(item, (*here, i))
    return found


def container(data: dict, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def in_the_blind_spot(value: Any, node: dict[str, Any] | None) -> bool:
    """A date where a text belongs, or a text where a date belongs, anywhere in ``value``."""
    dated = is_dated(node)
    if dated is False and isinstance(value, (date, time)):
        return True
    if dated is True and isinstance(value, str):
        return True
    return False


@st.composite
def damaged_files(draw) -> dict[str, Any]:
    data = tomllib.loads(to_toml(draw(sessions())))
    if draw(st.booleans()):
        data["schema_version"] = draw(st.sampled_from([1, 2, 3, 0, 1.0, 2.0, True]))
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["remove", "replace", "replace", "unknown", "required"]))
        places = paths_in(data)
        if action == "required":
            data.pop(draw(st.sampled_from(SESSION_REQUIRED)), None)
        elif action == "unknown":
            tables = [()] + [p for p in places if isinstance(container(data, (*p, "x")), dict)]
            key = draw(st.sampled_from(["coachee_name", "gaol", "x"]))
            container(data, (*draw(st.sampled_from(tables)), key))[key] = draw(SCALARS)
        elif places:
            path = draw(st.sampled_from(places))
            holder = container(data, path)
            if action == "remove":
                del holder[path[-1]]
            else:
                value = draw(VALUES)
                assume(not in_the_blind_spot(value, node_at(path)))
                if isinstance(value, list) and node_at(path) is not None:
                    items = resolve(node_at(path) or {}).get("items")
                    assume(not any(in_the_blind_spot(v, resolve(items) if items else None) for v in value))
                holder[path[-1]] = value
    return data


def growtui_reads(data: dict[str, Any]) -> bool:
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):
        return False
    try:
        from_toml(PATH, text, toml_read.parse(PATH, text))
    except SessionFileError:
        return False
    return True


def editor_accepts(data: dict[str, Any]) -> bool:
    return VALIDATOR.is_valid(as_json_types(data))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=damaged_files())
def test_growtui_reads_a_file_exactly_when_the_schema_says_it_is_valid(data):
    assume(_dumpable(data))
    reads, accepts = growtui_reads(data), editor_accepts(data)
    assert reads == accepts, (reads, accepts, sorted(e.message for e in VALIDATOR.iter_errors(as_json_types(data)))[:3])


def _dumpable(data: dict[str, Any]) -> bool:
    try:
        tomli_w.dumps(data)
    except (TypeError, ValueError):
        return False
    return True


HEAD = 'schema_version = 2\nid = "agree0000001"\ncoachee = "X"\n'


@pytest.mark.parametrize(
    "line, says",
    [
        (
            'started_at = "2026-10-01T10:00:00+02:00"',
            "field 'started_at': a date and time (2026-10-01T10:00:00+02:00), not a text",
        ),
        ("started_at = 2026-10-01", "field 'started_at': a date and time (2026-10-01T10:00:00+02:00), not a date"),
        ("started_at = 1700000000", "field 'started_at'"),
        (
            'started_at = 2026-10-01T10:00:00\ntime_box_minutes = "45"',
            "field 'time_box_minutes': a whole number, not a text",
        ),
        (
            "started_at = 2026-10-01T10:00:00\nnext_meeting = 2026-10-01T00:00:00",
            "field 'next_meeting': a date (2026-10-01), not a date and time",
        ),
        ("started_at = 2026-10-01T10:00:00\ntopic = 2026-10-01", "field 'topic'"),
        (
            'started_at = 2026-10-01T10:00:00\n[[options.items]]\nid = "o1"\ntext = "x"\nchosen = 1',
            "field 'options.items.chosen': true or false, not a number",
        ),
    ],
)
def test_the_blind_spot_and_the_lenient_conversions_are_refused_with_a_line(tmp_path, line, says):
    from growtui.storage import Store

    path = tmp_path / "x.toml"
    path.write_text(HEAD + line + "\n")
    with pytest.raises(SessionFileError) as info:
        Store(tmp_path).read(path)
    assert says in str(info.value) and f"{path}:" in str(info.value)


def test_a_local_time_and_a_whole_number_written_as_45_0_are_read():
    text = HEAD + "started_at = 2026-10-01T10:00:00\ntime_box_minutes = 45.0\n"
    data = toml_read.parse(PATH, text)
    assert editor_accepts(data) and from_toml(PATH, text, data).time_box_minutes == 45
