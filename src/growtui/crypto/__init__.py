"""Encryption at rest: the vault (keys from a passphrase, sealing files) and the folder conversion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("MIN_PASSPHRASE", "Vault", "passphrase_from_env"), "vault"),
    **dict.fromkeys(
        (
            "MARKER_NAME",
            "KdfParams",
            "Marker",
            "PassphraseNeeded",
            "VaultError",
            "WrongPassphrase",
            "is_sealed",
            "looks_sealed",
            "marker_path",
            "read_marker",
            "sealed_head",
            "sealed_session",
        ),
        "header",
    ),
    **dict.fromkeys(("Report", "decrypt_folder", "encrypt_folder", "plain_bytes", "seal_file"), "convert"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.crypto.convert import (
        Report as Report,
        decrypt_folder as decrypt_folder,
        encrypt_folder as encrypt_folder,
        plain_bytes as plain_bytes,
        seal_file as seal_file,
    )
    from growtui.crypto.header import (
        MARKER_NAME as MARKER_NAME,
        KdfParams as KdfParams,
        Marker as Marker,
        PassphraseNeeded as PassphraseNeeded,
        VaultError as VaultError,
        WrongPassphrase as WrongPassphrase,
        is_sealed as is_sealed,
        looks_sealed as looks_sealed,
        marker_path as marker_path,
        read_marker as read_marker,
        sealed_head as sealed_head,
        sealed_session as sealed_session,
    )
    from growtui.crypto.vault import (
        MIN_PASSPHRASE as MIN_PASSPHRASE,
        Vault as Vault,
        passphrase_from_env as passphrase_from_env,
    )
