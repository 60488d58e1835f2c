"""A full disk and a read-only folder in the middle of a conversation, injected as the OSError the OS gives.

The failure is injected at the bottom of the write path: creating the
temporary file (read-only folder) or halfway through writing it (disk full),
so the test also proves that a half-written temporary file never stays.
"""

from __future__ import annotations

import errno
import os
import tempfile
import types

import pytest

from growtui.conversation import autosave
from growtui.storage import atomic, find_recovery
from growtui.widgets.clock import SaveIndicator
from ui_helpers import make_app, session_screen, wait_for_file


class BrokenDisk:
    """Makes writes into one folder fail like the real thing until ``mend()``."""

    def __init__(self, folder, code: int):
        self.folder, self.code, self.broken, self.failures = str(folder), code, True, 0
        self._victims: set[int] = set()

    def mkstemp(
        self,
        suffix: str | None = None,
        prefix: str | None = None,
        dir: str | os.PathLike[str] | None = None,
        text: bool = False,
    ) -> tuple[int, str]:
        if self.broken and str(dir) == self.folder:
            if self.code != errno.ENOSPC:  # a read-only folder: creating the file already fails
                self.failures += 1
                raise OSError(self.code, os.strerror(self.code))
            fd, name = tempfile.mkstemp(suffix, prefix, dir, text)
            self._victims.add(fd)
            return fd, name
        return tempfile.mkstemp(suffix, prefix, dir, text)

    def fdopen(self, fd, *args, **kwargs):
        real = os.fdopen(fd, *args, **kwargs)
        if fd not in self._victims:
            return real
        self._victims.discard(fd)
        disk = self

        class HalfWritten:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                real.close()

            def write(self, data):
                real.write(data[: len(data) // 2])  # the disk fills up halfway
                real.flush()
                disk.failures += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return HalfWritten()

    def mend(self) -> None:
        self.broken = False


def hidden_leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only disk"), (errno.EACCES, "permission denied")],
    ids=["disk-full", "read-only-fs", "read-only-folder"],
)
async def test_a_failing_disk_warns_keeps_the_text_and_resumes(sessions_dir, monkeypatch, code, reason, figures):
    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.2)
    app = make_app(sessions_dir, coachee="Disk")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session_screen(app)
        path = screen.live.stored.path
        await pilot.press(*"first ")  # the file is written by the first save with something in it
        await wait_for_file(path, lambda text: "first " in text)
        before = path.read_bytes()
        disk = BrokenDisk(sessions_dir, code)
        monkeypatch.setattr(atomic, "tempfile", types.SimpleNamespace(mkstemp=disk.mkstemp))
        fake_os = types.SimpleNamespace(**{name: getattr(os, name) for name in dir(os) if not name.startswith("__")})
        fake_os.fdopen = disk.fdopen
        monkeypatch.setattr(atomic, "os", fake_os)

        await pilot.press(*"precious")
        indicator = screen.query_one(SaveIndicator)
        for _ in range(100):
            await pilot.pause(0.05)
            recovery = find_recovery(screen.live.session.id)
            if indicator.has_class("-failing") and recovery and "precious" in recovery.read_text():
                break
        assert disk.failures >= 1
        assert indicator.has_class("-failing") and "NOT SAVED" in str(indicator.render())
        assert any(reason in str(n.message) for n in app._notifications), "a visible warning says why"
        assert recovery is not None and "precious" in recovery.read_text()
        assert recovery.stat().st_mode & 0o777 == 0o600
        assert sessions_dir not in recovery.parents, "the recovery file is away from the failing folder"
        assert path.read_bytes() == before, "the session file is the old one, whole"
        assert hidden_leftovers(sessions_dir) == [], "no partial temporary file stays behind"
        assert screen.notes_area().text == "first precious", "the text stays on screen"

        await pilot.press(*" words")  # typing goes on while the disk is broken
        disk.mend()
        await wait_for_file(path, lambda text: "precious words" in text)
        for _ in range(60):
            await pilot.pause(0.05)
            if not indicator.has_class("-failing"):
                break
        assert not indicator.has_class("-failing")
        assert find_recovery(screen.live.session.id) is None, "the recovery file goes once saved"
        assert hidden_leftovers(sessions_dir) == []
    figures("disk faults injected during autosave (ENOSPC, EROFS, EACCES)", disk.failures)
