"""adapter tables under Alembic: event_receipts (Slack Events API retries), platform_installations and
oauth_states (Slack OAuth installs), replacing the tables slack_sdk and the Slack adapter created
themselves; installations found in slack_sdk's tables are copied over (those tables are left in place)

Revision ID: 0006_adapter_tables
Revises: 0005_contact_lookup
Create Date: 2026-11-26
"""

import os
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006_adapter_tables"
down_revision = "0005_contact_lookup"
branch_labels = None
depends_on = None

INSTALLATIONS = sa.table(
    "platform_installations",
    sa.column("platform", sa.String), sa.column("kind", sa.String), sa.column("enterprise_id", sa.String),
    sa.column("team_id", sa.String), sa.column("user_id", sa.String), sa.column("payload", sa.JSON),
    sa.column("saved_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table(
        "event_receipts",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_event_receipts")),
    )
    op.create_index(op.f("ix_event_receipts_received_at"), "event_receipts", ["received_at"], unique=False)
    op.create_table(
        "platform_installations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("enterprise_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_installations")),
        sa.UniqueConstraint("platform", "kind", "enterprise_id", "team_id", "user_id",
                            name="uq_platform_installations_key"),
    )
    op.create_table(
        "oauth_states",
        sa.Column("state", sa.String(length=64), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("state", name=op.f("pk_oauth_states")),
    )
    op.create_index(op.f("ix_oauth_states_expires_at"), "oauth_states", ["expires_at"], unique=False)
    _copy_slack_sdk_installations()


def _copy_slack_sdk_installations() -> None:
    """Workspaces installed before this revision keep working: slack_sdk's rows (latest last) become
    payloads keyed as the coach's store keys them (an org-wide install under its enterprise alone). When
    SLACK_CLIENT_ID is set, only that app's rows are copied (one database may have served two apps)."""
    client_id = os.environ.get("SLACK_CLIENT_ID") or None
    bind = op.get_bind()
    existing = set(sa.inspect(bind).get_table_names())
    now = datetime.now(UTC)
    for table, kind in (("slack_installations", "installation"), ("slack_bots", "bot")):
        if table not in existing:
            continue
        source = sa.Table(table, sa.MetaData(), autoload_with=bind)
        latest: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        for row in bind.execute(sa.select(source).order_by(source.c.installed_at, source.c.id)).mappings():
            if client_id is not None and row.get("client_id") not in (None, client_id):
                continue
            payload = {key: _plain(value) for key, value in row.items() if key not in ("id", "client_id")}
            team = "" if payload.get("is_enterprise_install") else payload.get("team_id") or ""
            owner = (kind, payload.get("enterprise_id") or "", team)
            if kind == "installation":
                latest[(*owner, str(payload.get("user_id") or ""))] = payload
            latest[(*owner, "")] = payload
        if latest:
            op.bulk_insert(INSTALLATIONS, [
                {"platform": "slack", "kind": key[0], "enterprise_id": key[1], "team_id": key[2], "user_id": key[3],
                 "payload": payload, "saved_at": now} for key, payload in latest.items()])


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return value


def downgrade() -> None:
    """Drops the tables. slack_sdk's own tables were never touched, so they hold the installations as they
    were at the upgrade: workspaces installed since then must install again after a downgrade."""
    op.drop_index(op.f("ix_oauth_states_expires_at"), table_name="oauth_states")
    op.drop_table("oauth_states")
    op.drop_table("platform_installations")
    op.drop_index(op.f("ix_event_receipts_received_at"), table_name="event_receipts")
    op.drop_table("event_receipts")
