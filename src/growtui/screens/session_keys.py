"""The keys of the session screen: its bindings, and the grouped list F1 shows (and the README repeats).

One list, in both languages: the footer, the palette and the help all read
from here, and a test checks that the README's key tables say the same.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from growtui.i18n import t

# The heart of the conversation, phase by phase: Goal, Reality, Options and Will in a problem-solving one.
PHASE_KEYS = ("f2", "f3", "f4", "f5")

# (group, [(keys as shown, what they do)]), as i18n keys; "help.*" texts are in i18n/keys.py.
HELP_GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "help.group.typing",
        [
            ("help.keys.type", "help.type"),
            ("Tab / Shift+Tab", "help.tab"),
            ("Esc", "help.esc"),
            ("Ctrl+L", "help.answer"),
        ],
    ),
    (
        "help.group.questions",
        [
            ("Ctrl+N / Ctrl+B", "help.next"),
            ("Ctrl+O", "help.pick"),
            ("Ctrl+T", "help.hints"),
        ],
    ),
    (
        "help.group.phases",
        [
            ("F2 F3 F4 F5", "help.phase_keys"),
            ("Ctrl+PgUp / Ctrl+PgDn", "help.step_phase"),
        ],
    ),
    (
        "help.group.options",
        [
            ("a, f + 1-9/0", "help.score"),
            ("Space", "help.choose"),
            ("s", "help.sort"),
            ("Enter", "help.edit_option"),
            ("Delete", "help.remove"),
        ],
    ),
    (
        "help.group.will",
        [
            ("Enter", "help.edit_action"),
            ("Delete", "help.remove"),
            ("Ctrl+Z", "help.undo"),
        ],
    ),
    (
        "help.group.conversation",
        [
            ("F10", "help.finish"),
            ("Ctrl+S", "help.save"),
            ("F8", "help.lang"),
            ("F12", "help.privacy"),
            ("Ctrl+P", "help.palette"),
            ("F1", "help.keys"),
            ("Ctrl+Q", "help.quit"),
        ],
    ),
]


def help_groups(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The session's keys as F1 shows them, in ``lang``."""

    def shown(keys: str) -> str:
        return t(keys, lang) if keys.startswith("help.") else keys

    return [(t(group, lang), [(shown(keys), t(what, lang)) for keys, what in rows]) for group, rows in HELP_GROUPS]


def bindings_for(lang: str) -> list[BindingType]:
    """The session keys, described in the interface language; the footer shows six of them."""

    def key(keys: str, action: str, label: str, tip: str, id: str, show: bool = True, **kw) -> Binding:
        return Binding(keys, action, t(label, lang), id=id, show=show, tooltip=t(tip, lang), **kw)

    return [
        key("ctrl+n", "next_question", "key.next", "tip.next", "next-question", key_display="^n"),
        key("ctrl+b", "previous_question", "key.previous", "tip.previous", "previous-question", show=False),
        key("ctrl+o", "pick_question", "key.pick", "tip.pick", "pick-question", key_display="^o"),
        key("ctrl+l", "focus_answer", "key.answer", "tip.answer", "focus-answer", show=False),
        key("escape", "focus_notes", "key.notes", "tip.notes", "focus-notes", show=False),
        key("ctrl+t", "toggle_hints", "key.hints", "tip.hints", "toggle-hints", show=False),
        key("ctrl+z", "undo", "key.undo", "tip.undo", "undo", show=False),
        key("f10", "finish", "key.finish", "tip.finish", "finish", key_display="F10"),
        key("f12", "privacy", "key.privacy", "tip.privacy", "privacy", priority=True, key_display="F12"),
        key("ctrl+s", "save", "key.save", "tip.save", "save", show=False),
        key("ctrl+pageup", "step_phase(-1)", "key.prev_phase", "tip.prev_phase", "previous-phase", show=False),
        key("ctrl+pagedown", "step_phase(1)", "key.next_phase", "tip.next_phase", "next-phase", show=False),
        key("f8", "switch_language", "key.lang", "tip.lang", "switch-language", show=False),
        *(
            Binding(
                k,
                f"go_core({n})",
                t("key.core_phase", lang, n=n + 1),
                id=f"go-core-{n + 1}",
                show=False,
                tooltip=t("tip.core_phase", lang, n=n + 1),
            )
            for n, k in enumerate(PHASE_KEYS)
        ),
    ]
