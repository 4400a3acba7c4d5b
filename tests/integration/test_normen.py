"""Norm frameworks (kaders) against a real database (SQLite or PostgreSQL).

Each kader is loaded through ``normen.diensten.laad`` in its own unit of work,
as ``kwaliteit normen importeer`` does. A refused load must leave the database
exactly as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, func, select

from kwaliteit.audit import controleer_keten, geschiedenis
from kwaliteit.bewijs import diensten as bewijs
from kwaliteit.bewijs.dekking import dekking
from kwaliteit.bewijs.diensten import Versiegegevens
from kwaliteit.bewijs.modellen import Bewijssoort, Normkoppeling, Oordeel, Oordeelwaarde
from kwaliteit.bewijs.zelfevaluatie import beoordeel
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.kaderimport import importeer
from normen import diensten as normdiensten
from normen.fouten import OnbekendKader, OngeldigKader
from normen.kaderbestand import (
    WERKVERSIE_MARKERING,
    KaderData,
    kader_uit_tekst,
    lees_kader,
    meegeleverde_kaders,
)
from normen.modellen import Kaderversie, Norm, Normkader

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

# What the shipped files hold: (all entries, assessable norms, categories).
MEEGELEVERD = {
    "awb-h9": (20, 17, ["9.1.1", "9.1.2", "9.1.3"]),
    "sterk-sociaal-werk": (23, 20, ["1", "2", "3"]),
    "wmo2015-h3": (7, 6, ["H3"]),
}


# -- helpers -------------------------------------------------------------------------


def momentopname(werk: Werk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that a refused operation changed nothing."""
    with werk(schrijven=False) as w:
        meta = MetaData()
        verbinding = w.sessie.connection()
        meta.reflect(verbinding)
        return {
            t.name: sorted((tuple(r) for r in verbinding.execute(select(t))), key=repr)
            for t in meta.sorted_tables
        }


def keten_in_orde(werk: Werk) -> int:
    with werk(schrijven=False) as w:
        rapport = controleer_keten(w.sessie)
    assert rapport.in_orde, rapport.reden
    return rapport.aantal


def meegeleverd(code: str) -> KaderData:
    return lees_kader(meegeleverde_kaders()[code])


def laad(werk: Werk, kader: KaderData, op: date = date(2026, 11, 23)) -> normdiensten.Laadresultaat:
    with werk(op=op) as w:
        return normdiensten.laad(w, kader)


def nieuwe_awb_versie(versie: str = "2027-01-01", *, zonder: str | None = None) -> KaderData:
    """The shipped awb-h9 file as a later version would read: a new label and start date,
    optionally without one article."""
    pad = meegeleverde_kaders()["awb-h9"]
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace('versie: "2026-01-01"', f'versie: "{versie}"', 1)
    tekst = tekst.replace("geldig_van: 2026-01-01", f"geldig_van: {versie}", 1)
    if zonder is not None:
        begin = tekst.index(f'  - ref: "{zonder}"\n')
        einde = tekst.find("  - ref:", begin + 1)
        tekst = tekst[:begin] + (tekst[einde:] if einde >= 0 else "")
    return kader_uit_tekst(tekst, f"awb-h9-{versie}.yaml")


def proefkader(
    *,
    versie: str = "v1",
    geldig_van: str = "2024-01-01",
    geldig_tot: str = "null",
    schaal: str = "[voldoet, voldoet-niet]",
    normtekst: str = "De organisatie doet wat zij belooft.",
    code: str = "proef",
) -> KaderData:
    """A small kader of our own: one category and two norms."""
    tekst = f"""\
formaat: kwaliteit-kader/1
kader: {code}
naam: "Proefkader"
versie: "{versie}"
geldig_van: {geldig_van}
geldig_tot: {geldig_tot}
bron: "Eigen proeftekst"
licentie: "Eigen tekst"
werkversie: false
schaal: {schaal}
normen:
  - ref: "A"
    titel: "Afspraken"
    beoordeelbaar: false
  - ref: "A.1"
    ouder: "A"
    titel: "Afspraak is afspraak"
    normtekst: "{normtekst}"
  - ref: "A.2"
    ouder: "A"
    titel: "Terugbellen"
    normtekst: "Wie belooft terug te bellen, belt terug."
"""
    return kader_uit_tekst(tekst, f"{code}-{versie}.yaml")


