"""``growtui actions`` and ``growtui coachees``: across people, who owes what and who is due for a talk.

Both read the index (in step with the files first). Open actions are
settled as in the follow-up step: an action a later review decided is not
open, whatever its own file still says. A coachee's rhythm (every 1, 2 or 4
weeks) lives in the rhythm file in growtui's data folder (under a tag
instead of the name for an encrypted folder); the rule for due and overdue
is :func:`growtui.model.due_state`.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date

import click

from growtui.cli import LANG, Options
from growtui.cli.history import SessionNotFound, open_index

RHYTHMS = click.Choice(["1w", "2w", "4w", "none"])


def _cell(text: str) -> str:
    from growtui.safetext import clean, flat

    return flat(clean(text))


def aligned(header: list[str], rows: list[list[str]], flexible: int) -> str:
    """Columns padded to line up; the ``flexible`` column is cut so a line fits the terminal."""
    cells = [[_cell(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    room = shutil.get_terminal_size((120, 24)).columns - 1 - sum(w + 2 for i, w in enumerate(widths) if i != flexible)
    widths[flexible] = max(min(widths[flexible], room), len(header[flexible]), 10)
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            if len(cell) > widths[i]:
                cell = cell[: widths[i] - 1] + "…"
            parts.append(cell.ljust(widths[i]))
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def _json(rows: list[dict]) -> str:
    from growtui.safetext import json_text

    return json_text(json.dumps(rows, ensure_ascii=False, indent=1))


def _overdue(due: date | None, today: date) -> bool:
    return due is not None and due < today


# --- growtui actions --------------------------------------------------------------------


@click.command()
@click.option("--coachee", help="Only this coachee's actions (case and spaces do not matter).")
@click.option("--overdue", "only_overdue", is_flag=True, help="Only actions whose date has passed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--lang", type=LANG, help="Language of the column names (default: the interface language).")
@click.pass_obj
def actions(opts: Options, coachee: str | None, only_overdue: bool, as_json: bool, lang: str | None) -> None:
    """Every open action across all coachees, the one agreed longest ago first.

    An action is overdue when its date is before today. Your own commitments
    as the coach are listed too, marked (me). JSON gives per action coachee,
    session, what, when, success_criterion, status, carry_count and overdue.
    """
    today = date.today()
    _, found = open_index(opts, lambda index: index.all_open_actions(coachee))
    if only_overdue:
        found = [a for a in found if _overdue(a.due, today)]
    if as_json:
        rows = [
            {
                "coachee": a.coachee,
                "session": a.session_id,
                "what": a.what,
                "when": a.due.isoformat() if a.due else None,
                "success_criterion": a.criterion,
                "status": "open",
                "carry_count": a.carry_count,
                "overdue": _overdue(a.due, today),
            }
            for a in found
        ]
        click.echo(_json(rows))
        return
    language = opts.language(lang)
    if not found:
        if sys.stderr.isatty():
            click.echo(_t("people.no_actions", language), err=True)
        return
    header = [_t(k, language) for k in ("people.due", "people.coachee", "people.action", "people.carried")]
    header.append(_t("people.session", language))
    table = []
    for a in found:
        due = a.due.isoformat() if a.due else "–"
        if _overdue(a.due, today):
            due += f" ({_t('people.late', language)})"
        what = (_t("people.mine", language) if a.owner == "coach" else "") + a.what
        table.append([due, a.coachee, what, f"{a.carry_count}×" if a.carry_count else "", a.session_id])
    click.echo(aligned(header, table, flexible=2))


def _t(key: str, lang: str, **values: object) -> str:
    from growtui.i18n import t

    return t(key, lang, **values)


# --- growtui coachees -------------------------------------------------------------------


def overview(opts: Options, today: date) -> list[dict]:
    """Per person: conversations, the last one, days since, next meeting, actions, rhythm and due state, sorted.

    Overdue first, then due, then everyone else; within each, the longest since the last conversation first.
    """
    from growtui.model import DueState, due_state
    from growtui.storage import read_rhythms, rhythm_of

    rhythms = read_rhythms()
    index, (people, open_actions) = open_index(opts, lambda index: (index.people(), index.all_open_actions()))
    counts: dict[str, list[int]] = {}
    from growtui.index import person_key

    for a in open_actions:
        tally = counts.setdefault(person_key(a.coachee), [0, 0])
        tally[0] += 1
        tally[1] += _overdue(a.due, today)
    rows = []
    for p in people:
        days = max(0, (today - p.last).days)
        rhythm = rhythm_of(rhythms, p.key, index.vault)
        state = due_state(days, rhythm)
        open_count, overdue_count = counts.get(p.key, [0, 0])
        rows.append(
            {
                "coachee": p.name,
                "conversations": p.conversations,
                "last": p.last.isoformat(),
                "days_since": days,
                "next_meeting": p.next_meeting.isoformat() if p.next_meeting else None,
                "open_actions": open_count,
                "overdue_actions": overdue_count,
                "rhythm": rhythm,
                "due": state.value if state is not None else None,
            }
        )
    rank = {DueState.overdue.value: 0, DueState.due.value: 1}
    rows.sort(key=lambda r: (rank.get(r["due"], 2), -r["days_since"], r["coachee"].casefold()))
    return rows


def _set_rhythm(opts: Options, name: str, rhythm: str) -> None:
    from growtui.index import person_key
    from growtui.storage import set_rhythm

    index = open_index(opts)
    known = {p.key: p.name for p in index.people()}
    key = person_key(name)
    if key not in known:
        raise SessionNotFound(
            f"no conversations with '{name}' yet; a rhythm is for someone you have talked with "
            "(growtui coachees lists them)"
        )
    set_rhythm(key, None if rhythm == "none" else rhythm, vault=index.vault)
    said = {"none": "no rhythm any more", "1w": "a conversation every week"}.get(
        rhythm, f"a conversation every {rhythm[0]} weeks"
    )
    click.echo(f"{_cell(known[key])}: {said}", err=True)


@click.command()
@click.option(
    "--set-rhythm",
    "set_to",
    type=(str, RHYTHMS),
    metavar="NAME RHYTHM",
    help="How often to talk with NAME: 1w, 2w or 4w (every 1, 2 or 4 weeks), or none.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--lang", type=LANG, help="Language of the column names (default: the interface language).")
@click.pass_obj
def coachees(opts: Options, set_to: tuple[str, str] | None, as_json: bool, lang: str | None) -> None:
    """Everyone you have talked with: how often, when last, what is open, and who is due for a conversation.

    With a rhythm (--set-rhythm NAME 2w), a coachee is due once the days since
    the last conversation reach it (7, 14 or 28 days) and overdue more than 3
    days after that. Overdue come first, then due, then the rest, the longest
    since the last conversation first. JSON gives per person coachee,
    conversations, last, days_since, next_meeting, open_actions,
    overdue_actions, rhythm and due (overdue, due, not_due, or null).
    """
    if set_to is not None:
        _set_rhythm(opts, *set_to)
        return
    rows = overview(opts, date.today())
    if as_json:
        click.echo(_json(rows))
        return
    language = opts.language(lang)
    if not rows:
        if sys.stderr.isatty():
            click.echo(_t("people.no_coachees", language), err=True)
        return
    keys = ("coachee", "conversations", "last", "days", "next", "open", "overdue", "rhythm", "state")
    header = [_t(f"people.{k}", language) for k in keys]
    table = [
        [
            r["coachee"],
            str(r["conversations"]),
            r["last"],
            str(r["days_since"]),
            r["next_meeting"] or "–",
            str(r["open_actions"]),
            str(r["overdue_actions"]) if r["overdue_actions"] else "–",
            _t(f"people.rhythm.{r['rhythm']}", language) if r["rhythm"] else "–",
            _t(f"people.state.{r['due']}", language) if r["due"] else "",
        ]
        for r in rows
    ]
    click.echo(aligned(header, table, flexible=0))
