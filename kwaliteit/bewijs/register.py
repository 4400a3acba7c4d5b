"""The klachtenregister as live evidence: figures computed from the register, never typed in.

Each indicator belongs to a norm of a kader (by code and ref) and counts one rule
of ``klachten.regels`` over the twelve months up to the peildatum: the complaints
the rule applies to are the denominator, those that keep it the numerator. An
indicator with no complaints to count in that period is shown, but does not
cover its norm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NamedTuple

from dateutil.relativedelta import relativedelta
from sqlalchemy import and_, or_
from sqlalchemy.orm import Session

from klachten import feiten, regels
from klachten.modellen import Klacht
from klachten.waarden import Status


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


class Indicator(NamedTuple):
    """A register figure: the rule it counts, and which complaints of the period it looks at."""

    naam: str
    omschrijving: str
    regel: regels.Regel
    # "ontvangen": the complaints received in the period; "afgehandeld": those closed in it.
    basis: Literal["ontvangen", "afgehandeld"]


# Which complaints each figure counts, and why: docs/regels.md.
INDICATOREN: dict[tuple[str, str], Indicator] = {
    ("awb-h9", "9:2"): Indicator(
        "registratie",
        "klachten geregistreerd, mondeling en schriftelijk (aantal)",
        regels.GEREGISTREERD,
        "ontvangen",
    ),
    ("awb-h9", "9:6"): Indicator(
        "ontvangstbevestiging",
        "schriftelijke klachten met een ontvangstbevestiging",
        regels.ONTVANGSTBEVESTIGING,
        "ontvangen",
    ),
    ("awb-h9", "9:7"): Indicator(
        "onafhankelijke-behandelaar",
        "oordelen met een aangewezen behandelaar die niet de beklaagde is",
        regels.ONAFHANKELIJKE_BEHANDELAAR,
        "afgehandeld",
    ),
    ("awb-h9", "9:8"): Indicator(
        "melding-9-8-op-tijd",
        "klachten niet in behandeling genomen met mededeling binnen vier weken",
        regels.MELDING_9_8,
        "afgehandeld",
    ),
    ("awb-h9", "9:9"): Indicator(
        "afschrift-beklaagde",
        "schriftelijke klachten met een oordeel waarvan de beklaagde een afschrift kreeg",
        regels.AFSCHRIFT,
        "afgehandeld",
    ),
    ("awb-h9", "9:10"): Indicator(
        "horen",
        "schriftelijke klachten met een oordeel waarbij is gehoord of een grond is vastgelegd om daarvan af te zien",
        regels.HOREN,
        "afgehandeld",
    ),
    ("awb-h9", "9:11"): Indicator(
        "binnen-termijn",
        "klachten afgehandeld binnen de (verdaagde) termijn",
        regels.BINNEN_AFHANDELTERMIJN,
        "afgehandeld",
    ),
    ("awb-h9", "9:12"): Indicator(
        "oordeel-met-bevindingen",
        "oordelen met bevindingen en conclusies",
        regels.OORDEEL_MET_BEVINDINGEN,
        "afgehandeld",
    ),
    ("awb-h9", "9:12a"): Indicator(
        "jaaroverzicht",
        "klachten in het register voor het jaaroverzicht (kwaliteit klacht overzicht)",
        regels.GEREGISTREERD,
        "ontvangen",
    ),
    ("wmo2015-h3", "3.2"): Indicator(
        "klachtenregeling-in-gebruik",
        "klachten behandeld volgens de klachtenregeling (afgehandeld in de periode)",
        regels.KLACHTENREGELING,
        "afgehandeld",
    ),
}


def periode(peildatum: date) -> tuple[date, date]:
    """The twelve months up to and including the peildatum."""
    return peildatum - relativedelta(years=1), peildatum


def registerbewijzen(
    sessie: Session, kader: str, refs: Iterable[str], peildatum: date
) -> dict[str, Registerbewijs]:
    """The figures for those norms of ``kader`` that have one, read in one pass.

    The period is the twelve months up to the peildatum, ``van < datum <= tot``: a
    complaint received (or closed) exactly a year before the peildatum falls outside.
    """
    gevraagd = {ref: INDICATOREN[(kader, ref)] for ref in refs if (kader, ref) in INDICATOREN}
    if not gevraagd:
        return {}
    van, tot = periode(peildatum)
    tellingen = {ref: [0, 0] for ref in gevraagd}  # ref -> [teller, noemer]
    # Every complaint received or closed in the period, once; each figure takes its own.
    in_periode = or_(
        and_(Klacht.ontvangen > van, Klacht.ontvangen <= tot),
        and_(Klacht.status == Status.GESLOTEN, Klacht.afgehandeld > van, Klacht.afgehandeld <= tot),
    )
    for _, f in feiten.lees(sessie, in_periode):
        datums = {
            "ontvangen": f.ontvangen,
            "afgehandeld": f.afgehandeld if f.gesloten else None,
        }
        for ref, indicator in gevraagd.items():
            dag = datums[indicator.basis]
            if dag is None or not van < dag <= tot or not indicator.regel.geldt(f):
                continue
            telling = tellingen[ref]
            telling[1] += 1
            telling[0] += indicator.regel.voldaan(f)
    return {
        ref: Registerbewijs(i.naam, i.omschrijving, van, tot, *tellingen[ref])
        for ref, i in gevraagd.items()
    }


def registerbewijs(sessie: Session, kader: str, ref: str, peildatum: date) -> Registerbewijs | None:
    """The figure for one norm, or None when the register has none for it."""
    return registerbewijzen(sessie, kader, [ref], peildatum).get(ref)
