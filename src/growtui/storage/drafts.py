"""Preparation drafts: what a manager types on the home screen before a conversation exists.

Kept per coachee in growtui's data folder until the conversation starts
(then it is in the session's ``preparation`` section), so closing the
terminal while preparing loses nothing. The file name is a hash of the
person, never their name; in an encrypted folder the content is sealed.
``growtui forget`` removes a person's draft with the rest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from growtui import paths
from growtui.crypto import Vault
from growtui.errors import StoreWriteError
from growtui.storage.atomic import write_atomic


def drafts_dir() -> Path:
    return paths.data_dir() / "preparation"


def draft_path(root: Path, person: str) -> Path:
    """Where the draft of a person (their index person key) for the sessions folder ``root`` lives."""
    key = f"{paths.real(root)}\n{person}".encode("utf-8", "surrogateescape")
    return drafts_dir() / f"{hashlib.sha256(key).hexdigest()[:24]}.json"


def save_draft(root: Path, person: str, notes: str, questions: list[str], vault: Vault | None = None) -> None:
    """Keep the draft; an empty one removes the file. Raises StoreWriteError when it cannot be written."""
    path = draft_path(root, person)
    if not notes.strip() and not questions:
        clear_draft(root, person)
        return
    data = json.dumps({"person": person, "notes": notes, "questions": questions}, ensure_ascii=False).encode()
    paths.ensure_private_dir(path.parent)
    write_atomic(path, vault.seal_blob(data) if vault is not None else data)


def load_draft(root: Path, person: str, vault: Vault | None = None) -> tuple[str, list[str]]:
    """The draft's notes and question ids; nothing when there is none or it cannot be read."""
    try:
        raw = draft_path(root, person).read_bytes()
    except OSError:
        return "", []
    if vault is not None:
        opened = vault.open_blob(raw)
        if opened is None:
            return "", []
        raw = opened
    try:
        data = json.loads(raw)
    except ValueError:
        return "", []
    if not isinstance(data, dict) or data.get("person") != person:
        return "", []
    notes, questions = data.get("notes", ""), data.get("questions", [])
    if not isinstance(notes, str) or not isinstance(questions, list):
        return "", []
    return notes, [q for q in questions if isinstance(q, str)]


def clear_draft(root: Path, person: str) -> None:
    try:
        draft_path(root, person).unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StoreWriteError(draft_path(root, person), exc.strerror or "cannot remove") from None
