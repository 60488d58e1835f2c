"""Crash reports that never contain what somebody typed.

Python tracebacks (and Textual's, which show local variables) would print
notes. A crash report here holds the exception type and the code locations
only: no exception message, no local variables, no arguments.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

import growtui
from growtui import paths


def write_report(exc: BaseException) -> Path | None:
    """Write a 0600 crash log and return its path (None if that failed too)."""
    lines = [
        f"growtui {growtui.__version__} crashed at {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
        f"python {sys.version.split()[0]} on {sys.platform}",
        f"exception type: {type(exc).__module__}.{type(exc).__qualname__}",
        "(the exception message and all values are left out on purpose: they may hold notes)",
        "",
    ]
    current: BaseException | None = exc
    while current is not None:
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append(f"while handling {type(current).__qualname__}:")
    try:
        folder = paths.ensure_private_dir(paths.log_dir())
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        return path
    except OSError:
        return None
