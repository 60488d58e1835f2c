"""Follow-up: how the actions agreed earlier turned out, one card per action.

Each card shows what was agreed, its success criterion, the due date, the
motivation given then and how old the action is (and how often carried
over already). The manager records the outcome and what helped or hindered,
then closes it, carries it over into this session's actions, or drops it.
A third carry-over needs an explicit yes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from growtui.dialogs.confirm_carry import ConfirmCarryScreen
from growtui.i18n import tn
from growtui.model import Decision, FollowUpItem, Outcome
from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import FieldInput, FieldSelect, pull_inputs

TEXTS = ("tried", "helped", "hindered", "next_step")


def _id(index: int, field: str) -> str:
    return f"follow-up-{index}-{field.replace('_', '-')}"


class FollowUpPanel(PhasePanel):
    """For each earlier action: the outcome, what was tried, what helped or hindered, and the next step."""

    DEFAULT_CSS = """
    FollowUpPanel {
        height: auto;
        #follow-up-items { height: auto; max-height: 12; }
        #follow-up-empty { color: $text-muted; }
        .follow-up-item { height: auto; margin-bottom: 1; }
        .follow-up-what { text-style: bold; width: 1fr; height: auto; }
        .follow-up-criterion { color: $text-muted; width: 1fr; height: auto; }
        .follow-up-meta { color: $text-muted; width: 1fr; height: auto; }
        .follow-up-meta.-stale { color: $text-warning; }
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
        with VerticalScroll(id="follow-up-items") as cards:
            cards.can_focus = False  # Tab goes from field to field, not to the box around them
            for index, item in enumerate(items):
                yield from self._card(index, item)

    def _meta(self, item: FollowUpItem) -> str:
        parts = []
        if item.when:
            parts.append(self.t("follow_up.due", date=f"{item.when:%Y-%m-%d}"))
        if item.motivation is not None:
            parts.append(self.t("follow_up.motivation_then", score=item.motivation))
        days = item.age_days(self.live.today())
        if days is not None:
            parts.append(tn("follow_up.age", days, self.live.lang) if days else self.t("follow_up.age_today"))
        if item.carry_count:
            parts.append(self.t("follow_up.carried", n=item.carry_count))
        return " · ".join(parts)

    def _card(self, index: int, item: FollowUpItem) -> ComposeResult:
        with Vertical(classes="follow-up-item"):
            yield Label(f"{index + 1}. {item.what}", classes="follow-up-what", markup=False)
            if item.success_criterion:
                yield Label(
                    f"{self.t('will.success')} {item.success_criterion}", classes="follow-up-criterion", markup=False
                )
            meta = self._meta(item)
            if meta:
                stale = "-stale" if self.live.needs_confirmation(item) else ""
                yield Label(meta, classes=f"follow-up-meta {stale}", markup=False)
            with Horizontal(classes="follow-up-row"):
                yield Label(self.t("follow_up.outcome"))
                yield FieldSelect(
                    [(self.t(f"outcome.{o.value}"), o) for o in Outcome],
                    value=item.outcome if item.outcome else Select.NULL,
                    prompt=self.t("outcome.unset"),
                    typing_label=f"{index + 1}. {self.t('follow_up.outcome')}",
                    compact=True,
                    id=_id(index, "outcome"),
                    field="outcome",
                    item=index,
                )
            for field in TEXTS:
                with Horizontal(classes="follow-up-row"):
                    yield Label(self.t(f"follow_up.{field}"))
                    yield FieldInput(
                        getattr(item, field),
                        id=_id(index, field),
                        compact=True,
                        field=field,
                        item=index,
                        typing_label=f"{index + 1}. {self.t(f'follow_up.{field}')}",
                    )
            with Horizontal(classes="follow-up-row"):
                yield Label(self.t("follow_up.decision"))
                yield FieldSelect(
                    [(self.t(f"decision.{d.value}"), d) for d in Decision],
                    value=item.decision if item.decision else Select.NULL,
                    prompt=self.t("decision.unset"),
                    typing_label=f"{index + 1}. {self.t('follow_up.decision')}",
                    compact=True,
                    id=_id(index, "decision"),
                    field="decision",
                    item=index,
                )

    def refresh_from_session(self) -> None:
        items = self.live.session.follow_up.items
        if self._shown != (self.live.lang, len(items)):
            self.refresh(recompose=True)
            return
        for index, item in enumerate(items):
            for field in ("outcome", "decision"):
                select = self.query_one(f"#{_id(index, field)}", Select)
                value = getattr(item, field) or Select.NULL
                if select.value != value:
                    select.value = value
            for field in TEXTS:
                field_input = self.query_one(f"#{_id(index, field)}", Input)
                if field_input.value != getattr(item, field):
                    field_input.value = getattr(item, field)

    def _update(self, index: int, field: str, value: object) -> None:
        items = self.live.session.follow_up.items
        if index < len(items) and getattr(items[index], field) != value:
            self.live.update_follow_up(index, **{field: value})
            self.edited()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        select = event.select
        if not isinstance(select, FieldSelect) or not isinstance(select.item, int):
            return
        index, field = select.item, select.field
        value = None if event.value is Select.NULL else event.value
        if field == "outcome":
            self._update(index, field, None if value is None else Outcome(str(value)))
            return
        decision = None if value is None else Decision(str(value))
        item = self.live.session.follow_up.items[index]
        if decision is Decision.carry_over and item.decision is not decision and self.live.needs_confirmation(item):
            self._confirm_carry(index, item)
            return
        self._update(index, field, decision)

    def _confirm_carry(self, index: int, item: FollowUpItem) -> None:
        """Actions must not pile up: ask before the third carry-over; on cancel nothing changes."""

        def decided(answer: str | None) -> None:
            if answer == "carry":
                self._update(index, "decision", Decision.carry_over)
            elif answer == "drop":
                self._update(index, "decision", Decision.drop)
            self.refresh_from_session()

        self.app.push_screen(ConfirmCarryScreen(item, self.live.lang, item.age_days(self.live.today())), decided)

    def pull(self) -> None:
        pull_inputs(self, self._text_typed)

    @on(Input.Changed)
    def _text_typed(self, event: Input.Changed) -> None:
        field_input = event.input
        if isinstance(field_input, FieldInput) and isinstance(field_input.item, int):
            self._update(field_input.item, field_input.field, event.value)
