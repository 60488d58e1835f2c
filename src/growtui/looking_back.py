"""What the index knows of a coachee, looked up after the session screen is on the terminal.

A new conversation opens at once; the index is synced in a worker thread,
so nothing before the first frame grows with the folder. When the answer
arrives, the session links to the coachee's previous one, their open
actions appear as the follow-up step, and an unfinished conversation with
them is offered to go on with, if nothing was typed in the new one yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from growtui.errors import GrowtuiError
from growtui.i18n import t

if TYPE_CHECKING:
    from textual.app import App

    from growtui.conversation import Earlier
    from growtui.screens.messages import NewConversation
    from growtui.storage import Store, Stored

    _Base = App[Any]
else:
    _Base = object


class LookingBack(_Base):
    """Mixin of the app: the look back into the index for a conversation that has just opened."""

    active: Any
    store: Store
    lang: str

    def close_session(self) -> bool:  # provided by the app
        raise NotImplementedError

    def go_back(self) -> None:  # provided by the app
        raise NotImplementedError

    def resume_session(self, path: Path, *, reopen: bool = False) -> None:  # provided by the app
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="look-back", exit_on_error=False)
    def look_back(self, stored: Stored, request: NewConversation) -> None:
        from growtui.conversation import earlier_of

        session = stored.session
        try:
            earlier = earlier_of(self.store, session.coachee, exclude=session.id)
        except GrowtuiError as exc:  # the index could not be read: the conversation goes on without it
            self.call_from_thread(self.notify, str(exc), severity="warning", timeout=10)
            return
        self.call_from_thread(self._looked_back, stored, request, earlier)

    def _looked_back(self, stored: Stored, request: NewConversation, earlier: Earlier) -> None:
        active = self.active
        if active is None or active.live.stored is not stored:
            return  # that conversation is closed already
        if earlier.unfinished:
            # Typing counts when it is only in a text area yet (the session hears of it when it saves), and
            # when keys pressed on the first frame still wait for the notes: the dialog would take them.
            if not active.screen.anything_typed() and not getattr(self, "holding_keys", False):
                self._offer_resume(request, earlier)
                return
            entry = earlier.unfinished[0]  # too late to ask: something is typed in this one
            self.notify(
                t("resume_offer.later", active.live.lang, coachee=entry.coachee, date=entry.when[:10], id=entry.id),
                severity="warning",
                timeout=15,
                markup=False,
            )
        self._link(active, earlier)

    def _link(self, active: Any, earlier: Earlier) -> None:
        """The previous conversation and the open actions into the session; the screen shows the new step."""
        from growtui.conversation import apply_earlier

        if apply_earlier(active.live.stored.session, earlier):
            active.screen.phases_arrived()

    def _offer_resume(self, request: NewConversation, earlier: Earlier) -> None:
        """Go on with the unfinished one, start this one anyway, or (Esc) go back to the home screen."""
        from growtui.dialogs.resume_offer import ResumeOffer

        active = self.active
        unfinished = earlier.unfinished

        def chosen(choice: str | None) -> None:
            if self.active is not active:
                return
            if choice == "new":
                self._link(active, earlier)
                return
            self.close_session()  # nothing was typed: it leaves no file
            self.go_back()
            if choice == "resume":
                self.resume_session(unfinished[0].path)

        self.push_screen(
            ResumeOffer(unfinished[0], len(unfinished), request.language or self.lang),
            chosen,
        )
