"""Two versions of one session that went apart from a common one: merged field by field, or not at all.

When a save is refused because the file changed outside growtui (an editor,
a sync tool), growtui keeps its own version in a recovery file together with
the version it last saw on disk (the base). On resuming, each field that only
one side changed takes that side's value; a field both changed, to different
values, is a conflict, and then nothing is merged: both versions are kept.
Tables are merged key by key; a text, a number or a list is one field.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from growtui.model import Session

_MISSING = object()


def _merge(base: Any, disk: Any, ours: Any, where: str, conflicts: list[str]) -> Any:
    if disk == ours:
        return disk
    if disk == base:
        return ours
    if ours == base:
        return disk
    if isinstance(base, dict) and isinstance(disk, dict) and isinstance(ours, dict):
        merged = {}
        for key in dict.fromkeys([*disk, *ours]):
            value = _merge(
                base.get(key, _MISSING), disk.get(key, _MISSING), ours.get(key, _MISSING), f"{where}{key}.", conflicts
            )
            if value is not _MISSING:
                merged[key] = value
        return merged
    conflicts.append(where.rstrip("."))
    return disk


def merge(base: Session, disk: Session, ours: Session) -> tuple[Session | None, list[str]]:
    """``(merged, [])`` when no field was changed on both sides, else ``(None, the fields both changed)``."""
    conflicts: list[str] = []
    base_data, disk_data, our_data = (s.model_dump(mode="python") for s in (base, disk, ours))
    merged = _merge(base_data, disk_data, our_data, "", conflicts)
    if conflicts:
        return None, conflicts
    try:
        return Session.model_validate(merged), []
    except ValidationError:  # each side valid, the mix not (an option chosen on one side, removed on the other)
        return None, ["the session as a whole"]
