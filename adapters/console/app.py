"""The console coach: one command a line from stdin (a terminal or a pipe), replies and nudges on
stdout, and `/advance 2d` to move time forward and see the nudges that would have arrived."""

from __future__ import annotations

import asyncio
import getpass
import select as io_select
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, FakeClock, OffsetClock, SystemClock, as_utc
from bot.coach import Coach
from bot.commands import parse_duration
from bot.digest import next_slot, week_of
from bot.identity import Actor
from bot.models import Contact, Event, Member, Nudge, NudgeState
from bot.replies import Reply
from bot.store.engine import user_data_folder
from bot.store.repository import find_member, is_actor
from bot.timefmt import local_time
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Outgoing
from scheduler.weekly import plan_week

from .localzone import machine_timezone
from .render import render_digest, render_nudge, render_reply, save_chart

PLATFORM = "console"
WORKSPACE = "local"
MAX_ADVANCE = timedelta(days=3 * 365)
ADVANCE_USAGE = "Usage: /advance <duration>\nExample: /advance 2d   (also 36h, 10d, 2w)"
BANNER = ("Connection Coach (console). Type /coach help, or /met jane at PyCon -- what you talked about. "
          "/quit or /exit (or Ctrl-D) leaves.")
DEMO_BANNER = ("Demo: a throwaway database that is deleted when you leave, on a clock that moves only with "
               "/advance 2d. Your own contacts are not touched.")
CONSOLE_HELP = """In this console:
/advance <duration>        move time forward (36h, 2d, 10d) and see the nudges that fall due on the way —
                           from a script (coach console < script.txt) or in the demo (coach console --demo)
/quit, /exit               leave (so do quit, exit and Ctrl-D)"""
LIVE_ADVANCE = ("/advance would move your real timeline: your contacts' dates and reminders would jump ahead "
                "for good. To try the coach on a clock you can move, run `coach console --demo` (a throwaway "
                "database); scripts piped into `coach console` still take /advance.")
QUIT_WORDS = ("/quit", "/exit", "quit", "exit", "/q")
HELP_WORDS = ("help", "/help", "?", "commands")


class ConsoleNotifier:
    """Prints a nudge the moment the dispatcher delivers it."""

    platform = PLATFORM

    def __init__(self, out: TextIO, clock: FakeClock, timezone: str, data_dir: Path) -> None:
        self.out, self.clock, self.timezone, self.data_dir = out, clock, timezone, data_dir
        self.sent = 0

    async def send(self, message: Outgoing) -> str | None:
        self.sent += 1
        when = local_time(self.clock.now(), self.timezone)
        if message.weekly:  # the Monday digest: its text, and its chart saved next to the database
            chart = message.reply.chart
            path = None if chart is None else save_chart(chart, self.data_dir, chart_name(self.clock.now(),
                                                                                          self.timezone))
            self.out.write(render_digest(message.reply, when, path) + "\n\n")
            self.out.flush()
            return f"console-{self.sent}"
        for reply in message.parts or (message.reply,):  # a digest reads as its nudges, one after another
            self.out.write(render_nudge(reply, when) + "\n\n")
        self.out.flush()
        return f"console-{self.sent}"


