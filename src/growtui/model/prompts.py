"""What the question panel can offer: library questions and follow-ups to answers (no UI)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from growtui.model.common import Localized, Phase
from growtui.model.question import Kind, Question

_SCORE = re.compile(r"^\s*(10|[1-9])(?!\d|[.,]\d)\s*[:.,;-]?\s*(.*)$", re.DOTALL)


# What growtui itself asks, besides the library's questions: the method's own follow-ups.
MORE_OPTIONS = Localized(
    nl="Er staat nog maar één optie. Wat zou je nog meer kunnen doen?",
    en="There is only one option so far. What else could you do?",
)
ONE_HIGHER = Localized(nl="Wat zou het één punt hoger maken?", en="What would make it one point higher?")


@dataclass(frozen=True)
class Prompt:
    """What the question panel offers: a library question or a follow-up to an answer."""

    text: Localized
    phase: str
    kind: Kind = Kind.open
    question: Question | None = None
    follow_up_of: str | None = None
    key: str = ""  # stable identity, for "asked" bookkeeping and the file

    @classmethod
    def own(cls, text: str, phase: str, key: str) -> Prompt:
        """A question that is not (or no longer) in the library: as it was asked, in both languages."""
        return cls(Localized(nl=text, en=text), phase, key=key)

    @property
    def question_id(self) -> str | None:
        """What the file records: the library id, ``id#n`` for its follow-ups, None for others."""
        return self.key if self.key and not self.key.startswith("~") else None


def prompt_for(question: Question) -> Prompt:
    return Prompt(question.text, question.phase, question.kind, question, key=question.id)


def parse_score(text: str) -> tuple[int, str] | None:
    """``"7 want het gaat beter"`` -> ``(7, "want het gaat beter")``."""
    match = _SCORE.match(text)
    if not match:
        return None
    return int(match.group(1)), match.group(2).strip()


def is_motivation(question: Question | None) -> bool:
    return bool(
        question and question.phase == Phase.will and question.kind is Kind.scale and "motivation" in question.id
    )
