"""Check that no text of growtui repeats a run of words from the Dutch source texts.

    .venv/bin/python tools/seed_overlap.py              # check; exit 1 on any shared run
    .venv/bin/python tools/seed_overlap.py --write      # refresh the stored fingerprints

growtui takes the coaching method from the texts in ``../shared/seeds/`` and
writes every question, hint and label in its own words. This script finds
every run of RUN (6) or more words that a growtui text shares with a seed:
the question library (every string in ``questions/*.toml`` and its comments),
the interface tables (``growtui.i18n``), the example sessions, the README
and the docs.

The seeds themselves are not part of the repository. What is kept, in
``tests/data/seed_fingerprints.txt``, is a hash of every run of RUN words in
them, so the check runs on a clean clone too; the text cannot be read back
from it. When the seeds folder is there, it is checked directly as well.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = ROOT / "tests" / "data" / "seed_fingerprints.txt"
RUN = 6
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words, punctuation and quotes dropped (``zo’n`` is two words, as it is in the seeds)."""
    return _WORD.findall(text.lower())


def fingerprint(run: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:12]


def runs(tokens: list[str], size: int = RUN) -> Iterator[tuple[int, tuple[str, ...]]]:
    for start in range(len(tokens) - size + 1):
        yield start, tuple(tokens[start : start + size])


def seed_fingerprints(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            found.update(fingerprint(run) for _, run in runs(words(line)))
    return found


def stored_fingerprints(path: Path = FINGERPRINTS) -> set[str]:
    return {line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


@dataclass(frozen=True)
class Text:
    where: str
    text: str


def _strings(value: object, where: str) -> Iterator[Text]:
    if isinstance(value, str):
        yield Text(where, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


def toml_texts(path: Path) -> Iterator[Text]:
    """Every string in a TOML file, and every comment line."""
    raw = path.read_text(encoding="utf-8")
    yield from _strings(tomllib.loads(raw), path.name)
    for number, line in enumerate(raw.splitlines(), 1):
        if line.lstrip().startswith("#"):
            yield Text(f"{path.name}:{number}", line.lstrip("# "))


def interface_texts() -> Iterator[Text]:
    sys.path.insert(0, str(ROOT / "src"))
    from growtui import i18n

    for table in i18n._TABLES:
        for key, value in vars(table).get("STRINGS", {}).items():
            yield from _strings(value, f"i18n.{table.__name__.rsplit('.', 1)[-1]}.{key}")


def markdown_texts(path: Path) -> Iterator[Text]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        yield Text(f"{path.relative_to(ROOT)}:{number}", line)


def growtui_texts() -> Iterator[Text]:
    for folder in ("questions", "sessions"):
        for path in sorted((ROOT / folder).glob("*.toml")):
            yield from toml_texts(path)
    yield from interface_texts()
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        yield from markdown_texts(path)


@dataclass(frozen=True)
class Shared:
    where: str
    run: str


def shared_runs(texts: Iterable[Text], seeds: set[str]) -> list[Shared]:
    """Each maximal run of RUN or more words of a text whose every RUN-word window is in a seed."""
    found: list[Shared] = []
    for text in texts:
        tokens = words(text.text)
        hits = [start for start, run in runs(tokens) if fingerprint(run) in seeds]
        while hits:
            first = last = hits.pop(0)
            while hits and hits[0] == last + 1:
                last = hits.pop(0)
            found.append(Shared(text.where, " ".join(tokens[first : last + RUN])))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the seed texts")
    parser.add_argument("--write", action="store_true", help="refresh the stored fingerprints from the seeds")
    args = parser.parse_args(argv)
    if args.write:
        prints = seed_fingerprints(args.seeds)
        header = f"# sha256[:12] of every run of {RUN} words in the seed texts (tools/seed_overlap.py --write)\n"
        FINGERPRINTS.write_text(header + "".join(f"{p}\n" for p in sorted(prints)))
        print(f"{len(prints)} fingerprints written to {FINGERPRINTS.relative_to(ROOT)}")
        return 0
    prints = stored_fingerprints()
    if args.seeds.is_dir():
        prints |= seed_fingerprints(args.seeds)
    found = shared_runs(growtui_texts(), prints)
    for shared in found:
        print(f"{shared.where}: {shared.run}")
    print(f"{len(found)} runs of {RUN}+ words shared with the seeds", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
