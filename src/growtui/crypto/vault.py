"""Encryption at rest: session files sealed under a key derived from the user's passphrase.

No cryptography of our own: the ``cryptography`` library's scrypt, HKDF and
AES-256-GCM, put together the standard way.

* **The folder key.** ``scrypt(passphrase, salt, N=2^17, r=8, p=1)`` (the
  OWASP setting, 128 MiB and about half a second) gives a 32-byte key. The
  salt is random per folder and is kept, with the parameters, in the
  folder's marker file ``.growtui-encrypted.toml`` and in the header of
  every file, so each file can be opened with the passphrase alone. scrypt
  runs once per run, not once per file: listing a thousand sessions must
  not take ten minutes.
* **One key per file.** Every write draws a fresh random 16-byte salt;
  ``HKDF-SHA256(folder key, salt)`` makes that write's own AES key, and a
  random 12-byte nonce goes with it. No key ever encrypts twice.
* **Tampering.** AES-GCM authenticates the text and, as associated data,
  every header field: a changed byte anywhere makes the file unreadable,
  and it is reported as changed, never shown.
* **A wrong passphrase** is caught before anything is read or written: the
  marker holds a short check value sealed under the folder key.

A sealed session is still a small TOML file (readable header, base64 body),
one per session, so it syncs and diffs as a whole file. This module holds
no passphrase or key in anything it prints: ``repr`` hides them, errors
name files and fields only.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import secrets
import stat
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from growtui.errors import GrowtuiError, OtherPassphraseError, Problem, SealedFileError

FORMAT = "growtui"  # the value of ``encrypted`` in every sealed file
VERSION = 1
CIPHER = "AES-256-GCM"
KDF = "scrypt"
MARKER_NAME = ".growtui-encrypted.toml"
KDF_LOG_N = 17  # for new folders; what a file says is what reading uses
KDF_R = 8
KDF_P = 1
MIN_PASSPHRASE = 8
# What reading accepts: a header cannot make growtui spend gigabytes or minutes.
_LOG_N_RANGE = range(10, 21)
_R_RANGE = range(1, 33)
_P_RANGE = range(1, 5)
_MAX_KDF_MEMORY = 512 * 1024 * 1024  # scrypt needs 128 * r * N bytes
_SALT_BYTES = 16
_NONCE_BYTES = 12
_CHECK = b"growtui: this passphrase opens this folder"
_INFO = {"session": b"growtui session v1", "index": b"growtui index v1", "check": b"growtui check v1"}
_INDEX_MAGIC = b"GROWTUI-SEALED-INDEX-1\n"
_LINE = 76
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
        return cls(KDF_LOG_N, KDF_R, KDF_P, secrets.token_bytes(_SALT_BYTES))

    def header(self) -> str:
        return (f'kdf = "{KDF}"\nkdf_log_n = {self.log_n}\nkdf_r = {self.r}\nkdf_p = {self.p}\n'
                f'kdf_salt = "{_b64(self.salt)}"\n')

    def aad(self) -> bytes:
        return f"{FORMAT}/{VERSION}/{CIPHER}/{KDF}/{self.log_n}/{self.r}/{self.p}/{_b64(self.salt)}".encode()


def _b64(raw: bytes) -> str:
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
        salt = _unb64(data.get("kdf_salt"), _SALT_BYTES)
    except (ValueError, binascii.Error):
        raise ValueError("'kdf_salt' is not a 16-byte base64 value") from None
    params = KdfParams(_int_in(data, "kdf_log_n", _LOG_N_RANGE), _int_in(data, "kdf_r", _R_RANGE),
                       _int_in(data, "kdf_p", _P_RANGE), salt)
    if 128 * params.r * 2 ** params.log_n > _MAX_KDF_MEMORY:
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
        raise _Newer(f"{what} was encrypted by a newer growtui (format {version}; this version reads "
                     f"format {VERSION}): update growtui to open it. The file is left as it is")
    if version < 1:
        raise ValueError(f"'version' {version} is not an encryption format of growtui")
    if data.get("cipher", CIPHER) != CIPHER:
        raise ValueError(f"'cipher' must be \"{CIPHER}\"")


class _Newer(ValueError):
    pass


def _sealed_parts(path: Path, data: dict[str, Any], what: str, salt: str, nonce: str,
                  sealed: str) -> tuple[KdfParams, bytes, bytes, bytes]:
    """The parameters, salt, nonce and sealed bytes of a marker or a sealed file; ValueError if damaged."""
    _check_version(path, data, what)
    return (_params(data), _unb64(data.get(salt), _SALT_BYTES), _unb64(data.get(nonce), _NONCE_BYTES),
            _unb64(data.get(sealed)))


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
        return None
    except OSError as exc:
        raise VaultError(f"{path}: cannot read this folder's encryption settings "
                         f"({exc.strerror or type(exc).__name__})") from None
    try:
        params, check_salt, check_nonce, check = _sealed_parts(
            path, tomllib.loads(raw.decode("utf-8")), "this folder", "check_salt", "check_nonce", "check")
    except _Newer as exc:
        raise VaultError(f"{path}: {exc}") from None
    except (ValueError, binascii.Error, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        why = str(exc) if isinstance(exc, ValueError) and not isinstance(exc, tomllib.TOMLDecodeError) else \
            "not the TOML growtui wrote"
        raise VaultError(f"{path}: this folder's encryption settings are damaged ({why}). Restore the file "
                         "from a copy (every encrypted session holds the same settings); nothing was changed") from None
    return Marker(path, params, check_salt, check_nonce, check)


# --- the vault: keys for one run -----------------------------------------------------


def normalise(passphrase: str) -> bytes:
    """The same letters typed on another keyboard or system give the same key (NFC, UTF-8)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogateescape")


