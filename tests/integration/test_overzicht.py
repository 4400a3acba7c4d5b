"""The yearly overview of Awb 9:12a, computed in SQL, checked figure by figure."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from klachten import diensten
from klachten.invoer import NieuweKlacht
from klachten.overzicht import overzicht, overzicht_periode
from klachten.procedure import Afhandeling
from klachten.waarden import (
    AfzienHoren,
    Bestemmingssoort,
    Grond98,
    Kanaal,
    Uitkomst,
)
from kwaliteit.eenheid import Werkeenheid

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

# The lists of the WOT Schiedam example profile (fixture ``wot``), in its order.
WOT_WIJKEN = ("Centrum/West", "Groenoord", "Nieuwland", "Noordrand", "Oost", "Zuid", "stadsbreed")
WOT_CATEGORIEEN = ("bejegening", "informatie", "dienstverlening", "termijn", "overig")


def registreer(werk: Werk, ontvangen: date, kanaal: Kanaal, **velden: Any) -> str:
    with werk(op=ontvangen) as w:
        # Without a categorie, as registration gives it: the profile's standaard_categorie.
        velden.setdefault("categorie", diensten.regels(w).profiel.standaard_categorie or None)
        n = NieuweKlacht(ontvangen=ontvangen, kanaal=kanaal, omschrijving="klacht", **velden)
        return diensten.registreer(w, n).kenmerk


def sluit(werk: Werk, kenmerk: str, uitkomst: Uitkomst, datum: date, **velden: Any) -> None:
    with werk(op=datum) as w:
        diensten.sluit(w, kenmerk, Afhandeling(uitkomst, datum, **velden))


def formeel_voorbereid(werk: Werk, kenmerk: str, ontvangen: date) -> None:
    """Bevestiging, afschrift and behandelaar: what every oordeel on a written complaint needs."""
    with werk(op=ontvangen) as w:
        diensten.bevestig(w, kenmerk, ontvangen)
        diensten.stuur_afschrift(w, kenmerk, ontvangen)
        diensten.wijs_toe(w, kenmerk, "A. Jansen")


def informeel(werk: Werk, kenmerk: str, datum: date) -> None:
    sluit(werk, kenmerk, Uitkomst.INFORMEEL_OPGELOST, datum, tevredenheid="telefonisch")


def overzicht_van(werk: Werk, jaar: int) -> dict[str, Any]:
    with werk(schrijven=False) as w:
        return overzicht(w.sessie, jaar)


@pytest.fixture
def jaar_2023(werk: Werk, wot: Path) -> None:
    """Ten complaints received in 2023 (and two in other years), a known mix, in an
    organisation with the WOT Schiedam profile (its wijken and categories).

    nr  kanaal        wijk          aanbieder          uitkomst, afgehandeld (doorlooptijd)
    1   e-mail        Groenoord     Stichting Welzijn  gegrond, 06-02-2023 (28); gehoord, ombudsman
    2   brief         Oost          Stichting Welzijn  ongegrond, 05-04-2023 (63); verdaagd, afzien
    3   telefoon      Zuid          Buurtwerk Zuid     informeel-opgelost, 08-03-2023 (2)
    4   balie         -             -                  niet-in-behandeling 1b, 20-04-2023 (17)
    5   webformulier  Nieuwland     Buurtwerk Zuid     doorgestuurd Schiedam, 04-05-2023 (2)
    6   e-mail        Centrum/West  Stichting Welzijn  doorgestuurd De Linde, 22-05-2023 (7)
    7   telefoon      Groenoord     MEE                informeel-opgelost, 01-08-2023 (61), te laat
    8   brief         Oost          -                  open
    9   e-mail        stadsbreed    MEE                ingetrokken, 08-01-2024 (38)
    10  balie         -             Stichting Welzijn  niet-ontvankelijk, 05-07-2023 (2)
    """
    # 1: the full formal procedure, gegrond, later to the ombudsman.
    k1 = registreer(
        werk,
        date(2023, 1, 9),
        Kanaal.EMAIL,
        wijk="Groenoord",
        aanbieder="Stichting Welzijn",
        categorie="bejegening",
    )
    formeel_voorbereid(werk, k1, date(2023, 1, 10))
    with werk(op=date(2023, 1, 25)) as w:
        diensten.hoor(w, k1, None, "verslag")
    sluit(werk, k1, Uitkomst.GEGROND, date(2023, 2, 6), bevindingen="b", conclusies="c")
    with werk(op=date(2023, 3, 1)) as w:
        diensten.meld_ombudsman(w, k1, None)

    # 2: verdaagd twice (the second time with the klager's consent), no hearing, ongegrond.
    k2 = registreer(
        werk,
        date(2023, 2, 1),
        Kanaal.BRIEF,
        wijk="Oost",
        aanbieder="Stichting Welzijn",
        categorie="informatie",
    )
    formeel_voorbereid(werk, k2, date(2023, 2, 2))
    with werk(op=date(2023, 3, 1)) as w:
        diensten.zie_af_van_horen(w, k2, AfzienHoren.B)
        diensten.verdaag(w, k2, weken=4, reden="advies nodig", datum=None, instemming=None)
    with werk(op=date(2023, 4, 3)) as w:
        diensten.verdaag(w, k2, weken=2, reden="meer tijd", datum=None, instemming=date(2023, 4, 3))
    sluit(werk, k2, Uitkomst.ONGEGROND, date(2023, 4, 5), bevindingen="b", conclusies="c")

    # 3
    k3 = registreer(
        werk,
        date(2023, 3, 6),
        Kanaal.TELEFOON,
        wijk="Zuid",
        aanbieder="Buurtwerk Zuid",
        categorie="bejegening",
    )
    informeel(werk, k3, date(2023, 3, 8))

    # 4: the gedraging lies more than a year before receipt.
    k4 = registreer(werk, date(2023, 4, 3), Kanaal.BALIE, gedraging=date(2022, 1, 10))
    sluit(werk, k4, Uitkomst.NIET_IN_BEHANDELING, date(2023, 4, 20), grond=Grond98.B)

    # 5 and 6: forwarded to two different organisations.
    k5 = registreer(
        werk,
        date(2023, 5, 2),
        Kanaal.WEBFORMULIER,
        wijk="Nieuwland",
        aanbieder="Buurtwerk Zuid",
        categorie="dienstverlening",
    )
    sluit(
        werk,
        k5,
        Uitkomst.DOORGESTUURD,
        date(2023, 5, 4),
        naar="Gemeente Schiedam",
        bestemming_soort=Bestemmingssoort.BESTUURSORGAAN,
        klager_geinformeerd=date(2023, 5, 4),
    )
    k6 = registreer(
        werk,
        date(2023, 5, 15),
        Kanaal.EMAIL,
        wijk="Centrum/West",
        aanbieder="Stichting Welzijn",
        categorie="dienstverlening",
    )
    sluit(
        werk,
        k6,
        Uitkomst.DOORGESTUURD,
        date(2023, 5, 22),
        naar="Zorgaanbieder De Linde",
        bestemming_soort=Bestemmingssoort.ZORGAANBIEDER,
        klager_geinformeerd=date(2023, 5, 16),
    )

    # 7: closed after its deadline of 13-07-2023.
    k7 = registreer(
        werk,
        date(2023, 6, 1),
        Kanaal.TELEFOON,
        wijk="Groenoord",
        aanbieder="MEE",
        categorie="termijn",
    )
    informeel(werk, k7, date(2023, 8, 1))

    # 10 (registered before 8 and 9; the order of registration does not matter).
    k10 = registreer(werk, date(2023, 7, 3), Kanaal.BALIE, aanbieder="Stichting Welzijn")
    sluit(werk, k10, Uitkomst.NIET_ONTVANKELIJK, date(2023, 7, 5), reden="anoniem")

    # 8: still open; 9: withdrawn in the next year.
    registreer(werk, date(2023, 11, 20), Kanaal.BRIEF, wijk="Oost", categorie="bejegening")
    k9 = registreer(
        werk,
        date(2023, 12, 1),
        Kanaal.EMAIL,
        wijk="stadsbreed",
        aanbieder="MEE",
        categorie="informatie",
    )
    sluit(werk, k9, Uitkomst.INGETROKKEN, date(2024, 1, 8), wijze="telefonisch")

    # Other years: received in 2022 (closed in 2023) and in 2024.
    vorig = registreer(
        werk, date(2022, 12, 28), Kanaal.TELEFOON, wijk="Noordrand", aanbieder="Ander Jaar"
    )
    informeel(werk, vorig, date(2023, 1, 3))
    volgend = registreer(
        werk, date(2024, 1, 2), Kanaal.EMAIL, wijk="Noordrand", aanbieder="Ander Jaar"
    )
    sluit(
        werk,
        volgend,
        Uitkomst.DOORGESTUURD,
        date(2024, 1, 3),
        naar="Gemeente Vlaardingen",
        bestemming_soort=Bestemmingssoort.BESTUURSORGAAN,
        klager_geinformeerd=date(2024, 1, 3),
    )


@pytest.mark.usefixtures("jaar_2023")
def test_het_jaaroverzicht_telt_elke_klacht_van_het_jaar_precies_mee(werk: Werk) -> None:
    o = overzicht_van(werk, 2023)

    assert o["jaar"] == 2023
    assert o["ontvangen"] == 10
    assert (o["schriftelijk"], o["mondeling"]) == (6, 4)
    assert (o["afgehandeld"], o["nog_open"]) == (9, 1)
    # Nr 8 is open, nr 9 was closed only in 2024.
    assert o["open_op_jaareinde"] == 2
    assert o["per_uitkomst"] == {
        "gegrond": 1,
        "deels-gegrond": 0,
        "ongegrond": 1,
        "geen-oordeel": 0,
        "informeel-opgelost": 2,
        "doorgestuurd": 2,
        "ingetrokken": 1,
        "niet-ontvankelijk": 1,
        "niet-in-behandeling": 1,
    }
    assert o["per_kanaal"] == {
        "brief": 2,
        "e-mail": 3,
        "webformulier": 1,
        "telefoon": 2,
        "balie": 2,
    }
    assert o["per_categorie"] == {
        "bejegening": 3,
        "informatie": 2,
        "dienstverlening": 2,
        "termijn": 1,
        "overig": 2,
    }
    assert o["per_wijk"] == {
        "Centrum/West": 1,
        "Groenoord": 2,
        "Nieuwland": 1,
        "Noordrand": 0,
        "Oost": 2,
        "Zuid": 1,
        "stadsbreed": 1,
        "onbekend": 2,
    }
    # Most complaints first; equal counts by name.
    assert list(o["per_aanbieder"].items()) == [
        ("Stichting Welzijn", 4),
        ("Buurtwerk Zuid", 2),
        ("MEE", 2),
        ("onbekend", 2),
    ]
    # The withdrawn complaint (nr 9) is not judged on time; nr 7 was late.
    assert o["binnen_termijn"] == {"getoetst": 8, "binnen": 7, "percentage": 87.5}
    # Doorlooptijden 2, 2, 2, 7, 17, 28, 38, 61, 63 days: the middle one, and 220 / 9.
    assert o["doorlooptijd_dagen"] == {"mediaan": 17, "gemiddeld": 24.4}
    assert (o["verdaagd"], o["uitgesteld_met_instemming"]) == (1, 1)
    assert (o["gehoord"], o["afgezien_van_horen"], o["bij_ombudsman"]) == (1, 1, 1)
    assert o["niet_in_behandeling_per_grond"] == {
        "1a": 0,
        "1b": 1,
        "1c": 0,
        "1d": 0,
        "1e": 0,
        "1f": 0,
        "2": 0,
    }
    assert list(o["doorgestuurd_per_bestemming"].items()) == [
        ("Gemeente Schiedam", 1),
        ("Zorgaanbieder De Linde", 1),
    ]


@pytest.mark.usefixtures("jaar_2023")
def test_klachten_uit_een_ander_jaar_tellen_niet_mee(werk: Werk) -> None:
    o = overzicht_van(werk, 2023)
    assert "Ander Jaar" not in o["per_aanbieder"]
    assert o["per_wijk"]["Noordrand"] == 0
    assert "Gemeente Vlaardingen" not in o["doorgestuurd_per_bestemming"]

    # Each of the other years sees exactly its own complaint.
    vorig, volgend = overzicht_van(werk, 2022), overzicht_van(werk, 2024)
    assert (vorig["ontvangen"], vorig["afgehandeld"], vorig["open_op_jaareinde"]) == (1, 1, 1)
    assert vorig["per_aanbieder"] == {"Ander Jaar": 1}
    assert vorig["doorlooptijd_dagen"] == {"mediaan": 6, "gemiddeld": 6.0}
    assert (volgend["ontvangen"], volgend["afgehandeld"]) == (1, 1)
    assert volgend["doorgestuurd_per_bestemming"] == {"Gemeente Vlaardingen": 1}


def test_bij_een_even_aantal_is_de_mediaan_het_gemiddelde_van_de_middelste_twee(
    werk: Werk,
) -> None:
    for ontvangen, dagen in (
        (date(2021, 3, 1), 51),
        (date(2021, 3, 2), 3),
        (date(2021, 3, 3), 22),
        (date(2021, 3, 4), 10),
    ):
        kenmerk = registreer(werk, ontvangen, Kanaal.TELEFOON)
        informeel(werk, kenmerk, date.fromordinal(ontvangen.toordinal() + dagen))
    registreer(werk, date(2021, 3, 5), Kanaal.TELEFOON)  # open: no doorlooptijd

    o = overzicht_van(werk, 2021)
    assert (o["ontvangen"], o["afgehandeld"]) == (5, 4)
    assert o["doorlooptijd_dagen"] == {"mediaan": 16.0, "gemiddeld": 21.5}
    # Nr 1 (51 days) was closed after its deadline of six weeks.
    assert o["binnen_termijn"] == {"getoetst": 4, "binnen": 3, "percentage": 75.0}


@pytest.mark.usefixtures("wot")
def test_een_jaar_zonder_klachten_geeft_nullen_en_geen_gemiddelden(werk: Werk) -> None:
    registreer(werk, date(2023, 3, 14), Kanaal.EMAIL)  # another year

    o = overzicht_van(werk, 2025)
    assert o["jaar"] == 2025
    for sleutel in (
        "ontvangen",
        "schriftelijk",
        "mondeling",
        "afgehandeld",
        "nog_open",
        "open_op_jaareinde",
        "verdaagd",
        "uitgesteld_met_instemming",
        "gehoord",
        "afgezien_van_horen",
        "bij_ombudsman",
    ):
        assert o[sleutel] == 0, sleutel
    assert o["binnen_termijn"] == {"getoetst": 0, "binnen": 0, "percentage": None}
    assert o["doorlooptijd_dagen"] == {"mediaan": None, "gemiddeld": None}
    for telling in (
        "per_uitkomst",
        "per_kanaal",
        "per_categorie",
        "per_wijk",
        "niet_in_behandeling_per_grond",
    ):
        assert set(o[telling].values()) == {0}, telling
        assert "onbekend" not in o[telling]
    assert o["per_aanbieder"] == {}
    assert o["doorgestuurd_per_bestemming"] == {}
    # The profile's values, each with 0.
    assert list(o["per_wijk"]) == list(WOT_WIJKEN)
    assert list(o["per_categorie"]) == list(WOT_CATEGORIEEN)


def test_zonder_profiel_noemt_het_overzicht_alleen_de_gebruikte_wijken_en_categorieen(
    werk: Werk,
) -> None:
    registreer(werk, date(2023, 3, 14), Kanaal.EMAIL, wijk="Oost", categorie="wachttijd")
    registreer(werk, date(2023, 3, 15), Kanaal.EMAIL, wijk="West", categorie="wachttijd")
    registreer(werk, date(2023, 3, 16), Kanaal.EMAIL, wijk="West")
    registreer(werk, date(2023, 3, 17), Kanaal.EMAIL)

    o = overzicht_van(werk, 2023)
    # Most first, equal counts by name, then 'onbekend'.
    assert list(o["per_wijk"].items()) == [("West", 2), ("Oost", 1), ("onbekend", 1)]
    assert list(o["per_categorie"].items()) == [("wachttijd", 2), ("onbekend", 2)]
    leeg = overzicht_van(werk, 2025)
    assert (leeg["per_wijk"], leeg["per_categorie"]) == ({}, {})


@pytest.mark.usefixtures("wot")
def test_het_overzicht_noemt_de_wijken_van_het_profiel_op_volgorde_dan_andere_dan_onbekend(
    werk: Werk,
) -> None:
    """A value the profile does not (or no longer) have, e.g. from before a list changed,
    comes after the profile's own values, most first; 'onbekend' last."""
    for wijk in ("Zuid", "Oud-West", "Haven", "Haven", None, "Groenoord"):
        registreer(werk, date(2023, 3, 14), Kanaal.EMAIL, wijk=wijk)
    o = overzicht_van(werk, 2023)
    assert list(o["per_wijk"].items()) == [
        ("Centrum/West", 0),
        ("Groenoord", 1),
        ("Nieuwland", 0),
        ("Noordrand", 0),
        ("Oost", 0),
        ("Zuid", 1),
        ("stadsbreed", 0),
        ("Haven", 2),
        ("Oud-West", 1),
        ("onbekend", 1),
    ]
    assert o["per_categorie"] == {w: 6 if w == "overig" else 0 for w in WOT_CATEGORIEEN}


