"""Timezone names a member (or an operator) may type: a region alone — `US`, `Canada`, `Europe`, `America`,
each a folder of zones on disk, where ZoneInfo raises IsADirectoryError — is an unknown zone with
suggestions, never a crash."""

from __future__ import annotations

import pytest

from adapters.console.localzone import machine_timezone
from adapters.platforms import load_config
from bot.commands import UsageError
from bot.config import ConfigError
from bot.handlers.settings import valid_timezone
from bot.timefmt import is_zone

REGIONS = {"US": "US/Eastern", "Canada": "Canada/Eastern", "Europe": "Europe/London", "America": "America/New_York",
           "Etc": "Etc/GMT", "America/Argentina": "America/Argentina/", "Brazil": "Brazil/", "posix": None}


@pytest.mark.parametrize("typed", [*REGIONS, "us", "America/", "Europe/Berlin/", "../zoneinfo", "Mars/Olympus"])
def test_a_region_or_a_path_is_no_zone(typed: str) -> None:
    assert not is_zone(typed)


@pytest.mark.parametrize(("typed", "suggested"), REGIONS.items())
def test_a_region_typed_alone_gets_the_usual_answer_with_some_of_its_zones(typed: str, suggested: str | None) -> None:
    with pytest.raises(UsageError) as refused:
        valid_timezone(typed)
    first = refused.value.text.splitlines()[0]
    assert first.startswith(f"I don't know the timezone {typed!r}.")
    assert (f"Did you mean {suggested}" in first) if suggested else "Use an IANA name" in first


def test_zones_and_cities_still_work() -> None:
    assert [valid_timezone(z) for z in ("US/Eastern", "Europe/Berlin", "UTC", "berlin")] == [
        "US/Eastern", "Europe/Berlin", "UTC", "Europe/Berlin"]


def test_a_region_as_the_default_timezone_is_a_one_line_config_error() -> None:
    with pytest.raises(ConfigError, match="COACH_DEFAULT_TZ") as refused:
        load_config({"default_timezone": "US"}, _env_file=None)
    assert "Traceback" not in str(refused.value) and "IsADirectory" not in str(refused.value)


def test_a_region_in_tz_falls_back_on_the_machine_s_other_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "US")
    assert is_zone(machine_timezone())
