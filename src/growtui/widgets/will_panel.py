"""Will: the actions agreed, and how motivated the coachee is to do them."""

from __future__ import annotations

import functools

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label

from growtui.dialogs.action_editor import ActionEditor
from growtui.i18n import short_date, t, tn
from growtui.model import Action, Source
from growtui.safetext import shorten
from growtui.widgets.base import ItemDraft, PhasePanel
from growtui.widgets.fields import FieldInput, pull_inputs, read_score, score_input
from growtui.widgets.item_table import ItemTable
from growtui.widgets.next_meeting import NextMeeting
from growtui.widgets.translated import translated

ADVISED_ACTIONS = 2


class ActionsTable(ItemTable):
    """The actions agreed in this conversation."""

    @staticmethod
    def bindings_for(lang: str) -> list[BindingType]:
        return [
            Binding("enter", "edit", t("key.edit", lang), id="actions.edit", tooltip=t("tip.action.edit", lang)),
            Binding(
                "delete", "remove", t("key.delete", lang), id="actions.delete", tooltip=t("tip.action.delete", lang)
            ),
        ]

    BINDINGS = bindings_for("en")


class WillPanel(PhasePanel):
    """Actions: type one and press Enter. On the table: enter edits (dates, success criterion ...), delete removes.

    Below the table: motivation 1-10, and when it is below 10, what would make it a 10.
    """

    DEFAULT_CSS = """
    WillPanel {
        height: auto;
        #actions { max-height: 6; }
        #actions-empty, #will-advice { color: $text-muted; }
        #actions-empty, #will-advice { display: none; }
        &.-empty #actions { display: none; }
        &.-empty #actions-empty { display: block; }
        &.-many #will-advice { display: block; }
        #motivation-row { height: 1; margin-top: 1; }
        #motivation-row Label { width: auto; margin-right: 1; }
        #motivation { width: 5; margin-right: 2; }
        #motivation-error { color: $error; }
        #to-ten-label, #to-ten, #motivation-error { display: none; }
        #to-ten { width: 1fr; }
        #meeting-row { margin-top: 1; }
        &.-to-ten #to-ten-label, &.-to-ten #to-ten { display: block; }
        &.-bad-motivation #motivation-error { display: block; }
        &.-bad-motivation #to-ten-label, &.-bad-motivation #to-ten { display: none; }
    }
    """

    def compose(self) -> ComposeResult:
        self._lang = lang = self.live.lang
        will = self.live.session.will
        yield FieldInput(
            placeholder=self.t("will.new"),
            id="new-action",
            compact=True,
            field="new_action",
            typing_label=self.t("typing.new_action"),
        )
        yield translated(ActionsTable, lang)(id="actions", typing_label=self.t("typing.actions"))
        yield Label(self.t("will.empty"), id="actions-empty")
        yield Label(tn("will.max_actions", self._most(), lang), id="will-advice")
        with Horizontal(id="motivation-row"):
            yield Label(self.t("will.motivation"))
            yield score_input(
                will.motivation, lang, id="motivation", field="motivation", typing_label=self.t("will.motivation")
            )
            yield Label(self.t("will.to_ten"), id="to-ten-label")
            yield FieldInput(
                will.motivation_to_ten,
                id="to-ten",
                compact=True,
                field="motivation_to_ten",
                typing_label=self.t("will.to_ten"),
            )
            yield Label(self.t("score.invalid"), id="motivation-error")
        yield NextMeeting(self.live, id="meeting-row")

    def on_mount(self) -> None:
        if not self.taken_down():
            self._fill()

    def on_resize(self) -> None:
        if not self.taken_down():
            self._fill()  # the action's text uses the width there is

    @property
    def table(self) -> ActionsTable:
        return self.query_one("#actions", ActionsTable)

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self.call_later(self._relanguage)
            return
        self._fill()
        will = self.live.session.will
        motivation = self.query_one("#motivation", Input)
        if self._typed_motivation(motivation.value) != will.motivation:
            motivation.value = "" if will.motivation is None else str(will.motivation)
        to_ten = self.query_one("#to-ten", Input)
        if to_ten.value != will.motivation_to_ten:
            to_ten.value = will.motivation_to_ten
        self.query_one(NextMeeting).refresh_from_session()

    async def _relanguage(self) -> None:
        typed = self.query_one("#new-action", Input).value  # also in the session already; keep the line as it was
        await self.recompose()
        self.query_one("#new-action", Input).value = typed
        self._fill()

    def _cells(self, action: Action) -> tuple[Text, str, str]:
        room = max(20, (self.table.size.width or self.size.width or 80) - 16 - 4)
        what = Text(shorten(action.what, room * 5 // 9))
        if action.owner is Source.coach:
            what = Text(self.t("options.mine.mark")).append_text(what)
        if action.option_id:
            what.append(f" · {self.t('will.from_option')}", style="dim italic")
        when = short_date(action.when, self.live.lang) if action.when else ""
        return what, when, shorten(action.success_criterion, room * 4 // 9)

    def _most(self) -> int:
        """The coachee's actions this kind of conversation keeps to (one or two is usually plenty)."""
        kind = self.live.kind
        return kind.max_actions if kind is not None else ADVISED_ACTIONS

    def _fill(self, select: str | None = None) -> None:
        actions = self.live.session.will.actions
        table = self.table
        if not table.columns:
            for key, label in (("what", "will.what"), ("when", "will.col.when"), ("success", "will.col.success")):
                table.add_column(self.t(label), key=key)
        table.show_rows([(a.id, self._cells(a)) for a in actions], select)
        self.set_class(not actions, "-empty")
        theirs = [a for a in actions if a.owner is not Source.coach]  # the coach's own commitments do not count
        self.set_class(len(theirs) > self._most(), "-many")
        motivation = self.live.session.will.motivation
        self.set_class(motivation is not None and motivation < 10, "-to-ten")

    def _changed(self, select: str | None = None) -> None:
        self.edited()
        self._fill(select)

    @staticmethod
    def _typed_motivation(text: str) -> int | None:
        try:
            return read_score(text)
        except ValueError:
            return None

    @property
    def drafts(self) -> ItemDraft:
        if getattr(self, "_drafts", None) is None:
            self._drafts = ItemDraft(
                self.live.add_action,
                lambda item_id, text: self.live.update_action(item_id, what=text),
                self.live.remove_action,
            )
        return self._drafts

    def pull(self) -> None:
        pull_inputs(self, self._action_drafted, "#new-action")
        pull_inputs(self, self._motivation_typed, "#motivation")
        pull_inputs(self, self._to_ten_typed, "#to-ten")
        self.query_one(NextMeeting).pull()

    @on(Input.Changed, "#new-action")
    def _action_drafted(self, event: Input.Changed) -> None:
        """The new action is in the session while it is typed (autosaved before Enter)."""
        event.stop()
        self._changed(self.drafts.typed(event.value))

    @on(Input.Submitted, "#new-action")
    def _action_typed(self, event: Input.Submitted) -> None:
        item_id = self.drafts.done()
        if item_id:
            with event.input.prevent(Input.Changed):
                event.input.clear()
            self._changed(item_id)

    @on(ItemTable.RemoveRequested, "#actions")
    def _remove_requested(self, event: ItemTable.RemoveRequested) -> None:
        removed = self.live.remove_action(event.item_id)
        self._changed()
        self.notify(
            self.t("removed.action", text=shorten(str(getattr(removed.item, "what", "")), 40)), timeout=6, markup=False
        )

    @on(ItemTable.EditRequested, "#actions")
    def _edit_requested(self, event: ItemTable.EditRequested) -> None:
        action_id = event.item_id
        editor = translated(ActionEditor, self.live.lang)(
            self.live.action(action_id), self.live.lang, self.live.today()
        )
        editor.on_change = functools.partial(self._action_typed_in_editor, action_id)
        self.app.push_screen(editor, callback=functools.partial(self._action_edited, action_id))

    def _apply_action(self, action_id: str, fields: dict) -> bool:
        if not any(a.id == action_id for a in self.live.session.will.actions):
            return False
        self.live.update_action(action_id, **fields)
        return True

    def _action_typed_in_editor(self, action_id: str, fields: dict) -> None:
        """Every keystroke in the editor: into the session now, saved within a second like the notes."""
        if self._apply_action(action_id, fields):
            self._changed(action_id)

    def _action_edited(self, action_id: str, fields: dict | None) -> None:
        if fields is not None and self._apply_action(action_id, fields):
            self._changed(action_id)

    @on(Input.Changed, "#motivation")
    def _motivation_typed(self, event: Input.Changed) -> None:
        try:
            score = read_score(event.value)
        except ValueError:
            self.add_class("-bad-motivation")
            return
        self.remove_class("-bad-motivation")
        if score != self.live.session.will.motivation:
            self.live.set_motivation(score)
            self._changed()

    @on(Input.Submitted, "#motivation")
    def _motivation_given(self) -> None:
        if self.has_class("-to-ten"):
            self.query_one("#to-ten", Input).focus()

    @on(Input.Changed, "#to-ten")
    def _to_ten_typed(self, event: Input.Changed) -> None:
        will = self.live.session.will
        if event.value != will.motivation_to_ten:
            self.live.set_motivation_to_ten(event.value)
            self.edited()
