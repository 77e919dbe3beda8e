"""Issue 20 patterns, made up here (not taken from any data set): a stranger's ask with no reason, a message
dashed off, openers that stand where a reason should be."""

from __future__ import annotations

import pytest

from bot.review import review

NEEDS_WORK = [
    # a stranger asks for time and says neither why them nor what about
    ("Hi Ingrid, I'm Tobias. We've never met but I figured we could meet up. Coffee sometime?", "generic"),
    ("Hi Ms. Alvarez, I heard about you from a friend. I'm based in Leeds. I'd love to set up a time to talk.",
     "generic"),
    # ... or for work
    ("Hi Raj, I'm a recent graduate looking for any opportunity. Please let me know if you have anything.",
     "generic"),
    ("Hi, I'm a second-year student into soft robotics. I want to join your lab in the spring. Any positions open?",
     "generic"),
    # dashed off: a misspelling or an unpunctuated run, and more
    ("hey we talked yesterday about me helping on your reserch project id really like to be involved so let me know",
     "typo"),
    # doubt and apology standing where a reason should be
    ("Hi Carla, not sure you'll remember me, but we were on the same floor years ago. Can I ask you something?",
     "generic"),
    ("Dear Dr. Hale, you don't know me, but I've always been fascinated by soil. Do you have an internship?",
     "generic"),
    ("Sir, should I do a master's in statistics or in economics?", "generic"),
    ("Hi Martin, I have an exciting opportunity that I believe is ideal for you. Open to a chat?", "salesy"),
    ("Hey all, go check out my amazing recipe app!! Please star it on GitHub!", "self_centred"),
    # guilt without stock phrases: their own values held against them, messages counted
    ("Hi Priya, for someone who posts so much about mentoring, it's surprising you never answer juniors like me.",
     "pushy"),
    ("Hi Mark, I've now sent four messages. I thought you cared about helping founders.", "pushy"),
]

GOOD = [
    # a reason given: who suggested them, what about, a shared group, a topic to swap notes on
    "Hi Tom, Maya Chen suggested I get in touch. I'm moving from teaching into instructional design and she said "
    "you made the same jump. Would you be open to a 20-minute call next week?",
    "Hi Yusuf, we're both in the Bristol founders Slack. I'm launching a bakery subscription and you ran one for "
    "years. Could I buy you a coffee next week?",
    "Hi Priya, I'm new to the Toronto climate-tech scene. Would you be up for a coffee to swap notes on hardware "
    "startups?",
    "Hi Luis, I'm a junior data engineer at Monzo. Would you have 20 minutes for a call? I'd like to ask how your "
    "team handles schema changes.",
    # casual chat: lower case, text-speak or a missing apostrophe alone is normal
    "hey Ji-woo, tried your suggestion from the thread and the race is gone. thx! wrote a short gist too",
    "hey, are you still looking for reviewers for the docs sprint? happy to take the API section",
    # banter between people who know each other is not a reproach
    "Happy new year, Felix! When are we finally getting that coffee?",
    # a review the message keeps small is not a big ask
    "Hi Priyanka! Would you have time this week to look over my meetup talk proposal? It's two pages and I mostly "
    "want feedback on whether the abstract is clear.",
    # their studio's Instagram, read for their work
    "Dear Ms. Okafor, I read on your Instagram that your studio runs a free design clinic for schools. I volunteered "
    "on a similar one last year. Would you be open to a short chat about how junior designers grow at your studio?",
    # code in a chat message is not a template blank
    "hey Ji-woo, tried your Arc<Mutex> suggestion from the thread and the race is gone. thanks! wrote a short gist",
    # a stranger who says they are not asking for a job
    "Hi Dana, I'm not asking for a job - I'm a bootcamp grad curious how your team reviews take-home tests. Would "
    "you have 15 minutes for a call?",
]


@pytest.mark.parametrize(("text", "rule"), NEEDS_WORK)
def test_what_a_reader_would_mind_needs_work(text: str, rule: str) -> None:
    r = review(text)
    assert r.verdict == "needs_work" and rule in r.rules, r.findings


@pytest.mark.parametrize("text", GOOD)
def test_a_reason_or_a_casual_register_is_not_a_problem(text: str) -> None:
    r = review(text)
    assert r.verdict == "good", r.findings


def test_the_members_private_notes_showing_need_work() -> None:
    from bot.review import DraftContext

    ctx = DraftContext("Jane Doe", where_met="PyCon", notes="seemed a bit arrogant; talked about onboarding metrics")
    r = review("Hi Jane, you seemed a bit arrogant at PyCon but I liked your point on onboarding metrics.", ctx)
    assert r.verdict == "needs_work" and "over_personal" in r.rules, r.findings
    written_to_self = review("Hi Omar, per my notes: follow up re the intro to his CFO. Can you do that?")
    assert written_to_self.verdict == "needs_work" and "placeholder" in written_to_self.rules
    # a noted topic is not a private judgement: on-call burnout, flaky CI
    topic = DraftContext("Aisha Khan", where_met="DevOpsDays", notes="talked about on-call burnout; flaky CI")
    ok = review("Hi Aisha, your point on on-call burnout stuck with me. Our flaky CI fix is in the repo I mentioned.",
                topic)
    assert ok.verdict == "good", ok.findings


def test_a_referral_with_no_target_needs_work() -> None:
    r = review("Hey man, could you pass my CV along for any roles you've got over there?")
    assert r.verdict == "needs_work" and "pushy" in r.rules, r.findings
    targeted = review("Hey man, could you pass my CV to whoever hires for the backend role on the payments team? "
                      "Two-line blurb below if useful.")
    assert not any("without saying for what" in f.message for f in targeted.findings), targeted.findings


def test_an_introduction_asked_for_without_a_reason_gets_a_suggestion() -> None:
    bare = review("Hey Tom, could you intro me to Paul Okonjo? Amazing, thanks!!")
    assert any("without saying why" in f.message for f in bare.findings), bare.findings
    reasoned = review("Hey Tom, any chance you could connect me with Li Wei? We are both building tools for food "
                      "banks and I think we could share a volunteer rota.")
    assert reasoned.verdict == "good", reasoned.findings


def test_a_mail_merge_and_an_invoice_of_effort_need_work() -> None:
    merged = review("Hi Sam, I know how busy things must be at    Northwind Traders, Inc    . Any chance you saw "
                    "my note?")
    assert merged.verdict == "needs_work" and "placeholder" in merged.rules, merged.findings
    invoice = review("Hi Rafael, I've tried calling you several times this month and still nothing. I'd appreciate at "
                     "least a yes or no.")
    assert invoice.verdict == "needs_work" and "pushy" in invoice.rules, invoice.findings
    ellipsis = review("Thanks, Camille, for connecting us! Theo, great to e-meet you . . . coffee at the Hub on "
                      "Friday?")
    assert "placeholder" not in ellipsis.rules, ellipsis.findings
