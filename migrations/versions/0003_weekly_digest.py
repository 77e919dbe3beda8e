"""the Monday digest: members.digest_on, nudges.week (one digest per member and week), nudges.contact_id
nullable (a digest is about the member, not one contact)

Revision ID: 0003_weekly_digest
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_weekly_digest"
down_revision = "0002"
branch_labels = None
depends_on = None

# SQLite rebuilds the table to change a column's nullability, and a rebuilt table's reflected indexes may
# lose their WHERE clause: the partial indexes are dropped first and created again, whole.
PARTIAL = (
    ("ix_nudges_pending_due", ["due_at"], False, "state = 'pending'"),
    ("uq_nudges_pending_contact", ["contact_id"], True, "state = 'pending'"),
    ("ix_nudges_sending_lease", ["lease_until"], False, "state = 'sending'"),
)


def _drop_partial() -> None:
    for name, _columns, _unique, _where in PARTIAL:
        op.drop_index(name, table_name="nudges")


def _create_partial() -> None:
    for name, columns, unique, where in PARTIAL:
        op.create_index(name, "nudges", columns, unique=unique, postgresql_where=sa.text(where),
                        sqlite_where=sa.text(where))


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest_on", sa.Boolean(), server_default=sa.true(), nullable=False))
    _drop_partial()
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("week", sa.String(length=10), nullable=True))
        batch_op.alter_column("contact_id", existing_type=sa.Integer(), nullable=True)
    _create_partial()
    op.create_index("uq_nudges_member_week", "nudges", ["member_id", "week"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_nudges_member_week", table_name="nudges")
    op.execute("DELETE FROM nudges WHERE contact_id IS NULL")
    _drop_partial()
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.alter_column("contact_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("week")
    _create_partial()
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("digest_on")
