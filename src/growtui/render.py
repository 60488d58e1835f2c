"""Sessions as documents for people: plain text, Markdown, and a process-only summary.

A session is first described as a list of blocks (headings, labelled fields,
paragraphs, tables, lists of items); two small renderers turn blocks into
terminal text or Markdown, so ``show`` and ``export`` always tell the same
record. Every piece of session text passes through ``clean``; Markdown also
escapes it, so nothing typed in a session can become structure or HTML.
No Textual here: the CLI's export runs without the UI.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from growtui.i18n import phase_name, short_date, t
from growtui.model import Action, ActionStatus, FollowUpItem, Lang, Phase, Session, Status, review_status
from growtui.model.progress import covered_phases, duration_minutes
from growtui.safetext import clean

__all__ = ["arc_markdown", "coachee_markdown", "session_markdown", "session_text", "sparkline", "summary", "trends"]

_MD_PUNCT = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")
_BARS = "▁▂▃▄▅▆▇█"
_CHECK = "✓"


def sparkline(values: list[int | None], lo: int = 1, hi: int = 10) -> str:
    """One bar per value, scaled from lo to hi; a space where there is no value."""
    span = max(hi - lo, 1)

    def bar(value: int) -> str:
        step = round((min(max(value, lo), hi) - lo) / span * (len(_BARS) - 1))
        return _BARS[step]

    return "".join(" " if v is None else bar(v) for v in values)


# --- blocks ------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Fields:
    """Labelled values, one per line."""

    pairs: list[tuple[str, str]]


@dataclass(frozen=True)
class Paragraph:
    """Free text, line breaks kept; a blank line starts a new paragraph."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Table:
    """Rows of cells. As plain text the first ``narrow`` columns line up and the rest follow the row."""

    header: list[str]
    rows: list[list[str]]
    narrow: int


@dataclass(frozen=True)
class Item:
    title: str
    fields: list[tuple[str, str]]


@dataclass(frozen=True)
class Items:
    items: list[Item]


Block = Heading | Fields | Paragraph | Table | Items


def _fields(*pairs: tuple[str, str]) -> list[Block]:
    """A Fields block of the pairs that have a value, or nothing."""
    kept = [(label, value) for label, value in pairs if value.strip()]
    return [Fields(kept)] if kept else []


def _notes(text: str, lang: Lang | str) -> list[Block]:
    return [Paragraph(text, t("doc.notes", lang))] if text.strip() else []


def _part(title: str, blocks: list[Block], level: int = 2) -> list[Block]:
    """A heading over the blocks, or nothing at all when there are none."""
    return [Heading(title, level), *blocks] if blocks else []


def _title(text: str, lang: Lang | str) -> str:
    """An item's title; a blank one still gets a visible placeholder."""
    return text if text.strip() else t("doc.untitled", lang)


def _score(value: int | None) -> str:
    return "" if value is None else f"{value}/10"


# --- plain text --------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in clean(text).strip("\n").split("\n")]


def _hanging(first: str, rest: list[str], indent: str) -> str:
    """The first line as is, the rest indented (blank lines stay empty)."""
    return "\n".join([first, *(f"{indent}{line}" if line else "" for line in rest)])


def _labelled(label: str, value: str, indent: str) -> str:
    colon = "" if label.endswith("?") else ":"
    first, *rest = _lines(value)
    return _hanging(f"{indent}{label}{colon} {first}", rest, indent + "  ")


def _text_heading(block: Heading) -> str:
    text = " ".join(clean(block.text).split("\n"))
    underline = {1: "=", 2: "-"}.get(block.level, "·")
    return f"{text}\n{underline * len(text)}"


def _text_table(block: Table) -> str:
    narrow = block.narrow
    cells = [[" ".join(clean(cell).split("\n")) for cell in row] for row in [block.header, *block.rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(narrow)]
    pad = " " * (sum(widths) + 2 * narrow)
    lines = []
    for index, row in enumerate(cells):
        left = "".join(cell.ljust(width + 2) for cell, width in zip(row, widths))
        lines.append((left + row[narrow]).rstrip())
        if index:
            details = zip(block.header[narrow + 1:], row[narrow + 1:])
            lines += [f"{pad}{label}: {cell}" for label, cell in details if cell]
    return "\n".join(lines)


def _text_block(block: Block) -> str:
    match block:
        case Heading():
            return _text_heading(block)
        case Fields():
            return "\n".join(_labelled(label, value, "") for label, value in block.pairs)
        case Paragraph():
            lines = _lines(block.text)
            return _hanging(f"{block.label}:", lines, "  ") if block.label else "\n".join(lines)
        case Table():
            return _text_table(block)
        case Items():
            return "\n".join(
                "\n".join([f"• {clean(item.title)}", *(_labelled(k, v, "    ") for k, v in item.fields)])
                for item in block.items
            )


def _text(blocks: list[Block]) -> str:
    return "\n\n".join(_text_block(block) for block in blocks) + "\n"


# --- Markdown ----------------------------------------------------------------


def _md_line(line: str) -> str:
    """One line of typed text, escaped so it stays literal text wherever it lands."""
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(), clean(line).strip())
    return _MD_BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def _md_cell(text: str) -> str:
    return _md_line(" ".join(clean(text).split("\n")))


