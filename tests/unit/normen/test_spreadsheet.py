"""A kader from a spreadsheet (XLSX or CSV): columns, categories, and every bad row at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from normen.fouten import OngeldigKader
from normen.kaderbestand import SCHAAL
from normen.spreadsheet import Kadergegevens, kolomnaam, lees_spreadsheet, soort

GEGEVENS = Kadergegevens(
    kader="sterk-sociaal-werk",
    naam="Sterk Sociaal Werk",
    versie="2027",
    geldig_van=date(2027, 1, 1),
    bron="Zelfevaluatieformulier 2027",
    licentie="Met toestemming van de eigenaar",
    werkversie=False,
)

# A zelfevaluatieformulier as organisations keep it: categories as a column.
FORMULIER: list[list[Any]] = [
    ["Zelfevaluatie Sterk Sociaal Werk 2027"],  # a title above the header
    [],
    ["Categorie", "Code", "Titel", "Norm-tekst", "Toelichting", "Typisch bewijs", "Tags", "Score"],
    [
        "Vakmanschap",
        1.1,
        "Competenties",
        "De sociaal werker is competent.",
        None,
        "Profielen; Gesprekken",
        "vakmanschap",
        3,
    ],
    [
        "Vakmanschap",
        1.2,
        "Registratie",
        "De sociaal werker is geregistreerd.",
        "Zie SKJ.",
        "Overzicht\nProcedure",
        "Vakmanschap, registratie",
        None,
    ],
    ["Effect", 2, "Effect meten", "De organisatie meet effect.", None, None, None, None],
]


def maak_xlsx(pad: Path, bladen: dict[str, list[list[Any]]]) -> Path:
    werkmap = Workbook()
    eerste = True
    for naam, rijen in bladen.items():
        blad = werkmap.active if eerste else werkmap.create_sheet()
        assert blad is not None
        blad.title = naam
        for rij in rijen:
            blad.append(rij)
        eerste = False
    werkmap.save(pad)
    return pad


def csv_tekst(rijen: list[list[str]], scheiding: str) -> str:
    def cel(w: str) -> str:
        return f'"{w}"' if scheiding in w or "\n" in w or '"' in w else w

    return "".join(scheiding.join(cel(w) for w in rij) + "\r\n" for rij in rijen)


def fouten_van(pad: Path, gegevens: Kadergegevens = GEGEVENS, **kw: Any) -> list[str]:
    with pytest.raises(OngeldigKader) as e:
        lees_spreadsheet(pad, gegevens, **kw)
    return e.value.details


# -- XLSX ----------------------------------------------------------------------------


def test_een_zelfevaluatieformulier_in_xlsx_wordt_een_kader(tmp_path: Path) -> None:
    pad = maak_xlsx(tmp_path / "formulier.xlsx", {"Normen": FORMULIER})
    meldingen: list[str] = []
    k = lees_spreadsheet(pad, GEGEVENS, meldingen=meldingen)
    assert (k.code, k.versie, k.geldig_van, k.werkversie, k.schaal) == (
        "sterk-sociaal-werk",
        "2027",
        date(2027, 1, 1),
        False,
        SCHAAL,
    )
    # A category per distinct value, in order of first appearance, before its norms.
    assert [(n.ref, n.ouder, n.diepte, n.beoordeelbaar) for n in k.normen] == [
        ("Vakmanschap", None, 1, False),
        ("1.1", "Vakmanschap", 2, True),
        ("1.2", "Vakmanschap", 2, True),
        ("Effect", None, 1, False),
        ("2", "Effect", 2, True),
    ]
    assert [n.volgorde for n in k.normen] == [1, 2, 3, 4, 5]
    tweede = k.normen[2]
    assert tweede.normtekst == "De sociaal werker is geregistreerd."
    assert tweede.toelichting == "Zie SKJ."
    assert tweede.typisch_bewijs == ("Overzicht", "Procedure")
    assert tweede.tags == ("vakmanschap", "registratie")
    assert k.normen[1].typisch_bewijs == ("Profielen", "Gesprekken")
    assert tweede.urn == "urn:kwaliteit:sterk-sociaal-werk:2027:1.2"
    assert meldingen == [
        f"{pad}: kolom(men) genegeerd: Score (gebruikt worden: code, categorie, titel, normtekst, toelichting, typisch_bewijs, tags)"
    ]


def test_de_categorie_mag_de_code_of_de_titel_van_een_regel_zijn(tmp_path: Path) -> None:
    pad = maak_xlsx(
        tmp_path / "k.xlsx",
        {
            "Blad1": [
                ["code", "categorie", "titel", "normtekst", "toelichting"],
                ["1", None, "Vakmanschap", None, "Over vakmanschap"],
                ["1.1", "1", "Competenties", "Tekst 1.1", None],
                ["1.1.1", "Competenties", "Deelnorm", "Tekst 1.1.1", None],
            ]
        },
    )
    k = lees_spreadsheet(pad, GEGEVENS)
    assert [(n.ref, n.ouder, n.diepte, n.beoordeelbaar) for n in k.normen] == [
        ("1", None, 1, False),
        ("1.1", "1", 2, True),
        ("1.1.1", "1.1", 3, True),
    ]
    assert k.normen[0].toelichting == "Over vakmanschap"


def test_een_ander_werkblad_kiezen_en_een_onbekend_werkblad(tmp_path: Path) -> None:
    pad = maak_xlsx(
        tmp_path / "k.xlsx",
        {"Uitleg": [["Dit blad is uitleg"]], "Normen": FORMULIER},
    )
    assert len(lees_spreadsheet(pad, GEGEVENS, blad="Normen").normen) == 5
    with pytest.raises(OngeldigKader) as e:
        lees_spreadsheet(pad, GEGEVENS, blad="Oordelen")
    assert (
        e.value.melding
        == f"{pad} heeft geen werkblad 'Oordelen'; de werkbladen zijn: Uitleg, Normen."
    )


def test_elke_foute_rij_in_xlsx_wordt_gemeld_met_blad_en_rij(tmp_path: Path) -> None:
    pad = maak_xlsx(
        tmp_path / "fout.xlsx",
        {
            "Normen": [
                ["code", "categorie", "titel", "normtekst", "tags"],
                ["1", None, "Cat", None, None],  # 2: a category (rows refer to it)
                ["1.1", "1", None, "Tekst", None],  # 3: no titel
                ["1.1", "1", "Dubbel", "Tekst", None],  # 4: code again
                [None, "1", "Zonder code", "Tekst", None],  # 5: no code
                ["1.4", "1", "Zonder tekst", None, None],  # 6: no normtekst, nothing under it
                ["1.5", "9", "Te vroeg", "Tekst", None],  # 7: its category comes later
                ["9", None, "Later", None, None],  # 8
                ["1.6", "1", "Foute tag", "Tekst", "goed, niet_goed"],  # 9
                ["1.7", "1.7", "Eigen ouder", "Tekst", None],  # 10
            ]
        },
    )
    fouten = fouten_van(pad)
    plek = f"{pad}:Normen!"
    assert fouten == [
        f"{plek}3: titel ontbreekt",
        f"{plek}4: code '1.1' staat al op {plek}3; elke code is uniek",
        f"{plek}5: code ontbreekt (de ref van de norm, bijvoorbeeld 1.2)",
        f"{plek}6: '1.4' heeft geen normtekst en er staan geen normen onder; vul de normtekst in "
        "(of gebruik de regel als categorie van andere regels)",
        f"{plek}7: categorie '9' staat pas op {plek}8; zet een categorie boven de normen die "
        "eronder vallen",
        f"{plek}9: tag 'niet_goed' mag alleen kleine letters, cijfers en streepjes bevatten",
        f"{plek}10: '1.7' noemt zichzelf als categorie",
    ]


def test_een_kapot_xlsx_bestand_krijgt_een_duidelijke_melding(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.xlsx"
    pad.write_bytes(b"dit is geen werkmap")
    with pytest.raises(OngeldigKader) as e:
        lees_spreadsheet(pad, GEGEVENS)
    assert "geen leesbare Excel-werkmap" in e.value.melding


# -- CSV -----------------------------------------------------------------------------

CSV_RIJEN = [
    ["code", "categorie", "titel", "normtekst", "typisch_bewijs"],
    [
        "1.1",
        "Vakmanschap",
        "Competenties",
        "De sociaal werker is competent.",
        "Profielen; Gesprekken",
    ],
    ["1.2", "Vakmanschap", "Registratie", "Geregistreerd; en bekwaam.", "Overzicht\nProcedure"],
    ["2.1", "Effect", "Effect meten", "De organisatie meet effect (€, één).", ""],
]


@pytest.mark.parametrize(
    ("scheiding", "codering"),
    [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1252"), (",", "utf-8-sig")],
    ids=["excel-utf8-bom", "komma-utf8", "excel-windows1252", "komma-bom"],
)
def test_csv_in_beide_dialecten_en_coderingen(
    tmp_path: Path, scheiding: str, codering: str
) -> None:
    pad = tmp_path / "formulier.csv"
    pad.write_bytes(csv_tekst(CSV_RIJEN, scheiding).encode(codering))
    k = lees_spreadsheet(pad, GEGEVENS)
    assert [n.ref for n in k.normen] == ["Vakmanschap", "1.1", "1.2", "Effect", "2.1"]
    assert k.normen[2].normtekst == "Geregistreerd; en bekwaam."
    assert k.normen[2].typisch_bewijs == ("Overzicht", "Procedure")
    assert k.normen[4].normtekst == "De organisatie meet effect (€, één)."


def test_kolomnamen_met_hoofdletters_spaties_streepjes_en_synoniemen(tmp_path: Path) -> None:
    assert kolomnaam(" Typisch-Bewijs ") == "typisch_bewijs"
    assert kolomnaam("\ufeffCode*") == "code"
    pad = tmp_path / "k.csv"
    pad.write_text(
        "Nr;Hoofdstuk;Onderwerp;Eis;Uitleg;Bewijsstukken;Labels\n"
        "1.1;Klachten;Klachtenregeling;Er is een regeling.;Kort;Regeling;klachten\n",
        encoding="utf-8",
    )
    k = lees_spreadsheet(pad, GEGEVENS)
    norm = k.normen[1]
    assert (norm.ref, norm.ouder, norm.titel, norm.normtekst, norm.toelichting) == (
        "1.1",
        "Klachten",
        "Klachtenregeling",
        "Er is een regeling.",
        "Kort",
    )
    assert (norm.typisch_bewijs, norm.tags) == (("Regeling",), ("klachten",))


def test_elke_foute_regel_in_csv_wordt_gemeld_met_de_regel_waar_hij_begint(tmp_path: Path) -> None:
    pad = tmp_path / "fout.csv"
    pad.write_text(
        "code;categorie;titel;normtekst\n"  # 1
        '1.1;A;Eerste;"Een tekst\nover twee regels"\n'  # 2-3
        "1.2;A;;Tekst\n"  # 4
        ";;;\n"  # 5: empty, skipped
        "1.3;A;Derde;\n"  # 6
        "1.2;A;Weer;Tekst\n",  # 7
        encoding="utf-8",
    )
    assert fouten_van(pad) == [
        f"{pad}:4: titel ontbreekt",
        f"{pad}:6: '1.3' heeft geen normtekst en er staan geen normen onder; vul de normtekst "
        "in (of gebruik de regel als categorie van andere regels)",
        f"{pad}:7: code '1.2' staat al op {pad}:4; elke code is uniek",
    ]


def test_ontbrekende_kadergegevens_worden_allemaal_genoemd_samen_met_de_rijfouten(
    tmp_path: Path,
) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;titel;normtekst\n1;;Tekst\n", encoding="utf-8")
    fouten = fouten_van(pad, Kadergegevens(kader="Fout Kader", geldig_tot=date(2020, 1, 1)))
    assert fouten == [
        f"{pad}: kadergegevens ontbreken: --naam, --versie, --geldig-van (een spreadsheet "
        "bevat alleen de normen; geef de gegevens van het kader als opties)",
        f"{pad}: --kader: 'Fout Kader' mag alleen kleine letters, cijfers en streepjes bevatten "
        "(2 tot 60 tekens, niet beginnen of eindigen met een streepje)",
        f"{pad}:2: titel ontbreekt",
    ]


def test_geldig_tot_voor_geldig_van_wordt_geweigerd(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;titel;normtekst\n1;Een;Tekst\n", encoding="utf-8")
    gegevens = Kadergegevens(
        kader="proef",
        naam="Proef",
        versie="1",
        geldig_van=date(2027, 1, 1),
        geldig_tot=date(2026, 1, 1),
    )
    assert fouten_van(pad, gegevens) == [
        f"{pad}: --geldig-tot (2026-01-01) ligt voor --geldig-van (2027-01-01)"
    ]


def test_een_ontbrekende_verplichte_kolom_en_dubbele_kolommen(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;normtekst\n1;Tekst\n", encoding="utf-8")
    assert fouten_van(pad) == [
        f"{pad}:1: verplichte kolom(men) ontbreken: titel (kolommen: code, categorie, titel, "
        "normtekst, toelichting, typisch_bewijs, tags)"
    ]
    pad.write_text("code;ref;titel;normtekst\n1;1;Een;Tekst\n", encoding="utf-8")
    assert fouten_van(pad) == [
        f"{pad}:1: kolommen 'code' en 'ref' zijn allebei 'code'; houd er één"
    ]


def test_een_leeg_bestand_en_een_bestand_met_alleen_een_kopregel(tmp_path: Path) -> None:
    pad = tmp_path / "leeg.csv"
    pad.write_text("", encoding="utf-8")
    (melding,) = fouten_van(pad)
    assert melding.startswith(f"{pad}: het bestand is leeg")
    pad.write_text("code;titel;normtekst\n", encoding="utf-8")
    assert fouten_van(pad) == [f"{pad}:1: onder de kopregel staan geen normen"]


def test_een_blad_zonder_normtekst_heeft_geen_beoordeelbare_norm(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;categorie;titel\n1;;Een\n1.1;1;Twee\n", encoding="utf-8")
    assert fouten_van(pad) == [
        f"{pad}:3: '1.1' heeft geen normtekst en er staan geen normen onder; vul de normtekst "
        "in (of gebruik de regel als categorie van andere regels)"
    ]


def test_een_formulebescherming_wordt_weggehaald(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;titel;normtekst\n1;'=Titel;'-tekst\n", encoding="utf-8")
    norm = lees_spreadsheet(pad, GEGEVENS).normen[0]
    assert (norm.titel, norm.normtekst) == ("=Titel", "-tekst")


def test_het_soort_bestand_volgt_uit_de_extensie(tmp_path: Path) -> None:
    assert soort(Path("a.YAML")) == "yaml"
    assert soort(Path("a.xlsx")) == "xlsx"
    assert soort(Path("a.csv")) == "csv"
    for naam, tekst in (
        ("a.xls", "oude Excel-formaat"),
        ("a.ods", "OpenDocument"),
        ("a.pdf", "onbekend soort bestand ('.pdf')"),
    ):
        with pytest.raises(OngeldigKader) as e:
            soort(Path(naam))
        assert tekst in e.value.melding


def test_blad_hoort_alleen_bij_xlsx_en_een_ontbrekend_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text("code;titel;normtekst\n1;Een;Tekst\n", encoding="utf-8")
    with pytest.raises(OngeldigKader, match="--blad hoort bij een Excel-werkmap"):
        lees_spreadsheet(pad, GEGEVENS, blad="Normen")
    with pytest.raises(OngeldigKader, match="bestaat niet"):
        lees_spreadsheet(tmp_path / "weg.csv", GEGEVENS)
    with pytest.raises(OngeldigKader, match="bestaat niet"):
        lees_spreadsheet(tmp_path / "weg.xlsx", GEGEVENS)


def test_een_tekst_die_door_een_scheidingsteken_in_stukken_valt_wordt_gemeld(
    tmp_path: Path,
) -> None:
    pad = tmp_path / "k.csv"
    pad.write_text(
        "code;titel;normtekst\n1;Een;De organisatie regelt dit; en dat\n2;Twee;Tekst\n",
        encoding="utf-8",
    )
    assert fouten_van(pad) == [
        f"{pad}:2: 4 velden, maar de kopregel heeft er 3; staat er een scheidingsteken (; of ,) "
        "in een tekst zonder aanhalingstekens eromheen?"
    ]
