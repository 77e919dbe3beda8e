"""contacts: purpose, the member's answer to "What's this message for?" (send, ask, thank, share, stop, or
their own words), used by every later draft for that contact

Revision ID: 0008_contact_purpose
Revises: 0007_nudge_member_index
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_contact_purpose"
down_revision = "0007_nudge_member_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("purpose", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("purpose")
