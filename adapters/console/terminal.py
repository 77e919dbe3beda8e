"""Typing at a terminal: readline's line editing (← → Home End, Ctrl-A/E/W…) and history (↑ ↓, Ctrl-R),
a prompt, and — while the member is typing — the nudges that fall due, printed above the prompt.

Used only when stdin and stdout are a terminal; a piped script is read line by line as before. The
history is kept in the data folder, private to the user (0600), and can be cleared when the member
erases something (`forget`, `delete-my-data`)."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from bot.files import PRIVATE_FILE

PROMPT = "> "
HISTORY_LENGTH = 1000
HISTORY_FILE = "console-history"


class Terminal:
    """Lines typed at this terminal. `tick`, when given, runs every `tick_seconds` while waiting for a
    line (from SIGALRM, in the main thread, inside readline): what it writes to the StringIO it is
    handed is printed above the prompt, and the line being typed is drawn again below it."""

    def __init__(self, history: Path | None, *, prompt: str = PROMPT) -> None:
        self.history, self.prompt = history, prompt
        self.tick: Callable[[io.StringIO], None] | None = None
        self.tick_seconds = 15.0
        self._reading = False
        try:
            import readline  # importing it is what makes input() edit lines
        except ImportError:  # a Python without readline: plain input(), still with a prompt
            self._readline = None
        else:
            self._readline = readline

    def __iter__(self) -> Iterator[str]:
        self._load_history()
        previous = signal.getsignal(signal.SIGALRM) if self.tick else None
        if self.tick:
            signal.signal(signal.SIGALRM, self._on_alarm)
        try:
            while True:
                self._arm()
                self._reading = True
                try:
                    line = input(self.prompt)
                except EOFError:  # Ctrl-D
                    sys.stdout.write("\n")
                    return
                finally:
                    self._reading = False
                    self._disarm()
                yield line
        finally:
            if self.tick:
                self._disarm()
                signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)
            self.save_history()

    def _arm(self) -> None:
        if self.tick:
            signal.setitimer(signal.ITIMER_REAL, self.tick_seconds)  # one shot: re-armed after each tick

    def _disarm(self) -> None:
        if self.tick:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _on_alarm(self, _signum: int, _frame: FrameType | None) -> None:
        if self.tick is None:
            return
        shown = io.StringIO()
        self.tick(shown)
        if shown.getvalue():
            # clear the prompt line, print above it, then draw the prompt and the half-typed line again
            sys.stdout.write("\r\x1b[K" + shown.getvalue())
            sys.stdout.flush()
            if self._reading:
                self._redraw()
        if self._reading:
            self._arm()

    def _redraw(self) -> None:
        """Draw the prompt and the half-typed line again on the line we moved to. readline.redisplay()
        alone draws only what changed, and nothing did: GNU readline's rl_on_new_line() tells it the
        screen line is empty. Without it (libedit), write the prompt and the line ourselves."""
        on_new_line = self._on_new_line()
        if on_new_line is not None and self._readline is not None:
            on_new_line()
            self._readline.redisplay()
            return
        typed = self._readline.get_line_buffer() if self._readline is not None else ""
        sys.stdout.write(self.prompt + typed)
        sys.stdout.flush()

    def _on_new_line(self) -> Callable[[], int] | None:
        if self._readline is None:
            return None
        try:
            import ctypes

            return ctypes.CDLL(self._readline.__file__).rl_on_new_line  # type: ignore[no-any-return]
        except (OSError, AttributeError, TypeError):
            return None

    # --- history --------------------------------------------------------------------------------------

    def _load_history(self) -> None:
        if self._readline is None:
            return
        self._readline.set_history_length(HISTORY_LENGTH)
        if self.history is not None and self.history.is_file():
            with contextlib.suppress(OSError):
                self._readline.read_history_file(self.history)

    def save_history(self) -> None:
        """Write the history to its file, created 0600 (and kept 0600)."""
        if self._readline is None or self.history is None:
            return
        with contextlib.suppress(OSError):
            os.close(os.open(self.history, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
            os.chmod(self.history, PRIVATE_FILE)
            self._readline.write_history_file(self.history)

    def clear_history(self) -> None:
        """Forget every line typed so far (in memory and in the file): it may name someone just erased."""
        if self._readline is None:
            return
        self._readline.clear_history()
        self.save_history()
