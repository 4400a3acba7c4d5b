"""``kwaliteit beoordeel``, ``dekking``, ``bevinding`` and ``actie``.

Coverage is checked through the CLI on a peildatum: expired evidence stops
covering, a newer version takes over, the complaints register gives its own
figure (awb-h9 9:6 after ``kwaliteit klacht`` commands). Bad input: a Dutch
message, exit code 2, nothing written. Kaders are loaded through the normen
service (the shipped files, or a small kader written here).
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from kwaliteit.bewijs.modellen import Actiestatus, Bevindingsoort, Oordeelwaarde
from kwaliteit.cli import zorg as zorg_cli
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.kaderbestand import (
    WERKVERSIE_MARKERING,
    kader_uit_tekst,
    lees_kader,
    meegeleverde_kaders,
)

Cli = Callable[..., Result]
Werk = Callable[..., AbstractContextManager[Werkeenheid]]

VANDAAG = "2023-06-01"

# A small kader of our own: a narrower scale, a category with two norms, one loose norm.
PROEF = """\
formaat: kwaliteit-kader/1
kader: proef
naam: "Proefkader"
versie: "1"
geldig_van: 2020-01-01
bron: "tests"
licentie: "vrij"
werkversie: false
schaal: [voldoet, voldoet-niet]
normen:
  - ref: "A"
    titel: "Categorie A"
    beoordeelbaar: false
  - ref: "A.1"
    ouder: "A"
    titel: "Eerste norm"
    normtekst: "Er is een regeling."
  - ref: "A.2"
    ouder: "A"
    titel: "Tweede norm"
    normtekst: "Er is een jaarverslag."
  - ref: "B"
    titel: "Losse norm"
    normtekst: "Er wordt geleerd van klachten."
