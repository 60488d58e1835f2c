"""Edit one option: its text, two scores, pros and cons, and whether it is chosen."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, TextArea

from growtui.dialogs.item_editor import ItemEditor
from growtui.i18n import t
from growtui.model import Option, Source
from growtui.widgets.fields import TickBox, read_score, score_input

SCORES = ("attractiveness", "feasibility")


class OptionEditor(ItemEditor):
    """Edit an option. Ctrl+S keeps the changes; Esc closes without them (twice when something changed)."""

    INVALID = "score.invalid"

    DEFAULT_CSS = """
    OptionEditor {
        .row Label { width: auto; margin-right: 1; }
        #text { width: 1fr; }
        #attractiveness, #feasibility { width: 5; margin-right: 3; }
        #score-error { color: $error; display: none; margin-bottom: 1; }
        &.-bad-score #score-error { display: block; }
        #lists { height: 6; }
        #lists Vertical { height: 6; }
        #lists TextArea { height: 5; }
        #chosen { margin: 1 0 0 0; }
        #mine { margin: 0 0 1 0; }
        #permission { color: $text-warning; margin-bottom: 1; }
        #permission.-hidden { display: none; }
        #buttons { height: 1; align-horizontal: right; }
        #buttons Button { margin-left: 2; }
    }
    """

    def __init__(self, option: Option, lang: str) -> None:
        super().__init__(lang)
        self.option = option

    def compose(self) -> ComposeResult:
        lang, option = self.lang, self.option
        with Vertical(id="dialog", classes="dialog"):
            yield Label(t("editor.option", lang), id="title")
            with Horizontal(classes="row"):
                yield Label(t("options.col.option", lang))
                yield Input(option.text, id="text", compact=True, select_on_focus=False)
            with Horizontal(classes="row"):
                for field in SCORES:
                    yield Label(t(f"options.{field}", lang))
                    yield score_input(getattr(option, field), lang, id=field, field=field)
            yield Label(t("score.invalid", lang), id="score-error")
            with Horizontal(id="lists"):
                with Vertical():
                    yield Label(t("options.pros", lang))
                    yield TextArea("\n".join(option.pros), id="pros")
                with Vertical():
                    yield Label(t("options.cons", lang))
                    yield TextArea("\n".join(option.cons), id="cons")
            yield TickBox(t("options.chosen", lang), option.chosen, id="chosen", compact=True)
            mine = option.source is Source.coach
            yield TickBox(t("options.mine", lang), mine, id="mine", compact=True)
            yield Label(t("options.permission", lang), id="permission", classes="" if mine else "-hidden")
            with Horizontal(id="buttons"):
                yield Button(t("editor.undo", lang), id="cancel", compact=True)
                yield Button(f"{t('key.close', lang)} (Esc)", id="save", variant="primary", compact=True)

    def first_empty(self) -> Widget | None:
        """Pros first (what the coachee sees in it), then cons, then the scores; never the option's text."""
        option = self.option
        if not option.pros:
            return self.query_one("#pros")
        if not option.cons:
            return self.query_one("#cons")
        for name in SCORES:
            if getattr(option, name) is None:
                return self.query_one(f"#{name}")
        return self.query_one("#pros")

    def _raw(self) -> tuple[object, ...]:
        inputs = tuple(self.query_one(f"#{name}", Input).value for name in ("text", *SCORES))
        areas = tuple(self.query_one(f"#{name}", TextArea).text for name in ("pros", "cons"))
        ticks = tuple(self.query_one(f"#{name}", Checkbox).value for name in ("chosen", "mine"))
        return (*inputs, *areas, *ticks)

    @on(Checkbox.Changed, "#mine")
    def _mine_ticked(self, event: Checkbox.Changed) -> None:
        """An idea of the coach's own: ask first whether the coachee wants to hear it, and offer it as one of many."""
        self.query_one("#permission").set_class(not event.value, "-hidden")

    @on(Input.Changed, "#attractiveness, #feasibility")
    def _score_typed(self) -> None:
        bad = any(not self.query_one(f"#{name}", Input).is_valid for name in SCORES)
        self.set_class(bad, "-bad-score")

    def fields(self, *, focus: bool = True) -> dict | None:
        """What the dialog holds now, or None (with the field focused) when a score is not 1-10."""
        scores: dict[str, int | None] = {}
        for name in SCORES:
            field = self.query_one(f"#{name}", Input)
            try:
                scores[name] = read_score(field.value)
            except ValueError:
                self.set_class(True, "-bad-score")
                if focus:
                    field.focus()
                return None

        def lines(name: str) -> list[str]:
            return [line.strip() for line in self.query_one(f"#{name}", TextArea).text.splitlines() if line.strip()]

        return {
            "text": self.query_one("#text", Input).value.strip(),
            **scores,
            "pros": lines("pros"),
            "cons": lines("cons"),
            "chosen": self.query_one("#chosen", Checkbox).value,
            "source": Source.coach if self.query_one("#mine", Checkbox).value else Source.coachee,
        }
