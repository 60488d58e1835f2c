"""``growtui export``: one session, a coachee's sessions, or a period, as a document or a calendar file.

Four formats, each for its own reader: ``markdown`` the full record, for
the coach; ``summary`` the process only, for a line manager or HR; ``recap``
what was agreed, for the coachee; ``ics`` the dated actions and the next
meeting, for a calendar. What ``-o`` writes follows the format, and the
file's extension must fit it: an extension growtui does not write is an
error, never a file in another format than its name says.
"""

from __future__ import annotations

from pathlib import Path

import click

from growtui.cli import LANG, Options
from growtui.cli.history import library_of, parse_day, read_sessions, resolve

# The extensions each format writes; for a recap the extension also picks plain text or Markdown.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "markdown": (".md", ".markdown", ".txt"),
    "summary": (".md", ".markdown", ".txt"),
    "recap": (".txt", ".md", ".markdown"),
    "ics": (".ics",),
}
_MARKDOWN = (".md", ".markdown")
_FORMAT_HELP = (
    "markdown: the full record, for the coach. summary: the process only, no content, for a line manager or HR. "
    "recap: what was agreed, for the coachee (no notes). ics: the dated actions and the next meeting, for a calendar."
)


def _formats_named() -> str:
    return "; ".join(f"--format {fmt} writes {', '.join(exts)}" for fmt, exts in EXTENSIONS.items())


def check_output(output: Path, fmt: str) -> None:
    """Refuse a file name whose extension the format does not write: the error names what each writes."""
    suffix = output.suffix.lower()
    if suffix == ".toml":
        raise click.BadParameter(
            "an export is not a session file; growtui never writes one with export. " + _formats_named(),
            param_hint="--output",
        )
    if suffix not in EXTENSIONS[fmt]:
        what = f"'{suffix}'" if suffix else "no extension"
        raise click.BadParameter(
            f"{output.name} has {what}, which --format {fmt} does not write. {_formats_named()}",
            param_hint="--output",
        )


def _sessions(opts: Options, session, coachee, since, until, fmt: str):
    if session and coachee:
        raise click.UsageError("give either a SESSION or --coachee NAME, not both")
    if session and (since or until):
        raise click.UsageError("--since and --until choose from a coachee's sessions or all of them, not one SESSION")
    if fmt == "recap" and not session:
        raise click.UsageError("a recap is of one conversation: give its SESSION (growtui list shows the ids)")
    if not session and not coachee and fmt != "summary":
        raise click.UsageError(
            "give either a SESSION or --coachee NAME (only --format summary covers everyone, with --since/--until)"
        )
    if session:
        return [resolve(opts, str(session))]
    return read_sessions(opts, coachee=coachee, since=parse_day(since), until=parse_day(until))


@click.command()
@click.argument("session", required=False)
@click.option("--coachee", help="Export all sessions with this coachee instead of one session.")
@click.option(
    "--format", "fmt", type=click.Choice(list(EXTENSIONS)), required=True, metavar="FORMAT", help=_FORMAT_HELP
)
@click.option("--since", help="With --coachee or for a summary of everyone: sessions on or after this date.")
@click.option("--until", help="With --coachee or for a summary of everyone: sessions on or before this date.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (readable by you only) instead of printing; its extension must fit the format.",
)
@click.option(
    "--lang",
    "lang",
    type=LANG,
    help="Language of the labels (default: the interface language; for recap and ics the session's own).",
)
@click.pass_obj
def export(
    opts: Options,
    session: str | None,
    coachee: str | None,
    fmt: str,
    since: str | None,
    until: str | None,
    output: Path | None,
    lang: str | None,
) -> None:
    """Export one SESSION, every session with a coachee, or (summary) everyone's in a period.

    \b
    markdown  the full record, notes and all: for the coach only
    summary   the process only (dates, minutes, kinds, gaps, how actions turned
              out), no typed text: for a line manager or HR; without SESSION
              and --coachee it covers everyone, --since/--until the period
    recap     what was agreed, in the session's language, for the coachee:
              goal, chosen option, actions, next meeting; never notes
    ics       iCalendar: a to-do per dated action, an all-day event for the
              next meeting; a re-import updates the entries

    -o FILE writes the file, readable by you only: .md, .markdown or .txt for
    markdown and summary, .txt (plain text) or .md (Markdown) for a recap,
    .ics for ics. Any other extension is refused.
    """
    from growtui import render

    if output is not None:
        check_output(output, fmt)
    sessions = _sessions(opts, session, coachee, since, until, fmt)
    data: str | bytes
    if fmt == "ics":
        data = render.calendar(sessions, lang)
    elif fmt == "recap":
        kind = render.recap_markdown if output is not None and output.suffix.lower() in _MARKDOWN else render.recap_text
        data = kind(sessions[0], lang, library_of(opts))
    elif fmt == "summary":
        data = render.summary(
            sessions, opts.language(lang), library_of(opts), since=parse_day(since), until=parse_day(until)
        )
    elif coachee:
        data = render.coachee_markdown(sessions, opts.language(lang), library_of(opts))
    else:
        data = render.session_markdown(sessions[0], opts.language(lang), library_of(opts))
    if output is None:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        click.echo(text, nl=not text.endswith("\n"))
        return
    from growtui.storage import write_atomic

    write_atomic(output.expanduser().absolute(), data if isinstance(data, bytes) else data.encode("utf-8"))
    click.echo(f"Written to {output}", err=True)
