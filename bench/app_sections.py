"""Sections that run the app itself: startup, typing, autosave and memory.

startup times real processes in a pseudo-terminal; typing and the UI side
of autosave run the app headless in typing_screen.py; the cost of a save is
timed in this process; memory is the peak RSS of whole processes. Each runs
alternately with its baseline, as the sections in run.py do.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import generate
from big_session import NOTE_LINES, big_session
from growtui.storage import Store, to_toml
from harness import (
    BENCH,
    GROWTUI,
    PYTHON,
    Bench,
    Command,
    Failed,
    Row,
    once,
    percentile,
    run_once,
    run_script,
)
from pty_app import Terminal

MARKER = "Next question"  # in the key bar of growtui's session screen (--lang en), and in startup_bare.py's
KEYS = 2000  # typed per run of the typing section
SAVES = 100  # saves timed per figure of the autosave section


# --- startup ---------------------------------------------------------------------


def ms_to_screen(argv: list[str], env: dict[str, str], marker: str, timeout: float = 60.0) -> float:
    """Milliseconds from starting ``argv`` in a new pseudo-terminal until ``marker`` is drawn; then it is killed."""
    with Terminal(argv, env) as term:
        return (term.wait_for(marker, timeout=timeout) - term.started) / 1e6


def ms_to_echo(argv: list[str], env: dict[str, str], marker: str, timeout: float = 60.0) -> float:
    """Milliseconds from starting ``argv`` until a word, typed the moment ``marker`` is drawn, shows; then it is
    killed. (Typed before that, the terminal itself would echo it, before the app reads a key.)"""
    with Terminal(argv, env) as term:
        term.wait_for(marker, timeout=timeout)
        since = term.mark()
        term.press(ECHO.encode())
        return (term.wait_for(ECHO, since=since, timeout=timeout) - term.started) / 1e6


ECHO = "Zebra"


def _failed(name: str, exc: Failed) -> str:
    print(f"\n{name} failed, {exc}", file=sys.stderr, flush=True)
    return exc.summary


LAYOUT_NAME = "startup floor: growtui's first frame in stock Textual widgets, no growtui code"
PLAIN_NAME = "startup floor: the same frame with its panel as plain text (a plain-data first frame)"


@once
def startup_section(b: Bench) -> list[Row]:
    """``growtui new`` until the session screen is drawn in a pseudo-terminal, against a bare Textual app.

    Two figures. The everyday start: a home that growtui ran in before, so
    its cache folder holds the validated question library, as it does from
    the second start on (each run still gets a new, empty sessions folder).
    The very first start: an empty home each run, so the library is read
    and validated from its files. All are whole Python processes started the
    same way, alternating, the first round untimed. Two floors run beside
    them (bench/startup_layout.py): the same first frame rebuilt in stock
    Textual, with growtui's kinds of widgets and with its panel as plain
    text; they say how much of the gap any growtui code could close.
    """
    name = "startup: growtui new until its screen is drawn, target ≤ 1.35×"
    first_name = "startup, the very first run (empty home, nothing cached)"
    echo_name = f"startup: growtui new until {ECHO!r}, typed as its screen shows, is in the notes"
    echo_full_name = "the same, a full start (nothing kept: the first start after a change of config or questions)"
    baseline = "bare app: header, label, text area, footer"
    echo_baseline = f"bare app: until {ECHO!r}, typed as it shows, is in its text area"
    bare = [str(PYTHON), str(BENCH / "startup_bare.py"), MARKER]
    layout = {which: [str(PYTHON), str(BENCH / "startup_layout.py"), which] for which in ("widgets", "text")}
    times: dict[str, list[float]] = {
        "growtui": [],
        "first": [],
        "widgets": [],
        "text": [],
        "bare": [],
        "echo": [],
        "echo-full": [],
        "bare-echo": [],
    }
    everyday = b.home("startup-everyday")
    try:
        _used_once(everyday)
        for round_ in range(b.runs + 1):
            for which, samples in times.items():
                env = everyday if which in ("growtui", "echo", "echo-full") else b.home()
                kept = Path(env["XDG_CACHE_HOME"]) / "growtui" / "first-frame.json"
                frame = kept.read_bytes() if which == "echo-full" else None
                if frame is not None:  # the full start: what the first start after a changed config gets
                    kept.unlink()
                sessions = Path(env["HOME"]) / f"sessions-{round_}"
                ours = [str(GROWTUI), "--sessions-dir", str(sessions), "--lang", "en", "new", "--coachee", "Bench"]
                argv = bare if which.startswith("bare") else layout.get(which, ours)
                timer = ms_to_echo if "echo" in which else ms_to_screen
                elapsed = timer(argv, env, MARKER)
                if frame is not None:
                    kept.write_bytes(frame)  # as it was: the next runs are everyday starts again
                shutil.rmtree(sessions, ignore_errors=True)
                if env is not everyday:
                    shutil.rmtree(env["HOME"])
                if round_:
                    samples.append(elapsed)
    except Failed as exc:
        return [Row(name, 0, None, baseline, error=_failed("startup", exc))]
    finally:
        shutil.rmtree(everyday["HOME"], ignore_errors=True)
    bare_median, echo_median = statistics.median(times["bare"]), statistics.median(times["bare-echo"])
    return [
        Row(name, 0, statistics.median(times["growtui"]), baseline, bare_median),
        Row(first_name, 0, statistics.median(times["first"]), baseline, bare_median),
        Row(echo_name, 0, statistics.median(times["echo"]), echo_baseline, echo_median),
        Row(
            echo_full_name,
            0,
            statistics.median(times["echo-full"]),
            echo_baseline,
            statistics.median(times["bare-echo"]),
        ),
        Row(LAYOUT_NAME, 0, statistics.median(times["widgets"]), baseline, bare_median),
        Row(PLAIN_NAME, 0, statistics.median(times["text"]), baseline, bare_median),
    ]


def _used_once(env: dict[str, str]) -> None:
    """The everyday home: growtui was used there before, long enough to keep what it keeps (the
    validated library, the first frame); a conversation opened, nothing typed, closed with Ctrl+Q."""
    sessions = Path(env["HOME"]) / "sessions-used"
    argv = [str(GROWTUI), "--sessions-dir", str(sessions), "--lang", "en", "new", "--coachee", "Bench"]
    with Terminal(argv, env) as term:
        term.wait_for(MARKER)
        term.pump(2.0)
        term.press(b"\x11")  # Ctrl+Q
        try:
            term.pump(5.0)
        except Failed:  # it has left, as asked
            pass
    shutil.rmtree(sessions, ignore_errors=True)


# --- typing and the UI side of autosave ------------------------------------------------


def _typing_screen(b: Bench, mode: str, *args: str) -> dict:
    """typing_screen.py's figures in ``mode``, run with an empty home."""
    env = b.home(f"typing-{mode}")
    sessions = Path(env["HOME"]) / "sessions"
    try:
        return run_script([str(PYTHON), str(BENCH / "typing_screen.py"), mode, str(sessions), str(b.runs), *args], env)
    finally:
        shutil.rmtree(env["HOME"], ignore_errors=True)


