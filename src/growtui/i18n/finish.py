"""The summary before finishing a conversation."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "finish.title": ("Samenvatting", "Summary"),
    "finish.goal": ("Doel", "Goal"),
    "finish.chosen": ("Gekozen", "Chosen"),
    "finish.actions": ("Acties", "Actions"),
    "finish.motivation": ("Motivatie", "Motivation"),
    "finish.none": ("(niets vastgelegd)", "(nothing recorded)"),
    "finish.confirm": ("Afronden", "Finish"),
    "finish.cancel": ("Terug naar het gesprek", "Back to the conversation"),
    "finish.done": ("Gesprek afgerond en opgeslagen.", "Conversation finished and saved."),
    "finish.no_actions": (
        "Er zijn nog geen acties: een gesprek eindigt bij voorkeur met een afspraak.",
        "No actions yet: a conversation best ends with a commitment.",
    ),
    "finish.measure": ("Succes zie je aan", "Success looks like"),
    "finish.to_ten": ("Naar een 10", "To a 10"),
    "finish.no_date": ("geen datum", "no date"),
    "finish.no_motivation": (
        "De motivatie is nog niet gevraagd: hoe graag wil de coachee dit, van 1 tot 10?",
        "Motivation has not been asked yet: how much does the coachee want this, from 1 to 10?",
    ),
    "finish.long_term": ("Op langere termijn", "Longer term"),
    "finish.follow_up": ("Eerdere afspraken", "Earlier actions"),
    "finish.next_meeting": ("Volgend gesprek", "Next meeting"),
}

# key: ((Dutch one, Dutch more), (English one, English more)); {n} decides
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "finish.unsettled": (
        (
            "Deze actie heeft nog geen datum of succescriterium: {actions}. Spreek die bij voorkeur nu af.",
            "Deze acties hebben nog geen datum of succescriterium: {actions}. Spreek die bij voorkeur nu af.",
        ),
        (
            "This action has no date or success criterion yet: {actions}. Best settle it now.",
            "These actions have no date or success criterion yet: {actions}. Best settle them now.",
        ),
    ),
}
