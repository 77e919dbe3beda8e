"""The tone model: rebuilt exactly from the repository's data, and heard only when the rules pass."""

from __future__ import annotations

import pytest

import bot.review.engine as engine
from bot.review import review
from bot.review.tone import TONE_RULES, Linear, ToneModel, features, shipped_model
from bot.review.train import main as train_main


def test_shipped_model_is_what_training_on_the_tune_split_writes() -> None:
    assert train_main(["--check"]) == 0


def test_shipped_model_loads_with_a_model_per_rule() -> None:
    model = shipped_model()
    assert model is not None and 0.5 < model.threshold < 1
    assert set(model.rules) == set(TONE_RULES)
    assert len(model.verdict.weights) > 100


def test_features_are_content_words_and_word_pairs() -> None:
    assert features("Hi Jane! Could you?") == {"jane", "!", "?", "hi jane", "jane !", "! could", "you ?"}


def _model_that_dislikes(word: str, rule: str) -> ToneModel:
    quiet = Linear(-5.0, {})
    return ToneModel(Linear(-5.0, {word: 10.0}), {r: Linear(0.0, {word: 5.0}) if r == rule else quiet
                                                  for r in TONE_RULES}, 0.9)


GOOD = (
    "Hi Jane, your PyCon talk on onboarding metrics was great. I wrote up how we measure time to first "
    "commit; happy to send it. Would a short call next week suit you?"
)


def test_the_model_overrules_a_passing_review_and_points_at_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert review(GOOD).verdict == "good"
    monkeypatch.setattr(engine, "shipped_model", lambda: _model_that_dislikes("wrote", "salesy"))
    r = review(GOOD)
    assert r.verdict == "needs_work" and r.rules == ("salesy",)
    assert r.findings[0].severity == "medium" and "wrote up" in (r.findings[0].excerpt or "")


def test_the_model_is_silent_below_its_threshold_and_when_rules_already_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "shipped_model", lambda: _model_that_dislikes("zebra", "pushy"))
    assert review(GOOD).verdict == "good"
    monkeypatch.setattr(engine, "shipped_model", lambda: _model_that_dislikes("did", "salesy"))
    r = review("Hi Jane, did you see my last message?")
    assert "pushy" in r.rules and "salesy" not in r.rules


def test_without_a_model_file_the_rules_still_review(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "shipped_model", lambda: None)
    assert review(GOOD).verdict == "good"
    assert review("Hi Jane, did you see my last message?").verdict == "needs_work"
