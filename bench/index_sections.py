"""The sections of the index's own rows of issue 18: the cold build, at every size and against 10,000.

- build: ``growtui list`` with an empty cache (the index built from
  nothing, its progress bar and the listing), against ``tomllib`` parsing
  every file in one process (parse_all.py, the issue's baseline), and
  against ``tomli``, the compiled parser growtui reads with, doing the same
  (how much of the build is more than parsing); from 100,000 sessions on, also
  against the build of 10,000 measured in the same run (the target is at
  most 11 times it: linear), and the peak RSS of the build, its main
  process and its largest worker, against 250 MB.

A cold build of 100,000 sessions takes minutes, so above 10,000 sessions a
figure is the median of at most ``LARGE_RUNS`` runs.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

from harness import BENCH, PYTHON, Bench, Command, Failed, Row

LARGE_RUNS = 1
RSS_TARGET = 250 * 10**6  # bytes: the 250 MB
_BUILT: dict[int, float] = {}  # the median cold build of each size measured in this run, in ms
_PEAK = re.compile(r"^(children )?peak rss (\d+)$", re.MULTILINE)


def _timed(argv: tuple[str, ...], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter_ns()
    result = subprocess.run(
        argv, check=False, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = (time.perf_counter_ns() - start) / 1e6
    stderr = result.stderr.decode("utf-8", "replace")
    if result.returncode != 0:
        raise Failed(f"exit {result.returncode}: {stderr.strip()[-2000:]}")
    return elapsed, stderr


def _fill_file_cache(folder: os.PathLike[str]) -> None:
    """Read every file once, untimed: "cold" is growtui's empty cache, not the disk's. Without it the first
    command of the section reads 100,000 files from the disk and its baseline after it reads them from memory."""
    for where, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(where, name), "rb") as file:
                while file.read(1 << 20):
                    pass


def build_section(b: Bench) -> list[Row]:
    """The cold build (``growtui list``, empty cache) against ``tomllib`` on every file, alternately."""
    runs = b.runs if b.size <= 10_000 else min(b.runs, LARGE_RUNS)
    build = Command("growtui list (cold)", b.growtui("list").argv)
    peak_argv = (str(PYTHON), str(BENCH / "peak.py"), "growtui", *build.argv[1:])
    parse = (str(PYTHON), str(BENCH / "parse_all.py"), str(b.folder), "tomllib")
    parse_tomli = (*parse[:-1], "tomli")
    built: list[float] = []
    parsed: list[float] = []
    parsed_tomli: list[float] = []
    main_peak: list[int] = []
    worker_peak: list[int] = []
    _fill_file_cache(b.folder)
    try:
        for _ in range(runs):
            env = b.home()
            took, stderr = _timed(peak_argv, env)
            shutil.rmtree(env["HOME"])  # a 10,000-session index is >100 MB
            built.append(took)
            for children, value in _PEAK.findall(stderr):
                (worker_peak if children else main_peak).append(int(value))
            parsed.append(_timed(parse, b.home())[0])
            parsed_tomli.append(_timed(parse_tomli, b.home())[0])
    except Failed as exc:
        print(f"\nbuild ({b.size}) failed, {exc}", file=sys.stderr)
        return [Row("index build (cold)", b.size, None, error=exc.summary)]
    median = statistics.median(built)
    _BUILT[b.size] = median
    rows = [
        Row(
            "index build (cold list)",
            b.size,
            median,
            "tomllib parse of every file, 1 process",
            statistics.median(parsed),
        ),
        Row(
            "index build (cold list)",
            b.size,
            median,
            "tomli parse of every file, 1 process",
            statistics.median(parsed_tomli),
        ),
    ]
    if b.size > 10_000 and 10_000 in _BUILT:  # linear: at 100,000 at most 11 times (the target)
        rows.append(Row("index build (cold list)", b.size, median, "the build of 10,000, this run", _BUILT[10_000]))
    if main_peak:
        rows.append(
            Row("index build: peak RSS, main process", b.size, max(main_peak), "target 250 MB", RSS_TARGET, "bytes")
        )
    if worker_peak:
        rows.append(
            Row("index build: peak RSS, largest worker", b.size, max(worker_peak), "target 250 MB", RSS_TARGET, "bytes")
        )
    return rows
