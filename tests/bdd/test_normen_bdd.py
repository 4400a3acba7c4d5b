"""The normen features (``features/normen/*.feature``) and their own steps.

Kaders, evidence, oordelen and coverage are driven through the services with
the ``werk`` fixture (one unit of work per step, on the scenario's 'vandaag');
the klachtenregister and the audit check go through the CLI (``verloop`` of
``tests/bdd/conftest.py``), as users run them. Both use the scenario's own
database. The state of a scenario lives in the ``dossier`` fixture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from pytest_bdd import given, parsers, scenarios, then, when
from sqlalchemy import MetaData, select

from kwaliteit.bewijs import diensten as bewijsdiensten
from kwaliteit.bewijs.dekking import dekking
from kwaliteit.bewijs.diensten import Versiegegevens
from kwaliteit.bewijs.modellen import Bewijssoort, Oordeelwaarde
from kwaliteit.bewijs.zelfevaluatie import actie_dict, beoordeel, laad_actie, registreer_actie
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import Fout
from kwaliteit.tijd import nl_datum, parse_datum
from normen import diensten as normdiensten
from normen.kaderbestand import KaderData, kader_uit_tekst, lees_kader, meegeleverde_kaders

if TYPE_CHECKING:
    from bdd.conftest import Verloop

scenarios("normen")

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

STANDAARD_VANDAAG = date(2026, 11, 23)
GELDIG = r"geldig (?:van (?P<van>\S+) tot en met (?P<tot>\S+)|vanaf (?P<vanaf>\S+))"


def refs(tekst: str) -> list[str]:
    """``"1.1", "1.2" en "2.1"`` → ``["1.1", "1.2", "2.1"]``."""
    return re.findall(r'"([^"]+)"', tekst)


def procent(waarde: float | None) -> str:
    """A percentage as the features write it: ``28,6%``, or ``-`` when there is none."""
    return "-" if waarde is None else f"{waarde:.1f}".replace(".", ",") + "%"


def periode(van: str | None, tot: str | None, vanaf: str | None) -> tuple[date, date | None]:
    if vanaf is not None:
        return parse_datum(vanaf), None
    assert van is not None
    assert tot is not None
    return parse_datum(van), parse_datum(tot)


@dataclass
class Dossier:
    """The state of one scenario: kaders, evidence, the last coverage report."""

    werk: Werk
    verloop: Verloop
    kader: str | None = None
    bewijs: dict[str, str] = field(default_factory=dict)  # titel -> kenmerk
    laadresultaat: normdiensten.Laadresultaat | None = None
    fout: Fout | None = None
    beoordeeld: bool = True
    voor: dict[str, list[tuple[Any, ...]]] | None = None
    rapport: dict[str, Any] | None = None
    norm: str | None = None
    actie: str | None = None

    @property
    def vandaag(self) -> date:
        """'Today' of the scenario, set with ``Gegeven vandaag is het ...``."""
        return parse_datum(self.verloop.vandaag) if self.verloop.vandaag else STANDAARD_VANDAAG

    def schrijf(self) -> AbstractContextManager[Werkeenheid]:
        return self.werk(op=self.vandaag, door="kwaliteitsfunctionaris")

    def lees(self) -> AbstractContextManager[Werkeenheid]:
        return self.werk(schrijven=False, op=self.vandaag)

    def momentopname(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table."""
        with self.lees() as w:
            meta = MetaData()
            verbinding = w.sessie.connection()
            meta.reflect(verbinding)
            return {
                t.name: sorted((tuple(r) for r in verbinding.execute(select(t))), key=repr)
                for t in meta.sorted_tables
            }

    def laad(self, kader: KaderData) -> None:
        """Load a kader as the step under test: a refusal is kept for a Dan step."""
        self.voor = self.momentopname()
        self.kader = kader.code
        try:
            with self.schrijf() as w:
                self.laadresultaat = normdiensten.laad(w, kader)
        except Fout as e:
            self.fout, self.beoordeeld = e, False

    def moet_laden(self, kader: KaderData) -> None:
        self.laad(kader)
        assert self.fout is None, self.fout.melding if self.fout else ""

    def opmaken(self, kader: str, peildatum: date, **kwargs: Any) -> dict[str, Any]:
        with self.lees() as w:
            self.rapport = dekking(w, kader, peildatum=peildatum, **kwargs)
        return self.rapport

    def regel(self, ref: str | None = None) -> dict[str, Any]:
        """The line of one norm in the last coverage report (default: the norm in focus)."""
        assert self.rapport is not None, "Er is nog geen dekkingsoverzicht opgemaakt."
        gezocht = ref or self.norm
        gevonden: list[dict[str, Any]] = [
            x for x in self.rapport["per_norm"] if x["ref"] == gezocht
        ]
        assert gevonden, f"Norm {gezocht} staat niet in het overzicht."
        self.norm = gezocht
        return gevonden[0]


