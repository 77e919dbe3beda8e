"""*Draft it for me*: every stage's draft passes the coach's own review, for rich and bare contexts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.review import DraftContext, MessageKind, kind_for_nudge, review, write_draft

STAGES = ("follow_up_48h", "no_reply_1w", "no_reply_2w", "check_in")
RICH = DraftContext(
    "Jane Doe",
    where_met="PyCon",
    notes="talked about onboarding metrics",
    interests=("rock climbing",),
    offer="an intro to our data team lead",
    member_name="Sam",
)
CONTEXTS = [
    RICH,
    DraftContext("Jane"),
    DraftContext("@jane"),
    DraftContext("Priya Raman", where_met="the Berlin Rust meetup"),
    DraftContext("Tom", notes="she is hiring a staff engineer next quarter"),
    DraftContext("Kwame Mensah", offer="our cost model spreadsheet", member_name="Ada"),
    DraftContext("Lena", interests=("design systems", "typography")),
    DraftContext("O'Brien", where_met="KubeCon EU", notes="discussed Helm upgrade pain; wants our checklist"),
    DraftContext("Zoë Ångström", notes="chatted about accessibility audits", member_name="Élise"),
    DraftContext("Bob", where_met="[TODO]", notes="{{notes}}", offer="<offer>"),
]
GUILT = ("did you see", "haven't heard", "still waiting", "never replied", "ignore", "please respond")


def test_kind_for_nudge() -> None:
    assert {kind_for_nudge(s) for s in STAGES} == {MessageKind.FOLLOW_UP}
    with pytest.raises(ValueError):
        kind_for_nudge("nope")


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.contact_name)
def test_drafts_pass_own_review(stage: str, context: DraftContext) -> None:
    text = write_draft(stage, context)
    r = review(text, context, kind=kind_for_nudge(stage))
    assert r.verdict == "good", (text, r.findings)
    assert not any(g in text.lower() for g in GUILT)


def test_rich_draft_uses_the_stored_context() -> None:
    text = write_draft("follow_up_48h", RICH)
    for detail in ("Jane", "PyCon", "onboarding metrics", "intro to our data team lead", "Sam"):
        assert detail in text
    assert text.startswith("Hi Jane,")


def test_two_week_draft_is_clearly_the_last() -> None:
    text = write_draft("no_reply_2w", RICH).lower()
    assert "last note" in text
    assert "no problem" in text


def test_stages_differ() -> None:
    assert len({write_draft(s, RICH) for s in STAGES}) == len(STAGES)


def test_move_on_has_no_draft() -> None:
    with pytest.raises(ValueError):
        write_draft("move_on", RICH)


_NAMES = ["Jane Doe", "li", "Zoë Ångström", "O'Brien", "@raj", "Dr. Amara Okafor", "ßA", "Jean-Luc", "MEI", "0"]
_WHERE = ["PyCon", "the Berlin Rust meetup", "KubeCon EU 2024", "a friend's dinner", "Web Summit", "SRECon", "x"]
_NOTES = [
    "talked about onboarding metrics",
    "she is hiring a staff engineer next quarter",
    "discussed Helm upgrade pain; wants our checklist",
    "chatted about C# and F# interop",
    "compared notes on remote onboarding. Follow up about the doc.",
    "bonded over bad conference wifi",
    "ok",
]
_OFFERS = ["an intro to our data team lead", "our cost model spreadsheet", "feedback on her talk", "a PR review", "x"]
_INTERESTS = ["rock climbing", "design systems", "typography", "open-source maps", "C++"]
_opt = st.one_of(st.none(), st.just(""), st.just("   "))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(_NAMES),
    where=st.one_of(_opt, st.sampled_from(_WHERE)),
    notes=st.one_of(_opt, st.sampled_from(_NOTES)),
    offer=st.one_of(_opt, st.sampled_from(_OFFERS)),
    interests=st.lists(st.sampled_from(_INTERESTS), max_size=2),
    member=st.one_of(_opt, st.sampled_from(["Sam", "Élise", "ada l.", "Kim Ng"])),
    stage=st.sampled_from(STAGES),
)
def test_any_context_draft_passes(
    name: str,
    where: str | None,
    notes: str | None,
    offer: str | None,
    interests: list[str],
    member: str | None,
    stage: str,
) -> None:
    ctx = DraftContext(name, where_met=where, notes=notes, interests=tuple(interests), offer=offer, member_name=member)
    text = write_draft(stage, ctx)
    r = review(text, ctx, kind=kind_for_nudge(stage))
    assert r.verdict == "good", (text, r.findings)


@settings(max_examples=200, deadline=None)
@given(
    name=st.text(min_size=1, max_size=40),
    notes=st.one_of(st.none(), st.text(max_size=200)),
    offer=st.one_of(st.none(), st.text(max_size=200)),
    stage=st.sampled_from(STAGES),
)
def test_any_unicode_context_never_raises(name: str, notes: str | None, offer: str | None, stage: str) -> None:
    ctx = DraftContext(name, notes=notes, offer=offer)
    text = write_draft(stage, ctx)
    assert text.startswith("Hi ")
    assert review(text, ctx, kind=kind_for_nudge(stage)).verdict in ("good", "needs_work")