@pytest.mark.usefixtures("jaar_2023")
def test_het_overzicht_over_een_periode_telt_de_klachten_ontvangen_in_die_periode(
    werk: Werk,
) -> None:
    """The dossier's figures: received 01-01 up to and including 20-05-2023 (nrs 1-6)."""
    with werk(schrijven=False) as w:
        o = overzicht_periode(w.sessie, date(2023, 1, 1), date(2023, 5, 20))

    assert (o["van"], o["tot"]) == ("2023-01-01", "2023-05-20")
    assert (o["ontvangen"], o["schriftelijk"], o["mondeling"]) == (6, 4, 2)
    assert (o["afgehandeld"], o["nog_open"]) == (6, 0)
    # Nr 6 was closed on 22-05, after the end of the period.
    assert o["open_op_jaareinde"] == 1
    assert {k: v for k, v in o["per_uitkomst"].items() if v} == {
        "gegrond": 1,
        "ongegrond": 1,
        "informeel-opgelost": 1,
        "doorgestuurd": 2,
        "niet-in-behandeling": 1,
    }
    assert o["per_kanaal"] == {
        "brief": 1,
        "e-mail": 2,
        "webformulier": 1,
        "telefoon": 1,
        "balie": 1,
    }
    assert o["per_categorie"] == {
        "bejegening": 2,
        "informatie": 1,
        "dienstverlening": 2,
        "termijn": 0,
        "overig": 1,
    }
    assert o["per_wijk"] == {
        "Centrum/West": 1,
        "Groenoord": 1,
        "Nieuwland": 1,
        "Noordrand": 0,
        "Oost": 1,
        "Zuid": 1,
        "stadsbreed": 0,
        "onbekend": 1,
    }
    assert list(o["per_aanbieder"].items()) == [
        ("Stichting Welzijn", 3),
        ("Buurtwerk Zuid", 2),
        ("onbekend", 1),
    ]
    assert o["binnen_termijn"] == {"getoetst": 6, "binnen": 6, "percentage": 100.0}
    # Doorlooptijden 2, 2, 7, 17, 28, 63: the mean of the middle two, and 119 / 6.
    assert o["doorlooptijd_dagen"] == {"mediaan": 12.0, "gemiddeld": 19.8}
    assert (o["verdaagd"], o["uitgesteld_met_instemming"]) == (1, 1)
    assert (o["gehoord"], o["afgezien_van_horen"], o["bij_ombudsman"]) == (1, 1, 1)
    assert {k: v for k, v in o["niet_in_behandeling_per_grond"].items() if v} == {"1b": 1}
    assert o["doorgestuurd_per_bestemming"] == {
        "Gemeente Schiedam": 1,
        "Zorgaanbieder De Linde": 1,
    }


