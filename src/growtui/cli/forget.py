"""``growtui forget --coachee NAME``: erase a person, the right to erasure under the GDPR (in Dutch: AVG).

It lists everything of theirs growtui keeps and asks; then it removes it all,
and nothing goes to the trash. Other people's sessions that mention the name
are listed with file and line and left as they are (see
``growtui.erasure.forgetting``).
"""

from __future__ import annotations

import click

from growtui.cli import Options
from growtui.cli.history import SessionNotFound, _listed, _name
from growtui.cli.trash import confirm

_PLURAL = {
    "session": "sessions",
    "sync conflict copy": "sync conflict copies",
    "half-written save": "half-written saves",
    "recovery file": "recovery files",
    "migration copy": "migration copies",
    "crash report": "crash reports",
    "index of another sessions folder": "indexes of other sessions folders",
    "trash entry": "trash entries",
    "file or folder": "files and folders",
}


def _count(n: int, kind: str) -> str:
    return f"{n} {kind if n == 1 else _PLURAL.get(kind, kind + 's')}"


def _show(plan) -> None:
    from growtui.erasure import KINDS

    say = click.echo
    if not plan.empty:
        say(f"Forgetting {_listed(plan.shown)} removes, for good (nothing goes to the trash):", err=True)
    for kind in KINDS:
        found = plan.of_kind(kind)
        if found:
            say(f"  {_count(len(found), kind)}:", err=True)
            for item in found:
                label = f"{_listed(item.label)}  " if item.label else ""
                say(f"    {label}{_name(item.path)}", err=True)
    if plan.trash:
        say(f"  {_count(len(plan.trash), 'trash entry')}:", err=True)
        for entry in plan.trash:
            say(f"    {_name(entry.folder)}", err=True)
    if plan.of_kind("session"):
        say("  and their rows in the search index, which is then rewritten so no deleted text stays in it.", err=True)
    for root, n in plan.elsewhere:
        say(
            f"{_name(root)}: another sessions folder, with {_count(n, 'session')} of theirs. Its index goes; "
            f"to forget them there too, run growtui --sessions-dir with that folder.",
            err=True,
        )
    if plan.unchecked:
        say("These files cannot be opened, so growtui cannot tell whose they are; they are left as they are:", err=True)
        for problem in plan.unchecked:
            say(f"  {problem}", err=True)
    if plan.mentions:
        say(
            f"Other people's records that mention {_listed(plan.shown)}: growtui does not change them; "
            "read them and decide (a line in an encrypted file is a line of growtui show):",
            err=True,
        )
        for mention in plan.mentions:
            sealed = " (encrypted)" if mention.sealed else ""
            say(f"  {_name(mention.path)}:{mention.line}{sealed}", err=True)


@click.command()
@click.option(
    "--coachee", required=True, help="The person to forget, as growtui list shows them (case and spaces do not matter)."
)
@click.option("--yes", "-y", is_flag=True, help="Do not ask first (for scripts).")
@click.pass_obj
def forget(opts: Options, coachee: str, yes: bool) -> None:
    """Erase a person: every session with them, and every copy growtui keeps of them.

    For the right to erasure (GDPR, in Dutch AVG): their session files, their
    rows in the search index, recovery files, migration copies, trash
    entries and crash reports that name them. It lists all of it and asks
    first; it cannot be undone. Other people's sessions that mention the
    name are listed with file and line, never changed.
    """
    from growtui.cli.history import open_index
    from growtui.erasure import erase, find
    from growtui.storage import Store, trash

    if not coachee.strip():
        raise click.BadParameter("the name is empty", param_hint="--coachee")
    trash.purge()
    index = open_index(opts)
    store = Store(index.root, index.vault)
    plan = find(store, index, coachee)
    _show(plan)
    if plan.empty:
        raise SessionNotFound(
            f"nothing of '{coachee}' to remove: no session, recovery file, trash entry or crash report "
            "(growtui list shows who you have met). Nothing was removed"
        )
    confirm(f"Forget {_listed(plan.shown)}?", yes, "Nothing was removed")
    result = erase(plan, store, index)
    index.close()
    for problem in result.problems:
        click.echo(str(problem), err=True)
    click.echo(
        f"Forgot {_listed(plan.shown)}: {_count(len(result.removed), 'file or folder')} removed, and the index "
        "rewritten. Copies outside growtui's folders (a backup, a synced copy elsewhere) are yours to clear.",
        err=True,
    )
    if result.problems or result.left_in_index:
        click.echo("Not everything could be removed: see above, remove what is named by hand.", err=True)
        raise click.exceptions.Exit(1)
