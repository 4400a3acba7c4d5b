"""The organisation profile file: every error as bestand:regel, and a lossless round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwaliteit import organisatiebestand
from kwaliteit.organisatie import (
    Klachtenregeling,
    OngeldigProfiel,
    Profiel,
    normaliseer,
    wijzig,
)

REGIMES = ["awb", "wmo2015", "jeugdwet", "wkkgz"]
VOORBEELD = Path(__file__).resolve().parents[3] / "demo" / "organisatie-wot-schiedam.yaml"


def fouten(tekst: str) -> list[str]:
    with pytest.raises(OngeldigProfiel) as e:
        organisatiebestand.lees(tekst, "p.yaml", regimes=REGIMES)
    return e.value.details or [e.value.melding]


def test_het_voorbeeldprofiel_is_geldig() -> None:
    p = organisatiebestand.lees(VOORBEELD.read_text(encoding="utf-8"), "v", regimes=REGIMES)
    assert p.naam == "Wijkondersteuningsteams (WOT) Schiedam"
    assert len(p.wijken) == 7
    assert p.dossiernaam == "Wijkondersteuningsteams (WOT) Schiedam"


def test_schrijven_en_lezen_geeft_hetzelfde_profiel() -> None:
    p = Profiel(
        naam="Welzijn: 'Oost' & \"West\"",
        adres=("Straat 1", "1234 AB Plaats"),
        wijken=("Centrum", "Ä-wijk", "123"),
        categorieen=("ja", "null", "true"),  # words YAML would otherwise turn into values
        standaard_categorie="null",
        klachtenregeling=Klachtenregeling(afhandeltermijn_weken=4, standaard_regime="wkkgz"),
    )
    tekst = organisatiebestand.schrijf(p)
    assert organisatiebestand.lees(tekst, "x", regimes=REGIMES) == p
    assert "# De wijken of locaties." in tekst


def test_een_leeg_profiel_is_geldig_en_heeft_de_standaarden() -> None:
    p = organisatiebestand.lees("formaat: kwaliteit-organisatie/1\n", "p", regimes=REGIMES)
    assert p == Profiel()
    assert p.klachtenregeling.standaard_regime == "awb"


def test_kapotte_yaml_noemt_de_regel() -> None:
    assert fouten("formaat: kwaliteit-organisatie/1\nwijken: [Oost\nnaam: x\n")[0].startswith(
        "p.yaml:3: geen geldige YAML"
    )


def test_elke_fout_met_bestand_en_regel_in_een_keer() -> None:
    tekst = (
        "formaat: kwaliteit-organisatie/1\n"  # 1
        "naam: 12\n"  # 2
        "wijken: [Oost, West]\n"  # 3
        "klachtenregeling:\n"  # 4
        "  termijn: 4\n"  # 5
        "kleur: rood\n"  # 6
    )
    assert fouten(tekst) == [
        "p.yaml:2: naam: verwacht tekst, niet 12 (zet de waarde tussen aanhalingstekens, "
        'bijvoorbeeld ref: "1.10")',
        "p.yaml:5: klachtenregeling: onbekend veld 'termijn'; toegestaan: naam, "
        "afhandeltermijn_weken, klachtadviescommissie, standaard_regime, "
        "doorzendtermijn_werkdagen",
        "p.yaml:6: het bestand: onbekend veld 'kleur'; toegestaan: formaat, naam, rechtsvorm, "
        "gemeente, adres, ondertekenaar, wijken, teams, aanbieders, categorieen, "
        "standaard_categorie, klachtenregeling, bewaartermijnen, dossier, reikwijdte",
    ]


def test_dubbele_sleutel_en_dubbele_waarde() -> None:
    gevonden = fouten("formaat: kwaliteit-organisatie/1\nnaam: a\nnaam: b\n")
    assert gevonden == ["p.yaml:3: sleutel 'naam' staat hier dubbel"]
    gevonden = fouten("formaat: kwaliteit-organisatie/1\nwijken:\n  - Oost\n  - West\n  - OOST \n")
    assert gevonden == [
        "p.yaml:5: wijken[3]: 'OOST' staat er al als 'Oost' (hoofdletters, spaties en "
        "accenten tellen niet)"
    ]


@pytest.mark.parametrize(
    ("regeling", "goed"),
    [
        ("afhandeltermijn_weken: 4", True),
        ("afhandeltermijn_weken: 6", True),
        ("afhandeltermijn_weken: 7", False),  # longer than the law's six weeks
        ("afhandeltermijn_weken: 0", False),
        ("afhandeltermijn_weken: 10\n  klachtadviescommissie: true", True),
        ("afhandeltermijn_weken: 11\n  klachtadviescommissie: true", False),
        ("afhandeltermijn_weken: null", True),
        ("standaard_regime: wkkgz", True),
        ("standaard_regime: gemeente", False),
        ("doorzendtermijn_werkdagen: 30", False),
    ],
)
def test_de_klachtenregeling_blijft_binnen_de_wet(regeling: str, goed: bool) -> None:
    tekst = f"formaat: kwaliteit-organisatie/1\nklachtenregeling:\n  {regeling}\n"
    if goed:
        organisatiebestand.lees(tekst, "p.yaml", regimes=REGIMES)
    else:
        assert fouten(tekst)[0].startswith("p.yaml:3: klachtenregeling.")


def test_de_standaardcategorie_moet_in_de_lijst_staan() -> None:
    tekst = "formaat: kwaliteit-organisatie/1\ncategorieen: [a, b]\nstandaard_categorie: c\n"
    assert fouten(tekst) == [
        "p.yaml:3: standaard_categorie: 'c' staat niet in de categorieën (a, b)"
    ]


def test_het_formaat_is_verplicht() -> None:
    assert fouten("naam: x\n") == ["p.yaml:1: het bestand: verplicht veld 'formaat' ontbreekt"]


def test_normaliseren_negeert_hoofdletters_spaties_en_accenten() -> None:
    assert normaliseer("  Centrum   WEST ") == normaliseer("centrum west")
    assert normaliseer("Überwijk") == normaliseer("uberwijk")
    assert normaliseer("Centrum/West") != normaliseer("Centrum West")


def test_wijzigen_voegt_toe_en_haalt_weg_zonder_dubbelen() -> None:
    p = Profiel(wijken=("Oost", "West"))
    q = wijzig(p, erbij={"wijken": ["oost", "Noord "]}, eraf={"wijken": ["WEST"]})
    assert q.wijken == ("Oost", "Noord")
    with pytest.raises(OngeldigProfiel, match="wijk 'Zuid' staat niet in het profiel"):
        wijzig(p, eraf={"wijken": ["Zuid"]})
    r = wijzig(p, velden={"naam": "X", "klachtenregeling.afhandeltermijn_weken": 4})
    assert (r.naam, r.klachtenregeling.afhandeltermijn_weken) == ("X", 4)
