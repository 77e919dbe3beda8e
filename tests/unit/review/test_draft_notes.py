"""*Draft it for me* over many kinds of notes × every stage: the notes are the member's private memory, so a
draft never pastes them, never talks about the contact in the third person, never hands over a judgement or
a to-do, keeps a promise, greets the right person, signs with the platform name only, and tells the truth
about when things happened."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.review import DraftContext
from bot.review.drafts import RUN, DraftTimes, unvetted_runs, vetted_phrases, write_draft
from bot.review.phrases import greeting_name
from bot.review.purpose import read_purpose

STAGES = ("follow_up_48h", "no_reply_1w", "no_reply_2w", "check_in")
NOW = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # a Thursday
LOGIN = "zq_login_7781"  # what an OS login would look like; it must never reach a draft
THIRD_PERSON = re.compile(r"\b(?:he|she|his|her|hers|him|himself|herself|they|them|their|theirs|themselves|"
                          r"he's|she's|they're|he'd|she'd|they'd|he'll|she'll|they'll)\b", re.IGNORECASE)
WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Note:
    text: str
    keep: tuple[str, ...] = ()  # must appear in the first message (what it is about)
    asked: tuple[str, ...] = ()  # what they asked for: answered in the first message
    never: tuple[str, ...] = ()  # must never appear (judgements, to-dos, private life)
    promise: tuple[str, ...] = ()  # what the member promised: in every message (a promise is never dropped)


LONG = ("We talked for ages about how their data platform grew from a single Postgres box into a lake house with "
        "dbt, Airflow and a home-grown lineage tool that nobody but two engineers understand, and how they keep "
        "the costs down by turning off dev warehouses at night. " * 12) + "Promised intro to Sam at Snowflake."
RUN_ON = "we talked about " + "data pipelines and batch jobs " * 80
NOTES: tuple[Note, ...] = (
    Note("talked about onboarding metrics", keep=("onboarding metrics",)),
    Note("talked onboarding", keep=("onboarding",)),
    Note("onboarding metrics", keep=("onboarding metrics",)),
    Note(""),
    Note("   \n  "),
    Note("nice guy", never=("nice", "guy")),
    Note("quiet but sharp", never=("quiet", "sharp")),
    Note("ask about remote policy", keep=("your remote policy",), never=("ask about",)),
    Note("check w/ sales", never=("sales", "check")),
    Note("her startup does carbon accounting; promised intro to Sam", keep=("carbon accounting",), promise=("Sam",)),
    Note("building a Rust CLI for observability, asked for intro to our SRE lead", promise=("our SRE lead",)),
    Note("loves climbing, hiring SRE", keep=("SRE",)),
    Note("discussed Helm upgrade pain; wants our checklist", asked=("checklist",)),
    Note("she is hiring a staff engineer next quarter", keep=("staff engineer",)),
    Note("{first} wants our checklist", asked=("checklist",)),
    Note("🚀 talked about launch plans 🎉", keep=("launch plans",), never=("🚀", "🎉")),
    Note("promised to review her deck", promise=("review your deck",)),
    Note("send her my slides", promise=("my slides",)),
    Note("owe him the benchmark link", promise=("benchmark link",)),
    Note("- pricing for dev tools\n- promised intro to Marco at Stripe\n- seemed stressed", promise=("Marco",),
         never=("stressed",)),
    Note("1. Kubernetes cost 2. FinOps tooling 3. ask re budget", never=("budget",)),
    Note("I told him about our migration to Postgres"),
    Note("we compared notes on remote onboarding. Follow up about the doc.", keep=("remote onboarding",)),
    Note("chatted about C# and F# interop", keep=("C# and F# interop",)),
    Note("bonded over bad conference wifi"),
    Note("ok"),
    Note("x"),
    Note("???"),
    Note("💡🔥🙌"),
    Note("[TODO]", never=("TODO",)),
    Note("{{notes}}", never=("{{", "notes")),
    Note("nice guy, promised intro to Sam", promise=("Sam",), never=("nice",)),
    Note("quiet but sharp. ask about remote policy. promised intro to Priya", promise=("Priya",),
         never=("quiet", "sharp", "ask about")),
    Note("her talk on observability was great", keep=("your talk on observability",)),
    Note("his team is migrating to Postgres", keep=("Postgres",)),
    Note("their company sells to hospitals"),
    Note("looking for a designer", asked=("designer",)),
    Note("asked me for feedback on her CV", asked=("feedback on your CV",)),
    Note("asked about our hiring process", asked=("hiring process",)),
    Note("interested in mentoring"),
    Note(LONG, promise=("Sam",)),
    Note(RUN_ON),
    Note("Met at the booth. Talked about LLM evals. Wants the eval harness repo. Promised to send it this week.",
         promise=("eval harness repo",)),
    Note("CTO at Acme, ex-Google", never=("CTO", "Google")),
    Note("She's a PM at Figma", never=("Figma",)),
    Note("{first}'s team is hiring"),
    Note("TODO: send deck", never=("TODO",)),
    Note("follow up re: pricing page", never=("pricing page",)),
    Note("re: design tokens", keep=("design tokens",)),
    Note("Topics: Rust async, tokio, embassy", keep=("tokio",)),
    Note("great chat!!! 😀", never=("great chat",)),
    Note("{first} said she'd intro me to her boss", keep=("your boss",), never=("her boss",)),
    Note("I'm hiring too - maybe a fit for our platform team?", never=("platform team", "maybe a fit")),
    Note("asked if we're hiring"),
    Note("Will send pricing deck + case study", promise=("pricing deck",)),
    Note("promised to connect her with our head of data", promise=("our head of data",)),
    Note("He wants to learn Rust", asked=("learn Rust",)),
    Note("they're raising a seed round", keep=("seed round",)),
    Note("Her cofounder is Sam Lee", never=("cofounder",)),
    Note("kids: 2, dog named Biscuit", never=("Biscuit", "kids", "dog")),
    Note("Sarah (her manager) might need an intro to our legal team", never=("Sarah", "manager")),
    Note("Talked about her move to Lisbon and the Web Summit"),
    Note("interests: bouldering, sourdough", never=("sourdough",)),
    Note("Promised intro to Sam!!! 🙏 super nice", promise=("Sam",), never=("nice", "🙏")),
    Note("she asked for our onboarding checklist, nice person", asked=("checklist",), never=("nice",)),
    Note("TALKED ABOUT KAFKA", keep=("KAFKA",)),
    Note("i'll send her the recording of my talk", promise=("recording",)),
    Note("discussed: career switch into data eng (she's ex-teacher)", keep=("career switch",),
         never=("teacher",)),
    Note("talked about his divorce", never=("divorce",)),
    Note("follow-up: intro to Sam", promise=("Sam",)),
    Note("seemed bored, kept checking phone. quiet but sharp", never=("bored", "phone", "sharp")),
    Note("we both like jazz; promised to send her the Coltrane playlist", promise=("Coltrane playlist",)),
    Note("works at Stripe on fraud models, ex-Shopify", never=("Shopify",)),
    Note("they asked about our pricing", asked=("our pricing",)),
    Note("his manager is Tom; her startup does carbon accounting", keep=("carbon accounting",), never=("Tom",)),
)
NAMES = (("Jane Doe", "Jane"), ("@raj", "Raj"), ("Dr. Amara Okafor", "Amara"), ("O'Brien", "O'Brien"),
         ("Zoë Ångström", "Zoë"), ("jean-luc", "Jean-Luc"), ("MEI", "Mei"), ("li", "Li"), ("0", "there"),
         ("Priya Raman", "Priya"), ("<@U123|kim>", "there"))
PLACES = ("PyCon", "coffee", "train to Milan", None, "the Berlin Rust meetup", "Zoom", "[TODO]", "conference")


@dataclass(frozen=True)
class Timing:
    """A moment in a contact's history and the time words a draft must (and must not) use for it."""

    label: str
    met: timedelta
    first_sent: timedelta
    last_touch: timedelta
    says: dict[str, str]
    never: tuple[str, ...]


