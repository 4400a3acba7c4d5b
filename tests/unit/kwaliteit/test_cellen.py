"""Spreadsheet cells: formula injection is blocked on the way out and undone on the way in."""

from __future__ import annotations

import pytest

from kwaliteit.cellen import FORMULETEKENS, lees_cel, schrijf_cel


@pytest.mark.parametrize("teken", FORMULETEKENS)
def test_een_cel_die_met_een_formuleteken_begint_krijgt_een_apostrof(teken: str) -> None:
    assert schrijf_cel(f"{teken}1+1") == f"'{teken}1+1"


@pytest.mark.parametrize(
    "tekst",
    [
        "",
        "Gewoon tekst",
        "'s-Gravenhage",  # an apostrophe before an ordinary letter is left alone
        " =1",  # a leading space makes it text in a spreadsheet; the import strips it
        "1=1",
        "e-mail",
        "'",
        "''",
    ],
)
def test_gewone_tekst_blijft_zoals_hij_is(tekst: str) -> None:
    assert schrijf_cel(tekst) == tekst


def test_tekst_die_al_met_apostrofs_voor_een_formule_begint_krijgt_er_een_bij() -> None:
    assert schrijf_cel("'=SOM(A1)") == "''=SOM(A1)"
    assert schrijf_cel("''-5") == "'''-5"


def test_voor_andere_programmas_blijft_een_formule_staan_maar_een_apostrof_niet() -> None:
    # The csv format of 'klacht exporteer' is not for spreadsheets (README): only the
    # text the import would change gets an apostrophe.
    assert schrijf_cel("=SOM(A1)", spreadsheet=False) == "=SOM(A1)"
    assert schrijf_cel("'=SOM(A1)", spreadsheet=False) == "''=SOM(A1)"
    assert schrijf_cel("'s-Gravenhage", spreadsheet=False) == "'s-Gravenhage"


@pytest.mark.parametrize(
    ("cel", "tekst"),
    [
        ("'=SOM(A1)", "=SOM(A1)"),
        ("''=SOM(A1)", "'=SOM(A1)"),
        ("'-5", "-5"),
        ("'@naam", "@naam"),
        ("'\tinspringing", "\tinspringing"),
        ("  '+31 10 123  ", "+31 10 123"),  # spaces around the cell go first
        ("'s-Gravenhage", "'s-Gravenhage"),
        ("'", "'"),
        ("''", "''"),
        ("", ""),
        (None, ""),
        ("   ", ""),
        ("=SOM(A1)", "=SOM(A1)"),  # typed without protection: taken as it is
    ],
)
def test_lezen_haalt_alleen_de_beschermende_apostrof_weg(cel: str | None, tekst: str) -> None:
    assert lees_cel(cel) == tekst


@pytest.mark.parametrize(
    "tekst",
    ["=1", "'=1", "''=1", "+31", "-", "@", "'", "'s-Gravenhage", "tekst", "  tekst "],
)
@pytest.mark.parametrize("spreadsheet", [True, False])
def test_wat_geschreven_is_komt_ongewijzigd_terug(tekst: str, spreadsheet: bool) -> None:
    # Except for surrounding spaces, which a cell never keeps.
    assert lees_cel(schrijf_cel(tekst, spreadsheet=spreadsheet)) == tekst.strip()


def test_een_beschermde_tab_of_regelterugloop_vooraan_blijft_bewaard() -> None:
    assert lees_cel(schrijf_cel("\t=x")) == "\t=x"
    assert lees_cel(schrijf_cel("\rx")) == "\rx"
    # Unprotected (the csv format), reading strips them like any surrounding space.
    assert lees_cel(schrijf_cel("\rx", spreadsheet=False)) == "x"
