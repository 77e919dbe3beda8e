"""Notes written in another language (bot/review/phrases.py: notes_language): the coach can't read them for a
purpose, so "Draft it for me" asks what the message is for instead of guessing or calling it "nothing open".
Every note here is invented for this file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.drafts import Draft, DraftTimes, Question, Rest, compose
from bot.review.phrases import notes_language

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("notes", "language"), [
    ("trabaja en una cooperativa de café, me pidió el catálogo y quiere una llamada la semana que viene", "Spanish"),
    ("elle organise les ateliers du jeudi, je lui ai promis le guide et elle est très sympa", "French"),
    ("er leitet die Werkstatt und will das Angebot bis Freitag, ich hab ihm die Preise versprochen", "German"),
    ("ela faz a contabilidade da associação e pediu o relatório do ano passado, muito simpática", "Portuguese"),
    ("lavora nel consorzio del porto, vuole il preventivo per la gru e mi ha dato il suo numero", "Italian"),
])
def test_notes_in_another_language_are_recognised(notes: str, language: str) -> None:
    assert notes_language(notes) == language


@pytest.mark.parametrize("notes", [
    "runs the tool library, wants our volunteer rota template. promised to send it",
    "chai pe baat hui, super friendly. wants the deck by friday, said he'd intro me to his CTO",
    "met at la fiesta de la cerveza lol. el jefe of the brewery. send him the label mockups",
    "do as planned. no follow up, do not chase",  # words English shares with Portuguese and Italian
    "come to demo day per invite, lo-fi e-commerce, do as discussed",
    "MIT grad, die-hard Spurs fan, er, knows everyone in fintech",
    "ok",
    "",
])
def test_english_and_english_with_a_few_borrowed_words_are_not_flagged(notes: str) -> None:
    assert notes_language(notes) is None


@pytest.mark.parametrize("stage", ["follow_up_48h", "no_reply_1w"])
def test_the_coach_asks_rather_than_drafting_from_notes_it_cannot_read(stage: str) -> None:
    notes = "trabaja en una cooperativa de café, me pidió el catálogo y quiere una llamada la semana que viene"
    context = DraftContext("Lucía Romero", where_met="feria del libro", notes=notes, member_name="Ana")
    sent = NOW - timedelta(days=8)
    first_sent = sent if stage != "follow_up_48h" else None
    times = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=first_sent, last_touch_at=sent,
                       timezone="UTC")
    asked = compose(stage, context, times, key=3)
    assert isinstance(asked, Question), asked
    assert "Spanish" in asked.why
    answered = compose(stage, context, times, key=3, purpose="thank")  # once the member says, a draft comes
    assert isinstance(answered, Draft), answered


def test_a_stop_in_the_notes_still_rests_whatever_the_language_check_says() -> None:
    context = DraftContext("Rui Costa", where_met="expo", notes="do as planned. no follow up, do not chase",
                           member_name="Ana")
    assert isinstance(compose("follow_up_48h", context, None, key=4), Rest)


def test_german_notes_made_mostly_of_nouns_are_still_german() -> None:
    notes = ("Gründerin, Logistik-Startup in Hamburg, Seed-Runde gerade abgeschlossen, zwölf Leute im Team. wollte "
             "unsere Preisliste sehen, schick ich bis Freitag, aber ohne Rabattstaffel. kennt Investoren in Berlin "
             "und München, sehr gut vernetzt. Kaffee im Januar mit Gesprächsnotizen vorher, Termin über Doodle")
    assert notes_language(notes) == "German"
