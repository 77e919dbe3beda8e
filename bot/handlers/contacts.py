"""Use cases that record who the member met and keep each contact's state true."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Row, delete, func, select, update

from bot import commands
from bot.handlers.context import Context
from bot.handlers.drafting import draft_reply_for, with_model_job
from bot.limits import MAX_NAME, MAX_TEXT, name_key
from bot.models import Conference, Contact, Event, EventKind, Member, Nudge, NudgeKind, NudgeState, Stage
from bot.nudges import quoted
from bot.planner import record_event, reschedule, schedule_new
from bot.recap import current_conference, local_day, plan_recap
from bot.replies import PURPOSE_VERBS, Action, Reply, Verb, error
from bot.review import DraftContext
from bot.review.drafts import Draft, DraftTimes, Question, Rest, compose
from bot.review.phrases import place_phrase
from bot.review.purpose import CHOICES
from bot.rules import NUDGE_FOR_STAGE
from bot.store.repository import (
    ContactNotFound,
    closest_contact,
    existing_contact,
    free_name,
    pending_nudge,
    pending_nudges_by_contact,
)
from bot.store.uow import mark_erased
from bot.timefmt import ago, local_date, local_time

STAGE_WORDS = {
    Stage.NEW: "met, no message yet",
    Stage.WAITING: "first message sent, waiting for a reply",
    Stage.FOLLOWED_UP: "followed up once, waiting for a reply",
    Stage.FINAL: "last message sent",
    Stage.MOVED_ON: "moved on",
    Stage.IN_TOUCH: "in touch",
}
LIST_LIMIT = 50
REPEAT_WINDOW = timedelta(minutes=10)  # an identical /met this soon after the last one is the same request
TRIMMED = f" Your notes on them passed {MAX_TEXT:,} characters, so the oldest ones made room for the new."


def met(cmd: commands.Met, ctx: Context) -> Reply:
    return record_met(cmd, ctx, current_conference(ctx.session, ctx.member, ctx.now)).reply


class Recorded(NamedTuple):
    """One person of a /met: their contact, how it went, and the answer for a one-person /met."""

    contact: Contact
    status: str  # "new", "again" (met before: another meeting logged) or "repeat" (already noted)
    nudge: Nudge | None
    reply: Reply


def record_met(cmd: commands.Met, ctx: Context, conference: Conference | None) -> Recorded:
    """Record one meeting. While a conference is on, a /met without "at" happened there, the contact joins
    that conference (its 48 h nudge is spread with the others', it is in the day's recap)."""
    if conference is not None and cmd.where is None:
        cmd = replace(cmd, where=conference.name)
    contact = known_person(cmd.who, ctx)
    if contact is not None and is_repeat(contact, cmd, ctx.now):
        nudge = pending_nudges_by_contact(ctx.session, ctx.member).get(contact.id)
        return Recorded(contact, "repeat", nudge,
                        Reply(f"Already noted: you met {contact.name}{_where(cmd.where)}.{_next(nudge, ctx)}"))
    conference_id = conference.id if conference is not None else None
    if contact is not None:
        before = _before_meeting(ctx, contact)
        trimmed = _merge_details(contact, cmd)
        contact.met_at = ctx.now  # the latest meeting; every meeting stays in the history (its MET event)
        contact.where_met = cmd.where
        contact.conference_id = conference_id
        meeting = record_event(ctx.session, contact, EventKind.MET, ctx.now, detail=cmd.where)
        ctx.session.flush()
        nudge = reschedule(ctx.session, contact, ctx.now)
        _recap(ctx, conference)
        _keep_before(ctx, contact, meeting, before)
        other = ("" if name_key(cmd.who.name) == contact.name_key else
                 " Someone else? /met with their full name records a new contact.")
        undo = f"/coach undo {quoted(contact.name)}"
        return Recorded(contact, "again", nudge, Reply(
            f"You've met {contact.name} before — logged another meeting"
            f"{_where(cmd.where)}.{_next(nudge, ctx)}{TRIMMED if trimmed else ''}{other}",
            actions=(Action("Undo", Verb.UNDO_MET, meeting.id, undo),),
        ))
    name = free_name(ctx.session, ctx.member, cmd.who.name)
    if max(len(name), len(name_key(name))) > MAX_NAME:  # " (2)" took it past what the name column holds
        raise commands.UsageError(f"You already have a contact called {cmd.who.name[:40]!r}…; to tell this one "
                                  f"apart I'd add {name[len(cmd.who.name):]!r}, past the {MAX_NAME} characters a "
                                  "name may have. Give a shorter name.", *commands.USAGE["met"])
    contact = Contact(
        member_id=ctx.member.id,
        name=name,
        name_key=name_key(name),
        platform_user_id=cmd.who.user_id,
        where_met=cmd.where,
        notes=cmd.notes,
        interests=list(cmd.interests),
        offer=cmd.offer,
        tags=list(cmd.tags),
        stage=Stage.NEW.value,
        met_at=ctx.now,
        created_at=ctx.now,
        conference_id=conference_id,
    )
    ctx.session.add(contact)
    ctx.session.flush()
    meeting = record_event(ctx.session, contact, EventKind.MET, ctx.now, detail=cmd.where)
    nudge = schedule_new(ctx.session, contact, ctx.member, meeting, ctx.now)
    _recap(ctx, conference)
    tags = f" Tags: {' '.join('#' + t for t in cmd.tags)}." if cmd.tags else ""
    tip = "" if cmd.offer else " Tip: think of one thing you could offer them before you write."
    return Recorded(contact, "new", nudge,
                    Reply(f"Noted: you met {contact.name}{_where(cmd.where)}.{tags}{_next(nudge, ctx)}{tip}"))


# --- another meeting taken back (/coach undo, the Undo button) ------------------------------------------


def _before_meeting(ctx: Context, contact: Contact) -> dict[str, Any]:
    """What a repeat /met changes on a contact, as it is before: its fields, cached stage, pending nudge,
    and whether the member's recap for today was already planned."""
    nudge = pending_nudge(ctx.session, contact)
    return {
        "contact": contact.id, "met_at": contact.met_at.isoformat(), "where_met": contact.where_met,
        "conference_id": contact.conference_id, "notes": contact.notes, "interests": list(contact.interests or []),
        "offer": contact.offer, "tags": list(contact.tags or []), "platform_user_id": contact.platform_user_id,
        "stage": Stage(contact.stage).value, "nudge": nudge.id if nudge is not None else None,
        "recap": _recap_id(ctx),
    }


