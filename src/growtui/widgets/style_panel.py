"""Coach or direct? The short check at the start of a conversation: what is at stake, how experienced the person is.

The answers suggest a style; the manager chooses (or skips it: nothing
here is required). Choosing "direct first" adds the directed part to the
phases, right after the opening.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Label, Select

from growtui.model import Experience, StyleChoice
from growtui.widgets.base import PhasePanel, PhasesChanged
from growtui.widgets.fields import FieldSelect, TickBox

AT_STAKE = ("deadline", "risk", "standard")


class StylePanel(PhasePanel):
    """Three lines: what is at stake, experience and the choice, and what the answers suggest."""

    DEFAULT_CSS = """
    StylePanel {
        height: auto;
        margin-bottom: 1;
        .style-row { height: 1; }
        .style-row > Label { width: 26; color: $text-muted; }
        .style-row TickBox { margin-right: 2; }
        .style-row Select { width: 22; margin-right: 2; }
        #style-title { text-style: bold; color: $text; }
        #style-choice-label { width: auto; margin-right: 1; }
        #style-suggestion { color: $text-muted; padding-left: 26; }
    }
    """

    def compose(self) -> ComposeResult:
        self._lang = self.live.lang
        check = self.live.style()
        with Horizontal(classes="style-row"):
            yield Label(self.t("style.title"), id="style-title")
            for name in AT_STAKE:
                yield TickBox(self.t(f"style.{name}"), bool(getattr(check, name)), id=f"style-{name}", compact=True)
        with Horizontal(classes="style-row"):
            yield Label(self.t("style.experience"))
            yield FieldSelect(
                [(self.t(f"style.experience.{e.value}"), e.value) for e in Experience],
                field="experience",
                id="style-experience",
                value=check.experience.value if check.experience else Select.NULL,
                prompt="—",
                compact=True,
                typing_label=self.t("style.experience"),
            )
            yield Label(self.t("style.choice"), id="style-choice-label")
            yield FieldSelect(
                [(self.t(f"style.choice.{c.value}"), c.value) for c in StyleChoice],
                field="chosen",
                id="style-choice",
                value=check.chosen.value if check.chosen else Select.NULL,
                prompt="—",
                compact=True,
                typing_label=self.t("style.choice"),
            )
        yield Label(self._suggestion(), id="style-suggestion")

    def _suggestion(self) -> str:
        suggested = self.live.style().suggestion()
        return self.t(f"style.suggest.{suggested.value if suggested else 'none'}")

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self.refresh(recompose=True)
            return
        check = self.live.style()
        for name in AT_STAKE:
            box = self.query_one(f"#style-{name}", Checkbox)
            if box.value != bool(getattr(check, name)):
                with box.prevent(Checkbox.Changed):
                    box.value = bool(getattr(check, name))
        for dom_id, value in (("#style-experience", check.experience), ("#style-choice", check.chosen)):
            select = self.query_one(dom_id, Select)
            wanted = value.value if value else Select.NULL
            if select.value != wanted:
                with select.prevent(Select.Changed):
                    select.value = wanted
        self.query_one("#style-suggestion", Label).update(self._suggestion())

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        name = (event.checkbox.id or "").removeprefix("style-")
        if name in AT_STAKE:
            event.stop()
            self.live.answer_style_check(**{name: event.value})
            self._after()

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.select, FieldSelect):
            return
        event.stop()
        value = None if event.value is Select.NULL else str(event.value)
        if event.select.field == "experience":
            self.live.answer_style_check(experience=value)
        else:
            self.live.choose_style(StyleChoice(value) if value else None)
            self.post_message(PhasesChanged())
        self._after()

    def _after(self) -> None:
        self.query_one("#style-suggestion", Label).update(self._suggestion())
        self.edited()