@pytest.fixture
def dossier(werk: Werk, verloop: Verloop) -> Iterator[Dossier]:
    d = Dossier(werk=werk, verloop=verloop)
    yield d
    assert d.beoordeeld, f"Een weigering bleef onbeoordeeld: {d.fout}"


def meegeleverd(code: str) -> KaderData:
    return lees_kader(meegeleverde_kaders()[code])


def nieuwe_versie_van(code: str, versie: str, geldig_van: date) -> KaderData:
    """The shipped file as the next version reads: its own label and start date."""
    oud = meegeleverd(code)
    tekst = meegeleverde_kaders()[code].read_text(encoding="utf-8")
    tekst = tekst.replace(f'versie: "{oud.versie}"', f'versie: "{versie}"', 1)
    tekst = tekst.replace(
        f"geldig_van: {oud.geldig_van.isoformat()}", f"geldig_van: {geldig_van.isoformat()}", 1
    )
    return kader_uit_tekst(tekst, f"{code}-{versie}.yaml")


def eigen_werkversie(code: str) -> KaderData:
    tekst = f"""\
formaat: kwaliteit-kader/1
kader: {code}
naam: "Eigen werkversie"
versie: "concept-1"
geldig_van: 2026-01-01
bron: "Eigen tekst van de kwaliteitsfunctionaris"
licentie: "Eigen tekst"
werkversie: true
schaal: [voldoet, voldoet-deels, voldoet-niet, nvt]
normen:
  - ref: "1"
    titel: "Eigen norm"
    normtekst: "De organisatie legt haar afspraken vast."
"""
    return kader_uit_tekst(tekst, f"{code}.yaml")


# ## Gegeven #######################################################################


@given(parsers.re(r'het meegeleverde kader "(?P<kader>[^"]+)" is geladen$'))
def kader_geladen(dossier: Dossier, kader: str) -> None:
    """Gebruik: ``Gegeven het meegeleverde kader "awb-h9" is geladen``."""
    dossier.moet_laden(meegeleverd(kader))


@given(
    parsers.re(
        r'versie "(?P<versie>[^"]+)" van "(?P<kader>[^"]+)" is geladen, geldig vanaf (?P<datum>\S+)$'
    )
)
def versie_geladen(dossier: Dossier, versie: str, kader: str, datum: str) -> None:
    """A later version of a shipped kader, already loaded.

    Gebruik: ``En versie "2027-01-01" van "awb-h9" is geladen, geldig vanaf 01-01-2027``.
    """
    dossier.moet_laden(nieuwe_versie_van(kader, versie, parse_datum(datum)))


@given(parsers.re(r'een eigen kader "(?P<kader>[^"]+)" dat een werkversie is, is geladen$'))
def eigen_werkversie_geladen(dossier: Dossier, kader: str) -> None:
    """Gebruik: ``Gegeven een eigen kader "eigen-werkversie" dat een werkversie is, is geladen``."""
    dossier.moet_laden(eigen_werkversie(kader))


