"""Issue 24, "the coach as a person actually types": one piped, deterministic console script per item
(`coach console < script`), each asserting what the member reads."""

from __future__ import annotations

import io
import json
import stat

from tests.e2e.test_console import console


def test_met_with_a_first_name_logs_another_meeting_on_the_contact(env) -> None:
    script = ("/met \"Siobhán O'Neill\" at DevOpsDays\n/met siobhan at KubeCon\n/coach list\n"
              "/coach show siobhan\n/met Siobhan Murphy at PyCon\n/met Jo at PyCon\n/coach list\n")
    out = console(script, env)
    assert "You've met Siobhán O'Neill before — logged another meeting at KubeCon." in out
    assert '  → Undo: /coach undo "Siobhán O\'Neill"' in out
    assert "Someone else? /met with their full name records a new contact." in out
    assert "Your contacts (1):" in out  # no "siobhan" stub beside her
    assert "Last met: Mon 2 Mar 2026 at KubeCon (2 meetings)" in out
    assert "Noted: you met Siobhan Murphy at PyCon." in out  # a clearly new person
    assert "Noted: you met Jo at PyCon." in out
    assert "Your contacts (3):" in out


def test_met_with_a_first_name_two_contacts_share_lists_them(env) -> None:
    out = console("/met Jane Doe at PyCon\n/met Jane Roe at KubeCon\n/met jane at RustConf -- Rust in prod #rust\n"
                  "/coach list\n", env)
    assert ("More than one contact matches 'jane':\n"
            "• Jane Doe — met at PyCon on Mon 2 Mar 2026\n"
            '    /met "Jane Doe" at RustConf -- Rust in prod #rust\n'
            "• Jane Roe — met at KubeCon on Mon 2 Mar 2026\n"
            '    /met "Jane Roe" at RustConf -- Rust in prod #rust\n'
            'Someone new? /met "<their full name>" at RustConf -- Rust in prod #rust') in out
    assert "Your contacts (2):" in out


def test_another_meeting_by_mistake_is_undone_exactly(env) -> None:
    """Undo takes the meeting back: the contact reads exactly as before it (notes, tags, history, reminder);
    a second undo, or one after more happened, changes nothing."""
    before = ("/met \"Siobhán O'Neill\" at DevOpsDays -- likes Go #sre\n/coach sent siobhan\n/advance 2d\n"
              "/coach show siobhan\n")
    out = console(before + "/met siobhan at KubeCon -- wants the eBPF slides #kube\n/coach show siobhan\n"
                  "/coach undo siobhan\n/coach show siobhan\n/coach undo siobhan\n"
                  "/met siobhan at RustConf\n/coach sent siobhan\n/coach undo siobhan\n", env)
    shows = [part.split("\n\n", 1)[0] for part in out.split("Siobhán O'Neill — ")[1:]]
    assert len(shows) == 3
    assert "wants the eBPF slides" in shows[1] and "2 meetings" in shows[1] and "#kube" in shows[1]
    assert shows[2] == shows[0]  # as before: the ladder (waiting), notes, tags, history and reminder
    assert "first message sent, waiting for a reply" in shows[0] and "I'll check back" in shows[0]
    assert "Undone: the meeting at KubeCon is off Siobhán O'Neill's history" in out
    assert "There's no repeat meeting with Siobhán O'Neill to undo" in out
    assert "Too late to undo that meeting with Siobhán O'Neill: you've done more with them since." in out


def test_review_with_a_first_name_checks_the_draft_against_that_contact(env) -> None:
    draft = "Hi Sarah, great to meet you at DevOpsDays. Would you be up for a short call next week?"
    script = (f"/met \"Siobhán O'Neill\" at DevOpsDays\n/review siobhan {draft}\n"
              f"/review \"Siobhán O'Neill\" {draft}\n/review Hi there, {draft}\n")
    out = console(script, env)
    reviews = out.split("Draft review\n")[1:]
    assert len(reviews) == 3
    assert "Sarah" in reviews[0] and reviews[0] == reviews[1]  # a first name binds as the quoted name does
    assert "100/100" not in reviews[0]


def test_the_several_matches_hint_repeats_the_command_that_was_typed(env) -> None:
    script = ("/met Jane Doe at PyCon\n/met Jane Roe at KubeCon\n/coach sent jane\n/coach snooze jane 2d\n"
              "/coach forget jane\n/coach show jane\n")
    out = console(script, env)
    assert 'Say which one, e.g. /coach sent "Jane Doe"' in out
    assert 'Say which one, e.g. /coach snooze "Jane Doe" 2d' in out
    assert 'Say which one, e.g. /coach forget "Jane Doe"' in out
    assert 'Say which one, e.g. /coach show "Jane Doe"' in out


