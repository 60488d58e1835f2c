"""What an encrypted folder says in the clear: the marker file, the header of each sealed file, and its parameters.

Parsed strictly: a header cannot make growtui spend gigabytes or minutes, and
anything damaged is a ValueError that the vault turns into a message.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from growtui.errors import GrowtuiError

FORMAT = "growtui"  # the value of ``encrypted`` in every sealed file
VERSION = 2
"""The newest encryption format; this growtui reads 1 and 2. Format 2 (sealed sessions) names the
session in the header (``session = "ID"``) and binds it into the authenticated data, so a file swapped
for another session's is caught. Format 1 files are still read; the marker is still written as 1."""
MARKER_VERSION = 1
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{4,64}")
CIPHER = "AES-256-GCM"
KDF = "scrypt"
MARKER_NAME = ".growtui-encrypted.toml"
KDF_LOG_N = 17  # for new folders; what a file says is what reading uses
KDF_R = 8
KDF_P = 1
# What reading accepts: a header cannot make growtui spend gigabytes or minutes.
_LOG_N_RANGE = range(10, 21)
_R_RANGE = range(1, 33)
_P_RANGE = range(1, 5)
_MAX_KDF_MEMORY = 512 * 1024 * 1024  # scrypt needs 128 * r * N bytes
SALT_BYTES = 16
NONCE_BYTES = 12
# The line that says so, as an editor, git (autocrlf) or a sync tool may have left it.
_SEALED_LINE = re.compile(rb'(?m)^[ \t]*encrypted[ \t]*=[ \t]*"growtui"[ \t]*\r?$')


class WrongPassphrase(GrowtuiError):
    """The passphrase does not open this folder; nothing was read or changed."""


class PassphraseNeeded(GrowtuiError):
    """The folder is encrypted and no passphrase could be asked for."""


class VaultError(GrowtuiError):
    """The marker file of an encrypted folder is damaged or from a newer growtui."""


# --- parameters ----------------------------------------------------------------------


@dataclass(frozen=True)
class KdfParams:
    log_n: int
    r: int
    p: int
    salt: bytes = field(repr=False)

    @classmethod
    def new(cls) -> KdfParams:
        import secrets

        return cls(KDF_LOG_N, KDF_R, KDF_P, secrets.token_bytes(SALT_BYTES))

    def header(self) -> str:
        return (
            f'kdf = "{KDF}"\nkdf_log_n = {self.log_n}\nkdf_r = {self.r}\nkdf_p = {self.p}\n'
            f'kdf_salt = "{b64(self.salt)}"\n'
        )

    def aad(self, version: int = 1, session_id: str | None = None) -> bytes:
        """The authenticated data: the header's fields, and from format 2 on the session's id."""
        fields = f"{FORMAT}/{version}/{CIPHER}/{KDF}/{self.log_n}/{self.r}/{self.p}/{b64(self.salt)}"
        return (fields if session_id is None else f"{fields}/{session_id}").encode()


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: Any, size: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not text")
    raw = base64.b64decode("".join(value.split()), validate=True)
    if size is not None and len(raw) != size:
        raise ValueError("wrong length")
    return raw


def _int_in(data: dict[str, Any], key: str, allowed: range) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise ValueError(f"'{key}' must be a whole number from {allowed.start} to {allowed.stop - 1}")
    return value


def _params(data: dict[str, Any]) -> KdfParams:
    if data.get("kdf") != KDF:
        raise ValueError(f"'kdf' must be \"{KDF}\"")
    try:
        salt = _unb64(data.get("kdf_salt"), SALT_BYTES)
    except (ValueError, binascii.Error):
        raise ValueError("'kdf_salt' is not a 16-byte base64 value") from None
    params = KdfParams(
        _int_in(data, "kdf_log_n", _LOG_N_RANGE),
        _int_in(data, "kdf_r", _R_RANGE),
        _int_in(data, "kdf_p", _P_RANGE),
        salt,
    )
    if 128 * params.r * 2**params.log_n > _MAX_KDF_MEMORY:
        raise ValueError("the scrypt parameters ask for more than 512 MiB of memory")
    return params


