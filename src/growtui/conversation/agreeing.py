"""Agreeing: options and their scores, actions, motivation, the next meeting, and how earlier actions turned out.

Removing an option or an action can be undone: what was removed waits, with
its place in the list, until it is brought back or the conversation ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from growtui.conversation.asking import Asking
from growtui.model import (
    MAX_CARRIES,
    MAX_CARRY_COUNT,
    MORE_OPTIONS,
    Action,
    Decision,
    FollowUpItem,
    Option,
    Outcome,
    Phase,
    Prompt,
)


@dataclass(frozen=True)
class Removed:
    """An option or action taken out, and where it stood, so that it can be put back."""

    item: Option | Action
    index: int

    @property
    def kind(self) -> str:
        return "option" if isinstance(self.item, Option) else "action"


class Agreeing(Asking):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.removed: list[Removed] = []  # newest last; what Ctrl+Z brings back

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

    def remove_option(self, option_id: str) -> Removed:
        """Take an option out (with its scores, pros and cons); :meth:`undo_remove` puts it back."""
        items = self.session.options.items
        index = self._index(items, option_id)
        removed = Removed(items.pop(index), index)
        self.removed.append(removed)
        self.touch()
        return removed

    def undo_remove(self) -> Removed | None:
        """Put back the option or action removed last, where it stood; None when there is nothing to undo."""
        if not self.removed:
            return None
        removed = self.removed.pop()
        if isinstance(removed.item, Option):
            items: list = self.session.options.items
            taken = {o.id for o in items}
        else:
            items = self.session.will.actions
            taken = {a.id for a in items}
        item = removed.item
        if item.id in taken:  # a new item got its id meanwhile: the one brought back gets a fresh one
            item = item.model_copy(update={"id": self._next_id(item.id[0], taken)})
        items.insert(min(removed.index, len(items)), item)
        self.touch()
        return Removed(item, removed.index)

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

    def remove_action(self, action_id: str) -> Removed:
        """Take an action out; :meth:`undo_remove` puts it back."""
        actions = self.session.will.actions
        index = self._index(actions, action_id)
        removed = Removed(actions.pop(index), index)
        self.removed.append(removed)
        self.touch()
        return removed

    def set_motivation(self, score: int | None, to_ten: str | None = None) -> None:
        """Set the motivation score. Below 10 the Will panel asks what would make it a 10, in its own field."""
        will = self.session.will
        if will.motivation == score and (to_ten is None or to_ten == will.motivation_to_ten):
            return
        will.motivation = score
        if to_ten is not None:
            will.motivation_to_ten = to_ten
        self.touch()

    def set_next_meeting(self, day: date | None) -> None:
        """When the next conversation is planned (asked in Will, noted in Will or Closing)."""
        if self.session.next_meeting != day:
            self.session.next_meeting = day
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

    @staticmethod
    def _carried_fields(item: FollowUpItem) -> dict[str, object]:
        """The whole action as it was agreed, and its history: where it comes from, how often carried, since when."""
        return {
            "what": item.what,
            "owner": item.owner,
            "success_criterion": item.success_criterion,
            "start": item.start,
            "when": item.when,
            "inform": item.inform,
            "support": item.support,
            "obstacles": item.obstacles,
            "carried_from": item.key,
            "carry_count": min(MAX_CARRY_COUNT, item.carry_count + 1),
            "agreed_on": item.agreed_on,
        }

    def _carry_over(self, item: FollowUpItem) -> None:
        if self.carried_action(item) is None:
            fields = self._carried_fields(item)
            self.add_action(str(fields.pop("what")), **fields)

    def _uncarry(self, item: FollowUpItem) -> None:
        """Take the carried action back, unless somebody has worked on it meanwhile."""
        action = self.carried_action(item)
        if action is None:
            return
        untouched = all(getattr(action, name) == value for name, value in self._carried_fields(item).items())
        if untouched:
            actions = self.session.will.actions
            actions.pop(self._index(actions, action.id))
            self.touch()
