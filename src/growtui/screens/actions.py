"""Every open action across coachees, the one agreed longest ago first, overdue ones marked (F4 on the home screen).

The same list as ``growtui actions``; Esc goes back.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from growtui.i18n import short_date, t, tn
from growtui.widgets.translated import Translated


class ActionsScreen(Translated, Screen):
    DEFAULT_CSS = """
    ActionsScreen {
        #actions-title { text-style: bold; color: $text-accent; padding: 0 1; }
        #actions-body { padding: 0 1; }
        .action { margin-bottom: 1; }
    }
    """
    BINDINGS = [Binding("escape", "back", "key.back", tooltip="tip.history_back", id="actions.back")]

    @classmethod
    def language(cls, actions, today, lang, *args, **kwargs) -> str:
        return str(lang)

    def __init__(self, actions: list, today: date, lang: str) -> None:
        super().__init__()
        self.actions, self.today, self.lang = actions, today, str(lang)

    def compose(self) -> ComposeResult:
        overdue = sum(a.due is not None and a.due < self.today for a in self.actions)
        title = tn("attention.open_actions", len(self.actions), self.lang)
        if overdue:
            title += " · " + tn("attention.overdue", overdue, self.lang)
        yield Label(title, id="actions-title")
        with VerticalScroll(id="actions-body"):
            for a in self.actions:
                yield Static(self._line(a), classes="action")
            if not self.actions:
                yield Static(t("attention.none", self.lang))
        yield Footer()

    def _line(self, a) -> Text:
        late = a.due is not None and a.due < self.today
        line = Text()
        line.append("⚠ " if late else "• ", style="bold red" if late else "")
        line.append(a.coachee, style="bold")
        line.append(" · ")
        if a.owner == "coach":
            line.append(t("options.mine.mark", self.lang))
        line.append(a.what)
        when = short_date(a.due, self.lang) if a.due else t("finish.no_date", self.lang)
        line.append(f"\n  {t('doc.due', self.lang)}: {when}", style="red" if late else "dim")
        if a.criterion:
            line.append(f" · {a.criterion}", style="dim")
        if a.carry_count:
            line.append(f" · {t('doc.carried', self.lang)} {a.carry_count}×", style="dim")
        return line

    def action_back(self) -> None:
        self.app.pop_screen()
