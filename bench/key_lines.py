"""How long growtui takes to name the line of a mistake in a file (issue 15, item 2): ``python bench/key_lines.py``.

A long run of spaces in a multi-line string in an array, and one unknown
key: the file parses, fails validation, and the key-line finder looks for
the line. Prints, per size, the time of ``key_lines`` alone and of a whole
``Store.read`` (parse, validate, find the line), the best of five, with a
plain ``tomllib.loads`` of the same text as the baseline beside it.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tomllib
from pathlib import Path

from growtui.errors import SessionFileError
from growtui.storage import Store, toml_read

HEAD = 'schema_version = 2\nid = "bench0000001"\ncoachee = "X"\nstarted_at = 2026-10-01T10:00:00\n'


def text(size: int) -> str:
    return HEAD + 'tags = [\n"""\n' + " " * size + '\n""",\n]\nunknown_key = 1\n'


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main(sizes: list[int]) -> None:
    print(f"{'size':>10}  {'key_lines':>10}  {'Store.read':>10}  {'tomllib':>10}  ratio")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for size in sizes:
            body = text(size)
            path = root / "bench.toml"
            path.write_text(body, encoding="utf-8")

            def read(path: Path = path) -> None:
                try:
                    Store(root).read(path)
                except SessionFileError:
                    pass

            lines = best(lambda: toml_read.key_lines(body))  # noqa: B023 - used at once
            whole = best(read)
            base = best(lambda: tomllib.loads(body))  # noqa: B023 - used at once
            ms = f"{lines * 1000:>8.1f}ms  {whole * 1000:>8.1f}ms  {base * 1000:>8.1f}ms"
            print(f"{size:>10,}  {ms}  {whole / base:5.1f}x")


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [100_000, 400_000, 4_000_000, 15_000_000])
