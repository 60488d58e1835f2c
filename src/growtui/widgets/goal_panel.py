"""Goal: what this conversation is for, the goal beyond it, and how success shows."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from growtui.widgets.base import PhasePanel
from growtui.widgets.fields import FieldInput, pull_inputs

FIELDS = ("session_goal", "long_term_goal", "success_measure")


def _input_id(field: str) -> str:
    return field.replace("_", "-")


class GoalPanel(PhasePanel):
    """Three lines: goal of this conversation, longer-term goal, how success is measured. Enter moves on."""

    DEFAULT_CSS = """
    GoalPanel {
        height: auto;
        .goal-row { height: 1; }
        .goal-row Label { width: 30; color: $text-muted; }
        .goal-row Input {
            width: 1fr;
            background: $primary 12%;
            &:focus { background: $primary 30%; }
        }
        .goal-row:last-of-type { margin-bottom: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        goal = self.live.session.goal
        for field in FIELDS:
            with Horizontal(classes="goal-row"):
                yield Label(self.t(f"goal.{field}"), id=f"{_input_id(field)}-label")
                yield FieldInput(
                    getattr(goal, field),
                    field=field,
                    id=_input_id(field),
                    compact=True,
                    select_on_focus=False,
                    typing_label=self.t(f"goal.{field}"),
                )

    def refresh_from_session(self) -> None:
        goal = self.live.session.goal
        for field in FIELDS:
            self.query_one(f"#{_input_id(field)}-label", Label).update(self.t(f"goal.{field}"))
            field_input = self.query_one(f"#{_input_id(field)}", Input)
            if field_input.value != getattr(goal, field):
                field_input.value = getattr(goal, field)

    def pull(self) -> None:
        pull_inputs(self, self._goal_typed)

    @on(Input.Changed)
    def _goal_typed(self, event: Input.Changed) -> None:
        field = event.input.field if isinstance(event.input, FieldInput) else None
        if field in FIELDS and getattr(self.live.session.goal, field) != event.value:
            self.live.set_goal(field, event.value)
            self.edited()

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        """A long goal shows its beginning again once the cursor has left it."""
        event.input.cursor_position = 0

    @on(Input.Submitted)
    def _goal_given(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FieldInput) and event.input.field != FIELDS[-1]:
            self.screen.focus_next()
