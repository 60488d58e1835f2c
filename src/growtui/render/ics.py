"""Actions and next meetings as an iCalendar file, to import into a calendar or a task list.

Made with the ``icalendar`` library, not by hand: folding, escaping and the
date types are its job. Per action with a date a VTODO, due that day (and
starting on its start date when that is not later); per session with a
next meeting an all-day VEVENT. The summary of a to-do is the action itself
and its description the success criterion, nothing more: no notes.

The UIDs come from the session's id and the action's id, so importing a
newer export updates the entries instead of doubling them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, Todo

from growtui.i18n import t
from growtui.model import ActionStatus, Lang, Session
from growtui.safetext import clean

PRODID = "-//growtui//growtui export//EN"
_UID_DOMAIN = "growtui"
_STATUS = {
    ActionStatus.open: "NEEDS-ACTION",
    ActionStatus.done: "COMPLETED",
    ActionStatus.dropped: "CANCELLED",
    # partly done, not done and carried over: this to-do is finished with; what goes on is a new action
    ActionStatus.partly_done: "COMPLETED",
    ActionStatus.not_done: "CANCELLED",
    ActionStatus.carried_over: "CANCELLED",
}


def action_uid(session_id: str, action_id: str) -> str:
    return f"{session_id}-{action_id}@{_UID_DOMAIN}"


def meeting_uid(session_id: str) -> str:
    return f"{session_id}-next-meeting@{_UID_DOMAIN}"


def _text(value: str) -> str:
    """Typed text as it may go into a calendar: control characters shown harmlessly, line breaks kept."""
    return clean(value).strip()


def calendar(sessions: list[Session], lang: Lang | str | None = None, *, stamp: datetime | None = None) -> bytes:
    """The iCalendar file (RFC 5545) of the sessions' dated actions and next meetings.

    ``lang`` names the next meetings (default: each session's own language);
    ``stamp`` is the DTSTAMP of every entry (default: now, in UTC).
    """
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", t("ics.calendar", lang or (sessions[0].language if sessions else Lang.en)))
    for s in sorted(sessions, key=lambda s: s.started_at):
        for action in s.will.actions:
            if action.when is None:
                continue
            todo = Todo()
            todo.add("uid", action_uid(s.id, action.id))
            todo.add("dtstamp", stamp)
            todo.add("summary", _text(action.what) or t("doc.untitled", lang or s.language))
            todo.add("due", action.when)
            if action.start is not None and action.start <= action.when:
                todo.add("dtstart", action.start)
            if _text(action.success_criterion):
                todo.add("description", _text(action.success_criterion))
            todo.add("status", _STATUS[action.status])
            cal.add_component(todo)
        if s.next_meeting is not None:
            event = Event()
            event.add("uid", meeting_uid(s.id))
            event.add("dtstamp", stamp)
            event.add("summary", t("ics.next_meeting", lang or s.language, coachee=_text(s.coachee)))
            event.add("dtstart", s.next_meeting)
            event.add("dtend", s.next_meeting + timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a reminder of the day; the time goes in your own agenda
            cal.add_component(event)
    return cal.to_ical()