def _recap_id(ctx: Context) -> int | None:
    day = local_day(ctx.now, ctx.member.timezone).isoformat()
    return ctx.session.scalars(select(Nudge.id).where(
        Nudge.member_id == ctx.member.id, Nudge.kind == NudgeKind.EVENT_RECAP, Nudge.day == day)).first()


def _keep_before(ctx: Context, contact: Contact, meeting: Event, before: dict[str, Any]) -> None:
    """Keep `before` beside the meeting (a BEFORE_MET event): only the latest meeting can be taken back,
    so an older one's is dropped. A recap this meeting planned goes with it if it is undone."""
    for old in [e for e in contact.events if e.kind == EventKind.BEFORE_MET]:
        ctx.session.delete(old)
        contact.events.remove(old)
    recap = _recap_id(ctx)
    before |= {"meeting": meeting.id, "recap": recap if before["recap"] is None else None}
    record_event(ctx.session, contact, EventKind.BEFORE_MET, meeting.at, detail=json.dumps(before))
    ctx.session.flush()


def undo_met(cmd: commands.UndoMet, ctx: Context) -> Reply:
    contact = ctx.contact(cmd.who)
    meetings = [e for e in contact.events if e.kind == EventKind.MET]
    return undo_meeting(ctx, contact, meetings[-1].id if meetings else None)


