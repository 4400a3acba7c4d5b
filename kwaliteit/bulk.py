"""Writing many rows at once inside the command's one transaction.

Imports write tens of thousands of rows. Through the ORM (or SQLAlchemy's
``insertmanyvalues`` on PostgreSQL) that costs far more than the writing itself,
so imports use these helpers: ``COPY … FROM STDIN`` on PostgreSQL and a Core
``executemany`` on SQLite. Both go through the session's own connection, so
the rows belong to the same transaction (and write lock) as everything else the
command does, and a failure rolls them back with the rest.

Values must be ready for storage: vocabulary values as their Dutch word
(``Kanaal.BRIEF.value``), dates as ``date``, times as aware ``datetime``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Session


def _tabel(model: type[DeclarativeBase]) -> Table:
    return cast(Table, model.__table__)


def is_postgresql(sessie: Session) -> bool:
    return sessie.get_bind().dialect.name == "postgresql"


def nieuwe_ids(sessie: Session, model: type[DeclarativeBase], aantal: int) -> list[int]:
    """``aantal`` unused primary keys (column ``id``) for the model's table, ascending.

    PostgreSQL: taken from the column's sequence (as an INSERT would). SQLite: the
    numbers after the highest id, as SQLite itself hands them out (the caller holds
    the write lock, so nobody else can take them meanwhile).
    """
    tabel = _tabel(model)
    if aantal <= 0:
        return []
    if is_postgresql(sessie):
        ids = sessie.execute(
            text(
                "SELECT array_agg(i ORDER BY i) FROM (SELECT nextval("
                "pg_get_serial_sequence(:tabel, 'id')) AS i FROM generate_series(1, :n)) AS s"
            ),
            {"tabel": tabel.name, "n": aantal},
        ).scalar_one()
        return [int(i) for i in ids]
    hoogste = sessie.execute(select(func.max(tabel.c.id))).scalar_one()
    begin = (hoogste or 0) + 1
    return list(range(begin, begin + aantal))


class Schrijver:
    """Inserts blocks of rows (tuples in the order of the columns given), in order.

    The values are the model's (vocabulary members, dates, aware times); they are
    converted with the column types' own bind processors, so they are stored exactly
    as the ORM stores them.

    On PostgreSQL a background thread runs the COPYs, so that the server stores one
    block while Python prepares the next (the thread mostly waits on the server and
    holds no GIL meanwhile). Until ``sluit`` (or the end of the ``with`` block) the
    caller must not use the session itself. A failure is raised at the next
    ``voeg_toe`` or at ``sluit``. SQLite writes each block at once.
    """

    def __init__(self, sessie: Session) -> None:
        self._verbinding = sessie.connection()
        self._fout: BaseException | None = None
        self._draad: threading.Thread | None = None
        self._taken: queue.Queue[tuple[Table, Sequence[str], Sequence[Sequence[Any]]] | None]
        self._taken = queue.Queue(maxsize=2)
        if self._verbinding.dialect.name == "postgresql":
            self._draad = threading.Thread(target=self._werk, name="kwaliteit-copy", daemon=True)
            self._draad.start()

    def __enter__(self) -> Schrijver:
        return self

    def __exit__(self, soort: type[BaseException] | None, *_: object) -> None:
        self._stop()
        if soort is None:
            self._meld_fout()

    def voeg_toe(
        self,
        model: type[DeclarativeBase],
        kolommen: Sequence[str],
        rijen: Sequence[Sequence[Any]],
    ) -> None:
        if not rijen:
            return
        if self._draad is None:
            _schrijf(self._verbinding, _tabel(model), kolommen, rijen)
            return
        self._meld_fout()
        self._taken.put((_tabel(model), kolommen, rijen))

    def sluit(self) -> None:
        """Wait until everything is written; raise the first failure."""
        self._stop()
        self._meld_fout()

    def _stop(self) -> None:
        if self._draad is not None:
            self._taken.put(None)
            self._draad.join()
            self._draad = None

    def _meld_fout(self) -> None:
        if self._fout is not None:
            fout, self._fout = self._fout, None
            raise fout

    def _werk(self) -> None:
        while (taak := self._taken.get()) is not None:
            if self._fout is None:
                try:
                    _schrijf(self._verbinding, *taak)
                except BaseException as e:  # handed to the caller's thread
                    self._fout = e


def _schrijf(
    verbinding: Connection,
    tabel: Table,
    kolommen: Sequence[str],
    rijen: Sequence[Sequence[Any]],
) -> None:
    dialect = verbinding.dialect
    omzetters = [tabel.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in kolommen]
    opslag = _voor_opslag(rijen, omzetters)
    quote = dialect.identifier_preparer.quote
    namen = ", ".join(quote(k) for k in kolommen)
    if dialect.name != "postgresql":
        verbinding.exec_driver_sql(
            f"INSERT INTO {quote(tabel.name)} ({namen}) VALUES ({', '.join('?' * len(kolommen))})",
            list(opslag),
        )
        return
    import psycopg

    sql = f"COPY {quote(tabel.name)} ({namen}) FROM STDIN"
    driver = verbinding.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as kopie:
            for rij in opslag:
                kopie.write_row(rij)
    except psycopg.Error as e:
        # The same exception SQLAlchemy would raise for an INSERT, so the command's usual
        # translation into a Dutch message (kwaliteit.db.vertaal_databasefouten) applies.
        raise DBAPIError.instance(sql, None, e, psycopg.Error, dialect=dialect) from None


def _voor_opslag(
    rijen: Sequence[Sequence[Any]], omzetters: Sequence[Callable[[Any], Any] | None]
) -> Iterator[tuple[Any, ...]]:
    """The rows with each value as its column type stores it.

    Converted values are remembered per column: the columns that need converting
    (dates, vocabularies, the registration time) repeat a few hundred values over
    100,000 rows, and converting each once is most of the cost of a bulk write.
    """
    actief: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
        (i, f, {}) for i, f in enumerate(omzetters) if f is not None
    ]
    if not actief:
        yield from (tuple(rij) for rij in rijen)
        return
    for rij in rijen:
        uit = list(rij)
        for i, omzetter, geheugen in actief:
            waarde = uit[i]
            try:
                uit[i] = geheugen[waarde]
            except KeyError:
                uit[i] = geheugen[waarde] = omzetter(waarde)
        yield tuple(uit)
