"""Alembic, driven from code so it works from an installed package too.

Imported only by the commands that migrate: Alembic is too heavy for start-up.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from kwaliteit.bestanden import fsync_map, fsync_pad
from kwaliteit.db import SCHEMA_HEAD, SCHRIJFSLOT, Database, _sqlite_bestand, beschrijf_url

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(db: Database) -> Config:
    """An Alembic Config pointing at the packaged migrations (``kwaliteit.migrations``).

    In the repository they are the folder ``migrations/``; installed, the package
    ``kwaliteit.migrations`` (pyproject.toml, ``package-dir``), never a top-level
    ``migrations`` that another distribution may ship as well.
    """
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("kwaliteit.migrations")))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def _uitvoeren(db: Database, handeling: str, revisie: str) -> None:
    """Migrate in one transaction that holds the write lock first.

    Several processes meeting a new, empty database at once then initialise it one
    after the other: the later ones find it at the newest revision and do nothing.
    """
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.execution_options(kwaliteit_schrijven=True).begin() as conn:
        if not db.is_sqlite:
            conn.execute(text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": SCHRIJFSLOT})
        cfg.attributes["connection"] = conn
        getattr(command, handeling)(cfg, revisie)


def upgrade(db: Database, revisie: str = "head") -> None:
    _uitvoeren(db, "upgrade", revisie)


def downgrade(db: Database, revisie: str = "base") -> None:
    _uitvoeren(db, "downgrade", revisie)


def reservekopie(db: Database, huidige: str | None) -> Path | None:
    """Copy a SQLite database before it is upgraded (online backup API)."""
    bestand = _sqlite_bestand(db.url)
    if bestand is None or not bestand.exists():
        return None
    stempel = datetime.now().strftime("%Y%m%d-%H%M%S")
    doel = bestand.with_name(f"{bestand.name}.voor-{huidige or 'leeg'}-{stempel}.bak")
    tijdelijk = doel.with_name(doel.name + ".tmp")
    bron = sqlite3.connect(bestand)
    try:
        kopie = sqlite3.connect(tijdelijk)
        try:
            bron.backup(kopie)
        finally:
            kopie.close()
    finally:
        bron.close()
    fsync_pad(tijdelijk)
    tijdelijk.replace(doel)
    fsync_map(doel.parent)
    return doel


def werk_bij(db: Database) -> tuple[str | None, str, Path | None]:
    """Bring the database to the newest schema; returns (from, to, backup)."""
    huidige = db.huidige_revisie()
    if huidige == SCHEMA_HEAD:
        return huidige, SCHEMA_HEAD, None
    kopie = reservekopie(db, huidige) if db.is_sqlite and huidige is not None else None
    upgrade(db)
    return huidige, SCHEMA_HEAD, kopie


def beschrijving(db: Database) -> str:
    return beschrijf_url(db.url)
