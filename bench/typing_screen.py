"""Type into growtui's session screen headless, against a bare TextArea; prints JSON.

Run by ``typing_section`` and ``autosave_section`` (app_sections.py) as a
subprocess with an empty bench home, so the real home is never touched:

    .venv/bin/python bench/typing_screen.py burst FOLDER RUNS [KEYS]
    .venv/bin/python bench/typing_screen.py saves FOLDER RUNS

Both open a large session (big_session.py: 5,000 lines of goal notes) the
way ``growtui resume`` does, with the cursor at the end of the notes.

burst: KEYS keys (2,000 unless given: letters, a space every few, an
enter after each sentence), handed over ten at a time as fast as the app
takes them, timed until the text area holds all of them; autosave runs
meanwhile. Baseline: the same keys into a bare app with a TextArea of the
same text. Per run: milliseconds, and how many saves ran during the burst.

saves: after a short burst, ``SAMPLES`` times one key and the save it
schedules (the save delay shortened, so samples come quicker). Figures: how
long each ``SessionScreen.save_now`` held up the UI thread (it pulls the
notes and hands a snapshot to the writer thread), against copying the text
out of the bare TextArea (what any save must do on the UI thread); and on
which thread every ``Store.save`` ran.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, TextArea

from big_session import big_session, notes
from growtui.app import GrowApp, Start
from growtui.config import Config
from growtui.conversation import Autosaver
from growtui.library import load_library
from growtui.screens import session as session_screen
from growtui.screens.session import SessionScreen
from growtui.storage import Store

CHUNK = 10  # keys handed over at once
WARM_UP_KEYS = 300  # the burst before the samples of the saves mode
SAMPLES = 40  # saves timed per run in the saves mode
SIZE = (100, 30)
POLL = 0.005
NAMES = {" ": "space", ",": "comma", ".": "full_stop", "\n": "enter"}


def keystrokes(n: int) -> list[tuple[str, str]]:
    """``n`` keys as the terminal reports them, (key, character): English notes, one sentence a line."""
    text = notes(200, seed=11)
    typed = "".join(c for c in text if c in NAMES or (c.isascii() and c.isalnum()))
    return [(NAMES.get(c, c), "\r" if c == "\n" else c) for c in typed[:n]]


def typed_text(keys: list[tuple[str, str]]) -> str:
    return "".join("\n" if key == "enter" else char for key, char in keys)


# --- what the app does while it is typed at -------------------------------------


@dataclass
class Recorder:
    """Every save of the session file, and every save_now that handed over a snapshot."""

    ui: threading.Thread | None = None
    on: bool = False
    saves: list[tuple[float, str, bool]] = field(default_factory=list)  # start, thread, on the UI thread
    blocks: list[float] = field(default_factory=list)  # ms of save_now on the UI thread
    submits: int = 0
    submitted: int = -1  # the newest version handed to the writer
    saved: int = -1  # the newest version the writer reported written

    @property
    def idle(self) -> bool:
        """The writer has written the newest snapshot (it skips older ones still waiting)."""
        return self.saved == self.submitted


RECORD = Recorder()


def record_saves() -> None:
    """Wrap what saving goes through; each is timed or counted, none changed."""
    save, submit, save_now, report = Store.save, Autosaver.submit, SessionScreen.save_now, SessionScreen.report_save

    def recorded_save(store, stored):
        thread = threading.current_thread()
        if RECORD.on:
            RECORD.saves.append((time.perf_counter(), thread.name, thread is RECORD.ui))
        return save(store, stored)

    def counted_submit(saver, version, snapshot):
        RECORD.submits += 1
        RECORD.submitted = version
        return submit(saver, version, snapshot)

    def timed_save_now(screen):
        before, start = RECORD.submits, time.perf_counter()
        save_now(screen)
        if RECORD.on and RECORD.submits != before:
            RECORD.blocks.append((time.perf_counter() - start) * 1000)

    def reported(screen, status):  # on the writer thread, after each write
        RECORD.saved = status.version
        return report(screen, status)

    Store.save, Autosaver.submit, SessionScreen.save_now = recorded_save, counted_submit, timed_save_now
    SessionScreen.report_save = reported


# --- typing -------------------------------------------------------------------------


async def until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await asyncio.sleep(POLL)


async def type_keys(app: App, area: TextArea, keys: list[tuple[str, str]]) -> float:
    """Milliseconds until the text area holds all ``keys`` at its end.

    The keys go in chunks of ``CHUNK``, each once the one before is in the
    text area, as a terminal hands over what was typed while the app was
    busy. A chunk is done when a callback the app queues behind its keys
    has run in the text area: the app forwards each key to the focused
    widget's queue as it takes it from its own.
    """
    expected = area.text + typed_text(keys)
    start = time.perf_counter()
    for i in range(0, len(keys), CHUNK):
        done = asyncio.Event()
        for key, char in keys[i : i + CHUNK]:
            app.post_message(events.Key(key, char))
        app.call_later(area.call_later, done.set)
        await done.wait()
    elapsed = (time.perf_counter() - start) * 1000
    if area.text != expected:
        raise AssertionError("the text area does not hold what was typed")
    return elapsed


class Bare(App):
    """The baseline: a TextArea holding the same notes, cursor at the end."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, soft_wrap=True, tab_behavior="focus")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()


