"""The step library of ``kwaliteit toets`` (``kwaliteit.toetsing.stappen``) and the checks behind
it (``klachten.controles``, ``kwaliteit.bewijs.controles``), against a real database.

Data is made through the services, as users make it. Where a check must also
catch what the procedure would refuse (an oordeel without afschrift, a second
verdaging without consent), the test changes the stored complaint directly, as
an old register or a correction in the database would.

The steps are plain functions: the tests call them with the values the runner's
fixtures would give (a read-only Werkeenheid and the peildatum). The last tests
run the shipped features (``features/dekking``) through pytest-bdd in a separate
process, as ``kwaliteit toets`` does, to show every step in them is bound.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from klachten import controles as klachtcontroles
from klachten import diensten as klachtdiensten
from klachten.invoer import NieuweKlacht
from klachten.modellen import Verdaging
from klachten.procedure import Afhandeling, herbereken_termijn
from klachten.waarden import AfzienHoren, BeklaagdeSoort, Grond98, Kanaal, Uitkomst
from kwaliteit.bewijs import controles as bewijscontroles
from kwaliteit.bewijs import diensten as bewijs
from kwaliteit.bewijs.diensten import Versiegegevens
from kwaliteit.bewijs.modellen import Actiestatus, Bewijssoort, Oordeelwaarde
from kwaliteit.bewijs.zelfevaluatie import beoordeel, registreer_actie, wijzig_actie
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.toetsing import Toetsfout, stappen
from kwaliteit.toetsing.stappen import Klachtperiode, Normenkader
from normen import diensten as normdiensten
from normen.kaderbestand import lees_kader, meegeleverde_kaders

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

PEILDATUM = date(2026, 11, 23)  # also the default 'today' of the werk fixture
BRON = Path(__file__).resolve().parents[2]
SSW = "sterk-sociaal-werk"


# -- making data ---------------------------------------------------------------------------


def klacht(werk: Werk, ontvangen: date, kanaal: Kanaal = Kanaal.BRIEF, **velden: Any) -> str:
    n = NieuweKlacht(
        ontvangen=ontvangen,
        kanaal=kanaal,
        omschrijving="Klacht over de dienstverlening van het WOT",
        beklaagde="casusregisseur WOT Groenoord",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
        **velden,
    )
    with werk() as w:
        return klachtdiensten.registreer(w, n).kenmerk


def gegrond(datum: date) -> Afhandeling:
    return Afhandeling(
        Uitkomst.GEGROND,
        datum,
        behandelaar="teamleider WOT Oost",
        bevindingen="De afspraak is niet nagekomen.",
        conclusies="Gegrond; excuses aangeboden.",
    )


def formeel(werk: Werk, ontvangen: date, *, sluit_na: int | None = 20, horen: bool = True) -> str:
    """A written complaint through the whole formal procedure, closed ``sluit_na`` days after receipt."""
    k = klacht(werk, ontvangen)
    with werk() as w:
        klachtdiensten.bevestig(w, k, ontvangen + timedelta(days=1))
        klachtdiensten.stuur_afschrift(w, k, ontvangen + timedelta(days=2))
        if horen:
            klachtdiensten.hoor(
                w, k, ontvangen + timedelta(days=10), "Klager en beklaagde gehoord."
            )
        else:
            klachtdiensten.zie_af_van_horen(w, k, AfzienHoren.B)
        if sluit_na is not None:
            klachtdiensten.sluit(w, k, gegrond(ontvangen + timedelta(days=sluit_na)))
    return k


def informeel(werk: Werk, kenmerk: str, datum: date) -> None:
    with werk() as w:
        klachtdiensten.sluit(
            w, kenmerk, Afhandeling(Uitkomst.INFORMEEL_OPGELOST, datum, tevredenheid="telefonisch")
        )


def niet_in_behandeling(werk: Werk, kenmerk: str, datum: date) -> None:
    with werk() as w:
        klachtdiensten.sluit(
            w,
            kenmerk,
            Afhandeling(Uitkomst.NIET_IN_BEHANDELING, datum, grond=Grond98.LID2),
        )


def uiterste_datum(werk: Werk, kenmerk: str) -> date:
    with werk(schrijven=False) as w:
        return klachtdiensten.laad(w, kenmerk).uiterste_datum


def pas_aan(werk: Werk, kenmerk: str, **velden: Any) -> None:
    """Change stored fields directly, past the procedure (an old register, a correction)."""
    with werk() as w:
        k = klachtdiensten.laad(w, kenmerk)
        for veld, waarde in velden.items():
            setattr(k, veld, waarde)


def goed_register(werk: Werk) -> dict[str, str]:
    """Complaints of the twelve months up to the peildatum, all handled lawfully.

    formeel   brief     02-03-2026  full procedure, gegrond after 20 days
    mondeling telefoon  01-04-2026  informally solved after 3 days (no 9:6, 9:9, 9:10)
    verdaagd  brief     04-05-2026  afzien van horen (grond b), postponed 4 weeks, closed in time
    niet      brief     01-06-2026  confirmed, not handled (9:8 lid 2), notified after 14 days
    nieuw     e-mail    20-11-2026  open, not yet confirmed (3 days before the peildatum)
    """
    k: dict[str, str] = {}
    k["formeel"] = formeel(werk, date(2026, 3, 2))
    k["mondeling"] = klacht(werk, date(2026, 4, 1), Kanaal.TELEFOON)
    informeel(werk, k["mondeling"], date(2026, 4, 4))
    k["verdaagd"] = formeel(werk, date(2026, 5, 4), sluit_na=None, horen=False)
    with werk() as w:
        klachtdiensten.verdaag(
            w, k["verdaagd"], weken=4, reden="advies nodig", datum=date(2026, 6, 1), instemming=None
        )
        klachtdiensten.sluit(w, k["verdaagd"], gegrond(date(2026, 7, 1)))
    k["niet"] = klacht(werk, date(2026, 6, 1))
    with werk() as w:
        klachtdiensten.bevestig(w, k["niet"], date(2026, 6, 2))
    niet_in_behandeling(werk, k["niet"], date(2026, 6, 15))
    k["nieuw"] = klacht(werk, date(2026, 11, 20), Kanaal.EMAIL)
    return k


def laad_kaders(werk: Werk, *codes: str) -> None:
    with werk(op=date(2026, 1, 2)) as w:
        for code in codes:
            normdiensten.laad(w, lees_kader(meegeleverde_kaders()[code]))


def bewijsstuk(
    werk: Werk,
    titel: str,
    refs: list[str],
    *,
    kader: str = SSW,
    van: date = date(2026, 1, 1),
    tot: date | None = None,
) -> str:
    with werk(op=date(2026, 2, 1)) as w:
        b = bewijs.registreer(
            w,
            titel=titel,
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=van, geldig_tot=tot),
            eigenaar="kwaliteitsfunctionaris",
        )
        for ref in refs:
            bewijs.koppel(w, b.kenmerk, kader=kader, ref=ref, toelichting=f"{titel} toont {ref}")
        return b.kenmerk


def oordelen(werk: Werk, waarden: dict[str, Oordeelwaarde], ronde: str | None = None) -> None:
    with werk() as w:
        for ref, waarde in waarden.items():
            beoordeel(
                w, kader=SSW, ref=ref, waarde=waarde, toelichting="Zelfevaluatie", ronde=ronde
            )


def actie(werk: Werk, deadline: date, ref: str | None = None, *, op: date = PEILDATUM) -> str:
    with werk(op=op) as w:
        return registreer_actie(
            w,
            omschrijving="Verbeterpunt uitwerken",
            eigenaar="kwaliteitsfunctionaris",
            deadline=deadline,
            kader=SSW if ref else None,
            ref=ref,
        ).kenmerk


def twaalf_maanden() -> Klachtperiode:
    return stappen.klachten_twaalf_maanden(PEILDATUM)


def toetsfout(stap: Callable[..., object], *args: Any) -> Toetsfout:
    with pytest.raises(Toetsfout) as e:
        stap(*args)
    return e.value


# -- the period --------------------------------------------------------------------------------


def test_de_periodes_lopen_tot_en_met_de_peildatum() -> None:
    p = stappen.klachten_twaalf_maanden(PEILDATUM)
    assert (p.van, p.tot) == (date(2025, 11, 24), PEILDATUM)
    assert str(p) == "ontvangen van 24-11-2025 tot en met 23-11-2026"

    jaar = stappen.klachten_in_jaar(PEILDATUM, 2025)
    assert (jaar.van, jaar.tot) == (date(2025, 1, 1), date(2025, 12, 31))
    lopend = stappen.klachten_in_jaar(PEILDATUM, 2026)
    assert (lopend.van, lopend.tot) == (date(2026, 1, 1), PEILDATUM)

    eigen = stappen.klachten_van_tot(PEILDATUM, "01-07-2026", "31-12-2026")
    assert (eigen.van, eigen.tot) == (date(2026, 7, 1), PEILDATUM)
    with pytest.raises(InvoerFout, match="eindigt"):
        stappen.klachten_van_tot(PEILDATUM, "31-12-2026", "01-07-2026")
    with pytest.raises(InvoerFout):
        stappen.de_beoordelingsronde("  ")


# -- the register: good data passes -------------------------------------------------------


def test_een_goed_bijgehouden_register_doorstaat_elke_klachtstap(werk: Werk) -> None:
    goed_register(werk)
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        stappen.er_zijn_klachten(w, p)
        stappen.elke_klacht_bevestigd(w, PEILDATUM, p, "7")
        stappen.elke_klacht_op_tijd(w, PEILDATUM, p)
        stappen.geen_achterstand(w, PEILDATUM)
        stappen.melding_9_8_op_tijd(w, p)
        stappen.afschrift_bij_oordeel(w, p)
        stappen.gehoord_bij_oordeel(w, p)


# -- the register: each rule names exactly the complaints that break it --------------------


def test_9_6_noemt_de_schriftelijke_klachten_zonder_ontvangstbevestiging(werk: Werk) -> None:
    k = goed_register(werk)
    vergeten = klacht(werk, date(2026, 10, 1), Kanaal.WEBFORMULIER)
    klacht(werk, date(2026, 10, 2), Kanaal.BALIE)  # oral: 9:6 does not apply
    buiten = klacht(werk, date(2025, 11, 23))  # the day before the period
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        assert klachtcontroles.zonder_ontvangstbevestiging(w, p.van, p.tot) == [
            k["nieuw"],
            vergeten,
        ]
        fout = toetsfout(stappen.elke_klacht_bevestigd, w, PEILDATUM, p, None)
        assert fout.records == [k["nieuw"], vergeten]
        assert fout.melding.startswith("2 schriftelijke klachten ontvangen van 24-11-2025")
        assert "(Awb 9:6)" in fout.melding
        # With a service norm of 7 days the complaint of three days ago may wait.
        fout = toetsfout(stappen.elke_klacht_bevestigd, w, PEILDATUM, p, "7")
        assert fout.records == [vergeten]
        assert fout.melding == (
            "1 schriftelijke klacht ontvangen van 24-11-2025 tot en met 16-11-2026 (ten minste "
            "7 dagen voor de peildatum) zonder ontvangstbevestiging (Awb 9:6)"
        )
        assert buiten not in fout.records


def test_9_11_noemt_te_laat_gesloten_te_lang_open_en_onrechtmatig_verdaagd(werk: Werk) -> None:
    goed_register(werk)
    te_laat = formeel(werk, date(2026, 2, 2), sluit_na=None)
    dag = uiterste_datum(werk, te_laat) + timedelta(days=1)
    with werk() as w:
        klachtdiensten.sluit(w, te_laat, gegrond(dag))
    te_lang_open = klacht(werk, date(2026, 9, 1), Kanaal.TELEFOON)
    zonder_instemming = formeel(werk, date(2026, 7, 6), sluit_na=None)
    met_instemming = formeel(werk, date(2026, 7, 7), sluit_na=None)
    with werk() as w:
        for kenmerk, instemming in ((zonder_instemming, None), (met_instemming, date(2026, 8, 10))):
            klachtdiensten.verdaag(
                w, kenmerk, weken=4, reden="advies", datum=date(2026, 8, 3), instemming=None
            )
            # A second postponement is lawful only with the klager's written consent.
            k = klachtdiensten.laad(w, kenmerk)
            k.verdagingen.append(
                Verdaging(
                    datum=date(2026, 8, 20), weken=2, reden="nog", instemming_klager=instemming
                )
            )
            herbereken_termijn(k)
            w.sessie.flush()
            klachtdiensten.sluit(w, kenmerk, gegrond(date(2026, 9, 14)))
    # A late 9:8 notice is the 9:8 rule's business, not 9:11's.
    niet_laat = klacht(werk, date(2026, 8, 3))
    niet_in_behandeling(werk, niet_laat, date(2026, 9, 14))

    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        assert klachtcontroles.te_laat_afgehandeld(w, p.van, p.tot) == [te_laat]
        assert klachtcontroles.open_over_termijn(w, PEILDATUM, p.van, p.tot) == [te_lang_open]
        assert klachtcontroles.onrechtmatig_verdaagd(w, p.van, p.tot) == [zonder_instemming]
        fout = toetsfout(stappen.elke_klacht_op_tijd, w, PEILDATUM, p)
    assert fout.records == [te_laat, te_lang_open, zonder_instemming]
    assert "(Awb 9:11)" in fout.melding
    assert "1 na de uiterste afhandeldatum gesloten" in fout.melding
    assert "1 op 23-11-2026 nog open na de uiterste afhandeldatum" in fout.melding
    assert "1 verdaagd zonder rechtsgrond" in fout.melding


def test_open_op_de_peildatum_is_ook_een_klacht_die_pas_later_is_gesloten(werk: Werk) -> None:
    k = formeel(werk, date(2026, 3, 2), sluit_na=None)
    laatste = uiterste_datum(werk, k)
    informeel(werk, k, date(2026, 6, 1))  # closed long after its deadline
    eerder = laatste + timedelta(days=10)
    with werk(schrijven=False) as w:
        assert klachtcontroles.open_over_termijn(w, eerder) == [k]
        assert klachtcontroles.open_over_termijn(w, laatste) == []  # the last day is still in time
        assert klachtcontroles.open_over_termijn(w, PEILDATUM) == []


def test_de_achterstand_kijkt_ook_naar_klachten_van_voor_de_periode(werk: Werk) -> None:
    goed_register(werk)
    blijven_liggen = klacht(werk, date(2025, 6, 2), Kanaal.TELEFOON)
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        stappen.elke_klacht_op_tijd(w, PEILDATUM, p)  # outside the twelve months
        fout = toetsfout(stappen.geen_achterstand, w, PEILDATUM)
    assert fout.records == [blijven_liggen]
    assert fout.melding == "1 klacht op 23-11-2026 nog open na de uiterste afhandeldatum (Awb 9:11)"


def test_9_8_noemt_de_te_late_mededelingen(werk: Werk) -> None:
    goed_register(werk)
    laat = klacht(werk, date(2026, 8, 3))
    niet_in_behandeling(werk, laat, date(2026, 9, 14))
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        assert klachtcontroles.melding_9_8_te_laat(w, p.van, p.tot) == [laat]
        fout = toetsfout(stappen.melding_9_8_op_tijd, w, p)
    assert fout.records == [laat]
    assert "(Awb 9:8 lid 3)" in fout.melding


def test_9_9_en_9_10_noemen_de_oordelen_zonder_afschrift_of_horen(werk: Werk) -> None:
    goed_register(werk)
    zonder_afschrift = formeel(werk, date(2026, 8, 3))
    pas_aan(werk, zonder_afschrift, afschrift=None)
    niet_gehoord = formeel(werk, date(2026, 8, 4))
    pas_aan(werk, niet_gehoord, gehoord=None, hoorverslag=None)
    zonder_verslag = formeel(werk, date(2026, 8, 5))
    pas_aan(werk, zonder_verslag, hoorverslag="  ")
    mondeling = klacht(werk, date(2026, 8, 6), Kanaal.TELEFOON)
    with werk() as w:  # oral: the formal steps are not demanded
        klachtdiensten.sluit(w, mondeling, gegrond(date(2026, 8, 20)))
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        assert klachtcontroles.oordeel_zonder_afschrift(w, p.van, p.tot) == [zonder_afschrift]
        assert klachtcontroles.oordeel_zonder_horen(w, p.van, p.tot) == [
            niet_gehoord,
            zonder_verslag,
        ]
        fout = toetsfout(stappen.afschrift_bij_oordeel, w, p)
        assert fout.records == [zonder_afschrift]
        assert "(Awb 9:9)" in fout.melding
        fout = toetsfout(stappen.gehoord_bij_oordeel, w, p)
        assert fout.records == [niet_gehoord, zonder_verslag]
        assert "(Awb 9:10)" in fout.melding


# -- the empty-set rule for the register -------------------------------------------------------


KLACHTSTAPPEN: list[tuple[str, Callable[[Werkeenheid, Klachtperiode], None]]] = [
    ("klachten", stappen.er_zijn_klachten),
    ("9:6", lambda w, p: stappen.elke_klacht_bevestigd(w, PEILDATUM, p, None)),
    ("9:6 met servicenorm", lambda w, p: stappen.elke_klacht_bevestigd(w, PEILDATUM, p, "7")),
    ("9:8", stappen.melding_9_8_op_tijd),
    ("9:9", stappen.afschrift_bij_oordeel),
    ("9:10", stappen.gehoord_bij_oordeel),
    ("9:11", lambda w, p: stappen.elke_klacht_op_tijd(w, PEILDATUM, p)),
]


@pytest.mark.parametrize(("naam", "stap"), KLACHTSTAPPEN, ids=[n for n, _ in KLACHTSTAPPEN])
def test_een_periode_zonder_klachten_is_nooit_in_orde(
    werk: Werk, naam: str, stap: Callable[[Werkeenheid, Klachtperiode], None]
) -> None:
    klacht(werk, date(2025, 3, 3), Kanaal.TELEFOON)  # only outside the period
    with werk(schrijven=False) as w:
        for p in (twaalf_maanden(), stappen.klachten_in_jaar(PEILDATUM, 2027)):
            fout = toetsfout(stap, w, p)
            assert "er is niets om te toetsen" in fout.melding
            assert str(p) in fout.melding
            assert fout.records == []


def test_de_achterstand_van_een_leeg_register_is_niet_in_orde(werk: Werk) -> None:
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.geen_achterstand, w, PEILDATUM)
    assert "geen klachten" in fout.melding
    assert "niets om te toetsen" in fout.melding


def test_zonder_gevallen_om_te_toetsen_wordt_een_stap_overgeslagen_niet_geslaagd(
    werk: Werk,
) -> None:
    mondeling = klacht(werk, date(2026, 6, 1), Kanaal.BALIE)
    informeel(werk, mondeling, date(2026, 6, 2))
    p = twaalf_maanden()
    with werk(schrijven=False) as w:
        stappen.er_zijn_klachten(w, p)
        stappen.elke_klacht_bevestigd(w, PEILDATUM, p, None)
        stappen.elke_klacht_op_tijd(w, PEILDATUM, p)
        # No written complaint with an oordeel, no 9:8 decision: a claim about zero
        # cases is skipped (reported as 'overgeslagen'), never passed.
        for stap in (
            stappen.afschrift_bij_oordeel,
            stappen.gehoord_bij_oordeel,
            stappen.melding_9_8_op_tijd,
        ):
            with pytest.raises(pytest.skip.Exception, match="niets om te toetsen"):
                stap(w, p)


# -- evidence ---------------------------------------------------------------------------------


def kader(werk: Werk, code: str = SSW) -> Normenkader:
    with werk(schrijven=False) as w:
        return stappen.het_normenkader(w, PEILDATUM, code)


def test_het_normenkader_moet_geladen_zijn(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    assert kader(werk) == Normenkader(SSW, "werkversie-2026")
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.het_normenkader, w, PEILDATUM, "onbekend-kader")
        assert "'onbekend-kader' is niet geladen" in fout.melding
        with pytest.raises(InvoerFout, match="normenkader"):
            stappen.elke_norm_bewijs(w, PEILDATUM, None, "1", "bewijs")


def test_elke_norm_van_een_categorie_heeft_geldig_bewijs(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    k = kader(werk)
    bewijsstuk(werk, "Competentieprofiel", ["1.1", "1.2", "1.3", "1.4", "1.6"])
    bewijsstuk(werk, "Dossierrichtlijn 2025", ["1.5"], van=date(2025, 1, 1), tot=date(2025, 12, 31))
    with werk(schrijven=False) as w:
        assert bewijscontroles.beoordeelbare_normen(w, SSW, PEILDATUM, categorie="1") == [
            f"1.{i}" for i in range(1, 8)
        ]
        fout = toetsfout(stappen.elke_norm_bewijs, w, PEILDATUM, k, "1", "bewijs")
    assert fout.records == ["1.5", "1.7"]  # expired, and none at all
    assert fout.melding == (
        '2 normen van categorie "1" van sterk-sociaal-werk (versie werkversie-2026) zonder bewijs '
        "dat geldt op 23-11-2026"
    )

    bewijsstuk(werk, "Scholingsplan 2026", ["1.5", "1.7"])
    with werk(schrijven=False) as w:
        stappen.elke_norm_bewijs(w, PEILDATUM, k, "1", "bewijs")
        # On an earlier peildatum the 2026 evidence had not started yet.
        fout = toetsfout(stappen.elke_norm_bewijs, w, date(2025, 12, 31), k, "1", "bewijs")
        assert fout.records == ["1.1", "1.2", "1.3", "1.4", "1.6", "1.7"]
        fout = toetsfout(stappen.elke_norm_bewijs, w, PEILDATUM, k, None, "bewijs")
        assert fout.records == [f"2.{i}" for i in range(1, 7)] + [f"3.{i}" for i in range(1, 8)]


def test_een_categorie_zonder_normen_is_niets_om_te_toetsen(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    k = kader(werk)
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.elke_norm_bewijs, w, PEILDATUM, k, "4", "bewijs")
        assert "geen beoordeelbare normen" in fout.melding
        fout = toetsfout(stappen.norm_bewijs, w, PEILDATUM, k, "1", "bewijs")  # a category
        assert "niets om te toetsen" in fout.melding
        assert fout.records == []


def test_een_bewijsstuk_is_meer_dan_een_cijfer_uit_het_register(werk: Werk) -> None:
    laad_kaders(werk, "wmo2015-h3")
    goed_register(werk)
    k = kader(werk, "wmo2015-h3")
    with werk(schrijven=False) as w:
        stappen.norm_bewijs(w, PEILDATUM, k, "3.2", "bewijs")  # the register's figure
        fout = toetsfout(stappen.norm_bewijs, w, PEILDATUM, k, "3.2", "een bewijsstuk")
    assert fout.records == ["3.2"]
    assert "zonder bewijsstuk" in fout.melding
    bewijsstuk(werk, "Klachtenregeling", ["3.2"], kader="wmo2015-h3")
    with werk(schrijven=False) as w:
        stappen.norm_bewijs(w, PEILDATUM, k, "3.2", "een bewijsstuk")


# -- self-assessment and actions -------------------------------------------------------------


def test_elke_norm_die_voldoet_heeft_een_bewijsstuk(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    k = kader(werk)
    bewijsstuk(werk, "Competentieprofiel", ["1.1"])
    bewijsstuk(werk, "Visie 2025", ["3.1"], van=date(2025, 1, 1), tot=date(2025, 12, 31))
    oordelen(
        werk,
        {
            "1.1": Oordeelwaarde.VOLDOET,
            "1.2": Oordeelwaarde.VOLDOET,
            "3.1": Oordeelwaarde.VOLDOET,
            "2.1": Oordeelwaarde.VOLDOET_NIET,
        },
    )
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.oordeel_met_bewijsstuk, w, PEILDATUM, k, None, "voldoet")
        assert fout.records == ["1.2", "3.1"]
        assert 'met het oordeel "voldoet" in ronde 2026' in fout.melding
        stappen.oordeel_met_bewijsstuk(w, PEILDATUM, k, None, "voldoet-deels")  # none judged so
        with pytest.raises(InvoerFout, match="bestaat niet"):
            stappen.oordeel_met_bewijsstuk(w, PEILDATUM, k, None, "prima")
        # Another ronde without any oordeel: no self-assessment to check.
        fout = toetsfout(stappen.oordeel_met_bewijsstuk, w, PEILDATUM, k, "2025", "voldoet")
        assert "geen zelfevaluatie" in fout.melding
        assert fout.records == []


def test_de_ronde_is_het_jaar_van_de_peildatum_tenzij_genoemd(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    k = kader(werk)
    oordelen(werk, {"1.1": Oordeelwaarde.VOLDOET}, ronde="2025")
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.oordeel_met_bewijsstuk, w, PEILDATUM, k, None, "voldoet")
        assert "ronde 2026" in fout.melding
        fout = toetsfout(stappen.oordeel_met_bewijsstuk, w, date(2025, 12, 1), k, None, "voldoet")
        assert fout.records == ["1.1"]
        fout = toetsfout(stappen.oordeel_met_bewijsstuk, w, PEILDATUM, k, "2025", "voldoet")
        assert fout.records == ["1.1"]


def test_elk_tekort_heeft_een_verbeteractie(werk: Werk) -> None:
    laad_kaders(werk, SSW)
    k = kader(werk)
    oordelen(
        werk,
        {
            "2.1": Oordeelwaarde.VOLDOET_NIET,
            "2.2": Oordeelwaarde.VOLDOET_NIET,
            "2.3": Oordeelwaarde.VOLDOET_NIET,
            "3.3": Oordeelwaarde.VOLDOET_DEELS,
        },
    )
    actie(werk, date(2027, 3, 1), "2.1")
    vervallen = actie(werk, date(2027, 3, 1), "2.3")
    with werk() as w:
        wijzig_actie(w, vervallen, status=Actiestatus.VERVALLEN)
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.oordeel_met_actie, w, PEILDATUM, k, None, "voldoet-niet")
        assert fout.records == ["2.2", "2.3"]
        fout = toetsfout(stappen.oordeel_met_actie, w, PEILDATUM, k, None, "voldoet-deels")
        assert fout.records == ["3.3"]
        stappen.oordeel_met_actie(w, PEILDATUM, k, None, "nvt")  # none judged so


def test_geen_verbeteractie_over_haar_deadline(werk: Werk) -> None:
    with werk(schrijven=False) as w:
        fout = toetsfout(stappen.geen_actie_over_deadline, w, PEILDATUM)
    assert "geen verbeteracties" in fout.melding
    assert fout.records == []

    te_laat = actie(werk, date(2026, 10, 1), op=date(2026, 6, 1))
    actie(werk, date(2026, 12, 1), op=date(2026, 6, 1))  # deadline still to come
    actie(werk, PEILDATUM, op=date(2026, 6, 1))  # deadline today: not over it yet
    afgerond_laat = actie(werk, date(2026, 8, 1), op=date(2026, 6, 1))
    vervallen = actie(werk, date(2026, 8, 1), op=date(2026, 6, 1))
    with werk(op=date(2026, 9, 1)) as w:
        wijzig_actie(w, afgerond_laat, status=Actiestatus.AFGEROND)
        wijzig_actie(w, vervallen, status=Actiestatus.VERVALLEN)
    with werk(schrijven=False) as w:
        assert bewijscontroles.acties_over_deadline(w, PEILDATUM) == [te_laat]
        fout = toetsfout(stappen.geen_actie_over_deadline, w, PEILDATUM)
        assert fout.records == [te_laat]
        assert fout.melding == "1 verbeteractie op 23-11-2026 nog open na de deadline"
        # On 15-08-2026 the action afgerond on 01-09-2026 was still open past its deadline.
        eerder = date(2026, 8, 15)
        assert bewijscontroles.acties_over_deadline(w, eerder) == [afgerond_laat]
        # Before any action was made there is nothing to follow.
        fout = toetsfout(stappen.geen_actie_over_deadline, w, date(2026, 5, 31))
        assert "geen verbeteracties" in fout.melding


# -- the library itself -------------------------------------------------------------------------


def test_elke_stap_zegt_hoe_je_haar_gebruikt() -> None:
    functies = [
        f
        for naam, f in inspect.getmembers(stappen, inspect.isfunction)
        if f.__module__ == stappen.__name__
        and not naam.startswith("_")
        # Before pytest 8.4 a fixture is still a plain function.
        and not hasattr(f, "_pytestfixturefunction")
    ]
    stapnamen = [n for n in vars(stappen) if n.startswith("pytestbdd_stepdef_")]
    assert len(functies) == len(stapnamen) >= 15
    for f in functies:
        assert "Gebruik: ``" in (f.__doc__ or ""), f.__name__
    tekst = (BRON / "kwaliteit" / "toetsing" / "stappen.py").read_text(encoding="utf-8")
    assert tekst.index("# ## Gegeven") < tekst.index("# ## Dan")


# -- the shipped features, run as kwaliteit toets runs them --------------------------------------

_CONFTEST = """
import json
import os
from datetime import date

