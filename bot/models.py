"""The coach's durable state as SQLAlchemy 2.x typed models (DESIGN §2).

A Member owns Contacts; a Contact owns its Event log (from which its stage is derived) and at most one
pending Nudge. Every datetime is stored and returned as aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from bot.clock import as_utc
from bot.stages import Stage  # the vocabulary's; stored here by value

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out — on SQLite (which keeps no zone) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass aware UTC")
        utc = as_utc(value)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else as_utc(value)

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if dialect.name == "sqlite":  # the stored text straight to aware UTC: one C call, not three steps
            return _utc_from_sqlite
        if dialect.name == "postgresql":  # psycopg returns aware datetimes, in UTC on our sessions
            return _utc_from_aware
        return super().result_processor(dialect, coltype)


def _utc_from_aware(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo is UTC else as_utc(value)


def _utc_from_sqlite(value: str | None) -> datetime | None:
    """SQLite keeps our datetimes as naive UTC text, "YYYY-MM-DD HH:MM:SS[.ffffff]" (what SQLAlchemy and
    bot.store.batch write); anything else is parsed the long way."""
    if value is None:
        return None
    if len(value) in (19, 26) and value[-1].isdigit():
        return datetime.fromisoformat(value + "+00:00")
    return as_utc(datetime.fromisoformat(value))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class EventKind(StrEnum):
    MET = "met"
    SENT = "sent"
    REPLIED = "replied"
    CHECKED_IN = "checked_in"
    SNOOZED = "snoozed"
    MOVED_ON = "moved_on"
    NUDGED = "nudged"  # the coach delivered a nudge about this contact
    NOTE = "note"
    # Bookkeeping, not history: the contact as it was before a /met logged another meeting on it (JSON in
    # `detail`), so /coach undo can put it back exactly. The planner's fold and /coach show pass over it.
    BEFORE_MET = "before_met"


class NudgeKind(StrEnum):
    FOLLOW_UP_48H = "follow_up_48h"
    STILL_WORTH = "still_worth_writing"  # once, after an ignored 48 h window; then the coach lets it be
    NO_REPLY_1W = "no_reply_1w"
    NO_REPLY_2W = "no_reply_2w"
    MOVE_ON = "move_on"
    CHECK_IN = "check_in"
    WEEKLY_DIGEST = "weekly_digest"  # the Monday digest: one row per member and week, no contact
    EVENT_RECAP = "event_recap"  # a conference day's recap: one row per member and day, no contact
    LINK_REQUEST = "link_request"  # "… wants to share your contact book: Allow · Deny", to the code's account


class NudgeState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def enum_column(enum: type[StrEnum], length: int) -> SqlEnum:
    """A StrEnum stored as its values (not its member names) in a plain VARCHAR(length): no database enum
    type, no CHECK constraint, so the physical column is the string column it always was. Unknown strings
    are refused on the way in; rows read back are enum members (which still compare equal to strings)."""
    return SqlEnum(enum, native_enum=False, values_callable=_values, length=length, create_constraint=False,
                   validate_strings=True)


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("platform", "workspace_id", "user_id", name="uq_members_identity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str | None] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    timezone_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    work_start_hour: Mapped[int] = mapped_column(Integer, default=9)
    work_end_hour: Mapped[int] = mapped_column(Integer, default=18)
    # Minutes past those hours (10:00–18:30 is 10, 0 and 18, 30); 0 for whole hours.
    work_start_minute: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    work_end_minute: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    work_days: Mapped[str] = mapped_column(String(7), default="01234")  # ISO weekday-1 digits, Mon=0
    checkin_days: Mapped[int] = mapped_column(Integer, default=90)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    digest_on: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())  # the Monday digest
    # Drafts written by the workspace's own model (`/coach settings model on`; bot/modeldraft.py): the
    # member's opt-in, and whether a model-written draft has already said that it was.
    model_drafts: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    model_noted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    notice: Mapped[str | None] = mapped_column(Text)  # told on the member's next command, then cleared
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Linked accounts (`/coach link`): a linked account's row points at the group's canonical member, which
    # owns every contact, nudge, conference and setting; the linked row owns nothing but its identity.
    linked_to: Mapped[int | None] = mapped_column(Integer, index=True)  # a plain column, as contacts.conference_id
    # On a canonical member with linked accounts: the account nudges and the digest go to (None: this row).
    # It follows the account last used, unless the member pinned one (`/coach settings deliver slack`).
    deliver_id: Mapped[int | None] = mapped_column(Integer)
    deliver_pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Wrong link codes typed from this account in the current hour (`link_tries_since`): at most 5.
    link_tries: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    link_tries_since: Mapped[datetime | None] = mapped_column(UTCDateTime())

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="member", cascade="all, delete-orphan", passive_deletes=True
    )


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        # find_contact's exact paths: by name (this unique index), and by platform user id (the next).
        UniqueConstraint("member_id", "name_key", name="uq_contacts_member_name"),
        Index("ix_contacts_member_platform_user", "member_id", "platform_user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120))
    platform_user_id: Mapped[str | None] = mapped_column(String(64))
    where_met: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    offer: Mapped[str | None] = mapped_column(String(300))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    checkin_days: Mapped[int | None] = mapped_column(Integer)
    # What messages to them are for, as the member answered "What's this message for?": send, ask, thank,
    # share, stop, or their own words (bot/review/purpose.py). None until asked.
    purpose: Mapped[str | None] = mapped_column(String(300))
    stage: Mapped[Stage] = mapped_column(enum_column(Stage, 20), default=Stage.NEW)
    met_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The conference (`/coach event`) the latest meeting happened at, if one was on: its 48 h nudges are
    # spread with the others' of that event, and the contact is in that day's recap.
    conference_id: Mapped[int | None] = mapped_column(Integer, index=True)

    member: Mapped[Member] = relationship(back_populates="contacts")
    events: Mapped[list[Event]] = relationship(
        back_populates="contact",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(Event.at, Event.id)",
    )


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, 20))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    detail: Mapped[str | None] = mapped_column(Text)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())  # for snoozes
    nudge_id: Mapped[int | None] = mapped_column(Integer)  # the nudge whose button recorded it

    contact: Mapped[Contact] = relationship(back_populates="events")


class Nudge(Base):
    """A durable queue row: the dispatcher claims due pending rows, delivers them, records the outcome."""

    __tablename__ = "nudges"
    __table_args__ = (
        # The claim query's index: only pending rows, so its cost follows what is due, not history.
        Index("ix_nudges_pending_due", "due_at", postgresql_where=text("state = 'pending'"),
              sqlite_where=text("state = 'pending'")),
        # At most one pending nudge per contact.
        Index("uq_nudges_pending_contact", "contact_id", unique=True,
              postgresql_where=text("state = 'pending'"), sqlite_where=text("state = 'pending'")),
        Index("ix_nudges_sending_lease", "lease_until", postgresql_where=text("state = 'sending'"),
              sqlite_where=text("state = 'sending'")),
        # One Monday digest per member and week, whichever replica plans it (rows without a week never clash).
        Index("uq_nudges_member_week", "member_id", "week", unique=True),
        # One conference recap per member and day (rows without a day never clash).
        Index("uq_nudges_member_day", "member_id", "day", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Indexed by uq_nudges_member_week, which leads with it.
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    # None only for a weekly digest, which is about the member, not one contact.
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NudgeKind] = mapped_column(enum_column(NudgeKind, 20))
    week: Mapped[str | None] = mapped_column(String(10))  # a weekly digest's week: its Monday, ISO, member-local
    day: Mapped[str | None] = mapped_column(String(10))  # a conference recap's day: ISO, member-local
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[NudgeState] = mapped_column(enum_column(NudgeState, 12), default=NudgeState.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    delivery_ref: Mapped[str | None] = mapped_column(String(128))  # platform message id, for updates
    # The lowest nudge id of the DM this row went out in (a digest groups several); set while sending.
    digest_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Conference(Base):
    """A conference day (or days) the member is at (`/coach event "KubeCon EU" until fri`): while it is on,
    a /met without "at" records it as the place. On until the end of `ends_at`'s day, or `ended_at`."""

    __tablename__ = "conferences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the member-local midnight after its last day
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # `/coach event end`, or a newer event

    def on_at(self, moment: datetime) -> bool:
        return self.starts_at <= moment < self.ends_at and (self.ended_at is None or moment < self.ended_at)


