"""Texts for around the conversation: preparing it, tags, reopening a finished one."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "prep.title": ("Voorbereiding: {coachee}", "Preparing: {coachee}"),
    "prep.first": (
        "Je eerste gesprek met {coachee} in growtui: nog niets om op terug te kijken.",
        "Your first conversation with {coachee} in growtui: nothing to look back on yet.",
    ),
    "prep.today": ("vandaag", "today"),
    "attention.none": ("Geen open acties.", "No open actions."),
    "key.copy_recap": ("Kopieer samenvatting", "Copy recap"),
    "tip.copy_recap": (
        "De afspraken voor de coachee naar het klembord, zonder je aantekeningen",
        "The agreements for the coachee to the clipboard, without your notes",
    ),
    "key.save_recap": ("Bewaar samenvatting", "Save recap"),
    "tip.save_recap": ("Dezelfde afspraken als tekstbestand", "The same agreements as a text file"),
    "finish.recap_copied": (
        "Samenvatting voor de coachee gekopieerd: plak hem in een mail of chat.",
        "Recap for the coachee copied: paste it into a mail or chat.",
    ),
    "finish.recap_saved": ("Samenvatting bewaard in {path}", "Recap saved in {path}"),
    "attention.due_list": ("Toe aan een 1-op-1: {names}", "Due for a 1-on-1: {names}"),
    "attention.is_overdue": ("te laat", "overdue"),
    "attention.open": ("F4 toont ze", "F4 shows them"),
    "key.actions": ("Acties", "Actions"),
    "tip.actions": (
        "Alle open acties van iedereen, te late eerst gemarkeerd",
        "Every open action of everyone, overdue ones marked",
    ),
    "key.rhythm": ("Ritme", "Rhythm"),
    "tip.rhythm": (
        "Hoe vaak je met deze coachee praat: elke 1, 2 of 4 weken, of geen",
        "How often you talk with this coachee: every 1, 2 or 4 weeks, or none",
    ),
    "rhythm.set": ("Ritme van {name}: {rhythm}", "Rhythm for {name}: {rhythm}"),
    "rhythm.none": ("geen", "none"),
    "rhythm.unknown": (
        "Eerst een gesprek met {name}: het ritme telt vanaf het laatste gesprek.",
        "First a conversation with {name}: the rhythm counts from the last one.",
    ),
    "prep.last": ("Vorige keer", "Last time"),
    "prep.count": ("Gesprekken tot nu toe", "Conversations so far"),
    "prep.overdue": ("te laat", "overdue"),
    "prep.scales": ("Scores van vorige keer", "Scores from last time"),
    "prep.loose_ends": ("Losse eindjes van vorige keer", "Loose ends from last time"),
    "prep.notes": ("Mijn voorbereiding", "My preparation"),
    "prep.notes.placeholder": (
        "Wat wil je zelf kwijt of vragen? Gaat mee in het gesprek, alleen voor jou.",
        "What do you want to raise or ask? Goes with the conversation, for you only.",
    ),
    "prep.questions": ("Vooraf gekozen vragen: {n} (Ctrl+O kiest)", "Questions picked in advance: {n} (Ctrl+O picks)"),
    "prep.questions.full": ("Al vijf vragen gekozen: genoeg.", "Five questions picked already: plenty."),
    "home.tags": ("Tags", "Tags"),
    "home.tags.placeholder": ("met komma's, mag leeg blijven", "comma separated, may stay empty"),
    "closing.tags": ("Tags", "Tags"),
    "closing.tags.placeholder": ("met komma's, bv. loopbaan, werkdruk", "comma separated, e.g. career, workload"),
    "reopened": (
        "Afgerond gesprek heropend voor correcties; de eindtijd blijft, de correctie wordt vastgelegd.",
        "A finished conversation reopened for corrections; its end time stays, the correction is recorded.",
    ),
}

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "prep.days_ago": (("{n} dag geleden", "{n} dagen geleden"), ("{n} day ago", "{n} days ago")),
    "prep.open_actions": (("{n} open actie", "{n} open acties"), ("{n} open action", "{n} open actions")),
    "attention.open_actions": (("{n} open actie", "{n} open acties"), ("{n} open action", "{n} open actions")),
    "attention.overdue": (("{n} te laat", "{n} te laat"), ("{n} overdue", "{n} overdue")),
    "attention.overdue_actions": (
        ("{n} actie te laat", "{n} acties te laat"),
        ("{n} overdue action", "{n} overdue actions"),
    ),
}
