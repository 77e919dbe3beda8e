"""Bolt wiring: every Slack entry point translated to one core call.

An acknowledged command is a stored command: the core call (milliseconds; Slack allows 3 s) runs before
ack(), and a slash command's answer travels in the ack itself. What follows an ack (a chat.update, a DM,
an export upload) is tracked, so a shutdown waits for it. The core is reached only through bot.api, whose
calls run on its own worker threads, never on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.inflight import drain, tracked
from bot.api import OOPS, CoachAPI
from bot.chart import Chart
from bot.commands import (
    ChangeSettings,
    DeleteMyData,
    Draft,
    Export,
    Forget,
    Help,
    ListContacts,
    Met,
    MetMany,
    Note,
    Review,
    Show,
    ShowEvent,
    UsageError,
    Who,
    parse,
)
from bot.identity import Actor
from bot.replies import ACTION_ID_PATTERN, PURPOSE_VERBS, Attachment, Reply, Verb, parse_action_id

from .actors import Actors, error_code, team_of
from .dedupe import event_key
from .home import home_view
from .modals import MET_CALLBACK, met_modal, read_met
from .notifier import upload_chart
from .render import (
    ADD_DETAILS_PATTERN,
    add_details_button,
    add_details_buttons,
    fallback_text,
    recorded_blocks,
    reply_blocks,
    unescape,
    updated_text,
)

log = logging.getLogger(__name__)

COMMANDS = ("/met", "/review", "/coach")
REVIEW_SHORTCUT = "coach_review_message"
NUDGE_ACTION = re.compile(ACTION_ID_PATTERN)  # every coach button: nudge verbs and delete-my-data
EPHEMERAL = "ephemeral"
HOME_GAP = 0.5  # seconds: a member's App Home is read at most this often after changes (changes between fold in)
HOME_READS_KEPT = 1_000  # members' last Home reads remembered before the old ones are dropped
UPLOAD_SECONDS = 300  # one export file to Slack's upload URL
Listener = TypeVar("Listener", bound=Callable[..., Awaitable[None]])


def guarded(listener: Listener) -> Listener:
    """Tracks the listener as work in flight (a shutdown waits for it). A failure is logged and
    apologised for: in the ack when not yet acknowledged, else through the response_url."""

    @functools.wraps(listener)
    async def run(handlers: SlackHandlers, *args: Any, **kwargs: Any) -> None:
        try:
            with tracked(handlers.inflight):
                await listener(handlers, *args, **kwargs)
        except Exception:
            log.exception("Slack listener %s failed", listener.__name__)
            ack, respond = kwargs.get("ack"), kwargs.get("respond")
            with contextlib.suppress(Exception):
                if ack is not None and ack.response is None and "command" in (kwargs.get("body") or {}):
                    await ack(text=OOPS, response_type=EPHEMERAL)
                elif ack is not None and ack.response is None:
                    await ack()
                elif respond is not None:
                    await respond(text=OOPS, response_type=EPHEMERAL, replace_original=False)

    return run  # type: ignore[return-value]


@dataclass
class SlackHandlers:
    """The listeners; Bolt injects their arguments by name (ack, body, client, respond, event)."""

    api: CoachAPI
    actors: Actors = field(default_factory=Actors)
    inflight: set[asyncio.Task[Any]] = field(default_factory=set)
    home_running: set[tuple[str, str]] = field(default_factory=set)  # members whose Home is being refreshed
    home_again: set[tuple[str, str]] = field(default_factory=set)  # …and changed again meanwhile
    home_read_at: dict[tuple[str, str], float] = field(default_factory=dict)  # when each Home was last read (loop time)

    async def drain(self, timeout: float) -> None:
        """Wait (up to `timeout` seconds) for every listener still working, including ones that start
        meanwhile; what is left after that is logged, not cancelled here."""
        await drain(self.inflight, timeout, "Slack listener(s)")

    # --- slash commands --------------------------------------------------------------------------

    @guarded
    async def on_command(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient,
                         respond: AsyncRespond) -> None:
        command, text = str(body.get("command", "")), unescape(str(body.get("text") or ""))
        if command == "/met" and not text.strip():
            await ack()
            await client.views_open(trigger_id=body["trigger_id"], view=met_modal())
            return
        actor = await self._actor(client, body, name=body.get("user_name"))
        if is_export(command, text):  # a big member's export takes a while: answered at once, files follow
            await ack(text=EXPORT_COMING, response_type=EPHEMERAL)
            await self._export(client, actor, command, text, respond)
            return
        reply = await self.api.handle_text(actor, command, text, wait_for_model=False)
        if reply.model is not None:  # the member's model writes this draft: seconds, so answered at once
            await ack(text=model_working(reply), response_type=EPHEMERAL)
            reply = await self.api.finish(reply)  # its draft, or the coach's own if it fails or is slow
            await respond(text=fallback_text(reply), blocks=reply_blocks(reply), response_type=EPHEMERAL,
                          replace_original=True)
            if changes_home(command, text):  # an answer to "What's this message for?" was stored first
                await self._refresh_home(client, actor)
            return
        blocks = reply_blocks(reply)
        people = _people(text) if command == "/met" and not reply.error else []
        if len(people) == 1:
            blocks.append(add_details_button(people[0].name, people[0].user_id))
        elif people:  # several people: a button each, under the one reply
            blocks += add_details_buttons([(who.name, who.user_id) for who in people])
        await ack(text=fallback_text(reply), blocks=blocks, response_type=EPHEMERAL)  # stored, then answered
        if reply.attachments:
            await self._send_files(client, actor, reply, respond)
        if reply.chart is not None:  # /coach digest: the chart into the DM, as on Mondays (before the Home)
            await self._send_chart(client, actor, reply.chart)
        if not reply.error and changes_home(command, text):
            await self._refresh_home(client, actor)

    async def _send_chart(self, client: AsyncWebClient, actor: Actor, chart: Chart) -> None:
        try:
            channel = await _dm(client, actor.user_id)
        except SlackApiError as failure:
            log.warning("opening the DM for a chart failed: %s", error_code(failure))
            return
        await upload_chart(client, channel, chart)

    async def _export(self, client: AsyncWebClient, actor: Actor, command: str, text: str,
                      respond: AsyncRespond) -> None:
        reply = await self.api.handle_text(actor, command, text)
        try:
            if reply.error or not reply.attachments:
                await respond(text=fallback_text(reply), blocks=reply_blocks(reply), response_type=EPHEMERAL,
                              replace_original=False)
                return
            await self._send_files(client, actor, reply, respond)
        finally:
            for attachment in reply.attachments:
                attachment.discard()

    async def _send_files(self, client: AsyncWebClient, actor: Actor, reply: Reply, respond: AsyncRespond) -> None:
        """Exports go to the member's DM with the app as files (ephemeral messages cannot carry files),
        streamed from their files (files.getUploadURLExternal → POST → files.completeUploadExternal): a big
        member's export is never held in memory whole."""
        try:
            channel = await _dm(client, actor.user_id)
            uploaded = [await upload_file(client, attachment) for attachment in reply.attachments]
            await client.files_completeUploadExternal(files=uploaded, channel_id=channel,
                                                      initial_comment=f"Your Connection Coach export. {reply.text}")
        except SlackApiError as failure:
            log.warning("export upload failed: %s", error_code(failure))
            await respond(text="I couldn't upload your export files just now (the app may lack files:write). "
                               "Please try /coach export again later.", response_type=EPHEMERAL,
                          replace_original=False)
        except (aiohttp.ClientError, OSError, TimeoutError) as failure:
            log.warning("export upload failed: %s", type(failure).__name__)
            await respond(text="I couldn't upload your export files just now. Please try /coach export again "
                               "later.", response_type=EPHEMERAL, replace_original=False)

    # --- nudge buttons and the form --------------------------------------------------------------

    @guarded
    async def on_nudge_button(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient,
                              respond: AsyncRespond) -> None:
        action_id = str(body["actions"][0]["action_id"])
        actor = await self._actor(client, body)
        if (note := parse_action_id(action_id)) is not None and note.verb is Verb.NOTE:
            await self._open_note_form(ack, body, client, respond, actor, note.nudge_id)
            return
        reply = await self.api.press(actor, action_id, wait_for_model=False)
        await ack()  # recorded; the message is updated below
        reply = await self.api.finish(reply)  # a draft the member's model writes (seconds): after the ack
        parsed = parse_action_id(action_id)
        channel = (body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        ts = (body.get("container") or {}).get("message_ts") or message.get("ts")
        ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
        # nothing of ours to update: the confirmations answer a command
        no_message = parsed is not None and parsed.verb in (Verb.DELETE_ME, Verb.FORGET, Verb.UNLINK)
        if no_message or ephemeral:
            await respond(text=fallback_text(reply), blocks=reply_blocks(reply), response_type=EPHEMERAL,
                          replace_original=True)
            if parsed is not None and parsed.verb is not Verb.DRAFT and not reply.error:
                await self._refresh_home(client, actor)
            return
        if reply.error or channel is None or ts is None:
            await respond(text=fallback_text(reply), blocks=reply_blocks(reply), response_type=EPHEMERAL,
                          replace_original=False)
            return
        if parsed is not None and (parsed.verb in PURPOSE_VERBS or parsed.verb is Verb.UNDO_MET):  # in its place
            await client.chat_update(channel=channel, ts=ts, text=fallback_text(reply), blocks=reply_blocks(reply))
            await self._refresh_home(client, actor)
            return
        if parsed is not None and parsed.verb is Verb.DRAFT:  # the draft goes under the nudge; buttons stay
            await client.chat_postMessage(channel=channel, thread_ts=ts, text=fallback_text(reply),
                                          blocks=reply_blocks(reply))
            return
        await client.chat_update(channel=channel, ts=ts, text=updated_text(str(message.get("text") or ""), reply),
                                 blocks=recorded_blocks(list(message.get("blocks") or []), reply,
                                                        parsed.nudge_id if parsed else None,
                                                        parsed.verb if parsed else None))
        if parsed is not None and parsed.verb is not Verb.DRAFT and not reply.error:
            await self._refresh_home(client, actor)  # after the message the member clicked: Home may wait its gap

    async def _open_note_form(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient,
                              respond: AsyncRespond, actor: Actor, contact_id: int) -> None:
        """A recap's *Add a note*: the add-details form on that contact (only the member's own)."""
        target = await self.api.note_target(actor, contact_id)
        await ack()
        if target is None:
            await respond(text="That button is no longer valid. /coach list shows your contacts.",
                          response_type=EPHEMERAL, replace_original=False)
            return
        await client.views_open(trigger_id=body["trigger_id"], view=met_modal(*target))

    @guarded
    async def on_add_details(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        try:
            value = json.loads(body["actions"][0].get("value") or "{}")
        except ValueError:
            value = {}
        name = str(value.get("name") or "") or None
        await client.views_open(trigger_id=body["trigger_id"], view=met_modal(name, value.get("user_id")))

    @guarded
    async def on_met_submitted(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        form, errors = read_met(body.get("view") or {})
        if form is None:
            await ack(response_action="errors", errors=errors)
            return
        actor = await self._actor(client, body)
        reply = await self.api.handle(actor, form.command())
        await ack()  # stored: the form closes; the answer goes to the member's DM
        channel = await _dm(client, actor.user_id)
        await client.chat_postMessage(channel=channel, text=fallback_text(reply), blocks=reply_blocks(reply))
        if not reply.error:
            await self._refresh_home(client, actor)

    # --- reviews: a DM'd draft, or the message shortcut ------------------------------------------

    @guarded
    async def on_message(self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        text = str(event.get("text") or "").strip()
        if not text or not event.get("user"):
            return
        if not await self.api.first_receipt(event_key(str(body.get("event_id") or ""))):
            log.info("event %s already handled (Slack retry)", body.get("event_id"))
            return
        actor = await self._actor(client, body, user_id=str(event["user"]))
        reply = await self.api.handle_text(actor, "/review", text)
        await client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                                      text=fallback_text(reply), blocks=reply_blocks(reply))

    @guarded
    async def on_review_shortcut(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient,
                                 respond: AsyncRespond) -> None:
        message = body.get("message") or {}
        text = str(message.get("text") or "").strip()
        thread = message.get("thread_ts") or message.get("ts")
        if not text:
            await ack()
            await respond(text="That message has no text for me to review.", response_type=EPHEMERAL)
            return
        actor = await self._actor(client, body)
        reply = await self.api.handle_text(actor, "/review", text)
        await ack()
        await respond(text=fallback_text(reply), blocks=reply_blocks(reply), response_type=EPHEMERAL,
                      thread_ts=thread)

    # --- App Home ---------------------------------------------------------------------------------

    @guarded
    async def on_home_opened(self, body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        actor = await self._actor(client, body, user_id=str(event["user"]))
        await self._publish_home(client, actor)

    async def _refresh_home(self, client: AsyncWebClient, actor: Actor) -> None:
        """Re-publish App Home after a change to what it shows, so an open Home tab is never stale. A
        failure here costs only the refresh (Home is drawn again when opened).

        One refresh per member at a time, and at most one read of their Home every HOME_GAP seconds: a change
        made while a refresh is under way, or within HOME_GAP of the last read, is read by one more pass of
        that refresh (after the gap), not by a refresh of its own. The first change after a quiet spell is
        shown at once; a member's quick succession of commands or clicks (a catch-up, a several-person /met)
        costs about two Homes a second instead of one each — reading and drawing a Home costs about as much
        as the command, and it competes with every member's answer for the same process."""
        key = (actor.workspace_id, actor.user_id)
        if key in self.home_running:
            self.home_again.add(key)  # the refresh under way reads the store once more when it is done
            return
        self.home_running.add(key)
        loop = asyncio.get_running_loop()
        try:
            while True:
                wait = self.home_read_at.get(key, -HOME_GAP) + HOME_GAP - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.home_again.discard(key)
                self.home_read_at[key] = loop.time()
                try:
                    await self._publish_home(client, actor, after_change=True)
                except SlackApiError as failure:
                    log.warning("App Home refresh failed: %s", error_code(failure))
                except Exception:  # the store, the network, a shutdown: the command itself was stored and answered
                    log.warning("App Home refresh failed", exc_info=True)
                if key not in self.home_again:
                    return
        finally:
            self.home_running.discard(key)
            self.home_again.discard(key)
            if len(self.home_read_at) > HOME_READS_KEPT:  # forget reads older than the gap: they hold nothing back
                now = loop.time()
                self.home_read_at = {k: at for k, at in self.home_read_at.items() if now - at < HOME_GAP}

    async def _publish_home(self, client: AsyncWebClient, actor: Actor, *, after_change: bool = False) -> None:
        home = await self.api.home(actor, after_change=after_change)
        await client.views_publish(user_id=actor.user_id, view=home_view(home, self.api.clock.now()))

    async def _actor(self, client: AsyncWebClient, body: dict[str, Any], *, user_id: str | None = None,
                     name: Any = None) -> Actor:
        user = body.get("user") if isinstance(body.get("user"), dict) else {}
        uid = user_id or str(user.get("id") or body.get("user_id") or "")
        fallback = name or user.get("name") or user.get("username")
        return await self.actors.actor(client, team_of(body), uid, str(fallback) if fallback else None)


def register(app: AsyncApp, handlers: SlackHandlers) -> None:
    """Attach every listener to a Bolt app (STYLE 5: no module-level app holding tokens)."""
    for name in COMMANDS:
        app.command(name)(handlers.on_command)
    app.action(NUDGE_ACTION)(handlers.on_nudge_button)
    app.action(ADD_DETAILS_PATTERN)(handlers.on_add_details)
    app.view(MET_CALLBACK)(handlers.on_met_submitted)
    app.shortcut(REVIEW_SHORTCUT)(handlers.on_review_shortcut)
    app.event("message")(handlers.on_message)
    app.event("app_home_opened")(handlers.on_home_opened)


def model_working(reply: Reply) -> str:
    """The ack while the member's model writes a draft (its answer follows through the response_url)."""
    who = f" for {reply.title.split(' to ', 1)[1].split(' (')[0]}" if reply.title and " to " in reply.title else ""
    return f"Writing your draft{who} with your workspace's model: a few seconds…"


EXPORT_COMING = ("Preparing your export: everything I store about you, as JSON and CSV. The files will arrive in "
                 "your DM with me in a moment.")


def is_export(command: str, text: str) -> bool:
    try:
        return isinstance(parse(command, text), Export)
    except UsageError:
        return False


async def upload_file(client: AsyncWebClient, attachment: Attachment) -> dict[str, str]:
    """One file to Slack's upload URL, streamed from disk (or its text); {"id", "title"} to complete it."""
    got = await client.files_getUploadURLExternal(filename=attachment.filename, length=attachment.size)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=UPLOAD_SECONDS)) as http:
        path = attachment.path
        if path is not None:
            with path.open("rb") as data:
                async with http.post(str(got["upload_url"]), data=data, proxy=client.proxy) as answer:
                    answer.raise_for_status()
        else:
            async with http.post(str(got["upload_url"]), data=attachment.content.encode("utf-8"),
                                 proxy=client.proxy) as answer:
                answer.raise_for_status()
    return {"id": str(got["file_id"]), "title": attachment.filename}


async def _dm(client: AsyncWebClient, user_id: str) -> str:
    opened = await client.conversations_open(users=user_id)
    return str(opened["channel"]["id"])


READ_ONLY = (Review, Show, Draft, ListContacts, Export, Help, ShowEvent, Note)


def changes_home(command: str, text: str) -> bool:
    """Whether a command that succeeded may have changed what App Home shows (due nudges, recent
    contacts, numbers): not a review, a lookup, an export, help, or a question that only asks."""
    try:
        parsed = parse(command, text)
    except UsageError:
        return False
    if isinstance(parsed, READ_ONLY):
        return False
    if isinstance(parsed, Forget | DeleteMyData):
        return parsed.confirmed
    return not (isinstance(parsed, ChangeSettings) and parsed.key is None)


def _people(text: str) -> list[Who]:
    """Who a typed /met names: one person, or several."""
    try:
        command = parse("met", text)
    except UsageError:
        return []
    if isinstance(command, MetMany):
        return list(command.people)
    return [command.who] if isinstance(command, Met) else []
