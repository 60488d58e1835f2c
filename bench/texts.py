"""Word pools and sentence templates for generated sessions, in Dutch and English.

Templates take ``{c}`` (a colleague), ``{m}`` (a manager), ``{n}`` (a small
number), ``{p}`` (a percentage), ``{d}`` (a weekday) and ``{t}`` (a team).
The search words of the benchmark (RARE_WORD, COMMON_WORD in generate.py)
must not occur anywhere in here: generate.py adds them at a measured rate.
"""

from __future__ import annotations

FIRST_NL = [
    "Zoë",
    "Sem",
    "Daan",
    "Anouk",
    "Daniël",
    "Fenna",
    "Noël",
    "Inès",
    "Joël",
    "Renée",
    "Bram",
    "Lotte",
    "Thijs",
    "Yara",
    "Jorrit",
    "Femke",
    "Mehdi",
    "Sanne",
    "Gijs",
    "Marloes",
    "Eline",
    "Bart",
    "Chloë",
    "Ruben",
    "Ilse",
    "Harm",
    "Niels",
    "Fleur",
    "Koen",
    "Mirjam",
    "Aïsha",
    "Stijn",
]
LAST_NL = [
    "de Vries",
    "van Dijk",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "de Graaf",
    "van der Meer",
    "Kok",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "Çelik",
]
FIRST_EN = [
    "Priya",
    "Oliver",
    "Amelia",
    "Siobhán",
    "Liam",
    "Chloé",
    "James",
    "Grace",
    "Noah",
    "Isla",
    "Ethan",
    "Zoë",
    "Mateo",
    "Hannah",
    "Oscar",
    "Freya",
    "Kwame",
    "Aoife",
    "Lucas",
    "Ingrid",
    "Rhys",
    "Beatriz",
    "Tom",
    "Émile",
    "Nadia",
    "Samuel",
    "Ana",
    "Björn",
    "Ruth",
    "Dev",
]
LAST_EN = [
    "Raman",
    "Smith",
    "O'Connor",
    "Taylor",
    "Brown",
    "Walsh",
    "Fischer",
    "Nguyen",
    "Okafor",
    "Patel",
    "Evans",
    "Müller",
    "Hughes",
    "Kowalski",
    "García",
    "Byrne",
    "Lindqvist",
    "Clarke",
    "Mensah",
    "Novák",
    "Davies",
    "Moreau",
    "Khan",
    "Sørensen",
    "Wright",
    "Ó Briain",
]
COACHES = ["Ilse Verbeek", "Marieke Jonker", "Hannah Clarke", "Pieter Wouters", "Sarah Okafor"]

COLLEAGUES = [
    "Tom",
    "Zoë",
    "Lukas",
    "Femke",
    "Jorrit",
    "Anouk",
    "Mehdi",
    "Sam",
    "Niels",
    "Yara",
    "Priya",
    "Ruben",
    "Gijs",
    "Eline",
    "Bart",
]
MANAGERS = ["Ruben", "Gijs", "Harm", "Marloes", "Ingrid"]
TEAMS = ["support", "platform", "integrations", "finance", "sales", "data", "HR", "operations"]
DAYS = {
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
}

