"""One large, realistic session for the typing and autosave benchmarks.

A generated English session in progress, in the goal phase, whose goal
notes hold ``NOTE_LINES`` lines, with many options, actions and asked
questions: far more than a real conversation, so the costs show.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import generate
import texts
from growtui.model import Action, Option, Phase, Session

NOTE_LINES = 5000
OPTIONS = 40
ACTIONS = 30
SEED = 7
TOPIC = "workload"


def notes(lines: int = NOTE_LINES, seed: int = SEED) -> str:
    """``lines`` lines of English notes, as a manager types them in the goal phase."""
    rng = random.Random(f"{seed}:notes")
    writer = generate.Writer(rng, "en")
    pool = texts.PHASE_LINES["en"]["goal"] + texts.TOPICS[TOPIC]["en"]["lines"]
    return "\n".join(writer.pick(pool) for _ in range(lines))


def big_session(lines: int = NOTE_LINES, seed: int = SEED) -> Session:
    """An unfinished session, open at the goal phase, with ``lines`` lines of goal notes."""
    rng = random.Random(seed)
    who = next(c for c in generate.plan_coachees(60, seed) if c.language == "en")
    day = date.today()
    session = generate.build_session(rng, who, day, TOPIC, None, None, in_progress=True)
    session.started_at = datetime.now().astimezone()  # no phase is over its time: no warnings pop up
    session.phase_seconds = {}
    session.current_phase = Phase.goal
    session.goal.notes = notes(lines, seed)
    writer = generate.Writer(rng, "en")
    topic = texts.TOPICS[TOPIC]["en"]
    session.options.items = [
        Option(
            id=f"o{i}",
            text=writer.pick(topic["option"]),
            attractiveness=rng.randint(1, 10),
            feasibility=rng.randint(1, 10),
            pros=[writer.pick(texts.PROS["en"]) for _ in range(2)],
            cons=[writer.pick(texts.CONS["en"]) for _ in range(2)],
            chosen=i == 1,
        )
        for i in range(1, OPTIONS + 1)
    ]
    parts = texts.ACTION_PARTS["en"]
    session.will.actions = [
        Action(
            id=f"a{i}",
            what=writer.pick(topic["action"]),
            when=day + timedelta(weeks=rng.randint(1, 4)),
            success_criterion=writer.pick(parts["criterion"]),
            inform=writer.pick(parts["inform"]),
            support=writer.pick(parts["support"]),
            obstacles=writer.pick(parts["obstacles"]),
        )
        for i in range(1, ACTIONS + 1)
    ]
    return session
