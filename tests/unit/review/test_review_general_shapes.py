"""Issue 20, third round: rules written from the general shape of a flaw seen in ``real_tune`` misses.

Every example here is invented for the test; none is taken from the labelled data.
"""

from __future__ import annotations

import pytest

from bot.review import MessageKind, review

FOLLOW_UP = MessageKind.FOLLOW_UP


def serious(text: str, kind: MessageKind | None = None) -> set[str]:
    return {f.rule for f in review(text, kind=kind).findings if f.severity in ("high", "medium")}


# --- a follow-up that only chases a decision on the sender's own candidacy ---------------------------------


def test_a_chase_for_news_on_your_own_application_needs_work() -> None:
    for text in (
        "Hello Mr. Varga, I'm following up on the CV I left with you at Tuesday's hiring day.",
        "Hi Ines, I know we only met at the open day on Thursday, but I wanted to check whether there's been a "
        "decision yet!",
        "Dear Dr. Amari, checking in about my application from last week - any update?",
    ):
        r = review(text, kind=FOLLOW_UP)
        assert r.verdict == "needs_work", text
        assert "generic" in serious(text, FOLLOW_UP), text


def test_a_chase_that_also_brings_something_new_is_not_only_a_chase() -> None:
    for text in (
        "Hi Ines, any news on the analyst role? Since we spoke I finished the churn model you asked about - "
        "the notebook is linked here in case it helps your team.",
        "Dear Dr. Amari, following up on my interview on Monday. How did the lab's grant review go in the end?",
    ):
        r = review(text, kind=FOLLOW_UP)
        assert not any(f.message.startswith("It only chases") for f in r.findings), text


# --- a vendor's or a publicist's pitch dressed as networking ------------------------------------------------


def test_vendor_and_publicist_idioms_read_as_a_pitch() -> None:
    for text in (
        "Thank you both for the time on Thursday. We'd be delighted to be chosen as your catering partner and to "
        "help with all your needs for the spring gala.",
        "Hello Odile, I'm your new account executive at Brightfold and would be glad to connect!",
        "Hi Marek, I look after the PR for a boutique tax practice and I'm hunting for stages for our founder to "
        "speak on. Your meetup looks ideal!",
        "Hey there, love your gardening newsletter. Happy to write a guest article for your readers on composting.",
    ):
        assert "salesy" in serious(text), text


def test_offering_your_own_help_without_a_pitch_is_not_salesy() -> None:
    for text in (
        "Hi Odile, thanks for the tour of the print shop on Thursday. If it would help, I'm glad to share the "
        "checklist we use for colour proofs - no strings attached.",
        "Marek, great to meet you at the tax meetup. Here's my booking link if a call is easier than email.",
    ):
        assert "salesy" not in serious(text), text


# --- a catch-up or follow-up that turns into "any opportunities for me" ------------------------------------


def test_an_untargeted_job_ask_inside_a_catch_up_needs_work() -> None:
    for text in (
        "Hi Tomas, it's been ages! Since leaving Quillfield I've finished a data-warehouse rollout and picked up a "
        "cloud certificate. I hear you now lead the platform group at Marrow - could we grab a coffee and talk "
        "about potential roles for me there?",
        "Dr. Haldane, lovely meeting you at the soil-science symposium. Please keep me in mind for any fieldwork or "
        "opportunities in your group.",
    ):
        assert review(text, kind=FOLLOW_UP).verdict == "needs_work", text
        assert "pushy" in serious(text, FOLLOW_UP), text


def test_a_catch_up_that_names_the_role_is_not_untargeted() -> None:
    text = (
        "Hi Tomas, it's been ages! I saw the senior data engineer post on Marrow's platform team - would you be "
        "open to telling me what the team is like before I apply?"
    )
    assert "pushy" not in serious(text, FOLLOW_UP)


# --- a stranger's request for work that is all about the sender ---------------------------------------------


def test_a_strangers_job_request_all_about_the_sender_is_self_centred() -> None:
    text = (
        "Hi, I'm Oskar, a second-year at Dunmore Polytechnic. I row, I run the chess club and I love chemistry. I'm "
        "hoping to get ahead of my classmates, so I thought I'd write now and ask whether there are openings in your "
        "lab this summer."
    )
    r = review(text, kind=MessageKind.COLD_OUTREACH)
    assert "self_centred" in serious(text, MessageKind.COLD_OUTREACH), r.findings


