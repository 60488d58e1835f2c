"""Generate a folder of realistic, deterministic session files for benchmarks.

About n/15 coachees (half Dutch, half English) each have a series of
sessions every 1-4 weeks, with now and then a pause of a few months, so a
series spans one to several years. Every session follows up the actions of
the one before (outcomes, decisions, carried-over actions), and the earlier
session records how its actions were reviewed, as growtui itself does.

Two words are planted for search benchmarks: RARE_WORD in 1% of the
sessions and COMMON_WORD in half (exactly, rounded); the text pools never
use them.

    .venv/bin/python bench/generate.py FOLDER N [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tomllib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time as clock, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import texts
from growtui.model import (
    MAX_CARRIES,
    Action,
    ActionStatus,
    Asked,
    Decision,
    FollowUpItem,
    Option,
    Outcome,
    Phase,
    ScaleAnswer,
    Session,
    Status,
    review_status,
)
from growtui.storage import Store, file_name, to_toml

ROOT = Path(__file__).resolve().parent.parent
RARE_WORD, RARE_RATE = "kwartelkoning", 0.01
COMMON_WORD, COMMON_RATE = "budget", 0.5
SESSIONS_PER_COACHEE = 15
ZONE = ZoneInfo("Europe/Amsterdam")
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
NOTE_PHASES = ("opening", "follow_up", "goal", "reality", "options", "will", "closing")
PLANTED = {
    RARE_WORD: {
        "nl": "Project Kwartelkoning loopt weer uit; {c} trekt het nu.",
        "en": "The Kwartelkoning migration is slipping again; {c} leads it now.",
    },
    COMMON_WORD: {
        "nl": "Het budget van {t} is bevroren tot het nieuwe kwartaal.",
        "en": "The {t} budget is frozen until next quarter.",
    },
}


@dataclass(frozen=True)
class Coachee:
    """One coachee and the shape of their series of sessions."""

    index: int
    name: str
    language: str
    coach: str
    first: date
    count: int
    ends_in_progress: bool
    planted: dict[int, tuple[str, ...]]  # session number in the series -> words to plant


def plan_coachees(n: int, seed: int) -> list[Coachee]:
    """About n/15 coachees whose session counts add up to exactly n."""
    rng = random.Random(seed)
    k = max(1, round(n / SESSIONS_PER_COACHEE))
    weights = [rng.uniform(0.3, 1.7) for _ in range(k)]
    counts = Counter(rng.choices(range(k), weights, k=n - k))
    planted: dict[int, list[str]] = {}
    for word, rate in ((RARE_WORD, RARE_RATE), (COMMON_WORD, COMMON_RATE)):
        for number in rng.sample(range(n), round(n * rate)):
            planted.setdefault(number, []).append(word)
    names: set[str] = set()
    coachees, offset = [], 0
    for i in range(k):
        language = "nl" if i % 2 == 0 else "en"
        name = _unique_name(rng, language, names)
        first = date(2019, 1, 7) + timedelta(days=rng.randrange(5 * 365))
        count = 1 + counts[i]
        words = {j: tuple(planted[offset + j]) for j in range(count) if offset + j in planted}
        coachees.append(Coachee(i, name, language, rng.choice(texts.COACHES), first, count, rng.random() < 0.3, words))
        offset += count
    return coachees


def _unique_name(rng: random.Random, language: str, taken: set[str]) -> str:
    firsts, lasts = (texts.FIRST_NL, texts.LAST_NL) if language == "nl" else (texts.FIRST_EN, texts.LAST_EN)
    for attempt in range(1000):
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if attempt > 50:  # the pools are used up: add an initial, as people do
            name = f"{rng.choice(firsts)} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {rng.choice(lasts)}"
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("ran out of coachee names")


# --- text ------------------------------------------------------------------


class Writer:
    """Fills templates and builds notes for one coachee, from one seeded random source."""

    def __init__(self, rng: random.Random, language: str):
        self.rng = rng
        self.lang = language

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self)) if "{" in template else template

    def slot(self, key: str) -> str | int:
        """A random value for one template placeholder."""
        rng = self.rng
        match key:
            case "n":
                return rng.randint(2, 9)
            case "p":
                return rng.randint(10, 90)
            case "d":
                return rng.choice(texts.DAYS[self.lang])
            case "w":
                return rng.choice(texts.SHORT_SAYINGS[self.lang])
        return rng.choice({"c": texts.COLLEAGUES, "m": texts.MANAGERS, "t": texts.TEAMS}[key])

    def pick(self, pool: list[str]) -> str:
        return self.fill(self.rng.choice(pool))

    def notes(self, phase: str, topic: dict[str, list[str]]) -> str:
        """3-25 lines, mostly short notes and now and then a long one."""
        count = 3 + int(22 * self.rng.random() ** 4)
        lines = texts.PHASE_LINES[self.lang][phase] + topic["lines"]
        lines = self.rng.sample(lines, len(lines))  # repeats only in the longest notes
        return "\n".join(self.fill(lines[i % len(lines)]) for i in range(count))


class _Slots(dict):
    """Placeholder values, drawn only for the placeholders a template uses."""

    def __init__(self, writer: Writer):
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str | int:
        self[key] = value = self.writer.slot(key)
        return value


@cache
def library() -> dict[str, list[dict]]:
    """The shipped questions every problem-solving conversation may ask, by phase.

    Files without questions (types.toml, checklist.toml) and the questions of
    one kind of conversation only (``types``) are left out: the generated
    sessions are problem-solving conversations.
    """
    by_phase: dict[str, list[dict]] = {}
    for path in sorted((ROOT / "questions").glob("*.toml")):
        for question in tomllib.loads(path.read_text(encoding="utf-8")).get("questions", []):
            if not question.get("types"):
                by_phase.setdefault(question["phase"], []).append(question)
    return by_phase


# --- one session -----------------------------------------------------------


def _new_id(rng: random.Random) -> str:
    return "".join(rng.choice(ID_ALPHABET) for _ in range(12))


def _score(rng: random.Random, low: int = 1) -> int:
    return max(low, min(10, round(rng.gauss(6.5, 2))))


def build_session(
    rng: random.Random,
    who: Coachee,
    day: date,
    topic_key: str,
    previous: Session | None,
    next_day: date | None,
    in_progress: bool,
    words: tuple[str, ...] = (),
) -> Session:
    """One conversation: every phase filled, following up the previous session's actions."""
    w = Writer(rng, who.language)
    topic = texts.TOPICS[topic_key][who.language]
    started = datetime.combine(day, clock(rng.randint(8, 16), rng.choice((0, 30))), ZONE)
    box = rng.choice((30, 45, 45, 45, 60, 60, 90))
    session = Session(
        id=_new_id(rng),
        coachee=who.name,
        coach=who.coach,
        topic=w.pick(topic["title"]),
        language=who.language,
        started_at=started,
        time_box_minutes=box,
        status=Status.in_progress if in_progress else Status.completed,
        current_phase=rng.choice((Phase.will, Phase.closing)) if in_progress else Phase.closing,
        previous_session=previous.id if previous else None,
        tags=rng.sample(topic["tags"], rng.randint(1, len(topic["tags"]))),
        next_meeting=None if in_progress else next_day,
        phase_seconds={phase: rng.randint(60, 1200) for phase in Phase},
    )
    if not in_progress:
        session.ended_at = started + timedelta(minutes=box + rng.randint(-8, 12))
    for phase in NOTE_PHASES:
        session.section(Phase(phase)).notes = w.notes(phase, topic)
    for word in words:
        session.reality.notes += "\n" + w.fill(PLANTED[word][who.language])
    session.goal.session_goal = w.pick(topic["goal"])
    session.goal.long_term_goal = w.pick(topic["long"])
    session.goal.success_measure = w.pick(topic["measure"])
    session.reality.scales = _scales(w)
    session.options.items = _options(w, topic)
    if previous:
        session.will.actions = _follow_up(w, session, previous, day)
    else:
        session.follow_up.notes = ""  # a first conversation has nothing to follow up
    session.will.actions = session.will.actions + _actions(w, topic, session, day)
    session.will.motivation = _score(rng, 3)
    session.will.motivation_to_ten = w.pick(texts.MOTIVATION_TO_TEN[who.language])
    session.asked = _asked(w, started, box)
    return session