def test_heropende_en_verdaagde_klachten_tellen_zoals_ze_nu_staan(werk: Werk) -> None:
    """A reopened complaint is open again (no uitkomst, no doorlooptijd); a verdaging
    without the klager's consent is not 'uitgesteld met instemming'."""
    a = registreer(werk, date(2022, 3, 1), Kanaal.TELEFOON, aanbieder="MEE")
    informeel(werk, a, date(2022, 3, 4))
    with werk(op=date(2022, 3, 10)) as w:
        diensten.heropen(w, a, "klager belt terug", None)
    b = registreer(werk, date(2022, 3, 2), Kanaal.TELEFOON, aanbieder="MEE")
    with werk(op=date(2022, 3, 20)) as w:
        diensten.verdaag(w, b, weken=2, reden="drukte", datum=None, instemming=None)
    informeel(werk, b, date(2022, 5, 2))

    o = overzicht_van(werk, 2022)
    assert (o["ontvangen"], o["afgehandeld"], o["nog_open"]) == (2, 1, 1)
    assert o["open_op_jaareinde"] == 1
    assert o["per_uitkomst"]["informeel-opgelost"] == 1
    assert o["per_aanbieder"] == {"MEE": 2}
    assert o["doorlooptijd_dagen"] == {"mediaan": 61.0, "gemiddeld": 61.0}
    assert (o["verdaagd"], o["uitgesteld_met_instemming"]) == (1, 0)