def test_a_strangers_job_request_that_talks_about_them_is_not_self_centred() -> None:
    text = (
        "Hello Dr. Yusuf, I read your group's note on trace-metal testing in river water and tried the method in my "
        "second-year lab at Dunmore Polytechnic. Are there placements in your quality lab this summer? Your team's "
        "field sampling is exactly what I'd like to learn."
    )
    assert "self_centred" not in serious(text, MessageKind.COLD_OUTREACH)


# --- a favour from a stranger stated as their duty -------------------------------------------------------------


def test_a_favour_stated_as_their_duty_is_pressure() -> None:
    text = "We've never spoken, but my portfolio isn't landing interviews. You need to help me fix it this week."
    assert "pushy" in serious(text, MessageKind.COLD_OUTREACH)


def test_saying_they_need_not_do_anything_is_not_pressure() -> None:
    text = "No need to reply - you don't have to help me with the portfolio, I just wanted to say your talk landed."
    assert "pushy" not in serious(text, MessageKind.COLD_OUTREACH)


# --- offering to explain how you did something is not a sales demo -------------------------------------------


def test_walking_them_through_how_you_did_it_is_not_a_pitch() -> None:
    text = (
        "Tamsin, thanks for the chat after the panel. The flaky-deploy problem you described is the one we spent "
        "spring on at Corbin - happy to walk you through how we set up the canary checks if that's useful."
    )
    assert "salesy" not in serious(text, FOLLOW_UP)


def test_showing_them_how_you_can_cut_their_costs_is_still_a_pitch() -> None:
    text = "Hi Tamsin, I'd love 15 minutes to show you how we can cut your team's cloud bill this quarter."
    assert "salesy" in serious(text, MessageKind.COLD_OUTREACH)


# --- sixth round (stop 35): shapes from the tune half of new_sites5/6 -----------------------------------------


def test_a_link_with_no_word_of_why_needs_work() -> None:
    for text in ("https://www.example.org/2026/03/why-canal-boats-are-back", "fyi https://tinyurl.example/q8"):
        assert "generic" in serious(text, FOLLOW_UP), text
    shared = "Saw this piece on canal boats and thought of your restoration project: https://www.example.org/canal"
    assert review(shared, kind=FOLLOW_UP).verdict == "good"


def test_a_link_sellers_and_an_agencys_pitch_is_salesy() -> None:
    for text in (
        "Dear Webmaster, I have read your site on allotment birds. I am an expert writer and would love to offer "
        "one fresh article. Could you publish the article along with my link?",
        "Got a minute? We are Brightpeak Digital, a leading results-driven agency, and we'd like to talk about a "
        "marketing partnership for lead generation.",
        "Hi Oona, I'd like to show someone on your team how Shelfwise can boost your AOV within a month.",
    ):
        assert "salesy" in serious(text, MessageKind.COLD_OUTREACH), text


def test_a_form_greeting_to_the_site_owner_reads_as_a_form_letter() -> None:
    text = "Dear Site Owner, your tram timetable page is very useful. Is it possible to add my guide to it?"
    assert "generic" in serious(text, MessageKind.COLD_OUTREACH)


def test_a_recruiters_pasted_line_and_nothing_else_needs_work() -> None:
    text = "Hi Tomas, your background really stood out to me and I think you'd be a perfect fit for this role."
    assert review(text, kind=MessageKind.COLD_OUTREACH).verdict == "needs_work"


def test_a_warm_note_to_someone_they_know_is_not_stock() -> None:
    for text in ("Spotted your name in the alumni newsletter today and it made me smile.",
                 "No need to reply. Just wanted you to know you're on my mind and I'm around if you need anything."):
        assert "generic" not in serious(text, FOLLOW_UP), text


