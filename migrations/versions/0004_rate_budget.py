"""rate_budgets: one token bucket per platform token and per Slack workspace, shared by every replica

Revision ID: 0004_rate_budget
Revises: 0003_weekly_digest
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_rate_budget"
down_revision = "0003_weekly_digest"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_budgets",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("tat", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_budgets")),
    )


def downgrade() -> None:
    op.drop_table("rate_budgets")
