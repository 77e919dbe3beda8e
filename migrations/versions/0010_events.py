"""the conference day: a `conferences` table (`/coach event`), contacts.conference_id (the event of the
latest meeting), nudges.day (a conference recap's member-local day, one recap per member and day)

Revision ID: 0010_events
Revises: 0007_nudge_member_index
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_events"
down_revision = "0007_nudge_member_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conferences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name="fk_conferences_member_id_members",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_conferences"),
    )
    op.create_index("ix_conferences_member_id", "conferences", ["member_id"])
    # Plain nullable columns: SQLite adds them in place (no table rebuild, the partial indexes untouched).
    op.add_column("contacts", sa.Column("conference_id", sa.Integer(), nullable=True))
    op.create_index("ix_contacts_conference_id", "contacts", ["conference_id"])
    op.add_column("nudges", sa.Column("day", sa.String(length=10), nullable=True))
    op.create_index("uq_nudges_member_day", "nudges", ["member_id", "day"], unique=True)


def downgrade() -> None:
    op.execute("DELETE FROM nudges WHERE day IS NOT NULL")
    op.drop_index("uq_nudges_member_day", table_name="nudges")
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+, PostgreSQL): no rebuild that could lose the
    # nudges' partial indexes.
    op.execute("ALTER TABLE nudges DROP COLUMN day")
    op.drop_index("ix_contacts_conference_id", table_name="contacts")
    op.execute("ALTER TABLE contacts DROP COLUMN conference_id")
    op.drop_index("ix_conferences_member_id", table_name="conferences")
    op.drop_table("conferences")