class ConsoleSession:
    def __init__(self, sessions: sessionmaker[Session], out: TextIO, user: str | None = None,
                 timezone: str | None = None, start: datetime | None = None, *, live: bool = False,
                 tick_seconds: float = 15.0, real_clock: Clock | None = None, data_dir: Path | None = None) -> None:
        self.sessions, self.out = sessions, out
        self.data_dir = data_dir or user_data_folder()
        user = user or _user_name()
        zone = timezone or machine_timezone()
        # The login only tells this console's members apart; it is no name to sign a message with.
        self.actor = Actor(PLATFORM, WORKSPACE, user, display_name=None, timezone=zone)
        # A pipe replays a script on a clock that moves only by /advance (resuming where the last script
        # left it); a terminal lives in real time — the member's own timeline, which nothing moves.
        self.clock: FakeClock | OffsetClock = (OffsetClock(start, real_clock) if live
                                               else FakeClock(start or self._resume_time()))
        self.tick_seconds = tick_seconds
        self.coach = Coach(sessions, self.clock, default_timezone=zone)
        self.notifier = ConsoleNotifier(out, self.clock, zone, self.data_dir)
        self.dispatcher = Dispatcher(sessions, self.clock, {PLATFORM: self.notifier})

    def run(self, lines: TextIO, *, interactive: bool = False, demo: bool = False) -> int:
        if interactive:
            self._print(BANNER)
        if demo:
            self._print(DEMO_BANNER)
        self._deliver_due()  # whatever fell due while the console was closed
        for raw in self._lines(lines, live=isinstance(self.clock, OffsetClock)):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            word = line.lower()
            if word in QUIT_WORDS:
                break
            if line.split(" ", 1)[0].lower() == "/advance":
                if isinstance(self.clock, OffsetClock):  # a terminal on the member's own, real-time data
                    self._print(LIVE_ADVANCE)
                else:
                    self.advance(line.partition(" ")[2])
                continue
            if word in HELP_WORDS:
                line = "/coach help"
            self._answer(line)
            self._deliver_due()
        return 0

    def _lines(self, lines: TextIO, *, live: bool) -> Iterator[str]:
        """Input lines; while a live console waits for one, nudges keep arriving every tick."""
        if not live:
            yield from lines
            return
        while True:
            ready, _, _ = io_select.select([lines], [], [], self.tick_seconds)
            if not ready:
                self._deliver_due()
                continue
            line = lines.readline()
            if not line:
                return
            yield line

    def _answer(self, line: str) -> None:
        reply = self.coach.handle_line(self.actor, line)
        path = None
        if reply.chart is not None:  # /coach digest: the chart goes to the data folder, its path on screen
            path = save_chart(reply.chart, self.data_dir, chart_name(self.clock.now(), self.timezone))
        text = render_reply(reply, path)
        if line.lower().split() in (["/coach", "help"], ["/coach"], ["/coach", "?"]) and not reply.error:
            text = f"{text}\n\n{CONSOLE_HELP}"
        self._print(text)

    def advance(self, text: str) -> None:
        try:
            span = parse_duration(text)
        except ValueError:
            self._print(ADVANCE_USAGE)
            return
        if span > MAX_ADVANCE:
            self._print(f"I can move time forward at most {MAX_ADVANCE.days} days at once.\n{ADVANCE_USAGE}")
            return
        target = self.clock.now() + span
        while (due := self._next_due(target)) is not None:
            self.clock.set(max(due, self.clock.now()))
            if not self._deliver_due() and self._next_due(target) == due:
                break  # nothing moved: don't spin
        self.clock.set(target)
        self._print(f"(time is now {local_time(target, self.timezone)})")

    @property
    def timezone(self) -> str:
        member = self._member()
        return member.timezone if member else self.actor.timezone or "UTC"

    def _member(self) -> Member | None:
        """The console user's own member row: the only one whose nudges this console delivers."""
        with self.sessions() as session:
            return find_member(session, self.actor)

    def _deliver_due(self) -> int:
        member = self._member()
        if member is None:
            return 0
        self.notifier.timezone = member.timezone
        self.dispatcher.only_members = frozenset({member.id})
        plan_week(self.sessions, self.clock, members={member.id})  # this console's weekly job
        return len(asyncio.run(self.dispatcher.tick()))

    def _next_due(self, until: datetime) -> datetime | None:
        member = self._member()
        if member is None:
            return None
        with self.sessions() as session:
            query = select(func.min(Nudge.due_at)).where(
                Nudge.member_id == member.id, Nudge.state == NudgeState.PENDING.value, Nudge.due_at <= until
            )
            value = session.scalars(query).first()
        due = as_utc(value) if value is not None else None
        if member.digest_on and not member.paused:  # stop at Monday morning: the digest is planned then
            monday = next_slot(member.timezone, member.work_start_hour, self.clock.now() + timedelta(seconds=1))
            if monday <= until and (due is None or monday < due):
                due = monday
        return due

    def _resume_time(self) -> datetime:
        """Real time, or the console's own later time if an earlier session advanced past it."""
        now = SystemClock().now()
        with self.sessions() as session:
            query = (
                select(func.max(Event.at))
                .join(Contact, Contact.id == Event.contact_id)
                .join(Member, Member.id == Contact.member_id)
                .where(is_actor(self.actor))
            )
            latest = session.scalars(query).first()
        if latest is None:
            return now
        return max(now, as_utc(latest))

    def _print(self, text: str | Reply) -> None:
        self.out.write(f"{text}\n\n")
        self.out.flush()


def chart_name(now: datetime, timezone: str) -> str:
    """The chart's file: one per week (a later /coach digest that week replaces it)."""
    return f"coach-week-{week_of(now, timezone).isoformat()}.png"


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "me"
