"""DESIGN §3, row by row, with a fixed clock: pure functions, no database."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.models import EventKind, NudgeKind, Stage
from bot.rules import (
    HistoryEvent,
    MemberSettings,
    PlannedNudge,
    WorkingHours,
    first_follow_up_due,
    fold,
    next_working_moment,
    plan_next_nudge,
)

NY = "America/New_York"
BERLIN = "Europe/Berlin"


def at(text: str, zone: str = "UTC") -> datetime:
    """`2026-03-04 10:00` in a zone, as aware UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def settings(zone: str = "UTC", **kwargs: object) -> MemberSettings:
    return MemberSettings(hours=WorkingHours(timezone=zone), **kwargs)  # type: ignore[arg-type]


def ev(kind: EventKind, moment: datetime, **kwargs: object) -> HistoryEvent:
    return HistoryEvent(kind, moment, **kwargs)  # type: ignore[arg-type]


# --- row 1: met, nothing sent → follow_up_48h inside the 48 h window and inside working hours -------


def test_first_nudge_comes_about_a_day_later_in_working_hours() -> None:
    met = at("2026-03-04 10:30", BERLIN)  # a Wednesday morning
    plan = plan_next_nudge([ev(EventKind.MET, met)], settings(BERLIN), met)
    assert plan is not None and plan.kind is NudgeKind.FOLLOW_UP_48H
    assert plan.due_at == at("2026-03-05 10:30", BERLIN)


def test_meeting_in_the_evening_is_nudged_next_working_morning_within_48h() -> None:
    met = at("2026-03-04 21:00", NY)  # Wednesday night
    plan = plan_next_nudge([ev(EventKind.MET, met)], settings(NY), met)
    assert plan is not None
    assert local(plan.due_at, NY) == datetime(2026, 3, 6, 9, 0, tzinfo=ZoneInfo(NY))  # Friday 09:00, 36 h later
    assert WorkingHours(NY).contains(plan.due_at)
    assert met + timedelta(hours=12) <= plan.due_at <= met + timedelta(hours=48)


@pytest.mark.parametrize(
    "met_local",
    [
        "2026-03-02 08:00",  # Monday before hours
        "2026-03-04 12:00",  # Wednesday noon
        "2026-03-05 17:59",  # Thursday just before closing
        "2026-03-06 09:00",  # Friday morning
        "2026-03-06 16:00",  # Friday afternoon
        "2026-03-06 23:00",  # Friday night
        "2026-03-07 11:00",  # Saturday
        "2026-03-08 20:00",  # Sunday evening
    ],
)
def test_first_nudge_never_after_48_hours_and_always_in_hours(met_local: str) -> None:
    met = at(met_local, BERLIN)
    plan = plan_next_nudge([ev(EventKind.MET, met)], settings(BERLIN), met)
    assert plan is not None
    assert met < plan.due_at <= met + timedelta(hours=48)
    hours = WorkingHours(BERLIN)
    assert hours.start_hour <= local(plan.due_at, BERLIN).hour < hours.end_hour


def test_friday_evening_meeting_keeps_48h_over_weekday_preference() -> None:
    met = at("2026-03-06 18:30", BERLIN)  # Friday after work: Monday 09:00 would be 62.5 h later
    due = first_follow_up_due(met, met, WorkingHours(BERLIN))
    assert due <= met + timedelta(hours=48)
    assert local(due, BERLIN).weekday() in (5, 6)  # the weekend, but inside the member's hours
    assert 9 <= local(due, BERLIN).hour < 18


def test_weekday_meeting_is_nudged_on_a_weekday() -> None:
    met = at("2026-03-05 16:00", BERLIN)  # Thursday
    plan = plan_next_nudge([ev(EventKind.MET, met)], settings(BERLIN), met)
    assert plan is not None and local(plan.due_at, BERLIN).weekday() == 4


def test_window_already_gone_means_the_next_working_moment() -> None:
    met = at("2026-03-02 10:00")
    now = met + timedelta(days=3, hours=12)  # Thursday 22:00 UTC, e.g. after a pause
    due = first_follow_up_due(met, now, WorkingHours())
    assert due == at("2026-03-06 09:00")


# --- rows 2-4: the no-reply chain, then silence ----------------------------------------------------------


def test_no_reply_chain_one_week_two_weeks_then_move_on() -> None:
    met = at("2026-03-02 10:00")
    first = at("2026-03-03 10:00")
    history = [ev(EventKind.MET, met), ev(EventKind.SENT, first)]
    plan = plan_next_nudge(history, settings(), first)
    assert plan is not None and (plan.kind, plan.due_at) == (NudgeKind.NO_REPLY_1W, at("2026-03-10 10:00"))

    second = at("2026-03-10 11:00")
    history.append(ev(EventKind.SENT, second))
    plan = plan_next_nudge(history, settings(), second)
    assert plan is not None and (plan.kind, plan.due_at) == (NudgeKind.NO_REPLY_2W, at("2026-03-17 11:00"))

    third = at("2026-03-17 12:00")
    history.append(ev(EventKind.SENT, third))
    plan = plan_next_nudge(history, settings(), third)
    assert plan is not None and (plan.kind, plan.due_at) == (NudgeKind.MOVE_ON, at("2026-03-24 12:00"))

    history.append(ev(EventKind.NUDGED, at("2026-03-24 12:00"), nudge_kind=NudgeKind.MOVE_ON))
    assert plan_next_nudge(history, settings(), at("2026-03-24 12:00")) is None


