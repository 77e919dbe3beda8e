"""`/coach settings tz zone:US` (or Canada, Europe, America: regions, folders of zones on disk) through the
real command tree: the usual "I don't know the timezone" with suggestions, never "Something went wrong"."""

from __future__ import annotations

import pytest

from bot.coach import OOPS
from tests.discord.harness import World, text_of


@pytest.mark.parametrize(("region", "suggested"), [("US", "US/Eastern"), ("Canada", "Canada/Eastern"),
                                                    ("Europe", "Europe/London"), ("America", "America/New_York")])
async def test_a_region_is_an_unknown_timezone_with_suggestions(world: World, server, region: str,
                                                                suggested: str) -> None:
    channel, alice, _ = server
    answer = text_of((await alice.slash(channel, "coach settings tz", zone=region)).response)
    assert answer.startswith(f"I don't know the timezone {region!r}. Did you mean {suggested}")
    assert OOPS not in answer
    assert "Timezone: UTC" in text_of((await alice.slash(channel, "coach settings show")).response)
