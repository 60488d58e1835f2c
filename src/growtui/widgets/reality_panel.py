"""Reality: the scale answers given so far (score, question, what was said), newest last."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.widgets import DataTable, Label

from growtui.model import ScaleAnswer
from growtui.safetext import shorten
from growtui.widgets.base import PhasePanel

COLUMNS = (("score", "reality.col.score"), ("question", "reality.col.question"), ("said", "reality.col.said"))


class RealityPanel(PhasePanel):
    """The scale answers noted in this conversation; the question panel adds them."""

    DEFAULT_CSS = """
    RealityPanel {
        height: auto;
        #scales { height: auto; max-height: 7; }
        #scales-empty { color: $text-muted; display: none; }
        &.-empty #scales { display: none; }
        &.-empty #scales-empty { display: block; }
    }
    """

    def compose(self) -> ComposeResult:
        yield DataTable(id="scales", cursor_type="row")
        yield Label(id="scales-empty")

    def on_mount(self) -> None:
        self.refresh_from_session()

    def _cells(self, scale: ScaleAnswer) -> tuple[str, str, str]:
        room = max(30, (self.size.width or 80) - 12)  # the score column and the spaces around the columns
        return str(scale.score), shorten(scale.question, room // 2), shorten(scale.said, room - room // 2)

    def on_resize(self) -> None:
        self.refresh_from_session()  # the texts use the width there is

    def refresh_from_session(self) -> None:
        scales = self.live.session.reality.scales
        try:
            table = self.query_one("#scales", DataTable)
        except NoMatches:  # taken down while it mounted (the app quit just after it started): nothing to show
            return
        table.clear(columns=True)
        for key, label in COLUMNS:
            table.add_column(self.t(label), key=key)
        for scale in scales:
            table.add_row(*self._cells(scale))
        if scales:
            table.move_cursor(row=len(scales) - 1, animate=False)
        self.query_one("#scales-empty", Label).update(self.t("reality.scales.empty"))
        self.set_class(not scales, "-empty")
