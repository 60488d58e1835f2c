"""The readable TOML writer: exact round trips, whatever the text holds."""

from __future__ import annotations

import tomllib

import tomli_w

from growtui.storage import toml_write as tomlwrite


def test_notes_become_literal_blocks_and_read_back_exactly():
    data = {"goal": {"notes": 'She said "no" twice.\nThen: it\'s fine.\n', "tags": ["a", "b"]}}
    text = tomlwrite.friendly_dumps(data)
    assert "'''\nShe said \"no\" twice." in text
    assert 'tags = ["a", "b"]' in text
    assert tomllib.loads(text) == data


def test_a_note_that_looks_like_a_placeholder_is_written_as_typed():
    sneaky = 'copied from a file: "\ue000growtui-0\ue001" and "\ue000growtui-99\ue001"'
    data = {"goal": {"notes": "line one\nline two\n", "session_goal": sneaky}, "tags": ["x"]}
    assert tomllib.loads(tomlwrite.friendly_dumps(data)) == data


def test_the_plain_fallback_is_only_written_when_the_readable_text_fails(monkeypatch):
    """Writing long notes the plain way costs a character at a time; a save must not pay it for nothing."""
    calls = []
    real = tomli_w.dumps

    def counting(obj, **kwargs):
        calls.append(obj)
        return real(obj, **kwargs)

    monkeypatch.setattr(tomlwrite.tomli_w, "dumps", counting)
    data = {"goal": {"notes": "a long note\n" * 1000}}
    tomlwrite.friendly_dumps(data)
    assert data not in calls, "the plain text was built although the readable one was exact"
