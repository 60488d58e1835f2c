"""Benchmarks of the growtui command line, each against a baseline timed in the same run.

The machine is noisy, so a figure is the median of several runs, and each
command runs alternately with its baselines: the ratio is the number to
compare between machines and commits, the milliseconds are for context.
Times are wall clock of a subprocess, Python start-up included.

    ./bench/run [--sizes 1000,10000] [--runs 5] [--seed 7] [--only list,search]

Generated session folders are cached in /tmp/growtui-bench-<n>-<seed>.
The table is printed as markdown and written to bench/results/latest.json.

A section is a function ``(Bench) -> list[Row]``; add it to SECTIONS.
In-process sections time with ``bench.median_ms(fn)`` inside
``with bench.isolated():``, so they never touch the real home folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

import generate

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = Path(os.environ.get("GROWTUI_VENV", ROOT / ".venv"))
GROWTUI = VENV / "bin" / "growtui"
PYTHON = VENV / "bin" / "python"
RESULTS = BENCH / "results" / "latest.json"


# --- rows and commands -----------------------------------------------------


@dataclass
class Row:
    """One figure: the median of a benchmark and of its baseline (ms, or bytes for sizes)."""

    name: str
    size: int
    value: float | None
    baseline_name: str = ""
    baseline_value: float | None = None
    unit: str = "ms"
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline_value:
            return None
        return self.value / self.baseline_value


@dataclass(frozen=True)
class Command:
    """A command line to time; ``ok`` are the exit codes that mean success."""

    label: str
    argv: tuple[str, ...]
    ok: tuple[int, ...] = (0,)


class Failed(Exception):
    """A command exited with a code outside its ``ok``; carries its stderr."""

    @property
    def summary(self) -> str:
        """The last line, where the reason usually is."""
        return str(self).strip().splitlines()[-1]


def run_once(command: Command, env: dict[str, str]) -> float:
    """Wall-clock milliseconds of one run, output discarded."""
    start = time.perf_counter_ns()
    result = subprocess.run(command.argv, check=False, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    if result.returncode not in command.ok:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise Failed(f"exit {result.returncode}: {stderr[-2000:]}")
    return elapsed


# --- the bench: one folder, its homes, the settings --------------------------


@dataclass
class Bench:
    """What a section gets: one generated folder of ``size`` sessions and this run's settings."""

    size: int
    folder: Path
    runs: int
    scratch: Path
    _homes: int = field(default=0, repr=False)

    def home(self, name: str | None = None) -> dict[str, str]:
        """An environment whose HOME and XDG folders are empty temp folders (a new one unless named)."""
        if name is None:
            self._homes += 1
            name = f"fresh-{self._homes}"
        home = self.scratch / f"{self.size}-{name}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GROWTUI_", "XDG_"))}
        env["HOME"] = str(home)
        for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                         ("XDG_STATE_HOME", ".local/state"), ("XDG_CACHE_HOME", ".cache")):
            env[var] = str(home / sub)
            (home / sub).mkdir(parents=True, exist_ok=True)
        return env

    @cached_property
    def warm(self) -> dict[str, str]:
        """The one environment whose cache the warm figures share."""
        return self.home("warm")

    @cached_property
    def coachee(self) -> str:
        """A real coachee of this folder: the one in its oldest file."""
        first = min(self.folder.glob("*.toml"))
        return tomllib.loads(first.read_text(encoding="utf-8"))["coachee"]

    def growtui(self, *args: str) -> Command:
        return Command("growtui " + " ".join(args), (str(GROWTUI), "--sessions-dir", str(self.folder), *args))

    def grep(self, flags: str, word: str) -> Command:
        return Command(f"grep {flags} {word}", ("grep", flags, word, str(self.folder)), ok=(0, 1))

    def compare(self, name: str, command: Command, baselines: list[Command], *, cold: bool = False) -> list[Row]:
        """Time ``command`` and each baseline alternately; one row per baseline.

        Warm: all runs share one cache, and every command first runs once
        untimed (filling the OS file cache and growtui's index). Cold: each
        run gets a fresh, empty home and cache, and nothing runs untimed.
        """
        commands = [command, *baselines]
        times: dict[Command, list[float]] = {c: [] for c in commands}
        try:
            for round_ in range(self.runs if cold else self.runs + 1):
                for c in commands:
                    env = self.home() if cold else self.warm
                    elapsed = run_once(c, env)
                    if cold:
                        shutil.rmtree(env["HOME"])  # a 10,000-session index is >100 MB
                    if cold or round_:
                        times[c].append(elapsed)
        except Failed as exc:
            print(f"\n{name} ({self.size}) failed, {exc}", file=sys.stderr)
            return [Row(name, self.size, None, b.label, error=exc.summary) for b in baselines]
        median = statistics.median(times[command])
        return [Row(name, self.size, median, b.label, statistics.median(times[b])) for b in baselines]

    @contextmanager
    def isolated(self, env: dict[str, str] | None = None) -> Iterator[None]:
        """In-process code runs with this bench's HOME and XDG folders (default: the warm ones)."""
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(env or self.warm)
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def median_ms(self, fn: Callable[[], object]) -> float:
        """Median wall time of an in-process call: once untimed, then ``runs`` times."""
        fn()
        times = []
        for _ in range(self.runs):
            start = time.perf_counter_ns()
            fn()
            times.append((time.perf_counter_ns() - start) / 1e6)
        return statistics.median(times)


