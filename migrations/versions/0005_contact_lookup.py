"""contacts: an index on (member_id, platform_user_id), so finding a contact by a mention is an index lookup

Revision ID: 0005_contact_lookup
Revises: 0004_rate_budget
Create Date: 2026-11-26
"""

from alembic import op

revision = "0005_contact_lookup"
down_revision = "0004_rate_budget"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_contacts_member_platform_user", "contacts", ["member_id", "platform_user_id"])


def downgrade() -> None:
    op.drop_index("ix_contacts_member_platform_user", table_name="contacts")
