"""A drafted message's reply, and — for a member who switched model drafts on in a workspace whose admin
allowed them — the job that has the workspace's model rewrite it after the unit of work (bot/modeldraft.py).
The built-in draft is in the reply from the start: it is what the member sees whenever the model times out,
fails or writes something that doesn't pass the coach's checks."""

from __future__ import annotations

from dataclasses import replace

from bot.handlers.context import Context
from bot.modeldraft import ModelDrafts, ModelJob, Outcome, prompt
from bot.models import Contact
from bot.nudges import quoted
from bot.replies import Reply
from bot.review.drafts import Draft

OFF = "/coach settings model off"


def draft_reply_for(name: str, found: Draft) -> Reply:
    tips = "".join(f"\nBefore you send it: {tip[0].lower() + tip[1:]}" for tip in found.tips)
    early = (" It isn't due yet (the heading says when), but here it is, ready for then."
             if "not due yet" in found.heading else "")
    return Reply(
        f"Here's a draft for {name} — make it yours before you send it:{early}\n\n{found.text}\n{tips}\n"
        f"When it's sent: /coach sent {quoted(name)}",
        title=found.heading,
    )


def model_allowed(ctx: Context) -> bool:
    """Whether a model is configured and the asker's workspace is one the operator listed for it."""
    account = ctx.account or ctx.member
    return ctx.models is not None and ctx.models.allows(account.platform, account.workspace_id)


def with_model_job(ctx: Context, contact: Contact, nudge_kind: str, found: Draft, reply: Reply) -> Reply:
    """`reply` (the built-in draft), carrying a job for the member's model when they switched it on."""
    if not ctx.member.model_drafts or not model_allowed(ctx):
        return reply
    from bot.handlers.contacts import draft_context

    context = draft_context(contact, ctx.member)
    job = ModelJob(prompt(nudge_kind, context, found, contact.purpose), nudge_kind, context, contact.purpose,
                   found, ctx.member.id, announce=not ctx.member.model_noted,
                   platform=(ctx.account or ctx.member).platform)
    return replace(reply, model=job)


def model_reply(reply: Reply, job: ModelJob, outcome: Outcome, drafts: ModelDrafts) -> Reply:
    """The member's answer once the model has had its turn: its vetted draft, labelled as the model's, or
    the built-in draft with a line saying why the model's wasn't used."""
    if outcome.text is None:
        return replace(reply, model=None,
                       text=f"{reply.text}\n\n(Your model's draft wasn't used: {outcome.why}. This one is the "
                            "coach's own.)")
    found = Draft(job.builtin.heading, outcome.text, job.builtin.tips)
    written = draft_reply_for(job.context.contact_name, found)
    if job.announce:
        label = (f"This draft was written by {drafts.name}, the model your workspace set up, and checked by the "
                 "coach as its own drafts are. The model was sent what a message could mention: the name you "
                 "greet them by, where you met, your notes without judgements, to-dos or private remarks, "
                 "interests, your offer, what the message is for, your name and the coach's own draft "
                 f"(PRIVACY.md). {OFF} goes back to the coach's drafts.")
    else:
        label = f"Written by {drafts.name}, checked by the coach. ({OFF} to stop.)"
    return replace(reply, model=None, text=f"{written.text}\n\n{label}")