def undo_meeting(ctx: Context, contact: Contact, meeting_id: int | None) -> Reply:
    """Take back the meeting `meeting_id` logged on a contact met before: the event goes, and the contact,
    its stage, its pending reminder and the day's recap are as they were before it. Only while it is the
    contact's latest step (nothing recorded, no reminder delivered since)."""
    name = contact.name
    events = sorted(contact.events, key=lambda e: (e.at, e.id or 0))
    meeting = next((e for e in events if e.id == meeting_id and e.kind == EventKind.MET), None)
    kept = next((e for e in events if e.kind == EventKind.BEFORE_MET), None)
    before = json.loads(kept.detail or "{}") if kept is not None else {}
    if meeting is None or kept is None or before.get("meeting") != meeting.id or before.get("contact") != contact.id:
        return Reply(f"There's no repeat meeting with {name} to undo: a /met that logged another meeting on "
                     f"someone you'd met before can be taken back, until you do more with them. /coach show "
                     f"{quoted(name)} shows their history.")
    later = [e for e in events if (e.at, e.id or 0) > (meeting.at, meeting.id or 0) and e is not kept]
    since = select(Nudge.id).where(Nudge.contact_id == contact.id, Nudge.created_at >= meeting.at,
                                   Nudge.state.not_in((NudgeState.PENDING, NudgeState.CANCELLED)))
    if later or ctx.session.scalars(since).first() is not None:
        return Reply(f"Too late to undo that meeting with {name}: you've done more with them since. "
                     f"/coach show {quoted(name)} shows their history.")
    newer = delete(Nudge).where(Nudge.contact_id == contact.id, Nudge.state == NudgeState.PENDING)
    if before["nudge"] is not None:
        newer = newer.where(Nudge.id != before["nudge"])
    ctx.session.execute(newer)  # the reminder this meeting planned (or a re-plan of it since)
    if before["recap"] is not None:  # the day's recap this meeting planned
        ctx.session.execute(delete(Nudge).where(Nudge.id == before["recap"], Nudge.member_id == ctx.member.id,
                                                Nudge.state == NudgeState.PENDING))
    ctx.session.flush()
    if before["nudge"] is not None:  # the reminder the meeting replaced, as it was
        ctx.session.execute(update(Nudge).where(
            Nudge.id == before["nudge"], Nudge.contact_id == contact.id, Nudge.state == NudgeState.CANCELLED,
            ~select(Nudge.id).where(Nudge.contact_id == contact.id, Nudge.state == NudgeState.PENDING).exists(),
        ).values(state=NudgeState.PENDING))
    for event in (meeting, kept):
        ctx.session.delete(event)
        contact.events.remove(event)
    contact.met_at = datetime.fromisoformat(before["met_at"])
    for field in ("where_met", "conference_id", "notes", "offer", "platform_user_id"):
        setattr(contact, field, before[field])
    contact.interests, contact.tags = list(before["interests"]), list(before["tags"])
    contact.stage = Stage(before["stage"])
    ctx.session.flush()
    nudge = reschedule(ctx.session, contact, ctx.now)  # keeps the restored reminder while the plan is the same
    return Reply(f"Undone: the meeting{_where(meeting.detail)} is off {name}'s history, and everything about "
                 f"them is as before.{_next(nudge, ctx)}")


def _recap(ctx: Context, conference: Conference | None) -> None:
    if conference is not None and not ctx.member.paused:
        plan_recap(ctx.session, ctx.member, ctx.now)


def met_many(cmd: commands.MetMany, ctx: Context) -> Reply:
    """Several people met together: each recorded as by /met (the shared notes for all), one answer."""
    conference = current_conference(ctx.session, ctx.member, ctx.now)
    done = [record_met(one, ctx, conference) for one in cmd.each()]
    where = _where(cmd.where or (conference.name if conference is not None else None))
    lines = [f"Noted {len(done)} people{where}: {', '.join(r.contact.name for r in done)}."]
    if cmd.notes:
        lines.append(f"Notes for all of them: {cmd.notes}")
    words = {"new": "new contact", "again": "met before: another meeting logged", "repeat": "already noted"}
    lines += [f"• {r.contact.name} — {words[r.status]}" for r in done]
    dues = sorted(r.nudge.due_at for r in done if r.nudge is not None and r.nudge.kind == NudgeKind.FOLLOW_UP_48H)
    if ctx.member.paused:
        lines.append("Reminders are paused (/coach settings resume).")
    elif dues:
        tz = ctx.member.timezone
        span = (f"on {local_time(dues[0], tz, ctx.now)}" if dues[0] == dues[-1] else
                f"from {local_time(dues[0], tz, ctx.now)} to {local_time(dues[-1], tz, ctx.now)}")
        lines.append(f"I'll remind you to write to each, a few at a time: {span}.")
    first = quoted(done[0].contact.name)
    lines.append(f"Something about one of them only? /coach note {first} -- <what you remember>")
    again = [r.contact.name for r in done if r.status == "again"]
    if again:
        lines.append(f"Not another meeting with {again[0]}? /coach undo {quoted(again[0])} takes it back.")
    return Reply("\n".join(lines))


def note(cmd: commands.Note, ctx: Context) -> Reply:
    """A note added to a contact (the recap's *Add a note*): merged into its notes, no meeting logged."""
    contact = ctx.contact(cmd.who)
    before = contact.notes
    contact.notes, trimmed = merged_notes(contact.notes, cmd.text)
    if contact.notes == before:
        return Reply(f"{contact.name}'s notes already say that.")
    record_event(ctx.session, contact, EventKind.NOTE, ctx.now)
    ctx.session.flush()
    return Reply(f"Noted about {contact.name}: {cmd.text.rstrip('.')}.{TRIMMED if trimmed else ''} "
                 f"/coach draft {quoted(contact.name)} builds a first message on it.")


def known_person(who: commands.Who, ctx: Context) -> Contact | None:
    """The contact a /met is about, if the member has recorded them: the same platform id or name, else
    (for a typed name) the one contact whose whole or first name it is — as every other command finds
    a contact, short of prefixes ("Jo" may well be someone new). Several such contacts: AmbiguousContact."""
    contact = existing_contact(ctx.session, ctx.member, who.name, who.user_id)
    if contact is not None or who.user_id:
        return contact
    try:
        return closest_contact(ctx.session, ctx.member, who.name, strict=True)  # same id, same name: looked up
    except ContactNotFound:
        return None


