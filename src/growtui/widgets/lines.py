"""The one-line texts of the session screen, from plain values: the stepper, the ready line, the clock.

The widgets draw them from a live session; the first frame (``screens.sketch``)
draws the same lines from plain data before the models are loaded. So this
module imports neither pydantic nor the conversation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text

from growtui.i18n import t

FRAME = frozenset({"opening", "follow_up", "closing"})  # the phases around the heart of a conversation


def mmss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class Step:
    """One phase in the stepper."""

    phase: str
    name: str
    current: bool = False
    has_content: bool = False
    seconds: int = 0
    over: bool = False


def stepper_line(
    steps: Sequence[Step], colours: Mapping[str, str], short: bool
) -> tuple[Text, list[tuple[int, int, str]]]:
    """``● Doel 4:10 › ○ Realiteit › …`` and where each phase is in it; ``short``: the frame's phases as initials."""
    primary, success, warning = (colours.get(k, "") for k in ("primary", "success", "warning"))
    text = Text(no_wrap=True, overflow="ellipsis")
    spans: list[tuple[int, int, str]] = []
    for index, step in enumerate(steps):
        if index:
            text.append(" › ", style="dim")
        start = len(text)
        grow = step.phase not in FRAME
        mark = "●" if step.has_content else "○"
        text.append(f"{mark} ", style=success if mark == "●" else "dim")
        name = step.name
        if short and not step.current and not grow:
            name = name[0]
        style = f"bold reverse {primary}" if step.current else ("" if grow else "dim")
        text.append(f" {name} " if step.current else name, style=style)
        if step.seconds >= 60 or step.current:
            text.append(f" {mmss(step.seconds)}", style=f"bold {warning}" if step.over else "dim")
        spans.append((start, len(text), step.phase))
    return text, spans


def fitting_stepper_line(
    steps: Sequence[Step], colours: Mapping[str, str], width: int
) -> tuple[Text, list[tuple[int, int, str]]]:
    """Full names when they fit in ``width`` (the widget's, padding included); otherwise the short line."""
    text, spans = stepper_line(steps, colours, short=False)
    if text.cell_len > max(1, width - 2):
        text, spans = stepper_line(steps, colours, short=True)
    return text, spans


def ready_line(lang: str, state: Sequence[tuple[str, bool | None]], success: str) -> Text:
    """``Ready? ✓ own words  ○ measurable  · fits the time``: ticked, not yet, or a reminder."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(t("ready.title", lang) + " ", style="italic")
    for index, (label, done) in enumerate(state):
        if index:
            text.append("  ")
        mark, style = {True: ("✓", success), False: ("○", ""), None: ("·", "")}[done]
        text.append(f"{mark} ", style=style)
        text.append(label, style="dim" if done else "")
    return text


def clock_line(lang: str, elapsed: int, box_minutes: int) -> Text:
    return Text(t("timer", lang, elapsed=mmss(elapsed), box=mmss(box_minutes * 60)))


def save_state_line(lang: str, state: str, encrypted: bool = False) -> Text:
    """'✓ saved', 'NOT SAVED' or 'nothing yet' (state: saved, failing, blank)."""
    key = {
        "saved": "saved.encrypted" if encrypted else "saved",
        "failing": "save.failed.short",
        "blank": "saved.nothing",
    }[state]
    return Text(("✓ " if state == "saved" else "") + t(key, lang))
