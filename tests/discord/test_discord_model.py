"""Model drafts on Discord: `/coach settings model` (a subcommand with on|off), and a draft the server's
model writes, through the real command tree (SimCord) and a fake OpenAI-compatible endpoint on loopback.
Discord defers every interaction, so the model's seconds fit in the deferred answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.bootstrap import build_runtime
from bot.clock import FakeClock
from scheduler.runtime import Runtime
from tests.discord.harness import World, make_config, text_of
from tests.llm_fake import GOOD_DRAFT, MODEL, FakeLLM

GOOD = GOOD_DRAFT  # what the shared `llm` fixture (tests/conftest.py) answers


@pytest.fixture
def runtime(tmp_path: Path, clock: FakeClock, llm: FakeLLM) -> Iterator[Runtime]:
    config = make_config(tmp_path, llm_url=llm.url, llm_model=MODEL, llm_workspaces="*")
    runtime = build_runtime(config.core, clock)
    yield runtime
    runtime.engine.dispose()


async def test_a_member_switches_the_model_on_and_gets_its_draft(world: World, server, llm: FakeLLM) -> None:
    channel, alice, _ = server

    async def ask(command: str, **options: object) -> str:
        return text_of((await alice.slash(channel, command, **options)).response)

    await alice.slash(channel, "met", name="Jane Doe", where="PyCon",
                      notes="promised to send her the onboarding checklist; seemed stressed")
    assert "Model drafts: off (/coach settings model on)" in await ask("coach settings show")
    assert "Model drafts are on" in await ask("coach settings model", state="on")
    drafted = await ask("coach draft", name="Jane Doe")
    assert "great talking onboarding" in drafted and f"written by {MODEL}" in drafted
    assert len(llm.chats) == 1 and "stressed" not in llm.chats[0].text()
    assert "Model drafts are off" in await ask("coach settings model", state="off")
