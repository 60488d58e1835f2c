"""The phase boxes of the session screen: the shown one in the first frame, the others mounted after it.

A box is *ready* once its mount has finished: its notes and fields are there to query, focus and fill. The
screen moves to a phase only once its box is ready (``ensure_box`` waits for it), so nothing ever looks for
the notes of a phase whose box is still on its way; a box is mounted once, whoever asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.await_complete import AwaitComplete
from textual.containers import Container
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher

from growtui.conversation import LiveSession
from growtui.widgets.phase_box import phase_box

FIRST_FRAME = 0.3  # seconds before the rest is loaded (hidden phases, the index): the first frame is on screen by then
PHASE_MOUNT_GAP = 0.05  # between two of them, so typing never waits for more than one


class PhaseBoxes:
    """Mixed into the session screen (a Screen with ``live``)."""

    live: LiveSession
    _ready: set[str]
    _mounting: dict[str, AwaitMount | AwaitComplete]
    after_first_frame: list[Callable[[], object]]

    def boxes_begin(self) -> None:
        self._ready = {self.live.phase}  # composed with the screen: ready when it is mounted
        self._mounting = {}
        self.after_first_frame = []  # what waits until the screen is on the terminal

    def _phase_box(self, phase: str) -> Container:
        return phase_box(self.live, phase)

    def first_box(self) -> Container:
        return self._phase_box(self.live.phase)

    def box_ready(self, phase: str) -> bool:
        return phase in self._ready

    async def ensure_box(self, phase: str) -> None:
        """Mount the box of ``phase`` unless it is there or on its way; return once it is ready."""
        if phase in self._ready:
            return
        mounting = self._mounting.get(phase)
        if mounting is None:
            switcher = self.query_one("#phases", ContentSwitcher)  # type: ignore[attr-defined]
            mounting = self._mounting[phase] = switcher.mount(self._phase_box(phase))
        await mounting
        self._ready.add(phase)

    def _first_frame_shown(self) -> None:
        waiting, self.after_first_frame = self.after_first_frame, []
        for then in waiting:
            then()
        self.call_later(self._mount_next_phase)  # type: ignore[attr-defined]

    async def _mount_next_phase(self) -> None:
        """After the first frame, the other phases one by one, so switching to them is instant later."""
        switcher = self.query_one("#phases", ContentSwitcher)  # type: ignore[attr-defined]
        if not switcher.is_attached:  # the screen went (quit, F8) before its timer came: nothing to mount on
            return
        missing = [phase for phase in self.live.phases() if phase not in self._ready and phase not in self._mounting]
        if missing:
            await self.ensure_box(missing[0])
            if switcher.is_attached:
                self.set_timer(PHASE_MOUNT_GAP, self._mount_next_phase)  # type: ignore[attr-defined]
