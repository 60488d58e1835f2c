"""The history screen and a coachee's arc."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "history.help": (
        (
            "Alle gesprekken, nieuwste eerst. Typ in het zoekveld om in alles wat je noteerde te zoeken; kies "
            "een coachee, status of label, of vul datums in om te filteren. Enter opent een gesprek, Ctrl+G "
            "toont de lijn van een coachee over alle gesprekken."
        ),
        (
            "Every conversation, newest first. Type in the search box to search everything you noted; pick a "
            "coachee, status or tag, or fill in dates, to filter. Enter opens a conversation, Ctrl+G shows a "
            "coachee's arc across all conversations."
        ),
    ),
    "history.col.date": ("Datum", "Date"),
    "history.col.coachee": ("Coachee", "Coachee"),
    "history.col.topic": ("Onderwerp", "Topic"),
    "history.col.status": ("Status", "Status"),
    "history.col.actions": ("Acties", "Actions"),
    "history.status.in_progress": ("loopt nog", "in progress"),
    "history.status.completed": ("afgerond", "completed"),
    "history.status.all": ("Elke status", "Any status"),
    "history.coachee.all": ("Iedereen", "Everyone"),
    "history.tag.all": ("Elk label", "Any tag"),
    "history.since": ("van", "from"),
    "history.until": ("tot", "to"),
    "history.date.placeholder": ("datum", "date"),
    "history.search.placeholder": ("Zoek in alles wat je noteerde…", "Search everything you noted…"),
    "history.loading": ("Gesprekken lezen…", "Reading conversations…"),
    "history.indexing": ("Zoekindex opbouwen: {done} van {total}", "Building the search index: {done} of {total}"),
}

# key: ((Dutch one, Dutch more), (English one, English more)); {n} decides
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "history.count": (
        ("{n} gesprek", "{n} gesprekken"),
        ("{n} conversation", "{n} conversations"),
    ),
    "history.count_filtered": (
        ("{shown} van {n} gesprek", "{shown} van {n} gesprekken"),
        ("{shown} of {n} conversation", "{shown} of {n} conversations"),
    ),
    "arc.title": (
        ("{coachee} · {n} gesprek · {first} tot {last}", "{coachee} · {n} gesprekken · {first} tot {last}"),
        ("{coachee} · {n} conversation · {first} to {last}", "{coachee} · {n} conversations · {first} to {last}"),
    ),
}
