"""``growtui`` (the home screen) and ``growtui new``: the interactive app."""

from __future__ import annotations

import sys
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

import click

from growtui.cli import LANG, Options

if TYPE_CHECKING:
    from growtui.first_frame import Kept


def hide_typeahead(ctx: click.Context) -> None:
    """Keys typed before the app has the terminal stay off the shell's screen, where they would stay.

    The terminal echoes what is typed until the app switches it to raw mode, a few hundred milliseconds
    into a start: the first words of a note were left on the shell's screen after growtui had gone.
    From here on nothing is echoed, and what was echoed before (on the line growtui started on) is
    erased; the keys themselves still reach the app. The terminal's settings come back as they were
    when the command ends, however it ends.
    """
    try:
        import termios
    except ImportError:
        return  # no terminal settings to change (Windows): its console does not leave them behind this way
    try:
        fd = sys.stdin.fileno()
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return
        before = termios.tcgetattr(fd)
        quiet = termios.tcgetattr(fd)
        quiet[3] &= ~termios.ECHO  # lines stay lines: a passphrase asked now can still be corrected
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except (AttributeError, OSError, ValueError, termios.error):
        return  # no stdin, or a terminal that has gone: nothing to hide

    def restore() -> None:
        try:
            termios.tcsetattr(fd, termios.TCSANOW, before)
        except (OSError, termios.error):
            pass  # the terminal has gone

    ctx.call_on_close(restore)
    if _typed_ahead(fd, quiet):  # echoed already, after the shell's newline: the line is only what was typed
        sys.stdout.write("\r\x1b[K")
        sys.stdout.flush()


def _typed_ahead(fd: int, quiet: list) -> bool:
    """Keys are waiting. A line begun is counted only outside line mode, so that is switched off for the
    count and on again; the keys stay where they are. False wherever that cannot be asked."""
    import struct
    import termios

    try:
        import fcntl

        ask_count = termios.FIONREAD
    except (ImportError, AttributeError):
        return False

    counting = [*quiet[:6], list(quiet[6])]
    counting[3] &= ~termios.ICANON
    counting[6][termios.VMIN], counting[6][termios.VTIME] = 1, 0
    try:
        termios.tcsetattr(fd, termios.TCSANOW, counting)
        try:
            return struct.unpack("i", fcntl.ioctl(fd, ask_count, b"\0\0\0\0"))[0] > 0
        finally:
            termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except (OSError, termios.error):
        return False


def run_app(opts: Options, start_kwargs: dict, kept: Kept | None = None) -> None:
    """Validate everything first (clear errors, exit 2), then build and run the app.

    ``growtui new`` with a first frame ``kept`` by an earlier start and nothing changed since draws that
    frame at once and validates behind it (see :mod:`growtui.first_frame`).
    """
    deferred = _deferred(opts, start_kwargs, kept) if kept is not None else None
    if deferred is not None:
        from growtui.app import GrowApp, Start

        lang, deferred = deferred
        app = GrowApp(store=None, library=None, config=None, lang=lang, start=Start(**start_kwargs), deferred=deferred)
    else:
        app = _full_app(opts, start_kwargs)
    app.run()
    if app.load_error is not None:
        if app.keys_not_kept:
            click.echo(f"growtui: the {app.keys_not_kept} keys typed while it started were not kept", err=True)
        raise app.load_error
    if app.return_code:
        raise click.exceptions.Exit(app.return_code)


def _load(opts: Options):
    """(config, library, sessions folder), each validated in that order (a problem: exit 2 with its message)."""
    from growtui.library import load_library
    from growtui.storage import trash

    config = opts.config
    library = load_library(opts.questions_dirs)
    trash.purge()  # what was deleted more than 30 days ago goes now; the names of the entries tell, nothing is read
    return config, library, opts.resolved_sessions_dir()


def _full_app(opts: Options, start_kwargs: dict):
    from growtui import crypto as vault, first_frame, paths
    from growtui.storage import Store

    kept_under = first_frame.digests(opts.questions_dirs, paths.config_file())  # before reading what they cover
    config, library, root = _load(opts)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise click.UsageError("the session screen needs a terminal (stdin and stdout are not a TTY)")
    store, locked = Store(root), vault.read_marker(root)
    if locked is not None and (opts.has_passphrase() or vault.passphrase_from_env()):
        store.vault, locked = opts.vault(root), None  # a wrong one ends here: exit 2, nothing opened
    from growtui.app import GrowApp, Start  # Textual is imported only for the interactive app

    def keep_frame(config, library) -> None:
        first_frame.keep(kept_under, config, library)

    return GrowApp(
        store=store,
        library=library,
        config=config,
        lang=opts.language(),
        start=Start(**start_kwargs),
        locked=locked,
        keep_frame=keep_frame,
    )


def kept_frames(opts: Options) -> Kept | None:
    """The first frames an earlier start kept, when nothing they came from changed (never for a locked folder)."""
    from growtui import first_frame, paths

    if not sys.stdin.isatty() or not sys.stdout.isatty() or opts.has_passphrase():
        return None
    return first_frame.kept(opts.questions_dirs, paths.config_file())


