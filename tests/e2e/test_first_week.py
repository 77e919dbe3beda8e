"""Issue 13, "the first week as a member": one piped, deterministic console script per friction, run as a
person runs it (`coach console < script`), each asserting what the member reads."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.test_console import console, nudge_titles


def test_an_ignored_48h_nudge_gets_one_still_worth_writing_nudge_then_shows_as_not_written(env) -> None:
    out = console('/met "Jane Doe" at PyCon\n/advance 2d\n/advance 30d\n/coach list\n/coach show Jane\n', env)
    assert nudge_titles(out) == ["Follow up with Jane Doe", "Still worth writing to Jane Doe"]
    assert "only reminder about it" in out
    assert "• Jane Doe — met, not written to yet" in out
    assert "No more reminders: I've reminded you twice" in out


def test_names_match_by_first_name_handle_prefix_case_and_accents_and_several_are_listed(env) -> None:
    script = ("/met @raj_patel at PyCon\n/met Jane Doe at KubeCon\n/met José Ruiz at the Rust meetup\n"
              "/coach show raj\n/coach show JOSE\n/coach show J\n/coach show jos\n")
    out = console(script, env)
    assert "raj_patel — met, no message yet" in out
    assert "José Ruiz — met, no message yet" in out
    assert "More than one contact matches 'J':" in out
    assert "• Jane Doe — met at KubeCon on Mon 2 Mar 2026" in out and "• José Ruiz — met at the Rust meetup" in out
    assert "No contact named" not in out


def test_a_quoted_name_with_an_apostrophe_and_the_hints_that_print_it(env) -> None:
    script = "/met \"Siobhán O'Neill\" at DevOpsDays\n/advance 2d\n/coach sent \"Siobhán O'Neill\"\n" \
             "/coach show 'Siobhán O'Neill'\n"
    out = console(script, env)
    assert "Noted: you met Siobhán O'Neill at DevOpsDays." in out
    assert "/coach sent \"Siobhán O'Neill\"" in out  # the nudge's hint, typed back as printed
    assert "Got it: your first message to Siobhán O'Neill is sent." in out
    assert "Siobhán O'Neill — first message sent" in out
    assert "didn't expect" not in out


def test_a_bad_duration_says_what_is_allowed_and_snooze_reads_one_way(env) -> None:
    out = console("/met Priya at PyCon\n/coach snooze Priya 5 years\n/coach snooze Priya 2 days\n/coach help\n", env)
    assert "'5 years' isn't a snooze I can set. A snooze runs from 1 hour to 90 days" in out
    assert "Usage: /coach snooze <who> [1d|36h|1w|tomorrow|monday|next week]" in out
    assert "No contact named 'Priya 5 years'" not in out
    assert "Snoozed Priya for 2 days." in out
    assert "/coach snooze <who> [1d|36h|1w|tomorrow|monday|next week]" in out.split("Connection Coach\n", 1)[1]


def test_meeting_again_keeps_each_meeting_and_the_export_has_them_all(env) -> None:
    out = console("/met Jane at DevOpsDays\n/advance 1d\n/met Jane at KubeCon\n/coach show Jane\n/coach export\n", env)
    assert "First met: Mon 2 Mar 2026 at DevOpsDays" in out
    assert "Last met: Tue 3 Mar 2026 at KubeCon (2 meetings)" in out
    folder = Path(env["DATABASE_URL"].removeprefix("sqlite:///")).parent  # the export is written beside it
    document = json.loads((folder / "coach-export.json").read_text())
    assert [m["where"] for m in document["contacts"][0]["meetings"]] == ["DevOpsDays", "KubeCon"]
    assert "DevOpsDays" in (folder / "coach-contacts.csv").read_text()


def test_forget_asks_first_and_a_refused_draft_reads_as_a_sentence(env) -> None:
    script = ("/met Jane Doe at PyCon\n/coach forget Jane\n/coach list\n/coach forget \"Jane Doe\" confirm\n"
              "/coach list\n/met Bob\n/coach sent Bob\n/coach sent Bob\n/coach sent Bob\n/coach draft Bob\n")
    out = console(script, env)
    assert "Forget Jane Doe?" in out and '→ Yes, forget Jane Doe: /coach forget "Jane Doe" confirm' in out
    assert "Your contacts (1):\n• Jane Doe" in out  # still there after the question
    assert "Forgot Jane Doe" in out and "No contacts yet" in out
    assert ("I won't draft another message to Bob: you've sent them three messages without a reply, and a fourth "
            "would push too hard.") in out
    assert "you've last message sent" not in out


def test_piped_advance_is_unchanged_and_a_terminal_gets_the_demo_instead(env, sqlite_sessions, tmp_path) -> None:
    out = console('/met "Jane Doe" at PyCon\n/advance 2d\n', env)
    assert "Follow up with Jane Doe" in out and "(time is now Wed 4 Mar 15:00)" in out

    from datetime import UTC, datetime

    from adapters.console.app import LIVE_ADVANCE, ConsoleSession
    from bot.clock import FakeClock
    from tests.integration.test_console_live import WatchedOutput

    real = FakeClock(datetime(2026, 11, 26, 10, tzinfo=UTC))
    read_end, write_end = os.pipe()
    os.write(write_end, b"/met Jane at PyCon\n/advance 300d\n/quit\n")
    os.close(write_end)
    out_live = WatchedOutput()
    live = ConsoleSession(sqlite_sessions, out_live, user="ana", timezone="UTC", live=True, real_clock=real,
                          start=real.now(), tick_seconds=0.01, data_dir=tmp_path)
    with os.fdopen(read_end, "r") as lines:
        assert live.run(lines, interactive=True) == 0
    assert LIVE_ADVANCE in out_live.getvalue() and "coach console --demo" in out_live.getvalue()
    assert live.clock.now() == real.now()  # the member's timeline did not move

    # a terminal opened after a script advanced the same database still lives in real time
    piped = ConsoleSession(sqlite_sessions, WatchedOutput(), user="ana", timezone="UTC", start=real.now(),
                           data_dir=tmp_path)
    piped.run(io.StringIO("/met Later at PyCon\n/advance 300d\n/met Someone\n"))
    assert piped.clock.now() > real.now()
    again = ConsoleSession(sqlite_sessions, WatchedOutput(), user="ana", timezone="UTC", live=True, real_clock=real,
                           data_dir=tmp_path)
    assert again.clock.now() == real.now()


def test_the_demo_is_a_throwaway_database(env) -> None:
    console('/met "Jane Doe" at PyCon\n', env)
    demo = console("/coach list\n/met Demo Person\n/advance 2d\n", env, "--demo")
    assert "Demo: a throwaway database" in demo and "Jane Doe" not in demo and "Follow up with Demo Person" in demo
    mine = console("/coach list\n", env)
    assert "Jane Doe" in mine and "Demo Person" not in mine


def test_timezone_city_names_near_misses_and_far_dates_show_the_year(env) -> None:
    script = ("/coach settings tz berlin\n/coach settings tz berln\n/met Bob\n/coach replied Bob\n"
              "/coach settings checkins 365\n/coach list\n")
    out = console(script, env)
    assert "Timezone set to Europe/Berlin (from 'berlin')." in out
    assert "I don't know the timezone 'berln'. Did you mean Europe/Berlin?" in out
    assert "Example: /coach settings tz Europe/Berlin" in out
    assert re.search(r"next nudge \w{3} \d+ \w{3} 2027 \d\d:\d\d", out), out


def test_console_help_words_and_the_help_option(env) -> None:
    out = console("help\n/coach help\nexit\n/met never read\n", env)
    assert out.count("/advance <duration>") == 2 and "/quit, /exit" in out
    assert "Commands start with a slash" not in out and "never read" not in out
    result = subprocess.run([sys.executable, "-m", "adapters.entrypoints.cli", "console", "--help"],
                            capture_output=True, text=True, env=env, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0
    for words in ("--demo", "/advance", "/quit", "COACH_CONSOLE_START", "DATABASE_URL", "coach console < script.txt"):
        assert words in result.stdout, words
