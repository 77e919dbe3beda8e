"""The Monday digest: one DM a week that says who to write to, who is still waiting for a first message,
who is due a check-in, and — in two numbers and a chart — whether the member is getting better at
following up.

The digest is a row of the nudge table (kind `weekly_digest`, no contact, `week` = the member-local
Monday, ISO). `plan_digests` inserts this week's row for every member who should get one; a unique index on
(member, week) makes that exactly one row whichever replica plans it, and the dispatcher claims and
delivers it like any nudge. The row is due on Monday at the start of the member's working hours; a row
that is late (the coach was down) still goes out that week, and one whose week is over is cancelled.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from bot.chart import Chart
from bot.models import Contact, EventKind, Member, Nudge, NudgeKind, NudgeState, Stage
from bot.nudges import DUE_WORDS, quoted
from bot.replies import Action, Reply, Verb
from bot.rules import FIRST_NUDGE_DEADLINE
from bot.store.repository import contacts_of
from bot.timefmt import ago, week_of

WEEKS = 8
WEEK = timedelta(days=7)
MAX_LISTED = 12  # contact lines (each with its button); Slack and Discord allow 25 buttons a message
DIGEST = NudgeKind.WEEKLY_DIGEST.value
NUDGES = cast(Table, Nudge.__table__)
TITLE = "Your week in networking"
CHUNK = 500  # members whose digests are composed from one set of bulk reads
CHART_PLATFORMS = frozenset({"console"})  # where the Monday DM carries the PNG chart (see compose_weekly)
SPARK = "▁▂▃▄▅▆▇█"


# --- when ----------------------------------------------------------------------------------------------


def slot(monday: date, timezone: str, start_hour: int, start_minute: int = 0) -> datetime:
    """That Monday at the start of the member's working hours, as UTC (DST-correct)."""
    return datetime.combine(monday, time(start_hour, start_minute), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def next_slot(timezone: str, start_hour: int, now: datetime, start_minute: int = 0) -> datetime:
    """The next Monday-morning moment at or after `now` (the console stops its clock there)."""
    monday = week_of(now, timezone)
    moment = slot(monday, timezone, start_hour, start_minute)
    return moment if moment >= now else slot(monday + WEEK, timezone, start_hour, start_minute)


def plan_digests(session: Session, now: datetime, *, members: Collection[int] | None = None,
                 platforms: Collection[str] | None = None) -> int:
    """Insert this week's digest row for every member who should get one and has none yet; the count.

    A member qualifies with the digest on, not paused, and at least one contact recorded by the week's
    Monday slot (so someone who joins on a Wednesday first hears on the next Monday, while a digest missed
    because the coach was down still goes out). Safe to run anywhere, any time, concurrently.
    """
    if members is not None and not members:
        return 0
    first = (select(Contact.member_id, func.min(Contact.created_at).label("first"))
             .group_by(Contact.member_id).subquery())
    query = (select(Member.id, Member.timezone, Member.work_start_hour, Member.work_start_minute, first.c.first)
             .join(first, first.c.member_id == Member.id)
             .where(Member.digest_on.is_(True), Member.paused.is_(False)))
    if members is not None:
        query = query.where(Member.id.in_(sorted(members)))
    if platforms is not None:
        query = query.where(Member.platform.in_(sorted(platforms)))
    wanted: dict[tuple[int, str], datetime] = {}
    for member_id, timezone, start_hour, start_minute, first_at in session.execute(query).all():
        monday = week_of(now, timezone)
        due = slot(monday, timezone, start_hour, start_minute)
        if first_at is not None and _utc(first_at) <= due:
            wanted[(member_id, monday.isoformat())] = due
    if not wanted:
        return 0
    weeks = sorted({week for _, week in wanted})
    have = select(NUDGES.c.member_id, NUDGES.c.week).where(NUDGES.c.kind == DIGEST, NUDGES.c.week.in_(weeks))
    if members is not None:
        have = have.where(NUDGES.c.member_id.in_(sorted(members)))
    for member_id, week in session.execute(have).all():
        wanted.pop((member_id, week), None)
    if not wanted:
        return 0
    rows = [{"member_id": member_id, "contact_id": None, "kind": DIGEST, "week": week, "due_at": due,
             "state": NudgeState.PENDING.value, "attempts": 0, "created_at": now}
            for (member_id, week), due in sorted(wanted.items())]
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(NUDGES).on_conflict_do_nothing(index_elements=["member_id", "week"]), rows)
    return len(rows)


