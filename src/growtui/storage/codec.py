"""Session files as bytes and back: the TOML growtui writes, and reading a file (sealed or plain) into a Session.

Reading validates everything and migrates older formats in memory; writing
validates again on the way out, so growtui never writes a file it could not
read back.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from growtui import crypto
from growtui.errors import NewerFormatError, Problem, SealedFileError, SessionFileError, StoreWriteError
from growtui.model import SESSION_REQUIRED, SESSION_SCHEMA_VERSION, Phase, Session
from growtui.storage import migrate, toml_read
from growtui.storage.toml_types import type_problems
from growtui.storage.toml_write import friendly_dumps

MAX_SESSION_FILE = 16 * 1024 * 1024
MAX_SEALED_FILE = MAX_SESSION_FILE * 3 // 2  # base64 and a header around the same text


# --- serialising -----------------------------------------------------------


def to_toml(session: Session) -> str:
    """The session as TOML text: metadata first, each section's notes last.

    The data is validated again on the way out (``model_copy`` and
    construction without validation can smuggle in bad values), so growtui
    never writes a file it could not read back.
    """
    data = session.model_dump(mode="python", exclude_none=True)
    Session.model_validate(data)
    for phase in Phase:  # a section of a phase this conversation does not have, and empty: not worth a table
        if phase not in session.phases and data.get(phase) == _empty_sections()[phase]:
            del data[phase]
    for key in ("sections", "record", "corrected_at"):  # only when there is something in them
        if not data.get(key):
            data.pop(key, None)
    if data.get("preparation") == {"notes": "", "questions": []}:
        del data["preparation"]
    for _key, value in data.items():
        if isinstance(value, dict) and "notes" in value:
            value["notes"] = value.pop("notes")
    return friendly_dumps(_plain(data))


@cache
def _empty_sections() -> dict[str, Any]:
    empty = Session(coachee="-").model_dump(mode="python", exclude_none=True)
    return {phase: empty[phase] for phase in Phase}


def _plain(value: Any) -> Any:
    """StrEnum keys and values as plain str, which tomli-w expects."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def from_toml(path: Path, text: str, data: dict[str, Any]) -> Session:
    """The session in a file's parsed TOML, migrated to the current format, or SessionFileError.

    ``data`` itself is not changed, so ``data["schema_version"]`` still says
    which format the file is in.
    """
    version = data.get("schema_version")
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # 2.0 is 2, as JSON Schema (and an editor using it) sees it

    def line_of(*key: str) -> int | None:  # finding lines costs a second parse: only for errors
        return toml_read.key_lines(text).get(key)

    if version is None:
        raise SessionFileError([Problem(path, "not a growtui session: 'schema_version' is missing", 1)])
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError([Problem(path, "'schema_version' must be a whole number", line_of("schema_version"))])
    if version > SESSION_SCHEMA_VERSION:
        raise NewerFormatError(
            [
                Problem(
                    path,
                    f"written by a newer growtui (format {version}; this version reads format "
                    f"{SESSION_SCHEMA_VERSION}): update growtui to open it. The file is left as it is",
                    line_of("schema_version"),
                )
            ]
        )
    if version < migrate.OLDEST:
        raise SessionFileError(
            [
                Problem(
                    path,
                    f"'schema_version' {version} is not a growtui session format (they are numbered "
                    f"{migrate.OLDEST} to {SESSION_SCHEMA_VERSION})",
                    line_of("schema_version"),
                )
            ]
        )
    missing = [key for key in SESSION_REQUIRED if key not in data]
    if missing:
        raise SessionFileError(
            [Problem(path, f"'{missing[0]}' is missing: every session file needs an id, a coachee and a start time", 1)]
        )
    data, _ = migrate.upgrade({**data, "schema_version": version})
    try:
        session = Session.model_validate(data)
    except ValidationError as exc:
        raise SessionFileError(toml_read.validation_problems(path, text, Session, exc)) from None
    wrong = type_problems(data)  # what the model let through by converting it: "45", 1 for true, a bare date
    if wrong:
        lines = toml_read.key_lines(text)
        raise SessionFileError(
            [
                Problem(path, f"field '{toml_read.shorten(_field(loc))}': {message}", toml_read.line_of(lines, loc))
                for loc, message in wrong
            ]
        )
    return session


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if not isinstance(part, int))


def encode(session: Session, path: Path) -> bytes:
    try:
        return to_toml(session).encode("utf-8")
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        raise StoreWriteError(path, f"the session holds invalid values ({fields}); not written") from None


def _check_name(path: Path, header: dict[str, Any]) -> None:
    """A sealed file names its session in its authenticated header: one under another session's name was swapped."""
    from growtui.storage.folder import session_id_in

    _, holds = crypto.sealed_session(header)
    named = session_id_in(path.name)
    if holds is not None and named is not None and holds != named:
        raise SealedFileError(
            [
                Problem(
                    path,
                    f"holds the encrypted session '{holds}', while its name is that of session '{named}': "
                    "swapped with another file, or renamed, so it is not shown. The file is left as it is; "
                    f"restore it from a copy, or rename it to end in _{holds}.toml",
                )
            ]
        )


def load_file(path: Path, vault: crypto.Vault | None, *, opened: bool = True) -> tuple[dict[str, Any], str, bool]:
    """A session file's parsed TOML and its text, opened first if it is sealed; and whether it was.

    SessionFileError when it cannot be read, is damaged or tampered with, or
    is sealed and there is no passphrase. With ``opened=False`` a sealed
    file's own TOML (its header) is returned, not opened.
    """
    try:
        data, text = toml_read.load(path, max_bytes=MAX_SEALED_FILE)
        if not crypto.is_sealed(data):
            if len(text) > MAX_SESSION_FILE // 4 and len(text.encode("utf-8")) > MAX_SESSION_FILE:
                raise toml_read.TomlProblem(
                    Problem(
                        path,
                        f"the file is larger than {MAX_SESSION_FILE // 2**20} MB; that is not a file growtui wrote",
                    ),
                    "limits",
                )
            return data, text, False
        if not opened:
            return data, text, True
        if vault is None:
            raise SessionFileError(
                [
                    Problem(
                        path,
                        "an encrypted session, and this folder is not set up for "
                        "encryption; give the passphrase (GROWTUI_PASSPHRASE) or run "
                        "growtui encrypt on its folder to open it",
                    )
                ]
            )
        text = toml_read.decode(path, vault.open(path, data))
        _check_name(path, data)
        return toml_read.parse(path, text), text, True
    except toml_read.TomlProblem as exc:
        problem = exc.problem
        if exc.kind != "limits" and crypto.looks_sealed(path):  # cut off, or edited by hand
            raise SealedFileError(
                [
                    Problem(
                        path,
                        f"a damaged encrypted session ({problem.message}); restore it "
                        "from a copy. The file is left as it is",
                        problem.line,
                    )
                ]
            ) from None
        raise SessionFileError([problem]) from None