def is_sealed(data: dict[str, Any]) -> bool:
    """True for the parsed TOML of a sealed file (a session or a marker)."""
    return "encrypted" in data


def looks_sealed(path: Path) -> bool:
    """A cheap look at a file's first bytes: is it a sealed growtui file?"""
    try:  # never waiting on a pipe or a device that has no end
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 1024)
    except OSError:
        return False
    finally:
        os.close(fd)
    return sealed_head(head)


def sealed_head(raw: bytes) -> bool:
    """Do these bytes (a file's, or its first kilobyte) start a sealed growtui file?"""
    return _SEALED_LINE.search(raw[:1024]) is not None


def _check_version(path: Path, data: dict[str, Any], what: str) -> None:
    if data.get("encrypted") != FORMAT:
        raise ValueError(f"'encrypted' must be \"{FORMAT}\"")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("'version' must be a whole number")
    if version > VERSION:
        raise NewerFormat(
            f"{what} was encrypted by a newer growtui (format {version}; this version reads "
            f"format {VERSION}): update growtui to open it. The file is left as it is"
        )
    if version < 1:
        raise ValueError(f"'version' {version} is not an encryption format of growtui")
    if data.get("cipher", CIPHER) != CIPHER:
        raise ValueError(f"'cipher' must be \"{CIPHER}\"")


class NewerFormat(ValueError):
    pass


def sealed_session(data: dict[str, Any]) -> tuple[int, str | None]:
    """A sealed session's format and the session id its header names (format 2 on); ValueError if damaged."""
    version = data.get("version")
    if version == 1 or not isinstance(version, int):
        return 1, None
    session = data.get("session")
    if not isinstance(session, str) or not _SESSION_ID.fullmatch(session):
        raise ValueError("'session' is missing or not a session id")
    return version, session


def sealed_parts(
    path: Path, data: dict[str, Any], what: str, salt: str, nonce: str, sealed: str
) -> tuple[KdfParams, bytes, bytes, bytes]:
    """The parameters, salt, nonce and sealed bytes of a marker or a sealed file; ValueError if damaged."""
    _check_version(path, data, what)
    return (
        _params(data),
        _unb64(data.get(salt), SALT_BYTES),
        _unb64(data.get(nonce), NONCE_BYTES),
        _unb64(data.get(sealed)),
    )


# --- the marker: this folder is encrypted --------------------------------------------


@dataclass(frozen=True)
class Marker:
    """What ``.growtui-encrypted.toml`` says: the folder's KDF parameters and its passphrase check."""

    path: Path
    params: KdfParams
    check_salt: bytes = field(repr=False)
    check_nonce: bytes = field(repr=False)
    check: bytes = field(repr=False)


def marker_path(root: Path) -> Path:
    return root / MARKER_NAME


def read_marker(root: Path) -> Marker | None:
    """The folder's marker, None when the folder is not encrypted; VaultError when it is damaged."""
    path = marker_path(root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None  # a plain folder: every list and search asks, so tomli is imported only past here
    except OSError as exc:
        raise VaultError(
            f"{path}: cannot read this folder's encryption settings ({exc.strerror or type(exc).__name__})"
        ) from None
    import tomli

    try:
        params, check_salt, check_nonce, check = sealed_parts(
            path, tomli.loads(raw.decode("utf-8")), "this folder", "check_salt", "check_nonce", "check"
        )
    except NewerFormat as exc:
        raise VaultError(f"{path}: {exc}") from None
    except (ValueError, binascii.Error, UnicodeDecodeError, tomli.TOMLDecodeError) as exc:
        why = (
            str(exc)
            if isinstance(exc, ValueError) and not isinstance(exc, tomli.TOMLDecodeError)
            else "not the TOML growtui wrote"
        )
        raise VaultError(
            f"{path}: this folder's encryption settings are damaged ({why}). Restore the file "
            "from a copy (every encrypted session holds the same settings); nothing was changed"
        ) from None
    return Marker(path, params, check_salt, check_nonce, check)
