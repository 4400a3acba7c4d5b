"""Reproducible synthetic data for the benchmarks, and fast loading without the CLI.

Everything is drawn from ``random.Random(zaad)``, so the same seed and scale give the
same rows on every machine and on both databases. The register is loaded straight into
a migrated database (sqlite3 ``executemany`` or PostgreSQL ``COPY``), never through the
CLI: only the import that is being measured goes through ``kwaliteit klacht importeer``.

The rows follow the rules of the schema and of the procedure (see klachten/modellen.py,
klachten/procedure.py and migrations/versions/0001_klachtenregister.py): kenmerken
K-<jaar>-<nnnn> without gaps per year in order of receipt, the afhandeltermijn under the
Atw, closed complaints with the fields their uitkomst needs, binnen_termijn and
bewaren_tot as ``klacht sluit`` would set them, and verdagingen that extend the term.

The organisation's own words come from its profile (``PROFIEL``): the wijken, categories
and klachtenregeling of the WOT Schiedam example (demo/organisatie-wot-schiedam.yaml),
with teams and aanbieders at national scale (40 and 200). ``bench/run.py`` imports it
into every benchmark database first, so the measured import checks each cell against it
as a real organisation's would.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from klachten.invoer import maak_kenmerk
from klachten.termijnen import afhandeltermijn, afhandelweken, bewaartermijn, termijn_9_8
from klachten.velden import IMPORTKOLOMMEN
from klachten.waarden import (
    AfzienHoren,
    BeklaagdeSoort,
    Bestemmingssoort,
    Grond98,
    Kanaal,
    Regime,
    Uitkomst,
)
from kwaliteit import organisatie, organisatiebestand, profieldienst
from kwaliteit.organisatie import Profiel

VOORBEELDPROFIEL = Path(__file__).resolve().parents[1] / "demo" / "organisatie-wot-schiedam.yaml"

# The columns of the tables, in the order of the migrations (0001, 0002; 0004 added
# klacht.termijn_weken at the end).
KLACHT_KOLOMMEN: tuple[str, ...] = (
    "id",
    "kenmerk",
    "jaar",
    "volgnummer",
    "geregistreerd",
    "ontvangen",
    "kanaal",
    "gedraging",
    "omschrijving",
    "beklaagde",
    "beklaagde_soort",
    "wijk",
    "team",
    "aanbieder",
    "regime",
    "categorie",
    "adviescommissie",
    "status",
    "uiterste_datum",
    "behandelaar",
    "bevestigd",
    "afschrift",
    "gehoord",
    "hoorverslag",
    "afzien_horen",
    "uitkomst",
    "afgehandeld",
    "binnen_termijn",
    "bevindingen",
    "conclusies",
    "tevredenheid",
    "doorgestuurd_naar",
    "bestemming_soort",
    "klager_geinformeerd",
    "wijze_intrekking",
    "reden_niet_ontvankelijk",
    "grond_9_8",
    "ombudsman",
    "heropend",
    "bewaren_tot",
    "termijn_weken",
)
KLAGER_KOLOMMEN: tuple[str, ...] = ("klacht_id", "naam", "contact", "gepseudonimiseerd")
VERDAGING_KOLOMMEN: tuple[str, ...] = (
    "id",
    "klacht_id",
    "datum",
    "weken",
    "reden",
    "instemming_klager",
)
BEWIJSSTUK_KOLOMMEN: tuple[str, ...] = (
    "id",
    "kenmerk",
    "volgnummer",
    "titel",
    "soort",
    "eigenaar",
    "beschrijving",
    "geregistreerd",
)
BEWIJSVERSIE_KOLOMMEN: tuple[str, ...] = (
    "id",
    "bewijsstuk_id",
    "versie",
    "ingangsdatum",
    "geldig_tot",
    "bestandsnaam",
    "sha256",
    "toelichting",
    "toegevoegd",
)
NORMKOPPELING_KOLOMMEN: tuple[str, ...] = ("id", "bewijsstuk_id", "norm_id", "toelichting")
OORDEEL_KOLOMMEN: tuple[str, ...] = (
    "id",
    "ronde",
    "norm_id",
    "waarde",
    "toelichting",
    "door",
    "datum",
)
VERBETERACTIE_KOLOMMEN: tuple[str, ...] = (
    "id",
    "kenmerk",
    "volgnummer",
    "omschrijving",
    "eigenaar",
    "deadline",
    "status",
    "norm_id",
    "bevinding_id",
    "afgerond",
    "aangemaakt",
)

# The columns of the CSV import (klachten.velden), without the kenmerk: the import hands
# them out (comma dialect, ISO dates).
IMPORT_KOLOMMEN: tuple[str, ...] = tuple(k for k in IMPORTKOLOMMEN if k != "kenmerk")

JAREN_IN_REGISTER = 5
BATCH = 50_000

_OMSCHRIJVINGEN = (
    "Niet teruggebeld na aanmelding bij het wijkteam",
    "Onvriendelijk te woord gestaan aan de balie",
    "Beschikking Wmo te laat ontvangen",
    "Afspraak zonder bericht afgezegd",
    "Onduidelijke informatie over de eigen bijdrage",
    "Huishoudelijke hulp kwam niet opdagen",
    "Klacht over de bejegening door de consulent, ook na herhaald contact",
    "Gesprek over jeugdhulp verliep moeizaam; geen vervolgafspraak",
    "Dossier niet doorgestuurd naar de nieuwe consulent",
    "Wachttijd voor een keukentafelgesprek is te lang",
    "Brief bevatte fouten in naam en adres",
    "Verkeerde informatie over schuldhulpverlening gekregen",
)
_BEKLAAGDEN = (
    ("consulent wijkteam", BeklaagdeSoort.MEDEWERKER),
    ("medewerker balie", BeklaagdeSoort.MEDEWERKER),
    ("jeugdconsulent", BeklaagdeSoort.MEDEWERKER),
    ("wijkteam", BeklaagdeSoort.TEAM),
    ("team schuldhulp", BeklaagdeSoort.TEAM),
    ("de gemeente", BeklaagdeSoort.ORGANISATIE),
)
_AANBIEDERS = tuple(f"Aanbieder {i:03d}" for i in range(1, 201))
_TEAMS = tuple(f"Team {i:02d}" for i in range(1, 41))


def _profiel() -> Profiel:
    """The WOT Schiedam example profile, with the teams and aanbieders of national scale."""
    voorbeeld = profieldienst.lees(VOORBEELDPROFIEL)
    return organisatie.wijzig(voorbeeld, velden={"teams": _TEAMS, "aanbieders": _AANBIEDERS})


PROFIEL = _profiel()
_WIJKEN: tuple[str | None, ...] = (*PROFIEL.wijken, None)
_CATEGORIEEN = PROFIEL.categorieen


def schrijf_profiel(pad: Path) -> None:
    """``PROFIEL`` as the file ``kwaliteit organisatie importeer`` reads."""
    pad.write_text(organisatiebestand.schrijf(PROFIEL), encoding="utf-8")


_BEHANDELAARS = tuple(f"klachtbehandelaar {i:02d}" for i in range(1, 31))
_BESTEMMINGEN = (
    *((f"Zorgaanbieder {i:02d}", Bestemmingssoort.ZORGAANBIEDER) for i in range(1, 16)),
    ("Belastingdienst", Bestemmingssoort.BESTUURSORGAAN),
    ("UWV", Bestemmingssoort.BESTUURSORGAAN),
    ("Sociale Verzekeringsbank", Bestemmingssoort.BESTUURSORGAAN),
    ("Woningcorporatie", Bestemmingssoort.ANDERS),
)

# Relative frequencies (weights) of the vocabularies.
_KANALEN = (
    (Kanaal.BRIEF, 15),
    (Kanaal.EMAIL, 35),
    (Kanaal.WEBFORMULIER, 25),
    (Kanaal.TELEFOON, 20),
    (Kanaal.BALIE, 5),
)
_REGIMES = ((Regime.AWB, 40), (Regime.WMO, 30), (Regime.JEUGDWET, 20), (Regime.WKKGZ, 10))
_UITKOMSTEN = (
    (Uitkomst.GEGROND, 15),
    (Uitkomst.DEELS_GEGROND, 15),
    (Uitkomst.ONGEGROND, 25),
    (Uitkomst.GEEN_OORDEEL, 5),
    (Uitkomst.INFORMEEL_OPGELOST, 20),
    (Uitkomst.DOORGESTUURD, 8),
    (Uitkomst.INGETROKKEN, 6),
    (Uitkomst.NIET_ONTVANKELIJK, 3),
    (Uitkomst.NIET_IN_BEHANDELING, 3),
)
_GRONDEN_ZONDER_1B = tuple(g for g in Grond98 if g is not Grond98.B)


def _keuzes(paren: Sequence[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    waarden = [p[0] for p in paren]
    cumulatief: list[int] = []
    totaal = 0
    for _, gewicht in paren:
        totaal += gewicht
        cumulatief.append(totaal)
    return waarden, cumulatief


def geschaald(volledig: int, schaal: float, minimum: int = 1) -> int:
    """The size at a scale factor, never below ``minimum``."""
    return max(minimum, round(volledig * schaal))


@cache
def _iso(d: date) -> str:
    return d.isoformat()


@cache
def _basisweken(adviescommissie: bool) -> int:
    """The afhandeltermijn of the profile's klachtenregeling (the law's, or its own)."""
    eigen = PROFIEL.klachtenregeling.afhandeltermijn_weken
    return afhandelweken(adviescommissie=adviescommissie, eigen_termijn=eigen)


@cache
def _termijn(ontvangen: date, adviescommissie: bool, weken: int) -> date:
    basis = _basisweken(adviescommissie)
    return afhandeltermijn(ontvangen, weken=basis, verdaagd_weken=weken)


@cache
def _termijn_9_8(ontvangen: date) -> date:
    return termijn_9_8(ontvangen)


@dataclass
class Registerbatch:
    """Rows for the tables klacht, klager and verdaging, in column order."""

    klachten: list[tuple[Any, ...]]
    klagers: list[tuple[Any, ...]]
    verdagingen: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Registerinfo:
    """What the measurements need to know about the generated register."""

    aantal: int
    jaren: tuple[int, ...]
    overzichtjaar: int


def registerinfo(aantal: int, vandaag: date) -> Registerinfo:
    jaren = tuple(range(vandaag.year - JAREN_IN_REGISTER + 1, vandaag.year + 1))
    # The last complete year: what a yearly report (9:12a) is usually made for.
    return Registerinfo(aantal, jaren, vandaag.year - 1)


def registerrijen(aantal: int, zaad: int, vandaag: date) -> Iterator[Registerbatch]:
    """The register: ``aantal`` complaints over five years up to ``vandaag``, in batches.

    About 1 % of the complaints stay open past their term (stuck), complaints received in
    the last weeks are mostly still open, 85 % of the closed ones were closed on time,
    5 % were postponed (verdaagd), a few went to the ombudsman.
    """
    rng = random.Random(zaad)  # noqa: S311 - reproducible test data, not security
    kanalen, kanaal_cum = _keuzes(_KANALEN)
    regimes, regime_cum = _keuzes(_REGIMES)
    uitkomsten, uitkomst_cum = _keuzes(_UITKOMSTEN)
    info = registerinfo(aantal, vandaag)
    per_jaar = [aantal // len(info.jaren)] * len(info.jaren)
    per_jaar[-1] += aantal - sum(per_jaar)

    klacht_id = 0
    verdaging_id = 0
    batch = Registerbatch([], [], [])
    for jaar, n in zip(info.jaren, per_jaar, strict=True):
        begin = date(jaar, 1, 1)
        dagen = (min(date(jaar, 12, 31), vandaag) - begin).days + 1
        for volgnummer, dag in enumerate(sorted(rng.randrange(dagen) for _ in range(n)), 1):
            klacht_id += 1
            ontvangen = begin + timedelta(days=dag)
            kanaal = rng.choices(kanalen, cum_weights=kanaal_cum)[0]
            schriftelijk = kanaal.schriftelijk
            adviescommissie = rng.random() < 0.1
            r: dict[str, Any] = {
                "id": klacht_id,
                "kenmerk": maak_kenmerk(jaar, volgnummer),
                "jaar": jaar,
                "volgnummer": volgnummer,
                "geregistreerd": (
                    f"{_iso(ontvangen)} {9 + rng.randrange(8):02d}:{rng.randrange(60):02d}:00.000000"
                ),
                "ontvangen": _iso(ontvangen),
                "kanaal": kanaal.value,
                "omschrijving": rng.choice(_OMSCHRIJVINGEN),
                "regime": rng.choices(regimes, cum_weights=regime_cum)[0].value,
                "categorie": rng.choice(_CATEGORIEEN),
                "adviescommissie": adviescommissie,
                "termijn_weken": _basisweken(adviescommissie),
                "aanbieder": rng.choice(_AANBIEDERS) if rng.random() < 0.85 else None,
                "team": rng.choice(_TEAMS) if rng.random() < 0.7 else None,
            }
            r["wijk"] = rng.choice(_WIJKEN)
            if rng.random() < 0.8:
                beklaagde, soort = rng.choice(_BEKLAAGDEN)
                r["beklaagde"], r["beklaagde_soort"] = beklaagde, soort.value
            gedraging: date | None = None
            if rng.random() < 0.7:
                # Mostly recent; about 3 % of the known dates are more than a year old (9:8 lid 1b).
                terug = rng.randrange(400, 700) if rng.random() < 0.03 else rng.randrange(0, 60)
                gedraging = ontvangen - timedelta(days=terug)
                r["gedraging"] = _iso(gedraging)

            # Verdaging (Awb 9:11 lid 2), sometimes with further postponement (lid 3).
            weken = 0
            verdagingen: list[tuple[date, int, str, date | None]] = []
            if rng.random() < 0.05:
                eerste = 1 + rng.randrange(4)
                verdagingen.append(
                    (ontvangen + timedelta(days=21), eerste, "Onderzoek kost meer tijd", None)
                )
                weken = eerste
                if rng.random() < 0.2:
                    extra = 1 + rng.randrange(4)
                    instemming = ontvangen + timedelta(days=35)
                    verdagingen.append(
                        (instemming, extra, "Klager stemt in met uitstel", instemming)
                    )
                    weken += extra
            uiterste = _termijn(ontvangen, adviescommissie, weken)
            r["uiterste_datum"] = _iso(uiterste)
            termijn_dagen = (uiterste - ontvangen).days

            if schriftelijk and rng.random() < 0.9:
                r["bevestigd"] = _iso(ontvangen + timedelta(days=1 + rng.randrange(4)))

            uitkomst: Uitkomst = rng.choices(uitkomsten, cum_weights=uitkomst_cum)[0]
            if uitkomst is Uitkomst.NIET_IN_BEHANDELING:
                duur = 3 + rng.randrange(35)
            elif rng.random() < 0.85:
                duur = 2 + rng.randrange(max(1, termijn_dagen - 1))
            else:
                duur = termijn_dagen + 1 + rng.randrange(60)
            afgehandeld = ontvangen + timedelta(days=duur)
            vast = rng.random() < 0.01
            if afgehandeld > vandaag or vast:
                r["status"] = "open"
            else:
                _sluit(rng, r, uitkomst, ontvangen, afgehandeld, uiterste, gedraging, vandaag)
                if schriftelijk and uitkomst.is_oordeel and "bevestigd" not in r:
                    r["bevestigd"] = _iso(ontvangen + timedelta(days=1))

            batch.klachten.append(tuple(map(r.get, KLACHT_KOLOMMEN)))
            if rng.random() < 0.9:
                batch.klagers.append(
                    (
                        klacht_id,
                        f"Klager {klacht_id}",
                        f"klager{klacht_id}@voorbeeld.nl" if rng.random() < 0.8 else None,
                        None,
                    )
                )
            for datum, w, reden, akkoord in verdagingen:
                verdaging_id += 1
                batch.verdagingen.append(
                    (
                        verdaging_id,
                        klacht_id,
                        _iso(datum),
                        w,
                        reden,
                        _iso(akkoord) if akkoord else None,
                    )
                )
            if len(batch.klachten) >= BATCH:
                yield batch
                batch = Registerbatch([], [], [])
    if batch.klachten:
        yield batch


def _sluit(
    rng: random.Random,
    r: dict[str, Any],
    uitkomst: Uitkomst,
    ontvangen: date,
    afgehandeld: date,
    uiterste: date,
    gedraging: date | None,
    vandaag: date,
) -> None:
    """Fill in what ``klacht sluit`` records for this uitkomst (klachten/procedure.py)."""
    r["status"] = "gesloten"
    r["uitkomst"] = uitkomst.value
    r["afgehandeld"] = _iso(afgehandeld)
    schriftelijk = Kanaal(r["kanaal"]).schriftelijk
    if uitkomst.is_oordeel:
        r["bevindingen"] = "Gesprekken gevoerd met klager en beklaagde; dossier nagelezen."
        r["conclusies"] = "Conclusies en eventuele maatregelen schriftelijk meegedeeld."
        r["behandelaar"] = rng.choice(_BEHANDELAARS)
        if schriftelijk:
            r["afschrift"] = _iso(ontvangen + timedelta(days=2))
            if rng.random() < 0.8:
                r["gehoord"] = _iso(min(afgehandeld, ontvangen + timedelta(days=14)))
                r["hoorverslag"] = "Klager en beklaagde gehoord; verslag in het dossier."
            else:
                r["afzien_horen"] = rng.choice(list(AfzienHoren)).value
    elif uitkomst is Uitkomst.INFORMEEL_OPGELOST:
        r["tevredenheid"] = (
            "Klager telefonisch bevestigd dat de klacht naar tevredenheid is opgelost."
        )
    elif uitkomst is Uitkomst.DOORGESTUURD:
        naar, soort = rng.choice(_BESTEMMINGEN)
        r["doorgestuurd_naar"], r["bestemming_soort"] = naar, soort.value
        r["klager_geinformeerd"] = _iso(afgehandeld)
    elif uitkomst is Uitkomst.INGETROKKEN:
        r["wijze_intrekking"] = "telefonisch"
    elif uitkomst is Uitkomst.NIET_ONTVANKELIJK:
        r["reden_niet_ontvankelijk"] = "Naam en adres van de klager ontbreken (Awb 9:4)."
    elif uitkomst is Uitkomst.NIET_IN_BEHANDELING:
        te_oud = gedraging is not None and gedraging < ontvangen - timedelta(days=366)
        r["grond_9_8"] = (Grond98.B if te_oud else rng.choice(_GRONDEN_ZONDER_1B)).value

    if uitkomst is Uitkomst.INGETROKKEN:
        r["binnen_termijn"] = None
    elif uitkomst is Uitkomst.NIET_IN_BEHANDELING:
        r["binnen_termijn"] = afgehandeld <= _termijn_9_8(ontvangen)
    else:
        r["binnen_termijn"] = afgehandeld <= uiterste
    ombudsman: date | None = None
    if rng.random() < 0.02:
        kandidaat = afgehandeld + timedelta(days=10 + rng.randrange(200))
        ombudsman = kandidaat if kandidaat <= vandaag else None
    if ombudsman is not None:
        r["ombudsman"] = _iso(ombudsman)
    r["bewaren_tot"] = _iso(bewaartermijn(uitkomst, afgehandeld, ombudsman=ombudsman is not None))


# -- the CSV that the measured import reads ---------------------------------------------


def schrijf_importbestand(pad: Path, aantal: int, zaad: int, vandaag: date) -> None:
    """A valid CSV (comma dialect, UTF-8, ISO dates) with ``aantal`` new complaints.

    Received in the year before ``vandaag`` and the current year, so that the import
    hands out kenmerken for two years.
    """
    rng = random.Random(zaad + 1)  # noqa: S311 - reproducible test data
    kanalen, kanaal_cum = _keuzes(_KANALEN)
    regimes, regime_cum = _keuzes(_REGIMES)
    begin = date(vandaag.year - 1, 1, 1)
    dagen = (vandaag - begin).days + 1
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.writer(f, lineterminator="\n")
        schrijver.writerow(IMPORT_KOLOMMEN)
        for i in range(1, aantal + 1):
            ontvangen = begin + timedelta(days=rng.randrange(dagen))
            gedraging = (
                _iso(ontvangen - timedelta(days=rng.randrange(60))) if rng.random() < 0.7 else ""
            )
            beklaagde, soort = rng.choice(_BEKLAAGDEN)
            wijk = rng.choice(_WIJKEN)  # drawn in this order, so a seed gives the same rows
            rij = {
                "ontvangen": _iso(ontvangen),
                "kanaal": rng.choices(kanalen, cum_weights=kanaal_cum)[0].value,
                "omschrijving": rng.choice(_OMSCHRIJVINGEN) + f", melding {i}",
                "gedraging": gedraging,
                "beklaagde": beklaagde,
                "beklaagde_soort": soort.value,
                "wijk": wijk or "",
                "team": rng.choice(_TEAMS) if rng.random() < 0.7 else "",
                "aanbieder": rng.choice(_AANBIEDERS) if rng.random() < 0.85 else "",
                "regime": rng.choices(regimes, cum_weights=regime_cum)[0].value,
                "categorie": rng.choice(_CATEGORIEEN),
                "adviescommissie": "ja" if rng.random() < 0.1 else "nee",
                "klager_naam": f"Importklager {i}" if rng.random() < 0.9 else "",
                "klager_contact": f"importklager{i}@voorbeeld.nl" if rng.random() < 0.7 else "",
            }
            schrijver.writerow([rij[k] for k in IMPORT_KOLOMMEN])


# -- the kader and the evidence for `kwaliteit dekking` ---------------------------------

KADERCODE = "bench-landelijk"
KADERVERSIE = "2024"
CATEGORIEEN = 6
NORMEN_PER_CATEGORIE = 10


def schrijf_kader(pad: Path) -> None:
    """A kader YAML (normen/kaders/FORMAAT.md) with 6 categories of 10 assessable norms."""
    regels = [
        "formaat: kwaliteit-kader/1",
        f"kader: {KADERCODE}",
        'naam: "Benchmarkkader landelijke schaal"',
        f'versie: "{KADERVERSIE}"',
        "geldig_van: 2020-01-01",
        "geldig_tot: null",
        'bron: "Gegenereerd door bench/run.py"',
        "publicatiedatum: null",
        'licentie: "Gegenereerde testgegevens"',
        "werkversie: true",
        "schaal: [voldoet, voldoet-deels, voldoet-niet, nvt]",
        "normen:",
    ]
    for c in range(1, CATEGORIEEN + 1):
        regels += [
            f'  - ref: "{c}"',
            f'    titel: "Categorie {c}"',
            "    beoordeelbaar: false",
        ]
        for n in range(1, NORMEN_PER_CATEGORIE + 1):
            regels += [
                f'  - ref: "{c}.{n}"',
                f'    ouder: "{c}"',
                "    beoordeelbaar: true",
                f'    titel: "Norm {c}.{n}"',
                f'    normtekst: "De organisatie toont aan dat zij voldoet aan norm {c}.{n}."',
                '    typisch_bewijs: ["Beleidsdocument", "Verslag"]',
                f"    tags: [categorie-{c}]",
            ]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


@dataclass
class Bewijsrijen:
    bewijsstukken: list[tuple[Any, ...]]
    versies: list[tuple[Any, ...]]
    koppelingen: list[tuple[Any, ...]]
    oordelen: list[tuple[Any, ...]]
    acties: list[tuple[Any, ...]]


def bewijsrijen(norm_ids: Sequence[int], aantal: int, zaad: int, vandaag: date) -> Bewijsrijen:
    """``aantal`` bewijsstukken linked to 1-3 of the norms, with versions (some expired),
    oordelen for the current round on two thirds of the norms and a few open actions."""
    rng = random.Random(zaad + 2)  # noqa: S311 - reproducible test data
    soorten = ("document", "registratie", "interview", "observatie", "enquête", "kengetal")
    moment = f"{_iso(vandaag)} 10:00:00.000000"
    uit = Bewijsrijen([], [], [], [], [])
    versie_id = koppeling_id = 0
    for i in range(1, aantal + 1):
        uit.bewijsstukken.append(
            (
                i,
                f"B-{i:04d}",
                i,
                f"Bewijsstuk {i}",
                rng.choice(soorten),
                "kwaliteitsfunctionaris",
                None,
                moment,
            )
        )
        ingang = vandaag - timedelta(days=rng.randrange(3 * 365))
        for nummer in range(1, 3 if rng.random() < 0.2 else 2):
            versie_id += 1
            verloopt = ingang + timedelta(days=365 * (1 + rng.randrange(3)))
            uit.versies.append(
                (
                    versie_id,
                    i,
                    nummer,
                    _iso(ingang),
                    _iso(verloopt) if rng.random() < 0.6 else None,
                    f"bewijs-{i}-v{nummer}.pdf",
                    None,
                    None,
                    moment,
                )
            )
            ingang = min(vandaag, ingang + timedelta(days=180))
        for norm_id in rng.sample(list(norm_ids), k=min(len(norm_ids), 1 + rng.randrange(3))):
            koppeling_id += 1
            uit.koppelingen.append(
                (koppeling_id, i, norm_id, "Laat zien hoe aan de norm wordt voldaan.")
            )
    ronde = str(vandaag.year)
    waarden = ("voldoet", "voldoet-deels", "voldoet-niet", "nvt")
    for j, norm_id in enumerate(norm_ids, 1):
        if j % 3:
            uit.oordelen.append(
                (j, ronde, norm_id, rng.choice(waarden), "Zelfevaluatie.", "bench", _iso(vandaag))
            )
    for j, norm_id in enumerate(norm_ids[:30], 1):
        uit.acties.append(
            (
                j,
                f"VA-{j:04d}",
                j,
                "Verbeteractie uit de zelfevaluatie",
                "teamleider",
                _iso(vandaag + timedelta(days=rng.randrange(-60, 120))),
                "open",
                norm_id,
                None,
                None,
                _iso(vandaag),
            )
        )
    return uit


# -- writing rows straight into a database ------------------------------------------------


class Schrijver:
    """Bulk insert into one database; sqlite3 executemany or PostgreSQL COPY."""

    def voeg_in(self, tabel: str, kolommen: Sequence[str], rijen: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def norm_ids(self, kader: str) -> list[int]:
        raise NotImplementedError

    def klaar(self) -> None:
        """Commit and tidy up (checkpoint, statistics, sequences)."""
        raise NotImplementedError

    def sluit(self) -> None:
        raise NotImplementedError


_NORM_IDS_SQL = (
    "SELECT n.id FROM norm n JOIN kaderversie v ON v.id = n.versie_id "
    "JOIN normkader k ON k.id = v.kader_id "
    "WHERE k.code = {p} AND n.beoordeelbaar ORDER BY n.volgorde"
)


class SqliteSchrijver(Schrijver):
    def __init__(self, pad: Path) -> None:
        self._conn = sqlite3.connect(pad, isolation_level=None)
        # The database is in WAL mode (kwaliteit sets it); loading needs no durability.
        self._conn.execute("PRAGMA synchronous = OFF")
        self._conn.execute("PRAGMA cache_size = -200000")
        self._conn.execute("BEGIN")

    def voeg_in(self, tabel: str, kolommen: Sequence[str], rijen: Iterable[Sequence[Any]]) -> None:
        vraagtekens = ", ".join("?" * len(kolommen))
        self._conn.executemany(
            f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({vraagtekens})", rijen
        )

    def norm_ids(self, kader: str) -> list[int]:
        sql = _NORM_IDS_SQL.format(p="?")
        return [int(r[0]) for r in self._conn.execute(sql, (kader,))]

    def klaar(self) -> None:
        self._conn.execute("COMMIT")
        # No ANALYZE: kwaliteit never runs it, so a real database has no statistics either.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def sluit(self) -> None:
        self._conn.close()


def _pg_tekst(waarde: Any) -> str:
    """One value in PostgreSQL's COPY text format."""
    if waarde is None:
        return "\\N"
    if waarde is True:
        return "t"
    if waarde is False:
        return "f"
    tekst = str(waarde)
    if "\\" in tekst or "\t" in tekst or "\n" in tekst or "\r" in tekst:
        tekst = (
            tekst.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return tekst


class PostgresSchrijver(Schrijver):
    def __init__(self, conninfo: str) -> None:
        import psycopg

        self._conn = psycopg.connect(conninfo)
        # The generated timestamps are UTC without a zone, as SQLite stores them.
        self._conn.execute("SET TIME ZONE 'UTC'")
        self._tabellen: set[str] = set()

    def voeg_in(self, tabel: str, kolommen: Sequence[str], rijen: Iterable[Sequence[Any]]) -> None:
        self._tabellen.add(tabel)
        with (
            self._conn.cursor() as cur,
            cur.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN") as kopie,
        ):
            stuk: list[str] = []
            for rij in rijen:
                stuk.append("\t".join(map(_pg_tekst, rij)))
                if len(stuk) >= 10_000:
                    kopie.write("\n".join(stuk) + "\n")
                    stuk = []
            if stuk:
                kopie.write("\n".join(stuk) + "\n")

    def norm_ids(self, kader: str) -> list[int]:
        with self._conn.cursor() as cur:
            cur.execute(_NORM_IDS_SQL.format(p="%s").encode(), (kader,))
            return [int(r[0]) for r in cur.fetchall()]

    def klaar(self) -> None:
        with self._conn.cursor() as cur:
            # Rows were copied with their ids: move the serial sequences past them.
            for tabel in sorted(self._tabellen):
                if tabel == "klager":
                    continue
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {tabel}), false)".encode()
                )
        self._conn.commit()
        # What autovacuum does shortly after a bulk load anyway: statistics and the
        # visibility map, so that the measurement does not depend on its timing.
        self._conn.autocommit = True
        with self._conn.cursor() as cur:
            for tabel in sorted(self._tabellen):
                cur.execute(f"VACUUM ANALYZE {tabel}".encode())
        self._conn.autocommit = False

    def sluit(self) -> None:
        self._conn.close()


