"""Encryption at rest: the vault (keys from a passphrase, sealing files) and the folder conversion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("KdfParams", "Marker", "PassphraseNeeded", "Vault", "VaultError", "WrongPassphrase",
                     "is_sealed", "looks_sealed", "marker_path", "passphrase_from_env", "read_marker",
                     "sealed_head"), "vault"),
    **dict.fromkeys(("Report", "decrypt_folder", "encrypt_folder", "plain_bytes"), "convert"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.crypto.convert import (
        Report as Report,
    )
    from growtui.crypto.convert import (
        decrypt_folder as decrypt_folder,
    )
    from growtui.crypto.convert import (
        encrypt_folder as encrypt_folder,
    )
    from growtui.crypto.convert import (
        plain_bytes as plain_bytes,
    )
    from growtui.crypto.vault import (
        KdfParams as KdfParams,
    )
    from growtui.crypto.vault import (
        Marker as Marker,
    )
    from growtui.crypto.vault import (
        PassphraseNeeded as PassphraseNeeded,
    )
    from growtui.crypto.vault import (
        Vault as Vault,
    )
    from growtui.crypto.vault import (
        VaultError as VaultError,
    )
    from growtui.crypto.vault import (
        WrongPassphrase as WrongPassphrase,
    )
    from growtui.crypto.vault import (
        is_sealed as is_sealed,
    )
    from growtui.crypto.vault import (
        looks_sealed as looks_sealed,
    )
    from growtui.crypto.vault import (
        marker_path as marker_path,
    )
    from growtui.crypto.vault import (
        passphrase_from_env as passphrase_from_env,
    )
    from growtui.crypto.vault import (
        read_marker as read_marker,
    )
    from growtui.crypto.vault import (
        sealed_head as sealed_head,
    )
