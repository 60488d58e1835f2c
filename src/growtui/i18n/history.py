"""The history screen and a coachee's arc."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "history.help": (
        (
            "Alle gesprekken, nieuwste eerst. Typ in het zoekveld om in alles wat je noteerde te zoeken; kies "
            "een coachee, status of label, of vul datums in om te filteren. Enter opent een gesprek, Ctrl+G "
            "toont de lijn van een coachee over alle gesprekken. Delete legt het gekozen gesprek in de "
            "prullenbak, na een vraag; 30 dagen lang haalt growtui restore het terug."
        ),
        (
            "Every conversation, newest first. Type in the search box to search everything you noted; pick a "
            "coachee, status or tag, or fill in dates, to filter. Enter opens a conversation, Ctrl+G shows a "
            "coachee's arc across all conversations. Delete puts the highlighted conversation in the trash, "
            "after asking; for 30 days growtui restore brings it back."
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
    "history.searching": ("Zoeken…", "Searching…"),
    "history.indexing": ("Zoekindex opbouwen: {done} van {total}", "Building the search index: {done} of {total}"),
    "key.delete_session": ("Verwijderen", "Delete"),
    "tip.delete_session": (
        "Dit gesprek naar de prullenbak; 30 dagen lang terug te halen",
        "Move this conversation to the trash; it can be brought back for 30 days",
    ),
    "history.delete.title": ("Gesprek verwijderen?", "Delete this conversation?"),
    "history.delete.body": (
        "{coachee} · {when}\n{topic}\n\nHet gesprek gaat naar de prullenbak en blijft daar {days} dagen; "
        "zolang haalt growtui restore het terug. Daarna is het weg.",
        "{coachee} · {when}\n{topic}\n\nThe conversation goes to the trash and stays there {days} days; "
        "until then growtui restore brings it back. After that it is gone.",
    ),
    "history.delete.yes": ("Naar de prullenbak", "Move to the trash"),
    "history.deleted": (
        "In de prullenbak: {coachee}, {when}. growtui restore {id} haalt het terug.",
        "In the trash: {coachee}, {when}. growtui restore {id} brings it back.",
    ),
    "history.delete.in_use": (
        "Niet verwijderd: dit gesprek is open in een ander growtui-venster. Sluit het daar eerst.",
        "Not deleted: this conversation is open in another growtui window. Close it there first.",
    ),
    "history.delete.failed": ("Niet verwijderd: {reason}", "Not deleted: {reason}"),
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
