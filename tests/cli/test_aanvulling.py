"""Tab completion: the script for each shell, and completions that really come back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kwaliteit.cli import app

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_het_script_roept_kwaliteit_aan(shell: str) -> None:
    r = CliRunner().invoke(app, ["aanvulling", shell])
    assert r.exit_code == 0, r.output
    assert "_KWALITEIT_COMPLETE" in r.stdout
    assert "kwaliteit" in r.stdout


def test_onbekende_shell_wordt_geweigerd() -> None:
    r = CliRunner().invoke(app, ["aanvulling", "tcsh"])
    assert r.exit_code == 2
    assert "'tcsh' is geen geldige keuze; kies uit 'bash', 'zsh', 'fish'." in r.output


def aanvullen(*woorden: str) -> list[str]:
    """What bash completion offers for the last word, as the installed script asks it."""
    omgeving = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path]),
        "_KWALITEIT_COMPLETE": "bash_complete",
        "COMP_WORDS": " ".join(["kwaliteit", *woorden]),
        "COMP_CWORD": str(len(woorden)),
    }
    p = subprocess.run(
        [sys.executable, "-c", "from kwaliteit.cli import main; main()"],
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert p.returncode == 0, p.stderr
    # bash_complete prints "type,value" per line.
    return [regel.split(",", 1)[1] for regel in p.stdout.splitlines() if "," in regel]


def test_opdrachten_en_opties_worden_aangevuld() -> None:
    assert aanvullen("kla") == ["klacht"]
    assert "registreer" in aanvullen("klacht", "")
    assert "--ontvangen" in aanvullen("klacht", "registreer", "--ont")
    assert aanvullen("klacht", "sluit", "K-2023-0001", "--uit") == ["--uitkomst"]
    assert aanvullen("aanvulling", "") == ["bash", "zsh", "fish"]
