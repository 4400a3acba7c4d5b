"""The facts the rules (``klachten.regels``) read, from a ``Klacht`` or straight from the database.

Both ways stand side by side here, so they give the same facts: the procedure
reads a complaint it has loaded; the checks and the register figures read the
complaints of a period as plain rows (only these columns, no ORM objects: a
national register has hundreds of thousands of complaints a year).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from klachten.modellen import Klacht, Verdaging
from klachten.regels import Feiten, Verdagingfeit, gevuld
from klachten.termijnen import afhandeltermijn


def van_klacht(k: Klacht) -> Feiten:
    """The facts of a complaint as it stands."""
    return Feiten(
        kanaal=k.kanaal,
        regime=k.regime,
        status=k.status,
        uitkomst=k.uitkomst,
        ontvangen=k.ontvangen,
        afgehandeld=k.afgehandeld,
        uiterste_datum=k.uiterste_datum,
        bevestigd=k.bevestigd is not None,
        afschrift_gestuurd=k.afschrift is not None,
        gehoord=k.gehoord is not None,
        met_hoorverslag=gevuld(k.hoorverslag),
        afgezien_van_horen=k.afzien_horen is not None,
        behandelaar=k.behandelaar,
        beklaagde=k.beklaagde,
        beklaagde_soort=k.beklaagde_soort,
        met_bevindingen=gevuld(k.bevindingen),
        met_conclusies=gevuld(k.conclusies),
    )


def _gevuld(kolom: Any) -> ColumnElement[bool]:
    # gevuld() in SQL: the text has something besides spaces, tabs and line breaks.
    # Only that is read, never the (possibly long) text itself. (Rarer white space, such
    # as a no-break space, counts as text here; the procedure never stores a text of
    # white space only, so only a correction in the database could tell them apart.)
    leeg = func.trim(func.replace(func.replace(func.replace(kolom, "\t", ""), "\n", ""), "\r", ""))
    return case((func.coalesce(leeg, "") != "", True), else_=False)


# The columns of van_klacht, in the order of the fields of Feiten (lees builds it from
# them; tests/integration/test_awb_regels.py compares both ways on the same complaints).
_KOLOMMEN: dict[str, ColumnElement[Any]] = {
    "kanaal": Klacht.kanaal.expression,
    "regime": Klacht.regime.expression,
    "status": Klacht.status.expression,
    "uitkomst": Klacht.uitkomst.expression,
    "ontvangen": Klacht.ontvangen.expression,
    "afgehandeld": Klacht.afgehandeld.expression,
    "uiterste_datum": Klacht.uiterste_datum.expression,
    "bevestigd": Klacht.bevestigd.is_not(None),
    "afschrift_gestuurd": Klacht.afschrift.is_not(None),
    "gehoord": Klacht.gehoord.is_not(None),
    "met_hoorverslag": _gevuld(Klacht.hoorverslag),
    "afgezien_van_horen": Klacht.afzien_horen.is_not(None),
    "behandelaar": Klacht.behandelaar.expression,
    "beklaagde": Klacht.beklaagde.expression,
    "beklaagde_soort": Klacht.beklaagde_soort.expression,
    "met_bevindingen": _gevuld(Klacht.bevindingen),
    "met_conclusies": _gevuld(Klacht.conclusies),
}


def lees(sessie: Session, *voorwaarden: ColumnElement[bool]) -> Iterator[tuple[str, Feiten]]:
    """(kenmerk, facts) of the complaints that meet ``voorwaarden``, in kenmerk order."""
    q = (
        select(Klacht.kenmerk, *(k.label(n) for n, k in _KOLOMMEN.items()))
        .where(*voorwaarden)
        .order_by(Klacht.jaar, Klacht.volgnummer)
    )
    # Through the connection, not the ORM session: plain rows, no ORM row handling.
    # That skips the session's autoflush, so flush what the unit of work changed first.
    sessie.flush()
    maak = Feiten._make
    for rij in sessie.connection().execute(q.execution_options(yield_per=5000)):
        yield rij[0], maak(rij[1:])


def ontvangen_in(sessie: Session, van: date, tot: date) -> list[tuple[str, Feiten]]:
    """(kenmerk, facts) of the complaints received from ``van`` up to and including ``tot``.

    ``kwaliteit toets`` asks several rules about the same period in one read-only
    unit of work: there the facts of a period are read once (kept in
    ``sessie.info``), so every rule judges the same state of the register and a
    national register is read once, not once per rule. A unit that writes reads
    them again every time, its own changes included.
    """
    waar = and_(Klacht.ontvangen >= van, Klacht.ontvangen <= tot)
    if _schrijft(sessie):
        return list(lees(sessie, waar))
    onthouden: dict[tuple[date, date], list[tuple[str, Feiten]]]
    onthouden = sessie.info.setdefault("klachten.feiten.ontvangen_in", {})
    if (van, tot) not in onthouden:
        onthouden[(van, tot)] = list(lees(sessie, waar))
    return onthouden[(van, tot)]


def _schrijft(sessie: Session) -> bool:
    # kwaliteit.db.Database.sessie marks the connection of a unit that may write.
    return bool(sessie.get_bind().get_execution_options().get("kwaliteit_schrijven", True))


class Verdagingen(NamedTuple):
    """A postponed complaint as the rule of 9:11 lid 2 and 3 reads it."""

    kenmerk: str
    eerste_termijn: date
    verdagingen: list[Verdagingfeit]


def verdagingen(sessie: Session, *voorwaarden: ColumnElement[bool]) -> Iterator[Verdagingen]:
    """The postponed complaints that meet ``voorwaarden``, in kenmerk order, each with
    its last day without postponement and its postponements in the order made."""
    q = (
        select(
            Klacht.kenmerk,
            Klacht.ontvangen,
            Klacht.termijn_weken,
            Verdaging.datum,
            Verdaging.weken,
            Verdaging.instemming_klager.is_not(None),
        )
        .join(Verdaging, Verdaging.klacht_id == Klacht.id)
        .where(*voorwaarden)
        .order_by(Klacht.jaar, Klacht.volgnummer, Verdaging.id)
    )
    huidige: Verdagingen | None = None
    for kenmerk, ontvangen, basisweken, datum, weken, instemming in sessie.execute(q):
        if huidige is None or huidige.kenmerk != kenmerk:
            if huidige is not None:
                yield huidige
            termijn = afhandeltermijn(ontvangen, weken=basisweken, verdaagd_weken=0)
            huidige = Verdagingen(kenmerk, termijn, [])
        huidige.verdagingen.append(Verdagingfeit(datum, weken, bool(instemming)))
    if huidige is not None:
        yield huidige
