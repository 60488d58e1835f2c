"""Interface text in Dutch and English, one table per part of the interface.

``t(key, lang, **values)`` looks a text up and formats it; ``tn(key, n, lang,
**values)`` does the same for a text with a number in it, choosing the
singular or the plural form by ``n`` ("1 gesprek", "2 gesprekken"). A key
that is not in the tables raises KeyError: a missing text is a test failure
(tests/test_i18n.py checks every key the code names, both languages and
their placeholders), never the key shown to a user.

The tables are home-made on purpose: two languages, a language that can
switch in the middle of a conversation, and no build step. gettext with
Babel would take over when a third language or outside translators come
in: the keys then become message ids, and the plural rule per language
comes from CLDR instead of the one line in :func:`tn`.

What is translated: every text in the interface, and the documents growtui
writes (``show``, ``export``). The command line's own messages and errors
stay in English, like the option names they sit between; see the README.
"""

from __future__ import annotations

import locale
import os
from datetime import date
from typing import TYPE_CHECKING

from growtui.i18n import (
    after,
    around,
    documents,
    editing,
    finish,
    follow_up,
    history,
    home,
    keys,
    method,
    session,
    vault,
)

if TYPE_CHECKING:
    from growtui.library import Library
    from growtui.model import Lang

# Keyed by the values of model.Phase, written out: the interface's texts load without pydantic, so a
# first frame can be drawn before the models are (tests/test_i18n.py checks both lists agree).
PHASE_NAMES: dict[str, tuple[str, str]] = {
    "opening": ("Opening", "Opening"),
    "follow_up": ("Terugblik", "Follow-up"),
    "direction": ("Richting", "Direction"),
    "goal": ("Doel", "Goal"),
    "reality": ("Realiteit", "Reality"),
    "options": ("Opties", "Options"),
    "will": ("Wil", "Will"),
    "closing": ("Afsluiting", "Closing"),
}

_TABLES = (session, editing, follow_up, finish, home, history, documents, after, keys, method, around, vault)


def _merged(name: str) -> dict:
    merged: dict = {}
    for table in _TABLES:
        part = getattr(table, name, {})
        clash = merged.keys() & part.keys()
        if clash:
            raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


STRINGS: dict[str, tuple[str, str]] = _merged("STRINGS")
"""key: (Dutch, English)."""
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = _merged("PLURALS")
"""key: ((Dutch one, Dutch more), (English one, English more))."""


def _is_dutch(lang: Lang | str) -> bool:
    return str(lang) == "nl"


def t(key: str, lang: Lang | str, **values: object) -> str:
    nl, en = STRINGS[key]
    text = nl if _is_dutch(lang) else en
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: Lang | str, **values: object) -> str:
    """The text for ``n`` of something: its singular form for exactly one, its plural otherwise.

    Dutch and English agree: one is singular, zero and more are plural.
    ``{n}`` in the text is ``n``.
    """
    dutch, english = PLURALS[key]
    one, more = dutch if _is_dutch(lang) else english
    return (one if n == 1 else more).format(n=n, **values)


def phase_name(phase: str, lang: Lang | str, library: Library | None = None) -> str:
    """A phase's name: growtui's own from the tables, a type's own from the library.

    A phase neither knows (a file from a library that had it) is named by its id.
    """
    if phase in PHASE_NAMES:
        nl, en = PHASE_NAMES[phase]
        return nl if _is_dutch(lang) else en
    custom = library.phases.get(phase) if library is not None else None
    return custom.name.in_(lang) if custom is not None else phase.replace("_", " ").capitalize()


def short_date(day: date, lang: Lang | str) -> str:
    """``di 3 nov 2026`` / ``Tue 3 Nov 2026``, whatever the machine's locale."""
    weekday = t("date.weekdays", lang).split()[day.weekday()]
    month = t("date.months", lang).split()[day.month - 1]
    return f"{weekday} {day.day} {month} {day.year}"


def system_language() -> str:
    """Dutch ("nl") when the system speaks Dutch, English ("en") otherwise: the config's default language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "nl" if code.lower().startswith("nl") else "en"
