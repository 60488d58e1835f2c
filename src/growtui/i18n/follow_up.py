"""The follow-up step: how earlier actions turned out, and carrying one over again."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "follow_up.empty": ("Geen eerdere afspraken om na te lopen.", "No earlier actions to review."),
    "follow_up.outcome": ("Uitkomst", "Outcome"),
    "follow_up.tried": ("Wat is er geprobeerd?", "What was tried?"),
    "follow_up.helped": ("Wat hielp?", "What helped?"),
    "follow_up.hindered": ("Wat zat in de weg?", "What got in the way?"),
    "follow_up.next_step": ("Volgende stap", "Next step"),
    "outcome.done": ("gedaan", "done"),
    "outcome.partly_done": ("deels gedaan", "partly done"),
    "outcome.not_done": ("niet gedaan", "not done"),
    "outcome.unset": ("nog niet besproken", "not discussed yet"),
    "follow_up.decision": ("Besluit", "Decision"),
    "decision.close": ("afronden", "close"),
    "decision.carry_over": ("meenemen naar nu", "carry over to now"),
    "decision.drop": ("laten vallen", "drop"),
    "decision.unset": ("nog niet besloten", "not decided yet"),
    "follow_up.due": ("klaar op {date}", "done by {date}"),
    "follow_up.motivation_then": ("motivatie toen {score}/10", "motivation then {score}/10"),
    "follow_up.age_today": ("vandaag afgesproken", "agreed today"),
    "follow_up.carried": ("al {n}× meegenomen", "carried over {n}× already"),
    "carry.title": ("Nog een keer meenemen?", "Carry it over again?"),
    "carry.yes": ("Toch meenemen", "Carry over anyway"),
    "carry.drop": ("Laten vallen", "Drop it"),
    "carry.cancel": ("Annuleren", "Cancel"),
}

# key: ((Dutch one, Dutch more), (English one, English more)); {n} decides
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "follow_up.age": (
        ("{n} dag geleden afgesproken", "{n} dagen geleden afgesproken"),
        ("agreed {n} day ago", "agreed {n} days ago"),
    ),
    "carry.age": (
        (" en is {n} dag oud", " en is {n} dagen oud"),
        (" and is {n} day old", " and is {n} days old"),
    ),
    "carry.body": (
        (
            (
                "Deze actie is al {n} keer meegenomen{age}. Wat steeds blijft liggen, verdient een eigen gesprek: "
                "is dit nog de goede actie, of is er iets anders nodig?"
            ),
            (
                "Deze actie is al {n} keer meegenomen{age}. Wat steeds blijft liggen, verdient een eigen gesprek: "
                "is dit nog de goede actie, of is er iets anders nodig?"
            ),
        ),
        (
            (
                "This action has been carried over once already{age}. Something that keeps waiting deserves its "
                "own conversation: is this still the right action, or is something else needed?"
            ),
            (
                "This action has been carried over {n} times already{age}. Something that keeps waiting deserves "
                "its own conversation: is this still the right action, or is something else needed?"
            ),
        ),
    ),
}