TOPICS: dict[str, dict[str, dict[str, list[str]]]] = {
    "workload": {
        "nl": {
            "title": [
                "Werkdruk: grip op de week",
                "Te veel ballen in de lucht",
                "Rustiger plannen zonder overuren",
                "Minder avondwerk",
            ],
            "tags": ["werkdruk", "energie", "grenzen"],
            "goal": [
                "Weten welke taak ik deze maand loslaat",
                "Een week zonder avondwerk voorbereiden",
                "Helder krijgen waar mijn uren naartoe gaan",
            ],
            "long": [
                "Binnen 36 uur werken zonder dat het team eronder lijdt",
                "Weer energie overhouden voor het weekend",
            ],
            "measure": ["Hooguit één avond per week de laptop open", "Drie vaste focusblokken per week gehaald"],
            "lines": [
                "Werkt sinds de reorganisatie structureel {n} uur per week over.",
                'Zegt zelf: "ik zeg overal ja op, en dan verbaas ik me."',
                "Op {d} komen alle verzoeken van {t} tegelijk binnen.",
                "{c} neemt geen taken over zolang het niet gevraagd wordt.",
                "Slaapt slechter sinds de zomer, wilde daar niet verder op ingaan.",
                "De mail staat de hele dag open; elke melding is een onderbreking.",
                "Drie projecten tegelijk, geen ervan met een duidelijke eigenaar.",
            ],
            "option": [
                "Twee ochtenden per week de mail dicht",
                "Taak X overdragen aan {c}",
                "Nee zeggen tegen nieuwe verzoeken tot het kwartaal om is",
                "Met {m} de prioriteiten van dit kwartaal op papier zetten",
                "Vaste focusblokken in de agenda, zichtbaar voor het team",
            ],
            "action": [
                "Met {m} de lijst van lopende taken doorlopen en er twee schrappen",
                "Op {d} en donderdag van 9 tot 11 een focusblok in de agenda",
                "Een week bijhouden waar de uren heen gaan, per half uur",
            ],
        },
        "en": {
            "title": [
                "Workload: getting the week back",
                "Too many plates spinning",
                "Planning without overtime",
                "Fewer late evenings",
            ],
            "tags": ["workload", "energy", "boundaries"],
            "goal": [
                "Decide which task I let go of this month",
                "Prepare one week without evening work",
                "See clearly where my hours go",
            ],
            "long": ["Work a normal week without the team suffering", "Have energy left for the weekend again"],
            "measure": ["Laptop open at most one evening a week", "Three focus blocks a week kept"],
            "lines": [
                "Has worked {n} hours over every week since the reorganisation.",
                'Her own words: "I say yes to everything and then I\'m surprised."',
                "On {d} every request from {t} lands at the same time.",
                "{c} doesn't pick anything up unless asked.",
                "Sleeping worse since the summer; didn't want to go into it.",
                "Email open all day; every notification is an interruption.",
                "Three projects at once, none of them with a clear owner.",
            ],
            "option": [
                "Email closed two mornings a week",
                "Hand task X over to {c}",
                "Say no to new requests until the quarter ends",
                "Put this quarter's priorities on paper with {m}",
                "Fixed focus blocks in the calendar, visible to the team",
            ],
            "action": [
                "Go through the list of running tasks with {m} and cross two off",
                "Focus block from 9 to 11 on {d} and Thursday",
                "Log for one week where the hours go, per half hour",
            ],
        },
    },
    "feedback": {
        "nl": {
            "title": ["Lastige feedback aan {c}", "Feedback vragen zonder te verdedigen", "Het gesprek met {m}"],
            "tags": ["feedback", "communicatie"],
            "goal": [
                "Het gesprek met {c} voorbereiden, inclusief de eerste zin",
                "Weten hoe ik om feedback vraag zonder meteen uit te leggen",
            ],
            "long": [
                "Een team waarin we elkaar gewoon aanspreken",
                "Feedback geven zonder er een week tegenop te zien",
            ],
            "measure": [
                "Het gesprek is gevoerd voor de volgende sessie",
                "Drie keer om feedback gevraagd in een maand",
            ],
            "lines": [
                "Stelt het gesprek met {c} al {n} weken uit.",
                "Bang dat de samenwerking eronder lijdt als ze het benoemt.",
                "{m} gaf in het functioneringsgesprek een opmerking die nog steeds blijft hangen.",
                'Benoemde zelf: "ik verpak het zo dat niemand het nog hoort."',
                "Concreet voorbeeld: de demo van vorige week, slides pas om 9:55 klaar.",
                "Reageert op kritiek met uitleg; merkt dat pas achteraf.",
            ],
            "option": [
                "Het gesprek met {c} deze week voeren, met één concreet voorbeeld",
                "Eerst oefenen met iemand buiten het team",
                "{m} vragen om bij het gesprek te zijn",
                "Na elke demo drie mensen om één tip vragen",
            ],
            "action": [
                "Gesprek met {c} inplannen en de eerste zin opschrijven",
                "Na de demo op {d} twee collega's om één tip vragen en alleen 'dank je' zeggen",
            ],
        },
        "en": {
            "title": ["Difficult feedback for {c}", "Asking for feedback without defending", "The talk with {m}"],
            "tags": ["feedback", "communication"],
            "goal": [
                "Prepare the talk with {c}, down to the first sentence",
                "Know how to ask for feedback without explaining myself straight away",
            ],
            "long": ["A team where we simply tell each other things", "Give feedback without dreading it for a week"],
            "measure": ["The talk has happened before the next session", "Asked for feedback three times in a month"],
            "lines": [
                "Has been putting off the talk with {c} for {n} weeks.",
                "Afraid the collaboration suffers if she names it.",
                "{m} made a remark in the appraisal that still lingers.",
                'Said it herself: "I wrap it up so well nobody hears it any more."',
                "Concrete example: last week's demo, slides only ready at 9:55.",
                "Answers criticism with explanations; notices only afterwards.",
            ],
            "option": [
                "Have the talk with {c} this week, with one concrete example",
                "Practise first with someone outside the team",
                "Ask {m} to join the talk",
                "After every demo ask three people for one tip",
            ],
            "action": [
                "Schedule the talk with {c} and write down the first sentence",
                "After Thursday's demo ask two colleagues for one tip and only say 'thank you'",
            ],
        },
    },
    "planning": {
        "nl": {
            "title": ["Planning van het kwartaal", "Deadlines die steeds schuiven", "Overzicht in de projecten"],
            "tags": ["planning", "prioriteiten"],
            "goal": [
                "Een planning voor het kwartaal waar ik zelf in geloof",
                "Weten welke deadline ik ga heronderhandelen",
            ],
            "long": ["Projecten op tijd opleveren zonder eindsprint", "Een planning die het team ook gebruikt"],
            "measure": ["Planning gedeeld met {t} voor het eind van de maand", "Geen verrassingen in de weekstart"],
            "lines": [
                "De planning leeft alleen in haar hoofd, en dat weet het team.",
                "{n} van de laatste {p} opleveringen liepen uit, meestal met een week.",
                'Schat werk in zonder buffer; "dan lijkt het zo lui".',
                "Op {d} is de weekstart; daar komt de planning nooit ter sprake.",
                "{c} hoort pas van een wijziging als het al te laat is.",
            ],
            "option": [
                "Elke planning met 20% buffer",
                "Op {d} een kwartier weekstart met het hele team",
                "De roadmap delen met {t}",
                "Samen met {c} de schattingen doen",
            ],
            "action": [
                "De planning van dit kwartaal op één pagina zetten en delen met {m}",
                "Op {d} de weekstart beginnen met de planning, vijftien minuten",
            ],
        },
        "en": {
            "title": ["Planning the quarter", "Deadlines that keep slipping", "Overview of the projects"],
            "tags": ["planning", "priorities"],
            "goal": ["A plan for the quarter I believe in myself", "Know which deadline I will renegotiate"],
            "long": ["Deliver projects on time without a final sprint", "A plan the team actually uses"],
            "measure": ["Plan shared with {t} before the end of the month", "No surprises at the weekly start"],
            "lines": [
                "The plan lives only in his head, and the team knows it.",
                "{n} of the last {p} deliveries ran late, usually by a week.",
                'Estimates without a buffer; "it looks so lazy".',
                "The weekly start is on {d}; the plan never comes up there.",
                "{c} hears about a change only when it is too late.",
            ],
            "option": [
                "Every estimate with 20% buffer",
                "A fifteen-minute weekly start with the whole team on {d}",
                "Share the roadmap with {t}",
                "Do the estimates together with {c}",
            ],
            "action": [
                "Put this quarter's plan on one page and share it with {m}",
                "Start the weekly meeting on {d} with the plan, fifteen minutes",
            ],
        },
    },
    "conflict": {
        "nl": {
            "title": ["Spanning met {c}", "Conflict in het team over de werkverdeling", "Botsing met {m}"],
            "tags": ["conflict", "samenwerking"],
            "goal": ["Begrijpen wat er tussen mij en {c} speelt", "Een eerste stap richting {c} bedenken"],
            "long": ["Weer normaal samenwerken met {c}", "Een team waarin onenigheid uitgesproken wordt"],
            "measure": ["Een gesprek met {c} zonder dat het escaleert", "Geen mails meer in de cc naar {m}"],
            "lines": [
                "Sinds het overleg van {d} praten ze alleen nog via de chat.",
                "Voelt zich gepasseerd toen {c} het voorstel zonder overleg naar {m} stuurde.",
                "Herkent dat ze zelf ook scherp was in de mail.",
                'Anderen in {t} kiezen partij, "of ik dat nou wil of niet".',
                "Het gaat niet over het voorstel, zegt ze, maar over vertrouwen.",
            ],
            "option": [
                "{c} uitnodigen voor koffie, buiten kantoor",
                "{m} vragen te bemiddelen",
                "Het afwachten tot na de deadline",
                "De werkverdeling op papier zetten en samen bespreken",
            ],
            "action": [
                "{c} deze week uitnodigen voor koffie en beginnen met wat goed ging",
                "De werkverdeling op één pagina zetten voor het overleg van {d}",
            ],
        },
        "en": {
            "title": ["Tension with {c}", "Team conflict about who does what", "Clash with {m}"],
            "tags": ["conflict", "collaboration"],
            "goal": ["Understand what is going on between me and {c}", "Think of a first step towards {c}"],
            "long": ["Work normally with {c} again", "A team where disagreement gets said out loud"],
            "measure": ["A conversation with {c} that doesn't escalate", "No more emails with {m} in cc"],
            "lines": [
                "Since the meeting on {d} they only talk over chat.",
                "Felt passed over when {c} sent the proposal to {m} without asking.",
                "Recognises she was sharp in the email too.",
                'Others in {t} take sides, "whether I want it or not".',
                "It isn't about the proposal, she says, it's about trust.",
            ],
            "option": [
                "Invite {c} for coffee, away from the office",
                "Ask {m} to mediate",
                "Wait until after the deadline",
                "Write the division of work down and discuss it together",
            ],
            "action": [
                "Invite {c} for coffee this week and start with what went well",
                "Put the division of work on one page for the meeting on {d}",
            ],
        },
    },
    "career": {
        "nl": {
            "title": ["Volgende stap: mensen of product?", "Loopbaan: blijven of gaan", "Groeien naar senior"],
            "tags": ["loopbaan", "ontwikkeling"],
            "goal": ["Helder krijgen welke richting ik wil uitproberen", "Weten wat ik {m} ga vragen"],
            "long": ["Over een jaar werk doen waar ik energie van krijg", "Binnen twee jaar senior in {t}"],
            "measure": ["Eén richting gekozen om drie maanden uit te proberen", "Gesprek met {m} gevoerd"],
            "lines": [
                "Doet onofficieel al het inwerken van nieuwe collega's.",
                '"Ik weet niet of ik het leuk vind of dat ik het gewoon kan."',
                "Heeft nooit met {c} over diens werk gepraat, alleen over tickets.",
                "Randvoorwaarde: blijft 32 uur werken, vrijdag vrij.",
                "Zorg dat ze het team in de steek laat als ze weggaat uit {t}.",
            ],
            "option": [
                "Twee dagen meelopen met {c}",
                "Het inwerken officieel op me nemen",
                "Meedoen aan het leiderschapstraject",
                "Een half jaar een project in {t} trekken",
            ],
            "action": [
                "Met {c} twee dagen meelopen plannen, inclusief een klantbezoek",
                "Aan {m} vragen of het inwerken in de functieomschrijving kan",
            ],
        },
        "en": {
            "title": ["Next step: people or product?", "Career: stay or go", "Growing into a senior role"],
            "tags": ["career", "development"],
            "goal": ["Get clear which direction I want to try out", "Know what I will ask {m}"],
            "long": ["In a year do work that gives me energy", "Senior in {t} within two years"],
            "measure": ["One direction chosen to try for three months", "The talk with {m} has happened"],
            "lines": [
                "Already onboards new colleagues, unofficially.",
                "\"I don't know if I like it or if I'm just good at it.\"",
                "Never talked to {c} about their work, only about tickets.",
                "Condition: stays on four days a week, Fridays off.",
                "Worried she lets the team down if she leaves {t}.",
            ],
            "option": [
                "Shadow {c} for two days",
                "Take on onboarding officially",
                "Join the leadership programme",
                "Lead a project in {t} for six months",
            ],
            "action": [
                "Plan two days of shadowing {c}, including a customer visit",
                "Ask {m} whether onboarding can go into the job description",
            ],
        },
    },
    "delegation": {
        "nl": {
            "title": [
                "Loslaten: niet alles zelf reviewen",
                "Delegeren zonder alles terug te krijgen",
                "Bottleneck in het team",
            ],
            "tags": ["delegeren", "vertrouwen", "werkdruk"],
            "goal": ["Besluiten wat ik deze maand niet meer zelf doe", "Weten welke taak {c} kan overnemen"],
            "long": ["Het team levert zonder dat ik de bottleneck ben", "Tijd voor de roadmap in plaats van reviews"],
            "measure": ["De helft van de reviews zonder mij afgerond", "{c} doet de release zelf"],
            "lines": [
                "Reviewt elke wijziging zelf, ongeveer {n} per week.",
                "Gemiddelde wachttijd op haar review: {n} dagen.",
                'Vertrouwen in {c}: "een 7, meer dan ik laat zien".',
                "Heeft in het voorjaar een rotatie geprobeerd; hield drie weken stand.",
                '"Als ik niet degene ben die het weet, wat doe ik hier dan?" Lange stilte.',
            ],
            "option": [
                "{c} mag wijzigingen aan de koppeling zelf goedkeuren",
                "Een reviewrotatie, deze keer zonder controle achteraf",
                "Een checklist voor reviews opstellen met {c}",
                "Alleen nog de risicovolle wijzigingen zelf reviewen",
            ],
            "action": [
                "Met {c} afspreken welke wijzigingen hij zelf goedkeurt, en dat aan het team melden",
                "Een checklist voor reviews maken en op {d} met {t} bespreken",
            ],
        },
        "en": {
            "title": [
                "Letting go: not reviewing everything",
                "Delegating without getting it all back",
                "Bottleneck in the team",
            ],
            "tags": ["delegation", "trust", "workload"],
            "goal": ["Decide what I stop doing myself this month", "Know which task {c} can take over"],
            "long": ["The team ships without me as the bottleneck", "Time for the roadmap instead of reviews"],
            "measure": ["Half of the reviews done without me", "{c} does the release alone"],
            "lines": [
                "Reviews every change herself, about {n} a week.",
                "Median wait for her review: {n} days.",
                'Trust in {c}: "a 7, more than I act like".',
                "Tried a review rotation in spring; lasted three weeks.",
                '"If I\'m not the one who knows, what am I here for?" Long silence.',
            ],
            "option": [
                "{c} may approve adapter changes alone",
                "A review rotation, this time without re-checking",
                "Write a review checklist with {c}",
                "Review only the risky changes myself",
            ],
            "action": [
                "Agree with {c} which changes he approves alone, and tell the team",
                "Write a review checklist and discuss it with {t} on {d}",
            ],
        },
    },
}

