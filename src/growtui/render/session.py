"""One session as a document: the whole record, in the order a reader wants it (``show``, ``export``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui.i18n import phase_name, short_date, t
from growtui.model import Action, FollowUpItem, Lang, Phase, RecordKind, Session, Source, duration_minutes, has_content
from growtui.render.blocks import (
    Block,
    Heading,
    Item,
    Table,
    item_list,
    labelled,
    notes_block,
    part,
    score_text,
    title_of,
    to_markdown,
    to_text,
)

if TYPE_CHECKING:
    from growtui.library import Library

_CHECK = "✓"


def _when(session: Session, lang: Lang | str) -> str:
    start, end = session.started_at, session.ended_at
    text = f"{short_date(start.date(), lang)}, {start:%H:%M}"
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}–{end:%H:%M}"
    return f"{text} – {short_date(end.date(), lang)}, {end:%H:%M}"


def type_name(type_id: str, lang: Lang | str, library: Library | None) -> str:
    kind = library.types.get(type_id) if library is not None else None
    return kind.name.in_(lang) if kind is not None else type_id


def style_text(s: Session, lang: Lang | str) -> str:
    chosen = s.style.chosen if s.style is not None else None
    return t(f"style.{chosen.value}", lang) if chosen is not None else ""


def _header(s: Session, lang: Lang | str, library: Library | None) -> list[Block]:
    minutes = duration_minutes(s)
    return [
        Heading(f"{s.coachee} · {short_date(s.started_at.date(), lang)}", 1),
        *labelled(
            (t("doc.type", lang), type_name(s.type, lang, library)),
            (t("doc.style", lang), style_text(s, lang)),
            (t("doc.coach", lang), s.coach),
            (t("doc.when", lang), _when(s, lang)),
            (
                t("doc.duration", lang),
                "" if minutes is None else t("doc.duration_value", lang, n=minutes, box=s.time_box_minutes),
            ),
            (t("doc.status", lang), t(f"doc.status.{s.status.value}", lang)),
            (t("doc.topic", lang), s.topic),
            (t("doc.tags", lang), ", ".join(s.tags)),
            (t("doc.language", lang), t(f"doc.lang.{s.language.value}", lang)),
        ),
    ]


def _reviewed(item: FollowUpItem, lang: Lang | str) -> Item:
    return Item(
        title_of(item.what, lang),
        [
            (t("doc.success_criterion", lang), item.success_criterion),
            (t("doc.due", lang), short_date(item.when, lang) if item.when else ""),
            (t("doc.outcome", lang), t(f"outcome.{item.outcome.value}", lang) if item.outcome else ""),
            (t("doc.tried", lang), item.tried),
            (t("doc.helped", lang), item.helped),
            (t("doc.hindered", lang), item.hindered),
            (t("doc.next_step", lang), item.next_step),
            (t("doc.decision", lang), t(f"doc.decision.{item.decision.value}", lang) if item.decision else ""),
        ],
    )


def _action(action: Action, option_texts: dict[str, str], lang: Lang | str) -> Item:
    return Item(
        title_of(action.what, lang),
        [
            (t("doc.owner", lang), t("doc.owner.coach", lang) if action.owner is Source.coach else ""),
            (t("doc.start", lang), short_date(action.start, lang) if action.start else ""),
            (t("doc.due", lang), short_date(action.when, lang) if action.when else ""),
            (t("doc.success_criterion", lang), action.success_criterion),
            (t("doc.inform", lang), action.inform),
            (t("doc.support", lang), action.support),
            (t("doc.obstacles", lang), action.obstacles),
            (t("doc.from_option", lang), option_texts.get(action.option_id or "", "")),
            (t("doc.carried", lang), f"{action.carry_count}×" if action.carry_count else ""),
            (t("doc.action_status", lang), t(f"doc.action_status.{action.status.value}", lang)),
            (t("doc.outcome", lang), t(f"outcome.{action.outcome.value}", lang) if action.outcome else ""),
        ],
    )


def _options_table(s: Session, lang: Lang | str) -> list[Block]:
    if not s.options.items:
        return []
    header = [
        t(key, lang)
        for key in (
            "doc.total",
            "doc.attractiveness",
            "doc.feasibility",
            "doc.chosen",
            "doc.option",
            "doc.pros",
            "doc.cons",
        )
    ]
    rows = [
        [
            str(o.score or ""),
            str(o.attractiveness or ""),
            str(o.feasibility or ""),
            _CHECK if o.chosen else "",
            t("options.mine.mark", lang) + o.text if o.source is Source.coach else o.text,
            " · ".join(o.pros),
            " · ".join(o.cons),
        ]
        for o in s.options.items
    ]
    return [Table(header, rows, narrow=4)]


def _scales_table(s: Session, lang: Lang | str) -> list[Block]:
    if not s.reality.scales:
        return []
    header = [t("doc.score", lang), t("doc.question", lang), t("doc.said", lang)]
    return [Table(header, [[score_text(a.score), a.question, a.said] for a in s.reality.scales], narrow=1)]


def _asked(s: Session, lang: Lang | str, library: Library | None) -> list[Block]:
    blocks: list[Block] = []
    phases = [*s.phases, *dict.fromkeys(a.phase for a in s.asked if a.phase not in s.phases)]
    for phase in phases:
        asked = [a for a in s.asked if a.phase == phase]
        items = [
            Item(
                title_of(a.text, lang), [(t("doc.answer", lang), a.answer), (t("doc.score", lang), score_text(a.score))]
            )
            for a in asked
        ]
        blocks += part(phase_name(phase, lang, library), item_list(items), level=3)
    return part(t("doc.asked", lang), blocks)


def _records(s: Session, phase: str, lang: Lang | str, library: Library | None) -> list[Block]:
    """What the type recorded in this phase, as labelled fields, in the type's order."""
    kind = library.type_of(s.type) if library is not None else None
    if kind is None:
        return []
    pairs = []
    for field in kind.records(phase):
        value = s.record.get(field.id)
        if isinstance(value, int):
            text = score_text(value)
        elif field.kind is RecordKind.choice:
            text = next((c.label.in_(lang) for c in field.choices if c.id == value), value or "")
        else:
            text = value or ""
        pairs.append((field.label.in_(lang), text))
    return labelled(*pairs)


