"""Hostile and broken requests at POST /slack/events: the signature is checked on the raw bytes before
Bolt parses anything. Unsigned → 401; signed but malformed → 400; never a 5xx, never a traceback, and
the log grows by one short line for the first refusal of an interval and one summing up the rest."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from adapters.logs import configure_logging
from adapters.slack.service import SlackService
from bot.models import Contact
from tests.slack.conftest import SlackRig, start_rig
from tests.slack.slackfakes import FakeSlack, sign

FORM = "application/x-www-form-urlencoded"
DEEP = "[" * 3000 + "]" * 3000


def junk_bodies() -> list[tuple[str | bytes, str]]:
    """Twenty kinds of junk, each also sent nine more times with a twist (200 requests in all)."""
    kinds: list[tuple[str | bytes, str]] = [
        (urlencode({"payload": "[1,2]"}), FORM),
        (urlencode({"payload": DEEP}), FORM),
        (DEEP, "application/json"),
        ('{"a":' * 2000 + "1" + "}" * 2000, "application/json"),
        ("payload=%7Bnot-json", FORM),
        ("{not json", "application/json"),
        ("", FORM),
        (b"\xff\xfe\x00payload=\x80", FORM),
        (urlencode({"payload": json.dumps({"type": "view_submission", "view": {"id": "V1"}})}), FORM),
        (urlencode({"payload": json.dumps({"type": "block_actions", "actions": "coach:sent:1"})}), FORM),
        (json.dumps({"type": "event_callback", "event": [1, 2]}), "application/json"),
        (json.dumps([1, 2, 3]), "application/json"),
        ("command=%2Fmet&text=Jane&team_id=T1&user_id=U1", FORM),
        (json.dumps({"type": "url_verification", "challenge": "c"}), "application/json"),
        ("x" * 100_000, FORM),
        ("payload=" + "%5B" * 5000, FORM),
        (json.dumps({"authorizations": "nope", "team_id": "T1"}), "application/json"),
        ("\u0000\u0001\u0002", "text/plain"),
        (urlencode({"payload": json.dumps({"type": "shortcut", "callback_id": ["x"]})}), FORM),
        (json.dumps({"type": "event_callback", "event": {"type": "message", "text": "salary plan"}}),
         "application/json"),
    ]
    return [(body if i == 0 else (body + "&" * i if isinstance(body, str) else body + b"&" * i), kind)
            for body, kind in kinds for i in range(10)]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging("INFO", "human", (), stream=stream)
    try:
        yield stream
    finally:
        logging.getLogger().removeHandler(handler)


async def post(rig: SlackRig, body: str | bytes, content_type: str, headers: dict[str, str]) -> int:
    data = body.encode() if isinstance(body, str) else body
    async with rig.send.http.post(rig.send.url, data=data, headers={"Content-Type": content_type, **headers}) as r:
        await r.read()
        return r.status


async def test_two_hundred_unsigned_malformed_bodies_are_401_and_two_short_lines(
        rig: SlackRig, captured: io.StringIO) -> None:
    bodies = junk_bodies()
    assert len(bodies) == 200
    statuses = []
    for i, (body, kind) in enumerate(bodies):
        headers = ({} if i % 3 == 0 else
                   {"X-Slack-Request-Timestamp": "1700000000", "X-Slack-Signature": "v0=" + "0" * 64} if i % 3 == 1
                   else sign(body if isinstance(body, str) else body.decode("latin-1"), "wrong-secret"))
        statuses.append(await post(rig, body, kind, headers))
    assert set(statuses) == {401}
    assert len(captured.getvalue().splitlines()) == 1  # the first refusal; the rest are counted
    rig.service.refusals.flush()  # the interval's end (or a shutdown)
    log = captured.getvalue()
    lines = log.splitlines()
    assert "Traceback" not in log and "salary" not in log and "Jane" not in log
    assert len(lines) == 2 and all("WARNING" in line for line in lines)
    assert "refused a Slack request (401, unsigned request) from 127.0.0.1" in lines[0]
    assert "refused 199 more Slack request(s) in the last 60 s (401 bad signature or stale timestamp ×133, " \
           "401 unsigned request ×66) from 127.0.0.1 ×199" in lines[1]
    assert rig.fake.calls == [] and rig.fake.responses == []


async def test_a_flood_of_unsigned_requests_is_one_line_an_interval(rig: SlackRig, captured: io.StringIO) -> None:
    """About 0.8 MB/s of log at full speed was one line a request: now the first of an interval, and one
    summary when the next interval starts (or its timer fires)."""
    now = [0.0]
    rig.service.refusals.monotonic = lambda: now[0]
    for _ in range(300):
        assert await post(rig, "x=1", FORM, {}) == 401
    assert len(captured.getvalue().splitlines()) == 1
    now[0] += 61
    assert await post(rig, "x=1", FORM, {}) == 401
    lines = captured.getvalue().splitlines()
    assert len(lines) == 3 and "refused 299 more Slack request(s) in the last 60 s" in lines[1]
    assert "refused a Slack request (401, unsigned request)" in lines[2]


async def test_the_summary_is_written_when_the_interval_ends(rig: SlackRig, captured: io.StringIO) -> None:
    rig.service.refusals.interval = 1.0
    for _ in range(3):
        assert await post(rig, "x=1", FORM, {}) == 401
    async with asyncio.timeout(10):
        while len(captured.getvalue().splitlines()) < 2:
            await asyncio.sleep(0.05)
    assert "refused 2 more Slack request(s) in the last 1 s (401 unsigned request ×2)" in captured.getvalue()


@pytest.mark.parametrize("payload", [
    pytest.param({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1"},
                  "view": {"id": "V1", "callback_id": "coach_met", "state": {"values": {}}}}, id="view-without-type"),
    pytest.param({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1"},
                  "actions": "coach:sent:1"}, id="actions-as-a-string"),
    pytest.param({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1"},
                  "actions": [{"action_id": 7}]}, id="action-id-not-a-string"),
    pytest.param([1, 2], id="payload-a-list"),
    pytest.param({"type": "block_actions", "team": "T1", "user": 5, "actions": []}, id="wrong-types"),
    pytest.param({"type": "message_action", "team": {"id": "T1"}, "user": {"id": "U1"}}, id="shortcut-no-callback"),
])
async def test_signed_but_malformed_interactions_are_400_not_500(rig: SlackRig, captured: io.StringIO,
                                                                 payload: object) -> None:
    status, text = await rig.send.interaction(payload)  # type: ignore[arg-type]
    assert (status, json.loads(text)) == (400, {"error": "malformed request"})
    lines = captured.getvalue().splitlines()
    assert len(lines) == 1 and "WARNING" in lines[0] and "(400," in lines[0]
    assert rig.fake.calls == []


@pytest.mark.parametrize(("body", "content_type"), [
    pytest.param(urlencode({"payload": DEEP}), FORM, id="deep-payload"),
    pytest.param(DEEP, "application/json", id="deep-json"),
    pytest.param(json.dumps({"type": "event_callback", "event": "message"}), "application/json", id="event-a-string"),
    pytest.param("payload=%7Bnot-json", FORM, id="payload-not-json"),
])
async def test_signed_but_unreadable_bodies_are_400(rig: SlackRig, captured: io.StringIO, body: str,
                                                    content_type: str) -> None:
    status, _ = await rig.send.post(body, content_type)
    assert status == 400
    log = captured.getvalue()
    assert "Traceback" not in log and len(log.splitlines()) == 1


async def test_signed_non_utf8_is_400(rig: SlackRig) -> None:
    body = b"payload=\xff\xfe"
    headers = sign(body.decode("latin-1"))
    headers["X-Slack-Signature"] = sign_bytes(body)
    assert await post(rig, body, FORM, headers) == 400


def sign_bytes(body: bytes) -> str:
    import hashlib
    import hmac

    from tests.slack.slackfakes import SECRET

    stamp = sign("")["X-Slack-Request-Timestamp"]
    return "v0=" + hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()


async def test_a_command_that_mentions_payload_is_a_command(rig: SlackRig) -> None:
    """Bolt takes any form containing the word "payload" for an interaction (404, nothing stored); the
    gate decides by the form's real `payload` field."""
    form = {"token": "legacy", "team_id": "T1", "team_domain": "payload", "channel_id": "C1",
            "channel_name": "payload-infra", "user_id": "U1", "user_name": "payload.pat", "command": "/met",
            "text": '"Jane Payload" at payloadconf -- payload team', "api_app_id": "A1",
            "response_url": rig.fake.response_url(), "trigger_id": "trigger-1"}
    status, text = await rig.send.post(urlencode(form), FORM)
    assert status == 200 and "Jane Payload" in json.loads(text)["text"]
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Contact.name)).all() == ["Jane Payload"]


