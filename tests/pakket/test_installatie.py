"""The package works when installed from a wheel (not editable), outside the source tree."""

from __future__ import annotations

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
    assert "migrations/env.py" in namen
    assert "migrations/script.py.mako" in namen
    assert any(n.startswith("migrations/versions/0001_") for n in namen)
    # The coverage checks ship with the program; the project's own specification does not.
    assert any(n.startswith("features/dekking/") and n.endswith(".feature") for n in namen)
    assert not any(
        n.startswith(("tests/", "features/klachten/", "features/normen/")) for n in namen
    )


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
            "import kwaliteit, migrations, features; print(kwaliteit.__file__, migrations.__file__, features.__file__)",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=omgeving,
        check=True,
    )
    assert str(BRON) not in r.stdout
    assert r.stdout.count(str(doel)) == 3
