"""The settings file: a small TOML file in the config folder."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from growtui import i18n
from growtui.errors import ConfigError
from growtui.model import Lang, Strict
from growtui.storage import toml_read

CONFIG_TEMPLATE = """\
# growtui settings. Every key is optional.
# language = "nl"            # "nl" or "en": interface and new sessions
# time_box_minutes = 45      # default length of a new session
# coach_name = ""            # written into new sessions
# theme = "textual-dark"     # any Textual theme, for example "textual-light"
# sessions_dir = "~/Sync/coaching"   # where session files live
"""


def system_language() -> Lang:
    """Dutch when the system speaks Dutch, English otherwise."""
    return Lang(i18n.system_language())


class Config(Strict):
    language: Lang = Field(default_factory=system_language)
    time_box_minutes: int = Field(default=45, ge=5, le=480)
    coach_name: str = ""
    theme: str = "textual-dark"
    sessions_dir: Path | None = None

    @field_validator("sessions_dir")
    @classmethod
    def _expand(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None


def load_config(path: Path) -> Config:
    """The settings from ``path``; defaults when there is no file."""
    if not path.exists():
        return Config()
    try:
        data, text = toml_read.load(path, max_bytes=256 * 1024)
    except toml_read.TomlProblem as exc:
        raise ConfigError([exc.problem]) from None
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(toml_read.validation_problems(path, text, Config, exc)) from None
