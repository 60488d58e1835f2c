"""Sections of the session screen in a real pseudo-terminal (pty_app.py): the folder it opens in, and F8.

- folder: ``growtui new`` in the generated folder (warm index) until its
  screen is drawn, and its peak RSS then, against the same in an empty folder.
- screen_memory: the peak RSS of that screen once the work after its first
  frame has settled, against an empty folder and against the 70 MiB target.
- lang: F8 on the session screen until it is drawn in the other language,
  against a bare Textual app putting up its screen in the other language
  (lang_bare.py), and against the 300 ms target.

Only what a user sees is used: the words drawn, the keys sent, /proc. The
generated folder is shared: growtui only opens a new session in it and is
killed before anything is typed, which leaves no file; the folder is checked
before and after, and a section fails if anything in it changed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from pathlib import Path

from harness import BENCH, GROWTUI, PYTHON, Bench, Command, Failed, Row, once, run_once
from pty_app import F8, Terminal

MIB = 2**20
MEMORY_TARGET = 70 * MIB  # issue 18: the session screen at 100,000 sessions
SWITCH_TARGET = 300.0  # ms, issue 18: the language switch
NEXT = {"en": "Next question", "nl": "Volgende vraag"}  # "key.next" in the key bar, in both languages
SWITCHES = 2  # per process: to Dutch and back
SETTLE = 1.5  # seconds on the screen before the first F8, and between switches


def _new(folder: Path) -> list[str]:
    return [str(GROWTUI), "--sessions-dir", str(folder), "--lang", "en", "new", "--coachee", "Bench"]


def _failed(name: str, exc: Failed) -> str:
    print(f"\n{name} failed, {exc}", file=sys.stderr, flush=True)
    return exc.summary


# --- the shared folder stays as it was ---------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry of the folder (recursively) with its size and mtime."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            found[os.path.relpath(path, folder)] = (st.st_size, st.st_mtime_ns)
    return found


def _unchanged(folder: Path, before: dict[str, tuple[int, int]]) -> None:
    """Raise Failed, loudly, if anything was added to, removed from or changed in ``folder``."""
    after = _snapshot(folder)
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    if added or removed or changed:
        what = f"added {added[:5]}, removed {removed[:5]}, changed {changed[:5]}"
        print(f"\n!!! growtui wrote into the shared folder {folder}: {what}", file=sys.stderr, flush=True)
        raise Failed(
            f"the generated folder changed ({len(added)} added, {len(removed)} removed, {len(changed)} changed)"
        )


# --- folder and screen_memory -----------------------------------------------


def _new_runs(b: Bench, settle: bool) -> dict[str, dict[str, list[float]]]:
    """``growtui new`` in b.folder and in an empty folder, alternately, the first round untimed.

    Both indexes are warm (``growtui list`` ran first with the same cache).
    Per run: ms until the key bar is drawn, VmHWM then, and (``settle``)
    VmHWM once the process has settled (pty_app.Terminal.settle).
    """
    empty_env = b.home("new-empty")
    empty = Path(empty_env["HOME"]) / "sessions"
    empty.mkdir(exist_ok=True)  # the same for folder and screen_memory
    runs = {"folder": (b.folder, b.warm), "empty": (empty, empty_env)}
    before = _snapshot(b.folder)
    figures: dict[str, dict[str, list[float]]] = {w: {"ms": [], "drawn": [], "settled": [], "wait": []} for w in runs}
    try:
        for folder, env in runs.values():
            run_once(Command("growtui list", (str(GROWTUI), "--sessions-dir", str(folder), "list")), env)  # warm index
        for round_ in range(b.runs + 1):
            for which, (folder, env) in runs.items():
                with Terminal(_new(folder), env) as term:
                    drawn = term.wait_for(NEXT["en"])
                    peak = term.peak_rss()
                    waited = term.settle() if settle else 0.0
                    if children := term.children():
                        print(f"\nnote: growtui new has child processes {children}", file=sys.stderr)
                    if round_:
                        figures[which]["ms"].append((drawn - term.started) / 1e6)
                        figures[which]["drawn"].append(peak)
                        figures[which]["settled"].append(term.peak_rss())
                        figures[which]["wait"].append(waited)
    finally:
        _unchanged(b.folder, before)
        if any(empty.iterdir()):
            print(
                f"\nnote: growtui new left {sorted(p.name for p in empty.iterdir())} in the empty folder",
                file=sys.stderr,
            )
    return figures


def folder_section(b: Bench) -> list[Row]:
    """``growtui new`` in the generated folder, warm index, until drawn: time and peak RSS, against an empty folder."""
    name = f"folder: growtui new in {b.size:,} sessions (warm) until drawn, target ≤ 1.05×"
    baseline = "the same in an empty folder"
    rss = "folder: peak RSS of growtui new when drawn"
    try:
        figures = _new_runs(b, settle=False)
    except Failed as exc:
        error = _failed(f"folder ({b.size})", exc)
        return [
            Row(name, b.size, None, baseline, error=error),
            Row(rss, b.size, None, baseline, unit="bytes", error=error),
        ]
    ours, bare = figures["folder"], figures["empty"]
    return [
        Row(name, b.size, statistics.median(ours["ms"]), baseline, statistics.median(bare["ms"])),
        Row(rss, b.size, statistics.median(ours["drawn"]), baseline, statistics.median(bare["drawn"]), "bytes"),
    ]


def screen_memory_section(b: Bench) -> list[Row]:
    """Peak RSS of the session screen once settled, in the generated folder (warm): against an empty folder, 70 MiB."""
    name = f"screen memory: peak RSS of growtui new in {b.size:,} sessions, settled"
    baseline = "the same in an empty folder"
    target = "target: 70 MiB"
    try:
        figures = _new_runs(b, settle=True)
    except Failed as exc:
        error = _failed(f"screen_memory ({b.size})", exc)
        return [Row(name, b.size, None, baseline, unit="bytes", error=error)]
    ours = statistics.median(figures["folder"]["settled"])
    waits = ", ".join(f"{w}: {statistics.median(f['wait']):.1f} s" for w, f in figures.items())
    print(f"screen_memory: settled after (median) {waits}", file=sys.stderr)
    return [
        Row(name, b.size, ours, baseline, statistics.median(figures["empty"]["settled"]), "bytes"),
        Row(name, b.size, ours, target, MEMORY_TARGET, "bytes"),
    ]


# --- lang ---------------------------------------------------------------------


def _switches(argv: list[str], env: dict[str, str]) -> list[float]:
    """Start ``argv`` (English) in a pty, press F8 SWITCHES times: ms until the other language's key bar is drawn."""
    samples = []
    with Terminal(argv, env) as term:
        term.wait_for(NEXT["en"])
        lang = "en"
        for _ in range(SWITCHES):
            term.pump(SETTLE)  # what comes after the first frame has come
            lang = "nl" if lang == "en" else "en"
            since = term.mark()
            pressed = term.press(F8)
            samples.append((term.wait_for(NEXT[lang], since=since, timeout=20) - pressed) / 1e6)
    return samples


