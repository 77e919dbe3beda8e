"""The conference day (`/coach event`): which conference is on, and the recap DM at the end of each of its
days — who the member met that day, each with *Draft* and *Add a note*, while they still remember what to
write.

A recap is a row of the nudge table (kind `event_recap`, no contact, `day` = the member-local day, ISO),
planned by the first /met of that day while a conference is on; a unique index on (member, day) makes it
one row whatever races, and the dispatcher claims and delivers it like the Monday digest: a DM of its own,
exactly once. It is due half an hour before the end of the member's working hours that day (any weekday:
a conference on a Saturday still gets its recap that evening); a /met after that moment plans it for the
member's next working moment. Composing re-reads who was met that day: nobody left (forgotten) or a
paused member → no message, and the row is cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.models import Conference, Contact, Member, Nudge, NudgeKind, NudgeState
from bot.nudges import quoted
from bot.replies import Action, Reply, Verb
from bot.rules import WorkingHours, next_working_moment
from bot.store.repository import pending_nudges_by_contact

RECAP = NudgeKind.EVENT_RECAP.value
NUDGES = cast(Table, Nudge.__table__)
BEFORE_CLOSING = timedelta(minutes=30)  # the recap comes this long before the member's working day ends
NOTE_LIMIT = 160  # a contact's notes as the recap quotes them


def current_conference(session: Session, member: Member, now: datetime) -> Conference | None:
    """The conference the member is at now, if any (the latest started, when several overlap)."""
    query = (select(Conference).where(Conference.member_id == member.id, Conference.ended_at.is_(None),
                                      Conference.starts_at <= now, Conference.ends_at > now)
             .order_by(Conference.starts_at.desc(), Conference.id.desc()).limit(1))
    return session.scalars(query).first()


def local_day(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def day_start(day: date, timezone: str) -> datetime:
    """The member-local midnight that starts `day`, as an aware datetime (DST-correct)."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(timezone))


def recap_due(day: date, now: datetime, hours: WorkingHours) -> datetime:
    """Half an hour before the member's working day ends on `day` (any weekday), as UTC; once that has
    passed, the member's next working moment."""
    slot = (day_start(day, hours.timezone) + hours.length_to_close).astimezone(UTC) - BEFORE_CLOSING
    return slot if slot > now else next_working_moment(now, hours)


def hours_of(member: Member) -> WorkingHours:
    return WorkingHours(member.timezone, member.work_start_hour, member.work_end_hour,
                        frozenset(int(d) for d in member.work_days), member.work_start_minute or 0,
                        member.work_end_minute or 0)


def plan_recap(session: Session, member: Member, now: datetime) -> None:
    """Today's recap row for the member (after a /met at a conference), unless it exists already."""
    today = local_day(now, member.timezone)
    row = {"member_id": member.id, "contact_id": None, "kind": RECAP, "day": today.isoformat(),
           "due_at": recap_due(today, now, hours_of(member)), "state": NudgeState.PENDING.value, "attempts": 0,
           "created_at": now}
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(NUDGES).on_conflict_do_nothing(index_elements=["member_id", "day"]), [row])


def met_on(session: Session, member: Member, day: date) -> list[Contact]:
    """The contacts the member met at a conference on their local `day`, earliest first."""
    start = day_start(day, member.timezone)
    end = day_start(day + timedelta(days=1), member.timezone)
    query = (select(Contact).where(Contact.member_id == member.id, Contact.conference_id.is_not(None),
                                   Contact.met_at >= start, Contact.met_at < end)
             .order_by(Contact.met_at, Contact.id))
    return list(session.scalars(query))


def compose_recaps(session: Session, rows: Sequence[Any], now: datetime) -> dict[int, Reply]:
    """Recap rows (id, member_id) → their DMs; none for a member gone or paused, or a day with nobody left."""
    replies: dict[int, Reply] = {}
    for row in rows:
        nudge = session.get(Nudge, row.id)
        member = session.get(Member, row.member_id)
        if nudge is None or nudge.day is None or member is None or member.paused:
            continue
        reply = recap(session, member, date.fromisoformat(nudge.day), now)
        if reply is not None:
            replies[row.id] = reply
    return replies


def recap(session: Session, member: Member, day: date, now: datetime) -> Reply | None:
    """Who the member met at a conference on `day`: one section each, with *Draft* and *Add a note*."""
    contacts = met_on(session, member, day)
    if not contacts:
        return None
    pending = pending_nudges_by_contact(session, member)
    conferences = {c.id: c.name for c in session.scalars(
        select(Conference).where(Conference.id.in_({c.conference_id for c in contacts})))}
    names = list(dict.fromkeys(conferences.values()))
    place = f" at {' and '.join(names)}" if names else ""
    when = "today" if day == local_day(now, member.timezone) else f"on {day:%a} {day.day} {day:%b}"
    count = f"{len(contacts)} {'person' if len(contacts) == 1 else 'people'}"
    intro = (f"You met {count}{place} {when}. Now, while you remember, note one thing about each — what you "
             f"talked about, what you could offer. I'll remind you to write to each over the next day or two, "
             f"a few at a time.")
    zone = ZoneInfo(member.timezone)
    sections: list[Reply] = []
    for number, contact in enumerate(contacts, 1):
        local = contact.met_at.astimezone(zone)
        notes = contact.notes or ""
        said = (notes[:NOTE_LIMIT - 1] + "…") if len(notes) > NOTE_LIMIT else notes
        text = f"Met {local:%H:%M}" + (f" · {said}" if said else " · no notes yet")
        who = quoted(contact.name)
        actions: list[Action] = []
        nudge = pending.get(contact.id)
        if nudge is not None:
            actions.append(Action("Draft", Verb.DRAFT, nudge.id, f"/coach draft {who}"))
        actions.append(Action("Add a note", Verb.NOTE, contact.id, f"/coach note {who} -- <what you remember>"))
        sections.append(Reply(text=text, title=f"{number}. {contact.name}", actions=tuple(actions)))
    title = f"Your day{place}: {count}"
    text = "\n\n".join([intro, *(f"{part.title}\n{part.text}" for part in sections)])
    return Reply(text=text, title=title[:150], actions=tuple(a for part in sections for a in part.actions),
                 sections=tuple(sections))


def follow_zone(session: Session, member: Member, old_timezone: str, now: datetime) -> None:
    """The member moved to another timezone (flew to the conference): the event still ends at midnight
    after its last day — the day as they named it, now in their new zone."""
    conference = current_conference(session, member, now)
    if conference is None or old_timezone == member.timezone:
        return
    last = local_day(conference.ends_at - timedelta(seconds=1), old_timezone)
    conference.ends_at = day_start(last + timedelta(days=1), member.timezone)


def replan_recaps(session: Session, member: Member, now: datetime) -> None:
    """After a change of timezone or hours: a pending recap comes at the end of its day's working hours in
    the member's zone now (or at their next working moment, once that has passed)."""
    hours = hours_of(member)
    pending = session.scalars(select(Nudge).where(Nudge.member_id == member.id, Nudge.kind == RECAP,
                                                  Nudge.state == NudgeState.PENDING.value))
    for nudge in pending:
        if nudge.day is None:
            continue
        nudge.due_at = recap_due(date.fromisoformat(nudge.day), now, hours)
