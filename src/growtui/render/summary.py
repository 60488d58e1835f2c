"""The process only, for a line manager or HR: dates, minutes, phases, counts; never what was said."""

from __future__ import annotations

from collections import Counter

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


def _summary_row(s: Session, lang: Lang | str) -> list[str]:
    minutes = duration_minutes(s)
    return [
        short_date(s.started_at.date(), lang),
        "–" if minutes is None else t("doc.minutes", lang, n=minutes),
        t(f"doc.status.{s.status.value}", lang),
        ", ".join(phase_name(p, lang) for p in covered_phases(s)) or "–",
        str(len(s.options.items)),
        str(len(s.will.actions)),
        _review_text(s.follow_up.items, lang),
    ]


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


def summary(sessions: list[Session], lang: Lang | str) -> str:
    """The process only, for a line manager or HR: never what was said.

    Per session its date, duration, status, phases covered and counts;
    per coachee a table; totals at the end.
    """
    ordered = sorted(sessions, key=lambda s: s.started_at)
    header = [
        t(key, lang) for key in ("doc.date", "doc.duration", "doc.status", "doc.phases", "doc.options", "doc.actions")
    ] + [phase_name(Phase.follow_up, lang)]
    blocks: list[Block] = [Heading(t("doc.summary_title", lang), 1)]
    for coachee in dict.fromkeys(s.coachee for s in ordered):
        rows = [_summary_row(s, lang) for s in ordered if s.coachee == coachee]
        blocks += [Heading(coachee, 2), Table(header, rows, narrow=len(header) - 1)]
    blocks += [*_totals(ordered, lang), Paragraph(t("doc.summary_footer", lang))]
    return to_markdown(blocks)