def test_typos_get_the_nearest_command(env) -> None:
    out = console("/coach snoze jose 1d\n/meet Jane\n/coach lsit\n/list\n", env)
    assert "I don't know '/coach snoze'. Did you mean /coach snooze?" in out
    assert "I don't know the command /meet. Did you mean /met?" in out
    assert "I don't know '/coach lsit'. Did you mean /coach list?" in out
    assert "I don't know the command /list. Did you mean /coach list?" in out


def test_snooze_until_a_day_and_the_range_said_once(env) -> None:  # 2 Mar 2026 15:00 is a Monday
    script = ("/met Jose Ruiz\n/coach snooze jose tomorrow\n/coach snooze jose friday\n/coach snooze jose next week\n"
              "/coach snooze jose monday\n/coach snooze jose 0h\n")
    out = console(script, env)
    assert "Snoozed Jose Ruiz until Tue 3 Mar 09:00." in out
    assert "Snoozed Jose Ruiz until Fri 6 Mar 09:00." in out
    assert out.count("Snoozed Jose Ruiz until Mon 9 Mar 09:00.") == 2
    assert "No contact named" not in out
    refusal = out.split("'0h' is too short.", 1)[1]
    assert refusal.count("90 days") == 1 and "0 minutes" not in out


def test_yes_and_no_answer_the_question_and_bare_words_are_commands(env) -> None:
    script = ("/met Mei Lin\n/met Bob\nforget mei\nyes\nlist\ncoach forget bob\nno\ncoach list\nyes\n"
              "show bob\nmet Ana at PyCon\n")
    out = console(script, env)
    assert "Forget Mei Lin?" in out and "(Or type yes to go ahead, no to leave it.)" in out
    assert "Forgot Mei Lin" in out
    assert "Okay, I left it as it is." in out
    assert out.count("Your contacts (1):\n• Bob") == 2
    assert "I haven't asked anything that takes a yes or no." in out
    assert "Bob — met, no message yet" in out and "Noted: you met Ana at PyCon." in out
    assert "Commands start with a slash" not in out and "Usage: /met" not in out


def test_replied_says_what_comes_next_once(env) -> None:
    out = console("/met Jane Doe\n/coach replied jane\n", env)
    line = next(line for line in out.splitlines() if line.startswith("Great news"))
    assert line.count("suggest") == 1 and "I'll suggest a check-in on" in line


def test_timezones_hours_and_days_as_people_write_them(env) -> None:
    script = ("/coach settings tz Bangalore\n/coach settings tz mumbai\n/coach settings tz PST\n"
              "/coach settings tz UTC+1\n/coach settings tz IST\n/coach settings hours 9am-5pm\n"
              "/coach settings hours 10:00-18:30\n/coach settings days sun-thu\n/coach settings\n"
              "/coach settings hours 9:30am-6pm\n/coach settings days mon,wed,fri\n/coach settings\n"
              "/coach settings hours 09:00-18:00\n/coach settings days mon-fri\n/coach settings\n")
    out = console(script, env)
    assert "Timezone set to Asia/Kolkata (from 'Bangalore')." in out
    assert "Timezone set to Asia/Kolkata (from 'mumbai')." in out
    assert "Timezone set to America/Los_Angeles (from 'PST')." in out
    assert "Timezone set to Etc/GMT-1 (from 'UTC+1'). That is UTC+1 all year" in out
    assert "IST could be Asia/Kolkata or Europe/Dublin or Asia/Jerusalem. Which one?" in out
    assert "I'll only nudge you between 09:00 and 17:00." in out
    assert "I'll only nudge you between 10:00 and 18:30." in out
    assert "Working hours: 10:00–18:30 (Sun–Thu)" in out
    assert "I'll only nudge you between 09:30 and 18:00." in out
    assert "Working hours: 09:30–18:00 (Mon, Wed, Fri)" in out
    assert "Working hours: 09:00–18:00 (Mon–Fri)" in out


def test_nudges_and_the_digest_come_on_the_half_hour_the_member_set(env) -> None:  # Monday 2 Mar 15:00
    out = console("/coach settings hours 16:30-18:30\n/met Jane Doe at PyCon\n/advance 2d\n", env)
    assert "── Digest · Mon 2 Mar 16:30 ──" in out  # the start of this Monday's working hours
    assert "── Nudge · Tue 3 Mar 16:30 ──\nFollow up with Jane Doe" in out  # a day later, once hours open


def digests(out: str) -> list[str]:
    return [part.split("\n\n(time is now", 1)[0] for part in out.split("── Digest · ")[1:]]


