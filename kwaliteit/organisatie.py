"""The organisation profile: the organisation's own words, as data instead of code.

Which wijken, teams, partner organisations (aanbieders) and complaint categories an
organisation has, its klachtenregeling (own terms where shorter than the law's, a
klachtadviescommissie or not, the default regime), the retention choices the
Selectielijst leaves open, and the dossier's defaults. Values the law fixes (outcomes,
9:8 grounds, channels' written or oral nature, the regimes themselves) stay in code.

Every change is a new *version* of the whole profile (``kwaliteit.profielversies``): the
newest is in force, the earlier ones stay, and each version is an event in the audit
trail. This module is pure Python (no SQLAlchemy): the CLI builds its options from it. A new organisation starts with no profile at all (``Profiel()``): then the lists
are empty and those fields are free text; once a list is set, a value must come from it.
A value removed from a list stays valid on the complaints that already have it: only new
values are checked.

The file format (YAML, ``kwaliteit-organisatie/1``) is what ``kwaliteit organisatie
exporteer`` writes and ``importeer`` reads; every error is reported as ``bestand:regel``.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from kwaliteit.fouten import InvoerFout

FORMAAT = "kwaliteit-organisatie/1"

# The law's terms that an organisation's own regulation may only shorten (Awb 9:11 lid 1).
WETTELIJKE_AFHANDELTERMIJN_WEKEN = 6
# Atw art. 2:3: "onverwijld" has no number in the law; this is the default an
# organisation may change (see the README).
STANDAARD_DOORZENDTERMIJN_WERKDAGEN = 5
STANDAARD_DREMPEL = 5
MAX_TEKST = 200
MAX_LIJST = 500


class OngeldigProfiel(InvoerFout):
    """The profile (or a profile file) is not valid; ``details`` lists every error."""


@dataclass(frozen=True)
class Lijst:
    """One vocabulary of the profile: its key, its Dutch names, and its CLI option stem."""

    sleutel: str  # attribute of Profiel and key in the file
    enkelvoud: str  # "wijk"
    meervoud: str  # "wijken"


LIJSTEN: tuple[Lijst, ...] = (
    Lijst("wijken", "wijk", "wijken"),
    Lijst("teams", "team", "teams"),
    Lijst("aanbieders", "aanbieder", "aanbieders"),
    Lijst("categorieen", "categorie", "categorieën"),
)
LIJST: dict[str, Lijst] = {lijst.sleutel: lijst for lijst in LIJSTEN}


def _veld(standaard: Any, hulp: str) -> Any:
    """A profile field with its Dutch help: the file's comments and the CLI options use it."""
    if isinstance(standaard, type):
        return field(default_factory=standaard, metadata={"hulp": hulp})
    return field(default=standaard, metadata={"hulp": hulp})


@dataclass(frozen=True)
class Klachtenregeling:
    """The organisation's own complaint regulation, within what the law allows."""

    naam: str = _veld("", "De naam van de klachtenregeling.")
    afhandeltermijn_weken: int | None = _veld(
        None,
        "Een eigen afhandeltermijn in weken, alleen korter dan de wet (6 weken, 10 met "
        "klachtadviescommissie; Awb 9:11); leeg: de wettelijke termijn.",
    )
    klachtadviescommissie: bool = _veld(
        False, "Klachten worden behandeld met een klachtadviescommissie (Awb afd. 9.1.3)."
    )
    standaard_regime: str = _veld("awb", "Het regime van een klacht als er geen is opgegeven.")
    doorzendtermijn_werkdagen: int = _veld(
        STANDAARD_DOORZENDTERMIJN_WERKDAGEN,
        "Binnen hoeveel werkdagen 'onverwijld' doorzenden (Awb 2:3) moet gebeuren.",
    )


@dataclass(frozen=True)
class Bewaartermijnen:
    """Retention in years where the Selectielijst gemeenten (procestype 13) leaves a choice.

    Fixed by the Selectielijst and not here: afgehandeld 5, via de ombudsman 10,
    niet-ontvankelijk and afgebroken (ingetrokken) 1. Doorgestuurd and niet in behandeling
    are not named there: 5 years by default (the klager may still go to the ombudsman).
    """

    doorgestuurd: int = _veld(5, "Jaren bewaren na doorsturen.")
    niet_in_behandeling: int = _veld(5, "Jaren bewaren na niet in behandeling nemen (Awb 9:8).")


