"""The package works when installed from a wheel (not editable), outside the source tree."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

BRON = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("wiel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(uit),
            str(BRON),
        ],
        check=True,
        capture_output=True,
    )
    (pad,) = uit.glob("kwaliteit-*.whl")
    return pad


def test_het_wiel_bevat_de_migraties_en_geen_tests(wiel: Path) -> None:
    namen = zipfile.ZipFile(wiel).namelist()
    assert "kwaliteit/migrations/env.py" in namen
    assert "kwaliteit/migrations/script.py.mako" in namen
    assert any(n.startswith("kwaliteit/migrations/versions/0001_") for n in namen)
    # The coverage checks ship with the program; the project's own specification does not.
    assert any(
        n.startswith("kwaliteit/features/dekking/") and n.endswith(".feature") for n in namen
    )
    assert not any(
        n.startswith(("tests/", "kwaliteit/features/klachten/", "kwaliteit/features/normen/"))
        for n in namen
    )
    # Only kwaliteit's own top-level names: no "migrations" or "features" that another
    # distribution could ship too.
    bovenste = {n.split("/")[0] for n in namen if not n.split("/")[0].endswith(".dist-info")}
    assert bovenste == {"kwaliteit", "klachten", "normen"}


def test_het_wiel_bevat_de_licentie(wiel: Path) -> None:
    wielbestand = zipfile.ZipFile(wiel)
    (licentie,) = [n for n in wielbestand.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert wielbestand.read(licentie) == (BRON / "LICENSE").read_bytes()
    metadata = next(n for n in wielbestand.namelist() if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: EUPL-1.2" in wielbestand.read(metadata).decode()


def test_de_licentie_is_de_volledige_eupl_1_2() -> None:
    tekst = (BRON / "LICENSE").read_text(encoding="utf-8")
    assert tekst.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    artikelen = [int(r.split(".")[0]) for r in tekst.splitlines() if r[:1].isdigit()]
    assert artikelen == list(range(1, 16))
    assert "Appendix" in tekst
    assert "Compatible Licences" in tekst
    assert tekst.rstrip().endswith("require the production of a new EUPL version.")


@pytest.mark.traag
def test_geinstalleerd_pakket_richt_een_nieuwe_database_in_en_registreert(
    wiel: Path, tmp_path: Path
) -> None:
    # The package itself comes from the wheel, installed into its own folder that goes
    # first on the path; its dependencies from the running interpreter (a venv in CI, so
    # a new venv with --system-site-packages would not see them).
    doel = tmp_path / "geinstalleerd"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(doel),
            str(wiel),
        ],
        check=True,
    )
    db = tmp_path / "register.db"
    omgeving = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(doel)}

    def draai(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kwaliteit", "--database", str(db), *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=omgeving,
            check=False,
        )

    r = draai(
        "klacht",
        "registreer",
        "--ontvangen",
        "2023-03-14",
        "--kanaal",
        "brief",
        "--omschrijving",
        "x",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "K-2023-0001"
    r = draai("db", "status", "--json")
    assert '"toestand": "actueel"' in r.stdout
    # It really ran from the wheel, not from the source tree.
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kwaliteit.migrations as m, kwaliteit.features as f; print(m.__file__, f.__file__)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=omgeving,
        check=True,
    )
    assert str(BRON) not in r.stdout
    assert r.stdout.count(str(doel)) == 2


# -- beside another distribution with top-level "migrations" and "features" -------------

ANDER_PYPROJECT = """\
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "andermans-migraties"
version = "1.0"

[tool.setuptools]
packages = ["migrations", "migrations.versions", "features"]

