"""A terminal driver that survives its terminal going away.

Textual writes to the terminal from a writer thread fed by a bounded queue.
When the terminal window is closed, a write fails (EIO), that thread dies, and
the next thirty writes fill the queue: the app then blocks for ever on its way
out, holding the session lock. The notes are already saved by then, but a
process that never ends is still a fault. Here a failed write marks the
terminal as gone and every later write is dropped, so growtui always exits.
"""

from __future__ import annotations

import sys
import termios
from io import TextIOWrapper
from typing import IO, cast

from textual.drivers.linux_driver import LinuxDriver


def terminal_gone() -> bool:
    """True when the terminal was closed (reading its settings fails once it has hung up)."""
    try:
        stdin = sys.__stdin__
        if stdin is None:
            return True
        termios.tcgetattr(stdin.fileno())
    except Exception:
        return True
    return False


class _TerminalOutput:
    """The terminal's output file, with writes dropped once it has failed."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> None:
        if self.gone:
            return
        try:
            self._file.write(text)
        except (OSError, ValueError):  # EIO after a hang-up, or a closed file
            self.gone = True

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self._file.flush()
        except (OSError, ValueError):
            self.gone = True

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return True


class GuardedLinuxDriver(LinuxDriver):
    """Textual's driver for Linux and macOS, with output that cannot hang the app."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self._file is not None:
            # Textual types the file as a TextIOWrapper; the driver only writes, flushes and asks fileno().
            self._file = cast(TextIOWrapper, _TerminalOutput(self._file))
