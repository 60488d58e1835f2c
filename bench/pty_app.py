"""A process in its own pseudo-terminal, as a terminal window runs it: wait for words, press keys, read its memory.

The pty sections (app_sections.py, screen_sections.py) only see what a user
sees: the bytes the app draws, with the escape sequences taken out, and
what Linux says about the process in /proc. Linux only.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from harness import Failed

COLS, ROWS = 100, 30
F8 = b"\x1b[19~"  # as xterm sends it

_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
_TICK = os.sysconf("SC_CLK_TCK")


def _take_terminal() -> None:
    """In the child, before it runs: the pty becomes its controlling terminal, as in a terminal window."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``argv`` started in a new pseudo-terminal of COLS x ROWS; killed on close (use it as a context manager).

    ``started`` is when it was started (perf_counter_ns). Everything it
    draws is kept; ``mark()`` and ``wait_for(since=...)`` look only at what
    came after a point, e.g. after a key was sent.
    """

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = {**env, "TERM": "xterm-256color", "COLUMNS": str(COLS), "LINES": str(ROWS)}
        self.output = bytearray()
        self.started = time.perf_counter_ns()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, preexec_fn=_take_terminal
        )
        os.close(slave)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        os.close(self.master)

    def mark(self) -> int:
        """A point in the output: what is drawn after it counts for ``wait_for(since=...)``."""
        return len(self.output)

    def _read(self, timeout: float) -> bool:
        """Take what the app drew within ``timeout`` seconds; False when it closed the terminal."""
        if not select.select([self.master], [], [], timeout)[0]:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        self.output += chunk
        return bool(chunk)

    def shown(self, since: int = 0) -> str:
        return _ESCAPES.sub(b"", self.output[since:]).decode("utf-8", "replace")

    def wait_for(self, marker: str, since: int = 0, timeout: float = 60.0) -> int:
        """Read until ``marker`` is drawn after ``since``; the perf_counter_ns when it was there."""
        wanted = marker.encode()
        deadline = time.monotonic() + timeout
        while wanted not in _ESCAPES.sub(b"", self.output[since:]):
            if time.monotonic() > deadline:
                raise Failed(f"{marker!r} not on the screen after {timeout:.0f} s")
            if not self._read(0.05):
                raise Failed(f"exit {self.proc.wait()} before {marker!r} was drawn: {self.shown().strip()[-2000:]}")
        return time.perf_counter_ns()

    def pump(self, seconds: float) -> None:
        """Keep reading what it draws for ``seconds`` (a full pty would stall it)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if not self._read(min(left, 0.05)):
                raise Failed(f"exit {self.proc.wait()}: {self.shown().strip()[-2000:]}")

    def press(self, keys: bytes) -> int:
        """Send ``keys`` as typed; the perf_counter_ns just before."""
        now = time.perf_counter_ns()
        os.write(self.master, keys)
        return now

    def settle(self, at_least: float = 3.0, idle: float = 0.05, at_most: float = 20.0) -> float:
        """Wait ``at_least`` seconds, then until it used under ``idle`` of a core over half a second; seconds waited.

        A Textual app is never fully idle (the cursor blinks), hence a share
        of a core, not zero. After ``at_most`` seconds it gives up waiting.
        """
        start = time.monotonic()
        self.pump(at_least)
        before = self.cpu_seconds()
        while time.monotonic() - start < at_most:
            self.pump(0.5)
            now = self.cpu_seconds()
            if now - before < idle * 0.5:
                break
            before = now
        else:
            print(f"\nstill busy after {at_most:.0f} s: {' '.join(self.proc.args)}", file=sys.stderr)  # type: ignore[arg-type]
        return time.monotonic() - start

    def _proc(self, name: str) -> str:
        return (Path("/proc") / str(self.proc.pid) / name).read_text()

    def cpu_seconds(self) -> float:
        """User and system CPU time it has used so far (its threads included, not its children)."""
        fields = self._proc("stat").rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / _TICK

    def peak_rss(self) -> int:
        """VmHWM: the high-water mark of its resident memory since it started, in bytes."""
        for line in self._proc("status").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        raise Failed(f"no VmHWM in /proc/{self.proc.pid}/status")

    def children(self) -> list[int]:
        """Its child processes still running (their memory is not in ``peak_rss``)."""
        found = []
        for task in (Path("/proc") / str(self.proc.pid) / "task").iterdir():
            found += [int(p) for p in (task / "children").read_text().split()]
        return found