@given(
    parsers.re(
        r'norm "(?P<ref>[^"]+)" van "(?P<kader>[^"]+)" is in ronde (?P<ronde>\S+) beoordeeld'
        r' als "(?P<waarde>[^"]+)" omdat "(?P<toelichting>[^"]+)"$'
    )
)
def norm_beoordeeld(
    dossier: Dossier, ref: str, kader: str, ronde: str, waarde: str, toelichting: str
) -> None:
    """The self-assessment of one norm, on the scenario's 'today'.

    Gebruik: ``En norm "9:6" van "awb-h9" is in ronde 2026 beoordeeld als "voldoet" omdat "..."``.
    """
    with dossier.schrijf() as w:
        beoordeel(
            w,
            kader=kader,
            ref=ref,
            waarde=Oordeelwaarde(waarde),
            toelichting=toelichting,
            ronde=ronde,
        )


@given(
    parsers.re(
        rf'het bewijsstuk "(?P<titel>[^"]+)", {GELDIG}, is gekoppeld aan'
        r' (?:norm|de normen) (?P<normen>.+) van "(?P<kader>[^"]+)"$'
    )
)
def bewijsstuk_gekoppeld(
    dossier: Dossier,
    titel: str,
    van: str | None,
    tot: str | None,
    vanaf: str | None,
    normen: str,
    kader: str,
) -> None:
    """A document with its first version, linked to one or more norms.

    Gebruik: ``Gegeven het bewijsstuk "Publieksfolder klagen", geldig van 01-01-2026 tot en
    met 30-06-2026, is gekoppeld aan norm "9:1" van "awb-h9"``; ook ``geldig vanaf DATUM``
    en ``aan de normen "1.1" en "1.2"``.
    """
    begin, einde = periode(van, tot, vanaf)
    with dossier.schrijf() as w:
        b = bewijsdiensten.registreer(
            w,
            titel=titel,
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=begin, geldig_tot=einde),
            eigenaar="kwaliteitsfunctionaris",
        )
        for ref in refs(normen):
            bewijsdiensten.koppel(
                w, b.kenmerk, kader=kader, ref=ref, toelichting=f"{titel} laat {ref} zien"
            )
    dossier.bewijs[titel] = b.kenmerk


@given(parsers.re(rf'van "(?P<titel>[^"]+)" is een nieuwe versie vastgelegd, {GELDIG}$'))
def nieuwe_bewijsversie(
    dossier: Dossier, titel: str, van: str | None, tot: str | None, vanaf: str | None
) -> None:
    """Gebruik: ``En van "Publieksfolder klagen" is een nieuwe versie vastgelegd, geldig vanaf 01-08-2026``."""
    begin, einde = periode(van, tot, vanaf)
    with dossier.schrijf() as w:
        bewijsdiensten.nieuwe_versie(
            w, dossier.bewijs[titel], Versiegegevens(ingangsdatum=begin, geldig_tot=einde)
        )


_AFHANDELING = {
    "informeel-opgelost": ["--tevredenheid", "telefonisch bevestigd door de klager"],
    "ingetrokken": ["--wijze", "telefonisch"],
    "gegrond": [
        "--bevindingen",
        "De toezegging is niet nagekomen",
        "--conclusies",
        "Excuses aangeboden; afspraak in het team",
    ],
}


