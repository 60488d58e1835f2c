"""``growtui list``, ``show`` and ``search``: the history, scriptable, without the TUI (``export`` is beside it).

All read through the index (brought in step with the files first), so
they stay fast with thousands of sessions. A broken file never hides the
good ones: it is named on stderr with the reason, and the exit code is 0
unless no session could be read at all.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from growtui.cli import LANG, Options
from growtui.cli.filters import _filters, _known_type, library_of, parse_day, resolved_coachees
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
    root = opts.resolved_sessions_dir()
    vault = opts.vault(root)  # first: a passphrase typed now must not leave the stats below out of date
    if ask is not None:
        from growtui.storage import stats_in_background

        stats = stats_in_background(root.absolute())  # begun before the index is even loaded: the two overlap
    from growtui.index import PARALLEL_FROM, Index

    index = Index(root, vault=vault)
    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if total >= PARALLEL_FROM and sys.stderr.isatty():
            shown = True
            _progress(done, total)

    if ask is None:
        from growtui.storage import stat_files

        # The folder listed whole (2.3 MiB at 10,000 sessions, in a command that ends soon): the same
        # listing as last time is known by its fingerprint, without a lookup of every file in the index
        sync = index.sync(progress, stats=stat_files(index.root))
    else:
        answer, sync = index.answer_in_step(lambda: ask(index), progress, stats)
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


def _compact(value: object) -> str:
    """One JSON object on one line, as SQLite's ``json_object`` writes it."""
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_lines(objects: list[str]) -> str:
    """A JSON array with one object on each line: ``grep`` finds a session's line, ``jq`` reads the whole."""
    from growtui.safetext import json_text

    return json_text("[\n" + ",\n".join(objects) + "\n]") if objects else "[]"


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


_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _unbroken(text: str) -> str:
    """Line breaks and tabs as spaces; ``translate`` only when there is one (it costs 1 µs a call, 10,000 calls)."""
    return text.translate(_BREAKS) if "\n" in text or "\r" in text or "\t" in text else text


def _columns(fallback: int = 100) -> int:
    """``shutil.get_terminal_size((fallback, 24)).columns``, without importing shutil (and lzma, bz2 ...) for it."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or fallback


def _table(rows, *, snippets: list | None = None) -> None:
    """Aligned columns for people: date, coachee, topic, status, actions done/total, id.

    ``rows`` are :meth:`Index.listing` rows; ``snippets`` (for search) one per row.
    Built as one text and made safe (escape sequences and the like) in one
    pass; the loop is plain on purpose, as it runs once per session.
    """
    width = _columns()
    styled = sys.stdout.isatty()
    names = [_unbroken(row[1]) for row in rows]
    name_width = min(24, max(len("coachee"), *map(len, names)))
    cut = name_width - 1
    left = 16 + 2 + name_width + 2 + 1  # the date, the name, the spaces, and a column free at the edge
    lines = []
    if snippets is None:
        head = f"{'date':<16}  {'coachee':<{name_width}}  {'topic':<{max(10, width - left - 34)}}"
        lines.append(f"{head}  {'status':<11}  {'done':>5}  id")
    for n, (when, _, topic, status, done, actions, sid, kind) in enumerate(rows):
        name = names[n]
        if len(name) > name_width:
            name = name[:cut] + "…"
        right = f"  {status:<11}  {f'{done}/{actions}' if actions else '-':>5}  {sid}"
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


def resolve(opts: Options, ref: str):
    """A session by path, id or unique id prefix."""
    from growtui.errors import FileProblemError, SessionFileError

    root, path = session_path(opts, ref)
    try:
        return opts.store(root, file=path).read(path).session
    except SessionFileError as exc:
        raise FileProblemError(exc.problems) from None


def read_sessions(opts: Options, *, coachee: str | None = None, since=None, until=None):
    """The sessions (oldest first) with a coachee and/or in a period; those that cannot be read named on stderr."""
    from growtui.errors import SessionFileError
    from growtui.storage import Store

    index = open_index(opts)
    entries = index.entries(coachee=resolved_coachees(index, [coachee] if coachee else []), since=since, until=until)
    if not entries:
        who = f" with '{coachee}'" if coachee else ""
        when = "".join(
            f" {word} {day.isoformat()}" for word, day in (("since", since), ("until", until)) if day is not None
        )
        raise SessionNotFound(f"no sessions{who}{when} (growtui list shows who you have met, and when)")
    store = Store(index.root, index.vault)
    sessions = []
    for entry in reversed(entries):  # oldest first
        try:
            sessions.append(store.read(entry.path).session)
        except SessionFileError as exc:
            for problem in exc.problems:
                click.echo(f"{problem} (skipped)", err=True)
    return sessions


# --- commands -------------------------------------------------------------------


@click.command("list")
@_filters
@click.pass_obj
def list_command(opts: Options, coachee, status, since, until, tag, kind, as_json: bool) -> None:
    """List sessions, newest first; a conversation that is not problem-solving shows its type before the topic."""
    filters = {
        "coachee": coachee,
        "status": status,
        "since": parse_day(since),
        "until": parse_day(until),
        "tag": tag,
        "kind": kind,
    }
    _known_type(opts, kind)
    # not answer_in_step: the rows leave SQLite holding the GIL and fight the stat thread for it
    # (list --json: 1.26-1.29x list that way, 1.21x one after the other)
    index = open_index(opts)
    filters["coachee"] = resolved_coachees(index, coachee)
    if as_json:
        written = index.listing_json(**filters)  # SQLite writes each session's JSON
        if written is None:  # a folder name SQL cannot hold: the same JSON, from Python
            written = [_compact(e.as_json()) for e in index.entries(**filters)]
        click.echo(_json_lines(written))
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

    click.echo(session_text(resolve(opts, session), opts.language(lang), library_of(opts)), nl=False)


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
        "since": parse_day(since),
        "until": parse_day(until),
        "tag": tag,
        "kind": kind,
    }
    _known_type(opts, kind)
    _, hits = open_index(
        opts, lambda index: index.search(query, **{**filters, "coachee": resolved_coachees(index, coachee)})
    )
    if as_json:
        click.echo(_json_lines([_compact({**h.entry.as_json(), "snippet": _listed(str(h.snippet))}) for h in hits]))
    elif hits:
        _table([h.entry.listed() for h in hits], snippets=[h.snippet for h in hits])
    elif sys.stderr.isatty():
        click.echo("No sessions match.", err=True)
