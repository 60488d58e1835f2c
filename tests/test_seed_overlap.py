"""Every text of growtui is in its own words: no run of six words shared with the source texts.

The check itself is tools/seed_overlap.py; it runs against the stored
fingerprints of the seeds (so on a clean clone too) and against the seeds
folder when it is there.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("seed_overlap", ROOT / "tools" / "seed_overlap.py")
assert spec is not None and spec.loader is not None
seed_overlap = importlib.util.module_from_spec(spec)
sys.modules["seed_overlap"] = seed_overlap
spec.loader.exec_module(seed_overlap)


def test_no_text_shares_six_words_in_a_row_with_the_seeds() -> None:
    prints = seed_overlap.stored_fingerprints()
    if seed_overlap.SEEDS.is_dir():
        prints |= seed_overlap.seed_fingerprints(seed_overlap.SEEDS)
    found = seed_overlap.shared_runs(seed_overlap.growtui_texts(), prints)
    assert not found, "\n".join(f"{s.where}: {s.run}" for s in found)


def test_the_stored_fingerprints_match_the_seeds() -> None:
    if not seed_overlap.SEEDS.is_dir():
        pytest.skip("the seeds folder is not beside this checkout")
    assert seed_overlap.stored_fingerprints() == seed_overlap.seed_fingerprints(seed_overlap.SEEDS)


def test_the_check_finds_a_copied_run_and_nothing_shorter() -> None:
    """The check can fail: a seven-word run is found, with the words it shares; five shared words are not."""
    prints = {seed_overlap.fingerprint(seed_overlap.words(run)) for run in ["a b c d e f", "b c d e f g"]}
    texts = [
        seed_overlap.Text("copied", "Zeg: A, b c d e f g! en verder"),
        seed_overlap.Text("own", "a b c d e x"),
    ]
    found = seed_overlap.shared_runs(texts, prints)
    assert found == [seed_overlap.Shared("copied", "a b c d e f g")]