import pytest

from kwaliteit.db import Database
from kwaliteit.eenheid import werkeenheid

pytest_plugins = ["kwaliteit.toetsing.stappen"]

PEILDATUM = date.fromisoformat(os.environ["KWT_PEILDATUM"])
UITSLAG = {}
NAMEN = {}


@pytest.fixture(scope="session")
def werk():
    db = Database(os.environ["KWT_URL"])
    try:
        with werkeenheid(db, schrijven=False, door="toets") as w:
            yield w
    finally:
        db.sluit()


@pytest.fixture(scope="session")
def peildatum():
    return PEILDATUM


def pytest_bdd_apply_tag(tag, function):
    return True


def pytest_bdd_before_scenario(request, feature, scenario):
    NAMEN[request.node.nodeid] = scenario.name
    UITSLAG[scenario.name] = {"uitkomst": "bezig"}


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    UITSLAG[scenario.name] = {
        "uitkomst": "mislukt",
        "stap": step.name,
        "fout": type(exception).__name__,
        "melding": str(getattr(exception, "melding", exception)),
        "records": list(getattr(exception, "records", [])),
    }


def pytest_runtest_logreport(report):
    naam = NAMEN.get(report.nodeid)
    if naam is None or report.when != "call":
        return
    if report.passed:
        UITSLAG[naam] = {"uitkomst": "geslaagd"}
    elif UITSLAG[naam]["uitkomst"] != "mislukt":
        UITSLAG[naam] = {"uitkomst": "mislukt", "fout": "?", "melding": str(report.longrepr)}


