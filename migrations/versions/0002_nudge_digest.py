"""nudges.digest_id: the DM a claimed nudge went out in, so a re-claim rebuilds the same message

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.drop_column("digest_id")
