"""``growtui prepare COACHEE``: the minute before a call, on the terminal."""

from __future__ import annotations

import json
from datetime import date

import click

from growtui.cli import LANG, Options


@click.command()
@click.argument("coachee")
@click.option("--lang", type=LANG, help="Language of the labels (default: the interface language).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def prepare(opts: Options, coachee: str, lang: str | None, as_json: bool) -> None:
    """What to know before talking with COACHEE: last time's goal and topic, open actions (overdue marked),
    last scores and motivation, loose ends, days since. COACHEE may be a unique part of the name."""
    from growtui.cli.filters import library_of, resolved_coachees
    from growtui.cli.history import open_index
    from growtui.conversation import prepare as preparation_of
    from growtui.render import preparation_text
    from growtui.safetext import clean, json_text
    from growtui.storage import Store

    if not coachee.strip():
        raise click.BadParameter("the coachee's name is empty", param_hint="COACHEE")
    index = open_index(opts)
    [name] = resolved_coachees(index, [coachee])
    found = preparation_of(Store(index.root, index.vault), name, date.today(), index)
    if as_json:
        click.echo(json_text(json.dumps(found.as_json(), ensure_ascii=False, indent=2)))
    else:
        click.echo(clean(preparation_text(found, opts.language(lang), library_of(opts))), nl=False)
