"""The one door into the core for adapters: async, and every call runs its synchronous unit of work on
the API's own threads — answers on one pool, reads that trail a change (App Home) on a small one of their
own — together sized to the database pool (pool_size + max_overflow), so members' requests never outnumber
the connections they can get (the dispatcher's own threads share that pool, briefly) — and the event loop
never waits on the database.

Adapters import this module, the command types (bot.commands) and the reply types (bot.replies); never
bot.coach, bot.handlers, bot.store, bot.models or SQLAlchemy. The plain data they need is re-exported here.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot import queries
from bot.clock import Clock
from bot.coach import OOPS, Coach, CommandObserver
from bot.commands import Command, Stage
from bot.handlers.home import DueItem, Home, Numbers, RecentContact
from bot.identity import Actor
from bot.modeldraft import ChatModel, ModelDrafts, ModelError
from bot.queries import DueCounts, Profile
from bot.replies import Reply
from bot.store import open_store
from bot.store import platform as adapter_store
from bot.store.engine import describe_url, files_folder, pool_capacity
from bot.store.errors import StoreUnavailable
from bot.store.health import schema_report
from bot.store.platform import BOT, INSTALLATION

T = TypeVar("T")
Sessions = sessionmaker[Session]  # opaque to adapters: what a runner hands the API and the dispatcher
MAX_SUGGESTIONS = 25
MODEL_WORKERS = 4  # model drafts asked at once; more wait their turn (each within the model's time limit)
TRAILING_WORKERS = 2  # threads for reads that trail a change (App Home), carved out of the pool's capacity
log = logging.getLogger(__name__)


def open_sessions(database_url: str | None) -> tuple[Sessions, Callable[[], None]]:
    """Connect to (and migrate) the store at `database_url` (default: the user's SQLite file): its
    sessions, for a CoachAPI and a dispatcher, and how to close it."""
    engine, sessions = open_store(database_url)
    return sessions, engine.dispose


class CoachAPI:
    """Async door into the core. Every call runs its unit of work on the API's executor."""

    def __init__(self, sessions: Sessions, clock: Clock, *, default_timezone: str = "UTC",
                 observer: CommandObserver | None = None, workers: int | None = None,
                 models: ModelDrafts | None = None) -> None:
        """`workers` defaults to the capacity of the pool behind `sessions`. `models`: the operator's model
        for drafts (bot/modeldraft.py), asked on threads of its own — a slow model never takes a worker
        the database's requests need."""
        self.sessions, self.clock = sessions, clock
        self.models = models
        self.coach = Coach(sessions, clock, default_timezone=default_timezone, observer=observer, models=models)
        self._model_executor = (ThreadPoolExecutor(max_workers=MODEL_WORKERS, thread_name_prefix="coach-model")
                                if models is not None else None)
        bind = sessions.kw.get("bind")
        self.workers = workers or (pool_capacity(bind) if isinstance(bind, Engine) else 5)
        trailing = min(TRAILING_WORKERS, self.workers - 1)
        self._executor = ThreadPoolExecutor(max_workers=self.workers - max(trailing, 0),
                                            thread_name_prefix="coach-core")
        # App Home after a change runs here, not beside the answers: under a burst an answer never queues behind
        # a Home, and a member's Home refreshes coalesce (adapters/slack/app.py) while they wait their turn. With a
        # one-connection pool there is no room to set threads apart: Homes share the one.
        self._trailing = (ThreadPoolExecutor(max_workers=trailing, thread_name_prefix="coach-trailing")
                          if trailing > 0 else self._executor)
        self._receipts = adapter_store.Receipts(sessions, clock)
        self._engine: Engine | None = None

    @classmethod
    def open(cls, database_url: str | None, clock: Clock, *, default_timezone: str = "UTC",
             observer: CommandObserver | None = None, models: ModelDrafts | None = None) -> CoachAPI:
        """Connect (and migrate) the store at `database_url`; close() disposes of it."""
        engine, sessions = open_store(database_url)
        api = cls(sessions, clock, default_timezone=default_timezone, observer=observer,
                  workers=pool_capacity(engine), models=models)
        api._engine = engine
        return api

    async def _run(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, functools.partial(work, *args))


    # --- commands and buttons --------------------------------------------------------------------------

    # Each of these answers with the whole reply, a model-written draft included (seconds, at most the
    # model's time limit). `wait_for_model=False` answers at once with the built-in draft and leaves
    # `reply.model` set: the adapter acknowledges, then hands the reply to `finish` (Slack's 3 s ack).

    async def handle(self, actor: Actor, command: Command, *, wait_for_model: bool = True) -> Reply:
        """A command an adapter built (from a form, options, a modal): it checked itself when built."""
        return await self._then(await self._run(self.coach.handle, actor, command), wait_for_model)

    async def handle_text(self, actor: Actor, command_name: str, text: str, *, wait_for_model: bool = True) -> Reply:
        """A slash command and its text: `/met`, `jane at PyCon`."""
        return await self._then(await self._run(self.coach.handle_text, actor, command_name, text), wait_for_model)

    async def handle_line(self, actor: Actor, line: str, *, wait_for_model: bool = True) -> Reply:
        """A whole typed line: `/met jane at PyCon`."""
        return await self._then(await self._run(self.coach.handle_line, actor, line), wait_for_model)

    async def press(self, actor: Actor, action_id: str, *, wait_for_model: bool = True) -> Reply:
        """A button: `coach:<verb>:<id>`; only the nudge's own member may press it."""
        return await self._then(await self._run(self.coach.press, actor, action_id), wait_for_model)

    async def finish(self, reply: Reply) -> Reply:
        """A reply with its model draft written (or the built-in one, with why): see `wait_for_model`."""
        if reply.model is None:
            return reply
        if self._model_executor is None:
            return replace(reply, model=None)
        return await asyncio.get_running_loop().run_in_executor(self._model_executor, self.coach.finish, reply)

    async def _then(self, reply: Reply, wait_for_model: bool) -> Reply:
        return await self.finish(reply) if wait_for_model else reply

    async def note_target(self, actor: Actor, contact_id: int) -> tuple[str, str | None] | None:
        """A recap's *Add a note* (`coach:note:<contact id>`): the actor's own contact's name and platform
        user id, to open the add-details form on; None when it isn't theirs or is gone."""
        return await self._run(self.coach.note_target, actor, contact_id)

    async def add_note(self, actor: Actor, contact_id: int, text: str) -> Reply:
        """A note from a recap's *Add a note* form, on the actor's own contact `contact_id`."""
        return await self._run(self.coach.add_note, actor, contact_id, text)

    # --- what adapters show ----------------------------------------------------------------------------

    async def home(self, actor: Actor, *, after_change: bool = False) -> Home:
        """The actor's dashboard now (Slack's App Home); empty for someone who never used the coach.
        `after_change`: a refresh that trails a command or a click, read on the trailing threads so that no
        member's answer waits behind it (a Home the member opens is read beside the answers)."""
        executor = self._trailing if after_change else self._executor
        return await asyncio.get_running_loop().run_in_executor(
            executor, functools.partial(queries.home, self.sessions, actor, self.clock.now()))

    async def contact_suggestions(self, actor: Actor, typed: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """The actor's own contact names containing `typed` (autocomplete), most recently met first."""
        return await self._run(queries.contact_suggestions, self.sessions, actor, typed, limit)

    async def timezone_question_due(self, actor: Actor) -> bool:
        """Whether to offer the timezone picker (once, with the first contact, unless already chosen)."""
        return await self._run(queries.timezone_question_due, self.sessions, actor)

    async def due_counts(self) -> DueCounts:
        """Pending nudges whose time has come, in the whole database (metrics)."""
        return await self._run(queries.due_counts, self.sessions, self.clock.now())

    async def next_due(self, actor: Actor, until: datetime) -> datetime | None:
        """The actor's next due moment up to `until` (a nudge, or their Monday digest's slot)."""
        return await self._run(queries.next_due, self.sessions, actor, self.clock.now(), until)

    async def profile(self, actor: Actor) -> Profile | None:
        """The actor's member id and timezone, or None before their first command."""
        return await self._run(queries.profile, self.sessions, actor)

    async def latest_event(self, actor: Actor) -> datetime | None:
        """When the latest thing recorded about the actor's contacts happened."""
        return await self._run(queries.latest_event, self.sessions, actor)

    # --- what adapters keep ----------------------------------------------------------------------------

    async def first_receipt(self, key: str) -> bool:
        """True exactly once per event key across every replica (platform retries are dropped)."""
        return await self._run(self._receipts.first, key)

    async def save_installation(self, platform: str, payload: dict[str, Any], *, enterprise_id: str | None,
                                team_id: str | None, user_id: str | None, bot: bool = False) -> None:
        """Keep an app installation (bot=False: the installer's and the workspace's latest) or its bot."""
        kind, users = (BOT, (None,)) if bot else (INSTALLATION, (user_id, None))
        await self._run(adapter_store.save_installation, self.sessions, self.clock.now(), platform, kind,
                        enterprise_id, team_id, users, payload)

    async def find_installation(self, platform: str, *, enterprise_id: str | None, team_id: str | None,
                                user_id: str | None = None, bot: bool = False) -> dict[str, Any] | None:
        """The payload kept for a workspace's bot, its latest installation, or one installer's."""
        return await self._run(adapter_store.find_installation, self.sessions, platform,
                               BOT if bot else INSTALLATION, enterprise_id, team_id, None if bot else user_id)

    async def org_wide_bots(self, platform: str) -> list[dict[str, Any]]:
        """The bots of org-wide installs (Enterprise Grid: one install serves every workspace of an
        enterprise, kept by enterprise alone), the latest saved first."""
        return await self._run(adapter_store.org_wide, self.sessions, platform, BOT)

    async def delete_installation(self, platform: str, *, enterprise_id: str | None, team_id: str | None,
                                  user_id: str | None = None, bot: bool = False) -> None:
        """Forget a workspace's bot, one installer's installation, or (user_id None) all of them."""
        await self._run(adapter_store.delete_installation, self.sessions, platform, BOT if bot else INSTALLATION,
                        enterprise_id, team_id, None if bot else user_id)

    def close(self) -> None:
        """Wait for the calls in flight, stop the threads; an API from open() also closes its store."""
        self._executor.shutdown(wait=True)
        if self._trailing is not self._executor:
            self._trailing.shutdown(wait=True)
        if self._model_executor is not None:
            self._model_executor.shutdown(wait=True)
        if self._engine is not None:
            self._engine.dispose()


__all__ = ["OOPS", "ChatModel", "CoachAPI", "CommandObserver", "DueCounts", "DueItem", "Home", "ModelDrafts",
           "ModelError", "Numbers", "Profile",
           "RecentContact", "Sessions", "Stage", "StoreUnavailable", "describe_url", "files_folder", "open_sessions",
           "schema_report"]
