"""What a message does after the first one, and what the first one owes: a promised thing held back until
someone clears it is never attached, a week on it is "not forgotten" or left to rest; a CV is followed up by
asking whether they had a look, a recipe by asking whether they tried it, a name or a card not at all; a
referral offered is thanked; an apology the notes call for is made. Every note here is invented for this file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.drafts import Draft, DraftTimes, Question, Rest, compose
from bot.review.purpose import read_purpose

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
FIRST = DraftTimes(now=NOW, met_at=NOW - timedelta(days=1), timezone="UTC")
WEEK_ON = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=NOW - timedelta(days=8),
                     last_touch_at=NOW - timedelta(days=8), timezone="UTC")


def draft(notes: str, *, stage: str = "follow_up_48h", key: int = 5) -> Draft | Question | Rest:
    times = FIRST if stage == "follow_up_48h" else WEEK_ON
    return compose(stage, DraftContext("Odile", where_met="the regional expo", notes=notes, member_name="Bram"),
                   times, key=key)


def text_of(found: Draft | Question | Rest) -> str:
    assert isinstance(found, Draft), found
    return found.text


@pytest.mark.parametrize(("notes", "later"), [
    ("said i'd send the pilot case study but legal hasn't cleared it yet",
     "the pilot case study once it's cleared"),
    ("promised our intake form template - not signed off yet by the DPO", "our intake form template once it's cleared"),
    ("promised her the unit costs + margin sheet but DONT send numbers till finance checks them",
     "the unit costs and the margin sheet once they're cleared"),
    ("wants to try our demo. send demo build once QA passes, NOT before", "the demo build once it's cleared"),
    ("runs 40 greenhouses. send sample pack ONLY after the lab ok (2 wks?)", "the sample pack once it's cleared"),
])
def test_a_promise_held_until_someone_clears_it_is_for_later(notes: str, later: str) -> None:
    found = read_purpose(notes, "Odile")
    assert found.deliver == () and found.later == (later,), found


def test_a_held_promise_is_never_attached_in_the_first_message() -> None:
    found = draft("said i'd send the pilot case study but legal hasn't cleared it yet. she offered a tour of the mill")
    text = text_of(found)
    assert "once it's cleared" in text and "here's the pilot case study" not in text.lower(), text
    assert not any("attach" in tip.lower() for tip in found.tips), found.tips  # type: ignore[union-attr]


def test_a_week_on_a_held_promise_alone_is_left_to_rest() -> None:
    found = draft("promised our intake form template - not signed off yet by the DPO", stage="no_reply_1w")
    assert isinstance(found, Rest) and "cleared" in found.why, found


def test_a_week_on_a_held_promise_beside_a_question_is_not_forgotten_and_not_sent() -> None:
    found = draft("sent her the slides, will send the fire risk report when its finalised", stage="no_reply_1w")
    text = text_of(found)
    assert "haven't forgotten the fire risk report" in text and "here's the fire risk report" not in text.lower(), text
    assert any("ready by now" in tip for tip in found.tips), found.tips  # type: ignore[union-attr]


@pytest.mark.parametrize("notes", ["sent her my cv after the panel", "she asked for our proposal, sent it friday",
                                   "sent over the quote for the stand rebuild"])
def test_a_week_on_what_waits_on_their_look_asks_whether_they_had_one(notes: str) -> None:
    text = text_of(draft(notes, stage="no_reply_1w"))
    assert "had a chance to look at" in text, text
    assert "arrived" not in text and "anything is unclear" not in text, text


def test_a_week_on_a_recipe_asks_whether_they_tried_it() -> None:
    text = text_of(draft("she wants my plum chutney recipe, sent it", stage="no_reply_1w"))
    assert "try" in text and "came through" not in text and "unclear" not in text, text


@pytest.mark.parametrize("notes", ["he asked for the name of my osteopath. sent it",
                                   "sent a sympathy card, her mum died last month"])
def test_a_week_on_a_name_or_a_card_asks_nothing_back(notes: str) -> None:
    assert isinstance(draft(notes, stage="no_reply_1w"), Rest)


def test_a_week_on_an_introduction_made_is_theirs_to_take_up() -> None:
    found = draft("promised intro to Lotte at the cooperative", stage="no_reply_1w")
    assert isinstance(found, Rest) and "introduction" in found.why, found


def test_a_name_is_typed_in_never_attached() -> None:
    found = draft("he asked for the name of my osteopath")
    text = text_of(found)
    assert "attached" not in text and "name of my osteopath" in text, text


def test_a_referral_they_offered_is_thanked_not_pressed() -> None:
    text = text_of(draft("runs the fabrication team, hiring welders. said send cv -> he'll refer me"))
    assert "put my name forward" in text and "refer me" not in text, text
    assert read_purpose("he'll refer me", "Odile").their_offer == ("refer me",)


@pytest.mark.parametrize(("notes", "apology"), [
    ("i snapped at him in the stand-up. apologise properly", "I snapped at you in the stand-up"),
    ("+ apologise, i was v short with her at the till", ""),  # how the member was: their judgement, kept out
    ("+ apologise, i was v rude abt her startup", "I said what I did about your startup"),
    ("need to apologise for the late invoice", "for the late invoice"),
    ("apologise to her", ""),
    ("she runs the till on saturdays", None),
])
def test_an_apology_the_notes_call_for_is_read(notes: str, apology: str | None) -> None:
    assert read_purpose(notes, "Odile").apology == apology


def test_the_apology_is_made_in_the_first_message() -> None:
    text = text_of(draft("i snapped at her in the stand-up. apologise properly"))
    assert "sorry I snapped at you in the stand-up" in text, text


@pytest.mark.parametrize(("notes", "thanks"), [
    ("odile stayed late to help us pack the stand when my train was cancelled. thank her properly",
     "staying late to help us pack the stand"),
    ("she carried the boxes up to the loft. thank her", "carrying the boxes up to the loft"),
    ("i stayed late. thank her", None),
])
def test_thanks_with_no_object_is_for_what_the_clause_before_says_they_did(notes: str, thanks: str | None) -> None:
    assert read_purpose(notes, "Odile").thanks == thanks


def test_a_role_named_by_its_field_alone_gets_its_noun() -> None:
    text = text_of(draft("she's hiring backend asap. sent my cv"))
    assert "backend engineer" in text and "asap" not in text, text


@pytest.mark.parametrize(("notes", "news"), [
    ("she'll find out if the tasting date is confirmed + let me know", "the tasting date"),
    ("he said he'd check whether the barn takes bookings in may and get back to me", None),  # no status to ask after
    ("he'll find out if his landlord allows dogs", None),
    ("they will find out when the bursary round opens", "the bursary round"),
    ("they'll check if they can host", None),
])
def test_what_they_said_they_would_find_out_is_read(notes: str, news: str | None) -> None:
    assert read_purpose(notes, "Odile").their_news == news


def test_what_they_would_find_out_is_thanked_then_asked_after_a_week_on() -> None:
    notes = "she'll find out if the tasting date is confirmed + let me know"
    assert "find out about the tasting date" in text_of(draft(notes)) or \
        "looking into the tasting date" in text_of(draft(notes))
    assert "news on the tasting date" in text_of(draft(notes, stage="no_reply_1w"))


def test_whom_a_thing_goes_to_is_not_part_of_the_thing() -> None:
    assert read_purpose("said send Ola's cv to him directly", "Odile").deliver == ("Ola's CV",)


# --- after heldout17's grading --------------------------------------------------------------------------


@pytest.mark.parametrize("notes", ["civil eng, bridges. birdwatcher", "sound lad, plumber, bristol", "nice guy, ML"])
def test_a_few_words_that_say_who_they_are_get_a_short_hello(notes: str) -> None:
    assert isinstance(draft(notes), Draft)  # heldout17's readers judged a question here lazy, 7 of 7


@pytest.mark.parametrize("notes", ["good chat", "nice guy, lovely", "sam - insurance? or pensions"])
def test_a_few_words_of_judgement_or_a_guess_get_a_question(notes: str) -> None:
    assert isinstance(draft(notes), Question)


def test_a_yes_owed_goes_out_even_when_they_set_the_dates() -> None:
    notes = ("needs volunteers for the firing in oct. i said yes to 2 night shifts. he'll email dates - dont chase "
             "before")
    assert read_purpose(notes, "Odile").accept == "do two night shifts"
    assert "two night shifts" in text_of(draft(notes))


def test_a_delivery_in_a_chat_is_hoped_useful_not_checked_for() -> None:
    found = compose("no_reply_1w", DraftContext("Odile", where_met="#pottery-club discord",
                                                notes="i owe her the glaze recipe link"), WEEK_ON, key=3)
    assert "came in handy" in text_of(found) or "was useful" in text_of(found)


def test_a_weekday_in_the_place_is_not_followed_by_another_day() -> None:
    found = compose("follow_up_48h", DraftContext("Odile", where_met="saturday farmers mkt",
                                                  notes="said i'd ask my sis about work experience for her son"),
                    DraftTimes(now=NOW, met_at=NOW - timedelta(days=4), timezone="UTC"), key=3)
    assert not any(day in text_of(found) for day in ("on Thursday", "on Wednesday", "yesterday")), found


def test_an_acronym_said_with_a_vowel_takes_an() -> None:
    text = text_of(draft("sits near legal. ask abt NDA template", stage="no_reply_1w"))
    assert "a NDA" not in text and "an NDA" in text, text


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("sent me his starter by post!! owe him some of my rye flour", "thanks", "your starter"),
    ("she'll send the glossary. i promised coffee next hearing", "next_step", "a coffee at the next hearing"),
    ("drives for a haulage firm. gave him my card", "expect", None),
    ("runs the rota. wants DBS form back by the 15th", "need", None),
    ("breeds collies. wants £200 deposit to hold a pup", "need", None),
    ("asked for my owl photos, haven't decided", "deliver", ()),
])
def test_what_is_owed_and_by_whom_is_read_the_right_way_round(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Odile"), field) == value


def test_some_of_the_members_flour_goes_by_post() -> None:
    text = text_of(draft("sent me his starter by post!! owe him some of my rye flour"))
    assert ("attached" not in text and "on its way" in text) or "posted" in text, text


def test_feedback_on_two_things_is_one_thing() -> None:
    text = text_of(draft("wants feedback on his shop page + demo - i said i'd play it and send notes. sent my "
                         "feedback on your shop page and the demo"))
    assert "Here are my feedback" not in text, text


@pytest.mark.parametrize(("notes", "stop"), [("ceramics. weird vibe, skip", "weird vibe, skip"),
                                             ("sorted, no action", "sorted, no action")])
def test_a_note_to_skip_them_is_a_stop(notes: str, stop: str) -> None:
    assert read_purpose(notes, "Odile").stop == stop
    assert isinstance(draft(notes), Rest)


def test_an_offer_they_called_off_is_not_thanked() -> None:
    notes = "said she'd refer me for the PM role → 30 min later said req is frozen"
    assert read_purpose(notes, "Odile").their_offer == ()
    found = draft(notes)
    assert not isinstance(found, Draft) or "name forward" not in found.text, found


def test_an_apology_never_repeats_the_notes_judgement() -> None:
    found = read_purpose("+ apologise, i was v rude abt the parking", "Odile")
    assert found.apology == "I said what I did about the parking"


# --- after a read of the whole change ------------------------------------------------------------------


@pytest.mark.parametrize("notes", ["asked if she'd mentor me. said yes to a monthly call",
                                   "i said yes to the job offer"])
def test_a_yes_that_is_not_the_members_task_is_not_accepted_as_one(notes: str) -> None:
    assert read_purpose(notes, "Odile").accept is None


@pytest.mark.parametrize(("notes", "thanks"), [
    ("she was swamped but stayed late to help us pack. thank her", None),
    ("she looked exhausted after the move. thank her properly", None),
])
def test_how_they_were_is_never_what_they_are_thanked_for(notes: str, thanks: str | None) -> None:
    assert read_purpose(notes, "Odile").thanks == thanks


def test_an_apology_is_for_what_came_before_it_never_for_a_promise_after() -> None:
    assert read_purpose("forgot her name twice lol. apologise. i need to send her the brochure",
                        "Odile").apology == ""


@pytest.mark.parametrize(("notes", "later"), [
    ("promised the mockups, she hasn't approved the brief yet", ()),
    ("promised the event photos but the bride hasnt approved them yet", ()),
])
def test_only_a_named_approver_holds_a_promise(notes: str, later: tuple[str, ...]) -> None:
    assert read_purpose(notes, "Odile").later == later


@pytest.mark.parametrize("notes", ["sent me a reminder abt the invoice", "sent me 3 follow ups already"])
def test_what_they_sent_that_is_no_gift_is_not_thanked(notes: str) -> None:
    assert read_purpose(notes, "Odile").thanks is None


def test_a_cant_about_something_else_withdraws_nothing() -> None:
    found = read_purpose("promised her the deck. actually cant do thurs, suggest fri instead", "Odile")
    assert found.withdrawn is None and found.deliver == ("the deck",)


@pytest.mark.parametrize(("notes", "need"), [
    ("looking for a payment provider for her shop", "a payment provider for your shop"),
    ("wants a £200 deposit to hold a pup", None),
])
def test_only_money_owed_is_kept_out_of_their_needs(notes: str, need: str | None) -> None:
    assert read_purpose(notes, "Odile").need == need


def test_a_list_after_a_comma_is_not_cut_to_its_first_thing() -> None:
    assert read_purpose("promised her the deck, case studies", "Odile").deliver != ("the deck",)


def test_data_sent_is_not_a_number_given() -> None:
    assert isinstance(draft("sent her our Q3 sales numbers", stage="no_reply_1w"), Draft)


@pytest.mark.parametrize(("notes", "step"), [("i owe her drinks", "drinks"),
                                             ("owe him a pint next time", "a pint next time")])
def test_a_treat_is_said_as_people_say_it(notes: str, step: str) -> None:
    assert read_purpose(notes, "Odile").next_step == step


@pytest.mark.parametrize(("notes", "later"), [
    ("i'll send the analysis once legal signs off", "the analysis once it's cleared"),
    ("will send my notes on her pitch when done", "my notes on your pitch when they're ready"),
])
def test_what_waits_is_it_or_they_by_its_head(notes: str, later: str) -> None:
    assert read_purpose(notes, "Odile").later == (later,)


# --- after heldout18's grading --------------------------------------------------------------------------


@pytest.mark.parametrize(("notes", "later"), [
    ("ops director. wants revised SLA draft by 14th. legal hasn't signed off penalty clause",
     "the revised SLA draft once it's cleared"),
    ("send offline-mode beta only when Joe says its stable", "the offline-mode beta when it's ready"),
    ("i said i'd share the survey data once anonymised", "the survey data once it's anonymised"),
])
def test_a_hold_in_its_own_sentence_or_a_condition_after_it_is_read(notes: str, later: str) -> None:
    found = read_purpose(notes, "Odile")
    assert found.deliver == () and found.later == (later,), found


def test_a_yes_with_its_dates_to_come_is_still_a_yes() -> None:
    notes = "asked if i'd talk to yr5 abt being a paramedic. said yes, dates tbc"
    assert read_purpose(notes, "Odile").accept == "talk to Year 5 about being a paramedic"
    assert "talk to Year 5 about being a paramedic" in text_of(draft(notes))


@pytest.mark.parametrize("notes", ["activities coordinator. asked abt her grandson's school",
                                   "spoke after allotment vote. sympathetic"])
def test_a_role_or_a_time_is_never_said_as_what_they_talked_about(notes: str) -> None:
    found = draft(notes)
    assert not isinstance(found, Draft) or ("thinking about" not in found.text and "chat about" not in found.text)


# --- after heldout19's grading --------------------------------------------------------------------------


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("teaches the fiddle, Aruzhan (8) wants lessons. term full til sept", "need", None),  # the member's child's
    ("quoted R1800, i said send pics first", "expect", "your pics"),
    ("he owes me £40 for the raffle tix lol dont mention", "ask", None),
])
def test_whose_want_and_what_not_to_say_are_read(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Odile"), field) == value


def test_dont_promise_holds_what_was_just_said_not_a_promise_before_it() -> None:
    notes = ("wants my damson gin recipe - promised to write it out. her grandson Tayo (17) looking for plumbing "
             "apprenticeship... could ask Mike? dont promise anything yet")
    assert read_purpose(notes, "Odile").deliver == ("my damson gin recipe",)


def test_a_thing_to_post_that_is_held_is_not_forgotten_and_posted_once_cleared() -> None:
    found = draft("300 hives, wants to test our mite treatment. send trial kit ONLY after regulatory ok",
                  stage="no_reply_1w")
    text = text_of(found)
    assert "haven't forgotten the trial kit: I'll send it as soon as it's cleared" in text, text
    assert not any("attach" in tip.lower() for tip in found.tips), found.tips  # type: ignore[union-attr]


def test_an_aside_in_brackets_mid_sentence_does_not_cut_it() -> None:
    found = read_purpose("asked if my brother (plumber in leeds) wd do the boiler check - ask him first", "Odile")
    assert found.checking == "whether my brother would do the boiler check", found


def test_a_maybe_to_their_call_for_helpers_is_whether_i_can_help() -> None:
    found = read_purpose("wants volunteers to run the book stall sat mornings. i said maybe, need to check my shifts",
                         "Odile")
    assert found.checking == "whether I can run the book stall on Saturday mornings", found


def test_what_is_owed_is_the_thing_not_why_it_is_owed() -> None:
    text = text_of(draft("owe her a bottle, broke a wine glass lol"))
    assert "broke" not in text and "attached" not in text.lower() and "bottle" in text, text


@pytest.mark.parametrize(("name", "greeting"), [("Señora Paredes (secretaria)", "Hello Señora Paredes,"),
                                                 ("Pak Agus (supplier)", "Pak Agus")])
def test_an_honorific_is_greeted_with_the_name_after_it(name: str, greeting: str) -> None:
    found = compose("follow_up_48h", DraftContext(name, where_met="the school fair", notes="runs the canteen",
                                                  member_name="Bram"), FIRST, key=5)
    assert greeting in text_of(found).splitlines()[0], text_of(found)


def test_money_they_lent_is_thanked_and_paid_back_not_offered() -> None:
    found = read_purpose("lent me €15 for the ferry when my phone died. pay back tmrw", "Odile")
    assert found.thanks == "lending me €15 for the ferry" and found.my_offer_to == "send you the €15 for the ferry"
    text = text_of(draft("lent me €15 for the ferry when my phone died. pay back tmrw"))
    assert "I'm sending the €15 for the ferry back today." in text and "happy to send" not in text, text


@pytest.mark.parametrize(("notes", "thanks"), [
    ("harsh but useful feedback on my pitch deck. thank him", "the feedback on my pitch deck"),
    ("Ada's dad. doing sat swim run for me!!", "doing Saturday swim run"),
    ("brought us baklava!! return the tin", "the baklava"),
])
def test_what_they_gave_or_are_doing_for_the_member_is_thanked(notes: str, thanks: str) -> None:
    assert read_purpose(notes, "Odile").thanks == thanks


def test_a_hold_in_its_own_sentence_after_their_ask_puts_it_for_later() -> None:
    found = read_purpose("wants our roadmap slides. ONLY send once Priya signs off. tell him soon", "Odile")
    assert found.deliver == () and found.later == ("our roadmap slides once they're cleared",), found


def test_a_to_do_before_sending_is_not_part_of_the_thing() -> None:
    # (since stop 38 the clean-up is done before it goes: a reader marked a "fix first" thing sent as not sendable)
    found = read_purpose("promised him the load test script, tidy it up first", "Odile")
    assert found.deliver == () and found.later == ("the load test script once it's tidied up",), found


def test_someone_elses_email_is_typed_in_and_asks_nothing_back() -> None:
    found = draft("wants to stock our jam. send her Marta's email")
    assert "Marta's email" in text_of(found) and "your Marta" not in text_of(found)
    assert not any("attach" in tip.lower() for tip in found.tips), found.tips  # type: ignore[union-attr]
    assert isinstance(draft("wants to stock our jam. send her Marta's email", stage="no_reply_1w"), Rest)


def test_a_quote_with_what_it_includes_is_still_theirs_to_get() -> None:
    found = read_purpose("wants revised quote incl delivery, by fri", "Odile")
    assert found.deliver == ("the revised quote including delivery",) and found.need is None, found


@pytest.mark.parametrize(("notes", "ask"), [
    ("great talk on soil carbon. ask for slides", "Could you send me the slides?"),
    ("ask him for a quote", "Could you send me a quote?"),
    ("ask him for his number", "Could you send me your number?"),
    ("ask for Sarah at the front desk", None),
    ("ask for feedback on my deck", None),
])
def test_an_ask_for_something_keeps_its_number(notes: str, ask: str | None) -> None:
    assert read_purpose(notes, "Odile").ask == ask


@pytest.mark.parametrize(("notes", "need"), [("wants help w/ shop website", "your shop website"),
                                              ("wants help w/ python", "python")])
def test_help_they_want_is_with_their_thing(notes: str, need: str) -> None:
    assert read_purpose(notes, "Odile").need == need


def test_a_swap_both_ways_sends_the_members_half() -> None:
    assert read_purpose("share lesson plans both ways", "Odile").deliver == ("the lesson plans",)


def test_a_remark_after_a_favour_is_not_part_of_it() -> None:
    assert read_purpose("fixed my bike chain in the rain, legend. moving to leeds", "Odile").thanks == \
        "fixing my bike chain in the rain"


def test_a_thank_you_to_send_beside_a_thing_is_both() -> None:
    found = read_purpose("site lead, v helpful. send thx + the snag list", "Odile")
    assert found.thanks == "your help" and found.deliver == ("the snag list",), found


def test_a_nite_out_is_a_night_in_the_place() -> None:
    from bot.review.phrases import meeting_place
    assert meeting_place("quiz nite at dan's") == "at the quiz night at Dan's"


@pytest.mark.parametrize(("notes", "field", "value"), [
    # a review of stop 35's change read these wrongly; each is the shape it found, in other words
    ("ask for Tomas at reception", "ask", None),
    ("ask for a pay rise lol", "ask", None),
    ("lent me £20 for lunch, paid her back already", "my_offer_to", None),
    ("lent me £5 for parking, repaid", "thanks", "lending me £5 for parking"),
    ("made me redundant last yr", "thanks", None),
    ("doing nothing for me tbh", "thanks", None),
    ("had a good talk on the bus about bees", "topic", None),
    ("the great talk on Rust was by her colleague", "topic", None),
    ("send the deck once she passes her exam", "later", ()),
    ("promised him the cd of our demo", "deliver", ("the cd of our demo",)),
    ("send them flowers to say sorry", "deliver", ("the flowers",)),
    ("send a thank you, and the photos", "deliver", ("the photos",)),
])
def test_ordinary_notes_the_new_readings_must_not_catch(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Odile"), field) == value


def test_an_aside_before_if_is_dropped_and_shed_after_if_is_she_would() -> None:
    found = read_purpose("said i'd ask my uncle (plumber) if hed call her", "Odile")
    assert found.ask_around == "my uncle whether he'd call you", found


def test_of_two_things_one_waiting_until_it_is_up_goes_later_and_the_other_now() -> None:
    found = read_purpose("promised to send her our lab wiki link + the panel recording when its up", "Odile")
    assert found.deliver == ("our lab wiki link",) and found.later == ("the panel recording once it's up",), found
    first = text_of(draft("promised to send her our lab wiki link + the panel recording when its up"))
    assert "Here's our lab wiki link" in first and "The panel recording will follow once it's up." in first, first
    assert first.count("as promised") <= 1, first
    week = text_of(draft("promised to send her our lab wiki link + the panel recording when its up",
                         stage="no_reply_1w"))
    assert "as soon as it's up" in week and "here's the panel recording" not in week.lower(), week


def test_a_hold_on_them_or_a_sign_off_holds_every_thing() -> None:
    assert read_purpose("send the deck and the figures once they're ready", "Odile").deliver == ()
    assert read_purpose("send the deck and the figures once legal signs off", "Odile").later == (
        "the deck and the figures once they're cleared",)


@pytest.mark.parametrize(("notes", "step"), [
    ("junior dev, a bit shy. offered pairing weds 3pm", "a pairing session on Wednesday at 3pm"),
    ("vet nurse, lurcher called Pip. walk sun morn?", "a walk on Sunday morning"),
    ("plays five-a-side. game thurs eve?", "a game on Thursday evening"),
])
def test_a_session_or_a_walk_at_a_day_and_time_is_a_next_step(notes: str, step: str) -> None:
    found = read_purpose(notes, "Odile")
    assert found.next_step == step and found.deliver == (), found


def test_a_thank_you_owed_is_the_message_not_an_attachment() -> None:
    notes = "helped me with my first grant bid!! owe her a proper thank you"
    found = read_purpose(notes, "Odile")
    assert found.deliver == () and found.later == () and found.thanks == "your help with my first grant bid", found
    text = text_of(draft(notes))
    assert "grant bid" in text and "attach" not in text.lower() and "thank you i" not in text.lower(), text


def test_what_the_member_gave_them_is_no_thanks_to_them() -> None:
    found = read_purpose("florist, orders weekly. gave her our loyalty card form", "Odile")
    assert found.thanks is None, found
    assert read_purpose("gave me good tips on pricing", "Odile").thanks == "the tips on pricing"


def test_a_bare_swap_is_proposed_not_sent() -> None:
    found = read_purpose("helm charts nerd. swap dashboards?", "Odile")
    assert found.suggest == "swap dashboards" and found.deliver == (), found
    text = text_of(draft("helm charts nerd. swap dashboards?"))
    assert "Shall we swap dashboards?" in text or "keen to swap dashboards if you are" in text, text


def test_a_photo_they_want_is_sent_and_one_the_photographer_has_yet_to_share_waits() -> None:
    assert read_purpose("wants the photos from the allotment open day", "Odile").deliver == (
        "the photos from the allotment open day",)
    found = read_purpose("wants the pic of her w the prize marrow - send once the photographer shares", "Odile")
    assert found.deliver == () and found.later == ("the pic of you with the prize marrow when it's ready",), found


@pytest.mark.parametrize("notes", [
    "gave me a tour of the bakery line. keen on trialling our rota app. just thanks for now",
    "gave me a tour of the bakery line. keen on our rota app? only a thank you - for now",
])
def test_just_thanks_for_now_thanks_and_asks_nothing(notes: str) -> None:
    found = read_purpose(notes, "Odile")
    assert found.thanks_only and found.interest is None and found.next_step is None, found
    text = text_of(draft(notes))
    assert "?" not in text and "rota app" not in text, text
    assert isinstance(draft(notes, stage="no_reply_1w"), Rest)


def test_thanks_in_other_words_is_no_thanks_only() -> None:
    assert not read_purpose("just thanks to her the launch went fine. keen on our rota app", "Odile").thanks_only


@pytest.mark.parametrize(("notes", "booked"), [
    ("hiring mgr, data platform. call booked tue 3pm", "our call on Tuesday at 3pm"),
    ("talked cider presses for ages. booked coffee fri", "our coffee on Friday"),
    ("site visit confirmed for thurs 10am", "our site visit on Thursday at 10am"),
])
def test_a_meeting_already_booked_is_looked_forward_to_and_never_chased(notes: str, booked: str) -> None:
    found = read_purpose(notes, "Odile")
    assert found.booked == booked and found.next_step is None, found
    text = text_of(draft(notes))
    assert f"Looking forward to {booked}." in text and "?" not in text, text
    rest = draft(notes, stage="no_reply_1w")
    assert isinstance(rest, Rest) and "already fixed" in rest.why, rest


def test_a_meeting_proposed_is_not_booked() -> None:
    assert read_purpose("coffee fri?", "Odile").booked is None


def test_how_long_they_talked_is_not_what_about() -> None:
    assert read_purpose("talked cider presses for ages", "Odile").topic == "cider presses"


def test_a_week_on_a_step_at_a_day_is_asked_again_without_the_day() -> None:
    text = text_of(draft("vet nurse, lurcher called Pip. walk sun morn?", stage="no_reply_1w"))
    assert "a walk sometime soon?" in text and "Sunday" not in text, text


def test_an_introduction_to_ask_them_about_first_is_offered_not_promised() -> None:
    notes = "sorted out my visa paperwork. owe him an intro to Priya at the port authority?? ask him first"
    found = read_purpose(notes, "Odile")
    assert found.ask == "Would it help if I introduced you to Priya at the port authority?", found
    assert found.checking is None and found.intro_to is None, found
    first = text_of(draft(notes))
    assert "introduc" in first and "Priya at the port authority" in first and "looking into" not in first, first
    week = text_of(draft(notes, stage="no_reply_1w"))
    assert week.count("Priya at the port authority") == 1, week
    held = read_purpose("owe him an intro to Priya?? check w my boss first", "Odile")
    assert held.ask is None and held.checking == "the introduction to Priya", held


@pytest.mark.parametrize(("notes", "back"), [
    ("brought round a lasagne!! return her dish", "your dish"),
    ("lent me a ladder. need to give him back his ladder", "your ladder"),
    ("drop her cake tin back", "your cake tin"),
])
def test_something_of_theirs_to_return_is_said_once_and_never_chased(notes: str, back: str) -> None:
    assert read_purpose(notes, "Odile").give_back == back
    text = text_of(draft(notes))
    assert back in text and "as promised" not in text, text
    assert isinstance(draft(notes, stage="no_reply_1w"), Rest)


@pytest.mark.parametrize("notes", ["bring her flowers", "give her my number", "return his call", "give him a lift"])
def test_what_is_not_theirs_to_return_is_no_give_back(notes: str) -> None:
    assert read_purpose(notes, "Odile").give_back is None


def test_a_mass_noun_they_need_takes_no_article() -> None:
    assert read_purpose("also wants beta for the slab problem", "Odile").need == "beta for the slab problem"
    assert read_purpose("wants the website", "Odile").need == "a website"


def test_a_thing_they_owe_the_member_is_looked_forward_to() -> None:
    notes = "he owes me the slides from his keynote, i owe him the link to our survey"
    found = read_purpose(notes, "Odile")
    assert found.expect == "the slides from your keynote" and found.deliver == ("the link to our survey",), found
    text = text_of(draft(notes))
    assert "the slides from your keynote" in text and " it." not in text.split("keynote")[1][:40], text
    assert read_purpose("he owes me one", "Odile").expect is None


@pytest.mark.parametrize(("notes", "given"), [
    ("asked if our survey data is public - it isnt yet", "no"),
    ("asked if the toolkit is open source. it is not", "no"),
    ("asked if the toolkit is open source. it is, on github", "yes"),
])
def test_it_is_or_it_isnt_answers_their_yes_no_question(notes: str, given: str) -> None:
    assert read_purpose(notes, "Odile").answer_given == given


def test_owing_them_mine_after_they_sent_theirs_thanks_for_theirs_and_sends_mine() -> None:
    found = read_purpose("sent raised-bed pics. owe him mine", "Odile")
    assert found.deliver == ("my raised-bed pics",) and found.thanks == "the raised-bed pics you sent", found
    text = text_of(draft("sent raised-bed pics. owe him mine"))
    assert "the mine" not in text and "my raised-bed pics" in text, text
    assert read_purpose("owe her mine", "Odile").deliver == ()


def test_a_pdf_they_want_is_sent() -> None:
    assert read_purpose("wants our consent form pdf", "Odile").deliver == ("our consent form pdf",)


@pytest.mark.parametrize(("notes", "later"), [
    ("wants a quote for the boundary wall. I'll send quote once I've been round to measure",
     ("the quote once I've been round to measure",)),
    ("angel investor. wants update after we hit 2k paying users", ("the update once we hit 2k paying users",)),
])
def test_what_waits_on_the_members_own_step_is_for_later_and_not_sent_now(notes: str, later: tuple[str]) -> None:
    found = read_purpose(notes, "Odile")
    assert found.later == later and found.deliver == (), found
    assert isinstance(draft(notes, stage="no_reply_1w"), Rest)


def test_dont_quote_until_someone_confirms_holds_the_pricing() -> None:
    found = read_purpose("asked for pricing for 4 depots. don't quote until Ines confirms", "Odile")
    assert found.deliver == () and found.later == ("the pricing for four depots once it's cleared",), found


@pytest.mark.parametrize("notes", [
    "might share her survey template if I email her properly",
    "she will share the rota if I email her formally",
])
def test_how_the_member_writes_is_no_thing_to_send(notes: str) -> None:
    assert read_purpose(notes, "Odile").deliver == ()


def test_a_need_the_member_cannot_help_with_is_not_offered_help() -> None:
    assert read_purpose("needs volunteers who can sew. i can't", "Odile").need is None
    assert read_purpose("needs another parent for the swim rota", "Odile").need == "another parent for the swim rota"


def test_a_rematch_they_want_is_a_step_together() -> None:
    assert read_purpose("wants rematch in spring", "Odile").next_step == "a rematch in spring"


def test_a_call_at_their_local_time_is_said_in_their_words() -> None:
    assert read_purpose("swap english for polish. call sat 10am her time", "Odile").next_step == (
        "a call on Saturday at 10am your time")
    week = text_of(draft("swap english for polish. call sat 10am her time", stage="no_reply_1w"))
    assert "your time" not in week and "Saturday" not in week, week


def test_money_owed_for_a_job_is_paid_not_paid_back() -> None:
    notes = "tidy work, fair price. I still owe him £60 for the valve - transfer tmrw"
    text = text_of(draft(notes))
    assert "I'm sending the £60 for the valve today." in text and "back" not in text, text
    lent = text_of(draft("covered my taxi. owe her £20"))
    assert "the £20 back today" in lent, lent


def test_an_introduction_the_member_is_unsure_of_is_not_promised() -> None:
    assert read_purpose("ops lead at a co-op bank. intro to Wiremu??", "Odile").intro_to is None
    assert read_purpose("promised intro to Wiremu", "Odile").intro_to == "Wiremu"


def test_a_spare_thing_they_would_sell_is_asked_about() -> None:
    found = read_purpose("said she has a spare kiln she'd sell cheap", "Odile")
    assert found.ask == "Is your spare kiln still for sale? I'd be interested: what would you want for it?", found


def test_come_by_for_a_tasting_is_their_invitation() -> None:
    found = read_purpose("cheesemonger at the market. said come by for a tasting", "Odile")
    assert found.accept == "come over for a tasting" and found.invited, found


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("swapped onboarding checklists, sending mine tonight", "deliver", ("my onboarding checklist",)),
    ("sending me the floor plan", "their_offer", ("the floor plan",)),
    ("seed samples coming next wk via her brother", "their_offer", ()),
    ("samples coming next wk via her brother", "their_offer", ("the samples",)),
    ("the soil carbon talk. recording pls", "ask", "Could you send me the recording?"),
    ("wants our Android build by end of month", "later", ("our Android build by the end of the month",)),
    ("wants our allotment survey numbers b4 the AGM", "deliver", ("our allotment survey numbers",)),
    ("promised to send her the rota, she's on signal", "deliver", ("the rota",)),
])
def test_terse_forms_read_the_long_way(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Odile"), field) == value


def test_interest_in_a_demo_of_our_app_offers_to_show_it() -> None:
    text = text_of(draft("3 bakeries. interested in our ordering app demo"))
    assert "our ordering app" in text and "walk you through our ordering app demo" not in text, text


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("send photos of the porch and shed when its finished", "deliver", ()),
    ("send the v1 now and the v2 when it's ready", "deliver", ("the v1",)),
    ("promised him our rate card. once he shares his brief ill send ideas", "deliver", ("our rate card",)),
    ("sent the deck. will send the updated deck when it's ready", "deliver", ("the deck",)),
    ("send the notes once im back", "later", ("the notes once I'm back",)),
    ("wants a call after we close the round", "later", ()),
    ("intro to Tobi?? she asked twice", "intro_to", "Tobi"),
    ("introduce her to Marek?? yes she said please do", "intro_to", "Marek"),
    ("have a spare mixer, would sell cheap", "ask", None),
    ("he has some spare seedlings he'd sell", "ask",
     "Are your spare seedlings still for sale? I'd be interested: what would you want for them?"),
    ("he sent his CV over. owe him mine", "deliver", ("my CV",)),
    ("needs research assistant", "need", "a research assistant"),
    ("return her missed call", "give_back", None),
    ("return his ladder sat", "give_back", "your ladder"),
    ("owe him a huge thank you for the intro", "thanks", "the intro"),
    ("call sat 10 am", "next_step", "a call on Saturday at 10am"),
    ("call tues 3pm us time", "next_step", "a call on Tuesday at 3pm US time"),
    ("call booked for next tuesday", "booked", "our call next Tuesday"),
    ("said come by the studio anytime", "accept", "come to the studio anytime"),
])
def test_shapes_a_read_through_found_misread(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Odile"), field) == value


def test_money_they_paid_for_is_paid_back_with_thanks() -> None:
    text = text_of(draft("owe her £30, she paid for the cab"))
    assert "the £30 back today" in text, text


def test_a_paste_of_symbols_reads_as_nothing() -> None:  # its speed: bench/hostile_notes.py, case "symbols"
    found = read_purpose("wants " + "£" * 4000, "Odile")
    assert found.need is None and found.deliver == ()
