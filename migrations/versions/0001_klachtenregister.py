"""klachtenregister

Revision ID: 0001
Revises: (eerste revisie)
Create Date: 2026-11-23 06:25:56.642082
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:

    op.create_table(
        "audit_gebeurtenis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("door", sa.String(length=200), nullable=False),
        sa.Column("onderwerp", sa.String(length=40), nullable=False),
        sa.Column("sleutel", sa.String(length=100), nullable=False),
        sa.Column("actie", sa.String(length=40), nullable=False),
        sa.Column("voor", sa.Text(), nullable=True),
        sa.Column("na", sa.Text(), nullable=True),
        sa.Column("vorige_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_gebeurtenis")),
        sa.UniqueConstraint("volgnummer", name=op.f("uq_audit_gebeurtenis_volgnummer")),
    )
    with op.batch_alter_table("audit_gebeurtenis", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_gebeurtenis_onderwerp_sleutel", ["onderwerp", "sleutel"], unique=False
        )

    op.create_table(
        "klacht",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kenmerk", sa.String(length=20), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("geregistreerd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ontvangen", sa.Date(), nullable=False),
        sa.Column(
            "kanaal",
            sa.Enum(
                "brief",
                "e-mail",
                "webformulier",
                "telefoon",
                "balie",
                name="kanaal",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("gedraging", sa.Date(), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("beklaagde", sa.String(length=200), nullable=True),
        sa.Column(
            "beklaagde_soort",
            sa.Enum(
                "medewerker",
                "team",
                "organisatie",
                name="beklaagde_soort",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "wijk",
            sa.Enum(
                "Centrum/West",
                "Groenoord",
                "Nieuwland",
                "Noordrand",
                "Oost",
                "Zuid",
                "stadsbreed",
                name="wijk",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("team", sa.String(length=200), nullable=True),
        sa.Column("aanbieder", sa.String(length=200), nullable=True),
        sa.Column(
            "regime",
            sa.Enum(
                "awb",
                "wmo2015",
                "jeugdwet",
                "wkkgz",
                name="regime",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "categorie",
            sa.Enum(
                "bejegening",
                "informatie",
                "dienstverlening",
                "termijn",
                "overig",
                name="categorie",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("adviescommissie", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "gesloten",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("uiterste_datum", sa.Date(), nullable=False),
        sa.Column("behandelaar", sa.String(length=200), nullable=True),
        sa.Column("bevestigd", sa.Date(), nullable=True),
        sa.Column("afschrift", sa.Date(), nullable=True),
        sa.Column("gehoord", sa.Date(), nullable=True),
        sa.Column("hoorverslag", sa.Text(), nullable=True),
        sa.Column(
            "afzien_horen",
            sa.Enum(
                "a",
                "b",
                "c",
                name="afzien_horen",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "uitkomst",
            sa.Enum(
                "gegrond",
                "deels-gegrond",
                "ongegrond",
                "geen-oordeel",
                "informeel-opgelost",
                "doorgestuurd",
                "ingetrokken",
                "niet-ontvankelijk",
                "niet-in-behandeling",
                name="uitkomst",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("afgehandeld", sa.Date(), nullable=True),
        sa.Column("binnen_termijn", sa.Boolean(), nullable=True),
        sa.Column("bevindingen", sa.Text(), nullable=True),
        sa.Column("conclusies", sa.Text(), nullable=True),
        sa.Column("tevredenheid", sa.Text(), nullable=True),
        sa.Column("doorgestuurd_naar", sa.String(length=200), nullable=True),
        sa.Column(
            "bestemming_soort",
            sa.Enum(
                "bestuursorgaan",
                "zorgaanbieder",
                "anders",
                name="bestemming_soort",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("klager_geinformeerd", sa.Date(), nullable=True),
        sa.Column("wijze_intrekking", sa.String(length=200), nullable=True),
        sa.Column("reden_niet_ontvankelijk", sa.Text(), nullable=True),
        sa.Column(
            "grond_9_8",
            sa.Enum(
                "1a",
                "1b",
                "1c",
                "1d",
                "1e",
                "1f",
                "2",
                name="grond_9_8",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("ombudsman", sa.Date(), nullable=True),
        sa.Column("heropend", sa.Date(), nullable=True),
        sa.Column("bewaren_tot", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_klacht")),
        sa.UniqueConstraint("jaar", "volgnummer", name=op.f("uq_klacht_jaar_volgnummer")),
        sa.UniqueConstraint("kenmerk", name=op.f("uq_klacht_kenmerk")),
    )
    with op.batch_alter_table("klacht", schema=None) as batch_op:
        batch_op.create_index("ix_klacht_jaar_uitkomst", ["jaar", "uitkomst"], unique=False)
        batch_op.create_index(
            "ix_klacht_status_uiterste_datum", ["status", "uiterste_datum"], unique=False
        )

    op.create_table(
        "klager",
        sa.Column("klacht_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=True),
        sa.Column("contact", sa.String(length=300), nullable=True),
        sa.Column("gepseudonimiseerd", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["klacht_id"],
            ["klacht.id"],
            name=op.f("fk_klager_klacht_id_klacht"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("klacht_id", name=op.f("pk_klager")),
    )
    op.create_table(
        "verdaging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("klacht_id", sa.Integer(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("weken", sa.Integer(), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("instemming_klager", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["klacht_id"],
            ["klacht.id"],
            name=op.f("fk_verdaging_klacht_id_klacht"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdaging")),
    )
    with op.batch_alter_table("verdaging", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdaging_klacht_id"), ["klacht_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("verdaging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdaging_klacht_id"))

    op.drop_table("verdaging")
    op.drop_table("klager")
    with op.batch_alter_table("klacht", schema=None) as batch_op:
        batch_op.drop_index("ix_klacht_status_uiterste_datum")
        batch_op.drop_index("ix_klacht_jaar_uitkomst")

    op.drop_table("klacht")
    with op.batch_alter_table("audit_gebeurtenis", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_gebeurtenis_onderwerp_sleutel")

    op.drop_table("audit_gebeurtenis")
