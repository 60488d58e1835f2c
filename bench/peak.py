"""Run Python code in this process, then report its peak RSS; for the memory section (app_sections.py).

    .venv/bin/python bench/peak.py growtui ARGS...      # growtui's command line, as the installed command runs it
    .venv/bin/python bench/peak.py script PATH ARGS...  # a script, as ``python PATH ARGS...`` runs it
    .venv/bin/python bench/peak.py pass                 # nothing: the baseline, Python start-up only

However the code exits (except when killed), the last line on stderr is
``peak rss BYTES``: VmHWM from /proc/self/status, the high-water mark of
this process's own memory since it started. Before it, if a child process
ended (the index build's workers), ``children peak rss BYTES``: the largest
one's, from rusage (an upper bound, see below). rusage cannot give that: on
Linux a child's ru_maxrss starts at the RSS of the forked copy of its
parent, so every child of a large bench process would seem at least as
large as the bench. Linux only.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def report_peak() -> None:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB: the largest child waited for
    if children:
        print(f"children peak rss {children * 1024}", file=sys.stderr, flush=True)
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            kib = int(line.split()[1])
            print(f"peak rss {kib * 1024}", file=sys.stderr, flush=True)


def main() -> None:
    what, *args = sys.argv[1:]
    atexit.register(report_peak)
    if what == "growtui":
        from growtui.__main__ import main as growtui

        sys.argv = ["growtui", *args]
        sys.exit(growtui())
    elif what == "script":
        sys.argv = args
        sys.path[0] = str(Path(args[0]).resolve().parent)
        runpy.run_path(args[0], run_name="__main__")
    elif what != "pass":
        sys.exit(f"peak.py: growtui, script or pass, not {what!r}")


if __name__ == "__main__":
    main()
