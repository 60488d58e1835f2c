"""Edit one action: what, when it starts and is done, how we will know, who to tell, support, obstacles.

Dates are typed the way people say them (``vrijdag``, ``1-12``, ``3 dec``,
``+7``) and read with ``parse_date``; the date understood is shown beside
the field, and a start after the due date is pointed out. The longer fields
wrap over several lines.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label

from growtui.dialogs.item_editor import ItemEditor
from growtui.i18n import short_date, t
from growtui.model import Action, Source, parse_date
from growtui.widgets.fields import FieldArea, FieldInput, TickBox

DATES = ("start", "when")
TEXTS = ("success_criterion", "inform", "support", "obstacles")
LABELS = {
    "what": "will.what",
    "start": "will.start",
    "when": "will.when",
    "success_criterion": "will.success",
    "inform": "will.inform",
    "support": "will.support",
    "obstacles": "will.obstacles",
}
FIRST_EMPTY = ("success_criterion", "when", "inform", "support", "obstacles", "start")


class ActionEditor(ItemEditor):
    """Edit an action; what is typed is in the session at once. Esc or Ctrl+S closes."""

    INVALID = "date.invalid"

    DEFAULT_CSS = """
    ActionEditor {
        #fields { height: auto; max-height: 18; }
        .row { height: auto; margin-bottom: 0; }
        .row > Label { width: 30; padding-right: 1; }
        .row FieldArea { width: 1fr; height: auto; min-height: 1; max-height: 4; padding: 0; border: none; }
        .row FieldArea:focus { background: $boost; }
        #start, #when { width: 14; }
        .parsed { width: 1fr; margin-left: 2; color: $text-muted; }
        .parsed.-invalid { color: $error; }
        #date-error, #date-order { display: none; }
        #date-error { color: $error; }
        #date-order { color: $text-warning; }
        &.-bad-date #date-error { display: block; }
        &.-late-start #date-order { display: block; }
        #mine { margin-top: 1; }
        #buttons { height: 1; align-horizontal: right; margin-top: 1; }
        #buttons Button { margin-left: 2; }
    }
    """

    def __init__(self, action: Action, lang: str, today: date | None = None) -> None:
        super().__init__(lang)
        self.edited_action = action
        self.today = today

    def compose(self) -> ComposeResult:
        lang, action = self.lang, self.edited_action
        with Vertical(id="dialog", classes="dialog"):
            yield Label(t("editor.action", lang), id="title")
            with VerticalScroll(id="fields"):
                for name in ("what", *DATES, *TEXTS):
                    value = getattr(action, name)
                    with Horizontal(classes="row"):
                        yield Label(t(LABELS[name], lang))
                        if name in DATES:
                            yield FieldInput(
                                "" if value is None else value.isoformat(), field=name, id=name, compact=True
                            )
                            yield Label(self._parsed(value), id=f"{name}-parsed", classes="parsed")
                        elif name == "what":
                            yield FieldInput(value, field=name, id=name, compact=True, select_on_focus=False)
                        else:
                            yield FieldArea(
                                value,
                                field=name,
                                id=name.replace("_", "-"),
                                soft_wrap=True,
                                compact=True,
                                tab_behavior="focus",
                            )
                    if name == DATES[-1]:
                        yield Label(t("date.invalid", lang), id="date-error")
                        yield Label(t("date.start_after_due", lang), id="date-order")
            yield TickBox(t("action.mine", lang), action.owner is Source.coach, id="mine", compact=True)
            with Horizontal(id="buttons"):
                yield Button(t("editor.undo", lang), id="cancel", compact=True)
                yield Button(f"{t('key.close', lang)} (Esc)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self._check_order()

    def first_empty(self) -> Widget | None:
        """The success criterion first, then the due date and the rest; never the action's text selected."""
        for name in FIRST_EMPTY:
            if not getattr(self.edited_action, name):
                return self._field(name)
        return self._field("success_criterion")

    def _field(self, name: str) -> Widget:
        return self.query_one(f"#{name.replace('_', '-')}")

    def _parsed(self, day: date | None) -> str:
        return "" if day is None else short_date(day, self.lang)

    def _raw(self) -> tuple[object, ...]:
        texts = tuple(
            widget.value if isinstance(widget, Input) else widget.text
            for widget in self.query(".row FieldInput, .row FieldArea")
            if isinstance(widget, (Input, FieldArea))
        )
        return (*texts, self.query_one("#mine", Checkbox).value)

    @on(Input.Changed, "#start, #when")
    def _date_typed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, FieldInput):
            return
        day = parse_date(event.value, self.today)
        label = self.query_one(f"#{event.input.field}-parsed", Label)
        invalid = day is None and bool(event.value.strip())
        label.set_class(invalid, "-invalid")
        label.update("?" if invalid else self._parsed(day))
        self.set_class(any(self.query_one(f"#{name}-parsed").has_class("-invalid") for name in DATES), "-bad-date")
        self._check_order()

    def _check_order(self) -> None:
        """A start after the due date is pointed out, not refused: the manager may mean it."""
        start, when = (parse_date(self.query_one(f"#{name}", Input).value, self.today) for name in DATES)
        self.set_class(start is not None and when is not None and start > when, "-late-start")

    def fields(self, *, focus: bool = True) -> dict | None:
        """What the dialog holds now, or None (with the field focused) when a date cannot be read."""
        result: dict[str, object] = {}
        for widget in self.query(".row FieldInput, .row FieldArea"):
            if isinstance(widget, FieldInput):
                name, value = widget.field, widget.value
            elif isinstance(widget, FieldArea):
                name, value = widget.field, widget.text
            else:
                continue
            if name in DATES:
                day = parse_date(value, self.today)
                if day is None and value.strip():
                    if focus:
                        widget.focus()
                    return None
                result[name] = day
            else:
                result[name] = value.strip()
        result["owner"] = Source.coach if self.query_one("#mine", Checkbox).value else Source.coachee
        return result
