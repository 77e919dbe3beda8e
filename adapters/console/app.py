"""The console coach: one command a line from stdin (a terminal or a pipe), replies and nudges on
stdout, and `/advance 2d` to move time forward and see the nudges that would have arrived.

The console is synchronous: each call into the core (bot.api, async) runs to completion on a private
event loop (`asyncio.run`), as does each dispatcher pass."""

from __future__ import annotations

import asyncio
import getpass
import io
import select as io_select
import signal
from collections.abc import Coroutine, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO, TypeVar

from bot.api import CoachAPI, ModelDrafts, Profile, Sessions
from bot.clock import Clock, FakeClock, OffsetClock, SystemClock
from bot.commands import DeleteMyData, Forget, UsageError, parse_duration, parse_line
from bot.identity import Actor
from bot.replies import PURPOSE_VERBS, Reply, Verb
from bot.timefmt import local_time, week_of
from scheduler.dispatcher import Dispatcher
from scheduler.notifier import Outgoing
from scheduler.weekly import plan_week

from .localzone import machine_timezone
from .render import render_digest, render_nudge, render_reply, save_attachments, save_chart
from .terminal import Terminal

T = TypeVar("T")
PLATFORM = "console"
WORKSPACE = "local"
MAX_ADVANCE = timedelta(days=3 * 365)
ADVANCE_USAGE = "Usage: /advance <duration>\nExample: /advance 2d   (also 36h, 10d, 2w)"
BANNER = ("Connection Coach (console). Type /coach help, or /met jane at PyCon -- what you talked about. "
          "/quit or /exit (or Ctrl-D) leaves.")
TRY_DEMO = ("This is your own contact list, kept for good. To try the coach out first: coach console --demo "
            "(a throwaway database on a clock you can move).")
DEMO_BANNER = ("Demo: a throwaway database that is deleted when you leave, on a clock that moves only with "
               "/advance 2d. Your own contacts are not touched.")
CONSOLE_HELP = """In this console:
/advance <duration>        move time forward (36h, 2d, 10d) and see the nudges that fall due on the way —
                           in the demo (coach console --demo), or from a script on a throwaway database
yes / no                   answer a question I just asked (Forget Jane Doe? Delete all your data?)
list, show jane, …         the /coach commands work without "/coach" too (and met, review without "/")
/quit, /exit               leave (so do quit, exit and Ctrl-D)"""
LIVE_ADVANCE = ("/advance would move your real timeline: your contacts' dates and reminders would jump ahead "
                "for good. To try the coach on a clock you can move, run `coach console --demo` (a throwaway "
                "database); scripts piped into `coach console` still take /advance.")