def derive(passphrase: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=params.salt, length=32, n=2 ** params.log_n, r=params.r, p=params.p).derive(passphrase)


def _subkey(key: bytes, salt: bytes, purpose: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO[purpose]).derive(key)


def _seal(key: bytes, plain: bytes, aad: bytes, purpose: str) -> tuple[bytes, bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(_SALT_BYTES), secrets.token_bytes(_NONCE_BYTES)
    return salt, nonce, AESGCM(_subkey(key, salt, purpose)).encrypt(nonce, plain, aad)


def _open(key: bytes, salt: bytes, nonce: bytes, sealed: bytes, aad: bytes, purpose: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(_subkey(key, salt, purpose)).decrypt(nonce, sealed, aad)
    except InvalidTag:
        return None


class Vault:
    """The passphrase of this run and the keys made from it; in memory only, never printed.

    ``folder`` holds the parameters new files are sealed with; the key of
    any other parameters (a file copied in from another folder) is derived
    when first needed and kept for the run.
    """

    def __init__(self, passphrase: str, folder: KdfParams, *, verified: bool = False):
        self._passphrase = normalise(passphrase)
        self.folder = folder
        self._keys: dict[KdfParams, bytes] = {}
        self._verified: set[KdfParams] = {folder} if verified else set()

    def __repr__(self) -> str:
        return "Vault(<passphrase and keys hidden>)"

    __str__ = __repr__

    # opening a folder ------------------------------------------------------------

    @classmethod
    def create(cls, passphrase: str) -> Vault:
        """A vault for a folder that is being encrypted now, with new random parameters."""
        return cls(passphrase, KdfParams.new(), verified=True)

    @classmethod
    def unlock(cls, passphrase: str, marker: Marker) -> Vault:
        """The vault of an encrypted folder; WrongPassphrase when the check does not open."""
        vault = cls(passphrase, marker.params)
        opened = _open(vault.key(marker.params), marker.check_salt, marker.check_nonce, marker.check,
                       marker.params.aad(), "check")
        if opened != _CHECK:
            raise WrongPassphrase(f"this passphrase does not open the encrypted sessions in {marker.path.parent}; "
                                  "nothing was read or changed")
        vault._verified.add(marker.params)
        return vault

    def key(self, params: KdfParams) -> bytes:
        if params not in self._keys:
            self._keys[params] = derive(self._passphrase, params)
        return self._keys[params]

    def marker_text(self) -> str:
        salt, nonce, check = _seal(self.key(self.folder), _CHECK, self.folder.aad(), "check")
        return (
            "# The sessions in this folder are encrypted by growtui (growtui decrypt turns them back\n"
            "# into plain files). Keep this file with them; it holds no key, only what is needed to\n"
            "# tell a right passphrase from a wrong one.\n"
            f'encrypted = "{FORMAT}"\nversion = {VERSION}\ncipher = "{CIPHER}"\n{self.folder.header()}'
            f'check_salt = "{_b64(salt)}"\ncheck_nonce = "{_b64(nonce)}"\ncheck = "{_b64(check)}"\n')

    # files -------------------------------------------------------------------------

    def seal(self, plain: bytes) -> bytes:
        """A session's TOML as the text of a sealed file."""
        params = self.folder
        salt, nonce, sealed = _seal(self.key(params), plain, params.aad(), "session")
        body = _b64(sealed)
        lines = "\n".join(body[i:i + _LINE] for i in range(0, len(body), _LINE))
        return (
            "# An encrypted growtui session: only growtui, with the passphrase, can read it.\n"
            f'encrypted = "{FORMAT}"\nversion = {VERSION}\ncipher = "{CIPHER}"\n{params.header()}'
            # data: a literal string, which tomllib reads in one step (a basic one costs a step per character)
            f'key_salt = "{_b64(salt)}"\nnonce = "{_b64(nonce)}"\ndata = ' "'''\n" f"{lines}\n" "'''\n"
        ).encode("ascii")

    def open(self, path: Path, data: dict[str, Any]) -> bytes:
        """The plain bytes of a sealed file's parsed TOML; SessionFileError saying what is wrong."""
        try:
            params, salt, nonce, sealed = _sealed_parts(path, data, "this session", "key_salt", "nonce", "data")
        except _Newer as exc:
            raise SealedFileError([Problem(path, str(exc))]) from None
        except (ValueError, binascii.Error) as exc:
            raise SealedFileError([Problem(path, f"a damaged encrypted session ({exc}); "
                                            "restore it from a copy. The file is left as it is")]) from None
        plain = _open(self.key(params), salt, nonce, sealed, params.aad(), "session")
        if plain is not None:
            return plain
        if params in self._verified:
            raise SealedFileError([Problem(path, "the file was changed after growtui encrypted it (tampered with, "
                                           "or damaged), so it is not shown; restore it from a copy. The file is "
                                           "left as it is")])
        raise OtherPassphraseError([Problem(path, "this passphrase does not open it: it was encrypted with another "
                                            "passphrase, or changed since. The file is left as it is")])

    # the index ----------------------------------------------------------------------

    def seal_blob(self, plain: bytes) -> bytes:
        params = self.folder
        salt, nonce, sealed = _seal(self.key(params), plain, _INDEX_MAGIC + params.aad(), "index")
        return _INDEX_MAGIC + salt + nonce + sealed

    def open_blob(self, raw: bytes) -> bytes | None:
        """A sealed index's bytes, or None when it is not one of this folder's (it is then rebuilt)."""
        if not raw.startswith(_INDEX_MAGIC):
            return None
        rest = raw[len(_INDEX_MAGIC):]
        salt, nonce, sealed = rest[:_SALT_BYTES], rest[_SALT_BYTES:_SALT_BYTES + _NONCE_BYTES], \
            rest[_SALT_BYTES + _NONCE_BYTES:]
        params = self.folder
        return _open(self.key(params), salt, nonce, sealed, _INDEX_MAGIC + params.aad(), "index")


def passphrase_from_env() -> str | None:
    value = os.environ.get("GROWTUI_PASSPHRASE")
    return value if value else None
