"""The terminal output that cannot hang growtui when the terminal goes away."""

from __future__ import annotations

import errno
import sys
import threading
from typing import IO, cast

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

from growtui.app import GrowApp
from growtui.driver import GuardedLinuxDriver, _TerminalOutput


class ClosedTerminal:
    """A terminal after its window was closed: every write fails with EIO.

    It has only what the writer thread uses of a terminal file, so tests ``cast`` it to ``IO[str]``.
    """

    def __init__(self) -> None:
        self.writes = 0

    def write(self, text: str) -> None:
        self.writes += 1
        raise OSError(errno.EIO, "Input/output error")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")

    def fileno(self) -> int:
        return 2


def _write_then_stop(writer: WriterThread, count: int) -> threading.Thread:
    def work() -> None:
        for n in range(count):
            writer.write(f"frame {n}")
        writer.stop()

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(5)
    return worker


def test_textual_alone_hangs_on_a_closed_terminal(monkeypatch):
    """The fault itself, so the test below proves something: the writer dies, the queue fills, stop() blocks.

    The writer thread's death is the point, so its exception is caught here and checked, instead of
    reaching pytest as an unhandled-thread warning that reads like a failure.
    """
    died: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: died.append(args.exc_value))
    writer = WriterThread(cast(IO[str], ClosedTerminal()))
    writer.start()
    assert _write_then_stop(writer, MAX_QUEUED_WRITES + 5).is_alive()
    assert len(died) == 1 and isinstance(died[0], OSError) and died[0].errno == errno.EIO


def test_guarded_output_lets_the_app_finish_on_a_closed_terminal():
    terminal = ClosedTerminal()
    output = _TerminalOutput(cast(IO[str], terminal))
    writer = WriterThread(cast(IO[str], output))  # as GuardedLinuxDriver hands it to Textual
    writer.start()
    assert not _write_then_stop(writer, MAX_QUEUED_WRITES * 4).is_alive()
    assert output.gone
    assert terminal.writes == 1, "after the first failure nothing more is tried"


@pytest.mark.skipif(sys.platform.startswith("win"), reason="Textual's Windows driver writes differently")
def test_growtui_uses_the_guarded_driver_on_posix():
    assert GrowApp.get_driver_class(object.__new__(GrowApp)) is GuardedLinuxDriver
