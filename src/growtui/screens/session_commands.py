"""Command palette entries of the session screen (ctrl+p).

Built from the same actions as the keys, so the footer and the palette never
disagree: every entry runs a screen action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from growtui.i18n import phase_name, t


class SessionCommands(Provider):
    def _entries(self) -> Iterator[tuple[str, Callable[[], object], str, bool]]:
        """(name, what it does, help, whether it asks a library question) for each entry."""
        screen = self.screen
        live = getattr(screen, "live", None)
        if live is None:
            return
        lang = live.lang
        run = screen.run_action
        for phase in live.phases():
            name = phase_name(phase, lang, live.library)
            yield (
                t("palette.phase", lang, phase=name),
                partial(run, f"go('{phase}')"),
                t("tip.phase", lang, phase=name),
                False,
            )
        for name, action in (
            ("next", "next_question"),
            ("pick", "pick_question"),
            ("hints", "toggle_hints"),
            ("privacy", "privacy"),
            ("finish", "finish"),
            ("save", "save"),
            ("tags", "focus_tags"),
            ("lang", "switch_language"),
        ):
            yield t(f"key.{name}", lang), partial(run, action), t(f"tip.{name}", lang), False
        for question in live.library.for_phase(live.phase, live.session.type):
            text = question.text.in_(lang)
            yield (
                t("palette.insert", lang, text=text),
                partial(_ask, screen, question),
                question.purpose.in_(lang),
                True,
            )

    async def discover(self) -> Hits:
        for name, callback, help_text, is_question in self._entries():
            if not is_question:  # the questions are many: they show when searched for
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text, _ in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def _ask(screen, question) -> None:
    screen.live.offer_question(question)
    screen.question_changed()
    screen.action_focus_answer()
