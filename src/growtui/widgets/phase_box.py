"""One phase of the session screen: its structured parts and its notes, in one box."""

from __future__ import annotations

from textual.containers import Container, VerticalScroll

from growtui.conversation import LiveSession
from growtui.i18n import t
from growtui.model import Phase
from growtui.widgets.base import PhasePanel
from growtui.widgets.closing_panel import ClosingPanel
from growtui.widgets.direction_panel import DirectionPanel
from growtui.widgets.fields import NotesArea
from growtui.widgets.follow_up_panel import FollowUpPanel
from growtui.widgets.goal_panel import GoalPanel
from growtui.widgets.options_panel import OptionsPanel
from growtui.widgets.reality_panel import RealityPanel
from growtui.widgets.record_panel import RecordPanel
from growtui.widgets.style_panel import StylePanel
from growtui.widgets.will_panel import WillPanel

PANELS: dict[str, type[PhasePanel]] = {
    Phase.closing: ClosingPanel,
    Phase.direction: DirectionPanel,
    Phase.follow_up: FollowUpPanel,
    Phase.goal: GoalPanel,
    Phase.reality: RealityPanel,
    Phase.options: OptionsPanel,
    Phase.will: WillPanel,
}


def phase_box(live: LiveSession, phase: str) -> Container:
    """The check (coach or direct, in the opening), the type's fields, growtui's panel, then the notes.

    A phase a type adds has no panel of growtui's own: its fields and notes.
    """
    notes = NotesArea(
        live.session.section(phase).notes,
        phase=phase,
        id=f"notes-{phase}",
        classes="notes",
        soft_wrap=True,
        tab_behavior="focus",
        placeholder=t("notes.placeholder", live.lang),
    )
    parts: list[PhasePanel] = []
    if phase == Phase.opening and live.asks_style():
        parts.append(StylePanel(live, id="panel-style"))
    if live.record_fields(phase):
        parts.append(RecordPanel(live, phase, id=f"record-{phase}"))
    if phase in PANELS:
        parts.append(PANELS[phase](live, id=f"panel-{phase}"))
    children = [VerticalScroll(*parts, classes="panel", can_focus=False)] if parts else []
    box = Container(*children, notes, id=f"phase-{phase}", classes="phase")
    box.display = phase == live.phase  # the switcher shows the others when they are chosen
    return box
