"""Nothing on the way to the first frame of a new conversation grows with the folder (issue 18).

These tests count and order work; they never time it (the timings are in bench/).
"""

from __future__ import annotations

import pytest
from textual.widgets import Button

from factories import copy_grow_examples
from growtui.dialogs.resume_offer import ResumeOffer
from growtui.index import Index
from growtui.looking_back import LookingBack
from growtui.model import Phase, Session, Status
from growtui.screens.home import HomeScreen
from growtui.screens.session import SessionScreen
from growtui.storage import Store
from ui_helpers import make_app, session_screen, type_text, wait_until


async def test_the_index_is_read_only_after_the_session_screen_is_up(tmp_path, monkeypatch):
    folder = copy_grow_examples(tmp_path / "sessions")
    app = make_app(folder, coachee="Sem Brouwer", topic="Derde gesprek")
    seen: list[object] = []
    real_sync = Index.sync

    def sync(index, *args, **kwargs):
        screen = app.screen
        seen.append(isinstance(screen, SessionScreen) and screen.is_mounted)
        return real_sync(index, *args, **kwargs)

    monkeypatch.setattr(Index, "sync", sync)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: Phase.follow_up in session_screen(app).live.phases())
        live = session_screen(app).live
        assert seen and all(seen), seen  # every sync ran with the session screen already mounted
        assert len(live.session.follow_up.items) == 2  # Sem's two open actions arrived afterwards
        assert live.session.previous_session is not None
        assert "Follow-up" in str(app.screen.query_one("#stepper").render())


@pytest.mark.parametrize("saved", [True, False], ids=["saved", "only-in-the-notes-area"])
async def test_what_was_typed_before_the_look_back_arrived_is_kept_and_not_interrupted(tmp_path, monkeypatch, saved):
    """``only-in-the-notes-area``, seen in tmux: the keys typed as the screen came were only in the text area
    (the session hears of them when it saves, 0.4 s later), so the look back offered its dialog, and the
    next words went to it."""
    from growtui.screens import session as session_module

    if not saved:
        monkeypatch.setattr(session_module, "SAVE_DELAY", 60.0)
    folder = tmp_path / "sessions"
    Store(folder).create(Session(id="open00000001", coachee="Sanne", topic="Workload", status=Status.in_progress))
    app = make_app(folder, coachee="Sanne", topic="Something else")
    started = []
    real = LookingBack.look_back

    def held(self, *args, **kwargs):
        started.append(args)  # held back until the manager has typed

    monkeypatch.setattr(LookingBack, "look_back", held)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: bool(started))
        await type_text(pilot, "first words")
        if saved:
            await wait_until(pilot, lambda: session_screen(app).live.worth_saving())
        real(app, *started[0])
        told = "growtui resume open00000001"
        await wait_until(pilot, lambda: any(told in str(n.message) for n in app._notifications))
        assert not isinstance(app.screen, ResumeOffer)  # no dialog takes the keys while typing
        live = session_screen(app).live
        assert live.session.id != "open00000001"
        assert session_screen(app).notes_area().text == "first words"
        await wait_until(pilot, lambda: live.session.section(live.phase).notes == "first words")


async def test_escape_on_the_offer_goes_home_and_leaves_no_file(tmp_path):
    folder = tmp_path / "sessions"
    Store(folder).create(Session(id="open00000001", coachee="Sanne", status=Status.in_progress))
    app = make_app(folder, coachee="Sanne")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ResumeOffer) and bool(app.screen.query(Button)))
        app.screen.query_one("#resume-cancel", Button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.active is None
    [only] = Store(folder).files()  # the new conversation, in which nothing was typed, left no file
    assert Store(folder).read(only).session.id == "open00000001"


async def test_the_sessions_folder_is_not_listed_before_the_first_frame(tmp_path, monkeypatch):
    """At 100,000 sessions one listing held 25 MB and took a second: none happens until the screen is up."""
    import os
    from pathlib import Path

    folder = copy_grow_examples(tmp_path / "sessions")
    app = make_app(folder, coachee="Sem Brouwer")
    listed: list[bool] = []

    def up() -> bool:
        return isinstance(app.screen, SessionScreen) and app.screen.is_mounted

    def watch(real):
        def listing(where=".", *args, **kwargs):
            if isinstance(where, int) or str(where).startswith(str(folder)):  # a folder by fd: the index
                listed.append(up())
            return real(where, *args, **kwargs)

        return listing

    monkeypatch.setattr(os, "scandir", watch(os.scandir))
    monkeypatch.setattr(os, "listdir", watch(os.listdir))
    monkeypatch.setattr(Path, "glob", watch(Path.glob))
    monkeypatch.setattr(Path, "iterdir", watch(Path.iterdir))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: Phase.follow_up in session_screen(app).live.phases())
    assert listed and all(listed), listed  # listed only by the look back, after the first frame
