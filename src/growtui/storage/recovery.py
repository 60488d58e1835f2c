"""Recovery files: where a session goes when its own file cannot be written (disk full, read-only, changed).

They live away from the sessions folder (which may be the one failing):
the data folder, else the cache folder, else a private folder in the temporary
folder, each one the user's alone. A recovery file is sealed when its
session's folder is encrypted.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from growtui import paths
from growtui.crypto import Vault
from growtui.errors import StoreWriteError
from growtui.model import Session
from growtui.storage.atomic import write_atomic
from growtui.storage.codec import to_toml


def recovery_dirs() -> list[Path]:
    """Places for recovery files, away from the sessions folder (which may be the one failing)."""
    return [
        paths.data_dir() / "recovery",
        paths.cache_dir() / "recovery",
        Path(tempfile.gettempdir()) / f"growtui-recovery-{os.getuid() if hasattr(os, 'getuid') else 'user'}",
    ]


def recovery_path_for(session_id: str, folder: Path) -> Path:
    return folder / f"{session_id}.toml"


BASE_SUFFIX = ".base.toml"


def base_path_for(recovery: Path) -> Path:
    """Beside a recovery file: the session as its file held it when growtui last read or wrote it (the base)."""
    return recovery.with_name(f"{recovery.stem}{BASE_SUFFIX}")


def find_recovery(session_id: str) -> Path | None:
    for folder in recovery_dirs():
        candidate = recovery_path_for(session_id, folder)
        if _ours(folder) and candidate.is_file():
            return candidate
    return None


def clear_recovery(session_id: str) -> None:
    """Remove a session's recovery file and its base: call only once their content is safely on disk."""
    for folder in recovery_dirs():
        recovery = recovery_path_for(session_id, folder)
        for path in (recovery, base_path_for(recovery)):
            try:
                path.unlink()
            except OSError:
                pass


def _ours(folder: Path) -> bool:
    """A folder we may put notes in: missing (we create it 0700), or a real folder that is ours alone.

    The last fallback lives in the shared temporary folder, where someone
    else could have made the name first, or made it a link.
    """
    try:
        st = folder.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    owner = os.getuid() if hasattr(os, "getuid") else st.st_uid
    return stat.S_ISDIR(st.st_mode) and st.st_uid == owner


def write_recovery(session: Session, vault: Vault | None = None, base: Session | None = None) -> Path | None:
    """Put the session where it is safe when its own file cannot be written; sealed if its folder is encrypted.

    ``base`` is the session as growtui last saw it in its file: with it,
    resuming can tell a change made outside growtui from its own, and merge.
    """

    def encoded(what: Session) -> bytes:
        data = to_toml(what).encode("utf-8")
        return vault.seal(data, what.id) if vault is not None else data

    data = encoded(session)
    for folder in recovery_dirs():
        if not _ours(folder):
            continue
        path = recovery_path_for(session.id, folder)
        try:
            if base is not None:
                write_atomic(base_path_for(path), encoded(base))
            else:
                base_path_for(path).unlink(missing_ok=True)
            write_atomic(path, data)
            return path
        except (StoreWriteError, OSError):
            continue
    return None