"""

DEKKINGSLEUTELS = [
    "kader", "naam", "versie", "werkversie", "markering", "peildatum", "ronde", "normen",
    "gedekt", "percentage", "per_oordeel", "categorieen", "per_norm",
]  # fmt: skip
NORMSLEUTELS = [
    "ref", "titel", "categorie", "gedekt", "bewijs", "verlopen_bewijs", "toekomstig_bewijs",
    "registerbewijs", "oordeel", "open_acties",
]  # fmt: skip
ACTIESLEUTELS = [
    "kenmerk", "omschrijving", "eigenaar", "deadline", "status", "te_laat", "norm", "bevinding",
    "klachten", "afgerond",
]  # fmt: skip
ENGELS = ("Traceback", "Usage:", "Error:", "Try '", "Invalid value", "Missing option", "No such")


# -- helpers ------------------------------------------------------------------------------


def kw(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    return cli(*shlex.split(opdracht), *extra, vandaag=vandaag)


def doe(cli: Cli, opdracht: str, *extra: str, vandaag: str = VANDAAG) -> Result:
    r = kw(cli, opdracht, *extra, vandaag=vandaag)
    assert r.exit_code == 0, f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert "Traceback" not in r.stdout + r.stderr
    return r


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


def dekking(cli: Cli, opties: str = "", kader: str = "awb-h9") -> dict[str, Any]:
    d = als_json(cli, f"dekking --kader {kader} {opties}")
    assert isinstance(d, dict)
    return d


def norm(d: dict[str, Any], ref: str) -> dict[str, Any]:
    regels: list[dict[str, Any]] = [n for n in d["per_norm"] if n["ref"] == ref]
    [regel] = regels
    return regel


def auditaantal(cli: Cli) -> int:
    return int(als_json(cli, "audit controleer")["gecontroleerd"])


def toestand(cli: Cli) -> tuple[Any, ...]:
    """Everything these commands could change, as the user can see it."""
    return (
        doe(cli, "dekking --kader awb-h9 --json").stdout,
        doe(cli, "dekking --kader proef --json").stdout,
        doe(cli, "bevinding lijst --json").stdout,
        doe(cli, "actie lijst --json").stdout,
        doe(cli, "bewijs lijst --json").stdout,
        auditaantal(cli),
    )


@pytest.fixture
def kaders(werk: Werk) -> None:
    """awb-h9 and the werkversie sterk-sociaal-werk (shipped), and the small 'proef' kader."""
    with werk(schrijven=True) as w:
        for code in ("awb-h9", "sterk-sociaal-werk"):
            normdiensten.laad(w, lees_kader(meegeleverde_kaders()[code]))
        normdiensten.laad(w, kader_uit_tekst(PROEF, "proef.yaml"))


def bewijs(cli: Cli, opties: str, titel: str = "Regeling") -> str:
    r = doe(cli, f"bewijs registreer --titel '{titel}' --soort document {opties}")
    return r.stdout.strip()


def klacht(cli: Cli, ontvangen: str, kanaal: str = "e-mail") -> str:
    r = doe(cli, f"klacht registreer --ontvangen {ontvangen} --kanaal {kanaal} --omschrijving x")
    return r.stdout.strip()


# -- beoordeel ----------------------------------------------------------------------------


@pytest.mark.usefixtures("kaders")
def test_beoordelen_en_opnieuw_beoordelen_vervangt_met_auditspoor(cli: Cli) -> None:
    voor = auditaantal(cli)
    r = doe(cli, "beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet-deels --toelichting 'Twee te laat'")  # fmt: skip
    assert r.stdout == "awb-h9 9:6, ronde 2023: voldoet-deels\n"
    r = doe(cli, "--door 'K. Kwaliteit' beoordeel --kader awb-h9 --norm 9:6 --oordeel Voldoet --toelichting Hersteld")  # fmt: skip
    assert r.stdout == "awb-h9 9:6, ronde 2023: voldoet (vervangt voldoet-deels)\n"
    assert auditaantal(cli) == voor + 2
    d = dekking(cli)
    assert norm(d, "9:6")["oordeel"] == {
        "waarde": "voldoet",
        "toelichting": "Hersteld",
        "door": "K. Kwaliteit",
        "datum": "2023-06-01",
    }
    assert d["per_oordeel"]["voldoet"] == 1
    assert d["per_oordeel"]["voldoet-deels"] == 0


@pytest.mark.usefixtures("kaders")
def test_een_oordeel_geldt_per_ronde(cli: Cli) -> None:
    doe(
        cli,
        "beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet-niet --toelichting a --ronde 2022",
    )
    doe(cli, "beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet --toelichting b")
    assert norm(dekking(cli, "--ronde 2022"), "9:6")["oordeel"]["waarde"] == "voldoet-niet"
    assert norm(dekking(cli), "9:6")["oordeel"]["waarde"] == "voldoet"
    assert norm(dekking(cli, "--ronde audit-2024"), "9:6")["oordeel"] is None


# -- dekking ------------------------------------------------------------------------------


@pytest.mark.usefixtures("kaders")
def test_dekking_json_heeft_de_gedocumenteerde_sleutels(cli: Cli) -> None:
    d = dekking(cli, "--peildatum 31-12-2023 --ronde 2023")
    assert list(d) == DEKKINGSLEUTELS
    assert (d["kader"], d["versie"], d["peildatum"], d["ronde"]) == ("awb-h9", "2026-01-01", "2023-12-31", "2023")  # fmt: skip
    assert d["werkversie"] is False
    assert d["markering"] is None
    assert d["normen"] == 17
    assert all(list(n) == NORMSLEUTELS for n in d["per_norm"])
    assert list(d["per_oordeel"]) == ["voldoet", "voldoet-deels", "voldoet-niet", "nvt", "geen"]
    assert [c["ref"] for c in d["categorieen"]] == ["9.1.1", "9.1.2", "9.1.3"]
    assert list(d["categorieen"][0]) == ["ref", "titel", "normen", "gedekt", "percentage"]


@pytest.mark.usefixtures("kaders")
def test_verlopen_bewijs_dekt_niet_meer(cli: Cli) -> None:
    bewijs(cli, "--ingangsdatum 01-01-2023 --geldig-tot 30-06-2023")
    doe(cli, "bewijs koppel B-0001 --kader proef --norm A.1 --toelichting Regeling")
    op = {
        "31-12-2022": (False, [], [], ["B-0001"]),  # not yet started: not expired either
        "01-01-2023": (True, ["B-0001"], [], []),
        "30-06-2023": (True, ["B-0001"], [], []),  # the last day it holds
        "01-07-2023": (False, [], ["B-0001"], []),
    }
    for peildatum, (gedekt, geldig, verlopen, toekomstig) in op.items():
        regel = norm(dekking(cli, f"--peildatum {peildatum}", kader="proef"), "A.1")
        assert regel["gedekt"] is gedekt, peildatum
        assert [b["kenmerk"] for b in regel["bewijs"]] == geldig, peildatum
        assert regel["verlopen_bewijs"] == verlopen, peildatum
        assert regel["toekomstig_bewijs"] == toekomstig, peildatum
    tekst = doe(cli, "dekking --kader proef --peildatum 01-07-2023").stdout
    assert "    bewijs: B-0001 (verlopen)" in tekst
    assert "0 van 3 normen gedekt (0%)" in tekst
    tekst = doe(cli, "dekking --kader proef --peildatum 31-12-2022").stdout
    assert "    bewijs: B-0001 (nog niet geldig)" in tekst


@pytest.mark.usefixtures("kaders")
def test_een_nieuwe_versie_met_latere_ingangsdatum_neemt_het_over(cli: Cli) -> None:
    bewijs(cli, "--ingangsdatum 01-01-2022 --geldig-tot 31-12-2022")
    doe(cli, "bewijs koppel B-0001 --kader proef --norm A.1 --toelichting Regeling")
    assert not norm(dekking(cli, "--peildatum 01-03-2023", kader="proef"), "A.1")["gedekt"]
    doe(cli, "bewijs versie B-0001 --ingangsdatum 01-01-2023 --geldig-tot 31-12-2024")
    for peildatum, versie in (("01-06-2022", 1), ("01-03-2023", 2), ("31-12-2024", 2)):
        [b] = norm(dekking(cli, f"--peildatum {peildatum}", kader="proef"), "A.1")["bewijs"]
        assert b["versie"] == versie, peildatum
    # The newer version speaks, also when it ends sooner than the older one would have.
    doe(cli, "bewijs versie B-0001 --ingangsdatum 01-02-2024 --geldig-tot 29-02-2024")
    regel = norm(dekking(cli, "--peildatum 01-03-2024", kader="proef"), "A.1")
    assert regel["gedekt"] is False
    assert regel["verlopen_bewijs"] == ["B-0001"]


@pytest.mark.usefixtures("kaders")
def test_registercijfer_voor_9_6_na_klachten_en_ontvangstbevestigingen(cli: Cli) -> None:
    kenmerken = [klacht(cli, f"{dag}-03-2023", kanaal) for dag, kanaal in (("01", "brief"), ("02", "e-mail"), ("06", "webformulier"), ("07", "e-mail"))]  # fmt: skip
    klacht(cli, "08-03-2023", "telefoon")  # oral: no acknowledgement required (Awb 9:4)
    for kenmerk in kenmerken[:3]:
        doe(cli, f"klacht bevestig {kenmerk} --datum 09-03-2023")
    r = norm(dekking(cli), "9:6")["registerbewijs"]
    assert (r["indicator"], r["teller"], r["noemer"], r["percentage"]) == ("ontvangstbevestiging", 3, 4, 75.0)  # fmt: skip
    assert r["periode"] == {"van": "2022-06-01", "tot": "2023-06-01"}
    doe(cli, f"klacht bevestig {kenmerken[3]} --datum 09-03-2023")
    regel = norm(dekking(cli), "9:6")
    assert regel["gedekt"] is True
    assert regel["bewijs"] == []
    assert (regel["registerbewijs"]["teller"], regel["registerbewijs"]["noemer"]) == (4, 4)
    tekst = doe(cli, "dekking --kader awb-h9").stdout
    assert "register: 4 van 4 (100%)" in tekst
    # A year later the complaints fall outside the twelve months: the figure no longer covers.
    later = norm(dekking(cli, "--peildatum 01-06-2024"), "9:6")
    assert later["gedekt"] is False
    assert later["registerbewijs"]["noemer"] == 0


@pytest.mark.usefixtures("kaders")
def test_dekking_als_tekst(cli: Cli) -> None:
    bewijs(cli, "--ingangsdatum 01-01-2023")
    bewijs(cli, "--ingangsdatum 01-01-2022 --geldig-tot 31-12-2022", titel="Oud")
    doe(cli, "bewijs koppel B-0001 --kader proef --norm A.1 --toelichting a")
    doe(cli, "bewijs koppel B-0002 --kader proef --norm A.1 --toelichting b")
    doe(cli, "beoordeel --kader proef --norm A.1 --oordeel voldoet --toelichting 'Regeling vastgesteld'")  # fmt: skip
    doe(cli, "actie registreer --omschrijving Jaarverslag --eigenaar Piet --deadline 01-05-2023 --kader proef --norm A.2")  # fmt: skip
    doe(cli, "actie registreer --omschrijving Evaluatie --eigenaar Els --deadline 01-09-2023 --kader proef --norm A.2")  # fmt: skip
    r = doe(cli, "dekking --kader proef")
    assert r.stderr == ""
    regels = r.stdout.splitlines()
    assert regels[0] == "Dekking van proef (Proefkader), versie 1"
    assert regels[1] == "Peildatum 01-06-2023, ronde 2023"
    assert WERKVERSIE_MARKERING not in r.stdout
    assert "1 van 3 normen gedekt (33,3%)" in regels
    assert "Oordelen: voldoet 1, voldoet-niet 0, geen 2" in regels
    assert "  A Categorie A: 1 van 2 gedekt (50%)" in regels
    assert "  (zonder categorie): 0 van 1 gedekt (0%)" in regels
    normkoppen = [regel.split("  ")[0] for regel in regels if regel[:1] in ("A", "B")]
    assert normkoppen == ["A.2", "B", "A.1"]  # gaps first, then in the kader's order
    blok = r.stdout.split("\nA.1  Eerste norm\n")[1]
    assert "    gedekt: ja" in blok
    assert "    bewijs: B-0001 (versie 1), B-0002 (verlopen)" in blok
    assert "    oordeel: voldoet (" in blok
    assert "01-06-2023): Regeling vastgesteld" in blok
    blok = r.stdout.split("\nA.2  Tweede norm\n")[1].split("\nB  ")[0]
    assert "    gedekt: nee" in blok
    assert "VA-0001 (Piet, deadline 01-05-2023, te laat)" in blok
    assert "VA-0002 (Els, deadline 01-09-2023)" in blok


@pytest.mark.usefixtures("kaders")
def test_dekking_van_een_werkversie_zegt_dat_op_een_eigen_regel(cli: Cli) -> None:
    regels = doe(cli, "dekking --kader sterk-sociaal-werk").stdout.splitlines()
    assert regels[2] == WERKVERSIE_MARKERING == "werkversie — geen officiële normtekst"
    d = dekking(cli, kader="sterk-sociaal-werk")
    assert (d["werkversie"], d["markering"]) == (True, WERKVERSIE_MARKERING)


# -- bevinding ----------------------------------------------------------------------------


@pytest.mark.usefixtures("kaders")
def test_bevindingen_registreren_en_tonen(cli: Cli) -> None:
    assert doe(cli, "bevinding lijst").stdout == "Geen bevindingen gevonden.\n"
    r = doe(cli, "bevinding registreer --soort tekortkoming --omschrijving 'Twee niet bevestigd' --kader awb-h9 --norm 9:6 --datum 15-05-2023")  # fmt: skip
    assert r.stdout == "BV-0001\n"
    doe(cli, "bevinding registreer --soort Verbeterpunt --omschrijving 'Beter archiveren' --ronde audit-2022")  # fmt: skip
    regels = als_json(cli, "bevinding lijst")
    assert [list(b) for b in regels] == [["kenmerk", "ronde", "datum", "soort", "norm", "omschrijving", "acties"]] * 2  # fmt: skip
    assert regels[0] == {
        "kenmerk": "BV-0001",
        "ronde": "2023",
        "datum": "2023-05-15",
        "soort": "tekortkoming",
        "norm": {"kader": "awb-h9", "ref": "9:6"},
        "omschrijving": "Twee niet bevestigd",
        "acties": [],
    }
    assert (regels[1]["ronde"], regels[1]["soort"], regels[1]["norm"]) == ("audit-2022", "verbeterpunt", None)  # fmt: skip
    assert [b["kenmerk"] for b in als_json(cli, "bevinding lijst --ronde audit-2022")] == [
        "BV-0002"
    ]
    tekst = doe(cli, "bevinding lijst").stdout
    assert "BV-0001  15-05-2023  ronde 2023  tekortkoming  awb-h9 9:6  Twee niet bevestigd" in tekst
    assert "2 bevinding(en)." in tekst


# -- actie --------------------------------------------------------------------------------


@pytest.mark.usefixtures("kaders")
def test_verbeteractie_registreren_wijzigen_en_tonen(cli: Cli) -> None:
    k1, k2 = klacht(cli, "01-03-2023"), klacht(cli, "02-03-2023")
    doe(cli, "bevinding registreer --soort tekortkoming --omschrijving x --kader awb-h9 --norm 9:6")
    r = doe(cli, f"actie registreer --omschrijving 'Werkinstructie bevestiging' --eigenaar 'J. de Vries' --deadline 01-09-2023 --kader awb-h9 --norm 9:6 --bevinding bv-1 --klacht {k2} --klacht {k1} --klacht k-2023-1")  # fmt: skip
    assert r.stdout == "VA-0001\n"
    assert r.stderr == ""
    d = als_json(cli, "actie toon va-1")
    assert list(d) == ACTIESLEUTELS
    assert d["norm"] == {"kader": "awb-h9", "ref": "9:6"}
    assert d["bevinding"] == "BV-0001"
    assert d["klachten"] == ["K-2023-0001", "K-2023-0002"]
    assert (d["status"], d["te_laat"], d["afgerond"]) == ("open", False, None)
    assert als_json(cli, "bevinding lijst")[0]["acties"] == ["VA-0001"]
    assert [a["kenmerk"] for a in norm(dekking(cli), "9:6")["open_acties"]] == ["VA-0001"]

    # Past its deadline it is late, in the list and in the coverage report.
    assert als_json(cli, "actie lijst", vandaag="2023-09-02")[0]["te_laat"] is True
    assert norm(dekking(cli, "--peildatum 02-09-2023"), "9:6")["open_acties"][0]["te_laat"] is True
    assert "(te laat)" in doe(cli, "actie lijst", vandaag="2023-09-02").stdout

    r = doe(cli, "actie wijzig VA-0001 --status in-uitvoering --eigenaar 'P. Jansen' --deadline 01-10-2023")  # fmt: skip
    assert r.stdout == "VA-0001: status in-uitvoering, deadline 01-10-2023, eigenaar P. Jansen\n"
    doe(cli, "actie wijzig VA-0001 --status afgerond", vandaag="2023-07-01")
    doe(cli, "actie wijzig VA-0001 --status afgerond", vandaag="2023-07-05")
    d = als_json(cli, "actie toon VA-0001")
    assert (d["status"], d["afgerond"], d["te_laat"]) == ("afgerond", "2023-07-01", False)
    assert norm(dekking(cli), "9:6")["open_acties"] == []
    tekst = doe(cli, "actie toon VA-0001").stdout
    assert "Status        afgerond op 01-07-2023" in tekst
    assert "Klachten      K-2023-0001, K-2023-0002" in tekst


@pytest.mark.usefixtures("kaders")
def test_actielijst_filtert_op_status_en_open(cli: Cli) -> None:
    assert doe(cli, "actie lijst").stdout == "Geen verbeteracties gevonden.\n"
    for i in range(4):
        doe(cli, f"actie registreer --omschrijving a{i} --eigenaar e --deadline 01-09-2023")
    doe(cli, "actie wijzig VA-0002 --status in-uitvoering")
    doe(cli, "actie wijzig VA-0003 --status afgerond")
    doe(cli, "actie wijzig VA-0004 --status vervallen")

    def kenmerken(opties: str) -> list[str]:
        return [a["kenmerk"] for a in als_json(cli, f"actie lijst {opties}")]

    assert kenmerken("") == ["VA-0001", "VA-0002", "VA-0003", "VA-0004"]
    assert kenmerken("--open") == ["VA-0001", "VA-0002"]
    assert kenmerken("--status afgerond") == ["VA-0003"]
    assert kenmerken("--status IN-UITVOERING") == ["VA-0002"]
    assert "4 verbeteractie(s)." in doe(cli, "actie lijst").stdout


@pytest.mark.usefixtures("kaders")
def test_deadline_in_het_verleden_mag_met_een_waarschuwing(cli: Cli) -> None:
    r = doe(cli, "actie registreer --omschrijving a --eigenaar e --deadline 01-05-2023")
    assert r.stdout == "VA-0001\n"
    assert "Let op: de deadline 01-05-2023 is al verstreken" in r.stderr
    assert als_json(cli, "actie toon VA-0001")["te_laat"] is True


# -- help texts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("constante", "soort"),
    [("OORDELEN", Oordeelwaarde), ("BEVINDINGSOORTEN", Bevindingsoort), ("STATUSSEN", Actiestatus)],
)
def test_hulpconstanten_noemen_precies_de_waarden(constante: str, soort: type[StrEnum]) -> None:
    genoemd = getattr(zorg_cli, constante).replace(" of ", ", ").split(", ")
    assert genoemd == [lid.value for lid in soort]


# -- bad input ----------------------------------------------------------------------------


@pytest.fixture
def zorg(cli: Cli, kaders: None) -> Cli:
    """K-2023-0001, B-0001 on awb-h9 9:6, an oordeel, BV-0001, VA-0001."""
    del kaders
    klacht(cli, "01-03-2023")
    bewijs(cli, "--ingangsdatum 01-01-2023")
    doe(cli, "bewijs koppel B-0001 --kader awb-h9 --norm 9:6 --toelichting a")
    doe(cli, "beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet --toelichting a")
    doe(cli, "bevinding registreer --soort observatie --omschrijving x")
    doe(cli, "actie registreer --omschrijving a --eigenaar e --deadline 01-09-2023")
    return cli


BEOORDEEL = "beoordeel --kader awb-h9 --norm 9:6 --toelichting t"
BEVINDING = "bevinding registreer --soort tekortkoming --omschrijving x"
ACTIE = "actie registreer --omschrijving a --eigenaar e --deadline 01-09-2023"

FOUTEN: list[tuple[str, str, list[str]]] = [
    # -- beoordeel
    ("onbekend-oordeel", f"{BEOORDEEL} --oordeel goed", ["oordeel: 'goed' is niet toegestaan", "voldoet, voldoet-deels, voldoet-niet of nvt"]),
    ("onbekend-oordeel-noemt-de-schaal-van-het-kader", "beoordeel --kader proef --norm A.1 --toelichting t --oordeel prima", ["kies voldoet of voldoet-niet"]),
    ("oordeel-buiten-de-schaal", "beoordeel --kader proef --norm A.1 --toelichting t --oordeel nvt", ["'nvt' hoort niet bij proef", "voldoet, voldoet-niet"]),
    ("categorie-beoordelen", "beoordeel --kader awb-h9 --norm 9.1.2 --toelichting t --oordeel voldoet", ["9.1.2", "categorie, geen beoordeelbare norm"]),
    ("onbekend-kader", "beoordeel --kader iso --norm 1 --toelichting t --oordeel voldoet", ["Kader 'iso' is niet geladen"]),
    ("onbekende-norm", "beoordeel --kader awb-h9 --norm 10:1 --toelichting t --oordeel voldoet", ["geen norm '10:1'"]),
    ("onbekende-versie", f"{BEOORDEEL} --oordeel voldoet --versie 2001", ["geen versie '2001'"]),
    ("lege-toelichting", "beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet --toelichting ''", ["toelichting is verplicht"]),
    ("lege-ronde", f"{BEOORDEEL} --oordeel voldoet --ronde ' '", ["ronde mag niet leeg zijn"]),
    ("te-lange-ronde", f"{BEOORDEEL} --oordeel voldoet --ronde {'x' * 61}", ["ten hoogste 60"]),
    # -- dekking
    ("dekking-onbekend-kader", "dekking --kader wmo", ["Kader 'wmo' is niet geladen", "awb-h9, proef, sterk-sociaal-werk"]),
    ("dekking-foute-peildatum", "dekking --kader awb-h9 --peildatum 2023-02-30", ["peildatum: '2023-02-30' bestaat niet"]),
    ("dekking-onbekende-versie", "dekking --kader awb-h9 --versie 9", ["geen versie '9'"]),
    ("dekking-zonder-kader", "dekking", ["--kader", "Ontbrekende optie"]),
    # -- bevinding
    ("onbekende-bevindingsoort", "bevinding registreer --soort klacht --omschrijving x", ["soort: 'klacht' is niet toegestaan", "tekortkoming, verbeterpunt of observatie"]),
    ("bevinding-in-de-toekomst", f"{BEVINDING} --datum 02-06-2023", ["02-06-2023", "ligt in de toekomst"]),
    ("bevinding-norm-zonder-kader", f"{BEVINDING} --norm 9:6", ["Geef bij --norm ook --kader"]),
    ("bevinding-kader-zonder-norm", f"{BEVINDING} --kader awb-h9", ["Geef bij --kader ook --norm"]),
    ("bevinding-onbekende-norm", f"{BEVINDING} --kader awb-h9 --norm 9:77", ["geen norm '9:77'"]),
    ("bevinding-lege-omschrijving", "bevinding registreer --soort tekortkoming --omschrijving ' '", ["omschrijving is verplicht"]),
    ("bevinding-foute-datum", f"{BEVINDING} --datum gisteren", ["'gisteren' is geen datum"]),
    # -- actie
    ("actie-onbekende-klacht", f"{ACTIE} --klacht K-2023-0001 --klacht K-2023-0009", ["K-2023-0009"]),
    ("actie-misvormde-klacht", f"{ACTIE} --klacht 12", ["'12' is geen kenmerk"]),
    ("actie-onbekende-bevinding", f"{ACTIE} --bevinding BV-0009", ["geen bevinding met kenmerk 'BV-0009'"]),
    ("actie-categorie", f"{ACTIE} --kader awb-h9 --norm 9.1.1", ["categorie, geen beoordeelbare norm"]),
    ("actie-norm-zonder-kader", f"{ACTIE} --norm 9:6", ["Geef bij --norm ook --kader"]),
    ("actie-foute-deadline", "actie registreer --omschrijving a --eigenaar e --deadline 31-09-2023", ["deadline: '31-09-2023' bestaat niet"]),
    ("actie-lege-eigenaar", "actie registreer --omschrijving a --eigenaar '' --deadline 01-09-2023", ["eigenaar is verplicht"]),
    ("actie-zonder-deadline", "actie registreer --omschrijving a --eigenaar e", ["--deadline", "Ontbrekende optie"]),
    ("wijzig-onbekende-actie", "actie wijzig VA-0009 --status afgerond", ["geen verbeteractie met kenmerk 'VA-0009'", "actie lijst"]),
    ("wijzig-onbekende-status", "actie wijzig VA-0001 --status klaar", ["status: 'klaar' is niet toegestaan", "open, in-uitvoering, afgerond of vervallen"]),
    ("wijzig-zonder-wijziging", "actie wijzig VA-0001", ["Geef minstens één van --status, --deadline of --eigenaar"]),
    ("wijzig-foute-deadline", "actie wijzig VA-0001 --deadline volgende-week", ["'volgende-week' is geen datum"]),
    ("wijzig-lege-eigenaar", "actie wijzig VA-0001 --eigenaar ' '", ["eigenaar is verplicht"]),
    ("lijst-onbekende-status", "actie lijst --status lopend", ["status: 'lopend' is niet toegestaan"]),
    ("lijst-status-en-open", "actie lijst --status open --open", ["--status of --open, niet beide"]),
    ("toon-onbekende-actie", "actie toon VA-0042", ["VA-0042"]),
]  # fmt: skip


@pytest.mark.parametrize(("opdracht", "fragmenten"), [f[1:] for f in FOUTEN], ids=[f[0] for f in FOUTEN])  # fmt: skip
def test_foute_invoer_schrijft_niets(zorg: Cli, opdracht: str, fragmenten: list[str]) -> None:
    voor = toestand(zorg)
    mislukt(kw(zorg, opdracht), *fragmenten)
    assert toestand(zorg) == voor


def test_mislukte_registraties_verbruiken_geen_kenmerk(zorg: Cli) -> None:
    mislukt(kw(zorg, f"{BEVINDING} --datum 02-06-2023"))
    mislukt(kw(zorg, f"{ACTIE} --klacht K-2023-0009"))
    assert doe(zorg, BEVINDING).stdout == "BV-0002\n"
    assert doe(zorg, ACTIE).stdout == "VA-0002\n"


def test_help_van_de_nieuwe_opdrachten_laadt_geen_database(tmp_path: Path) -> None:
    """--help needs no database, so a nonexistent one is never created."""
    from click.testing import CliRunner

    from kwaliteit.cli import app

    database = tmp_path / "nergens" / "k.db"
    for pad in (["beoordeel"], ["dekking"], ["bevinding", "registreer"], ["actie", "lijst"], ["bewijs", "haal"]):  # fmt: skip
        r = CliRunner().invoke(app, ["--database", str(database), *pad, "--help"])
        assert r.exit_code == 0, r.stdout
        assert "Voorbeeld: kwaliteit " + " ".join(pad) in " ".join(r.stdout.split())
    assert not database.parent.exists()
