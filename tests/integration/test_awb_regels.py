"""One rule per Awb article, used alike by the procedure, the checks and the register figures.

Each test shows one population or judgement that the three copies of the rules
judged differently before they became one (docs/regels.md): the same complaints
give the same answer in ``klachten.procedure``, ``klachten.controles`` (the
checks of ``kwaliteit toets``) and ``kwaliteit.bewijs.register`` (the figures of
``kwaliteit dekking``). Complaints are made through the services; where a rule
must also judge what the procedure would refuse, the stored complaint is changed
directly, as an old register or a correction in the database would.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Any

import pytest

from klachten import controles, feiten
from klachten import diensten as klachtdiensten
from klachten.fouten import OngeldigeStap
from klachten.invoer import NieuweKlacht
from klachten.modellen import Klacht, Verdaging
from klachten.procedure import Afhandeling
from klachten.waarden import (
    AfzienHoren,
    BeklaagdeSoort,
    Bestemmingssoort,
    Grond98,
    Kanaal,
    Uitkomst,
)
from kwaliteit.bewijs.register import registerbewijs, registerbewijzen
from kwaliteit.eenheid import Werkeenheid

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

PEILDATUM = date(2026, 11, 23)
VAN, TOT = date(2025, 11, 24), PEILDATUM  # the twelve months of the checks


def klacht(werk: Werk, ontvangen: date, kanaal: Kanaal = Kanaal.BRIEF) -> str:
    n = NieuweKlacht(
        ontvangen=ontvangen,
        kanaal=kanaal,
        omschrijving="Klacht over de dienstverlening",
        beklaagde="consulent wijkteam",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
    )
    with werk() as w:
        return klachtdiensten.registreer(w, n).kenmerk


def pas_aan(werk: Werk, kenmerk: str, **velden: Any) -> None:
    """Change stored fields directly, past the procedure."""
    with werk() as w:
        k = klachtdiensten.laad(w, kenmerk)
        for veld, waarde in velden.items():
            setattr(k, veld, waarde)


def gegrond(dag: date, behandelaar: str | None = "teamleider") -> Afhandeling:
    return Afhandeling(
        Uitkomst.GEGROND,
        dag,
        behandelaar=behandelaar,
        bevindingen="De afspraak is niet nagekomen.",
        conclusies="Gegrond; excuses aangeboden.",
    )


def formeel(werk: Werk, ontvangen: date, kanaal: Kanaal = Kanaal.BRIEF) -> str:
    """A complaint through every formal step, closed with an oordeel after 20 days."""
    k = klacht(werk, ontvangen, kanaal)
    with werk() as w:
        klachtdiensten.bevestig(w, k, ontvangen + timedelta(days=1))
        klachtdiensten.stuur_afschrift(w, k, ontvangen + timedelta(days=2))
        klachtdiensten.hoor(w, k, ontvangen + timedelta(days=10), "Klager en beklaagde gehoord.")
        klachtdiensten.sluit(w, k, gegrond(ontvangen + timedelta(days=20)))
    return k


def sluit(werk: Werk, kenmerk: str, a: Afhandeling) -> None:
    with werk() as w:
        klachtdiensten.sluit(w, kenmerk, a)


def cijfer(werk: Werk, ref: str) -> tuple[int, int]:
    with werk(schrijven=False) as w:
        r = registerbewijs(w.sessie, "awb-h9", ref, PEILDATUM)
    assert r is not None
    return r.teller, r.noemer


# -- the two ways of reading the facts agree ----------------------------------------------


def test_de_feiten_uit_de_database_zijn_die_van_de_klacht(werk: Werk) -> None:
    formeel(werk, date(2026, 3, 2))
    mondeling = klacht(werk, date(2026, 4, 1), Kanaal.TELEFOON)
    sluit(
        werk,
        mondeling,
        Afhandeling(Uitkomst.INFORMEEL_OPGELOST, date(2026, 4, 3), tevredenheid="ja"),
    )
    leeg_verslag = formeel(werk, date(2026, 5, 4))
    pas_aan(werk, leeg_verslag, hoorverslag=" \t\r\n ", bevindingen="\n", conclusies="x")
    afgezien = klacht(werk, date(2026, 6, 1), Kanaal.WEBFORMULIER)
    with werk() as w:
        klachtdiensten.zie_af_van_horen(w, afgezien, AfzienHoren.B)
    klacht(werk, date(2026, 9, 1), Kanaal.EMAIL)
    with werk(schrijven=False) as w:
        gelezen = dict(feiten.lees(w.sessie))
        for k in w.sessie.query(Klacht):
            assert gelezen[k.kenmerk] == feiten.van_klacht(k), k.kenmerk
    assert len(gelezen) == 5
    assert not gelezen[leeg_verslag].met_hoorverslag
    assert not gelezen[leeg_verslag].met_bevindingen
    assert gelezen[leeg_verslag].met_conclusies


# -- 9:6: forwarded and niet-ontvankelijke complaints are not acknowledged under 9:6 --------


def test_9_6_telt_doorgestuurde_en_niet_ontvankelijke_klachten_niet(werk: Werk) -> None:
    bevestigd = klacht(werk, date(2026, 3, 2))
    with werk() as w:
        klachtdiensten.bevestig(w, bevestigd, date(2026, 3, 3))
    vergeten = klacht(werk, date(2026, 3, 9))
    doorgestuurd = klacht(werk, date(2026, 4, 1), Kanaal.EMAIL)
    sluit(
        werk,
        doorgestuurd,
        Afhandeling(
            Uitkomst.DOORGESTUURD,
            date(2026, 4, 2),
            naar="Mevis",
            bestemming_soort=Bestemmingssoort.ZORGAANBIEDER,
            klager_geinformeerd=date(2026, 4, 2),
        ),
    )
    anoniem = klacht(werk, date(2026, 5, 1), Kanaal.WEBFORMULIER)
    sluit(
        werk,
        anoniem,
        Afhandeling(Uitkomst.NIET_ONTVANKELIJK, date(2026, 5, 4), reden="Awb 9:4: anoniem"),
    )
    ingetrokken = klacht(werk, date(2026, 6, 1))
    sluit(
        werk, ingetrokken, Afhandeling(Uitkomst.INGETROKKEN, date(2026, 6, 2), wijze="telefonisch")
    )
    with werk(schrijven=False) as w:
        # Before: also the forwarded and the anonymous complaint (4 of them).
        assert controles.zonder_ontvangstbevestiging(w, VAN, TOT) == [vergeten, ingetrokken]
    # Before: 1 of 5.
    assert cijfer(werk, "9:6") == (1, 3)


# -- 9:7: oral oordelen fall outside; the beklaagde as behandelaar does not keep it -----------


def test_9_7_telt_schriftelijke_oordelen_en_toetst_de_onafhankelijkheid(werk: Werk) -> None:
    formeel(werk, date(2026, 3, 2))
    mondeling = klacht(werk, date(2026, 3, 9), Kanaal.TELEFOON)
    sluit(werk, mondeling, gegrond(date(2026, 3, 20), behandelaar=None))
    zelf = formeel(werk, date(2026, 4, 6))
    pas_aan(werk, zelf, behandelaar="Consulent  Wijkteam")  # the beklaagde, past the procedure
    # Before: 2 of 3 (the oral oordeel counted, and any named behandelaar kept the rule).
    assert cijfer(werk, "9:7") == (1, 2)


# -- 9:10: a hearing counts with its verslag ---------------------------------------------


def test_9_10_een_hoorzitting_zonder_verslag_telt_nergens_als_gehoord(werk: Werk) -> None:
    formeel(werk, date(2026, 3, 2))
    zonder_verslag = formeel(werk, date(2026, 3, 9))
    pas_aan(werk, zonder_verslag, hoorverslag=None)
    with werk(schrijven=False) as w:
        assert controles.oordeel_zonder_horen(w, VAN, TOT) == [zonder_verslag]
    # Before: 2 of 2 (the register only looked at the date of the hearing).
    assert cijfer(werk, "9:10") == (1, 2)

    # The procedure: reopened, the complaint can't get an oordeel again without a verslag.
    with werk() as w:
        klachtdiensten.heropen(w, zonder_verslag, "nieuw feit", date(2026, 4, 1))
    with werk() as w, pytest.raises(OngeldigeStap) as e:
        klachtdiensten.sluit(w, zonder_verslag, gegrond(date(2026, 4, 2)))
    assert "de klager is niet gehoord" in e.value.details[0]


# -- 9:11: a complaint not handled is judged by 9:8 only -----------------------------------


def test_9_11_telt_een_klacht_die_niet_in_behandeling_is_genomen_niet(werk: Werk) -> None:
    formeel(werk, date(2026, 3, 2))
    op_tijd_9_8 = klacht(werk, date(2026, 4, 1))
    sluit(
        werk,
        op_tijd_9_8,
        Afhandeling(Uitkomst.NIET_IN_BEHANDELING, date(2026, 4, 8), grond=Grond98.LID2),
    )
    laat_9_8 = klacht(werk, date(2026, 5, 4))
    # Within six weeks, but after the four weeks of 9:8 lid 3.
    sluit(
        werk,
        laat_9_8,
        Afhandeling(Uitkomst.NIET_IN_BEHANDELING, date(2026, 6, 8), grond=Grond98.LID2),
    )
    # Before: 2 of 3 (both notices counted, judged by the four weeks).
    assert cijfer(werk, "9:11") == (1, 1)
    assert cijfer(werk, "9:8") == (1, 2)
    with werk(schrijven=False) as w:
        assert controles.te_laat_afgehandeld(w, VAN, TOT) == []
        assert controles.melding_9_8_te_laat(w, VAN, TOT) == [laat_9_8]


# -- 9:11 lid 2 and 3: postponements ---------------------------------------------------------


def test_een_eerste_verdaging_na_afloop_van_de_termijn_is_onrechtmatig(werk: Werk) -> None:
    binnen = klacht(werk, date(2026, 3, 2))
    te_laat = klacht(werk, date(2026, 3, 3))
    met_instemming = klacht(werk, date(2026, 3, 4))
    with werk() as w:
        klachtdiensten.verdaag(
            w, binnen, weken=4, reden="advies", datum=date(2026, 4, 1), instemming=None
        )
        # Five weeks at once is lawful with the klager's written consent (9:11 lid 3);
        # before, the procedure refused it.
        klachtdiensten.verdaag(
            w,
            met_instemming,
            weken=5,
            reden="advies",
            datum=date(2026, 4, 1),
            instemming=date(2026, 3, 31),
        )
        # Past the procedure (which refuses it): postponed after the term ran out.
        k = klachtdiensten.laad(w, te_laat)
        k.verdagingen.append(
            Verdaging(datum=k.uiterste_datum + timedelta(days=1), weken=2, reden="laat")
        )
    with werk(schrijven=False) as w:
        # Before: the check looked only at the weeks and the consent.
        assert controles.onrechtmatig_verdaagd(w, VAN - timedelta(days=400), TOT) == [te_laat]


# -- the register reads the period once for all its figures -----------------------------


def test_alle_cijfers_in_een_keer_zijn_dezelfde_als_een_voor_een(werk: Werk) -> None:
    formeel(werk, date(2026, 3, 2))
    mondeling = klacht(werk, date(2026, 4, 1), Kanaal.TELEFOON)
    sluit(
        werk,
        mondeling,
        Afhandeling(Uitkomst.INFORMEEL_OPGELOST, date(2026, 6, 1), tevredenheid="ja"),
    )
    klacht(werk, date(2026, 9, 1), Kanaal.EMAIL)
    refs = ["9:1", "9:2", "9:6", "9:7", "9:8", "9:9", "9:10", "9:11", "9:12", "9:12a"]
    with werk(schrijven=False) as w:
        samen = registerbewijzen(w.sessie, "awb-h9", refs, PEILDATUM)
        los = {ref: registerbewijs(w.sessie, "awb-h9", ref, PEILDATUM) for ref in refs}
    assert "9:1" not in samen
    assert los.pop("9:1") is None
    assert samen == los
