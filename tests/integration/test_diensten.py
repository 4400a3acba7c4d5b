"""The services of the register against a real database (SQLite or PostgreSQL).

Every test makes its own data through ``klachten.diensten``, one unit of work
per user action, as the CLI does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from klachten import diensten
from klachten.fouten import OngeldigeStap
from klachten.invoer import NieuweKlacht
from klachten.modellen import Klacht, Klager
from klachten.procedure import Afhandeling
from klachten.termijnen import termijn_9_8
from klachten.waarden import (
    BeklaagdeSoort,
    Kanaal,
    Status,
    StatusFilter,
    Uitkomst,
)
from kwaliteit.audit import AuditGebeurtenis, controleer_keten, geschiedenis
from kwaliteit.eenheid import Werkeenheid

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

KLAGER_NAAM = "Fatima Bouzid-Verhoeven"
KLAGER_CONTACT = "f.bouzid@voorbeeld.nl, 06-12345678"


def nieuw(**velden: Any) -> NieuweKlacht:
    """A valid new complaint; ``velden`` overrides the defaults."""
    basis: dict[str, Any] = {
        "ontvangen": date(2023, 3, 14),
        "kanaal": Kanaal.EMAIL,
        "omschrijving": "Niet teruggebeld na toezegging",
    }
    return NieuweKlacht(**{**basis, **velden})


def registreer(werk: Werk, op: date | None = None, **velden: Any) -> str:
    n = nieuw(**velden)
    with werk(op=op or n.ontvangen) as w:
        return diensten.registreer(w, n).kenmerk


def sluit_informeel(werk: Werk, kenmerk: str, datum: date) -> None:
    with werk(op=datum) as w:
        diensten.sluit(
            w,
            kenmerk,
            Afhandeling(Uitkomst.INFORMEEL_OPGELOST, datum, tevredenheid="telefonisch bevestigd"),
        )


def formele_procedure_tot_gegrond(werk: Werk) -> str:
    """A written complaint through every step of Awb 9:6-9:12, closed 'gegrond'."""
    kenmerk = registreer(
        werk,
        beklaagde="J. de Vries",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
        wijk="Groenoord",
        klager_naam=KLAGER_NAAM,
        klager_contact=KLAGER_CONTACT,
    )
    with werk(op=date(2023, 3, 16)) as w:
        diensten.bevestig(w, kenmerk, None)
    with werk(op=date(2023, 3, 17)) as w:
        diensten.stuur_afschrift(w, kenmerk, date(2023, 3, 17))
    with werk(op=date(2023, 3, 20)) as w:
        diensten.wijs_toe(w, kenmerk, "A. Jansen")
    with werk(op=date(2023, 4, 3)) as w:
        diensten.hoor(w, kenmerk, None, "Klager en beklaagde gehoord; verslag in dossier.")
    with werk(op=date(2023, 4, 14)) as w:
        diensten.sluit(
            w,
            kenmerk,
            Afhandeling(
                Uitkomst.GEGROND,
                date(2023, 4, 14),
                bevindingen="Terugbelafspraak is niet nagekomen.",
                conclusies="De klacht is gegrond; excuses aangeboden.",
            ),
        )
    return kenmerk


def auditaantal(werk: Werk) -> int:
    with werk(schrijven=False) as w:
        return w.sessie.execute(select(func.count()).select_from(AuditGebeurtenis)).scalar_one()


def acties(werk: Werk, kenmerk: str) -> list[str]:
    with werk(schrijven=False) as w:
        return [g.actie for g in geschiedenis(w.sessie, "klacht", kenmerk)]


# -- registration --------------------------------------------------------------


def test_kenmerken_lopen_per_jaar_zonder_gaten_en_beginnen_elk_jaar_opnieuw(werk: Werk) -> None:
    eerste = registreer(werk, ontvangen=date(2023, 3, 14))
    tweede = registreer(werk, ontvangen=date(2023, 11, 2))
    volgend_jaar = registreer(werk, ontvangen=date(2024, 1, 3))
    # A late registration of a complaint received in 2023 continues that year's series.
    nagekomen = registreer(werk, ontvangen=date(2023, 12, 28), op=date(2024, 1, 5))

    assert [eerste, tweede, volgend_jaar, nagekomen] == [
        "K-2023-0001",
        "K-2023-0002",
        "K-2024-0001",
        "K-2023-0003",
    ]
    with werk(schrijven=False) as w:
        rijen = w.sessie.execute(
            select(Klacht.kenmerk, Klacht.jaar, Klacht.volgnummer).order_by(Klacht.kenmerk)
        ).all()
    assert [tuple(r) for r in rijen] == [
        ("K-2023-0001", 2023, 1),
        ("K-2023-0002", 2023, 2),
        ("K-2023-0003", 2023, 3),
        ("K-2024-0001", 2024, 1),
    ]


def test_meerdere_registraties_in_een_werkeenheid_krijgen_opeenvolgende_kenmerken(
    werk: Werk,
) -> None:
    with werk(op=date(2023, 6, 1)) as w:
        kenmerken = [
            diensten.registreer(w, nieuw(ontvangen=date(2023, 5, dag))).kenmerk for dag in (1, 2, 3)
        ]
    assert kenmerken == ["K-2023-0001", "K-2023-0002", "K-2023-0003"]


def test_een_mislukte_registratie_verbruikt_geen_kenmerk(werk: Werk) -> None:
    def registreer_en_val_uit(w: Werkeenheid) -> None:
        diensten.registreer(w, nieuw())
        raise RuntimeError("stroomstoring")

    with pytest.raises(RuntimeError, match="stroomstoring"), werk(op=date(2023, 3, 14)) as w:
        registreer_en_val_uit(w)

    assert registreer(werk) == "K-2023-0001"
    assert auditaantal(werk) == 1


def test_registratie_met_ontvangst_in_de_toekomst_wordt_geweigerd(werk: Werk) -> None:
    with (
        pytest.raises(Exception, match="ligt in de toekomst"),
        werk(op=date(2023, 3, 13)) as w,
    ):
        diensten.registreer(w, nieuw(ontvangen=date(2023, 3, 14)))
    with werk(schrijven=False) as w:
        assert w.sessie.execute(select(func.count()).select_from(Klacht)).scalar_one() == 0
    assert auditaantal(werk) == 0


def test_persoonsgegevens_staan_alleen_in_de_tabel_klager_en_nooit_in_het_auditspoor(
    werk: Werk,
) -> None:
    kenmerk = formele_procedure_tot_gegrond(werk)
    with werk(op=date(2023, 4, 20)) as w:
        diensten.heropen(w, kenmerk, "Klager meldt nieuwe feiten", None)

    with werk(schrijven=False) as w:
        klager = w.sessie.execute(select(Klager)).scalar_one()
        assert (klager.naam, klager.contact) == (KLAGER_NAAM, KLAGER_CONTACT)

        klachtrij = w.sessie.execute(select(Klacht.__table__)).one()
        klachttekst = " ".join(str(v) for v in klachtrij)
        assert KLAGER_NAAM not in klachttekst
        assert "Bouzid" not in klachttekst

        gebeurtenissen = w.sessie.execute(select(AuditGebeurtenis)).scalars().all()
    assert len(gebeurtenissen) == 7
    for g in gebeurtenissen:
        tekst = " ".join(
            str(v) for v in (g.door, g.onderwerp, g.sleutel, g.actie, g.voor, g.na, g.hash)
        )
        for gevoelig in ("Bouzid", "Fatima", "voorbeeld.nl", "12345678"):
            assert gevoelig not in tekst, f"{gevoelig!r} staat in auditgebeurtenis {g.volgnummer}"
    registratie = json.loads(gebeurtenissen[0].na or "{}")
    assert registratie["klager_vastgelegd"] is True


# -- the procedure ----------------------------------------------------------------


def test_volledige_formele_procedure_eindigt_gegrond_binnen_de_termijn(werk: Werk) -> None:
    kenmerk = formele_procedure_tot_gegrond(werk)

    with werk(schrijven=False, op=date(2023, 4, 14)) as w:
        k = diensten.laad(w, kenmerk)
        assert k.status is Status.GESLOTEN
        assert k.uitkomst is Uitkomst.GEGROND
        assert k.afgehandeld == date(2023, 4, 14)
        assert k.uiterste_datum == date(2023, 4, 25)  # 6 weken na 14-03-2023
        assert k.binnen_termijn is True
        assert k.bewaren_tot == date(2028, 4, 14)  # 5 jaar na afhandeling
        assert (k.bevestigd, k.afschrift, k.gehoord) == (
            date(2023, 3, 16),
            date(2023, 3, 17),
            date(2023, 4, 3),
        )
        assert k.behandelaar == "A. Jansen"
        d = diensten.toon(w, kenmerk)
    assert d["afhandeling"]["uitkomst"] == "gegrond"
    assert d["afhandeling"]["binnen_termijn"] is True
    assert d["te_laat"] is False
    assert [g["actie"] for g in d["geschiedenis"]] == [
        "registreer",
        "bevestig",
        "afschrift",
        "wijs-toe",
        "hoor",
        "sluit",
    ]
    assert acties(werk, kenmerk) == [g["actie"] for g in d["geschiedenis"]]


def test_een_oordeel_zonder_de_stappen_van_de_formele_procedure_wordt_geweigerd(
    werk: Werk,
) -> None:
    kenmerk = registreer(werk)
    with pytest.raises(OngeldigeStap) as fout, werk(op=date(2023, 4, 1)) as w:
        diensten.sluit(
            w,
            kenmerk,
            Afhandeling(Uitkomst.GEGROND, date(2023, 4, 1), bevindingen="b", conclusies="c"),
        )
    details = " ".join(fout.value.details)
    for ontbrekend in ("Awb 9:6", "Awb 9:9", "Awb 9:10", "Awb 9:7"):
        assert ontbrekend in details


def test_de_beklaagde_mag_de_klacht_niet_zelf_behandelen(werk: Werk) -> None:
    kenmerk = registreer(werk, beklaagde="J. de Vries", beklaagde_soort=BeklaagdeSoort.MEDEWERKER)
    with pytest.raises(OngeldigeStap, match="9:7"), werk(op=date(2023, 3, 20)) as w:
        diensten.wijs_toe(w, kenmerk, "  j. de  vries ")
    with werk(schrijven=False) as w:
        assert diensten.laad(w, kenmerk).behandelaar is None


def test_heropenen_bewaart_de_eerdere_uitkomst_in_de_geschiedenis(werk: Werk) -> None:
    kenmerk = formele_procedure_tot_gegrond(werk)
    with werk(op=date(2023, 4, 20)) as w:
        diensten.heropen(w, kenmerk, "Klager meldt nieuwe feiten", None)

    with werk(schrijven=False) as w:
        k = diensten.laad(w, kenmerk)
        assert k.status is Status.OPEN
        assert (k.uitkomst, k.afgehandeld, k.binnen_termijn, k.bewaren_tot) == (
            None,
            None,
            None,
            None,
        )

    # Closed a second time, with a different outcome.
    with werk(op=date(2023, 4, 24)) as w:
        diensten.sluit(
            w,
            kenmerk,
            Afhandeling(
                Uitkomst.DEELS_GEGROND,
                date(2023, 4, 24),
                bevindingen="Na nieuwe feiten deels anders beoordeeld.",
                conclusies="Deels gegrond.",
            ),
        )

    with werk(schrijven=False) as w:
        gebeurtenissen = geschiedenis(w.sessie, "klacht", kenmerk)
        assert diensten.laad(w, kenmerk).uitkomst is Uitkomst.DEELS_GEGROND
    assert [g.actie for g in gebeurtenissen][-3:] == ["sluit", "heropen", "sluit"]
    eerste_sluit, heropen, tweede_sluit = gebeurtenissen[-3:]
    assert json.loads(eerste_sluit.na or "{}")["uitkomst"] == "gegrond"
    assert json.loads(eerste_sluit.na or "{}")["afgehandeld"] == "2023-04-14"
    voor, na = json.loads(heropen.voor or "{}"), json.loads(heropen.na or "{}")
    assert (voor["uitkomst"], voor["status"]) == ("gegrond", "gesloten")
    assert (na["uitkomst"], na["status"]) == (None, "open")
    assert na["reden"] == "Klager meldt nieuwe feiten"
    assert na["heropend"] == "2023-04-20"
    assert json.loads(tweede_sluit.na or "{}")["uitkomst"] == "deels-gegrond"


# -- failures leave nothing behind --------------------------------------------------


def test_een_geweigerde_stap_laat_de_database_ongewijzigd(werk: Werk) -> None:
    kenmerk = registreer(werk, klager_naam=KLAGER_NAAM)
    voor = auditaantal(werk)

    # The bevestiging succeeds, but the refused sluit in the same unit of work
    # must undo it: the command either happens entirely or not at all.
    def bevestig_en_sluit_te_vroeg(w: Werkeenheid) -> None:
        diensten.bevestig(w, kenmerk, date(2023, 3, 16))
        diensten.sluit(
            w,
            kenmerk,
            Afhandeling(Uitkomst.GEGROND, date(2023, 3, 20), bevindingen="b", conclusies="c"),
        )

    with (
        pytest.raises(OngeldigeStap, match="kan niet gesloten worden"),
        werk(op=date(2023, 3, 20)) as w,
    ):
        bevestig_en_sluit_te_vroeg(w)

    with werk(schrijven=False) as w:
        k = diensten.laad(w, kenmerk)
        assert k.status is Status.OPEN
        assert k.bevestigd is None
        assert k.uitkomst is None
        assert k.klager is not None
        assert k.klager.naam == KLAGER_NAAM
    assert auditaantal(werk) == voor
    assert acties(werk, kenmerk) == ["registreer"]


def test_een_stap_op_een_gesloten_klacht_wordt_geweigerd_en_verandert_niets(werk: Werk) -> None:
    kenmerk = registreer(werk, kanaal=Kanaal.TELEFOON)
    sluit_informeel(werk, kenmerk, date(2023, 3, 15))
    voor = auditaantal(werk)

    with pytest.raises(OngeldigeStap, match="al gesloten"), werk(op=date(2023, 3, 16)) as w:
        diensten.bevestig(w, kenmerk, None)

    def heropen_twee_keer(w: Werkeenheid) -> None:
        diensten.heropen(w, kenmerk, "reden", None)
        diensten.heropen(w, kenmerk, "nogmaals", None)

    with pytest.raises(OngeldigeStap, match="is open"), werk(op=date(2023, 3, 16)) as w:
        heropen_twee_keer(w)

    with werk(schrijven=False) as w:
        k = diensten.laad(w, kenmerk)
        assert (k.status, k.uitkomst, k.bevestigd) == (
            Status.GESLOTEN,
            Uitkomst.INFORMEEL_OPGELOST,
            None,
        )
    assert auditaantal(werk) == voor


# -- reading -----------------------------------------------------------------------


@pytest.fixture
def register_voor_lijst(werk: Werk) -> dict[str, str]:
    """Five complaints in 2023 and one in 2024, in every state the filters tell apart."""
    k = {
        # open, deadline 21-02-2023
        "open_verlopen": registreer(werk, ontvangen=date(2023, 1, 10)),
        # open, deadline 13-07-2023
        "open": registreer(werk, ontvangen=date(2023, 6, 1)),
        "gesloten_op_tijd": registreer(werk, ontvangen=date(2023, 2, 1), kanaal=Kanaal.BALIE),
        # deadline 16-02-2023, closed 31-03-2023
        "gesloten_te_laat": registreer(werk, ontvangen=date(2023, 1, 5), kanaal=Kanaal.TELEFOON),
        "ingetrokken": registreer(werk, ontvangen=date(2023, 1, 2), kanaal=Kanaal.TELEFOON),
        "volgend_jaar": registreer(werk, ontvangen=date(2024, 1, 3)),
    }
    sluit_informeel(werk, k["gesloten_op_tijd"], date(2023, 2, 10))
    sluit_informeel(werk, k["gesloten_te_laat"], date(2023, 3, 31))
    with werk(op=date(2023, 6, 1)) as w:
        diensten.sluit(
            w,
            k["ingetrokken"],
            Afhandeling(Uitkomst.INGETROKKEN, date(2023, 6, 1), wijze="telefonisch"),
        )
    return k


def _lijst(werk: Werk, op: date, **filters: Any) -> list[str]:
    with werk(schrijven=False, op=op) as w:
        return [k.kenmerk for k in diensten.lijst(w, **filters)]


def test_lijst_filtert_op_open_gesloten_en_jaar(
    werk: Werk, register_voor_lijst: dict[str, str]
) -> None:
    k = register_voor_lijst
    op = date(2024, 6, 30)
    assert _lijst(werk, op) == sorted(k.values())
    assert _lijst(werk, op, jaar=2023) == sorted(v for n, v in k.items() if n != "volgend_jaar")
    assert _lijst(werk, op, jaar=2023, status=StatusFilter.OPEN) == sorted(
        [k["open_verlopen"], k["open"]]
    )
    assert _lijst(werk, op, status=StatusFilter.OPEN) == sorted(
        [k["open_verlopen"], k["open"], k["volgend_jaar"]]
    )
    assert _lijst(werk, op, status=StatusFilter.GESLOTEN) == sorted(
        [k["gesloten_op_tijd"], k["gesloten_te_laat"], k["ingetrokken"]]
    )
    assert _lijst(werk, op, jaar=2023, limiet=2) == sorted(k.values())[:2]
    assert _lijst(werk, op, jaar=2022) == []


def test_te_laat_is_open_na_de_uiterste_datum_of_te_laat_gesloten(
    werk: Werk, register_voor_lijst: dict[str, str]
) -> None:
    k = register_voor_lijst
    # On its last day the complaint is not yet late; the day after it is.
    assert _lijst(werk, date(2023, 2, 21), jaar=2023, status=StatusFilter.TE_LAAT) == [
        k["gesloten_te_laat"]
    ]
    assert _lijst(werk, date(2023, 2, 22), jaar=2023, status=StatusFilter.TE_LAAT) == sorted(
        [k["open_verlopen"], k["gesloten_te_laat"]]
    )
    # Later the other open complaint is late too; closed on time and withdrawn never are.
    assert _lijst(werk, date(2023, 7, 14), jaar=2023, status=StatusFilter.TE_LAAT) == sorted(
        [k["open_verlopen"], k["open"], k["gesloten_te_laat"]]
    )

    # The te_laat field of each row agrees with the filter.
    with werk(schrijven=False, op=date(2023, 2, 22)) as w:
        regels = {k.kenmerk: diensten.lijstregel(k, w.vandaag) for k in diensten.lijst(w)}
    assert {n for n, r in regels.items() if r["te_laat"]} == {
        k["open_verlopen"],
        k["gesloten_te_laat"],
    }


def test_tel_telt_wat_lijst_toont_en_een_pagina_is_het_begin_ervan(
    werk: Werk, register_voor_lijst: dict[str, str]
) -> None:
    with werk(schrijven=False, op=date(2023, 7, 14)) as w:
        for jaar in (None, 2023, 2024, 2022):
            for status in (None, *StatusFilter):
                alle = [r.kenmerk for r in diensten.lijst(w, jaar=jaar, status=status)]
                assert diensten.tel(w, jaar=jaar, status=status) == len(alle), (jaar, status)
                pagina = diensten.lijst(w, jaar=jaar, status=status, limiet=2)
                assert [r.kenmerk for r in pagina] == alle[:2], (jaar, status)


def test_termijnen_melding_9_8_precies_op_de_grenzen(werk: Werk) -> None:
    ontvangen = date(2024, 2, 29)
    # A year before 29-02-2024 is 28-02-2023: a gedraging before that is too old (9:8 lid 1b).
    te_oud = registreer(werk, ontvangen=ontvangen, gedraging=date(2023, 2, 27))
    registreer(werk, ontvangen=ontvangen, gedraging=date(2023, 2, 28))
    registreer(werk, ontvangen=ontvangen, gedraging=date(2023, 3, 1))
    registreer(werk, ontvangen=ontvangen)  # gedraging unknown
    uiterlijk = termijn_9_8(ontvangen)
    op = uiterlijk - timedelta(days=14)

    def meldingen(binnen: int) -> list[tuple[str, date, int]]:
        with werk(schrijven=False, op=op) as w:
            return [
                (t.kenmerk, t.uiterlijk, t.dagen)
                for t in diensten.termijnen(w, binnen=binnen)
                if t.soort == "melding-9:8"
            ]

    assert meldingen(14) == [(te_oud, uiterlijk, 14)]
    assert meldingen(13) == []


def test_termijnen_toont_wat_binnen_n_dagen_afloopt_en_wat_al_verlopen_is(werk: Werk) -> None:
    verlopen = registreer(werk, ontvangen=date(2023, 5, 1))  # uiterlijk 12-06-2023
    binnenkort = registreer(werk, ontvangen=date(2023, 6, 1))  # uiterlijk 13-07-2023
    # Gedraging more than a year old: the 9:8 notice is due 18-07-2023, afhandeling 01-08-2023.
    oud = registreer(werk, ontvangen=date(2023, 6, 20), gedraging=date(2022, 1, 15))
    registreer(werk, ontvangen=date(2023, 6, 28))  # uiterlijk 09-08-2023
    gesloten = registreer(werk, ontvangen=date(2023, 5, 2), kanaal=Kanaal.TELEFOON)
    sluit_informeel(werk, gesloten, date(2023, 5, 3))

    def termijnen(binnen: int) -> list[tuple[str, str, date, int]]:
        with werk(schrijven=False, op=date(2023, 6, 30)) as w:
            return [
                (t.kenmerk, t.soort, t.uiterlijk, t.dagen)
                for t in diensten.termijnen(w, binnen=binnen)
            ]

    assert termijnen(0) == [(verlopen, "afhandeling", date(2023, 6, 12), -18)]
    assert termijnen(12) == termijnen(0)
    assert termijnen(13) == [
        (verlopen, "afhandeling", date(2023, 6, 12), -18),
        (binnenkort, "afhandeling", date(2023, 7, 13), 13),
    ]
    assert termijnen(18) == [
        *termijnen(13),
        (oud, "melding-9:8", date(2023, 7, 18), 18),
    ]
    assert termijnen(35) == [
        *termijnen(18),
        (oud, "afhandeling", date(2023, 8, 1), 32),
    ]

    with werk(schrijven=False, op=date(2023, 6, 30)) as w:
        als_dict = [t.als_dict() for t in diensten.termijnen(w, binnen=13)]
    assert [(d["kenmerk"], d["verlopen"]) for d in als_dict] == [
        (verlopen, True),
        (binnenkort, False),
    ]


def test_termijnen_noemt_de_verdaagde_termijn(werk: Werk) -> None:
    kenmerk = registreer(werk, ontvangen=date(2023, 6, 1))
    with werk(op=date(2023, 6, 30)) as w:
        diensten.verdaag(w, kenmerk, weken=2, reden="advies nodig", datum=None, instemming=None)
    with werk(schrijven=False, op=date(2023, 6, 30)) as w:
        assert diensten.termijnen(w, binnen=13) == []
        (t,) = diensten.termijnen(w, binnen=27)
    assert (t.uiterlijk, t.dagen) == (date(2023, 7, 27), 27)
    assert "na verdaging" in t.omschrijving


def test_toon_laat_de_klagergegevens_alleen_op_verzoek_zien(werk: Werk) -> None:
    met = registreer(werk, klager_naam=KLAGER_NAAM, klager_contact=KLAGER_CONTACT)
    zonder = registreer(werk)

    with werk(schrijven=False, op=date(2023, 3, 20)) as w:
        gewoon = diensten.toon(w, met)
        volledig = diensten.toon(w, met, met_klager=True)
        anoniem = diensten.toon(w, zonder, met_klager=True)

    assert "klager" not in gewoon
    assert "Bouzid" not in json.dumps(gewoon, default=str)
    assert "voorbeeld.nl" not in json.dumps(gewoon, default=str)
    assert volledig["klager"] == {
        "naam": KLAGER_NAAM,
        "contact": KLAGER_CONTACT,
        "gepseudonimiseerd": None,
    }
    assert anoniem["klager"] is None
    assert volledig["kenmerk"] == met
    assert volledig["termijnen"]["afhandeling"] == "2023-04-25"


def test_toon_van_een_onbekend_kenmerk_zegt_welke_klacht_ontbreekt(werk: Werk) -> None:
    with pytest.raises(Exception, match="K-2023-0007") as fout, werk(schrijven=False) as w:
        diensten.toon(w, "k-2023-7")
    assert getattr(fout.value, "exit_code", None) == 2


# -- retention -------------------------------------------------------------------


def test_opschonen_pseudonimiseert_alleen_klachten_na_hun_bewaartermijn(werk: Werk) -> None:
    def klacht_met_klager(ontvangen: date, naam: str) -> str:
        return registreer(
            werk,
            ontvangen=ontvangen,
            kanaal=Kanaal.TELEFOON,
            klager_naam=naam,
            klager_contact=f"{naam.lower()}@voorbeeld.nl",
        )

    verlopen = klacht_met_klager(date(2023, 2, 20), "Anna")
    op_de_grens = klacht_met_klager(date(2023, 3, 20), "Bram")
    vijf_jaar = klacht_met_klager(date(2023, 2, 21), "Cor")
    nog_open = klacht_met_klager(date(2023, 2, 22), "Dina")
    zonder_klager = registreer(werk, ontvangen=date(2023, 1, 9), kanaal=Kanaal.TELEFOON)
    # Withdrawn: kept one year after the afhandeling (Selectielijst).
    for kenmerk, datum in (
        (verlopen, date(2023, 3, 1)),
        (op_de_grens, date(2023, 4, 1)),
        (zonder_klager, date(2023, 1, 10)),
    ):
        with werk(op=datum) as w:
            diensten.sluit(w, kenmerk, Afhandeling(Uitkomst.INGETROKKEN, datum, wijze="per brief"))
    sluit_informeel(werk, vijf_jaar, date(2023, 3, 10))

    vandaag = date(2024, 4, 1)
    with werk(schrijven=False, op=vandaag) as w:
        assert diensten.laad(w, verlopen).bewaren_tot == date(2024, 3, 1)
        assert diensten.laad(w, op_de_grens).bewaren_tot == vandaag
        assert diensten.laad(w, vijf_jaar).bewaren_tot == date(2028, 3, 10)
    audit_voor = auditaantal(werk)

    # Dry run: reports, changes nothing.
    with werk(schrijven=False, op=vandaag) as w:
        assert diensten.opschonen(w, uitvoeren=False) == [(verlopen, date(2024, 3, 1))]
    with werk(schrijven=False, op=vandaag) as w:
        assert diensten.laad(w, verlopen).klager.naam == "Anna"  # type: ignore[union-attr]
    assert auditaantal(werk) == audit_voor

    with werk(op=vandaag, door="functioneel beheer") as w:
        assert diensten.opschonen(w, uitvoeren=True) == [(verlopen, date(2024, 3, 1))]

    with werk(schrijven=False, op=vandaag) as w:
        klagers = {
            k.kenmerk: (k.klager.naam, k.klager.contact, k.klager.gepseudonimiseerd)
            for k in w.sessie.execute(select(Klacht).join(Klacht.klager)).scalars()
            if k.klager is not None
        }
        assert diensten.toon(w, verlopen, met_klager=True)["klager"] == {
            "naam": None,
            "contact": None,
            "gepseudonimiseerd": "2024-04-01",
        }
        laatste = geschiedenis(w.sessie, "klacht", verlopen)[-1]
        assert controleer_keten(w.sessie).in_orde
    assert klagers == {
        verlopen: (None, None, vandaag),
        op_de_grens: ("Bram", "bram@voorbeeld.nl", None),
        vijf_jaar: ("Cor", "cor@voorbeeld.nl", None),
        nog_open: ("Dina", "dina@voorbeeld.nl", None),
    }
    assert laatste.actie == "pseudonimiseer"
    assert laatste.door == "functioneel beheer"
    assert json.loads(laatste.na or "{}")["klagergegevens"] == "verwijderd"
    assert "Anna" not in (laatste.na or "")
    assert auditaantal(werk) == audit_voor + 1

    # A second run finds nothing left to do.
    with werk(op=vandaag) as w:
        assert diensten.opschonen(w, uitvoeren=True) == []
    assert auditaantal(werk) == audit_voor + 1
