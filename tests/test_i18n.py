"""Every interface text the code names exists, in Dutch and English, with the same placeholders."""

from __future__ import annotations

import re
import string

from conftest import ROOT
from growtui.i18n import PHASE_NAMES, STRINGS
from growtui.model import Phase

SOURCE = "\n".join(p.read_text() for p in (ROOT / "src" / "growtui").rglob("*.py"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_literal_key_in_the_code_exists():
    named = set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+|[a-z_]+)"', SOURCE))
    named |= set(re.findall(r'"((?:key|tip)\.[a-z_.]+)"', SOURCE))
    missing = sorted(k for k in named if k not in STRINGS)
    assert not missing, missing


def test_both_languages_are_filled_in_and_agree_on_placeholders():
    for key, (nl, en) in STRINGS.items():
        assert nl.strip() and en.strip(), key
        assert placeholders(nl) == placeholders(en), key


def test_every_phase_has_a_name_in_both_languages():
    assert set(PHASE_NAMES) == set(Phase)
    assert all(nl and en for nl, en in PHASE_NAMES.values())
