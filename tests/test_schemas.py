"""The JSON Schemas that editors use accept our files and reject typos."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from factories import full_session
from growtui.model import json_schema
from growtui.storage import to_toml


def as_json_types(value):
    """TOML dates and times become strings, as an editor's TOML-to-JSON view does."""
    if isinstance(value, dict):
        return {k: as_json_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json_types(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", sorted((ROOT / "questions").glob("*.toml")), ids=lambda p: p.name)
def test_shipped_question_files_match_the_schema(path):
    jsonschema.validate(tomllib.loads(path.read_text()), json_schema("questions"))


def test_question_schema_rejects_unknown_keys():
    data = tomllib.loads((Path(__file__).parent / "data" / "good_questions.toml").read_text())
    data["questions"][0]["purpse"] = {"nl": "x", "en": "y"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema("questions"))


def test_a_written_session_matches_the_schema():
    data = as_json_types(tomllib.loads(to_toml(full_session())))
    jsonschema.validate(data, json_schema("session"))


@pytest.mark.parametrize("path", sorted((ROOT / "sessions").glob("*.toml")), ids=lambda p: p.name)
def test_example_sessions_match_the_schema(path):
    jsonschema.validate(as_json_types(tomllib.loads(path.read_text())), json_schema("session"))


def test_the_session_schema_is_of_the_current_format():
    from growtui.model import SESSION_SCHEMA_VERSION
    from growtui.storage import migrate

    version = json_schema("session")["properties"]["schema_version"]
    assert version["default"] == SESSION_SCHEMA_VERSION == 4
    assert version["enum"] == list(range(migrate.OLDEST, SESSION_SCHEMA_VERSION + 1)), "every format growtui reads"
    assert "older formats" in version["description"]
