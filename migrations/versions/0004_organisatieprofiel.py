"""organisatieprofiel: the organisation's own vocabularies as data

- table ``organisatieprofiel`` (versions of the profile, the newest in force);
- ``klacht.wijk`` and ``klacht.categorie`` lose their CHECK constraints (the values come
  from the profile now) and become VARCHAR(200); ``categorie`` may be empty;
- ``klacht.termijn_weken``: the afhandeltermijn in weeks that applied at registration
  (6, or 10 with a klachtadviescommissie, for the existing complaints);
- a database that already holds complaints gets a first profile with the values that
  were fixed in the code before (the WOT Schiedam wijken and categories) and the teams and
  aanbieders its complaints use, so nothing that was valid becomes invalid.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

# The vocabularies as the code fixed them up to revision 0003 (history, not configuration).
WIJKEN_TOT_0003 = (
    "Centrum/West",
    "Groenoord",
    "Nieuwland",
    "Noordrand",
    "Oost",
    "Zuid",
    "stadsbreed",
)
CATEGORIEEN_TOT_0003 = ("bejegening", "informatie", "dienstverlening", "termijn", "overig")


def _profiel(teams: list[str], aanbieders: list[str]) -> dict[str, object]:
    # The shape of kwaliteit.organisatie.Profiel.als_dict() at this revision.
    return {
        "naam": "",
        "rechtsvorm": "",
        "gemeente": "",
        "adres": [],
        "ondertekenaar": "",
        "wijken": list(WIJKEN_TOT_0003),
        "teams": teams,
        "aanbieders": aanbieders,
        "categorieen": list(CATEGORIEEN_TOT_0003),
        "standaard_categorie": "overig",
        "klachtenregeling": {
            "naam": "",
            "afhandeltermijn_weken": None,
            "klachtadviescommissie": False,
            "standaard_regime": "awb",
            "doorzendtermijn_werkdagen": 5,
        },
        "bewaartermijnen": {"doorgestuurd": 5, "niet_in_behandeling": 5},
        "dossier": {"organisatienaam": "", "drempel": 5},
        "reikwijdte": {"diensten": [], "locaties": [], "medewerkers": "", "uitsluitingen": []},
    }


def upgrade() -> None:
    op.create_table(
        "organisatieprofiel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inhoud", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("vastgesteld", sa.DateTime(timezone=True), nullable=False),
        sa.Column("door", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisatieprofiel")),
    )
    with op.batch_alter_table("klacht", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_klacht_wijk"), type_="check")
        batch_op.drop_constraint(op.f("ck_klacht_categorie"), type_="check")
        batch_op.alter_column(
            "wijk", existing_type=sa.String(length=30), type_=sa.String(length=200)
        )
        batch_op.alter_column(
            "categorie",
            existing_type=sa.String(length=30),
            type_=sa.String(length=200),
            nullable=True,
        )
        batch_op.add_column(sa.Column("termijn_weken", sa.Integer(), nullable=True))
    klacht = sa.table(
        "klacht",
        sa.column("termijn_weken", sa.Integer()),
        sa.column("adviescommissie", sa.Boolean()),
        sa.column("team", sa.String()),
        sa.column("aanbieder", sa.String()),
    )
    op.execute(
        klacht.update().values(termijn_weken=sa.case((klacht.c.adviescommissie, 10), else_=6))
    )
    with op.batch_alter_table("klacht", schema=None) as batch_op:
        batch_op.alter_column("termijn_weken", existing_type=sa.Integer(), nullable=False)

    verbinding = op.get_bind()
    if verbinding.execute(sa.select(sa.func.count()).select_from(klacht)).scalar_one() == 0:
        return  # a new organisation starts without a profile

    def gebruikt(kolom: sa.ColumnClause[str]) -> list[str]:
        rijen = verbinding.execute(sa.select(kolom).where(kolom.is_not(None)).distinct())
        return sorted({" ".join(str(w).split()) for (w,) in rijen if str(w).strip()})

    inhoud = json.dumps(
        _profiel(gebruikt(klacht.c.team), gebruikt(klacht.c.aanbieder)),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    profiel = sa.table(
        "organisatieprofiel",
        sa.column("inhoud", sa.Text()),
        sa.column("sha256", sa.String()),
        sa.column("vastgesteld", sa.DateTime(timezone=True)),
        sa.column("door", sa.String()),
    )
    op.execute(
        profiel.insert().values(
            inhoud=inhoud,
            sha256=hashlib.sha256(inhoud.encode("utf-8")).hexdigest(),
            vastgesteld=datetime.now(UTC),
            door="migratie 0004 (de vaste waarden van vóór het organisatieprofiel)",
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("klacht", schema=None) as batch_op:
        batch_op.drop_column("termijn_weken")
        batch_op.alter_column(
            "categorie",
            existing_type=sa.String(length=200),
            type_=sa.Enum(
                *CATEGORIEEN_TOT_0003,
                name="categorie",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        )
        batch_op.alter_column(
            "wijk",
            existing_type=sa.String(length=200),
            type_=sa.Enum(
                *WIJKEN_TOT_0003, name="wijk", native_enum=False, create_constraint=True, length=30
            ),
        )
    op.drop_table("organisatieprofiel")
