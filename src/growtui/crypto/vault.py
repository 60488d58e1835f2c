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

import binascii
import os
import secrets
import unicodedata
from pathlib import Path
from typing import Any

from growtui.crypto.header import (
    CIPHER,
    FORMAT,
    MARKER_VERSION,
    NONCE_BYTES,
    SALT_BYTES,
    VERSION,
    KdfParams,
    Marker,
    NewerFormat,
    WrongPassphrase,
    b64,
    sealed_parts,
    sealed_session,
)
from growtui.errors import OtherPassphraseError, Problem, SealedFileError

_CHECK = b"growtui: this passphrase opens this folder"
_INFO = {
    "session": b"growtui session v1",
    "index": b"growtui index v1",
    "check": b"growtui check v1",
    "name": b"growtui name tag v1",
}
NAME_TAG_PREFIX = "tag:"
_INDEX_MAGIC = b"GROWTUI-SEALED-INDEX-1\n"
_LINE = 76
MIN_PASSPHRASE = 8


# --- the vault: keys for one run -----------------------------------------------------


def normalise(passphrase: str) -> bytes:
    """The same letters typed on another keyboard or system give the same key (NFC, UTF-8)."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogateescape")


def derive(passphrase: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=params.salt, length=32, n=2**params.log_n, r=params.r, p=params.p).derive(passphrase)


def _subkey(key: bytes, salt: bytes, purpose: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO[purpose]).derive(key)


def _seal(key: bytes, plain: bytes, aad: bytes, purpose: str) -> tuple[bytes, bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
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
        opened = _open(
            vault.key(marker.params), marker.check_salt, marker.check_nonce, marker.check, marker.params.aad(), "check"
        )
        if opened != _CHECK:
            raise WrongPassphrase(
                f"this passphrase does not open the encrypted sessions in {marker.path.parent}; "
                "nothing was read or changed"
            )
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
            f'encrypted = "{FORMAT}"\nversion = {MARKER_VERSION}\ncipher = "{CIPHER}"\n{self.folder.header()}'
            f'check_salt = "{b64(salt)}"\ncheck_nonce = "{b64(nonce)}"\ncheck = "{b64(check)}"\n'
        )

    # files -------------------------------------------------------------------------

    def seal(self, plain: bytes, session_id: str | None = None) -> bytes:
        """A session's TOML as the text of a sealed file, bound to its id (format 2); format 1 without one."""
        params = self.folder
        version = 1 if session_id is None else VERSION
        salt, nonce, sealed = _seal(self.key(params), plain, params.aad(version, session_id), "session")
        body = b64(sealed)
        lines = "\n".join(body[i : i + _LINE] for i in range(0, len(body), _LINE))
        named = "" if session_id is None else f'session = "{session_id}"\n'
        return (
            "# An encrypted growtui session: only growtui, with the passphrase, can read it.\n"
            f'encrypted = "{FORMAT}"\nversion = {version}\ncipher = "{CIPHER}"\n{named}{params.header()}'
            # data: a literal string, which tomli reads in one step (a basic one costs a step per character)
            f'key_salt = "{b64(salt)}"\nnonce = "{b64(nonce)}"\ndata = '
            "'''\n"
            f"{lines}\n"
            "'''\n"
        ).encode("ascii")

    def open(self, path: Path, data: dict[str, Any]) -> bytes:
        """The plain bytes of a sealed file's parsed TOML; SessionFileError saying what is wrong."""
        try:
            params, salt, nonce, sealed = sealed_parts(path, data, "this session", "key_salt", "nonce", "data")
            version, session_id = sealed_session(data)
        except NewerFormat as exc:
            raise SealedFileError([Problem(path, str(exc))]) from None
        except (ValueError, binascii.Error) as exc:
            raise SealedFileError(
                [
                    Problem(
                        path, f"a damaged encrypted session ({exc}); restore it from a copy. The file is left as it is"
                    )
                ]
            ) from None
        plain = _open(self.key(params), salt, nonce, sealed, params.aad(version, session_id), "session")
        if plain is not None:
            return plain
        if params in self._verified:
            raise SealedFileError(
                [
                    Problem(
                        path,
                        "the file was changed after growtui encrypted it (tampered with, "
                        "or damaged), so it is not shown; restore it from a copy. The file is "
                        "left as it is",
                    )
                ]
            )
        raise OtherPassphraseError(
            [
                Problem(
                    path,
                    "this passphrase does not open it: it was encrypted with another "
                    "passphrase, or changed since. The file is left as it is",
                )
            ]
        )

    # the index ----------------------------------------------------------------------

    def seal_blob(self, plain: bytes) -> bytes:
        params = self.folder
        salt, nonce, sealed = _seal(self.key(params), plain, _INDEX_MAGIC + params.aad(), "index")
        return _INDEX_MAGIC + salt + nonce + sealed

    def open_blob(self, raw: bytes) -> bytes | None:
        """A sealed index's bytes, or None when it is not one of this folder's (it is then rebuilt)."""
        if not raw.startswith(_INDEX_MAGIC):
            return None
        rest = raw[len(_INDEX_MAGIC) :]
        salt, nonce, sealed = (
            rest[:SALT_BYTES],
            rest[SALT_BYTES : SALT_BYTES + NONCE_BYTES],
            rest[SALT_BYTES + NONCE_BYTES :],
        )
        params = self.folder
        return _open(self.key(params), salt, nonce, sealed, _INDEX_MAGIC + params.aad(), "index")

    # names outside the folder ----------------------------------------------------------

    def name_tag(self, text: str) -> str:
        """A stand-in for a name in a file outside the folder (the rhythms): the same for the same name.

        An HMAC under a key of this folder, so without the passphrase nobody
        can tell whose it is, not even by trying names.
        """
        import hmac

        key = _subkey(self.key(self.folder), b"", "name")
        return NAME_TAG_PREFIX + hmac.new(key, text.encode("utf-8", "surrogateescape"), "sha256").hexdigest()[:32]


def passphrase_from_env() -> str | None:
    value = os.environ.get("GROWTUI_PASSPHRASE")
    return value if value else None
