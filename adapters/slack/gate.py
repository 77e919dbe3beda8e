"""The door in front of Bolt for POST /slack/events: the signature is checked on the raw bytes before
anything is parsed, then the body is parsed once, defensively, and its shape checked where Bolt would
index into it. Unauthenticated → 401, signed but malformed → 400. Refusals are WARNING lines with no body
text and no traceback: the first of a minute alone, the rest summed up in one line (RefusalLog)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

log = logging.getLogger(__name__)
MAX_AGE_SECONDS = 5 * 60  # Slack's own rule: older requests may be replays
ASCII_DIGITS = re.compile(r"[0-9]{1,12}")

# Where Bolt (and our listeners) look, by payload key: the JSON type it must have when present.
OBJECT_KEYS = ("team", "enterprise", "container", "channel", "message", "event", "view", "state")
LIST_KEYS = ("authorizations", "actions")


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str  # a few fixed words, safe to log


class Gate:
    """Verify, then parse and check; `admit` returns None for a request Bolt may see."""

    def __init__(self, signing_secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret, self._clock = signing_secret.encode(), clock

    def signed(self, body: bytes, timestamp: str, signature: str) -> bool:
        """Slack's v0 signature over the exact bytes received, within five minutes of now."""
        if not self._secret or not ASCII_DIGITS.fullmatch(timestamp):  # str.isdigit() takes "²" and "٣"
            return False
        if abs(self._clock() - int(timestamp)) > MAX_AGE_SECONDS:
            return False
        expected = "v0=" + hmac.new(self._secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))

    def admit(self, body: bytes, headers: Mapping[str, str]) -> Refusal | dict[str, Any]:
        """The body as Bolt should see it, or why the request is refused."""
        timestamp = headers.get("X-Slack-Request-Timestamp", "").strip()
        signature = headers.get("X-Slack-Signature", "").strip()
        if not timestamp or not signature:
            return Refusal(401, "unsigned request")
        if not self.signed(body, timestamp, signature):
            return Refusal(401, "bad signature or stale timestamp")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return Refusal(400, "body is not UTF-8")
        try:
            parsed = parse(text, headers.get("Content-Type", ""))
        except ValueError:
            return Refusal(400, "body is not JSON or form encoding")
        problem = shape_problem(parsed)
        return Refusal(400, problem) if problem else parsed


def parse(text: str, content_type: str) -> Any:
    """The body as Slack meant it: JSON (an event), or a form — an interaction when the form has a
    `payload` field (its JSON), else a slash command's fields. Bolt's own parse_body asks whether the word
    "payload" appears anywhere in the body, so a command whose text, channel or handle says "payload"
    would be taken for an interaction: the service hands Bolt this parse instead. ValueError when the
    body is neither."""
    if not text:
        return {}
    try:
        if content_type.split(";")[0].strip() == "application/json" or text.startswith("{"):
            return json.loads(text)
        fields = dict(parse_qsl(text, keep_blank_values=True))
        return json.loads(fields["payload"]) if "payload" in fields else fields
    except RecursionError:
        raise ValueError("nested too deeply") from None


def shape_problem(body: Any) -> str | None:
    """Why this signed, parsed body cannot be a Slack request Bolt understands, or None."""
    if not isinstance(body, dict):
        return "body is not an object"
    for key in OBJECT_KEYS:
        if key in body and body[key] is not None and not isinstance(body[key], dict):
            return f"{key} is not an object"
    for key in LIST_KEYS:
        if key in body and body[key] is not None:
            items = body[key]
            if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
                return f"{key} is not a list of objects"
    if "user" in body and body["user"] is not None and not isinstance(body["user"], (dict, str)):
        return "user is not an object"
    kind = body.get("type")
    if kind is not None and not isinstance(kind, str):
        return "type is not a string"
    if kind == "block_actions" and not (body.get("actions") and all(
            isinstance(a.get("action_id"), str) for a in body["actions"])):
        return "block_actions without actions"
    if kind in ("view_submission", "view_closed") and not (
            isinstance(body.get("view"), dict) and isinstance(body["view"].get("type"), str)
            and isinstance(body["view"].get("callback_id", ""), str)):
        return "view without a type"
    if kind in ("shortcut", "message_action") and not isinstance(body.get("callback_id"), str):
        return "shortcut without a callback_id"
    if kind == "event_callback" and not isinstance(body.get("event"), dict):
        return "event_callback without an event"
    if isinstance(body.get("event"), dict) and not isinstance(body["event"].get("type", ""), str):
        return "event type is not a string"
    if "command" in body and not isinstance(body["command"], str):
        return "command is not a string"
    return None


class RefusalLog:
    """Refused requests in the log, without letting a flood fill it: the first refusal of an interval is
    one line (status, fixed reason, peer: no body, no header values); the rest of that interval are
    counted and summed up in one line when it ends (or at `flush`, on shutdown). A client sending
    unsigned junk at full speed costs two lines a minute, not a line a request."""

    MAX_PEERS = 1000  # distinct peers counted per interval; more are summed up as "others"

    def __init__(self, interval: float = 60.0, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.interval, self.monotonic = interval, monotonic
        self._reasons: Counter[tuple[int, str]] = Counter()
        self._peers: Counter[str] = Counter()
        self._ends: float | None = None
        self._timer: asyncio.TimerHandle | None = None

    def refused(self, refusal: Refusal, remote: str | None) -> None:
        now = self.monotonic()
        if self._ends is None or now >= self._ends:
            self.flush()
            self._ends = now + self.interval
            log.warning("refused a Slack request (%d, %s) from %s", refusal.status, refusal.reason, remote or "?")
            return
        self._reasons[(refusal.status, refusal.reason)] += 1
        peer = remote or "?"
        self._peers[peer if peer in self._peers or len(self._peers) < self.MAX_PEERS else "others"] += 1
        if self._timer is None:
            with contextlib.suppress(RuntimeError):  # no running loop: the next refusal or flush() writes it
                loop = asyncio.get_running_loop()
                self._timer = loop.call_later(max(0.0, self._ends - now), self.flush)

    def flush(self) -> None:
        """Write the summary of what was counted, if anything."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._reasons:
            return
        total = sum(self._reasons.values())
        reasons = ", ".join(f"{status} {reason} ×{count}" for (status, reason), count in self._reasons.most_common())
        peers = ", ".join(f"{peer} ×{count}" for peer, count in self._peers.most_common(3))
        more = len(self._peers) - 3
        log.warning("refused %d more Slack request(s) in the last %.0f s (%s) from %s%s", total, self.interval,
                    reasons, peers, f" and {more} more peer(s)" if more > 0 else "")
        self._reasons.clear()
        self._peers.clear()
