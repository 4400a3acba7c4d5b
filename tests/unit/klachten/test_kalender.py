"""The Algemene termijnenwet calendar: which days are feestdagen, and where a term ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from klachten.kalender import (
    atw_einddatum,
    feestdagen,
    is_feestdag,
    is_werkdag,
    koningsdag,
    plus_weken,
)

# Easter Sunday 2015-2030, written out by hand (and checked against the
# Meeus/Jones/Butcher computus), so the test does not lean on dateutil.
PAASZONDAG = {
    2015: date(2015, 4, 5),
    2016: date(2016, 3, 27),
    2017: date(2017, 4, 16),
    2018: date(2018, 4, 1),
    2019: date(2019, 4, 21),
    2020: date(2020, 4, 12),
    2021: date(2021, 4, 4),
    2022: date(2022, 4, 17),
    2023: date(2023, 4, 9),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
}

# Between 2015 and 2030, 27 April falls on a Sunday only in 2025.
KONINGSDAG_OP_ZATERDAG = {2025}

MAANDAG, DINSDAG, DONDERDAG, VRIJDAG, ZATERDAG, ZONDAG = 0, 1, 3, 4, 5, 6


def verwachte_feestdagen(jaar: int) -> dict[date, str]:
    pasen = PAASZONDAG[jaar]
    koning = date(jaar, 4, 26) if jaar in KONINGSDAG_OP_ZATERDAG else date(jaar, 4, 27)
    return {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",
        pasen + timedelta(days=1): "tweede Paasdag",
        koning: "Koningsdag",
        date(jaar, 5, 5): "Bevrijdingsdag (5 mei)",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "tweede Pinksterdag",
        date(jaar, 12, 25): "eerste Kerstdag",
        date(jaar, 12, 26): "tweede Kerstdag",
    }


def test_de_handgeschreven_paastabel_bestaat_uit_zondagen() -> None:
    assert all(d.weekday() == ZONDAG for d in PAASZONDAG.values())


@pytest.mark.parametrize("jaar", sorted(PAASZONDAG))
def test_de_feestdagen_van_de_atw_zijn_precies_de_algemeen_erkende(jaar: int) -> None:
    assert feestdagen(jaar) == verwachte_feestdagen(jaar)


@pytest.mark.parametrize("jaar", sorted(PAASZONDAG))
def test_geen_feestdag_is_een_werkdag(jaar: int) -> None:
    for dag in verwachte_feestdagen(jaar):
        assert is_feestdag(dag)
        assert not is_werkdag(dag)


@pytest.mark.parametrize("jaar", sorted(PAASZONDAG))
def test_de_beweeglijke_feestdagen_vallen_op_hun_weekdag(jaar: int) -> None:
    pasen = PAASZONDAG[jaar]
    assert (pasen - timedelta(days=2)).weekday() == VRIJDAG
    assert (pasen + timedelta(days=1)).weekday() == MAANDAG
    assert (pasen + timedelta(days=39)).weekday() == DONDERDAG
    assert (pasen + timedelta(days=50)).weekday() == MAANDAG
    for dag in (pasen - timedelta(days=2), pasen + timedelta(days=39)):
        assert is_feestdag(dag)


@pytest.mark.parametrize(
    "dag",
    [
        date(2023, 4, 6),  # Witte Donderdag
        date(2023, 5, 4),  # Dodenherdenking
        date(2023, 12, 24),  # kerstavond (a Sunday, but no feestdag)
        date(2023, 12, 31),  # oudejaarsdag
        date(2023, 2, 20),  # carnavalsmaandag
        date(2023, 4, 9),  # eerste Paasdag: a Sunday, not in the Atw list
        date(2023, 5, 28),  # eerste Pinksterdag: idem
    ],
)
def test_andere_bijzondere_dagen_zijn_geen_atw_feestdag(dag: date) -> None:
    assert not is_feestdag(dag)


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (2013, date(2013, 4, 30)),  # Koninginnedag, a Tuesday
        (2006, date(2006, 4, 29)),  # 30 April 2006 was a Sunday
        (2012, date(2012, 4, 30)),  # a Monday stays
        (2014, date(2014, 4, 26)),  # 27 April 2014 was a Sunday
        (2024, date(2024, 4, 27)),
        (2025, date(2025, 4, 26)),  # 27 April 2025 is a Sunday
        (2026, date(2026, 4, 27)),
    ],
)
def test_koningsdag_gaat_van_zondag_naar_zaterdag(jaar: int, verwacht: date) -> None:
    assert koningsdag(jaar) == verwacht
    assert verwacht.weekday() != ZONDAG


def test_koningsdag_2025_is_een_zaterdag_en_de_maandag_erna_een_werkdag() -> None:
    assert koningsdag(2025).weekday() == ZATERDAG
    assert is_feestdag(date(2025, 4, 26))
    assert not is_feestdag(date(2025, 4, 27))
    assert is_werkdag(date(2025, 4, 28))


@pytest.mark.parametrize(
    ("dag", "werkdag"),
    [
        (date(2023, 3, 14), True),  # a Tuesday
        (date(2023, 3, 18), False),  # Saturday
        (date(2023, 3, 19), False),  # Sunday
        (date(2023, 4, 7), False),  # Goede Vrijdag
        (date(2023, 4, 11), True),
    ],
)
def test_werkdag_is_geen_weekend_en_geen_feestdag(dag: date, werkdag: bool) -> None:
    assert is_werkdag(dag) is werkdag


@pytest.mark.parametrize(
    ("nominaal", "einde"),
    [
        (date(2023, 3, 14), date(2023, 3, 14)),  # a working day stays
        (date(2023, 3, 18), date(2023, 3, 20)),  # Saturday → Monday
        (date(2023, 3, 19), date(2023, 3, 20)),  # Sunday → Monday
        (date(2023, 4, 7), date(2023, 4, 11)),  # Goede Vrijdag, Easter, tweede Paasdag → Tuesday
        (date(2023, 4, 8), date(2023, 4, 11)),  # Easter Saturday
        (date(2023, 4, 10), date(2023, 4, 11)),  # tweede Paasdag
        (date(2023, 5, 18), date(2023, 5, 19)),  # Hemelvaart Thursday → Friday
        (date(2023, 5, 5), date(2023, 5, 8)),  # 5 mei on a Friday → Monday
        (date(2023, 4, 27), date(2023, 4, 28)),  # Koningsdag on a Thursday
        (date(2025, 4, 26), date(2025, 4, 28)),  # Koningsdag on a Saturday
        (date(2023, 5, 29), date(2023, 5, 30)),  # tweede Pinksterdag
        (date(2026, 12, 25), date(2026, 12, 28)),  # Kerst on a Friday → Monday
        (date(2021, 12, 26), date(2021, 12, 27)),  # tweede Kerstdag on a Sunday
        (date(2021, 12, 25), date(2021, 12, 27)),
        (date(2022, 1, 1), date(2022, 1, 3)),  # Nieuwjaar on a Saturday
        (date(2022, 12, 31), date(2023, 1, 2)),  # over the year boundary
        (date(2023, 12, 25), date(2023, 12, 27)),  # both Kerstdagen on Mon/Tue
    ],
)
def test_termijn_die_niet_op_een_werkdag_eindigt_schuift_door(nominaal: date, einde: date) -> None:
    assert atw_einddatum(nominaal) == einde
    assert is_werkdag(einde)


def test_een_termijn_van_weken_eindigt_op_dezelfde_weekdag() -> None:
    assert plus_weken(date(2023, 3, 14), 6) == date(2023, 4, 25)
    assert plus_weken(date(2023, 12, 20), 2) == date(2024, 1, 3)