def aantal(werk: Werk, model: Any) -> int:
    with werk(schrijven=False) as w:
        return int(w.sessie.execute(select(func.count()).select_from(model)).scalar_one())


# -- the shipped kaders ----------------------------------------------------------------


def test_het_programma_levert_drie_kaders_mee() -> None:
    assert set(meegeleverde_kaders()) == set(MEEGELEVERD)


@pytest.mark.parametrize("code", sorted(MEEGELEVERD))
def test_elk_meegeleverd_kader_laadt_met_alle_normen_en_hun_ouders(werk: Werk, code: str) -> None:
    kader = meegeleverd(code)
    alle, beoordeelbaar, categorieen = MEEGELEVERD[code]

    resultaat = laad(werk, kader)

    assert (resultaat.code, resultaat.versie, resultaat.nieuw) == (code, kader.versie, True)
    assert resultaat.normen == alle
    assert resultaat.vorige_versie is None
    with werk(schrijven=False) as w:
        v = normdiensten.versie(w, code)
        assert (v.versie, v.geldig_van, v.werkversie) == (
            kader.versie,
            kader.geldig_van,
            code == "sterk-sociaal-werk",
        )
        assert v.sha256 == kader.sha256()
        assert json.loads(v.schaal) == ["voldoet", "voldoet-deels", "voldoet-niet", "nvt"]
        assert normdiensten.aantal_normen(w, v) == (alle, beoordeelbaar)
        normen = normdiensten.normen(w, v)
        per_id = {n.id: n for n in normen}
        assert [n.ref for n in normen] == [n.ref for n in kader.normen]
        assert [n.ref for n in normen if not n.beoordeelbaar] == categorieen
        for opgeslagen, gelezen in zip(normen, kader.normen, strict=True):
            ouder = None if opgeslagen.ouder_id is None else per_id[opgeslagen.ouder_id]
            assert (ouder.ref if ouder else None) == gelezen.ouder, opgeslagen.ref
            assert opgeslagen.diepte == (1 if ouder is None else ouder.diepte + 1)
            assert opgeslagen.urn == f"urn:kwaliteit:{code}:{kader.versie}:{opgeslagen.ref}"
            if opgeslagen.beoordeelbaar:
                assert opgeslagen.normtekst, opgeslagen.ref
        # Every assessable norm of the shipped kaders sits under a category.
        assert all(
            n.ouder_id is not None and per_id[n.ouder_id].ref in categorieen
            for n in normen
            if n.beoordeelbaar
        )
        # Stored and read back, the kader is the same content.
        assert normdiensten.als_kaderdata(w, v).sha256() == kader.sha256()
        [gebeurtenis] = geschiedenis(w.sessie, "kader", f"{code}@{kader.versie}")
        assert gebeurtenis.actie == "laad"
        assert json.loads(gebeurtenis.na or "{}")["normen"] == alle
    keten_in_orde(werk)


def test_alle_meegeleverde_kaders_samen(werk: Werk) -> None:
    for code in sorted(MEEGELEVERD):
        laad(werk, meegeleverd(code))
    with werk(schrijven=False) as w:
        assert [k.code for k in normdiensten.kaders(w)] == sorted(MEEGELEVERD)
    assert aantal(werk, Norm) == sum(a for a, _, _ in MEEGELEVERD.values())
    assert keten_in_orde(werk) == 3


