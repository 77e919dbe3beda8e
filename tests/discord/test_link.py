"""Linked accounts through the real discord.py command tree (SimCord fakes only Discord): alice's Discord
account and her Slack account (typing through the core, as the Slack adapter does) share one contact book;
the Allow DM and the nudges arrive on Discord with buttons; a stranger's code, clicks and a code used twice
or expired are refused."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import func, select

from bot.identity import Actor
from bot.linking import new_code
from bot.models import Member
from bot.replies import Reply
from tests.discord.harness import World, custom_ids, text_of

SLACK = Actor("slack", "T1", "U1", display_name="Alice A", timezone="UTC")


def on_slack(world: World, line: str) -> Reply:
    """What alice types on Slack: the same core, from a worker thread as the adapters' door does."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        reply: Reply = pool.submit(world.runtime.coach.handle_line, SLACK, line).result()
    return reply


def code_in(text: str) -> str:
    return text.split("Your link code: ", 1)[1].split()[0]


async def test_a_discord_and_a_slack_account_share_one_book(world: World, server) -> None:
    channel, alice, bob = server
    await alice.slash(channel, "met", who=bob, where="PyCon")
    asked = await alice.slash(channel, "coach link")
    assert asked.ephemeral and "Link another account" in text_of(asked.response)
    code = code_in(text_of(asked.response))

    # bob (a stranger) guesses: counted, then refused; a code already used and an expired one are refused
    for left in (4, 3, 2, 1, 0):
        wrong = await bob.slash(channel, "coach link", code=new_code())
        assert f"({left} tr" in text_of(wrong.response)
    assert "Too many wrong codes" in text_of((await bob.slash(channel, "coach link", code=code)).response)
    assert "A link code looks like" in text_of((await bob.slash(channel, "coach link", code="nope")).response)

    assert "press Allow" in on_slack(world, f"/coach link {code}").text
    assert "already used" in on_slack(world, f"/coach link {code}").text
    assert await world.deliver() == 1
    request = alice.user.dm_channel.last_message
    assert request is not None and "Slack user Alice A" in text_of(request)
    assert [i.rsplit(":", 1)[0] for i in custom_ids(request)] == ["coach:allow", "coach:deny"]
    await alice.user.click(request, label="Allow")
    assert "Linked: Slack user Alice A" in text_of(alice.user.dm_channel.last_message)

    # one book, seen from both
    assert "Linked: this account now shares" in on_slack(world, "/coach list").text
    assert "Bob Smith" in on_slack(world, "/coach list").text
    on_slack(world, "/met Jane Doe at RustConf")
    listing = text_of((await alice.slash(channel, "coach list")).response)
    assert "Bob Smith" in listing and "Jane Doe" in listing
    shown = text_of((await alice.slash(channel, "coach settings show")).response)
    assert "Linked accounts: Discord user alice" in shown and "Slack user Alice A" in shown

    # nudges go to Discord (chosen), a stranger's click does nothing, a click from either platform acts once
    chosen = await alice.slash(channel, "coach settings deliver", where="discord")
    assert "go to Discord user alice" in text_of(chosen.response)
    assert await world.deliver(timedelta(days=2)) == 1
    nudge = alice.user.dm_channel.last_message
    assert nudge is not None and "people to get back to" in (nudge.embeds[0].title or "")
    sent_id = next(i for i in custom_ids(nudge) if i.startswith("coach:sent:"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        refused = pool.submit(world.runtime.coach.press, Actor("discord", "", str(bob.id)), sent_id).result()
        assert refused.error
        await alice.user.click(nudge, custom_id=sent_id)
        again = pool.submit(world.runtime.coach.press, SLACK, sent_id).result()
    assert "Already noted" in again.text
    with world.runtime.sessions() as session:
        assert session.scalar(select(func.count(Member.id)).where(Member.linked_to.is_not(None))) == 1

    # unlink from Discord: the book stays with Slack, the Discord account starts fresh
    asked = await alice.slash(channel, "coach unlink")
    assert "stays with it" in text_of(asked.response)
    await alice.click(asked.response, label="Yes, unlink this account")
    assert "stays with your Slack account" in text_of(asked.response)
    assert "No contacts" in text_of((await alice.slash(channel, "coach list")).response)
    assert "Jane Doe" in on_slack(world, "/coach list").text


async def test_an_expired_code(world: World, server) -> None:
    channel, alice, _ = server
    code = code_in(text_of((await alice.slash(channel, "coach link")).response))
    world.clock.advance(timedelta(minutes=11))
    assert "has expired" in on_slack(world, f"/coach link {code}").text