@once
def typing_section(b: Bench) -> list[Row]:
    """A burst of keys into 5,000 lines of notes, autosave running, against the same keys into a bare TextArea."""
    name = f"typing: {KEYS:,} keys into {NOTE_LINES:,} lines of notes"
    try:
        figures = _typing_screen(b, "burst", str(KEYS))
    except Failed as exc:
        return [Row(name, 0, None, error=_failed("typing", exc))]
    ours, bare = statistics.median(figures["ours"]), statistics.median(figures["bare"])
    return [
        Row(name, 0, ours, "same keys into a bare TextArea of that text", bare),
        Row("typing: per key", 0, ours / KEYS, "per key in that TextArea", bare / KEYS),
        Row("typing: saves while those keys came in", 0, statistics.median(figures["saves"]), unit="count"),
    ]


# --- autosave ---------------------------------------------------------------------------


def write_plain(path: Path, data: bytes) -> None:
    """The baseline of a save: write, flush, fsync, rename; no serialising, no checks."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def save_times(b: Bench) -> tuple[list[float], list[float], int]:
    """``SAVES`` timings (ms) of Store.save of the large session and of write_plain of its bytes, alternately."""
    env = b.home("autosave")
    folder = Path(env["HOME"]) / "sessions"
    try:
        with b.isolated(env):
            store = Store(folder)
            stored = store.create(big_session())
            data = to_toml(stored.session).encode("utf-8")
            plain = folder / "plain.toml"
            ours, bare = [], []
            for i in range(SAVES + 1):  # the first round untimed
                start = time.perf_counter_ns()
                store.save(stored)
                middle = time.perf_counter_ns()
                write_plain(plain, data)
                end = time.perf_counter_ns()
                if i:
                    ours.append((middle - start) / 1e6)
                    bare.append((end - middle) / 1e6)
    finally:
        shutil.rmtree(env["HOME"], ignore_errors=True)
    return ours, bare, len(data)


@once
def autosave_section(b: Bench) -> list[Row]:
    """One save of a large session (median, p99) against a plain write; the UI thread's share; which thread."""
    ours, bare, size = save_times(b)
    plain = f"open, write, fsync, rename of its {size / 2**10:,.0f} KiB"
    rows = [
        Row("autosave: one save of a large session", 0, statistics.median(ours), plain, statistics.median(bare)),
        Row("autosave: one save, p99", 0, percentile(ours, 99), f"{plain}, p99", percentile(bare, 99)),
    ]
    name = "autosave: UI thread held up per save"
    try:
        figures = _typing_screen(b, "saves")
    except Failed as exc:
        return [*rows, Row(name, 0, None, error=_failed("autosave", exc))]
    blocks, copies = figures["blocks"], figures["copies"]
    copy = "copying the text out of a bare TextArea"
    print(f"autosave: {len(blocks)} saves handed over, written on threads {figures['threads']}", file=sys.stderr)
    return [
        *rows,
        Row(name, 0, statistics.median(blocks), copy, statistics.median(copies)),
        Row(f"{name}, p99", 0, percentile(blocks, 99), f"{copy}, p99", percentile(copies, 99)),
        Row(
            "autosave: saves on the UI thread while typing",
            0,
            figures["on_ui"],
            "saves while typing",
            figures["saves"],
            unit="count",
        ),
    ]