@once
def lang_section(b: Bench) -> list[Row]:
    """F8 on the session screen until the key bar is drawn in the other language, in a pty, against the bare app.

    The baseline (lang_bare.py) is the layout of the startup baseline whose
    F8 composes the same screen in the other language and switches to it,
    as growtui's F8 does with its session screen: Textual's own cost of
    putting up a new screen of that size. Each process switches to Dutch and
    back, SETTLE seconds apart, after SETTLE seconds on its first screen;
    the first round is untimed. growtui runs in an empty folder of its own.
    """
    bare = [str(PYTHON), str(BENCH / "lang_bare.py"), "en"]
    times: dict[str, list[list[float]]] = {"growtui": [], "bare": []}
    names = ("lang: F8 English to Dutch, until drawn", "lang: F8 back to English, until drawn")
    baseline = "bare app, F8 to its screen in the other language"
    try:
        for round_ in range(b.runs + 1):
            for which, samples in times.items():
                env = b.home()
                argv = _new(Path(env["HOME"]) / "sessions") if which == "growtui" else bare
                switched = _switches(argv, env)
                shutil.rmtree(env["HOME"])
                if round_:
                    samples.append(switched)
    except Failed as exc:
        error = _failed("lang", exc)
        return [Row(n, 0, None, baseline, error=error) for n in names]
    rows = [
        Row(
            n,
            0,
            statistics.median(s[i] for s in times["growtui"]),
            baseline,
            statistics.median(s[i] for s in times["bare"]),
        )
        for i, n in enumerate(names)
    ]
    slowest = statistics.median(max(s) for s in times["growtui"])
    return [*rows, Row("lang: F8, the slower of the two", 0, slowest, f"target: {SWITCH_TARGET:.0f} ms", SWITCH_TARGET)]