@pytest.mark.parametrize("stamp", ["²", "1700000000²", "١٧٠٠٠٠٠٠٠٠", "１７００", "+1700000000", " 17 "])
async def test_a_timestamp_of_other_digits_is_401_without_a_traceback(rig: SlackRig, captured: io.StringIO,
                                                                      stamp: str) -> None:
    """str.isdigit() says yes to superscripts and other scripts' digits, and int() then fails (or reads
    them): only ASCII digits are a timestamp. The header goes out as raw UTF-8 bytes, as a hostile
    client would send it."""
    body = "command=%2Fmet&text=Jane&team_id=T1&user_id=U1"
    request = (f"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {FORM}\r\n"
               f"X-Slack-Request-Timestamp: {stamp}\r\nX-Slack-Signature: v0={'0' * 64}\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}").encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", rig.service.bound_port)
    writer.write(request)
    await writer.drain()
    answer = await reader.read()
    writer.close()
    assert answer.startswith(b"HTTP/1.1 401"), answer[:40]
    log = captured.getvalue()
    assert "Traceback" not in log and len(log.splitlines()) == 1


async def test_a_trickled_body_or_head_does_not_hold_a_connection(tmp_path: Path, fake_slack: FakeSlack,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  captured: io.StringIO) -> None:
    """One byte of a 100-byte body kept a connection for minutes; now the body gets body_seconds (408,
    closed), and a head that never ends is closed after header_seconds."""
    monkeypatch.setattr(SlackService, "body_seconds", 0.5)
    monkeypatch.setattr(SlackService, "header_seconds", 0.5)
    rig, http = await start_rig(tmp_path, fake_slack)
    try:
        port = rig.service.bound_port
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n"
                     "Content-Length: 100\r\n\r\nc".encode())
        async with asyncio.timeout(10):
            answer = await reader.read()  # to the end: the server closes the connection
        writer.close()
        assert answer.startswith(b"HTTP/1.1 408")
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        async with asyncio.timeout(10):
            assert await reader.read() == b""  # closed, nothing answered
        writer.close()
        assert "refused a Slack request (408, body not received in time)" in captured.getvalue()
        assert (await rig.send.command("/coach", "help"))[0] == 200  # everyone else is served as before
    finally:
        await http.close()
        await rig.service.stop()
        rig.runtime.engine.dispose()
