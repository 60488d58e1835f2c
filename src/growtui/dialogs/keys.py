"""F1: every key of the current screen, grouped, in the interface language, readable at 80×24.

It replaces Textual's help panel, which showed a few lines of growtui's keys
and then the generic keys of the focused widget, in English, over the footer.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from growtui.i18n import t
from growtui.widgets.translated import Translated

Groups = list[tuple[str, list[tuple[str, str]]]]


class KeysScreen(Translated, ModalScreen[None]):
    """Dismisses with None on Esc, F1 or q."""

    DEFAULT_CSS = """
    KeysScreen {
        #keys-dialog {
            width: 96;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary 50%;
            padding: 0 1;
        }
        #keys-list { height: auto; max-height: 1fr; }
        .keys-group { text-style: bold; color: $text-accent; margin-top: 1; }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    BINDINGS = [
        Binding("escape", "close", "key.close", tooltip="help.close", id="keys.close"),
        Binding("f1", "close", "key.close", tooltip="help.close", id="keys.close-f1", show=False),
    ]

    @classmethod
    def language(cls, groups: Groups, lang: str, *args, **kwargs) -> str:
        return lang

    def __init__(self, groups: Groups, lang: str) -> None:
        super().__init__()
        self.groups = groups
        self.lang = lang

    def compose(self) -> ComposeResult:
        width = min(24, max((len(keys) for _, rows in self.groups for keys, _ in rows), default=8))
        with Vertical(id="keys-dialog", classes="dialog") as dialog:
            dialog.border_title = t("help.title", self.lang)
            dialog.border_subtitle = t("help.close", self.lang)
            with VerticalScroll(id="keys-list"):
                for group, rows in self.groups:
                    yield Static(group, classes="keys-group", markup=False)
                    table = Table.grid(padding=(0, 2))
                    table.add_column(width=width, no_wrap=False, style="bold")
                    table.add_column(ratio=1)
                    for keys, what in rows:
                        table.add_row(Text(keys), Text(what))
                    yield Static(table, classes="keys-rows")

    def action_close(self) -> None:
        self.dismiss(None)


def bindings_help(bindings: list, lang: str, title: str) -> Groups:
    """The keys of a screen that has no hand-made list: its bindings as the footer describes them."""
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            shown = binding.key_display or binding.key.replace("ctrl+", "Ctrl+").replace("escape", "Esc")
            rows.append((shown, binding.tooltip or binding.description))
    return [(title, rows)]
