"""What a scan of the sessions folder found that the user should know: unreadable files, conflicts, doubles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from growtui.i18n import tn

if TYPE_CHECKING:
    from growtui.index import Sync

Screen = Any  # a screen with ``store``, ``lang`` and ``notify``


def _file_list(paths: list[Path], root: Path) -> str:
    def shown(path: Path) -> str:
        try:
            return str(path.relative_to(root))
        except ValueError:
            return str(path)

    return ", ".join(shown(p) for p in paths)


def report_scan(screen: Screen, scan: Sync, reported: set[Path]) -> None:
    """One notification per kind of trouble, and only for files not reported before."""
    unreadable = list(
        dict.fromkeys(p for p in [*(p.path for p in scan.problems), *scan.unreadable] if p not in reported)
    )
    if unreadable:
        screen.notify(
            tn("home.problems", len(unreadable), screen.lang, files=_file_list(unreadable, screen.store.root)),
            severity="warning",
            timeout=15,
            markup=False,
        )
    conflicts = [p for p in scan.conflicts if p not in reported]
    if conflicts:
        screen.notify(
            tn("home.conflicts", len(conflicts), screen.lang, files=_file_list(conflicts, screen.store.root)),
            severity="warning",
            timeout=15,
            markup=False,
        )
    twice = [paths for paths in scan.duplicates if paths[0] not in reported]
    for paths in twice:
        screen.notify(
            tn("home.duplicates", len(paths), screen.lang, files=_file_list(paths, screen.store.root)),
            severity="warning",
            timeout=15,
            markup=False,
        )
    reported.update(paths[0] for paths in twice)
    plain = [p for p in scan.plain if p not in reported]
    if plain:
        screen.notify(
            tn("home.plain", len(plain), screen.lang, files=_file_list(plain, screen.store.root)),
            severity="warning",
            timeout=15,
            markup=False,
        )
    reported.update(unreadable, conflicts, plain)
