"""A conversation in progress: the rules of the live session, without any UI.

The session screen shows what this object says and calls its methods; every
change to the session goes through here, bumps ``version`` (so autosave knows
there is something to write), and keeps the time per phase. The rules are in
four parts: the core (phases, time, notes), asking (questions and answers),
agreeing (options, actions, motivation, the follow-up of earlier actions) and
shaping (what the conversation's type adds: its fields, coach or direct).
"""

from __future__ import annotations

from growtui.conversation.agreeing import Agreeing
from growtui.conversation.shaping import Shaping


class LiveSession(Agreeing, Shaping):
    """One conversation being held: what the screen shows and every change it makes."""