# --- memory -------------------------------------------------------------------------------


def peak_rss(command: Command, env: dict[str, str]) -> int:
    """Peak RSS (bytes) of one run of a peak.py command, as it reports it last on stderr."""
    result = subprocess.run(
        command.argv, check=False, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    if result.returncode not in command.ok or not lines or not lines[-1].startswith("peak rss "):
        raise Failed(f"exit {result.returncode}: {chr(10).join(lines)[-2000:] or 'no output'}")
    return int(lines[-1].split()[-1])


def _peak(label: str, *what: str) -> Command:
    return Command(label, (str(PYTHON), str(BENCH / "peak.py"), *what))


def _peaks(b: Bench, name: str, command: Command, baseline: Command) -> Row:
    """Median peak RSS of ``command`` and ``baseline``, run alternately."""
    peaks: dict[Command, list[int]] = {command: [], baseline: []}
    try:
        for _ in range(b.runs):
            for c, samples in peaks.items():
                samples.append(peak_rss(c, b.warm))
    except Failed as exc:
        return Row(name, b.size, None, baseline.label, unit="bytes", error=_failed(f"{name} ({b.size})", exc))
    return Row(
        name, b.size, statistics.median(peaks[command]), baseline.label, statistics.median(peaks[baseline]), "bytes"
    )


def memory_section(b: Bench) -> list[Row]:
    """Peak RSS (warm index) of the history screen headless, ``growtui list`` and ``growtui search``.

    Each process reports its own peak (peak.py), against a bare Textual app
    doing the same on its screen, or Python doing nothing.
    """
    run_once(b.growtui("list"), b.warm)  # the index is built and warm
    screen = ("script", str(BENCH / "history_screen.py"), str(b.folder), "1", b.coachee, generate.RARE_WORD)
    growtui = ("growtui", "--sessions-dir", str(b.folder))
    python = _peak("python, nothing run", "pass")
    return [
        _peaks(
            b,
            "memory: history screen (warm), peak RSS",
            _peak("history", *screen, "history"),
            _peak("bare app, OptionList of 100", *screen, "bare"),
        ),
        _peaks(b, "memory: list (warm), peak RSS", _peak("list", *growtui, "list"), python),
        _peaks(
            b,
            "memory: search common word (warm), peak RSS",
            _peak("search", *growtui, "search", generate.COMMON_WORD),
            python,
        ),
    ]