def _md_lines(text: str, indent: str = "") -> str:
    """Typed lines joined by hard line breaks (a trailing backslash); blank lines dropped."""
    lines = [_md_line(line) for line in clean(text).split("\n")]
    return f"\\\n{indent}".join(line for line in lines if line)


def _md_paragraphs(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", clean(text).strip())
    return "\n\n".join(_md_lines(p) for p in paragraphs if p.strip())


def _md_label(label: str) -> str:
    return label if label.endswith("?") else f"{label}:"


def _md_block(block: Block, shift: int) -> str:
    match block:
        case Heading():
            return "#" * (block.level + shift) + " " + _md_cell(block.text)
        case Fields():
            return "\\\n".join(f"**{_md_label(label)}** {_md_lines(value)}" for label, value in block.pairs)
        case Paragraph():
            body = _md_paragraphs(block.text)
            return f"**{block.label}**\n\n{body}" if block.label else body
        case Table():
            rows = [[_md_cell(cell) for cell in row] for row in [block.header, *block.rows]]
            rows.insert(1, ["---"] * len(block.header))
            return "\n".join("| " + " | ".join(row) + " |" for row in rows)
        case Items():
            return "\n".join(
                "\n".join([f"- **{_md_cell(item.title)}**",
                           *(f"  - {_md_label(k)} {_md_lines(v, '    ')}" for k, v in item.fields)])
                for item in block.items
            )


def _md(blocks: list[Block], shift: int = 0) -> str:
    return "\n\n".join(_md_block(block, shift) for block in blocks) + "\n"


# --- one session -------------------------------------------------------------


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
        *_fields(
            (t("doc.coach", lang), s.coach),
            (t("doc.when", lang), _when(s, lang)),
            (t("doc.duration", lang),
             "" if minutes is None else t("doc.duration_value", lang, n=minutes, box=s.time_box_minutes)),
            (t("doc.status", lang), t(f"doc.status.{s.status.value}", lang)),
            (t("doc.topic", lang), s.topic),
            (t("doc.tags", lang), ", ".join(s.tags)),
            (t("doc.language", lang), t(f"doc.lang.{s.language.value}", lang)),
        ),
    ]


def _reviewed(item: FollowUpItem, lang: Lang | str) -> Item:
    return Item(_title(item.what, lang), [
        (t("doc.success_criterion", lang), item.success_criterion),
        (t("doc.due", lang), short_date(item.when, lang) if item.when else ""),
        (t("doc.outcome", lang), t(f"outcome.{item.outcome.value}", lang) if item.outcome else ""),
        (t("doc.tried", lang), item.tried),
        (t("doc.helped", lang), item.helped),
        (t("doc.hindered", lang), item.hindered),
        (t("doc.next_step", lang), item.next_step),
        (t("doc.decision", lang), t(f"doc.decision.{item.decision.value}", lang) if item.decision else ""),
    ])


def _action(action: Action, option_texts: dict[str, str], lang: Lang | str) -> Item:
    return Item(_title(action.what, lang), [
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
    ])


def _items(items: list[Item]) -> list[Block]:
    kept = [Item(item.title, [(k, v) for k, v in item.fields if v.strip()]) for item in items]
    return [Items(kept)] if kept else []


def _options_table(s: Session, lang: Lang | str) -> list[Block]:
    if not s.options.items:
        return []
    header = [t(key, lang) for key in ("doc.score", "doc.attractiveness", "doc.feasibility", "doc.chosen",
                                       "doc.option", "doc.pros", "doc.cons")]
    rows = [[str(o.score or ""), str(o.attractiveness or ""), str(o.feasibility or ""), _CHECK if o.chosen else "",
             o.text, " · ".join(o.pros), " · ".join(o.cons)] for o in s.options.items]
    return [Table(header, rows, narrow=4)]


def _scales_table(s: Session, lang: Lang | str) -> list[Block]:
    if not s.reality.scales:
        return []
    header = [t("doc.score", lang), t("doc.question", lang), t("doc.said", lang)]
    return [Table(header, [[_score(a.score), a.question, a.said] for a in s.reality.scales], narrow=1)]


