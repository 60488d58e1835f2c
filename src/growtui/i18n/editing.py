"""The option and action editors, dates as typed, and the question picker."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "editor.option": ("Optie bewerken", "Edit option"),
    "editor.action": ("Actie bewerken", "Edit action"),
    "editor.undo": ("Wijzigingen terugdraaien", "Undo changes"),
    "date.start_after_due": (
        "Let op: de start ligt na de datum waarop het af moet zijn.",
        "Note: the start is after the date it should be done by.",
    ),
    "date.weekdays": ("ma di wo do vr za zo", "Mon Tue Wed Thu Fri Sat Sun"),
    "date.months": (
        "jan feb mrt apr mei jun jul aug sep okt nov dec",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    "date.invalid": (
        "Datum als 2026-12-01, 1-12, +7 (over 7 dagen) of 'vandaag'.",
        "Date as 2026-12-01, 1-12, +7 (in 7 days) or 'today'.",
    ),
    "picker.none": ("Geen vragen gevonden.", "No questions match."),
    "picker.title": ("Vragen: {phase}", "Questions: {phase}"),
    "picker.filter": ("Filter op tekst of #tag…", "Filter by text or #tag…"),
}
