"""Draft review: specific rules fire on specific drafts, contact-aware messages, kinds and bad input."""

from __future__ import annotations

import pytest

from bot.review import RULES, DraftContext, MessageKind, format_review, review

PYCON = DraftContext(
    "Jane Doe",
    where_met="PyCon",
    notes="talked about onboarding metrics",
    offer="our onboarding dashboard template",
    member_name="Sam",
)


def rules_of(text: str, context: DraftContext | None = None, kind: MessageKind | None = None) -> set[str]:
    return set(review(text, context, kind=kind).rules)


def test_good_specific_follow_up_is_good() -> None:
    text = (
        "Hi Jane, great meeting you at PyCon. Your onboarding metrics idea stuck with me, so here's the "
        "dashboard template we use. Would you be up for a short call next week to compare notes?"
    )
    r = review(text, PYCON, kind=MessageKind.FOLLOW_UP)
    assert r.verdict == "good"
    assert r.score >= 85
    assert not [f for f in r.findings if f.severity in ("high", "medium")]


def test_contact_aware_names_the_missing_details() -> None:
    r = review("Hi Jane, hope you're well! Would you like to grab coffee sometime?", PYCON)
    finding = next(f for f in r.findings if f.rule == "no_personalization")
    assert "PyCon" in finding.message and "onboarding metrics" in finding.message
    assert finding.severity == "medium"
    assert r.verdict == "needs_work"
    offer = next(f for f in r.findings if f.rule == "no_value")
    assert "onboarding dashboard template" in offer.fix


def test_using_stored_details_clears_personalization() -> None:
    text = "Hi Jane, loved our PyCon chat on onboarding metrics. Happy to send the dashboard template. Coffee soon?"
    assert "no_personalization" not in rules_of(text, PYCON, MessageKind.FOLLOW_UP)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Jane, did you see my last message? Just checking you got it.",
        "Hi Tom, you never replied to my email. Please respond when you can.",
        "Hi Ana, I've messaged you several times now and I'm still waiting for a reply.",
        "Hello? Following up again on this.",
    ],
)
def test_guilt_trip_follow_ups_are_pushy(text: str) -> None:
    r = review(text, kind=MessageKind.FOLLOW_UP)
    assert "pushy" in r.rules
    assert r.verdict == "needs_work"


def test_polite_last_message_is_not_pushy() -> None:
    text = (
        "Hi Grace, this is my last note so I won't crowd your inbox. If the intro to our design lead for your "
        "conference proposal is still useful, I'm happy to set it up. No problem at all if the timing's wrong."
    )
    assert "pushy" not in rules_of(text, kind=MessageKind.FOLLOW_UP)


def test_connection_note_300_char_limit() -> None:
    base = "Hi Maria, great to meet you at Data Council and talk about data contracts. "
    long_note = base + "I'd love to connect and share what we learned about schema evolution at our company. " * 3
    assert len(long_note) > 300
    r = review(long_note, kind=MessageKind.CONNECTION_NOTE)
    f = next(f for f in r.findings if f.rule == "too_long")
    assert f.severity == "high" and "300" in f.message
    short_note = "Hi Maria, great to meet you at Data Council. Let's connect; happy to share our schema notes."
    assert "too_long" not in rules_of(short_note, kind=MessageKind.CONNECTION_NOTE)
    # the same text as a follow-up is judged by word count, not the note cap
    assert "too_long" not in rules_of(long_note, kind=MessageKind.FOLLOW_UP)


