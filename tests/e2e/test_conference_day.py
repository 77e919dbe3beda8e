"""Issue 25, "the conference day", as a member lives it in the console: a piped script (`coach console <
script`) with /advance, asserting what they read — the event, several people in one /met, one recap at the
end of the day, the 48-hour nudges a few an hour (never a burst), across a change of timezone."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from tests.e2e.test_console import console, nudge_titles

SCRIPT = """\
/coach settings tz Europe/Berlin
/coach event "KubeCon EU" until wed
/met @ben @cleo "Chris Ode" -- talked about eBPF
/met @dan, @eve, @fay, @gus and @hal
/coach note "Chris Ode" -- wants the slides
/coach help
/advance 6h
/coach settings tz America/New_York
/coach list
/advance 2d
/coach event
/advance 1d
/coach event
"""


def test_a_conference_day_in_the_console(env: dict[str, str]) -> None:
    out = console(SCRIPT + "/coach export\n", env)
    assert "Enjoy KubeCon EU! It's on until the end of Wed 4 Mar." in out
    assert "Noted 3 people at KubeCon EU: ben, cleo, Chris Ode." in out
    assert "Noted 5 people at KubeCon EU: dan, eve, fay, gus, hal." in out
    assert "Noted about Chris Ode: wants the slides." in out
    assert "Event: KubeCon EU, until the end of Wed 4 Mar. /coach event end stops it." in out  # in help

    recap = out.split("── Nudge · Mon 2 Mar 17:30 ──\n", 1)[1].split("\n\n(time is now", 1)[0]
    assert recap.startswith("Your day at KubeCon EU: 8 people\nYou met 8 people at KubeCon EU today.")
    assert "3. Chris Ode\nMet 16:00 · talked about eBPF; wants the slides\n" \
           "  → Draft:      /coach draft \"Chris Ode\"\n" \
           "  → Add a note: /coach note \"Chris Ode\" -- <what you remember>" in recap
    assert out.count("Your day at KubeCon EU") == 1  # one recap, however long the script runs

    follow_ups = [t for t in nudge_titles(out) if t.startswith("Follow up with")]
    assert sorted(follow_ups) == sorted(f"Follow up with {n}" for n in
                                        ("ben", "cleo", "Chris Ode", "dan", "eve", "fay", "gus", "hal"))
    slots = Counter(re.findall(r"── Nudge · (Tue 3 Mar \d\d:\d\d) ──\nFollow up with", out))
    assert slots == {"Tue 3 Mar 10:00": 3, "Tue 3 Mar 11:00": 3, "Tue 3 Mar 12:00": 2}  # New York time now

    assert "Event: KubeCon EU, until the end of today. /coach event end stops it." in out  # Wed, New York
    assert 'No event is on. At a conference? /coach event starts one.' in out.split("coach-export.json")[0]  # Thu
    exported = json.loads((Path(env["DATABASE_URL"].removeprefix("sqlite:///")).parent / "coach-export.json")
                          .read_text())
    assert [event["name"] for event in exported["events"]] == ["KubeCon EU"]


def test_bad_events_get_the_usual_usage(env: dict[str, str]) -> None:
    out = console('/coach event until fri\n/coach event "KubeCon" until 2026-03-01\n'
                  '/coach event "KubeCon" until someday\n/met @ana\n', env)
    assert "Name the event." in out and "2026-03-01 has passed" in out and "can't read 'someday' as a day" in out
    assert out.count('Example: /coach event "KubeCon EU" until fri') == 3
    assert "Noted: you met ana." in out  # no event is on: no place