# Lines that fit any topic, per phase.
PHASE_LINES: dict[str, dict[str, list[str]]] = {
    "nl": {
        "opening": [
            'Check-in: "{w}".',
            "Kwam net uit een overleg met {m}, nog wat onrustig.",
            "Afspraak herhaald: {m} hoort dat we praten, niet waarover.",
            "Telefoon omgedraaid, eigen keuze.",
            "Vroeg om {n} minuten extra; afgesproken om half te stoppen.",
            "Energie vandaag: een {n}.",
        ],
        "follow_up": [
            "Vorige actie deels gedaan; de tweede week liep het mis.",
            "Blij met wat wel lukte, benoemde het zelf.",
            "{c} reageerde anders dan verwacht: positief.",
            "Het kwam er niet van door een incident op {d}.",
            'Haar eigen conclusie: "het zit in het moment, niet in de afspraak".',
        ],
        "goal": [
            'Begon met "ik moet meer ..."; gevraagd hoe dat er op een {d} uitziet.',
            "Het doel voor vandaag past in de tijd als we ons tot één onderwerp beperken.",
            "Doel is van haar zelf, niet van {m}; dat vond ze belangrijk om te zeggen.",
            "Nog even doorgevraagd: wat levert het op als het lukt?",
        ],
        "reality": [
            'Stilte na "en wat nog meer?". Daarna kwam het eigenlijke verhaal.',
            "Concreet voorbeeld van vorige week op {d}.",
            "{c} ziet het volgens haar anders.",
            "Wat werkt wel: de ochtenden, als niemand nog online is.",
            "Schat haar eigen aandeel op {p}%.",
        ],
        "options": [
            'Eerst zelf drie opties, na "wat nog meer?" nog twee.',
            "De onhandige optie bewust laten staan.",
            "Scoren ging snel; twijfel alleen bij de haalbaarheid.",
            "Zelf de combinatie voorgesteld.",
        ],
        "will": [
            "Bewust bij hooguit twee acties gehouden.",
            "Eerste stap al op {d}.",
            "Motivatie hoog, maar vreest de drukte rond de release.",
            "Succescriterium samen scherper gemaakt.",
        ],
        "closing": [
            'Wat neem je mee? "{w}".',
            "Volgende sessie over {n} weken.",
            "Korter dan gepland, fijn.",
            "Voor mezelf: niet pushen op de lastige optie.",
        ],
    },
    "en": {
        "opening": [
            'Check-in: "{w}".',
            "Came straight from a meeting with {m}, still restless.",
            "Repeated the deal: {m} knows we meet, not what about.",
            "Phone face down, her own choice.",
            "Asked for {n} extra minutes; agreed to stop on the half hour.",
            "Energy today: a {n}.",
        ],
        "follow_up": [
            "Previous action partly done; the second week went wrong.",
            "Pleased with what worked, named it herself.",
            "{c} reacted differently than expected: positively.",
            "Didn't happen because of an incident on {d}.",
            'Her own conclusion: "it\'s the moment, not the agreement".',
        ],
        "goal": [
            'Started with "I need to ... more"; asked what that looks like on a {d}.',
            "Today's goal fits the hour if we stick to one subject.",
            "The goal is hers, not {m}'s; she wanted to say that out loud.",
            "Asked once more: what does it give you if it works?",
        ],
        "reality": [
            'Silence after "and what else?". Then the real story came.',
            "Concrete example from last week, on {d}.",
            "{c} sees it differently, she thinks.",
            "What does work: the mornings, before anyone is online.",
            "Puts her own share at {p}%.",
        ],
        "options": [
            'Three options of her own first, two more after "what else?".',
            "Kept the awkward option on the list on purpose.",
            "Scoring went quickly; doubt only about feasibility.",
            "Suggested the combination herself.",
        ],
        "will": [
            "Kept it to two actions at most, on purpose.",
            "First step already on {d}.",
            "Motivation high, but dreads the release rush.",
            "Sharpened the success criterion together.",
        ],
        "closing": [
            'What do you take away? "{w}".',
            "Next session in {n} weeks.",
            "Shorter than planned, good.",
            "Note to self: don't push on the hard option.",
        ],
    },
}

