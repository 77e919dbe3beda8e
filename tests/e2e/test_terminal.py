"""Issue 24, the console in a real terminal: `coach console` on a pseudo-terminal, typed at key by key —
line editing and history (readline), a prompt, the banner, and Ctrl-C."""

from __future__ import annotations

import os
import re
import select
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60.0  # a safety net against a hang; every step waits for what it expects to read
# The child takes the pseudo-terminal as its controlling terminal, so Ctrl-C (\x03) raises SIGINT in it
# as it would for a person at a keyboard.
LAUNCH = ("import fcntl, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
          "from adapters.entrypoints.cli import main; sys.exit(main(sys.argv[1:]))")
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[@-~]|\x1b[=>]|\r")
LEFT, UP, CTRL_C, CTRL_D = "\x1b[D", "\x1b[A", "\x03", "\x04"


class Terminal:
    """A person at a terminal: keys in, the screen's text out (escape sequences and carriage returns
    removed)."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.master, replica = os.openpty()
        self.process = subprocess.Popen([sys.executable, "-c", LAUNCH, *args], stdin=replica, stdout=replica,
                                        stderr=replica, env=env, cwd=ROOT, start_new_session=True)
        os.close(replica)
        self.screen = ""
        self.seen = 0  # where the last thing waited for ended: each wait looks past it

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for(self, text: str) -> str:
        """Read until `text` appears after what was last waited for; the screen so far."""
        deadline = time.monotonic() + WAIT
        while (found := self.screen.find(text, self.seen)) == -1:
            if not self._read(deadline - time.monotonic()):
                raise AssertionError(f"never saw {text!r}; the screen:\n{self.screen}")
        self.seen = found + len(text)
        return self.screen

    def enter(self, line: str, reply: str) -> None:
        """Type a line at the prompt and wait for `reply` and the next prompt (keys typed before the
        prompt is back could meet the terminal before readline reads them, as a person's would)."""
        self.type(line + "\r")
        self.wait_for(reply)
        self.wait_for("> ")

    def finish(self) -> int:
        """Read to the end; the exit code."""
        deadline = time.monotonic() + WAIT
        while self._read(deadline - time.monotonic()):
            pass
        return self.process.wait(timeout=WAIT)

    def _read(self, timeout: float) -> bool:
        if timeout <= 0:
            return False
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return False
        if not chunk:
            return False
        self.screen += _ESCAPES.sub("", chunk.decode("utf-8", "replace"))
        return True

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)
        os.close(self.master)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_URL"))}
    home = tmp_path / "home"
    return {**clean, "DATABASE_URL": f"sqlite:///{tmp_path}/console.db", "TZ": "UTC", "USER": "ana",
            "LOGNAME": "ana", "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"), "TERM": "xterm", "INPUTRC": "/dev/null",
            "COACH_CONSOLE_START": "2026-03-02T15:00:00+00:00"}


@pytest.fixture
def terminal(env: dict[str, str]) -> Iterator[type[Terminal]]:
    opened: list[Terminal] = []

    def start(*args: str) -> Terminal:
        opened.append(Terminal(env, "console", *args))
        return opened[-1]

    yield start  # type: ignore[misc]
    for each in opened:
        each.close()


def test_ctrl_c_leaves_quietly_with_130_in_the_console_the_demo_and_review(terminal, env) -> None:
    for args in ((), ("--demo",)):
        console = terminal(*args)
        console.wait_for("> ")
        console.type("/met Jan")  # half a line typed, then Ctrl-C
        console.wait_for("/met Jan")
        time.sleep(0.2)  # as a person pauses: readline is back waiting for a key
        console.type(CTRL_C)
        assert console.finish() == 130
        assert "Traceback" not in console.screen and "KeyboardInterrupt" not in console.screen
    review = Terminal(env, "review")
    try:
        review.wait_for("Paste your draft")
        time.sleep(0.3)  # a signal in the instant before the read begins would wait for the next key
        review.type(CTRL_C)
        assert review.finish() == 130
        assert "Traceback" not in review.screen and "KeyboardInterrupt" not in review.screen
    finally:
        review.close()


def test_arrow_keys_edit_the_line_and_history_is_kept_private_in_the_data_folder(terminal, tmp_path) -> None:
    console = terminal()
    console.wait_for("> ")
    console.enter("/met Jne at PyCon" + LEFT * 11 + "a", "Noted: you met Jane at PyCon.")  # a missing a
    console.enter(UP, "Already noted: you met Jane at PyCon.")  # the same line again, from the history
    console.type(CTRL_D)
    assert console.finish() == 0
    assert "control characters" not in console.screen
    history = tmp_path / "console-history"
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert "/met Jane at PyCon" in history.read_text()

    again = terminal()  # the next session recalls it
    again.wait_for("> ")
    again.enter(UP, "Already noted: you met Jane at PyCon.")
    again.enter("/coach forget Jane confirm", "Forgot Jane")
    again.type("/quit\r")
    assert again.finish() == 0
    assert "Jane" not in history.read_text()  # an erased name stays in no file


def test_a_prompt_and_a_banner_that_names_the_demo(terminal, env) -> None:
    console = terminal()
    screen = console.wait_for("> ")
    assert "coach console --demo" in screen and "your own contact list" in screen
    console.enter("/coach list", "No contacts yet")
    console.type(CTRL_D)
    assert console.finish() == 0
    demo = terminal("--demo")
    screen = demo.wait_for("> ")
    assert "Demo: a throwaway database" in screen and "your own contact list" not in screen
    demo.type("/quit\r")
    assert demo.finish() == 0
    # a pipe gets neither prompt nor banner: scripts read as before
    piped = subprocess.run([sys.executable, "-m", "adapters.entrypoints.cli", "console"], input="/coach list\n",
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=WAIT)
    assert piped.stdout.startswith("No contacts yet") and "> " not in piped.stdout



def test_a_nudge_that_falls_due_while_typing_is_printed_above_the_half_typed_line(terminal, env) -> None:
    pinned = {**env, "COACH_CONSOLE_START": "2027-03-01T15:00:00+00:00"}  # a Monday, after the real today
    script = subprocess.run([sys.executable, "-m", "adapters.entrypoints.cli", "console"],
                            input="/met Jane Doe at PyCon\n", capture_output=True, text=True, env=pinned, cwd=ROOT,
                            timeout=WAIT)
    assert "I'll remind you to follow up on Tue 2 Mar 15:00" in script.stdout, script.stdout
    # the member opens the console a few seconds before that nudge is due, and starts typing
    env.update(COACH_CONSOLE_START="2027-03-02T14:59:52+00:00", COACH_TICK_SECONDS="0.5")
    console = terminal()
    console.wait_for("> ")
    console.type("/coach li")
    console.wait_for("/coach li")
    screen = console.wait_for("Follow up with Jane Doe")
    console.wait_for("> /coach li")  # the half-typed line, drawn again under the nudge
    assert screen.index("Follow up with Jane Doe") > screen.index("> /coach li")
    console.enter("st", "Your contacts (1):")
    console.type(CTRL_D)
    assert console.finish() == 0