def sent(cmd: commands.Sent, ctx: Context) -> Reply:
    return apply_verb(ctx, ctx.contact(cmd.who), Verb.SENT)


def replied(cmd: commands.Replied, ctx: Context) -> Reply:
    return apply_verb(ctx, ctx.contact(cmd.who), Verb.REPLIED)


def move_on(cmd: commands.MoveOn, ctx: Context) -> Reply:
    return apply_verb(ctx, ctx.contact(cmd.who), Verb.MOVE_ON)


def snooze(cmd: commands.Snooze, ctx: Context) -> Reply:
    contact = ctx.contact(cmd.who)
    delay = cmd.delay if cmd.until is None else until_day(cmd.until, ctx)
    return apply_verb(ctx, contact, Verb.SNOOZE, delay=delay, to_a_day=cmd.until is not None)


def until_day(day: str, ctx: Context) -> timedelta:
    """From now to `day` (tomorrow, a weekday — the next one after today —, next week: next Monday) at
    the start of the member's working hours, on their own calendar."""
    zone = ZoneInfo(ctx.member.timezone)
    today = ctx.now.astimezone(zone).date()
    if day == "tomorrow":
        target = today + timedelta(days=1)
    else:
        weekday = 0 if day == "next week" else commands.WEEKDAYS.index(day)
        target = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    start = datetime.combine(target, time(ctx.member.work_start_hour % 24, ctx.member.work_start_minute or 0), zone)
    return max(start - ctx.now, timedelta(hours=1))


def draft(cmd: commands.Draft, ctx: Context) -> Reply:
    return draft_for(ctx, ctx.contact(cmd.who))


def apply_verb(
    ctx: Context,
    contact: Contact,
    verb: Verb,
    *,
    delay: timedelta = timedelta(days=1),
    nudge_id: int | None = None,
    to_a_day: bool = False,
) -> Reply:
    """Record what a member says happened (typed or clicked) and re-plan the contact's nudge."""
    if verb is Verb.DRAFT:
        return draft_for(ctx, contact)
    stage = Stage(contact.stage)
    if verb is Verb.SENT and stage is Stage.FINAL:
        return Reply(
            f"You've already sent {contact.name} three messages without a reply. I won't count a fourth: "
            f"it's time to let this one rest. If they answer, use /coach replied {quoted(contact.name)}."
        )
    if verb is Verb.SENT and stage is Stage.MOVED_ON:
        return Reply(
            f"You moved on from {contact.name}. If you meet again, record it with /met {quoted(contact.name)}."
        )
    if verb is Verb.SENT:
        kind = EventKind.CHECKED_IN if stage is Stage.IN_TOUCH else EventKind.SENT
        record_event(ctx.session, contact, kind, ctx.now, nudge_id=nudge_id)
    elif verb is Verb.REPLIED:
        record_event(ctx.session, contact, EventKind.REPLIED, ctx.now, nudge_id=nudge_id)
    elif verb is Verb.MOVE_ON:
        record_event(ctx.session, contact, EventKind.MOVED_ON, ctx.now, nudge_id=nudge_id)
    elif verb is Verb.SNOOZE:
        if stage is Stage.MOVED_ON:
            return Reply(f"You moved on from {contact.name}; there is nothing to snooze.")
        record_event(ctx.session, contact, EventKind.SNOOZED, ctx.now, until=ctx.now + delay, nudge_id=nudge_id)
    ctx.session.flush()
    nudge = reschedule(ctx.session, contact, ctx.now)
    if verb is Verb.SNOOZE and to_a_day:  # "until Mon 9 Mar 09:00" reads better than "for 114 hours"
        return Reply(f"Snoozed {contact.name} until {local_time(ctx.now + delay, ctx.member.timezone, ctx.now)}."
                     + _next(nudge, ctx))
    return Reply(_confirmation(verb, contact, delay) + _next(nudge, ctx))


def draft_for(ctx: Context, contact: Contact, *, ask: bool = True) -> Reply:
    """The draft for the contact's stage; or (unless ``ask`` is False) the one question to ask first, or the
    advice to let it rest."""
    stage = Stage(contact.stage)
    kind = NUDGE_FOR_STAGE.get(stage)
    if kind is None or kind is NudgeKind.MOVE_ON:
        why = ("you've sent them three messages without a reply, and a fourth would push too hard"
               if stage is Stage.FINAL else "you've moved on from them")
        return Reply(
            f"I won't draft another message to {contact.name}: {why}. "
            f"If they write back, use /coach replied {quoted(contact.name)}."
        )
    found = compose(kind.value, draft_context(contact, ctx.member), draft_times(contact, ctx), key=contact.id,
                    purpose=contact.purpose, ask=ask)
    if isinstance(found, Question):
        return question_reply(contact, found)
    if isinstance(found, Rest):
        return rest_reply(contact, found)
    return with_model_job(ctx, contact, kind.value, found, draft_reply(contact, found))


