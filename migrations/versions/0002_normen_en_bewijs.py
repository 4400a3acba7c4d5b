"""normen en bewijs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 07:04:59.267205
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Audit keys of kaders and oordelen ("<kader>@<versie>/<ref>/<ronde>") need more room.
    with op.batch_alter_table("audit_gebeurtenis", schema=None) as batch_op:
        batch_op.alter_column(
            "sleutel", existing_type=sa.String(length=100), type_=sa.String(length=300)
        )

    op.create_table(
        "bestand",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("grootte", sa.Integer(), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_bestand")),
    )
    op.create_table(
        "bewijsstuk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kenmerk", sa.String(length=20), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("titel", sa.String(length=300), nullable=False),
        sa.Column(
            "soort",
            sa.Enum(
                "document",
                "registratie",
                "interview",
                "observatie",
                "enquête",
                "kengetal",
                name="bewijssoort",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("eigenaar", sa.String(length=200), nullable=True),
        sa.Column("beschrijving", sa.Text(), nullable=True),
        sa.Column("geregistreerd", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bewijsstuk")),
        sa.UniqueConstraint("kenmerk", name=op.f("uq_bewijsstuk_kenmerk")),
        sa.UniqueConstraint("volgnummer", name=op.f("uq_bewijsstuk_volgnummer")),
    )
    op.create_table(
        "normkader",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("naam", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_normkader")),
        sa.UniqueConstraint("code", name=op.f("uq_normkader_code")),
    )
    op.create_table(
        "bewijsversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bewijsstuk_id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("ingangsdatum", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("bestandsnaam", sa.String(length=255), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("toegevoegd", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bewijsstuk_id"],
            ["bewijsstuk.id"],
            name=op.f("fk_bewijsversie_bewijsstuk_id_bewijsstuk"),
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["bestand.sha256"], name=op.f("fk_bewijsversie_sha256_bestand")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bewijsversie")),
        sa.UniqueConstraint(
            "bewijsstuk_id", "versie", name=op.f("uq_bewijsversie_bewijsstuk_id_versie")
        ),
    )
    with op.batch_alter_table("bewijsversie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bewijsversie_bewijsstuk_id"), ["bewijsstuk_id"], unique=False
        )

    op.create_table(
        "kaderversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kader_id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.String(length=60), nullable=False),
        sa.Column("naam", sa.String(length=300), nullable=False),
        sa.Column("geldig_van", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.Column("publicatiedatum", sa.Date(), nullable=True),
        sa.Column("licentie", sa.Text(), nullable=False),
        sa.Column("werkversie", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("schaal", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("geladen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["kader_id"], ["normkader.id"], name=op.f("fk_kaderversie_kader_id_normkader")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kaderversie")),
        sa.UniqueConstraint("kader_id", "versie", name=op.f("uq_kaderversie_kader_id_versie")),
    )
    with op.batch_alter_table("kaderversie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kaderversie_kader_id"), ["kader_id"], unique=False)

    op.create_table(
        "norm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versie_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=60), nullable=False),
        sa.Column("urn", sa.String(length=400), nullable=False),
        sa.Column("ouder_id", sa.Integer(), nullable=True),
        sa.Column("diepte", sa.Integer(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.Column("beoordeelbaar", sa.Boolean(), nullable=False),
        sa.Column("titel", sa.String(length=500), nullable=False),
        sa.Column("normtekst", sa.Text(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("typisch_bewijs", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["ouder_id"], ["norm.id"], name=op.f("fk_norm_ouder_id_norm")),
        sa.ForeignKeyConstraint(
            ["versie_id"], ["kaderversie.id"], name=op.f("fk_norm_versie_id_kaderversie")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norm")),
        sa.UniqueConstraint("versie_id", "ref", name=op.f("uq_norm_versie_id_ref")),
    )
    with op.batch_alter_table("norm", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_norm_versie_id"), ["versie_id"], unique=False)

    op.create_table(
        "bevinding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kenmerk", sa.String(length=20), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("ronde", sa.String(length=60), nullable=False),
        sa.Column("norm_id", sa.Integer(), nullable=True),
        sa.Column(
            "soort",
            sa.Enum(
                "tekortkoming",
                "verbeterpunt",
                "observatie",
                name="bevindingsoort",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["norm_id"], ["norm.id"], name=op.f("fk_bevinding_norm_id_norm")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bevinding")),
        sa.UniqueConstraint("kenmerk", name=op.f("uq_bevinding_kenmerk")),
        sa.UniqueConstraint("volgnummer", name=op.f("uq_bevinding_volgnummer")),
    )
    with op.batch_alter_table("bevinding", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bevinding_norm_id"), ["norm_id"], unique=False)

    op.create_table(
        "normkoppeling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bewijsstuk_id", sa.Integer(), nullable=False),
        sa.Column("norm_id", sa.Integer(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bewijsstuk_id"],
            ["bewijsstuk.id"],
            name=op.f("fk_normkoppeling_bewijsstuk_id_bewijsstuk"),
        ),
        sa.ForeignKeyConstraint(
            ["norm_id"], ["norm.id"], name=op.f("fk_normkoppeling_norm_id_norm")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_normkoppeling")),
        sa.UniqueConstraint(
            "bewijsstuk_id", "norm_id", name=op.f("uq_normkoppeling_bewijsstuk_id_norm_id")
        ),
    )
    with op.batch_alter_table("normkoppeling", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_normkoppeling_bewijsstuk_id"), ["bewijsstuk_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_normkoppeling_norm_id"), ["norm_id"], unique=False)

    op.create_table(
        "oordeel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ronde", sa.String(length=60), nullable=False),
        sa.Column("norm_id", sa.Integer(), nullable=False),
        sa.Column(
            "waarde",
            sa.Enum(
                "voldoet",
                "voldoet-deels",
                "voldoet-niet",
                "nvt",
                name="oordeelwaarde",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("door", sa.String(length=200), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["norm_id"], ["norm.id"], name=op.f("fk_oordeel_norm_id_norm")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oordeel")),
        sa.UniqueConstraint("ronde", "norm_id", name=op.f("uq_oordeel_ronde_norm_id")),
    )
    with op.batch_alter_table("oordeel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_oordeel_norm_id"), ["norm_id"], unique=False)

    op.create_table(
        "verbeteractie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kenmerk", sa.String(length=20), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("eigenaar", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in-uitvoering",
                "afgerond",
                "vervallen",
                name="actiestatus",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("norm_id", sa.Integer(), nullable=True),
        sa.Column("bevinding_id", sa.Integer(), nullable=True),
        sa.Column("afgerond", sa.Date(), nullable=True),
        sa.Column("aangemaakt", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bevinding_id"], ["bevinding.id"], name=op.f("fk_verbeteractie_bevinding_id_bevinding")
        ),
        sa.ForeignKeyConstraint(
            ["norm_id"], ["norm.id"], name=op.f("fk_verbeteractie_norm_id_norm")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verbeteractie")),
        sa.UniqueConstraint("kenmerk", name=op.f("uq_verbeteractie_kenmerk")),
        sa.UniqueConstraint("volgnummer", name=op.f("uq_verbeteractie_volgnummer")),
    )
    with op.batch_alter_table("verbeteractie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_verbeteractie_bevinding_id"), ["bevinding_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_verbeteractie_norm_id"), ["norm_id"], unique=False)

    op.create_table(
        "actie_klacht",
        sa.Column("actie_id", sa.Integer(), nullable=False),
        sa.Column("klacht_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actie_id"], ["verbeteractie.id"], name=op.f("fk_actie_klacht_actie_id_verbeteractie")
        ),
        sa.ForeignKeyConstraint(
            ["klacht_id"], ["klacht.id"], name=op.f("fk_actie_klacht_klacht_id_klacht")
        ),
        sa.PrimaryKeyConstraint("actie_id", "klacht_id", name=op.f("pk_actie_klacht")),
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_gebeurtenis", schema=None) as batch_op:
        batch_op.alter_column(
            "sleutel", existing_type=sa.String(length=300), type_=sa.String(length=100)
        )

    op.drop_table("actie_klacht")
    with op.batch_alter_table("verbeteractie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verbeteractie_norm_id"))
        batch_op.drop_index(batch_op.f("ix_verbeteractie_bevinding_id"))

    op.drop_table("verbeteractie")
    with op.batch_alter_table("oordeel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oordeel_norm_id"))

    op.drop_table("oordeel")
    with op.batch_alter_table("normkoppeling", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_normkoppeling_norm_id"))
        batch_op.drop_index(batch_op.f("ix_normkoppeling_bewijsstuk_id"))

    op.drop_table("normkoppeling")
    with op.batch_alter_table("bevinding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bevinding_norm_id"))

    op.drop_table("bevinding")
    with op.batch_alter_table("norm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_norm_versie_id"))

    op.drop_table("norm")
    with op.batch_alter_table("kaderversie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kaderversie_kader_id"))

    op.drop_table("kaderversie")
    with op.batch_alter_table("bewijsversie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bewijsversie_bewijsstuk_id"))

    op.drop_table("bewijsversie")
    op.drop_table("normkader")
    op.drop_table("bewijsstuk")
    op.drop_table("bestand")
