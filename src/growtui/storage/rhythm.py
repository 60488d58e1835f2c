"""The rhythm file: how often you mean to talk with each coachee, kept in growtui's data folder.

A small TOML file, ``0600``, written atomically; keyed by the person key
(the name without regard to case or runs of spaces), so "Sem Brouwer" and
"sem  brouwer" are one person. For the coachees of an encrypted folder the
key is a tag made from the name under the folder's key instead
(:meth:`~growtui.crypto.Vault.name_tag`), so the file names nobody there. A
file broken by hand is reported with its line and never overwritten: fix it
or delete it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w
from pydantic import ValidationError

from growtui import paths
from growtui.errors import ConfigError
from growtui.storage import toml_read
from growtui.storage.atomic import write_atomic

if TYPE_CHECKING:
    from growtui.crypto import Vault

_HEADER = (
    "# growtui: how often you mean to talk with each coachee (1w, 2w or 4w).\n"
    "# Set with: growtui coachees --set-rhythm NAME 2w (none clears it).\n"
)


def read_rhythms(path: Path | None = None) -> dict[str, str]:
    """Person key to rhythm (``1w``, ``2w``, ``4w``); empty when there is no file yet."""
    from growtui.model import RhythmFile

    path = path or paths.rhythm_file()
    if not path.exists():
        return {}
    try:
        data, text = toml_read.load(path, max_bytes=1024 * 1024)
    except toml_read.TomlProblem as exc:
        raise ConfigError([exc.problem]) from None
    try:
        return dict(RhythmFile.model_validate(data).rhythm)
    except ValidationError as exc:
        raise ConfigError(toml_read.validation_problems(path, text, RhythmFile, exc)) from None


def rhythm_key(person: str, vault: Vault | None = None) -> str:
    """The key of a person (their person key) in the rhythm file: for an encrypted folder, its tag."""
    return vault.name_tag(person) if vault is not None else person


def rhythm_of(rhythms: dict[str, str], person: str, vault: Vault | None = None) -> str | None:
    """A person's rhythm; in an encrypted folder one set before it was encrypted counts too."""
    return rhythms.get(rhythm_key(person, vault)) or rhythms.get(person)


def set_rhythm(person: str, rhythm: str | None, path: Path | None = None, *, vault: Vault | None = None) -> None:
    """Give a person (by person key) a rhythm, or (None) take it away; the others stay as they are.

    In an encrypted folder the rhythm is kept under the person's tag, and one kept under their name goes.
    """
    from growtui.model import RhythmFile

    path = path or paths.rhythm_file()
    rhythms = read_rhythms(path)
    key = rhythm_key(person, vault)
    before = dict(rhythms)
    rhythms.pop(person, None)
    if rhythm is None:
        rhythms.pop(key, None)
    else:
        rhythms[key] = rhythm
    if rhythms == before:
        return
    content = RhythmFile.model_validate({"rhythm": dict(sorted(rhythms.items()))})
    write_atomic(path, (_HEADER + tomli_w.dumps(content.model_dump())).encode("utf-8"))
