"""When the next conversation is: a date as people type it, in Will and in Closing (the same value)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from growtui.conversation import LiveSession
from growtui.i18n import short_date, t
from growtui.model import parse_date
from growtui.widgets.base import SessionEdited
from growtui.widgets.fields import FieldInput, HearsFields, pull_inputs


class NextMeeting(HearsFields, Horizontal):
    """``Next meeting [+14      ] Tue 15 Dec 2026``; an empty field means none planned."""

    DEFAULT_CSS = """
    NextMeeting {
        height: 1;
        Label { width: auto; margin-right: 1; color: $text-muted; }
        .next-meeting-field { width: 16; }
        .next-meeting-parsed { margin-left: 1; width: 1fr; }
        .next-meeting-parsed.-invalid { color: $error; }
    }
    """

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live

    def compose(self) -> ComposeResult:
        lang, day = self.live.lang, self.live.session.next_meeting
        yield Label(t("will.next_meeting", lang))
        yield FieldInput(
            "" if day is None else day.isoformat(),
            field="next_meeting",
            compact=True,
            classes="next-meeting-field",
            placeholder=t("will.next_meeting.placeholder", lang),
            typing_label=t("will.next_meeting", lang),
        )
        yield Label(self._parsed(day), classes="next-meeting-parsed")

    def _parsed(self, day) -> str:
        return "" if day is None else short_date(day, self.live.lang)

    def refresh_from_session(self) -> None:
        day = self.live.session.next_meeting
        field = self.query_one(FieldInput)
        if parse_date(field.value, self.live.today()) != day:
            with field.prevent(Input.Changed):
                field.value = "" if day is None else day.isoformat()
        label = self.query_one(".next-meeting-parsed", Label)
        label.set_class(False, "-invalid")
        label.update(self._parsed(day))

    def pull(self) -> None:
        """The date as it is typed now into the session (see PhasePanel.pull)."""
        pull_inputs(self, self._typed)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        day = parse_date(text, self.live.today()) if text else None
        label = self.query_one(".next-meeting-parsed", Label)
        label.set_class(bool(text) and day is None, "-invalid")
        label.update("?" if text and day is None else self._parsed(day))
        if day is not None or not text:  # a date half typed changes nothing until it reads as one
            self.live.set_next_meeting(day)
            self.post_message(SessionEdited())
