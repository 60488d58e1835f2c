"""Error types that carry a message fit to show a person.

Every error a user can cause (a bad file, a bad argument, a locked session)
is one of these. They never carry the text of a note: messages name files,
lines, keys and ids, never what somebody typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from growtui.safetext import one_line

EXIT_INTERNAL = 70
"""The exit code of an unexpected internal error, in the command line and the app alike (``EX_SOFTWARE``)."""


class GrowtuiError(Exception):
    """Base class: `str(error)` is a complete sentence for a person."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem with one file, printed as ``FILE:LINE: message``.

    Printed on one line whatever the file name or a key in the file holds
    (newlines, escape sequences, bytes that are not UTF-8).
    """

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return one_line(f"{where}: {self.message}")


class FileProblemError(GrowtuiError):
    """A file could not be read or validated; holds one or more problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def path(self) -> Path:
        return self.problems[0].path


TomlKind = Literal["read", "encoding", "syntax", "limits"]


class TomlProblem(FileProblemError):
    """A TOML file could not be read or parsed; ``kind`` says which step refused it.

    ``read``: not there, not a regular file, not allowed; ``encoding``: not
    UTF-8 text; ``syntax``: not valid TOML; ``limits``: larger, deeper or
    with more values than any file growtui writes.
    """

    def __init__(self, problem: Problem, kind: TomlKind = "syntax"):
        super().__init__([problem])
        self.kind = kind

    @property
    def problem(self) -> Problem:
        return self.problems[0]


class LibraryError(FileProblemError):
    """The question library has problems (syntax, schema, duplicate ids)."""


class SessionFileError(FileProblemError):
    """A session file cannot be read or validated. It is never overwritten."""

    says_untouched: ClassVar[bool] = False
    """The message itself already says that the file is left as it is."""


class NewerFormatError(SessionFileError):
    """The file was written by a newer growtui, in a format this one does not know."""

    says_untouched = True


class SealedFileError(SessionFileError):
    """An encrypted session that does not open: damaged, changed, or from a newer growtui."""

    says_untouched = True


class OtherPassphraseError(SealedFileError):
    """An encrypted session that this passphrase does not open (and nothing says it was changed)."""


class ConfigError(FileProblemError):
    """The configuration file is invalid."""


class SessionLockedError(GrowtuiError):
    """Another growtui process has this session open for writing."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(
            f"{path}: this session is open in another growtui window. Close it there first, or open this one read-only."
        )


class StoreWriteError(GrowtuiError):
    """A session could not be written (disk full, read-only folder ...)."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: could not save: {reason}")
