"""Turning what users type (CLI options, CSV cells) into checked values.

Every function raises ``OngeldigeKlacht`` with a message that names the field,
the value, and what is allowed; the CLI and the CSV importer share them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

import kwaliteit.keuzes as keuzes
from klachten.fouten import OngeldigeKlacht
from klachten.waarden import (
    BeklaagdeSoort,
    Categorie,
    Kanaal,
    Regime,
    Wijk,
)
from kwaliteit.fouten import InvoerFout
from kwaliteit.tijd import parse_datum

KENMERK = re.compile(r"^K-(\d{4})-(\d{4,})$")

E = TypeVar("E", bound=StrEnum)

MAX_LENGTE = {
    "beklaagde": 200,
    "team": 200,
    "aanbieder": 200,
    "klager_naam": 200,
    "klager_contact": 300,
    "behandelaar": 200,
    "naar": 200,
    "wijze": 200,
}
MAX_OMSCHRIJVING = 20_000


def keuze(soort: type[E], tekst: str, veld: str) -> E:
    """One value of a vocabulary, by the one matching rule of ``kwaliteit.keuzes``
    (case, accents, spaces, dashes and underscores don't matter)."""
    return keuzes.keuze(soort, tekst, veld, OngeldigeKlacht)


def datum(tekst: str, veld: str) -> date:
    try:
        return parse_datum(tekst, veld)
    except InvoerFout as e:
        raise OngeldigeKlacht(e.melding) from None


def tekst(waarde: str | None, veld: str, *, verplicht: bool = False) -> str | None:
    schoon = waarde.strip() if waarde else ""
    if not schoon:
        if verplicht:
            raise OngeldigeKlacht(f"{veld} is verplicht en mag niet leeg zijn.")
        return None
    if "\x00" in schoon:
        # A NUL byte (from a broken or binary file) is no text; PostgreSQL can't store it.
        raise OngeldigeKlacht(f"{veld} bevat een NUL-teken (\\0); dat hoort niet in tekst.")
    grens = MAX_LENGTE.get(veld, MAX_OMSCHRIJVING)
    if len(schoon) > grens:
        raise OngeldigeKlacht(
            f"{veld} is {len(schoon)} tekens lang; ten hoogste {grens} is toegestaan."
        )
    return schoon


def kenmerk(tekst: str) -> str:
    """Normalise a kenmerk (``k-2023-1`` → ``K-2023-0001``) or refuse it."""
    waarde = tekst.strip().upper()
    m = KENMERK.match(waarde)
    if not m:
        kort = re.match(r"^K-(\d{4})-(\d{1,3})$", waarde)
        if kort:
            return f"K-{kort.group(1)}-{int(kort.group(2)):04d}"
        raise OngeldigeKlacht(
            f"'{tekst}' is geen kenmerk; een kenmerk ziet eruit als K-2023-0001 (jaar en volgnummer)."
        )
    # Leading zeros beyond four digits are dropped, as maak_kenmerk writes them.
    return maak_kenmerk(int(m.group(1)), int(m.group(2)))


def maak_kenmerk(jaar: int, volgnummer: int) -> str:
    return f"K-{jaar}-{volgnummer:04d}"


@dataclass(frozen=True, slots=True)
class NieuweKlacht:
    """The registration fields of a complaint, already checked one by one."""

    ontvangen: date
    kanaal: Kanaal
    omschrijving: str
    gedraging: date | None = None
    beklaagde: str | None = None
    beklaagde_soort: BeklaagdeSoort | None = None
    wijk: Wijk | None = None
    team: str | None = None
    aanbieder: str | None = None
    regime: Regime = Regime.AWB
    categorie: Categorie = Categorie.OVERIG
    adviescommissie: bool = False
    klager_naam: str | None = None
    klager_contact: str | None = None


def nieuwe_klacht(
    *,
    ontvangen: str,
    kanaal: str,
    omschrijving: str,
    gedraging: str | None = None,
    beklaagde: str | None = None,
    beklaagde_soort: str | None = None,
    wijk: str | None = None,
    team: str | None = None,
    aanbieder: str | None = None,
    regime: str | None = None,
    categorie: str | None = None,
    adviescommissie: bool = False,
    klager_naam: str | None = None,
    klager_contact: str | None = None,
) -> NieuweKlacht:
    """Check every field; raise one ``OngeldigeKlacht`` listing all that is wrong."""
    fouten: list[str] = []
    waarden: dict[str, object] = {}
    invoer = (
        ontvangen,
        kanaal,
        omschrijving,
        gedraging,
        beklaagde,
        beklaagde_soort,
        wijk,
        team,
        aanbieder,
        regime,
        categorie,
        klager_naam,
        klager_contact,
    )
    for (veld, maak), waarde in zip(_NIEUWE_VELDEN, invoer, strict=True):
        try:
            waarden[veld] = maak(waarde)
        except OngeldigeKlacht as e:
            fouten.append(e.melding)
    if fouten:
        raise OngeldigeKlacht(fouten[0], details=fouten)
    return NieuweKlacht(adviescommissie=adviescommissie, **waarden)  # type: ignore[arg-type]


T = TypeVar("T")


def _of_geen(waarde: str | None, maak: Callable[[str], T]) -> T | None:
    """Parse an optional field: empty means absent."""
    return maak(waarde) if waarde and waarde.strip() else None


# The fields of a new complaint with their parser, in the order of nieuwe_klacht's
# arguments (and of its messages). A table, not closures per call: an import runs
# this for every row.
_NIEUWE_VELDEN: tuple[tuple[str, Callable[[str | None], object]], ...] = (
    ("ontvangen", lambda t: _datum_onthouden(t or "", "ontvangen")),
    ("kanaal", lambda t: _keuze_onthouden(Kanaal, t or "", "kanaal")),
    ("omschrijving", lambda t: tekst(t, "omschrijving", verplicht=True)),
    ("gedraging", lambda t: _datum_onthouden(t, "gedraging") if t and t.strip() else None),
    ("beklaagde", lambda t: tekst(t, "beklaagde")),
    (
        "beklaagde_soort",
        lambda t: (
            _keuze_onthouden(BeklaagdeSoort, t, "beklaagde-soort") if t and t.strip() else None
        ),
    ),
    ("wijk", lambda t: _keuze_onthouden(Wijk, t, "wijk") if t and t.strip() else None),
    ("team", lambda t: tekst(t, "team")),
    ("aanbieder", lambda t: tekst(t, "aanbieder")),
    (
        "regime",
        lambda t: (
            (_keuze_onthouden(Regime, t, "regime") if t and t.strip() else None) or Regime.AWB
        ),
    ),
    (
        "categorie",
        lambda t: (
            (_keuze_onthouden(Categorie, t, "categorie") if t and t.strip() else None)
            or Categorie.OVERIG
        ),
    ),
    ("klager_naam", lambda t: tekst(t, "klager_naam")),
    ("klager_contact", lambda t: tekst(t, "klager_contact")),
)

# Cells an import has already parsed, per field: dates and vocabulary words repeat
# over thousands of rows. Only valid values are kept (a bad one raises each time, with
# its own message); bounded, and both functions are pure.
_ONTHOUDEN_MAX = 20_000
_datums: dict[tuple[str, str], date] = {}
_keuzes: dict[tuple[type[StrEnum], str, str], StrEnum] = {}


def _datum_onthouden(waarde: str, veld: str) -> date:
    sleutel = (waarde, veld)
    gevonden = _datums.get(sleutel)
    if gevonden is None:
        gevonden = datum(waarde, veld)
        if len(_datums) < _ONTHOUDEN_MAX:
            _datums[sleutel] = gevonden
    return gevonden


def _keuze_onthouden(soort: type[E], waarde: str, veld: str) -> E:
    sleutel = (soort, waarde, veld)
    gevonden = _keuzes.get(sleutel)
    if gevonden is None:
        gevonden = keuze(soort, waarde, veld)
        if len(_keuzes) < _ONTHOUDEN_MAX:
            _keuzes[sleutel] = gevonden
    return gevonden  # type: ignore[return-value]


# Registration fields ``klacht wijzig`` may correct, with their parser. An empty
# value clears an optional field.
WIJZIGBAAR: dict[str, Callable[[str], object]] = {
    "ontvangen": lambda t: datum(t, "ontvangen"),
    "kanaal": lambda t: keuze(Kanaal, t, "kanaal"),
    "omschrijving": lambda t: tekst(t, "omschrijving", verplicht=True),
    "gedraging": lambda t: _of_geen(t, lambda x: datum(x, "gedraging")),
    "beklaagde": lambda t: tekst(t, "beklaagde"),
    "beklaagde_soort": lambda t: _of_geen(t, lambda x: keuze(BeklaagdeSoort, x, "beklaagde-soort")),
    "wijk": lambda t: _of_geen(t, lambda x: keuze(Wijk, x, "wijk")),
    "team": lambda t: tekst(t, "team"),
    "aanbieder": lambda t: tekst(t, "aanbieder"),
    "regime": lambda t: keuze(Regime, t, "regime"),
    "categorie": lambda t: keuze(Categorie, t, "categorie"),
    "klager_naam": lambda t: tekst(t, "klager_naam"),
    "klager_contact": lambda t: tekst(t, "klager_contact"),
}


def registratiewijziging(opgegeven: dict[str, str | None]) -> dict[str, object]:
    """Parse the fields a user wants to correct (None: leave as it is)."""
    fouten: list[str] = []
    uit: dict[str, object] = {}
    for veld, waarde in opgegeven.items():
        if waarde is None:
            continue
        try:
            uit[veld] = WIJZIGBAAR[veld](waarde)
        except OngeldigeKlacht as e:
            fouten.append(e.melding)
    if fouten:
        raise OngeldigeKlacht(fouten[0], details=fouten)
    if not uit:
        raise OngeldigeKlacht(
            "Geef minstens één gegeven om te wijzigen, bijvoorbeeld --gedraging DATUM of --wijk WIJK."
        )
    return uit
