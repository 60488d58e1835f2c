"""Benchmarks of growtui, each against a baseline timed in the same run.

The machine is noisy, so a figure is the median of several runs, and each
command runs alternately with its baselines: the ratio is the number to
compare between machines and commits, the milliseconds are for context.

    ./bench/run [--sizes 1000,10000] [--runs 5] [--seed 7] [--only list,search]

What is measured (``--only`` takes the names before the colons):
- startup: ``growtui new`` until the session screen is drawn in a real
  pseudo-terminal, against a bare Textual app (app_sections.py): the
  everyday start (a home growtui ran in before: the validated question
  library is in its cache) and the very first (an empty home).
- folder: ``growtui new`` in the generated folder (warm index) until drawn,
  and its peak RSS then, against the same in an empty folder
  (screen_sections.py, as are screen_memory and lang).
- screen_memory: peak RSS of the session screen once the work after its
  first frame has settled, against an empty folder and the 70 MiB target.
- lang: F8 on the session screen until it is drawn in the other language,
  in a pseudo-terminal, against a bare Textual app doing the same
  (lang_bare.py), and against the 300 ms target.
- typing: a burst of 2,000 keys into 5,000 lines of notes, autosave
  running, against the same burst into a bare TextArea (typing_screen.py).
- autosave: the cost of one save of a large session (median and p99)
  against a plain atomic write of the same bytes; how long a save holds up
  the UI thread; and on which thread the saves ran.
- build: the cold index build (``growtui list``, empty cache) against
  ``tomllib`` parsing every file in one process, and from 100,000 sessions
  on against the build of 10,000 in the same run, with its peak RSS
  (index_sections.py).
- list, search: the command line, wall clock of a subprocess with Python
  start-up included, against ``python -c pass`` and grep.
- history: the history screen headless (history_screen.py).
- memory: peak RSS of the history screen, ``growtui list`` and ``growtui
  search``, each process reporting its own (peak.py), against a bare
  Textual app and Python doing nothing.
- footprint: bytes on disk of the sessions and the plain index (not the
  sealed index the encrypted section leaves in the same cache).
- encrypted: ``growtui encrypt`` of the folder against copying it, and
  ``list`` and ``search`` on the encrypted copy against the plain folder.

startup, lang, typing and autosave do not depend on the folder: they run once,
for the first size, and their rows show "-" for the number of sessions.

Generated session folders are cached in /tmp/growtui-bench-<n>-<seed>.
The table is printed as markdown and written to bench/results/latest.json.

A section is a function ``(Bench) -> list[Row]``; add it to SECTIONS
(harness.py has Bench and Row). In-process sections time with
``bench.median_ms(fn)`` inside ``with bench.isolated():``, so they never
touch the real home folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import generate
from app_sections import autosave_section, memory_section, startup_section, typing_section
from harness import BENCH, GROWTUI, PYTHON, ROOT, Bench, Command, Failed, Row, run_once
from index_sections import build_section
from screen_sections import folder_section, lang_section, screen_memory_section

RESULTS = BENCH / "results" / "latest.json"
LIST_TARGET_MS = 200.0  # issue 18: a warm list of 10,000 sessions, Python's start-up included


# --- sections ----------------------------------------------------------------


def list_section(b: Bench) -> list[Row]:
    """``growtui list``: cold (fresh cache each run) and warm, against start-up and a plain grep."""
    baselines = [Command("python -c pass", (str(PYTHON), "-c", "pass")), b.grep("-rl", "x")]
    listed = b.compare("list (warm)", b.growtui("list"), baselines)
    return [
        *b.compare("list (cold)", b.growtui("list"), baselines, cold=True),
        *listed,
        Row("list (warm)", b.size, listed[0].value, "target 200 ms", LIST_TARGET_MS, error=listed[0].error),
        *b.compare("list --json (warm)", b.growtui("list", "--json"), [*baselines, b.growtui("list")]),
        *b.compare("list --coachee (warm)", b.growtui("list", "--coachee", b.coachee), baselines),
    ]


def search_section(b: Bench) -> list[Row]:
    """``growtui search`` for a rare and a common word, against ``grep -rli`` for the same word."""
    rows = []
    for kind, word in (("rare", generate.RARE_WORD), ("common", generate.COMMON_WORD)):
        rows += b.compare(f"search {kind} word (warm)", b.growtui("search", word), [b.grep("-rli", word)])
    return rows


def footprint_section(b: Bench) -> list[Row]:
    """Bytes on disk: the sessions folder, and the warm cache (the search index) against it."""
    folder = tree_bytes(b.folder)
    rows = [Row("sessions folder", b.size, folder, unit="bytes")]
    try:
        run_once(b.growtui("search", generate.RARE_WORD), b.warm)  # the index exists, whatever ran before
    except Failed as exc:
        return [*rows, Row("index on disk", b.size, None, "sessions folder", folder, "bytes", exc.summary)]
    # The plain index and SQLite's side files only: the encrypted section leaves its sealed index
    # (another folder's, HASH.sealed) in the same cache, and counting it doubled the figure.
    index = Path(b.warm["XDG_CACHE_HOME"]) / "growtui" / "index"
    plain = sum(p.stat().st_size for p in index.glob("*.sqlite3*") if p.is_file())
    return [*rows, Row("index on disk", b.size, plain, "sessions folder", folder, "bytes")]


def encrypted_section(b: Bench) -> list[Row]:
    """The same folder encrypted (growtui encrypt): list and search warm, against the plain folder.

    The difference is mostly scrypt, once per run, on purpose (docs/encryption.md).
    """
    folder = b.scratch / f"encrypted-{b.size}"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(b.folder, folder)
    b.warm["GROWTUI_PASSPHRASE"] = "bench passphrase, not a secret"
    try:
        encrypted = Bench(b.size, folder, b.runs, b.scratch)
        start = time.perf_counter_ns()
        run_once(encrypted.growtui("encrypt"), b.warm)
        took = (time.perf_counter_ns() - start) / 1e6
        copy = b.scratch / f"copy-{b.size}"
        start = time.perf_counter_ns()
        shutil.copytree(b.folder, copy)
        copied = (time.perf_counter_ns() - start) / 1e6
        shutil.rmtree(copy)
        rows = [Row("encrypt the folder (once)", b.size, took, "copy the folder", copied)]
        rows += b.compare("list, encrypted (warm)", encrypted.growtui("list"), [b.growtui("list")])
        rows += b.compare(
            "search rare word, encrypted (warm)",
            encrypted.growtui("search", generate.RARE_WORD),
            [b.growtui("search", generate.RARE_WORD)],
        )
        return rows
    except Failed as exc:
        return [Row("encrypted folder", b.size, None, error=exc.summary)]
    finally:
        b.warm.pop("GROWTUI_PASSPHRASE", None)
        shutil.rmtree(folder, ignore_errors=True)


def history_section(b: Bench) -> list[Row]:
    """The history screen, headless (warm index): open, a key, a filter, a search, against a bare Textual app."""
    run_once(b.growtui("list"), b.warm)  # the index is built and warm
    argv = (str(PYTHON), str(BENCH / "history_screen.py"), str(b.folder), str(b.runs), b.coachee, generate.RARE_WORD)
    result = subprocess.run(argv, check=False, env=b.warm, capture_output=True, text=True)
    if result.returncode != 0:
        error = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row("history screen", b.size, None, error=error)]
    figures = json.loads(result.stdout)
    ours, bare = figures["history"], figures["bare"]
    return [
        Row("history: open (warm)", b.size, ours["open"], "bare app, OptionList of 100", bare["open"]),
        Row(
            "history: Down key (Pilot press, waits for idle)",
            b.size,
            ours["key"],
            "Down in that OptionList",
            bare["key"],
        ),
        Row(
            "history: Down key handled (queue to cursor moved)",
            b.size,
            ours["handled"],
            "the same in that OptionList",
            bare["handled"],
        ),
        Row("history: filter by coachee", b.size, ours["filter"], "Down in that OptionList", bare["key"]),
        Row("history: search rare word", b.size, ours["search"], "Down in that OptionList", bare["key"]),
    ]


SECTIONS: list[Callable[[Bench], list[Row]]] = [
    startup_section,
    folder_section,
    screen_memory_section,
    lang_section,
    typing_section,
    autosave_section,
    build_section,
    list_section,
    search_section,
    history_section,
    encrypted_section,
    memory_section,
    footprint_section,
]


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# --- generated folders ---------------------------------------------------------


def sessions_folder(n: int, seed: int, regenerate: bool = False) -> Path:
    """/tmp/growtui-bench-<n>-<seed>, generated unless a folder from this generator is there."""
    folder = Path(tempfile.gettempdir()) / f"growtui-bench-{n}-{seed}"
    stamp = folder.with_name(folder.name + ".stamp")
    wanted = hashlib.sha256(b"".join((BENCH / f).read_bytes() for f in ("generate.py", "texts.py"))).hexdigest()
    if not regenerate and folder.is_dir() and stamp.is_file() and stamp.read_text() == wanted:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    partial = folder.with_name(f"{folder.name}.partial-{os.getpid()}")
    start = time.perf_counter()
    generate.generate(partial, n, seed)
    partial.rename(folder)
    stamp.write_text(wanted)
    print(f"generated {n} sessions in {folder} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return folder


# --- the machine and the report -----------------------------------------------


def _field(path: str, key: str, sep: str = ":") -> str:
    """The value of the first ``key<sep>value`` line of a system file, or "?"."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(sep, 1)[1].strip().strip('"')
    except OSError:
        pass
    return "?"


