"""``kwaliteit bewijs``: registering evidence, versions, files, links to norms.

Bad input never yields a traceback: a Dutch message on stderr starting with
"Fout:", exit code 2, and nothing written (the evidence list, every piece of
evidence in full, the stored files and the audit trail are unchanged).

Kaders are loaded through the normen service, not the ``kwaliteit normen`` commands.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import create_engine, text

from kwaliteit.bewijs.diensten import MAX_BESTAND
from kwaliteit.bewijs.modellen import Bewijssoort
from kwaliteit.cli import bewijs as bewijs_cli
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.kaderbestand import lees_kader, meegeleverde_kaders

Cli = Callable[..., Result]
Werk = Callable[..., AbstractContextManager[Werkeenheid]]

VANDAAG = "2023-06-01"

LIJSTSLEUTELS = [
    "kenmerk",
    "titel",
    "soort",
    "eigenaar",
    "versie",
    "ingangsdatum",
    "geldig_tot",
    "bestand",
    "geldig_vandaag",
    "gekoppelde_normen",
]
TOONSLEUTELS = [
    "kenmerk",
    "titel",
    "soort",
    "eigenaar",
    "beschrijving",
    "geldig_op_peildatum",
    "peildatum",
    "versies",
    "normen",
    "geldige_versie",
]
ENGELS = ("Traceback", "Usage:", "Error:", "Try '", "Invalid value", "Missing option", "No such")


# -- helpers ------------------------------------------------------------------------------


def kw(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    return cli(*shlex.split(opdracht), *extra, vandaag=vandaag)


def ok(r: Result) -> Result:
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert "Traceback" not in r.stdout + r.stderr
    return r


def doe(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    return ok(kw(cli, opdracht, *extra, vandaag=vandaag))


def mislukt(r: Result, *fragmenten: str) -> None:
    uitvoer = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == 2, uitvoer
    assert r.exception is None or isinstance(r.exception, SystemExit), uitvoer
    for engels in ENGELS:
        assert engels not in r.stdout + r.stderr, uitvoer
    assert r.stdout == "", uitvoer
    assert r.stderr.startswith(("Fout: ", "Gebruik: ")), uitvoer
    for fragment in fragmenten:
        assert fragment in r.stderr, f"{fragment!r} ontbreekt\n{uitvoer}"


def als_json(cli: Cli, opdracht: str, vandaag: str = VANDAAG) -> Any:
    return json.loads(doe(cli, f"{opdracht} --json", vandaag=vandaag).stdout)


def tel(database_url: str, tabel: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as c:
            return int(c.execute(text(f"SELECT count(*) FROM {tabel}")).scalar_one())
    finally:
        engine.dispose()


def toestand(cli: Cli, database_url: str) -> tuple[str, list[str], int, int]:
    """Everything a bewijs command could change."""
    lijsttekst = doe(cli, "bewijs lijst --json").stdout
    details = [
        doe(cli, f"bewijs toon {r['kenmerk']} --json").stdout for r in json.loads(lijsttekst)
    ]
    return lijsttekst, details, tel(database_url, "bestand"), tel(database_url, "audit_gebeurtenis")


def registreer(cli: Cli, *extra: str, titel: str = "Klachtenregeling") -> str:
    r = doe(
        cli,
        f"bewijs registreer --titel '{titel}' --soort document --ingangsdatum 01-01-2023",
        *extra,
    )
    return r.stdout.strip()


@pytest.fixture
def kaders(werk: Werk) -> None:
    """The shipped awb-h9 kader, loaded through the service."""
    with werk(schrijven=True) as w:
        normdiensten.laad(w, lees_kader(meegeleverde_kaders()["awb-h9"]))


@pytest.fixture
def bestand(tmp_path: Path) -> Path:
    pad = tmp_path / "klachtenregeling.pdf"
    pad.write_bytes(bytes(range(256)) * 40 + b"\x00\xff einde")
    return pad


# -- registreer ---------------------------------------------------------------------------


def test_registreer_toont_alleen_het_kenmerk_en_nummert_zonder_gaten(cli: Cli) -> None:
    assert registreer(cli) == "B-0001"
    assert registreer(cli, titel="Jaarverslag") == "B-0002"
    r = doe(cli, "bewijs registreer --titel x --soort kengetal --ingangsdatum 2023-01-01")
    assert r.stdout == "B-0003\n"
    assert r.stderr == ""


@pytest.mark.parametrize(
    ("invoer", "soort"),
    [("enquete", "enquête"), ("Enquête", "enquête"), (" KENGETAL ", "kengetal")],
)
def test_soort_mag_zonder_accent_en_in_hoofdletters(cli: Cli, invoer: str, soort: str) -> None:
    doe(cli, f"bewijs registreer --titel x --soort '{invoer}' --ingangsdatum 01-01-2023")
    assert als_json(cli, "bewijs toon B-0001")["soort"] == soort


def test_registreer_met_alle_velden(cli: Cli, bestand: Path) -> None:
    doe(
        cli,
        "bewijs registreer --titel 'Klachtenregeling 2023' --soort document "
        "--ingangsdatum 01-01-2023 --geldig-tot 31-12-2023 --eigenaar 'J. de Vries' "
        f"--beschrijving 'Vastgesteld door het bestuur' --bestand {bestand} --toelichting 'Eerste versie'",
    )
    d = als_json(cli, "bewijs toon B-0001")
    assert list(d) == TOONSLEUTELS
    assert d["titel"] == "Klachtenregeling 2023"
    assert d["eigenaar"] == "J. de Vries"
    assert d["beschrijving"] == "Vastgesteld door het bestuur"
    assert d["geldig_op_peildatum"] is True
    assert d["geldige_versie"] == 1
    [v] = d["versies"]
    assert v["ingangsdatum"] == "2023-01-01"
    assert v["geldig_tot"] == "2023-12-31"
    assert v["bestand"] == "klachtenregeling.pdf"
    assert v["toelichting"] == "Eerste versie"
    assert len(v["sha256"]) == 64


def test_ingangsdatum_in_de_toekomst_mag_met_een_waarschuwing(cli: Cli) -> None:
    r = doe(cli, "bewijs registreer --titel x --soort document --ingangsdatum 01-01-2024")
    assert r.stdout == "B-0001\n"
    assert "Let op: de ingangsdatum 01-01-2024 ligt in de toekomst" in r.stderr
    assert als_json(cli, "bewijs toon B-0001")["geldig_op_peildatum"] is False


# -- versie -------------------------------------------------------------------------------


def test_een_nieuwe_versie_laat_de_oude_staan(cli: Cli, bestand: Path, tmp_path: Path) -> None:
    registreer(cli, "--geldig-tot", "30-06-2023", "--bestand", str(bestand))
    nieuw = tmp_path / "klachtenregeling-2.pdf"
    nieuw.write_bytes(b"tweede versie")
    r = doe(
        cli, f"bewijs versie b-1 --ingangsdatum 01-05-2023 --bestand {nieuw} --toelichting Herzien"
    )
    assert r.stdout == "B-0001: versie 2 vastgelegd, vanaf 01-05-2023\n"
    d = als_json(cli, "bewijs toon B-0001")
    assert [v["versie"] for v in d["versies"]] == [1, 2]
    assert [v["bestand"] for v in d["versies"]] == [
        "klachtenregeling.pdf",
        "klachtenregeling-2.pdf",
    ]
    assert d["versies"][0]["geldig_tot"] == "2023-06-30"
    assert d["geldige_versie"] == 2
    assert als_json(cli, "bewijs toon B-0001 --peildatum 15-04-2023")["geldige_versie"] == 1
    [regel] = als_json(cli, "bewijs lijst")
    assert (regel["versie"], regel["ingangsdatum"], regel["geldig_tot"]) == (2, "2023-05-01", None)


# -- files --------------------------------------------------------------------------------


def test_een_bestand_wordt_eenmaal_bewaard_en_komt_byte_voor_byte_terug(
    cli: Cli, database_url: str, bestand: Path, tmp_path: Path
) -> None:
    kopie = tmp_path / "andere-naam.pdf"
    kopie.write_bytes(bestand.read_bytes())
    registreer(cli, "--bestand", str(bestand))
    registreer(cli, "--bestand", str(kopie), titel="Zelfde inhoud, andere naam")
    doe(cli, f"bewijs versie B-0001 --ingangsdatum 01-02-2023 --bestand {bestand}")
    assert tel(database_url, "bestand") == 1
    sha = {v["sha256"] for k in ("B-0001", "B-0002") for v in als_json(cli, f"bewijs toon {k}")["versies"]}  # fmt: skip
    assert len(sha) == 1

    uit = tmp_path / "uit"
    uit.mkdir()
    r = doe(cli, f"bewijs haal B-0002 --uit {uit}")
    assert r.stdout == f"Geschreven naar {uit / 'andere-naam.pdf'}\n"
    assert (uit / "andere-naam.pdf").read_bytes() == bestand.read_bytes()
    doe(cli, f"bewijs haal B-0001 --versie 1 --uit {uit / 'terug.pdf'}")
    assert (uit / "terug.pdf").read_bytes() == bestand.read_bytes()
    assert sorted(p.name for p in uit.iterdir()) == ["andere-naam.pdf", "terug.pdf"]


def test_een_ander_bestand_krijgt_een_eigen_rij(
    cli: Cli, database_url: str, tmp_path: Path
) -> None:
    for i in range(2):
        pad = tmp_path / f"stuk-{i}.txt"
        pad.write_text(f"inhoud {i}", encoding="utf-8")
        registreer(cli, "--bestand", str(pad))
    assert tel(database_url, "bestand") == 2


def test_bestandsnaam_met_mappen_wordt_alleen_de_naam(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    diep = tmp_path / "a" / "b"
    diep.mkdir(parents=True)
    (diep / "verslag.txt").write_bytes(b"verslag")
    monkeypatch.chdir(tmp_path)
    registreer(cli, "--bestand", "a/b/../b/verslag.txt")
    registreer(cli, "--bestand", str(diep / "verslag.txt"))
    for kenmerk in ("B-0001", "B-0002"):
        assert als_json(cli, f"bewijs toon {kenmerk}")["versies"][0]["bestand"] == "verslag.txt"
    uit = tmp_path / "uit"
    uit.mkdir()
    doe(cli, f"bewijs haal B-0001 --uit {uit}")
    assert [p.name for p in uit.iterdir()] == ["verslag.txt"]


def test_haal_zonder_versie_neemt_de_nieuwste(cli: Cli, tmp_path: Path) -> None:
    eerste, tweede = tmp_path / "een.txt", tmp_path / "twee.txt"
    eerste.write_bytes(b"een")
    tweede.write_bytes(b"twee")
    registreer(cli, "--bestand", str(eerste))
    doe(cli, f"bewijs versie B-0001 --ingangsdatum 01-03-2023 --bestand {tweede}")
    doe(cli, f"bewijs haal B-0001 --uit {tmp_path / 'terug.txt'}")
    assert (tmp_path / "terug.txt").read_bytes() == b"twee"


# -- koppel, ontkoppel, lijst, toon -------------------------------------------------------


@pytest.mark.usefixtures("kaders")
def test_koppelen_en_ontkoppelen(cli: Cli) -> None:
    registreer(cli)
    r = doe(cli, "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting 'Regeling schrijft het voor'")  # fmt: skip
    assert r.stdout.startswith("B-0001 gekoppeld aan awb-h9 9:6 (")
    doe(cli, "bewijs koppel B-0001 --kader awb-h9 --norm 9:12 --toelichting Modelbrief")
    d = als_json(cli, "bewijs toon B-0001")
    assert [(n["kader"], n["norm"], n["toelichting"]) for n in d["normen"]] == [
        ("awb-h9", "9:6", "Regeling schrijft het voor"),
        ("awb-h9", "9:12", "Modelbrief"),
    ]
    assert als_json(cli, "bewijs lijst")[0]["gekoppelde_normen"] == 2
    assert doe(cli, "bewijs ontkoppel B-0001 --kader awb-h9 --norm 9:6").stdout == (
        "B-0001 ontkoppeld van awb-h9 9:6\n"
    )
    assert [n["norm"] for n in als_json(cli, "bewijs toon B-0001")["normen"]] == ["9:12"]


@pytest.mark.usefixtures("kaders")
def test_lijst_filtert_op_kader_en_norm(cli: Cli) -> None:
    for titel in ("Regeling", "Modelbrief", "Los"):
        registreer(cli, titel=titel)
    doe(cli, "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting a")
    doe(cli, "bewijs koppel B-0002 --kader awb-h9 --norm 9:12 --toelichting b")

    def kenmerken(opties: str) -> list[str]:
        return [r["kenmerk"] for r in als_json(cli, f"bewijs lijst {opties}")]

    assert kenmerken("") == ["B-0001", "B-0002", "B-0003"]
    assert kenmerken("--kader awb-h9") == ["B-0001", "B-0002"]
    assert kenmerken("--kader awb-h9 --norm 9:12") == ["B-0002"]


def test_lijst_json_heeft_de_sleutels_en_geldigheid_van_vandaag(cli: Cli) -> None:
    registreer(cli, "--geldig-tot", "31-05-2023")
    registreer(cli, titel="Nog geldig")
    regels = als_json(cli, "bewijs lijst")
    assert [list(r) for r in regels] == [LIJSTSLEUTELS, LIJSTSLEUTELS]
    assert [r["geldig_vandaag"] for r in regels] == [False, True]
    assert regels[0]["gekoppelde_normen"] == 0


def test_lijst_en_toon_als_tekst(cli: Cli, bestand: Path) -> None:
    assert doe(cli, "bewijs lijst").stdout == "Geen bewijsstukken gevonden.\n"
    registreer(cli, "--geldig-tot", "31-12-2023", "--bestand", str(bestand))
    lijst = doe(cli, "bewijs lijst").stdout
    assert "B-0001" in lijst
    assert "01-01-2023 t/m 31-12-2023" in lijst
    assert "1 bewijsstuk(ken)." in lijst
    toon = doe(cli, "bewijs toon B-0001").stdout
    assert "Op 01-06-2023  geldig (versie 1)" in toon
    assert "bestand klachtenregeling.pdf" in toon
    assert "niet geldig" in doe(cli, "bewijs toon B-0001 --peildatum 01-01-2024").stdout


def test_hulp_noemt_precies_de_soorten() -> None:
    genoemd = bewijs_cli.SOORTEN.replace(" of ", ", ").split(", ")
    assert genoemd == [s.value for s in Bewijssoort]


# -- bad input ----------------------------------------------------------------------------


@pytest.fixture
def dossier(cli: Cli, kaders: None, tmp_path: Path, bestand: Path) -> Cli:
    """B-0001 (with a file, linked to awb-h9 9:6) and B-0002 (no file); files in tmp_path."""
    del kaders
    registreer(cli, "--bestand", str(bestand))
    registreer(cli, titel="Zonder bestand")
    doe(cli, "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting a")
    (tmp_path / "map").mkdir()
    groot = tmp_path / "groot.bin"
    with groot.open("wb") as f:
        f.truncate(MAX_BESTAND + 1)  # sparse: no 50 MB written to disk
    return cli


REG = "bewijs registreer --titel x --soort document"

# (id, command, fragments); {tmp} is the test's temporary folder. Every one exits with 2.
FOUTEN: list[tuple[str, str, list[str]]] = [
    ("onbekend-kenmerk-toon", "bewijs toon B-0099", ["geen bewijsstuk met kenmerk 'B-0099'", "bewijs lijst"]),
    ("onbekend-kenmerk-versie", "bewijs versie B-0099 --ingangsdatum 01-01-2023", ["B-0099"]),
    ("onbekend-kenmerk-koppel", "bewijs koppel X-1 --kader awb-h9 --norm 9:6 --toelichting a", ["'X-1'"]),
    ("onbekend-kenmerk-haal", "bewijs haal B-0099 --uit {tmp}", ["B-0099"]),
    ("onbekend-kader", "bewijs koppel B-0001 --kader iso-9001 --norm 4.1 --toelichting a", ["Kader 'iso-9001' is niet geladen", "awb-h9"]),
    ("onbekende-norm", "bewijs koppel B-0001 --kader awb-h9 --norm 9:99 --toelichting a", ["geen norm '9:99'"]),
    ("categorie-in-plaats-van-norm", "bewijs koppel B-0001 --kader awb-h9 --norm 9.1.2 --toelichting a", ["9.1.2", "categorie, geen beoordeelbare norm"]),
    ("onbekende-kaderversie", "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting a --versie 1999", ["geen versie '1999'"]),
    ("dubbel-koppelen", "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting b", ["al gekoppeld", "ontkoppel"]),
    ("lege-koppeltoelichting", "bewijs koppel B-0002 --kader awb-h9 --norm 9:6 --toelichting ' '", ["toelichting is verplicht"]),
    ("ontkoppel-niet-gekoppeld", "bewijs ontkoppel B-0002 --kader awb-h9 --norm 9:6", ["B-0002 is niet gekoppeld aan awb-h9 9:6"]),
    ("lijst-norm-zonder-kader", "bewijs lijst --norm 9:6", ["--kader"]),
    ("lijst-onbekend-kader", "bewijs lijst --kader wmo", ["Kader 'wmo' is niet geladen"]),
    ("geldig-tot-voor-ingang", f"{REG} --ingangsdatum 01-03-2023 --geldig-tot 28-02-2023", ["geldig-tot (28-02-2023) ligt voor de ingangsdatum (01-03-2023)"]),
    ("versie-geldig-tot-voor-ingang", "bewijs versie B-0001 --ingangsdatum 01-03-2023 --geldig-tot 01-01-2023", ["ligt voor de ingangsdatum"]),
    ("bestand-bestaat-niet", f"{REG} --ingangsdatum 01-01-2023 --bestand {{tmp}}/weg.pdf", ["weg.pdf bestaat niet of is geen gewoon bestand"]),
    ("map-als-bestand", f"{REG} --ingangsdatum 01-01-2023 --bestand {{tmp}}/map", ["geen gewoon bestand"]),
    ("bestand-te-groot", f"{REG} --ingangsdatum 01-01-2023 --bestand {{tmp}}/groot.bin", ["ten hoogste 50 MB"]),
    ("versie-bestand-te-groot", "bewijs versie B-0002 --ingangsdatum 01-01-2023 --bestand {tmp}/groot.bin", ["ten hoogste 50 MB"]),
    ("onbekende-soort", f"{REG.replace('document', 'foto')} --ingangsdatum 01-01-2023", ["soort: 'foto' is niet toegestaan", "document, registratie, interview, observatie, enquête of kengetal"]),
    ("foute-ingangsdatum", f"{REG} --ingangsdatum 2023/01/01", ["ingangsdatum: '2023/01/01' is geen datum"]),
    ("foute-geldig-tot", f"{REG} --ingangsdatum 01-01-2023 --geldig-tot 31-02-2023", ["geldig-tot: '31-02-2023' bestaat niet"]),
    ("lege-titel", "bewijs registreer --titel ' ' --soort document --ingangsdatum 01-01-2023", ["titel is verplicht"]),
    ("foute-peildatum", "bewijs toon B-0001 --peildatum morgen", ["peildatum: 'morgen' is geen datum"]),
    ("haal-zonder-bestand", "bewijs haal B-0002 --uit {tmp}", ["Versie 1 van B-0002 heeft geen bestand"]),
    ("haal-onbekende-versie", "bewijs haal B-0001 --versie 7 --uit {tmp}", ["B-0001 heeft geen versie 7"]),
    ("haal-map-bestaat-niet", "bewijs haal B-0001 --uit {tmp}/nergens/x.pdf", ["De map", "bestaat niet"]),
    ("haal-versie-nul", "bewijs haal B-0001 --versie 0 --uit {tmp}", ["--versie"]),
    ("ontbrekende-soort", "bewijs registreer --titel x --ingangsdatum 01-01-2023", ["--soort", "Ontbrekende optie"]),
]  # fmt: skip


@pytest.mark.parametrize(("opdracht", "fragmenten"), [f[1:] for f in FOUTEN], ids=[f[0] for f in FOUTEN])  # fmt: skip
def test_foute_invoer_schrijft_niets(
    dossier: Cli, database_url: str, tmp_path: Path, opdracht: str, fragmenten: list[str]
) -> None:
    voor = toestand(dossier, database_url)
    bestanden = sorted(p.name for p in tmp_path.iterdir())
    mislukt(kw(dossier, opdracht.format(tmp=tmp_path)), *fragmenten)
    assert toestand(dossier, database_url) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == bestanden


def test_mislukte_registratie_verbruikt_geen_kenmerk(dossier: Cli, tmp_path: Path) -> None:
    mislukt(kw(dossier, f"{REG} --ingangsdatum 01-01-2023 --bestand {tmp_path}/groot.bin"))
    assert registreer(dossier) == "B-0003"
