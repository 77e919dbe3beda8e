"""hosted_discord_bot() (the composition root's bot that hosts its own runtime) runs the runtime's own
ticker (the loop `coach discord` runs), not one of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import simcord

from adapters.bootstrap import hosted_discord_bot
from adapters.discord import CoachBot
from tests.discord.harness import NO_PRIVILEGED


async def test_the_hosted_bot_ticks_through_its_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_SHARDS", "COACH_DISPATCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/hosted.db")
    bot = hosted_discord_bot()
    assert isinstance(bot, CoachBot) and bot.runtime.dispatcher is None
    assert [s.notifier for s in bot.runtime.services] == [bot.notifier]  # the bot is its runtime's service
    async with simcord.run(bot, approved_intents=NO_PRIVILEGED):
        dispatcher = bot.runtime.dispatcher
        assert dispatcher is not None and dispatcher.notifiers == {"discord": bot.notifier}
        assert dispatcher.observer is bot.runtime.observer is bot.api.coach.observer  # metrics, passed in
        assert bot.runtime.health.last_tick_at is not None  # the first tick ran at once
