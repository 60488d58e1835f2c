"""Session files of older formats, brought up to the current one on reading.

A file says which format it is in with ``schema_version``. :func:`upgrade`
takes the raw TOML data of an older file through an ordered chain of steps,
one per format change, until it is in the current format, and only then is
it validated. ``STEPS[n]`` takes the data of format ``n`` and returns the
data of format ``n + 1``.

Rules for a step:

* It works on plain TOML data (dicts, lists, str, int, dates), never on the
  models: the models only know the current format.
* It sets ``schema_version`` to ``n + 1`` (:func:`upgrade` checks this).
* It may change the dict it is given (:func:`upgrade` hands it a copy),
  and it stays in the chain for good: an old file may turn up years later.
* It is total: whatever it does not recognise it leaves alone, so that the
  validation afterwards reports it with the file's own line numbers.

Migrating happens in memory only. Reading never writes; the file is written
in the new format the next time growtui saves that session anyway, and the
original is kept aside until that write is done (see ``Store.save``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from growtui.model import SESSION_SCHEMA_VERSION

Data = dict[str, Any]
Step = Callable[[Data], Data]


def _from_1(data: Data) -> Data:
    """Format 1 to 2: the review keys became part of the format.

    Format 2 added optional keys, and renamed or moved nothing:
    ``follow_up.items``: ``when``, ``agreed_on``, ``motivation``,
    ``carry_count``; ``will.actions``: ``agreed_on``, ``outcome``,
    ``reviewed_in`` (their ``carry_count`` was there from the start). A
    format 1 file therefore is a format 2 file as it stands, and only the
    number changes. (Some growtui builds wrote those keys while still saying
    format 1; such files need nothing more either.) The bump is what
    matters: a growtui that only knows format 1 now says "written by a newer
    growtui" about a new file, instead of calling the new keys misspellings.
    """
    data["schema_version"] = 2
    return data


def _from_2(data: Data) -> Data:
    """Format 2 to 3: keys added, nothing renamed or moved.

    Format 3 added ``draft`` (an answer being typed, not yet confirmed) and,
    in ``follow_up.items``, ``start``, ``inform``, ``support`` and
    ``obstacles`` (so a carried-over action keeps every field). A format 2
    file is a format 3 file as it stands; only the number changes, so that a
    growtui that reads format 2 calls a new file newer instead of calling its
    keys misspellings.
    """
    data["schema_version"] = 3
    return data


def _from_3(data: Data) -> Data:
    """Format 3 to 4: conversation types; keys added, nothing renamed or moved.

    Format 4 added ``type`` and ``phases`` (every file before it is a
    problem-solving conversation with growtui's seven phases: the defaults
    say exactly that), the coach-or-direct check (``style``), the directed
    part (``direction``), the phases a type adds (``sections``), what a type
    records (``record``), who an option comes from (``source``), whose
    commitment an action is (``owner``) and the coach's own estimate of how
    much they talked (``closing.coach_talk_percent``). Only the number
    changes.
    """
    data["schema_version"] = 4
    return data


STEPS: dict[int, Step] = {1: _from_1, 2: _from_2, 3: _from_3}
"""Format n -> the step that turns it into format n + 1. Oldest first."""

OLDEST = min(STEPS, default=SESSION_SCHEMA_VERSION)
"""The oldest format growtui still reads."""


def upgrade(data: Data) -> tuple[Data, int]:
    """The data in the current format, and the format it was in.

    ``data["schema_version"]`` must be a whole number from :data:`OLDEST`
    to the current version (the caller reports anything else to the user).
    Data already current is returned as it is; older data is copied first,
    so the caller's dict is never changed.
    """
    found = data["schema_version"]
    if not OLDEST <= found <= SESSION_SCHEMA_VERSION:
        raise ValueError(f"no migration from format {found}")
    if found == SESSION_SCHEMA_VERSION:
        return data, found
    data = copy.deepcopy(data)
    for version in range(found, SESSION_SCHEMA_VERSION):
        data = STEPS[version](data)
        if data.get("schema_version") != version + 1:
            raise RuntimeError(f"the migration step from format {version} did not produce format {version + 1}")
    return data, found
