"""After the conversation: the coachee's recap, the calendar file, the lists across people, the period summary."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    # the recap: what the coachee takes away
    "recap.title": ("Onze afspraken van {date}", "What we agreed on {date}"),
    "recap.goal": ("Je doel", "Your goal"),
    "recap.chosen": ("De weg die je kiest", "The way you chose"),
    "recap.yours": ("Wat jij gaat doen", "What you are going to do"),
    "recap.mine": ("Wat ik voor je doe", "What I will do for you"),
    "recap.agreed": ("Verder spraken we af", "We also agreed"),
    "recap.next": ("Het volgende gesprek", "Our next conversation"),
    "recap.nothing": (
        "In dit gesprek zijn (nog) geen afspraken vastgelegd.",
        "No agreements were written down in this conversation (yet).",
    ),
    # the calendar file
    "ics.next_meeting": ("Gesprek met {coachee}", "Conversation with {coachee}"),
    "ics.calendar": ("growtui: afspraken", "growtui: agreements"),
    # the process summary over a period
    "doc.period": ("Periode", "Period"),
    "doc.period_between": ("{since} tot en met {until}", "{since} up to and including {until}"),
    "doc.period_since": ("vanaf {since}", "from {since} on"),
    "doc.period_until": ("tot en met {until}", "up to and including {until}"),
    "doc.gap": ("Dagen sinds het vorige", "Days since the one before"),
    "doc.gaps": ("Tijd tussen de gesprekken", "Time between conversations"),
    "doc.gaps_value": (
        "gemiddeld {average} dagen, het langst {longest} dagen",
        "{average} days on average, {longest} days at the longest",
    ),
    "doc.outcomes": ("Eerdere acties, zo liepen ze af", "Earlier actions, how they turned out"),
    # growtui actions and growtui coachees
    "people.due": ("Klaar op", "Due"),
    "people.coachee": ("Coachee", "Coachee"),
    "people.action": ("Actie", "Action"),
    "people.criterion": ("Succescriterium", "Success criterion"),
    "people.carried": ("Doorgeschoven", "Carried"),
    "people.session": ("Gesprek", "Session"),
    "people.late": ("te laat", "overdue"),
    "people.mine": ("(ik) ", "(me) "),
    "people.no_actions": ("Geen open acties.", "No open actions."),
    "people.no_coachees": ("Nog geen gesprekken.", "No conversations yet."),
    "people.conversations": ("Gesprekken", "Talks"),
    "people.last": ("Laatste", "Last"),
    "people.days": ("Dagen", "Days"),
    "people.next": ("Volgende", "Next"),
    "people.open": ("Open", "Open"),
    "people.overdue": ("Te laat", "Overdue"),
    "people.rhythm": ("Ritme", "Rhythm"),
    "people.state": ("Stand", "State"),
    "people.rhythm.1w": ("elke week", "weekly"),
    "people.rhythm.2w": ("om de week", "every 2 weeks"),
    "people.rhythm.4w": ("elke 4 weken", "every 4 weeks"),
    "people.state.not_due": ("op tijd", "on time"),
    "people.state.due": ("aan de beurt", "due"),
    "people.state.overdue": ("te lang geleden", "overdue"),
}
