"""Options: collect them, score them, choose one or two."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input, Label

from growtui.dialogs.confirm import Confirm
from growtui.dialogs.option_editor import OptionEditor
from growtui.i18n import t
from growtui.model import Option, Source
from growtui.safetext import shorten
from growtui.widgets.base import ItemDraft, PhasePanel
from growtui.widgets.fields import FieldInput, pull_inputs
from growtui.widgets.item_table import ItemTable
from growtui.widgets.translated import translated

SCORE_FIELDS = {"attractiveness": "options.attractiveness", "feasibility": "options.feasibility"}


class OptionsTable(ItemTable):
    """The options; scoring is two keys: ``a`` or ``f``, then a digit (0 means 10)."""

    @staticmethod
    def bindings_for(lang: str) -> list[BindingType]:
        return [
            Binding("enter", "edit", t("key.edit", lang), id="options.edit", tooltip=t("tip.option.edit", lang)),
            Binding(
                "space", "choose", t("key.choose", lang), id="options.choose", tooltip=t("tip.option.choose", lang)
            ),
            Binding(
                "a",
                "score('attractiveness')",
                t("key.score_attractive", lang),
                id="options.attractiveness",
                tooltip=t("tip.option.attractive", lang),
            ),
            Binding(
                "f",
                "score('feasibility')",
                t("key.score_feasible", lang),
                id="options.feasibility",
                tooltip=t("tip.option.feasible", lang),
            ),
            Binding("s", "sort", t("key.sort", lang), id="options.sort", tooltip=t("tip.option.sort", lang)),
            Binding(
                "delete",
                "remove",
                t("key.delete", lang),
                id="options.delete",
                show=False,
                tooltip=t("tip.option.delete", lang),
            ),
        ]

    BINDINGS = bindings_for("en")

    @dataclass
    class ChoiceToggled(Message):
        option_id: str

    @dataclass
    class SortRequested(Message):
        pass

    @dataclass
    class Scored(Message):
        option_id: str
        field: str
        score: int

    @dataclass
    class ScoringPrompted(Message):
        """``a`` or ``f`` was pressed (field), or the digit came or scoring was dropped (None)."""

        field: str | None

    _scoring: str | None = None

    @property
    def scoring(self) -> str | None:
        """The score field waiting for its digit, if any."""
        return self._scoring

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("choose", "score", "sort") and not self.row_count:
            return False
        return super().check_action(action, parameters)

    def action_choose(self) -> None:
        if option_id := self.current_id:
            self.post_message(self.ChoiceToggled(option_id))

    def action_sort(self) -> None:
        self.post_message(self.SortRequested())

    def action_score(self, field: str) -> None:
        self._scoring = field
        self.post_message(self.ScoringPrompted(field))

    def _stop_scoring(self) -> str | None:
        field, self._scoring = self._scoring, None
        if field:
            self.post_message(self.ScoringPrompted(None))
        return field

    def on_key(self, event: events.Key) -> None:
        """The digit after ``a`` or ``f``; any other key drops the scoring and does its own work."""
        if self._scoring is None:
            return
        field = self._stop_scoring()
        if field is not None and len(event.key) == 1 and event.key.isdigit():
            if option_id := self.current_id:
                self.post_message(self.Scored(option_id, field, int(event.key) or 10))
        elif event.key != "escape":
            return
        event.stop()
        event.prevent_default()

    def on_blur(self) -> None:
        self._stop_scoring()


class OptionsPanel(PhasePanel):
    """Options: type one and press Enter; work the table with keys.

    On the options table:

    - enter: edit the option (pros and cons, scores, text, chosen)
    - space: choose it, or undo that; a chosen option becomes an action in Will
    - a then a digit: appeal 1-9, 0 for 10
    - f then a digit: feasibility 1-9, 0 for 10
    - s: sort by total (appeal + feasibility), best first
    - delete: remove the option (Ctrl+Z brings it back; a chosen one asks first)
    """

    DEFAULT_CSS = """
    OptionsPanel {
        height: auto;
        #options-hint { color: $text-muted; height: auto; width: 1fr; }
        #options-hint.-scoring { color: $warning; text-style: bold; }
        &.-empty #options { display: none; }
    }
    """

    def compose(self) -> ComposeResult:
        self._lang = self.live.lang
        yield FieldInput(
            placeholder=self.t("options.new"),
            id="new-option",
            compact=True,
            field="new_option",
            typing_label=self.t("typing.new_option"),
        )
        yield translated(OptionsTable, self._lang)(id="options", typing_label=self.t("typing.options"))
        yield Label(id="options-hint")

    def on_resize(self) -> None:
        if not self.taken_down():
            self._fill()  # the option's text uses the width there is

    def on_mount(self) -> None:
        if not self.taken_down():
            self._fill()

    @property
    def table(self) -> OptionsTable:
        return self.query_one("#options", OptionsTable)

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self.call_later(self._relanguage)
        else:
            self._fill()

    async def _relanguage(self) -> None:
        typed = self.query_one("#new-option", Input).value  # also in the session already; keep the line as it was
        await self.recompose()
        self.query_one("#new-option", Input).value = typed
        self._fill()

    def _cells(self, option: Option) -> tuple[str | Text, ...]:
        def number(value: int | None) -> Text:
            return Text("–" if value is None else str(value), justify="right")

        return (
            shorten(
                self.t("options.mine.mark") + option.text if option.source is Source.coach else option.text,
                self._text_width(),
            ),
            number(option.attractiveness),
            number(option.feasibility),
            number(option.score),
            Text("✓" if option.chosen else "", justify="center"),
        )

    _COLUMNS = ("attractive", "feasible", "score", "chosen")

    def _widths(self) -> dict[str, int]:
        return {key: max(5, len(self.t(f"options.col.{key}"))) for key in self._COLUMNS}

    def _text_width(self) -> int:
        """What is left of the table's width for the option itself (each column has a space either side)."""
        room = (self.table.size.width or self.size.width or 80) - sum(w + 2 for w in self._widths().values()) - 3
        return max(16, room)

    def _fill(self, select: str | None = None) -> None:
        items = self.live.session.options.items
        table = self.table
        if not table.columns:
            table.add_column(self.t("options.col.option"), key="option")
            for key, width in self._widths().items():
                table.add_column(self.t(f"options.col.{key}"), width=width, key=key)
        table.show_rows([(o.id, self._cells(o)) for o in items], select)
        self.set_class(not items, "-empty")
        self._show_hint(table.scoring)

    def _show_hint(self, field: str | None) -> None:
        hint = self.query_one("#options-hint", Label)
        hint.set_class(field is not None, "-scoring")
        if field is not None and (option_id := self.table.current_id):
            hint.update(
                self.t(
                    "options.scoring",
                    field=self.t(SCORE_FIELDS[field]),
                    option=shorten(self.live.option(option_id).text, 30),
                )
            )
        else:
            hint.update(self.t("options.keys" if self.live.session.options.items else "options.empty"))

    def _changed(self, select: str | None = None) -> None:
        self.edited()
        self._fill(select)

    @property
    def drafts(self) -> ItemDraft:
        if getattr(self, "_drafts", None) is None:
            self._drafts = ItemDraft(
                self.live.add_option,
                lambda item_id, text: self.live.update_option(item_id, text=text),
                self.live.remove_option,
            )
        return self._drafts

    def pull(self) -> None:
        pull_inputs(self, self._option_drafted, "#new-option")

    @on(Input.Changed, "#new-option")
    def _option_drafted(self, event: Input.Changed) -> None:
        """The new option is in the session while it is typed (autosaved before Enter)."""
        event.stop()
        self._changed(self.drafts.typed(event.value))

    @on(Input.Submitted, "#new-option")
    def _option_typed(self, event: Input.Submitted) -> None:
        item_id = self.drafts.done()
        if item_id:
            with event.input.prevent(Input.Changed):
                event.input.clear()
            self._changed(item_id)

    @on(OptionsTable.ScoringPrompted)
    def _scoring_prompted(self, event: OptionsTable.ScoringPrompted) -> None:
        self._show_hint(event.field)

    @on(OptionsTable.Scored)
    def _option_scored(self, event: OptionsTable.Scored) -> None:
        self.live.update_option(event.option_id, **{event.field: event.score})
        self._changed(event.option_id)

    @on(OptionsTable.ChoiceToggled)
    def _choice_toggled(self, event: OptionsTable.ChoiceToggled) -> None:
        self.live.toggle_chosen(event.option_id)
        self._changed(event.option_id)

    @on(OptionsTable.SortRequested)
    def _sort_requested(self) -> None:
        self.live.sort_options()
        self._changed()
        self.notify(self.t("options.sorted"), timeout=2)

    @on(ItemTable.RemoveRequested, "#options")
    def _remove_requested(self, event: ItemTable.RemoveRequested) -> None:
        """Remove at once, with Ctrl+Z to bring it back; a chosen option (already an action) asks first."""
        option = self.live.option(event.item_id)
        if not option.chosen:
            self._remove(option.id)
            return

        def decided(yes: bool | None) -> None:
            if yes:
                self._remove(option.id)

        body = self.t("options.remove_chosen.body", option=shorten(option.text, 50))
        self.app.push_screen(
            Confirm(self.t("options.remove_chosen.title"), body, self.t("options.remove_chosen.yes"), self.live.lang),
            decided,
        )

    def _remove(self, option_id: str) -> None:
        removed = self.live.remove_option(option_id)
        self._changed()
        self.notify(
            self.t("removed.option", text=shorten(str(getattr(removed.item, "text", "")), 40)), timeout=6, markup=False
        )

    @on(ItemTable.EditRequested, "#options")
    def _edit_requested(self, event: ItemTable.EditRequested) -> None:
        option_id = event.item_id
        editor = translated(OptionEditor, self.live.lang)(self.live.option(option_id), self.live.lang)
        editor.on_change = functools.partial(self._option_typed_in_editor, option_id)
        self.app.push_screen(editor, callback=functools.partial(self._option_edited, option_id))

    def _option_typed_in_editor(self, option_id: str, fields: dict) -> None:
        """Every keystroke in the editor: into the session now, saved within a second like the notes."""
        if self._apply_option(option_id, fields):
            self._changed(option_id)

    def _apply_option(self, option_id: str, fields: dict) -> bool:
        if not any(o.id == option_id for o in self.live.session.options.items):
            return False
        fields = dict(fields)
        chosen = fields.pop("chosen", None)
        self.live.update_option(option_id, **fields)
        if chosen is not None and chosen != self.live.option(option_id).chosen:
            self.live.toggle_chosen(option_id)  # choosing creates the action in Will
        return True

    def _option_edited(self, option_id: str, fields: dict | None) -> None:
        if fields is not None and self._apply_option(option_id, fields):
            self._changed(option_id)
