"""A register with a year of complaints, evidence and a toets run, and its dossier.

Built once per test module (rendering a PDF takes seconds): the complaints carry
complainants' names and contact details that must never reach the dossier, and an
evidence title and a complaint description that hold HTML.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kwaliteit.cli import app

VANDAAG = "2024-01-15"
KWAADAARDIG = '<img src="file:///etc/passwd"><script>alert(1)</script>'
KLAGERS = (
    ("Geheime Klager Anneke Zwartjes", "anneke.zwartjes@geheim.invalid"),
    ("Pieter Verborgen-Naam", "Verstopte Steeg 13, Schiedam"),
    ("Mevrouw Onvindbaar", "06-98765432"),
    ("Familie Anoniemhouden", "familie@verborgen.invalid"),
    ("Dhr. Privacygevoelig", "Geheimweg 7"),
)
ORGANISATIE = "Wijkondersteuningsteams (WOT) Schiedam"


@dataclass
class Register:
    url: str
    map: Path
    run: Callable[..., Result]

    def dossier(self, *args: str, uit: Path | None = None) -> tuple[Result, Path]:
        doel = uit or self.map / "dossier"
        r = self.run(
            "dossier",
            "--kader",
            "awb-h9",
            "--periode",
            "2023",
            "--peildatum",
            VANDAAG,
            "--organisatie",
            ORGANISATIE,
            "--uit",
            str(doel),
            *args,
        )
        return r, doel


def _csv(pad: Path) -> None:
    rijen = [
        ("06-02-2023", "e-mail", "Mevis", "Nieuwland", "dienstverlening"),
        ("17-04-2023", "brief", "Stroomopwaarts", "Oost", "informatie"),
        ("02-05-2023", "telefoon", "Parneijer", "Groenoord", "bejegening"),
        ("04-09-2023", "webformulier", "ROGplus", "Centrum/West", "termijn"),
        ("10-10-2023", "e-mail", "Mevis", "Zuid", "dienstverlening"),
    ]
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "ontvangen",
                "kanaal",
                "omschrijving",
                "beklaagde",
                "beklaagde soort",
                "wijk",
                "aanbieder",
                "categorie",
                "klager naam",
                "klager contact",
            ]
        )
        for (datum, kanaal, aanbieder, wijk, cat), (naam, contact) in zip(
            rijen, KLAGERS, strict=True
        ):
            w.writerow(
                [
                    datum,
                    kanaal,
                    f"Klacht over {aanbieder} {KWAADAARDIG}",
                    aanbieder,
                    "organisatie",
                    wijk,
                    aanbieder,
                    cat,
                    naam,
                    contact,
                ]
            )


def bouw_register(url: str, map_: Path) -> Register:
    runner = CliRunner()

    def run(*args: str, **kwargs: Any) -> Result:
        return runner.invoke(
            app,
            ["--database", url, *args],
            # Built by a module-scoped fixture, before tests/conftest.py sets the mode.
            env={"KWALITEIT_MODUS": "test", "KWALITEIT_VANDAAG": VANDAAG},
            **kwargs,
        )

    def ok(*args: str) -> str:
        r = run(*args)
        assert r.exit_code == 0, (args, r.stdout, r.stderr)
        return r.stdout.strip()

    _csv(map_ / "klachten.csv")
    ok("klacht", "importeer", str(map_ / "klachten.csv"))
    ok("klacht", "bevestig", "K-2023-0001", "--datum", "07-02-2023")
    ok(
        "klacht", "sluit", "K-2023-0001", "--uitkomst", "doorgestuurd", "--naar", "Mevis",
        "--naar-soort", "zorgaanbieder", "--klager-geinformeerd", "09-02-2023",
        "--datum", "09-02-2023",
    )  # fmt: skip
    ok("klacht", "bevestig", "K-2023-0002", "--datum", "18-04-2023")
    ok(
        "klacht", "sluit", "K-2023-0002", "--uitkomst", "doorgestuurd", "--naar",
        "Stroomopwaarts", "--naar-soort", "bestuursorgaan", "--klager-geinformeerd",
        "20-04-2023", "--datum", "20-04-2023",
    )  # fmt: skip
    ok("klacht", "wijs-toe", "K-2023-0003", "--behandelaar", "teamleider Groenoord")
    ok(
        "klacht", "sluit", "K-2023-0003", "--uitkomst", "ingetrokken", "--wijze",
        "telefonisch", "--datum", "12-05-2023",
    )  # fmt: skip
    ok("klacht", "bevestig", "K-2023-0004", "--datum", "05-09-2023")
    ok(
        "klacht", "sluit", "K-2023-0004", "--uitkomst", "doorgestuurd", "--naar", "ROGplus",
        "--naar-soort", "bestuursorgaan", "--klager-geinformeerd", "08-09-2023",
        "--datum", "08-09-2023",
    )  # fmt: skip
    ok(
        "klacht", "sluit", "K-2023-0005", "--uitkomst", "niet-ontvankelijk", "--reden",
        "Awb 9:4: geen naam en dagtekening", "--datum", "20-10-2023",
    )  # fmt: skip

    ok("normen", "importeer", "awb-h9")
    (map_ / "regeling.md").write_text(
        "# Klachtenregeling\n\nVastgesteld 1 januari 2023.\n", encoding="utf-8"
    )
    (map_ / "jaarverslag.txt").write_text("Jaarverslag klachten 2023\n", encoding="utf-8")
    b1 = ok(
        "bewijs", "registreer", "--titel", f"Klachtenregeling {KWAADAARDIG}", "--soort",
        "document", "--ingangsdatum", "01-01-2023", "--bestand", str(map_ / "regeling.md"),
    )  # fmt: skip
    b2 = ok(
        "bewijs", "registreer", "--titel", "Jaarverslag klachten 2023", "--soort", "document",
        "--ingangsdatum", "01-01-2024", "--bestand", str(map_ / "jaarverslag.txt"),
    )  # fmt: skip
    ok("bewijs", "koppel", b1, "--kader", "awb-h9", "--norm", "9:1", "--toelichting",
       "De regeling volgt de wet")  # fmt: skip
    ok("bewijs", "koppel", b2, "--kader", "awb-h9", "--norm", "9:12a", "--toelichting",
       "Het jaarverslag publiceert het overzicht")  # fmt: skip
    ok("beoordeel", "--kader", "awb-h9", "--norm", "9:6", "--oordeel", "voldoet", "--ronde",
       "2024", "--toelichting", "Elke schriftelijke klacht is bevestigd")  # fmt: skip
    bv = ok("bevinding", "registreer", "--soort", "verbeterpunt", "--kader", "awb-h9", "--norm",
            "9:11", "--ronde", "2024", "--omschrijving", "Verdaging niet altijd gemotiveerd")  # fmt: skip
    ok("actie", "registreer", "--omschrijving", "Sjabloon voor verdagingsbrieven",
       "--eigenaar", "kwaliteitsfunctionaris", "--deadline", "01-06-2024", "--bevinding", bv,
       "--klacht", "K-2023-0003")  # fmt: skip
    # kwaliteit toets runs pytest itself: in a fresh interpreter, as under xdist the
    # worker's own plugins would get in the way.
    t = subprocess.run(
        [sys.executable, "-m", "kwaliteit", "--database", url, "toets", "--kader", "awb-h9",
         "--peildatum", VANDAAG],
        capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "KWALITEIT_MODUS": "test", "KWALITEIT_VANDAAG": VANDAAG,
             "HOME": "/tmp"},
    )  # fmt: skip
    assert t.returncode in (0, 1), (t.stdout, t.stderr)
    assert "Fout" not in t.stderr, t.stderr
    return Register(url, map_, run)


@pytest.fixture(scope="module")
def register(databases: Any, tmp_path_factory: pytest.TempPathFactory) -> Register:
    return bouw_register(databases.gemigreerd(), tmp_path_factory.mktemp("register"))


@pytest.fixture(scope="module")
def dossiermap(register: Register) -> Path:
    """The dossier in both formats, built once for the module."""
    r, doel = register.dossier()
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return doel