# --- sections ----------------------------------------------------------------


def list_section(b: Bench) -> list[Row]:
    """``growtui list``: cold (fresh cache each run) and warm, against start-up and a plain grep."""
    baselines = [Command("python -c pass", (str(PYTHON), "-c", "pass")), b.grep("-rl", "x")]
    return [
        *b.compare("list (cold)", b.growtui("list"), baselines, cold=True),
        *b.compare("list (warm)", b.growtui("list"), baselines),
        *b.compare("list --json (warm)", b.growtui("list", "--json"), baselines),
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
        return rows + [Row("index on disk", b.size, None, "sessions folder", folder, "bytes", exc.summary)]
    cache = Path(b.warm["XDG_CACHE_HOME"])
    return rows + [Row("index on disk", b.size, tree_bytes(cache), "sessions folder", folder, "bytes")]


def history_section(b: Bench) -> list[Row]:
    """The history screen, headless (warm index): open, a key, a filter, a search, against a bare Textual app."""
    run_once(b.growtui("list"), b.warm)  # the index is built and warm
    argv = (str(PYTHON), str(BENCH / "history_screen.py"), str(b.folder), str(b.runs), b.coachee,
            generate.RARE_WORD)
    result = subprocess.run(argv, check=False, env=b.warm, capture_output=True, text=True)
    if result.returncode != 0:
        error = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row("history screen", b.size, None, error=error)]
    figures = json.loads(result.stdout)
    ours, bare = figures["history"], figures["bare"]
    return [
        Row("history: open (warm)", b.size, ours["open"], "bare app, OptionList of 100", bare["open"]),
        Row("history: Down key", b.size, ours["key"], "Down in that OptionList", bare["key"]),
        Row("history: filter by coachee", b.size, ours["filter"], "Down in that OptionList", bare["key"]),
        Row("history: search rare word", b.size, ours["search"], "Down in that OptionList", bare["key"]),
    ]


SECTIONS: list[Callable[[Bench], list[Row]]] = [
    list_section,
    search_section,
    history_section,
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
    return f"{value:.1f} ms"


def table(rows: list[Row]) -> str:
    lines = ["| benchmark | sessions | median | baseline | baseline median | ratio |",
             "|---|---:|---:|---|---:|---:|"]
    for r in rows:
        median = f"FAILED ({r.error})" if r.error else human(r.value, r.unit)
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        lines.append(f"| {r.name} | {r.size:,} | {median} | {r.baseline_name} | "
                     f"{human(r.baseline_value, r.unit)} | {ratio} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="session counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default="", help="sections to run, e.g. list,search")
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
        for size in sizes:
            bench = Bench(size, sessions_folder(size, args.seed, args.regenerate), args.runs, Path(scratch))
            for section in sections:
                print(f"{section.__name__} ({size:,} sessions)...", file=sys.stderr, flush=True)
                rows += section(bench)
    print(table(rows))
    report = {"when": datetime.now().astimezone().isoformat(timespec="seconds"), "machine": about,
              "settings": {"sizes": sizes, "runs": args.runs, "seed": args.seed},
              "rows": [asdict(r) | {"ratio": r.ratio} for r in rows]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 1 if any(r.error for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
