"""growtui never overwrites a change it has not seen (issue 15, item 1).

The defect: a session open in growtui, its file changed by another program
(an editor, a sync tool), more typing: growtui rightly refused to save and
kept a recovery file, but ``growtui resume`` then preferred the newer
recovery file and wrote it over the file, and the outside change was gone
from every file. The recovery file also stayed behind after the save.

Now the recovery file carries the base (what growtui last saw in the file):
a field only one side changed is taken from that side; a field both changed
keeps both versions, the recovered one beside the file as a conflict copy
that ``list``, the home screen and the history report. Nothing is lost either
way, and the recovery file goes once its text is safely on disk.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from growtui.conversation import Autosaver, SaveStatus, resume
from growtui.model import Session
from growtui.storage import Stamp, Store, Stored, base_path_for, find_recovery, is_conflict_copy, write_recovery
from ui_helpers import make_app, wait_until


class Saves:
    """The autosaver's reports, to wait on."""

    def __init__(self) -> None:
        self.seen: list[SaveStatus] = []
        self.changed = threading.Condition()

    def __call__(self, status: SaveStatus) -> None:
        with self.changed:
            self.seen.append(status)
            self.changed.notify_all()

    def wait_for(self, version: int, ok: bool) -> None:
        with self.changed:
            assert self.changed.wait_for(
                lambda: any(s.version == version and s.ok == ok for s in self.seen), timeout=10
            ), self.seen


def edit_outside(store: Store, path: Path, change) -> None:
    """Another program changes the file: what is on disk, changed, written whole (a new inode and time)."""
    on_disk = store.read(path)
    change(on_disk.session)
    store.save(Stored(path, on_disk.session, Stamp.of(path)))


def a_session_changed_on_both_sides(store: Store, *, outside, typed) -> Path:
    """The issue's steps: open, autosave, an outside change, more typing (refused), quit."""
    stored = store.create(Session(coachee="Sanne de Vries", topic="Werkdruk"))
    saves = Saves()
    saver = Autosaver(store, stored, saves)
    first = stored.session.model_copy(deep=True)
    first.goal.notes = "Eerste notities."
    saver.submit(1, first)
    saves.wait_for(1, ok=True)
    edit_outside(store, stored.path, outside)
    second = first.model_copy(deep=True)
    typed(second)
    saver.submit(2, second)
    saves.wait_for(2, ok=False)  # refused: the file changed outside growtui
    assert not saver.flush(3, second)  # Ctrl+Q: refused again, kept in the recovery file
    recovery = find_recovery(stored.session.id)
    assert recovery is not None and base_path_for(recovery).is_file()
    return stored.path


def test_an_outside_change_to_another_field_is_merged_and_nothing_lost(tmp_path):
    store = Store(tmp_path / "sessions")
    path = a_session_changed_on_both_sides(
        store,
        outside=lambda s: setattr(s.reality, "notes", "Buiten growtui toegevoegd."),
        typed=lambda s: setattr(s.goal, "notes", "Eerste notities. En meer getypt."),
    )
    resumed = resume(store, path)
    assert resumed.outcome == "merged" and resumed.saved and resumed.conflict_copy is None
    on_disk = store.read(path).session
    assert on_disk.reality.notes == "Buiten growtui toegevoegd.", "the outside change is kept"
    assert on_disk.goal.notes == "Eerste notities. En meer getypt.", "and so is what was typed"
    assert find_recovery(on_disk.id) is None, "the recovery file is gone once its text is on disk"
    assert store.scan().conflicts == []


def test_an_outside_change_to_the_same_field_keeps_both_versions(tmp_path, run):
    store = Store(tmp_path / "sessions")
    path = a_session_changed_on_both_sides(
        store,
        outside=lambda s: setattr(s.goal, "notes", "Door de sync veranderd."),
        typed=lambda s: setattr(s.goal, "notes", "Eerste notities. En meer getypt."),
    )
    before = path.read_bytes()
    resumed = resume(store, path)
    assert resumed.outcome == "conflict" and resumed.conflicts == ["goal.notes"]
    assert path.read_bytes() == before, "the outside change is not overwritten"
    assert resumed.stored.session.goal.notes == "Door de sync veranderd."
    copy = resumed.conflict_copy
    assert copy is not None and copy.parent == path.parent and is_conflict_copy(copy)
    assert store.read(copy).session.goal.notes == "Eerste notities. En meer getypt."
    assert find_recovery(resumed.stored.session.id) is None
    scan = store.scan()
    assert scan.conflicts == [copy] and [s.path for s in scan.sessions] == [path]
    code, out, err = run("--sessions-dir", str(store.root), "list")
    assert code == 0 and out.count("Sanne de Vries") == 1
    assert f"{copy}: a sync conflict copy (skipped)" in err


