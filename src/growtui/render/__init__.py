"""Sessions as documents for people: plain text, Markdown, a coachee's arc, and a process-only summary.

No Textual here: the command line's export runs without the interface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("session_markdown", "session_text"), "session"),
    **dict.fromkeys(("preparation_blocks", "preparation_text"), "preparation"),
    **dict.fromkeys(("arc_markdown", "arc_parts", "coachee_markdown", "sparkline", "trends"), "coachee"),
    "summary": "summary",
    **dict.fromkeys(("action_uid", "calendar", "meeting_uid"), "ics"),
    **dict.fromkeys(("AGREED_RECORDS", "recap_blocks", "recap_markdown", "recap_text"), "recap"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.render.coachee import (
        arc_markdown as arc_markdown,
        arc_parts as arc_parts,
        coachee_markdown as coachee_markdown,
        sparkline as sparkline,
        trends as trends,
    )
    from growtui.render.ics import (
        action_uid as action_uid,
        calendar as calendar,
        meeting_uid as meeting_uid,
    )
    from growtui.render.preparation import (
        preparation_blocks as preparation_blocks,
        preparation_text as preparation_text,
    )
    from growtui.render.recap import (
        AGREED_RECORDS as AGREED_RECORDS,
        recap_blocks as recap_blocks,
        recap_markdown as recap_markdown,
        recap_text as recap_text,
    )
    from growtui.render.session import (
        session_markdown as session_markdown,
        session_text as session_text,
    )
    from growtui.render.summary import (
        summary as summary,
    )