@given("het klachtenregister bevat:")
def klachtenregister(dossier: Dossier, datatable: list[list[str]]) -> None:
    """Complaints registered and handled with ``kwaliteit klacht``, row by row.

    Gebruik: een tabel met ``ontvangen``, ``kanaal``, ``bevestigd`` (Awb 9:6, leeg: niet
    bevestigd), ``afgehandeld`` en ``uitkomst`` (informeel-opgelost, ingetrokken of
    gegrond; leeg: nog open). Bij ``gegrond`` doorloopt de klacht eerst de formele
    procedure: afschrift aan de beklaagde op de bevestigingsdatum, een behandelaar, en
    horen op de afhandeldatum.
    """
    v = dossier.verloop
    for rij in v.tabel(datatable):
        r = v.moet_slagen(
            "klacht",
            "registreer",
            "--ontvangen",
            rij["ontvangen"].strip(),
            "--kanaal",
            rij["kanaal"].strip(),
            "--omschrijving",
            "Klacht over de dienstverlening van het WOT",
            "--beklaagde",
            "consulent wijkteam",
            "--beklaagde-soort",
            "medewerker",
        )
        kenmerk = r.stdout.strip()
        bevestigd, afgehandeld = rij["bevestigd"].strip(), rij["afgehandeld"].strip()
        uitkomst = rij["uitkomst"].strip()
        if bevestigd:
            v.moet_slagen("klacht", "bevestig", kenmerk, "--datum", bevestigd)
        if not uitkomst:
            continue
        assert uitkomst in _AFHANDELING, f"Uitkomst {uitkomst} kent deze stap niet."
        if uitkomst == "gegrond":
            v.moet_slagen("klacht", "afschrift", kenmerk, "--datum", bevestigd)
            v.moet_slagen("klacht", "wijs-toe", kenmerk, "--behandelaar", "teamleider WOT")
            v.moet_slagen(
                "klacht", "hoor", kenmerk, "--datum", afgehandeld, "--verslag", "Beiden gehoord"
            )
        v.moet_slagen(
            "klacht",
            "sluit",
            kenmerk,
            "--uitkomst",
            uitkomst,
            "--datum",
            afgehandeld,
            *_AFHANDELING[uitkomst],
        )


@given(
    parsers.re(
        r'de verbeteractie "(?P<omschrijving>[^"]+)" voor norm "(?P<ref>[^"]+)" van'
        r' "(?P<kader>[^"]+)", naar aanleiding van klacht (?P<klacht>\S+), met eigenaar'
        r' "(?P<eigenaar>[^"]+)" en deadline (?P<deadline>\S+)$'
    )
)
def verbeteractie(
    dossier: Dossier,
    omschrijving: str,
    ref: str,
    kader: str,
    klacht: str,
    eigenaar: str,
    deadline: str,
) -> None:
    """Leren van klachten: an improvement action tied to a norm and a complaint.

    Gebruik: ``En de verbeteractie "..." voor norm "9:11" van "awb-h9", naar aanleiding van
    klacht K-2026-0002, met eigenaar "teamleider WOT" en deadline 31-12-2026``.
    """
    with dossier.schrijf() as w:
        a = registreer_actie(
            w,
            omschrijving=omschrijving,
            eigenaar=eigenaar,
            deadline=parse_datum(deadline),
            kader=kader,
            ref=ref,
            klachten=[klacht],
        )
    dossier.actie = a.kenmerk


# ## Als ###########################################################################


@when(parsers.re(r'het meegeleverde kader "(?P<kader>[^"]+)" wordt geladen$'))
def kader_laden(dossier: Dossier, kader: str) -> None:
    """Gebruik: ``Als het meegeleverde kader "awb-h9" wordt geladen``."""
    dossier.laad(meegeleverd(kader))


@when(
    parsers.re(
        r'een gewijzigde tekst van "(?P<kader>[^"]+)" onder hetzelfde versielabel wordt geladen$'
    )
)
def gewijzigd_laden(dossier: Dossier, kader: str) -> None:
    """The shipped file with one norm title changed, but the same ``versie``.

    Gebruik: ``Als een gewijzigde tekst van "wmo2015-h3" onder hetzelfde versielabel wordt geladen``.
    """
    oud = meegeleverd(kader)
    eerste = next(n for n in oud.normen if n.beoordeelbaar)
    tekst = meegeleverde_kaders()[kader].read_text(encoding="utf-8")
    gewijzigd = tekst.replace(f'titel: "{eerste.titel}"', f'titel: "{eerste.titel} (herzien)"', 1)
    assert gewijzigd != tekst
    dossier.laad(kader_uit_tekst(gewijzigd, f"{kader}.yaml"))