@dataclass(frozen=True)
class Dossierinstellingen:
    organisatienaam: str = _veld("", "De naam op het voorblad van het dossier (leeg: de naam).")
    drempel: int = _veld(
        STANDAARD_DREMPEL, "Aantallen kleiner dan dit worden in het dossier verborgen."
    )


@dataclass(frozen=True)
class Reikwijdte:
    """Scope and context for the dossier (Kwaliteitslabel: what the label covers)."""

    diensten: tuple[str, ...] = _veld(
        (), "De diensten waarop het kwaliteitslabel betrekking heeft."
    )
    locaties: tuple[str, ...] = _veld((), "De locaties.")
    medewerkers: str = _veld("", "Wie er werken, bijvoorbeeld 'ca. 110 professionals'.")
    uitsluitingen: tuple[str, ...] = _veld((), "Wat buiten de reikwijdte valt.")


@dataclass(frozen=True)
class Profiel:
    naam: str = _veld("", "De organisatie zoals zij in brieven en het dossier heet.")
    rechtsvorm: str = _veld("", "Bijvoorbeeld: gemeente, stichting, vereniging.")
    gemeente: str = _veld("", "De gemeente waarin of waarvoor de organisatie werkt.")
    adres: tuple[str, ...] = _veld((), "Het adres voor het briefhoofd, één regel per element.")
    ondertekenaar: str = _veld("", "Wie de brieven ondertekent: naam en functie.")
    wijken: tuple[str, ...] = _veld(
        (),
        "De wijken of locaties. Leeg: 'wijk' is vrije tekst. Een waarde die later "
        "weggaat, blijft geldig bij de klachten die haar al hebben.",
    )
    teams: tuple[str, ...] = _veld((), "De teams. Leeg: 'team' is vrije tekst.")
    aanbieders: tuple[str, ...] = _veld(
        (), "De partnerorganisaties (aanbieders). Leeg: 'aanbieder' is vrije tekst."
    )
    categorieen: tuple[str, ...] = _veld(
        (), "De klachtcategorieën. Leeg: 'categorie' is vrije tekst."
    )
    standaard_categorie: str = _veld(
        "", "De categorie als er bij registratie geen is opgegeven (leeg: geen)."
    )
    klachtenregeling: Klachtenregeling = _veld(Klachtenregeling, "De eigen klachtenregeling.")
    bewaartermijnen: Bewaartermijnen = _veld(
        Bewaartermijnen,
        "Bewaartermijnen in jaren waar de Selectielijst gemeenten (procestype 13) ruimte "
        "laat. Vast en hier niet in te stellen: afgehandeld 5, via de ombudsman 10, "
        "niet-ontvankelijk en ingetrokken 1.",
    )
    dossier: Dossierinstellingen = _veld(Dossierinstellingen, "Het certificeringsdossier.")
    reikwijdte: Reikwijdte = _veld(
        Reikwijdte, "Reikwijdte en context voor het dossier: diensten, locaties, medewerkers."
    )

    # -- vocabularies ------------------------------------------------------------------

    def lijst(self, sleutel: str) -> tuple[str, ...]:
        waarden: tuple[str, ...] = getattr(self, LIJST[sleutel].sleutel)
        return waarden

    def zoek(self, sleutel: str, tekst: str) -> str | None:
        """The profile's spelling of ``tekst`` in list ``sleutel`` (see ``normaliseer``)."""
        gezocht = normaliseer(tekst)
        return next((w for w in self.lijst(sleutel) if normaliseer(w) == gezocht), None)

    @property
    def dossiernaam(self) -> str:
        return self.dossier.organisatienaam or self.naam

    # -- storage -----------------------------------------------------------------------

    def als_dict(self) -> dict[str, Any]:
        """The profile as plain data (lists, not tuples): JSON and YAML."""
        uit: dict[str, Any] = _als_lijsten(asdict(self))
        return uit

    @classmethod
    def uit_dict(cls, gegevens: Mapping[str, Any]) -> Profiel:
        """From ``als_dict``'s shape (already validated); unknown keys are an error."""
        delen = {
            "klachtenregeling": Klachtenregeling,
            "bewaartermijnen": Bewaartermijnen,
            "dossier": Dossierinstellingen,
            "reikwijdte": Reikwijdte,
        }
        waarden: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in gegevens:
                continue
            waarde = gegevens[f.name]
            if f.name in delen:
                waarde = delen[f.name](**_als_tupels(waarde))
            elif isinstance(waarde, list):
                waarde = tuple(waarde)
            waarden[f.name] = waarde
        return cls(**waarden)

    def canoniek(self) -> str:
        return json.dumps(
            self.als_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canoniek().encode("utf-8")).hexdigest()


