"""The preparation for a conversation as a document: ``growtui prepare`` and the home screen's panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui.i18n import short_date, t, tn
from growtui.model import Lang
from growtui.render.blocks import (
    Block,
    Heading,
    Item,
    Paragraph,
    item_list,
    labelled,
    part,
    score_text,
    title_of,
    to_text,
)
from growtui.render.session import type_name

if TYPE_CHECKING:
    from growtui.conversation import Preparation
    from growtui.library import Library


def preparation_blocks(p: Preparation, lang: Lang | str, library: Library | None = None) -> list[Block]:
    if not p.conversations:
        return [
            Heading(t("prep.title", lang, coachee=p.coachee), 1),
            Paragraph(t("prep.first", lang, coachee=p.coachee)),
        ]
    when = short_date(p.last_date, lang) if p.last_date else ""
    if p.days_since is None:
        since = ""
    else:
        since = t("prep.today", lang) if p.days_since == 0 else tn("prep.days_ago", p.days_since, lang)
    actions = [
        Item(
            ("⚠ " if a.overdue else "") + title_of(a.what, lang),
            [
                (t("doc.owner", lang), t("doc.owner.coach", lang) if a.owner == "coach" else ""),
                (t("doc.success_criterion", lang), a.criterion),
                (
                    t("doc.due", lang),
                    (short_date(a.due, lang) if a.due else "") + (f" ({t('prep.overdue', lang)})" if a.overdue else ""),
                ),
                (t("doc.carried", lang), f"{a.carry_count}×" if a.carry_count else ""),
            ],
        )
        for a in p.actions
    ]
    scales = [
        Item(s.question, [(t("doc.score", lang), score_text(s.score)), (t("doc.said", lang), s.said)]) for s in p.scales
    ]
    return [
        Heading(t("prep.title", lang, coachee=p.coachee), 1),
        *labelled(
            (t("prep.last", lang), " · ".join(x for x in (when, since) if x)),
            (t("prep.count", lang), str(p.conversations)),
            (t("doc.type", lang), type_name(p.last_type, lang, library) if p.last_type else ""),
            (t("doc.topic", lang), p.last_topic),
            (t("doc.session_goal", lang), p.last_goal),
            (t("doc.long_term_goal", lang), p.long_term_goal),
            (t("doc.motivation", lang), score_text(p.motivation)),
            (t("doc.next_meeting", lang), short_date(p.next_meeting, lang) if p.next_meeting else ""),
        ),
        *part(tn("prep.open_actions", len(p.actions), lang), item_list(actions)),
        *part(t("prep.scales", lang), item_list(scales)),
        *([Paragraph(p.loose_ends, t("prep.loose_ends", lang))] if p.loose_ends else []),
    ]


def preparation_text(p: Preparation, lang: Lang | str, library: Library | None = None, *, heading: bool = True) -> str:
    """As text; without the heading for a panel that already says whom it is about."""
    blocks = preparation_blocks(p, lang, library)
    return to_text(blocks if heading else blocks[1:])
