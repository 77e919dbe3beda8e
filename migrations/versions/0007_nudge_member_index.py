"""nudges: drop ix_nudges_member_id; uq_nudges_member_week (member_id, week) already leads with member_id

Every nudge row is written three times (planned, claimed, sent) and each write updates every index:
one fewer index is one fewer entry per write, for lookups the unique index serves as well.

Revision ID: 0007_nudge_member_index
Revises: 0006_adapter_tables
Create Date: 2026-11-26
"""

from alembic import op

revision = "0007_nudge_member_index"
down_revision = "0006_adapter_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_nudges_member_id", table_name="nudges")


def downgrade() -> None:
    op.create_index("ix_nudges_member_id", "nudges", ["member_id"])
