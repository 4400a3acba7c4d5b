"""Reading and checking kader files (YAML): every error at once, each with its line."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from normen.fouten import OngeldigKader
from normen.kaderbestand import (
    WERKVERSIE_MARKERING,
    controleer_kader,
    kader_uit_tekst,
    lees_kader,
    meegeleverde_kaders,
)

GOED = textwrap.dedent(
    """\
    formaat: kwaliteit-kader/1
    kader: proef
    naam: "Proefkader"
    versie: "v1"
    geldig_van: 2026-01-01
    geldig_tot: null
    bron: "Eigen tekst"
    publicatiedatum: 2025-12-01
    licentie: "CC0"
    werkversie: false
    schaal: [voldoet, voldoet-deels, voldoet-niet, nvt]
    normen:
      - ref: "A"
        titel: "Categorie A"
        beoordeelbaar: false
      - ref: "A.1"
        ouder: "A"
        titel: "Eerste norm"
        normtekst: |
          De organisatie doet het eerste.
        typisch_bewijs: ["Werkinstructie"]
        tags: [proef]
      - ref: "A.2"
        ouder: "A"
        titel: "Tweede norm"
        normtekst: "De organisatie doet het tweede."
    """
)


REF_A1 = 'ref: "A.1"'
REF_A2 = 'ref: "A.2"'
OUDER_B = 'ouder: "B"'
OUDER_A3 = 'ouder: "A.3"'


def regel_van(tekst: str, fragment: str, keer: int = 1) -> int:
    """The 1-based line of the ``keer``-th line that contains ``fragment``."""
    gevonden = [i for i, r in enumerate(tekst.splitlines(), start=1) if fragment in r]
    assert len(gevonden) >= keer, f"{fragment!r} staat niet {keer} keer in de tekst"
    return gevonden[keer - 1]


def fouten_in(tekst: str, naam: str = "kader.yaml") -> list[str]:
    with pytest.raises(OngeldigKader) as e:
        kader_uit_tekst(tekst, naam)
    assert e.value.details, e.value.melding
    return e.value.details


def test_een_goed_kader_wordt_gelezen_met_diepte_volgorde_en_urn() -> None:
    k = kader_uit_tekst(GOED, "kader.yaml")
    assert (k.code, k.versie, k.geldig_van, k.publicatiedatum) == (
        "proef",
        "v1",
        date(2026, 1, 1),
        date(2025, 12, 1),
    )
    assert [(n.ref, n.ouder, n.diepte, n.volgorde, n.beoordeelbaar) for n in k.normen] == [
        ("A", None, 1, 1, False),
        ("A.1", "A", 2, 2, True),
        ("A.2", "A", 2, 3, True),
    ]
    assert k.normen[1].normtekst == "De organisatie doet het eerste."
    assert k.normen[1].urn == "urn:kwaliteit:proef:v1:A.1"


def test_een_yaml_fout_noemt_de_regel() -> None:
    tekst = GOED.replace('    titel: "Tweede norm"', '    titel: "Tweede norm\n    kapot: [')
    (melding,) = fouten_in(tekst)
    assert melding.startswith("kader.yaml:")
    assert "geen geldige YAML" in melding


def test_een_ontbrekend_verplicht_veld_wordt_gemeld() -> None:
    tekst = GOED.replace('licentie: "CC0"\n', "")
    (melding,) = fouten_in(tekst)
    assert melding == "kader.yaml:1: het bestand: verplicht veld 'licentie' ontbreekt"


def test_een_verkeerd_type_noemt_de_regel_van_het_veld() -> None:
    tekst = GOED.replace("werkversie: false", "werkversie: misschien")
    (melding,) = fouten_in(tekst)
    assert melding.startswith(f"kader.yaml:{regel_van(tekst, 'werkversie:')}: werkversie: ")
    assert "verwacht true of false" in melding


def test_een_ref_als_getal_krijgt_de_hint_om_aanhalingstekens_te_gebruiken() -> None:
    tekst = GOED.replace('- ref: "A.2"', "- ref: 1.10")
    (melding,) = fouten_in(tekst)
    assert melding.startswith(f"kader.yaml:{regel_van(tekst, 'ref: 1.10')}: normen[3].ref: ")
    assert "tussen aanhalingstekens" in melding


def test_een_onbekend_veld_noemt_de_toegestane_velden() -> None:
    tekst = GOED.replace('    titel: "Eerste norm"', '    titel: "Eerste norm"\n    gewicht: 3')
    (melding,) = fouten_in(tekst)
    # The line of the unknown key itself, not of the norm that holds it.
    assert melding.startswith(f"kader.yaml:{regel_van(tekst, '    gewicht: 3')}: normen[2]: ")
    assert "onbekend veld 'gewicht'" in melding
    assert "toegestaan: ref, urn, ouder" in melding


def test_een_verkeerd_formaat_en_een_onbekend_oordeel_worden_gemeld() -> None:
    tekst = GOED.replace("kwaliteit-kader/1", "kwaliteit-kader/2").replace(
        "voldoet-niet, nvt", "voldoet-niet, misschien"
    )
    fouten = fouten_in(tekst)
    assert (
        fouten[0]
        == "kader.yaml:1: formaat: moet 'kwaliteit-kader/1' zijn, niet 'kwaliteit-kader/2'"
    )
    assert fouten[1].startswith(f"kader.yaml:{regel_van(tekst, 'schaal:')}: schaal[4]: ")
    assert "'misschien' is niet toegestaan" in fouten[1]


def test_datums_blijven_tekst_en_een_foute_datum_wordt_gemeld() -> None:
    # Unquoted ISO dates are read as text and then checked: the same as quoted ones.
    assert kader_uit_tekst(GOED.replace("2026-01-01", '"2026-01-01"'), "k.yaml") == kader_uit_tekst(
        GOED, "k.yaml"
    )
    tekst = GOED.replace("geldig_van: 2026-01-01", "geldig_van: 2026-13-01").replace(
        "publicatiedatum: 2025-12-01", "publicatiedatum: 01-12-2025"
    )
    fouten = fouten_in(tekst)
    assert fouten == [
        f"kader.yaml:{regel_van(tekst, 'geldig_van')}: geldig_van: '2026-13-01' is geen datum; gebruik jjjj-mm-dd",
        f"kader.yaml:{regel_van(tekst, 'publicatiedatum')}: publicatiedatum: '01-12-2025' is geen datum; gebruik jjjj-mm-dd",
    ]


def test_dubbele_sleutels_worden_gemeld_met_hun_regel() -> None:
    tekst = GOED.replace('naam: "Proefkader"', 'naam: "Proefkader"\nnaam: "Nog een naam"')
    (melding,) = fouten_in(tekst)
    assert (
        melding
        == f"kader.yaml:{regel_van(tekst, 'Nog een naam')}: sleutel 'naam' staat hier dubbel"
    )


def test_een_dubbele_ref_noemt_beide_regels() -> None:
    tekst = GOED.replace('- ref: "A.2"', '- ref: "A.1"')
    (melding,) = fouten_in(tekst)
    eerste, tweede = regel_van(tekst, 'ref: "A.1"'), regel_van(tekst, 'ref: "A.1"', 2)
    assert melding == (
        f"kader.yaml:{tweede}: ref 'A.1' staat al op regel {eerste}; elke ref is uniek"
    )


def test_een_onbekende_ouder_en_een_latere_ouder_worden_gemeld() -> None:
    tekst = GOED.replace(
        'ouder: "A"\n    titel: "Eerste', 'ouder: "B"\n    titel: "Eerste'
    ).replace(
        'ouder: "A"\n    titel: "Tweede', 'ouder: "A.3"\n    titel: "Tweede'
    ) + textwrap.indent('- ref: "A.3"\n  titel: "Derde"\n  normtekst: "Tekst."\n', "  ")
    fouten = fouten_in(tekst)
    assert fouten == [
        f"kader.yaml:{regel_van(tekst, OUDER_B)}: ouder 'B' van 'A.1' bestaat niet; "
        "een ouder moet eerder in het bestand staan",
        f"kader.yaml:{regel_van(tekst, OUDER_A3)}: ouder 'A.3' van 'A.2' staat pas later "
        "in het bestand; een ouder moet eerder in het bestand staan",
    ]


def test_een_beoordeelbare_norm_zonder_normtekst_wordt_gemeld() -> None:
    tekst = GOED.replace(
        '    normtekst: "De organisatie doet het tweede."\n', "    beoordeelbaar: true\n"
    )
    (melding,) = fouten_in(tekst)
    assert melding == (
        f"kader.yaml:{regel_van(tekst, REF_A2)}: norm 'A.2' is beoordeelbaar maar heeft "
        "geen normtekst"
    )


def test_geldig_tot_voor_geldig_van_wordt_gemeld() -> None:
    tekst = GOED.replace("geldig_tot: null", "geldig_tot: 2025-01-01")
    (melding,) = fouten_in(tekst)
    assert melding == (
        f"kader.yaml:{regel_van(tekst, 'geldig_tot')}: geldig_tot (2025-01-01) ligt voor "
        "geldig_van (2026-01-01)"
    )


def test_een_kader_zonder_beoordeelbare_norm_wordt_gemeld() -> None:
    tekst = GOED.split(f"  - {REF_A1}")[0]
    (melding,) = fouten_in(tekst)
    # The line is where the list of normen starts.
    assert (
        melding
        == f"kader.yaml:{regel_van(tekst, '- ref:')}: het kader heeft geen beoordeelbare norm"
    )


def test_een_bestand_zonder_velden_wordt_gemeld() -> None:
    assert fouten_in("- alleen\n- een lijst\n") == [
        "kader.yaml:1: verwacht een kader (velden als formaat, kader, naam, normen)"
    ]


def test_alle_fouten_komen_tegelijk_en_op_volgorde_van_regel() -> None:
    tekst = (
        GOED.replace("kader: proef", "kader: Proef!")
        .replace('versie: "v1"', "versie: 1")
        .replace('    titel: "Tweede norm"\n', "")
        .replace("tags: [proef]", "tags: [Proef]")
    )
    fouten = fouten_in(tekst)
    assert len(fouten) == 4
    regels = [int(f.split(":")[1]) for f in fouten]
    assert regels == sorted(regels)
    assert regels == [
        regel_van(tekst, "kader: Proef!"),
        regel_van(tekst, "versie: 1"),
        regel_van(tekst, "tags: [Proef]"),
        regel_van(tekst, 'ref: "A.2"'),
    ]
    assert "verplicht veld 'titel' ontbreekt" in fouten[3]


def test_controleer_kader_geeft_de_fouten_en_niets_bij_een_goed_bestand(tmp_path: Path) -> None:
    goed = tmp_path / "goed.yaml"
    goed.write_text(GOED, encoding="utf-8")
    assert controleer_kader(goed) == []
    fout = tmp_path / "fout.yaml"
    fout.write_text(GOED.replace("werkversie: false", "werkversie: ja graag"), encoding="utf-8")
    (melding,) = controleer_kader(fout)
    assert melding.startswith(f"{fout}:{regel_van(GOED, 'werkversie')}: werkversie: ")


def test_een_bestand_dat_niet_bestaat_of_geen_utf8_is_krijgt_een_duidelijke_melding(
    tmp_path: Path,
) -> None:
    assert controleer_kader(tmp_path / "weg.yaml") == [
        f"Het bestand {tmp_path / 'weg.yaml'} bestaat niet."
    ]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(GOED.replace("Eigen tekst", "Eigen tekst é").encode("latin-1"))
    (melding,) = controleer_kader(latin)
    assert "geen UTF-8" in melding


@pytest.mark.parametrize(
    ("code", "aantal", "beoordeelbaar", "werkversie"),
    [
        ("awb-h9", 20, 17, False),
        ("wmo2015-h3", 7, 6, False),
        ("sterk-sociaal-werk", 23, 20, True),
    ],
)
def test_de_meegeleverde_kaders_zijn_geldig(
    code: str, aantal: int, beoordeelbaar: int, werkversie: bool
) -> None:
    pad = meegeleverde_kaders()[code]
    assert controleer_kader(pad) == []
    k = lees_kader(pad)
    assert k.code == code
    assert (len(k.normen), sum(n.beoordeelbaar for n in k.normen)) == (aantal, beoordeelbaar)
    assert k.werkversie is werkversie
    if werkversie:
        assert WERKVERSIE_MARKERING in (k.toelichting or "")


def test_er_zijn_precies_drie_meegeleverde_kaders() -> None:
    assert sorted(meegeleverde_kaders()) == ["awb-h9", "sterk-sociaal-werk", "wmo2015-h3"]
