"""The legal terms of Awb hoofdstuk 9 and the retention terms of the Selectielijst."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from klachten.termijnen import (
    afhandeltermijn,
    afhandelweken,
    bewaartermijn,
    gedraging_te_oud,
    ombudsmanvenster,
    termijn_9_8,
)
from klachten.waarden import Uitkomst

DINSDAG_14_MAART = date(2023, 3, 14)


@pytest.mark.parametrize(
    ("ontvangen", "adviescommissie", "verdaagd", "uiterste"),
    [
        # six weeks, on the same weekday
        (DINSDAG_14_MAART, False, 0, date(2023, 4, 25)),
        # ten weeks with a klachtadviescommissie
        (DINSDAG_14_MAART, True, 0, date(2023, 5, 23)),
        # plus the weeks of a verdaging
        (DINSDAG_14_MAART, False, 4, date(2023, 5, 23)),
        (DINSDAG_14_MAART, True, 4, date(2023, 6, 20)),
        (DINSDAG_14_MAART, False, 10, date(2023, 7, 4)),
        # six weeks end on Goede Vrijdag 2023 → Tuesday after tweede Paasdag
        (date(2023, 2, 24), False, 0, date(2023, 4, 11)),
        # six weeks end on 5 mei 2023 (a Friday) → Monday
        (date(2023, 3, 24), False, 0, date(2023, 5, 8)),
        # ten weeks end on Hemelvaartsdag 2023 → Friday
        (date(2023, 3, 9), True, 0, date(2023, 5, 19)),
        # received on a Saturday (web form): six weeks end on a Saturday → Monday
        (date(2023, 3, 18), False, 0, date(2023, 5, 1)),
        # six weeks end on Kerst 2026 (Friday) → Monday 28 December
        (date(2026, 11, 13), False, 0, date(2026, 12, 28)),
        # with a verdaging the Atw looks at the new end, not the old one
        (date(2023, 3, 24), False, 4, date(2023, 6, 2)),
    ],
)
def test_afhandeltermijn_is_zes_of_tien_weken_plus_verdaging_verschoven_door_de_atw(
    ontvangen: date, adviescommissie: bool, verdaagd: int, uiterste: date
) -> None:
    assert (
        afhandeltermijn(
            ontvangen,
            weken=afhandelweken(adviescommissie=adviescommissie),
            verdaagd_weken=verdaagd,
        )
        == uiterste
    )


@pytest.mark.parametrize(
    ("ontvangen", "uiterste"),
    [
        (DINSDAG_14_MAART, date(2023, 4, 11)),
        (date(2023, 3, 10), date(2023, 4, 11)),  # four weeks end on Goede Vrijdag
        (date(2023, 4, 7), date(2023, 5, 8)),  # four weeks end on 5 mei (Friday)
        (date(2022, 12, 4), date(2023, 1, 2)),  # four weeks end on Sunday 1 January
    ],
)
def test_mededeling_niet_in_behandeling_uiterlijk_vier_weken_na_ontvangst(
    ontvangen: date, uiterste: date
) -> None:
    assert termijn_9_8(ontvangen) == uiterste


@pytest.mark.parametrize(
    ("afgehandeld", "venster"),
    [
        (date(2023, 4, 25), date(2024, 4, 25)),
        # a term in years: the Atw does not move it off a Saturday or a feestdag
        (date(2022, 4, 29), date(2023, 4, 29)),
        (date(2022, 12, 25), date(2023, 12, 25)),
        # from 29 February the year ends on 28 February
        (date(2024, 2, 29), date(2025, 2, 28)),
    ],
)
def test_ombudsmanvenster_is_een_jaar_na_de_afhandeling_zonder_atw(
    afgehandeld: date, venster: date
) -> None:
    assert ombudsmanvenster(afgehandeld) == venster


@pytest.mark.parametrize(
    ("gedraging", "te_oud"),
    [
        (None, False),  # unknown: never too old
        (date(2023, 3, 1), False),
        (date(2022, 3, 15), False),
        (date(2022, 3, 14), False),  # exactly one year: not too old
        (date(2022, 3, 13), True),  # one day more: too old
        (date(2020, 1, 1), True),
    ],
)
def test_gedraging_is_pas_te_oud_als_zij_meer_dan_een_jaar_voor_ontvangst_ligt(
    gedraging: date | None, te_oud: bool
) -> None:
    assert gedraging_te_oud(gedraging, DINSDAG_14_MAART) is te_oud


def test_de_snelle_toets_van_klacht_termijnen_is_gedraging_te_oud() -> None:
    """``klacht termijnen`` decides 'more than a year' by days outside a two-day window."""
    from klachten.diensten import _te_oud

    ontvangen = date(2019, 1, 1)
    while ontvangen < date(2026, 1, 1):  # two leap years: 29 February on either side
        for dagen in range(362, 370):
            gedraging = ontvangen - timedelta(days=dagen)
            assert _te_oud(gedraging, ontvangen) is gedraging_te_oud(gedraging, ontvangen), (
                gedraging,
                ontvangen,
            )
        ontvangen += timedelta(days=1)


KORT_BEWAARD = {Uitkomst.NIET_ONTVANKELIJK, Uitkomst.INGETROKKEN}


@pytest.mark.parametrize("uitkomst", list(Uitkomst))
def test_bewaartermijn_is_vijf_jaar_of_een_jaar_voor_niet_ontvankelijk_en_ingetrokken(
    uitkomst: Uitkomst,
) -> None:
    verwacht = date(2024, 4, 25) if uitkomst in KORT_BEWAARD else date(2028, 4, 25)
    assert bewaartermijn(uitkomst, date(2023, 4, 25), ombudsman=False) == verwacht


@pytest.mark.parametrize("uitkomst", list(Uitkomst))
def test_bewaartermijn_is_tien_jaar_als_de_ombudsman_erbij_was(uitkomst: Uitkomst) -> None:
    assert bewaartermijn(uitkomst, date(2023, 4, 25), ombudsman=True) == date(2033, 4, 25)


def test_bewaartermijn_vanaf_29_februari_eindigt_op_28_februari() -> None:
    assert bewaartermijn(Uitkomst.GEGROND, date(2024, 2, 29), ombudsman=False) == date(2029, 2, 28)


@pytest.mark.parametrize(
    ("adviescommissie", "eigen", "weken"),
    [
        (False, None, 6),
        (True, None, 10),
        (False, 4, 4),  # an own, shorter term
        (True, 8, 8),
        (False, 8, 6),  # an own term never lengthens the law's (Awb 9:11 lid 1)
    ],
)
def test_de_basistermijn_is_de_wettelijke_of_de_eigen_kortere(
    adviescommissie: bool, eigen: int | None, weken: int
) -> None:
    assert afhandelweken(adviescommissie=adviescommissie, eigen_termijn=eigen) == weken