def test_de_werkversie_draagt_haar_markering(werk: Werk) -> None:
    kader = meegeleverd("sterk-sociaal-werk")
    assert kader.werkversie
    assert kader.toelichting is not None
    assert kader.toelichting.startswith(WERKVERSIE_MARKERING)
    laad(werk, kader)
    with werk(schrijven=False) as w:
        rapport = dekking(w, "sterk-sociaal-werk")
    assert rapport["werkversie"] is True
    assert rapport["markering"] == "werkversie — geen officiële normtekst"
    laad(werk, meegeleverd("awb-h9"))
    with werk(schrijven=False) as w:
        assert dekking(w, "awb-h9")["markering"] is None


# -- loading again -------------------------------------------------------------------


def test_dezelfde_inhoud_nogmaals_laden_verandert_niets(werk: Werk) -> None:
    laad(werk, meegeleverd("awb-h9"))
    voor = momentopname(werk)

    # Read from the file again: equal content, even if the file name differs.
    opnieuw = kader_uit_tekst(
        meegeleverde_kaders()["awb-h9"].read_text(encoding="utf-8"), "kopie/awb-h9.yaml"
    )
    resultaat = laad(werk, opnieuw, op=date(2026, 12, 1))

    assert (resultaat.nieuw, resultaat.normen, resultaat.vorige_versie) == (False, 20, None)
    assert momentopname(werk) == voor
    assert keten_in_orde(werk) == 1


def test_andere_inhoud_onder_hetzelfde_versielabel_wordt_geweigerd(werk: Werk) -> None:
    laad(werk, proefkader())
    voor = momentopname(werk)

    gewijzigd = proefkader(normtekst="De organisatie doet wat zij belooft, binnen een week.")
    assert gewijzigd.sha256() != proefkader().sha256()
    with pytest.raises(OngeldigKader, match="Versie 'v1' van proef is al geladen met een andere"):
        laad(werk, gewijzigd)

    assert momentopname(werk) == voor
    keten_in_orde(werk)


def test_een_gewijzigd_meegeleverd_kader_onder_hetzelfde_label_wordt_geweigerd(
    werk: Werk,
) -> None:
    laad(werk, meegeleverd("wmo2015-h3"))
    voor = momentopname(werk)
    tekst = meegeleverde_kaders()["wmo2015-h3"].read_text(encoding="utf-8")
    gewijzigd = kader_uit_tekst(
        tekst.replace('titel: "Meldcode huiselijk geweld', 'titel: "Meldcode Huiselijk geweld'),
        "wmo2015-h3.yaml",
    )
    with pytest.raises(OngeldigKader, match="geef de nieuwe tekst een eigen versie"):
        laad(werk, gewijzigd)
    assert momentopname(werk) == voor


# -- a new version ---------------------------------------------------------------------


