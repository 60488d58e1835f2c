"""The home screen: starting, resuming and the recent conversations."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "home.new": ("Nieuw gesprek", "New conversation"),
    "home.coachee": ("Coachee", "Coachee"),
    "home.topic": ("Onderwerp", "Topic"),
    "home.type": ("Soort", "Kind"),
    "home.minutes": ("Minuten", "Minutes"),
    "home.language": ("Taal", "Language"),
    "home.start": ("Start", "Start"),
    "home.resume": ("Verder met een onderbroken gesprek", "Resume an unfinished conversation"),
    "home.recent": ("Recente gesprekken", "Recent conversations"),
    "home.none": ("Nog geen gesprekken.", "No conversations yet."),
    "home.coachee_needed": ("Vul de naam van de coachee in.", "Enter the coachee's name."),
    "home.recovered": (
        "Herstelde tekst gevonden voor {coachee}: opent met de herstelde versie.",
        "Recovered text found for {coachee}: opening the recovered version.",
    ),
    "home.recovered.unsaved": (
        "Herstelde tekst gevonden voor {coachee}; de schijf weigert nog steeds, dus die staat alleen in het "
        "herstelbestand tot het opslaan weer lukt.",
        "Recovered text found for {coachee}; the disk still refuses, so it stays in the recovery file until "
        "saving works again.",
    ),
    "home.merged": (
        "Het bestand van {coachee} is buiten growtui gewijzigd, en growtui had nog niet-opgeslagen tekst. "
        "Ze raakten verschillende velden, dus beide staan nu in het gesprek.",
        "{coachee}'s file was changed outside growtui while growtui still had unsaved text. They touched "
        "different fields, so both are in the conversation now.",
    ),
    "home.conflict": (
        "Het bestand van {coachee} is buiten growtui gewijzigd op dezelfde plek als je niet-opgeslagen tekst "
        "({fields}). Het bestand opent zoals het nu is; jouw versie staat ernaast als {copy}. "
        "Vergelijk ze, houd wat je nodig hebt en verwijder de kopie.",
        "{coachee}'s file was changed outside growtui where you had unsaved text too ({fields}). The file "
        "opens as it is now; your version is kept beside it as {copy}. Compare them, keep what you need "
        "and delete the copy.",
    ),
    "home.coachee.placeholder": ("Met wie voer je het gesprek?", "Who is the conversation with?"),
    "home.topic.placeholder": ("Waar gaat het over? (mag leeg blijven)", "What is it about? (may stay empty)"),
    "home.minutes_invalid": ("Minuten: een heel getal van 5 tot 480.", "Minutes: a whole number from 5 to 480."),
    "home.has_recovery": ("herstelde tekst", "recovered text"),
    "home.help": (
        (
            "Vul de naam van de coachee in en druk op Enter om te beginnen. Een onderbroken gesprek hervat je "
            "met Enter in de lijst; een recent gesprek kiezen vult het formulier met dezelfde coachee."
        ),
        (
            "Enter the coachee's name and press Enter to begin. Resume an unfinished conversation with Enter in "
            "its list; picking a recent conversation fills the form with the same coachee."
        ),
    ),
    "resume_offer.title": ("Nog een gesprek open", "A conversation still open"),
    "resume_offer.resume": ("Verder met dat gesprek", "Go on with that one"),
    "resume_offer.new": ("Toch een nieuw gesprek", "Start a new one anyway"),
    "resume_offer.later": (
        "Het gesprek met {coachee} van {date} staat ook nog open; growtui resume {id} gaat daarmee verder.",
        "The conversation with {coachee} of {date} is still open too; growtui resume {id} goes on with it.",
    ),
}

# key: ((Dutch one, Dutch more), (English one, English more)); {n} decides
PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "home.duplicates": (
        (
            "{n} bestanden bevatten hetzelfde gesprek (één id), dus het staat dubbel in de lijst; is er één een "
            "kopie? Houd er één: {files}",
            "{n} bestanden bevatten hetzelfde gesprek (één id), dus het staat dubbel in de lijst; is er één een "
            "kopie? Houd er één: {files}",
        ),
        (
            "{n} file holds a session another file holds too: {files}",
            "{n} files hold the same session (one id), so it is listed twice; is one a copy? Keep one: {files}",
        ),
    ),
    "home.plain": (
        (
            "{n} sessiebestand in deze versleutelde map is niet versleuteld, en telt niet mee voor de "
            "opvolging tot growtui encrypt het versleutelt: {files}",
            "{n} sessiebestanden in deze versleutelde map zijn niet versleuteld, en tellen niet mee voor de "
            "opvolging tot growtui encrypt ze versleutelt: {files}",
        ),
        (
            "{n} session file in this encrypted folder is not encrypted, and is not used for follow-ups "
            "until growtui encrypt encrypts it: {files}",
            "{n} session files in this encrypted folder are not encrypted, and are not used for follow-ups "
            "until growtui encrypt encrypts them: {files}",
        ),
    ),
    "home.problems": (
        (
            "{n} sessiebestand kon niet gelezen worden: {files}",
            "{n} sessiebestanden konden niet gelezen worden: {files}",
        ),
        ("{n} session file could not be read: {files}", "{n} session files could not be read: {files}"),
    ),
    "home.conflicts": (
        (
            (
                "{n} conflictkopie van de synchronisatie niet getoond; voeg haar samen met het origineel of "
                "verwijder haar: {files}"
            ),
            (
                "{n} conflictkopieën van de synchronisatie niet getoond; voeg ze samen met het origineel of "
                "verwijder ze: {files}"
            ),
        ),
        (
            "{n} sync conflict copy not shown; merge it with the original or remove it: {files}",
            "{n} sync conflict copies not shown; merge them with the original or remove them: {files}",
        ),
    ),
    "resume_offer.body": (
        (
            "Het gesprek met {coachee} van {date}{topic} is nog niet afgerond. Wil je daarmee verder?",
            "Er staan {n} gesprekken met {coachee} open; het laatste is van {date}{topic}. Wil je daarmee verder?",
        ),
        (
            "The conversation with {coachee} of {date}{topic} was not finished. Go on with it?",
            "{n} conversations with {coachee} are still open; the latest is of {date}{topic}. Go on with it?",
        ),
    ),
}
