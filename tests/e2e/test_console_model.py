"""`coach console` with a model for drafts, as a person runs it: a subprocess fed through a pipe, talking to
a fake OpenAI-compatible endpoint on loopback (COACH_LLM_*). Off until the member says so; the first
model-written draft says so; a slow model gives way to the coach's own draft within the time limit."""

from __future__ import annotations

import time

from tests.e2e.test_console import run_console
from tests.llm_fake import GOOD_DRAFT, MODEL, FakeLLM

GOOD = GOOD_DRAFT  # what the shared `llm` fixture (tests/conftest.py) answers
SCRIPT = """\
/met "Jane Doe" at PyCon -- promised to send her the onboarding checklist; seemed stressed about her team
/coach draft jane
/coach settings model on
/coach draft jane
/coach draft jane
/coach settings
"""


def with_model(env: dict[str, str], llm: FakeLLM, **more: str) -> dict[str, str]:
    return {**env, "COACH_LLM_URL": llm.url, "COACH_LLM_MODEL": MODEL, "COACH_LLM_WORKSPACES": "local", **more}


def test_the_member_switches_the_model_on_and_its_draft_says_so_once(env: dict[str, str], llm: FakeLLM) -> None:
    result = run_console(SCRIPT, with_model(env, llm), "console")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    before, _, after = out.partition("Model drafts are on")
    assert after and GOOD not in before and llm.chats and len(llm.chats) == 2  # nothing asked before the opt-in
    assert after.count("great talking onboarding") == 2
    assert after.count("the model your workspace set up, and checked by the coach") == 1  # the first draft only
    assert f"Written by {MODEL}, checked by the coach" in after
    assert f"Model drafts: on ({MODEL})" in after
    assert all("stressed" not in chat.text() for chat in llm.chats)
    assert "Traceback" not in out + result.stderr


def test_a_slow_model_meets_its_time_limit(env: dict[str, str], llm: FakeLLM) -> None:
    llm.delay = 20
    started = time.monotonic()
    script = ('/met "Jane Doe" at PyCon -- promised to send her the onboarding checklist\n'
              "/coach settings model on\n/coach draft jane\n")
    result = run_console(script, with_model(env, llm, COACH_LLM_TIMEOUT="1"), "console")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 15
    assert "Here's a draft for Jane Doe" in result.stdout and GOOD not in result.stdout
    assert "didn't answer within 1 second" in result.stdout


def test_without_a_model_the_setting_says_so(env: dict[str, str]) -> None:
    result = run_console("/coach settings model on\n/coach help\n", env, "console")
    assert result.returncode == 0, result.stderr
    assert "No model is set up for this coach" in result.stdout
