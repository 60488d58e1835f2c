"""The command line: parse, load and validate, then act.

Every failure a person can cause ends in a clear message on stderr and exit
code 2 (1 where a command reports problems it found, like ``questions
check``). Nothing ever prints a traceback: unexpected errors leave a crash
report without note text and exit 70.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from growtui.errors import EXIT_INTERNAL, FileProblemError, GrowtuiError


@dataclass
class Options:
    """What the top-level options say; the config is read on first use."""

    sessions_dir: Path | None = None
    questions_dirs: list[Path] = field(default_factory=list)
    lang: str | None = None
    _config: object | None = None
    _passphrase: str | None = field(default=None, repr=False)
    _vaults: dict = field(default_factory=dict, repr=False)

    @property
    def config(self):
        if self._config is None:
            from growtui import config, paths

            self._config = config.load_config(paths.config_file())
        return self._config

    def language(self, override: str | None = None) -> str:
        return str(override or self.lang or self.config.language)

    def resolved_sessions_dir(self) -> Path:
        from growtui import paths

        if self._config is None and (
            self.sessions_dir or paths.sessions_dir_from_env() or not paths.config_file().exists()
        ):
            # The config can only matter when there is one; reading it costs the start-up of pydantic.
            return paths.sessions_dir(self.sessions_dir)
        return paths.sessions_dir(self.sessions_dir, self.config.sessions_dir)

    # encrypted folders -------------------------------------------------------------------

    def passphrase(self, *, new: bool = False) -> str:
        """The passphrase of this run: ``GROWTUI_PASSPHRASE``, or asked once on the terminal, hidden."""
        from growtui import crypto as vault

        if self._passphrase is None:
            self._passphrase = vault.passphrase_from_env()
        if self._passphrase is None:
            if not sys.stdin.isatty():
                why = "encrypting needs a new passphrase" if new else "the sessions folder is encrypted"
                raise vault.PassphraseNeeded(
                    f"{why}: give the passphrase in GROWTUI_PASSPHRASE, or run growtui in a terminal to be asked"
                )
            if new:
                click.echo(
                    "Choose a passphrase. Without it nobody, you included, can read these sessions: "
                    "keep it in your password manager.",
                    err=True,
                )

            def long_enough(value: str) -> str:
                if new and len(value) < vault.MIN_PASSPHRASE:
                    raise click.UsageError(
                        f"a passphrase needs at least {vault.MIN_PASSPHRASE} characters; several random words are best"
                    )
                return value

            self._passphrase = click.prompt(
                "Passphrase",
                hide_input=True,
                confirmation_prompt=new,
                err=True,
                show_default=False,
                value_proc=long_enough,
            )
        if new and len(self._passphrase) < vault.MIN_PASSPHRASE:
            self._passphrase = None
            raise vault.PassphraseNeeded(
                f"a passphrase needs at least {vault.MIN_PASSPHRASE} characters; nothing was changed"
            )
        return self._passphrase

    def has_passphrase(self) -> bool:
        return self._passphrase is not None

    def vault(self, root: Path, *, file: Path | None = None):
        """The keys of an encrypted folder (None for a plain one); WrongPassphrase before anything is read.

        ``file``: a session named on the command line, which may be sealed in a folder without a marker.
        """
        from growtui import crypto as vault

        marker = vault.read_marker(root)
        if marker is None and root != self.resolved_sessions_dir():
            marker = vault.read_marker(self.resolved_sessions_dir())  # a file given by its path
        if marker is not None:
            if marker not in self._vaults:  # scrypt once per run, however many commands ask
                self._vaults[marker] = vault.Vault.unlock(self.passphrase(), marker)
            return self._vaults[marker]
        if file is not None and vault.looks_sealed(file):
            return vault.Vault(self.passphrase(), vault.KdfParams.new())
        return None

    def store(self, root: Path | None = None, *, file: Path | None = None):
        from growtui.storage import Store

        root = root or self.resolved_sessions_dir()
        return Store(root, self.vault(root, file=file))


LANG = click.Choice(["nl", "en"])


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        import growtui

        click.echo(f"growtui {growtui.__version__}")
        ctx.exit()


# Each command by the module that defines it, imported only when it runs (or ``--help`` lists it):
# ``growtui list`` and ``search`` need none of the others, and importing all of them (and what they
# import: export's shutil and json, the TUI's entry points) cost a quarter of a warm list.
COMMANDS = {
    "new": ("tui", "new"),
    "history": ("tui", "history"),
    "resume": ("tui", "resume"),
    "list": ("history", "list_command"),
    "show": ("history", "show"),
    "search": ("history", "search"),
    "export": ("export", "export"),
    "prepare": ("prepare", "prepare"),
    "actions": ("people", "actions"),
    "coachees": ("people", "coachees"),
    "questions": ("questions", "questions"),
    "types": ("types", "types_command"),
    "schema": ("info", "schema"),
    "paths": ("info", "paths_command"),
    "encrypt": ("crypt", "encrypt"),
    "decrypt": ("crypt", "decrypt"),
    "delete": ("trash", "delete"),
    "trash": ("trash", "trash_command"),
    "restore": ("trash", "restore"),
    "forget": ("forget", "forget"),
}


class LazyGroup(click.Group):
    """A group whose commands (:data:`COMMANDS`) are imported on first use, as they were all added up front."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            module, name = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"growtui.cli.{module}"), name)
            if command.name != cmd_name:
                raise RuntimeError(f"growtui.cli.{module}.{name} is named {command.name!r}, not {cmd_name!r}")
            self.add_command(command)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--sessions-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of session files (default: your data folder; env GROWTUI_SESSIONS_DIR).",
)
@click.option(
    "--questions-dir",
    "questions_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra folder of question files (repeatable).",
)
@click.option("--lang", type=LANG, help="Interface language (default: config, then system).")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, sessions_dir, questions_dirs, lang) -> None:
    """growtui: a calm companion for GROW coaching conversations.

    Sessions are plain TOML files; nothing leaves this machine.
    """
    ctx.obj = Options(sessions_dir, list(questions_dirs), lang)
    if ctx.invoked_subcommand in ("new", "resume", "history", None):
        from growtui.cli.tui import hide_typeahead

        hide_typeahead(ctx)
    if ctx.invoked_subcommand is None:
        from growtui.cli.tui import run_app

        run_app(ctx.obj, {})


def _fail(message: str, code: int) -> None:
    from growtui.safetext import clean

    click.echo(clean(message), err=True)  # messages name files and echo arguments: both can hold anything
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    try:
        code = cli.main(args=argv, prog_name="growtui", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("growtui: aborted.", 130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except FileProblemError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        _fail(
            f"growtui: cannot continue until {'this is' if len(exc.problems) == 1 else 'these are'} fixed.",
            exc.exit_code,
        )
    except GrowtuiError as exc:
        _fail(f"growtui: {exc}", exc.exit_code)
    except KeyboardInterrupt:
        _fail("growtui: interrupted.", 130)
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head` and the like: not an error
        sys.exit(0)
    except Exception as exc:
        from growtui.crash import write_report

        report = write_report(exc)
        where = f" A report without your notes is in {report}." if report else ""
        _fail(f"growtui: unexpected internal error ({type(exc).__name__}).{where}", EXIT_INTERNAL)
    else:
        sys.exit(code if isinstance(code, int) else 0)
