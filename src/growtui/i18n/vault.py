"""The passphrase screen of an encrypted folder."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "passphrase.title": ("Versleutelde gesprekken", "Encrypted sessions"),
    "passphrase.body": (
        "De gesprekken in {folder} zijn versleuteld. Typ je wachtwoordzin om ze te openen.",
        "The sessions in {folder} are encrypted. Type your passphrase to open them.",
    ),
    "passphrase.placeholder": ("Wachtwoordzin, dan Enter", "Passphrase, then Enter"),
    "passphrase.opening": ("Bezig met openen…", "Opening…"),
    "passphrase.wrong": (
        "Deze wachtwoordzin opent de map niet. Pogingen over: {left}.",
        "This passphrase does not open the folder. Tries left: {left}.",
    ),
    "passphrase.give_up": (
        (
            "growtui: de wachtwoordzin opent de versleutelde gesprekken in {folder} niet; er is niets gelezen "
            "of veranderd."
        ),
        "growtui: the passphrase does not open the encrypted sessions in {folder}; nothing was read or changed.",
    ),
    "passphrase.left": (
        "growtui: gestopt zonder wachtwoordzin; er is niets geopend.",
        "growtui: stopped without a passphrase; nothing was opened.",
    ),
}