def _asked(s: Session, lang: Lang | str) -> list[Block]:
    blocks: list[Block] = []
    for phase in Phase.conversation_order():
        asked = [a for a in s.asked if a.phase is phase]
        items = [Item(_title(a.text, lang),
                      [(t("doc.answer", lang), a.answer), (t("doc.score", lang), _score(a.score))]) for a in asked]
        blocks += _part(phase_name(phase, lang), _items(items), level=3)
    return _part(t("doc.asked", lang), blocks)


def _session_blocks(s: Session, lang: Lang | str) -> list[Block]:
    """The whole record, in the order a reader wants it; empty parts are left out."""
    option_texts = {o.id: o.text for o in s.options.items}
    goal = s.goal
    return [
        *_header(s, lang),
        *_part(t("doc.follow_up", lang), [*_items([_reviewed(i, lang) for i in s.follow_up.items]),
                                          *_notes(s.follow_up.notes, lang)]),
        *_part(phase_name(Phase.goal, lang), [
            *_fields((t("doc.session_goal", lang), goal.session_goal),
                     (t("doc.long_term_goal", lang), goal.long_term_goal),
                     (t("doc.success_measure", lang), goal.success_measure)),
            *_notes(goal.notes, lang)]),
        *_part(phase_name(Phase.reality, lang), [*_scales_table(s, lang), *_notes(s.reality.notes, lang)]),
        *_part(phase_name(Phase.options, lang), [*_options_table(s, lang), *_notes(s.options.notes, lang)]),
        *_part(phase_name(Phase.will, lang), [
            *_items([_action(a, option_texts, lang) for a in s.will.actions]),
            *_fields((t("doc.motivation", lang), _score(s.will.motivation)),
                     (t("doc.to_ten", lang), s.will.motivation_to_ten)),
            *_notes(s.will.notes, lang)]),
        *_part(phase_name(Phase.opening, lang), _notes(s.opening.notes, lang)),
        *_part(phase_name(Phase.closing, lang), [
            *_notes(s.closing.notes, lang),
            *_fields((t("doc.next_meeting", lang), short_date(s.next_meeting, lang) if s.next_meeting else ""))]),
        *_asked(s, lang),
    ]


def session_text(session: Session, lang: Lang | str) -> str:
    """The session as plain text for a terminal (``growtui show``)."""
    return _text(_session_blocks(session, lang))


def session_markdown(session: Session, lang: Lang | str) -> str:
    """The session as CommonMark/GFM (``growtui export --format markdown``)."""
    return _md(_session_blocks(session, lang))


# --- all sessions of one coachee ---------------------------------------------


def _arc(sessions: list[Session], lang: Lang | str) -> list[Block]:
    header = [t(key, lang) for key in ("doc.date", "doc.session_goal", "doc.chosen", "doc.actions_done",
                                       "doc.motivation")]
    rows = []
    for s in sessions:
        done = sum(a.status is ActionStatus.done for a in s.will.actions)
        rows.append([short_date(s.started_at.date(), lang), s.goal.session_goal,
                     " · ".join(o.text for o in s.chosen_options()),
                     f"{done}/{len(s.will.actions)}" if s.will.actions else "–", _score(s.will.motivation) or "–"])
    return _part(t("doc.arc", lang), [Table(header, rows, narrow=1)])


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
    return [(clean(label), sparkline(values), " → ".join("–" if v is None else str(v) for v in values))
            for label, values in series.values() if any(v is not None for v in values)]


def _trends(sessions: list[Session], lang: Lang | str) -> list[Block]:
    header = [t("doc.measure", lang), t("doc.trend", lang), t("doc.scores", lang)]
    # A table cell loses its outer spaces, so a missing score shows as a dot here.
    rows = [[label, spark.replace(" ", "·"), scores] for label, spark, scores in trends(sessions, lang)]
    return _part(t("doc.trends", lang), [Table(header, rows, narrow=1)] if rows else [])


