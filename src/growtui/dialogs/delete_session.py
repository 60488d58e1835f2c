"""The question before a conversation goes to the trash, and what to say when it cannot go."""

from __future__ import annotations

from growtui.dialogs.confirm import Confirm
from growtui.errors import FileProblemError, GrowtuiError
from growtui.i18n import t
from growtui.index import Entry
from growtui.storage.trash import KEEP_DAYS


def delete_question(entry: Entry, lang: str) -> Confirm:
    """Who, when and what about, and for how long ``growtui restore`` can bring it back."""
    body = t(
        "history.delete.body", lang, coachee=entry.coachee, when=entry.when, topic=entry.topic or "–", days=KEEP_DAYS
    )
    return Confirm(t("history.delete.title", lang), body, t("history.delete.yes", lang), lang)


def why_not_deleted(exc: GrowtuiError | OSError, lang: str) -> str:
    from growtui.erasure import InUse

    if isinstance(exc, InUse):
        return t("history.delete.in_use", lang)
    reason = exc.problems[0].message if isinstance(exc, FileProblemError) else str(exc)
    return t("history.delete.failed", lang, reason=reason)
