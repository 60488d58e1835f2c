"""What the listing commands share: their filters, reading dates and names as the interface does, the library."""

from __future__ import annotations

from datetime import date

import click

from growtui.cli import Options

STATUSES = click.Choice(["in_progress", "completed"])


def _listed(text: str) -> str:
    """A name or value for a one-line message: control characters and escapes taken out."""
    from growtui.safetext import clean, flat

    return flat(clean(text))


def parse_day(value: str | None) -> date | None:
    """A date as the interface takes it: 2026-11-21, 21-11, 1-10, vrijdag / friday, +7, today."""
    if value is None:
        return None
    from growtui.model import parse_date

    day = parse_date(value, date.today())
    if day is None:
        raise click.BadParameter(f"'{value}' is not a date (2026-11-21, 21-11, friday, +7 ...)")
    return day


def resolved_coachees(index, names: tuple[str, ...] | list[str]) -> list[str]:
    """Each name as the coachee it names: case and accents aside, or a unique part of a name.

    A part that fits several people is an error naming them; one that fits
    nobody is kept as it is (it finds nothing).
    """
    found = []
    for name in names:
        matches = index.coachees_matching(name)
        if len(matches) > 1:
            shown = ", ".join(_listed(m) for m in matches[:10])
            raise click.BadParameter(f"'{_listed(name)}' fits several coachees: {shown}", param_hint="--coachee")
        found.append(matches[0] if matches else name)
    return found


def _filters(f):
    f = click.option(
        "--coachee",
        multiple=True,
        help="Only this coachee: case and accents do not matter, a unique part of the name will do.",
    )(f)
    f = click.option("--status", type=STATUSES, help="Only sessions with this status.")(f)
    f = click.option("--since", help="Only sessions on or after this date (2026-11-21, 1-10, friday, +7 ...).")(f)
    f = click.option("--until", help="Only sessions on or before this date.")(f)
    f = click.option("--tag", multiple=True, help="Only sessions with this tag; repeated: with all of them.")(f)
    f = click.option("--type", "kind", metavar="ID", help="Only conversations of this type (see growtui types).")(f)
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(f)


def _known_type(opts: Options, kind: str | None) -> None:
    """A --type that names no conversation type is a mistake, not an empty list."""
    if kind is None:
        return
    lib = library_of(opts)
    if lib is not None and kind not in lib.types:
        raise click.BadParameter(
            f"no conversation type '{_listed(kind)}'; known: {', '.join(lib.types)}", param_hint="--type"
        )


def library_of(opts: Options):
    """The question library for names of types, phases and fields; None when it does not load (ids are shown)."""
    from growtui.errors import LibraryError
    from growtui.library import load_library

    try:
        return load_library(opts.questions_dirs)
    except LibraryError:
        return None
