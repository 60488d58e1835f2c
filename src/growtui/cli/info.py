"""``growtui schema`` and ``growtui paths``: facts about formats and places."""

from __future__ import annotations

import json

import click

from growtui.cli import Options


@click.command()
@click.argument("kind", type=click.Choice(["questions", "session"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of question files or session files.

    Save it and point your editor at it (for example with a
    '#:schema ./questions.schema.json' first line in Even Better TOML) to
    get checking and completion as you type.
    """
    from growtui.model import json_schema

    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


@click.command("paths")
@click.pass_obj
def paths_command(opts: Options) -> None:
    """Show where growtui keeps its files."""
    from growtui import paths
    from growtui.crypto import marker_path

    sessions = opts.resolved_sessions_dir()
    rows = [
        ("config file", paths.config_file()),
        ("own questions", paths.user_questions_dir()),
        ("sessions", f"{sessions} (encrypted)" if marker_path(sessions).is_file() else sessions),
        ("shipped questions", paths.shipped_questions_dir()),
        ("cache (locks, search index)", paths.cache_dir()),
        ("crash reports", paths.log_dir()),
        ("migration backups", paths.migration_backup_dir()),
        ("trash (30 days)", paths.trash_dir()),
    ]
    width = max(len(label) for label, _ in rows) + 2  # the colon and one space
    for label, path in rows:
        click.echo(f"{label + ':':<{width}}{path}")
