"""``growtui delete``, ``growtui trash`` and ``growtui restore``: one conversation into the trash and back.

A deleted conversation waits 30 days in the trash (see ``growtui.storage.trash``),
then it is gone; each of these commands, and every start of the app, purges
what is older. What is said to the person (what will go, questions, what
happened) goes to stderr; ``trash --json`` prints its list on stdout.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from growtui.cli import Options
from growtui.cli.history import SessionNotFound, _json, _listed, _name


def confirm(question: str, yes: bool, nothing: str) -> None:
    """Ask before something that cannot be taken back lightly; ``--yes`` answers for scripts.

    Without a terminal to ask on, and without ``--yes``, it stops (exit 2);
    an answer of no stops with exit code 1. Either way nothing was changed.
    """
    if yes:
        return
    if not sys.stdin.isatty():
        raise click.UsageError(f"{nothing}: there is no terminal to ask on; add --yes to go ahead without being asked")
    if not click.confirm(question, default=False, err=True):
        click.echo(f"{nothing}.", err=True)
        raise click.exceptions.Exit(1)


def _record_root(opts: Options, path: Path) -> Path:
    """The sessions folder, when the file is in it; otherwise the file's own folder."""
    from growtui import paths

    sessions = opts.resolved_sessions_dir()
    inside = (paths.real(path.parent) / path.name).is_relative_to(paths.real(sessions))
    return sessions if inside else path.parent


def _sync_index(opts: Options, root: Path, vault) -> None:
    """The index of the sessions folder forgets (or finds) the file now, not on its next use."""
    from growtui import paths
    from growtui.index import Index

    if paths.real(root) == paths.real(opts.resolved_sessions_dir()):
        with Index(root, vault=vault) as index:
            index.sync()


def _local(moment: datetime) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"


def _when(moment: datetime) -> str:
    """A session's start as ``list`` shows it: the time it was in the room."""
    return f"{moment:%Y-%m-%d %H:%M}"


@click.command()
@click.argument("session")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first (for scripts).")
@click.pass_obj
def delete(opts: Options, session: str, yes: bool) -> None:
    """Move one conversation to the trash: SESSION is an id, the start of one, or a file.

    It stays in the trash for 30 days (growtui trash lists it, growtui
    restore puts it back), then it is gone for good. A conversation open in
    growtui elsewhere is not deleted.
    """
    from growtui.cli.history import session_path
    from growtui.erasure import delete_session
    from growtui.errors import FileProblemError, SessionFileError
    from growtui.storage import trash

    trash.purge()
    _, path = session_path(opts, session)
    root = _record_root(opts, path)
    store = opts.store(root, file=path)
    try:
        stored = store.read(path)
    except SessionFileError as exc:
        raise FileProblemError(exc.problems) from None
    s = stored.session
    click.echo(
        "This conversation goes to the trash:\n"
        f"  coachee  {_listed(s.coachee)}\n"
        f"  date     {_when(s.started_at)}\n"
        f"  topic    {_listed(s.topic) or '-'}\n"
        f"  file     {_name(path)}\n"
        f"It is kept there {trash.KEEP_DAYS} days (growtui restore {s.id} puts it back), then it is gone.",
        err=True,
    )
    confirm("Delete it?", yes, "Nothing was deleted")
    entry = delete_session(store, path)
    _sync_index(opts, root, store.vault)
    click.echo(
        f"Deleted: in the trash until {_local(entry.expires_at)}; growtui restore {s.id} puts it back.", err=True
    )


@click.command("trash")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def trash_command(opts: Options, as_json: bool) -> None:
    """List the deleted conversations of the sessions folder, latest deletion first, with the days they have left.

    After 30 days in the trash a conversation is gone for good.
    """
    from growtui.erasure import listing

    root = opts.resolved_sessions_dir()
    items = listing(root, opts.vault(root))
    now = datetime.now(UTC)
    if as_json:
        rows = []
        for item in items:
            e, s = item.entry, item.session
            rows.append(
                {
                    "id": e.session_id,
                    "coachee": s.coachee if s else None,
                    "topic": s.topic if s else None,
                    "started_at": s.started_at.isoformat() if s else None,
                    "deleted_at": e.deleted_at.isoformat(),
                    "expires_at": e.expires_at.isoformat(),
                    "days_left": e.days_left(now),
                    "restores_to": str(e.origin),
                    "file": str(e.file),
                    "problem": item.problem,
                }
            )
        click.echo(_json(rows))
        return
    if not items:
        if sys.stderr.isatty():
            click.echo("The trash is empty.", err=True)
        return
    names = [_listed(item.session.coachee) if item.session else "?" for item in items]
    width = min(24, max(map(len, names)))
    for item, name in zip(items, names, strict=True):
        e, s = item.entry, item.session
        when = _when(s.started_at) if s else "????-??-?? ??:??"
        about = _listed(s.topic) if s else f"(cannot be read: {item.problem})"
        if len(name) > width:
            name = name[: width - 1] + "…"
        left = e.days_left(now)
        click.echo(
            f"{when}  {name:<{width}}  deleted {_local(e.deleted_at)}  "
            f"{left:>2} {'day' if left == 1 else 'days'} left  {e.session_id}  {about}"
        )


def _entry_for(root: Path, ref: str):
    from growtui.storage import trash

    ref = ref.strip()
    if not ref:
        raise click.BadParameter(
            "give the id of a session in the trash (growtui trash lists them)", param_hint="SESSION"
        )
    entries = trash.entries(root)
    found = [e for e in entries if e.session_id == ref or e.folder.name == ref]
    found = found or [e for e in entries if e.session_id.startswith(ref)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        lines = "\n".join(f"  {e.folder.name}  deleted {_local(e.deleted_at)}" for e in found[:10])
        raise SessionNotFound(
            f"'{ref}' fits {len(found)} entries in the trash; give more of the id, or the entry:\n{lines}"
        )
    elsewhere = [e for e in trash.entries() if e.session_id.startswith(ref)]
    if elsewhere:
        raise SessionNotFound(
            f"'{ref}' is in the trash of another sessions folder, {_name(elsewhere[0].root)}; "
            "restore it with growtui --sessions-dir that folder"
        )
    raise SessionNotFound(f"nothing in the trash has the id '{ref}' (growtui trash lists what is there)")


@click.command()
@click.argument("session")
@click.pass_obj
def restore(opts: Options, session: str) -> None:
    """Put a conversation from the trash back where it was: SESSION is its id, or the start of it.

    Never over a file: when something is in the way, nothing is restored and
    the message says what to move.
    """
    from growtui.erasure import restore_session
    from growtui.storage import trash

    trash.purge()
    root = opts.resolved_sessions_dir()
    entry = _entry_for(root, session)
    store = opts.store(root)
    target, left = restore_session(store, entry, vault=opts.vault(root, file=entry.file))
    _sync_index(opts, root, store.vault)
    click.echo(f"Restored: {_name(target)}", err=True)
    for path in left:
        click.echo(f"{_name(path)}: could not go back where it was, so it stays in the trash", err=True)