def rest_reply(contact: Contact, rest: Rest) -> Reply:
    """No chaser worth sending: say why, and offer the draft anyway (or to stop following up)."""
    name = quoted(contact.name)
    return Reply(
        f"{rest.text} {rest.why}\n\nStill want to write? /coach purpose {name} anyway — or, to stop the reminders "
        f"about them: /coach purpose {name} stop",
        actions=(Action("Draft one anyway", Verb.FOR_ANYWAY, contact.id, f"/coach purpose {name} anyway"),
                 Action("Don't follow up", Verb.FOR_STOP, contact.id, f"/coach purpose {name} stop")),
        title=rest.heading.replace("Draft: ", "No chaser needed: ", 1),
    )


def draft_reply(contact: Contact, found: Draft) -> Reply:
    return draft_reply_for(contact.name, found)


ANSWER_VERBS = {answer: verb for verb, answer in PURPOSE_VERBS.items()}


def question_reply(contact: Contact, question: Question) -> Reply:
    """One question instead of a guess: numbered answers (buttons on Slack and Discord, commands in the
    console), and a free answer in the member's own words."""
    name = quoted(contact.name)
    actions = tuple(
        Action(f"{i}. {label}"[:75], ANSWER_VERBS[key], contact.id, f"/coach purpose {name} {key}")
        for i, (key, label) in enumerate(question.choices, start=1)
    )
    return Reply(
        f"{question.text}\n{question.why}\n\n"
        + "\n".join(f"{i}. {label}" for i, (_key, label) in enumerate(question.choices, start=1))
        + f"\n\nOr in your own words: /coach purpose {name} \"ask about their pricing\". I'll remember the answer "
        "for the next messages to them too.",
        actions=actions,
        title=question.heading.replace("Draft: ", "Before I draft: ", 1),
    )


def set_purpose(cmd: commands.Purpose, ctx: Context) -> Reply:
    return apply_purpose(ctx, ctx.contact(cmd.who), cmd.answer)


STOP_DETAIL = "purpose: don't follow up"


def apply_purpose(ctx: Context, contact: Contact, answer: str) -> Reply:
    """Store what messages to a contact are for, then draft with it. "stop" ends the ladder (a MOVED_ON
    event the coach can take back); "undo" takes it back; "clear" forgets the answer."""
    name = quoted(contact.name)
    if answer == "undo":
        stopped = [e for e in contact.events if e.kind == EventKind.MOVED_ON and e.detail == STOP_DETAIL]
        later = [e for e in contact.events if stopped and (e.at, e.id or 0) > (stopped[-1].at, stopped[-1].id or 0)
                 and e.kind != EventKind.NOTE]
        if not stopped or later or contact.purpose != "stop":
            return Reply(f"There's no “don't follow up” to undo for {contact.name}.")
        ctx.session.delete(stopped[-1])
        contact.events.remove(stopped[-1])
        contact.purpose = None
        ctx.session.flush()
        nudge = reschedule(ctx.session, contact, ctx.now)
        return Reply(f"Undone: {contact.name} is back on your follow-up list.{_next(nudge, ctx)} "
                     f"/coach draft {name} when you're ready.")
    if answer == "anyway":  # a one-off: the draft the coach advised against, nothing stored
        if Stage(contact.stage) is Stage.MOVED_ON:
            return Reply(f"You've moved on from {contact.name}, so there's nothing to draft now.")
        return draft_for(ctx, contact, ask=False)
    if answer == "clear":
        contact.purpose = None
        return Reply(f"Forgotten what messages to {contact.name} are for; I'll ask again when I need to.")
    if answer == "stop":
        if Stage(contact.stage) is Stage.MOVED_ON:
            contact.purpose = "stop"
            return Reply(f"You've already moved on from {contact.name}; no reminders about them.")
        contact.purpose = "stop"
        record_event(ctx.session, contact, EventKind.MOVED_ON, ctx.now, detail=STOP_DETAIL)
        ctx.session.flush()
        reschedule(ctx.session, contact, ctx.now)
        return Reply(f"Okay: no follow-up for {contact.name}, and no more reminders about them. "
                     f"Changed your mind? /coach purpose {name} undo",
                     actions=(Action("Undo", Verb.FOR_UNDO, contact.id, f"/coach purpose {name} undo"),))
    contact.purpose = answer
    ctx.session.flush()
    if Stage(contact.stage) is Stage.MOVED_ON:
        return Reply(f"Noted what messages to {contact.name} are for. You've moved on from them, so there's "
                     "nothing to draft now.")
    return draft_for(ctx, contact)


