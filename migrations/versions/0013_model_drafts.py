"""model drafts: members.model_drafts (the member's own opt-in to drafts written by the workspace's model,
`/coach settings model on|off`) and members.model_noted (whether a model-written draft has told them so)

Revision ID: 0013_model_drafts
Revises: 0012_working_minutes
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_model_drafts"
down_revision = "0012_working_minutes"
branch_labels = None
depends_on = None

MEMBER_COLUMNS = ("model_drafts", "model_noted")


def upgrade() -> None:
    # Plain columns, off for everyone: SQLite adds them in place (no table rebuild). A model writes nobody's
    # drafts until the member switches it on.
    for column in MEMBER_COLUMNS:
        op.add_column("members", sa.Column(column, sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+, PostgreSQL): no rebuild. Everyone is back on the
    # built-in drafter, which is what a coach without these columns has.
    for column in MEMBER_COLUMNS:
        op.execute(f"ALTER TABLE members DROP COLUMN {column}")
