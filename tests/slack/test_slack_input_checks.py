"""The /met form refuses what the text grammar refuses (NUL and other control characters, an id that
is no user id, over-long text), field by field in the modal, and stores nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.commands import CONTROL_PROBLEM
from bot.limits import MAX_TEXT
from bot.models import Contact
from tests.slack.conftest import SlackRig

GOOD = {"name": "Ada Lovelace", "where": "PyCon", "notes": "analytical engines", "interests": "math, poetry",
        "offer": "an intro"}


def submission(view: dict[str, Any], *, member: str | None = None, **fields: str) -> dict[str, Any]:
    values: dict[str, Any] = {key: {key: {"type": "plain_text_input", "value": value}}
                              for key, value in {**GOOD, **fields}.items()}
    if member is not None:
        values["member"] = {"member": {"type": "users_select", "selected_user": member}}
    return {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "name": "u1", "team_id": "T1"},
            "view": {**view, "id": "V1", "state": {"values": values}}}


@pytest.mark.parametrize("fields, block, problem", [
    ({"name": "Ada\x00Lovelace"}, "name", CONTROL_PROBLEM),
    ({"name": "Ada \x1b[31mLovelace"}, "name", CONTROL_PROBLEM),
    ({"notes": "talked\x00about engines"}, "notes", CONTROL_PROBLEM),
    ({"where": "Py\x07Con"}, "where", CONTROL_PROBLEM),
    ({"offer": "an intro\x00"}, "offer", CONTROL_PROBLEM),
    ({"interests": "math, po\x00etry"}, "interests", CONTROL_PROBLEM),
    ({"member": "U" * 200}, "member", "doesn't look like a member"),
    ({"member": "U1\x00"}, "member", "doesn't look like a member"),
    ({"notes": "x" * (MAX_TEXT + 1)}, "notes", f"keep it under {MAX_TEXT:,}"),
    ({"where": "x" * 301}, "where", "keep it under 300"),
    ({"name": "x" * 121}, "name", "at most 120 characters"),
])
async def test_the_form_refuses_what_the_grammar_refuses(rig: SlackRig, fields: dict[str, str], block: str,
                                                         problem: str) -> None:
    await rig.send.command("/met", "")
    [opened] = await rig.fake.wait_for("views.open")
    member = fields.pop("member", None)
    status, text = await rig.send.interaction(submission(opened.args["view"], member=member, **fields))
    assert status == 200
    answer = json.loads(text)
    assert answer["response_action"] == "errors" and list(answer["errors"]) == [block]
    assert problem in answer["errors"][block] and len(answer["errors"][block]) <= 150
    assert rig.fake.of("chat.postMessage") == []
    with rig.runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


async def test_a_good_form_with_a_multiline_note_is_stored(rig: SlackRig) -> None:
    await rig.send.command("/met", "")
    [opened] = await rig.fake.wait_for("views.open")
    status, _ = await rig.send.interaction(submission(opened.args["view"], member="U42",
                                                      notes="engines\r\nand\tpoetry"))
    assert status == 200
    post = (await rig.fake.wait_for("chat.postMessage"))[0]
    assert "Noted: you met Ada Lovelace" in post.args["text"]
    with rig.runtime.sessions() as session:
        assert session.scalars(select(Contact.notes)).one() == "engines\r\nand\tpoetry"