TIMINGS = (
    Timing("minutes", timedelta(minutes=5), timedelta(minutes=3), timedelta(minutes=2),
           {"follow_up_48h": "today", "no_reply_1w": "today", "no_reply_2w": "today", "check_in": "today"},
           ("yesterday", "last week", "the other day", "a month")),
    Timing("yesterday", timedelta(days=1), timedelta(days=1), timedelta(days=1),
           {"follow_up_48h": "yesterday", "no_reply_1w": "yesterday", "no_reply_2w": "yesterday",
            "check_in": "yesterday"}, ("last week", "the other day", "a while")),
    Timing("monday", timedelta(days=3), timedelta(days=3), timedelta(days=3),
           {"follow_up_48h": "on Monday", "no_reply_1w": "Monday", "no_reply_2w": "on Monday",
            "check_in": "on Monday"}, ("last week", "the other day", "yesterday", "a while")),
    Timing("week", timedelta(days=9), timedelta(days=7), timedelta(days=8),
           {"follow_up_48h": "last week", "no_reply_1w": "last week", "no_reply_2w": "last week",
            "check_in": "a week or so"}, ("yesterday", "the other day", "a month")),
    Timing("fortnight", timedelta(days=16), timedelta(days=14), timedelta(days=15),
           {"follow_up_48h": "a couple of weeks ago", "no_reply_1w": "a couple of weeks ago",
            "no_reply_2w": "a couple of weeks ago", "check_in": "a couple of weeks"},
           ("last week", "yesterday", "the other day")),
    Timing("month", timedelta(days=34), timedelta(days=31), timedelta(days=30),
           {"follow_up_48h": "about a month ago", "no_reply_1w": "about a month ago",
            "no_reply_2w": "about a month ago", "check_in": "about a month"},
           ("last week", "yesterday", "the other day")),
    Timing("quarter", timedelta(days=120), timedelta(days=110), timedelta(days=91),
           {"follow_up_48h": "about four months ago", "no_reply_1w": "about four months ago",
            "no_reply_2w": "about four months ago", "check_in": "about three months"},
           ("last week", "yesterday", "the other day")),
)


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def pasted(draft: str, context: DraftContext) -> set[tuple[str, ...]]:
    """The notes' runs in the draft outside what the notes were read for."""
    vetted = vetted_phrases(read_purpose(context.notes, context.contact_name))
    return unvetted_runs(draft, runs(context.notes or ""), vetted)


