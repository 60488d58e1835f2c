"""``growtui questions check|list``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from growtui.cli import LANG, Options

DEPTHS = click.Choice(["facts", "exploring", "beliefs"])


@click.group()
def questions() -> None:
    """Check and list the question library."""


@questions.command()
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def check(opts: Options, targets: tuple[Path, ...]) -> None:
    """Check question files; without PATH, everything growtui loads.

    That is the shipped library, your own question folder and any
    --questions-dir. Given files or folders are checked against the rest
    (for clashing ids and overrides). Prints one FILE:LINE: message per
    problem and exits 1 when there is any; exits 0 when all is valid.
    """
    from growtui import library

    lib, problems, nfiles = library.check(targets, opts.questions_dirs)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        files = len({p.path for p in problems})
        click.echo(f"{len(problems)} problem{'s'[: len(problems) != 1]} in {files} file{'s'[: files != 1]}.", err=True)
        raise click.exceptions.Exit(1)
    per_phase = Counter(q.phase for q in lib.questions.values())
    summary = ", ".join(f"{phase} {n}" for phase, n in per_phase.items())
    click.echo(
        f"OK: {nfiles} file{'s'[: nfiles != 1]}, {len(lib.questions)} questions ({summary}), {len(lib.hints)} hints, "
        f"{len(lib.types)} conversation types, {len(lib.phases)} phases of their own, "
        f"{len(lib.checklist)} checklist groups."
    )


@questions.command("list")
@click.option("--phase", help="Only this phase (growtui's own, or one a conversation type adds).")
@click.option("--type", "type_id", metavar="ID", help="Only what this conversation type offers (see growtui types).")
@click.option("--depth", type=DEPTHS, help="Only questions of this depth.")
@click.option("--lang", type=LANG, help="Language of the text (default: interface language).")
@click.option("--tag", help="Only questions with this tag.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array, for scripts.")
@click.pass_obj
def list_questions(
    opts: Options,
    phase: str | None,
    type_id: str | None,
    depth: str | None,
    lang: str | None,
    tag: str | None,
    as_json: bool,
) -> None:
    """List the questions, optionally by phase, conversation type, depth and tag."""
    from growtui.library import load_library
    from growtui.safetext import clean, json_text

    language = opts.language(lang)
    lib = load_library(opts.questions_dirs)
    if phase is not None and phase not in lib.known_phases():
        raise click.BadParameter(
            f"unknown phase {phase!r}; known: {', '.join(lib.known_phases())}", param_hint="--phase"
        )
    if type_id is not None and type_id not in lib.types:
        raise click.BadParameter(
            f"no conversation type {type_id!r}; known: {', '.join(lib.types)}", param_hint="--type"
        )
    if type_id is not None:  # what the type offers, phase by phase, in its order
        kind = lib.types[type_id]
        offered = {q.id: q for p in kind.phase_ids() if phase in (None, p) for q in lib.for_phase(p, type_id)}
        selected = [q for q in offered.values() if tag is None or tag in q.tags]
    else:
        selected = lib.select(phase, tag)
    if depth is not None:
        selected = [q for q in selected if q.depth.value == depth]
    if as_json:
        click.echo(
            json_text(
                json.dumps(
                    [
                        {
                            "id": q.id,
                            "phase": q.phase,
                            "kind": q.kind.value,
                            "depth": q.depth.value,
                            "types": q.types,
                            "text": q.text.in_(language),
                            "purpose": q.purpose.in_(language),
                            "tags": q.tags,
                            "follow_ups": [
                                {"text": f.text.in_(language), **({"below": f.below} if f.below else {})}
                                for f in q.follow_ups
                            ],
                        }
                        for q in selected
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        )
        return
    width = max((len(q.id) for q in selected), default=0)
    for q in selected:
        scale = " (1-10)" if q.kind.value == "scale" else ""
        click.echo(f"{q.id:<{width}}  {' '.join(clean(q.text.in_(language)).split())}{scale}")
    if not selected:
        click.echo("No questions match.", err=True)
