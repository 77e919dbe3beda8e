"""The conference day's pure parts: the grammar (/met of several people, /coach event, /coach note) and the
planner's spreading of one event's 48-hour nudges, on a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.commands import (
    EndEvent,
    Met,
    MetMany,
    Note,
    ShowEvent,
    StartEvent,
    UsageError,
    Who,
    parse_line,
    parse_people,
    resolve_day,
)
from bot.planner import SPREAD_PER_HOUR, SPREAD_STEP, crowd, spread_due, still_fits
from bot.rules import FIRST_NUDGE_DEADLINE, FIRST_NUDGE_EARLIEST, WorkingHours, first_follow_up_due

# --- the grammar -----------------------------------------------------------------------------------------


def test_several_people_share_the_place_notes_tags_interests_and_offer() -> None:
    command = parse_line('/met @ana <@U2|ben> "Chris Ode" at KubeCon -- talked about eBPF offer: our slides '
                         'interests: ebpf, rust #kubecon')
    assert isinstance(command, MetMany)
    assert command.people == (Who("ana"), Who("ben", "U2"), Who("Chris Ode"))
    assert (command.where, command.notes, command.offer) == ("KubeCon", "talked about eBPF", "our slides")
    assert (command.tags, command.interests) == (("kubecon",), ("ebpf", "rust"))
    assert [one.who.name for one in command.each()] == ["ana", "ben", "Chris Ode"]
    assert all(one.notes == "talked about eBPF" for one in command.each())


@pytest.mark.parametrize("line", ['/met @ana, @ben and "Chris Ode"', "/met @ana & @ben & 'Chris Ode'",
                                  '/met @ana @ben "Chris Ode" --'])
def test_people_may_be_separated_by_commas_and_and(line: str) -> None:
    command = parse_line(line)
    assert isinstance(command, MetMany) and [w.name for w in command.people] == ["ana", "ben", "Chris Ode"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("/met @jane at PyCon -- talked about onboarding metrics #python",
      Met(Who("jane"), "PyCon", "talked about onboarding metrics", ("python",))),
     ("/met <@U77|jane> at PyCon", Met(Who("jane", "U77"), "PyCon")),
     ('/met "Jane Doe" -- notes offer: a review interests: rust', Met(Who("Jane Doe"), None, "notes", (), ("rust",),
                                                                     "a review")),
     ("/met Jane Doe at PyCon", Met(Who("Jane Doe"), "PyCon")),
     ("/met jane", Met(Who("jane")))],
)
def test_every_one_person_met_reads_as_before(line: str, expected: Met) -> None:
    assert parse_line(line) == expected


def test_the_same_person_twice_is_one_and_bare_words_still_name_one_person() -> None:
    twice = parse_line("/met @ana @ANA <@U2|ben> <@U2|Ben B>")
    assert isinstance(twice, MetMany) and [w.name for w in twice.people] == ["ana", "ben"]
    with pytest.raises(UsageError, match="put the place after 'at'"):
        parse_line("/met @ana and bob")  # as before: a bare word after a mention is not a person


def test_at_most_thirty_people_in_one_met() -> None:
    assert len(parse_line("/met " + " ".join(f"@p{i}" for i in range(30))).people) == 30  # type: ignore[union-attr]
    with pytest.raises(UsageError, match="Up to 30 people"):
        parse_line("/met " + " ".join(f"@p{i}" for i in range(31)))


def test_people_from_an_option() -> None:
    assert parse_people('<@123>, "Chris Ode", Ben Lee') == (Who("123", "123"), Who("Chris Ode"), Who("Ben Lee"))
    assert parse_people("") == ()


@pytest.mark.parametrize(
    ("line", "expected"),
    [('/coach event "KubeCon EU" until fri', StartEvent("KubeCon EU", "fri")),
     ("/coach event KubeCon EU until 2026-12-11", StartEvent("KubeCon EU", "2026-12-11")),
     ("/coach event PyCon Italia", StartEvent("PyCon Italia")),
     ("/coach event end", EndEvent()), ("/coach event", ShowEvent())],
)
def test_event_grammar(line: str, expected: object) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [("/coach event until fri", "Name the event"), ('/coach event "" until fri', "Name the event"),
     ('/coach event "KubeCon" until someday', "can't read 'someday' as a day"),
     ('/coach event "KubeCon" until 2026-02-30', "can't read '2026-02-30' as a day"),
     ('/coach event "KubeCon" on fri', "put the last day after 'until'"),
     ('/coach event "KubeCon" until', "put the last day after 'until'")],
)
def test_bad_events_get_usage_with_an_example(line: str, problem: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_line(line)
    assert problem in caught.value.text
    assert 'Example: /coach event "KubeCon EU" until fri' in caught.value.text


def test_a_last_day_is_seen_from_the_members_today() -> None:
    tuesday = date(2026, 12, 8)
    assert resolve_day("fri", tuesday) == date(2026, 12, 11)
    assert resolve_day("tue", tuesday) == tuesday  # today is that day
    assert resolve_day("mon", tuesday) == date(2026, 12, 14)
    assert resolve_day(None, tuesday) == resolve_day("today", tuesday) == tuesday
    assert resolve_day("tomorrow", tuesday) == date(2026, 12, 9)
    with pytest.raises(UsageError, match="2026-12-07 has passed"):
        resolve_day("2026-12-07", tuesday)
    with pytest.raises(UsageError, match="at most 14 days"):
        resolve_day("2027-01-30", tuesday)


def test_note_grammar() -> None:
    assert parse_line('/coach note "Chris Ode" -- wants the slides') == Note(Who("Chris Ode"), "wants the slides")
    assert parse_line("/coach note Chris Ode -- wants the slides") == Note(Who("Chris Ode"), "wants the slides")
    assert parse_line("/coach note @ana wants the slides") == Note(Who("ana"), "wants the slides")
    with pytest.raises(UsageError, match="What should I note"):
        parse_line("/coach note ana")


# --- spreading one event's 48-hour nudges ----------------------------------------------------------------

HOURS = WorkingHours("Europe/Berlin")
TUESDAY_EVENING = datetime(2026, 3, 3, 17, 30, tzinfo=UTC)  # 18:30 in Berlin: after a conference day


def spread_all(met: list[datetime], now: datetime, hours: WorkingHours = HOURS) -> list[datetime]:
    """What the planner does for one event's contacts, earliest met first."""
    taken: list[datetime] = []
    for met_at in sorted(met):
        preferred = first_follow_up_due(met_at, now, hours)
        earliest = max(met_at + FIRST_NUDGE_EARLIEST, now)
        taken.append(spread_due(preferred, earliest, met_at + FIRST_NUDGE_DEADLINE, taken, hours))
    return taken