SHORT_SAYINGS = {
    "nl": [
        "goed, maar onrustig",
        "moe",
        "beter dan vorige keer",
        "druk, maar het gaat",
        "eigenlijk prima",
        "dat het kleiner kan",
        "dat ik niet alles zelf hoef",
    ],
    "en": [
        "good, but restless",
        "tired",
        "better than last time",
        "busy, but fine",
        "actually fine",
        "that it can be smaller",
        "that I don't have to do it all myself",
    ],
}

ANSWERS = {
    "nl": [
        "Eerlijk gezegd weet ik dat niet.",
        "Dat ik het zelf in de hand heb.",
        "Een {n}, misschien een {n} op een goede dag.",
        "Als {c} het zou doen, zou het ook goed gaan.",
        "Vooral op {d} loop ik vast.",
        "Dat ik er niet eerder over begonnen ben.",
        "Minder haast, meer overzicht.",
        "Volgende week al, op {d}.",
        "Dat {m} het ziet zonder dat ik het hoef te zeggen.",
        "Beginnen met de kleinste stap.",
    ],
    "en": [
        "Honestly, I don't know.",
        "That I'm the one in control.",
        "A {n}, maybe a {n} on a good day.",
        "If {c} did it, it would be fine too.",
        "It's on {d} that I get stuck.",
        "That I didn't bring it up sooner.",
        "Less rush, more overview.",
        "Next week already, on {d}.",
        "That {m} sees it without me having to say it.",
        "Start with the smallest step.",
    ],
}