YES_WORDS = ("yes", "y", "yes please", "ok", "okay", "sure", "confirm")
NO_WORDS = ("no", "n", "nope", "cancel", "no thanks")
NOTHING_ASKED = "I haven't asked anything that takes a yes or no. /coach help lists what I can do."
REAL_ADVANCE = ("/advance refused: this database holds contacts recorded in real time, and moving its clock would "
                "date their meetings and reminders in the future for good. Run the script on a throwaway one: "
                "coach console --demo < script.txt (or a new DATABASE_URL file, or COACH_CONSOLE_START).")
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
    def __init__(self, sessions: Sessions, out: TextIO, user: str | None = None,
                 timezone: str | None = None, start: datetime | None = None, *, live: bool = False,
                 tick_seconds: float = 15.0, real_clock: Clock | None = None, data_dir: Path,
                 models: ModelDrafts | None = None) -> None:
        """`data_dir`: where the charts go — beside the database, or a demo's own folder; never a default,
        so no demo or test writes into the user's data folder."""
        self.sessions, self.out = sessions, out
        user = user or _user_name()
        zone = timezone or machine_timezone()
        # The login only tells this console's members apart; it is no name to sign a message with.
        self.actor = Actor(PLATFORM, WORKSPACE, user, display_name=None, timezone=zone)
        # A pipe replays a script on a clock that moves only by /advance (resuming where the last script
        # left it); a terminal lives in real time — the member's own timeline, which nothing moves.
        self.clock: FakeClock | OffsetClock = (OffsetClock(start, real_clock) if live
                                               else FakeClock(start or SystemClock().now()))
        self.tick_seconds = tick_seconds
        self.api = CoachAPI(sessions, self.clock, default_timezone=zone, models=models)
        # Whether /advance may move this clock: a pinned start, a database with no history of this member
        # yet, or one whose history a script already moved past real time (and --demo, told in run()).
        self.scripted = start is not None
        if not live and start is None:
            assert isinstance(self.clock, FakeClock)
            self.clock.set(self._resume_time())
        self.notifier = ConsoleNotifier(out, self.clock, zone, data_dir)
        self.terminal: Terminal | None = None
        self.pending: str | None = None  # the command a yes to the last question runs
        self.choices: tuple[str, ...] = ()  # the commands of the last question's numbered answers
        self.dispatcher = Dispatcher(sessions, self.clock, {PLATFORM: self.notifier})

    def run(self, lines: TextIO, *, interactive: bool = False, demo: bool = False,
            terminal: Terminal | None = None) -> int:
        """Answer every line of `lines` (or, given a `terminal`, every line typed at it with readline)."""
        try:
            return self._run(lines, interactive=interactive, demo=demo, terminal=terminal)
        finally:
            self.api.close()

    def _run(self, lines: TextIO, *, interactive: bool, demo: bool, terminal: Terminal | None) -> int:
        if interactive:
            self._print(BANNER if demo else f"{BANNER}\n{TRY_DEMO}")
        if demo:
            self._print(DEMO_BANNER)
            self.scripted = True
        self._deliver_due()  # whatever fell due while the console was closed
        live = isinstance(self.clock, OffsetClock)
        if terminal is not None and live and hasattr(signal, "setitimer"):  # POSIX: nudges arrive while typing
            terminal.tick, terminal.tick_seconds = self._tick_into, self.tick_seconds
        self.terminal = terminal
        source = iter(terminal) if terminal is not None else self._lines(lines, live=live)
        try:
            for raw in source:
                if not self.take(raw.strip()):
                    break
        finally:
            close = getattr(source, "close", None)
            if close is not None:  # a terminal saves its history
                close()
        return 0

    def take(self, line: str) -> bool:
        """Answer one line; False when it asks to leave."""
        if not line or line.startswith("#"):
            return True
        word = line.lower()
        if word in QUIT_WORDS:
            return False
        if line.split(" ", 1)[0].lower() == "/advance":
            if isinstance(self.clock, OffsetClock):  # a terminal on the member's own, real-time data
                self._print(LIVE_ADVANCE)
            elif not self.scripted:  # a script piped into the member's real history
                self._print(REAL_ADVANCE)
            else:
                self.advance(line.partition(" ")[2])
            return True
        pending, self.pending = self.pending, None
        if word in YES_WORDS or word in NO_WORDS:
            if pending is None:
                self._print(NOTHING_ASKED)
                return True
            if word in NO_WORDS:
                self._print("Okay, I left it as it is.")
                return True
            line = pending
        if word in HELP_WORDS:
            line = "/coach help"
        if self.choices and word.isdigit():  # a number answers the last question ("What's this for?")
            number = int(word)
            if not 1 <= number <= len(self.choices):
                self._print(f"Pick a number from 1 to {len(self.choices)}.")
                return True
            line = self.choices[number - 1]
        self._answer(line)
        self._deliver_due()
        return True

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

    def _tick_into(self, shown: io.StringIO) -> None:
        """A live terminal's tick while the member types: nudges go to `shown`, printed above the prompt."""
        real, self.notifier.out = self.notifier.out, shown
        try:
            self._deliver_due()
        finally:
            self.notifier.out = real

    def _answer(self, line: str) -> None:
        reply = _sync(self.api.handle_line(self.actor, line, wait_for_model=False))
        if reply.model is not None and self.api.models is not None:  # the member's model writes it: seconds
            if self.terminal is not None:
                self._print(f"(Writing your draft with {self.api.models.name}…)")
            reply = _sync(self.api.finish(reply))
        path = None
        if reply.chart is not None:  # /coach digest: the chart goes to the data folder, its path on screen
            path = save_chart(reply.chart, self.data_dir, chart_name(self.clock.now(), self.timezone))
        if self.terminal is not None and not reply.error and _erases(line):
            self.terminal.clear_history()  # the lines typed so far may name who was just erased
        if reply.title and reply.title.endswith("?") and len(reply.actions) == 1 and not reply.error:
            self.pending = reply.actions[0].command  # "Forget Jane Doe?": a yes runs its button's command
        saved = save_attachments(reply, self.data_dir) if reply.attachments else ()  # not 200 lines on screen
        text = render_reply(reply, path, saved)
        if self.pending is not None:
            text += "\n(Or type yes to go ahead, no to leave it.)"
        self.choices = tuple(a.command for a in reply.actions
                             if a.verb in PURPOSE_VERBS and a.verb is not Verb.FOR_UNDO)
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
    def data_dir(self) -> Path:
        return self.notifier.data_dir

    @property
    def timezone(self) -> str:
        member = self._member()
        return member.timezone if member else self.actor.timezone or "UTC"

    def _member(self) -> Profile | None:
        """The console user's own member: the only one whose nudges this console delivers."""
        return _sync(self.api.profile(self.actor))

    def _deliver_due(self) -> int:
        member = self._member()
        if member is None:
            return 0
        self.notifier.timezone = member.timezone
        self.dispatcher.only_members = frozenset({member.member_id})
        plan_week(self.sessions, self.clock, members={member.member_id})  # this console's weekly job
        return len(_sync(self.dispatcher.tick()))

    def _next_due(self, until: datetime) -> datetime | None:
        """The next stop on the way to `until`: a nudge, or Monday morning (the digest is planned then)."""
        return _sync(self.api.next_due(self.actor, until))

    def _resume_time(self) -> datetime:
        """Real time, or the console's own later time if an earlier session advanced past it."""
        now = SystemClock().now()
        latest = _sync(self.api.latest_event(self.actor))
        self.scripted = latest is None or latest > now
        return now if latest is None else max(now, latest)

    def _print(self, text: str | Reply) -> None:
        self.out.write(f"{text}\n\n")
        self.out.flush()


def chart_name(now: datetime, timezone: str) -> str:
    """The chart's file: one per week (a later /coach digest that week replaces it)."""
    return f"coach-week-{week_of(now, timezone).isoformat()}.png"


def _erases(line: str) -> bool:
    """Whether the line is a confirmed `forget` or `delete-my-data`."""
    try:
        command = parse_line(line)
    except UsageError:
        return False
    return isinstance(command, Forget | DeleteMyData) and command.confirmed


def _sync(call: Coroutine[Any, Any, T]) -> T:
    """Run one async call to completion on a private event loop (the console has no loop of its own)."""
    return asyncio.run(call)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "me"
