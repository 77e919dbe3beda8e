"""Enterprise Grid: an org-wide install is kept by enterprise alone, yet a member's row knows only the
workspace they typed in. Commands reach the coach (Bolt finds the bot by enterprise) and so must their
nudges: the notifier falls back to the org-wide bot of the member's enterprise."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import update

from bot.models import Member, Nudge, NudgeState
from tests.slack.conftest import start_rig
from tests.slack.slackfakes import FakeSlack


def org_install(enterprise: str, token: str) -> Installation:
    return Installation(app_id="A1", enterprise_id=enterprise, team_id=None, is_enterprise_install=True,
                        bot_token=token, bot_id=f"B{enterprise}", bot_user_id="UBOT", bot_scopes=["chat:write"],
                        user_id="UADMIN")


async def test_an_org_wide_install_gets_its_nudges_end_to_end(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.org_teams.update({"xoxb-org-e1": ["T1", "T2"], "xoxb-org-e2": ["T9"]})
    rig, http = await start_rig(tmp_path, fake_slack, slack_bot_token=None, slack_client_id="111.222",
                                slack_client_secret="client-secret")
    try:
        assert rig.service.stores is not None
        store = rig.service.stores.installation_store
        for enterprise in ("E1", "E2"):  # two enterprises: which one serves T1 is asked of Slack
            await store.async_save(org_install(enterprise, f"xoxb-org-{enterprise.lower()}"))
        form = {"token": "legacy", "team_id": "T1", "team_domain": "t1", "enterprise_id": "E1",
                "enterprise_name": "Acme", "is_enterprise_install": "true", "channel_id": "C1",
                "channel_name": "general", "user_id": "U1", "user_name": "u1", "command": "/met",
                "text": '"Jane Doe" at PyCon', "api_app_id": "A1", "response_url": fake_slack.response_url(),
                "trigger_id": "trigger-1"}
        status, text = await rig.send.post(urlencode(form), "application/x-www-form-urlencoded")
        assert status == 200 and json.loads(text)["text"].startswith("Noted")
        with rig.runtime.sessions.begin() as session:  # any hour, any day, and due now
            session.execute(update(Member).values(work_start_hour=0, work_end_hour=24, work_days="0123456"))
            session.execute(update(Nudge).where(Nudge.state == NudgeState.PENDING.value)
                            .values(due_at=rig.clock.now() - timedelta(minutes=1)))
        assert rig.runtime.dispatcher is not None
        [delivered] = await rig.runtime.dispatcher.tick()
        assert delivered.message.recipient.workspace_id == "T1"
        [post] = fake_slack.of("chat.postMessage")
        assert post.token == "xoxb-org-e1" and post.args["channel"] in ("U1", "DU1")  # the user id posts to the DM
    finally:
        await http.close()
        await rig.service.stop()
        rig.runtime.engine.dispose()