def draft_context(contact: Contact, member: Member | None) -> DraftContext:
    """What a draft or a review may use of a contact; signed with the member's platform display name."""
    return DraftContext(
        contact_name=contact.name,
        where_met=contact.where_met,
        notes=contact.notes,
        interests=tuple(contact.interests or ()),
        offer=contact.offer,
        tags=tuple(contact.tags or ()),
        member_name=signature_name(member),
    )


def signature_name(member: Member | None) -> str | None:
    """The member's display name from their platform, or None. A name that is only their user id (the
    console's id is the machine login) is not a name to sign with."""
    if member is None or not member.display_name or not member.display_name.strip():
        return None
    name = member.display_name.strip()
    return None if name.casefold() == (member.user_id or "").strip().casefold() else name


def draft_times(contact: Contact, ctx: Context) -> DraftTimes:
    """The real dates a draft refers to: the latest meeting, the first message since it, the last exchange."""
    events = sorted(contact.events, key=lambda e: (e.at, e.id or 0))
    met_at = max((e.at for e in events if e.kind == EventKind.MET), default=contact.met_at)
    since_met = [e for e in events if e.at >= met_at]
    first_sent = next((e.at for e in since_met if e.kind == EventKind.SENT), None)
    last_sent = max((e.at for e in since_met if e.kind == EventKind.SENT), default=None)
    touching = (EventKind.REPLIED, EventKind.CHECKED_IN, EventKind.SENT, EventKind.MET)
    touches = [e.at for e in events if e.kind in touching]
    return DraftTimes(now=ctx.now, met_at=met_at, first_sent_at=first_sent,
                      last_touch_at=max(touches, default=None), timezone=ctx.member.timezone,
                      last_sent_at=last_sent)


def show(cmd: commands.Show, ctx: Context) -> Reply:
    contact = ctx.contact(cmd.who)
    tz = ctx.member.timezone
    nudge = pending_nudges_by_contact(ctx.session, ctx.member).get(contact.id)
    lines = [f"{contact.name} — {stage_words(contact, nudge)}"]
    meetings: list[Event | None] = [e for e in contact.events if e.kind == EventKind.MET] or [None]
    first, latest = meetings[0], meetings[-1]
    first_at, first_where = (first.at, first.detail) if first else (contact.met_at, contact.where_met)
    if len(meetings) > 1 and latest is not None:
        lines.append(f"First met: {local_date(first_at, tz)}{_where(first_where)}")
        lines.append(f"Last met: {local_date(latest.at, tz)}{_where(latest.detail)} ({len(meetings)} meetings)")
    else:
        lines.append(f"Met: {local_date(first_at, tz)}{_where(first_where)}")
    for label, value in (("Notes", contact.notes), ("Common interests", ", ".join(contact.interests or ())),
                         ("You could offer", contact.offer),
                         ("Messages are for", _purpose_words(contact.purpose)),
                         ("Tags", " ".join("#" + t for t in contact.tags or ()))):
        if value:
            lines.append(f"{label}: {value}")
    history = [e for e in contact.events if e.kind not in (EventKind.NOTE, EventKind.BEFORE_MET)][-10:]
    if history:
        lines.append("History:")
        lines += [f"  {local_time(e.at, tz, ctx.now)}  {_event_words(e.kind, e.detail)}" for e in history]
    lines.append(_next(nudge, ctx).strip() or _no_reminder(contact))
    return Reply("\n".join(lines))


NOT_WRITTEN = "met, not written to yet"


def stage_words(contact: Contact, nudge: Nudge | None) -> str:
    """The stage as a member reads it; a new contact whose reminders have all gone by is 'not written
    to yet'."""
    if contact.stage == Stage.NEW.value and nudge is None:
        return NOT_WRITTEN
    return STAGE_WORDS[Stage(contact.stage)]


def _purpose_words(purpose: str | None) -> str | None:
    """The stored answer to "What's this message for?" as the member chose it."""
    if not purpose:
        return None
    return CHOICES.get(purpose, f"“{purpose}”").lower().replace("don't", "not following up; don't")


def _no_reminder(contact: Contact) -> str:
    if contact.stage == Stage.NEW.value:
        return (f"No more reminders: I've reminded you twice. Whenever you're ready, /coach draft "
                f"{quoted(contact.name)} writes a first message.")
    return "No reminder planned."


