"""The benchmark script keeps working: run at a tiny scale on SQLite (no time is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.traag
def test_bench_draait_op_kleine_schaal(tmp_path: Path) -> None:
    uit = tmp_path / "bench.md"
    r = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--schaal", "0.0005",
         "--herhalingen", "1", "--database", "sqlite", "--uit", str(uit)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    tabel = uit.read_text(encoding="utf-8")
    for bewerking in (
        "kwaliteit --help",
        "klacht importeer",
        "klacht overzicht",
        "termijnen",
        "dekking",
        "dossier --formaat html",
        "dossier --formaat pdf",
    ):
        assert bewerking in tabel
    # Both dossier formats were measured (a floor beside them), not left out.
    for regel in tabel.splitlines():
        if regel.startswith("| dossier"):
            assert "niet gemeten" not in regel, regel
            assert "| — |" not in regel, regel
    assert "Traceback" not in r.stderr
