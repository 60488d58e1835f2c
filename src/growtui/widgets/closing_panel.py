"""Closing: the next meeting (set here or in Will: the same date) and the coach's own estimate of talking."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from growtui.i18n import t
from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import FieldInput, pull_inputs
from growtui.widgets.next_meeting import NextMeeting

TALK_STEPS = tuple(range(10, 100, 10))  # percent; an estimate, so in tens


class ClosingPanel(PhasePanel):
    """When the next conversation is planned; how much of this one the coach thinks they talked."""

    DEFAULT_CSS = """
    ClosingPanel { height: auto; margin-bottom: 1; }
    ClosingPanel #talk-row { height: auto; margin-top: 1; }
    ClosingPanel #tags-row { height: auto; margin-top: 1; }
    ClosingPanel #tags-row Label { padding: 0 1 0 0; }
    ClosingPanel #closing-tags { width: 1fr; }
    ClosingPanel #talk-row Label { padding: 0 1 0 0; }
    ClosingPanel #talk { width: 12; }
    ClosingPanel #talk-hint { color: $text-muted; padding-left: 1; }
    """

    def compose(self) -> ComposeResult:
        self._lang = lang = self.live.lang
        yield NextMeeting(self.live, id="closing-meeting")
        with Horizontal(id="tags-row"):
            yield Label(t("closing.tags", lang))
            yield FieldInput(
                ", ".join(self.live.session.tags),
                field="tags",
                id="closing-tags",
                compact=True,
                placeholder=t("closing.tags.placeholder", lang),
                typing_label=t("closing.tags", lang),
            )
        with Horizontal(id="talk-row"):
            yield Label(t("closing.talk", lang))
            yield Select(
                [(f"{n}%", n) for n in TALK_STEPS],
                value=self._talk(),
                prompt="–",
                compact=True,
                id="talk",
            )
            yield Label(t("closing.talk.hint", lang), id="talk-hint")

    def _talk(self):
        talk = self.live.session.closing.coach_talk_percent
        return talk if talk in TALK_STEPS else Select.NULL

    def pull(self) -> None:
        pull_inputs(self, self._tags_typed, "#closing-tags")
        self.query_one(NextMeeting).pull()

    @on(Input.Changed, "#closing-tags")
    def _tags_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.live.set_tags(event.value)
        self.edited()

    @on(Select.Changed, "#talk")
    def _talk_chosen(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, int) else None
        if value != self.live.session.closing.coach_talk_percent:
            self.live.set_talk(value)
            self.edited()

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self._lang = self.live.lang
            self.refresh(recompose=True)
        else:
            self.query_one(NextMeeting).refresh_from_session()
            select = self.query_one("#talk", Select)
            if select.value != self._talk():
                with select.prevent(Select.Changed):
                    select.value = self._talk()
