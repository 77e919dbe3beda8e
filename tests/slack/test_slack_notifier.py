"""The Slack Notifier against the fake Web API: errors mapped for the dispatcher, no double posts, and
the right bot token for each installed workspace."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import text

from adapters.slack.notifier import SlackNotifier
from bot.replies import Reply
from scheduler.notifier import DeliveryError, Outgoing, Recipient
from tests.slack.conftest import start_rig
from tests.slack.slackfakes import FakeSlack


def outgoing(team: str = "T1", user: str = "U1", *, retry: bool = False) -> Outgoing:
    return Outgoing(Recipient("slack", team, user), Reply("Write to Jane", title="Follow up with Jane"), (7,),
                    retry=retry)


async def test_closed_dms_are_permanent_and_429s_carry_retry_after(tmp_path: Path, fake_slack: FakeSlack) -> None:
    rig, http = await start_rig(tmp_path, fake_slack)
    try:
        notifier: SlackNotifier = rig.service.notifier
        for code in ("cannot_dm_bot", "user_not_found", "account_inactive"):
            fake_slack.fail("chat.postMessage", error=code)
            with pytest.raises(DeliveryError) as failure:
                await notifier.send(outgoing())
            assert failure.value.permanent, code
        fake_slack.fail("chat.postMessage", status=429, retry_after="0", times=2)
        with pytest.raises(DeliveryError) as limited:
            await notifier.send(outgoing())
        assert not limited.value.permanent and limited.value.retry_after == 1  # at least a second
        fake_slack.fail("chat.postMessage", error="internal_error")
        with pytest.raises(DeliveryError) as transient:
            await notifier.send(outgoing())
        assert not transient.value.permanent and transient.value.retry_after is None
    finally:
        await http.close()
        await rig.service.stop()


async def test_a_retried_nudge_already_in_the_dm_is_not_posted_again(tmp_path: Path, fake_slack: FakeSlack) -> None:
    rig, http = await start_rig(tmp_path, fake_slack)
    try:
        notifier: SlackNotifier = rig.service.notifier
        first = await notifier.send(outgoing())
        again = await notifier.send(outgoing(retry=True))
        assert first == again and len(fake_slack.of("chat.postMessage")) == 1
        history = fake_slack.of("conversations.history")[0]
        assert str(history.args["include_all_metadata"]).lower() in ("1", "true")
        other = Outgoing(Recipient("slack", "T1", "U1"), Reply("x"), (8,), retry=True)
        assert await notifier.send(other) != first and len(fake_slack.of("chat.postMessage")) == 2
    finally:
        await http.close()
        await rig.service.stop()


async def test_oauth_installs_each_workspace_with_its_own_token(tmp_path: Path, fake_slack: FakeSlack) -> None:
    fake_slack.teams_by_token.update({"xoxb-team-a": "TA", "xoxb-team-b": "TB"})
    rig, http = await start_rig(tmp_path, fake_slack, slack_bot_token=None, slack_client_id="111.222",
                                slack_client_secret="client-secret")
    try:
        assert rig.service.stores is not None
        await rig.service.start()  # a second start is harmless (the tables are migrations', not the adapter's)
        for team in ("TA", "TB"):
            installation = Installation(app_id="A1", team_id=team, bot_token=f"xoxb-team-{team[1].lower()}",
                                        bot_id=f"B{team}", bot_user_id="UBOT", bot_scopes=["chat:write"],
                                        user_id="UADMIN")
            await rig.service.stores.installation_store.async_save(installation)
        await rig.service.notifier.send(outgoing("TB", "U1"))
        assert fake_slack.of("chat.postMessage")[-1].token == "xoxb-team-b"
        await rig.send.command("/coach", "list", team="TA", user="U1")
        await fake_slack.wait_responses()
        assert {c.token for c in fake_slack.of("auth.test")} == {"xoxb-team-a"}
        with pytest.raises(DeliveryError) as missing:
            await rig.service.notifier.send(outgoing("TZ", "U1"))
        assert missing.value.permanent
        async with http.get(f"{rig.base}/slack/install", allow_redirects=False) as install:
            assert install.status in (200, 302) and "111.222" in (await install.text() + str(install.headers))
    finally:
        await http.close()
        await rig.service.stop()


async def test_a_connection_dropped_after_slack_posted_is_not_posted_again(tmp_path: Path,
                                                                          fake_slack: FakeSlack) -> None:
    """slack_sdk's connection-error retry would post again on its own; only reads are retried, and the
    dispatcher's checked retry (history first) finds the post."""
    rig, http = await start_rig(tmp_path, fake_slack)
    try:
        notifier: SlackNotifier = rig.service.notifier
        fake_slack.drop("chat.postMessage")  # Slack posted, then the connection dropped: not re-sent by the SDK
        with pytest.raises(DeliveryError) as dropped:
            await notifier.send(outgoing())
        assert not dropped.value.permanent
        assert len(fake_slack.of("chat.postMessage")) == 1 and len(fake_slack.messages["DU1"]) == 1
        fake_slack.drop("conversations.open")  # a read: retried by the SDK, the retry goes on
        await notifier.send(outgoing(retry=True))  # the dispatcher's retry: found in the DM's history
        assert len(fake_slack.of("conversations.open")) == 2
        assert len(fake_slack.of("chat.postMessage")) == 1 and len(fake_slack.messages["DU1"]) == 1
    finally:
        await http.close()
        await rig.service.stop()


async def test_install_pages_write_no_state_and_a_signed_state_installs(tmp_path: Path, fake_slack: FakeSlack) -> None:
    """Every unauthenticated GET /slack/install wrote a state row (about 400 a second, 250k live): the state
    is signed instead. A forged one is refused; the real one, with its cookie, installs the workspace."""
    rig, http = await start_rig(tmp_path, fake_slack, slack_bot_token=None, slack_client_id="111.222",
                                slack_client_secret="client-secret")
    try:
        for _ in range(50):
            async with http.get(f"{rig.base}/slack/install", allow_redirects=False) as install:
                assert install.status in (200, 302)
                page = install.headers.get("Location") or await install.text()
        with rig.runtime.sessions() as session:
            assert session.scalar(text("SELECT count(*) FROM oauth_states")) == 0
        state = unquote(re.search(r"state=([^&\"']+)", html.unescape(page)).group(1))  # type: ignore[union-attr]
        cookie = install.headers["Set-Cookie"].split(";")[0]
        forged = f"{state.rsplit('.', 1)[0]}.AAAA"
        async with http.get(f"{rig.base}/slack/oauth_redirect", params={"code": "c1", "state": forged},
                            headers={"Cookie": cookie.replace(state, forged)}) as refused:
            assert refused.status >= 400 and fake_slack.of("oauth.v2.access") == []
        async with http.get(f"{rig.base}/slack/oauth_redirect", params={"code": "c1", "state": state},
                            headers={"Cookie": cookie}) as done:
            assert done.status == 200, await done.text()
        bot = await rig.service.stores.installation_store.async_find_bot(enterprise_id=None, team_id="TNEW")
        assert bot is not None and bot.bot_token == "xoxb-installed-c1"
    finally:
        await http.close()
        await rig.service.stop()
