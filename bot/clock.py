"""The only source of "now" in the coach. Everything time-dependent takes a Clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment as an aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to: tests and the console's `/advance`."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


class OffsetClock:
    """Real time, moved forward on request: the interactive console's clock, so nudges fall due on
    their own while the member types (its `/advance` offers `--demo` instead of moving it)."""

    def __init__(self, start: datetime | None = None, real: Clock | None = None) -> None:
        self._real = real or SystemClock()
        self._offset = timedelta(0)
        if start is not None:
            self.set(start)

    def now(self) -> datetime:
        return self._real.now() + self._offset

    def set(self, moment: datetime) -> None:
        """Jump to `moment`; never backwards."""
        self._offset = max(self._offset, moment.astimezone(UTC) - self._real.now())

    def advance(self, delta: timedelta) -> None:
        self._offset += max(delta, timedelta(0))


def as_utc(moment: datetime) -> datetime:
    """Normalise a datetime read back from a database (SQLite drops the zone) to aware UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
