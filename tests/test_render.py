"""Documents made from sessions: plain text, Markdown, a coachee's arc, and the process-only summary."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from conftest import ROOT
from factories import CET, full_session
from growtui.i18n import STRINGS, short_date
from growtui.model import (
    Action,
    ActionStatus,
    Asked,
    Decision,
    FollowUpItem,
    Lang,
    Option,
    Outcome,
    Phase,
    ScaleAnswer,
    Session,
    Status,
    covered_phases,
)
from growtui.render import (
    coachee_markdown,
    session_markdown,
    session_text,
    sparkline,
    summary,
    trends,
)
from growtui.safetext import clean
from growtui.storage import Store
from test_domain_is_textual_free import run_blocked

EVIL = "\x1b[31mX\x1b]0;title\x07"
HYPOTHESIS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def examples() -> list[Session]:
    return [
        stored.session
        for stored in Store(ROOT / "sessions").scan().sessions
        if stored.session.type == "problem-solving"
    ]


def parse(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = parse(markdown)
    return [
        (tok.tag, "".join(c.content for c in tokens[i + 1].children))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def rendered_text(markdown: str) -> str:
    """All the text a reader sees: one line per block, line breaks as newlines."""

    def inline(token) -> str:
        return "".join("\n" if c.type in ("hardbreak", "softbreak") else c.content for c in token.children)

    return "\n".join(inline(tok) for tok in parse(markdown) if tok.type == "inline")


def cells_per_row(markdown: str) -> list[int]:
    counts: list[int] = []
    for tok in parse(markdown):
        if tok.type == "tr_open":
            counts.append(0)
        elif tok.type in ("th_open", "td_open"):
            counts[-1] += 1
    return counts


# --- building sessions from a shape and a source of text -----------------------------------


class Source:
    """Hands out one value per field, in turn: blank where the pattern says so, else ``pick(n)``."""

    def __init__(self, pick: Callable[[int], str], blanks: list[bool] | None = None) -> None:
        self.pick, self.blanks, self.n = pick, blanks or [False], 0

    def __call__(self) -> str:
        n, self.n = self.n, self.n + 1
        return "" if self.blanks[n % len(self.blanks)] else self.pick(n)


def cycle(numbers: list[int]) -> Callable[[], int]:
    """Scores for the builder: the numbers over and over."""
    endless = itertools.cycle(numbers)
    return lambda: next(endless)


@st.composite
def shapes(draw) -> dict:
    """Everything about a session except its texts and scores: what exists, not what it says."""
    maybe = st.booleans()
    return {
        "coachee": draw(st.sampled_from(["Ada Lovelace", "Bo de Vries"])),
        "day": draw(st.integers(0, 400)),
        "status": draw(st.sampled_from(Status)),
        "phase_seconds": draw(st.dictionaries(st.sampled_from(Phase), st.integers(0, 5000))),
        "ended_after": draw(st.none() | st.integers(0, 300)),
        "next_meeting": draw(maybe),
        "reviews": draw(
            st.lists(st.tuples(st.none() | st.sampled_from(Outcome), st.none() | st.sampled_from(Decision)), max_size=3)
        ),
        "scales": draw(st.integers(0, 3)),
        "options": draw(st.lists(st.tuples(maybe, maybe, maybe, st.integers(0, 2), st.integers(0, 2)), max_size=4)),
        "actions": draw(st.lists(st.tuples(st.sampled_from(ActionStatus), maybe), max_size=3)),
        "motivation": draw(maybe),
        "asked": draw(st.lists(st.tuples(st.sampled_from(Phase), maybe), max_size=4)),
        "blanks": draw(st.lists(maybe, min_size=1, max_size=8)),
    }


def build(shape: dict, text: Callable[[], str], score: Callable[[], int]) -> Session:
    """A session of the given shape whose every typed text comes from ``text`` and every score from ``score``."""
    start = datetime(2026, 1, 5, 9, 0, tzinfo=CET) + timedelta(days=shape["day"])
    ended = None if shape["ended_after"] is None else start + timedelta(minutes=shape["ended_after"])
    s = Session(
        coachee=shape["coachee"],
        coach=text(),
        topic=text(),
        tags=[text(), text()],
        started_at=start,
        ended_at=ended,
        status=shape["status"],
        phase_seconds=shape["phase_seconds"],
        next_meeting=start.date() + timedelta(days=14) if shape["next_meeting"] else None,
    )
    for phase in Phase:
        s.section(phase).notes = text()
    s.follow_up.items = [
        FollowUpItem(
            session_id="earlier01",
            action_id=f"a{n}",
            what=text(),
            success_criterion=text(),
            outcome=outcome,
            tried=text(),
            helped=text(),
            hindered=text(),
            next_step=text(),
            decision=decision,
        )
        for n, (outcome, decision) in enumerate(shape["reviews"])
    ]
    s.goal.session_goal, s.goal.long_term_goal, s.goal.success_measure = text(), text(), text()
    s.reality.scales = [ScaleAnswer(question=text(), score=score(), said=text()) for _ in range(shape["scales"])]
    s.options.items = [
        Option(
            id=f"o{n}",
            text=text(),
            attractiveness=score() if appeal else None,
            feasibility=score() if feasible else None,
            chosen=chosen,
            pros=[text() for _ in range(pros)],
            cons=[text() for _ in range(cons)],
        )
        for n, (appeal, feasible, chosen, pros, cons) in enumerate(shape["options"])
    ]
    s.will.actions = [
        Action(
            id=f"a{n}",
            what=text(),
            success_criterion=text(),
            inform=text(),
            support=text(),
            obstacles=text(),
            status=status,
            when=start.date() + timedelta(days=7) if dated else None,
        )
        for n, (status, dated) in enumerate(shape["actions"])
    ]
    s.will.motivation = score() if shape["motivation"] else None
    s.will.motivation_to_ten = text()
    s.asked = [
        Asked(phase=phase, text=text(), answer=text(), asked_at=start, score=score() if scored else None)
        for phase, scored in shape["asked"]
    ]
    return s


def every_text(value: str, coachee: str = "Ada Lovelace") -> Session:
    """A session with something in every part, every typed text being ``value``."""
    shape = {  # a fixed shape with something in every part
        "coachee": coachee,
        "day": 0,
        "status": Status.completed,
        "phase_seconds": {Phase.goal: 600},
        "ended_after": 45,
        "next_meeting": True,
        "reviews": [(Outcome.done, Decision.close)],
        "scales": 2,
        "options": [(True, True, True, 1, 1)],
        "actions": [(ActionStatus.open, True)],
        "motivation": True,
        "asked": [(Phase.goal, True), (Phase.will, False)],
        "blanks": [False],
    }
    return build(shape, Source(lambda n: value), cycle([3, 7, 10]))


def test_render_works_without_textual(env_for_subprocess):
    result = run_blocked(
        """
        from growtui.model import Session
        from growtui.render import session_markdown
        assert "# Ada" in session_markdown(Session(coachee="Ada"), "en")
        assert not [m for m in sys.modules if m.split(".")[0] == "textual"]
        """,
        env_for_subprocess,
    )
    assert result.returncode == 0, result.stderr


# --- clean and sparkline -------------------------------------------------------------------


@pytest.mark.parametrize(
    "unsafe", ["\x1b", "\r", "\x07", "\x00", "\x7f", "\x85", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069"]
)
def test_clean_replaces_control_and_bidi_characters(unsafe):
    assert clean(f"a{unsafe}b") == "a\ufffdb"


def test_clean_keeps_line_breaks_tabs_and_ordinary_text():
    assert clean("Zoë\r\nzegt:\t“ja” 👍\n") == "Zoë\nzegt:\t“ja” 👍\n"
    assert clean("\x1b[31mX\x1b]0;title\x07") == "\ufffd[31mX\ufffd]0;title\ufffd"


def test_sparkline_scales_values_and_leaves_gaps():
    assert sparkline([1, 10, None, 5]) == "▁█ ▄"
    assert sparkline([0, 11, 3], lo=1, hi=10) == "▁█▃"
    assert sparkline([]) == ""


def test_short_date_does_not_depend_on_the_locale():
    assert short_date(date(2026, 11, 3), Lang.nl) == "di 3 nov 2026"
    assert short_date(date(2026, 11, 3), Lang.en) == "Tue 3 Nov 2026"


def test_every_enum_value_has_a_label():
    enums = {
        "doc.status": Status,
        "doc.action_status": ActionStatus,
        "doc.decision": Decision,
        "outcome": Outcome,
        "doc.lang": Lang,
    }
    missing = [
        f"{prefix}.{v.value}" for prefix, enum in enums.items() for v in enum if f"{prefix}.{v.value}" not in STRINGS
    ]
    assert not missing


# --- show: plain text ----------------------------------------------------------------------


def test_session_text_holds_the_whole_record_in_order():
    text = session_text(full_session(), Lang.nl)
    expected_in_order = [
        "Zoë de Wit · di 3 nov 2026",
        "Coach: Marieke",
        "di 3 nov 2026, 09:30–10:17",
        "44 min",
        "afgerond",
        "Rustiger plannen",
        "planning, werkdruk",
        "Nederlands",
        "Opening\n-------",
        "Kort bijgepraat.\n  Afspraak: proces gaat naar HR",
        "Terugblik op eerdere afspraken",
        "Agenda blokken",
        "3 blokken per week",
        "deels gedaan",
        "vaste ochtend",
        "incidenten",
        "blok op dinsdag beschermen",
        "meegenomen naar dit gesprek",
        "Blij met de ochtenden.",
        "Doel\n----",
        "Weten welke taak ze loslaat",
        "Binnen 40 uur werken",
        "Geen avondwerk in december",
        "Realiteit\n---------",
        "4/10",
        "Waar sta je nu?",
        "Te veel ad hoc",
        "Drie projecten tegelijk.",
        "Opties\n------",
        "Taak X overdragen aan Tom",
        "Voordelen: meer rust",
        "Nadelen: Tom moet ingewerkt",
        "Nee zeggen",
        "Nog niet gescoord",
        "Wil\n---",
        "Overdracht plannen met Tom",
        "di 17 nov 2026",
        "Tom doet de release zelf",
        "teamlead",
        "tijd van Tom",
        "Motivatie: 8/10",
        "Wat maakt het een 10? Als Tom er ook zin in heeft",
        "Afsluiting\n----------",
        "Nuttig gesprek",
        "Gestelde vragen",
        "Wat wil je bereiken?",
        "Antwoord: Rust",
        "Hoe sta je ervoor, 1-10?",
    ]
    positions = [text.find(piece) for piece in expected_in_order]
    assert -1 not in positions, [p for p, at in zip(expected_in_order, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
    assert "14      8              6         ✓        Taak X" in text


def test_session_text_in_english():
    text = session_text(full_session(), Lang.en)
    assert "Tue 3 Nov 2026" in text and "Follow-up" not in text and "Looking back at earlier actions" in text
    assert "Motivation: 8/10" in text and "Decision: carried into this session" in text


def test_empty_parts_are_left_out():
    session = Session(coachee="Ada", started_at=datetime(2026, 1, 5, 9, tzinfo=CET))
    session.goal.session_goal = "Rust"
    text = session_text(session, Lang.nl)
    assert "Doel van dit gesprek: Rust" in text
    for absent in (
        "Terugblik",
        "Realiteit",
        "Opties",
        "Wil",
        "Opening",
        "Afsluiting",
        "Gestelde vragen",
        "Aantekeningen",
        "Coach",
        "Onderwerp",
        "Tags",
        "Duur",
    ):
        assert absent not in text
    markdown = session_markdown(session, Lang.en)
    assert [level for level, _ in headings(markdown)] == ["h1", "h2"]


def test_examples_show_their_content(examples):
    for s in examples:
        for lang in Lang:
            for document in (session_text(s, lang), session_markdown(s, lang)):
                wanted = [
                    s.coachee,
                    *(o.text for o in s.options.items),
                    *(a.what for a in s.will.actions),
                    *(a.text for a in s.asked),
                ]
                plain = document.replace("\\", "")
                assert all(piece in plain for piece in wanted), s.id
                assert (s.goal.session_goal in plain) == bool(s.goal.session_goal)
        if not s.will.actions and not s.will.notes and s.will.motivation is None:
            assert "\nWil\n---" not in session_text(s, Lang.nl)


# --- export: Markdown ----------------------------------------------------------------------


def test_markdown_structure_of_a_full_session():
    markdown = session_markdown(full_session(), Lang.en)
    assert headings(markdown) == [
        ("h1", "Zoë de Wit · Tue 3 Nov 2026"),
        ("h2", "Opening"),
        ("h2", "Looking back at earlier actions"),
        ("h2", "Goal"),
        ("h2", "Reality"),
        ("h2", "Options"),
        ("h2", "Will"),
        ("h2", "Closing"),
        ("h2", "Questions asked"),
        ("h3", "Goal"),
        ("h3", "Reality"),
    ]
    tokens = parse(markdown)
    assert [tok.type for tok in tokens].count("table_open") == 2
    assert not [tok for tok in tokens if tok.type in ("html_block", "html_inline")]
    assert 'Drie projecten tegelijk.\nTabs en "quotes" en \\ backslash.' in rendered_text(markdown)
    assert cells_per_row(markdown) == [3, 3, 7, 7, 7, 7]


def test_markdown_escapes_everything_typed():
    hostile = [
        "# not a heading",
        "| pipe | here",
        "<script>alert(1)</script>",
        "*x* _y_ `z` ~~s~~",
        "[a](b)",
        "- not a list",
        "1. not a list",
        "> not a quote",
        "---",
        "&amp; stays",
        "back\\slash",
        "<!-- c -->",
    ]
    session = full_session()
    session.goal.notes = "\n".join(hostile)
    session.options.items[0].text = "| pipe | and <b>bold</b>"
    session.options.items[0].pros = ["a\nb | c"]
    session.will.actions[0].what = "**[link](http://x)** ![img](y)"
    session.asked[0].answer = "# not a heading either\n<div>"
    markdown = session_markdown(session, Lang.en)
    tokens = parse(markdown)
    assert len(headings(markdown)) == 11
    assert not [tok for tok in tokens if tok.type in ("html_block", "html_inline")]
    kinds = {child.type for tok in tokens if tok.type == "inline" for child in tok.children}
    assert not kinds & {"em_open", "link_open", "image", "code_inline", "s_open"}
    assert not [tok for tok in tokens if tok.type in ("blockquote_open", "ordered_list_open", "hr", "code_block")]
    text = rendered_text(markdown)
    for piece in [*hostile, "| pipe | and <b>bold</b>", "a b | c", "**[link](http://x)** ![img](y)"]:
        assert piece in text, piece
    assert cells_per_row(markdown) == [3, 3, 7, 7, 7, 7]  # the pipes typed made no extra columns


FORBIDDEN = {
    "html_block",
    "html_inline",
    "link_open",
    "image",
    "em_open",
    "code_inline",
    "code_block",
    "fence",
    "blockquote_open",
    "ordered_list_open",
    "hr",
    "s_open",
}


def structure(markdown: str) -> tuple[list[str], list[int], set[str]]:
    """Heading levels, cells per table row, and every token type, inline ones included."""
    tokens = parse(markdown)
    kinds = {tok.type for tok in tokens} | {c.type for tok in tokens if tok.children for c in tok.children}
    return [tok.tag for tok in tokens if tok.type == "heading_open"], cells_per_row(markdown), kinds


@HYPOTHESIS
@given(shape=shapes(), typed=st.lists(st.text(min_size=1), min_size=1, max_size=12), lang=st.sampled_from(Lang))
def test_nothing_typed_becomes_markdown_structure(shape, typed, lang):
    """Any typed text gives the same headings and tables as plain words would, and never HTML, links or code."""

    def pick(n: int) -> str:
        return typed[n % len(typed)]

    def plain(n: int) -> str:
        return "words" if pick(n).strip() else pick(n)

    session = build(shape, Source(pick, shape["blanks"]), cycle([4]))
    levels, cells, kinds = structure(session_markdown(session, lang))
    plain_levels, plain_cells, _ = structure(
        session_markdown(build(shape, Source(plain, shape["blanks"]), cycle([4])), lang)
    )
    assert (levels, cells) == (plain_levels, plain_cells)
    assert not kinds & FORBIDDEN
    shown = session_text(session, lang)
    assert not [c for c in shown if c not in "\n\t" and (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F)]


def test_markdown_keeps_escapes_readable():
    session = full_session()
    session.goal.notes = "Zoë wil minder: 3 dagen, geen avond."
    assert "Zoë wil minder: 3 dagen, geen avond." in session_markdown(session, Lang.nl)


def test_control_characters_never_reach_a_document():
    sessions = [every_text(EVIL, coachee="Ada\x1b[2J"), every_text(EVIL, coachee="Ada\x1b[2J")]
    documents = [
        session_text(sessions[0], Lang.nl),
        session_markdown(sessions[0], Lang.en),
        coachee_markdown(sessions, Lang.nl),
        summary(sessions, Lang.en),
    ]
    for document in documents:
        assert "\x1b" not in document and "\x07" not in document
    assert "\ufffd[31mX" in documents[0]


# --- a coachee's sessions ------------------------------------------------------------------


def test_coachee_markdown_tells_the_arc(examples):
    sem = [s for s in examples if s.coachee == "Sem Brouwer"]
    markdown = coachee_markdown(list(reversed(sem)), Lang.nl)
    titles = headings(markdown)
    assert titles[0] == ("h1", "Gesprekken met Sem Brouwer")
    assert [text for level, text in titles if level == "h1"] == ["Gesprekken met Sem Brouwer"]
    assert [text for level, text in titles if level == "h2"] == [
        "Het verloop in het kort",
        "Scores door de tijd",
        "Sem Brouwer · di 8 sep 2026",
        "Sem Brouwer · di 6 okt 2026",
    ]
    first, second = sorted(sem, key=lambda s: s.started_at)
    assert markdown.index(first.goal.session_goal) < markdown.index(second.goal.session_goal)
    motivations = [s.will.motivation for s in (first, second)]
    assert f"| Motivatie | {sparkline(motivations)} | {motivations[0]} → {motivations[1]} |" in markdown
    assert not [tok for tok in parse(markdown) if tok.type in ("html_block", "html_inline")]


def test_coachee_markdown_lines_up_scale_questions_by_session():
    one, two = full_session(), full_session(id="second000001", started_at=datetime(2026, 12, 1, 9, tzinfo=CET))
    two.reality.scales = [ScaleAnswer(question="Nieuwe vraag", score=9)]
    two.will.motivation = None
    markdown = coachee_markdown([two, one], Lang.nl)
    assert "| Motivatie | ▆· | 8 → – |" in markdown
    assert "| Waar sta je nu? | ▃· | 4 → – |" in markdown
    assert "| Nieuwe vraag | ·▇ | – → 9 |" in markdown
    row = "| di 3 nov 2026 | problem-solving | Weten welke taak ze loslaat | Taak X overdragen aan Tom | 0/1 | 8/10 |"
    assert row in markdown, "without a library the type shows by its id"


def test_trends_are_clean_lines_for_a_screen():
    one, two = full_session(), full_session(id="second000001", started_at=datetime(2026, 12, 1, 9, tzinfo=CET))
    two.reality.scales = [ScaleAnswer(question="Nieuwe\x1b[2J vraag", score=9)]
    assert trends([one, two], Lang.en) == [
        ("Motivation", "▆▆", "8 → 8"),
        ("Waar sta je nu?", "▃ ", "4 → –"),
        ("Nieuwe\ufffd[2J vraag", " ▇", "– → 9"),
    ]
    assert trends([Session(coachee="Ada")], Lang.nl) == []


def test_coachee_markdown_needs_sessions():
    with pytest.raises(ValueError):
        coachee_markdown([], Lang.nl)


# --- the process summary -------------------------------------------------------------------


def test_summary_of_the_examples_shows_process_not_content(examples):
    text = summary(examples, Lang.nl)
    assert "Procesoverzicht coaching" in text and "blijft tussen coach en coachee" in text
    for s in examples:
        assert f"## {s.coachee}" in text and short_date(s.started_at.date(), Lang.nl) in text
        for secret in [
            s.topic,
            s.coach,
            *s.tags,
            s.goal.session_goal,
            *(o.text for o in s.options.items),
            *(a.what for a in s.will.actions),
            *(a.text for a in s.asked),
        ]:
            assert not secret or secret not in text
    assert (
        "| di 6 okt 2026 | 43 min | problem-solving | afgerond | Opening, Terugblik, Doel, Realiteit, Opties, Wil, "
        "Afsluiting | 5 | 2 | 28 | 2 van 2 nagelopen: 1 gedaan, 1 doorgeschoven |" in text
    )
    assert "**Tijd tussen de gesprekken:** gemiddeld 28 dagen, het langst 28 dagen" in text
    assert "**Gesprekken:** 5, waarvan 4 afgerond" in text
    assert len([tok for tok in parse(text) if tok.type == "table_open"]) == len({s.coachee for s in examples})


def test_covered_phases_come_from_structure():
    session = Session(coachee="Ada")
    assert covered_phases(session) == []
    session.goal.notes = "  \n"
    session.reality.scales.append(ScaleAnswer(question="", score=3))
    session.asked.append(Asked(phase=Phase.closing, text="", asked_at=session.started_at))
    session.follow_up.items.append(FollowUpItem(session_id="earlier01", action_id="a1", what="Iets"))
    assert covered_phases(session) == [Phase.reality, Phase.closing]
    session.follow_up.items[0].outcome = Outcome.done
    session.will.motivation = 7
    assert covered_phases(session) == [Phase.follow_up, Phase.reality, Phase.will, Phase.closing]


def test_summary_duration_falls_back_to_start_and_end():
    session = full_session(phase_seconds={})
    assert "| 47 min |" in summary([session], Lang.en)
    assert "| – |" in summary([full_session(phase_seconds={}, ended_at=None)], Lang.en)


texts = st.lists(st.text(min_size=1), min_size=1, max_size=12)
scores = st.lists(st.integers(1, 10), min_size=1, max_size=6)


@HYPOTHESIS
@given(
    shape_list=st.lists(shapes(), min_size=1, max_size=3),
    first=texts,
    second=texts,
    first_scores=scores,
    second_scores=scores,
    lang=st.sampled_from(Lang),
)
def test_summary_depends_on_structure_only(shape_list, first, second, first_scores, second_scores, lang):
    """Other texts and other scores, same structure: the very same summary.

    A blank text stays blank in both, since blank or not is structure (an empty note covers no phase).
    """

    def pick_first(n: int) -> str:
        return first[n % len(first)]

    def pick_second(n: int) -> str:
        original, other = pick_first(n), second[n % len(second)]
        if not original.strip():
            return original
        return other if other.strip() else f"x{other}"

    def build_all(pick: Callable[[int], str], numbers: list[int]) -> list[Session]:
        return [build(shape, Source(pick, shape["blanks"]), cycle(numbers)) for shape in shape_list]

    assert summary(build_all(pick_first, first_scores), lang) == summary(build_all(pick_second, second_scores), lang)


@HYPOTHESIS
@given(shape_list=st.lists(shapes(), min_size=1, max_size=3), numbers=scores, lang=st.sampled_from(Lang))
def test_summary_never_shows_a_typed_text(shape_list, numbers, lang):
    def marked(i: int) -> Callable[[int], str]:
        return lambda n: f"MARKER{i}x{n}zq"

    sessions = [build(shape, Source(marked(i), shape["blanks"]), cycle(numbers)) for i, shape in enumerate(shape_list)]
    text = summary(sessions, lang)
    assert "MARKER" not in text and "zq" not in text
    assert all(f"## {s.coachee}" in text for s in sessions)
