"""Session files on disk: the store, atomic writes, locks, migration, folder naming, TOML read and write.

No Textual and no SQLite here. ``toml_read`` and ``toml_write`` are used as
modules (``from growtui.storage import toml_read``); the rest by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("MAX_SESSION_FILE", "Scan", "SessionChangedOnDisk", "Stamp", "Store", "Stored", "from_toml",
                     "load_file", "to_toml"), "store"),
    **dict.fromkeys(("describe_os_error", "remove_leftovers", "write_atomic"), "atomic"),
    **dict.fromkeys(("SUFFIX", "file_name", "find_file", "session_id_in", "is_conflict_copy", "sealed_file_name", "session_files", "slugify",
                     "stat_files"), "folder"),
    "SessionLock": "locks",
    **dict.fromkeys(("clear_recovery", "find_recovery", "recovery_dirs", "recovery_path_for", "write_recovery"),
                    "recovery"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.storage.atomic import (
        describe_os_error as describe_os_error,
    )
    from growtui.storage.atomic import (
        remove_leftovers as remove_leftovers,
    )
    from growtui.storage.atomic import (
        write_atomic as write_atomic,
    )
    from growtui.storage.folder import (
        SUFFIX as SUFFIX,
    )
    from growtui.storage.folder import (
        file_name as file_name,
    )
    from growtui.storage.folder import (
        find_file as find_file,
    )
    from growtui.storage.folder import (
        is_conflict_copy as is_conflict_copy,
    )
    from growtui.storage.folder import (
        sealed_file_name as sealed_file_name,
    )
    from growtui.storage.folder import (
        session_files as session_files,
    )
    from growtui.storage.folder import (
        session_id_in as session_id_in,
    )
    from growtui.storage.folder import (
        slugify as slugify,
    )
    from growtui.storage.folder import (
        stat_files as stat_files,
    )
    from growtui.storage.locks import (
        SessionLock as SessionLock,
    )
    from growtui.storage.recovery import (
        clear_recovery as clear_recovery,
    )
    from growtui.storage.recovery import (
        find_recovery as find_recovery,
    )
    from growtui.storage.recovery import (
        recovery_dirs as recovery_dirs,
    )
    from growtui.storage.recovery import (
        recovery_path_for as recovery_path_for,
    )
    from growtui.storage.recovery import (
        write_recovery as write_recovery,
    )
    from growtui.storage.store import (
        MAX_SESSION_FILE as MAX_SESSION_FILE,
    )
    from growtui.storage.store import (
        Scan as Scan,
    )
    from growtui.storage.store import (
        SessionChangedOnDisk as SessionChangedOnDisk,
    )
    from growtui.storage.store import (
        Stamp as Stamp,
    )
    from growtui.storage.store import (
        Store as Store,
    )
    from growtui.storage.store import (
        Stored as Stored,
    )
    from growtui.storage.store import (
        from_toml as from_toml,
    )
    from growtui.storage.store import (
        load_file as load_file,
    )
    from growtui.storage.store import (
        to_toml as to_toml,
    )
