"""The baseline of a cold index build: parse every session file with ``tomllib``, in one process.

    .venv/bin/python bench/parse_all.py FOLDER

Reads each ``*.toml`` below FOLDER as bytes, decodes it and parses it; no
validation, no index. Prints how many files it parsed.
"""

from __future__ import annotations

import os
import sys
import tomllib


def main() -> None:
    parsed = 0
    for folder, _, names in os.walk(sys.argv[1]):
        for name in names:
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), "rb") as file:
                    tomllib.loads(file.read().decode("utf-8"))
                parsed += 1
    print(parsed)


if __name__ == "__main__":
    main()