def pytest_sessionfinish(session):
    with open(os.environ["KWT_UITVOER"], "w", encoding="utf-8") as f:
        json.dump(UITSLAG, f)
"""


def toets_features(database_url: str, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Run ``features/dekking`` with pytest-bdd in a fresh process; per scenario the outcome."""
    map_ = tmp_path / "toets"
    map_.mkdir()
    (map_ / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (map_ / "conftest.py").write_text(_CONFTEST, encoding="utf-8")
    features = BRON / "features" / "dekking"
    (map_ / "test_dekking.py").write_text(
        f"from pytest_bdd import scenarios\n\nscenarios({str(features)!r})\n", encoding="utf-8"
    )
    uitvoer = map_ / "uitslag.json"
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "KWALITEIT_"))}
    omgeving |= {
        "KWT_URL": database_url,
        "KWT_PEILDATUM": PEILDATUM.isoformat(),
        "KWT_UITVOER": str(uitvoer),
        "PYTHONPATH": os.pathsep.join([str(BRON), os.environ.get("PYTHONPATH", "")]),
    }
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-c",
            str(map_ / "pytest.ini"),
            "--rootdir",
            str(map_),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            str(map_ / "test_dekking.py"),
        ],
        cwd=map_,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert r.returncode in (0, 1), r.stdout + r.stderr
    uitslag: dict[str, dict[str, Any]] = json.loads(uitvoer.read_text(encoding="utf-8"))
    return uitslag


