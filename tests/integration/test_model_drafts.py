"""Bring your own model, through the coach: the real API, the real HTTP client (adapters/llm.py), a fake
OpenAI-compatible endpoint on loopback, SQLite and PostgreSQL. Off by default; on for a member only when
the operator configured a model, listed the member's workspace, and the member said so; a model draft that
is slow, fails or doesn't pass the checks gives way to the built-in one."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from adapters.llm import model_drafts
from bot.api import CoachAPI
from bot.clock import FakeClock
from bot.config import Settings
from bot.identity import Actor
from bot.models import Contact, Member
from bot.replies import Verb, format_action_id
from tests.llm_fake import GOOD_DRAFT, MODEL, FakeLLM

SAM = Actor("slack", "T1", "U_SAM", display_name="Sam", timezone="UTC")
ELSEWHERE = Actor("slack", "T2", "U_KIM", display_name="Kim", timezone="UTC")
MET = ("/met Jane Doe at PyCon -- promised to send her the onboarding checklist; seemed stressed about her team; "
       "todo: ask about pricing")
GOOD = GOOD_DRAFT + "\n\nBest,\nSam"
LLM_ANSWER = GOOD  # what the shared `llm` fixture answers


def settings_for(llm: FakeLLM, workspaces: str = "T1", timeout: float = 5.0) -> Settings:
    return Settings.load(llm_url=llm.url, llm_model=MODEL, llm_api_key="sk-test-key", llm_timeout=timeout,
                         llm_workspaces=workspaces, _env_file=None)


@pytest.fixture
def api(sessions: sessionmaker[Session], clock: FakeClock, llm: FakeLLM) -> Iterator[CoachAPI]:
    api = CoachAPI(sessions, clock, models=model_drafts(settings_for(llm)))
    yield api
    api.close()


def member(sessions: sessionmaker[Session], user_id: str = "U_SAM") -> Member:
    with sessions() as session:
        return session.scalars(select(Member).where(Member.user_id == user_id)).one()


async def test_off_by_default_nothing_goes_to_the_model(api: CoachAPI, llm: FakeLLM,
                                                        sessions: sessionmaker[Session]) -> None:
    await api.handle_line(SAM, MET)
    reply = await api.handle_line(SAM, "/coach draft jane")
    assert "Here's a draft for Jane Doe" in reply.text and "model" not in reply.text.lower()
    assert reply.model is None and llm.requests == []
    assert not member(sessions).model_drafts
    shown = await api.handle_line(SAM, "/coach settings")
    assert "Model drafts: off (/coach settings model on)" in shown.text


async def test_a_member_opts_in_and_the_first_model_draft_says_what_wrote_it(
        api: CoachAPI, llm: FakeLLM, sessions: sessionmaker[Session]) -> None:
    await api.handle_line(SAM, MET)
    on = await api.handle_line(SAM, "/coach settings model on")
    assert "Model drafts are on" in on.text and MODEL in on.text and "PRIVACY.md" in on.text
    assert member(sessions).model_drafts
    assert "Model drafts: on (fake-model)" in (await api.handle_line(SAM, "/coach settings")).text

    first = await api.handle_line(SAM, "/coach draft jane")
    assert GOOD in first.text and first.model is None
    assert first.title is not None and first.title.startswith("Draft: First message to Jane Doe")
    assert f"written by {MODEL}, the model your workspace set up" in first.text
    assert "Before you send it: attach or link the onboarding checklist" in first.text  # the drafter's tips stay
    assert member(sessions).model_noted

    (sent,) = llm.chats
    assert sent.headers["authorization"] == "Bearer sk-test-key"
    assert sent.body is not None and sent.body["model"] == MODEL and sent.body["stream"] is False
    assert re.search(r"\b(Hi|Hello|Hey) Jane\b", sent.text()) and "onboarding checklist" in sent.text()
    for private in ("stressed", "pricing", "todo"):  # judgements and to-dos stay home
        assert private not in sent.text().lower()

    again = await api.handle_line(SAM, "/coach draft jane")
    assert GOOD in again.text and f"Written by {MODEL}, checked by the coach" in again.text
    assert "the model your workspace set up" not in again.text

    exported = await api.handle_line(SAM, "/coach export")  # the setting is the member's data too
    assert json.loads(exported.attachments[0].content)["member"]["model_drafts"] == "on"
    for attachment in exported.attachments:
        attachment.discard()


@pytest.mark.parametrize(("setup", "why"), [
    ({"status": 500}, "couldn't be reached or gave no answer"),
    ({"raw": b"<html>gateway</html>"}, "couldn't be reached or gave no answer"),
    ({"answer": GOOD.replace("Hi Jane,", "Hi Doe,")}, "didn't greet them as Jane"),
    ({"answer": GOOD.replace("Best,", "Hope the team is less stressed now.\n\nBest,")}, "repeated a private remark"),
    ({"answer": GOOD.replace("Best,", "I'll introduce you to my cofounder next week.\n\nBest,")},
     "promised something your notes don't"),
])
async def test_a_failing_or_refused_model_draft_gives_way_to_the_built_in_one(
        api: CoachAPI, llm: FakeLLM, sessions: sessionmaker[Session], setup: dict[str, object], why: str) -> None:
    await api.handle_line(SAM, MET)
    await api.handle_line(SAM, "/coach settings model on")
    for key, value in setup.items():
        setattr(llm, key, value)
    reply = await api.handle_line(SAM, "/coach draft jane")
    draft, _, said = reply.text.partition("(Your model's draft wasn't used: it ")
    assert "Here's a draft for Jane Doe" in draft and re.search(r"\b(Hi|Hello|Hey) Jane\b", draft)
    assert "Hi Doe" not in draft and "stressed" not in draft and "cofounder" not in draft
    assert said.startswith(why) and said.endswith("This one is the coach's own.)")
    assert len(llm.chats) == 1 and not member(sessions).model_noted


class Observed:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str, bool]] = []

    def on_command(self, platform: str, command: str, ok: bool) -> None:
        self.seen.append((platform, command, ok))


async def test_metrics_count_model_drafts_used_and_not(sessions: sessionmaker[Session], clock: FakeClock,
                                                       llm: FakeLLM) -> None:
    observer = Observed()
    api = CoachAPI(sessions, clock, observer=observer, models=model_drafts(settings_for(llm)))
    try:
        await api.handle_line(SAM, MET)
        await api.handle_line(SAM, "/coach settings model on")
        await api.handle_line(SAM, "/coach draft jane")
        llm.status = 503
        await api.handle_line(SAM, "/coach draft jane")
    finally:
        api.close()
    assert [s for s in observer.seen if s[1] == "model_draft"] == [("slack", "model_draft", True),
                                                                    ("slack", "model_draft", False)]


async def test_a_slow_model_meets_its_time_limit_and_holds_no_lock(
        sessions: sessionmaker[Session], clock: FakeClock, llm: FakeLLM) -> None:
    api = CoachAPI(sessions, clock, models=model_drafts(settings_for(llm, timeout=1.0)))
    try:
        await api.handle_line(SAM, MET)
        await api.handle_line(SAM, "/coach settings model on")
        llm.delay = 10
        started = time.monotonic()
        drafting = asyncio.create_task(api.handle_line(SAM, "/coach draft jane"))
        while not llm.chats:  # the model has the prompt: the unit of work is over
            await asyncio.sleep(0.01)
        listed = await api.handle_line(SAM, "/coach list")  # the member's own lock is free meanwhile
        assert "Jane Doe" in listed.text and not drafting.done()
        reply = await drafting
        assert time.monotonic() - started < 5
        assert "didn't answer within 1 second" in reply.text and re.search(r"\b(Hi|Hello|Hey) Jane\b", reply.text)
    finally:
        llm.delay = 0
        api.close()


async def test_only_the_workspaces_the_operator_listed(sessions: sessionmaker[Session], clock: FakeClock,
                                                       llm: FakeLLM) -> None:
    api = CoachAPI(sessions, clock, models=model_drafts(settings_for(llm, workspaces="T1")))
    try:
        refused = await api.handle_line(ELSEWHERE, "/coach settings model on")
        assert "workspace admin hasn't switched model drafts on" in refused.text
        assert not member(sessions, "U_KIM").model_drafts
        assert "Model drafts" not in (await api.handle_line(ELSEWHERE, "/coach settings")).text
    finally:
        api.close()
    plain = CoachAPI(sessions, clock)  # no model configured at all
    try:
        none = await plain.handle_line(SAM, "/coach settings model on")
        assert "No model is set up" in none.text and "COACH_LLM_URL" in none.text
        assert not member(sessions).model_drafts
    finally:
        plain.close()


async def test_off_again_and_no_model_for_a_question(api: CoachAPI, llm: FakeLLM,
                                                     sessions: sessionmaker[Session]) -> None:
    await api.handle_line(SAM, "/coach settings model on")
    await api.handle_line(SAM, "/met Lee")  # nothing to go on: the coach asks, and the model isn't asked
    asked = await api.handle_line(SAM, "/coach draft lee")
    assert "for?" in asked.text and llm.chats == []
    off = await api.handle_line(SAM, "/coach settings model off")
    assert "Model drafts are off" in off.text and not member(sessions).model_drafts
    await api.handle_line(SAM, MET)
    reply = await api.handle_line(SAM, "/coach draft jane")
    assert llm.chats == [] and "written by" not in reply.text.lower()


async def test_buttons_and_answers_get_model_drafts_too(api: CoachAPI, llm: FakeLLM,
                                                        sessions: sessionmaker[Session]) -> None:
    await api.handle_line(SAM, MET)
    await api.handle_line(SAM, "/coach settings model on")
    with sessions() as session:
        contact_id = session.scalars(select(Contact.id)).one()
    answered = await api.press(SAM, format_action_id(Verb.FOR_SEND, contact_id))
    assert GOOD in answered.text
    quick = await api.press(SAM, format_action_id(Verb.FOR_SEND, contact_id), wait_for_model=False)
    assert quick.model is not None and GOOD not in quick.text  # the built-in draft, to show at once
    assert re.search(r"\b(Hi|Hello|Hey) Jane\b", quick.text)
    finished = await api.finish(quick)
    assert GOOD in finished.text and finished.model is None