class LinkCode(Base):
    """A one-time code from `/coach link`: bound to the account that asked (`member_id`), kept only as its
    SHA-256, valid until `expires_at`, used once (`claimed_by`: the account that typed it, which asks the
    code's account to Allow or Deny; `nudge_id`: that DM). `answer`: "allowed" or "denied"."""

    __tablename__ = "link_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    nudge_id: Mapped[int | None] = mapped_column(Integer, index=True)
    answer: Mapped[str | None] = mapped_column(String(10))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class RateBudget(Base):
    """A platform rate limit shared by every dispatcher process (PostgreSQL): one GCRA token bucket per
    key ("discord:bot", "slack:workspace:T1"), as the moment its budget is next free, in the database
    clock's epoch seconds. The scheduler reserves slots by moving `tat` forward in one atomic statement."""

    __tablename__ = "rate_budgets"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tat: Mapped[float] = mapped_column(Float)


class EventReceipt(Base):
    """A platform event already handled (Slack's Events API retries the same event_id): one row per key,
    so a retry landing on another replica is dropped too. Old receipts are pruned."""

    __tablename__ = "event_receipts"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class PlatformInstallation(Base):
    """An app installation (a workspace's bot token and who installed it), as the platform's OAuth
    library describes it: `payload` is its JSON. `kind` is "installation" or "bot"; the installer's row
    has their user id, the workspace's latest installation has user_id "". Ids absent are ""."""

    __tablename__ = "platform_installations"
    __table_args__ = (UniqueConstraint("platform", "kind", "enterprise_id", "team_id", "user_id",
                                       name="uq_platform_installations_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(16))
    enterprise_id: Mapped[str] = mapped_column(String(64))
    team_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OAuthState(Base):
    """No longer written: OAuth states are signed, stored nowhere (adapters/slack/oauth.py). The table is
    left for a migration to drop."""

    __tablename__ = "oauth_states"

    state: Mapped[str] = mapped_column(String(64), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