def test_cold_outreach_needs_value_and_ask() -> None:
    r = review(
        "Hi Nina, I read your blog post on Terraform modules. I'm working on infra at a startup.",
        kind=MessageKind.COLD_OUTREACH,
    )
    assert {"no_value", "no_ask"} <= set(r.rules)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Hi [Name], I noticed we're both in the fintech space. Would love to connect!", "placeholder"),
        ("Hello {first_name}, loved your talk at {event}. Coffee?", "placeholder"),
        ("I'd like to add you to my professional network.", "generic"),
        ("To whom it may concern, I would like to discuss an opportunity.", "generic"),
        ("Hey gorgeous, saw your profile pic and had to connect", "over_personal"),
        ("Hi Mia, how's your divorce going? Coffee soon?", "over_personal"),
        ("Hi Chris, book a demo today for a limited-time discount on our platform!", "salesy"),
        ("Hi Ravi, I realy enjoyed the convesation abotu observability at the meetup.", "typo"),
        ("Thanks!", "too_short"),
        (
            "Hello, I am a results-driven engineer with 7 years of experience. I am looking for a new role. "
            "I have attached my resume. I believe I would be a great asset. I am available any time.",
            "self_centred",
        ),
    ],
)
def test_rule_fires(text: str, rule: str) -> None:
    assert rule in rules_of(text)


def test_wrong_name_for_contact_is_flagged() -> None:
    r = review("Hi Omar, great chatting about onboarding metrics at PyCon! Let's connect.", PYCON)
    f = next(f for f in r.findings if f.rule == "placeholder")
    assert "Omar" in f.message and "Jane" in f.fix


def test_kind_detection() -> None:
    assert review("Thank you so much for the intro to Dana yesterday, Omar!").kind is MessageKind.THANK_YOU
    assert review("Hi Tom, great meeting you at the Rust meetup. Let's connect!").kind is MessageKind.CONNECTION_NOTE
    assert review("Hi Raj, following up on my message about the Kafka lag issue.").kind is MessageKind.FOLLOW_UP
    assert review("Hi Femi, we haven't met, but I read your post on dbt tests.").kind is MessageKind.COLD_OUTREACH


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀🎉🤝" * 10,
        "x" * 50_000,
        ("Hi Jane, thanks for the chat at PyCon about onboarding metrics. " * 800),
        "Hola Juana, me encantó conocerte en la conferencia. ¿Tomamos un café la semana que viene?",
        "こんにちは、先日はありがとうございました。",
        "<p>Hi <b>Jane</b>, loved your <a href='x'>talk</a> at PyCon. Coffee next week?</p>",
        "def follow_up(contact):\n    return send(contact, 'hi')\n",
        '{"id": 1, "text": [1, 2, {"a": null}]}',
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "\x00\x01\x02",
    ],
)
def test_bad_input_never_raises_and_answers_clearly(text: str) -> None:
    r = review(text)
    assert r.verdict in ("good", "needs_work")
    assert 0 <= r.score <= 100
    assert all(f.rule in RULES for f in r.findings)
    out = format_review(r)
    assert out.strip() and "**" not in out
    d = r.to_dict()
    assert set(d) >= {"verdict", "score", "kind", "findings"}


def test_bad_input_messages() -> None:
    assert "no draft" in format_review(review("")).lower()
    assert "english" in format_review(review("Hola Juana, me encantó conocerte en la conferencia de ayer.")).lower()
    assert "code" in format_review(review("def f(x):\n    return x + 1\n")).lower()
    markup = review("<p>Hi <b>Jane</b>, loved your talk at PyCon on onboarding metrics. Coffee next week?</p>")
    assert any("formatting" in n for n in markup.notes)
    huge = review("Hi Jane, thanks for the chat at PyCon about onboarding metrics. " * 800)
    assert "too_long" in huge.rules and huge.verdict == "needs_work"


def test_format_review_is_short_plain_text() -> None:
    r = review("Hi Jane, did you see my last message?", PYCON)
    text = format_review(r)
    lines = text.splitlines()
    assert lines[0].startswith("Needs work")
    assert len(lines) == 1 + len(r.findings) + len(r.notes)
    assert all("Fix:" in ln for ln in lines[1:])
    assert "**" not in text


def test_to_dict_shape() -> None:
    d = review("Hi Jane, did you see my last message?").to_dict()
    assert d["verdict"] == "needs_work" and isinstance(d["score"], int)
    assert set(d["findings"][0]) == {"rule", "severity", "message", "excerpt", "fix"}


def test_deterministic() -> None:
    text = "Hi Jane, great meeting you at PyCon! Would love to connect."
    assert review(text, PYCON) == review(text, PYCON)