def test_a_refused_save_with_the_file_untouched_is_recovered_written_and_cleared(tmp_path, monkeypatch):
    """A full disk: the file is as growtui left it, so the recovered text is the session; then it is saved."""
    store = Store(tmp_path / "sessions")
    stored = store.create(Session(coachee="Kim"))
    base = stored.session.model_copy(deep=True)
    stored.session.goal.notes = "Alleen in het herstelbestand."
    recovery = write_recovery(stored.session, base=base)
    assert recovery is not None
    resumed = resume(store, stored.path)
    assert resumed.outcome == "recovered" and resumed.saved
    assert store.read(stored.path).session.goal.notes == "Alleen in het herstelbestand."
    assert not recovery.exists() and not base_path_for(recovery).exists()


def test_a_recovery_file_left_when_the_disk_still_refuses_goes_with_the_next_good_save(tmp_path, monkeypatch):
    store = Store(tmp_path / "sessions")
    stored = store.create(Session(coachee="Kim"))
    base = stored.session.model_copy(deep=True)
    stored.session.goal.notes = "Herstelde tekst."
    write_recovery(stored.session, base=base)
    real_save = Store.save
    refuse = {"on": True}

    def save(self, what):
        if refuse["on"]:
            from growtui.errors import StoreWriteError

            raise StoreWriteError(what.path, "the disk is full")
        return real_save(self, what)

    monkeypatch.setattr(Store, "save", save)
    resumed = resume(store, stored.path)
    assert resumed.outcome == "recovered" and not resumed.saved
    assert resumed.stored.on_disk == base and find_recovery(stored.session.id) is not None
    refuse["on"] = False
    saves = Saves()
    saver = Autosaver(store, resumed.stored, saves)
    assert saver.flush(1, resumed.stored.session.model_copy(deep=True))
    saver.stop()
    assert find_recovery(stored.session.id) is None, "left behind after a later successful save"
    assert store.read(stored.path).session.goal.notes == "Herstelde tekst."


def test_nothing_new_in_the_recovery_file_removes_it(tmp_path):
    store = Store(tmp_path / "sessions")
    stored = store.create(Session(coachee="Kim"))
    recovery = write_recovery(stored.session)
    resumed = resume(store, stored.path)
    assert resumed.outcome is None and recovery is not None and not recovery.exists()


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_the_app_says_so_and_the_home_screen_and_history_name_the_copy(tmp_path, lang):
    store = Store(tmp_path / "sessions")
    path = a_session_changed_on_both_sides(
        store,
        outside=lambda s: setattr(s.goal, "notes", "Door de sync veranderd."),
        typed=lambda s: setattr(s.goal, "notes", "Getypt in growtui."),
    )
    notes: list[str] = []

    def noting(app):
        real_notify = app.notify

        def notify(message, **kw):
            notes.append(str(message))
            return real_notify(message, **kw)

        app.notify = notify
        return app

    app = noting(make_app(store.root, lang=lang, resume=path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.active is not None)
        copy = next(p for p in store.root.iterdir() if is_conflict_copy(p))
        assert any(copy.name in n and "goal.notes" in n for n in notes), notes
        assert app.active is not None and app.active.live.session.goal.notes == "Door de sync veranderd."
        await pilot.press("ctrl+q")
    home = noting(make_app(store.root, lang=lang))
    async with home.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await home.workers.wait_for_complete()
        await wait_until(pilot, lambda: sum(copy.name in n for n in notes) >= 2)
        home.open_history()
        await pilot.pause()
        await home.workers.wait_for_complete()
        await wait_until(pilot, lambda: sum(copy.name in n for n in notes) >= 3)
