"""Dependencies point inward: domain <- services <- CLI; klachten and normen stay apart."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BRON = Path(__file__).resolve().parents[2]
# The bottom layer of kwaliteit that the domain packages may use.
FUNDAMENT = {
    "kwaliteit.db",
    "kwaliteit.bulk",
    "kwaliteit.audit",
    "kwaliteit.eenheid",
    "kwaliteit.fouten",
    "kwaliteit.tijd",
    "kwaliteit.tekstbestand",
    "kwaliteit.bestanden",
    "kwaliteit.cellen",
    "kwaliteit.keuzes",
    "kwaliteit.yamlbestand",
    "kwaliteit.organisatie",
    "kwaliteit.organisatiebestand",
    "kwaliteit.profielversies",
}


def imports(pakket: str) -> dict[str, set[str]]:
    """Every module of a package with the first-party modules it imports."""
    uit: dict[str, set[str]] = {}
    for pad in sorted((BRON / pakket).rglob("*.py")):
        module = ".".join(pad.relative_to(BRON).with_suffix("").parts).removesuffix(".__init__")
        namen: set[str] = set()
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                namen.update(a.name for a in knoop.names)
            elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
                namen.add(knoop.module)
        uit[module] = {n for n in namen if n.split(".")[0] in {"kwaliteit", "klachten", "normen"}}
    return uit


@pytest.mark.parametrize(("pakket", "ander"), [("klachten", "normen"), ("normen", "klachten")])
def test_klachten_en_normen_importeren_elkaar_niet(pakket: str, ander: str) -> None:
    for module, namen in imports(pakket).items():
        assert not {n for n in namen if n.split(".")[0] == ander}, module


@pytest.mark.parametrize("pakket", ["klachten", "normen"])
def test_het_domein_gebruikt_van_kwaliteit_alleen_het_fundament(pakket: str) -> None:
    for module, namen in imports(pakket).items():
        van_kwaliteit = {n for n in namen if n.split(".")[0] == "kwaliteit"}
        assert van_kwaliteit <= FUNDAMENT, (module, van_kwaliteit - FUNDAMENT)


def test_het_fundament_kent_de_domeinen_en_de_cli_niet() -> None:
    modules = imports("kwaliteit")
    for module in FUNDAMENT:
        namen = modules[module]
        assert not {n for n in namen if n.startswith(("klachten", "normen", "kwaliteit.cli"))}, (
            module
        )


def test_de_procedureregels_kennen_geen_diensten_en_geen_opdrachtregel() -> None:
    modules = imports("klachten")
    for module in (
        "klachten.procedure",
        "klachten.regels",
        "klachten.termijnen",
        "klachten.kalender",
        "klachten.waarden",
    ):
        assert not {
            n for n in modules[module] if n in {"klachten.diensten", "klachten.uitwisseling"}
        }
        assert not {n for n in modules[module] if n.startswith("kwaliteit.cli")}


def test_de_awb_regels_zijn_zuiver() -> None:
    """klachten.regels reads facts only: no database, no services, no models (docs/regels.md)."""
    pad = BRON / "klachten" / "regels.py"
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen.add(knoop.module)
    eigen = {n for n in namen if n.split(".")[0] in {"kwaliteit", "klachten", "normen"}}
    assert eigen <= {"klachten.termijnen", "klachten.waarden", "klachten.kalender"}, eigen
    assert not {n for n in namen if n.split(".")[0] == "sqlalchemy"}