def test_never_a_fourth_unanswered_message() -> None:
    t = at("2026-03-02 10:00")
    history = [ev(EventKind.MET, t)] + [ev(EventKind.SENT, t + timedelta(days=i)) for i in range(1, 6)]
    state = fold(history)
    assert state.stage is Stage.FINAL and state.unanswered == 3
    plan = plan_next_nudge(history, settings(), t + timedelta(days=6))
    assert plan is not None and plan.kind is NudgeKind.MOVE_ON
    # the extra sends did not move the clock: move-on counts from the third message
    assert plan.due_at == next_working_moment(t + timedelta(days=3 + 7), WorkingHours())


def test_a_delivered_follow_up_nudge_is_not_repeated_until_the_member_acts() -> None:
    met = at("2026-03-02 10:00")
    nudged = at("2026-03-03 10:00")
    history = [ev(EventKind.MET, met), ev(EventKind.NUDGED, nudged, nudge_kind=NudgeKind.FOLLOW_UP_48H)]
    plan = plan_next_nudge(history, settings(), nudged)
    # one gentle "still worth writing" a day after the 48 h window closes — then nothing more
    assert plan == PlannedNudge(NudgeKind.STILL_WORTH, at("2026-03-05 10:00"))
    late = at("2026-03-05 10:00")
    history.append(ev(EventKind.NUDGED, late, nudge_kind=NudgeKind.STILL_WORTH))
    assert plan_next_nudge(history, settings(), late) is None
    assert plan_next_nudge(history, settings(), late + timedelta(days=30)) is None


def test_a_late_48h_nudge_is_not_followed_at_once_by_the_still_worth_one() -> None:
    met = at("2026-03-02 10:00")
    nudged = at("2026-03-12 10:00")  # the coach was down: the 48 h nudge went out ten days late
    history = [ev(EventKind.MET, met), ev(EventKind.NUDGED, nudged, nudge_kind=NudgeKind.FOLLOW_UP_48H)]
    plan = plan_next_nudge(history, settings(), nudged)
    assert plan is not None and plan.due_at == at("2026-03-13 10:00")


# --- row 5: replied → check-ins; a reply stops the chain at once ----------------------------------------


def test_reply_stops_the_chain_and_starts_check_ins() -> None:
    met = at("2026-03-02 10:00")
    history = [ev(EventKind.MET, met), ev(EventKind.SENT, at("2026-03-03 10:00"))]
    replied = at("2026-03-05 14:00")
    history.append(ev(EventKind.REPLIED, replied))
    plan = plan_next_nudge(history, settings(), replied)
    assert plan is not None and plan.kind is NudgeKind.CHECK_IN
    assert plan.due_at == at("2026-06-03 14:00")  # 90 days later, same wall-clock time


def test_check_ins_repeat_from_each_delivery_and_respect_cadence() -> None:
    replied = at("2026-03-05 14:00")
    history = [ev(EventKind.MET, at("2026-03-02 10:00")), ev(EventKind.REPLIED, replied)]
    plan = plan_next_nudge(history, settings(checkin_days=30), replied)
    assert plan is not None and plan.due_at == at("2026-04-06 09:00")  # Apr 4 is a Saturday
    history.append(ev(EventKind.NUDGED, plan.due_at, nudge_kind=NudgeKind.CHECK_IN))
    again = plan_next_nudge(history, settings(checkin_days=30), plan.due_at)
    assert again is not None and again.kind is NudgeKind.CHECK_IN
    assert again.due_at == at("2026-05-06 09:00")


def test_contact_cadence_overrides_member_cadence() -> None:
    replied = at("2026-03-04 10:00")
    history = [ev(EventKind.MET, replied), ev(EventKind.REPLIED, replied)]
    plan = plan_next_nudge(history, settings(), replied, checkin_days=14)
    assert plan is not None and plan.due_at == at("2026-03-18 10:00")


def test_moved_on_gets_nothing() -> None:
    t = at("2026-03-02 10:00")
    history = [ev(EventKind.MET, t), ev(EventKind.MOVED_ON, t + timedelta(hours=1))]
    assert plan_next_nudge(history, settings(), t + timedelta(hours=1)) is None


def test_paused_member_gets_nothing() -> None:
    t = at("2026-03-02 10:00")
    assert plan_next_nudge([ev(EventKind.MET, t)], settings(paused=True), t) is None


def test_meeting_again_after_moving_on_starts_over() -> None:
    t = at("2026-03-02 10:00")
    history = [ev(EventKind.MET, t), ev(EventKind.MOVED_ON, t + timedelta(days=1))]
    again = t + timedelta(days=30)
    history.append(ev(EventKind.MET, again))
    plan = plan_next_nudge(history, settings(), again)
    assert plan is not None and plan.kind is NudgeKind.FOLLOW_UP_48H


