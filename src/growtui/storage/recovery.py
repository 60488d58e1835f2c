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


def find_recovery(session_id: str) -> Path | None:
    for folder in recovery_dirs():
        candidate = recovery_path_for(session_id, folder)
        if _ours(folder) and candidate.is_file():
            return candidate
    return None


def clear_recovery(session_id: str) -> None:
    for folder in recovery_dirs():
        try:
            recovery_path_for(session_id, folder).unlink()
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


def write_recovery(session: Session, vault: Vault | None = None) -> Path | None:
    """Put the session where it is safe when its own file cannot be written; sealed if its folder is encrypted."""
    data = to_toml(session).encode("utf-8")
    if vault is not None:
        data = vault.seal(data)
    for folder in recovery_dirs():
        if not _ours(folder):
            continue
        path = recovery_path_for(session.id, folder)
        try:
            write_atomic(path, data)
            return path
        except StoreWriteError:
            continue
    return None
