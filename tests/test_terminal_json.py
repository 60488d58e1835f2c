"""``terminal_json`` writes exactly what ``json_text(json.dumps(..., ensure_ascii=False, indent=n))`` writes.

It exists for speed (issue 18: an indent makes json.dumps use its pure-Python
encoder, three times slower for ``list --json``), so it must never differ by a
character, for any data, including text a terminal would act on.
"""

from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from growtui.safetext import json_text, terminal_json

ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=12)
LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=30,
)


def reference(value: object, indent: int) -> str:
    return json_text(json.dumps(value, ensure_ascii=False, indent=indent))


@settings(max_examples=300, deadline=None)
@given(VALUES, st.sampled_from([1, 2]))
def test_the_same_text_as_json_dumps(value, indent):
    assert terminal_json(value, indent) == reference(value, indent)


def test_what_json_handles_its_own_way_is_left_to_json():
    from enum import StrEnum

    class Colour(StrEnum):
        red = "red"

    odd = [{1: "a", None: "b"}, (1, 2), Colour.red, {"k": Colour.red}, float("nan")]
    assert terminal_json(odd) == reference(odd, 1)


def test_a_list_of_sessions_as_list_json_prints_it():
    rows = [
        {"id": "k7m2", "path": "/s/a.toml", "tags": [], "motivation": None, "topic": "Zoë \x1b[31m rood\u202e"},
        {"id": "k7m3", "path": "/s/b.toml", "tags": ["werk", "tijd"], "motivation": 7, "topic": ""},
    ]
    assert terminal_json(rows) == reference(rows, 1)
    assert terminal_json([]) == "[]"
