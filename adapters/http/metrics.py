"""Prometheus metrics for one process, fed by the core's and the dispatcher's observer hooks.

The core never imports prometheus_client: `Metrics` implements bot.api.CommandObserver and
scheduler.dispatcher.DispatchObserver; the composition root (adapters/bootstrap.py) creates it first and
hands it to the API, the Runtime and so the Dispatcher in their constructors.
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from scheduler.runtime import Runtime

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
TICK_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0, 60.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    """Every metric the coach exports, in its own registry (so tests and processes never collide)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.commands = Counter("coach_commands", "Commands and buttons handled, by name, platform and outcome.",
                                ["command", "platform", "outcome"], registry=self.registry)
        self.nudges_sent = Counter("coach_nudges_sent", "Nudge DMs delivered (a digest counts once), by platform.",
                                   ["platform"], registry=self.registry)
        self.digests_sent = Counter("coach_digests_sent", "Monday digest DMs delivered, by platform.",
                                    ["platform"], registry=self.registry)
        self.nudges_failed = Counter("coach_nudges_failed",
                                     "Nudge DM deliveries that failed (each retry counts), by platform.",
                                     ["platform"], registry=self.registry)
        self.nudges_due = Gauge("coach_nudges_due", "Pending nudges whose time has come (whole database).",
                                registry=self.registry)
        self.delivery_latency = Histogram("coach_delivery_latency_seconds", "Time to hand one DM to the platform.",
                                          ["platform"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.tick_duration = Histogram("coach_tick_duration_seconds", "Duration of one dispatcher tick.",
                                       buckets=TICK_BUCKETS, registry=self.registry)
        self.last_tick_age = Gauge("coach_last_tick_age_seconds", "Seconds since this process's last good tick "
                                   "(-1 before the first).", registry=self.registry)

    # bot.api.CommandObserver
    def on_command(self, platform: str, command: str, ok: bool) -> None:
        self.commands.labels(command, platform, "ok" if ok else "error").inc()

    # scheduler.dispatcher.DispatchObserver
    def on_tick(self, duration_s: float) -> None:
        self.tick_duration.observe(duration_s)

    def on_delivered(self, platform: str, latency_s: float) -> None:
        self.nudges_sent.labels(platform).inc()
        self.delivery_latency.labels(platform).observe(latency_s)

    def on_failed(self, platform: str) -> None:
        self.nudges_failed.labels(platform).inc()

    def on_digest_sent(self, platform: str) -> None:
        self.digests_sent.labels(platform).inc()

    async def collect(self, runtime: Runtime) -> bytes:
        """The exposition text, with the gauges read fresh (the due count through the core's API)."""
        return self.render(runtime, await due_count(runtime))

    def render(self, runtime: Runtime, due: int) -> bytes:
        """The exposition text, given the due count (-1: the database did not answer)."""
        self.nudges_due.set(due)
        age = runtime.health.tick_age_seconds()
        self.last_tick_age.set(-1 if age is None else age)
        return generate_latest(self.registry)


def metrics_of(runtime: Runtime) -> Metrics:
    """The Metrics the runtime was built with (adapters/bootstrap.py passes one to every runtime)."""
    if not isinstance(runtime.observer, Metrics):
        raise TypeError("this runtime counts no metrics: build it with adapters.bootstrap")
    return runtime.observer


async def due_count(runtime: Runtime) -> int:
    """Pending nudges whose time has come, or -1 when the database does not answer."""
    try:
        return (await runtime.api.due_counts()).due
    except Exception:  # /healthz reports the database; metrics keep serving
        return -1
