"""The sale read from the notes (bot/review/deal.py) and the lines the drafter writes from it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.deal import Deal, read_deal
from bot.review.drafts import Draft, DraftTimes, Rest, compose

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)


def test_the_members_offer_on_their_listing_is_read_with_its_money_sign() -> None:
    assert read_deal("selling her Brompton, wants £600. I said 520. she'll think. collection from Hove") == Deal(
        item="the Brompton", selling=False, my_price="£520", their_price="£600", pending=True, collect="from Hove")


def test_an_agreed_price_with_a_day_and_cash_is_settled() -> None:
    deal = read_deal("rocking chair €45, I'm taking it, pickup tues 6pm. cash!!")
    assert deal == Deal(item="the rocking chair", selling=False, their_price="€45", agreed=True,
                        collect="on Tuesday at 6pm", cash=True)


def test_the_member_selling_answers_their_bid_with_their_own_figure() -> None:
    deal = read_deal("wants my old drum kit - offered 200, i said 260. waiting on him")
    assert deal is not None and deal.selling and deal.item == "the drum kit"
    assert (deal.my_price, deal.their_price, deal.pending) == ("260", "200", True)


@pytest.mark.parametrize("notes", [
    "selling his loom £300, i said maybe",  # the member hasn't decided
    "wants my easel. offered 40, counter w 55?",  # a figure still to settle
    "selling his loom £300. sold it to someone else in the end",  # gone: nothing to arrange
    "quoted 900 for the rewire, 3 days work",  # a quote, not a sale between them
    "talked pricing, their plan is 49/mo",
    "kiln 650 pickup only",  # a price seen and nothing said to it
    "don't undercut Gary, we agreed £220/day",  # a rate agreed with someone else, nothing sold
    "she wanted 3 logo directions, we agreed 2 + 1 wildcard",  # a count, not a price
])
def test_a_sale_not_read_with_confidence_is_no_deal(notes: str) -> None:
    assert read_deal(notes) is None


def _stages(notes: str) -> tuple[Draft, Draft | Rest]:
    context = DraftContext("Noor", "the swap shop", notes, member_name="Sam")
    first = compose("follow_up_48h", context, DraftTimes(now=NOW, met_at=NOW - timedelta(days=1)), key=3)
    week = compose("no_reply_1w", context, DraftTimes(now=NOW + timedelta(days=7), met_at=NOW - timedelta(days=1),
                                                      first_sent_at=NOW), key=3)
    assert isinstance(first, Draft) and isinstance(week, Draft | Rest), (first, week)
    return first, week


def test_an_offer_is_said_back_and_asked_after_once_a_week_on() -> None:
    first, week = _stages("selling her Brompton, wants £600. I said 520. she'll think. collection from Hove")
    assert "As I said, I can offer £520 for the Brompton, collected from Hove. Let me know what you decide." \
        in first.text, first.text
    assert isinstance(week, Draft) and "my offer of £520 for the Brompton" in week.text, week


def test_an_agreed_sale_is_confirmed_and_never_chased() -> None:
    first, week = _stages("rocking chair €45, I'm taking it, pickup tues 6pm. cash!!")
    assert "Just confirming what we agreed: the rocking chair for €45, and I'll collect it on Tuesday at 6pm with " \
           "cash. See you then." in first.text, first.text
    assert isinstance(week, Rest) and "agreed" in week.why, week


def test_the_member_selling_names_their_price_and_no_vague_help() -> None:
    first, _ = _stages("wants my old drum kit - offered 200, i said 260. waiting on him")
    assert "As I said, I can let the drum kit go for 260. Let me know what you decide." in first.text, first.text
    assert "help" not in first.text, first.text


def test_something_they_have_with_a_price_asked_is_theirs_to_sell() -> None:
    deal = read_deal("has a spare Moog pedal!! wants £180 + postage, I offered 150, he'll think")
    assert deal is not None and not deal.selling and deal.item == "the Moog pedal", deal
    assert (deal.my_price, deal.their_price, deal.pending) == ("£150", "£180", True)
    assert read_deal("has a van. wants 20 quid for petrol") is None  # nothing offered for it


@pytest.mark.parametrize(("notes", "price", "agreed"), [
    ("wants my loom. i said 90, she said 75. told her ok 80. collecting wed", "80", True),  # settled at 80
    ("kayak £150 ono. I said 120, he said 135. I said ok, collect fri", "£135", True),  # their figure, taken
    ("her boots €50, I offered 40. she accepted!! sending via post", "€40", True),
    ("cot bed, she wants 60, i said 50, deal. collecting fri", "50", True),
    ("selling me his records, £90 for the lot. agreed. pick up tues eve", "£90", True),
    ("selling his canoe 2k. I said 1600. he said he'll sleep on it", "1600", False),
    ("selling his 70-200 lens, wants 900. I offered 750", "750", False),  # digits in the name are no price
    ("vintage lamp €45 → I offered 35, she'll think", "€35", False),
])
def test_the_last_word_on_the_price_is_the_deal(notes: str, price: str, agreed: bool) -> None:
    deal = read_deal(notes)
    assert deal is not None and (deal.price, deal.agreed) == (price, agreed), deal


@pytest.mark.parametrize("notes", [
    "amp £60, I offered 45, he said 55 final. i said i'll think",  # theirs was the last word: the member decides
    "selling his desk 180, i said 150 if he delivers. he'll check",  # a condition on the member's figure
    "I offered him 50 for his old bench, he said he'd rather keep it",
    "offered me £10 for the lamp, I said 15. he walked off lol",
])
def test_a_price_still_to_decide_or_a_sale_called_off_is_no_deal(notes: str) -> None:
    assert read_deal(notes) is None


def test_an_agreed_sale_with_no_collection_asks_how_to_pay_not_when() -> None:
    first, _ = _stages("her scarf €30, I offered 25. she accepted!! posting it")
    assert "Just confirming what we agreed: the scarf for €25. Let me know how you'd like to be paid." in first.text, \
        first.text