@when(
    parsers.re(
        r'versie "(?P<versie>[^"]+)" van "(?P<kader>[^"]+)" wordt geladen, geldig vanaf (?P<datum>\S+)$'
    )
)
def versie_laden(dossier: Dossier, versie: str, kader: str, datum: str) -> None:
    """Gebruik: ``Als versie "2027-01-01" van "awb-h9" wordt geladen, geldig vanaf 01-01-2027``."""
    dossier.laad(nieuwe_versie_van(kader, versie, parse_datum(datum)))


@when(
    parsers.re(
        r'de dekking van "(?P<kader>[^"]+)" op peildatum (?P<peildatum>\S+) wordt opgemaakt$'
    )
)
def dekking_opmaken(dossier: Dossier, kader: str, peildatum: str) -> None:
    """``kwaliteit dekking`` as data. Gebruik: ``Als de dekking van "awb-h9" op peildatum 23-11-2026 wordt opgemaakt``."""
    dossier.kader = kader
    dossier.opmaken(kader, parse_datum(peildatum))


# ## Dan ###########################################################################


@then(
    parsers.re(
        r'is versie "(?P<versie>[^"]+)" van "(?P<kader>[^"]+)" geladen met (?P<normen>\d+)'
        r" normen, waarvan (?P<beoordeelbaar>\d+) beoordeelbaar$"
    )
)
def versie_met_normen(
    dossier: Dossier, versie: str, kader: str, normen: str, beoordeelbaar: str
) -> None:
    """Gebruik: ``Dan is versie "2026-01-01" van "awb-h9" geladen met 20 normen, waarvan 17 beoordeelbaar``."""
    assert dossier.fout is None, dossier.fout.melding if dossier.fout else ""
    assert dossier.laadresultaat is not None
    assert dossier.laadresultaat.nieuw
    with dossier.lees() as w:
        v = normdiensten.versie(w, kader, versie)
        assert normdiensten.aantal_normen(w, v) == (int(normen), int(beoordeelbaar))


@then(parsers.re(r'zijn de categorieën van "(?P<kader>[^"]+)": (?P<categorieen>.+)$'))
def categorieen(dossier: Dossier, kader: str, categorieen: str) -> None:
    """Gebruik: ``En zijn de categorieën van "awb-h9": "9.1.1", "9.1.2", "9.1.3"``."""
    with dossier.lees() as w:
        normen = normdiensten.normen(w, normdiensten.versie(w, kader))
    assert [n.ref for n in normen if not n.beoordeelbaar] == refs(categorieen)


@then(parsers.re(r'hangt elke beoordeelbare norm van "(?P<kader>[^"]+)" onder een categorie$'))
def onder_categorie(dossier: Dossier, kader: str) -> None:
    """Every assessable norm has a parent that is a category, one level up."""
    with dossier.lees() as w:
        normen = normdiensten.normen(w, normdiensten.versie(w, kader))
    per_id = {n.id: n for n in normen}
    for n in normen:
        if n.beoordeelbaar:
            assert n.ouder_id in per_id, f"{n.ref} heeft geen ouder"
            ouder = per_id[n.ouder_id]
            assert not ouder.beoordeelbaar, n.ref
            assert ouder.diepte + 1 == n.diepte, n.ref


@then(
    parsers.re(
        r'meldt het laden dat versie "(?P<versie>[^"]+)" van "(?P<kader>[^"]+)" al geladen was$'
    )
)
def al_geladen(dossier: Dossier, versie: str, kader: str) -> None:
    r = dossier.laadresultaat
    assert dossier.fout is None, dossier.fout.melding if dossier.fout else ""
    assert r is not None
    assert (r.code, r.versie, r.nieuw) == (kader, versie, False)


@then(parsers.re(r'wordt het laden geweigerd met de melding "(?P<melding>.+)"$'))
def laden_geweigerd(dossier: Dossier, melding: str) -> None:
    """Gebruik: ``Dan wordt het laden geweigerd met de melding "..."``; een deel volstaat."""
    assert dossier.fout is not None, "Het laden slaagde maar had geweigerd moeten worden."
    dossier.beoordeeld = True
    assert melding in dossier.fout.melding, dossier.fout.melding


