"""The core of the benchmarks: rows, commands, and the bench a section gets.

Used by run.py (the command line sections and the report) and by
app_sections.py (the sections that run the app itself).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = Path(os.environ.get("GROWTUI_VENV", ROOT / ".venv"))
GROWTUI = VENV / "bin" / "growtui"
PYTHON = VENV / "bin" / "python"


# --- rows and commands -----------------------------------------------------


@dataclass
class Row:
    """One figure: the median of a benchmark and of its baseline.

    ``unit`` is "ms", "bytes" (sizes, memory) or "count". ``size`` is the
    number of sessions in the folder, 0 for figures that do not depend on it.
    """

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
    result = subprocess.run(
        command.argv, check=False, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
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
        # PYTHONDONTWRITEBYTECODE (set on some build machines) would recompile growtui on every run;
        # an installed growtui has its bytecode, so the figures are taken with it too.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("GROWTUI_", "XDG_")) and k != "PYTHONDONTWRITEBYTECODE"
        }
        env["HOME"] = str(home)
        for var, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
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


def once(section: Callable[[Bench], list[Row]]) -> Callable[[Bench], list[Row]]:
    """Mark a section whose figures do not depend on the sessions folder: it runs for the first size only."""
    section.once = True  # type: ignore[attr-defined]
    return section


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), nearest rank: a value that was measured, not interpolated."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


def run_script(argv: Sequence[str], env: dict[str, str]) -> dict:
    """Run a helper script that prints JSON; its figures, or Failed with the last line of its stderr."""
    result = subprocess.run(list(argv), check=False, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failed(f"exit {result.returncode}: {result.stderr.strip()[-2000:] or 'no output'}")
    if result.stderr.strip():
        print(result.stderr.rstrip(), file=sys.stderr)
    return json.loads(result.stdout)