def test_een_nieuwe_versie_komt_naast_de_oude_en_het_oude_oordeel_blijft(werk: Werk) -> None:
    laad(werk, meegeleverd("awb-h9"))
    with werk(op=date(2026, 6, 1)) as w:
        beoordeel(
            w,
            kader="awb-h9",
            ref="9:6",
            waarde=Oordeelwaarde.VOLDOET,
            toelichting="Elke schriftelijke klacht is binnen vijf werkdagen bevestigd.",
            ronde="2026",
        )

    nieuw = nieuwe_awb_versie("2027-01-01")
    resultaat = laad(werk, nieuw, op=date(2026, 12, 15))

    assert (resultaat.nieuw, resultaat.vorige_versie) == (True, "2026-01-01")
    with werk(schrijven=False) as w:
        [kader] = normdiensten.kaders(w)
        assert [v.versie for v in kader.versies] == ["2026-01-01", "2027-01-01"]
        # Each version has its own norms; the new one has no oordeel yet.
        oud = normdiensten.versie(w, "awb-h9", "2026-01-01")
        nieuwste = normdiensten.versie(w, "awb-h9", "2027-01-01")
        assert normdiensten.aantal_normen(w, oud) == normdiensten.aantal_normen(w, nieuwste)
        oordeel = w.sessie.execute(select(Oordeel)).scalar_one()
        assert oordeel.norm_id == normdiensten.norm(w, oud, "9:6").id
        assert (oordeel.waarde, oordeel.ronde, oordeel.datum) == (
            Oordeelwaarde.VOLDOET,
            "2026",
            date(2026, 6, 1),
        )
        # The version valid on a date is chosen; explicitly naming one always works.
        assert normdiensten.versie(w, "awb-h9", op=date(2026, 6, 1)).versie == "2026-01-01"
        assert normdiensten.versie(w, "awb-h9", op=date(2026, 12, 31)).versie == "2026-01-01"
        assert normdiensten.versie(w, "awb-h9", op=date(2027, 1, 1)).versie == "2027-01-01"
        assert normdiensten.versie(w, "awb-h9", op=date(2030, 1, 1)).versie == "2027-01-01"
        # Before any version was valid: the newest loaded.
        assert normdiensten.versie(w, "awb-h9", op=date(2020, 1, 1)).versie == "2027-01-01"

        oud_rapport = dekking(w, "awb-h9", peildatum=date(2026, 12, 1), ronde="2026")
        nieuw_rapport = dekking(w, "awb-h9", peildatum=date(2027, 2, 1), ronde="2026")
    assert oud_rapport["versie"] == "2026-01-01"
    [regel] = [r for r in oud_rapport["per_norm"] if r["ref"] == "9:6"]
    assert regel["oordeel"]["waarde"] == "voldoet"
    assert oud_rapport["per_oordeel"]["voldoet"] == 1
    assert nieuw_rapport["versie"] == "2027-01-01"
    assert nieuw_rapport["per_oordeel"]["voldoet"] == 0
    assert nieuw_rapport["per_oordeel"]["geen"] == 17
    assert keten_in_orde(werk) == 3


def test_een_versie_met_einddatum_wijkt_voor_de_opvolger(werk: Werk) -> None:
    laad(werk, proefkader(versie="v1", geldig_van="2024-01-01", geldig_tot="2024-12-31"))
    laad(werk, proefkader(versie="v2", geldig_van="2025-01-01"))
    with werk(schrijven=False) as w:
        assert normdiensten.versie(w, "proef", op=date(2024, 12, 31)).versie == "v1"
        assert normdiensten.versie(w, "proef", op=date(2025, 1, 1)).versie == "v2"
        assert normdiensten.versie(w, "proef", op=date(2023, 6, 1)).versie == "v2"


def test_een_onbekend_kader_of_onbekende_versie_of_norm_wordt_genoemd(werk: Werk) -> None:
    with werk(schrijven=False) as w, pytest.raises(OnbekendKader, match="nog geen kader geladen"):
        normdiensten.versie(w, "awb-h9")
    laad(werk, proefkader())
    with werk(schrijven=False) as w:
        with pytest.raises(OnbekendKader, match="geladen zijn: proef"):
            normdiensten.versie(w, "awb-h9")
        with pytest.raises(OnbekendKader, match="geen versie 'v9'; geladen: v1"):
            normdiensten.versie(w, "proef", "v9")
        v = normdiensten.versie(w, "proef")
        with pytest.raises(OnbekendKader, match=r"geen norm 'B\.1'"):
            normdiensten.norm(w, v, "B.1")
        assert normdiensten.norm(w, v, " A.1 ").titel == "Afspraak is afspraak"


