"""``kwaliteit normen``: controleer, importeer, lijst, toon and exporteer.

Every bad input ends with a Dutch message and exit code 2, writes nothing and
never shows a traceback. A newer version of a kader is added beside the old one:
the oordelen of the old version stay, its evidence links are copied.
"""

from __future__ import annotations

import json
import shlex
import textwrap
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from openpyxl import Workbook
from sqlalchemy import MetaData, select

from kwaliteit.bewijs import diensten as bewijs
from kwaliteit.bewijs.diensten import Versiegegevens
from kwaliteit.bewijs.modellen import Bewijssoort, Normkoppeling, Oordeel, Oordeelwaarde
from kwaliteit.bewijs.zelfevaluatie import beoordeel
from kwaliteit.cli import app
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.kaderbestand import WERKVERSIE_MARKERING, kader_uit_tekst, lees_kader
from normen.modellen import Norm

Cli = Callable[..., Result]
Werk = Callable[..., AbstractContextManager[Werkeenheid]]

VANDAAG = "2026-11-23"

PROEF_V1 = textwrap.dedent(
    """\
    formaat: kwaliteit-kader/1
    kader: proef
    naam: "Proefkader"
    versie: "v1"
    geldig_van: 2026-01-01
    geldig_tot: null
    bron: "Eigen tekst"
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
        normtekst: "De organisatie doet het eerste."
        typisch_bewijs: ["Werkinstructie", "Register"]
        tags: [proef]
      - ref: "A.2"
        ouder: "A"
        titel: "Tweede norm"
        normtekst: |
          1. De organisatie doet het tweede.
          2. En legt het vast.
    """
)

# The next version: A.2 is gone, A.3 is new, A.1 keeps its ref (with a new text).
PROEF_V2 = (
    PROEF_V1.replace('versie: "v1"', 'versie: "v2"')
    .replace("geldig_van: 2026-01-01", "geldig_van: 2027-01-01")
    .replace("De organisatie doet het eerste.", "De organisatie doet het eerste, beter.")
    .replace('ref: "A.2"', 'ref: "A.3"')
)


# -- helpers ------------------------------------------------------------------------


def ok(r: Result) -> Result:
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert "Traceback" not in r.stdout + r.stderr
    return r


def mislukt(r: Result, *fragmenten: str, code: int = 2) -> str:
    uitvoer = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == code, uitvoer
    assert r.exception is None or isinstance(r.exception, SystemExit), uitvoer
    assert "Traceback" not in r.stdout + r.stderr, uitvoer
    assert r.stderr.startswith("Fout: "), uitvoer
    for fragment in fragmenten:
        assert fragment in r.stdout + r.stderr, f"{fragment!r} ontbreekt\n{uitvoer}"
    return r.stderr


def doe(cli: Cli, opdracht: str, *extra: str) -> Result:
    return ok(cli(*shlex.split(opdracht), *extra, vandaag=VANDAAG))


def bestand(pad: Path, tekst: str) -> str:
    pad.write_text(tekst, encoding="utf-8")
    return str(pad)


