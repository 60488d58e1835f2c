"""A conversation in progress: the rules of the live session, without any UI.

The session screen shows what this object says and calls its methods; every
change to the session goes through here, bumps ``version`` (so autosave knows
there is something to write), and keeps the time per phase.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from growtui.library import Library
from growtui.model import (
    MAX_CARRIES,
    MORE_OPTIONS,
    ONE_HIGHER,
    TO_TEN,
    Action,
    Asked,
    Decision,
    FollowUpItem,
    Kind,
    Option,
    Outcome,
    Phase,
    Prompt,
    Question,
    ScaleAnswer,
    Session,
    Status,
    has_content,
    is_motivation,
    now,
    parse_score,
    prompt_for,
)
from growtui.storage import Stored

# Planned share of the time box per phase, in percent (normalised over the
# phases a session has). Will gets a real share so it is not squeezed out.
PLANNED_SHARE = {
    Phase.opening: 5, Phase.follow_up: 10, Phase.goal: 15, Phase.reality: 25,
    Phase.options: 20, Phase.will: 20, Phase.closing: 5,
}
LOW_SCALE = 7


class ScoreNeeded(ValueError):
    """A scale question's answer has to start with a score from 1 to 10."""

class LiveSession:
    def __init__(self, stored: Stored, library: Library, *, clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], date] = date.today):
        self.stored = stored
        self.today = today  # for the age of earlier actions
        self.library = library
        self._clock = clock
        self._entered = clock()
        self._cursor: dict[Phase, int] = {}
        self._pending: dict[Phase, list[Prompt]] = {}
        self._draft: tuple[Prompt, Asked] | None = None
        self.version = 0

    # --- basics -----------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.stored.session

    @property
    def lang(self) -> str:
        return self.session.language.value

    @property
    def phase(self) -> Phase:
        return self.session.current_phase

    def touch(self) -> None:
        self.version += 1

    def phases(self) -> list[Phase]:
        """The phases this conversation has, in order (follow-up only when there is something to review)."""
        return [p for p in Phase if p is not Phase.follow_up or self.session.follow_up.items]

    def has_content(self, phase: Phase) -> bool:
        return has_content(self.session, phase)

    def set_phase(self, phase: Phase) -> None:
        if phase is self.phase:
            return
        self.close_draft()
        self.account_time()
        self.session.current_phase = phase
        self.touch()

    def step_phase(self, delta: int) -> Phase:
        order = self.phases()
        index = order.index(self.phase) if self.phase in order else 0
        self.set_phase(order[max(0, min(len(order) - 1, index + delta))])
        return self.phase

    # --- time -------------------------------------------------------------

    def account_time(self) -> None:
        """Move the time spent in the current phase into ``phase_seconds``.

        Uses a monotonic clock, so a wall clock jumping (or going backwards)
        never produces negative or absurd phase times.
        """
        now_ = self._clock()
        spent = int(now_ - self._entered)
        if spent > 0:
            seconds = self.session.phase_seconds
            seconds[self.phase] = seconds.get(self.phase, 0) + spent
            self._entered += spent
        elif now_ < self._entered:  # an injected or broken clock went back: count on from here
            self._entered = now_

    def seconds_in(self, phase: Phase) -> int:
        running = int(self._clock() - self._entered) if phase is self.phase else 0
        return self.session.phase_seconds.get(phase, 0) + max(0, running)

    def elapsed(self) -> int:
        return sum(self.seconds_in(p) for p in Phase)

    def planned(self, phase: Phase) -> int:
        phases = self.phases()
        total = sum(PLANNED_SHARE[p] for p in phases)
        return int(self.session.time_box_minutes * 60 * PLANNED_SHARE[phase] / total) if phase in phases else 0

    def overrun(self, phase: Phase) -> bool:
        return phase in Phase.grow() and phase is not Phase.will and self.seconds_in(phase) > self.planned(phase)

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

    def offer(self, prompt: Prompt) -> None:
        """Put a prompt first in its phase (a picked question, a follow-up)."""
        if self._draft and self._draft[0].phase is prompt.phase and self._draft[0].key != prompt.key:
            self.close_draft()
        queue = [p for p in self._pending.get(prompt.phase, []) if p.key != prompt.key]
        self._pending[prompt.phase] = [prompt, *queue]
        self._cursor[prompt.phase] = 0

    def offer_question(self, question: Question) -> None:
        self.offer(prompt_for(question))

    def _follow_ups(self, prompt: Prompt, score: int | None) -> Iterable[Prompt]:
        question = prompt.question
        if question is not None:
            for index, follow_up in enumerate(question.follow_ups):
                if follow_up in question.follow_ups_for(score):
                    yield Prompt(follow_up.text, prompt.phase, Kind.open, None, question.id,
                                 key=f"{question.id}#{index + 1}")
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
            asked = Asked(question_id=prompt.question_id, phase=prompt.phase,
                          text=prompt.text.in_(self.lang), asked_at=now())
            self.session.asked.append(asked)
            self._draft = (prompt, asked)
        asked = self._draft[1]
        parsed = parse_score(text) if prompt.kind is Kind.scale else None
        asked.answer = parsed[1] if parsed else text.strip()
        asked.score = parsed[0] if parsed else None
        self.touch()
        return asked

    def close_draft(self) -> None:
        """Leave a half-typed answer as it is (it counts as asked) and stop drafting."""
        self._draft = None

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
                ScaleAnswer(question_id=prompt.question_id, question=question_text, score=score, said=answer))
        if score is not None and is_motivation(prompt.question):
            self.session.will.motivation = score
        if prompt.follow_up_of and "motivation" in prompt.follow_up_of and prompt.phase is Phase.will:
            self.session.will.motivation_to_ten = answer
        self._pending[prompt.phase] = [p for p in self._pending.get(prompt.phase, []) if p.key != prompt.key]
        for follow_up in self._follow_ups(prompt, score):
            self.offer(follow_up)
        self.touch()
        return asked

    # --- notes and structured parts -------------------------------------------

    def set_notes(self, phase: Phase, text: str) -> None:
        section = self.session.section(phase)
        if section.notes != text:
            section.notes = text
            self.touch()

    def set_goal(self, field: str, value: str) -> None:
        if field not in ("session_goal", "long_term_goal", "success_measure"):
            raise KeyError(field)
        if getattr(self.session.goal, field) != value:
            setattr(self.session.goal, field, value)
            self.touch()

    @staticmethod
    def _next_id(prefix: str, taken: Iterable[str]) -> str:
        used = set(taken)
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def add_option(self, text: str) -> Option:
        option = Option(id=self._next_id("o", (o.id for o in self.session.options.items)), text=text.strip())
        self.session.options.items.append(option)
        if len(self.session.options.items) == 1:
            self.offer(Prompt(MORE_OPTIONS, Phase.options, key="~options.more"))
        else:  # a second option answers "what else?": the prompt would be stale
            self._pending[Phase.options] = [p for p in self._pending.get(Phase.options, []) if p.key != "~options.more"]
        self.touch()
        return option

    @staticmethod
    def _index(items: list, item_id: str) -> int:
        for index, item in enumerate(items):
            if item.id == item_id:
                return index
        raise KeyError(item_id)

    def option(self, option_id: str) -> Option:
        return self.session.options.items[self._index(self.session.options.items, option_id)]

    def update_option(self, option_id: str, **fields: object) -> Option:
        items = self.session.options.items
        index = self._index(items, option_id)
        items[index] = Option.model_validate({**items[index].model_dump(), **fields})
        self.touch()
        return items[index]

    def remove_option(self, option_id: str) -> None:
        self.session.options.items = [o for o in self.session.options.items if o.id != option_id]
        self.touch()

    def toggle_chosen(self, option_id: str) -> Option:
        """Choose or un-choose an option.

        Choosing carries it into Will as an action. Un-choosing takes that
        action back only while nobody has worked on it (still just the
        option's text); an action someone filled in stays.
        """
        option = self.update_option(option_id, chosen=not self.option(option_id).chosen)
        actions = self.session.will.actions
        if option.chosen and not any(a.option_id == option.id for a in actions):
            self.add_action(option.text, option_id=option.id)
        elif not option.chosen:
            untouched = Action(id="x", what=option.text, option_id=option.id).model_dump(exclude={"id"})
            self.session.will.actions = [
                a for a in actions if a.option_id != option.id or a.model_dump(exclude={"id"}) != untouched]
        return option

    def sort_options(self) -> None:
        """Best first: by attractiveness plus feasibility, unscored last (stable)."""
        self.session.options.items.sort(key=lambda o: -(o.score or 0))
        self.touch()

    def add_action(self, what: str, **fields: object) -> Action:
        action = Action.model_validate(
            {"id": self._next_id("a", (a.id for a in self.session.will.actions)), "what": what.strip(), **fields})
        self.session.will.actions.append(action)
        self.touch()
        return action

    def action(self, action_id: str) -> Action:
        return self.session.will.actions[self._index(self.session.will.actions, action_id)]

    def update_action(self, action_id: str, **fields: object) -> Action:
        actions = self.session.will.actions
        index = self._index(actions, action_id)
        actions[index] = Action.model_validate({**actions[index].model_dump(), **fields})
        self.touch()
        return actions[index]

    def remove_action(self, action_id: str) -> None:
        self.session.will.actions = [a for a in self.session.will.actions if a.id != action_id]
        self.touch()

    def set_motivation(self, score: int | None, to_ten: str | None = None) -> None:
        """Set the motivation score; below 10, "what would make it a 10?" comes first."""
        will = self.session.will
        if will.motivation == score and (to_ten is None or to_ten == will.motivation_to_ten):
            return
        will.motivation = score
        if to_ten is not None:
            will.motivation_to_ten = to_ten
        key = "~will.motivation#10"
        if score is not None and score < 10 and not will.motivation_to_ten:
            self.offer(Prompt(TO_TEN, Phase.will, key=key, follow_up_of="will.motivation"))
        else:
            self._pending[Phase.will] = [p for p in self._pending.get(Phase.will, []) if p.key != key]
        self.touch()

    def set_motivation_to_ten(self, text: str) -> None:
        if self.session.will.motivation_to_ten != text:
            self.session.will.motivation_to_ten = text
            self.touch()

    def update_follow_up(self, index: int, **fields: object) -> FollowUpItem:
        """Change a follow-up item; deciding to carry it over puts it among this session's actions."""
        items = self.session.follow_up.items
        before = items[index]
        item = items[index] = FollowUpItem.model_validate({**before.model_dump(), **fields})
        if item.outcome is Outcome.done and item.decision is Decision.carry_over:
            item.decision = None  # a done action is not carried over
        if item.decision is Decision.carry_over and before.decision is not Decision.carry_over:
            self._carry_over(item)
        elif before.decision is Decision.carry_over and item.decision is not Decision.carry_over:
            self._uncarry(item)
        self.touch()
        return item

    @staticmethod
    def needs_confirmation(item: FollowUpItem) -> bool:
        """Carrying an item over a third time (or more) needs an explicit yes: actions must not pile up."""
        return item.carry_count >= MAX_CARRIES

    def carried_action(self, item: FollowUpItem) -> Action | None:
        return next((a for a in self.session.will.actions if a.carried_from == item.key), None)

    def _carry_over(self, item: FollowUpItem) -> None:
        if self.carried_action(item) is None:
            self.add_action(item.what, success_criterion=item.success_criterion, carried_from=item.key,
                            carry_count=item.carry_count + 1, agreed_on=item.agreed_on)

    def _uncarry(self, item: FollowUpItem) -> None:
        """Take the carried action back, unless somebody has worked on it meanwhile."""
        action = self.carried_action(item)
        untouched = action is not None and (
            action.what == item.what and action.success_criterion == item.success_criterion
            and not (action.when or action.start or action.inform or action.support or action.obstacles))
        if untouched:
            self.remove_action(action.id)

    # --- finishing ------------------------------------------------------------

    def finish(self) -> None:
        self.account_time()
        self.session.status = Status.completed
        # A wall clock set back during the conversation must not end it before it began.
        self.session.ended_at = max(now(), self.session.started_at + timedelta(seconds=self.elapsed()))
        self.touch()

    def snapshot(self) -> Session:
        """A copy to hand to the writer thread (times accounted first)."""
        self.account_time()
        return self.session.model_copy(deep=True)
