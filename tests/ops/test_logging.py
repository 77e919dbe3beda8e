"""Logs at INFO carry no token and no draft or note text — even when a command fails in the database —
and COACH_LOG_FORMAT=json writes one JSON object a line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from adapters.logs import REDACTED, configure_logging, redact
from bot.clock import FakeClock
from bot.coach import Coach
from bot.identity import Actor
from bot.store import open_store

BOT = "xoxb-1111-2222-abcdefghijkl"
APP = "xapp-1-A111-2222-abcdef"
DISCORD = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789"
SIGNING = "8f742231b10e8888abcd99yyyzzz85a5"
NOTE = "her daughter starts chemotherapy in May"
DRAFT = "Hi Jane, sorry to hear about the layoffs at Initech"
ALICE = Actor("slack", "T1", "U1", display_name="alice", timezone="UTC")


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_no_token_draft_or_note_reaches_an_info_log(tmp_path: Path, clock: FakeClock, root_logging: None) -> None:
    out = io.StringIO()
    configure_logging("INFO", "human", secrets=[BOT, APP, DISCORD, SIGNING], stream=out)
    engine, sessions = open_store(f"sqlite:///{tmp_path}/coach.db")
    coach = Coach(sessions, clock)
    coach.handle_text(ALICE, "/met", f'"Jane Doe" at PyCon -- {NOTE}')
    coach.handle_text(ALICE, "/review", DRAFT)

    with engine.begin() as connection:  # make the next write fail inside the database
        connection.execute(text("DROP TABLE events"))
    failed = coach.handle_text(ALICE, "/met", f'"Joan Roe" at PyCon -- {NOTE}')
    assert failed.error

    log = logging.getLogger("adapters.slack")
    log.info("connecting with %s and app token %s", BOT, APP)
    log.warning("discord said: bad token %s", DISCORD)
    log.info("verifying with signing secret %s", SIGNING)
    try:
        raise RuntimeError(f"request failed for token={BOT}")
    except RuntimeError:
        log.exception("boom")
    engine.dispose()

    written = out.getvalue()
    assert "command failed" in written and "Traceback" in written  # the failure itself is logged
    assert "no such table: events" in written
    for secret in (BOT, APP, DISCORD, SIGNING, NOTE, DRAFT, "chemotherapy", "layoffs"):
        assert secret not in written, secret
    assert written.count(REDACTED) >= 5


def test_json_format_is_one_object_a_line(root_logging: None) -> None:
    out = io.StringIO()
    configure_logging("INFO", "json", stream=out)
    logging.getLogger("coach.test").info("hello %s", "world")
    logging.getLogger("coach.test").debug("not shown")
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        logging.getLogger("coach.test").exception("with %s", BOT)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [entry["message"] for entry in lines] == ["hello world", f"with {REDACTED}"]
    assert lines[0]["level"] == "INFO" and lines[0]["logger"] == "coach.test" and "time" in lines[0]
    assert "ZeroDivisionError" in lines[1]["exception"]


def test_redact_knows_every_token_shape() -> None:
    assert redact(f"a {BOT} b {APP} c {DISCORD} d xoxp-123-456-abcdef") == \
        f"a {REDACTED} b {REDACTED} c {REDACTED} d {REDACTED}"
    assert redact("met xoxo at PyCon") == "met xoxo at PyCon"


def test_redact_drops_the_row_values_of_a_database_error() -> None:
    message = ('(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint '
               '"uq_contacts_member_name"\nDETAIL:  Key (member_id, name_key)=(7, zelda quartermain) already exists.\n'
               "[SQL: INSERT INTO contacts ...]")
    redacted = redact(message)
    assert "zelda" not in redacted and "uq_contacts_member_name" in redacted
    assert f"DETAIL:  {REDACTED}" in redacted and redacted.endswith("[SQL: INSERT INTO contacts ...]")
