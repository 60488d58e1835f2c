"""``growtui list``, ``show``, ``search`` and ``export``: the history, scriptable, without the TUI.

All four read through the index (brought in step with the files first), so
they stay fast with thousands of sessions. A broken file never hides the
good ones: it is named on stderr with the reason, and the exit code is 0
unless no session could be read at all.
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

import click

from growtui.cli import LANG, Options
from growtui.errors import GrowtuiError

EXIT_NOTHING_READ = 1
STATUSES = click.Choice(["in_progress", "completed"])
DEFAULT_TYPE = "problem-solving"  # growtui.model.DEFAULT_TYPE, without loading the models for a list


class SessionNotFound(GrowtuiError):
    pass


# --- shared ---------------------------------------------------------------------


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    click.echo(
        f"\rBuilding the session index [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
        err=True,
        nl=done >= total,
    )


def open_index(opts: Options, ask=None):
    """The index of the sessions folder, in step with the files; problems reported on stderr.

    With ``ask`` (a function of the index), returns ``(index, ask(index))``,
    the answer taken while the folder is checked (see ``Index.answer_in_step``).
    """
    from growtui.index import PARALLEL_FROM, Index

    root = opts.resolved_sessions_dir()
    index = Index(root, vault=opts.vault(root))
    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if total >= PARALLEL_FROM and sys.stderr.isatty():
            shown = True
            _progress(done, total)

    if ask is None:
        sync = index.sync(progress)
    else:
        answer, sync = index.answer_in_step(lambda: ask(index), progress)
    for problem in sync.problems:
        click.echo(f"{problem} (skipped)", err=True)
    for path in sync.conflicts:
        click.echo(
            f"{_name(path)}: a sync conflict copy (skipped); compare it with the original, keep what you need "
            "and delete the copy",
            err=True,
        )
    from growtui.storage import UNREADABLE_FOLDER

    for folder in sync.unreadable:
        click.echo(f"{_name(folder)}: {UNREADABLE_FOLDER} (skipped)", err=True)
    for paths in sync.duplicates:
        click.echo(
            f"{', '.join(_name(p) for p in paths)}: {len(paths)} files hold the same session (one id): is one a "
            "copy? Keep one and remove the others (both are listed until then)",
            err=True,
        )
    for path in sync.plain:
        click.echo(
            f"{_name(path)}: not encrypted, in an encrypted folder: its actions are not used for follow-ups "
            "until growtui encrypt encrypts it",
            err=True,
        )
    if sync.problems and sync.total == len(sync.problems):
        raise click.exceptions.Exit(EXIT_NOTHING_READ)
    return index if ask is None else (index, answer)


def _clean(text: str) -> str:
    from growtui.safetext import clean

    return clean(text)


def _json(rows: list) -> str:
    """JSON for scripts; characters a terminal would act on are written as \\uXXXX (the same data)."""
    from growtui.safetext import terminal_json

    return terminal_json(rows, indent=1)


def _name(path: Path) -> str:
    """A file name fit to print: control characters and bytes that are not UTF-8 shown harmlessly."""
    from growtui.safetext import one_line

    return one_line(str(path))


def _listed(text: str) -> str:
    from growtui.safetext import flat

    return flat(_clean(text))


_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    """On one line, spaces at the edges kept (for the parts of a snippet).

    Every white space but the plain space is unprintable, so printable text
    without two spaces in a row is already flat (search prints thousands).
    """
    return text if text.isprintable() and "  " not in text else _SPACES.sub(" ", text)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date like 2026-11-21") from None


def _filters(f):
    f = click.option("--coachee", help="Only this coachee (case and spaces do not matter).")(f)
    f = click.option("--status", type=STATUSES, help="Only sessions with this status.")(f)
    f = click.option("--since", help="Only sessions on or after this date (YYYY-MM-DD).")(f)
    f = click.option("--until", help="Only sessions on or before this date (YYYY-MM-DD).")(f)
    f = click.option("--tag", help="Only sessions with this tag.")(f)
    f = click.option("--type", "kind", metavar="ID", help="Only conversations of this type (see growtui types).")(f)
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(f)


_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _unbroken(text: str) -> str:
    """Line breaks and tabs as spaces; ``translate`` only when there is one (it costs 1 µs a call, 10,000 calls)."""
    return text.translate(_BREAKS) if "\n" in text or "\r" in text or "\t" in text else text


def _table(rows, *, snippets: list | None = None) -> None:
    """Aligned columns for people: date, coachee, topic, status, actions done/total, id.

    ``rows`` are :meth:`Index.listing` rows; ``snippets`` (for search) one per row.
    Built as one text and made safe (escape sequences and the like) in one
    pass; the loop is plain on purpose, as it runs once per session.
    """
    width = shutil.get_terminal_size((100, 24)).columns
    styled = sys.stdout.isatty()
    names = [_unbroken(row[1]) for row in rows]
    name_width = min(24, max(map(len, names), default=0))
    cut = name_width - 1
    left = 16 + 2 + name_width + 2 + 1  # the date, the name, the spaces, and a column free at the edge
    lines = []
    for n, (when, _, topic, status, done, actions, sid, kind) in enumerate(rows):
        name = names[n]
        if len(name) > name_width:
            name = name[:cut] + "…"
        right = (
            f"  {'open' if status == 'in_progress' else 'done'}  {f'{done}/{actions}' if actions else '-':>5}  {sid}"
        )
        room = max(10, width - left - len(right))
        topic = _unbroken(topic)
        if kind != DEFAULT_TYPE:
            topic = f"[{kind}] {topic}" if topic else f"[{kind}]"
        if len(topic) > room:
            topic = topic[: room - 1] + "…"
        line = f"{when}  {name:<{name_width}}  {topic:<{room}}{right}"
        if styled:  # clean before styling: the styles are the only escape sequences that may pass
            line = click.style(_clean(line), bold=snippets is not None)
        lines.append(line)
        if snippets is not None:
            before, match, after = snippets[n]
            if styled:  # as above: each part made safe before it is styled; otherwise the whole text below
                before, match, after = _clean(before), click.style(_clean(match), fg="yellow", bold=True), _clean(after)
            lines.append(f"    {_flat(before)}{_flat(match)}{_flat(after)}")
    click.echo(_clean("\n".join(lines)) if not styled else "\n".join(lines))


def session_path(opts: Options, ref: str) -> tuple[Path, Path]:
    """The folder and file of a session given by path, id or unique id prefix."""
    if not ref.strip():
        raise click.BadParameter("give a session id, the start of one, or a file", param_hint="SESSION")
    candidate = Path(ref).expanduser()
    if candidate.suffix == ".toml" or candidate.exists():
        from growtui import paths

        return paths.real(candidate).parent, candidate
    index = open_index(opts)
    found = index.find(ref)
    if not found:
        raise SessionNotFound(f"no session has the id '{ref}' or an id starting with it (growtui list shows the ids)")
    if len(found) > 1 and found[0].id == ref:  # one session in two files: a copy, or a hand-made file
        lines = "\n".join(f"  {_name(e.path)}  {e.when}  {_listed(e.coachee)}" for e in found[:10])
        raise SessionNotFound(
            f"{len(found)} files hold a session with the id '{ref}' (is one a copy?); give the file instead:\n{lines}"
        )
    if len(found) > 1:
        lines = "\n".join(f"  {e.id}  {e.when}  {_listed(e.coachee)}" for e in found[:10])
        raise SessionNotFound(f"'{ref}' fits {len(found)} sessions; give more of the id:\n{lines}")
    return index.root, found[0].path


def _resolve(opts: Options, ref: str):
    """A session by path, id or unique id prefix."""
    from growtui.errors import FileProblemError, SessionFileError

    root, path = session_path(opts, ref)
    try:
        return opts.store(root, file=path).read(path).session
    except SessionFileError as exc:
        raise FileProblemError(exc.problems) from None


def _sessions_of(opts: Options, coachee: str):
    from growtui.errors import SessionFileError
    from growtui.storage import Store

    index = open_index(opts)
    entries = index.entries(coachee=coachee)
    if not entries:
        raise SessionNotFound(f"no sessions with '{coachee}' (growtui list shows who you have met)")
    store = Store(index.root, index.vault)
    sessions = []
    for entry in reversed(entries):  # oldest first
        try:
            sessions.append(store.read(entry.path).session)
        except SessionFileError as exc:
            for problem in exc.problems:
                click.echo(f"{problem} (skipped)", err=True)
    return sessions


def _library(opts: Options):
    """The question library for names of types, phases and fields; None when it does not load (ids are shown)."""
    from growtui.errors import LibraryError
    from growtui.library import load_library

    try:
        return load_library(opts.questions_dirs)
    except LibraryError:
        return None


# --- commands -------------------------------------------------------------------


@click.command("list")
@_filters
@click.pass_obj
def list_command(opts: Options, coachee, status, since, until, tag, kind, as_json: bool) -> None:
    """List sessions, newest first; a conversation that is not problem-solving shows its type before the topic."""
    filters = {
        "coachee": coachee,
        "status": status,
        "since": _date(since),
        "until": _date(until),
        "tag": tag,
        "kind": kind,
    }
    index = open_index(opts)  # not answer_in_step: building rows in Python fights the stat thread for the GIL
    if as_json:
        click.echo(_json([e.as_json() for e in index.entries(**filters)]))
    elif rows := index.listing(**filters):
        _table(rows)
    elif sys.stderr.isatty():
        click.echo("No sessions found.", err=True)


@click.command()
@click.argument("session")
@click.option("--lang", "lang", type=LANG, help="Language of the labels (default: the interface language).")
@click.pass_obj
def show(opts: Options, session: str, lang: str | None) -> None:
    """Show one session as readable text: SESSION is an id, the start of one, or a file."""
    from growtui.render import session_text

    click.echo(session_text(_resolve(opts, session), opts.language(lang), _library(opts)), nl=False)


@click.command()
@click.argument("query")
@_filters
@click.pass_obj
def search(opts: Options, query: str, coachee, status, since, until, tag, kind, as_json: bool) -> None:
    """Find sessions holding every word of QUERY, anywhere in what was typed.

    Case and accents do not matter, parts of words match ("gesprek" finds
    "functioneringsgesprek"), and "two words" in quotes must appear together.
    """
    filters = {
        "coachee": coachee,
        "status": status,
        "since": _date(since),
        "until": _date(until),
        "tag": tag,
        "kind": kind,
    }
    _, hits = open_index(opts, lambda index: index.search(query, **filters))
    if as_json:
        click.echo(_json([{**h.entry.as_json(), "snippet": _listed(str(h.snippet))} for h in hits]))
    elif hits:
        _table([h.entry.listed() for h in hits], snippets=[h.snippet for h in hits])
    elif sys.stderr.isatty():
        click.echo("No sessions match.", err=True)


@click.command()
@click.argument("session", required=False)
@click.option("--coachee", help="Export all sessions with this coachee instead of one session.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "summary"]),
    required=True,
    help="markdown: the full record, for the coach. summary: the process only, no content, for a line manager or HR.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (readable by you only) instead of printing.",
)
@click.option("--lang", "lang", type=LANG, help="Language of the labels (default: the interface language).")
@click.pass_obj
def export(
    opts: Options, session: str | None, coachee: str | None, fmt: str, output: Path | None, lang: str | None
) -> None:
    """Export one SESSION, or every session with a coachee, as Markdown or as a process summary."""
    from growtui import render

    if bool(session) == bool(coachee):
        raise click.UsageError("give either a SESSION or --coachee NAME")
    language = opts.language(lang)
    sessions = _sessions_of(opts, coachee) if coachee else [_resolve(opts, str(session))]
    if fmt == "summary":
        text = render.summary(sessions, language)
    elif coachee:
        text = render.coachee_markdown(sessions, language, _library(opts))
    else:
        text = render.session_markdown(sessions[0], language, _library(opts))
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    if output.suffix == ".toml":
        raise click.BadParameter("an export is not a session file; use .md or .txt", param_hint="--output")
    from growtui.storage import write_atomic

    write_atomic(output.expanduser().absolute(), text.encode("utf-8"))
    click.echo(f"Written to {output}", err=True)
