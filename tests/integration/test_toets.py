"""``kwaliteit toets`` end to end: the four states per norm, undefined steps, bad features, exit codes.

The command runs pytest itself, so these tests start it as a separate process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from unittest.mock import ANY

import pytest
from click.testing import Result
from sqlalchemy import create_engine, func, select

from klachten import diensten as klachtdiensten
from klachten.invoer import NieuweKlacht
from klachten.modellen import Klacht
from klachten.waarden import Kanaal
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.toetsing.modellen import Toetsrun
from normen import diensten as normdiensten
from normen.kaderbestand import lees_kader, meegeleverde_kaders

Cli = Callable[..., Result]
Werk = Callable[..., AbstractContextManager[Werkeenheid]]
VANDAAG = "2024-01-15"

KADER = """\
formaat: kwaliteit-kader/1
kader: proef
naam: Proefkader
versie: "1"
geldig_van: 2020-01-01
bron: test
licentie: test
werkversie: true
schaal: [voldoet, voldoet-deels, voldoet-niet, nvt]
normen:
  - {ref: "A", titel: Categorie, beoordeelbaar: false}
  - {ref: "A.1", ouder: "A", titel: Bevestigd, normtekst: Elke klacht wordt bevestigd.}
  - {ref: "A.2", ouder: "A", titel: Afschrift, normtekst: De beklaagde krijgt een afschrift.}
  - {ref: "A.3", ouder: "A", titel: Onbekend, normtekst: Iets wat niemand toetst.}
  - {ref: "A.4", ouder: "A", titel: Publicatie, normtekst: Het overzicht wordt gepubliceerd.}
"""

FEATURE = """\
# language: nl
Functionaliteit: Proeftoetsen

  @norm:proef/A.1
  Scenario: Elke schriftelijke klacht is bevestigd
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum
    Dan heeft elke schriftelijke klacht een ontvangstbevestiging

  @norm:proef/A.2
  Scenario: De beklaagde krijgt een afschrift
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum
    Dan kreeg bij elke schriftelijke klacht met een oordeel de beklaagde een afschrift

  @norm:proef/A.4
  Scenario: Het overzicht staat op de website
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum
    Dan staat het jaaroverzicht op de website