SCALE_SAID = {
    "nl": [
        "Geen {n}, want het gaat al beter dan in het voorjaar.",
        "Op een goede dag hoger.",
        "Vorige keer was het lager.",
        "Hangt af van de week.",
        "Eerlijk: lager dan ik zou willen.",
    ],
    "en": [
        "Not a {n}, because it is already better than in spring.",
        "Higher on a good day.",
        "It was lower last time.",
        "Depends on the week.",
        "Honestly: lower than I'd like.",
    ],
}

PROS = {
    "nl": [
        "Meer rust",
        "Snel te doen",
        "Zichtbaar voor het team",
        "Kost geen geld",
        "{c} heeft het zelf aangeboden",
        "Structureel",
        "Past bij wat ze al doet",
    ],
    "en": [
        "More calm",
        "Quick to do",
        "Visible to the team",
        "Costs nothing",
        "{c} offered it herself",
        "Structural",
        "Fits what she already does",
    ],
}
CONS = {
    "nl": [
        "{c} moet ingewerkt",
        "Voelt als falen",
        "Niet in haar handen",
        "Kost de eerste weken meer tijd",
        "Onduidelijk of {m} meegaat",
        "Drukte rond de release",
    ],
    "en": [
        "{c} needs onboarding",
        "Feels like failing",
        "Not in her hands",
        "Costs more time in the first weeks",
        "Unclear whether {m} agrees",
        "Release rush",
    ],
}