@then("is er niets veranderd in de database")
def niets_veranderd(dossier: Dossier) -> None:
    """Every table holds exactly the rows it held before the Als step."""
    assert dossier.voor is not None, "Er ging geen Als-stap aan vooraf."
    assert dossier.momentopname() == dossier.voor


@then(parsers.re(r'heeft "(?P<kader>[^"]+)" de versies:$'))
def versies(dossier: Dossier, kader: str, datatable: list[list[str]]) -> None:
    """Gebruik: een tabel met ``versie``, ``geldig van`` en ``normen``, oudste eerst."""
    with dossier.lees() as w:
        [gevonden] = [k for k in normdiensten.kaders(w) if k.code == kader]
        werkelijk = [
            {
                "versie": v.versie,
                "geldig van": nl_datum(v.geldig_van),
                "normen": str(normdiensten.aantal_normen(w, v)[0]),
            }
            for v in gevonden.versies
        ]
    verwacht = [{k: x.strip() for k, x in rij.items()} for rij in dossier.verloop.tabel(datatable)]
    assert werkelijk == verwacht


@then(
    parsers.re(
        r'heeft norm "(?P<ref>[^"]+)" van versie "(?P<versie>[^"]+)" in ronde (?P<ronde>\S+)'
        r'(?: nog altijd het oordeel "(?P<waarde>[^"]+)"| geen oordeel)$'
    )
)
def oordeel_in_versie(
    dossier: Dossier, ref: str, versie: str, ronde: str, waarde: str | None
) -> None:
    """The oordeel as the coverage report of that version shows it.

    Gebruik: ``En heeft norm "9:6" van versie "2026-01-01" in ronde 2026 nog altijd het
    oordeel "voldoet"`` of ``... in ronde 2026 geen oordeel``.
    """
    assert dossier.kader is not None
    dossier.opmaken(dossier.kader, dossier.vandaag, versie=versie, ronde=ronde)
    assert dossier.rapport is not None
    assert dossier.rapport["versie"] == versie
    oordeel = dossier.regel(ref)["oordeel"]
    assert (oordeel["waarde"] if oordeel else None) == waarde


@then(parsers.re(r'geldt op (?P<datum>\S+) versie "(?P<versie>[^"]+)" van "(?P<kader>[^"]+)"$'))
def geldende_versie(dossier: Dossier, datum: str, versie: str, kader: str) -> None:
    """Gebruik: ``Dan geldt op 01-01-2027 versie "2027-01-01" van "awb-h9"``."""
    with dossier.lees() as w:
        assert normdiensten.versie(w, kader, op=parse_datum(datum)).versie == versie


@then(
    parsers.re(
        r'is norm "(?P<ref>[^"]+)" van "(?P<kader>[^"]+)" op peildatum (?P<peildatum>\S+)'
        r' (?P<dekking>niet gedekt|gedekt door "(?P<titel>[^"]+)" versie (?P<versie>\d+))$'
    )
)
def norm_gedekt_op(
    dossier: Dossier,
    ref: str,
    kader: str,
    peildatum: str,
    dekking: str,
    titel: str | None,
    versie: str | None,
) -> None:
    """Gebruik: ``Dan is norm "9:1" van "awb-h9" op peildatum 30-06-2026 gedekt door
    "Publieksfolder klagen" versie 1`` of ``... op peildatum 01-07-2026 niet gedekt``."""
    dossier.opmaken(kader, parse_datum(peildatum))
    r = dossier.regel(ref)
    if titel is None:
        assert not r["gedekt"], r
        assert r["bewijs"] == [], r
    else:
        assert r["gedekt"], r
        assert [(b["titel"], b["versie"]) for b in r["bewijs"]] == [(titel, int(versie or 0))]


