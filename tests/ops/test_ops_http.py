"""/healthz and /metrics, served over real HTTP on loopback port 0, after real commands and a real tick."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine

from adapters.bootstrap import build_runtime
from adapters.http.metrics import metrics_of
from adapters.http.ops import OpsServer, add_ops_routes
from bot.clock import FakeClock
from bot.config import Settings
from bot.identity import Actor
from scheduler.notifier import DeliveryError
from scheduler.runtime import Runtime
from tests.fakes import RecordingNotifier

ALICE = Actor("slack", "T1", "U1", display_name="alice", timezone="UTC")


class FakeService:
    name = "fake"

    def __init__(self, platform: str) -> None:
        self.notifier = RecordingNotifier(platform)

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@pytest.fixture
def runtime(tmp_path: Path, clock: FakeClock) -> Runtime:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path}/coach.db", tick_seconds=15)  # type: ignore[call-arg]
    runtime = build_runtime(settings, clock=clock)
    runtime.add(FakeService("slack"))
    return runtime


@pytest.fixture
async def client(runtime: Runtime) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    app = web.Application()
    add_ops_routes(app, runtime)
    async with TestClient(TestServer(app, host="127.0.0.1", port=0)) as test_client:
        yield test_client
    runtime.engine.dispose()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def test_healthz_and_metrics_after_a_few_commands(client: TestClient, runtime: Runtime,
                                                        clock: FakeClock) -> None:
    api = runtime.api

    def commands(name: str, outcome: str) -> float:
        return found[("coach_commands_total", (("command", name), ("outcome", outcome), ("platform", "slack")))]
    assert not (await api.handle_text(ALICE, "/met", '"Jane Doe" at PyCon -- onboarding metrics')).error
    assert not (await api.handle_text(ALICE, "/met", "Bob at RustConf")).error
    assert (await api.handle_text(ALICE, "/coach", "sent Nobody")).error
    assert (await api.handle_text(ALICE, "/coach", "frobnicate")).error
    assert not (await api.handle_line(ALICE, "/coach list")).error

    assert (await (await client.get("/livez")).json()) == {"status": "alive"}
    health = await client.get("/healthz")
    assert health.status == 503  # dispatching, but no tick yet
    assert (await health.json())["database"] == "ok"

    runtime.build_dispatcher()
    clock.advance(timedelta(days=2))
    await runtime.tick()

    health = await client.get("/healthz")
    body = await health.json()
    assert health.status == 200, body
    assert body == {"status": "ok", "database": "ok", "dispatching": True, "last_tick_age_seconds": 0.0,
                    "last_tick_error": None,
                    "weekly_job": {"interval_seconds": 300.0, "last_run_age_seconds": None, "last_error": None,
                                   "planned": 0}}

    response = await client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    found = samples(await response.text())
    assert commands("met", "ok") == 2
    assert commands("sent", "error") == 1
    assert commands("unparsed", "error") == 1
    assert commands("list_contacts", "ok") == 1
    assert len(runtime.dispatcher.notifiers["slack"].sent) == 1  # type: ignore[union-attr]  # one digest DM
    assert found[("coach_nudges_sent_total", (("platform", "slack"),))] == 1
    assert found[("coach_delivery_latency_seconds_count", (("platform", "slack"),))] == 1
    assert found[("coach_tick_duration_seconds_count", ())] == 1
    assert found[("coach_nudges_due", ())] == 0
    assert found[("coach_last_tick_age_seconds", ())] == 0


async def test_the_weekly_job_shows_in_healthz_and_digests_are_counted(client: TestClient, runtime: Runtime,
                                                                       clock: FakeClock) -> None:
    await runtime.api.handle_text(ALICE, "/met", "Jane at PyCon")
    runtime.build_dispatcher()
    clock.set(datetime(2026, 3, 9, 9, 0, tzinfo=UTC))  # Monday 09:00 in Alice's zone
    await runtime.plan_week()
    await runtime.tick()
    body = await (await client.get("/healthz")).json()
    assert body["weekly_job"] == {"interval_seconds": 300.0, "last_run_age_seconds": 0.0, "last_error": None,
                                  "planned": 1}
    found = samples(await (await client.get("/metrics")).text())
    assert found[("coach_digests_sent_total", (("platform", "slack"),))] == 1
    clock.advance(timedelta(minutes=25))  # four missed runs of the weekly job: not ready
    await runtime.tick()
    assert (await client.get("/healthz")).status == 503


async def test_failures_and_backlog_are_counted(client: TestClient, runtime: Runtime, clock: FakeClock) -> None:
    await runtime.api.handle_text(ALICE, "/met", "Jane at PyCon")
    clock.advance(timedelta(days=2))
    found = samples(await (await client.get("/metrics")).text())
    assert found[("coach_nudges_due", ())] == 1

    runtime.build_dispatcher()
    runtime.dispatcher.notifiers["slack"].fail_with = DeliveryError("rate limited", retry_after=60)  # type: ignore[union-attr]
    await runtime.tick()
    found = samples(await (await client.get("/metrics")).text())
    assert found[("coach_nudges_failed_total", (("platform", "slack"),))] == 1
    assert ("coach_nudges_sent_total", (("platform", "slack"),)) not in found


async def test_healthz_fails_when_the_last_tick_is_stale_or_the_database_is_gone(
        client: TestClient, runtime: Runtime, clock: FakeClock) -> None:
    runtime.build_dispatcher()
    await runtime.tick()
    assert (await client.get("/healthz")).status == 200
    clock.advance(timedelta(minutes=10))
    stale = await client.get("/healthz")
    assert stale.status == 503 and (await stale.json())["last_tick_age_seconds"] == 600

    runtime.health.dispatching = False  # a commands-only replica: no tick expected
    assert (await client.get("/healthz")).status == 200
    runtime.engine.dispose()
    runtime.engine = create_engine("sqlite:////nonexistent/dir/coach.db")
    gone = await client.get("/healthz")
    assert gone.status == 503 and (await gone.json())["database"] == "unreachable"


async def test_ops_server_serves_on_its_own_port(runtime: Runtime) -> None:
    server = OpsServer(runtime, port=0, host="127.0.0.1")
    assert metrics_of(runtime) is runtime.observer is runtime.coach.observer  # one Metrics, passed in at build
    await server.start()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{server.port}/metrics") as response:
                assert response.status == 200
                assert "# TYPE coach_tick_duration_seconds histogram" in await response.text()
            async with http.get(f"http://127.0.0.1:{server.port}/healthz") as response:
                assert response.status in (200, 503)
                assert (await response.json())["database"] == "ok"
    finally:
        await server.stop()
        runtime.engine.dispose()


@pytest.mark.parametrize("damage", ["DROP TABLE events", "ALTER TABLE nudges DROP COLUMN digest_id"])
async def test_healthz_fails_when_the_schema_is_missing(client: TestClient, runtime: Runtime, damage: str) -> None:
    runtime.health.dispatching = False  # only the database decides here
    assert (await client.get("/healthz")).status == 200
    with runtime.engine.begin() as connection:
        connection.exec_driver_sql(damage)
    broken = await client.get("/healthz")
    assert broken.status == 503 and (await broken.json())["database"] == "schema_missing"


async def test_healthz_fails_on_a_database_never_migrated(client: TestClient, runtime: Runtime,
                                                          tmp_path: Path) -> None:
    runtime.health.dispatching = False
    runtime.engine = create_engine(f"sqlite:///{tmp_path}/empty.db")  # answers SELECT 1, holds nothing
    empty = await client.get("/healthz")
    assert empty.status == 503 and (await empty.json())["database"] == "schema_missing"


@pytest.mark.postgres
def test_the_schema_probe_on_postgres() -> None:
    import uuid

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from bot.store import open_store
    from bot.store.engine import normalise_url
    from bot.store.health import store_state
    from tests.conftest import postgres_admin_url

    admin_url = postgres_admin_url()
    if admin_url is None:
        pytest.skip("no PostgreSQL: set COACH_TEST_POSTGRES_URL to run this")
    name = f"i11store_health_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        engine, _sessions = open_store(make_url(normalise_url(admin_url)).set(database=name)
                                       .render_as_string(hide_password=False))
        assert store_state(engine) == "ok"
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE events"))
        assert store_state(engine) == "schema_missing"
        engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


async def test_the_public_slack_port_serves_no_healthz_nor_metrics(tmp_path: Path) -> None:
    """Flooding them on the Slack port slowed everyone's /met: they live on the ops port only."""
    from tests.slack.conftest import start_rig
    from tests.slack.slackfakes import FakeSlack

    fake = await FakeSlack().start()
    rig, http = await start_rig(tmp_path, fake)
    try:
        for path, status in (("/healthz", 404), ("/metrics", 404), ("/livez", 200)):
            async with http.get(f"{rig.base}{path}") as response:
                assert response.status == status, path
    finally:
        await http.close()
        await rig.service.stop()
        rig.runtime.engine.dispose()
        await fake.stop()


async def test_a_flood_of_healthz_and_metrics_runs_one_probe_at_a_time(runtime: Runtime,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import threading
    import time

    probing, most, probes = 0, 0, 0
    lock = threading.Lock()
    real = runtime.database_state

    def counted() -> str:
        nonlocal probing, most, probes
        with lock:
            probing, probes = probing + 1, probes + 1
            most = max(most, probing)
        time.sleep(0.05)  # a slow database: requests pile up meanwhile
        try:
            return real()
        finally:
            with lock:
                probing -= 1

    monkeypatch.setattr(runtime, "database_state", counted)
    server = OpsServer(runtime, port=0, host="127.0.0.1")
    await server.start()
    try:
        async with aiohttp.ClientSession() as http:
            async def get(path: str) -> int:
                async with http.get(f"http://127.0.0.1:{server.port}{path}") as response:
                    await response.read()
                    return response.status

            statuses = await asyncio.gather(*(get(p) for p in ["/healthz", "/metrics"] * 50))
        assert set(statuses) <= {200, 503} and most == 1 and probes < 20
    finally:
        await server.stop()
        runtime.engine.dispose()