SCENARIOS = {
    "Elke schriftelijke klacht krijgt een ontvangstbevestiging",
    "Wie een klacht niet in behandeling neemt, meldt dat binnen vier weken",
    "De beklaagde krijgt een afschrift van de klacht",
    "De klager wordt gehoord, of er is een wettelijke grond om dat niet te doen",
    "Klachten worden binnen de termijn afgehandeld",
    "Vakmanschap van de sociaal werker is onderbouwd",
    "Het effect van de dienstverlening voor inwoners is onderbouwd",
    "De faciliterende, lerende organisatie is onderbouwd",
    "Wat volgens de zelfevaluatie voldoet, is met bewijs onderbouwd",
    "Elk tekort uit de zelfevaluatie heeft een verbeteractie",
    "Verbeteracties worden gevolgd tot ze zijn afgerond",
    "De klachtenregeling en de medezeggenschapsregeling liggen vast",
    "De klachtenregeling wordt toegepast",
}


def volledig_dossier(werk: Werk) -> dict[str, str]:
    laad_kaders(werk, "awb-h9", SSW, "wmo2015-h3")
    k = goed_register(werk)
    with werk(schrijven=False) as w:
        alle = bewijscontroles.beoordeelbare_normen(w, SSW, PEILDATUM)
    bewijsstuk(werk, "Kwaliteitshandboek 2026", alle)
    bewijsstuk(werk, "Klachtenregeling en reglement cliëntenraad", ["3.2"], kader="wmo2015-h3")
    oordelen(
        werk,
        {
            "1.1": Oordeelwaarde.VOLDOET,
            "2.1": Oordeelwaarde.VOLDOET_NIET,
            "3.3": Oordeelwaarde.VOLDOET_DEELS,
        },
    )
    actie(werk, date(2027, 3, 1), "2.1")
    actie(werk, date(2027, 1, 1), "3.3")
    return k