def test_hope_for_what_is_ahead_of_them_and_their_own_deadline_are_not_pressure() -> None:
    assert "pushy" not in serious("So proud of you! All that night study paid off, and bigger things are ahead of "
                                  "you.", FOLLOW_UP)
    text = ("Dear Ms. Ruiz, another school has offered me a post and asked for my answer by Thursday. Your school "
            "is still my first choice: do you expect to decide on the art teacher role soon?")
    assert "pushy" not in serious(text, FOLLOW_UP)
    assert "pushy" in serious("Hi Ruth, please let me know by Friday whether you'll take the stall.", FOLLOW_UP)


def test_ordinary_mentions_of_partnerships_and_links_are_no_pitch() -> None:
    for text in ("Hi Dara, I heard your team is exploring a marketing partnership with the brewery on Mill St, "
                 "how is it going?",
                 "Hi Ken, your talk on how to boost your conversion rate with plain copy changed our signup page.",
                 "Hi Lu, we are Green Pantry, a trusted partner of the food bank you volunteer at; could we join "
                 "your Saturday shift?"):
        assert "salesy" not in serious(text, FOLLOW_UP), text


def test_guilt_about_what_is_ahead_of_them_is_still_pressure() -> None:
    assert "pushy" in serious("Hi Sol, I guess you have bigger things ahead of you than answering my emails.",
                              FOLLOW_UP)


def test_a_link_in_a_message_in_another_language_is_no_english() -> None:
    r = review("Hallo Mo, das Treffen gestern war wirklich toll und sehr hilfreich! https://example.de/agenda")
    assert any("English" in note for note in r.notes)


def test_a_short_note_about_a_meeting_already_fixed_is_not_stock() -> None:
    text = "Hi Lena,\n\nThanks for the chat yesterday. Looking forward to our call on Thursday at 11am.\n\nBest,\nArash"
    found = review(text, kind="follow_up")
    assert found.verdict == "good" and "generic" not in {f.rule for f in found.findings if f.severity != "low"}, found
    vague = review("Hi Lena,\n\nThanks for the chat yesterday. Looking forward to speaking soon.\n\nBest,\nArash",
                   kind="follow_up")
    assert vague.verdict == "needs_work", vague


@pytest.mark.parametrize("text", [
    "Hello, I've tried phoning you several times this week and for some reason no one has called me back.",
    "Knock knock… anybody home? Still no word from you. Could you pass me to whoever runs events?",
])
def test_an_accusing_or_mocking_chaser_is_pushy(text: str) -> None:
    found = review(text, kind="follow_up")
    assert found.verdict == "needs_work" and "pushy" in {f.rule for f in found.findings}, found


@pytest.mark.parametrize("text", [
    "Hi Oona, a handful of schools are seeing real attendance gains with our platform. Free for a call next week?",
    "Hi Oona, I'd love to hear about your phonics scheme and maybe show you the reading apps we've built for "
    "schools. Looking forward to hearing from you!",
])
def test_a_pitch_for_our_product_in_plain_words_is_salesy(text: str) -> None:
    found = review(text, kind="follow_up")
    assert found.verdict == "needs_work" and "salesy" in {f.rule for f in found.findings}, found



def test_a_short_note_naming_a_sum_is_about_the_matter_at_hand() -> None:
    found = review("Hi Pete,\n\nThanks for sorting the radiator. I'm sending the £60 for the valve today.\n\nTom",
                   kind="follow_up")
    assert found.verdict == "good", found


@pytest.mark.parametrize("text", [
    "Hi Sam, I'm applying for the platform role at Monzo next month. Do you know anyone there? No worries if not.",
    "Hi Kay, after the flood, no one has called me back from the insurer, so your tip about the ombudsman was exactly "
    "what I needed. Thank you!",
    "Hi Ava, I'd love to show you the garden we've built with the Year 5s. Come by on Friday?",
])
def test_ordinary_words_near_the_new_pushy_and_salesy_shapes_pass(text: str) -> None:
    assert review(text).verdict == "good", review(text)


def test_a_vague_bump_naming_a_call_or_a_sum_is_still_stock() -> None:
    assert review("Hi, just touching base on our call on Monday. Let me know. Thanks", kind="follow_up").verdict \
        == "needs_work"
    assert review("Hi, hope all is well. Touching base about the €2,000. Let me know. Thanks",
                  kind="follow_up").verdict == "needs_work"
