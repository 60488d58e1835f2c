"""Matching typed text: folding case and accents, search terms, and snippets around a match.

No SQLite and no pydantic here: the index and the screens share these rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from growtui.safetext import flat

if TYPE_CHECKING:
    from growtui.model import Session


def person_key(name: str) -> str:
    """Names compare without regard to case, accents or runs of spaces: ``"Zoë  de Wit"`` is ``"zoe de wit"``."""
    return fold(" ".join(name.split()))


_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Text for matching: accents removed, case folded (``"Ideeën"`` -> ``"ideeen"``).

    Newlines are kept, so a line in the folded text is the same line in the original.
    """
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def typed_text(session: Session) -> list[str]:
    """Everything a person typed in a session, for full-text search."""
    s = session
    parts = [s.coachee, s.topic, *s.tags]
    from growtui.model import Phase

    parts += [s.section(phase).notes for phase in Phase]
    parts += [section.notes for section in s.sections.values()]
    parts += [value for value in s.record.values() if isinstance(value, str)]
    parts += [s.direction.what, s.direction.quality, s.direction.in_their_words]
    parts += [s.goal.session_goal, s.goal.long_term_goal, s.goal.success_measure]
    parts += [x for a in s.reality.scales for x in (a.question, a.said)]
    parts += [x for o in s.options.items for x in (o.text, *o.pros, *o.cons)]
    parts += [x for a in s.will.actions for x in (a.what, a.success_criterion, a.inform, a.support, a.obstacles)]
    parts += [s.will.motivation_to_ten]
    parts += [
        x for i in s.follow_up.items for x in (i.what, i.success_criterion, i.tried, i.helped, i.hindered, i.next_step)
    ]
    parts += [x for a in s.asked for x in (a.text, a.answer)]
    return [p for p in parts if p and p.strip()]


_TERMS = re.compile(r'"([^"]*)"|(\S+)')


def query_terms(query: str) -> list[str]:
    """Search terms, folded; ``"two words"`` in quotes is one term."""
    terms = []
    for quoted, word in _TERMS.findall(query):
        term = fold(quoted if quoted else word).strip()
        if term and term not in terms:
            terms.append(term)
    return terms


class Snippet(NamedTuple):
    """A piece of one line around the first match: ``before`` + ``match`` + ``after``.

    A named tuple: a common word makes thousands of them.
    """

    before: str
    match: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.match}{self.after}"


SNIPPET_WIDTH = 70
WINDOW = 200  # characters of text fetched either side of a match, to cut a snippet from


def snippet(body: str, folded: str, terms: Iterable[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """The first line holding a term, cut to about ``width`` characters around it."""
    positions = [(p, t) for t in terms if (p := folded.find(t)) >= 0]
    if not positions:
        return Snippet(flat(body)[:width], "", "")
    position, term = min(positions)
    line_start = folded.rfind("\n", 0, position) + 1
    if body.isascii():  # folding kept every position: cut the line straight out (search prints thousands)
        line_end = body.find("\n", position)
        line = body[line_start:line_end] if line_end >= 0 else body[line_start:]
        start, end = position - line_start, position - line_start + len(term)
    else:
        line_no = folded.count("\n", 0, position)
        line = body.split("\n")[line_no] if line_no < body.count("\n") + 1 else ""
        start, end = _locate(line, position - line_start, len(term))
    room = max(0, width - (end - start))
    left = max(0, start - room // 3)
    right = min(len(line), end + room - (start - left))
    left = max(0, left - (room - (start - left) - (right - end)))  # a short tail leaves room before
    before = ("…" if left > 0 else "") + line[left:start].lstrip()
    after = line[end:right].rstrip() + ("…" if right < len(line) else "")
    return Snippet(before, line[start:end], after)


def _locate(line: str, folded_start: int, folded_length: int) -> tuple[int, int]:
    """Where a match at ``folded_start`` in ``fold(line)`` lies in ``line`` itself."""
    if line.isascii():
        return folded_start, folded_start + folded_length
    position = 0
    start = end = None
    for index, char in enumerate(line):
        if start is None and position >= folded_start:
            start = index
        position += len(fold(char))
        if start is not None and position >= folded_start + folded_length:
            end = index + 1
            break
    start = start if start is not None else len(line)
    return start, end if end is not None else len(line)
