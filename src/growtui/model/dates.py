"""Dates as people type them in a conversation: ``2026-12-01``, ``1-12``, ``3 dec``, ``Dec 3``, ``+7``, ``vrijdag``."""

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
_MONTHS = {
    **{
        name: i
        for i, name in enumerate(
            [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        name: i
        for i, name in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        name: i
        for i, name in enumerate(
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"], 1
        )
    },
    **{
        name: i
        for i, name in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
        )
    },
    "sept": 9,
    "maa": 3,
}
_DAY_NAME = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e)?\.?\s*([a-z]+)\.?(?:,?\s+(\d{4}))?$")  # 3 dec, 3 december 2026
_NAME_DAY = re.compile(r"^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")  # Dec 3, december 3, 2026
_RELATIVE = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
_DAY_MONTH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date from what was typed, or None when it cannot be read.

    Accepts ISO dates, day-month(-year) as the Dutch write it (``1-12``,
    ``1/12/2026``), a day and a month's name either way round in both
    languages (``3 dec``, ``3 december 2026``, ``Dec 3``, ``December 3,
    2026``), ``+N`` days, ``+Nw`` weeks, today/tomorrow in both languages,
    and weekday names (the next such day, never today).
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
        year = match.group(3)
        return _day(
            today,
            int(match.group(1)),
            int(match.group(2)),
            None if year is None else (2000 + int(year) if len(year) == 2 else int(year)),
        )
    for pattern, day_group, month_group in ((_DAY_NAME, 1, 2), (_NAME_DAY, 2, 1)):
        match = pattern.match(value)
        if match and match.group(month_group) in _MONTHS:
            year = match.group(3)
            return _day(
                today,
                int(match.group(day_group)),
                _MONTHS[match.group(month_group)],
                None if year is None else int(year),
            )
    return None


def _day(today: date, day: int, month: int, year: int | None) -> date | None:
    """The date, or None when there is no such day; without a year, the next one from today on."""
    try:
        result = date(today.year if year is None else year, month, day)
    except ValueError:
        return None
    if year is None and result < today:
        try:
            result = date(today.year + 1, month, day)  # "1-2" in December means next February
        except ValueError:
            return None
    return result
