"""An acknowledged command is a stored command, through SIGTERM and SIGKILL: a real `coach slack --port`
process takes a burst of signed /met from many concurrent senders and is signalled mid-burst; every
request answered 200 "Noted" must be in the database afterwards, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import create_engine, select

from bot.models import Contact, Member
from bot.store.engine import normalise_url
from tests.slack.slackfakes import SECRET, FakeSlack, SlackSender
from tests.slack.test_slack_cli import ROOT, coach_env, free_port, wait_until_up

SENDERS = 20
BURST = 240
SIGNAL_AFTER = 40  # acknowledged answers before the signal


@dataclass
class Burst:
    acknowledged: set[int] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)  # anything else: connection errors, non-200
    answered: asyncio.Event = field(default_factory=asyncio.Event)


async def burst(send: SlackSender, team: str, burst_state: Burst) -> None:
    """BURST /met from SENDERS concurrent senders, one new member and contact per request; a sender
    stops at its first failure (the server has stopped taking requests)."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(BURST):
        queue.put_nowait(i)

    async def sender() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            try:
                status, text = await send.command("/met", f"Person {i} at PyCon -- burst", team=team,
                                                  user=f"U{i}", key=f"b{i}")
            except (TimeoutError, aiohttp.ClientError, OSError) as failure:
                burst_state.refused.append(type(failure).__name__)
                return
            if status == 200 and "Noted: you met" in text:
                burst_state.acknowledged.add(i)
                if len(burst_state.acknowledged) >= SIGNAL_AFTER:
                    burst_state.answered.set()
            else:
                burst_state.refused.append(f"{status} {text[:80]}")
                if status != 200:
                    return

    await asyncio.gather(*(sender() for _ in range(SENDERS)))


def stored(database_url: str, team: str) -> set[int]:
    engine = create_engine(normalise_url(database_url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(Member.user_id, Contact.name).join(Contact, Contact.member_id == Member.id)
                                      .where(Member.workspace_id == team))
            return {int(user[1:]) for user, name in rows if name == f"Person {user[1:]}"}
    finally:
        engine.dispose()


async def signal_mid_burst(tmp_path: Path, fake: FakeSlack, database_url: str, team: str,
                           signum: signal.Signals) -> tuple[Burst, int | None, str]:
    port = free_port()
    env = coach_env(tmp_path, SLACK_BOT_TOKEN="xoxb-burst", SLACK_SIGNING_SECRET=SECRET,
                    SLACK_API_URL=fake.api_url, COACH_DISPATCH="off", DATABASE_URL=database_url)
    log_path = tmp_path / f"coach-{signum.name}.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "adapters.entrypoints.cli", "slack",
                                                       "--port", str(port), "--host", "127.0.0.1", cwd=ROOT, env=env,
                                                       stderr=log)
        try:
            connector = aiohttp.TCPConnector(limit=SENDERS, force_close=True)
            async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as http:
                await wait_until_up(http, f"http://127.0.0.1:{port}/livez", process, log_path)
                state = Burst()
                sending = asyncio.create_task(burst(SlackSender(http, f"http://127.0.0.1:{port}/slack/events",
                                                                fake), team, state))
                waiting = asyncio.create_task(state.answered.wait())
                await asyncio.wait({sending, waiting}, timeout=120, return_when=asyncio.FIRST_COMPLETED)
                assert state.answered.is_set(), f"only {len(state.acknowledged)} answers: {state.refused[:5]}"
                process.send_signal(signum)
                await asyncio.wait_for(sending, 120)
                waiting.cancel()
            code = await asyncio.wait_for(process.wait(), 60)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    return state, code, log_path.read_text(errors="replace")


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/coach.db"


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_every_acknowledged_met_survives_a_signal_on_sqlite(tmp_path: Path, fake_slack: FakeSlack,
                                                                  signum: signal.Signals) -> None:
    await check_survives(tmp_path, fake_slack, sqlite_url(tmp_path), "TSQ", signum)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_every_acknowledged_met_survives_a_signal_on_postgres(tmp_path: Path, fake_slack: FakeSlack,
                                                                    postgres_url: str, signum: signal.Signals) -> None:
    await check_survives(tmp_path, fake_slack, postgres_url, f"TPG{signum.name}", signum)


async def check_survives(tmp_path: Path, fake: FakeSlack, database_url: str, team: str,
                         signum: signal.Signals) -> None:
    state, code, log = await signal_mid_burst(tmp_path, fake, database_url, team, signum)
    kept = stored(database_url, team)
    lost = state.acknowledged - kept
    assert not lost, f"{len(lost)} of {len(state.acknowledged)} acknowledged /met were not stored: {sorted(lost)[:10]}"
    assert len(state.acknowledged) >= SIGNAL_AFTER
    assert not [r for r in state.refused if r.startswith("200")], state.refused[:5]  # no 200 apology
    if signum is signal.SIGTERM:
        assert code == 0, log[-3000:]
        assert "Traceback" not in log, log[-3000:]