GREETING = re.compile(r"^(?:Hi|Hey|Hello|Dear) (?P<name>[^\n]+?)[,!]\n\n|^(?:Hi there|Hello),\n\n")


def greeted(draft: str, contact_name: str) -> bool:
    """The draft opens with a greeting by the name the member uses for them (phrases.greeting_name)."""
    found = GREETING.match(draft)
    name = greeting_name(contact_name)
    return found is not None and (found["name"] == name or (found["name"] is None and name == "there"))


def body_of(draft: str) -> str:
    """The message between the greeting and the signature."""
    return draft.split("\n\n")[1]


CASES = [(i, stage) for i in range(len(NOTES)) for stage in STAGES]


def case(index: int, stage: str) -> tuple[DraftContext, Note, str, Timing, str | None]:
    """A deterministic mix of names, places, times and signatures for note `index` at `stage`."""
    note = NOTES[index]
    name, first = NAMES[index % len(NAMES)]
    timing = TIMINGS[(index + STAGES.index(stage)) % len(TIMINGS)]
    member = ("Ada Park", None, "  ", "Élise")[index % 4]
    text = note.text.replace("{first}", first)
    interests = (("rust", "climbing"), (), ("design systems",), ())[index % 4]
    offer = (None, "our survey template", "an intro to our data team lead", None, "review your pitch deck")[index % 5]
    context = DraftContext(name, where_met=PLACES[index % len(PLACES)], notes=text, interests=interests,
                           offer=offer, member_name=member)
    return context, note, first, timing, member.strip() if member and member.strip() else None


def times_for(timing: Timing) -> DraftTimes:
    return DraftTimes(now=NOW, met_at=NOW - timing.met, first_sent_at=NOW - timing.first_sent,
                      last_touch_at=NOW - timing.last_touch, timezone="UTC")


def test_the_corpus_is_varied_enough() -> None:
    assert len(NOTES) >= 60
    assert len(CASES) >= 240


