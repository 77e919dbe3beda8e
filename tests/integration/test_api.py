"""bot.api, the one door into the core: every call runs on the API's own threads (sized to the database
pool; App Home on a few of its own), a unit of work refuses the event loop's thread, and the adapter
tables (event receipts, installations, OAuth states) live behind it — on SQLite and the real PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy.orm import Session, sessionmaker

import bot.queries
from adapters.slack.oauth import CoachInstallationStore, SignedStateStore
from bot.api import CoachAPI
from bot.clock import FakeClock
from bot.coach import Coach
from bot.commands import Met, Who
from bot.identity import Actor
from bot.store.engine import make_engine, pool_capacity
from bot.store.uow import BlockingCall
from tests.conftest import START

ANA = Actor("slack", "T1", "U_ANA", display_name="Ana", timezone="UTC")


@pytest.fixture
async def api(sessions: sessionmaker[Session], clock: FakeClock) -> AsyncIterator[CoachAPI]:
    api = CoachAPI(sessions, clock)
    yield api
    api.close()


async def test_a_core_call_on_the_event_loop_thread_fails_loudly(sessions: sessionmaker[Session],
                                                                 clock: FakeClock) -> None:
    coach = Coach(sessions, clock)
    with pytest.raises(BlockingCall):
        coach.handle_line(ANA, "/met Jane at PyCon")
    with pytest.raises(BlockingCall):
        coach.press(ANA, "coach:sent:1")


async def test_every_call_runs_on_the_apis_own_threads(api: CoachAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = api.coach.handle

    def spy(*args: object) -> object:
        seen.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(api.coach, "handle", spy)
    assert not (await api.handle(ANA, Met(Who("Jane Doe"), where="PyCon"))).error
    assert seen and seen[0].startswith("coach-core") and seen[0] != threading.current_thread().name
    assert not (await api.handle_text(ANA, "/coach", "list")).error
    assert "Jane Doe" in (await api.handle_line(ANA, "/coach show Jane")).text
    assert (await api.press(ANA, "coach:sent:999")).error
    home = await api.home(ANA)
    assert home.known and [c.name for c in home.recent] == ["Jane Doe"]
    assert await api.contact_suggestions(ANA, "ja") == ["Jane Doe"]
    assert await api.timezone_question_due(ANA) is False  # Slack told the zone? no: the member row says UTC
    assert (await api.due_counts()).due == 0
    api.clock.advance(timedelta(days=2))  # type: ignore[attr-defined]
    assert (await api.due_counts()).due == 1
    assert await api.next_due(ANA, api.clock.now()) is not None
    profile = await api.profile(ANA)
    assert profile is not None and profile.timezone == "UTC"
    assert await api.latest_event(ANA) == START


async def test_an_answer_never_waits_behind_app_home(api: CoachAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    """Homes that trail a change run on threads of their own: with every one of them stuck, commands are
    still answered on the core's threads, and the Homes finish once they may."""
    release, stuck = threading.Event(), threading.Semaphore(0)
    real_home = bot.queries.home

    def slow_home(*args: object) -> object:
        stuck.release()
        release.wait(10)
        return real_home(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(bot.queries, "home", slow_home)
    homes = [asyncio.ensure_future(api.home(ANA, after_change=True)) for _ in range(api.workers)]  # > its threads
    await asyncio.to_thread(stuck.acquire, True, 5)
    members = [ANA] + [Actor("slack", "T1", f"U_{n}") for n in range(1, api.workers)]  # one command each, at once
    replies = await asyncio.wait_for(asyncio.gather(
        *(api.handle_line(member, "/met Jane Doe at PyCon") for member in members)), 10)
    assert not any(reply.error for reply in replies)
    assert not any(home.done() for home in homes)
    release.set()
    done = await asyncio.wait_for(asyncio.gather(*homes), 10)
    assert all(home.known for home in done)


async def test_someone_new_has_an_empty_home_and_nothing_is_created(api: CoachAPI) -> None:
    home = await api.home(Actor("slack", "T1", "U_NEW"))
    assert not home.known and await api.profile(Actor("slack", "T1", "U_NEW")) is None


def test_the_executor_is_as_large_as_the_database_pool(tmp_path: Path, clock: FakeClock) -> None:
    api = CoachAPI.open(f"sqlite:///{tmp_path}/coach.db", clock)
    try:
        assert api.workers == pool_capacity(api.sessions.kw["bind"]) == 5 + 10
    finally:
        api.close()
    engine = make_engine("postgresql://nobody@127.0.0.1:1/none", pool_size=3, max_overflow=4)
    assert pool_capacity(engine) == 7  # no connection is made to size it


async def test_an_event_key_is_first_exactly_once(api: CoachAPI) -> None:
    assert await api.first_receipt("slack:Ev1")
    assert not await api.first_receipt("slack:Ev1")
    assert await api.first_receipt("slack:Ev2")
    assert await api.first_receipt("") and await api.first_receipt("")  # no id: never a retry


async def test_slack_installations_round_trip_through_the_core(api: CoachAPI) -> None:
    store = CoachInstallationStore(api)
    installation = Installation(app_id="A1", team_id="T9", team_name="Nine", bot_token="xoxb-9", bot_id="B9",
                                bot_user_id="UB9", bot_scopes="chat:write,im:write", user_id="U1",
                                bot_token_expires_in=3600)
    await store.async_save(installation)
    bot = await store.async_find_bot(enterprise_id=None, team_id="T9")
    assert bot is not None and bot.bot_token == "xoxb-9" and bot.bot_scopes == ["chat:write", "im:write"]
    found = await store.async_find_installation(enterprise_id=None, team_id="T9", user_id="U1")
    assert found is not None and found.to_dict() == installation.to_dict()
    latest = await store.async_find_installation(enterprise_id=None, team_id="T9")
    assert latest is not None and latest.user_id == "U1"
    newer = Installation(app_id="A1", team_id="T9", user_id="U2", user_token="xoxp-2", user_scopes="search:read")
    await store.async_save(newer)  # user scopes only: the workspace's bot still answers for it
    second = await store.async_find_installation(enterprise_id=None, team_id="T9", user_id="U2")
    assert second is not None and second.user_token == "xoxp-2" and second.bot_token == "xoxb-9"
    assert await store.async_find_bot(enterprise_id=None, team_id="T8") is None
    await store.async_delete_all(enterprise_id=None, team_id="T9")
    assert await store.async_find_bot(enterprise_id=None, team_id="T9") is None
    assert await store.async_find_installation(enterprise_id=None, team_id="T9", user_id="U1") is None


async def test_two_installs_of_one_workspace_at_once_both_land(api: CoachAPI) -> None:
    """Slack's OAuth redirect for the same workspace twice at once: no unique-key failure, one row per key."""
    import asyncio

    payloads = [{"team_id": "T7", "bot_token": f"xoxb-{n}"} for n in range(6)]
    await asyncio.gather(*(api.save_installation("slack", payload, enterprise_id=None, team_id="T7",
                                                 user_id=f"U{n % 2}") for n, payload in enumerate(payloads)))
    latest = await api.find_installation("slack", enterprise_id=None, team_id="T7")
    assert latest in payloads
    for user in ("U0", "U1"):
        assert await api.find_installation("slack", enterprise_id=None, team_id="T7", user_id=user) in payloads


async def test_an_oauth_state_is_signed_and_expires(clock: FakeClock) -> None:
    states = SignedStateStore("client-secret", clock, expiration_seconds=600)
    state = await states.async_issue()
    assert await states.async_consume(state)
    assert not await states.async_consume("never-issued") and not await states.async_consume("")
    expiry, nonce, signature = state.split(".")
    assert not await states.async_consume(f"{int(expiry) + 3600}.{nonce}.{signature}")  # altered
    assert not await SignedStateStore("another-secret", clock).async_consume(state)  # another app's
    assert not await states.async_consume(f"²{expiry}.{nonce}.{signature}")
    late = await states.async_issue()
    clock.advance(timedelta(minutes=11))
    assert not await states.async_consume(late)


async def test_workspaces_installed_before_0006_keep_their_tokens(tmp_path: Path) -> None:
    """slack_sdk's own tables (created by the adapter before the tables moved under Alembic) are copied
    into the core's installations when the database is upgraded."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    from bot.store.migrate import upgrade

    url = f"sqlite:///{tmp_path}/old.db"
    engine = make_engine(url)
    upgrade(engine, "0004_rate_budget")
    old = SQLAlchemyInstallationStore(client_id="111.222", engine=engine)
    old.metadata.create_all(engine)
    for team, token in (("TA", "xoxb-a-old"), ("TA", "xoxb-a"), ("TB", "xoxb-b")):
        old.save(Installation(app_id="A1", team_id=team, bot_token=token, bot_id="B1", bot_user_id="UB",
                              bot_scopes="chat:write", user_id="UADMIN", installed_at=1_700_000_000.0 + len(token)))
    upgrade(engine)
    engine.dispose()
    api = CoachAPI.open(url, FakeClock(START))
    try:
        store = CoachInstallationStore(api)
        for team, token in (("TA", "xoxb-a-old"), ("TB", "xoxb-b")):  # the latest per workspace wins
            bot = await store.async_find_bot(enterprise_id=None, team_id=team)
            assert bot is not None and bot.bot_token == token and bot.bot_scopes == ["chat:write"]
        found = await store.async_find_installation(enterprise_id=None, team_id="TB", user_id="UADMIN")
        assert found is not None and found.bot_token == "xoxb-b" and found.app_id == "A1"
    finally:
        api.close()