def at_most_three_an_hour(dues: list[datetime]) -> bool:
    return all(sum(1 for other in dues if start <= other < start + SPREAD_STEP) <= SPREAD_PER_HOUR
               for start in dues)


def test_eight_people_typed_in_one_evening_are_three_an_hour_not_a_burst() -> None:
    met = [TUESDAY_EVENING] * 8
    alone = first_follow_up_due(TUESDAY_EVENING, TUESDAY_EVENING, HOURS)
    assert alone == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)  # without spreading: all eight Thu 09:00 Berlin
    dues = spread_all(met, TUESDAY_EVENING)
    berlin = [d.astimezone(HOURS.zone).strftime("%a %H:%M") for d in dues]
    assert berlin == ["Thu 09:00"] * 3 + ["Thu 10:00"] * 3 + ["Thu 11:00"] * 2
    assert all(d <= TUESDAY_EVENING + FIRST_NUDGE_DEADLINE for d in dues)


def test_a_day_of_meetings_keeps_each_rule_and_the_earliest_met_goes_first() -> None:
    start = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)  # Tue 09:00 Berlin
    met = [start + timedelta(minutes=20 * i) for i in range(30)]
    dues = spread_all(met, start)
    for met_at, due in zip(sorted(met), dues, strict=True):
        assert met_at + FIRST_NUDGE_EARLIEST <= due <= met_at + FIRST_NUDGE_DEADLINE  # the 48 h rule, each
        assert HOURS.contains(due)
    assert at_most_three_an_hour(dues)
    assert dues[0] == min(dues)


def test_thirty_at_once_fill_the_window_and_the_48_hour_mark_still_wins() -> None:
    dues = spread_all([TUESDAY_EVENING] * 30, TUESDAY_EVENING)
    deadline = TUESDAY_EVENING + FIRST_NUDGE_DEADLINE
    assert all(TUESDAY_EVENING + FIRST_NUDGE_EARLIEST <= d <= deadline for d in dues)
    days = {d.astimezone(HOURS.zone).strftime("%a") for d in dues}
    assert days == {"Wed", "Thu"}  # across the next working day or two
    assert max(crowd(d, [o for o in dues if o is not d]) for d in dues) < SPREAD_PER_HOUR


def test_a_friday_evening_event_keeps_the_weekend_rule() -> None:
    friday = datetime(2026, 3, 6, 18, 0, tzinfo=UTC)  # 19:00 Berlin
    dues = spread_all([friday] * 5, friday)
    assert all(d <= friday + FIRST_NUDGE_DEADLINE and HOURS.contains(d, any_day=True) for d in dues)
    assert at_most_three_an_hour(dues)


def test_across_a_dst_change_slots_stay_on_the_hour_in_the_members_time() -> None:
    saturday = datetime(2026, 10, 24, 8, 0, tzinfo=UTC)  # 10:00 CEST; clocks go back on Sunday 25 Oct
    hours = WorkingHours("Europe/Berlin", days=frozenset(range(7)))  # a weekend conference: every day works
    dues = spread_all([saturday] * 7, saturday, hours)
    local = [d.astimezone(hours.zone).strftime("%a %H:%M %Z") for d in dues]
    assert local == ["Sun 09:00 CET"] * 3 + ["Sun 10:00 CET"] * 3 + ["Sun 11:00 CET"]
    assert all(d <= saturday + FIRST_NUDGE_DEADLINE for d in dues)


def test_a_planned_slot_stays_while_it_still_fits() -> None:
    due = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    met_at = TUESDAY_EVENING
    earliest, deadline = met_at + FIRST_NUDGE_EARLIEST, met_at + FIRST_NUDGE_DEADLINE
    assert still_fits(due, due, earliest, deadline, [due, due], HOURS)
    assert not still_fits(due, due, earliest, deadline, [due, due, due], HOURS)  # the hour is full
    assert not still_fits(deadline + timedelta(minutes=1), due, earliest, deadline, [], HOURS)