[tool.setuptools.package-data]
migrations = ["script.py.mako"]
features = ["dekking/*.feature"]
"""

# Alembic runs env.py when it migrates: this one says loudly that it is the wrong one.
ANDER_ENV = 'raise SystemExit("FOUT: de env.py van andermans-migraties draait")\n'

ANDER_FEATURE = """\
# language: nl
Functionaliteit: Van een ander pakket

  @norm:awb-h9/9:1
  Scenario: Hoort niet bij kwaliteit
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum
"""


@pytest.fixture(scope="module")
def ander_wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small distribution that ships top-level ``migrations`` (with env.py) and ``features``."""
    bron = tmp_path_factory.mktemp("ander")
    (bron / "pyproject.toml").write_text(ANDER_PYPROJECT, encoding="utf-8")
    for naam, tekst in {
        "migrations/__init__.py": "",
        "migrations/env.py": ANDER_ENV,
        "migrations/script.py.mako": "# andermans sjabloon\n",
        "migrations/versions/__init__.py": "",
        "features/__init__.py": "",
        "features/dekking/vreemd.feature": ANDER_FEATURE,
    }.items():
        (bron / naam).parent.mkdir(parents=True, exist_ok=True)
        (bron / naam).write_text(tekst, encoding="utf-8")
    uit = tmp_path_factory.mktemp("ander-wiel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(uit), str(bron)],
        check=True, capture_output=True,
    )  # fmt: skip
    (pad,) = uit.glob("andermans_migraties-*.whl")
    return pad


def _verse_venv(map_: Path) -> Path:
    """A new venv without pip; kwaliteit's dependencies come from the running interpreter.

    A ``.pth`` file appends this interpreter's site folders after the venv's own, so what
    is installed into the venv comes first. (The running environment's own ``.pth`` files,
    such as an editable install of kwaliteit, are not processed from there.)
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(map_)], check=True)
    python = map_ / "bin" / "python"
    eigen = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    sites = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]
    (Path(eigen) / "afhankelijkheden.pth").write_text("\n".join(sites) + "\n", encoding="utf-8")
    return python


@pytest.mark.traag
def test_naast_een_ander_pakket_met_migrations_en_features(
    wiel: Path, ander_wiel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    python = _verse_venv(venv)
    # kwaliteit first, the other one after it: a file both shipped would now be the other's.
    for pakket in (wiel, ander_wiel):
        subprocess.run(
            [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
             str(pakket)],
            check=True, capture_output=True,
        )  # fmt: skip
    omgeving = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "KWALITEIT_MODUS": "test",
        "KWALITEIT_VANDAAG": "2024-01-15",
    }

    def draai(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / "kwaliteit"), "--database", f"sqlite:///{tmp_path / 'nieuw.db'}",
             *args],
            cwd=tmp_path, capture_output=True, text=True, env=omgeving, check=False,
        )  # fmt: skip

    # Both really are installed, each in its own place.
    r = subprocess.run(
        [str(python), "-c",
         "import kwaliteit.migrations as k, migrations as a, kwaliteit.features as f, features as g;"
         "print(k.__file__, a.__file__, f.__file__, g.__file__, sep='\\n')"],
        cwd=tmp_path, capture_output=True, text=True, env=omgeving, check=True,
    )  # fmt: skip
    eigen_migraties, andere_migraties, eigen_features, andere_features = r.stdout.split()
    assert str(venv) in eigen_migraties
    assert Path(eigen_migraties).parent != Path(andere_migraties).parent
    assert Path(eigen_features).parent != Path(andere_features).parent
    assert str(BRON) not in r.stdout

    r = draai("db", "upgrade")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "andermans-migraties" not in r.stdout + r.stderr
    r = draai("db", "status", "--json")
    assert r.returncode == 0, r.stderr
    assert '"toestand": "actueel"' in r.stdout
    r = draai("klacht", "registreer", "--ontvangen", "2023-03-14", "--kanaal", "brief",
              "--omschrijving", "x")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "K-2023-0001"

    # kwaliteit toets finds its own shipped features, not the other package's.
    assert draai("normen", "importeer", "awb-h9").returncode == 0
    r = draai("toets", "--kader", "awb-h9", "--peildatum", "2023-12-31", "--json")
    assert r.returncode in (0, 1), r.stdout + r.stderr
    gevonden = {f["pad"] for f in json.loads(r.stdout)["features"]}
    verwacht = {
        f"features/dekking/{p.name}" for p in (BRON / "features" / "dekking").glob("*.feature")
    }
    assert gevonden == verwacht
