"""Deleting a conversation into the trash and back, and forgetting a person: above storage and the index.

The command line and the history screen share these, so a deletion or an
erasure is the same wherever it starts. No Textual here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(
        ("InUse", "Listed", "delete_session", "listing", "read_trashed", "restore_session", "side_files"), "deleting"
    ),
    **dict.fromkeys(("KINDS", "Erased", "Found", "Mention", "Plan", "erase", "find"), "forgetting"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.erasure.deleting import (
        InUse as InUse,
        Listed as Listed,
        delete_session as delete_session,
        listing as listing,
        read_trashed as read_trashed,
        restore_session as restore_session,
        side_files as side_files,
    )
    from growtui.erasure.forgetting import (
        KINDS as KINDS,
        Erased as Erased,
        Found as Found,
        Mention as Mention,
        Plan as Plan,
        erase as erase,
        find as find,
    )
