"""Without --database or KWALITEIT_DATABASE_URL, kwaliteit uses a file in the user's data directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_de_standaarddatabase_wordt_in_een_nieuwe_gebruikersmap_aangemaakt(tmp_path: Path) -> None:
    omgeving = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "nog-niet-bestaand" / "data"),
    }
    r = subprocess.run(
        [sys.executable, "-m", "kwaliteit", "klacht", "registreer", "--ontvangen", "2023-03-14",
         "--kanaal", "brief", "--omschrijving", "x"],
        capture_output=True, text=True, env=omgeving, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "K-2023-0001"
    verwacht = tmp_path / "nog-niet-bestaand" / "data" / "kwaliteit" / "kwaliteit.db"
    assert verwacht.is_file()
    r = subprocess.run(
        [sys.executable, "-m", "kwaliteit", "db", "status", "--json"],
        capture_output=True, text=True, env=omgeving, check=False,
    )  # fmt: skip
    assert str(verwacht) in json.loads(r.stdout)["database"]
