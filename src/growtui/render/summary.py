"""The process only, for a line manager or HR: dates, minutes, kinds, phases, counts, gaps; never what was said."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from growtui.i18n import phase_name, short_date, t
from growtui.model import (
    ActionStatus,
    FollowUpItem,
    Lang,
    Phase,
    Session,
    Status,
    covered_phases,
    duration_minutes,
    review_status,
)
from growtui.render.blocks import (
    Block,
    Heading,
    Paragraph,
    Table,
    labelled,
    part,
    to_markdown,
)
from growtui.render.session import type_name

if TYPE_CHECKING:
    from growtui.library import Library


def _review_text(items: list[FollowUpItem], lang: Lang | str) -> str:
    """``2 of 3 reviewed: 1 done, 1 carried over``; the texts of the actions stay out."""
    if not items:
        return "–"
    counts = Counter(review_status(i.outcome, i.decision) for i in items)
    reviewed = len(items) - counts[ActionStatus.open]
    parts = [
        f"{counts[st]} {t(f'doc.action_status.{st.value}', lang)}"
        for st in ActionStatus
        if st is not ActionStatus.open and counts[st]
    ]
    text = t("doc.reviewed", lang, reviewed=reviewed, total=len(items))
    return f"{text}: {', '.join(parts)}" if parts else text


def _summary_row(s: Session, gap: int | None, lang: Lang | str, library: Library | None) -> list[str]:
    minutes = duration_minutes(s)
    return [
        short_date(s.started_at.date(), lang),
        "–" if minutes is None else t("doc.minutes", lang, n=minutes),
        type_name(s.type, lang, library),
        t(f"doc.status.{s.status.value}", lang),
        ", ".join(phase_name(p, lang) for p in covered_phases(s)) or "–",
        str(len(s.options.items)),
        str(len(s.will.actions)),
        "–" if gap is None else str(gap),
        _review_text(s.follow_up.items, lang),
    ]


def gaps(sessions: list[Session]) -> list[int | None]:
    """Per session (in the order given, oldest first), the days since the one before; None for the first."""
    days = [s.started_at.date() for s in sessions]
    return [None, *((later - earlier).days for earlier, later in pairwise(days))]


def _gaps_text(found: list[int | None], lang: Lang | str) -> str:
    known = [g for g in found if g is not None]
    if not known:
        return ""
    return t("doc.gaps_value", lang, average=round(sum(known) / len(known)), longest=max(known))


def _period(since: date | None, until: date | None, lang: Lang | str) -> list[Block]:
    if since and until:
        text = t("doc.period_between", lang, since=short_date(since, lang), until=short_date(until, lang))
    elif since:
        text = t("doc.period_since", lang, since=short_date(since, lang))
    elif until:
        text = t("doc.period_until", lang, until=short_date(until, lang))
    else:
        return []
    return labelled((t("doc.period", lang), text))


def _totals(sessions: list[Session], lang: Lang | str) -> list[Block]:
    completed = sum(s.status is Status.completed for s in sessions)
    minutes = sum(duration_minutes(s) or 0 for s in sessions)
    return part(
        t("doc.totals", lang),
        labelled(
            (t("doc.sessions", lang), t("doc.sessions_value", lang, n=len(sessions), completed=completed)),
            (t("doc.duration", lang), t("doc.minutes", lang, n=minutes)),
            (t("doc.options", lang), str(sum(len(s.options.items) for s in sessions))),
            (t("doc.actions", lang), str(sum(len(s.will.actions) for s in sessions))),
            (phase_name(Phase.follow_up, lang), _review_text([i for s in sessions for i in s.follow_up.items], lang)),
        ),
    )


def summary(
    sessions: list[Session],
    lang: Lang | str,
    library: Library | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
) -> str:
    """The process only, for a line manager or HR: never what was said.

    Per coachee a table with per session its date, duration, kind,
    status, phases covered, counts, the days since the conversation before
    and how the earlier actions reviewed in it turned out; then the time
    between conversations; totals at the end. ``since`` and ``until`` only
    name the period the sessions were chosen from. Names of kinds come from
    the library (the id without one); the coachee's name is the only text
    of the sessions in it.
    """
    ordered = sorted(sessions, key=lambda s: s.started_at)
    header = [
        *(t(key, lang) for key in ("doc.date", "doc.duration", "doc.type", "doc.status", "doc.phases")),
        *(t(key, lang) for key in ("doc.options", "doc.actions", "doc.gap")),
        phase_name(Phase.follow_up, lang),
    ]
    blocks: list[Block] = [Heading(t("doc.summary_title", lang), 1), *_period(since, until, lang)]
    for coachee in dict.fromkeys(s.coachee for s in ordered):
        theirs = [s for s in ordered if s.coachee == coachee]
        between = gaps(theirs)
        rows = [_summary_row(s, gap, lang, library) for s, gap in zip(theirs, between, strict=True)]
        blocks += [
            Heading(coachee, 2),
            Table(header, rows, narrow=len(header) - 1),
            *labelled((t("doc.gaps", lang), _gaps_text(between, lang))),
        ]
    blocks += [*_totals(ordered, lang), Paragraph(t("doc.summary_footer", lang))]
    return to_markdown(blocks)
