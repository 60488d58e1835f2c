"""Asking: the questions a live session suggests, follow-ups to answers, and answers noted against questions.

An answer is what the manager confirmed with Enter, nothing else. What is
typed in the answer line before that is a *draft*: kept in the session (so
autosave has it, and a resumed conversation shows it again), never counted
as an answer, and, when the manager moves on without confirming, written
into the phase's notes under the question it belonged to. Clearing the line
clears the draft.
"""

from __future__ import annotations

from growtui.conversation.core import LiveCore
from growtui.model import (
    ONE_HIGHER,
    AnswerDraft,
    Asked,
    Kind,
    Phase,
    Prompt,
    Question,
    ScaleAnswer,
    is_motivation,
    now,
    parse_score,
    prompt_for,
)
from growtui.storage import Stored

LOW_SCALE = 7
DRAFT_MARK = "»"  # starts the line of a question in the notes, above an answer that was never confirmed


class ScoreNeeded(ValueError):
    """A scale question's answer has to start with a score from 1 to 10."""


class Asking(LiveCore):
    def __init__(self, stored: Stored, *args, **kwargs) -> None:
        super().__init__(stored, *args, **kwargs)
        self._restore_draft()

    # --- questions ----------------------------------------------------------

    def asked_keys(self) -> set[str]:
        """The questions answered so far (by library id)."""
        return {a.question_id for a in self.session.asked if a.question_id}

    def candidates(self, phase: str | None = None) -> list[Prompt]:
        """Follow-ups to answers first, then the phase's library questions not yet asked."""
        phase = phase or self.phase
        asked = self.asked_keys()
        pending = [p for p in self._pending.get(phase, []) if p.key not in asked]
        keys = {p.key for p in pending}
        offered = self.library.for_phase(phase, self.session.type)
        prepared = set(self.session.preparation.questions)
        if prepared:  # what the manager picked in advance comes first, in the order offered
            offered = [q for q in offered if q.id in prepared] + [q for q in offered if q.id not in prepared]
        library = [prompt_for(q) for q in offered if q.id not in asked and q.id not in keys]
        return pending + library

    def current(self, phase: str | None = None) -> Prompt | None:
        phase = phase or self.phase
        found = self.candidates(phase)
        if not found:
            return None
        return found[self._cursor.get(phase, 0) % len(found)]

    def position(self) -> tuple[int, int]:
        found = self.candidates()
        return ((self._cursor.get(self.phase, 0) % len(found)) + 1 if found else 0), len(found)

    def move(self, delta: int) -> Prompt | None:
        """The next or previous suggestion; an answer typed for this one and not confirmed goes to the notes."""
        self.park_draft()
        found = self.candidates()
        if found:
            self._cursor[self.phase] = (self._cursor.get(self.phase, 0) + delta) % len(found)
        return self.current()

    def offer(self, prompt: Prompt) -> None:
        """Put a prompt first in its phase (a picked question, a follow-up).

        While an answer is being typed in that phase, its question stays the
        one shown: the new prompt waits right behind it.
        """
        drafting = self.session.draft is not None and self.session.draft.phase == prompt.phase
        shown = self.current(prompt.phase) if drafting else None
        queue = [p for p in self._pending.get(prompt.phase, []) if p.key != prompt.key]
        self._pending[prompt.phase] = [prompt, *queue]
        self._cursor[prompt.phase] = 0
        if shown is not None and shown.key != prompt.key:
            keys = [p.key for p in self.candidates(prompt.phase)]
            self._cursor[prompt.phase] = keys.index(shown.key) if shown.key in keys else 0

    def offer_question(self, question: Question) -> None:
        """A question picked by hand: what was typed for the one before goes to the notes first."""
        self.park_draft()
        self.offer(prompt_for(question))

    def withdraw(self, phase: str, key: str) -> None:
        """Take a waiting prompt back: what it asked has been answered another way."""
        self._pending[phase] = [p for p in self._pending.get(phase, []) if p.key != key]

    def _follow_ups(self, prompt: Prompt, score: int | None) -> list[Prompt]:
        """Every follow-up of the question that fits the answer, in the library's order.

        growtui's own "one point higher?" comes only when the question has none
        of its own. A follow-up that a field of the screen asks itself (the
        Will panel's "what would make it a 10?") is not suggested a second time.
        """
        question = prompt.question
        own = []
        if question is not None:
            for index, follow_up in enumerate(question.follow_ups):
                if follow_up.applies_to(score) and follow_up.fills is None:
                    own.append(
                        Prompt(
                            follow_up.text, prompt.phase, Kind.open, None, question.id, key=f"{question.id}#{index + 1}"
                        )
                    )
            if any(f.applies_to(score) for f in question.follow_ups):
                return own
        if score is not None and score < LOW_SCALE and not is_motivation(question):
            return [Prompt(ONE_HIGHER, prompt.phase, follow_up_of=prompt.key, key=f"~{prompt.key}#up")]
        return []

    # --- the answer line ----------------------------------------------------

    def draft_answer(self, prompt: Prompt, text: str) -> None:
        """What is typed in the answer line so far: kept as a draft, never as an answer. Empty: no draft."""
        draft = self.session.draft
        if draft is not None and not self._drafts_for(draft, prompt):
            self.park_draft()
        if not text.strip():
            if self.session.draft is not None:
                self.session.draft = None
                self.touch()
            return
        self.session.draft = AnswerDraft(
            phase=prompt.phase, question_id=prompt.question_id, question=prompt.text.in_(self.lang), text=text
        )
        self.touch()

    def draft_for(self, prompt: Prompt | None) -> str:
        """The text being typed for this prompt, if any (a resumed conversation shows it again)."""
        draft = self.session.draft
        return draft.text if draft is not None and prompt is not None and self._drafts_for(draft, prompt) else ""

    def _drafts_for(self, draft: AnswerDraft, prompt: Prompt) -> bool:
        if draft.phase != prompt.phase:
            return False
        if draft.question_id or prompt.question_id:
            return draft.question_id == prompt.question_id
        return draft.question in (prompt.text.nl, prompt.text.en)

    def park_draft(self) -> str | None:
        """The manager moved on without pressing Enter: the typed text goes into the notes, under its question.

        Returns the phase whose notes changed, if any.
        """
        draft = self.session.draft
        if draft is None:
            return None
        self.session.draft = None
        self.touch()
        text = draft.text.strip()
        if not text:
            return None
        section = self.session.section(draft.phase, create=True)
        before = section.notes.rstrip("\n")
        section.notes = f"{before}\n\n" if before else ""
        section.notes += f"{DRAFT_MARK} {draft.question}\n{text}\n"
        return draft.phase

    def _restore_draft(self) -> None:
        """A resumed conversation goes on with the answer that was being typed: its question comes first."""
        draft = self.session.draft
        if draft is None:
            return
        question = self.library.get(draft.question_id) if draft.question_id else None
        if question is not None and question.phase == draft.phase:
            prompt = prompt_for(question)
        else:
            prompt = Prompt.own(draft.question, draft.phase, key=draft.question_id or f"~draft:{draft.question}")
        self._pending[prompt.phase] = [prompt, *self._pending.get(prompt.phase, [])]
        self._cursor[prompt.phase] = 0

    def log_answer(self, prompt: Prompt, text: str) -> Asked:
        """Note an answer against the question it answers (Enter).

        Scale questions need a score first (``"6 want ..."``); ScoreNeeded
        otherwise, and the draft stays. A scale answer in Reality also lands
        in the scale table; the motivation question sets the motivation; the
        question's follow-ups that fit the answer come next, in order.
        """
        score: int | None = None
        answer = text.strip()
        if prompt.kind is Kind.scale:
            parsed = parse_score(answer)
            if parsed is None:
                raise ScoreNeeded(prompt.key)
            score, answer = parsed
        draft = self.session.draft
        if draft is not None and self._drafts_for(draft, prompt):
            self.session.draft = None
        asked = Asked(
            question_id=prompt.question_id,
            phase=prompt.phase,
            text=prompt.text.in_(self.lang),
            asked_at=now(),
            answer=answer,
            score=score,
        )
        self.session.asked.append(asked)
        if score is not None and prompt.phase == Phase.reality:
            self.session.reality.scales.append(
                ScaleAnswer(question_id=prompt.question_id, question=asked.text, score=score, said=answer)
            )
        if score is not None and is_motivation(prompt.question):
            self.session.will.motivation = score
        self.withdraw(prompt.phase, prompt.key)
        for follow_up in reversed(self._follow_ups(prompt, score)):
            self.offer(follow_up)
        self.touch()
        return asked
