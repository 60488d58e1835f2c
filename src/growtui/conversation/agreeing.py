"""Agreeing: options and their scores, actions, motivation, and how earlier actions turned out."""

from __future__ import annotations

from collections.abc import Iterable

from growtui.conversation.core import LiveCore
from growtui.model import (
    MAX_CARRIES,
    MAX_CARRY_COUNT,
    MORE_OPTIONS,
    TO_TEN,
    Action,
    Decision,
    FollowUpItem,
    Option,
    Outcome,
    Phase,
    Prompt,
)


class Agreeing(LiveCore):
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
            self.withdraw(Phase.options, "~options.more")
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
                a for a in actions if a.option_id != option.id or a.model_dump(exclude={"id"}) != untouched
            ]
        return option

    def sort_options(self) -> None:
        """Best first: by attractiveness plus feasibility, unscored last (stable)."""
        self.session.options.items.sort(key=lambda o: -(o.score or 0))
        self.touch()

    def add_action(self, what: str, **fields: object) -> Action:
        action = Action.model_validate(
            {"id": self._next_id("a", (a.id for a in self.session.will.actions)), "what": what.strip(), **fields}
        )
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
            self.withdraw(Phase.will, key)
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
            self.add_action(
                item.what,
                success_criterion=item.success_criterion,
                carried_from=item.key,
                carry_count=min(MAX_CARRY_COUNT, item.carry_count + 1),
                agreed_on=item.agreed_on,
            )

    def _uncarry(self, item: FollowUpItem) -> None:
        """Take the carried action back, unless somebody has worked on it meanwhile."""
        action = self.carried_action(item)
        untouched = action is not None and (
            action.what == item.what
            and action.success_criterion == item.success_criterion
            and not (action.when or action.start or action.inform or action.support or action.obstacles)
        )
        if action is not None and untouched:
            self.remove_action(action.id)
