"""Follow-up: how the actions agreed last time turned out, one card per action."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from growtui.model.session import FollowUpItem, Outcome
from growtui.widgets.base import PhasePanel

TEXTS = ("tried", "helped", "hindered", "next_step")


def _id(index: int, field: str) -> str:
    return f"follow-up-{index}-{field.replace('_', '-')}"


def _parse_id(widget_id: str | None) -> tuple[int, str] | None:
    """``follow-up-2-next-step`` -> ``(2, "next_step")``."""
    parts = (widget_id or "").split("-", 3)
    if len(parts) != 4 or parts[:2] != ["follow", "up"] or not parts[2].isdigit():
        return None
    return int(parts[2]), parts[3].replace("-", "_")


class FollowUpPanel(PhasePanel):
    """For each earlier action: the outcome, what was tried, what helped or hindered, and the next step."""

    DEFAULT_CSS = """
    FollowUpPanel {
        height: auto;
        #follow-up-items { height: auto; max-height: 12; }
        #follow-up-empty { color: $text-muted; }
        .follow-up-item { height: auto; margin-bottom: 1; }
        .follow-up-what { text-style: bold; }
        .follow-up-criterion { color: $text-muted; }
        .follow-up-row { height: 1; }
        .follow-up-row Label { width: 26; color: $text-muted; }
        .follow-up-row Select { width: 30; }
        .follow-up-row Input { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        items = self.live.session.follow_up.items
        self._shown = (self.live.lang, len(items))
        if not items:
            yield Label(self.t("follow_up.empty"), id="follow-up-empty")
            return
        with VerticalScroll(id="follow-up-items"):
            for index, item in enumerate(items):
                yield from self._card(index, item)

    def _card(self, index: int, item: FollowUpItem) -> ComposeResult:
        with Vertical(classes="follow-up-item"):
            yield Label(f"{index + 1}. {item.what}", classes="follow-up-what")
            if item.success_criterion:
                yield Label(f"{self.t('will.success')} {item.success_criterion}", classes="follow-up-criterion")
            with Horizontal(classes="follow-up-row"):
                yield Label(self.t("follow_up.outcome"))
                yield Select(
                    [(self.t(f"outcome.{o.value}"), o) for o in Outcome],
                    value=item.outcome if item.outcome else Select.NULL,
                    prompt=self.t("outcome.unset"), compact=True, id=_id(index, "outcome"),
                )
            for field in TEXTS:
                with Horizontal(classes="follow-up-row"):
                    yield Label(self.t(f"follow_up.{field}"))
                    yield Input(getattr(item, field), id=_id(index, field), compact=True)

    def refresh_from_session(self) -> None:
        items = self.live.session.follow_up.items
        if self._shown != (self.live.lang, len(items)):
            self.refresh(recompose=True)
            return
        for index, item in enumerate(items):
            select = self.query_one(f"#{_id(index, 'outcome')}", Select)
            if select.value != (item.outcome or Select.NULL):
                select.value = item.outcome or Select.NULL
            for field in TEXTS:
                field_input = self.query_one(f"#{_id(index, field)}", Input)
                if field_input.value != getattr(item, field):
                    field_input.value = getattr(item, field)

    def _update(self, widget_id: str | None, value: object) -> None:
        parsed = _parse_id(widget_id)
        if parsed is None:
            return
        index, field = parsed
        items = self.live.session.follow_up.items
        if index < len(items) and getattr(items[index], field) != value:
            self.live.update_follow_up(index, **{field: value})
            self.edited()

    @on(Select.Changed)
    def _outcome_chosen(self, event: Select.Changed) -> None:
        value = event.value
        self._update(event.select.id, None if value is Select.NULL else Outcome(value))

    @on(Input.Changed)
    def _text_typed(self, event: Input.Changed) -> None:
        self._update(event.input.id, event.value)