def test_snooze_moves_the_nudge_to_after_the_snooze() -> None:
    met = at("2026-03-02 10:00")
    nudged = at("2026-03-03 10:00")
    snoozed = nudged + timedelta(minutes=5)
    history = [
        ev(EventKind.MET, met),
        ev(EventKind.NUDGED, nudged, nudge_kind=NudgeKind.FOLLOW_UP_48H),
        ev(EventKind.SNOOZED, snoozed, until=snoozed + timedelta(days=1)),
    ]
    plan = plan_next_nudge(history, settings(), snoozed)
    assert plan is not None and plan.kind is NudgeKind.FOLLOW_UP_48H
    assert plan.due_at == snoozed + timedelta(days=1)


# --- quiet hours, weekends, DST ---------------------------------------------------------------------------


def test_quiet_hours_and_weekends_push_to_next_working_morning() -> None:
    hours = WorkingHours(BERLIN)
    friday_night = at("2026-03-06 19:00", BERLIN)
    assert local(next_working_moment(friday_night, hours), BERLIN) == datetime(2026, 3, 9, 9, tzinfo=ZoneInfo(BERLIN))
    early = at("2026-03-04 06:00", BERLIN)
    assert local(next_working_moment(early, hours), BERLIN).hour == 9
    inside = at("2026-03-04 11:15", BERLIN)
    assert next_working_moment(inside, hours) == inside


def test_working_hours_may_end_at_midnight() -> None:
    hours = WorkingHours(BERLIN, start_hour=9, end_hour=24)
    met = at("2026-03-06 03:00")  # Friday, before hours: the window reaches only into the weekend evening
    due = first_follow_up_due(met, met, hours)
    assert met < due <= met + timedelta(hours=48) and 9 <= local(due, BERLIN).hour <= 23
    assert next_working_moment(at("2026-03-04 23:30", BERLIN), hours) == at("2026-03-04 23:30", BERLIN)


def test_half_hours_open_and_close_on_the_minute() -> None:
    hours = WorkingHours(BERLIN, start_hour=9, end_hour=17, start_minute=30, end_minute=30)  # 09:30–17:30
    assert not hours.contains(at("2026-03-04 09:29", BERLIN)) and hours.contains(at("2026-03-04 09:30", BERLIN))
    assert hours.contains(at("2026-03-04 17:29", BERLIN)) and not hours.contains(at("2026-03-04 17:30", BERLIN))
    assert local(next_working_moment(at("2026-03-04 09:10", BERLIN), hours), BERLIN).time() == time(9, 30)
    friday_evening = at("2026-03-06 17:45", BERLIN)  # after 17:30: Monday at 09:30
    assert local(next_working_moment(friday_evening, hours), BERLIN) == datetime(2026, 3, 9, 9, 30,
                                                                               tzinfo=ZoneInfo(BERLIN))
    met = at("2026-03-04 16:50", BERLIN)  # the first nudge: inside 09:30–17:30, never in the half-hours outside
    due = local(first_follow_up_due(met, met, hours), BERLIN)
    assert time(9, 30) <= due.time() < time(17, 30)


def test_custom_hours_and_days() -> None:
    hours = WorkingHours(NY, start_hour=7, end_hour=11, days=frozenset({5}))  # Saturdays 7-11 only
    due = next_working_moment(at("2026-03-04 12:00", NY), hours)
    assert local(due, NY) == datetime(2026, 3, 7, 7, tzinfo=ZoneInfo(NY))


@pytest.mark.parametrize(
    ("zone", "sent_local", "expected_local"),
    [
        # US spring forward: 8 March 2026; EU spring forward: 29 March 2026
        (NY, "2026-03-02 10:00", "2026-03-09 10:00"),
        (BERLIN, "2026-03-23 10:00", "2026-03-30 10:00"),
        # US fall back: 1 November 2026; EU fall back: 25 October 2026
        (NY, "2026-10-26 10:00", "2026-11-02 10:00"),
        (BERLIN, "2026-10-19 10:00", "2026-10-26 10:00"),
    ],
)
def test_week_later_nudge_keeps_local_time_across_dst(zone: str, sent_local: str, expected_local: str) -> None:
    sent = at(sent_local, zone)
    history = [ev(EventKind.MET, sent - timedelta(days=1)), ev(EventKind.SENT, sent)]
    plan = plan_next_nudge(history, settings(zone), sent)
    assert plan is not None
    assert local(plan.due_at, zone).replace(tzinfo=None) == datetime.fromisoformat(expected_local)
    assert plan.due_at - sent != timedelta(days=7)  # the UTC gap is 7 days ± 1 hour: the wall clock held


def test_first_nudge_across_the_spring_forward_night() -> None:
    met = at("2026-03-07 10:00", NY)  # Saturday; clocks jump at 2:00 on Sunday 8 March
    plan = plan_next_nudge([ev(EventKind.MET, met)], settings(NY), met)
    assert plan is not None
    assert plan.due_at <= met + timedelta(hours=48)
    assert 9 <= local(plan.due_at, NY).hour < 18
