"""KWALITEIT_VANDAAG counts only in test or demo mode (KWALITEIT_MODUS), and says so."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kwaliteit import tijd
from kwaliteit.fouten import InvoerFout

BRON = Path(__file__).resolve().parents[3]


@pytest.fixture
def meldingen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages on, as in a real process that has not said anything yet."""
    monkeypatch.setattr(tijd, "MELDEN", True)
    monkeypatch.setattr(tijd, "_gemeld", set())


@pytest.mark.usefixtures("meldingen")
@pytest.mark.parametrize(("modus", "woord"), [("test", "testmodus"), ("demo", "demomodus")])
def test_in_test_of_demomodus_geldt_de_datum_en_wordt_die_eenmaal_gemeld(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], modus: str, woord: str
) -> None:
    monkeypatch.setenv("KWALITEIT_MODUS", modus)
    monkeypatch.setenv("KWALITEIT_VANDAAG", "2024-01-15")
    assert tijd.vandaag() == date(2024, 1, 15)
    assert tijd.vandaag() == date(2024, 1, 15)
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err == f"Let op: {woord}, vandaag is 15-01-2024 (KWALITEIT_VANDAAG).\n"


@pytest.mark.usefixtures("meldingen")
@pytest.mark.parametrize(
    ("modus", "reden"), [(None, "is niet gezet"), ("productie", "'productie'")]
)
def test_zonder_test_of_demomodus_wordt_de_datum_genegeerd_met_een_waarschuwing(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    modus: str | None,
    reden: str,
) -> None:
    if modus is None:
        monkeypatch.delenv("KWALITEIT_MODUS", raising=False)
    else:
        monkeypatch.setenv("KWALITEIT_MODUS", modus)
    monkeypatch.setenv("KWALITEIT_VANDAAG", "2024-01-15")
    assert tijd.vandaag() == date.today()
    assert tijd.vandaag() == date.today()
    fout = capsys.readouterr().err
    assert fout.count("\n") == 1, fout  # once per process
    assert fout.startswith("Waarschuwing: KWALITEIT_VANDAAG=2024-01-15 wordt genegeerd")
    assert "alleen in test- of demomodus" in fout
    assert reden in fout
    assert "KWALITEIT_MODUS=test" in fout


@pytest.mark.usefixtures("meldingen")
def test_zonder_kwaliteit_vandaag_niets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KWALITEIT_VANDAAG", raising=False)
    for modus in ("test", ""):
        monkeypatch.setenv("KWALITEIT_MODUS", modus)
        assert tijd.vandaag() == date.today()
    assert capsys.readouterr().err == ""


def test_een_ongeldige_datum_in_testmodus_is_een_invoerfout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KWALITEIT_MODUS", "test")
    monkeypatch.setenv("KWALITEIT_VANDAAG", "morgen")
    with pytest.raises(InvoerFout, match="KWALITEIT_VANDAAG: 'morgen' is geen datum"):
        tijd.vandaag()


def _kwaliteit(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("KWALITEIT_")}
    omgeving |= {"PYTHONPATH": str(BRON), "HOME": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "kwaliteit", "--database", str(tmp_path / "r.db"), *args],
        capture_output=True, text=True, env=omgeving, cwd=tmp_path, check=False,
    )  # fmt: skip


@pytest.mark.traag
def test_het_programma_zelf(tmp_path: Path) -> None:
    """In a real process: the notice once on stderr, stdout untouched; ignored without mode."""
    na_vandaag = ("klacht", "registreer", "--ontvangen", "2023-03-20", "--kanaal", "brief",
                  "--omschrijving", "x")  # fmt: skip
    # In demo mode 'today' is 14-03-2023, so 20-03-2023 lies in the future.
    r = _kwaliteit(tmp_path, *na_vandaag, KWALITEIT_MODUS="demo", KWALITEIT_VANDAAG="2023-03-14")
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.count("Let op: demomodus, vandaag is 14-03-2023 (KWALITEIT_VANDAAG).") == 1
    assert r.stdout == ""

    # Without the mode the variable is ignored: today is today, and it is accepted.
    r = _kwaliteit(tmp_path, *na_vandaag, KWALITEIT_VANDAAG="2023-03-14")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "K-2023-0001\n"
    assert r.stderr.count("Waarschuwing: KWALITEIT_VANDAAG=2023-03-14 wordt genegeerd") == 1
