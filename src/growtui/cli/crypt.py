"""``growtui encrypt`` and ``growtui decrypt``: turn a sessions folder sealed, or plain again."""

from __future__ import annotations

import sys

import click

from growtui.cli import Options


def _progress(verb: str):
    def show(done: int, total: int) -> None:
        if total >= 50 and sys.stderr.isatty():
            click.echo(f"\r{verb} {done}/{total}", err=True, nl=done >= total)

    return show


def _finish(report, root, done: str) -> None:
    for problem in report.problems:
        click.echo(str(problem), err=True)
    copies = (
        f", and {report.copies} recovery or migration {'copy' if report.copies == 1 else 'copies'}"
        if report.copies
        else ""
    )
    sessions = "session" if report.converted == 1 else "sessions"
    click.echo(
        f"{done} {report.converted} {sessions} in {root}{copies}"
        f"{f' ({report.already} already were)' if report.already else ''}.",
        err=True,
    )
    if not report.complete:
        n = len(report.problems)
        click.echo(
            f"{n} {'file was' if n == 1 else 'files were'} left as {'it was' if n == 1 else 'they were'}; "
            "fix what is said above and run the command again.",
            err=True,
        )
        raise click.exceptions.Exit(1)


@click.command()
@click.pass_obj
def encrypt(opts: Options) -> None:
    """Encrypt every session in the sessions folder under a passphrase.

    Each file is sealed, checked and only then is the plain one removed;
    new sessions in the folder are written encrypted. Run it again to
    finish a run that was stopped. growtui decrypt undoes it.
    """
    from growtui import crypto as vault
    from growtui.crypto import encrypt_folder
    from growtui.safetext import one_line

    root = opts.resolved_sessions_dir()
    marker = vault.read_marker(root)
    if marker is None:
        chosen = vault.Vault.create(opts.passphrase(new=True))
    else:
        chosen = vault.Vault.unlock(opts.passphrase(), marker)  # a stopped run: finish it
    report = encrypt_folder(root, chosen, _progress("Encrypting"))
    _finish(report, one_line(str(root)), "Encrypted")
    click.echo(
        "New sessions here are written encrypted. Keep your passphrase safe: without it the sessions "
        "cannot be read by anyone, you included.",
        err=True,
    )


@click.command()
@click.pass_obj
def decrypt(opts: Options) -> None:
    """Turn the encrypted sessions folder back into plain TOML files."""
    from growtui import crypto as vault
    from growtui.crypto import decrypt_folder
    from growtui.safetext import one_line
    from growtui.storage import session_files

    root = opts.resolved_sessions_dir()
    marker = vault.read_marker(root)
    if marker is not None:
        opened = vault.Vault.unlock(opts.passphrase(), marker)
    elif any(vault.looks_sealed(path) for path in session_files(root)):
        # The marker is gone (deleted, not synced): each file's header still says how to open it.
        opened = vault.Vault(opts.passphrase(), vault.KdfParams.new())
    else:
        raise vault.VaultError(
            f"{one_line(str(root))} is not an encrypted sessions folder (it has no "
            f"{vault.MARKER_NAME} and no encrypted sessions); nothing was changed"
        )
    report = decrypt_folder(root, opened, _progress("Decrypting"))
    _finish(report, one_line(str(root)), "Decrypted")
