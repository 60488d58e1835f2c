"""All sessions of one coachee: the arc at a glance, scores over time, and the full record of each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui.i18n import phase_name, short_date, t
from growtui.model import ActionStatus, Lang, Phase, Session
from growtui.render.blocks import (
    Block,
    Heading,
    Item,
    Table,
    item_list,
    labelled,
    part,
    score_text,
    title_of,
    to_markdown,
)
from growtui.render.session import session_blocks, style_text, type_name
from growtui.safetext import clean

if TYPE_CHECKING:
    from growtui.library import Library

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int | None], lo: int = 1, hi: int = 10) -> str:
    """One bar per value, scaled from lo to hi; a space where there is no value."""
    span = max(hi - lo, 1)

    def bar(value: int) -> str:
        step = round((min(max(value, lo), hi) - lo) / span * (len(_BARS) - 1))
        return _BARS[step]

    return "".join(" " if v is None else bar(v) for v in values)


def kind_and_style(s: Session, lang: Lang | str, library: Library | None) -> str:
    """``Check-in · coach``: the kind of conversation and, when chosen, the style; the arc shows how both move."""
    return " · ".join(p for p in (type_name(s.type, lang, library), style_text(s, lang)) if p)


def _arc(sessions: list[Session], lang: Lang | str, library: Library | None) -> list[Block]:
    header = [
        t(key, lang)
        for key in (
            "doc.date",
            "doc.kind_style",
            "doc.session_goal",
            "doc.chosen",
            "doc.actions_done",
            "doc.motivation",
        )
    ]
    rows = []
    for s in sessions:
        done = sum(a.status is ActionStatus.done for a in s.will.actions)
        rows.append(
            [
                short_date(s.started_at.date(), lang),
                kind_and_style(s, lang, library),
                s.goal.session_goal,
                " · ".join(o.text for o in s.chosen_options()),
                f"{done}/{len(s.will.actions)}" if s.will.actions else "–",
                score_text(s.will.motivation) or "–",
            ]
        )
    return part(t("doc.arc", lang), [Table(header, rows, narrow=1)])


def trends(sessions: list[Session], lang: Lang | str) -> list[tuple[str, str, str]]:
    """Motivation and each scale question over the sessions, as given (oldest first).

    One ``(label, sparkline, scores)`` per measure that was scored at least
    once; scale questions are matched by library id, else by their text.
    """
    series: dict[str, tuple[str, list[int | None]]] = {}
    series["motivation"] = (t("doc.motivation", lang), [s.will.motivation for s in sessions])
    for index, s in enumerate(sessions):
        for answer in s.reality.scales:
            key = answer.question_id or answer.question.strip()
            values = series.get(key, ("", [None] * len(sessions)))[1]
            values[index] = answer.score
            series[key] = (answer.question, values)  # the latest wording names the row
    return [
        (clean(label), sparkline(values), " → ".join("–" if v is None else str(v) for v in values))
        for label, values in series.values()
        if any(v is not None for v in values)
    ]


def _trends(sessions: list[Session], lang: Lang | str) -> list[Block]:
    header = [t("doc.measure", lang), t("doc.trend", lang), t("doc.scores", lang)]
    # A table cell loses its outer spaces, so a missing score shows as a dot here.
    rows = [[label, spark.replace(" ", "·"), scores] for label, spark, scores in trends(sessions, lang)]
    return part(t("doc.trends", lang), [Table(header, rows, narrow=1)] if rows else [])


def _arc_session(s: Session, lang: Lang | str, library: Library | None) -> list[Block]:
    """One step of the arc: the goal, the options weighed and chosen, what was agreed and how it went."""
    title = " · ".join(part for part in (short_date(s.started_at.date(), lang), s.topic) if part.strip())
    options = [
        Item(
            ("✓ " if o.chosen else "") + title_of(o.text, lang),
            [(t("doc.total", lang), str(o.score) if o.score is not None else "")],
        )
        for o in s.options.items
    ]
    actions = [
        Item(
            title_of(a.what, lang),
            [
                (t("doc.success_criterion", lang), a.success_criterion),
                (t("doc.action_status", lang), t(f"doc.action_status.{a.status.value}", lang)),
                (t("doc.outcome", lang), t(f"outcome.{a.outcome.value}", lang) if a.outcome else ""),
                (t("doc.carried", lang), f"{a.carry_count}×" if a.carry_count else ""),
            ],
        )
        for a in s.will.actions
    ]
    reviewed = [
        Item(
            title_of(i.what, lang),
            [
                (t("doc.outcome", lang), t(f"outcome.{i.outcome.value}", lang) if i.outcome else ""),
                (t("doc.decision", lang), t(f"doc.decision.{i.decision.value}", lang) if i.decision else ""),
            ],
        )
        for i in s.follow_up.items
    ]
    return [
        Heading(title, 2),
        *labelled(
            (t("doc.kind_style", lang), kind_and_style(s, lang, library)),
            (t("doc.session_goal", lang), s.goal.session_goal),
            (t("doc.long_term_goal", lang), s.goal.long_term_goal),
            (t("doc.motivation", lang), score_text(s.will.motivation)),
        ),
        *part(t("doc.follow_up", lang), item_list(reviewed), level=3),
        *part(phase_name(Phase.options, lang), item_list(options), level=3),
        *part(phase_name(Phase.will, lang), item_list(actions), level=3),
    ]


def arc_markdown(sessions: list[Session], lang: Lang | str, library: Library | None = None) -> str:
    """One coachee's arc for reading on screen: per session, oldest first, goals, options, actions, outcomes."""
    return "\n".join(arc_parts(sessions, lang, library))


def arc_parts(sessions: list[Session], lang: Lang | str, library: Library | None = None) -> list[str]:
    """:func:`arc_markdown` session by session (joined by newlines, they are it): the screen shows the first at once."""
    ordered = sorted(sessions, key=lambda s: s.started_at)
    return [to_markdown(_arc_session(s, lang, library)) for s in ordered]


def coachee_markdown(sessions: list[Session], lang: Lang | str, library: Library | None = None) -> str:
    """All sessions of one coachee, oldest first, with their arc and scores over time."""
    if not sessions:
        raise ValueError("coachee_markdown needs at least one session")
    ordered = sorted(sessions, key=lambda s: s.started_at)
    overview = [
        Heading(t("doc.coachee_title", lang, coachee=ordered[0].coachee), 1),
        *_arc(ordered, lang, library),
        *_trends(ordered, lang),
    ]
    return "\n".join(
        [to_markdown(overview), *(to_markdown(session_blocks(s, lang, library), shift=1) for s in ordered)]
    )
