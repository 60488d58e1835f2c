"""A row table of session items (options, actions) that keeps its cursor on the same item."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.widgets import DataTable


class ItemTable(DataTable):
    """A row table of session items (options, actions), each row keyed by the item's id."""

    DEFAULT_CSS = """
    ItemTable {
        height: auto;
        max-height: 7;
    }
    """

    @dataclass
    class EditRequested(Message):
        table: ItemTable
        item_id: str

        @property
        def control(self) -> ItemTable:
            return self.table

    @dataclass
    class RemoveRequested(Message):
        table: ItemTable
        item_id: str

        @property
        def control(self) -> ItemTable:
            return self.table

    def __init__(self, *, typing_label: str = "", **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.typing_label = typing_label  # what the session's top bar says while this table has the keys

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def show_rows(self, rows: Sequence[tuple[str, Iterable[object]]], select: str | None = None) -> None:
        """Replace the rows; the cursor stays on ``select``, else on the same item, else the same place."""
        keep = select or self.current_id
        place = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        if rows:
            ids = [key for key, _ in rows]
            self.move_cursor(row=ids.index(keep) if keep in ids else min(place, len(ids) - 1), animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove") and not self.row_count:
            return False
        return True

    def action_edit(self) -> None:
        if item_id := self.current_id:
            self.post_message(self.EditRequested(self, item_id))

    def action_remove(self) -> None:
        if item_id := self.current_id:
            self.post_message(self.RemoveRequested(self, item_id))

    @on(DataTable.RowSelected)
    def _row_clicked(self, event: DataTable.RowSelected) -> None:
        """A click on the highlighted row opens it, like enter."""
        event.stop()
        self.action_edit()
