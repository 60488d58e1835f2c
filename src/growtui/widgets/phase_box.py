"""One phase of the session screen: its structured parts and its notes, in one box."""

from __future__ import annotations

from importlib import import_module

from textual.containers import Container, VerticalScroll

from growtui.conversation import LiveSession
from growtui.i18n import t
from growtui.model import Phase
from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import NotesArea

# growtui's own panel of a phase: module and class, imported when the phase is first mounted, so the
# first frame loads only the panels of the phase it shows (the others are mounted after it).
PANELS: dict[str, tuple[str, str]] = {
    Phase.closing: ("closing_panel", "ClosingPanel"),
    Phase.direction: ("direction_panel", "DirectionPanel"),
    Phase.follow_up: ("follow_up_panel", "FollowUpPanel"),
    Phase.goal: ("goal_panel", "GoalPanel"),
    Phase.reality: ("reality_panel", "RealityPanel"),
    Phase.options: ("options_panel", "OptionsPanel"),
    Phase.will: ("will_panel", "WillPanel"),
}


def panel_class(phase: str) -> type[PhasePanel] | None:
    """growtui's panel of ``phase`` (None for a phase a type adds)."""
    if phase not in PANELS:
        return None
    module, name = PANELS[phase]
    panel: type[PhasePanel] = getattr(import_module(f"growtui.widgets.{module}"), name)
    return panel


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
        from growtui.widgets.style_panel import StylePanel

        parts.append(StylePanel(live, id="panel-style"))
    if live.record_fields(phase):
        from growtui.widgets.record_panel import RecordPanel

        parts.append(RecordPanel(live, phase, id=f"record-{phase}"))
    if (panel := panel_class(phase)) is not None:
        parts.append(panel(live, id=f"panel-{phase}"))
    children = [VerticalScroll(*parts, classes="panel", can_focus=False)] if parts else []
    box = Container(*children, notes, id=f"phase-{phase}", classes="phase")
    box.display = phase == live.phase  # the switcher shows the others when they are chosen
    return box