def compose_weekly(session: Session, rows: Sequence[Any], now: datetime, *,
                   charts: Collection[str] = CHART_PLATFORMS) -> dict[int, Reply]:
    """Digest rows (id, member_id, week) → their DMs. A row gets none (and is cancelled by the dispatcher)
    when its member is gone, paused or has the digest off, has no contacts, or its week is over.

    Reads in bulk: the members, their contacts, the contacts' events and the members' nudges, a chunk of
    CHUNK members at a time — four queries a chunk, never a few per member. Only members of `charts`'
    platforms get the PNG chart (the console); elsewhere the eight weeks are a text sparkline in the
    message, which costs no upload and no drawing per member (the chart is drawn on request: /coach digest).
    """
    replies: dict[int, Reply] = {}
    wanted = list(rows)
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        ids = sorted({row.member_id for row in chunk})
        members = {member.id: member for member in session.scalars(select(Member).where(Member.id.in_(ids)))}
        live = sorted(m.id for m in members.values() if not m.paused and m.digest_on)
        contacts = _contacts_of_many(session, live)
        latest = _latest_nudges_of_many(session, live)
        for row in chunk:
            member = members.get(row.member_id)
            if member is None or member.paused or not member.digest_on:
                continue
            if row.week != week_of(now, member.timezone).isoformat():
                continue
            reply = _digest(member, contacts.get(member.id, []), latest.get(member.id, {}), now,
                            chart=member.platform in charts)
            if reply is not None:
                replies[row.id] = reply
    return replies