async def in_bare(work: Callable) -> object:
    app = Bare(big_session().goal.notes)
    async with app.run_test(size=SIZE) as pilot:
        area = app.query_one(TextArea)
        await until(lambda: area.has_focus)
        await pilot.pause(0.2)
        return await work(app, area)


async def in_growtui(folder: Path, work: Callable) -> object:
    """Open the large session as ``growtui resume`` does and run ``work(app, notes area)`` on it."""
    store = Store(folder)
    stored = store.create(big_session())
    RECORD.submitted = RECORD.saved = -1  # versions start again with each session opened
    app = GrowApp(store=store, library=load_library([]), config=Config(), lang="en", start=Start(resume=stored.path))
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: isinstance(app.screen, SessionScreen) and app.screen.notes_area().has_focus)
        area = app.screen.notes_area()
        if area.cursor_location != area.document.end:
            raise AssertionError("the cursor is not at the end of the notes")
        await pilot.pause(0.2)
        RECORD.ui, RECORD.on = threading.current_thread(), True
        try:
            result = await work(app, area)
            await settle()
        finally:
            RECORD.on = False
        text = area.text
        app.close_session()  # the last save, on the UI thread as when quitting: not recorded
    if store.read(stored.path).session.goal.notes != text:
        raise AssertionError("the session file does not hold the notes as typed")
    return result


async def settle() -> None:
    """Wait for the save a change scheduled, and for the writer thread to write it."""
    await asyncio.sleep(session_screen.SAVE_DELAY + 0.05)
    await until(lambda: RECORD.idle, timeout=30)


# --- the two modes --------------------------------------------------------------------


async def burst_mode(folder: Path, runs: int, count: int = 2000) -> dict:
    keys = keystrokes(count)
    if len(keys) != count:
        raise ValueError(f"the notes give only {len(keys)} keys")
    ours: list[float] = []
    saves: list[int] = []
    bare: list[float] = []

    async def timed_burst(app: App, area: TextArea) -> float:
        first = len(RECORD.saves)
        elapsed = await type_keys(app, area, keys)
        done = time.perf_counter()
        saves.append(sum(1 for start, *_ in RECORD.saves[first:] if start < done))
        return elapsed

    for run in range(runs):
        ours.append(await in_growtui(folder / f"burst-{run}", timed_burst))
        bare.append(await in_bare(lambda app, area: type_keys(app, area, keys)))
    return {"ours": ours, "saves": saves, "bare": bare}


async def saves_mode(folder: Path, runs: int) -> dict:
    keys = keystrokes(WARM_UP_KEYS + SAMPLES)
    warm_up, samples = keys[:WARM_UP_KEYS], keys[WARM_UP_KEYS:]
    copies: list[float] = []

    async def type_and_save(app: GrowApp, area: TextArea) -> None:
        await type_keys(app, area, warm_up)
        for key in samples:
            await settle()
            submits = RECORD.submits
            await type_keys(app, area, [key])
            await until(lambda n=submits: RECORD.submits > n)  # the save the key scheduled was handed over

    async def type_and_copy(app: App, area: TextArea) -> None:
        await type_keys(app, area, warm_up)
        for key in samples:
            await type_keys(app, area, [key])
            start = time.perf_counter()
            area.text  # noqa: B018 - the copy is what is timed
            copies.append((time.perf_counter() - start) * 1000)

    for run in range(runs):
        await in_growtui(folder / f"saves-{run}", type_and_save)
        await in_bare(type_and_copy)
    return {
        "blocks": RECORD.blocks,
        "copies": copies,
        "saves": len(RECORD.saves),
        "on_ui": sum(1 for *_, on_ui in RECORD.saves if on_ui),
        "threads": sorted({name for _, name, _ in RECORD.saves}),
    }


def main() -> None:
    mode, folder, runs, *keys = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), *map(int, sys.argv[4:])
    record_saves()
    if mode == "saves":
        session_screen.SAVE_DELAY = 0.02  # saves sooner after a key: quicker samples, each the same work
    run = {"burst": burst_mode, "saves": saves_mode}[mode]
    print(json.dumps(asyncio.run(run(folder, runs, *keys))))


if __name__ == "__main__":
    main()
