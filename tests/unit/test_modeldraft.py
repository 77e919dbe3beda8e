"""Model drafts, the core's side (bot/modeldraft.py): what the model is sent, and the checks its answer must
pass before a member sees it — the same as the built-in drafter's, plus the model's own ways to go wrong."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.modeldraft import ModelDrafts, ModelError, ModelJob, clean, prompt, vet, write
from bot.review.drafts import Draft, DraftTimes, compose
from bot.review.model import DraftContext

NOW = datetime(2026, 3, 4, 10, tzinfo=UTC)
NOTES = ("promised to send her the onboarding checklist; seemed stressed about her team; "
         "todo: ask about pricing; her kid just started school")
JANE = DraftContext("Jane Doe", "PyCon", NOTES, ("onboarding",), None, (), "Sam")
GOOD = ("Hi Jane,\n\nIt was great talking onboarding with you at PyCon yesterday. As promised, here's the "
        "onboarding checklist we use — I hope it's useful for your first weeks with new hires.\n\nBest,\nSam")


def builtin(context: DraftContext = JANE, stage: str = "follow_up_48h") -> Draft:
    found = compose(stage, context, DraftTimes(now=NOW, met_at=NOW - timedelta(hours=20)), key=1)
    assert isinstance(found, Draft)
    return found


def job(context: DraftContext = JANE, stage: str = "follow_up_48h", purpose: str | None = None) -> ModelJob:
    found = builtin(context, stage)
    return ModelJob(prompt(stage, context, found, purpose), stage, context, purpose, found, 1, announce=True)


class Scripted:
    """A ChatModel that answers from a script (or raises), recording what it was sent."""

    name = "scripted"

    def __init__(self, answer: str | Exception) -> None:
        self.answer = answer
        self.sent: list[Sequence[tuple[str, str]]] = []
        self.timeouts: list[float] = []

    def complete(self, messages: Sequence[tuple[str, str]], timeout: float) -> str:
        self.sent.append(messages)
        self.timeouts.append(timeout)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


# --- the prompt ----------------------------------------------------------------------------------


def test_the_prompt_holds_what_a_message_may_mention_and_nothing_private() -> None:
    messages = dict(job().messages)
    user = messages["user"]
    assert f"Greeting line: {builtin().text.splitlines()[0]}" in user and "Jane" in builtin().text.splitlines()[0]
    assert "PyCon" in user and "onboarding checklist" in user and "Sign it: Sam" in user
    assert builtin().text in user  # the built-in draft to improve on
    for private in ("stressed", "todo", "pricing", "kid", "school"):  # judgements, to-dos, private life
        assert private not in user.lower()
    assert "never invent" in messages["system"]


def test_the_prompt_carries_the_members_answer_and_no_signature_without_a_name() -> None:
    context = DraftContext("Chen Wei", "a party", "likes board games, runs a monthly game night at the library",
                           member_name=None)
    user = dict(job(context, purpose="invite them to game night").messages)["user"]
    assert re.search(r"Greeting line: \w+ Chen Wei\W", user)  # family name first: the whole name, as the drafter greets
    assert "invite them to game night" in user and "No signature." in user


# --- the checks ----------------------------------------------------------------------------------


def test_a_good_rewrite_and_the_built_in_draft_pass() -> None:
    assert vet(GOOD, job()) is None
    assert vet(builtin().text, job()) is None


@pytest.mark.parametrize(("text", "why"), [
    (GOOD.replace("Hi Jane,", "Hi Doe,"), "didn't greet them as Jane"),
    (GOOD.replace("Hi Jane,", "Hello there,"), "didn't greet them as Jane"),
    (GOOD.replace("Best,", "Hope your team is less stressed now.\n\nBest,"), "private remark"),
    (GOOD.replace("Best,", "Hope your kid is enjoying school!\n\nBest,"), "private remark"),
    (GOOD.replace("Best,", "TODO: add the link.\n\nBest,"), "to-do"),
    (GOOD.replace("Best,", "I also wanted to ask about pricing.\n\nBest,"), "meant for you only"),
    (GOOD.replace("Best,", "I'll introduce you to my cofounder Maria next week.\n\nBest,"), "promised something"),
    (GOOD.replace("Best,", "Happy to cover your ticket for the next meetup.\n\nBest,"), "promised something"),
    (GOOD.replace("Sam", "[Your Name]"), "placeholder"),
    ("Here's a draft for you:\n\n" + GOOD, "placeholder or a note"),
    (GOOD.replace("Best,", "word " * 150 + "\n\nBest,"), "words long"),
    ("Hi Jane, thanks!", "words long"),
    ("Hi Jane,\n\nI haven't heard back from you and I'm a bit disappointed. I really need you to reply ASAP, "
     "it's urgent. Please let me know today.\n\nSam", "guilt-trips"),
    ("Hi Jane,\n\nGreat to meet you at PyCon! Our platform automates onboarding end to end. Book a demo with "
     "our sales team today and get 20% off your first year of our premium plan.\n\nSam", "sales pitch"),
])
def test_a_model_draft_that_fails_a_check_is_refused(text: str, why: str) -> None:
    found = vet(text, job())
    assert found is not None and why in found


def test_the_greeting_may_run_on_into_the_first_sentence_but_must_open_the_message() -> None:
    one_line = ("Hi Jane, it was great talking onboarding with you at PyCon yesterday. As promised, here's the "
                "onboarding checklist we use.\n\nBest,\nSam")
    assert vet(one_line, job()) is None
    late = "Great talking at PyCon yesterday, Jane! As promised, here's the onboarding checklist we use.\n\nSam"
    assert "didn't greet them as Jane" in (vet(late, job()) or "")


def test_pasted_notes_are_refused() -> None:
    context = DraftContext("Ana Ruiz", "RustConf", "talked about embedded rust on tiny boards for the greenhouse "
                           "sensors project", member_name="Sam")
    pasted = ("Hi Ana,\n\nGreat chat at RustConf. We talked about embedded rust on tiny boards for the greenhouse "
              "sensors project, and I keep thinking about it. Would you share how you flash the boards?\n\nSam")
    assert "pasted" in (vet(pasted, job(context)) or "")


def test_a_promise_the_notes_make_may_be_kept() -> None:
    context = DraftContext("Raj Patel", "KubeCon", "promised intro to Maria (our SRE lead) about on-call",
                           member_name="Sam")
    text = ("Hi Raj,\n\nGood to meet you at KubeCon. As promised, I'll introduce you to Maria, our SRE lead — she "
            "has been through the on-call redesign you described.\n\nSam")
    assert vet(text, job(context)) is None
    # …but not one made for someone else: Maria never offered anything
    assert "promised something" in (vet(text.replace("described.", "described, and is happy to pair with you "
                                                                    "on it."), job(context)) or "")


def test_clean_takes_off_fences_subject_lines_and_quotes() -> None:
    assert clean("```\nHi Jane,\n\nHello.\n```") == "Hi Jane,\n\nHello."
    assert clean("Subject: Great to meet you\n\nHi Jane,\n\nHello.") == "Hi Jane,\n\nHello."
    assert clean('"Hi Jane,\n\nHello."') == "Hi Jane,\n\nHello."
    assert clean("\n\n  Hi Jane,\n\n\n\nHello.  ") == "Hi Jane,\n\nHello."
    assert clean("<think>\nThe greeting must be Hi Jane. <b>Keep</b> it short.\n</think>\n\nHi Jane,\n\nHello.") == \
        "Hi Jane,\n\nHello."  # a reasoning model's thinking is not the message


# --- one try, a time limit, the built-in draft otherwise -------------------------------------------


def test_write_returns_the_vetted_draft_within_the_time_limit() -> None:
    model = Scripted(f"```\n{GOOD}\n```")
    outcome = write(ModelDrafts(model, frozenset({"*"}), timeout=3.5), job())
    assert outcome.text == GOOD and outcome.why is None
    assert model.timeouts == [3.5] and len(model.sent) == 1


@pytest.mark.parametrize(("answer", "why"), [
    (ModelError("timeout", "no answer within 8 s"), "didn't answer within 8 seconds"),
    (ModelError("error", "HTTP 500"), "couldn't be reached"),
    (RuntimeError("a bug in a client"), "couldn't be reached"),
    ("   ", "gave no answer"),
    (GOOD.replace("Hi Jane,", "Hi Doe,"), "didn't greet them as Jane"),
])
def test_write_says_why_the_built_in_draft_stands(answer: str | Exception, why: str) -> None:
    outcome = write(ModelDrafts(Scripted(answer), frozenset({"*"}), timeout=8), job())
    assert outcome.text is None and why in (outcome.why or "")


def test_workspaces_the_operator_listed_and_only_those() -> None:
    some = ModelDrafts(Scripted(""), frozenset({"T1", "discord:42"}))
    assert some.allows("slack", "T1") and some.allows("discord", "42")
    assert not some.allows("slack", "T2") and not some.allows("slack", "42") and not some.allows("slack", "")
    every = ModelDrafts(Scripted(""), frozenset({"*"}))
    assert every.allows("console", "local") and not every.allows("slack", "")
    assert not ModelDrafts(Scripted(""), frozenset()).allows("console", "local")


def test_the_port_makes_no_network_call_itself() -> None:
    """The HTTP client is adapters/llm.py; the core module imports nothing that talks to a network."""
    source = Path(__file__).resolve().parents[2] / "bot" / "modeldraft.py"
    roots = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
    assert not roots & {"urllib", "http", "socket", "aiohttp", "requests", "httpx", "adapters"}
