"""Asked first in an encrypted folder: the passphrase, typed hidden, tried off the UI thread.

scrypt takes about half a second, so the check runs in a worker; the screen
says it is opening and stays responsive. Three wrong tries end the run
(exit 2) with nothing read or changed, as on the command line; Escape
leaves without opening anything.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from growtui.crypto import Marker, Vault, WrongPassphrase
from growtui.i18n import t
from growtui.safetext import one_line
from growtui.widgets.translated import Translated

TRIES = 3


class PassphraseScreen(Translated, Screen[Vault | None]):
    """Dismisses with the unlocked vault, or None when the user leaves."""

    CSS_PATH = "passphrase.tcss"
    AUTO_FOCUS = "#passphrase-input"
    BINDINGS = [Binding("escape", "leave", "key.quit_now", tooltip="tip.passphrase.leave", id="passphrase.leave")]

    @classmethod
    def language(cls, marker: Marker, lang: str, *args, **kwargs) -> str:
        return lang

    def __init__(self, marker: Marker, lang: str) -> None:
        super().__init__()
        self.marker = marker
        self.lang = lang
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase-dialog") as dialog:
            dialog.border_title = t("passphrase.title", self.lang)
            yield Static(
                t("passphrase.body", self.lang, folder=one_line(str(self.marker.path.parent))),
                id="passphrase-body",
                markup=False,
            )
            yield Input(password=True, placeholder=t("passphrase.placeholder", self.lang), id="passphrase-input")
            yield Static("", id="passphrase-status")
        yield Footer()

    @on(Input.Submitted, "#passphrase-input")
    def _try(self, event: Input.Submitted) -> None:
        if not event.value or self.query_one(Input).disabled:
            return
        self.query_one(Input).disabled = True
        self._say(t("passphrase.opening", self.lang))
        self._unlock(event.value)

    @work(thread=True, exclusive=True)
    def _unlock(self, passphrase: str) -> None:
        try:
            vault = Vault.unlock(passphrase, self.marker)
        except WrongPassphrase:
            self.app.call_from_thread(self._wrong)
            return
        self.app.call_from_thread(self._opened, vault)

    def _opened(self, vault: Vault) -> None:
        self.query_one(Input).value = ""  # the passphrase lives on in the vault only
        self.dismiss(vault)

    def _wrong(self) -> None:
        self.tries += 1
        if self.tries >= TRIES:
            self.app.exit(
                return_code=2, message=t("passphrase.give_up", self.lang, folder=one_line(str(self.marker.path.parent)))
            )
            return
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self._say(t("passphrase.wrong", self.lang, left=TRIES - self.tries), wrong=True)

    def _say(self, text: str, *, wrong: bool = False) -> None:
        status = self.query_one("#passphrase-status", Static)
        status.update(text)
        status.set_class(wrong, "-wrong")

    def action_leave(self) -> None:
        self.dismiss(None)
