"""The SQLite index of a sessions folder: the database, its rows, the sealed copy, results and text matching."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("BATCH", "INDEX_FORMAT", "PARALLEL_FROM", "Index"), "database"),
    **dict.fromkeys(("Entry", "Hit", "OpenAction", "Progress", "Stats", "Sync"), "results"),
    **dict.fromkeys(("Rows", "read_all", "rows_for"), "rows"),
    **dict.fromkeys(("default_location", "remove_plain_index", "sealed_location"), "sealed"),
    **dict.fromkeys(("SNIPPET_WIDTH", "WINDOW", "Snippet", "fold", "person_key", "query_terms", "snippet",
                     "typed_text"), "matching"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.index.database import (
        BATCH as BATCH,
    )
    from growtui.index.database import (
        INDEX_FORMAT as INDEX_FORMAT,
    )
    from growtui.index.database import (
        PARALLEL_FROM as PARALLEL_FROM,
    )
    from growtui.index.database import (
        Index as Index,
    )
    from growtui.index.matching import (
        SNIPPET_WIDTH as SNIPPET_WIDTH,
    )
    from growtui.index.matching import (
        WINDOW as WINDOW,
    )
    from growtui.index.matching import (
        Snippet as Snippet,
    )
    from growtui.index.matching import (
        fold as fold,
    )
    from growtui.index.matching import (
        person_key as person_key,
    )
    from growtui.index.matching import (
        query_terms as query_terms,
    )
    from growtui.index.matching import (
        snippet as snippet,
    )
    from growtui.index.matching import (
        typed_text as typed_text,
    )
    from growtui.index.results import (
        Entry as Entry,
    )
    from growtui.index.results import (
        Hit as Hit,
    )
    from growtui.index.results import (
        OpenAction as OpenAction,
    )
    from growtui.index.results import (
        Progress as Progress,
    )
    from growtui.index.results import (
        Stats as Stats,
    )
    from growtui.index.results import (
        Sync as Sync,
    )
    from growtui.index.rows import (
        Rows as Rows,
    )
    from growtui.index.rows import (
        read_all as read_all,
    )
    from growtui.index.rows import (
        rows_for as rows_for,
    )
    from growtui.index.sealed import (
        default_location as default_location,
    )
    from growtui.index.sealed import (
        remove_plain_index as remove_plain_index,
    )
    from growtui.index.sealed import (
        sealed_location as sealed_location,
    )
