"""Several people registering at the same moment, each in their own process.

Six processes start together and each registers five complaints through the
real command (``kwaliteit klacht registreer``), every one its own transaction.
The write lock (SQLite: BEGIN IMMEDIATE with a busy timeout; PostgreSQL: an
advisory lock) must keep the kenmerken gap-free and the audit chain linear.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from sqlalchemy import select

from klachten.modellen import Klacht
from kwaliteit.audit import AuditGebeurtenis, controleer_keten
from kwaliteit.eenheid import Werkeenheid

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

PROCESSEN = 6
PER_PROCES = 5
REPO = Path(__file__).resolve().parents[2]

# One process: load everything, report ready, wait for the common start signal
# on stdin, then run the command PER_PROCES times, printing each new kenmerk.
WERKER = """
import sys

url, nummer, aantal = sys.argv[1], sys.argv[2], int(sys.argv[3])

import klachten.diensten, klachten.invoer, kwaliteit.eenheid  # noqa: E401,F401
from kwaliteit.cli import app
from kwaliteit.cli.taal import installeer

installeer()
print("klaar", flush=True)
if sys.stdin.readline().strip() != "start":
    sys.exit("geen startsein")

for i in range(1, aantal + 1):
    try:
        app(
            [
                "--database", url, "--door", f"werker-{nummer}",
                "klacht", "registreer", "--ontvangen", "14-03-2023", "--kanaal", "e-mail",
                "--omschrijving", f"klacht {i} van werker {nummer}",
            ]
        )
    except SystemExit as e:
        if e.code not in (0, None):
            sys.exit(f"werker {nummer}, registratie {i}: exitcode {e.code}")
"""


@pytest.mark.traag
def test_gelijktijdige_registraties_geven_unieke_kenmerken_zonder_gaten(
    database_url: str, werk: Werk
) -> None:
    omgeving = {
        **os.environ,
        "KWALITEIT_VANDAAG": "2023-03-14",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    omgeving.pop("KWALITEIT_DATABASE_URL", None)
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", WERKER, database_url, str(n), str(PER_PROCES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=omgeving,
            cwd=REPO,
        )
        for n in range(1, PROCESSEN + 1)
    ]
    uitvoer: list[tuple[int, list[str], str]] = []
    try:
        # The barrier: every process has loaded and is waiting ...
        for p in processen:
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "klaar", p.stderr and p.stderr.read()
        # ... then all get the start signal at once.
        for p in processen:
            assert p.stdin is not None
            p.stdin.write("start\n")
            p.stdin.flush()
        for p in processen:
            stdout, stderr = p.communicate(timeout=120)
            uitvoer.append((p.returncode, stdout.split(), stderr))
    finally:
        for p in processen:
            if p.poll() is None:
                p.kill()
                p.wait()

    for n, (code, _, stderr) in enumerate(uitvoer, start=1):
        assert code == 0, f"werker {n} faalde:\n{stderr}"
    per_proces = [kenmerken for _, kenmerken, _ in uitvoer]
    alle = [k for kenmerken in per_proces for k in kenmerken]
    verwacht = [f"K-2023-{i:04d}" for i in range(1, PROCESSEN * PER_PROCES + 1)]
    assert sorted(alle) == verwacht
    assert len(set(alle)) == len(alle)
    for kenmerken in per_proces:
        # Within one process the registrations follow each other.
        assert len(kenmerken) == PER_PROCES
        assert kenmerken == sorted(kenmerken)

    with werk(schrijven=False) as w:
        opgeslagen = w.sessie.execute(select(Klacht.kenmerk, Klacht.volgnummer)).all()
        rapport = controleer_keten(w.sessie)
        gebeurtenissen = w.sessie.execute(
            select(AuditGebeurtenis.volgnummer, AuditGebeurtenis.sleutel, AuditGebeurtenis.door)
        ).all()
    assert sorted(k for k, _ in opgeslagen) == verwacht
    assert sorted(v for _, v in opgeslagen) == list(range(1, len(verwacht) + 1))
    assert rapport.in_orde, rapport.reden
    assert rapport.aantal == len(verwacht)
    assert sorted(g.volgnummer for g in gebeurtenissen) == list(range(1, len(verwacht) + 1))
    assert sorted(g.sleutel for g in gebeurtenissen) == verwacht
    # Every event names the process that made it.
    for n, kenmerken in enumerate(per_proces, start=1):
        assert {g.door for g in gebeurtenissen if g.sleutel in kenmerken} == {f"werker-{n}"}
