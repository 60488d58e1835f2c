"""Quitting while the disk refuses is quick and says where the text is; 'NOT SAVED' shows whole (issue 15, item 6).

Ctrl+Q took about 10.7 s while saves failed, with nothing on screen: the
writer thread kept retrying the refused file in a loop after it was told to
stop, so quitting waited out two five-second joins. And the save indicator
kept the width of '✓ saved', so only 'NOT' of 'NOT SAVED' showed.
"""

from __future__ import annotations

import pytest

from growtui.errors import StoreWriteError
from growtui.storage import Store, find_recovery
from growtui.widgets.clock import SaveIndicator
from ui_helpers import make_app, session_screen, type_text, wait_until


@pytest.fixture
def refusing_disk(monkeypatch):
    """Every save of a session file is refused, as a read-only disk would; counts the attempts."""
    attempts = {"n": 0, "refuse": False}
    real_save = Store.save

    def save(self, stored):
        if attempts["refuse"]:
            attempts["n"] += 1
            raise StoreWriteError(stored.path, "the folder is on a read-only disk")
        return real_save(self, stored)

    monkeypatch.setattr(Store, "save", save)
    return attempts


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_not_saved_shows_whole_at_every_width(sessions_dir, refusing_disk, width):
    app = make_app(sessions_dir, coachee="Read Only")
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_until(pilot, lambda: app.active is not None)
        indicator = session_screen(app).query_one(SaveIndicator)
        refusing_disk["refuse"] = True
        await type_text(pilot, "words")
        await wait_until(pilot, lambda: indicator.has_class("-failing"))
        await pilot.pause()
        shown = str(indicator.render())
        assert "NOT SAVED" in shown
        assert indicator.content_region.width >= len(shown), (indicator.content_region, shown)
        refusing_disk["refuse"] = False
        await wait_until(pilot, lambda: not indicator.has_class("-failing"))
        await pilot.pause()
        assert indicator.content_region.width >= len(str(indicator.render()))


async def test_ctrl_q_while_saves_fail_is_quick_and_says_where_the_text_is(sessions_dir, refusing_disk, capsys):
    app = make_app(sessions_dir, coachee="Read Only")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.active is not None)
        screen = session_screen(app)
        refusing_disk["refuse"] = True
        await type_text(pilot, "typed while the disk refuses")
        await wait_until(pilot, lambda: screen.saver.failing)
        session_id = screen.live.session.id
        before = refusing_disk["n"]
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None, timeout=5)
    # Counting work, not time: the old writer retried in a loop until its join gave up (thousands of tries).
    assert refusing_disk["n"] - before <= 3, refusing_disk["n"] - before
    recovery = find_recovery(session_id)
    assert recovery is not None and "typed while the disk refuses" in recovery.read_text()
    assert app.return_code == 0
    captured = capsys.readouterr()
    message = " ".join((captured.out + captured.err).split())  # printed after the app has gone, wrapped
    assert "could not save" in message and "read-only disk" in message
    assert str(recovery) in "".join(message.split()) and f"growtui resume {session_id}" in message
    assert "typed while" not in message, "the message names files, never notes"