def inhoud(werk: Werk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: a refused command must leave all of them as they were."""
    with werk(schrijven=False) as w:
        meta = MetaData()
        verbinding = w.sessie.connection()
        meta.reflect(verbinding)
        return {
            t.name: sorted((tuple(r) for r in verbinding.execute(select(t))), key=repr)
            for t in meta.sorted_tables
        }


def maak_xlsx(pad: Path, rijen: list[list[Any]], blad: str = "Normen") -> str:
    werkmap = Workbook()
    werkblad = werkmap.active
    assert werkblad is not None
    werkblad.title = blad
    for rij in rijen:
        werkblad.append(rij)
    werkmap.save(pad)
    return str(pad)


SPREADSHEET_OPTIES = (
    "--kader sterk-sociaal-werk --naam 'Sterk Sociaal Werk' --versie 2027 "
    "--geldig-van 01-01-2027 --bron 'Zelfevaluatieformulier' --licentie 'Met toestemming' "
    "--officieel"
)

FORMULIER: list[list[Any]] = [
    ["Categorie", "Code", "Titel", "Normtekst", "Typisch bewijs"],
    [
        "Vakmanschap",
        "1.1",
        "Competenties",
        "De sociaal werker is competent.",
        "Profielen; Gesprekken",
    ],
    ["Vakmanschap", "1.2", "Registratie", "De sociaal werker is geregistreerd.", None],
    ["Effect", "2.1", "Effect meten", "De organisatie meet effect.", None],
]


# -- controleer ---------------------------------------------------------------------


def test_controleer_een_goed_kader_zonder_database(tmp_path: Path) -> None:
    # A database that can't even be created: controleer must not open one.
    url = f"sqlite:///{tmp_path / 'bestaat-niet' / 'k.db'}"
    pad = bestand(tmp_path / "proef.yaml", PROEF_V1)
    r = ok(CliRunner().invoke(app, ["--database", url, "normen", "controleer", pad]))
    assert r.stdout == "geldig: proef versie v1, 3 normen (2 beoordeelbaar)\n"
    assert not (tmp_path / "bestaat-niet").exists()


@pytest.mark.parametrize(
    ("code", "regel"),
    [
        ("awb-h9", "geldig: awb-h9 versie 2026-01-01, 20 normen (17 beoordeelbaar)"),
        ("wmo2015-h3", "geldig: wmo2015-h3 versie 2026-01-01, 7 normen (6 beoordeelbaar)"),
    ],
)
def test_controleer_een_meegeleverd_kader(cli: Cli, code: str, regel: str) -> None:
    assert ok(cli("normen", "controleer", code)).stdout == f"{regel}\n"


def test_controleer_een_werkversie_noemt_de_markering(cli: Cli) -> None:
    r = ok(cli("normen", "controleer", "sterk-sociaal-werk"))
    assert r.stdout.splitlines() == [
        "geldig: sterk-sociaal-werk versie werkversie-2026, 23 normen (20 beoordeelbaar)",
        WERKVERSIE_MARKERING,
    ]


def test_controleer_meldt_elke_fout_op_een_eigen_regel(cli: Cli, tmp_path: Path) -> None:
    tekst = (
        PROEF_V1.replace("werkversie: false", "werkversie: ja")
        .replace('ouder: "A"\n    titel: "Tweede', 'ouder: "B"\n    titel: "Tweede')
        .replace('naam: "Proefkader"', 'naam: "Proefkader"\nnaam: "Dubbel"')
    )
    pad = bestand(tmp_path / "fout.yaml", tekst)
    r = cli("normen", "controleer", pad)
    mislukt(r, f"{pad} is geen geldig normenkader: 2 fout(en).")
    regels = r.stdout.splitlines()
    assert regels == [
        f"{pad}:4: sleutel 'naam' staat hier dubbel",
        f"{pad}:10: werkversie: verwacht true of false, niet 'ja'",
    ]


def test_controleer_meldt_een_yaml_fout_met_regel(cli: Cli, tmp_path: Path) -> None:
    pad = bestand(
        tmp_path / "kapot.yaml", PROEF_V1.replace('titel: "Categorie A"', 'titel: "Categorie A')
    )
    r = cli("normen", "controleer", pad)
    mislukt(r, "geen geldig normenkader: 1 fout(en)")
    (regel,) = r.stdout.splitlines()
    assert regel.startswith(f"{pad}:")
    assert "geen geldige YAML" in regel


def test_controleer_een_spreadsheet_met_de_kadergegevens(cli: Cli, tmp_path: Path) -> None:
    pad = maak_xlsx(tmp_path / "formulier.xlsx", FORMULIER)
    r = ok(cli("normen", "controleer", pad, *shlex.split(SPREADSHEET_OPTIES)))
    assert r.stdout == "geldig: sterk-sociaal-werk versie 2027, 5 normen (3 beoordeelbaar)\n"


def test_controleer_een_spreadsheet_zonder_kadergegevens_noemt_de_opties(
    cli: Cli, tmp_path: Path
) -> None:
    pad = maak_xlsx(
        tmp_path / "formulier.xlsx", [*FORMULIER, ["Effect", "2.1", "", "Dubbel", None]]
    )
    r = cli("normen", "controleer", pad, "--kader", "sterk-sociaal-werk")
    mislukt(r, f"{pad} is geen geldig normenkader: 3 fout(en).")
    assert r.stdout.splitlines() == [
        f"{pad}: kadergegevens ontbreken: --naam, --versie, --geldig-van (een spreadsheet bevat "
        "alleen de normen; geef de gegevens van het kader als opties)",
        f"{pad}:Normen!5: code '2.1' staat al op {pad}:Normen!4; elke code is uniek",
        f"{pad}:Normen!5: titel ontbreekt",
    ]


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (
            ["weg.yaml"],
            "Het bestand weg.yaml bestaat niet, en 'weg.yaml' is ook geen meegeleverd kader (awb-h9, sterk-sociaal-werk, wmo2015-h3).",
        ),
        (["."], ". is een map, geen bestand."),
        (["{tmp}/k.pdf"], "onbekend soort bestand ('.pdf')"),
        (["{tmp}/k.xls"], "oude Excel-formaat"),
        (["{tmp}/k.yaml", "--kader", "proef"], "--kader hoort bij een spreadsheet"),
        (["{tmp}/k.csv", "--blad", "Normen"], "--blad hoort bij een Excel-werkmap"),
        (
            ["{tmp}/k.csv", "--geldig-van", "31-02-2027"],
            "--geldig-van: '31-02-2027' bestaat niet als datum.",
        ),
        (["{tmp}/kapot.xlsx"], "geen leesbare Excel-werkmap"),
    ],
)
def test_controleer_slechte_invoer(cli: Cli, tmp_path: Path, args: list[str], melding: str) -> None:
    for naam in ("k.pdf", "k.xls", "kapot.xlsx"):
        (tmp_path / naam).write_bytes(b"niets")
    bestand(tmp_path / "k.yaml", PROEF_V1)
    bestand(tmp_path / "k.csv", "code;titel;normtekst\n1;Een;Tekst\n")
    r = cli("normen", "controleer", *(a.format(tmp=tmp_path) for a in args))
    mislukt(r, melding)


# -- importeer ----------------------------------------------------------------------


def test_importeer_een_meegeleverd_kader_en_nogmaals_is_ongewijzigd(cli: Cli, werk: Werk) -> None:
    r = doe(cli, "normen importeer awb-h9")
    assert r.stdout == "awb-h9 versie 2026-01-01 geladen: 20 normen (17 beoordeelbaar).\n"
    voor = inhoud(werk)
    r = doe(cli, "normen importeer awb-h9")
    assert r.stdout == "awb-h9 versie 2026-01-01: al geladen, ongewijzigd.\n"
    assert inhoud(werk) == voor


def test_importeer_een_werkversie_toont_altijd_de_markering(cli: Cli) -> None:
    for _ in range(2):
        r = doe(cli, "normen importeer sterk-sociaal-werk")
        assert r.stdout.splitlines()[-1] == (
            f"sterk-sociaal-werk versie werkversie-2026: {WERKVERSIE_MARKERING}"
        )


def test_importeer_een_eigen_yaml_bestand(cli: Cli, tmp_path: Path, werk: Werk) -> None:
    pad = bestand(tmp_path / "proef.yaml", PROEF_V1)
    r = doe(cli, f"normen importeer {pad}")
    assert r.stdout == "proef versie v1 geladen: 3 normen (2 beoordeelbaar).\n"
    with werk(schrijven=False) as w:
        v = normdiensten.versie(w, "proef")
        assert v.sha256 == lees_kader(Path(pad)).sha256()


def test_importeer_een_zelfevaluatieformulier_vervangt_de_werkversie(
    cli: Cli, tmp_path: Path, werk: Werk
) -> None:
    doe(cli, "normen importeer sterk-sociaal-werk")
    pad = maak_xlsx(tmp_path / "formulier.xlsx", FORMULIER)
    r = doe(cli, f"normen importeer {pad} {SPREADSHEET_OPTIES}")
    assert r.stdout.splitlines() == [
        "sterk-sociaal-werk versie 2027 geladen: 5 normen (3 beoordeelbaar).",
        "Nieuwe versie naast versie werkversie-2026; de oordelen bij die versie blijven staan.",
        "0 bewijskoppeling(en) overgenomen van versie werkversie-2026.",
    ]
    with werk(schrijven=False, op=date(2027, 2, 1)) as w:
        v = normdiensten.versie(w, "sterk-sociaal-werk")
        assert (v.versie, v.werkversie, v.bron) == ("2027", False, "Zelfevaluatieformulier")
        assert [n.ref for n in normdiensten.normen(w, v)] == [
            "Vakmanschap",
            "1.1",
            "1.2",
            "Effect",
            "2.1",
        ]


def test_importeer_een_spreadsheet_is_standaard_een_werkversie(cli: Cli, tmp_path: Path) -> None:
    pad = tmp_path / "formulier.csv"
    pad.write_bytes(
        "code;categorie;titel;normtekst\r\n1.1;Klachten;Regeling;Er is een klachtenregeling.\r\n".encode(
            "cp1252"
        )
    )
    r = doe(
        cli,
        f"normen importeer {pad} --kader eigen --naam 'Eigen kader' --versie 1 --geldig-van 2026-01-01",
    )
    assert r.stdout.splitlines()[-1] == f"eigen versie 1: {WERKVERSIE_MARKERING}"


def test_importeer_meldt_kolommen_die_genegeerd_worden(cli: Cli, tmp_path: Path) -> None:
    pad = bestand(tmp_path / "k.csv", "code,titel,normtekst,score\n1,Een,Tekst,3\n")
    r = doe(
        cli, f"normen importeer {pad} --kader eigen --naam Eigen --versie 1 --geldig-van 2026-01-01"
    )
    assert r.stderr.startswith("Let op: ")
    assert "kolom(men) genegeerd: score" in r.stderr


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["weg.yaml"], "Het bestand weg.yaml bestaat niet"),
        (["onbekend-kader"], "'onbekend-kader' is ook geen meegeleverd kader"),
        (["{tmp}/fout.yaml"], "werkversie: verwacht true of false, niet 'ja'"),
        (["{tmp}/dubbel.yaml"], "ref 'A.1' staat al op regel"),
        (["{tmp}/ouder.yaml"], "ouder 'B' van 'A.2' bestaat niet"),
        (["{tmp}/titel.yaml"], "verplicht veld 'titel' ontbreekt"),
        (["{tmp}/k.csv"], "kadergegevens ontbreken: --kader, --naam, --versie, --geldig-van"),
        (["{tmp}/k.pdf"], "onbekend soort bestand ('.pdf')"),
        (["{tmp}/proef.yaml", "--officieel"], "--werkversie/--officieel hoort bij een spreadsheet"),
    ],
)
def test_importeer_slechte_invoer_schrijft_niets(
    cli: Cli, werk: Werk, tmp_path: Path, args: list[str], melding: str
) -> None:
    bestand(tmp_path / "proef.yaml", PROEF_V1)
    bestand(tmp_path / "fout.yaml", PROEF_V1.replace("werkversie: false", "werkversie: ja"))
    bestand(tmp_path / "dubbel.yaml", PROEF_V1.replace('ref: "A.2"', 'ref: "A.1"'))
    bestand(
        tmp_path / "ouder.yaml",
        PROEF_V1.replace('ouder: "A"\n    titel: "Tweede', 'ouder: "B"\n    titel: "Tweede'),
    )
    bestand(tmp_path / "titel.yaml", PROEF_V1.replace('    titel: "Eerste norm"\n', ""))
    bestand(tmp_path / "k.csv", "code;titel;normtekst\n1;Een;Tekst\n")
    (tmp_path / "k.pdf").write_bytes(b"niets")
    voor = inhoud(werk)
    mislukt(cli("normen", "importeer", *(a.format(tmp=tmp_path) for a in args)), melding)
    assert inhoud(werk) == voor


def test_importeer_dezelfde_versie_met_andere_inhoud_wordt_geweigerd(
    cli: Cli, werk: Werk, tmp_path: Path
) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    voor = inhoud(werk)
    anders = bestand(tmp_path / "anders.yaml", PROEF_V1.replace("het eerste.", "iets anders."))
    mislukt(
        cli("normen", "importeer", anders),
        "Versie 'v1' van proef is al geladen met een andere inhoud",
    )
    assert inhoud(werk) == voor


def test_importeer_alle_fouten_van_een_spreadsheet_tegelijk(
    cli: Cli, werk: Werk, tmp_path: Path
) -> None:
    pad = maak_xlsx(
        tmp_path / "fout.xlsx",
        [
            ["code", "titel", "normtekst"],
            ["1", None, "Tekst"],
            ["1", "Dubbel", "Tekst"],
            [None, "Zonder code", "Tekst"],
        ],
    )
    voor = inhoud(werk)
    r = cli("normen", "importeer", pad, *shlex.split(SPREADSHEET_OPTIES))
    fout = mislukt(r, "3 fout(en)")
    assert f"  - {pad}:Normen!2: titel ontbreekt" in fout
    assert f"  - {pad}:Normen!3: code '1' staat al op {pad}:Normen!2; elke code is uniek" in fout
    assert f"  - {pad}:Normen!4: code ontbreekt" in fout
    assert inhoud(werk) == voor


# -- a new version: oordelen stay, evidence links are copied ---------------------------


def _bewijs_en_oordeel_onder_v1(werk: Werk) -> str:
    with werk() as w:
        stuk = bewijs.registreer(
            w,
            titel="Werkinstructie klachten",
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=date(2026, 1, 1)),
        )
        for ref in ("A.1", "A.2"):
            bewijs.koppel(w, stuk.kenmerk, kader="proef", ref=ref, toelichting=f"Dekt {ref}")
        beoordeel(
            w,
            kader="proef",
            ref="A.1",
            waarde=Oordeelwaarde.VOLDOET,
            toelichting="Werkinstructie is actueel",
            ronde="2026",
        )
        return stuk.kenmerk


def _koppelingen(werk: Werk) -> list[tuple[str, str, str]]:
    with werk(schrijven=False) as w:
        rijen = w.sessie.execute(
            select(Norm.ref, Normkoppeling.toelichting, Norm.versie_id).join(
                Norm, Norm.id == Normkoppeling.norm_id
            )
        ).all()
        versies = {v.id: v.versie for k in normdiensten.kaders(w) for v in k.versies}
        return sorted((versies[vid], ref, uitleg) for ref, uitleg, vid in rijen)


def test_een_nieuwe_versie_houdt_het_oordeel_en_neemt_de_koppelingen_over(
    cli: Cli, werk: Werk, tmp_path: Path
) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    _bewijs_en_oordeel_onder_v1(werk)
    r = doe(cli, f"normen importeer {bestand(tmp_path / 'v2.yaml', PROEF_V2)}")
    assert r.stdout.splitlines() == [
        "proef versie v2 geladen: 3 normen (2 beoordeelbaar).",
        "Nieuwe versie naast versie v1; de oordelen bij die versie blijven staan.",
        "1 bewijskoppeling(en) overgenomen van versie v1.",
    ]
    # A.1 kept its ref and got the link; A.2 is gone from v2, so its link stays with v1 only.
    assert _koppelingen(werk) == [
        ("v1", "A.1", "Dekt A.1"),
        ("v1", "A.2", "Dekt A.2"),
        ("v2", "A.1", "Dekt A.1"),
    ]
    with werk(schrijven=False) as w:
        oordelen = w.sessie.execute(
            select(Oordeel, Norm).join(Norm, Norm.id == Oordeel.norm_id)
        ).all()
        assert [(o.ronde, o.waarde, n.ref, n.versie.versie) for o, n in oordelen] == [
            ("2026", Oordeelwaarde.VOLDOET, "A.1", "v1")
        ]
    # Both versions are listed; today (2026) v1 is the one in force.
    lijst = json.loads(doe(cli, "normen lijst --json").stdout)
    (proef,) = lijst["kaders"]
    assert [(v["versie"], v["geldend"]) for v in proef["versies"]] == [("v1", True), ("v2", False)]


def test_zonder_koppelingen_neemt_niets_over(cli: Cli, werk: Werk, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    _bewijs_en_oordeel_onder_v1(werk)
    r = doe(cli, f"normen importeer {bestand(tmp_path / 'v2.yaml', PROEF_V2)} --zonder-koppelingen")
    assert "Bewijskoppelingen niet overgenomen (--zonder-koppelingen)." in r.stdout
    assert [k[0] for k in _koppelingen(werk)] == ["v1", "v1"]


# -- lijst --------------------------------------------------------------------------


def test_lijst_zonder_kaders_noemt_de_meegeleverde(cli: Cli) -> None:
    r = doe(cli, "normen lijst")
    assert r.stdout.splitlines() == [
        "Er is nog geen kader geladen.",
        "",
        "beschikbaar: kwaliteit normen importeer awb-h9",
        "beschikbaar: kwaliteit normen importeer sterk-sociaal-werk",
        "beschikbaar: kwaliteit normen importeer wmo2015-h3",
    ]


def test_lijst_toont_versies_met_geldigheid_aantallen_en_werkversie(cli: Cli) -> None:
    doe(cli, "normen importeer awb-h9")
    doe(cli, "normen importeer sterk-sociaal-werk")
    r = doe(cli, "normen lijst")
    assert r.stdout.splitlines() == [
        "awb-h9  Awb titel 9.1 — Klachtbehandeling door een bestuursorgaan",
        "  versie 2026-01-01  geldig vanaf 01-01-2026  20 normen (17 beoordeelbaar)  [geldend]",
        "sterk-sociaal-werk  Sterk Sociaal Werk — werkversie (geen officiële normtekst)",
        "  versie werkversie-2026  geldig vanaf 01-01-2026  23 normen (20 beoordeelbaar)  "
        f"[geldend]  {WERKVERSIE_MARKERING}",
        "",
        "beschikbaar: kwaliteit normen importeer wmo2015-h3",
    ]
    gegevens = json.loads(doe(cli, "normen lijst --json").stdout)
    assert gegevens["beschikbaar"] == ["wmo2015-h3"]
    awb, ssw = gegevens["kaders"]
    assert (awb["code"], ssw["code"]) == ("awb-h9", "sterk-sociaal-werk")
    (versie,) = ssw["versies"]
    assert {
        k: versie[k]
        for k in ("versie", "geldig_van", "geldig_tot", "normen", "beoordeelbaar", "werkversie")
    } == {
        "versie": "werkversie-2026",
        "geldig_van": "2026-01-01",
        "geldig_tot": None,
        "normen": 23,
        "beoordeelbaar": 20,
        "werkversie": True,
    }


# -- toon ---------------------------------------------------------------------------


def test_toon_de_boom_van_een_versie(cli: Cli, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    regels = doe(cli, "normen toon proef").stdout.splitlines()
    assert regels[:6] == [
        "Kader            proef — Proefkader",
        "Versie           v1, geldig van 01-01-2026 (open einde)",
        "Bron             Eigen tekst",
        "Publicatiedatum  -",
        "Licentie         CC0",
        "Werkversie       nee (officiële tekst)",
    ]
    assert regels[-4:] == [
        "Normen (3, waarvan 2 beoordeelbaar):",
        "A  Categorie A  (categorie)",
        "  A.1  Eerste norm",
        "  A.2  Tweede norm",
    ]


def test_toon_een_werkversie_noemt_de_markering(cli: Cli) -> None:
    doe(cli, "normen importeer sterk-sociaal-werk")
    assert (
        f"Werkversie       ja: {WERKVERSIE_MARKERING}"
        in doe(cli, "normen toon sterk-sociaal-werk").stdout
    )
    r = doe(cli, "normen toon sterk-sociaal-werk --norm 1.1")
    assert r.stdout.splitlines()[0] == f"Let op: {WERKVERSIE_MARKERING}."
    gegevens = json.loads(doe(cli, "normen toon sterk-sociaal-werk --json").stdout)
    assert (gegevens["werkversie"], gegevens["markering"]) == (True, WERKVERSIE_MARKERING)


def test_toon_een_norm_met_normtekst_en_typisch_bewijs(cli: Cli, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    r = doe(cli, "normen toon proef --norm A.2")
    assert "Categorie      A  Categorie A" in r.stdout
    assert "Normtekst:\n  1. De organisatie doet het tweede.\n  2. En legt het vast.\n" in r.stdout
    r = doe(cli, "normen toon proef --norm A.1")
    assert "Typisch bewijs:\n  - Werkinstructie\n  - Register\n" in r.stdout
    gegevens = json.loads(doe(cli, "normen toon proef --norm A.1 --json").stdout)
    assert gegevens["norm"] == {
        "ref": "A.1",
        "urn": "urn:kwaliteit:proef:v1:A.1",
        "diepte": 2,
        "beoordeelbaar": True,
        "titel": "Eerste norm",
        "normtekst": "De organisatie doet het eerste.",
        "toelichting": None,
        "typisch_bewijs": ["Werkinstructie", "Register"],
        "tags": ["proef"],
        "ouder": "A",
    }
    assert (gegevens["kader"], gegevens["versie"], gegevens["markering"]) == ("proef", "v1", None)


def test_toon_een_bepaalde_versie(cli: Cli, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    doe(cli, f"normen importeer {bestand(tmp_path / 'v2.yaml', PROEF_V2)}")
    gegevens = json.loads(doe(cli, "normen toon proef --versie v2 --json").stdout)
    assert gegevens["versie"] == "v2"
    assert [n["ref"] for n in gegevens["normen"]] == ["A", "A.1", "A.3"]


@pytest.mark.parametrize(
    ("opdracht", "melding"),
    [
        ("normen toon onbekend", "Kader 'onbekend' is niet geladen; geladen zijn: proef."),
        ("normen toon proef --versie v9", "Kader 'proef' heeft geen versie 'v9'; geladen: v1."),
        ("normen toon proef --norm Z.9", "Kader 'proef' (versie v1) heeft geen norm 'Z.9'."),
        ("normen exporteer onbekend", "Kader 'onbekend' is niet geladen"),
        ("normen exporteer proef --versie v9", "heeft geen versie 'v9'"),
        (
            "normen exporteer proef --formaat pdf",
            "formaat: 'pdf' is niet toegestaan; kies yaml, ciso, csv.",
        ),
        ("normen exporteer proef --uit {tmp}/geen/uit.yaml", "De map {tmp}/geen bestaat niet."),
        ("normen exporteer proef --uit {tmp}", "is een map; geef een bestandsnaam met --uit."),
    ],
)
def test_onbekende_kaders_versies_normen_en_formaten(
    cli: Cli, werk: Werk, tmp_path: Path, opdracht: str, melding: str
) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    voor = inhoud(werk)
    r = cli(*shlex.split(opdracht.format(tmp=tmp_path)), vandaag=VANDAAG)
    mislukt(r, melding.format(tmp=tmp_path))
    assert r.stdout == ""
    assert inhoud(werk) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v1.yaml"]


# -- exporteer ----------------------------------------------------------------------


def test_yaml_export_leest_terug_tot_de_geladen_versie(cli: Cli, werk: Werk) -> None:
    doe(cli, "normen importeer awb-h9")
    r = doe(cli, "normen exporteer awb-h9")
    with werk(schrijven=False) as w:
        sha = normdiensten.versie(w, "awb-h9").sha256
    assert kader_uit_tekst(r.stdout, "export.yaml").sha256() == sha
    assert doe(cli, "normen exporteer awb-h9 --formaat yaml").stdout == r.stdout


def test_yaml_export_naar_een_bestand_laadt_opnieuw_als_ongewijzigd(
    cli: Cli, tmp_path: Path
) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    uit = tmp_path / "export.yaml"
    r = doe(cli, f"normen exporteer proef --uit {uit}")
    assert r.stdout == ""
    assert r.stderr == f"proef versie v1 (yaml) geschreven naar {uit}.\n"
    assert (
        doe(cli, f"normen importeer {uit}").stdout == "proef versie v1: al geladen, ongewijzigd.\n"
    )


def test_csv_export_en_weer_importeren_is_hetzelfde_kader(cli: Cli, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    uit = tmp_path / "proef.csv"
    doe(cli, f"normen exporteer proef --formaat csv --uit {uit}")
    ruw = uit.read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # so Dutch Excel opens it as UTF-8
    assert (
        ruw.splitlines()[0]
        == b"\xef\xbb\xbfcode;categorie;titel;normtekst;toelichting;typisch_bewijs;tags"
    )
    r = doe(
        cli,
        f"normen importeer {uit} --kader proef --naam Proefkader --versie v1 "
        "--geldig-van 2026-01-01 --bron 'Eigen tekst' --licentie CC0 --officieel",
    )
    assert r.stdout == "proef versie v1: al geladen, ongewijzigd.\n"


def test_csv_export_naar_het_scherm_zonder_bom(cli: Cli) -> None:
    doe(cli, "normen importeer wmo2015-h3")
    r = doe(cli, "normen exporteer wmo2015-h3 --formaat csv")
    assert r.stdout.startswith(
        "code;categorie;titel;normtekst;toelichting;typisch_bewijs;tags\nH3;;"
    )


def test_ciso_export_heeft_de_verwachte_structuur(cli: Cli, tmp_path: Path) -> None:
    doe(cli, f"normen importeer {bestand(tmp_path / 'v1.yaml', PROEF_V1)}")
    doe(cli, f"normen importeer {bestand(tmp_path / 'v2.yaml', PROEF_V2)}")
    eerste = yaml.safe_load(doe(cli, "normen exporteer proef --versie v1 --formaat ciso").stdout)
    tweede = yaml.safe_load(doe(cli, "normen exporteer proef --versie v2 --formaat ciso").stdout)
    # CISO Assistant updates a library when its integer version goes up.
    assert (eerste["version"], tweede["version"]) == (1, 2)
    assert (eerste["urn"], eerste["locale"], eerste["ref_id"]) == (
        "urn:kwaliteit:risk:library:proef",
        "nl",
        "proef",
    )
    knopen = tweede["objects"]["framework"]["requirement_nodes"]
    assert knopen[1] == {
        "urn": "urn:kwaliteit:risk:req_node:proef:a.1",
        "assessable": True,
        "depth": 2,
        "parent_urn": "urn:kwaliteit:risk:req_node:proef:a",
        "ref_id": "A.1",
        "name": "Eerste norm",
        "description": "De organisatie doet het eerste, beter.",
        "typical_evidence": "Werkinstructie\nRegister",
    }


def test_export_van_een_werkversie_zegt_dat(cli: Cli) -> None:
    doe(cli, "normen importeer sterk-sociaal-werk")
    for formaat in ("yaml", "ciso", "csv"):
        r = doe(cli, f"normen exporteer sterk-sociaal-werk --formaat {formaat}")
        assert (
            f"Let op: sterk-sociaal-werk versie werkversie-2026: {WERKVERSIE_MARKERING}."
            in r.stderr
        )
        if formaat != "csv":
            assert WERKVERSIE_MARKERING in r.stdout


def test_export_is_steeds_gelijk(cli: Cli, tmp_path: Path) -> None:
    doe(cli, "normen importeer awb-h9")
    for formaat in ("yaml", "ciso", "csv"):
        a, b = tmp_path / f"a.{formaat}", tmp_path / f"b.{formaat}"
        doe(cli, f"normen exporteer awb-h9 --formaat {formaat} --uit {a}")
        doe(cli, f"normen exporteer awb-h9 --formaat {formaat} --uit {b}")
        assert a.read_bytes() == b.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
