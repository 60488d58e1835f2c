"""``growtui export``: one session or a coachee's sessions, as a document.

Each format is for its own reader: ``markdown`` the full record, for the
coach; ``summary`` the process only, for a line manager or HR. What ``-o``
writes follows the format, and the file's extension must fit it: an
extension growtui does not write is an error, never a file in another
format than its name says.
"""

from __future__ import annotations

from pathlib import Path

import click

from growtui.cli import LANG, Options
from growtui.cli.history import library_of, read_sessions, resolve

# The extensions each format writes.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "markdown": (".md", ".markdown", ".txt"),
    "summary": (".md", ".markdown", ".txt"),
}
_FORMAT_HELP = (
    "markdown: the full record, for the coach. summary: the process only, no content, for a line manager or HR."
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


@click.command()
@click.argument("session", required=False)
@click.option("--coachee", help="Export all sessions with this coachee instead of one session.")
@click.option(
    "--format", "fmt", type=click.Choice(list(EXTENSIONS)), required=True, metavar="FORMAT", help=_FORMAT_HELP
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (readable by you only) instead of printing; its extension must fit the format.",
)
@click.option("--lang", "lang", type=LANG, help="Language of the labels (default: the interface language).")
@click.pass_obj
def export(
    opts: Options, session: str | None, coachee: str | None, fmt: str, output: Path | None, lang: str | None
) -> None:
    """Export one SESSION, or every session with a coachee, as Markdown or as a process summary.

    -o FILE writes the file, readable by you only: .md, .markdown or .txt.
    Any other extension is refused.
    """
    from growtui import render

    if bool(session) == bool(coachee):
        raise click.UsageError("give either a SESSION or --coachee NAME")
    if output is not None:
        check_output(output, fmt)
    language = opts.language(lang)
    sessions = read_sessions(opts, coachee=coachee) if coachee else [resolve(opts, str(session))]
    if fmt == "summary":
        text = render.summary(sessions, language)
    elif coachee:
        text = render.coachee_markdown(sessions, language, library_of(opts))
    else:
        text = render.session_markdown(sessions[0], language, library_of(opts))
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    from growtui.storage import write_atomic

    write_atomic(output.expanduser().absolute(), text.encode("utf-8"))
    click.echo(f"Written to {output}", err=True)
