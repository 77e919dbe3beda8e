"""Many workspaces: slack_sdk's installation store interface, kept in the coach's database through bot.api
(core tables under Alembic; each installation or bot as the JSON of its `to_dict`), and its OAuth-state
store interface with signed states that are stored nowhere."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.api import CoachAPI
from bot.clock import Clock

from .config import BOT_SCOPES

PLATFORM = "slack"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600
EXPIRY = re.compile(r"[0-9]{1,12}")
# The bot's fields an installer's own installation borrows when it was saved without a bot token.
BOT_FIELDS = ("bot_token", "bot_id", "bot_user_id", "bot_scopes", "bot_refresh_token", "bot_token_expires_at")
log = logging.getLogger(__name__)


def payload_of(entity: Installation | Bot) -> dict[str, Any]:
    """An Installation or Bot as JSON-ready values (times as ISO strings, which their constructors read)."""
    return {key: value.isoformat() if isinstance(value, datetime) else value
            for key, value in entity.to_dict_for_copying().items()}


def _team(team_id: str | None, is_enterprise_install: bool | None) -> str | None:
    """An org-wide install is kept for the enterprise only, as slack_sdk's own stores do."""
    return None if is_enterprise_install else team_id


class CoachInstallationStore(AsyncInstallationStore):
    """Installations and bots in the coach's database; the latest save for a key wins."""

    def __init__(self, api: CoachAPI) -> None:
        self.api = api

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        team = _team(installation.team_id, installation.is_enterprise_install)
        await self.api.save_installation(PLATFORM, payload_of(installation), enterprise_id=installation.enterprise_id,
                                         team_id=team, user_id=installation.user_id)
        if installation.bot_token:
            await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        await self.api.save_installation(PLATFORM, payload_of(bot), enterprise_id=bot.enterprise_id,
                                         team_id=_team(bot.team_id, bot.is_enterprise_install), user_id=None,
                                         bot=True)

    async def async_find_bot(self, *, enterprise_id: str | None, team_id: str | None,
                             is_enterprise_install: bool | None = False) -> Bot | None:
        payload = await self.api.find_installation(PLATFORM, enterprise_id=enterprise_id,
                                                   team_id=_team(team_id, is_enterprise_install), bot=True)
        return Bot(**payload) if payload else None

    async def async_find_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                      user_id: str | None = None,
                                      is_enterprise_install: bool | None = False) -> Installation | None:
        team = _team(team_id, is_enterprise_install)
        payload = await self.api.find_installation(PLATFORM, enterprise_id=enterprise_id, team_id=team,
                                                   user_id=user_id)
        if not payload:
            return None
        if not payload.get("bot_token"):  # an installer who added only user scopes: the workspace's bot
            bot = await self.api.find_installation(PLATFORM, enterprise_id=enterprise_id, team_id=team, bot=True)
            payload = {**payload, **{key: bot.get(key) for key in BOT_FIELDS}} if bot else payload
        return Installation(**payload)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.api.delete_installation(PLATFORM, enterprise_id=enterprise_id, team_id=team_id, bot=True)

    async def async_delete_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                        user_id: str | None = None) -> None:
        await self.api.delete_installation(PLATFORM, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)


class SignedStateStore(AsyncOAuthStateStore):
    """OAuth states that need no storage: `<expiry>.<nonce>.<signature>`, signed with a key derived from
    the client secret, so the redirect may land on any replica and GET /slack/install writes nothing (a
    flood of it once wrote a row per request). A forged, altered or expired state is refused; Bolt's
    state cookie still ties the state to the browser that started the install, and Slack's code is
    good once."""

    def __init__(self, client_secret: str, clock: Clock, expiration_seconds: int = STATE_SECONDS) -> None:
        self._key = hashlib.sha256(b"connection-coach oauth state\x00" + client_secret.encode()).digest()
        self.clock, self.lifetime = clock, expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        body = f"{int(self.clock.now().timestamp()) + self.lifetime}.{secrets.token_urlsafe(16)}"
        return f"{body}.{self._sign(body)}"

    async def async_consume(self, state: str) -> bool:
        expiry, _, rest = (state or "").partition(".")
        nonce, _, signature = rest.partition(".")
        if not EXPIRY.fullmatch(expiry) or not nonce or not signature:
            return False
        if not hmac.compare_digest(signature, self._sign(f"{expiry}.{nonce}")):
            return False
        return self.clock.now().timestamp() <= int(expiry)

    def _sign(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


TeamsOf = Callable[[str], Awaitable[frozenset[str]]]  # an org-wide bot token → the workspaces it serves


class InstallStores:
    """The installations in the coach's database (through its API), and signed OAuth states."""

    def __init__(self, api: CoachAPI, client_secret: str) -> None:
        self.api = api
        self.installation_store = CoachInstallationStore(api)
        self.state_store = SignedStateStore(client_secret, api.clock)

    async def bot_token_for(self, team_id: str, teams_of: TeamsOf) -> str | None:
        """The bot token that reaches a member of workspace `team_id`: the workspace's own install, else
        the org-wide install of its enterprise (Enterprise Grid keeps that one by enterprise alone, and a
        member's row knows only the workspace): the one org-wide install, or the one whose workspaces
        (auth.teams.list, `teams_of`) include this one."""
        bot = await self.installation_store.async_find_bot(enterprise_id=None, team_id=team_id or None)
        if bot is not None:
            return bot.bot_token
        org = [Bot(**payload) for payload in await self.api.org_wide_bots(PLATFORM)]
        tokens = [bot.bot_token for bot in org if bot.bot_token]
        if len(tokens) == 1:
            return tokens[0]
        for token in tokens:
            if team_id in await teams_of(token):
                return token
        return None

    def oauth_settings(self, client_id: str, client_secret: str) -> AsyncOAuthSettings:
        return AsyncOAuthSettings(
            client_id=client_id,
            client_secret=client_secret,
            scopes=list(BOT_SCOPES),
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=self.installation_store,
            state_store=self.state_store,
        )