def list_contacts(cmd: commands.ListContacts, ctx: Context) -> Reply:
    """The member's contacts, most recently met first: the first LIST_LIMIT, and how many there are. Reads
    the columns it shows, a page at a time, never every contact whole (a member with 10,000 contacts
    cost 94 MB for 50 lines)."""
    shown, total = _listed(cmd, ctx)
    if not shown:
        scope = f" {cmd.stage.value}" if cmd.stage else (f" tagged #{cmd.tag}" if cmd.tag else "")
        return Reply(f"No contacts{scope} yet. Record one with /met @jane at PyCon -- what you talked about")
    pending = {n.contact_id: n for n in ctx.session.scalars(select(Nudge).where(
        Nudge.contact_id.in_([row.id for row in shown]), Nudge.state == NudgeState.PENDING))}
    lines = [f"Your contacts ({total}):"]
    for row in shown:
        nudge = pending.get(row.id)
        nxt = f" · next nudge {local_time(nudge.due_at, ctx.member.timezone, ctx.now)}" if nudge else ""
        stage = (NOT_WRITTEN if row.stage == Stage.NEW.value and nudge is None and not ctx.member.paused
                 else STAGE_WORDS[Stage(row.stage)])
        lines.append(f"• {row.name} — {stage} (met {ago(row.met_at, ctx.now, ctx.member.timezone)}){nxt}")
    if total > LIST_LIMIT:
        lines.append(f"…and {total - LIST_LIMIT} more (a list shows the {LIST_LIMIT} met most recently). Narrow it "
                     "down: /coach list waiting or /coach list #tag, or /coach export for all of them")
    return Reply("\n".join(lines))


LIST_PAGE = 1000  # rows read at a time when a tag filter has to look at every contact's tags


def _listed(cmd: commands.ListContacts, ctx: Context) -> tuple[list[Row[Any]], int]:
    """The first LIST_LIMIT contacts the list shows (id, name, stage, met_at) and how many match."""
    query = select(Contact.id, Contact.name, Contact.stage, Contact.met_at).where(Contact.member_id == ctx.member.id)
    if cmd.stage is not None:
        query = query.where(Contact.stage == cmd.stage.value)
    ordered = query.order_by(Contact.met_at.desc(), Contact.id.desc())
    if cmd.tag is None:
        total = ctx.session.scalar(select(func.count()).select_from(query.subquery())) or 0
        return list(ctx.session.execute(ordered.limit(LIST_LIMIT))), int(total)
    shown: list[Row[Any]] = []
    total = 0
    rows = ctx.session.execute(ordered.add_columns(Contact.tags).execution_options(yield_per=LIST_PAGE))
    for row in rows:  # tags are a JSON list: matched here, a page of rows at a time
        if cmd.tag in (row.tags or ()):
            total += 1
            if len(shown) < LIST_LIMIT:
                shown.append(row)
    return shown, total


def forget(cmd: commands.Forget, ctx: Context) -> Reply:
    contact = ctx.contact(cmd.who)
    if not cmd.confirmed:
        command = f"/coach forget {quoted(contact.name)} confirm"
        meetings = sum(1 for e in contact.events if e.kind == EventKind.MET)
        return Reply(
            f"This deletes {contact.name} — met {ago(contact.met_at, ctx.now, ctx.member.timezone)}"
            f"{_where(contact.where_met)}, {meetings} meeting{'s' if meetings != 1 else ''} — with your notes, "
            f"history and reminders. It cannot be undone. To go ahead: {command}",
            actions=(Action(f"Yes, forget {contact.name}"[:75], Verb.FORGET, contact.id, command),),
            title=f"Forget {contact.name}?",
        )
    return erase_contact(ctx, contact)


def erase_contact(ctx: Context, contact: Contact) -> Reply:
    """Delete one contact, its history and its reminders, in the caller's transaction."""
    name = contact.name
    ctx.session.execute(delete(Nudge).where(Nudge.contact_id == contact.id))
    ctx.session.delete(contact)
    ctx.session.flush()
    mark_erased(ctx.session)
    return Reply(f"Forgot {name}: the contact, its history and its reminders are deleted.")


def is_repeat(contact: Contact, cmd: commands.Met, now: datetime) -> bool:
    """The same /met again within REPEAT_WINDOW of the contact's last meeting — a double submit, a
    replayed request, a retried delivery: same place, and nothing in it the contact doesn't already
    hold. A meeting at another place, later, or with something new is a real meeting and is logged.
    Within the window either way: a replica whose clock is a little behind reads a `now` before the
    meeting it repeats."""
    meetings = [e for e in contact.events if e.kind == EventKind.MET.value]
    if not meetings or abs(now - meetings[-1].at) > REPEAT_WINDOW:
        return False
    if (meetings[-1].detail or None) != (cmd.where or None):
        return False
    return (
        not new_note_parts(contact.notes, cmd.notes)
        and set(cmd.tags) <= set(contact.tags or ())
        and set(cmd.interests) <= set(contact.interests or ())
        and cmd.offer in (None, contact.offer)
        and cmd.who.user_id in (None, contact.platform_user_id)
    )


