"""``growtui types``: the conversation types the library defines."""

from __future__ import annotations

import json

import click

from growtui.cli import LANG, Options


@click.command("types")
@click.option("--lang", type=LANG, help="Language of the names (default: interface language).")
@click.option("--json", "as_json", is_flag=True, help="A JSON array with both languages, for scripts.")
@click.pass_obj
def types_command(opts: Options, lang: str | None, as_json: bool) -> None:
    """List the conversation types: id, name, minutes and phases in order.

    Types live in the question library (types.toml, and your own question
    folder); growtui new --type ID starts one.
    """
    from growtui.i18n import PHASE_NAMES, phase_name
    from growtui.library import load_library
    from growtui.safetext import clean, json_text

    language = opts.language(lang)
    lib = load_library(opts.questions_dirs)
    if as_json:

        def names(phase: str) -> dict[str, str]:
            return {code: phase_name(phase, code, lib) for code in ("nl", "en")}

        rows = [
            {
                "id": kind.id,
                "name": kind.name.model_dump(),
                "purpose": kind.purpose.model_dump(),
                "minutes": kind.minutes,
                "max_actions": kind.max_actions,
                "style": kind.style.value,
                "phases": [
                    {
                        "id": step.phase,
                        "name": names(step.phase),
                        "share": step.share,
                        "own": step.phase not in PHASE_NAMES,
                    }
                    for step in kind.phases
                ],
            }
            for kind in lib.types.values()
        ]
        click.echo(json_text(json.dumps(rows, ensure_ascii=False, indent=2)))
        return
    width = max((len(k.id) for k in lib.types.values()), default=0)
    for kind in lib.types.values():
        phases = " → ".join(phase_name(p, language, lib) for p in kind.phase_ids())
        click.echo(f"{kind.id:<{width}}  {clean(kind.name.in_(language))} · {kind.minutes} min")
        click.echo(f"{'':<{width}}  {clean(kind.purpose.in_(language))}")
        click.echo(f"{'':<{width}}  {phases}")
