"""Time the history screen headless, against a bare Textual app doing the same; prints JSON.

Run by ``history_section`` in run.py as a subprocess with the bench's warm
home, so the index is warm and the real home is never touched:

    .venv/bin/python bench/history_screen.py FOLDER RUNS COACHEE WORD [history|bare]

With a fifth argument only that half runs: ``memory_section``
(app_sections.py) takes the peak RSS of each on its own.

Figures (milliseconds, medians):
- open: from pushing the screen until its rows are shown (warm index);
  baseline: a bare app showing an OptionList of 100 options.
- key: one Down press in the list, processed and drawn; baseline: one Down
  in the bare app's OptionList.
- filter: choosing a coachee until the filtered rows are shown.
- search: a search until its rows are shown (the typing delay left out).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, OptionList

from growtui.app import GrowApp, Start
from growtui.config import Config
from growtui.library import load_library
from growtui.screens.history import HistoryScreen
from growtui.storage import Store
from growtui.widgets.session_table import SessionTable

KEYS = 30


class Bare(App):
    def compose(self) -> ComposeResult:
        yield OptionList(*(f"Option {n}" for n in range(100)))
        yield Footer()


async def _until(pilot, condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not get there")
        await pilot.pause(0.02)  # polling faster steals the GIL from the worker being timed


async def handled(app: App, state) -> float:
    """Milliseconds from a Down key entering the app's queue until the list has moved.

    Pilot's ``press`` waits for the app to go idle (about 60 ms even in a
    bare app), which hides the cost of the key itself; this does not.
    """
    before = state()
    start = time.perf_counter()
    app.post_message(events.Key("down", None))
    while state() == before:
        await asyncio.sleep(0)
    return (time.perf_counter() - start) * 1000


async def bare(runs: int) -> dict[str, float]:
    opens, keys, handles = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        app = Bare()
        async with app.run_test(size=(100, 30)) as pilot:
            await _until(pilot, lambda app=app: app.query(OptionList) and app.query_one(OptionList).option_count == 100)
            opens.append(time.perf_counter() - start)
            options = app.query_one(OptionList)
            options.focus()
            for _ in range(KEYS):
                start = time.perf_counter()
                await pilot.press("down")
                keys.append(time.perf_counter() - start)
            for _ in range(KEYS):
                handles.append(await handled(app, lambda options=options: options.highlighted))
    return {
        "open": statistics.median(opens) * 1000,
        "key": statistics.median(keys) * 1000,
        "handled": statistics.median(handles),
    }


async def history(folder: Path, runs: int, coachee: str, word: str) -> dict[str, float]:
    library = load_library([])
    opens, keys, handles, filters, searches, rows = [], [], [], [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        app = GrowApp(store=Store(folder), library=library, config=Config(), lang="en", start=Start(history=True))
        async with app.run_test(size=(100, 30)) as pilot:
            await _until(
                pilot, lambda app=app: isinstance(app.screen, HistoryScreen) and app.screen.has_class("-loaded")
            )
            opens.append(time.perf_counter() - start)
            screen = app.screen
            table = screen.query_one(SessionTable)
            rows = len(table.rows)
            table.focus()
            for _ in range(KEYS):
                start = time.perf_counter()
                await pilot.press("down")
                keys.append(time.perf_counter() - start)
            for _ in range(KEYS):
                handles.append(await handled(app, lambda table=table: table.cursor) / 1000)

            before = table.rows
            start = time.perf_counter()
            screen.query_one("#history-coachee").value = coachee
            await _until(pilot, lambda table=table, before=before: table.rows is not before)
            filters.append(time.perf_counter() - start)
            screen.query_one("#history-coachee").clear()
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)

            before = table.rows
            start = time.perf_counter()
            screen.query_one("#history-search").value = word
            screen.apply_filters()
            await _until(pilot, lambda table=table, before=before: table.rows is not before)
            searches.append(time.perf_counter() - start)
    ms = {
        name: statistics.median(values) * 1000
        for name, values in (
            ("open", opens),
            ("key", keys),
            ("handled", handles),
            ("filter", filters),
            ("search", searches),
        )
    }
    return ms | {"rows": rows}


def main() -> None:
    folder, runs, coachee, word = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    halves = sys.argv[5:] or ["history", "bare"]
    result = {}
    if "history" in halves:
        result["history"] = asyncio.run(history(folder, runs, coachee, word))
    if "bare" in halves:
        result["bare"] = asyncio.run(bare(runs))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
