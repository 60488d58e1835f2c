"""Every location growtui uses, as functions: nothing is decided at import.

Order of precedence for the sessions folder: ``--sessions-dir``, then the
environment variable ``GROWTUI_SESSIONS_DIR``, then ``sessions_dir`` in the
config file, then the platform's data folder. ``GROWTUI_CONFIG_DIR`` moves
the config folder (and with it the user's own question files).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP = "growtui"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    return _env_path("GROWTUI_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_questions_dir() -> Path:
    """Where a user keeps their own question files (``*.toml``)."""
    return config_dir() / "questions"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_sessions_dir() -> Path:
    return data_dir() / "sessions"


def sessions_dir_from_env() -> Path | None:
    return _env_path("GROWTUI_SESSIONS_DIR")


def sessions_dir(override: Path | None = None, configured: Path | None = None) -> Path:
    return (override or _env_path("GROWTUI_SESSIONS_DIR") or configured or default_sessions_dir()).expanduser()


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def lock_dir() -> Path:
    """Lock files live outside the sessions folder, so they never get synced."""
    return cache_dir() / "locks"


def migration_backup_dir() -> Path:
    """Originals of session files kept while growtui rewrites them in a newer format.

    Private, and outside the (possibly synced) sessions folder; a copy is
    removed as soon as the rewritten file has been written and read back.
    """
    return data_dir() / "migrated"


def rhythm_file() -> Path:
    """How often you mean to talk with each coachee (``growtui coachees --set-rhythm``)."""
    return data_dir() / "rhythm.toml"


def trash_dir() -> Path:
    """Deleted conversations, kept 30 days: private, and outside the (possibly synced) sessions folder."""
    return data_dir() / "trash"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def shipped_questions_dir() -> Path:
    """The question library that comes with growtui.

    In an installed wheel it sits inside the package; in a source checkout
    (editable install) it is the top-level ``questions/`` folder.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "questions"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "questions"


def real(path: Path) -> Path:
    """The path with its links resolved; absolute as it is when they go round in a loop or cannot be followed."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def cache_name(path: Path, length: int) -> str:
    """A name for a cache file that belongs to ``path`` (a session, a sessions folder): a hash of its real path.

    Cache files never carry the name itself: a folder's or coachee's name stays out of the cache folder.
    """
    return hashlib.sha256(str(real(path)).encode("utf-8", "surrogateescape")).hexdigest()[:length]


def ensure_private_dir(path: Path) -> Path:
    """Make sure a folder exists; the folders this has to create are readable by the owner only.

    A folder that is already there is never changed: it may be the home
    folder an export is written into, or a shared folder with its sticky
    bit (``chmod`` would clear it). Only what growtui creates is made
    private (``mkdir(parents=True)`` would give missing parents the default
    mode, and a strict umask could leave them unwritable).
    """
    missing = []
    for folder in (path, *path.parents):
        if os.path.lexists(folder):
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs, left as it is
        try:
            folder.chmod(0o700)  # the umask may have taken more than the group's and others' bits
        except OSError:
            pass
    if not path.is_dir():
        path.mkdir(mode=0o700)  # a file or a dangling link in the way: the error says so
    return path
