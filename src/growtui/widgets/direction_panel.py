"""The directed part: the standard as the manager states it (what, by when, which quality) and how it came across."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label

from growtui.i18n import short_date
from growtui.model import parse_date
from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import FieldInput, TickBox, pull_inputs

LINES = ("what", "quality", "in_their_words")


class DirectionPanel(PhasePanel):
    """Five rows: what, by when, which quality, in their own words, understood."""

    DEFAULT_CSS = """
    DirectionPanel {
        height: auto;
        margin-bottom: 1;
        .direction-row { height: 1; }
        .direction-row > Label { width: 26; color: $text-muted; }
        .direction-row Input {
            width: 1fr;
            background: $primary 12%;
            &:focus { background: $primary 30%; }
        }
        #direction-by-when { width: 16; }
        #direction-by-when-parsed { width: 1fr; margin-left: 1; }
        #direction-by-when-parsed.-invalid { color: $error; }
        #direction-understood-row { height: 3; }
    }
    """

    def compose(self) -> ComposeResult:
        self._lang = self.live.lang
        d = self.live.session.direction
        for field in ("what", "by_when", "quality", "in_their_words"):
            label = self.t(f"direction.{field}")
            with Horizontal(classes="direction-row", id=f"direction-{field.replace('_', '-')}-row"):
                yield Label(label)
                if field == "by_when":
                    yield FieldInput(
                        "" if d.by_when is None else d.by_when.isoformat(),
                        field=field,
                        id="direction-by-when",
                        compact=True,
                        placeholder=self.t("direction.by_when.placeholder"),
                        typing_label=label,
                    )
                    yield Label(self._day(), id="direction-by-when-parsed")
                else:
                    yield FieldInput(
                        getattr(d, field),
                        field=field,
                        id=f"direction-{field.replace('_', '-')}",
                        compact=True,
                        select_on_focus=False,
                        placeholder=self.t(f"direction.{field}.placeholder"),
                        typing_label=label,
                    )
        with Horizontal(id="direction-understood-row"):
            yield Label("")
            yield TickBox(self.t("direction.understood"), d.understood, id="direction-understood", compact=True)

    def _day(self) -> str:
        day = self.live.session.direction.by_when
        return "" if day is None else short_date(day, self.live.lang)

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self.refresh(recompose=True)
            return
        d = self.live.session.direction
        for field in LINES:
            widget = self.query_one(f"#direction-{field.replace('_', '-')}", Input)
            if widget.value != getattr(d, field):
                widget.value = getattr(d, field)
        by_when = self.query_one("#direction-by-when", Input)
        if parse_date(by_when.value, self.live.today()) != d.by_when:
            with by_when.prevent(Input.Changed):
                by_when.value = "" if d.by_when is None else d.by_when.isoformat()
        self.query_one("#direction-by-when-parsed", Label).update(self._day())
        self.query_one("#direction-understood", Checkbox).value = d.understood

    def pull(self) -> None:
        pull_inputs(self, self._typed)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        widget = event.input
        if not isinstance(widget, FieldInput):
            return
        event.stop()
        if widget.field == "by_when":
            text = event.value.strip()
            day = parse_date(text, self.live.today()) if text else None
            parsed = self.query_one("#direction-by-when-parsed", Label)
            parsed.set_class(bool(text) and day is None, "-invalid")
            parsed.update("?" if text and day is None else ("" if day is None else short_date(day, self.live.lang)))
            if day is None and text:
                return  # half a date changes nothing until it reads as one
            self.live.set_direction("by_when", day)
        else:
            self.live.set_direction(widget.field, event.value)
        self.edited()

    @on(Checkbox.Changed, "#direction-understood")
    def _understood(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.live.set_direction("understood", event.value)
        self.edited()

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        event.input.cursor_position = 0

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