def test_the_first_digest_counts_the_week_so_far(env) -> None:  # Monday 2 Mar 15:00
    script = ("/met Ana\n/met Bo\n/met Cy\n/met Di\n/met Ed\n/coach sent ana\n/coach sent bo\n/advance 1d\n"
              "/coach replied ana\n/coach replied bo\n/advance 4d\n/coach digest\n")
    out = console(script, env)
    digest = out.split("Your week in networking", 1)[1] if "Your week in networking" in out else out
    assert "This week so far: 5 new contacts, 2 followed up within 48 h · 2 replies received." in digest
    assert "from next Monday" in digest
    assert "no new contacts to follow up · 0 replies" not in out


def test_the_monday_digest_has_the_nudge_due_with_it_and_moving_on_on_its_own_line(env) -> None:
    script = ("/met Jane Doe\n/coach sent jane\n/coach sent jane\n/coach sent jane\n/advance 5d\n"  # Sat 7 Mar
              "/met Bob\n/advance 2d\n")  # Bob's first nudge is due Monday 09:00, with the digest
    out = console(script, env)
    monday = next(d for d in digests(out) if d.startswith("Mon 9 Mar 09:00"))
    write, _, rest = monday.partition("Time to move on (three messages, no reply):")
    assert "Write to them this week:\n• Bob — first follow-up" in write
    assert "Jane Doe" not in write
    assert "• Jane Doe — time to move on" in rest
    assert "1 to write to, 1 to move on from" in monday


def test_the_demo_and_the_consoles_tests_write_nothing_into_a_fresh_xdg_home(env, tmp_path, monkeypatch,
                                                                              sqlite_sessions) -> None:
    home = tmp_path / "xdg"
    folders = {name: home / name for name in ("data", "state")}  # the coach's
    for name, folder in folders.items():
        env[f"XDG_{name.upper()}_HOME"] = str(folder)
        monkeypatch.setenv(f"XDG_{name.upper()}_HOME", str(folder))
    script = "/met Jane Doe at PyCon\n/advance 8d\n/coach digest\n"
    demo = console(script, env, "--demo")
    assert "── Digest · Mon 9 Mar 09:00 ──" in demo and "Chart (PNG, last 8 weeks):" in demo
    assert not home.exists()  # the demo's database, charts, history and log were its own, and are gone

    mine = console(script, env)  # on a database of its own: the charts go beside it
    assert "Chart (PNG, last 8 weeks): " + str(tmp_path) in mine
    assert not folders["data"].exists()

    from adapters.console.app import ConsoleSession  # the suite's in-process consoles, as they start
    from tests.integration.test_console_live import WatchedOutput

    ConsoleSession(sqlite_sessions, WatchedOutput(), user="ana", timezone="UTC", data_dir=tmp_path).run(
        io.StringIO("/met Someone\n/advance 8d\n/coach digest\n"))
    assert not folders["data"].exists()


def test_console_export_writes_private_files_and_prints_their_paths(env, tmp_path) -> None:
    out = console("/met Jane Doe at PyCon\n/coach settings digest off\n/coach export\n", env)
    export, csv = tmp_path / "coach-export.json", tmp_path / "coach-contacts.csv"
    assert f"Saved (only you can read it): {export}" in out and f"Saved (only you can read it): {csv}" in out
    assert '"contacts"' not in out and "name,stage" not in out  # no JSON or CSV on screen
    for path in (export, csv):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(export.read_text())["member"]["monday_digest"] == "off"
    assert "Jane Doe" in csv.read_text()


def test_piped_advance_moves_only_a_throwaway_timeline(env, tmp_path) -> None:
    del env["COACH_CONSOLE_START"]  # real time, as `printf '/advance 3d\n' | coach console` runs
    fresh = console("/met Jane Doe at PyCon\n/advance 2d\n", env)  # a new file: a script's own timeline
    assert "Follow up with Jane Doe" in fresh and "/advance refused" not in fresh
    again = console("/coach list\n/advance 1d\n", env)  # the same script's database, already moved ahead
    assert "/advance refused" not in again

    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/mine.db"
    console("/met Mei Lin at PyCon\n", env)  # a member's real history
    out = console("/advance 3d\n/coach show mei\n", env)
    refusal = next(line for line in out.splitlines() if line.startswith("/advance refused"))
    assert "coach console --demo < script.txt" in refusal and "(time is now" not in out
    assert "Follow up with Mei Lin" not in out
    pinned = console("/advance 3d\n", {**env, "COACH_CONSOLE_START": "2027-01-04T15:00:00+00:00"})
    assert "(time is now" in pinned
    demo = console("/met Demo\n/advance 2d\n", env, "--demo")
    assert "Follow up with Demo" in demo