def test_koppelingen_gaan_mee_naar_de_nieuwe_versie_waar_de_norm_nog_bestaat(
    werk: Werk,
) -> None:
    laad(werk, meegeleverd("awb-h9"))
    with werk(op=date(2026, 3, 1)) as w:
        stuk = bewijs.registreer(
            w,
            titel="Klachtenregeling 2026",
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=date(2026, 1, 1)),
        )
        for ref in ("9:1", "9:16"):
            bewijs.koppel(w, stuk.kenmerk, kader="awb-h9", ref=ref, toelichting=f"Regeling, {ref}")
    # The new version no longer has article 9:16.
    nieuw = nieuwe_awb_versie("2027-01-01", zonder="9:16")
    laad(werk, nieuw, op=date(2026, 12, 15))

    with werk(op=date(2026, 12, 15)) as w:
        oud = normdiensten.versie(w, "awb-h9", "2026-01-01")
        nieuwste = normdiensten.versie(w, "awb-h9", "2027-01-01")
        assert bewijs.neem_koppelingen_over(w, oud, nieuwste) == 1

    with werk(schrijven=False) as w:
        rijen = w.sessie.execute(
            select(Kaderversie.versie, Norm.ref, Normkoppeling.toelichting)
            .join(Norm, Norm.id == Normkoppeling.norm_id)
            .join(Kaderversie, Kaderversie.id == Norm.versie_id)
            .order_by(Kaderversie.versie, Norm.volgorde)
        ).all()
        assert [tuple(r) for r in rijen] == [
            ("2026-01-01", "9:1", "Regeling, 9:1"),
            ("2026-01-01", "9:16", "Regeling, 9:16"),
            ("2027-01-01", "9:1", "Regeling, 9:1"),
        ]
        rapport = dekking(w, "awb-h9", peildatum=date(2027, 2, 1))
    [regel] = [r for r in rapport["per_norm"] if r["ref"] == "9:1"]
    assert regel["gedekt"]
    assert [b["kenmerk"] for b in regel["bewijs"]] == ["B-0001"]
    keten_in_orde(werk)


def test_koppelingen_tweemaal_overnemen_verdubbelt_niets(werk: Werk) -> None:
    laad(werk, proefkader(versie="v1"))
    laad(werk, proefkader(versie="v2", geldig_van="2025-01-01"))
    with werk(op=date(2024, 6, 1)) as w:
        stuk = bewijs.registreer(
            w,
            titel="Werkafspraken",
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=date(2024, 1, 1)),
        )
        bewijs.koppel(
            w, stuk.kenmerk, kader="proef", ref="A.1", toelichting="Afspraken", versie="v1"
        )
    overgenomen = []
    for _ in range(2):
        with werk(op=date(2025, 1, 2)) as w:
            oud = normdiensten.versie(w, "proef", "v1")
            nieuwste = normdiensten.versie(w, "proef", "v2")
            overgenomen.append(bewijs.neem_koppelingen_over(w, oud, nieuwste))
    assert overgenomen == [1, 0]
    assert aantal(werk, Normkoppeling) == 2
    # The copied link is in the audit trail like any other link.
    with werk(schrijven=False) as w:
        gebeurtenissen = geschiedenis(w.sessie, "bewijs", "B-0001")
    assert [g.actie for g in gebeurtenissen] == ["registreer", "koppel", "koppel"]
    assert json.loads(gebeurtenissen[-1].na or "{}") == {
        "kader": "proef",
        "versie": "v2",
        "norm": "A.1",
        "toelichting": "Afspraken",
        "overgenomen_van": "v1",
    }
    keten_in_orde(werk)


def test_een_kader_met_de_langste_toegestane_code_en_versie_laadt(werk: Werk) -> None:
    code = "k" + "-lang" * 11 + "-kad"  # 60 characters, the most the format allows
    versie = "v" * 60
    assert (len(code), len(versie)) == (60, 60)
    kader = proefkader(code=code, versie=versie)
    laad(werk, kader)
    with werk(op=date(2024, 6, 1)) as w:
        beoordeel(
            w,
            kader=code,
            ref="A.1",
            waarde=Oordeelwaarde.VOLDOET,
            toelichting="Afspraken worden nagekomen.",
            ronde="zelfevaluatie-2024-eerste-helft",
        )
    assert aantal(werk, Normkader) == 1
    keten_in_orde(werk)


# -- the services behind 'normen importeer' and 'normen exporteer' -------------------


