"""What blind readers kept editing out of drafts that had the right point: the shared-hobby line beside a real
point, "no rush" when something is due, a place typed as a note ("at hostel in Cusco"), a check whose subject
is a pasted fragment, a figure to check read as the thing sent. Every note here is invented for this file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.drafts import Draft, DraftTimes, Question, Rest, _in_time, compose
from bot.review.phrases import greeting_name, meeting_place
from bot.review.purpose import expand, read_purpose

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
FIRST = DraftTimes(now=NOW, met_at=NOW - timedelta(days=1), timezone="UTC")
WEEK_ON = DraftTimes(now=NOW, met_at=NOW - timedelta(days=9), first_sent_at=NOW - timedelta(days=8),
                     last_touch_at=NOW - timedelta(days=8), timezone="UTC")
HOBBY_LINES = ("Always a pleasure to talk", "Good to talk", "comparing thoughts on")


def draft(notes: str, *, stage: str = "follow_up_48h", offer: str | None = None, where: str = "Sam's barbecue",
          interests: tuple[str, ...] = ("woodturning",)) -> Draft | Question | Rest:
    times = FIRST if stage == "follow_up_48h" else WEEK_ON
    return compose(stage, DraftContext("Tomasz", where_met=where, notes=notes, offer=offer,
                                       interests=interests, member_name="Ines"), times, key=11)


def text_of(found: Draft | Question | Rest) -> str:
    assert isinstance(found, Draft), found
    return found.text


def test_beside_a_thing_sent_the_shared_hobby_line_is_left_out() -> None:
    text = text_of(draft("i said i'd send him the lathe manual pdf", offer="send the lathe manual"))
    assert "lathe manual" in text
    assert not any(line in text for line in HOBBY_LINES), text


def test_a_message_with_nothing_else_to_do_keeps_the_shared_hobby() -> None:
    text = text_of(draft("lovely guy, turns bowls from storm-felled oak"))
    assert "woodturning" in text


@pytest.mark.parametrize("notes", [
    "offered to intro me to her editor, pitch due before 20 dec",
    "she'll send me the quote by fri, need it for the grant deadline",
    "offered to intro me to the venue manager asap",
])
@pytest.mark.parametrize("stage", ["follow_up_48h", "no_reply_1w"])
def test_when_something_is_due_no_sentence_says_no_rush(notes: str, stage: str) -> None:
    text = text_of(draft(notes, stage=stage)).lower()
    assert "no rush" not in text and "no pressure" not in text, text


@pytest.mark.parametrize(("sentence", "kept"), [
    ("No rush at all.", ""),
    ("I know things get busy, so no rush.", "I know things get busy."),
    ("I'll wait to hear from you; no rush at all.", "I'll wait to hear from you."),
    ("Just a gentle nudge on the intro: no rush if now isn't a good time.", "Just a gentle nudge on the intro."),
    ("No rush, but could you send the quote?", "Could you send the quote?"),
    ("No rush on the decision; I'll look out for it.", "I'll look out for the decision."),
    ("No rush on the quote: I'm still keen whenever it's ready.", "I'm still keen on the quote."),
    ("No pressure at all if now isn't a good time.", ""),
])
def test_a_no_rush_is_cut_cleanly_or_the_sentence_is_dropped(sentence: str, kept: str) -> None:
    assert _in_time(sentence) == kept


@pytest.mark.parametrize(("where", "phrase"), [
    ("hostel in Cusco", "at the hostel in Cusco"),
    ("webinar chat", "at the webinar chat"),
    ("school gates", "at the school gates"),
    ("allotment", "at the allotment"),
    ("BA flight", "on the BA flight"),
    ("PyCon", "at PyCon"),
    ("Priya's leaving do", "at Priya's leaving do"),
    ("the allotments", "at the allotments"),
    ("train to Leeds", "on the train to Leeds"),
])
def test_a_place_typed_as_a_note_gets_its_article(where: str, phrase: str) -> None:
    assert meeting_place(where) == phrase


@pytest.mark.parametrize("notes", [
    "needs drivers thurs deliveries, 2hrs. said maybe every other wk. check w/ Leah re car first!!",
    "runs the youth league, needs 2 more volunteer coaches. i said maybe - ask Dev first if he's in",
])
def test_a_check_whose_subject_is_a_pasted_fragment_is_said_without_it(notes: str) -> None:
    text = text_of(draft(notes, interests=()))
    assert "check on my side" in text
    assert "2hrs" not in text and "the more volunteer" not in text, text


def test_a_figure_between_the_thing_promised_and_a_check_is_what_the_check_holds() -> None:
    notes = "wants our one-pager + validation nos (sens ~94%, check w/ Raj exact fig). i said by fri"
    reading = read_purpose(notes, "Dr. Ferreira")
    assert reading.deliver and "one-pager" in reading.deliver[0]
    assert reading.checking is None
    text = text_of(draft(notes, interests=()))
    assert "one-pager" in text and "94" not in text and "looking into" not in text, text


def test_within_written_as_w_slash_in_is_one_word() -> None:
    assert expand("she'll quote w/in 48h") == "she'll quote within 48h"


@pytest.mark.parametrize("notes", ["good chat", "sam - insurance? or pensions", "nice guy", "follow up??"])
def test_a_few_words_with_nothing_to_do_get_a_question_not_a_hello(notes: str) -> None:
    found = draft(notes, interests=())
    assert isinstance(found, Question), found
    assert "only a few words" in found.why


@pytest.mark.parametrize(("notes", "offer"), [("wants our deck", None), ("nice guy", "send the ferry timetable")])
def test_a_few_words_that_hold_a_point_or_an_offer_are_drafted(notes: str, offer: str | None) -> None:
    assert isinstance(draft(notes, offer=offer, interests=()), Draft)


def test_a_name_alone_after_ask_is_someone_else_to_ask_not_a_topic_for_them() -> None:
    notes = "her show closes 20th. offered me 10% off the small piece if i decide by then. need to ask Lee"
    assert read_purpose(notes, "Ama").ask is None
    found = draft(notes, interests=())
    assert "Lee" not in (found.text if isinstance(found, Draft) else found.why)


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("liked the demo. 'send me deck + numbers'. MRR 18k", "deliver", ("the deck and the numbers",)),
    ("loved the talk. 'send me your slides'", "deliver", ("my slides",)),  # their "your" is the member's
    ("send me the invoice", "deliver", ()),  # unquoted, whose words these are is not known
    ("also has spare seed potatoes, maris piper, ~10 bags - price?", "ask",
     "Could you let me know what you'd want for the spare seed potatoes?"),
    ("i said i'd share our field trial protocol once it is finalised", "later",
     ("our field trial protocol when it's ready",)),
])
def test_their_words_a_price_and_a_thing_not_ready_yet_are_read(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Jake"), field) == value


@pytest.mark.parametrize("notes", [
    "offered to take Ollie to swimming since she goes anyway!! i owe her big",
    "she said email her secretary (Bola?) not her",
    "she wants help setting up whatsapp video to call the grandkids",
    "she said 'send me the deck when you have traction'",  # a condition not met yet: nothing to send now
])
def test_what_is_no_thing_to_send_is_never_sent(notes: str) -> None:
    assert read_purpose(notes, "Bex").deliver == ()


def test_a_week_on_help_with_their_need_is_offered_once_more() -> None:
    # heldout17's readers judged every "their own need, let it rest" wrong (6 of 6 with heldout11-16's): a light
    # offer once more is the one follow-up the guide allows
    found = draft("paediatrician. wants a rec for a good family lawyer", stage="no_reply_1w", interests=())
    assert "family lawyer" in text_of(found)


@pytest.mark.parametrize(("notes", "said"), [
    ("i said i'd ask Dani if the roastery takes local stuff", "someone I know whether the roastery takes local stuff"),
    ("said i'd ask my old tutor at TU Delft if she'd chat w him",
     "my old tutor at TU Delft whether she'd chat with you"),
    ("said i'd ask Ben + Leila", "a couple of people I know"),
    ("said i'd ask our eng mgr about summer interns + review his CV", "our engineering manager about summer interns"),
    ("told him i'll ask her first, no promises", None),
])
def test_what_the_member_said_they_would_ask_someone_else_is_read_without_a_bare_name(notes: str,
                                                                                       said: str | None) -> None:
    assert read_purpose(notes, "Li Wei").ask_around == said


def test_asking_on_their_behalf_is_said_once_and_not_chased() -> None:
    notes = "wants to do wholesale to cafes. i said i'd ask Dani if the roastery takes local stuff. DON'T promise"
    text = text_of(draft(notes))
    assert "no promises" in text and "Dani" not in text and "woodturning" not in text, text
    week = draft(notes, stage="no_reply_1w")  # "I'm still asking" alone: pointless to heldout18's readers
    assert isinstance(week, Rest) and "on their behalf" in week.why


@pytest.mark.parametrize(("notes", "thanks"), [
    ("he reviewed my PR on the docs. said i could ping him", "reviewing my PR on the docs"),
    ("gig at jazz cafe fri 22nd, putting me +1 on the list", "putting me on the list"),
    ("she lent me her bike pump", "lending me your bike pump"),
    ("he reviewed the budget", None),  # not a favour to the member
])
def test_a_favour_done_for_the_member_is_thanked(notes: str, thanks: str | None) -> None:
    assert read_purpose(notes, "Tiago").thanks == thanks


def test_the_members_own_congrats_is_said_even_for_family_news() -> None:
    notes = "congrats on the new baby (girl, Anaya?) + promoted to director"
    assert read_purpose(notes, "Raj").congrats == "the new baby and the promotion to director"
    text = text_of(draft(notes, interests=()))
    assert "ongratulations on the new baby and the promotion to director" in text and "Anaya" not in text, text


def test_a_where_question_answered_in_the_notes_gives_the_answer() -> None:
    reading = read_purpose("asked where i got my bannetons - bakery bits, the 1kg oval", "Nadia")
    assert (reading.answer, reading.answer_value) == ("where I got my bannetons", "Bakery Bits, the 1kg oval")
    assert "You asked where I got my bannetons: Bakery Bits" in text_of(
        draft("asked where i got my bannetons - bakery bits, the 1kg oval", interests=()))


@pytest.mark.parametrize(("notes", "ask"), [
    ("did jo's rewire, tidy work. ask quote ev charger + new consumer unit",
     "Could you send me a quote for the EV charger and the new consumer unit?"),
])
def test_a_quote_to_ask_for_needs_no_for(notes: str, ask: str) -> None:
    assert ask in text_of(draft(notes, interests=()))


def test_a_write_up_promised_is_a_thing_to_send_not_the_verb() -> None:
    notes = "asked how i did the ceph cluster on 3 nucs. promised write-up of my config & network diagram"
    assert read_purpose(notes, "Kat").deliver == ("the write-up of my config and network diagram",)


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("she said read 'work rules' + she'd look at my cv", "their_offer", ("look at my CV",)),
    ("spilled red wine on his jacket 🙈 offered to pay dry cleaning", "my_offer_to", "pay for the dry cleaning"),
    ("needs someone to do team photos sat 14th. i said yes!!", "accept", "do team photos Saturday 14th"),
    ("asked if i could help w/ the food bank spreadsheet. said yes :/", "accept",
     "help with the food bank spreadsheet"),
    ("looking at PM roles. maybe intro to Priya at Wise?? ask him first", "ask",
     "Would it help if I introduced you to Priya at Wise?"),
])
def test_offers_either_way_a_yes_and_an_intro_to_offer_first_are_read(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Gus"), field) == value


def test_a_task_said_yes_to_asks_for_the_details_not_for_something_to_be_sent() -> None:
    text = text_of(draft("needs someone to do team photos sat 14th. i said yes!!", interests=()))
    assert "to do team photos" in text and "looking for" not in text and "send it over" not in text, text


@pytest.mark.parametrize(("shorthand", "words"), [
    ("a fractional CFO 2d/wk from March", "a fractional CFO two days a week from March"),
    ("an onboarding study, ~10 interviews", "an onboarding study, about 10 interviews"),
    ("take Ollie wed's to swimming", "take Ollie on Wednesdays to swimming"),
    ("2nd round next tues", "2nd round next Tuesday"),
    ("4 mtgs a year", "4 meetings a year"),
])
def test_more_note_shorthand_is_put_in_words(shorthand: str, words: str) -> None:
    assert expand(shorthand) == words


def test_a_list_of_things_to_ask_about_is_asked_as_one_question() -> None:
    notes = "wants me on advisory board. flattered but?? ask: time beyond mtgs, D&O insurance"
    assert read_purpose(notes, "Béatrice").ask == "about the time beyond meetings and D&O insurance"


@pytest.mark.parametrize(("notes", "offer"), [
    ("does the dragon ride every yr. said i can borrow his bike box for mallorca in may",
     "lend me your bike box for mallorca in May"),
    ("has a tile cutter, said i could borrow it for the bathroom job wknd of 15th",
     "lend me your tile cutter for the bathroom job weekend of 15th"),
    ("sea swim crew 7am. spare wetsuit i can borrow. in for next tues!", "lend me your spare wetsuit"),
])
def test_something_of_theirs_the_member_may_borrow_is_their_offer(notes: str, offer: str) -> None:
    assert read_purpose(notes, "Kev").their_offer == (offer,)


@pytest.mark.parametrize(("notes", "offer"), [
    ("physio student. i owe her a lift sun 14th", "give you a lift on Sunday 14th"),
    ("left my charger!! he'll post it, i owe him €8 postage via mbway", "send you the €8 for the postage"),
])
def test_a_lift_or_money_owed_is_given_not_attached(notes: str, offer: str) -> None:
    assert read_purpose(notes, "Bea").my_offer_to == offer
    assert "here's" not in text_of(draft(notes, interests=())).lower()


@pytest.mark.parametrize("notes", ["i'll send via NDA portal", "promised the is in the abstract book"])
def test_a_preposition_or_a_verb_is_no_thing_to_send(notes: str) -> None:
    assert read_purpose(notes, "Bea").deliver == ()


def test_their_office_is_never_the_your_office() -> None:
    assert meeting_place("their office, Shoreditch") == "at your office"


@pytest.mark.parametrize("notes", [
    "nice, v chatty. zero overlap tho. no f/u",
    "nice enough, zero chemistry. no need to msg",
    "spent 20 min trying to sell me a crypto course. NO.",
    "pitched hard. we're locked into our contract til 2026 so pointless",
])
def test_a_plain_no_in_the_notes_means_no_message(notes: str) -> None:
    assert isinstance(draft(notes, interests=()), Rest)


def test_a_swap_sends_the_members_half_and_looks_out_for_theirs() -> None:
    reading = read_purpose("both mid career change. said we'd swap portfolio links", "Jess")
    assert (reading.deliver, reading.expect) == (("my portfolio link",), "your portfolio link")


def test_what_the_member_must_send_for_them_to_act_is_sent() -> None:
    assert read_purpose("she'll fix my march claim if i resend receipts by fri", "Sue").deliver == ("the receipts",)


@pytest.mark.parametrize(("name", "notes", "greeted"), [
    ("Halvorsen", "Ingrid Halvorsen, partner at a practice in Bergen", "Ingrid"),
    ("Mr. Adebayo - school gov", "chair of the finance cttee", "Mr. Adebayo"),
    ("apologise to Kenji", "i snapped at him in the retro", "Kenji"),
    ("Okafor", "Mrs Okafor lent me a book", "Mrs. Okafor"),
])
def test_the_greeting_is_the_persons_name_not_a_label_beside_it(name: str, notes: str, greeted: str) -> None:
    assert greeting_name(name, notes) == greeted


@pytest.mark.parametrize(("notes", "field", "value"), [
    ("lent him my GoPro mount. he'll post it back", "expect", "my GoPro mount"),
    ("owes me $40 for the concert tickets. awkward", "ask",
     "Could you send over the $40 for the concert tickets when you get a chance?"),
    ("she'd send me the link to their field season blog", "expect", "the link to your field season blog"),
    ("i said i'd ask dad abt his ski hut for her team - DONT promise anything", "ask_around",
     "my dad about his ski hut for your team"),
])
def test_what_comes_back_to_the_member_and_a_family_favour_are_read(notes: str, field: str, value: str) -> None:
    assert getattr(read_purpose(notes, "Keoni"), field) == value


def test_the_members_own_thing_lent_out_gets_a_reminder_a_week_on() -> None:
    found = draft("lent him my GoPro mount. he'll post it back", stage="no_reply_1w", interests=())
    assert "gentle reminder about my GoPro mount" in text_of(found)


@pytest.mark.parametrize(("where", "said"), [
    ("old colleague's leaving drinks", "at my old colleague's leaving drinks"),
    ("Niece's christening", "at my niece's christening"),
    ("grandma's 90th", "at my grandma's 90th"),
    ("cell bio poster sesh", "at the cell bio poster session"),
    ("women in law brekkie", "at the women in law breakfast"),
    ("allotment agm", "at the allotment AGM"),
    ("tom's bbq", "at Tom's bbq"),
])
def test_a_place_typed_as_a_note_reads_as_words(where: str, said: str) -> None:
    assert meeting_place(where) == said


@pytest.mark.parametrize(("handle", "greeted"), [
    ("@dev_omar", "Omar"), ("@sketchy_liv", "Liv"), ("@pythonista_bo", "Bo"), ("@rustacean_kai", "Kai"),
    ("@jane_doe", "Jane"), ("@kite_runner", "Kite"), ("@mo.salah", "Mo"), ("@stormcat_nz", "Stormcat"),
    ("@rockpool_dev", "Rockpool"), ("@stephen_lee", "Stephen"), ("@mama_bear", "Mama"),
])
def test_a_handle_that_describes_them_before_their_name_greets_the_name(handle: str, greeted: str) -> None:
    assert greeting_name(handle) == greeted


@pytest.mark.parametrize(("name", "greeted"), [("Horváth Zsófia", "Zsófia"), ("Zsófia Horváth", "Zsófia")])
def test_a_hungarian_name_written_family_name_first_greets_the_given_name(name: str, greeted: str) -> None:
    assert greeting_name(name) == greeted


@pytest.mark.parametrize(("where", "said"), [
    ("ran into him at lidl", "at Lidl"),
    ("in the park", "in the park"),
    ("at jo's", "at Jo's"),
])
def test_a_place_typed_with_its_preposition_is_said_once(where: str, said: str) -> None:
    assert meeting_place(where) == said


@pytest.mark.parametrize(("where", "said"), [
    ("Dad's Garage", "at Dad's Garage"),
    ("Best friend's wedding", "at my best friend's wedding"),
    ("bbq at lisas", "at the bbq at Lisas"),
])
def test_a_venue_named_for_a_relation_is_a_name_and_a_relation_is_mine(where: str, said: str) -> None:
    assert meeting_place(where) == said
