"""The klachtenregister as live evidence: figures computed from the register, never typed in.

Each indicator belongs to a norm of a kader (by code and ref) and is computed in
SQL over the twelve months up to the peildatum. An indicator with no complaints
to count in that period is shown, but does not cover its norm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from klachten.modellen import Klacht
from klachten.waarden import OORDEELUITKOMSTEN, Kanaal, Status, Uitkomst


@dataclass(frozen=True)
class Registerbewijs:
    """One figure from the register for one norm."""

    indicator: str
    omschrijving: str
    van: date
    tot: date
    teller: int
    noemer: int

    @property
    def dekt(self) -> bool:
        return self.noemer > 0

    @property
    def percentage(self) -> float | None:
        return round(100 * self.teller / self.noemer, 1) if self.noemer else None

    def als_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "omschrijving": self.omschrijving,
            "periode": {"van": self.van.isoformat(), "tot": self.tot.isoformat()},
            "teller": self.teller,
            "noemer": self.noemer,
            "percentage": self.percentage,
            "dekt": self.dekt,
        }


_SCHRIFTELIJK = [k.value for k in Kanaal if k.schriftelijk]
_OORDELEN = [u.value for u in OORDEELUITKOMSTEN]


def _telling(
    sessie: Session, waar: ColumnElement[bool], voldaan: ColumnElement[bool]
) -> tuple[int, int]:
    rij = sessie.execute(select(func.count(case((voldaan, 1))), func.count()).where(waar)).one()
    return int(rij[0]), int(rij[1])


def _ontvangen(van: date, tot: date) -> ColumnElement[bool]:
    return and_(Klacht.ontvangen > van, Klacht.ontvangen <= tot)


def _afgehandeld(van: date, tot: date) -> ColumnElement[bool]:
    return and_(
        Klacht.status == Status.GESLOTEN, Klacht.afgehandeld > van, Klacht.afgehandeld <= tot
    )


Berekening = Callable[[Session, date, date], tuple[int, int]]


def _bevestigd(s: Session, van: date, tot: date) -> tuple[int, int]:
    waar = and_(_ontvangen(van, tot), Klacht.kanaal.in_(_SCHRIFTELIJK))
    return _telling(s, waar, Klacht.bevestigd.is_not(None))


def _oordelen(van: date, tot: date) -> ColumnElement[bool]:
    return and_(_afgehandeld(van, tot), Klacht.uitkomst.in_(_OORDELEN))


def _schriftelijke_oordelen(van: date, tot: date) -> ColumnElement[bool]:
    return and_(_oordelen(van, tot), Klacht.kanaal.in_(_SCHRIFTELIJK))


INDICATOREN: dict[tuple[str, str], tuple[str, str, Berekening]] = {
    ("awb-h9", "9:2"): (
        "registratie",
        "klachten geregistreerd, mondeling en schriftelijk (aantal)",
        lambda s, v, t: _telling(s, _ontvangen(v, t), Klacht.id.is_not(None)),
    ),
    ("awb-h9", "9:6"): (
        "ontvangstbevestiging",
        "schriftelijke klachten met een ontvangstbevestiging",
        _bevestigd,
    ),
    ("awb-h9", "9:7"): (
        "onafhankelijke-behandelaar",
        "oordelen met een aangewezen behandelaar die niet de beklaagde is",
        lambda s, v, t: _telling(s, _oordelen(v, t), Klacht.behandelaar.is_not(None)),
    ),
    ("awb-h9", "9:8"): (
        "melding-9-8-op-tijd",
        "klachten niet in behandeling genomen met mededeling binnen vier weken",
        lambda s, v, t: _telling(
            s,
            and_(_afgehandeld(v, t), Klacht.uitkomst == Uitkomst.NIET_IN_BEHANDELING),
            Klacht.binnen_termijn.is_(True),
        ),
    ),
    ("awb-h9", "9:9"): (
        "afschrift-beklaagde",
        "schriftelijke klachten met een oordeel waarvan de beklaagde een afschrift kreeg",
        lambda s, v, t: _telling(s, _schriftelijke_oordelen(v, t), Klacht.afschrift.is_not(None)),
    ),
    ("awb-h9", "9:10"): (
        "horen",
        "schriftelijke klachten met een oordeel waarbij is gehoord of een grond is vastgelegd om daarvan af te zien",
        lambda s, v, t: _telling(
            s,
            _schriftelijke_oordelen(v, t),
            Klacht.gehoord.is_not(None) | Klacht.afzien_horen.is_not(None),
        ),
    ),
    ("awb-h9", "9:11"): (
        "binnen-termijn",
        "klachten afgehandeld binnen de (verdaagde) termijn",
        lambda s, v, t: _telling(
            s,
            and_(_afgehandeld(v, t), Klacht.binnen_termijn.is_not(None)),
            Klacht.binnen_termijn.is_(True),
        ),
    ),
    ("awb-h9", "9:12"): (
        "oordeel-met-bevindingen",
        "oordelen met bevindingen en conclusies",
        lambda s, v, t: _telling(
            s,
            _oordelen(v, t),
            Klacht.bevindingen.is_not(None) & Klacht.conclusies.is_not(None),
        ),
    ),
    ("awb-h9", "9:12a"): (
        "jaaroverzicht",
        "klachten in het register voor het jaaroverzicht (kwaliteit klacht overzicht)",
        lambda s, v, t: _telling(s, _ontvangen(v, t), Klacht.id.is_not(None)),
    ),
    ("wmo2015-h3", "3.2"): (
        "klachtenregeling-in-gebruik",
        "klachten behandeld volgens de klachtenregeling (afgehandeld in de periode)",
        lambda s, v, t: _telling(s, _afgehandeld(v, t), Klacht.uitkomst.is_not(None)),
    ),
}


def periode(peildatum: date) -> tuple[date, date]:
    """The twelve months up to and including the peildatum."""
    return peildatum - relativedelta(years=1), peildatum


def registerbewijs(sessie: Session, kader: str, ref: str, peildatum: date) -> Registerbewijs | None:
    gevonden = INDICATOREN.get((kader, ref))
    if gevonden is None:
        return None
    naam, omschrijving, bereken = gevonden
    van, tot = periode(peildatum)
    teller, noemer = bereken(sessie, van, tot)
    return Registerbewijs(naam, omschrijving, van, tot, teller, noemer)
