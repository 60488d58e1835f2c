"""Make sure ./.venv holds growtui, installed from this checkout; with --test, its test tools too.

Used by ./growtui (what growtui needs to run) and ./test (that plus pytest,
ruff, mypy and the rest of the ``test`` extra), so that a fresh machine with
only python3 needs nothing else. The first run fetches the dependencies from
the package index once; after that it re-installs only when pyproject.toml
changes or the tests need what a plain run did not install, and otherwise
costs a file read. Standard library only: this runs before anything is
installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("GROWTUI_VENV", ROOT / ".venv"))
STAMP = VENV / ".growtui-install-stamp"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def installed() -> tuple[str, set[str]]:
    """The stamp of the last install and the extras it installed ("test"), or nothing."""
    try:
        digest, _, extras = STAMP.read_text().strip().partition(" ")
    except OSError:
        return "", set()
    return digest, set(extras.split(",")) - {""}


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print(f"growtui needs Python 3.11 or newer; this is {sys.version.split()[0]}.", file=sys.stderr)
        return 2
    wanted = {"test"} if "--test" in argv else set()
    digest, extras = installed()
    if digest == wanted_stamp() and wanted <= extras and venv_python().exists():
        return 0
    wanted |= extras  # an update, or adding the test tools, keeps what is there
    print(f"Setting up growtui in {VENV} (only when first run or after an update)...", file=sys.stderr)
    if not venv_python().exists():
        try:
            venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
        except Exception as exc:
            print(
                f"Could not create {VENV}: {exc}\n"
                "On Debian or Ubuntu, install the venv module: apt install python3-venv",
                file=sys.stderr,
            )
            return 2
    target = f"{ROOT}[{','.join(sorted(wanted))}]" if wanted else str(ROOT)
    log = VENV / "install.log"
    with log.open("w") as out:
        result = subprocess.run(
            [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-e", target],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if result.returncode != 0:
        print(log.read_text()[-4000:], file=sys.stderr)
        print(f"Installing growtui failed; the full log is in {log}.", file=sys.stderr)
        return 2
    STAMP.write_text(f"{wanted_stamp()} {','.join(sorted(wanted))}\n")
    print("Done.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
