"""The SQLite index of a sessions folder: the database, its rows, the sealed copy, results and text matching."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("BATCH", "INDEX_FORMAT", "PARALLEL_FROM", "Index"), "database"),
    **dict.fromkeys(("Entry", "Hit", "OpenAction", "Person", "Progress", "Stats", "Sync"), "results"),
    **dict.fromkeys(("Rows", "read_all", "rows_for"), "rows"),
    "Cancelled": "queries",
    **dict.fromkeys(("default_location", "remove_plain_index", "sealed_location"), "sealed"),
    **dict.fromkeys(
        ("SNIPPET_WIDTH", "WINDOW", "Snippet", "fold", "person_key", "query_terms", "snippet", "typed_text"), "matching"
    ),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.index.database import (
        BATCH as BATCH,
        INDEX_FORMAT as INDEX_FORMAT,
        PARALLEL_FROM as PARALLEL_FROM,
        Index as Index,
    )
    from growtui.index.matching import (
        SNIPPET_WIDTH as SNIPPET_WIDTH,
        WINDOW as WINDOW,
        Snippet as Snippet,
        fold as fold,
        person_key as person_key,
        query_terms as query_terms,
        snippet as snippet,
        typed_text as typed_text,
    )
    from growtui.index.queries import Cancelled as Cancelled
    from growtui.index.results import (
        Entry as Entry,
        Hit as Hit,
        OpenAction as OpenAction,
        Person as Person,
        Progress as Progress,
        Stats as Stats,
        Sync as Sync,
    )
    from growtui.index.rows import (
        Rows as Rows,
        read_all as read_all,
        rows_for as rows_for,
    )
    from growtui.index.sealed import (
        default_location as default_location,
        remove_plain_index as remove_plain_index,
        sealed_location as sealed_location,
    )