def _als_lijsten(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {k: _als_lijsten(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_als_lijsten(v) for v in waarde]
    return waarde


def _als_tupels(waarde: Mapping[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in waarde.items()}


def normaliseer(tekst: str) -> str:
    """How a typed value is matched to a profile value: case, spaces and accents ignored."""
    zonder_accenten = "".join(
        c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
    )
    return " ".join(zonder_accenten.split()).casefold()


# -- validation ------------------------------------------------------------------------


def _schoon(tekst: str) -> str:
    return " ".join(tekst.split())


Pad = tuple[str | int, ...]


def problemen(profiel: Profiel, *, regimes: Sequence[str]) -> list[tuple[Pad, str]]:
    """Every rule the profile breaks: where (a path in the file's data) and what, in Dutch.

    ``regimes``: the regimes the program knows (klachten.waarden.Regime), passed in so
    this foundation module knows no domain.
    """
    uit: list[tuple[Pad, str]] = []
    for naam in ("naam", "rechtsvorm", "gemeente", "ondertekenaar", "standaard_categorie"):
        waarde: str = getattr(profiel, naam)
        if len(waarde) > MAX_TEKST:
            uit.append(((naam,), f"is {len(waarde)} tekens lang; ten hoogste {MAX_TEKST}"))
    for lijst in LIJSTEN:
        waarden = profiel.lijst(lijst.sleutel)
        if len(waarden) > MAX_LIJST:
            uit.append(((lijst.sleutel,), f"ten hoogste {MAX_LIJST} waarden"))
        gezien: dict[str, str] = {}
        for i, w in enumerate(waarden):
            plek: Pad = (lijst.sleutel, i)
            if not w.strip():
                uit.append((plek, "een lege waarde is niet toegestaan"))
            elif len(w) > MAX_TEKST:
                uit.append((plek, f"'{w[:40]}…' is langer dan {MAX_TEKST} tekens"))
            elif "\x00" in w:
                uit.append((plek, f"'{w}' bevat een NUL-teken"))
            sleutel = normaliseer(w)
            if sleutel in gezien:
                uit.append(
                    (
                        plek,
                        f"'{w}' staat er al als '{gezien[sleutel]}' (hoofdletters, spaties "
                        "en accenten tellen niet)",
                    )
                )
            gezien[sleutel] = w
    standaard = profiel.standaard_categorie
    if standaard and profiel.categorieen and profiel.zoek("categorieen", standaard) is None:
        uit.append(
            (
                ("standaard_categorie",),
                f"'{standaard}' staat niet in de categorieën ({', '.join(profiel.categorieen)})",
            )
        )
    regeling = profiel.klachtenregeling
    termijn = regeling.afhandeltermijn_weken
    wettelijk = 10 if regeling.klachtadviescommissie else WETTELIJKE_AFHANDELTERMIJN_WEKEN
    if termijn is not None and not 1 <= termijn <= wettelijk:
        uit.append(
            (
                ("klachtenregeling", "afhandeltermijn_weken"),
                f"{termijn} weken; een eigen termijn mag de wettelijke ({wettelijk} weken, "
                "Awb 9:11 lid 1"
                + (" en 9:14" if regeling.klachtadviescommissie else "")
                + f") alleen korter maken: kies 1 tot en met {wettelijk}, of laat haar weg "
                "voor de wettelijke termijn",
            )
        )
    if regeling.standaard_regime not in regimes:
        uit.append(
            (
                ("klachtenregeling", "standaard_regime"),
                f"'{regeling.standaard_regime}' is onbekend; kies {', '.join(regimes)}",
            )
        )
    if not 0 <= regeling.doorzendtermijn_werkdagen <= 20:
        uit.append(
            (
                ("klachtenregeling", "doorzendtermijn_werkdagen"),
                f"moet 0 tot en met 20 zijn (niet {regeling.doorzendtermijn_werkdagen})",
            )
        )
    for naam in ("doorgestuurd", "niet_in_behandeling"):
        jaren: int = getattr(profiel.bewaartermijnen, naam)
        if not 1 <= jaren <= 20:
            uit.append(
                (("bewaartermijnen", naam), f"moet 1 tot en met 20 jaar zijn (niet {jaren})")
            )
    if not 1 <= profiel.dossier.drempel <= 100:
        uit.append(
            (("dossier", "drempel"), f"moet 1 tot en met 100 zijn (niet {profiel.dossier.drempel})")
        )
    return uit


def plek(pad: Pad) -> str:
    """``klachtenregeling.afhandeltermijn_weken``, ``wijken[2]``: a path as users read it."""
    tekst = ""
    for stap in pad:
        tekst += f"[{stap + 1}]" if isinstance(stap, int) else f".{stap}"
    return tekst.lstrip(".")


def controleer(profiel: Profiel, *, regimes: Sequence[str]) -> list[str]:
    """Every rule the profile breaks, as ``veld: melding`` (empty when valid)."""
    return [f"{plek(pad)}: {melding}" for pad, melding in problemen(profiel, regimes=regimes)]


def wijzig(
    profiel: Profiel,
    *,
    velden: Mapping[str, Any] | None = None,
    erbij: Mapping[str, Iterable[str]] | None = None,
    eraf: Mapping[str, Iterable[str]] | None = None,
) -> Profiel:
    """A copy with top-level or ``deel.veld`` values replaced and list values added/removed.

    Removing a value that is not in the list is an error (a typo would otherwise pass
    unnoticed); adding one that is already there (by ``normaliseer``) is a no-op.
    """
    fouten: list[str] = []
    gegevens = profiel.als_dict()
    for sleutel, waarde in (velden or {}).items():
        deel, _, veld = sleutel.partition(".")
        if veld:
            gegevens[deel][veld] = list(waarde) if isinstance(waarde, tuple) else waarde
        else:
            gegevens[deel] = list(waarde) if isinstance(waarde, tuple) else waarde
    for sleutel, nieuwe in (erbij or {}).items():
        lijst = gegevens[sleutel]
        for waarde in nieuwe:
            waarde = _schoon(waarde)
            if waarde and all(normaliseer(w) != normaliseer(waarde) for w in lijst):
                lijst.append(waarde)
    for sleutel, weg in (eraf or {}).items():
        lijst = gegevens[sleutel]
        for waarde in weg:
            treffers = [w for w in lijst if normaliseer(w) == normaliseer(waarde)]
            if not treffers:
                fouten.append(
                    f"{LIJST[sleutel].enkelvoud} '{waarde}' staat niet in het profiel; er is "
                    f"niets verwijderd. Nu: {', '.join(lijst) or '(leeg)'}."
                )
            for t in treffers:
                lijst.remove(t)
    if fouten:
        raise OngeldigProfiel(fouten[0], details=fouten)
    return Profiel.uit_dict(gegevens)


__all__ = [
    "FORMAAT",
    "LIJST",
    "LIJSTEN",
    "Bewaartermijnen",
    "Dossierinstellingen",
    "Klachtenregeling",
    "Lijst",
    "OngeldigProfiel",
    "Profiel",
    "Reikwijdte",
    "controleer",
    "normaliseer",
    "plek",
    "problemen",
    "wijzig",
]
