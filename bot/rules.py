"""The follow-up rules of DESIGN §3 as pure functions of (contact history, member settings, now).

Day arithmetic happens on the member's wall clock (so "a week later at 10:00" stays 10:00 across a DST
change); everything returned is aware UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.models import EventKind, NudgeKind, Stage

FIRST_NUDGE_EARLIEST = timedelta(hours=12)  # sooner than this is not a reminder, it is an echo
FIRST_NUDGE_AFTER = timedelta(hours=24)
FIRST_NUDGE_DEADLINE = timedelta(hours=48)
STILL_WORTH_AFTER = timedelta(hours=24)  # after the 48 h window closes and after the 48 h nudge, at least
NO_REPLY_WAIT_DAYS = 7
MAX_UNANSWERED = 3  # first message, one follow-up, one last message — never a fourth
DEFAULT_CHECKIN_DAYS = 90

NUDGE_FOR_STAGE: dict[Stage, NudgeKind] = {
    Stage.NEW: NudgeKind.FOLLOW_UP_48H,
    Stage.WAITING: NudgeKind.NO_REPLY_1W,
    Stage.FOLLOWED_UP: NudgeKind.NO_REPLY_2W,
    Stage.FINAL: NudgeKind.MOVE_ON,
    Stage.IN_TOUCH: NudgeKind.CHECK_IN,
}
_UNANSWERED_STAGES = (Stage.WAITING, Stage.FOLLOWED_UP, Stage.FINAL)


@dataclass(frozen=True)
class WorkingHours:
    """When a member wants to hear from the coach, in their own timezone."""

    timezone: str = "UTC"
    start_hour: int = 9
    end_hour: int = 18
    days: frozenset[int] = frozenset(range(5))  # Monday = 0
    start_minute: int = 0  # minutes past start_hour and end_hour: 10:00–18:30 is (10, 18, …, 0, 30)
    end_minute: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def opens(self) -> time:
        """The local time the working day starts."""
        return time(self.start_hour, self.start_minute)

    @property
    def length_to_close(self) -> timedelta:
        """From local midnight to the end of the working day (24 h for "until midnight")."""
        return timedelta(hours=self.end_hour, minutes=self.end_minute)

    def contains(self, moment: datetime, *, any_day: bool = False) -> bool:
        local = moment.astimezone(self.zone)
        day_ok = any_day or local.weekday() in self.days
        minute = local.hour * 60 + local.minute
        return day_ok and self.start_hour * 60 + self.start_minute <= minute < self.end_hour * 60 + self.end_minute


@dataclass(frozen=True)
class MemberSettings:
    hours: WorkingHours = field(default_factory=WorkingHours)
    checkin_days: int = DEFAULT_CHECKIN_DAYS
    paused: bool = False


@dataclass(frozen=True)
class HistoryEvent:
    kind: EventKind
    at: datetime
    until: datetime | None = None  # snoozes
    nudge_kind: NudgeKind | None = None  # NUDGED events


@dataclass(frozen=True)
class ContactState:
    """What the event log says about a contact, folded in order."""

    stage: Stage
    anchor: datetime  # the event the next nudge counts from
    unanswered: int
    delivered: frozenset[NudgeKind]  # nudges already delivered since the anchor
    snoozed_until: datetime | None
    last_nudged_at: datetime | None = None  # the latest nudge delivered since the anchor


@dataclass(frozen=True)
class PlannedNudge:
    kind: NudgeKind
    due_at: datetime


def fold(events: Iterable[HistoryEvent]) -> ContactState:
    """Derive a contact's stage from its history. The first event must be a MET."""
    stage = Stage.NEW
    anchor: datetime | None = None
    unanswered = 0
    delivered: set[NudgeKind] = set()
    snoozed: datetime | None = None
    nudged_at: datetime | None = None

    def restart(new_stage: Stage, at: datetime) -> None:
        nonlocal stage, anchor, snoozed, nudged_at
        stage, anchor, snoozed, nudged_at = new_stage, at, None, None
        delivered.clear()

    for event in events:
        if anchor is None:
            anchor = event.at
        match event.kind:
            case EventKind.MET:
                if stage is Stage.IN_TOUCH:
                    restart(Stage.IN_TOUCH, event.at)
                else:
                    unanswered = 0
                    restart(Stage.NEW, event.at)
            case EventKind.SENT | EventKind.CHECKED_IN:
                if stage is Stage.IN_TOUCH:
                    restart(Stage.IN_TOUCH, event.at)
                elif stage is not Stage.MOVED_ON and unanswered < MAX_UNANSWERED:
                    unanswered += 1
                    restart(_UNANSWERED_STAGES[unanswered - 1], event.at)
            case EventKind.REPLIED:
                unanswered = 0
                restart(Stage.IN_TOUCH, event.at)
            case EventKind.MOVED_ON:
                restart(Stage.MOVED_ON, event.at)
            case EventKind.SNOOZED:
                snoozed = event.until
                delivered.clear()
            case EventKind.NUDGED:
                if event.nudge_kind is NudgeKind.CHECK_IN:
                    restart(Stage.IN_TOUCH, event.at)  # the cadence restarts from each check-in
                elif event.nudge_kind is not None:
                    delivered.add(event.nudge_kind)
                    snoozed, nudged_at = None, event.at
            case EventKind.NOTE:
                pass
    if anchor is None:
        raise ValueError("a contact's history starts with the meeting")
    return ContactState(stage, anchor, unanswered, frozenset(delivered), snoozed, nudged_at)


