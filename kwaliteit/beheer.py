"""Keeping the database: backup and restore (SQLite), and roles (PostgreSQL).

Backups use SQLite's online backup API, so a copy is consistent while others keep
working. A restore first checks the backup (a kwaliteit database, intact, its audit
chain unbroken), keeps a copy of the current database beside it, copies the backup
in with the same API (one transaction: other processes see the old or the new
database, never a mix) and records the restore in the audit trail.

On PostgreSQL backups are ``pg_dump``'s job; ``PG_BACKUP`` says how. ``rollen_sql``
gives the SQL that creates the roles ``kwaliteitsfunctionaris`` (read and write; the
audit trail append-only) and ``auditor`` (read-only, no access to the klager table).
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from kwaliteit.bestanden import fsync_map, fsync_pad
from kwaliteit.db import (
    SCHEMA_REVISIES,
    Database,
    _sqlite_bestand,
    beschrijf_url,
    vertaal_databasefouten,
)
from kwaliteit.fouten import DatabaseFout, InvoerFout

ROL_FUNCTIONARIS = "kwaliteitsfunctionaris"
ROL_AUDITOR = "auditor"
PERSOONSGEGEVENS = ("klager",)


def _pg_url(db: Database) -> str:
    u = make_url(db.url).set(drivername="postgresql")
    return u.render_as_string(hide_password=True)


def pg_backup_uitleg(db: Database, pad: Path) -> str:
    url = _pg_url(db)
    return (
        "Bij PostgreSQL maakt pg_dump de back-up (consistent, terwijl anderen doorwerken):\n"
        f"  pg_dump --format=custom --file '{pad}' '{url}'\n"
        "Terugzetten in een lege database (of met --clean in de bestaande):\n"
        f"  pg_restore --clean --if-exists --no-owner --dbname '{url}' '{pad}'\n"
        "Zet daarna de rollen opnieuw met 'kwaliteit db rollen' en controleer met "
        "'kwaliteit audit controleer'."
    )


def _sqlite_pad(db: Database) -> Path:
    bestand = _sqlite_bestand(db.url)
    if bestand is None:
        raise InvoerFout(f"{beschrijf_url(db.url)} is geen databasebestand; back-up kan niet.")
    return bestand


def backup(db: Database, doel: Path, *, overschrijf: bool = False) -> int:
    """Copy the SQLite database to ``doel`` (whole, or not at all); returns its size."""
    if not db.is_sqlite:
        raise InvoerFout(pg_backup_uitleg(db, doel))
    bron = _sqlite_pad(db)
    if doel.is_dir():
        raise InvoerFout(f"{doel} is een map; geef een bestandsnaam voor de back-up.")
    if not doel.parent.is_dir():
        raise InvoerFout(f"De map {doel.parent} bestaat niet.")
    if doel.exists() and not overschrijf:
        raise InvoerFout(f"{doel} bestaat al; kies een andere naam of geef --overschrijf.")
    if doel.resolve() == bron.resolve():
        raise InvoerFout("De back-up kan niet de database zelf zijn; kies een ander bestand.")
    tijdelijk = doel.with_name(f".{doel.name}.tmp")
    tijdelijk.unlink(missing_ok=True)
    try:
        van = sqlite3.connect(bron, timeout=30)
        try:
            naar = sqlite3.connect(tijdelijk)
            try:
                van.backup(naar)
                naar.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                if naar.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise DatabaseFout(
                        "De back-up is na het kopiëren niet in orde; probeer opnieuw."
                    )
            finally:
                naar.close()
        finally:
            van.close()
        fsync_pad(tijdelijk)
        tijdelijk.replace(doel)
        fsync_map(doel.parent)
    except sqlite3.Error as e:
        raise DatabaseFout(f"De back-up is mislukt: {e}.") from None
    except OSError as e:
        raise InvoerFout(f"{doel} is niet te schrijven: {e.strerror}.") from None
    finally:
        tijdelijk.unlink(missing_ok=True)
    return doel.stat().st_size


def _controleer_backup(pad: Path) -> tuple[str, int]:
    """The backup is an intact kwaliteit database; returns (revision, audit events)."""

    from kwaliteit.audit import controleer_keten

    if not pad.is_file():
        raise InvoerFout(f"De back-up {pad} bestaat niet of is geen bestand.")
    try:
        with sqlite3.connect(f"file:{pad}?mode=ro", uri=True) as c:
            if c.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise InvoerFout(f"{pad} is beschadigd (integrity_check); kies een andere back-up.")
            tabellen = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tabellen:
                raise InvoerFout(f"{pad} is geen back-up van een kwaliteit-database.")
            revisie = str(c.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    except sqlite3.DatabaseError as e:
        raise InvoerFout(f"{pad} is geen SQLite-database ({e}).") from None
    if revisie not in SCHEMA_REVISIES:
        raise InvoerFout(
            f"De back-up heeft schemarevisie {revisie}, die dit programma niet kent; "
            "installeer een nieuwere versie van kwaliteit."
        )
    kopie = Database(f"sqlite:///{pad}")
    try:
        with kopie.sessie() as s:
            keten = controleer_keten(s)
    finally:
        kopie.sluit()
    if not keten.in_orde:
        raise InvoerFout(
            f"Het auditspoor in de back-up is gebroken bij gebeurtenis {keten.eerste_fout} "
            f"({keten.reden}); deze back-up wordt niet teruggezet."
        )
    return revisie, keten.aantal


def herstel(db: Database, bron: Path) -> tuple[Path | None, str, int]:
    """Put the backup ``bron`` back; returns (copy of the replaced database, revision, events)."""
    if not db.is_sqlite:
        raise InvoerFout(pg_backup_uitleg(db, bron))
    doel = _sqlite_pad(db)
    if doel.exists() and bron.resolve() == doel.resolve():
        raise InvoerFout("De back-up is de database zelf; kies het back-upbestand.")
    revisie, gebeurtenissen = _controleer_backup(bron)
    kopie = None
    if doel.exists() and doel.stat().st_size > 0:
        stempel = datetime.now().strftime("%Y%m%d-%H%M%S")
        kopie = doel.with_name(f"{doel.name}.voor-herstel-{stempel}.bak")
        backup(db, kopie, overschrijf=True)
    try:
        van = sqlite3.connect(f"file:{bron}?mode=ro", uri=True)
        try:
            naar = sqlite3.connect(doel, timeout=30)
            try:
                van.backup(naar)
            finally:
                naar.close()
        finally:
            van.close()
    except sqlite3.Error as e:
        raise DatabaseFout(
            f"Het terugzetten is mislukt ({e}); de database is ongewijzigd"
            + (f", en er staat een kopie in {kopie}." if kopie else ".")
        ) from None
    return kopie, revisie, gebeurtenissen


def bestandshash(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _ident(naam: str) -> str:
    return '"' + naam.replace('"', '""') + '"'


def rollen_sql(db: Database) -> list[str]:
    """The statements that create and grant the two roles (idempotent)."""
    with db.engine.connect() as c:
        database = str(c.execute(text("SELECT current_database()")).scalar_one())
        schema = str(c.execute(text("SELECT current_schema()")).scalar_one())
    f, a, s = _ident(ROL_FUNCTIONARIS), _ident(ROL_AUDITOR), _ident(schema)
    sql = []
    for rol in (ROL_FUNCTIONARIS, ROL_AUDITOR):
        sql.append(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"'{rol}') THEN CREATE ROLE {_ident(rol)} NOLOGIN; END IF; END $$"
        )
    sql += [
        f"GRANT CONNECT ON DATABASE {_ident(database)} TO {f}, {a}",
        f"GRANT USAGE ON SCHEMA {s} TO {f}, {a}",
        # kwaliteitsfunctionaris: read and write; the audit trail and the schema
        # version can only be added to / read.
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {f}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {s}.audit_gebeurtenis FROM {f}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {s}.alembic_version FROM {f}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {f}",
        # auditor: read-only, and nothing of the complainants' personal data.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {a}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {a}",
        *(f"REVOKE ALL ON {s}.{_ident(t)} FROM {a}" for t in PERSOONSGEGEVENS),
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {a}",
    ]
    return sql


def maak_rollen(db: Database) -> list[str]:
    """Run ``rollen_sql`` in one transaction; returns the statements run."""
    if db.is_sqlite:
        raise InvoerFout(
            "Rollen bestaan alleen bij PostgreSQL; een SQLite-bestand beschermt u met de "
            "bestandsrechten van het besturingssysteem."
        )
    with vertaal_databasefouten(db.url):
        sql = rollen_sql(db)
        with db.engine.begin() as c:
            for opdracht in sql:
                c.execute(text(opdracht))
    return sql
