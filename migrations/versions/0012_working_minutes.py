"""working minutes: members.work_start_minute and work_end_minute (working hours to the minute, so
10:00–18:30 is work_start_hour 10, work_start_minute 0, work_end_hour 18, work_end_minute 30)

Revision ID: 0012_working_minutes
Revises: 0011_linked_accounts
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_working_minutes"
down_revision = "0011_linked_accounts"
branch_labels = None
depends_on = None

MEMBER_COLUMNS = ("work_start_minute", "work_end_minute")


def upgrade() -> None:
    # Plain columns: SQLite adds them in place (no table rebuild); existing hours are whole hours (:00).
    for column in MEMBER_COLUMNS:
        op.add_column("members", sa.Column(column, sa.Integer(), nullable=False, server_default=sa.text("0")))


def downgrade() -> None:
    # Whole hours again, never wider than the member asked where that leaves an hour to work in: a start
    # moves to the next hour (9:30 → 10), an end keeps its hour (18:30 → 18) unless that is the start's.
    op.execute("UPDATE members SET work_end_hour = work_end_hour + 1"
               " WHERE work_end_minute > 0 AND work_end_hour <= work_start_hour")
    op.execute("UPDATE members SET work_start_hour = work_start_hour + 1"
               " WHERE work_start_minute > 0 AND work_start_hour + 1 < work_end_hour")
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+, PostgreSQL): no rebuild.
    for column in MEMBER_COLUMNS:
        op.execute(f"ALTER TABLE members DROP COLUMN {column}")