def plan_next_nudge(
    events: Iterable[HistoryEvent],
    settings: MemberSettings,
    now: datetime,
    *,
    checkin_days: int | None = None,
) -> PlannedNudge | None:
    """The one nudge a contact should have pending, or None."""
    return plan_for(fold(events), settings, now, checkin_days=checkin_days)


def plan_for(
    state: ContactState,
    settings: MemberSettings,
    now: datetime,
    *,
    checkin_days: int | None = None,
) -> PlannedNudge | None:
    """`plan_next_nudge` from a history already folded (the planner folds each contact once); None when
    the member is paused."""
    if settings.paused:
        return None
    kind = NUDGE_FOR_STAGE.get(state.stage)
    if kind is NudgeKind.FOLLOW_UP_48H and kind in state.delivered:
        kind = NudgeKind.STILL_WORTH  # the 48 h nudge went unanswered: one gentle word more, then quiet
    if kind is None or kind in state.delivered:
        return None
    hours = settings.hours
    if kind is NudgeKind.FOLLOW_UP_48H:
        due = first_follow_up_due(state.anchor, now, hours)
    elif kind is NudgeKind.STILL_WORTH:
        nudged = state.last_nudged_at or state.anchor
        earliest = max(state.anchor + FIRST_NUDGE_DEADLINE, nudged) + STILL_WORTH_AFTER
        due = next_working_moment(max(earliest, now), hours)
    elif kind is NudgeKind.CHECK_IN:
        days = checkin_days or settings.checkin_days
        due = next_working_moment(max(add_local_days(state.anchor, days, hours), now), hours)
    else:
        due = next_working_moment(max(add_local_days(state.anchor, NO_REPLY_WAIT_DAYS, hours), now), hours)
    if state.snoozed_until is not None and state.snoozed_until > due:
        due = next_working_moment(state.snoozed_until, hours)
    return PlannedNudge(kind, due)


def first_follow_up_due(met_at: datetime, now: datetime, hours: WorkingHours) -> datetime:
    """About a day after meeting, inside working hours, never past the 48 h mark.

    When the whole window holds no working day (met on a Friday evening), the nudge keeps the member's
    hours but not their weekdays: the guide's 48 hours matter more than the weekend.
    """
    deadline = met_at + FIRST_NUDGE_DEADLINE
    if now >= deadline:  # the window has passed (paused, or the coach was down): say it now
        return next_working_moment(now, hours)
    start = max(met_at + FIRST_NUDGE_EARLIEST, now)
    for any_day in (False, True):
        preferred = next_working_moment(max(met_at + FIRST_NUDGE_AFTER, start), hours, any_day=any_day)
        if preferred <= deadline:
            return preferred
        earlier = last_working_moment(start, deadline, hours, any_day=any_day)
        if earlier is not None:
            return earlier
    return start


def add_local_days(moment: datetime, days: int, hours: WorkingHours) -> datetime:
    """The same wall-clock time `days` later in the member's zone, as UTC."""
    local = moment.astimezone(hours.zone)
    return _local_to_utc(local.date() + timedelta(days=days), local.time().replace(tzinfo=None), hours)


def next_working_moment(moment: datetime, hours: WorkingHours, *, any_day: bool = False) -> datetime:
    """The first instant at or after `moment` inside the member's working hours."""
    if hours.contains(moment, any_day=any_day):
        return moment.astimezone(UTC)
    local = moment.astimezone(hours.zone)
    day = local.date()
    if local.time().replace(tzinfo=None) >= hours.opens:
        day += timedelta(days=1)
    for _ in range(8):
        if any_day or day.weekday() in hours.days:
            return _local_to_utc(day, hours.opens, hours)
        day += timedelta(days=1)
    raise ValueError("working hours name no day of the week")


def last_working_moment(
    earliest: datetime, latest: datetime, hours: WorkingHours, *, any_day: bool = False
) -> datetime | None:
    """A working-hours instant in [earliest, latest], as late as possible but an hour before closing."""
    day = latest.astimezone(hours.zone).date()
    while _local_to_utc(day, time(23, 59), hours) >= earliest:
        if any_day or day.weekday() in hours.days:
            opens = _local_to_utc(day, hours.opens, hours)
            closes = _local_to_utc(day, time(0), hours) + hours.length_to_close
            pick = min(latest, closes - timedelta(hours=1))
            pick = max(pick, opens, earliest)
            if pick <= latest and opens <= pick < closes:
                return pick
        day -= timedelta(days=1)
    return None


def _local_to_utc(day: date, wall: time, hours: WorkingHours) -> datetime:
    return datetime.combine(day, wall, tzinfo=hours.zone).astimezone(UTC)