def _unplaced_records(s: Session, lang: Lang | str, library: Library | None) -> list[Block]:
    """Recorded fields this library does not know (a type from elsewhere): by their ids, never dropped."""
    kind = library.type_of(s.type) if library is not None else None
    known = {f.id for f in kind.records()} if kind is not None else set()
    pairs = [
        (key.replace("_", " ").capitalize(), score_text(v) if isinstance(v, int) else v)
        for key, v in s.record.items()
        if key not in known
    ]
    return part(t("doc.recorded", lang), labelled(*pairs))


def _phase_blocks(s: Session, phase: str, lang: Lang | str, library: Library | None) -> list[Block]:
    option_texts = {o.id: o.text for o in s.options.items}
    records = _records(s, phase, lang, library)
    if phase == Phase.follow_up:
        body = [*item_list([_reviewed(i, lang) for i in s.follow_up.items]), *notes_block(s.follow_up.notes, lang)]
        return part(t("doc.follow_up", lang), body)
    if phase == Phase.direction:
        d = s.direction
        body = labelled(
            (t("direction.what", lang), d.what),
            (t("direction.by_when", lang), short_date(d.by_when, lang) if d.by_when else ""),
            (t("direction.quality", lang), d.quality),
            (t("direction.in_their_words", lang), d.in_their_words),
            (t("doc.understood", lang), t("doc.yes", lang) if d.understood else ""),
        )
        return part(phase_name(phase, lang, library), [*records, *body, *notes_block(d.notes, lang)])
    if phase == Phase.goal:
        goal = s.goal
        body = labelled(
            (t("doc.session_goal", lang), goal.session_goal),
            (t("doc.long_term_goal", lang), goal.long_term_goal),
            (t("doc.success_measure", lang), goal.success_measure),
        )
        return part(phase_name(phase, lang, library), [*body, *records, *notes_block(goal.notes, lang)])
    if phase == Phase.reality:
        body = [*_scales_table(s, lang), *records, *notes_block(s.reality.notes, lang)]
        return part(phase_name(phase, lang, library), body)
    if phase == Phase.options:
        body = [*_options_table(s, lang), *records, *notes_block(s.options.notes, lang)]
        return part(phase_name(phase, lang, library), body)
    if phase == Phase.will:
        body = [
            *item_list([_action(a, option_texts, lang) for a in s.will.actions]),
            *labelled(
                (t("doc.motivation", lang), score_text(s.will.motivation)),
                (t("doc.to_ten", lang), s.will.motivation_to_ten),
            ),
            *records,
            *notes_block(s.will.notes, lang),
        ]
        return part(phase_name(phase, lang, library), body)
    if phase == Phase.closing:
        talk = s.closing.coach_talk_percent
        body = [
            *records,
            *notes_block(s.closing.notes, lang),
            *labelled(
                (t("doc.next_meeting", lang), short_date(s.next_meeting, lang) if s.next_meeting else ""),
                (t("doc.talk", lang), "" if talk is None else f"{talk}%"),
            ),
        ]
        return part(phase_name(phase, lang, library), body)
    return part(phase_name(phase, lang, library), [*records, *notes_block(s.section(phase).notes, lang)])


def reading_order(s: Session) -> list[str]:
    """The phases in the order of the conversation (a kind's opening may hold what it records).

    A phase outside the session's phases that still holds something (a file
    edited by hand, a type changed since) is shown too, before the closing: nothing is hidden.
    """
    order = [p for p in s.phases if p != Phase.closing]
    extra = [p for p in (*Phase, *s.sections) if p not in order and p != Phase.closing and has_content(s, p)]
    return [*order, *extra, Phase.closing]


def session_blocks(s: Session, lang: Lang | str, library: Library | None = None) -> list[Block]:
    """The whole record, in the order a reader wants it; empty parts are left out."""
    blocks = _header(s, lang, library)
    for phase in reading_order(s):
        blocks += _phase_blocks(s, phase, lang, library)
    return [*blocks, *_unplaced_records(s, lang, library), *_asked(s, lang, library)]


def session_text(session: Session, lang: Lang | str, library: Library | None = None) -> str:
    """The session as plain text for a terminal (``growtui show``)."""
    return to_text(session_blocks(session, lang, library))


def session_markdown(session: Session, lang: Lang | str, library: Library | None = None) -> str:
    """The session as CommonMark/GFM (``growtui export --format markdown``)."""
    return to_markdown(session_blocks(session, lang, library))
