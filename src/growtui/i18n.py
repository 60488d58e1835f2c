"""Interface text in Dutch and English.

One table, keyed by short ids; ``t(key, lang, **values)`` formats. Kept free
of Textual so the CLI and tests can use it. Missing keys fail loudly in tests
(see tests/test_i18n.py), never silently on a user's screen.
"""

from __future__ import annotations

from growtui.model.common import Lang, Phase

PHASE_NAMES: dict[Phase, tuple[str, str]] = {
    Phase.opening: ("Opening", "Opening"),
    Phase.follow_up: ("Terugblik", "Follow-up"),
    Phase.goal: ("Doel", "Goal"),
    Phase.reality: ("Realiteit", "Reality"),
    Phase.options: ("Opties", "Options"),
    Phase.will: ("Wil", "Will"),
    Phase.closing: ("Afsluiting", "Closing"),
}

# (nl, en)
STRINGS: dict[str, tuple[str, str]] = {
    # session screen
    "notes": ("Aantekeningen", "Notes"),
    "notes.placeholder": ("Typ hier wat je hoort…", "Type what you hear…"),
    "answer.placeholder": ("Antwoord noteren bij deze vraag (Enter)…", "Note the answer to this question (Enter)…"),
    "answer.placeholder.scale": ("Score 1-10 en wat er gezegd werd (Enter)…", "Score 1-10 and what was said (Enter)…"),
    "answer.needs_score": ("Begin met een score van 1 tot 10, bijvoorbeeld: 6 want…", "Start with a score from 1 to 10, for example: 6 because…"),
    "question.none": ("Geen voorgestelde vragen meer in deze fase. Ctrl+O toont alle vragen.", "No more suggested questions in this phase. Ctrl+O shows them all."),
    "question.count": ("vraag {n} van {total}", "question {n} of {total}"),
    "question.asked": ("gesteld", "asked"),
    "question.scale": ("schaal 1-10", "scale 1-10"),
    "question.followup": ("vervolgvraag", "follow-up"),
    "question.own": ("eigen vraag", "own question"),
    "suggest.more_options": ("Er staat nog maar één optie. Wat zou je nog meer kunnen doen?", "There is only one option so far. What else could you do?"),
    "suggest.more_options.why": ("Meer opties geven echte keuze.", "More options make a real choice."),
    "suggest.one_higher": ("Wat zou het één punt hoger maken?", "What would make it one point higher?"),
    "suggest.to_ten": ("Wat zou er nodig zijn om er een 10 van te maken?", "What would it take to make it a 10?"),
    "hints": ("Tips", "Tips"),
    "timer": ("{elapsed} van {box}", "{elapsed} of {box}"),
    "timer.over": ("{phase} loopt uit: houd tijd over voor Wil.", "{phase} is running over: keep time for Will."),
    "saved": ("opgeslagen", "saved"),
    "saving": ("opslaan…", "saving…"),
    "save.failed": ("Niet opgeslagen: {reason}. Je tekst staat veilig in {recovery}; ik blijf het proberen.",
                    "Not saved: {reason}. Your text is safe in {recovery}; still trying."),
    "save.failed.short": ("NIET OPGESLAGEN", "NOT SAVED"),
    "save.recovered": ("Weer opgeslagen in {path}.", "Saved again to {path}."),
    "privacy": ("Scherm verborgen. Druk op F12 om terug te gaan.", "Screen hidden. Press F12 to come back."),
    # goal
    "goal.session_goal": ("Doel van dit gesprek", "Goal of this conversation"),
    "goal.long_term_goal": ("Doel op langere termijn", "Longer-term goal"),
    "goal.success_measure": ("Hoe meten we succes?", "How will we measure success?"),
    # reality
    "reality.scales": ("Schaalvragen", "Scale answers"),
    "reality.scales.empty": ("Nog geen schaalvragen. Stel er een en noteer de score.", "No scale answers yet. Ask one and note the score."),
    # options
    "options.new": ("Nieuwe optie (Enter)…", "New option (Enter)…"),
    "options.col.option": ("Optie", "Option"),
    "options.col.attractive": ("Aantr.", "Attr."),
    "options.col.feasible": ("Haalb.", "Feas."),
    "options.col.score": ("Score", "Score"),
    "options.col.chosen": ("Gekozen", "Chosen"),
    "options.attractiveness": ("Aantrekkelijkheid (1-10)", "Attractiveness (1-10)"),
    "options.feasibility": ("Haalbaarheid (1-10)", "Feasibility (1-10)"),
    "options.pros": ("Voordelen (één per regel)", "Pros (one per line)"),
    "options.cons": ("Nadelen (één per regel)", "Cons (one per line)"),
    "options.chosen": ("Gekozen: wordt meegenomen naar Wil", "Chosen: carried into Will"),
    "options.sorted": ("Gesorteerd op score", "Sorted by score"),
    # will
    "will.new": ("Nieuwe actie (Enter)…", "New action (Enter)…"),
    "will.what": ("Wat", "What"),
    "will.start": ("Start (datum)", "Start (date)"),
    "will.when": ("Wanneer af (datum)", "Done by (date)"),
    "will.success": ("Waaraan zien we dat het gelukt is?", "How will we know it worked?"),
    "will.inform": ("Wie moet het weten?", "Who needs to know?"),
    "will.support": ("Welke steun is nodig?", "What support is needed?"),
    "will.obstacles": ("Wat kan in de weg zitten?", "What could get in the way?"),
    "will.motivation": ("Motivatie (1-10)", "Motivation (1-10)"),
    "will.to_ten": ("Wat maakt het een 10?", "What would make it a 10?"),
    "will.advice": ("Eén of twee acties is meestal genoeg.", "One or two actions is usually plenty."),
    "will.from_option": ("uit optie", "from option"),
    "date.invalid": ("Datum als 2026-12-01, 1-12, +7 (over 7 dagen) of 'vandaag'.",
                     "Date as 2026-12-01, 1-12, +7 (in 7 days) or 'today'."),
    "score.invalid": ("Een score is een getal van 1 tot 10.", "A score is a number from 1 to 10."),
    # follow-up step
    "follow_up.intro": ("Wat is er gebeurd met de afspraken van {date}?", "What happened with what was agreed on {date}?"),
    "follow_up.outcome": ("Uitkomst", "Outcome"),
    "follow_up.tried": ("Wat is er geprobeerd?", "What was tried?"),
    "follow_up.helped": ("Wat hielp?", "What helped?"),
    "follow_up.hindered": ("Wat zat in de weg?", "What got in the way?"),
    "follow_up.next_step": ("Volgende stap", "Next step"),
    "outcome.done": ("gedaan", "done"),
    "outcome.partly_done": ("deels gedaan", "partly done"),
    "outcome.not_done": ("niet gedaan", "not done"),
    "outcome.unset": ("nog niet besproken", "not discussed yet"),
    # finishing
    "finish.title": ("Samenvatting", "Summary"),
    "finish.goal": ("Doel", "Goal"),
    "finish.chosen": ("Gekozen", "Chosen"),
    "finish.actions": ("Acties", "Actions"),
    "finish.motivation": ("Motivatie", "Motivation"),
    "finish.none": ("(niets vastgelegd)", "(nothing recorded)"),
    "finish.confirm": ("Afronden", "Finish"),
    "finish.cancel": ("Terug naar het gesprek", "Back to the conversation"),
    "finish.done": ("Gesprek afgerond en opgeslagen.", "Conversation finished and saved."),
    "finish.no_actions": ("Er zijn nog geen acties: een gesprek eindigt bij voorkeur met een afspraak.",
                          "No actions yet: a conversation best ends with a commitment."),
    # home
    "home.new": ("Nieuw gesprek", "New conversation"),
    "home.coachee": ("Coachee", "Coachee"),
    "home.topic": ("Onderwerp", "Topic"),
    "home.minutes": ("Minuten", "Minutes"),
    "home.language": ("Taal", "Language"),
    "home.start": ("Start", "Start"),
    "home.resume": ("Verder met een onderbroken gesprek", "Resume an unfinished conversation"),
    "home.recent": ("Recente gesprekken", "Recent conversations"),
    "home.none": ("Nog geen gesprekken.", "No conversations yet."),
    "home.coachee_needed": ("Vul de naam van de coachee in.", "Enter the coachee's name."),
    "home.problems": ("{n} sessiebestand(en) konden niet gelezen worden: {files}", "{n} session file(s) could not be read: {files}"),
    "home.recovered": ("Herstelde tekst gevonden voor {coachee}: opent met de herstelde versie.",
                       "Recovered text found for {coachee}: opening the recovered version."),
    "locked": ("Dit gesprek is al open in een ander growtui-venster.", "This conversation is already open in another growtui window."),
    # keys (footer and palette)
    "key.next": ("Volgende vraag", "Next question"),
    "key.previous": ("Vorige vraag", "Previous question"),
    "key.pick": ("Vragen", "Questions"),
    "key.notes": ("Aantekeningen", "Notes"),
    "key.hints": ("Tips", "Tips"),
    "key.privacy": ("Privacy", "Privacy"),
    "key.finish": ("Afronden", "Finish"),
    "key.save": ("Opslaan", "Save"),
    "key.quit": ("Opslaan en stoppen", "Save and quit"),
    "key.prev_phase": ("Vorige fase", "Previous phase"),
    "key.next_phase": ("Volgende fase", "Next phase"),
    "key.sort": ("Sorteer op score", "Sort by score"),
    "key.choose": ("Kiezen", "Choose"),
    "key.edit": ("Bewerken", "Edit"),
    "key.delete": ("Verwijderen", "Delete"),
    "key.lang": ("Taal wisselen", "Switch language"),
    "key.theme": ("Licht/donker", "Light/dark"),
    "tip.next": ("Toon de volgende voorgestelde vraag", "Show the next suggested question"),
    "tip.previous": ("Toon de vorige voorgestelde vraag", "Show the previous suggested question"),
    "tip.pick": ("Kies een vraag uit alle vragen van deze fase, filter op tag", "Pick any question of this phase, filter by tag"),
    "tip.notes": ("Naar de aantekeningen van deze fase", "Go to this phase's notes"),
    "tip.hints": ("Coachingstips voor deze fase aan/uit", "Show or hide coaching tips for this phase"),
    "tip.privacy": ("Verberg het scherm meteen; nog eens drukken brengt het terug", "Hide the screen at once; press again to bring it back"),
    "tip.finish": ("Vat het gesprek samen en rond het af", "Summarise and finish the conversation"),
    "tip.save": ("Nu opslaan (dat gebeurt ook vanzelf)", "Save now (it also happens by itself)"),
    "tip.quit": ("Opslaan en stoppen; het gesprek blijft te hervatten", "Save and quit; the conversation can be resumed"),
    "tip.phase": ("Ga naar {phase}", "Go to {phase}"),
    "palette.phase": ("Ga naar fase: {phase}", "Go to phase: {phase}"),
    "palette.insert": ("Vraag: {text}", "Question: {text}"),
    # picker
    "picker.title": ("Vragen: {phase}", "Questions: {phase}"),
    "picker.filter": ("Filter op tekst of #tag…", "Filter by text or #tag…"),
}


def t(key: str, lang: Lang | str, **values: object) -> str:
    nl, en = STRINGS[key]
    text = nl if str(lang) == "nl" else en
    return text.format(**values) if values else text


def phase_name(phase: Phase, lang: Lang | str) -> str:
    nl, en = PHASE_NAMES[phase]
    return nl if str(lang) == "nl" else en
