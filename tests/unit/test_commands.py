"""The one grammar every adapter uses (DESIGN §4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.coach import ambiguous_text
from bot.commands import (
    ChangeSettings,
    Draft,
    Export,
    Forget,
    Help,
    Link,
    ListContacts,
    Merge,
    Met,
    MoveOn,
    Replied,
    Review,
    Sent,
    Show,
    Snooze,
    Stage,
    UndoMet,
    Unlink,
    UsageError,
    Who,
    parse,
    parse_duration,
    parse_line,
)
from bot.limits import MAX_TEXT
from bot.store.repository import AmbiguousContact


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/met @jane at PyCon -- talked about onboarding",
         Met(Who("jane"), where="PyCon", notes="talked about onboarding")),
        ("/met <@U123|jane> at PyCon", Met(Who("jane", "U123"), where="PyCon")),
        ("/met <@U123>", Met(Who("U123", "U123"))),
        ("/met <@!4242> at the meetup", Met(Who("4242", "4242"), where="the meetup")),
        ('/met "Jane Doe" at PyCon Berlin', Met(Who("Jane Doe"), where="PyCon Berlin")),
        ("/met Jane Doe at PyCon -- onboarding #python #Conf",
         Met(Who("Jane Doe"), where="PyCon", notes="onboarding", tags=("python", "conf"))),
        ("/met Jane Doe", Met(Who("Jane Doe"))),
        ("/met Jane -- coffee chat", Met(Who("Jane"), notes="coffee chat")),
        ("/met   José   María   at  Café", Met(Who("José María"), where="Café")),
        ("/met @jane at PyCon -- talked onboarding offer: our survey template interests: rust, climbing",
         Met(Who("jane"), where="PyCon", notes="talked onboarding", interests=("rust", "climbing"),
             offer="our survey template")),
        ("/met @jane at PyCon Interests: C#; go offer: a PR review -- talked CI #dev",
         Met(Who("jane"), where="PyCon", notes="talked CI", tags=("dev",), interests=("C#", "go"),
             offer="a PR review")),
        ("/met Jane -- offer: an intro to Sam", Met(Who("Jane"), offer="an intro to Sam")),
        ('/met "Ann offer: x"', Met(Who("Ann offer: x"))),
    ],
)
def test_met(line: str, expected: Met) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('/coach sent "Jane Doe"', Sent(Who("Jane Doe"))),
        ("/coach replied @jane", Replied(Who("jane"))),
        ("/coach moveon Jane Doe", MoveOn(Who("Jane Doe"))),
        ("/coach move-on Jane", MoveOn(Who("Jane"))),
        ("/coach show <@U1|jane>", Show(Who("jane", "U1"))),
        ("/coach draft Jane", Draft(Who("Jane"))),
        ("/coach forget Jane", Forget(Who("Jane"))),
        ("/coach snooze Jane Doe", Snooze(Who("Jane Doe"), timedelta(days=1))),
        ("/coach snooze Jane Doe 3d", Snooze(Who("Jane Doe"), timedelta(days=3))),
        ("/coach snooze Jane 36h", Snooze(Who("Jane"), timedelta(hours=36))),
        ("/coach list", ListContacts()),
        ("/coach list waiting", ListContacts(stage=Stage.WAITING)),
        ("/coach list in-touch", ListContacts(stage=Stage.IN_TOUCH)),
        ("/coach list #Python", ListContacts(tag="python")),
        ("/coach settings", ChangeSettings()),
        ("/coach settings tz America/New_York", ChangeSettings("tz", "America/New_York")),
        ("/coach settings hours 8-16", ChangeSettings("hours", (8 * 60, 16 * 60))),
        ("/coach settings checkins 60", ChangeSettings("checkins", 60)),
        ("/coach settings pause", ChangeSettings("pause")),
        ("/coach settings resume", ChangeSettings("resume")),
        ("/coach export", Export()),
        ("/coach help", Help()),
        ("/coach", Help()),
    ],
)
def test_coach_verbs(line: str, expected: object) -> None:
    assert parse_line(line) == expected


def test_review_with_and_without_a_contact() -> None:
    assert parse_line("/review Hi Jane, lovely to meet you") == Review("Hi Jane, lovely to meet you", lead="Hi")
    assert parse_line("/review Jane, lovely to meet you") == Review("Jane, lovely to meet you")  # a greeting
    assert parse_line("/review siobhan Hi Sarah") == Review("siobhan Hi Sarah", lead="siobhan")  # maybe a name
    assert parse_line("/review @jane Hi Jane!") == Review("Hi Jane!", Who("jane"))
    assert parse_line('/review "Jane Doe" Hi Jane!') == Review("Hi Jane!", Who("Jane Doe"))
    assert parse("/review", "<@U9|jane> Hi there") == Review("Hi there", Who("jane", "U9"))


def test_slack_style_command_and_text_split() -> None:
    assert parse("/met", "<@U123|jane> at PyCon") == Met(Who("jane", "U123"), where="PyCon")
    assert parse("coach", "sent jane") == Sent(Who("jane"))


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/met", "Tell me who you met"),
        ("/met at PyCon", "Tell me who you met"),
        ("/met -- notes only", "Tell me who you met"),
        ("/met !!!", "doesn't look like a name"),
        ("/coach sent", "Tell me who"),
        ("/coach sent jane bob extra", None),
        ("/coach fly", "/coach help"),
        ("/launch", "/coach help"),
        ("/coach list purple", "neither a stage nor a #tag"),
        ("/coach settings hours 18-9", "start before the end"),
        ("/coach settings hours nine", "Give working hours as start-end"),
        ("/coach settings hours 9:75-17", "9:75 isn't a time of day"),
        ("/coach settings hours 13pm-5pm", "13pm isn't a time on a 12-hour clock"),
        ("/coach settings hours 18:30-10:00", "start before the end"),
        ("/coach settings checkins often", "in days"),
        ("/coach settings checkins ²", "in days"),
        ("/met Ann at", "Put the place after 'at'"),
        ("/coach settings colour blue", "no setting"),
        ("/coach snooze jane 200d", "200 days is too long"),
        ("/coach snooze Priya 5 years", "'5 years' isn't a snooze I can set"),
        ("/coach snooze Priya 2 months", "from 1 hour to 90 days"),
        ("/review", "Paste the draft"),
        ("/met offer: a template", "Tell me who you met"),
        ("/met jane offer:", "Put something after 'offer:'"),
        ("/met jane offer: a offer: b", "only once"),
        ("/met jane interests: , ;", "separated by commas"),
        ("/met jane interests: " + ", ".join(f"i{n}" for n in range(11)), "Up to 10 short interests"),
        ("/met jane offer: " + "x" * 301, "under 300 characters"),
        ("", "/coach help"),
    ],
)
def test_bad_commands_get_usage_and_an_example(line: str, says: str | None) -> None:
    if says is None:  # bare words are a name: "jane bob extra" is one name, which is fine
        assert isinstance(parse_line(line), Sent)
        return
    with pytest.raises(UsageError) as problem:
        parse_line(line)
    assert says in problem.value.text
    assert "Example:" in problem.value.text or "/coach help" in problem.value.text


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(UsageError, match="at most 4,000"):
        parse_line("/review " + "a" * MAX_TEXT)


def test_names_over_the_limit_are_refused() -> None:
    with pytest.raises(UsageError, match="at most 120"):
        parse_line("/met " + "x" * 200)


def test_durations() -> None:
    assert parse_duration("36h") == timedelta(hours=36)
    assert parse_duration("2d") == timedelta(days=2)
    assert parse_duration("10d") == timedelta(days=10)
    assert parse_duration("1w") == timedelta(weeks=1)
    assert parse_duration("2 days") == timedelta(days=2)
    for bad in ("", "d", "-1d", "1y", "5 years"):
        with pytest.raises(ValueError):
            parse_duration(bad)


@pytest.mark.parametrize("name", ["Siobhán O'Neill", "O'Neill", 'Jane "JD" Doe', "José Ruiz", "raj_patel", "Ana"])
def test_a_hint_the_coach_prints_reads_back_as_the_same_name(name: str) -> None:
    from bot.nudges import quoted

    for line in (f"/coach sent {quoted(name)}", f"/coach snooze {quoted(name)} 36h", f"/met {quoted(name)} at PyCon"):
        command = parse_line(line)
        assert command.who.name == name, line  # type: ignore[union-attr]


def test_quoted_names_keep_their_apostrophes() -> None:
    met = parse_line("/met \"Siobhán O'Neill\" at DevOpsDays -- talked about SRE")
    assert isinstance(met, Met) and (met.who.name, met.where) == ("Siobhán O'Neill", "DevOpsDays")
    single = parse_line("/coach show 'Siobhán O'Neill'")
    assert single.who.name == "Siobhán O'Neill"  # type: ignore[union-attr]
    assert parse_line("/coach forget \"Siobhán O'Neill\" confirm") == Forget(Who("Siobhán O'Neill"), confirmed=True)


def test_the_vocabulary_holds_the_stages_and_loads_no_orm() -> None:
    """Issue 24 (19): Stage belongs to the vocabulary adapters speak; the grammar loads no SQLAlchemy."""
    import subprocess
    import sys

    probe = ("import sys, bot.commands as c; print(c.Stage.WAITING.value, 'sqlalchemy' in sys.modules, "
             "'bot.models' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split() == ["waiting", "False", "False"]
    from bot.models import Stage as Stored

    assert Stored is Stage and Stage.__module__ == "bot.stages"


@pytest.mark.parametrize(("line", "expected"), [
    ("/coach link", Link()),
    ("/coach link K7QM2-XW9PD", Link(code="K7QM2-XW9PD")),
    ("/coach link k7qm2 xw9pd", Link(code="k7qm2xw9pd")),
    ("/coach link allow", Link(answer="allow")),
    ("/coach link Deny", Link(answer="deny")),
    ("/coach unlink", Unlink()),
    ("/coach unlink confirm", Unlink(confirmed=True)),
    ('/coach merge "Jane Doe" "Jane Doe (2)"', Merge(Who("Jane Doe"), Who("Jane Doe (2)"))),
    ("/coach merge jane Jane Doe", Merge(Who("jane"), Who("Jane Doe"))),
    ("/coach settings deliver Discord", ChangeSettings(key="deliver", value="discord")),
    ("/coach settings deliver auto", ChangeSettings(key="deliver", value="auto")),
])
def test_linking_commands(line: str, expected: object) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(("line", "says"), [
    ("/coach link nope", "A link code looks like ABCDE-FGHJK."),
    ("/coach link K7QM2-XW9PD-EXTRA", "A link code looks like"),
    ("/coach unlink now", "I didn't expect 'now' there."),
    ("/coach merge", "Tell me who."),
    ("/coach merge jane", "Tell me who."),
    ("/coach settings deliver telegram", "Say where nudges and the digest go"),
])
def test_bad_linking_commands_get_usage(line: str, says: str) -> None:
    with pytest.raises(UsageError) as refused:
        parse_line(line)
    assert says in refused.value.text and "Usage:" in refused.value.text


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("9am-5pm", (9 * 60, 17 * 60)),
        ("10:00-18:30", (10 * 60, 18 * 60 + 30)),
        ("9:30am-6pm", (9 * 60 + 30, 18 * 60)),
        ("9.30 to 17.45", (9 * 60 + 30, 17 * 60 + 45)),
        ("8:15am-5", (8 * 60 + 15, 17 * 60)),  # "5" after a morning start reads as 5 pm
        ("12pm-12am", (12 * 60, 24 * 60)),  # noon to midnight
        ("22:30-00:00", (22 * 60 + 30, 24 * 60)),
        ("09:00-18:00", (9 * 60, 18 * 60)),
    ],
)
def test_working_hours_to_the_minute_and_on_a_12_hour_clock(text: str, minutes: tuple[int, int]) -> None:
    assert parse_line(f"/coach settings hours {text}") == ChangeSettings("hours", minutes)


def test_undo_names_the_contact_whose_meeting_it_takes_back() -> None:
    assert parse_line("/coach undo siobhan") == UndoMet(Who("siobhan"))
    assert parse_line('/coach undo "Siobhán O\'Neill"') == UndoMet(Who("Siobhán O'Neill"))
    with pytest.raises(UsageError, match="Tell me who"):
        parse_line("/coach undo")


def test_several_contacts_for_a_met_list_the_whole_met_again_for_each_and_for_someone_new() -> None:
    met = parse_line("/met jane at RustConf -- Rust in prod offer: our survey interests: rust, wasm #rust")
    assert isinstance(met, Met)
    text = ambiguous_text(AmbiguousContact("jane", ["Jane Doe", "Jane Roe"], ["met at PyCon", ""]), met)
    tail = "at RustConf -- Rust in prod offer: our survey interests: rust, wasm #rust"
    assert text.splitlines() == ["More than one contact matches 'jane':", "• Jane Doe — met at PyCon",
                                 f'    /met "Jane Doe" {tail}', "• Jane Roe", f'    /met "Jane Roe" {tail}',
                                 f'Someone new? /met "<their full name>" {tail}']
    assert parse_line(f'/met "Jane Doe" {tail}') == replace(met, who=Who("Jane Doe"))  # it reads back the same
