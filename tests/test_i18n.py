"""Every interface text the code names exists, in Dutch and English, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from conftest import ROOT
from growtui.i18n import PHASE_NAMES, PLURALS, STRINGS, t, tn
from growtui.model import Phase

SOURCE = "\n".join(p.read_text() for p in (ROOT / "src" / "growtui").rglob("*.py"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_literal_key_in_the_code_exists():
    named = set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+|[a-z_]+)"', SOURCE))
    named |= set(re.findall(r'"((?:key|tip)\.[a-z_.]+)"', SOURCE))
    missing = sorted(k for k in named if k not in STRINGS)
    assert not missing, missing


def test_every_plural_key_in_the_code_exists():
    named = set(re.findall(r'\btn\(\s*"([a-z_]+\.[a-z_.]+)"', SOURCE))
    assert named, "the pattern finds the calls"
    missing = sorted(k for k in named if k not in PLURALS)
    assert not missing, missing


def test_both_languages_are_filled_in_and_agree_on_placeholders():
    for key, (nl, en) in STRINGS.items():
        assert nl.strip() and en.strip(), key
        assert placeholders(nl) == placeholders(en), key


def test_plurals_have_both_forms_in_both_languages_with_the_same_placeholders():
    for key, forms in PLURALS.items():
        texts = [text for pair in forms for text in pair]
        assert all(text.strip() for text in texts), key
        # the singular may say "once" instead of "{n} time"
        assert len({frozenset(placeholders(text) - {"n"}) for text in texts}) == 1, key
        assert key not in STRINGS, key


@pytest.mark.parametrize(
    ("lang", "one", "more"), [("nl", "1 gesprek", "2 gesprekken"), ("en", "1 conversation", "0 conversations")]
)
def test_one_is_singular_and_other_numbers_are_plural(lang, one, more):
    assert tn("history.count", 1, lang) == one
    assert tn("history.count", int(more[0]), lang) == more


def test_a_missing_key_is_an_error_never_the_key_itself():
    with pytest.raises(KeyError):
        t("no.such.key", "nl")
    with pytest.raises(KeyError):
        tn("no.such.key", 2, "en")


def test_every_phase_has_a_name_in_both_languages():
    assert set(PHASE_NAMES) == set(Phase)
    assert all(nl and en for nl, en in PHASE_NAMES.values())