@then(parsers.re(r'is norm "(?P<ref>[^"]+)" niet gedekt$'))
def norm_niet_gedekt(dossier: Dossier, ref: str) -> None:
    """In the last coverage report. Gebruik: ``Dan is norm "9:11" niet gedekt``."""
    assert not dossier.regel(ref)["gedekt"]


@then(
    parsers.re(
        r'noemt het overzicht bij (?:die norm|norm "(?P<ref>[^"]+)") het verlopen bewijs'
        r' "(?P<titel>[^"]+)"$'
    )
)
def verlopen_bewijs(dossier: Dossier, ref: str | None, titel: str) -> None:
    """Gebruik: ``En noemt het overzicht bij die norm het verlopen bewijs "Publieksfolder klagen"``."""
    assert dossier.regel(ref)["verlopen_bewijs"] == [dossier.bewijs[titel]]


@then("staat die norm bij de gaten, vóór elke gedekte norm")
def norm_bij_de_gaten(dossier: Dossier) -> None:
    """The norm in focus is not covered and comes before every covered norm."""
    assert dossier.rapport is not None
    regels = dossier.rapport["per_norm"]
    plek = [x["ref"] for x in regels].index(dossier.regel()["ref"])
    gedekt = [i for i, x in enumerate(regels) if x["gedekt"]]
    assert not regels[plek]["gedekt"]
    assert all(plek < i for i in gedekt), [x["ref"] for x in regels]


@then("toont het overzicht per categorie:")
def per_categorie(dossier: Dossier, datatable: list[list[str]]) -> None:
    """Gebruik: een tabel met ``categorie``, ``titel``, ``normen``, ``gedekt`` en ``percentage``."""
    assert dossier.rapport is not None
    werkelijk = [
        {
            "categorie": c["ref"] or "",
            "titel": c["titel"],
            "normen": str(c["normen"]),
            "gedekt": str(c["gedekt"]),
            "percentage": procent(c["percentage"]),
        }
        for c in dossier.rapport["categorieen"]
    ]
    verwacht = [{k: x.strip() for k, x in rij.items()} for rij in dossier.verloop.tabel(datatable)]
    assert werkelijk == verwacht


@then(
    parsers.re(
        r"zijn in totaal (?P<gedekt>\d+) van de (?P<normen>\d+) normen gedekt"
        r" \((?P<percentage>[\d,]+%)\)$"
    )
)
def totaal(dossier: Dossier, gedekt: str, normen: str, percentage: str) -> None:
    r = dossier.rapport
    assert r is not None
    assert (r["gedekt"], r["normen"], procent(r["percentage"])) == (
        int(gedekt),
        int(normen),
        percentage,
    )
    assert sum(c["gedekt"] for c in r["categorieen"]) == r["gedekt"]


@then(
    parsers.re(
        r'staan de (?P<aantal>\d+) normen zonder dekking vooraan, te beginnen met "(?P<ref>[^"]+)"$'
    )
)
def gaten_vooraan(dossier: Dossier, aantal: str, ref: str) -> None:
    assert dossier.rapport is not None
    gedekt = [x["gedekt"] for x in dossier.rapport["per_norm"]]
    n = int(aantal)
    assert gedekt == [False] * n + [True] * (len(gedekt) - n)
    assert dossier.rapport["per_norm"][0]["ref"] == ref


@then(parsers.re(r"staan de gedekte normen (?P<normen>.+) achteraan$"))
def gedekt_achteraan(dossier: Dossier, normen: str) -> None:
    assert dossier.rapport is not None
    verwacht = refs(normen)
    achteraan = dossier.rapport["per_norm"][-len(verwacht) :]
    assert [x["ref"] for x in achteraan] == verwacht
    assert all(x["gedekt"] for x in achteraan)


@then(parsers.re(r'draagt het overzicht de markering "(?P<markering>[^"]+)"$'))
def markering(dossier: Dossier, markering: str) -> None:
    assert dossier.rapport is not None
    assert dossier.rapport["werkversie"] is True
    assert dossier.rapport["markering"] == markering


