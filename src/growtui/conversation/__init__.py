"""A conversation in progress, without any UI: its rules, its autosave, starting and resuming it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    "LiveSession": "live",
    "ScoreNeeded": "asking",
    **dict.fromkeys(("Autosaver", "SaveStatus"), "autosave"),
    **dict.fromkeys(
        ("Attention", "Preparation", "PreparedAction", "PreparedScale", "attention", "prepare"), "preparing"
    ),
    **dict.fromkeys(
        (
            "Earlier",
            "Resumed",
            "ReviewRecorder",
            "apply_earlier",
            "earlier_of",
            "follow_up_items",
            "new_session",
            "record_reviews",
            "reopen",
            "resume",
        ),
        "start",
    ),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.conversation.asking import (
        ScoreNeeded as ScoreNeeded,
    )
    from growtui.conversation.autosave import (
        Autosaver as Autosaver,
        SaveStatus as SaveStatus,
    )
    from growtui.conversation.live import (
        LiveSession as LiveSession,
    )
    from growtui.conversation.preparing import (
        Attention as Attention,
        Preparation as Preparation,
        PreparedAction as PreparedAction,
        PreparedScale as PreparedScale,
        attention as attention,
        prepare as prepare,
    )
    from growtui.conversation.start import (
        Earlier as Earlier,
        Resumed as Resumed,
        ReviewRecorder as ReviewRecorder,
        apply_earlier as apply_earlier,
        earlier_of as earlier_of,
        follow_up_items as follow_up_items,
        new_session as new_session,
        record_reviews as record_reviews,
        reopen as reopen,
        resume as resume,
    )