ACTION_PARTS = {
    "nl": {
        "criterion": [
            "Gedaan voor {d} en {c} weet ervan",
            "Drie weken volgehouden, lijstje mee naar de sessie",
            "{m} heeft het gezien en gereageerd",
            "Twee van de drie keer gelukt",
        ],
        "inform": ["{m}", "{c} en {t}", "Niemand; ik zie het in de volgende sessie", "Het team in de weekstart"],
        "support": ["Tijd van {c}", "{m}: ruimte in de planning", "Geen", "Een herinnering in de agenda"],
        "obstacles": ["Incidenten op {d}", "Zelf weer ja zeggen", "{c} is met verlof", ""],
    },
    "en": {
        "criterion": [
            "Done before {d} and {c} knows",
            "Kept up for three weeks, list brought to the session",
            "{m} has seen it and replied",
            "Worked two times out of three",
        ],
        "inform": ["{m}", "{c} and {t}", "Nobody; I'll see it next session", "The team at the weekly start"],
        "support": ["Time from {c}", "{m}: room in the plan", "None", "A calendar reminder"],
        "obstacles": ["Incidents on {d}", "Saying yes again myself", "{c} is on leave", ""],
    },
}

REVIEW = {
    "nl": {
        "tried": [
            "Twee weken geprobeerd",
            "Eén keer gedaan, daarna niet meer",
            "Elke {d} gedaan",
            "Nog niet aan begonnen",
        ],
        "helped": ["Een vaste tijd in de agenda", "{c} die ernaar vroeg", "Het lijstje naast het toetsenbord", ""],
        "hindered": ["Een incident op {d}", "Ziek geweest", "De release", "Zelf vergeten", ""],
        "next": [
            "Zelfde afspraak, ander moment",
            "Kleiner maken",
            "Samen met {c} oppakken",
            "Laten vallen, is niet meer nodig",
        ],
    },
    "en": {
        "tried": ["Tried for two weeks", "Did it once, then stopped", "Did it every {d}", "Haven't started yet"],
        "helped": ["A fixed slot in the calendar", "{c} asking about it", "The list next to the keyboard", ""],
        "hindered": ["An incident on {d}", "Was ill", "The release", "Forgot it myself", ""],
        "next": [
            "Same agreement, another moment",
            "Make it smaller",
            "Pick it up with {c}",
            "Drop it, no longer needed",
        ],
    },
}

MOTIVATION_TO_TEN = {
    "nl": [
        "Als {m} er ook achter staat",
        "Als ik zeker wist dat {c} het oppakt",
        "Minder drukte rond de release",
        "Als het al een keer gelukt was",
    ],
    "en": [
        "If {m} backs it too",
        "If I knew for sure {c} picks it up",
        "Less of a release rush",
        "If it had worked once already",
    ],
}