@pytest.mark.parametrize(("index", "stage"), CASES, ids=[f"{i:02d}-{s}" for i, s in CASES])
def test_a_draft_uses_notes_as_a_careful_person_would(index: int, stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", LOGIN)
    monkeypatch.setenv("LOGNAME", LOGIN)
    context, note, first, timing, member = case(index, stage)
    draft = write_draft(stage, context, times_for(timing), key=index)

    # the right person, greeted by the name the member uses, and never spoken of in the third person
    assert greeted(draft, context.contact_name), draft
    body = body_of(draft)
    assert not THIRD_PERSON.search(body), (THIRD_PERSON.search(body), draft)
    if first != "there":
        assert not re.search(rf"\b{re.escape(first)}\b", body, re.IGNORECASE), draft
    # notes are never pasted: no run of RUN words straight from them beyond the phrases read out of them on
    # purpose ("the blog post on our label pruning")
    shared = pasted(draft, context)
    assert not shared, (shared, draft)
    for word in note.never:
        assert word.lower() not in body.lower(), (word, draft)
    for word in note.promise + (note.keep + note.asked if stage == "follow_up_48h" else ()):
        assert word.lower() in body.lower(), (word, draft)
    # signed with the platform display name, or not at all; never a login
    assert LOGIN not in draft
    if member:
        assert draft.endswith(f",\n{member}"), draft
    else:
        assert draft.rstrip().endswith(("?", ".", "!", ":")), draft  # ':' opens a line for the member's answer
    # true time words
    assert timing.says[stage] in body, (timing.label, draft)
    for wrong in timing.never:
        assert wrong not in body, (timing.label, wrong, draft)
    # one clean paragraph of full sentences, not too long
    assert "  " not in body and " ." not in body and " ," not in body and ".." not in body
    assert body[-1] in ".?!:" and body[0].isupper()
    assert len(body.split()) <= 120


@pytest.mark.parametrize("stage", STAGES)
def test_time_words_follow_the_members_calendar(stage: str) -> None:
    """01:00 UTC on Thursday is Wednesday evening in New York: 'yesterday' there, 'today' in UTC."""
    moment = datetime(2026, 3, 5, 1, 0, tzinfo=UTC)
    later = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    context = DraftContext("Jane", notes="talked about onboarding metrics")
    utc = write_draft(stage, context, DraftTimes(later, moment, moment, moment, "UTC"))
    new_york = write_draft(stage, context, DraftTimes(later, moment, moment, moment, "America/New_York"))
    if stage != "check_in":
        assert "today" in body_of(utc) and "yesterday" not in body_of(utc)
        assert "yesterday" in body_of(new_york)


def test_a_promise_survives_every_stage() -> None:
    context = DraftContext("Lena Novak", notes="her startup does carbon accounting; promised intro to Sam")
    for stage in STAGES:
        body = body_of(write_draft(stage, context, times_for(TIMINGS[3])))
        assert "Sam" in body and "her startup" not in body, body
        if stage == "follow_up_48h":
            assert "your startup" in body.lower(), body


_CLAUSES = [
    *(note.text for note in NOTES if note.text.strip() and len(note.text) < 200),
    "she said her team loves it", "they asked about our pricing", "his manager is Tom", "Jane's cofounder",
    "promised to send them the repo", "intro her to Sam", "talked about their roadmap and her team", "👍",
]
_WORDS = ["she", "he", "they", "her", "his", "their", "him", "them", "Jane", "talked", "about", "promised", "intro",
          "to", "Sam", "asked", "for", "our", "checklist", "nice", "ask", "wants", "the", "deck", "startup", "does",
          "carbon", "accounting", "hiring", "building", "a", "Rust", "CLI", "!", ",", ";", "-", "\n", "🚀"]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(_CLAUSES),
                             st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join)),
                   min_size=1, max_size=6),
    joiner=st.sampled_from(["; ", ". ", ", ", "\n", " ", " - "]),
    stage=st.sampled_from(STAGES),
    days=st.integers(min_value=0, max_value=200),
)
def test_any_mix_of_notes_keeps_the_rules(parts: list[str], joiner: str, stage: str, days: int) -> None:
    notes = joiner.join(parts)
    context = DraftContext("Jane Doe", where_met="PyCon", notes=notes, member_name="Ada")
    moment = NOW - timedelta(days=days, minutes=1)
    draft = write_draft(stage, context, DraftTimes(NOW, moment, moment, moment))
    body = body_of(draft)
    assert greeted(draft, "Jane Doe") and draft.endswith(",\nAda")
    assert not THIRD_PERSON.search(body), (notes, draft)
    assert not re.search(r"\bJane\b", body), (notes, draft)
    assert not pasted(draft, context), (notes, draft)
    assert "nice" not in body.lower() and "  " not in body
