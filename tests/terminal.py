"""growtui as a real process in a pseudo-terminal, for the fault-injection tests.

The child gets the pty as its controlling terminal (so closing it sends
SIGHUP, as closing a terminal window does), a window size, and the isolated
environment of the test. A thread drains its output all the time, so the app
never blocks on a full pty buffer while the test waits.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

# Runs in the child: become the terminal's session leader, optionally inject a
# fault, then run growtui's own entry point, exactly as the installed command does.
LAUNCHER = r"""
import fcntl, os, sys, termios
fcntl.ioctl(0, termios.TIOCSCTTY, 0)
inject = os.environ.pop("GROWTUI_TEST_INJECT", "")
if inject:
    exec(compile(inject, "<fault injection>", "exec"))
sys.argv = ["growtui", *sys.argv[1:]]
from growtui.cli import main
main()
"""

_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def screen_text(raw: bytes) -> str:
    """What was drawn, with every escape sequence taken out."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


class Terminal:
    def __init__(
        self,
        args: list[str],
        env: dict[str, str],
        *,
        cols: int = 100,
        rows: int = 30,
        inject: str = "",
        cwd: Path | None = None,
    ):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**env, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)}
        if inject:
            env["GROWTUI_TEST_INJECT"] = inject
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        fd = self.master
        while fd is not None and not self._stop.is_set():
            if not select.select([fd], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed its side
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    # --- watching ---------------------------------------------------------------

    def text(self) -> str:
        with self._lock:
            return screen_text(bytes(self.output))

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            if self.proc.poll() is not None:
                raise AssertionError(
                    f"growtui exited ({self.proc.returncode}) before showing {needle!r}:\n{self.text()[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never appeared on the screen:\n{self.text()[-2000:]}")
            time.sleep(0.05)

    def wait_exit(self, timeout: float = 15.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"growtui did not exit within {timeout} s:\n{self.text()[-2000:]}") from None

    # --- acting -----------------------------------------------------------------

    def send(self, data: str | bytes) -> None:
        assert self.master is not None
        os.write(self.master, data.encode() if isinstance(data, str) else data)

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def hang_up(self) -> None:
        """Close our side of the terminal, as closing the window does (the kernel sends SIGHUP)."""
        self._stop.set()
        self._reader.join(5)  # the reader must let go of the fd, or it would stay open
        fd, self.master = self.master, None
        if fd is not None:
            os.close(fd)

    def close(self) -> None:
        self.kill()
        self.hang_up()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