# --- the numbers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekStats:
    """The last eight complete weeks (member-local, Monday first), oldest first, and their totals."""

    mondays: tuple[date, ...]
    met: tuple[int, ...]
    followed_up: tuple[int, ...]  # of the contacts met that week, written to within 48 hours
    replies: tuple[int, ...]
    eligible: int  # new contacts whose 48 hours are over, or who were written to
    this_week: tuple[int, int, int] = (0, 0, 0)  # the week so far: met, followed up within 48 h, replies

    @property
    def total_met(self) -> int:
        return sum(self.met)

    @property
    def total_followed_up(self) -> int:
        return sum(self.followed_up)

    @property
    def total_replies(self) -> int:
        return sum(self.replies)

    @property
    def followed_up_pct(self) -> int | None:
        return None if self.eligible == 0 else round(100 * self.total_followed_up / self.eligible)

    def summary(self) -> str:
        """The two numbers, in one sentence. A member whose first contacts are this week's hears about
        this week so far, and when the eight-week numbers start — never that they did nothing."""
        if not (self.total_met or self.total_replies) and any(self.this_week):
            met, followed, answered = self.this_week
            return (f"This week so far: {met} new contact{'s' if met != 1 else ''}, {followed} followed up within "
                    f"48 h · {answered} {'reply' if answered == 1 else 'replies'} received. The 8-week numbers and "
                    f"the chart count complete weeks: yours start with this one, from next Monday.")
        if self.eligible:
            share = (f"{self.total_followed_up} of {self.eligible} new contacts followed up within 48 h "
                     f"({self.followed_up_pct}%)")
        else:
            share = "no new contacts to follow up"
        replies = f"{self.total_replies} {'reply' if self.total_replies == 1 else 'replies'} received"
        return f"Last 8 weeks: {share} · {replies}."

    def sparkline(self) -> str:
        """The chart's numbers as one line of text: a bar character per week for contacts met, followed up
        and replies (the same scale for all three, oldest week first)."""
        top = max(1, *self.met, *self.followed_up, *self.replies)

        def bars(values: tuple[int, ...]) -> str:
            return "".join(" " if value == 0 else SPARK[min(7, (value * 8 - 1) // top)] for value in values)

        return (f"Weeks {self.mondays[0].day} {self.mondays[0]:%b}–{self.mondays[-1].day} {self.mondays[-1]:%b}: "
                f"met `{bars(self.met)}` · followed up `{bars(self.followed_up)}` · replies `{bars(self.replies)}`")

    def chart(self) -> Chart:
        labels = tuple(f"{monday.day} {monday:%b}" for monday in self.mondays)
        weeks = "; ".join(f"week of {label}: {m} met, {f} followed up, {r} {'reply' if r == 1 else 'replies'}"
                          for label, m, f, r in zip(labels, self.met, self.followed_up, self.replies, strict=True))
        alt = (f"Bar chart of your last 8 weeks: {self.total_met} contacts met, {self.total_followed_up} followed "
               f"up within 48 hours, {self.total_replies} replies. {weeks[0].upper()}{weeks[1:]}.")
        return Chart(labels, self.met, self.followed_up, self.replies, alt=alt[:1000])


class AnEvent(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def id(self) -> int: ...


class HasEvents(Protocol):
    """What the weeks and the numbers read of a contact: a Contact, or just those facts (App Home)."""

    @property
    def met_at(self) -> datetime: ...
    @property
    def events(self) -> Sequence[AnEvent]: ...


def week_stats(contacts: Iterable[HasEvents], timezone: str, now: datetime) -> WeekStats:
    """Count, per week, new contacts (their first meeting), those followed up within 48 h, and replies."""
    this_monday = week_of(now, timezone)
    mondays = tuple(this_monday - WEEK * back for back in range(WEEKS, 0, -1))
    index = {monday: position for position, monday in enumerate(mondays)}
    met, followed, replies = [0] * (WEEKS + 1), [0] * (WEEKS + 1), [0] * (WEEKS + 1)  # the last: this week
    index[this_monday] = WEEKS
    eligible = 0
    for contact in contacts:
        events = sorted(contact.events, key=lambda event: (event.at, event.id or 0))
        meetings = [event.at for event in events if event.kind == EventKind.MET]
        for event in events:
            if event.kind == EventKind.REPLIED and (week := index.get(week_of(event.at, timezone))) is not None:
                replies[week] += 1
        if not meetings or (week := index.get(week_of(meetings[0], timezone))) is None:
            continue
        met[week] += 1
        first_out = min((event.at for event in events if event.at >= meetings[0]
                         and event.kind in (EventKind.SENT, EventKind.REPLIED)), default=None)
        if first_out is not None and first_out - meetings[0] <= FIRST_NUDGE_DEADLINE:
            followed[week] += 1
        if week < WEEKS and (first_out is not None or now - meetings[0] >= FIRST_NUDGE_DEADLINE):
            eligible += 1
    return WeekStats(mondays, tuple(met[:WEEKS]), tuple(followed[:WEEKS]), tuple(replies[:WEEKS]), eligible,
                     (met[WEEKS], followed[WEEKS], replies[WEEKS]))


# --- the words -----------------------------------------------------------------------------------------


def weekly_digest(session: Session, member: Member, now: datetime) -> Reply | None:
    """This week's digest for the member (with its chart), or None when they have no contacts."""
    return _digest(member, contacts_of(session, member), _latest_nudges(session, member), now, chart=True)


def _digest(member: Member, contacts: Sequence[Contact], latest: Mapping[int, Nudge], now: datetime, *,
            chart: bool) -> Reply | None:
    """The digest from what was read: the member's contacts (newest first, events loaded) and each
    contact's latest nudge. `chart`: attach the PNG chart; else a sparkline line says the same."""
    if not contacts:
        return None
    timezone = member.timezone
    week_end = slot(week_of(now, timezone) + WEEK, timezone, 0)
    pending = {nudge.contact_id: nudge for nudge in latest.values() if nudge.state == NudgeState.PENDING.value}
    by_id = {contact.id: contact for contact in contacts}
    week_start = slot(week_of(now, timezone), timezone, 0)
    # Due this week: pending nudges, and follow-ups delivered this week that the member hasn't acted on yet
    # (a delivered follow-up is not repeated until they do, so the contact has no pending nudge).
    unanswered = [nudge for contact_id, nudge in latest.items()
                  if nudge.state == NudgeState.SENT.value and nudge.kind != NudgeKind.CHECK_IN.value
                  and nudge.sent_at is not None and nudge.sent_at >= week_start and contact_id in by_id
                  and by_id[contact_id].stage not in (Stage.MOVED_ON.value, Stage.IN_TOUCH.value)]
    # A nudge claimed in the same batch as the digest (due the same minute) is being sent: still this week's.
    sending = [nudge for contact_id, nudge in latest.items()
               if nudge.state == NudgeState.SENDING.value and contact_id in by_id and nudge.due_at < week_end]
    due = sorted([*(nudge for nudge in pending.values() if nudge.contact_id in by_id and nudge.due_at < week_end),
                  *unanswered, *sending], key=lambda nudge: (nudge.due_at, nudge.id))
    ladder = [n for n in due if n.kind not in (NudgeKind.CHECK_IN.value, NudgeKind.MOVE_ON.value)]
    move_on = [n for n in due if n.kind == NudgeKind.MOVE_ON.value]
    checkins = [n for n in due if n.kind == NudgeKind.CHECK_IN.value]
    listed = {n.contact_id for n in due}
    unwritten = [c for c in reversed(contacts) if c.stage == Stage.NEW.value and c.id not in listed]

    lines: list[str] = []
    actions: list[Action] = []
    room = MAX_LISTED

    def add(contact: Contact, line: str, kind: NudgeKind | None) -> None:
        nonlocal room
        room -= 1
        lines.append(f"• {line}")
        nudge = pending.get(contact.id) or latest.get(contact.id)
        if nudge is not None:
            actions.append(_action(contact.name, kind, nudge.id))

    sections = (
        ("Write to them this week:", [(by_id[n.contact_id], n) for n in ladder if n.contact_id is not None]),
        ("Time to move on (three messages, no reply):",
         [(by_id[n.contact_id], n) for n in move_on if n.contact_id is not None]),
        ("Still waiting for your first message:", [(c, None) for c in unwritten]),
        ("In touch — check in this week:", [(by_id[n.contact_id], n) for n in checkins if n.contact_id is not None]),
    )
    left = 0
    for heading, items in sections:
        shown = items[:max(0, room)]
        left += len(items) - len(shown)
        if not shown:
            continue
        lines.append(heading)
        for contact, nudge in shown:
            if nudge is None:
                add(contact, f"{contact.name} — met {ago(contact.met_at, now, timezone)}, nothing sent yet", None)
            else:
                kind = NudgeKind(nudge.kind)
                add(contact, f"{contact.name} — {DUE_WORDS[kind]}, {_day(nudge.due_at, now, timezone)}", kind)
    counts = [f"{len(ladder)} to write to" if ladder else "", f"{len(move_on)} to move on from" if move_on else "",
              f"{len(unwritten)} waiting for a first message" if unwritten else "",
              f"{len(checkins)} check-in{'s' if len(checkins) != 1 else ''}" if checkins else ""]
    said = ", ".join(part for part in counts if part)
    monday = week_of(now, timezone)
    first = f"This week (from Mon {monday.day} {monday:%b}): {said or 'nothing due — a good week to meet someone new'}."
    if left:
        lines.append(f"…and {left} more: /coach list shows everyone.")
    stats = week_stats(contacts, timezone, now)
    summary = [stats.summary()] if chart else [stats.summary(), stats.sparkline()]
    text = "\n".join([first, "", *lines, *([""] if lines else []), *summary])
    return Reply(text=text, title=TITLE, actions=tuple(actions), chart=stats.chart() if chart else None)


def _action(name: str, kind: NudgeKind | None, nudge_id: int) -> Action:
    """The one button of a contact line: what to do about them now."""
    if kind is NudgeKind.MOVE_ON:
        return Action(f"Move on: {name}"[:75], Verb.MOVE_ON, nudge_id, f"/coach moveon {quoted(name)}")
    return Action(f"Draft for {name}"[:75], Verb.DRAFT, nudge_id, f"/coach draft {quoted(name)}")


def _day(due_at: datetime, now: datetime, timezone: str) -> str:
    if due_at <= now:
        return "due now"
    local = due_at.astimezone(ZoneInfo(timezone))
    return f"{local:%a} {local.day} {local:%b}"


def _latest_nudges(session: Session, member: Member) -> Mapping[int, Nudge]:
    """Each contact's newest nudge (pending if it has one): the row its digest button acts on."""
    query = (select(Nudge).where(Nudge.member_id == member.id, Nudge.contact_id.is_not(None))
             .order_by(Nudge.contact_id, Nudge.id))
    latest: dict[int, Nudge] = {}
    for nudge in session.scalars(query):
        assert nudge.contact_id is not None
        current = latest.get(nudge.contact_id)
        if current is None or current.state != NudgeState.PENDING.value:
            latest[nudge.contact_id] = nudge
    return latest


def _contacts_of_many(session: Session, member_ids: Sequence[int]) -> dict[int, list[Contact]]:
    """Each member's contacts, newest first, with their events: two queries (selectinload) for them all."""
    if not member_ids:
        return {}
    query = (select(Contact).where(Contact.member_id.in_(member_ids)).options(selectinload(Contact.events))
             .order_by(Contact.member_id, Contact.met_at.desc(), Contact.id.desc()))
    found: dict[int, list[Contact]] = {}
    for contact in session.scalars(query):
        found.setdefault(contact.member_id, []).append(contact)
    return found


def _latest_nudges_of_many(session: Session, member_ids: Sequence[int]) -> dict[int, dict[int, Nudge]]:
    """`_latest_nudges` for many members in one query."""
    if not member_ids:
        return {}
    query = (select(Nudge).where(Nudge.member_id.in_(member_ids), Nudge.contact_id.is_not(None))
             .order_by(Nudge.member_id, Nudge.contact_id, Nudge.id))
    found: dict[int, dict[int, Nudge]] = {}
    for nudge in session.scalars(query):
        assert nudge.contact_id is not None
        latest = found.setdefault(nudge.member_id, {})
        current = latest.get(nudge.contact_id)
        if current is None or current.state != NudgeState.PENDING.value:
            latest[nudge.contact_id] = nudge
    return found


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