@then("draagt het overzicht geen werkversie-markering")
def geen_markering(dossier: Dossier) -> None:
    assert dossier.rapport is not None
    assert (dossier.rapport["werkversie"], dossier.rapport["markering"]) == (False, None)


@then(parsers.re(r'begint de toelichting van "(?P<kader>[^"]+)" met "(?P<tekst>[^"]+)"$'))
def toelichting_begint(dossier: Dossier, kader: str, tekst: str) -> None:
    with dossier.lees() as w:
        v = normdiensten.versie(w, kader)
        assert v.werkversie
        assert (v.toelichting or "").startswith(tekst), v.toelichting


@then("toont het overzicht de registercijfers:")
def registercijfers(dossier: Dossier, datatable: list[list[str]]) -> None:
    """The figures the register gives per norm, in the last coverage report.

    Gebruik: een tabel met ``norm`` en naar keuze ``indicator``, ``teller``, ``noemer``,
    ``percentage`` (``66,7%``; ``-`` als er niets te tellen is) en ``dekt de norm`` (ja/nee).
    """
    for rij in dossier.verloop.tabel(datatable):
        rij = {k: x.strip() for k, x in rij.items()}
        cijfer = dossier.regel(rij.pop("norm"))["registerbewijs"]
        assert cijfer is not None, f"Norm {dossier.norm} heeft geen registercijfer."
        werkelijk = {
            "indicator": cijfer["indicator"],
            "teller": str(cijfer["teller"]),
            "noemer": str(cijfer["noemer"]),
            "percentage": procent(cijfer["percentage"]),
            "dekt de norm": "ja" if cijfer["dekt"] else "nee",
        }
        assert {k: werkelijk[k] for k in rij} == rij, f"norm {dossier.norm}"
        assert dossier.regel()["gedekt"] == (cijfer["dekt"] or bool(dossier.regel()["bewijs"]))


@then(
    parsers.re(
        r"zijn de normen (?P<normen>.+) gedekt zonder dat er een bewijsstuk aan gekoppeld is$"
    )
)
def gedekt_door_register(dossier: Dossier, normen: str) -> None:
    for ref in refs(normen):
        r = dossier.regel(ref)
        assert r["gedekt"], r
        assert r["bewijs"] == [], r
        assert r["registerbewijs"]["dekt"], r


@then(parsers.re(r'staat bij norm "(?P<ref>[^"]+)" het oordeel "(?P<waarde>[^"]+)"$'))
def oordeel_bij_norm(dossier: Dossier, ref: str, waarde: str) -> None:
    oordeel = dossier.regel(ref)["oordeel"]
    assert oordeel is not None
    assert oordeel["waarde"] == waarde


@then(
    parsers.re(
        r'staat bij norm "(?P<ref>[^"]+)" de open verbeteractie "(?P<omschrijving>[^"]+)"'
        r' van "(?P<eigenaar>[^"]+)" met deadline (?P<deadline>\S+)$'
    )
)
def open_actie(dossier: Dossier, ref: str, omschrijving: str, eigenaar: str, deadline: str) -> None:
    [actie] = dossier.regel(ref)["open_acties"]
    assert (actie["omschrijving"], actie["eigenaar"], actie["deadline"], actie["te_laat"]) == (
        omschrijving,
        eigenaar,
        parse_datum(deadline).isoformat(),
        False,
    )


@then(parsers.re(r"is de verbeteractie verbonden met de klacht (?P<klacht>\S+)$"))
def actie_met_klacht(dossier: Dossier, klacht: str) -> None:
    assert dossier.actie is not None
    with dossier.lees() as w:
        assert actie_dict(w, laad_actie(w, dossier.actie))["klachten"] == [klacht]


@then(parsers.re(r'is de verbeteractie bij norm "(?P<ref>[^"]+)" te laat$'))
def actie_te_laat(dossier: Dossier, ref: str) -> None:
    [actie] = dossier.regel(ref)["open_acties"]
    assert actie["kenmerk"] == dossier.actie
    assert actie["te_laat"] is True