@pytest.mark.traag
def test_de_meegeleverde_features_slagen_op_een_volledig_dossier(
    werk: Werk, database_url: str, tmp_path: Path
) -> None:
    volledig_dossier(werk)
    uitslag = toets_features(database_url, tmp_path)
    assert set(uitslag) == SCENARIOS
    assert {n: u for n, u in uitslag.items() if u["uitkomst"] != "geslaagd"} == {}


@pytest.mark.traag
def test_de_meegeleverde_features_noemen_wat_er_mis_is(
    werk: Werk, database_url: str, tmp_path: Path
) -> None:
    volledig_dossier(werk)
    vergeten = klacht(werk, date(2026, 10, 1))  # not confirmed, open past its deadline
    te_laat = actie(werk, date(2026, 10, 1), "2.1")
    uitslag = toets_features(database_url, tmp_path)
    mislukt = {n: u for n, u in uitslag.items() if u["uitkomst"] != "geslaagd"}
    assert {n: (u["fout"], u["records"]) for n, u in mislukt.items()} == {
        "Elke schriftelijke klacht krijgt een ontvangstbevestiging": ("Toetsfout", [vergeten]),
        "Klachten worden binnen de termijn afgehandeld": ("Toetsfout", [vergeten]),
        "De klachtenregeling wordt toegepast": ("Toetsfout", [vergeten]),
        "Verbeteracties worden gevolgd tot ze zijn afgerond": ("Toetsfout", [te_laat]),
    }


@pytest.mark.traag
def test_op_een_leeg_register_slaagt_geen_enkel_scenario(
    werk: Werk, database_url: str, tmp_path: Path
) -> None:
    laad_kaders(werk, "awb-h9", SSW, "wmo2015-h3")
    uitslag = toets_features(database_url, tmp_path)
    assert set(uitslag) == SCENARIOS
    assert {n for n, u in uitslag.items() if u["uitkomst"] == "geslaagd"} == set()
    assert {u["fout"] for u in uitslag.values()} == {"Toetsfout"}
    leeg = {n for n, u in uitslag.items() if "niets om te" in u["melding"]}
    assert leeg == SCENARIOS - {
        "Vakmanschap van de sociaal werker is onderbouwd",
        "Het effect van de dienstverlening voor inwoners is onderbouwd",
        "De faciliterende, lerende organisatie is onderbouwd",
        "De klachtenregeling en de medezeggenschapsregeling liggen vast",
    }
    assert uitslag["Vakmanschap van de sociaal werker is onderbouwd"]["records"] == [
        f"1.{i}" for i in range(1, 8)
    ]
