"""Turning what users type (CLI options, CSV cells) into checked values.

Every function raises ``OngeldigeKlacht`` with a message that names the field,
the value, and what is allowed; the CLI and the CSV importer share them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

import kwaliteit.keuzes as keuzes
from klachten.fouten import OngeldigeKlacht
from klachten.termijnen import afhandelweken
from klachten.velden import MAX_OMSCHRIJVING, REGISTRATIEVELDEN, VELD, Veld
from klachten.waarden import BeklaagdeSoort, Kanaal, Regime
from kwaliteit.fouten import InvoerFout
from kwaliteit.organisatie import LIJST, Profiel
from kwaliteit.tijd import parse_datum

KENMERK = re.compile(r"^K-(\d{4})-(\d{4,})$")

E = TypeVar("E", bound=StrEnum)

# Limits of the procedure's texts (the registration fields have theirs in klachten.velden).
MAX_LENGTE = {
    "behandelaar": 200,
    "naar": 200,
    "wijze": 200,
}


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
    """The registration fields of a complaint, already checked one by one.

    ``termijn_weken`` is the afhandeltermijn that applies to it (the law's, or the
    organisation's own shorter one), fixed at registration: a later change of the
    klachtenregeling does not move the deadlines of complaints already received.
    """

    ontvangen: date
    kanaal: Kanaal
    omschrijving: str
    gedraging: date | None = None
    beklaagde: str | None = None
    beklaagde_soort: BeklaagdeSoort | None = None
    wijk: str | None = None
    team: str | None = None
    aanbieder: str | None = None
    regime: Regime = Regime.AWB
    categorie: str | None = None
    adviescommissie: bool = False
    klager_naam: str | None = None
    klager_contact: str | None = None
    termijn_weken: int | None = None  # None: the law's term (6 weeks, 10 with commissie)

    @property
    def weken(self) -> int:
        """The base afhandeltermijn in weeks."""
        if self.termijn_weken is not None:
            return self.termijn_weken
        return afhandelweken(adviescommissie=self.adviescommissie)


class Registratieregels:
    """How typed registration values become checked values, for one organisation profile.

    Every field is read through its ``klachten.velden.Veld``: dates, texts with their
    length limit, a vocabulary the law fixes (an enum) or a list of the organisation
    profile (free text while that list is empty). Made once per command (an import
    checks every row with one instance).
    """

    def __init__(self, profiel: Profiel) -> None:
        self.profiel = profiel
        self._lijstwaarden: dict[tuple[str, str], str] = {}

    # -- one field -------------------------------------------------------------------

    def waarde(self, veld: Veld, tekst: str | None) -> object:
        """The checked value of ``veld`` (None when empty and not required)."""
        if veld.soort == "vlag":
            raise TypeError(f"{veld.naam} is een vlag")
        leeg = tekst is None or not tekst.strip()
        if leeg:
            if veld.verplicht:
                raise OngeldigeKlacht(f"{veld.label} is verplicht en mag niet leeg zijn.")
            return None
        assert tekst is not None
        if veld.soort == "datum":
            return _datum_onthouden(tekst, veld.label)
        if veld.woordenlijst is not None:
            return _keuze_onthouden(veld.woordenlijst, tekst, veld.label)
        waarde = _tekst(tekst, veld)
        if veld.profiellijst is not None:
            return self._uit_profiel(veld, waarde)
        return waarde

    def _uit_profiel(self, veld: Veld, waarde: str) -> str:
        assert veld.profiellijst is not None
        lijst = self.profiel.lijst(veld.profiellijst)
        if not lijst:
            return " ".join(waarde.split())  # no list yet: free text
        sleutel = (veld.profiellijst, waarde)
        gevonden = self._lijstwaarden.get(sleutel)
        if gevonden is None:
            gevonden = self.profiel.zoek(veld.profiellijst, waarde)
            if gevonden is None:
                soort = LIJST[veld.profiellijst]
                raise OngeldigeKlacht(
                    f"{veld.label}: '{waarde}' staat niet in het organisatieprofiel; kies "
                    f"{keuzes.opsomming(list(lijst))}, of voeg de {soort.enkelvoud} toe met: "
                    f"kwaliteit organisatie stel-in --{soort.enkelvoud}-erbij '{waarde}'."
                )
            self._lijstwaarden[sleutel] = gevonden
        return gevonden

    # -- a whole registration ----------------------------------------------------------

    def nieuwe_klacht(
        self, invoer: Mapping[str, str | None], *, adviescommissie: bool | None = None
    ) -> NieuweKlacht:
        """Check every field; raise one ``OngeldigeKlacht`` listing all that is wrong.

        ``invoer``: the typed text per field name (``klachten.velden``); an absent or
        empty field takes the profile's default (regime, categorie) or stays empty.
        ``adviescommissie`` None: as the klachtenregeling says.
        """
        fouten: list[str] = []
        waarden: dict[str, object] = {}
        for veld in _TEKSTVELDEN:
            try:
                waarden[veld.naam] = self.waarde(veld, invoer.get(veld.naam))
            except OngeldigeKlacht as e:
                fouten.append(e.melding)
        if fouten:
            raise OngeldigeKlacht(fouten[0], details=fouten)
        regeling = self.profiel.klachtenregeling
        if waarden["regime"] is None:
            waarden["regime"] = Regime(regeling.standaard_regime)
        if waarden["categorie"] is None and self.profiel.standaard_categorie:
            waarden["categorie"] = self.profiel.standaard_categorie
        commissie = regeling.klachtadviescommissie if adviescommissie is None else adviescommissie
        return NieuweKlacht(
            adviescommissie=commissie,
            termijn_weken=afhandelweken(
                adviescommissie=commissie, eigen_termijn=regeling.afhandeltermijn_weken
            ),
            **waarden,  # type: ignore[arg-type]
        )

    def wijziging(self, opgegeven: Mapping[str, str | None]) -> dict[str, object]:
        """Parse the fields a user wants to correct (None: leave as it is; '' clears)."""
        fouten: list[str] = []
        uit: dict[str, object] = {}
        for naam, tekst in opgegeven.items():
            if tekst is None:
                continue
            veld = VELD[naam]
            try:
                if veld.woordenlijst is Regime and not tekst.strip():
                    raise OngeldigeKlacht("regime mag niet leeg zijn; kies een regime.")
                uit[naam] = self.waarde(veld, tekst)
            except OngeldigeKlacht as e:
                fouten.append(e.melding)
        if fouten:
            raise OngeldigeKlacht(fouten[0], details=fouten)
        if not uit:
            raise OngeldigeKlacht(
                "Geef minstens één gegeven om te wijzigen, bijvoorbeeld --gedraging DATUM of "
                "--wijk WIJK."
            )
        return uit


# The fields read from text, in the order of the table (and of the messages).
_TEKSTVELDEN: tuple[Veld, ...] = tuple(v for v in REGISTRATIEVELDEN if v.soort != "vlag")


def _tekst(waarde: str, veld: Veld) -> str:
    schoon = waarde.strip()
    if "\x00" in schoon:
        # A NUL byte (from a broken or binary file) is no text; PostgreSQL can't store it.
        raise OngeldigeKlacht(f"{veld.label} bevat een NUL-teken (\\0); dat hoort niet in tekst.")
    grens = veld.max_lengte or MAX_OMSCHRIJVING
    if len(schoon) > grens:
        raise OngeldigeKlacht(
            f"{veld.label} is {len(schoon)} tekens lang; ten hoogste {grens} is toegestaan."
        )
    return schoon


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
