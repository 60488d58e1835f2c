"""The rhythm file: how often you mean to talk with each coachee, kept in growtui's data folder.

A small TOML file, ``0600``, written atomically; keyed by the person key
(the name without regard to case or runs of spaces), so "Sem Brouwer" and
"sem  brouwer" are one person. A file broken by hand is reported with its
line and never overwritten: fix it or delete it.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w
from pydantic import ValidationError

from growtui import paths
from growtui.errors import ConfigError
from growtui.storage import toml_read
from growtui.storage.atomic import write_atomic

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


def set_rhythm(key: str, rhythm: str | None, path: Path | None = None) -> None:
    """Give a person (by person key) a rhythm, or (None) take it away; the others stay as they are."""
    from growtui.model import RhythmFile

    path = path or paths.rhythm_file()
    rhythms = read_rhythms(path)
    if rhythm is None:
        if key not in rhythms:
            return
        del rhythms[key]
    else:
        rhythms[key] = rhythm
    content = RhythmFile.model_validate({"rhythm": dict(sorted(rhythms.items()))})
    write_atomic(path, (_HEADER + tomli_w.dumps(content.model_dump())).encode("utf-8"))
