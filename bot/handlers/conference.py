"""/coach event: the conference day. While an event is on, a /met without "at" records it as the place,
its people get one recap DM at the end of each day (bot/recap.py), and their 48-hour nudges are spread
over the next day or two (bot/planner.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import commands
from bot.commands import resolve_day
from bot.handlers.context import Context
from bot.models import Conference, Member
from bot.recap import current_conference, day_start, local_day
from bot.replies import Reply

END_HINT = "/coach event end stops it."


def start_event(cmd: commands.StartEvent, ctx: Context) -> Reply:
    tz = ctx.member.timezone
    last = resolve_day(cmd.until, local_day(ctx.now, tz))
    ends_at = day_start(last + timedelta(days=1), tz)
    before = current_conference(ctx.session, ctx.member, ctx.now)
    if before is not None:
        before.ended_at = ctx.now
    conference = Conference(member_id=ctx.member.id, name=cmd.name, starts_at=ctx.now, ends_at=ends_at)
    ctx.session.add(conference)
    ctx.session.flush()
    replaced = f"{before.name} is over. " if before is not None and before.name != cmd.name else ""
    recap = recap_words(ctx.member)
    return Reply(
        f"{replaced}Enjoy {cmd.name}! It's on {until_words(conference, tz, ctx.now)}. Until then:\n"
        f"• /met without \"at\" records {cmd.name} as the place; several people at once work too: "
        f"/met @ana @ben \"Chris Ode\" -- talked about eBPF\n"
        f"• {recap}\n"
        f"• I'll spread the 48-hour reminders over the next day or two, a few at a time.\n{END_HINT}",
        title=f"Event on: {cmd.name}"[:150],
    )


def end_event(cmd: commands.EndEvent, ctx: Context) -> Reply:
    conference = current_conference(ctx.session, ctx.member, ctx.now)
    if conference is None:
        return Reply("No event is on. Start one with /coach event \"KubeCon EU\" until fri")
    conference.ended_at = ctx.now
    return Reply(f"{conference.name} is over: /met without \"at\" records no place again. The reminders for the "
                 f"people you met there stay as planned.")


def show_event(cmd: commands.ShowEvent, ctx: Context) -> Reply:
    line = event_line(ctx.member, current_conference(ctx.session, ctx.member, ctx.now), ctx.now)
    if line is None:
        usage, example = commands.USAGE["event"]
        return Reply(f"No event is on. At a conference? /coach event starts one.\nUsage: {usage}\nExample: {example}")
    return Reply(f"{line} {END_HINT}")


def event_line(member: Member, conference: Conference | None, now: datetime) -> str | None:
    """"Event: KubeCon EU, until the end of Fri 11 Dec." — for help, settings and App Home; None when off."""
    if conference is None:
        return None
    return f"Event: {conference.name}, {until_words(conference, member.timezone, now)}."


def until_words(conference: Conference, timezone: str, now: datetime) -> str:
    last = local_day(conference.ends_at - timedelta(seconds=1), timezone)
    if last == local_day(now, timezone):
        return "until the end of today"
    return f"until the end of {last:%a} {last.day} {last:%b}"


def recap_words(member: Member) -> str:
    minutes = member.work_end_hour * 60 + (member.work_end_minute or 0) - 30
    return (f"At {minutes // 60:02d}:{minutes % 60:02d} each day (half an hour before your working day ends) "
            f"I'll send one recap: who you met that day, each with Draft and Add a note.")
