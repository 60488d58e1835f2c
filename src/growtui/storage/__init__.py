"""Session files on disk: the store, atomic writes, locks, migration, folder naming, TOML read and write, the trash.

No Textual and no SQLite here. ``toml_read``, ``toml_write`` and ``trash`` are
used as modules (``from growtui.storage import trash``); the rest by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("Scan", "SessionChangedOnDisk", "Stamp", "Store", "Stored"), "store"),
    **dict.fromkeys(("MAX_SESSION_FILE", "from_toml", "load_file", "to_toml"), "codec"),
    **dict.fromkeys(
        ("describe_os_error", "find_leftovers", "remove_leftovers", "rescue_half_written", "write_atomic"), "atomic"
    ),
    **dict.fromkeys(
        (
            "SUFFIX",
            "UNREADABLE_FOLDER",
            "file_name",
            "find_file",
            "is_conflict_copy",
            "iter_stats",
            "sealed_file_name",
            "session_files",
            "session_id_in",
            "slugify",
            "stat_files",
            "stats_in_background",
        ),
        "folder",
    ),
    "SessionLock": "locks",
    **dict.fromkeys(("clear_draft", "draft_path", "drafts_dir", "load_draft", "save_draft"), "drafts"),
    **dict.fromkeys(("read_rhythms", "rhythm_key", "rhythm_of", "set_rhythm"), "rhythm"),
    **dict.fromkeys(
        ("base_path_for", "clear_recovery", "find_recovery", "recovery_dirs", "recovery_path_for", "write_recovery"),
        "recovery",
    ),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.storage.atomic import (
        describe_os_error as describe_os_error,
        find_leftovers as find_leftovers,
        remove_leftovers as remove_leftovers,
        rescue_half_written as rescue_half_written,
        write_atomic as write_atomic,
    )
    from growtui.storage.codec import (
        MAX_SESSION_FILE as MAX_SESSION_FILE,
        from_toml as from_toml,
        load_file as load_file,
        to_toml as to_toml,
    )
    from growtui.storage.drafts import (
        clear_draft as clear_draft,
        draft_path as draft_path,
        drafts_dir as drafts_dir,
        load_draft as load_draft,
        save_draft as save_draft,
    )
    from growtui.storage.folder import (
        SUFFIX as SUFFIX,
        UNREADABLE_FOLDER as UNREADABLE_FOLDER,
        file_name as file_name,
        find_file as find_file,
        is_conflict_copy as is_conflict_copy,
        iter_stats as iter_stats,
        sealed_file_name as sealed_file_name,
        session_files as session_files,
        session_id_in as session_id_in,
        slugify as slugify,
        stat_files as stat_files,
        stats_in_background as stats_in_background,
    )
    from growtui.storage.locks import (
        SessionLock as SessionLock,
    )
    from growtui.storage.recovery import (
        base_path_for as base_path_for,
        clear_recovery as clear_recovery,
        find_recovery as find_recovery,
        recovery_dirs as recovery_dirs,
        recovery_path_for as recovery_path_for,
        write_recovery as write_recovery,
    )
    from growtui.storage.rhythm import (
        read_rhythms as read_rhythms,
        rhythm_key as rhythm_key,
        rhythm_of as rhythm_of,
        set_rhythm as set_rhythm,
    )
    from growtui.storage.store import (
        Scan as Scan,
        SessionChangedOnDisk as SessionChangedOnDisk,
        Stamp as Stamp,
        Store as Store,
        Stored as Stored,
    )
