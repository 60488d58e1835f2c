"""One session as a document: the whole record, in the order a reader wants it (``show``, ``export``)."""

from __future__ import annotations

from growtui.i18n import phase_name, short_date, t
from growtui.model import Action, FollowUpItem, Lang, Phase, Session, duration_minutes
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

_CHECK = "✓"


def _when(session: Session, lang: Lang | str) -> str:
    start, end = session.started_at, session.ended_at
    text = f"{short_date(start.date(), lang)}, {start:%H:%M}"
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}–{end:%H:%M}"
    return f"{text} – {short_date(end.date(), lang)}, {end:%H:%M}"


def _header(s: Session, lang: Lang | str) -> list[Block]:
    minutes = duration_minutes(s)
    return [
        Heading(f"{s.coachee} · {short_date(s.started_at.date(), lang)}", 1),
        *labelled(
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
            o.text,
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


def _asked(s: Session, lang: Lang | str) -> list[Block]:
    blocks: list[Block] = []
    for phase in Phase.conversation_order():
        asked = [a for a in s.asked if a.phase is phase]
        items = [
            Item(
                title_of(a.text, lang), [(t("doc.answer", lang), a.answer), (t("doc.score", lang), score_text(a.score))]
            )
            for a in asked
        ]
        blocks += part(phase_name(phase, lang), item_list(items), level=3)
    return part(t("doc.asked", lang), blocks)


def session_blocks(s: Session, lang: Lang | str) -> list[Block]:
    """The whole record, in the order a reader wants it; empty parts are left out."""
    option_texts = {o.id: o.text for o in s.options.items}
    goal = s.goal
    return [
        *_header(s, lang),
        *part(
            t("doc.follow_up", lang),
            [*item_list([_reviewed(i, lang) for i in s.follow_up.items]), *notes_block(s.follow_up.notes, lang)],
        ),
        *part(
            phase_name(Phase.goal, lang),
            [
                *labelled(
                    (t("doc.session_goal", lang), goal.session_goal),
                    (t("doc.long_term_goal", lang), goal.long_term_goal),
                    (t("doc.success_measure", lang), goal.success_measure),
                ),
                *notes_block(goal.notes, lang),
            ],
        ),
        *part(phase_name(Phase.reality, lang), [*_scales_table(s, lang), *notes_block(s.reality.notes, lang)]),
        *part(phase_name(Phase.options, lang), [*_options_table(s, lang), *notes_block(s.options.notes, lang)]),
        *part(
            phase_name(Phase.will, lang),
            [
                *item_list([_action(a, option_texts, lang) for a in s.will.actions]),
                *labelled(
                    (t("doc.motivation", lang), score_text(s.will.motivation)),
                    (t("doc.to_ten", lang), s.will.motivation_to_ten),
                ),
                *notes_block(s.will.notes, lang),
            ],
        ),
        *part(phase_name(Phase.opening, lang), notes_block(s.opening.notes, lang)),
        *part(
            phase_name(Phase.closing, lang),
            [
                *notes_block(s.closing.notes, lang),
                *labelled((t("doc.next_meeting", lang), short_date(s.next_meeting, lang) if s.next_meeting else "")),
            ],
        ),
        *_asked(s, lang),
    ]


def session_text(session: Session, lang: Lang | str) -> str:
    """The session as plain text for a terminal (``growtui show``)."""
    return to_text(session_blocks(session, lang))


def session_markdown(session: Session, lang: Lang | str) -> str:
    """The session as CommonMark/GFM (``growtui export --format markdown``)."""
    return to_markdown(session_blocks(session, lang))
