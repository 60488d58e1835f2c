"""The session screen: notes, the question and its answer line, the phase panels, saving."""

from __future__ import annotations

# key: (Dutch, English)
STRINGS: dict[str, tuple[str, str]] = {
    "notes": ("Aantekeningen", "Notes"),
    "notes.placeholder": ("Typ hier wat je hoort…", "Type what you hear…"),
    "answer.placeholder": ("Antwoord noteren bij deze vraag (Enter)…", "Note the answer to this question (Enter)…"),
    "answer.placeholder.scale": ("Score 1-10 en wat er gezegd werd (Enter)…", "Score 1-10 and what was said (Enter)…"),
    "answer.needs_score": (
        "Begin met een score van 1 tot 10, bijvoorbeeld: 6 want…",
        "Start with a score from 1 to 10, for example: 6 because…",
    ),
    "question.none": (
        "Geen voorgestelde vragen meer in deze fase. Ctrl+O toont alle vragen.",
        "No more suggested questions in this phase. Ctrl+O shows them all.",
    ),
    "question.count": ("vraag {n} van {total}", "question {n} of {total}"),
    "question.scale": ("schaal 1-10", "scale 1-10"),
    "question.followup": ("vervolgvraag", "follow-up"),
    "hints": ("Tips", "Tips"),
    "timer": ("{elapsed} van {box}", "{elapsed} of {box}"),
    "timer.over": ("{phase} loopt uit: houd tijd over voor Wil.", "{phase} is running over: keep time for Will."),
    "saved": ("opgeslagen", "saved"),
    "saved.nothing": ("nog leeg", "nothing yet"),
    "saved.encrypted": ("versleuteld opgeslagen", "saved, encrypted"),
    "save.failed": (
        "Niet opgeslagen: {reason}. Je tekst staat veilig in {recovery}; ik blijf het proberen.",
        "Not saved: {reason}. Your text is safe in {recovery}; still trying.",
    ),
    "save.failed.short": ("NIET OPGESLAGEN", "NOT SAVED"),
    "save.recovered": ("Weer opgeslagen in {path}.", "Saved again to {path}."),
    "privacy": ("Scherm verborgen. Druk op F12 om terug te gaan.", "Screen hidden. Press F12 to come back."),
    "goal.session_goal": ("Doel van dit gesprek", "Goal of this conversation"),
    "goal.long_term_goal": ("Doel op langere termijn", "Longer-term goal"),
    "goal.success_measure": ("Hoe meten we succes?", "How will we measure success?"),
    "reality.scales.empty": (
        "Nog geen schaalvragen. Stel er een en noteer de score.",
        "No scale answers yet. Ask one and note the score.",
    ),
    "options.new": ("Nieuwe optie (Enter)…", "New option (Enter)…"),
    "options.col.option": ("Optie", "Option"),
    "options.col.attractive": ("Aantrekkelijk", "Appeal"),
    "options.col.feasible": ("Haalbaar", "Feasibility"),
    "options.col.score": ("Totaal", "Total"),
    "options.col.chosen": ("Gekozen", "Chosen"),
    "options.attractiveness": ("Aantrekkelijk (1-10)", "Appeal (1-10)"),
    "options.feasibility": ("Haalbaar (1-10)", "Feasibility (1-10)"),
    "options.pros": ("Voordelen (één per regel)", "Pros (one per line)"),
    "options.cons": ("Nadelen (één per regel)", "Cons (one per line)"),
    "options.chosen": ("Gekozen: wordt meegenomen naar Wil", "Chosen: carried into Will"),
    "options.sorted": ("Gesorteerd op score", "Sorted by score"),
    "will.new": ("Nieuwe actie (Enter)…", "New action (Enter)…"),
    "will.what": ("Wat", "What"),
    "will.start": ("Start (datum)", "Start (date)"),
    "will.when": ("Klaar op (datum)", "Done by (date)"),
    "will.success": ("Waaraan zien we dat het gelukt is?", "How will we know it worked?"),
    "will.inform": ("Wie moet het weten?", "Who needs to know?"),
    "will.support": ("Welke steun is nodig?", "What support is needed?"),
    "will.obstacles": ("Wat kan in de weg zitten?", "What could get in the way?"),
    "will.motivation": ("Motivatie (1-10)", "Motivation (1-10)"),
    "will.to_ten": ("Wat maakt het een 10?", "What would make it a 10?"),
    "will.advice": ("Eén of twee acties is meestal genoeg.", "One or two actions is usually plenty."),
    "will.from_option": ("uit optie", "from option"),
    "will.col.when": ("Wanneer", "When"),
    "will.col.success": ("Succescriterium", "Success criterion"),
    "will.empty": (
        "Nog geen acties. Typ er een hierboven en druk op Enter.",
        "No actions yet. Type one above and press Enter.",
    ),
    "reality.col.score": ("Score", "Score"),
    "reality.col.question": ("Vraag", "Question"),
    "reality.col.said": ("Wat er gezegd werd", "What was said"),
    "options.empty": (
        "Nog geen opties. Typ er een hierboven en druk op Enter.",
        "No options yet. Type one above and press Enter.",
    ),
    "options.keys": (
        "a of f en dan een cijfer: aantrekkelijk of haalbaar (0 = 10) · totaal = aantrekkelijk + haalbaar",
        "a or f, then a digit: appeal or feasibility (0 = 10) · total = appeal + feasibility",
    ),
    "options.scoring": (
        "{field} voor '{option}': druk 1-9, of 0 voor 10 (Esc: stoppen)",
        "{field} for '{option}': press 1-9, or 0 for 10 (Esc: stop)",
    ),
    "score.invalid": ("Een score is een getal van 1 tot 10.", "A score is a number from 1 to 10."),
    "locked": (
        "Dit gesprek is al open in een ander growtui-venster; hier kun je het alleen lezen.",
        "This conversation is already open in another growtui window; here you can only read it.",
    ),
    # where typing goes (the top bar) and undoing a removal
    "typing.answer": ("Antwoord (Enter legt vast)", "Answer (Enter records it)"),
    "typing.new_option": ("Nieuwe optie", "New option"),
    "typing.options": ("Tabel met opties", "Options table"),
    "typing.new_action": ("Nieuwe actie", "New action"),
    "typing.actions": ("Tabel met acties", "Actions table"),
    "removed.option": (
        "Optie '{text}' verwijderd, met scores en voor- en nadelen. Ctrl+Z haalt haar terug.",
        "Option '{text}' removed, with its scores, pros and cons. Ctrl+Z brings it back.",
    ),
    "removed.action": (
        "Actie '{text}' verwijderd. Ctrl+Z haalt haar terug.",
        "Action '{text}' removed. Ctrl+Z brings it back.",
    ),
    "undo.option": ("Optie '{text}' staat er weer.", "Option '{text}' is back."),
    "undo.action": ("Actie '{text}' staat er weer.", "Action '{text}' is back."),
    "undo.nothing": ("Er is niets verwijderd om terug te halen.", "Nothing removed to bring back."),
    "options.remove_chosen.title": ("Gekozen optie verwijderen?", "Remove a chosen option?"),
    "options.remove_chosen.body": (
        "'{option}' is gekozen en staat als actie in Wil. De actie blijft staan; de optie gaat weg, met haar "
        "scores en voor- en nadelen (Ctrl+Z haalt haar terug).",
        "'{option}' is chosen and is an action in Will. The action stays; the option goes, with its scores, "
        "pros and cons (Ctrl+Z brings it back).",
    ),
    "options.remove_chosen.yes": ("Optie verwijderen", "Remove the option"),
    "will.next_meeting": ("Volgend gesprek", "Next meeting"),
    "will.next_meeting.placeholder": ("datum, bv. +14", "date, e.g. +14"),
}

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "sketch.keys_dropped": (
        (
            "Die ene toets die je indrukte terwijl growtui opstartte, is niet bewaard: er kwam geen aantekeningenveld.",
            "De {n} toetsen die je indrukte terwijl growtui opstartte, zijn niet bewaard: er kwam geen "
            "aantekeningenveld.",
        ),
        (
            "The key you pressed while growtui was starting was not kept: no notes came to put it in.",
            "The {n} keys you pressed while growtui was starting were not kept: no notes came to put them in.",
        ),
    ),
}
