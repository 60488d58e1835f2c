"""Turning session files into the index's rows; runs in worker processes too, so it imports little."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from growtui.errors import Problem
from growtui.index.matching import fold, person_key, typed_text

if TYPE_CHECKING:
    from growtui.crypto import Vault
    from growtui.model import Session

Rows = tuple[tuple, list[tuple], list[tuple]]


def rows_for(rel: str, s: Session, sealed: bool = False) -> Rows:
    """The index rows of one session: the session, its actions, its reviews of earlier actions.

    ``sealed``: its file is encrypted (in an encrypted folder only those are trusted for follow-ups).
    """
    from growtui.model import ActionStatus, duration_minutes, review_status

    body = "\n".join(typed_text(s))
    person = person_key(s.coachee)
    started = s.started_at.isoformat()
    session_row = (
        rel,
        s.id,
        s.coachee,
        person,
        s.topic,
        started,
        s.started_at.date().isoformat(),
        s.ended_at.isoformat() if s.ended_at else None,
        s.status.value,
        s.current_phase,
        s.language.value,
        "\n".join(s.tags),
        len(s.options.items),
        len(s.will.actions),
        sum(a.status is ActionStatus.done for a in s.will.actions),
        s.will.motivation,
        duration_minutes(s) or 0,
        int(sealed),
        s.type,
        s.style.chosen.value if s.style is not None and s.style.chosen is not None else None,
        s.next_meeting.isoformat() if s.next_meeting else None,
        body,
        fold(body),
    )
    action_rows = [
        (
            rel,
            s.id,
            a.id,
            person,
            started,
            a.what,
            a.success_criterion,
            a.when.isoformat() if a.when else None,
            (a.agreed_on or s.started_at.date()).isoformat(),
            a.status.value,
            a.carry_count,
            s.will.motivation,
            a.start.isoformat() if a.start else None,
            a.inform,
            a.support,
            a.obstacles,
            a.owner.value,
        )
        for a in s.will.actions
    ]
    review_rows = [(rel, item.key, review_status(item.outcome, item.decision).value) for item in s.follow_up.items]
    return session_row, action_rows, review_rows


Read = tuple[str, int, int, "Rows | Problem"]


def _read_some(root: Path, work: list[tuple[str, Path, tuple[int, int]]], vault: Vault | None = None) -> list[Read]:
    from growtui.errors import SessionFileError
    from growtui.storage import Store

    store = Store(root, vault)
    out: list[Read] = []
    for rel, path, (size, mtime) in work:
        try:
            stored = store.read(path)
            out.append((rel, size, mtime, rows_for(rel, stored.session, stored.sealed)))
        except SessionFileError as exc:
            out.append((rel, size, mtime, exc.problems[0]))
    return out


def read_all(
    root: Path,
    work: list[tuple[str, Path, tuple[int, int]]],
    *,
    batch: int,
    parallel_from: int,
    vault: Vault | None = None,
) -> Iterator[list[Read]]:
    """Read files in batches; from ``parallel_from`` files on, spread over the processor's cores.

    At most two batches per worker are under way at once: the rows of a
    batch wait in memory until the caller has taken them, so a caller that
    falls behind (a busy disk) holds a few batches, never the whole folder
    (100,000 sessions are about a gigabyte of rows).

    The workers of an encrypted folder get its keys through their pipe, never through a file.
    """
    batches = [work[i : i + batch] for i in range(0, len(work), batch)]
    workers = min(len(batches), os.cpu_count() or 1, 8)
    if len(work) < parallel_from or workers < 2:
        for some in batches:
            yield _read_some(root, some, vault)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the app calls this from a thread, and forking a threaded process can hang.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        waiting = iter(batches)
        under_way = deque(pool.submit(_read_some, root, some, vault) for some in islice(waiting, 2 * workers))
        while under_way:
            rows = under_way.popleft().result()
            following = next(waiting, None)
            if following is not None:
                under_way.append(pool.submit(_read_some, root, following, vault))
            yield rows
