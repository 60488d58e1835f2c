"""The home screen's part around the conversation: questions picked ahead, overdue actions, who is due, rhythm.

A mixin of :class:`growtui.screens.home.HomeScreen` (which has ``store``,
``library``, ``lang``, ``coachee_names``, ``attention`` and ``t``), kept apart so
that screen stays about starting and resuming.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Input, Static

from growtui.i18n import tn
from growtui.index.matching import person_key
from growtui.widgets.preparation_panel import PreparationPanel

DEFAULT_TYPE = "problem-solving"  # growtui.model.DEFAULT_TYPE


if TYPE_CHECKING:
    from textual.screen import Screen as _Base
else:
    _Base = object


class AroundTheConversation(_Base):
    store: Any
    library: Any
    lang: str
    coachee_names: list[str]
    attention: Any
    app: Any

    if TYPE_CHECKING:  # what the screen provides

        def t(self, key: str, **values: object) -> str:  # the screen's
            raise NotImplementedError

        def chosen_type(self) -> str | None:  # the screen's
            raise NotImplementedError

        def scan_sessions(self) -> Any:  # the screen's
            raise NotImplementedError

        def _today(self) -> Any:  # the screen's
            raise NotImplementedError

    def action_pick_ahead(self) -> None:
        """Pick questions in advance for this conversation: the session suggests them first."""
        from growtui.dialogs.picker import PreparationPicker

        panel = self.query_one(PreparationPanel)
        if self.library is None or not panel.person:
            return

        def picked(question) -> None:
            if question is not None and not panel.toggle_question(question.id):
                self.notify(self.t("prep.questions.full"), severity="warning")

        kind = self.chosen_type() or DEFAULT_TYPE
        self.app.push_screen(PreparationPicker(self.library, kind, self.lang, panel.questions), picked)

    def _show_attention(self) -> None:
        """One quiet line: overdue actions across people, and who is due for a conversation (overdue first)."""
        needs, line = self.attention, Text()
        if needs is not None and needs.overdue:
            line.append("⚠ " + tn("attention.overdue_actions", needs.overdue, self.lang), style="bold")
            line.append(f" ({self.t('attention.open')})", style="dim")
        if needs is not None and needs.due:
            names = ", ".join(
                f"{name} ({self.t('attention.is_overdue')})" if state == "overdue" else name
                for name, state in needs.due
            )
            line.append(("   " if line else "") + self.t("attention.due_list", names=names))
        widget = self.query_one("#attention", Static)
        widget.update(line)
        widget.display = bool(line)

    def action_actions(self) -> None:
        from growtui.screens.actions import ActionsScreen

        if self.attention is not None:
            self.app.push_screen(ActionsScreen(self.attention.actions, self._today(), self.lang))

    def action_rhythm(self) -> None:
        """Every 1, 2 or 4 weeks, or none, for the coachee in the form; who is due follows it."""
        from growtui.errors import GrowtuiError
        from growtui.storage import read_rhythms, rhythm_of, set_rhythm

        name = self.query_one("#coachee", Input).value.strip()
        known = [n for n in self.coachee_names if person_key(n) == person_key(name)]
        if not known:
            self.notify(self.t("rhythm.unknown", name=name), severity="warning", markup=False)
            return
        steps = [None, "1w", "2w", "4w"]
        try:
            now = rhythm_of(read_rhythms(), person_key(name), self.store.vault)
            chosen = steps[(steps.index(now) + 1) % len(steps) if now in steps else 1]
            set_rhythm(person_key(name), chosen, vault=self.store.vault)
        except GrowtuiError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        shown = chosen or self.t("rhythm.none")
        self.notify(self.t("rhythm.set", name=known[0], rhythm=shown), markup=False)
        self.scan_sessions()
