"""The dossier's pure helpers: suppression, anchors, scenario text, Dutch dates."""

from __future__ import annotations

from datetime import date

import pytest

from kwaliteit.dossier.gegevens import anker, onderdruk, scenario_tekst
from kwaliteit.tijd import lange_datum


@pytest.mark.parametrize(
    ("aantal", "drempel", "verwacht"),
    [(0, 5, 0), (1, 5, "<5"), (4, 5, "<5"), (5, 5, 5), (120, 5, 120), (3, 0, 3), (9, 10, "<10")],
)
def test_onderdruk(aantal: int, drempel: int, verwacht: int | str) -> None:
    assert onderdruk(aantal, drempel) == verwacht


def test_anker_is_stabiel_en_uniek() -> None:
    gebruikt: set[str] = set()
    assert anker("9:6", gebruikt) == "norm-9-6"
    assert anker("9.6", gebruikt) == "norm-9-6-2"
    assert anker("<script>", gebruikt) == "norm-script"
    assert anker("::", gebruikt) == "norm-x"


FEATURE = """# language: nl
Functionaliteit: Iets
  Achtergrond:
    Gegeven de klachten

  @norm:awb-h9/9:6
  Scenario: Eerste
    Dan is er iets
    En nog iets

  @norm:awb-h9/9:8 @norm:awb-h9/9:9
  Scenario: Tweede
    Dan is er niets
"""


def test_scenario_tekst_letterlijk_met_tags() -> None:
    assert scenario_tekst(FEATURE, 7) == (
        "@norm:awb-h9/9:6\nScenario: Eerste\n  Dan is er iets\n  En nog iets"
    )
    assert scenario_tekst(FEATURE, 12) == (
        "@norm:awb-h9/9:8 @norm:awb-h9/9:9\nScenario: Tweede\n  Dan is er niets"
    )
    assert scenario_tekst(FEATURE, 99) == ""


@pytest.mark.parametrize(
    ("d", "tekst"),
    [
        (date(2023, 3, 14), "14 maart 2023"),
        ("2024-01-01", "1 januari 2024"),
        (date(2023, 12, 31), "31 december 2023"),
        (None, ""),
    ],
)
def test_lange_datum(d: date | str | None, tekst: str) -> None:
    assert lange_datum(d) == tekst