def _output(*argv: str) -> str:
    try:
        return subprocess.run(argv, check=False, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    mem_kib = _field("/proc/meminfo", "MemTotal").split()[0]
    dirty = "+changes" if _output("git", "status", "--porcelain", "--untracked-files=no") else ""
    return {
        "cpu": _field("/proc/cpuinfo", "model name"),
        "cores": str(os.cpu_count()),
        "ram": f"{int(mem_kib) / 2**20:.1f} GiB" if mem_kib.isdigit() else "?",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "os": f"{_field('/etc/os-release', 'PRETTY_NAME', '=')} ({platform.platform()})",
        "grep": _output("grep", "--version").partition("\n")[0],
        "growtui": f"{_output(str(GROWTUI), '--version')} at {_output('git', 'rev-parse', '--short', 'HEAD')}{dirty}",
        "locale": os.environ.get("LC_ALL") or os.environ.get("LANG") or "?",
    }


def human(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "bytes":
        return f"{value / 2**20:.1f} MiB" if value >= 2**20 else f"{value / 2**10:.0f} KiB"
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def table(rows: list[Row]) -> str:
    lines = ["| benchmark | sessions | median | baseline | baseline median | ratio |", "|---|---:|---:|---|---:|---:|"]
    for r in rows:
        median = f"FAILED ({r.error})" if r.error else human(r.value, r.unit)
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        lines.append(
            f"| {r.name} | {f'{r.size:,}' if r.size else '-'} | {median} | {r.baseline_name} | "
            f"{human(r.baseline_value, r.unit)} | {ratio} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="session counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only",
        default="",
        help="sections to run, e.g. list,search; names: "
        + ", ".join(s.__name__.removesuffix("_section") for s in SECTIONS),
    )
    parser.add_argument("--regenerate", action="store_true", help="regenerate cached session folders")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON goes")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    sections = [s for s in SECTIONS if not only or s.__name__.removesuffix("_section") in only]

    about = machine()
    print("\n".join(f"- {key}: {value}" for key, value in about.items()) + "\n", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="growtui-bench-homes-") as scratch:
        for i, size in enumerate(sizes):
            bench = Bench(size, sessions_folder(size, args.seed, args.regenerate), args.runs, Path(scratch))
            for section in sections:
                if getattr(section, "once", False):
                    if i:
                        continue  # the same figures again
                    print(f"{section.__name__}...", file=sys.stderr, flush=True)
                else:
                    print(f"{section.__name__} ({size:,} sessions)...", file=sys.stderr, flush=True)
                rows += section(bench)
    print(table(rows))
    report = {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": about,
        "settings": {"sizes": sizes, "runs": args.runs, "seed": args.seed},
        "rows": [asdict(r) | {"ratio": r.ratio} for r in rows],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 1 if any(r.error for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
