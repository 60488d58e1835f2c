"""Asking: the questions a live session suggests, follow-ups to answers, and answers noted against questions."""

from __future__ import annotations

from collections.abc import Iterable

from growtui.conversation.core import LiveCore
from growtui.model import (
    ONE_HIGHER,
    TO_TEN,
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

LOW_SCALE = 7


class ScoreNeeded(ValueError):
    """A scale question's answer has to start with a score from 1 to 10."""


class Asking(LiveCore):
    # --- questions ----------------------------------------------------------

    def asked_keys(self) -> set[str]:
        """Questions already asked; one whose answer is still being typed does not count yet."""
        drafting = self._draft[1] if self._draft else None
        return {a.question_id for a in self.session.asked if a.question_id and a is not drafting}

    def candidates(self, phase: Phase | None = None) -> list[Prompt]:
        """Follow-ups to answers first, then the phase's library questions not yet asked."""
        phase = phase or self.phase
        asked = self.asked_keys()
        pending = [p for p in self._pending.get(phase, []) if p.key not in asked]
        keys = {p.key for p in pending}
        library = [prompt_for(q) for q in self.library.for_phase(phase) if q.id not in asked and q.id not in keys]
        return pending + library

    def current(self, phase: Phase | None = None) -> Prompt | None:
        phase = phase or self.phase
        found = self.candidates(phase)
        if not found:
            return None
        return found[self._cursor.get(phase, 0) % len(found)]

    def position(self) -> tuple[int, int]:
        found = self.candidates()
        return ((self._cursor.get(self.phase, 0) % len(found)) + 1 if found else 0), len(found)

    def move(self, delta: int) -> Prompt | None:
        self.close_draft()
        found = self.candidates()
        if found:
            self._cursor[self.phase] = (self._cursor.get(self.phase, 0) + delta) % len(found)
        return self.current()

    def offer_question(self, question: Question) -> None:
        self.offer(prompt_for(question))

    def _follow_ups(self, prompt: Prompt, score: int | None) -> Iterable[Prompt]:
        question = prompt.question
        if question is not None:
            for index, follow_up in enumerate(question.follow_ups):
                if follow_up in question.follow_ups_for(score):
                    yield Prompt(
                        follow_up.text, prompt.phase, Kind.open, None, question.id, key=f"{question.id}#{index + 1}"
                    )
                    return
        if score is None:
            return
        if is_motivation(question) and score < 10:
            yield Prompt(TO_TEN, prompt.phase, follow_up_of=prompt.key, key=f"~{prompt.key}#10")
        elif score < LOW_SCALE:
            yield Prompt(ONE_HIGHER, prompt.phase, follow_up_of=prompt.key, key=f"~{prompt.key}#up")

    def draft_answer(self, prompt: Prompt, text: str) -> Asked:
        """Keep an answer that is still being typed in the session, so autosave has it.

        The question stays current until the answer is logged; if the
        manager moves on instead, the partial answer stays in the file.
        """
        if self._draft is None or self._draft[0].key != prompt.key:
            self.close_draft()
            asked = Asked(
                question_id=prompt.question_id, phase=prompt.phase, text=prompt.text.in_(self.lang), asked_at=now()
            )
            self.session.asked.append(asked)
            self._draft = (prompt, asked)
        asked = self._draft[1]
        parsed = parse_score(text) if prompt.kind is Kind.scale else None
        asked.answer = parsed[1] if parsed else text.strip()
        asked.score = parsed[0] if parsed else None
        self.touch()
        return asked

    def log_answer(self, prompt: Prompt, text: str) -> Asked:
        """Note an answer against the question it answers.

        Scale questions need a score first (``"6 want ..."``); ScoreNeeded
        otherwise, and the draft stays. A scale answer in Reality also lands
        in the scale table; the motivation question sets the motivation;
        answers can bring their follow-up question to the front.
        """
        score: int | None = None
        answer = text.strip()
        if prompt.kind is Kind.scale:
            parsed = parse_score(answer)
            if parsed is None:
                raise ScoreNeeded(prompt.key)
            score, answer = parsed
        asked = self.draft_answer(prompt, text)
        asked.answer, asked.score = answer, score
        self._draft = None
        question_text = asked.text
        if score is not None and prompt.phase is Phase.reality:
            self.session.reality.scales.append(
                ScaleAnswer(question_id=prompt.question_id, question=question_text, score=score, said=answer)
            )
        if score is not None and is_motivation(prompt.question):
            self.session.will.motivation = score
        if prompt.follow_up_of and "motivation" in prompt.follow_up_of and prompt.phase is Phase.will:
            self.session.will.motivation_to_ten = answer
        self.withdraw(prompt.phase, prompt.key)
        for follow_up in self._follow_ups(prompt, score):
            self.offer(follow_up)
        self.touch()
        return asked
