"""What real writers send and their readers mind: each case stands for a pattern issue 20 found (the
sentences are made up here, not taken from any data set)."""

from __future__ import annotations

import pytest

from bot.review import DraftContext, MessageKind, review

GOOD = [
    # thanks and praise with no ask
    "Hi Omar - The new onboarding emails you wrote for us are working: signups who finish setup went from 40% to "
    "55% in two weeks. We couldn't have done it without you.",
    # a reconnect that congratulates on a public talk
    "Hi Ines, it has been a while! I saw your talk on accessible forms got picked up by the W3C group - congrats. "
    "Would love to hear how it happened.",
    # short chat messages with one concrete thing
    "Hi Wren, great meeting you at the Postgres meetup. Coffee next week?",
    "hey! could you send over the slides from thursday's panel on pgvector?",
    # a thank-you that names the help
    "Thanks for the intro to Dami, Chris. We're meeting Tuesday.",
    # a share with no ask
    "Saw this write-up on queue backpressure and thought of your Kafka migration: https://example.org/qbp",
]

BAD = [
    ("Hi Sunita, I'd love to connect and learn from your experience.", "generic"),
    ("Dear Vikram, Thanks for the great time. Cheers, Anil", "generic"),
    ("Congrats on the promotion.", "generic"),
    ("Hi Jo, just checking in on this! Let me know. Thanks, Ben", "generic"),
    ("Hi Noor, I'm a UX designer moving into product and I'd love to pick your brain over coffee sometime!",
     "generic"),
    ("Hey Rowan, meet my friend Ines. She's launching a podcast and I said you'd walk her through the options.",
     "pushy"),
    ("Thanks for the tour of the lab. I believe my skills would make me a great addition to your team.",
     "self_centred"),
    ("Hi Dr. Alvarez, two quick questions before my talk: is there an HDMI projector, and how long is each slot? "
     "Sorry for the incontinence!", "typo"),
    ("Hi all, join us at the Harbour Room on 14 May from 6pm. Drinks and nipples will be served!", "typo"),
    ("Hi Leo, thanks for the complement on my talk about Rust async - it made my week.", "typo"),
    ("Hi Ana, I've started selling smart thermostats and I'd love to show you why ours are the best on the market!",
     "salesy"),
    ("Congrats on the new role at Stripe, Maya! Well deserved. Could you refer me for the open PM position there?",
     "pushy"),
    ("Hi Tom, great meeting you at the fintech breakfast. Would you like to join me for dinner this weekend?",
     "over_personal"),
    ("Hi Ada, last time, you're looking for speakers for the Rust meetup; happy to give a talk on async traits.",
     "typo"),
    ("Hi Carlos, I'm only keeping mentoring slots open until Friday, so let me know by then or I'll assume you're "
     "not interested.", "pushy"),
]


@pytest.mark.parametrize("text", GOOD)
def test_good_real_messages_pass(text: str) -> None:
    r = review(text)
    assert r.verdict == "good", r.findings


@pytest.mark.parametrize(("text", "rule"), BAD)
def test_what_real_readers_mind_is_named(text: str, rule: str) -> None:
    r = review(text)
    assert r.verdict == "needs_work" and rule in r.rules, r.findings


def test_a_title_with_the_surname_is_the_right_name() -> None:
    ctx = DraftContext("Ruth Abernathy")
    r = review("Dear Professor Abernathy, thank you for the reading list on urban soils; the Hartley paper "
               "changed my thesis plan.", ctx)
    assert r.verdict == "good", r.findings
    wrong = review("Dear Professor Lindqvist, thank you for the reading list on urban soils.", ctx)
    assert wrong.verdict == "needs_work" and "placeholder" in wrong.rules


def test_a_template_gets_the_placeholder_finding_not_a_refusal_as_code() -> None:
    r = review("Hi {{first_name}}, loved your talk at {{event}}. Would you be open to a call about {{topic}}?")
    assert "placeholder" in r.rules and r.verdict == "needs_work"


def test_a_short_message_is_not_too_short_when_it_says_something() -> None:
    r = review("Could you share the Grafana dashboard JSON from your demo?", kind=MessageKind.COLD_OUTREACH)
    assert r.verdict == "good", r.findings
    bare = review("Hey, got a sec?", kind=MessageKind.COLD_OUTREACH)
    assert bare.verdict == "needs_work" and "too_short" in bare.rules


def test_a_suggestion_never_changes_the_verdict() -> None:
    ctx = DraftContext("Jane Doe", where_met="PyCon", notes="onboarding metrics", offer="our dashboard template")
    r = review("Hi Jane, your point about the Ruff migration stuck with me - we tried it on Monday. Thanks!", ctx)
    assert r.verdict == "good" and all(f.severity == "low" for f in r.findings)
