"""Database plumbing: the declarative base, engines, sessions and the schema check.

Every command opens one ``Database`` and one session, owned by the command.
Nothing here connects at import time.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import DateTime, Engine, Enum, MetaData, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.types import TypeDecorator

from kwaliteit.fouten import DatabaseFout, GeenToegang, SchemaFout

# Alembic revisions this program knows, oldest first. The last one is the
# schema the code expects; tests check this list against migrations/versions.
SCHEMA_REVISIES: tuple[str, ...] = ("0001", "0002", "0003", "0004")
SCHEMA_HEAD = SCHEMA_REVISIES[-1]

NAAMGEVING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# One lock for all writers on PostgreSQL: writes are rare (a handful a day),
# and serialising them keeps the kenmerk sequence gap-free and the audit chain
# linear without retry logic. SQLite gets the same from BEGIN IMMEDIATE.
SCHRIJFSLOT = 7_405_311

SQLITE_WACHTTIJD_S = 30


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on both SQLite and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("tijdstip zonder tijdzone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base class of every model in kwaliteit, klachten and normen."""

    metadata = MetaData(naming_convention=NAAMGEVING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


def waarden(soort: type[enum.Enum]) -> list[str]:
    """Store an enum by its value (the Dutch word), not its Python name."""
    return [str(lid.value) for lid in soort]


def keuzekolom(soort: type[enum.Enum], naam: str) -> Enum:
    """A vocabulary stored as its Dutch word (VARCHAR + CHECK), the same on both databases."""
    return Enum(
        soort,
        name=naam,
        native_enum=False,
        create_constraint=True,
        values_callable=waarden,
        length=30,
        validate_strings=True,
    )


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_bestand(url: str) -> Path | None:
    naam = make_url(url).database
    if not naam or naam == ":memory:" or naam.startswith("file:"):
        return None
    return Path(naam)


def maak_engine(url: str) -> Engine:
    """An engine with the settings kwaliteit relies on for this backend."""
    try:
        parsed = make_url(url)
    except Exception:
        raise DatabaseFout(
            f"'{url}' is geen geldige database-URL; gebruik een bestandspad, "
            "sqlite:///PAD of postgresql+psycopg://gebruiker@host/database."
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        bestand = _sqlite_bestand(url)
        if bestand is not None and not bestand.parent.exists():
            raise DatabaseFout(
                f"De map {bestand.parent} bestaat niet; maak haar eerst aan of kies een "
                "ander pad met --database."
            )
        engine = create_engine(url, connect_args={"timeout": SQLITE_WACHTTIJD_S})
        event.listen(engine, "connect", _sqlite_bij_verbinden)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        try:
            return create_engine(url, pool_pre_ping=False)
        except ModuleNotFoundError as e:
            raise DatabaseFout(
                f"Het stuurprogramma voor PostgreSQL ontbreekt ({e.name})."
            ) from None
    raise DatabaseFout(
        f"Databasesoort '{backend}' wordt niet ondersteund; gebruik SQLite of PostgreSQL."
    )


def _sqlite_bij_verbinden(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide when a transaction begins, so that
    # writers can take the write lock up front (BEGIN IMMEDIATE).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WACHTTIJD_S * 1000}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    modus = conn.get_execution_options().get("kwaliteit_schrijven", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if modus else "BEGIN")


def beschrijf_url(url: str) -> str:
    """The URL without its password, safe to print."""
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """An open database: one engine, and sessions handed out per command."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = maak_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"

    def sluit(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_: object) -> None:
        self.sluit()

    @contextmanager
    def sessie(self, *, schrijven: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends normally, else rolled back."""
        bind = self.engine.execution_options(kwaliteit_schrijven=schrijven)
        with vertaal_databasefouten(self.url), Session(bind=bind, expire_on_commit=False) as s:
            if schrijven and not self.is_sqlite:
                s.execute(text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": SCHRIJFSLOT})
            elif schrijven:
                # BEGIN IMMEDIATE now, not at the first query: the unit of work then
                # starts (and stamps its audit events) once it holds the write lock.
                s.connection()
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    # -- schema -----------------------------------------------------------

    def huidige_revisie(self) -> str | None:
        """The Alembic revision stored in the database, or None when it has none."""
        with vertaal_databasefouten(self.url), self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            rij = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            return str(rij[0]) if rij else None

    def is_leeg(self) -> bool:
        """No tables, except perhaps the empty version table a full downgrade leaves."""
        with vertaal_databasefouten(self.url), self.engine.connect() as conn:
            return not set(inspect(conn).get_table_names()) - {"alembic_version"}

    def zorg_voor_schema(self) -> None:
        """Initialise a new, empty database; refuse one whose schema doesn't match."""
        revisie = self.huidige_revisie()
        if revisie == SCHEMA_HEAD:
            return
        if revisie is None:
            if self.is_leeg():
                from kwaliteit.migreren import upgrade

                upgrade(self)
                return
            raise SchemaFout(
                f"{beschrijf_url(self.url)} bevat tabellen maar is geen kwaliteit-database "
                "(de tabel alembic_version ontbreekt). Kies een andere database met --database."
            )
        if revisie in SCHEMA_REVISIES:
            raise SchemaFout(
                f"De database heeft schemarevisie {revisie}; dit programma verwacht "
                f"{SCHEMA_HEAD}. Voer eerst 'kwaliteit db upgrade' uit"
                + (" (er wordt eerst een reservekopie gemaakt)." if self.is_sqlite else ".")
            )
        raise SchemaFout(
            f"De database heeft schemarevisie {revisie}, die nieuwer is dan dit programma kent "
            f"({SCHEMA_HEAD}). Installeer een nieuwere versie van kwaliteit."
        )


@contextmanager
def vertaal_databasefouten(url: str) -> Iterator[None]:
    """Turn driver errors about the connection into a DatabaseFout with a Dutch message."""
    try:
        yield
    except IntegrityError as e:
        # A rule of the schema refused the change: nothing was written.
        raise DatabaseFout(
            f"De database weigerde de wijziging ({_eerste_regel(e)}); er is niets opgeslagen."
        ) from None
    except OperationalError as e:
        raise DatabaseFout(_verbindingsmelding(url, e)) from None
    except ProgrammingError as e:
        if getattr(e.orig, "sqlstate", None) == "42501":
            lezen = str(e.statement or "").lstrip().upper().startswith("SELECT")
            raise GeenToegang(_toegangsmelding(_eerste_regel(e), lezen=lezen)) from None
        raise DatabaseFout(
            f"De database {beschrijf_url(url)} gaf een fout: {_eerste_regel(e)}"
        ) from None
    except DBAPIError as e:
        if isinstance(e.orig, sqlite3.DatabaseError):
            raise DatabaseFout(
                f"{beschrijf_url(url)} is geen bruikbare SQLite-database: "
                f"{_vertaal_driver(_eerste_regel(e))}"
            ) from None
        raise


def _toegangsmelding(oorzaak: str, *, lezen: bool) -> str:
    if lezen and "klager" in oorzaak:
        return (
            "Uw databaserol heeft geen toegang tot de persoonsgegevens van klagers "
            "(zoals de rol auditor); er is niets opgeslagen."
        )
    return (
        "Uw databaserol mag dit niet (bijvoorbeeld de rol auditor: alleen lezen); er is niets "
        f"opgeslagen. Vraag de beheerder om de rol kwaliteitsfunctionaris. ({oorzaak})"
    )


def _eerste_regel(e: DBAPIError) -> str:
    return str(e.orig).strip().splitlines()[0] if str(e.orig).strip() else type(e.orig).__name__


# Driver messages users meet most, in Dutch; others are shown as the driver gives them.
_DRIVERMELDINGEN = {
    "unable to open database file": "het bestand kan niet worden geopend of aangemaakt "
    "(controleer of de map bestaat en of u er mag schrijven)",
    "file is not a database": "het bestand is geen SQLite-database",
    "database disk image is malformed": "het databasebestand is beschadigd; herstel een reservekopie",
    "attempt to write a readonly database": "de database is alleen-lezen voor u",
    "disk i/o error": "de schijf gaf een lees- of schrijffout",
    "database or disk is full": "de schijf is vol",
}


def _vertaal_driver(tekst: str) -> str:
    laag = tekst.lower()
    for engels, nederlands in _DRIVERMELDINGEN.items():
        if engels in laag:
            return nederlands
    if "connection refused" in laag or "connection failed" in laag:
        return f"de server is niet bereikbaar ({tekst})"
    if "password authentication failed" in laag:
        return "de server weigert de gebruikersnaam of het wachtwoord"
    if "does not exist" in laag and "database" in laag:
        return f"die database bestaat niet op de server ({tekst})"
    return tekst


def _verbindingsmelding(url: str, e: OperationalError) -> str:
    oorzaak = _eerste_regel(e)
    if "locked" in oorzaak or "busy" in oorzaak:
        return (
            f"De database is bezet door een ander proces (na {SQLITE_WACHTTIJD_S} s wachten). "
            "Probeer het zo opnieuw."
        )
    return f"Kan de database {beschrijf_url(url)} niet gebruiken: {_vertaal_driver(oorzaak)}"