def _scales(w: Writer) -> list[ScaleAnswer]:
    questions = [q for q in library()["reality"] if q["kind"] == "scale"]
    return [
        ScaleAnswer(
            question_id=q["id"], question=q["text"][w.lang], score=_score(w.rng), said=w.pick(texts.SCALE_SAID[w.lang])
        )
        for q in w.rng.sample(questions, w.rng.randint(1, min(3, len(questions))))
    ]


def _options(w: Writer, topic: dict[str, list[str]]) -> list[Option]:
    rng = w.rng
    texts_ = rng.sample(topic["option"], min(len(topic["option"]), rng.randint(2, 5)))
    options = [
        Option(
            id=f"o{i}",
            text=w.fill(text),
            attractiveness=_score(rng),
            feasibility=_score(rng),
            pros=[w.pick(texts.PROS[w.lang]) for _ in range(rng.randint(0, 2))],
            cons=[w.pick(texts.CONS[w.lang]) for _ in range(rng.randint(0, 2))],
        )
        for i, text in enumerate(texts_, 1)
    ]
    max(options, key=lambda o: o.score or 0).chosen = True
    return options


def _actions(w: Writer, topic: dict[str, list[str]], session: Session, day: date) -> list[Action]:
    """New actions after the carried-over ones, three at most in all."""
    rng, parts = w.rng, texts.ACTION_PARTS[w.lang]
    chosen = session.chosen_options()[0]
    first = len(session.will.actions) + 1
    count = min(4 - first, rng.choices((1, 2, 3), weights=(5, 4, 1))[0])
    return [
        Action(
            id=f"a{first + i}",
            what=chosen.text if i == 0 else w.pick(topic["action"]),
            start=day + timedelta(days=rng.randint(1, 6)) if rng.random() < 0.2 else None,
            when=day + timedelta(weeks=rng.randint(1, 4)),
            success_criterion=w.pick(parts["criterion"]),
            inform=w.pick(parts["inform"]),
            support=w.pick(parts["support"]),
            obstacles=w.pick(parts["obstacles"]),
            option_id=chosen.id if i == 0 else None,
        )
        for i in range(count)
    ]