def _arc_session(s: Session, lang: Lang | str) -> list[Block]:
    """One step of the arc: the goal, the options weighed and chosen, what was agreed and how it went."""
    title = " · ".join(part for part in (short_date(s.started_at.date(), lang), s.topic) if part.strip())
    options = [Item(("✓ " if o.chosen else "") + _title(o.text, lang),
                    [(t("doc.score", lang), str(o.score) if o.score is not None else "")]) for o in s.options.items]
    actions = [Item(_title(a.what, lang), [
        (t("doc.success_criterion", lang), a.success_criterion),
        (t("doc.action_status", lang), t(f"doc.action_status.{a.status.value}", lang)),
        (t("doc.outcome", lang), t(f"outcome.{a.outcome.value}", lang) if a.outcome else ""),
        (t("doc.carried", lang), f"{a.carry_count}×" if a.carry_count else ""),
    ]) for a in s.will.actions]
    reviewed = [Item(_title(i.what, lang), [
        (t("doc.outcome", lang), t(f"outcome.{i.outcome.value}", lang) if i.outcome else ""),
        (t("doc.decision", lang), t(f"doc.decision.{i.decision.value}", lang) if i.decision else ""),
    ]) for i in s.follow_up.items]
    return [
        Heading(title, 2),
        *_fields((t("doc.session_goal", lang), s.goal.session_goal),
                 (t("doc.long_term_goal", lang), s.goal.long_term_goal),
                 (t("doc.motivation", lang), _score(s.will.motivation))),
        *_part(t("doc.follow_up", lang), _items(reviewed), level=3),
        *_part(phase_name(Phase.options, lang), _items(options), level=3),
        *_part(phase_name(Phase.will, lang), _items(actions), level=3),
    ]


def arc_markdown(sessions: list[Session], lang: Lang | str) -> str:
    """One coachee's arc for reading on screen: per session, oldest first, goals, options, actions, outcomes."""
    ordered = sorted(sessions, key=lambda s: s.started_at)
    return "\n".join(_md(_arc_session(s, lang)) for s in ordered)


def coachee_markdown(sessions: list[Session], lang: Lang | str) -> str:
    """All sessions of one coachee, oldest first, with their arc and scores over time."""
    if not sessions:
        raise ValueError("coachee_markdown needs at least one session")
    ordered = sorted(sessions, key=lambda s: s.started_at)
    overview = [Heading(t("doc.coachee_title", lang, coachee=ordered[0].coachee), 1),
                *_arc(ordered, lang), *_trends(ordered, lang)]
    return "\n".join([_md(overview), *(_md(_session_blocks(s, lang), shift=1) for s in ordered)])


# --- process summary ---------------------------------------------------------


def _review_text(items: list[FollowUpItem], lang: Lang | str) -> str:
    """``2 of 3 reviewed: 1 done, 1 carried over``; the texts of the actions stay out."""
    if not items:
        return "–"
    counts = Counter(review_status(i.outcome, i.decision) for i in items)
    reviewed = len(items) - counts[ActionStatus.open]
    parts = [f"{counts[st]} {t(f'doc.action_status.{st.value}', lang)}"
             for st in ActionStatus if st is not ActionStatus.open and counts[st]]
    text = t("doc.reviewed", lang, reviewed=reviewed, total=len(items))
    return f"{text}: {', '.join(parts)}" if parts else text


def _summary_row(s: Session, lang: Lang | str) -> list[str]:
    minutes = duration_minutes(s)
    return [short_date(s.started_at.date(), lang), "–" if minutes is None else t("doc.minutes", lang, n=minutes),
            t(f"doc.status.{s.status.value}", lang), ", ".join(phase_name(p, lang) for p in covered_phases(s)) or "–",
            str(len(s.options.items)), str(len(s.will.actions)), _review_text(s.follow_up.items, lang)]


def _totals(sessions: list[Session], lang: Lang | str) -> list[Block]:
    completed = sum(s.status is Status.completed for s in sessions)
    minutes = sum(duration_minutes(s) or 0 for s in sessions)
    return _part(t("doc.totals", lang), _fields(
        (t("doc.sessions", lang), t("doc.sessions_value", lang, n=len(sessions), completed=completed)),
        (t("doc.duration", lang), t("doc.minutes", lang, n=minutes)),
        (t("doc.options", lang), str(sum(len(s.options.items) for s in sessions))),
        (t("doc.actions", lang), str(sum(len(s.will.actions) for s in sessions))),
        (phase_name(Phase.follow_up, lang), _review_text([i for s in sessions for i in s.follow_up.items], lang)),
    ))


def summary(sessions: list[Session], lang: Lang | str) -> str:
    """The process only, for a line manager or HR: never what was said.

    Per session its date, duration, status, phases covered and counts;
    per coachee a table; totals at the end.
    """
    ordered = sorted(sessions, key=lambda s: s.started_at)
    header = [t(key, lang) for key in ("doc.date", "doc.duration", "doc.status", "doc.phases", "doc.options",
                                       "doc.actions")] + [phase_name(Phase.follow_up, lang)]
    blocks: list[Block] = [Heading(t("doc.summary_title", lang), 1)]
    for coachee in dict.fromkeys(s.coachee for s in ordered):
        rows = [_summary_row(s, lang) for s in ordered if s.coachee == coachee]
        blocks += [Heading(coachee, 2), Table(header, rows, narrow=len(header) - 1)]
    blocks += [*_totals(ordered, lang), Paragraph(t("doc.summary_footer", lang))]
    return _md(blocks)
