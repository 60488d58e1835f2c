"""Edit one action: what, when, how we will know, who to tell, support, obstacles.

Dates are typed the way people say them (``vrijdag``, ``1-12``, ``+7``) and
read with ``parse_date``; the date understood is shown beside the field.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from growtui.dialogs.item_editor import ItemEditor
from growtui.i18n import short_date, t
from growtui.model import Action, parse_date
from growtui.widgets.fields import FieldInput

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


class ActionEditor(ItemEditor):
    """Edit an action. Ctrl+S keeps the changes; Esc closes without them (twice when something changed)."""

    INVALID = "date.invalid"

    DEFAULT_CSS = """
    ActionEditor {
        .row > Label { width: 35; }
        #start, #when { width: 14; }
        .parsed { width: 1fr; margin-left: 2; color: $text-muted; }
        .parsed.-invalid { color: $error; }
        #date-error { color: $error; display: none; margin-bottom: 1; }
        &.-bad-date #date-error { display: block; }
        #buttons { height: 1; align-horizontal: right; }
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
            for name in ("what", *DATES, *TEXTS):
                value = getattr(action, name)
                with Horizontal(classes="row"):
                    yield Label(t(LABELS[name], lang))
                    if name in DATES:
                        yield FieldInput("" if value is None else value.isoformat(), field=name, id=name, compact=True)
                        yield Label(self._parsed(value), id=f"{name}-parsed", classes="parsed")
                    else:
                        yield FieldInput(value, field=name, id=name.replace("_", "-"), compact=True)
                if name == DATES[-1]:
                    yield Label(t("date.invalid", lang), id="date-error")
            with Horizontal(id="buttons"):
                yield Button(f"{t('key.save', lang)} (Ctrl+S)", id="save", variant="primary", compact=True)
                yield Button(f"{t('key.cancel', lang)} (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._initial = self._raw()

    def _parsed(self, day: date | None) -> str:
        return "" if day is None else short_date(day, self.lang)

    def _raw(self) -> tuple[str, ...]:
        return tuple(input_.value for input_ in self.query(Input))

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

    def fields(self) -> dict | None:
        """What the dialog holds now, or None (with the field focused) when a date cannot be read."""
        result: dict[str, object] = {}
        for field in self.query(FieldInput):
            name = field.field
            if name in DATES:
                day = parse_date(field.value, self.today)
                if day is None and field.value.strip():
                    field.focus()
                    return None
                result[name] = day
            else:
                result[name] = field.value.strip()
        return result