def laad_register(schrijver: Schrijver, aantal: int, zaad: int, vandaag: date) -> int:
    """Insert the generated register; returns the number of complaints."""
    totaal = 0
    for batch in registerrijen(aantal, zaad, vandaag):
        schrijver.voeg_in("klacht", KLACHT_KOLOMMEN, batch.klachten)
        schrijver.voeg_in("klager", KLAGER_KOLOMMEN, batch.klagers)
        if batch.verdagingen:
            schrijver.voeg_in("verdaging", VERDAGING_KOLOMMEN, batch.verdagingen)
        totaal += len(batch.klachten)
    return totaal


def laad_bewijs(schrijver: Schrijver, aantal: int, zaad: int, vandaag: date) -> int:
    """Insert evidence linked to the norms of the generated kader (imported before)."""
    norm_ids = schrijver.norm_ids(KADERCODE)
    if not norm_ids:
        raise RuntimeError(f"kader {KADERCODE} is niet geladen")
    rijen = bewijsrijen(norm_ids, aantal, zaad, vandaag)
    schrijver.voeg_in("bewijsstuk", BEWIJSSTUK_KOLOMMEN, rijen.bewijsstukken)
    schrijver.voeg_in("bewijsversie", BEWIJSVERSIE_KOLOMMEN, rijen.versies)
    schrijver.voeg_in("normkoppeling", NORMKOPPELING_KOLOMMEN, rijen.koppelingen)
    schrijver.voeg_in("oordeel", OORDEEL_KOLOMMEN, rijen.oordelen)
    schrijver.voeg_in("verbeteractie", VERBETERACTIE_KOLOMMEN, rijen.acties)
    return len(rijen.bewijsstukken)