def new_note_parts(existing: str | None, notes: str | None) -> list[str]:
    """The `; `-separated parts of `notes` that `existing` does not already hold (case and spacing
    aside), in order, each once."""
    def key(part: str) -> str:
        return " ".join(part.casefold().split())

    held = {key(part) for part in (existing or "").split(";")}
    fresh: dict[str, str] = {}
    for part in (notes or "").split(";"):
        part = " ".join(part.split())
        if part and key(part) not in held:
            fresh.setdefault(key(part), part)
    return list(fresh.values())


def merged_notes(existing: str | None, notes: str | None) -> tuple[str | None, bool]:
    """`existing` plus the new parts of `notes`, at most MAX_TEXT characters: when they would not fit,
    the oldest parts give way to the newest. Returns the notes and whether anything old was dropped."""
    fresh = new_note_parts(existing, notes)
    if not fresh:
        return existing, False
    text = "; ".join([existing, *fresh] if existing else fresh)
    if len(text) <= MAX_TEXT:
        return text, False
    parts = [part.strip() for part in text.split(";") if part.strip()]
    while len(parts) > 1 and len("; ".join(parts)) > MAX_TEXT:
        parts.pop(0)
    return "; ".join(parts)[:MAX_TEXT], True


def _merge_details(contact: Contact, cmd: commands.Met) -> bool:
    """Fold a repeated /met (or a form's details) into the contact; True when old notes were trimmed."""
    trimmed = False
    if cmd.where:
        contact.where_met = cmd.where
    if cmd.notes:
        contact.notes, trimmed = merged_notes(contact.notes, cmd.notes)
    if cmd.offer:
        contact.offer = cmd.offer
    if cmd.tags:
        contact.tags = list(dict.fromkeys([*(contact.tags or []), *cmd.tags]))
    if cmd.interests:
        contact.interests = list(dict.fromkeys([*(contact.interests or []), *cmd.interests]))
    if cmd.who.user_id and not contact.platform_user_id:
        contact.platform_user_id = cmd.who.user_id
    return trimmed


def _confirmation(verb: Verb, contact: Contact, delay: timedelta) -> str:
    name = contact.name
    stage = Stage(contact.stage)
    if verb is Verb.SENT:
        if stage is Stage.IN_TOUCH:
            return f"Nice — check-in with {name} noted."
        ordinal = {Stage.WAITING: "first message", Stage.FOLLOWED_UP: "follow-up",
                   Stage.FINAL: "last message"}[stage]
        return f"Got it: your {ordinal} to {name} is sent."
    if verb is Verb.REPLIED:
        return f"Great news — {name} replied: no more follow-up reminders."
    if verb is Verb.MOVE_ON:
        return f"Okay, moving on from {name}. No more reminders about them."
    hours = int(delay.total_seconds() // 3600)
    span = f"{hours // 24} day{'s' if hours // 24 != 1 else ''}" if hours % 24 == 0 else f"{hours} hours"
    return f"Snoozed {name} for {span}."


def _next(nudge: Nudge | None, ctx: Context) -> str:
    if ctx.member.paused:
        return " Reminders are paused (/coach settings resume)."
    if nudge is None:
        return ""
    words = {
        NudgeKind.FOLLOW_UP_48H: "I'll remind you to follow up",
        NudgeKind.STILL_WORTH: "I'll remind you once more that it's still worth writing",
        NudgeKind.NO_REPLY_1W: "If they haven't replied, I'll check back",
        NudgeKind.NO_REPLY_2W: "If there's still no reply, I'll check back",
        NudgeKind.MOVE_ON: "I'll check back one last time",
        NudgeKind.CHECK_IN: "I'll suggest a check-in",
    }[NudgeKind(nudge.kind)]
    return f" {words} on {local_time(nudge.due_at, ctx.member.timezone, ctx.now)}."


def _where(where: str | None) -> str:
    """' at PyCon', ' over coffee', ' on the train to Milan': the member's place as a sentence."""
    return f" {place_phrase(where) or 'at ' + where}" if where else ""


def _event_words(kind: str, detail: str | None) -> str:
    words = {
        EventKind.MET: "met" + (f" at {detail}" if detail else ""),
        EventKind.SENT: "you sent a message",
        EventKind.REPLIED: "they replied",
        EventKind.CHECKED_IN: "you checked in",
        EventKind.SNOOZED: "snoozed",
        EventKind.MOVED_ON: "moved on",
        EventKind.NUDGED: f"coach reminded you ({(detail or '').replace('_', ' ')})",
    }
    return words.get(EventKind(kind), kind)


def unknown_action() -> Reply:
    return error("That button is no longer valid. /coach list shows your contacts.")