def test_importeren_meldt_eerst_wat_het_lezen_opmerkt_en_neemt_de_koppelingen_over(
    werk: Werk, tmp_path: Path
) -> None:
    laad(werk, meegeleverd("awb-h9"))
    with werk(op=date(2026, 3, 1)) as w:
        stuk = bewijs.registreer(
            w,
            titel="Klachtenregeling 2026",
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=date(2026, 1, 1)),
        )
        bewijs.koppel(w, stuk.kenmerk, kader="awb-h9", ref="9:1", toelichting="Regeling")
    pad = tmp_path / "awb-h9-2027.csv"
    pad.write_text(
        "code;titel;normtekst;score\n9:1;Begrip klacht;Een klacht is ...;3\n", encoding="utf-8"
    )
    opties = normdiensten.Spreadsheetopties(
        kader="awb-h9", naam="Awb", versie="2027", geldig_van="01-01-2027"
    )
    # The notes of reading come once the file is read, before any norm is stored.
    gebeurd: list[tuple[Any, ...]] = []
    with werk(op=date(2026, 12, 15)) as w:
        r = importeer(
            w,
            str(pad),
            opties,
            melding=lambda tekst: gebeurd.append(("melding", tekst)),
            voortgang=lambda gedaan, totaal: gebeurd.append(("voortgang", gedaan, totaal)),
        )
    genegeerd = (
        f"{pad}: kolom(men) genegeerd: score (gebruikt worden: code, categorie, titel, "
        "normtekst, toelichting, typisch_bewijs, tags)"
    )
    assert gebeurd == [("voortgang", 0, None), ("melding", genegeerd), ("voortgang", 1, 1)]
    assert (r.geladen.code, r.geladen.versie, r.geladen.vorige_versie) == (
        "awb-h9",
        "2027",
        "2026-01-01",
    )
    assert (r.kader.werkversie, r.overgenomen) == (True, 1)
    keten_in_orde(werk)


def test_importeren_zonder_koppelingen_en_nogmaals_verandert_niets(werk: Werk) -> None:
    with werk() as w:
        assert importeer(w, "awb-h9").geladen.nieuw
    with werk() as w:
        opnieuw = importeer(w, "awb-h9", koppelingen_overnemen=False)
    assert (opnieuw.geladen.nieuw, opnieuw.overgenomen) == (False, None)


@pytest.mark.parametrize(
    ("bron", "opties", "melding"),
    [
        ("awb-h9", normdiensten.Spreadsheetopties(blad="x"), "--blad hoort bij een spreadsheet"),
        ("onbekend", None, "'onbekend' is ook geen meegeleverd kader"),
        ("{tmp}", None, "is een map, geen bestand"),
    ],
)
def test_lezen_weigert_wat_geen_kader_is(
    tmp_path: Path, bron: str, opties: normdiensten.Spreadsheetopties | None, melding: str
) -> None:
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        normdiensten.lees(bron.format(tmp=tmp_path), opties)


def test_exporteren_meldt_een_werkversie_en_schrijft_csv_zoals_excel_het_leest(
    werk: Werk, tmp_path: Path
) -> None:
    laad(werk, meegeleverd("sterk-sociaal-werk"))
    uit = tmp_path / "ssw.csv"
    meldingen: list[str] = []
    with werk(schrijven=False) as w:
        export = normdiensten.exporteer(
            w, "sterk-sociaal-werk", formaat="csv", uit=uit, melding=meldingen.append
        )
        scherm = normdiensten.exporteer(w, "sterk-sociaal-werk", formaat="csv")
    assert meldingen[0] == f"sterk-sociaal-werk versie werkversie-2026: {WERKVERSIE_MARKERING}."
    assert uit.read_bytes() == b"\xef\xbb\xbf" + export.tekst.encode("utf-8")
    assert export.tekst.replace("\r\n", "\n") == scherm.tekst
    with werk(schrijven=False) as w, pytest.raises(InvoerFout, match="'pdf' is niet toegestaan"):
        normdiensten.exporteer(w, "sterk-sociaal-werk", formaat="pdf")