"""


def toets(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kwaliteit", "--database", database_url, "toets", *args],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "KWALITEIT_MODUS": "test",
            "KWALITEIT_VANDAAG": VANDAAG,
            "HOME": "/tmp",
        },
        check=False,
    )


@pytest.fixture
def opzet(cli: Cli, tmp_path: Path) -> Path:
    """A register with one acknowledged and one unacknowledged written complaint, and a kader."""
    kader = tmp_path / "proef.yaml"
    kader.write_text(KADER, encoding="utf-8")
    assert cli("normen", "importeer", str(kader), vandaag=VANDAAG).exit_code == 0
    for ontvangen in ("01-03-2023", "01-06-2023"):
        r = cli("klacht", "registreer", "--ontvangen", ontvangen, "--kanaal", "brief",
                "--omschrijving", "x", vandaag=VANDAAG)  # fmt: skip
        assert r.exit_code == 0, r.stderr
    assert (
        cli("klacht", "bevestig", "K-2023-0001", "--datum", "02-03-2023", vandaag=VANDAAG).exit_code
        == 0
    )
    map_ = tmp_path / "features"
    map_.mkdir()
    (map_ / "proef.feature").write_text(FEATURE, encoding="utf-8")
    return map_


def test_een_toets_toont_elk_van_de_vier_uitkomsten(
    database_url: str, opzet: Path, tmp_path: Path
) -> None:
    junit = tmp_path / "junit.xml"
    r = toets(database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen", "--json",
              "--junit", str(junit))  # fmt: skip
    assert r.returncode == 1, r.stderr
    d = json.loads(r.stdout)
    status = {n["ref"]: n for n in d["normen"]}
    # A.1 fails: K-2023-0002 was never acknowledged, and the report names it.
    assert status["A.1"]["status"] == "niet-gedekt"
    assert "K-2023-0002" in " ".join(status["A.1"]["toelichting"])
    failed = next(s for s in d["scenarios"] if s["normen"] == ["proef/A.1"])
    assert failed["records"] == ["K-2023-0002"]
    assert failed["stap"].startswith("Dan heeft elke schriftelijke klacht")
    # A.2: no written complaint with an oordeel: nothing to check, so never 'gedekt'.
    assert status["A.2"]["status"] == "overgeslagen"
    assert "niets om te toetsen" in " ".join(status["A.2"]["toelichting"])
    # A.3: no scenario at all.
    assert status["A.3"]["status"] == "ongetoetst"
    # A.4: an undefined step, reported with its text and file:line.
    assert status["A.4"]["status"] == "overgeslagen"
    uitleg = " ".join(status["A.4"]["toelichting"])
    assert "Dan staat het jaaroverzicht op de website" in uitleg
    assert f"{opzet / 'proef.feature'}:17" in uitleg
    assert d["samenvatting"] == {"gedekt": 0, "niet-gedekt": 1, "overgeslagen": 2, "ongetoetst": 1}
    # JUnit: the skipped scenarios are <skipped>, the failure a <failure>, never a pass.
    xml = junit.read_text(encoding="utf-8")
    assert xml.count("<skipped") == 3  # two scenarios and the untested norm
    assert xml.count("<failure") == 1


def test_toets_slaagt_alleen_als_elke_norm_gedekt_is(
    cli: Cli, database_url: str, opzet: Path
) -> None:
    assert (
        cli("klacht", "bevestig", "K-2023-0002", "--datum", "02-06-2023", vandaag=VANDAAG).exit_code
        == 0
    )
    feature = opzet / "alleen-a1.feature"
    feature.write_text(FEATURE.split("\n  @norm:proef/A.2")[0] + "\n", encoding="utf-8")
    (opzet / "proef.feature").unlink()
    r = toets(
        database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen", "--json"
    )
    d = json.loads(r.stdout)
    assert {n["ref"]: n["status"] for n in d["normen"]}["A.1"] == "gedekt"
    assert r.returncode == 1  # A.2-A.4 are not covered, so the run as a whole fails
    # With the untested norms removed from scope by a kader of one norm, it passes.
    klein = KADER.split('  - {ref: "A.2"')[0].replace("kader: proef", "kader: klein")
    pad = opzet.parent / "klein.yaml"
    pad.write_text(klein, encoding="utf-8")
    assert cli("normen", "importeer", str(pad), vandaag=VANDAAG).exit_code == 0
    feature.write_text(
        feature.read_text(encoding="utf-8").replace("proef/A.1", "klein/A.1"), encoding="utf-8"
    )
    r = toets(database_url, "--kader", "klein", "--features", str(opzet), "--alleen-eigen")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "gedekt" in r.stdout


def test_elke_run_wordt_bewaard_met_de_tekst_van_de_features(
    database_url: str, opzet: Path
) -> None:
    toets(database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen")
    engine = create_engine(database_url)
    with engine.connect() as c:
        runs = c.execute(select(Toetsrun.kader, Toetsrun.features, Toetsrun.geslaagd)).all()
        assert c.execute(select(func.count()).select_from(Toetsrun)).scalar_one() == 1
    engine.dispose()
    kader, features, geslaagd = runs[0]
    assert kader == "proef"
    assert geslaagd is False
    assert "Elke schriftelijke klacht is bevestigd" in json.loads(features)[0]["tekst"]


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (
            "# language: nl\nFunctionaliteit: x\n  @norm:proef/A.1\n  Scenario: y\n    Gegeven iets\n    Dit is geen stap\n",
            "geen geldige Gherkin",
        ),
        (
            "# language: nl\nFunctionaliteit: x\n  @wip\n  Scenario: y\n    Gegeven iets\n",
            "onbekende tag",
        ),
        (
            "# language: nl\nFunctionaliteit: x\n  @norm:proef/Z.9\n  Scenario: y\n    Gegeven iets\n",
            "Z.9",
        ),
        ("# language: nl\nFunctionaliteit: x\n  Scenario: y\n    Gegeven iets\n", "geen @norm"),
    ],
)
def test_een_fout_in_een_feature_geeft_exitcode_2(
    database_url: str, opzet: Path, inhoud: str, verwacht: str
) -> None:
    (opzet / "fout.feature").write_text(inhoud, encoding="utf-8")
    r = toets(database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen")
    assert r.returncode == 2
    assert verwacht in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_een_lege_map_of_onbekend_kader_geeft_een_melding(
    database_url: str, opzet: Path, tmp_path: Path
) -> None:
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    r = toets(database_url, "--features", str(leeg), "--alleen-eigen")
    assert r.returncode == 2
    assert "geen .feature-bestanden" in r.stderr
    r = toets(database_url, "--kader", "bestaat-niet")
    assert r.returncode == 2
    assert "niet geladen" in r.stderr


def test_een_stap_met_foute_invoer_telt_als_overgeslagen_niet_als_niet_gedekt(
    database_url: str, opzet: Path
) -> None:
    (opzet / "proef.feature").write_text(
        "# language: nl\nFunctionaliteit: x\n\n  @norm:proef/A.1\n  Scenario: Onmogelijke periode\n"
        "    Gegeven de klachten ontvangen van 31-12-2023 tot en met 01-01-2023\n"
        "    Dan heeft elke schriftelijke klacht een ontvangstbevestiging\n",
        encoding="utf-8",
    )
    r = toets(
        database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen", "--json"
    )
    assert r.returncode == 1, r.stderr
    a1 = next(n for n in json.loads(r.stdout)["normen"] if n["ref"] == "A.1")
    assert a1["status"] == "overgeslagen", a1
    assert "kon niet worden uitgevoerd" in " ".join(a1["toelichting"])


def test_een_categoriescenario_faalt_alleen_voor_de_normen_die_het_noemt(
    cli: Cli, database_url: str, opzet: Path, tmp_path: Path
) -> None:
    bestand = tmp_path / "regeling.txt"
    bestand.write_text("klachtenregeling", encoding="utf-8")
    r = cli("bewijs", "registreer", "--titel", "Regeling", "--soort", "document",
            "--ingangsdatum", "01-01-2023", "--bestand", str(bestand), vandaag=VANDAAG)  # fmt: skip
    assert r.exit_code == 0, r.stderr
    for ref in ("A.1", "A.3"):
        r = cli("bewijs", "koppel", "B-0001", "--kader", "proef", "--norm", ref,
                "--toelichting", "toont het", vandaag=VANDAAG)  # fmt: skip
        assert r.exit_code == 0, r.stderr
    tags = " ".join(f"@norm:proef/A.{i}" for i in range(1, 5))
    (opzet / "proef.feature").write_text(
        f"# language: nl\nFunctionaliteit: x\n\n  {tags}\n  Scenario: Categorie A is onderbouwd\n"
        '    Gegeven het normenkader "proef"\n'
        '    Dan heeft elke norm van categorie "A" bewijs dat geldt op de peildatum\n',
        encoding="utf-8",
    )
    uitslag = toets(
        database_url, "--kader", "proef", "--features", str(opzet), "--alleen-eigen", "--json"
    )
    assert uitslag.returncode == 1, uitslag.stderr
    status = {n["ref"]: n["status"] for n in json.loads(uitslag.stdout)["normen"]}
    assert status == {"A.1": "gedekt", "A.2": "niet-gedekt", "A.3": "gedekt", "A.4": "niet-gedekt"}


# -- errors in the feature files are always named -------------------------------------------

EIGEN_KOP = "# language: nl\nFunctionaliteit: Eigen toetsen van de organisatie\n\n"
PERIODE = "    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum\n"


@pytest.fixture
def awb_register(werk: Werk) -> None:
    """awb-h9, and one written complaint of 2023 that was never acknowledged: the shipped
    9:6 scenario fails on K-2023-0001."""
    with werk(op=date(2024, 1, 15)) as w:
        normdiensten.laad(w, lees_kader(meegeleverde_kaders()["awb-h9"]))
        klachtdiensten.registreer(
            w, NieuweKlacht(ontvangen=date(2023, 6, 1), kanaal=Kanaal.BRIEF, omschrijving="x")
        )


@pytest.mark.parametrize(
    ("inhoud", "soort", "regel", "fragment", "exitcode"),
    [
        pytest.param(
            EIGEN_KOP + "  @norm:awb-h9/9:6\n  Scenario: Bevestigingen staan in het dossier\n"
            + PERIODE + "    Dan staat elke ontvangstbevestiging in het dossier\n",
            "stap", 7, "stap niet gedefinieerd: 'Dan staat elke ontvangstbevestiging in het dossier'",
            1, id="onbekende-stap",
        ),
        pytest.param(
            EIGEN_KOP + "  @norm:awb-h9/9:6\n  Scenario: Bevestigingen\n" + PERIODE
            + "    Dit is geen stap\n",
            "gherkin", 7, "geen geldige Gherkin", 2, id="syntaxfout",
        ),
        pytest.param(
            EIGEN_KOP + "  @wip @norm:awb-h9/9:6\n  Scenario: Bevestigingen\n" + PERIODE
            + "    Dan zijn er klachten om te toetsen\n",
            "tag", 5, "onbekende tag(s) @wip", 2, id="onbekende-tag",
        ),
    ],
)  # fmt: skip
def test_een_fout_in_een_eigen_feature_wordt_altijd_genoemd_ook_als_de_norm_al_faalt(
    database_url: str,
    awb_register: None,
    tmp_path: Path,
    inhoud: str,
    soort: str,
    regel: int,
    fragment: str,
    exitcode: int,
) -> None:
    eigen = tmp_path / "eigen" / "bevestiging.feature"
    eigen.parent.mkdir()
    eigen.write_text(inhoud, encoding="utf-8")
    plaats = f"{eigen}:{regel}"
    junit = tmp_path / "junit.xml"
    r = toets(database_url, "--kader", "awb-h9", "--features", str(eigen.parent), "--json",
              "--junit", str(junit))  # fmt: skip
    assert r.returncode == exitcode, r.stderr
    assert "Traceback" not in r.stderr
    d = json.loads(r.stdout)
    # The shipped 9:6 scenario fails on the unacknowledged complaint...
    n96 = next(n for n in d["normen"] if n["ref"] == "9:6")
    assert n96["status"] == "niet-gedekt"
    assert "K-2023-0001" in " ".join(n96["toelichting"])
    # ...and the error in the organisation's own file is named all the same.
    assert d["featurefouten"] == [
        {
            "pad": str(eigen),
            "regel": regel,
            "soort": soort,
            "melding": ANY,
            "normen": ["awb-h9/9:6"],
        }
    ]
    assert fragment in d["featurefouten"][0]["melding"]
    assert f"fout in feature-bestand: {plaats}: " in " ".join(n96["toelichting"])
    assert d["geslaagd"] is False
    assert d["run"] is not None  # the run is stored, with the error
    assert plaats in r.stderr
    xml = junit.read_text(encoding="utf-8")
    assert xml.count("<error") == 1
    assert f'name="{plaats}"' in xml
    # As text: in the norm's explanation and in a list of its own.
    r = toets(database_url, "--kader", "awb-h9", "--features", str(eigen.parent))
    assert r.returncode == exitcode
    assert "Fouten in de feature-bestanden (1):" in r.stdout
    assert f"  {plaats}: " in r.stdout
    assert f"fout in feature-bestand: {plaats}" in r.stdout.split("niet-gedekt   awb-h9 9:6")[1]


def test_elke_onbekende_stap_in_elk_bestand_wordt_genoemd_ook_buiten_de_toets(
    cli: Cli, database_url: str, opzet: Path
) -> None:
    """Every undefined step counts, found before the run: also a second one in the same
    scenario, one in a background, and one in a scenario of a kader outside --kader,
    while the norms in scope are all covered."""
    assert cli("klacht", "bevestig", "K-2023-0002", "--datum", "02-06-2023",
               vandaag=VANDAAG).exit_code == 0  # fmt: skip
    (opzet / "proef.feature").write_text(
        FEATURE.split("\n  @norm:proef/A.2")[0] + "\n", encoding="utf-8"
    )
    klein = KADER.split('  - {ref: "A.2"')[0].replace("kader: proef", "kader: klein")
    pad = opzet.parent / "klein.yaml"
    pad.write_text(klein, encoding="utf-8")
    assert cli("normen", "importeer", str(pad), vandaag=VANDAAG).exit_code == 0
    (opzet / "proef.feature").write_text(
        (opzet / "proef.feature").read_text(encoding="utf-8").replace("proef/A.1", "klein/A.1"),
        encoding="utf-8",
    )
    ander = opzet / "ander.feature"
    ander.write_text(
        EIGEN_KOP + "  Achtergrond:\n    Gegeven een onbekende achtergrond\n\n"
        "  @norm:ander-kader/1\n  Scenario: Eerste\n    Dan gebeurt er iets\n    En gebeurt er nog iets\n\n"
        "  @norm:ander-kader/2\n  Scenario: Tweede\n    Dan zijn er klachten om te toetsen\n",
        encoding="utf-8",
    )  # fmt: skip
    r = toets(database_url, "--kader", "klein", "--features", str(opzet), "--alleen-eigen",
              "--json")  # fmt: skip
    assert r.returncode == 1, r.stderr
    d = json.loads(r.stdout)
    assert {n["ref"]: n["status"] for n in d["normen"]} == {"A.1": "gedekt"}
    assert [(f["regel"], f["soort"], f["normen"]) for f in d["featurefouten"]] == [
        (5, "stap", ["ander-kader/1", "ander-kader/2"]),  # the background: once, for both
        (9, "stap", ["ander-kader/1"]),
        (10, "stap", ["ander-kader/1"]),
    ]
    assert "'En gebeurt er nog iets'" in d["featurefouten"][2]["melding"]
    assert d["geslaagd"] is False
    r = toets(database_url, "--kader", "klein", "--features", str(opzet), "--alleen-eigen")
    assert r.returncode == 1
    assert f"  {ander}:10: stap niet gedefinieerd: 'En gebeurt er nog iets'" in r.stdout
    assert "Niet geslaagd: de feature-bestanden bevatten fouten." in r.stdout


# -- one unit of work --------------------------------------------------------------------------

_TELLER = """
import sys
from sqlalchemy import event
from sqlalchemy.orm import Session
import kwaliteit.db

