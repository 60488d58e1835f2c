"""Dates as people type them in a conversation: ``2026-12-01``, ``1-12``, ``+7``, ``vrijdag``."""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = {
    **{
        name: i
        for i, name in enumerate(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"])
    },
    **{
        name: i for i, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    },
    **{name: i for i, name in enumerate(["ma", "di", "wo", "do", "vr", "za", "zo"])},
    **{name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
}
_RELATIVE = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
_DAY_MONTH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date from what was typed, or None when it cannot be read.

    Accepts ISO dates, day-month(-year) as the Dutch write it (``1-12``,
    ``1/12/2026``), ``+N`` days, ``+Nw`` weeks, today/tomorrow in both
    languages, and weekday names (the next such day, never today).
    """
    today = today or date.today()
    value = text.strip().lower()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if value in _RELATIVE:
        return today + timedelta(days=_RELATIVE[value])
    if value in _WEEKDAYS:
        ahead = (_WEEKDAYS[value] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    relative = re.fullmatch(r"\+(\d{1,3})\s*([dw]?)", value)
    if relative:
        n = int(relative.group(1))
        return today + timedelta(weeks=n) if relative.group(2) == "w" else today + timedelta(days=n)
    match = _DAY_MONTH.match(value)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        full_year = today.year if year is None else (2000 + int(year) if len(year) == 2 else int(year))
        try:
            result = date(full_year, month, day)
        except ValueError:
            return None
        if year is None and result < today:
            try:
                result = date(full_year + 1, month, day)  # "1-2" in December means next February
            except ValueError:
                return None
        return result
    return None
