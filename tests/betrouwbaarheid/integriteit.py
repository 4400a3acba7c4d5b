"""One integrity check of a kwaliteit database, shared by the reliability suites.

``controleer(url)`` returns a list of Dutch problem descriptions (empty: in order):
SQLite's own integrity and foreign-key checks (PostgreSQL enforces foreign keys
itself, and the check looks for orphans anyway), the audit chain, and gap-free
numbering of kenmerken per year and of B-, BV- and VA-numbers, and every stored version
of the organisation profile matching its SHA-256. ``tellingen(url)``
gives the row counts a suite compares with what its successful commands wrote.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from kwaliteit.audit import controleer_keten
from kwaliteit.db import maak_engine

TABELLEN = (
    "klacht",
    "klager",
    "verdaging",
    "normkader",
    "kaderversie",
    "norm",
    "bestand",
    "bewijsstuk",
    "bewijsversie",
    "normkoppeling",
    "oordeel",
    "bevinding",
    "verbeteractie",
    "toetsrun",
    "organisatieprofiel",
    "audit_gebeurtenis",
)

# child table, column, parent table
VERWIJZINGEN = (
    ("klager", "klacht_id", "klacht"),
    ("verdaging", "klacht_id", "klacht"),
    ("kaderversie", "kader_id", "normkader"),
    ("norm", "versie_id", "kaderversie"),
    ("bewijsversie", "bewijsstuk_id", "bewijsstuk"),
    ("normkoppeling", "bewijsstuk_id", "bewijsstuk"),
    ("normkoppeling", "norm_id", "norm"),
    ("oordeel", "norm_id", "norm"),
)


def _gatloos(sessie: Session, sql: str, wat: str) -> list[str]:
    problemen = []
    for groep, aantal, hoogste in sessie.execute(text(sql)).all():
        if aantal != hoogste:
            problemen.append(f"{wat} {groep}: {aantal} nummers maar het hoogste is {hoogste}")
    return problemen


def controleer(url: str) -> list[str]:
    """Every problem found (empty list: the database is in order)."""
    engine = maak_engine(url)
    problemen: list[str] = []
    try:
        with Session(engine) as s:
            if engine.dialect.name == "sqlite":
                uitslag = s.execute(text("PRAGMA integrity_check")).scalars().all()
                if uitslag != ["ok"]:
                    problemen.append(f"integrity_check: {uitslag[:5]}")
                fk = s.execute(text("PRAGMA foreign_key_check")).all()
                if fk:
                    problemen.append(f"foreign_key_check: {fk[:5]}")
            for kind, kolom, ouder in VERWIJZINGEN:
                wees = s.execute(
                    text(
                        f"SELECT count(*) FROM {kind} k LEFT JOIN {ouder} o ON o.id = k.{kolom} "
                        f"WHERE k.{kolom} IS NOT NULL AND o.id IS NULL"
                    )
                ).scalar_one()
                if wees:
                    problemen.append(f"{kind}.{kolom}: {wees} rij(en) zonder {ouder}")
            keten = controleer_keten(s)
            if not keten.in_orde:
                problemen.append(f"auditspoor: gebeurtenis {keten.eerste_fout}: {keten.reden}")
            problemen += _gatloos(
                s,
                "SELECT jaar, count(*), max(volgnummer) FROM klacht GROUP BY jaar",
                "kenmerken van jaar",
            )
            for tabel, wat in (
                ("bewijsstuk", "B-nummers"),
                ("bevinding", "BV-nummers"),
                ("verbeteractie", "VA-nummers"),
            ):
                problemen += _gatloos(
                    s,
                    f"SELECT '{tabel}', count(*), coalesce(max(volgnummer), 0) FROM {tabel}",
                    wat,
                )
            dubbel = (
                s.execute(text("SELECT kenmerk FROM klacht GROUP BY kenmerk HAVING count(*) > 1"))
                .scalars()
                .all()
            )
            if dubbel:
                problemen.append(f"dubbele kenmerken: {dubbel[:5]}")
            for versie, inhoud, sha256 in s.execute(
                text("SELECT id, inhoud, sha256 FROM organisatieprofiel ORDER BY id")
            ):
                if hashlib.sha256(inhoud.encode("utf-8")).hexdigest() != sha256:
                    problemen.append(f"organisatieprofiel versie {versie}: SHA-256 klopt niet")
    finally:
        engine.dispose()
    return problemen


def tellingen(url: str) -> dict[str, int]:
    """Rows per table."""
    engine = create_engine(url) if url.startswith("postgresql") else maak_engine(url)
    try:
        with engine.connect() as c:
            return {
                t: int(c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABELLEN
            }
    finally:
        engine.dispose()