geteld = {"databases": 0, "transacties": 0}
_init = kwaliteit.db.Database.__init__


def init(self, url):
    geteld["databases"] += 1
    _init(self, url)


kwaliteit.db.Database.__init__ = init


@event.listens_for(Session, "after_transaction_create")
def begin(sessie, transactie):
    if transactie.parent is None:
        geteld["transacties"] += 1


from kwaliteit.cli import main

try:
    main()
finally:
    print(f"TELLING {geteld['databases']} {geteld['transacties']}", file=sys.stderr)
"""


def test_een_toets_is_een_database_en_een_transactie(
    database_url: str, awb_register: None, tmp_path: Path
) -> None:
    """The checks read, and the run is stored, in the command's one unit of work."""
    r = subprocess.run(
        [sys.executable, "-c", _TELLER, "--database", database_url, "toets", "--kader", "awb-h9"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "KWALITEIT_VANDAAG": VANDAAG, "HOME": "/tmp"},
        check=False,
    )
    assert r.returncode == 1, r.stderr
    assert "(run 1)" in r.stdout
    assert r.stderr.strip().splitlines()[-1] == "TELLING 1 1"


def test_toetsstappen_kunnen_niets_wijzigen(werk: Werk) -> None:
    """The steps get a read-only view of the unit of work: no flush, no audit event."""
    from kwaliteit.fouten import Fout
    from kwaliteit.toetsing import runner

    with werk(op=date(2024, 1, 15)) as w:
        normdiensten.laad(w, lees_kader(meegeleverde_kaders()["awb-h9"]))
    with werk(op=date(2024, 1, 15)) as w:
        with pytest.raises(Fout, match="leest alleen"), runner._alleen_lezen(w.sessie):
            klachtdiensten.registreer(
                w, NieuweKlacht(ontvangen=date(2023, 6, 1), kanaal=Kanaal.BRIEF, omschrijving="x")
            )
        w.sessie.rollback()
        with pytest.raises(Fout, match="leest alleen"):
            runner._GeenAudit(w.sessie, w.door, w.audit.tijdstip).leg_vast("klacht", "x", "y")
    with werk(schrijven=False) as w:
        assert w.sessie.execute(select(func.count()).select_from(Klacht)).scalar_one() == 0
