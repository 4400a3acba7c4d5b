"""toetsruns

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 07:44:49.366435
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:

    op.create_table(
        "toetsrun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("door", sa.String(length=200), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("kader", sa.String(length=60), nullable=True),
        sa.Column("geslaagd", sa.Boolean(), nullable=False),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.Column("features", sa.Text(), nullable=False),
        sa.Column("resultaat", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toetsrun")),
    )
    with op.batch_alter_table("toetsrun", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_toetsrun_kader"), ["kader"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("toetsrun", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_toetsrun_kader"))

    op.drop_table("toetsrun")
