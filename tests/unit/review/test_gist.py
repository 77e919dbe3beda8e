"""The open frames (bot/review/gist.py): the point of notes whose verbs no shape reader knows, and the member's
own *offer* field, read as what the message does — and the drafts built around them. Every note here is
invented for this file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.review import DraftContext
from bot.review.drafts import Draft, DraftTimes, Rest, compose
from bot.review.gist import fill_in
from bot.review.offered import take_offer
from bot.review.purpose import Reading, read_purpose, thing

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday


def gist(notes: str, name: str = "Noor Haddad") -> dict[str, object]:
    """The fields the open frames add to what the shape readers found."""
    before = read_purpose(notes, name)
    after = fill_in(before, notes, name)
    return {k: v for k, v in after.__dict__.items() if v != before.__dict__[k]}


@pytest.mark.parametrize(("notes", "expected"), [
    # they offered to do something, in any verb
    ("runs a bike shop. said he'd true my back wheel if i bring it in", {"their_offer_to": "true my back wheel"}),
    ("retired joiner. offered to come and look at our sagging gate",
     {"their_offer_to": "come and look at our sagging gate"}),
    ("Noor said she'd walk us round the allotment plots sometime",
     {"their_offer_to": "walk us round the allotment plots sometime"}),
    # the member wants something of them
    ("would love her to judge our student hackathon", {"ask": "Would you be willing to judge our student hackathon?"}),
    ("need a reference letter from him for the grant application",
     {"ask": "Could I ask you for a reference letter for the grant application?"}),
    ("need to book him in for the spring fair", {"ask": "Could I book you in for the spring fair?"}),
    ("I asked if the hall takes 50 people", {"ask": "Could you let me know whether the hall takes 50 people?"}),
    ("said give me a ring next week", {"next_step": "a call next week"}),
    # the member owes something
    ("get back to her w our figures", {"deliver": ("our figures",)}),
    ("I committed to sending our floor plan for her comments", {
        "deliver": ("our floor plan",),
        "ask": "I'd welcome your comments when you have a moment: would that be possible?"}),
    ("I offered to fix their office printer", {"my_offer_to": "fix your office printer"}),
    # what the member wants of them, in the words notes use for it
    ("want his take on our pricing page", {"ask": "Could I get your take on our pricing page?"}),
    ("want referral for data lead role", {"ask": "Would you be open to referring me for the data lead role?"}),
    ("want him as mentor for my apprenticeship", {"ask": "Would you consider being a mentor for my apprenticeship?"}),
    ("want to know who handles the stall bookings", {"ask": "Could you tell me who handles the stall bookings?"}),
    ("has a spare amp. ask price", {"ask": "Could you let me know your price?"}),
    ("15 min call?", {"next_step": "a call"}),
    ("runs the bakery on Elm St. ask for coffee", {"next_step": "coffee"}),
    ("I need 20 min of advice before our board meeting",
     {"ask": "Could I borrow 20 minutes of your time for some advice?"}),
    ("need quotes + lead time for ~40 chairs",
     {"ask": "Could you send me the quotes and lead time for about 40 chairs?"}),
    ("i said id pass on the minutes", {"deliver": ("the minutes",)}),
    # theirs to send: something to look forward to, not an offer to take up
    ("said she'd text the seating plan", {"expect": "the seating plan"}),
])
def test_an_unfamiliar_verb_still_gives_the_message_its_point(notes: str, expected: dict[str, object]) -> None:
    assert gist(notes) == expected


@pytest.mark.parametrize("notes", [
    "she'll check with her manager and get back to me",  # theirs to do, nothing to take up
    "said he might lend us the van",  # a maybe is no offer
    "promised her our onboarding deck",  # the shape readers read it already: nothing is read twice
    "dont chase, said they'd call us if it changes",  # a stop outweighs any frame
    "lovely chat about sourdough",
    "need a cofounder tbh",  # the member's own need, nothing they could send
    "need the signed form attached",  # the member's to attach, not theirs to send
    "zoom to show my photo setup",
    "wants to put a hive by my plot - need to check w/ committee first",  # the member's own check, not a question
])
def test_the_frames_add_nothing_where_they_should_not(notes: str) -> None:
    assert gist(notes) == {}


@pytest.mark.parametrize(("offer", "field", "value"), [
    ("the glacier trip photos", "deliver", ("the glacier trip photos",)),
    ("printing the flyers for their bake sale", "my_offer_to", "print the flyers for your bake sale"),
    ("raising it at our board meeting on the 9th", "my_offer_to", "raise it at our board meeting on the 9th"),
])
def test_what_the_member_offered_in_person_is_done_not_offered_again(offer: str, field: str, value: object) -> None:
    taken = take_offer(Reading(), offer, "Noor Haddad")
    assert taken is not None and getattr(taken, field) == value


@pytest.mark.parametrize("offer", [
    "a call about pricing",  # a call is set up, not sent: the older phrasing offers it
    "draft of chapter 2 (once Sam OKs it)",  # not yet
    "intro to our CTO",  # an introduction has its own lines
    "el folleto en español",  # another language: left as the member wrote it
    "setup / moving you onto the new tool",  # two things in one
    "zoom to show my product photo setup",  # a call to set up, not a thing to attach
])
def test_an_offer_the_frames_cannot_phrase_is_left_alone(offer: str) -> None:
    assert take_offer(Reading(), offer, "Noor Haddad") is None


def context(notes: str, offer: str | None = None) -> DraftContext:
    return DraftContext("Noor Haddad", where_met="the parish hall quiz", notes=notes, offer=offer,
                        member_name="Tom")


def times(stage: str) -> DraftTimes:
    met = NOW - timedelta(days=1 if stage == "follow_up_48h" else 9)
    sent = None if stage == "follow_up_48h" else NOW - timedelta(days=8)
    return DraftTimes(now=NOW, met_at=met, first_sent_at=sent, last_touch_at=sent or met, timezone="UTC")


@pytest.mark.parametrize(("notes", "offer", "first", "week"), [
    ("retired joiner. offered to come and look at our sagging gate", None,
     "come and look at our sagging gate", "offer to come and look at our sagging gate still open"),
    ("would love her to judge our student hackathon", None,
     "Would you be willing to judge our student hackathon?", "would you be willing to judge our student hackathon?"),
    ("quiz captain, very competitive lol", "the pub quiz answer sheet",
     "the pub quiz answer sheet", "the pub quiz answer sheet"),
])
def test_the_draft_is_built_on_that_point_and_the_week_after_brings_it_back(notes: str, offer: str | None,
                                                                              first: str, week: str) -> None:
    drafted = compose("follow_up_48h", context(notes, offer), times("follow_up_48h"), key=1)
    assert isinstance(drafted, Draft) and first in drafted.text, drafted
    later = compose("no_reply_1w", context(notes, offer), times("no_reply_1w"), key=1)
    assert not isinstance(later, Rest), later  # something is open, so a follow-up has something to say
    assert isinstance(later, Draft) and week in later.text, later


def test_a_name_that_describes_them_keeps_its_describing_words_out_of_the_name() -> None:
    # "sue from the choir": "the" and "from" are not her name, so phrases with them can still be used
    assert gist("want to know who runs the rota", name="sue from the choir") == {
        "ask": "Could you tell me who runs the rota?"}


@pytest.mark.parametrize(("notes", "field", "value"), [
    # what they will send is theirs, even when the note names it as the member would ("CV")
    ("she'll send CV + letter of support", "their_offer", ("your CV and the letter of support",)),
    # an aside after a comma is not part of the offer
    ("said he'd lend me his old ladder, lives nr the station", "their_offer", ("lend me your old ladder",)),
    # "ignore" alone is a reason not to write, and so are these
    ("cold caller pitching SEO. ignore", "stop", "ignore"),
    ("nice enough. not worth it", "stop", "not worth it"),
    ("weird vibes. blocking. log only", "stop", "blocking"),
])
def test_the_shape_readers_keep_whose_it_is_and_leave_asides_out(notes: str, field: str, value: object) -> None:
    assert getattr(read_purpose(notes, "Noor Haddad"), field) == value


def test_whenever_is_not_a_thing_to_send() -> None:
    assert thing("whenever") is None and thing("the drawings") == "the drawings"


def test_what_they_need_is_what_the_member_sends_when_the_notes_say_send_it() -> None:
    notes = "needs the rota spreadsheet by fri. said id send it today"
    assert fill_in(read_purpose(notes, "Noor Haddad"), notes, "Noor Haddad").deliver == ("the rota spreadsheet",)


def test_a_question_that_needs_its_note_is_not_asked() -> None:
    assert read_purpose("bit vague on the deposit scheme, ask which one", "Noor Haddad").ask is None


# --- what a second reader found: notes the frames must not turn around --------------------------------------

@pytest.mark.parametrize("notes", [
    "said they will not renew our contract",  # a refusal is no offer to take up
    "said he'd be away in march",
    "said they'd rather not sponsor us",
    "said he'd already sold it",
    "said she'd look into it",  # theirs to do on their side
    "said he'd reply next week",
    "said she'd happily check with her boss",  # an adverb doesn't make it an offer
    "asked me to join their board. I said I would pass",  # the member's no is no standing offer
    "we agreed on a price",
    "I volunteered at their food bank",
    "needs a copy of the lease. told her to send it to me",  # theirs to send
    "need my accounts done by friday",  # the member's own to-do
    "need the signed form attached first",
    "want intro from her",  # "from her" is no one to be introduced to
    "want a quote to fix the roof",
    "ask what",  # a question word alone asks nothing
    "said she'd forward my CV to the team lead",  # passed on, not sent to the member
])
def test_a_refusal_a_to_do_or_a_pass_on_is_not_read_as_the_point(notes: str) -> None:
    found = gist(notes)
    assert not {"their_offer_to", "my_offer_to", "deliver", "ask", "expect"} & set(found), found


@pytest.mark.parametrize(("notes", "ask"), [
    ("ask him if the hall is free on sat", "Could you let me know whether the hall is free on Saturday?"),
    ("want to ask about her garden", "Could I ask you about your garden?"),
    ("want recommendations for plumbers", "Could you recommend any plumbers?"),
    ("want referral for data role at IBM", "Would you be open to referring me for the data role at IBM?"),
    ("want her as uni ambassador", "Would you consider being a uni ambassador?"),
])
def test_what_the_member_wants_reads_as_a_person_would_ask_it(notes: str, ask: str) -> None:
    assert gist(notes).get("ask") == ask


@pytest.mark.parametrize(("notes", "step"), [
    ("said give me a call after the holidays", "a call"),  # never "a call after the"
    ("said ring me on saturday", "a call on saturday"),
    ("suggest a walk on sunday", "a walk on sunday"),
])
def test_a_next_step_keeps_its_day_and_its_article(notes: str, step: str) -> None:
    assert gist(notes).get("next_step") == step


@pytest.mark.parametrize(("offer", "delivered"), [
    ("send website examples + rough costs", ("the website examples and the rough costs",)),
    ("send failure photos + test protocol", ("the failure photos and the test protocol",)),
    ("send relay receipts", ("the relay receipts",)),
])
def test_an_offer_to_send_is_sent_with_the_message(offer: str, delivered: tuple[str, ...]) -> None:
    taken = take_offer(Reading(), offer, "Noor Haddad")
    assert taken is not None and taken.deliver == delivered


@pytest.mark.parametrize("offer", ["send notes + insurance broker", "send bike guy's number", "send names of 2 leads"])
def test_someones_details_are_not_sent_as_a_thing(offer: str) -> None:
    assert take_offer(Reading(), offer, "Noor Haddad") is None


def test_an_offered_object_is_not_attached_to_a_message() -> None:
    assert take_offer(Reading(), "our old sofa", "Noor Haddad") is None


def test_the_offer_field_is_delivered_in_the_draft_not_offered_again() -> None:
    drafted = compose("follow_up_48h", context("quiz captain, very competitive lol", "the pub quiz answer sheet"),
                      times("follow_up_48h"), key=1)
    assert isinstance(drafted, Draft), drafted
    assert re.search(r"(?:[Hh]ere(?:'s| are)|attached) the pub quiz answer sheet", drafted.text), drafted.text
    assert not re.search(r"if it's useful|if that would help|happy to share", drafted.text), drafted.text
