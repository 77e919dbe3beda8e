"""linked accounts: members.linked_to (the canonical member of a linked account), deliver_id and
deliver_pinned (where nudges go), link_tries/link_tries_since (wrong codes per hour), and `link_codes`
(one-time `/coach link` codes, kept hashed)

Revision ID: 0011_linked_accounts
Revises: 0010_events
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_linked_accounts"
down_revision = "0010_events"
branch_labels = None
depends_on = None

MEMBER_COLUMNS = ("linked_to", "deliver_id", "deliver_pinned", "link_tries", "link_tries_since")


def upgrade() -> None:
    # Plain columns: SQLite adds them in place (no table rebuild).
    op.add_column("members", sa.Column("linked_to", sa.Integer(), nullable=True))
    op.create_index("ix_members_linked_to", "members", ["linked_to"])
    op.add_column("members", sa.Column("deliver_id", sa.Integer(), nullable=True))
    op.add_column("members", sa.Column("deliver_pinned", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("members", sa.Column("link_tries", sa.Integer(), nullable=False, server_default=sa.text("0")))
    op.add_column("members", sa.Column("link_tries_since", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "link_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("nudge_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.String(length=10), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name="fk_link_codes_member_id_members",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claimed_by"], ["members.id"], name="fk_link_codes_claimed_by_members",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_link_codes"),
        sa.UniqueConstraint("code_hash", name="uq_link_codes_code_hash"),
    )
    op.create_index("ix_link_codes_member_id", "link_codes", ["member_id"])
    op.create_index("ix_link_codes_claimed_by", "link_codes", ["claimed_by"])
    op.create_index("ix_link_codes_nudge_id", "link_codes", ["nudge_id"])


def downgrade() -> None:
    op.drop_table("link_codes")
    op.execute("DELETE FROM nudges WHERE kind = 'link_request'")
    op.drop_index("ix_members_linked_to", table_name="members")
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+, PostgreSQL): no rebuild.
    for column in MEMBER_COLUMNS:
        op.execute(f"ALTER TABLE members DROP COLUMN {column}")
