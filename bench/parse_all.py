"""The baseline of a cold index build: parse every session file with ``tomllib``, in one process.

    .venv/bin/python bench/parse_all.py FOLDER [tomllib|tomli]

Reads each ``*.toml`` below FOLDER as bytes, decodes it and parses it; no
validation, no index. Prints how many files it parsed. ``tomli`` (the
compiled copy of tomllib's code that growtui reads with) shows how much of
a build is the parsing itself.
"""

from __future__ import annotations

import importlib
import os
import sys


def main() -> None:
    parser = importlib.import_module(sys.argv[2] if len(sys.argv) > 2 else "tomllib")
    parsed = 0
    for folder, _, names in os.walk(sys.argv[1]):
        for name in names:
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), "rb") as file:
                    parser.loads(file.read().decode("utf-8"))
                parsed += 1
    print(parsed)


if __name__ == "__main__":
    main()
