"""The coachee's recap: what was agreed, to hand over after the conversation, and nothing else.

What goes in, in the session's own language: the goal in the coachee's
words (the goal of this conversation and the longer-term goal), the chosen
option or options, each action of the coachee and each of the coach's own
commitments (what, start, done by, success criterion, who needs to know,
support), the next meeting, and of what a conversation type records only
the fields in :data:`AGREED_RECORDS`.

What never goes in: notes of any phase, options not chosen, pros and cons,
scores and motivation, questions asked and their answers, the follow-up of
earlier actions (what was tried, helped, got in the way), the directed part,
the topic and tags, an action's possible obstacles, the answer being typed,
and every other recorded field. The list is an allow-list on purpose: a
field added to the model later stays out until someone decides it is an
agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui.i18n import short_date, t
from growtui.model import Action, Lang, RecordKind, Session, Source
from growtui.render.blocks import (
    Block,
    Heading,
    Item,
    Paragraph,
    item_list,
    labelled,
    part,
    title_of,
    to_markdown,
    to_text,
)

if TYPE_CHECKING:
    from growtui.library import Library

AGREED_RECORDS: dict[str, tuple[str, ...]] = {
    # Per conversation type, the recorded fields that are agreements both sides hold to. Everything else a type
    # records (the behaviour seen and its effect, the wish, a reaction, scales, blockers, the why of a
    # handover, surprises) is the manager's own record and stays out.
    "check-in": ("focus",),  # this week's one priority
    "feedback": ("next_time",),  # the feedforward: what goes differently next time
    "delegation": ("result", "room", "check_ins"),  # the frame of the handover
    "onboarding": ("from_manager", "from_newcomer"),  # what each may expect of the other
}


def _action(action: Action, lang: Lang | str) -> Item:
    return Item(
        title_of(action.what, lang),
        [
            (t("doc.start", lang), short_date(action.start, lang) if action.start else ""),
            (t("doc.due", lang), short_date(action.when, lang) if action.when else ""),
            (t("doc.success_criterion", lang), action.success_criterion),
            (t("doc.inform", lang), action.inform),
            (t("doc.support", lang), action.support),
        ],
    )


def _records(s: Session, lang: Lang | str, library: Library | None) -> list[Block]:
    """The allowed fields of the type that hold text, labelled as the type names them."""
    kind = library.type_of(s.type) if library is not None else None
    fields = {f.id: f for f in kind.records()} if kind is not None else {}
    pairs = []
    for key in AGREED_RECORDS.get(s.type, ()):
        value = s.record.get(key)
        if not isinstance(value, str):
            continue  # not recorded, or a score where text was expected (a file edited by hand)
        field = fields.get(key)
        if field is None:
            pairs.append((key.replace("_", " ").capitalize(), value))
            continue
        if field.kind is RecordKind.choice:
            value = next((c.label.in_(lang) for c in field.choices if c.id == value), value)
        pairs.append((field.label.in_(lang), value))
    return labelled(*pairs)


def recap_blocks(s: Session, lang: Lang | str | None = None, library: Library | None = None) -> list[Block]:
    """The recap as blocks; ``lang`` defaults to the session's language."""
    lang = lang or s.language
    goal = labelled(
        (t("doc.session_goal", lang), s.goal.session_goal),
        (t("doc.long_term_goal", lang), s.goal.long_term_goal),
    )
    chosen = item_list([Item(o.text, []) for o in s.chosen_options() if o.text.strip()])
    yours = item_list([_action(a, lang) for a in s.will.actions if a.owner is not Source.coach])
    mine = item_list([_action(a, lang) for a in s.will.actions if a.owner is Source.coach])
    body = [
        *part(t("recap.goal", lang), goal),
        *part(t("recap.chosen", lang), chosen),
        *part(t("recap.yours", lang), yours),
        *part(t("recap.mine", lang), mine),
        *part(t("recap.agreed", lang), _records(s, lang, library)),
        *part(
            t("recap.next", lang),
            labelled((t("doc.next_meeting", lang), short_date(s.next_meeting, lang) if s.next_meeting else "")),
        ),
    ]
    title = Heading(t("recap.title", lang, date=short_date(s.started_at.date(), lang)), 1)
    return [title, *(body or [Paragraph(t("recap.nothing", lang))])]


def recap_text(s: Session, lang: Lang | str | None = None, library: Library | None = None) -> str:
    """The recap as plain text, to paste into a mail or a chat."""
    return to_text(recap_blocks(s, lang, library))


def recap_markdown(s: Session, lang: Lang | str | None = None, library: Library | None = None) -> str:
    """The recap as Markdown."""
    return to_markdown(recap_blocks(s, lang, library))