def _follow_up(w: Writer, session: Session, previous: Session, day: date) -> list[Action]:
    """Review the previous session's actions; mark them reviewed there; return the carried-over ones."""
    rng, review = w.rng, texts.REVIEW[w.lang]
    carried = []
    for action in previous.will.actions:
        outcome = rng.choices(list(Outcome), weights=(5, 3, 2))[0]
        decision = Decision.close
        if outcome is not Outcome.done:
            options = (Decision.carry_over, Decision.close, Decision.drop)
            decision = rng.choices(options, weights=(6 if action.carry_count < MAX_CARRIES else 0, 2, 2))[0]
        agreed = action.agreed_on or previous.started_at.date()
        session.follow_up.items.append(
            FollowUpItem(
                session_id=previous.id,
                action_id=action.id,
                what=action.what,
                success_criterion=action.success_criterion,
                when=action.when,
                agreed_on=agreed,
                motivation=previous.will.motivation,
                carry_count=action.carry_count,
                outcome=outcome,
                tried=w.pick(review["tried"]),
                helped=w.pick(review["helped"]),
                hindered=w.pick(review["hindered"]),
                next_step=w.pick(review["next"]),
                decision=decision,
            )
        )
        action.status, action.outcome, action.reviewed_in = review_status(outcome, decision), outcome, session.id
        if decision is Decision.carry_over:
            carried.append(
                action.model_copy(
                    update={
                        "id": f"a{len(carried) + 1}",
                        "status": ActionStatus.open,
                        "option_id": None,
                        "outcome": None,
                        "reviewed_in": None,
                        "carried_from": f"{previous.id}/{action.id}",
                        "carry_count": action.carry_count + 1,
                        "agreed_on": agreed,
                        "start": None,
                        "when": day + timedelta(weeks=rng.randint(1, 4)),
                    }
                )
            )
    return carried[:3]


def _asked(w: Writer, started: datetime, box: int) -> list[Asked]:
    """5-15 questions from the library (now and then in own words), in conversation order."""
    rng, asked = w.rng, []
    count = 5 + round(10 * rng.random() ** 2.5)
    phases = sorted(rng.choices(range(len(NOTE_PHASES)), k=count))
    minutes = sorted(rng.uniform(0.5, box) for _ in range(count))
    for index, minute in zip(phases, minutes, strict=True):
        question = rng.choice(library()[NOTE_PHASES[index]])
        asked.append(
            Asked(
                question_id=question["id"] if rng.random() < 0.8 else None,
                phase=question["phase"],
                text=question["text"][w.lang],
                asked_at=started + timedelta(seconds=round(minute * 60)),
                answer=w.pick(texts.ANSWERS[w.lang]),
                score=_score(rng) if question["kind"] == "scale" else None,
            )
        )
    return asked


# --- a series and a folder -------------------------------------------------


def write_series(folder: Path, who: Coachee, seed: int) -> int:
    """Write all sessions of one coachee; each file once its actions are reviewed (or it is the last)."""
    rng = random.Random(f"{seed}:{who.index}")
    days, day = [], who.first
    for _ in range(who.count):
        days.append(day)
        pause = rng.random() < 0.1
        day += timedelta(weeks=rng.randint(8, 26) if pause else rng.randint(1, 4))
    topics = rng.sample(sorted(texts.TOPICS), 3)
    previous, topic = None, topics[0]
    for i, day in enumerate(days):
        if rng.random() < 0.3:
            topic = rng.choice(topics)
        last = i == len(days) - 1
        session = build_session(
            rng,
            who,
            day,
            topic,
            previous,
            None if last else days[i + 1],
            last and who.ends_in_progress,
            who.planted.get(i, ()),
        )
        if previous:
            _write(folder, previous)
        previous = session
    _write(folder, previous)
    return who.count


def _write(folder: Path, session: Session) -> None:
    path = folder / file_name(session)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(to_toml(session))


def _write_series_job(job: tuple[Path, Coachee, int]) -> int:
    return write_series(*job)


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """Write n sessions into folder (created 0700), then read a sample back to check them."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    jobs = [(folder, who, seed) for who in plan_coachees(n, seed)]
    if n < 500:
        written = sum(map(_write_series_job, jobs))
    else:
        with ProcessPoolExecutor() as pool:
            written = sum(pool.map(_write_series_job, jobs, chunksize=4))
    assert written == n, (written, n)
    check_sample(folder, seed)


def check_sample(folder: Path, seed: int, k: int = 25) -> None:
    """Read k random files back with the real store; raises on any problem."""
    store = Store(folder)
    files = sorted(store.files())
    for path in random.Random(seed).sample(files, min(k, len(files))):
        store.read(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    generate(args.folder, args.n, args.seed)
    print(f"{args.n} sessions in {args.folder} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
