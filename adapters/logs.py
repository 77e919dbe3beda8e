"""Logging for every long-running mode: human lines by default, one JSON object a line with
COACH_LOG_FORMAT=json, and a filter on the handler that blanks anything token-shaped before it is written.

Draft and note text is never logged above DEBUG by the coach itself; the filter is the safety net for
tokens, which libraries and exception messages could otherwise carry into a log.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TextIO

REDACTED = "[redacted]"
TOKEN_SHAPES = re.compile(
    r"xox[abposer]-[A-Za-z0-9-]{6,}"  # Slack bot/user/config tokens
    r"|xapp-[A-Za-z0-9-]{6,}"  # Slack app-level tokens
    r"|[MNO][\w-]{23,27}\.[\w-]{6,7}\.[\w-]{27,}"  # Discord bot tokens
)
# PostgreSQL's DETAIL repeats the offending row (`Key (member_id, name_key)=(7, jane doe) already exists`):
# the core logs database errors without it (bot/store/errors.py); this catches any other path.
ROW_DETAIL = re.compile(r"^(\s*DETAIL:\s*).*$", re.MULTILINE)
NOISY = {"alembic": logging.WARNING, "aiohttp.access": logging.WARNING, "apscheduler": logging.WARNING}


def quiet_libraries(level: str) -> Callable[[logging.LogRecord], bool]:
    """Drop Slack Bolt's records below WARNING unless we run at DEBUG: at INFO it logs whole request
    bodies (a member's draft or notes) when a signature check fails."""
    debug = logging.getLevelName(level.upper()) == logging.DEBUG

    def keep(record: logging.LogRecord) -> bool:
        return debug or record.levelno >= logging.WARNING or not record.name.startswith("slack_bolt")

    return keep


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every token-shaped string, every known secret and every database DETAIL line (row
    values) replaced by [redacted]."""
    for secret in secrets:
        if len(secret) >= 6:
            text = text.replace(secret, REDACTED)
    return ROW_DETAIL.sub(rf"\g<1>{REDACTED}", TOKEN_SHAPES.sub(REDACTED, text))


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, exception and stack text with secrets removed; drops nothing."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


HANDLER_NAME = "coach"
HUMAN = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(level: str = "INFO", fmt: str = "human", secrets: Iterable[str] = (),
                      stream: TextIO | None = None) -> logging.Handler:
    """Install one redacting handler on the root logger (replacing an earlier one of ours); return it."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(HUMAN))
    handler.addFilter(RedactingFilter(secrets))
    handler.addFilter(quiet_libraries(level))
    handler.set_name(HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:  # ours from an earlier call only
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name, floor in NOISY.items():  # their INFO lines say little and may carry request details
        logging.getLogger(name).setLevel(logging.DEBUG if root.level <= logging.DEBUG else floor)
    return handler
