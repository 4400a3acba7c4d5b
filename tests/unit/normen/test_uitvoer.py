"""Exporting a kader: YAML and CSV read back to the same kader; CISO Assistant's structure."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import yaml

from kwaliteit.fouten import InvoerFout
from normen import uitvoer
from normen.kaderbestand import (
    WERKVERSIE_MARKERING,
    KaderData,
    kader_uit_tekst,
    lees_kader,
    meegeleverde_kaders,
)
from normen.spreadsheet import Kadergegevens, lees_spreadsheet

MEEGELEVERD = sorted(meegeleverde_kaders())


def meegeleverd(code: str) -> KaderData:
    return lees_kader(meegeleverde_kaders()[code])


def gegevens_van(k: KaderData) -> Kadergegevens:
    return Kadergegevens(
        kader=k.code,
        naam=k.naam,
        versie=k.versie,
        geldig_van=k.geldig_van,
        geldig_tot=k.geldig_tot,
        bron=k.bron,
        licentie=k.licentie,
        werkversie=k.werkversie,
        publicatiedatum=k.publicatiedatum,
        toelichting=k.toelichting,
    )


@pytest.mark.parametrize("code", MEEGELEVERD)
def test_yaml_export_leest_terug_tot_dezelfde_sha256(code: str) -> None:
    k = meegeleverd(code)
    tekst = uitvoer.als_yaml(k)
    terug = kader_uit_tekst(tekst, f"{code}.yaml")
    assert terug.sha256() == k.sha256()
    assert terug == k
    assert uitvoer.als_yaml(terug) == tekst


def test_yaml_export_zet_normteksten_als_blok_en_noemt_een_werkversie() -> None:
    werkversie = uitvoer.als_yaml(meegeleverd("sterk-sociaal-werk"))
    assert werkversie.splitlines()[2] == f"# {WERKVERSIE_MARKERING}"
    awb = uitvoer.als_yaml(meegeleverd("awb-h9"))
    assert awb.splitlines()[2] == "formaat: kwaliteit-kader/1"
    # Articles with several members keep their lines, as a literal block.
    assert "  normtekst: |-\n    1. Een ieder heeft het recht" in awb


@pytest.mark.parametrize("code", MEEGELEVERD)
def test_csv_export_leest_terug_als_spreadsheet_tot_hetzelfde_kader(
    code: str, tmp_path: Path
) -> None:
    k = meegeleverd(code)
    assert uitvoer.csv_beperkingen(k) == []
    pad = tmp_path / f"{code}.csv"
    pad.write_text(uitvoer.als_csv(k, regeleinde="\r\n"), encoding="utf-8-sig")
    terug = lees_spreadsheet(pad, gegevens_van(k))
    assert terug.normen == k.normen
    assert terug.sha256() == k.sha256()


def test_csv_beschermt_tegen_formules_en_leest_ze_terug(tmp_path: Path) -> None:
    k = meegeleverd("wmo2015-h3")
    norm = dataclasses.replace(
        k.normen[1], titel="=SOM(A1)", normtekst="-- een streepje vooraan", toelichting="'=al"
    )
    k = dataclasses.replace(k, normen=(k.normen[0], norm, *k.normen[2:]))
    tekst = uitvoer.als_csv(k)
    assert "'=SOM(A1)" in tekst
    assert "''=al" in tekst
    pad = tmp_path / "k.csv"
    pad.write_text(tekst, encoding="utf-8")
    assert lees_spreadsheet(pad, gegevens_van(k)).normen == k.normen


def test_csv_noemt_wat_het_niet_kan_dragen() -> None:
    k = meegeleverd("wmo2015-h3")
    categorie = dataclasses.replace(k.normen[0], normtekst="Tekst bij een categorie")
    norm = dataclasses.replace(k.normen[1], urn="urn:eigen:1", typisch_bewijs=("a; b",))
    k = dataclasses.replace(k, normen=(categorie, norm, *k.normen[2:]))
    assert uitvoer.csv_beperkingen(k) == [
        "eigen urn's van normen staan niet in CSV; een import leidt ze opnieuw af",
        "'H3' is een categorie met een normtekst; na import is ze beoordeelbaar",
        "'3.1': typisch bewijs met ';' of een regeleinde wordt bij import gesplitst",
    ]


def test_ciso_export_heeft_de_structuur_van_een_ciso_assistant_bibliotheek() -> None:
    k = meegeleverd("awb-h9")
    data = yaml.safe_load(uitvoer.als_ciso(k, volgnummer=2))
    assert list(data) == [
        "urn",
        "locale",
        "ref_id",
        "name",
        "description",
        "copyright",
        "version",
        "publication_date",
        "provider",
        "packager",
        "objects",
    ]
    assert data["urn"] == "urn:kwaliteit:risk:library:awb-h9"
    assert (data["locale"], data["ref_id"], data["version"], data["packager"]) == (
        "nl",
        "awb-h9",
        2,
        "kwaliteit",
    )
    assert data["publication_date"] == date(2026, 1, 1)
    assert data["provider"] == "wetten.overheid.nl"
    assert data["copyright"] == k.licentie
    framework = data["objects"]["framework"]
    assert framework["urn"] == "urn:kwaliteit:risk:framework:awb-h9"
    assert (framework["ref_id"], framework["name"]) == ("awb-h9", k.naam)
    knopen = framework["requirement_nodes"]
    assert len(knopen) == len(k.normen)
    urns = {kn["urn"] for kn in knopen}
    assert len(urns) == len(knopen)
    per_ref = {kn["ref_id"]: kn for kn in knopen}
    categorie, artikel = per_ref["9.1.1"], per_ref["9:1"]
    assert categorie == {
        "urn": "urn:kwaliteit:risk:req_node:awb-h9:9.1.1",
        "assessable": False,
        "depth": 1,
        "ref_id": "9.1.1",
        "name": "Algemene bepalingen",
        "annotation": k.normen[0].toelichting,
    }
    assert list(artikel) == [
        "urn",
        "assessable",
        "depth",
        "parent_urn",
        "ref_id",
        "name",
        "description",
        "annotation",
        "typical_evidence",
    ]
    assert artikel["parent_urn"] == categorie["urn"]
    assert (artikel["assessable"], artikel["depth"]) == (True, 2)
    assert artikel["description"] == k.normen[1].normtekst
    assert artikel["typical_evidence"] == "\n".join(k.normen[1].typisch_bewijs)
    for kn in knopen:
        assert kn["urn"] == kn["urn"].lower()
        if kn["depth"] > 1:
            assert kn["parent_urn"] in urns


def test_ciso_urns_dragen_geen_versie_zodat_een_nieuwe_versie_dezelfde_knopen_heeft() -> None:
    k = meegeleverd("awb-h9")
    nieuw = dataclasses.replace(k, versie="2027-01-01", geldig_van=date(2027, 1, 1))
    oud_urns = [
        kn["urn"] for kn in uitvoer.als_ciso_data(k)["objects"]["framework"]["requirement_nodes"]
    ]
    nieuw_urns = [
        kn["urn"]
        for kn in uitvoer.als_ciso_data(nieuw)["objects"]["framework"]["requirement_nodes"]
    ]
    assert oud_urns == nieuw_urns


def test_ciso_export_van_een_werkversie_zegt_dat() -> None:
    data = yaml.safe_load(uitvoer.als_ciso(meegeleverd("sterk-sociaal-werk")))
    assert WERKVERSIE_MARKERING in data["description"]
    assert WERKVERSIE_MARKERING in data["objects"]["framework"]["description"]
    assert data["provider"] == "kwaliteit"


@pytest.mark.parametrize("formaat", uitvoer.FORMATEN)
def test_elke_export_is_steeds_gelijk(formaat: str) -> None:
    k = meegeleverd("sterk-sociaal-werk")
    assert uitvoer.tekst(k, formaat) == uitvoer.tekst(meegeleverd("sterk-sociaal-werk"), formaat)


def test_een_onbekend_formaat_wordt_geweigerd() -> None:
    with pytest.raises(InvoerFout, match="kies yaml, ciso, csv"):
        uitvoer.tekst(meegeleverd("awb-h9"), "pdf")


def test_schrijven_gaat_via_een_tijdelijk_bestand_en_weigert_een_map(tmp_path: Path) -> None:
    doel = tmp_path / "uit.yaml"
    uitvoer.schrijf("inhoud\n", doel)
    assert doel.read_text(encoding="utf-8") == "inhoud\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit.yaml"]
    with pytest.raises(InvoerFout, match="is een map"):
        uitvoer.schrijf("x", tmp_path)
    with pytest.raises(InvoerFout, match="bestaat niet"):
        uitvoer.schrijf("x", tmp_path / "geen" / "uit.yaml")
