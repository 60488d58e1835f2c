"""The method in the room: coach or direct, the directed part, the checklist, the talk estimate, types."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    # coach or direct
    "style.title": ("Coachen of sturen?", "Coach or direct?"),
    "style.deadline": ("Harde deadline", "Hard deadline"),
    "style.risk": ("Risico", "Risk"),
    "style.standard": ("Norm in het geding", "Standard at stake"),
    "style.experience": ("Ervaring in deze taak", "Experience in this task"),
    "style.experience.new": ("Nieuw in deze taak", "New to it"),
    "style.experience.some": ("Wat ervaring", "Some"),
    "style.experience.experienced": ("Ervaren", "Experienced"),
    "style.choice": ("Keuze", "Choice"),
    "style.choice.coach": ("Coachen", "Coach"),
    "style.choice.direct": ("Eerst sturen", "Direct first"),
    "style.suggest.direct": (
        "Advies: eerst sturen. Zeg wat, wanneer en welke kwaliteit; coach daarna op het hoe.",
        "Suggested: direct first. Say what, by when and which quality; then coach on the how.",
    ),
    "style.suggest.coach": (
        "Advies: coachen. Vraag door; de ander vindt de weg zelf.",
        "Suggested: coach. Ask; let them find the way.",
    ),
    "style.suggest.none": ("Vink aan wat speelt, of sla dit over.", "Tick what applies, or skip this."),
    "style.coach": ("coachen", "coach"),
    "style.direct": ("eerst sturen", "direct first"),
    # the directed part
    "direction.what": ("Wat moet er gebeuren", "What has to happen"),
    "direction.what.placeholder": ("zoals jij het zegt", "as you say it"),
    "direction.by_when": ("Uiterlijk", "By when"),
    "direction.by_when.placeholder": ("datum, bv. vr", "date, e.g. fri"),
    "direction.quality": ("Welke kwaliteit", "Which quality"),
    "direction.quality.placeholder": ("de norm waar het aan moet voldoen", "the standard it has to meet"),
    "direction.in_their_words": ("In eigen woorden", "In their own words"),
    "direction.in_their_words.placeholder": ("hoe de coachee het terugzegt", "how the coachee says it back"),
    "direction.understood": ("Begrepen: het klopt met wat ik bedoel", "Understood: it matches what I meant"),
    # ready to move on?
    "ready.title": ("Klaar?", "Ready?"),
    # silence and talk
    "question.wait": (
        "⏸ Na deze vraag: wacht. Laat de stilte haar werk doen.",
        "⏸ After this question: wait. Let the silence do its work.",
    ),
    "options.mine": ("Mijn eigen idee, als coach", "My own idea, as the coach"),
    "options.permission": (
        "Vraag eerst of het mag: ‘Mag ik er een idee van mezelf bij leggen?’",
        "Ask first: ‘May I add an idea of my own?’",
    ),
    "options.mine.mark": ("(ik) ", "(me) "),
    "action.mine": ("Mijn eigen toezegging, als coach", "My own commitment, as the coach"),
    "closing.talk": ("Ik praatte ongeveer", "I talked about"),
    "closing.talk.hint": ("van de tijd (streef naar 30% of minder)", "of the time (aim for 30% or less)"),
    # question depth
    "depth.facts": ("feiten", "facts"),
    "depth.exploring": ("verkennen", "exploring"),
    "depth.beliefs": ("overtuigingen", "beliefs"),
    "depth.all": ("alle diepten", "every depth"),
    "picker.depth": ("Diepte: {depth} (F2 wisselt)", "Depth: {depth} (F2 changes it)"),
    # types
    "type.label": ("Soort gesprek", "Kind of conversation"),
}

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "will.max_actions": (
        ("Dit soort gesprek houdt het bij {n} actie.", "Dit soort gesprek houdt het bij {n} acties."),
        ("This kind of conversation keeps to {n} action.", "This kind of conversation keeps to {n} actions."),
    ),
}
