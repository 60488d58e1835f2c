"""JSON Schemas of the file formats, for editors and other tools."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from growtui.model.question import QuestionFile
from growtui.model.session import SESSION_SCHEMA_VERSION, Session

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: str) -> dict[str, Any]:
    models: dict[str, tuple[type[BaseModel], str]] = {
        "questions": (QuestionFile, "growtui question file"),
        "session": (Session, "growtui session file"),
    }
    model, title = models[kind]
    schema = model.model_json_schema()
    if kind == "session":
        schema["properties"]["schema_version"]["description"] = (
            f"The format of this file; this schema describes format {SESSION_SCHEMA_VERSION}. "
            "growtui also reads files of older formats and rewrites them in this one when it saves them."
        )
    return {"$schema": _DRAFT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
