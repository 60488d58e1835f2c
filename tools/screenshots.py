"""Regenerate the README screenshots (SVG, via Textual's own export).

    .venv/bin/python tools/screenshots.py

Uses a copy of the in-progress example session in a temporary folder, so
nothing outside docs/screenshots/ is written.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


async def main() -> None:
    work = Path(tempfile.mkdtemp())
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(work / var)
    sessions = work / "sessions"
    sessions.mkdir()
    for example in (ROOT / "sessions").glob("*.toml"):
        shutil.copy(example, sessions)
    sys.path.insert(0, str(ROOT / "tests"))
    from ui_helpers import FrozenClock, make_app

    OUT.mkdir(parents=True, exist_ok=True)
    in_progress = next(sessions.glob("*zoe-van-dijk*.toml"))
    clock = FrozenClock()
    app = make_app(sessions, lang="nl", resume=in_progress, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.save_screenshot(str(OUT / "session-options.svg"))
        await pilot.press("f3")
        await pilot.press("ctrl+t")
        await pilot.pause()
        app.save_screenshot(str(OUT / "session-reality.svg"))
    home = make_app(sessions, lang="en")
    async with home.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        home.save_screenshot(str(OUT / "home.svg"))
    shutil.rmtree(work)
    print(f"written to {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
