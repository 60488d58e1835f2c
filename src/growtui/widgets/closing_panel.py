"""Closing: the next meeting, set here or in Will (the same date)."""

from __future__ import annotations

from textual.app import ComposeResult

from growtui.widgets.base import PhasePanel
from growtui.widgets.next_meeting import NextMeeting


class ClosingPanel(PhasePanel):
    """One line: when the next conversation is planned."""

    DEFAULT_CSS = """
    ClosingPanel { height: auto; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        self._lang = self.live.lang
        yield NextMeeting(self.live, id="closing-meeting")

    def refresh_from_session(self) -> None:
        if self.live.lang != self._lang:
            self._lang = self.live.lang
            self.refresh(recompose=True)
        else:
            self.query_one(NextMeeting).refresh_from_session()
