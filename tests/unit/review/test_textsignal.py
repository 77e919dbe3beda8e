"""The learned second opinion (``bot.review.textsignal``): when it fires, when it stays quiet, and that the
stored model is exactly what ``python -m bot.review.train`` builds from the repo's tune data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.review import format_review, review
from bot.review.engine import NEEDS_WORK_CEILING
from bot.review.textsignal import RULE, WEIGHTS, TextModel, features, load, tokens
from bot.review.train import BUDGET, Config, build

# invented people, places and work; none of these sentences is in the data
WEAK_THE_RULES_PASS = (
    "Hey Brannoc, amazing stuff you shared. Kindly let me know why you'll be at the summit so I can wait for you.",
    "Hi Corwen, I saw you work at Lattice Forge. I am looking for a job and would appreciate anything you can do.",
)
GOOD = (
    "Hi Dara, your talk on tidal sensors at the harbor meetup changed how I plan our study, especially the point "
    "on calibration. Thanks for the checklist you suggested.",
    "Hi Ansel, thanks again for walking me through the ferry schedule model last Tuesday. I tried your idea of "
    "splitting by season and the error dropped by a third.",
    "Hi Wren, great meeting you at the Postgres meetup. Coffee next week?",
)


def test_the_model_is_stored_and_loaded_once() -> None:
    assert WEIGHTS.exists() and WEIGHTS.stat().st_size < 300_000
    first = load()
    assert first is not None and first is load()
    again = TextModel.from_json(WEIGHTS.read_text(encoding="utf-8"))
    assert again == first


def test_training_rebuilds_the_stored_file_bit_for_bit() -> None:
    model, report = build(Config())
    stored = WEIGHTS.read_text(encoding="utf-8")
    assert model.to_json() == stored, "the rules or the tune data changed: run python -m bot.review.train"
    assert all(r["good_flagged"] <= BUDGET for r in report)


@pytest.mark.parametrize("text", WEAK_THE_RULES_PASS)
def test_fires_on_weak_wording_the_rules_pass(text: str) -> None:
    assert review(text, second_opinion=False).verdict == "good"
    rv = review(text)
    assert rv.verdict == "needs_work" and rv.findings[0].rule == RULE and rv.score <= NEEDS_WORK_CEILING
    shown = format_review(rv)
    assert "reads more like the examples guides mark as weak" in shown and "not one line" in shown


@pytest.mark.parametrize("text", GOOD)
def test_quiet_on_specific_good_messages(text: str) -> None:
    rv = review(text)
    assert rv.verdict == "good" and RULE not in rv.rules


def test_never_adds_to_a_message_the_rules_already_flag() -> None:
    text = "Dear Sir, kindly find my resume attached. I am a fan of your startup and am raising my hand for anything."
    rv = review(text)
    assert rv.verdict == "needs_work" and RULE not in rv.rules


def test_rules_alone_never_carry_it() -> None:
    for text in WEAK_THE_RULES_PASS:
        assert RULE not in review(text, second_opinion=False).rules


def test_features_are_plain_words_and_the_rules_output() -> None:
    assert tokens("It’s 2024 — we’re BACK!") == ["it's", "0000", "we're", "back"]
    f = features("Hi there", (), "follow_up", "good", use_rules=True)
    assert {"hi", "there", "K:follow_up", "V:good", "L:<15"} <= f
    assert features("Hi there", (), "follow_up", "good", use_rules=False) == {"hi", "there"}


def test_a_missing_file_means_rules_alone(tmp_path: Path) -> None:
    assert load(tmp_path / "absent.json") is None


def test_an_unreadable_weights_file_turns_the_second_opinion_off_with_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    broken = tmp_path / "textsignal.json"
    broken.write_text("{not json", encoding="utf-8")
    with caplog.at_level("WARNING"):
        assert load(broken) is None and load(tmp_path / "missing.json") is None
    assert caplog.text.count("second opinion is off") == 2
