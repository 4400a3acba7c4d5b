"""The registration fields of a complaint, each described once.

One ``Veld`` per field: its name (attribute, database column, JSON key and CSV column),
its Dutch label, the CLI option and help, where its allowed values come from (a
vocabulary the law fixes, in code, or a list of the organisation profile), its length
limit and whether it is personal data or free text. The CLI options of ``klacht
registreer`` and ``klacht wijzig``, the CSV import and export columns, the JSON output,
the help texts and the database's CHECK constraints are all derived from this table;
``tests`` check that nothing else lists the fields.

Pure Python (no SQLAlchemy), so the CLI can build its options at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from klachten.waarden import BeklaagdeSoort, Kanaal, Regime

Soort = Literal["datum", "tekst", "keuze", "vlag"]

DATUMHULP = "jjjj-mm-dd of dd-mm-jjjj"
MAX_OMSCHRIJVING = 20_000


@dataclass(frozen=True)
class Veld:
    naam: str
    label: str
    soort: Soort
    metavar: str
    hulp: str
    # Where the allowed values of a 'keuze' field come from: a vocabulary the law fixes
    # (an enum in klachten.waarden, stored with a CHECK constraint) or a list in the
    # organisation profile (kwaliteit.organisatie; free text while that list is empty).
    woordenlijst: type[StrEnum] | None = None
    profiellijst: str | None = None
    max_lengte: int | None = None
    verplicht: bool = False  # must be given at registration
    klager: bool = False  # stored in the klager table (personal data)
    vrije_tekst: bool = False  # free text: may name people (removed by 'klacht opschonen')

    @property
    def optie(self) -> str:
        return "--" + self.naam.replace("_", "-")

    @property
    def kolom(self) -> str:
        """The CSV column (a header matches it regardless of case, spaces and dashes)."""
        return self.naam

    def keuzehulp(self) -> str:
        """The help text, with the allowed values where the law fixes them."""
        if self.woordenlijst is not None:
            from kwaliteit.keuzes import keuzes

            return f"{self.hulp}: {keuzes(self.woordenlijst)}."
        return self.hulp


REGISTRATIEVELDEN: tuple[Veld, ...] = (
    Veld(
        "ontvangen", "ontvangen", "datum", "DATUM", f"Datum van ontvangst ({DATUMHULP}).",
        verplicht=True,
    ),
    Veld(
        "kanaal", "kanaal", "keuze", "KANAAL", "Hoe de klacht binnenkwam",
        woordenlijst=Kanaal, verplicht=True,
    ),
    Veld(
        "omschrijving", "omschrijving", "tekst", "TEKST", "Waarover wordt geklaagd.",
        max_lengte=MAX_OMSCHRIJVING, verplicht=True, vrije_tekst=True,
    ),
    Veld(
        "gedraging", "gedraging", "datum", "DATUM",
        f"Datum van de gedraging waarover geklaagd wordt ({DATUMHULP}).",
    ),
    Veld(
        "beklaagde", "beklaagde", "tekst", "NAAM",
        "Over wie geklaagd wordt (medewerker, team of organisatie).",
        max_lengte=200, vrije_tekst=True,
    ),
    Veld(
        "beklaagde_soort", "beklaagde-soort", "keuze", "SOORT", "Soort beklaagde",
        woordenlijst=BeklaagdeSoort,
    ),
    Veld(
        "wijk", "wijk", "keuze", "WIJK", "De wijk of locatie (uit het organisatieprofiel).",
        profiellijst="wijken", max_lengte=200,
    ),
    Veld(
        "team", "team", "keuze", "TEAM", "Het team (uit het organisatieprofiel).",
        profiellijst="teams", max_lengte=200,
    ),
    Veld(
        "aanbieder", "aanbieder", "keuze", "ORGANISATIE",
        "De partnerorganisatie van de medewerker (uit het organisatieprofiel).",
        profiellijst="aanbieders", max_lengte=200,
    ),
    Veld(
        "regime", "regime", "keuze", "REGIME",
        "Welke klachtregels gelden; standaard die van de klachtenregeling",
        woordenlijst=Regime,
    ),
    Veld(
        "categorie", "categorie", "keuze", "CATEGORIE",
        "De klachtcategorie (uit het organisatieprofiel; standaard de standaardcategorie).",
        profiellijst="categorieen", max_lengte=200,
    ),
    Veld(
        "adviescommissie", "adviescommissie", "vlag", "",
        "Behandeling met klachtadviescommissie (termijn 10 weken); standaard volgens de "
        "klachtenregeling.",
    ),
    Veld(
        "klager_naam", "klager-naam", "tekst", "NAAM",
        "Naam van de klager (apart en beschermd bewaard).",
        max_lengte=200, klager=True,
    ),
    Veld(
        "klager_contact", "klager-contact", "tekst", "CONTACT",
        "Adres, e-mail of telefoon van de klager.",
        max_lengte=300, klager=True,
    ),
)  # fmt: skip

VELD: dict[str, Veld] = {v.naam: v for v in REGISTRATIEVELDEN}

# ``klacht wijzig`` may correct every registration field except the committee flag
# (it decides the term; a complaint is registered with or without it).
WIJZIGBARE_VELDEN: tuple[Veld, ...] = tuple(v for v in REGISTRATIEVELDEN if v.soort != "vlag")

# The columns of a CSV import, and of an export, in this order (kenmerk first).
IMPORTKOLOMMEN: tuple[str, ...] = ("kenmerk", *(v.kolom for v in REGISTRATIEVELDEN))
