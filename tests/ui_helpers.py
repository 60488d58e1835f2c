"""Building the real app for Pilot and snapshot tests, on folders under tmp_path."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from textual.app import App

import growtui.app
from factories import shipped_library
from growtui.app import GrowApp, Start
from growtui.config import Config
from growtui.screens.session import SessionScreen
from growtui.storage import Store

APP_CSS = Path(growtui.app.__file__).with_name("app.tcss")
"""The app's own stylesheet (themes aside): test hosts load it, so a dialog looks as it does in growtui."""


TODAY = date(2026, 11, 21)


def make_app(
    sessions: Path, *, lang: str = "en", clock=None, today=lambda: TODAY, locked=None, vault=None, **start
) -> GrowApp:
    """The app as growtui runs it; 'today' is fixed, so ages of actions are stable in snapshots.

    ``locked``: the marker of an encrypted folder, whose passphrase the app asks first;
    ``vault``: an encrypted folder already opened (as with GROWTUI_PASSPHRASE).
    """
    return GrowApp(
        store=Store(sessions, vault),
        library=shipped_library(),
        config=Config(language=lang),
        lang=lang,
        start=Start(**start),
        clock=clock or time.monotonic,
        today=today,
        locked=locked,
    )


def session_screen(app: App) -> SessionScreen:
    """The app's screen, which the test expects to be the live session."""
    screen = app.screen
    assert isinstance(screen, SessionScreen), screen
    return screen


async def wait_for_file(path: Path, predicate, timeout: float = 5.0) -> str:
    """Poll a session file until ``predicate(text)`` holds (autosave runs in a thread)."""
    import asyncio

    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = ""
        if predicate(text):
            return text
        await asyncio.sleep(0.05)
    raise AssertionError(f"file never matched; last content:\n{text[:2000]}")


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds: screens and workers take longer on a busy machine."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never got there")
        await pilot.pause(0.02)


async def type_text(pilot, text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    await pilot.press(*["space" if c == " " else c for c in text])


async def to_the_follow_up(pilot) -> None:
    """From the opening to the review of earlier actions, once they arrived (the index is read after the
    first frame) and their cards are there."""
    app = pilot.app
    await wait_until(pilot, lambda: "follow_up" in session_screen(app).live.phases())
    await pilot.press("ctrl+pagedown")
    await wait_until(pilot, lambda: bool(app.screen.query("#panel-follow_up")))
    await pilot.pause()