def _is_text(*values: str) -> bool:
    try:
        for value in values:
            value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _deferred(opts: Options, start: dict, kept: Kept):
    """(interface language, Deferred) for a new conversation whose first frame is kept; None otherwise."""
    from growtui import paths
    from growtui.crypto.header import marker_path
    from growtui.first_frame import Sketch
    from growtui.i18n import system_language
    from growtui.sketched import Deferred

    settings = kept.settings
    lang = opts.lang or settings.language or system_language()
    frame = kept.frame(start.get("type_id"), start.get("language") or lang)
    if frame is None or not start.get("coachee") or not _is_text(start["coachee"], start.get("topic", "")):
        return None  # bytes that are not UTF-8 cannot be drawn: the full start says what is wrong with them
    configured = Path(settings.sessions_dir) if settings.sessions_dir is not None else None
    if marker_path(paths.sessions_dir(opts.sessions_dir, configured)).exists():
        return None  # encrypted: the passphrase comes first
    minutes = start.get("minutes") or frame.minutes or settings.time_box_minutes
    sketch = Sketch(frame, start.get("language") or lang, start["coachee"].strip(), start["topic"].strip(), minutes)

    def load():
        from growtui import crypto as vault
        from growtui.storage import Store

        config, library, root = _load(opts)
        return Store(root), library, config, vault.read_marker(root)

    return lang, Deferred(sketch, settings.theme, load)


@click.command()
@click.option("--coachee", required=True, help="Who you are talking with.")
@click.option("--topic", default="", help="What the conversation is about.")
@click.option(
    "--type",
    "type_id",
    metavar="ID",
    help="Kind of conversation (default problem-solving; growtui types lists them).",
)
@click.option(
    "--minutes", type=click.IntRange(5, 480), help="Time box (default: the type's; problem-solving: config, 45)."
)
@click.option("--tag", "tags", multiple=True, help="A tag for the conversation (repeat for more).")
@click.option(
    "--session-lang", "language", type=LANG, help="Language of the conversation (default: interface language)."
)
@click.pass_obj
def new(
    opts: Options,
    coachee: str,
    topic: str,
    type_id: str | None,
    minutes: int | None,
    tags: tuple[str, ...],
    language: str | None,
) -> None:
    """Start a new conversation straight away, cursor in the notes."""
    if not coachee.strip():
        raise click.BadParameter("the coachee's name is empty", param_hint="--coachee")
    kept = kept_frames(opts)
    if type_id is not None:
        from growtui.library import load_library

        known = kept.types if kept is not None else load_library(opts.questions_dirs).types
        if type_id not in known:
            raise click.BadParameter(
                f"no conversation type {type_id!r}; known: {', '.join(known)} (see growtui types)",
                param_hint="--type",
            )
    run_app(
        opts,
        {
            "coachee": coachee,
            "topic": topic,
            "minutes": minutes,
            "language": language,  # None: the interface language
            "type_id": type_id,
            "tags": tuple(tags),
        },
        kept,
    )


@click.command()
@click.option("--coachee", help="Show only the sessions with this coachee.")
@click.pass_obj
def history(opts: Options, coachee: str | None) -> None:
    """Open the history: every session, with search, filters and each coachee's arc."""
    run_app(opts, {"history": True, "history_coachee": coachee})


def _latest(unfinished):
    """The unfinished session to go on with: the newest that did not start in the future.

    A start dated 9999 (a typo, or a file put there) is not the latest real conversation; it is only
    taken when there is nothing else.
    """
    from datetime import datetime, timedelta

    soon = datetime.now(UTC) + timedelta(days=1)
    real = [entry for entry in unfinished if entry.started_at <= soon]
    return (real or unfinished)[0]


@click.command()
@click.argument("session", required=False)
@click.option("--reopen", is_flag=True, help="Open a finished SESSION for corrections (its end time stays).")
@click.pass_obj
def resume(opts: Options, session: str | None, reopen: bool) -> None:
    """Go on with an unfinished conversation: SESSION is an id, the start of one, or a file.

    Without SESSION, the most recent unfinished conversation. With --reopen, a
    finished one, for corrections: the file records when it was corrected.
    """
    if reopen and session is None:
        raise click.UsageError("--reopen needs the SESSION to correct (growtui list shows them)")
    from growtui.cli.history import SessionNotFound, open_index, session_path
    from growtui.errors import FileProblemError, SessionFileError

    if session is None:
        unfinished = open_index(opts).entries(status="in_progress")
        if not unfinished:
            raise SessionNotFound(
                "there is no unfinished conversation to go on with (growtui new --coachee NAME starts one)"
            )
        path = _latest(unfinished).path
    else:
        root, path = session_path(opts, session)
        try:
            stored = opts.store(root, file=path).read(path)
        except SessionFileError as exc:
            raise FileProblemError(exc.problems) from None
        if stored.session.status != "in_progress" and not reopen:
            raise SessionNotFound(
                f"session {stored.session.id} is finished; growtui show {stored.session.id} shows it, "
                f"growtui resume --reopen {stored.session.id} corrects it"
            )
    run_app(opts, {"resume": path, "reopen": reopen})
