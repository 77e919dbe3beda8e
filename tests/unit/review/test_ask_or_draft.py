"""When the coach asks instead of drafting a bare hello, which phrasings are never sent, and what of the notes
never reaches the message. Every note here is invented for this file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.drafts import _SPLICED, Draft, DraftTimes, Question, compose
from bot.review.gist import fill_in, open_item, without_reminders
from bot.review.purpose import Reading, read_purpose

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
FIRST = DraftTimes(now=NOW, met_at=NOW - timedelta(days=1), timezone="UTC")


def first(notes: str, offer: str | None = None, name: str = "Ines Moreau") -> Draft | Question:
    found = compose("follow_up_48h", DraftContext(name, where_met="the harbour cleanup", notes=notes, offer=offer,
                                                  member_name="Ravi"), FIRST, key=3)
    assert isinstance(found, Draft | Question), found
    return found


@pytest.mark.parametrize(("notes", "item"), [
    ("runs the boatyard. want to know if theyd winter our dinghy and what they charge",
     "want to know if they'd winter our dinghy and what they charge"),  # the typo read as meant
    ("sails on weds. has a spare drysuit my size apparently", "has a spare drysuit my size apparently"),
    ("nothing promised. she needs a new crew for the autumn series", "she needs a new crew for the autumn series"),
])
def test_the_clause_that_holds_something_open_is_found(notes: str, item: str) -> None:
    assert open_item(notes) == item


@pytest.mark.parametrize("notes", [
    "nothing promised, no ask either way. lovely chat about knots",
    "want to stay in touch, maybe sail together in spring",
    "",
])
def test_a_denied_word_or_a_wish_to_keep_in_touch_opens_nothing(notes: str) -> None:
    assert open_item(notes) is None


def test_notes_with_something_open_that_no_reader_places_get_a_question_that_quotes_it() -> None:
    # the readers can't say who does what here, so a hello that ignores the drysuit would miss the point
    found = first("sails on weds. has a spare drysuit my size apparently")
    assert isinstance(found, Question), found
    assert "has a spare drysuit my size apparently" in found.why


def test_a_week_on_the_same_notes_get_the_question_not_nothing_open() -> None:
    times = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=NOW - timedelta(days=8),
                       last_touch_at=NOW - timedelta(days=8), timezone="UTC")
    found = compose("no_reply_1w", DraftContext("Ines Moreau", where_met="the harbour cleanup",
                                                notes="sails on weds. has a spare drysuit my size apparently"),
                    times, key=3)
    assert isinstance(found, Question) and "spare drysuit" in found.why, found


def test_notes_whose_point_is_read_are_drafted_not_asked() -> None:
    found = first("retired joiner. offered to come and look at our sagging gate")
    assert isinstance(found, Draft) and "sagging gate" in found.text, found


def test_a_keep_in_touch_note_is_still_drafted() -> None:
    found = first("we geeked out on tide tables for an hour. want to stay in touch")
    assert isinstance(found, Draft), found


@pytest.mark.parametrize("sentence", [
    "I'd also love to talk about a for coffee when you have a moment.",
    "Thanks for the offer to check my and get back to me.",
    "I'd be glad of the introduction to with your pilots team.",
    "Thanks for offering to review my portfolio which; I'd love to take you up on it.",
    "Is the offer to review my portfolio which still open?",
    "Here's the whenever you asked for.",
    "Great to meet you at the warehouse thing nite yesterday.",
])
def test_a_sentence_no_notes_could_make_right_is_never_sent(sentence: str) -> None:
    assert _SPLICED.search(sentence)


@pytest.mark.parametrize("sentence", [
    "Here's a one-pager on the on-prem option, as promised.",
    "Here are the deck and the unit economics you asked for.",
    "Fun chatting at the after-party on Friday!",
    "Is the 2h architecture review for our migration still something you'd be up for?",
    "Great to meet you at the after party.", "Great to meet you in Hall A at the expo.", "See you at Quiz Nite!",
    "the before and after photos", "a lift to and from the match", "with or without the appendix",
    "what you're up to with the studio", "Congrats on your Series A!", "the About page", "Or, if it's easier, call me.",
    "the role, which still looks open",
])
def test_an_ordinary_sentence_passes(sentence: str) -> None:
    assert not _SPLICED.search(sentence)


def test_when_the_point_comes_out_garbled_the_coach_asks() -> None:
    # "check my" lost its object in the notes: "the offer to check my and get back to me" is no sentence
    found = first("quoted 900 for the friday. he said he'd check my + get back to me")
    assert isinstance(found, Question), found
    assert "didn't make a sentence" in found.why, found.why  # this gate's question, not review's fallback


def test_words_shouted_at_oneself_never_reach_the_message() -> None:
    found = first("said i'd send my deck v7 NOT v6 tonight", offer="send deck v7 NOT v6")
    assert isinstance(found, Draft), found
    assert "NOT" not in found.text and "v6" not in found.text, found.text
    assert "deck v7" in found.text


def test_a_reason_not_to_write_keeps_every_word() -> None:
    r = without_reminders(Reading(stop="DO NOT engage", deliver=("the samples, NOT the old ones",)))
    assert r.stop == "DO NOT engage" and r.deliver == ("the samples",)


def test_what_they_need_and_the_member_offered_to_send_is_sent_not_offered_as_help() -> None:
    notes = "treasurer. needs the receipts for the regatta entry fees so he can pay me back. dig them out!!"
    found = first(notes, offer="send regatta receipts")
    assert isinstance(found, Draft), found
    assert re.search(r"(?:[Hh]ere(?:'s| are)|attached) the regatta receipts", found.text), found.text
    assert not re.search(r"help with|looking for", found.text), found.text


def test_a_drawing_promised_by_whatsapp_is_delivered() -> None:
    notes = "needs the final layout drawing before first fix monday. i said i'd whatsapp it tonight"
    assert fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau").deliver == ("the final layout drawing",)


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("sarah's mum. she offered to have Ella round for tea thurs", "their_offer_to", "have Ella round for tea Thursday"),
    ("coach at the club. offered me a lift to the away game", "their_offer", ("a lift to the away game",)),
    ("physio. offered free 15min assessment at her clinic if i mention the expo", "their_offer",
     ("the 15min assessment at your clinic",)),  # theirs to give (her clinic), its terms left out
    ("ask what she charges for a 2 day shoot", "ask", "Could I ask what you charge for a 2 day shoot?"),
    ("runs a cidery. ask how he handled duty + pub pricing, my margins are awful", "ask",
     "Could I ask how you handled duty and pub pricing?"),
])
def test_more_of_what_notes_say_is_read(notes: str, field: str, value: object) -> None:
    assert getattr(fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau"), field) == value


def test_good_questions_they_asked_are_nothing_to_send() -> None:
    notes = "sharp reviewer, asked good q's re the sampling bit"
    assert read_purpose(notes, "Ines Moreau").deliver == ()


def test_a_screen_share_the_member_offered_is_arranged_not_attached() -> None:
    found = first("struggling w/ dashboards. i offered a 30min screen share next wk")
    assert isinstance(found, Draft), found
    assert not re.search(r"here's a 30min|attach", found.text + " ".join(found.tips), re.IGNORECASE), found


def test_a_promised_jar_is_brought_along_not_attached() -> None:
    times = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=NOW - timedelta(days=8),
                       last_touch_at=NOW - timedelta(days=8), timezone="UTC")
    found = compose("no_reply_1w", DraftContext("Bertie", where_met="the allotments",
                                                notes="gave me rhubarb crowns. i promised him a jar of my chutney "
                                                      "when its done"), times, key=3)
    assert isinstance(found, Draft), found
    assert "here's a jar" not in found.text.lower() and "I haven't forgotten the jar" in found.text, found.text


def test_an_arrow_between_two_roles_is_a_move_not_a_new_step() -> None:
    notes = "runs a mentoring scheme. want her take on designer -> PM switch"
    assert fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau").ask == \
        "Could I get your take on my designer to PM switch?"


@pytest.mark.parametrize("notes", [
    "talked about the price of houses in leeds",
    "he used to review grants for the arts council",
    "she was offered a job at the bank",
    "didn't ask for anything, just nice to meet",
    "she'd need to check with her boss first",
])
def test_a_past_passive_topic_or_their_own_step_opens_nothing(notes: str) -> None:
    assert open_item(notes) is None


def test_a_question_keeps_its_shouted_not() -> None:
    r = without_reminders(Reading(ask="Could I ask why the council did NOT renew the grant?"))
    assert r.ask == "Could I ask why the council did NOT renew the grant?"


@pytest.mark.parametrize("notes", [
    "he offered the job to someone else in the end",
    "she offered the team a pizza party",
])
def test_something_offered_to_others_is_not_an_offer_to_take_up(notes: str) -> None:
    assert fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau").their_offer == ()


def test_a_template_of_questions_is_still_a_thing_to_send() -> None:
    assert read_purpose("she asked for our interview questions template", "Ines Moreau").deliver == \
        ("our interview questions template",)


def test_a_bare_promise_is_the_members_not_an_offer_of_theirs() -> None:
    # found by the any-mix property test: "promised to connect her with …" had become *their* offer to take up
    notes = "promised to connect her with our head of data"
    assert fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau").their_offer_to is None


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("offered to mentor her monthly", "my_offer_to", "mentor you monthly"),  # no one named: the member's offer
    ("offered to walk him through it", "my_offer_to", "walk you through it"),
    ("knows the county coach. offered to put in a word for Ellie for squad trials in jan", "their_offer_to",
     "put in a word for Ellie for squad trials in January"),
    ("ask quote for 40 ppl, 14 nov, veggie options", "ask", "Could you send me a quote for 40 people?"),
    ("ask for a rough estimate", "ask", "Could you send me a rough estimate?"),
])
def test_whose_offer_and_what_is_asked(notes: str, field: str, value: object) -> None:
    assert getattr(fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau"), field) == value


def test_an_offer_to_lend_the_member_something_stays_theirs() -> None:
    assert read_purpose("offered to lend me his drill", "Ines Moreau").their_offer == ("lend me your drill",)


@pytest.mark.parametrize("sentence", [
    "I've attached the €eight postage via mbway, as promised.",  # an amount spelled out after its sign
    "As promised, here's a lift Sunday 14th.",  # a lift is given, not sent
    "Did the lift Sunday 14th I sent last week make it through all right?",
    "I'd also love to talk about Sato-san can join next sync when you have a moment.",  # a question cut in half
    "Here's the is in the abstract book.",
])
def test_more_sentences_no_notes_could_make_right(sentence: str) -> None:
    assert _SPLICED.search(sentence)


@pytest.mark.parametrize("sentence", [
    "I'd love to talk about how the pilot is going.", "Thanks for the lift on Sunday!",
    "Happy to give you a lift on the 14th.",
])
def test_and_their_well_formed_neighbours_pass(sentence: str) -> None:
    assert not _SPLICED.search(sentence)


def test_a_day_rate_and_availability_are_asked_for() -> None:
    notes = "freelance researcher. could use him for our study in nov - ask day rate + avail"
    assert fill_in(read_purpose(notes, "Ines Moreau"), notes, "Ines Moreau").ask == \
        "Could you let me know your day rate and availability?"


def test_what_waits_for_a_check_is_not_also_sent() -> None:
    notes = ("asked for the supplementary data + our annotation protocol. i said yes to data, protocol needs PI ok "
             "(ask Farid)")
    found = first(notes)
    assert isinstance(found, Draft), found
    assert not re.search(r"[Hh]ere(?:'s| are) the supplementary|attached the supplementary", found.text), found.text
