"""`/coach settings tz US` (or Canada, Europe, America: regions, folders of zones on disk) over real HTTP:
the usual "I don't know the timezone" with suggestions, nothing changed, nothing logged as a failure."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.coach import OOPS
from bot.models import Member
from tests.slack.conftest import SlackRig


@pytest.mark.parametrize(("region", "suggested"), [("US", "US/Eastern"), ("Canada", "Canada/Eastern"),
                                                    ("Europe", "Europe/London"), ("America", "America/New_York")])
async def test_a_region_is_an_unknown_timezone_with_suggestions(rig: SlackRig, caplog: pytest.LogCaptureFixture,
                                                                region: str, suggested: str) -> None:
    caplog.set_level(logging.ERROR)
    status, _ = await rig.send.command("/coach", f"settings tz {region}")
    assert status == 200
    [answer] = await rig.fake.wait_responses()
    assert answer["text"].startswith(f"I don't know the timezone {region!r}. Did you mean {suggested}")
    assert OOPS not in answer["text"] and not [r for r in caplog.records if r.levelno >= logging.ERROR]
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Member.timezone)).all() in ([], ["Europe/Berlin"])  # nothing stored


async def test_a_region_as_slacks_own_timezone_for_a_member_is_ignored(rig: SlackRig) -> None:
    rig.fake.users["U1"] = {"id": "U1", "name": "u1", "tz": "US", "profile": {"display_name": "Ann"}}
    await rig.send.command("/met", "Jane at PyCon")
    [answer] = await rig.fake.wait_responses()
    assert answer["text"].startswith("Noted: you met Jane at PyCon")
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Member.timezone)).one() == "UTC"  # the coach's default instead
