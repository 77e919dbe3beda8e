"""`coach console` as a person runs it: a subprocess fed through a pipe, walking the whole ladder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

LADDER = """\
/coach settings tz Europe/Berlin
/met "Jane Doe" at PyCon -- talked about onboarding metrics #python
/met Bob Stone at the Rust meetup
/advance 2d
/coach sent "Jane Doe"
/coach replied "Bob Stone"
/advance 10d
/coach sent "Jane Doe"
/advance 10d
/coach sent "Jane Doe"
/advance 10d
/advance 30d
/advance 60d
/coach list
"""


def run_console(stdin: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adapters.entrypoints.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    return {**clean, "DATABASE_URL": f"sqlite:///{tmp_path}/console.db", "TZ": "UTC",
            "COACH_CONSOLE_START": "2026-03-04T15:00:00+00:00"}


def console(script: str, env: dict[str, str], *args: str) -> str:
    """`coach console` with `script` piped in: its output, after checking it ended well and said no traceback."""
    result = run_console(script, env, "console", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def nudge_titles(stdout: str) -> list[str]:
    return re.findall(r"── Nudge · [^─]+ ──\n(.+)", stdout)


def test_the_whole_ladder_then_silence_then_check_in(env: dict[str, str]) -> None:
    result = run_console(LADDER, env, "console")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    titles = nudge_titles(result.stdout)
    assert titles == [
        "Follow up with Jane Doe",
        "Follow up with Bob Stone",
        "A gentle follow-up for Jane Doe",
        "One last note to Jane Doe",
        "Time to move on from Jane Doe",
        "Check in with Bob Stone",
    ], result.stdout
    # every nudge names the commands that keep its state true
    assert '/coach sent "Jane Doe"' in result.stdout
    assert '/coach replied "Bob Stone"' in result.stdout
    # nudges arrive in working hours, Berlin time
    for hour in re.findall(r"── Nudge · \w{3} \d+ \w{3} (\d\d):\d\d ──", result.stdout):
        assert 9 <= int(hour) < 18


def test_restart_finds_everyone_again(env: dict[str, str]) -> None:
    first = run_console('/met "Jane Doe" at PyCon\n/met Bob\n/advance 2d\n', env, "console")
    assert first.returncode == 0, first.stderr
    second = run_console("/coach list\n", env, "console")
    assert second.returncode == 0, second.stderr
    assert "Jane Doe" in second.stdout and "Bob" in second.stdout
    assert "Follow up with" not in second.stdout  # already delivered before the restart: not again


def test_plain_coach_runs_the_console_without_tokens(env: dict[str, str]) -> None:
    result = run_console("/coach help\n", env)
    assert result.returncode == 0, result.stderr
    assert "/met <who>" in result.stdout


def test_default_store_lives_in_the_user_data_dir(env: dict[str, str], tmp_path: Path) -> None:
    del env["DATABASE_URL"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    assert run_console("/met Jane\n", env, "console").returncode == 0
    assert list((tmp_path / "data").rglob("coach.db"))
    again = run_console("/coach list\n", env, "console")
    assert "Jane" in again.stdout


def test_bad_input_never_shows_a_traceback(env: dict[str, str]) -> None:
    junk = "\n".join(["/met", "/coach fly", "/advance soon", "/advance 99999d", "/coach sent Nobody",
                      "hello?", "/review", "/met " + "x" * 5000, "\x00\x01\x02", "/coach settings tz ../../etc"])
    result = run_console(junk + "\n", env, "console")
    assert result.returncode == 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count("Usage:") >= 5
    assert "No contact named 'Nobody'" in result.stdout


def test_two_people_sharing_a_database_never_see_each_others_nudges(env: dict[str, str]) -> None:
    alice = run_console('/met "Jane Secret" at Acme -- private notes\n', {**env, "USER": "alice", "LOGNAME": "alice"},
                        "console")
    assert alice.returncode == 0, alice.stderr
    bob = run_console("/coach list\n/advance 3d\n", {**env, "USER": "bob", "LOGNAME": "bob"}, "console")
    assert "Jane Secret" not in bob.stdout and "private" not in bob.stdout
    alice_again = run_console("/advance 3d\n", {**env, "USER": "alice", "LOGNAME": "alice"}, "console")
    assert "Follow up with Jane Secret" in alice_again.stdout  # still hers, not used up by Bob


def test_an_unreachable_database_is_one_line(env: dict[str, str]) -> None:
    env["DATABASE_URL"] = "sqlite:////nonexistent-folder/coach.db"
    result = run_console("/coach help\n", env, "console")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in result.stderr


def test_input_that_is_not_utf8_is_read_as_text(env: dict[str, str]) -> None:
    script = b"/met Jos\xe9 at Caf\xe9 Central -- talked \xff\xfe metrics\n/coach list\n\xc3\x28\n/coach show Jos\xe9\n"
    result = subprocess.run([sys.executable, "-m", "adapters.entrypoints.cli", "console"], input=script,
                            capture_output=True, env=env, timeout=120, cwd=Path(__file__).resolve().parents[2])
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "Traceback" not in out + result.stderr.decode("utf-8", "replace")
    assert "Something went wrong" not in out
    assert "Noted: you met Jos\ufffd at Caf\ufffd Central." in out
    assert "• Jos\ufffd — met, no message yet" in out
    assert "Commands start with a slash" in out  # the undecodable line is answered like any other text
    assert "Notes: talked \ufffd\ufffd metrics" in out


def test_a_console_draft_is_never_signed_with_the_login(env: dict[str, str]) -> None:
    login = "zq_login_4417"
    script = '/met "Jane Doe" at coffee -- talked about onboarding metrics\n/coach draft "Jane Doe"\n'
    result = run_console(script, {**env, "USER": login, "LOGNAME": login}, "console")
    assert result.returncode == 0, result.stderr
    assert "Hi Jane," in result.stdout and "coffee today" in result.stdout
    assert "Draft: First message to Jane Doe (met today: within the 48 hours)" in result.stdout
    assert login not in result.stdout


def test_a_draft_without_enough_notes_asks_first_and_remembers_the_answer(env: dict[str, str]) -> None:
    """Ask rather than guess, in a piped script: the question with numbered choices, a number answers it,
    the answer is kept for the next stage; "Don't follow up" stops the ladder and undo takes it back."""
    script = ('/met "Bob Stone"\n/coach draft "Bob Stone"\n3\n/coach sent "Bob Stone"\n'
              '/advance 8d\n/coach draft "Bob Stone"\n'
              '/met Lucy at call -- vendor, too expensive, ruled out. dont chase\n/coach draft Lucy\n'
              '/coach purpose Lucy stop\n/coach draft Lucy\n/coach purpose Lucy undo\n/coach list\n'
              '/coach purpose Lucy "ask about their pricing"\n/coach help\n')
    result = run_console(script, env, "console")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    asked = out.index("What's this message to Bob Stone for?")
    assert "1. Send what you promised" in out[asked:] and "5. Don't follow up" in out[asked:]
    assert '→ 3. Thank them:' in out and '/coach purpose "Bob Stone" thank' in out
    thanked = out.index("Draft: First message to Bob Stone", asked)
    assert "Thanks so much" in out[thanked:thanked + 400]
    week = out.index("Draft: One-week follow-up to Bob Stone (you wrote last week, no reply yet)")
    assert "thanks again" in out[week:week + 400].lower()  # the answer holds for the later stage
    lucy = out.index("No message needed for Lucy yet.")  # "dont chase": rest, with the way to stop the reminders
    assert "ruled out" in out[lucy:lucy + 300] and "/coach purpose Lucy stop" in out[lucy:lucy + 600]
    assert "no more reminders about them" in out and "I won't draft another message to Lucy" in out
    assert "Undone: Lucy is back on your follow-up list." in out
    assert "Lucy — met, no message yet" in out
    assert "I wanted to ask about your pricing." in out
    assert '/coach purpose <who> send|ask|thank|share|stop|undo|"in your own words"' in out


def test_monday_brings_one_digest_with_its_chart_in_the_data_folder(env: dict[str, str], tmp_path: Path) -> None:
    script = ('/coach settings tz Europe/Berlin\n/met "Jane Doe" at PyCon -- onboarding metrics\n'
              '/met Bob Stone at the Rust meetup\n/coach sent "Jane Doe"\n/advance 7d\n/advance 7d\n'
              "/coach settings digest off\n/advance 7d\n/coach digest\n")
    result = run_console(script, env, "console")  # starts Wed 4 Mar 2026, 16:00 in Berlin
    assert result.returncode == 0, result.stderr
    digests = re.findall(r"── Digest · ([^─]+) ──\n(.+)\n(.+)", result.stdout)
    assert [(when, title) for when, title, _ in digests] == [("Mon 9 Mar 09:00", "Your week in networking"),
                                                            ("Mon 16 Mar 09:00", "Your week in networking")]
    assert all("week" in first for _, _, first in digests)
    assert '→ Draft for Bob Stone: /coach draft "Bob Stone"' in result.stdout
    charts = re.findall(r"Chart \(PNG, last 8 weeks\): (.+)", result.stdout)
    assert charts[:2] == [str(tmp_path / "coach-week-2026-03-09.png"), str(tmp_path / "coach-week-2026-03-16.png")]
    assert len(charts) == 3  # and /coach digest's, that week's file
    for path in map(Path, charts):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_mode & 0o777 == 0o600
