"""The first frame of ``growtui new`` as plain data: drawn before pydantic, the models and the library are loaded.

A full start keeps, in the cache folder, what the session screen shows before
anything is typed, for every conversation type in both languages: the phases
and their names, the opening's checklist, the first question with its line
and the answer line's placeholder. It is kept under a digest of the library's
files, of the code that makes these texts, and of the config file, together
with the config's values as validated then. The next ``growtui new`` finds it
without validating anything, draws it at once (``screens.sketch``), and
loads the real screen behind it; where anything differs, or nothing is kept,
the start is the full one, errors and all.

Nothing about a person is kept: no coachee, no topic, no notes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from growtui import paths
from growtui.storage.library_files import library_key

if TYPE_CHECKING:
    from growtui.config import Config
    from growtui.library import Library

FORMAT = 1
DEFAULT_TYPE = "problem-solving"  # model.types.DEFAULT_TYPE, without loading the models (a test checks they agree)
LANGS = ("nl", "en")
_HERE = Path(__file__).parent
# growtui's files that make the texts of the first frame: a change to any of them makes a kept frame stale.
_CODE = (
    "first_frame.py",
    "i18n/*.py",
    "conversation/*.py",
    "widgets/lines.py",
    "widgets/stepper.py",
    "widgets/ready_line.py",
    "widgets/question_panel.py",
    "widgets/style_panel.py",
    "widgets/phase_box.py",
)


@dataclass(frozen=True)
class Frame:
    """What a new conversation of one type shows in one language before anything is typed."""

    phases: tuple[tuple[str, str], ...]  # (id, name), the first one current
    minutes: int | None  # the type's time box; None for problem-solving, whose time box is the config's
    ready: tuple[tuple[str, bool | None], ...]  # the first phase's checklist (see widgets.lines.ready_line)
    question: str
    meta: str
    placeholder: str
    style: bool  # the opening asks "coach or direct?"


@dataclass(frozen=True)
class Settings:
    """The config's values the first frame needs, as they were validated."""

    language: str | None  # None: not set, the system's
    theme: str
    time_box_minutes: int
    sessions_dir: str | None


@dataclass(frozen=True)
class Kept:
    settings: Settings
    types: tuple[str, ...]  # every type the library knows (a frame is kept only for those that open plainly)
    frames: dict[str, Frame]  # by "type/lang"

    def frame(self, type_id: str | None, lang: str) -> Frame | None:
        return self.frames.get(f"{type_id or DEFAULT_TYPE}/{lang}")


@dataclass(frozen=True)
class Sketch:
    """One first frame to draw: the kept frame and what the command line said."""

    frame: Frame
    lang: str
    coachee: str
    topic: str
    minutes: int


def _cache_file() -> Path:
    return paths.cache_dir() / "first-frame.json"


def _code() -> list[Path]:
    return [path for pattern in _CODE for path in sorted(_HERE.glob(pattern))]


def config_digest(path: Path) -> str:
    """A digest of the config file's bytes; "none" when there is none, "" when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:32]
    except FileNotFoundError:
        return "none"
    except OSError:
        return ""


def digests(extra: Sequence[Path], config_path: Path) -> tuple[str, str]:
    """(library and code, config file): what a kept frame is kept under ("" in either: nothing is kept)."""
    return library_key(extra, _code()), config_digest(config_path)


def _kept_data(key: str, config: str) -> dict | None:
    try:
        data = json.loads(_cache_file().read_bytes())
    except Exception:  # missing, cut short, not JSON: nothing kept
        return None
    fresh = isinstance(data, dict) and data.get("format") == FORMAT and key and config
    return data if fresh and data.get("key") == key and data.get("config") == config else None


def kept(extra: Sequence[Path], config_path: Path) -> Kept | None:
    """The frames kept by the last full start, when nothing they came from has changed since; else None."""
    try:
        data = _kept_data(*digests(extra, config_path))
        if data is None:
            return None
        frames = {
            name: Frame(
                phases=tuple((str(p), str(n)) for p, n in f["phases"]),
                minutes=f["minutes"],
                ready=tuple((str(label), done) for label, done in f["ready"]),
                question=str(f["question"]),
                meta=str(f["meta"]),
                placeholder=str(f["placeholder"]),
                style=bool(f["style"]),
            )
            for name, f in data["frames"].items()
        }
        return Kept(Settings(**data["settings"]), tuple(data["types"]), frames)
    except Exception:  # missing, cut short, from another version: the start is the full one
        return None


def keep(kept_under: tuple[str, str], config: Config, library: Library) -> None:
    """Keep the first frames of ``library`` for the next start, under ``digests()`` taken before the config
    and the library were read (a file edited since then makes them stale, not wrong). Never raises."""
    try:
        key, config_now = kept_under
        if not config_now or not key or _kept_data(key, config_now) is not None:
            return
        frames = {
            f"{type_id}/{lang}": frame
            for type_id in library.types
            for lang in LANGS
            if (frame := _frame(library, type_id, lang))
        }
        settings = Settings(
            language=str(config.language) if "language" in config.model_fields_set else None,
            theme=config.theme,
            time_box_minutes=config.time_box_minutes,
            sessions_dir=str(config.sessions_dir) if config.sessions_dir is not None else None,
        )
        data = {
            "format": FORMAT,
            "key": key,
            "config": config_now,
            "settings": asdict(settings),
            "types": sorted(library.types),
            "frames": {name: asdict(frame) for name, frame in frames.items()},
        }
        from growtui.storage.atomic import write_atomic

        write_atomic(_cache_file(), json.dumps(data, ensure_ascii=False).encode())
    except Exception:  # a cache that cannot be made costs the next start its speed, nothing else
        return


def _frame(library: Library, type_id: str, lang: str) -> Frame | None:
    """The first frame of a new conversation of ``type_id``; None when it does not open plainly in the opening."""
    from growtui.conversation import LiveSession, start
    from growtui.storage import Store
    from growtui.widgets.question_panel import question_texts
    from growtui.widgets.ready_line import ready_state
    from growtui.widgets.stepper import steps_of

    kind = library.type_of(type_id)
    stored = start.new_session(Store(Path("unused")), coachee="-", kind=kind, language=lang, look_back=False)
    live = LiveSession(stored, library)
    if live.phase != "opening" or live.record_fields("opening"):
        return None  # the first frame has the opening's fields only: a type with more starts the full way
    question, meta, placeholder = question_texts(live)
    return Frame(
        phases=tuple((step.phase, step.name) for step in steps_of(live)),
        minutes=None if type_id == DEFAULT_TYPE else stored.session.time_box_minutes,
        ready=tuple(ready_state(live)),
        question=question,
        meta=meta,
        placeholder=placeholder,
        style=live.asks_style(),
    )
