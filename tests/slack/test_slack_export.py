"""`/coach export` in Slack (issue 23): answered at once, however long the export takes; its files follow
into the member's DM, streamed from disk, and are deleted once sent."""

from __future__ import annotations

import asyncio
import json

import pytest

from adapters.slack.app import EXPORT_COMING
from bot.replies import Reply
from tests.fakes import Blocker
from tests.slack.conftest import SlackRig


async def test_export_is_answered_at_once_and_its_files_follow(rig: SlackRig, monkeypatch: pytest.MonkeyPatch) -> None:
    await rig.send.command("/met", "Jane at PyCon")
    await rig.fake.wait_responses(1)
    blocker = Blocker(rig.runtime.coach.handle_text)
    monkeypatch.setattr(rig.runtime.coach, "handle_text", blocker)
    sent: list[Reply] = []
    real = blocker.real
    blocker.real = lambda *args: sent.append(real(*args)) or sent[-1]
    status, text = await asyncio.wait_for(rig.send.command("/coach", "export", key="exp"), 10)
    assert status == 200 and json.loads(text)["text"] == EXPORT_COMING  # while the export is still being made
    assert rig.fake.of("files.completeUploadExternal") == []
    blocker.release.set()
    [complete] = await rig.fake.wait_for("files.completeUploadExternal")
    assert complete.args["channel_id"] == "DU1" and "1 contact" in complete.args["initial_comment"]
    files = {f["filename"]: f for f in rig.fake.files.values()}
    assert set(files) == {"coach-export.json", "coach-contacts.csv"}
    assert json.loads(files["coach-export.json"]["data"])["contacts"][0]["name"] == "Jane"
    paths = [a.path for a in sent[0].attachments]
    for _ in range(200):  # the listener deletes them once Slack has answered the completing call
        if all(p is not None and not p.exists() for p in paths):
            break
        await asyncio.sleep(0.05)
    assert paths and all(p is not None and not p.exists() for p in paths)
