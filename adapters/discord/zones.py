"""Timezones for people Discord tells us nothing about: a short menu of common zones, and a search over
every IANA zone for `/coach settings tz`."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

# One city per widely used offset, west to east; the picker shows at most 25 options.
COMMON_ZONES = (
    "Pacific/Honolulu",
    "America/Anchorage",
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Halifax",
    "America/Sao_Paulo",
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


@cache
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC"))


def search_zones(typed: str, limit: int = 25) -> list[str]:
    """Zones whose name contains what was typed (spaces match underscores); common ones when empty."""
    needle = typed.strip().casefold().replace(" ", "_")
    if not needle:
        return list(COMMON_ZONES[:limit])
    starts = [zone for zone in _all_zones() if zone.casefold().split("/")[-1].startswith(needle)]
    contains = [zone for zone in _all_zones() if needle in zone.casefold() and zone not in starts]
    return [*starts, *contains][:limit]
