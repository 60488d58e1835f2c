"""A list of sessions that stays instant at ten thousand rows.

DataTable measures and stores every cell when rows are added (seconds for
10,000 rows, and slower keys as it grows); this draws only the lines on
screen, from a plain list, with the Line API. Replacing the rows (a filter,
a search) is a list assignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from growtui.index import Entry
from growtui.safetext import clean

Column = tuple[str, int | None, Callable[[Entry], str]]  # title, width (None: the rest), text of a row


def _cell(text: str, width: int) -> str:
    text = " ".join(clean(text).split())
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…"
    return set_cell_size(text, width)


class SessionTable(ScrollView, can_focus=True):
    """Rows of sessions with a cursor; Enter posts ``Chosen``."""

    DEFAULT_CSS = """
    SessionTable {
        height: 1fr;
        background: $surface;
        & > .session-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .session-table--cursor {
            background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
        }
        & > .session-table--muted { color: $text-muted; }
        & > .session-table--open { color: $text-warning; }
    }
    """
    COMPONENT_CLASSES = {"session-table--cursor", "session-table--muted", "session-table--open"}
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(0)", show=False),
        Binding("end", "edge(1)", show=False),
        Binding("enter", "choose", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class _RowMessage(Message):
        def __init__(self, table: SessionTable, entry: Entry) -> None:
            super().__init__()
            self.table = table
            self.entry = entry

        @property
        def control(self) -> SessionTable:
            return self.table

    class Chosen(_RowMessage):
        """Enter (or a double click) on a row."""

    class Highlighted(_RowMessage):
        """The cursor moved to a row."""

    def __init__(self, columns: Sequence[Column], **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = list(columns)
        self.rows: list[Entry] = []
        self.open_status = "in_progress"

    # --- data ------------------------------------------------------------------

    def set_rows(self, rows: list[Entry], *, keep: Entry | None = None) -> None:
        """Show these rows; the cursor stays on ``keep`` (by file) if it is still there."""
        self.rows = rows
        index = 0
        if keep is not None:
            index = next((i for i, e in enumerate(rows) if e.rel == keep.rel), 0)
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = index
        self.refresh()

    @property
    def current(self) -> Entry | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def widths(self, total: int) -> list[int]:
        fixed = sum(w for _, w, _ in self.columns if w is not None) + len(self.columns) - 1
        return [w if w is not None else max(8, total - fixed) for _, w, _ in self.columns]

    def header(self, total: int) -> str:
        return " ".join(_cell(title, w) for (title, _, _), w in zip(self.columns, self.widths(total), strict=True))

    # --- cursor ----------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        if self.current is not None:
            self.post_message(self.Highlighted(self, self.current))

    def refresh_line(self, row: int) -> None:
        self.refresh(Region(0, row - self.scroll_offset.y, self.size.width, 1))

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_edge(self, end: int) -> None:
        self.cursor = len(self.rows) - 1 if end else 0

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, self.current))

    async def _on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            if row == self.cursor and event.chain > 1:
                self.action_choose()
            self.cursor = row

    # --- drawing ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        entry = self.rows[row]
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("session-table--cursor")
        segments = []
        for index, ((_, _, text_of), w) in enumerate(zip(self.columns, self.widths(width), strict=True)):
            if index:
                segments.append(Segment(" ", style))
            cell_style = style
            if index == len(self.columns) - 2 and entry.status == self.open_status and row != self.cursor:
                cell_style = style + self.get_component_rich_style("session-table--open")
            segments.append(Segment(_cell(text_of(entry), w), cell_style))
        return Strip(segments).adjust_cell_length(width, style if row == self.cursor else base or Style())

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))
