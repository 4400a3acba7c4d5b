"""Evidence, coverage, self-assessment and the register as live evidence, against a
real database (SQLite or PostgreSQL).

Every test makes its own data through the services (``kwaliteit.bewijs``,
``klachten.diensten``, ``normen.diensten``), one unit of work per user action.
A refused operation must leave the database exactly as it was, and the audit
chain must still verify afterwards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, func, select

from klachten import diensten as klachtdiensten
from klachten.fouten import OnbekendeKlacht
from klachten.invoer import NieuweKlacht
from klachten.procedure import Afhandeling
from klachten.waarden import BeklaagdeSoort, Kanaal, Uitkomst
from kwaliteit.audit import AuditGebeurtenis, controleer_keten, geschiedenis
from kwaliteit.bewijs import diensten as bewijs
from kwaliteit.bewijs.dekking import dekking
from kwaliteit.bewijs.diensten import Versiegegevens
from kwaliteit.bewijs.modellen import (
    ActieKlacht,
    Actiestatus,
    Bestand,
    Bevindingsoort,
    Bewijssoort,
    Oordeelwaarde,
)
from kwaliteit.bewijs.register import registerbewijs
from kwaliteit.bewijs.zelfevaluatie import (
    actie_dict,
    beoordeel,
    laad_actie,
    registreer_actie,
    registreer_bevinding,
    wijzig_actie,
)
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout, NietGevonden
from normen import diensten as normdiensten
from normen.fouten import OnbekendKader
from normen.kaderbestand import kader_uit_tekst, lees_kader, meegeleverde_kaders

Werk = Callable[..., AbstractContextManager[Werkeenheid]]

PEILDATUM = date(2026, 11, 23)  # the default 'today' of the werk fixture


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


def laad_kader(werk: Werk, code: str) -> None:
    with werk(op=date(2026, 1, 2)) as w:
        normdiensten.laad(w, lees_kader(meegeleverde_kaders()[code]))


def registreer_bewijs(
    werk: Werk,
    titel: str,
    *,
    van: date = date(2026, 1, 1),
    tot: date | None = None,
    bestand: Path | None = None,
    op: date = date(2026, 2, 1),
    koppel: tuple[str, ...] = (),
    kader: str = "awb-h9",
) -> str:
    with werk(op=op) as w:
        b = bewijs.registreer(
            w,
            titel=titel,
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=van, geldig_tot=tot, bestand=bestand),
            eigenaar="kwaliteitsfunctionaris",
        )
        for ref in koppel:
            bewijs.koppel(w, b.kenmerk, kader=kader, ref=ref, toelichting=f"{titel} toont {ref}")
        return b.kenmerk


def rapport(werk: Werk, kader: str, peildatum: date, **kwargs: Any) -> dict[str, Any]:
    with werk(schrijven=False, op=PEILDATUM) as w:
        return dekking(w, kader, peildatum=peildatum, **kwargs)


def regel(r: dict[str, Any], ref: str) -> dict[str, Any]:
    gevonden: list[dict[str, Any]] = [x for x in r["per_norm"] if x["ref"] == ref]
    [regel] = gevonden
    return regel


def bestand(tmp_path: Path, naam: str, inhoud: bytes) -> Path:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    return pad


def klacht(werk: Werk, ontvangen: date, kanaal: Kanaal, omschrijving: str = "Klacht") -> str:
    n = NieuweKlacht(
        ontvangen=ontvangen,
        kanaal=kanaal,
        omschrijving=omschrijving,
        beklaagde="consulent wijkteam",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
    )
    with werk(op=ontvangen) as w:
        return klachtdiensten.registreer(w, n).kenmerk


def bevestig(werk: Werk, kenmerk: str, datum: date) -> None:
    with werk(op=datum) as w:
        klachtdiensten.bevestig(w, kenmerk, datum)


def sluit(werk: Werk, kenmerk: str, afhandeling: Afhandeling) -> None:
    with werk(op=afhandeling.datum) as w:
        klachtdiensten.sluit(w, kenmerk, afhandeling)


def informeel(datum: date) -> Afhandeling:
    return Afhandeling(Uitkomst.INFORMEEL_OPGELOST, datum, tevredenheid="telefonisch bevestigd")


def klachtenjaar(werk: Werk) -> dict[str, str]:
    """Six complaints around the peildatum, each handled through the services.

    ======  ============  ==========  ===========  ====================  ===========
    naam    kanaal        ontvangen   bevestigd    afgehandeld           op tijd
    ======  ============  ==========  ===========  ====================  ===========
    oud     e-mail        01-06-2025  02-06-2025   10-06-2025 informeel  ja
    formeel e-mail        02-03-2026  04-03-2026   01-04-2026 gegrond    ja
    laat    brief         10-03-2026  —            20-05-2026 informeel  nee (21-04)
    balie   telefoon      01-04-2026  (mondeling)  03-04-2026 informeel  ja
    ingetr. e-mail        04-05-2026  —            06-05-2026 ingetrokken  (niet getoetst)
    open    webformulier  01-09-2026  02-09-2026   —
    ======  ============  ==========  ===========  ====================  ===========
    """
    k: dict[str, str] = {}
    k["oud"] = klacht(werk, date(2025, 6, 1), Kanaal.EMAIL)
    bevestig(werk, k["oud"], date(2025, 6, 2))
    sluit(werk, k["oud"], informeel(date(2025, 6, 10)))

    k["formeel"] = klacht(werk, date(2026, 3, 2), Kanaal.EMAIL, "Niet teruggebeld")
    bevestig(werk, k["formeel"], date(2026, 3, 4))
    with werk(op=date(2026, 3, 5)) as w:
        klachtdiensten.stuur_afschrift(w, k["formeel"], date(2026, 3, 5))
        klachtdiensten.wijs_toe(w, k["formeel"], "A. Jansen")
    k["laat"] = klacht(werk, date(2026, 3, 10), Kanaal.BRIEF, "Afspraak twee keer verzet")
    with werk(op=date(2026, 3, 20)) as w:
        klachtdiensten.hoor(w, k["formeel"], date(2026, 3, 20), "Klager en beklaagde gehoord.")
    k["balie"] = klacht(werk, date(2026, 4, 1), Kanaal.TELEFOON, "Lang wachten aan de balie")
    sluit(
        werk,
        k["formeel"],
        Afhandeling(
            Uitkomst.GEGROND,
            date(2026, 4, 1),
            bevindingen="De terugbelafspraak is niet nagekomen.",
            conclusies="Gegrond; excuses aangeboden.",
        ),
    )
    sluit(werk, k["balie"], informeel(date(2026, 4, 3)))
    k["ingetrokken"] = klacht(werk, date(2026, 5, 4), Kanaal.EMAIL, "Brief niet ontvangen")
    sluit(
        werk,
        k["ingetrokken"],
        Afhandeling(Uitkomst.INGETROKKEN, date(2026, 5, 6), wijze="telefonisch"),
    )
    sluit(werk, k["laat"], informeel(date(2026, 5, 20)))
    k["open"] = klacht(werk, date(2026, 9, 1), Kanaal.WEBFORMULIER, "Geen reactie op formulier")
    bevestig(werk, k["open"], date(2026, 9, 2))
    return k


# -- registering evidence and its files ------------------------------------------------


def test_bewijsstukken_krijgen_opeenvolgende_kenmerken_en_een_eerste_versie(werk: Werk) -> None:
    eerste = registreer_bewijs(werk, "Klachtenregeling 2026")
    tweede = registreer_bewijs(werk, "Modelbrief ontvangstbevestiging", tot=date(2026, 12, 31))
    assert (eerste, tweede) == ("B-0001", "B-0002")
    with werk(schrijven=False) as w:
        b = bewijs.laad(w, " b-0002 ")
        assert (b.titel, b.soort, b.eigenaar) == (
            "Modelbrief ontvangstbevestiging",
            Bewijssoort.DOCUMENT,
            "kwaliteitsfunctionaris",
        )
        [v] = b.versies
        assert (v.versie, v.ingangsdatum, v.geldig_tot, v.sha256) == (
            1,
            date(2026, 1, 1),
            date(2026, 12, 31),
            None,
        )
        assert [x.kenmerk for x in bewijs.lijst(w)] == ["B-0001", "B-0002"]
        assert [g.actie for g in geschiedenis(w.sessie, "bewijs", "B-0002")] == ["registreer"]
    assert keten_in_orde(werk) == 2


def test_een_bestand_wordt_eenmaal_per_inhoud_bewaard_en_komt_ongeschonden_terug(
    werk: Werk, tmp_path: Path
) -> None:
    inhoud = b"%PDF-1.7\n\x00\xff\xfe klachtenregeling \xe9\n" * 100
    sha = hashlib.sha256(inhoud).hexdigest()
    regeling = bestand(tmp_path, "klachtenregeling.pdf", inhoud)
    kopie = bestand(tmp_path, "kopie van regeling.pdf", inhoud)
    anders = bestand(tmp_path, "regeling-2027.pdf", inhoud + b"gewijzigd")

    eerste = registreer_bewijs(werk, "Klachtenregeling", bestand=regeling)
    tweede = registreer_bewijs(werk, "Klachtenregeling (publieksversie)", bestand=kopie)
    with werk(op=date(2026, 11, 1)) as w:
        v2 = bewijs.nieuwe_versie(
            w, eerste, Versiegegevens(ingangsdatum=date(2027, 1, 1), bestand=anders)
        )
        assert v2.versie == 2

    with werk(schrijven=False) as w:
        bestanden = w.sessie.execute(select(Bestand.sha256, Bestand.grootte)).all()
        assert sorted(tuple(r) for r in bestanden) == sorted(
            [
                (sha, len(inhoud)),
                (hashlib.sha256(inhoud + b"gewijzigd").hexdigest(), len(inhoud) + 9),
            ]
        )
        b1, b2 = bewijs.laad(w, eerste), bewijs.laad(w, tweede)
        assert b1.versies[0].sha256 == b2.versies[0].sha256 == sha
        assert (b1.versies[0].bestandsnaam, b2.versies[0].bestandsnaam) == (
            "klachtenregeling.pdf",
            "kopie van regeling.pdf",
        )

    uit = tmp_path / "uit"
    uit.mkdir()
    with werk(schrijven=False) as w:
        pad1 = bewijs.haal_bestand(w, eerste, 1, uit)
        pad2 = bewijs.haal_bestand(w, tweede, None, uit / "tweede.pdf")
        nieuwste = bewijs.haal_bestand(w, eerste, None, uit / "nieuwste.pdf")
    assert pad1 == uit / "klachtenregeling.pdf"
    assert pad1.read_bytes() == inhoud
    assert pad2.read_bytes() == inhoud
    assert nieuwste.read_bytes() == inhoud + b"gewijzigd"
    assert sorted(p.name for p in uit.iterdir()) == [
        "klachtenregeling.pdf",
        "nieuwste.pdf",
        "tweede.pdf",
    ]
    keten_in_orde(werk)


def test_hetzelfde_bestand_tweemaal_in_een_werkeenheid_wordt_eenmaal_bewaard(
    werk: Werk, tmp_path: Path
) -> None:
    pad = bestand(tmp_path, "meldcode.pdf", b"meldcode huiselijk geweld")
    with werk(op=date(2026, 2, 1)) as w:
        for titel in ("Meldcode", "Meldcode (bijlage scholingsplan)"):
            bewijs.registreer(
                w,
                titel=titel,
                soort=Bewijssoort.DOCUMENT,
                versie=Versiegegevens(ingangsdatum=date(2026, 1, 1), bestand=pad),
            )
    with werk(schrijven=False) as w:
        assert w.sessie.execute(select(func.count()).select_from(Bestand)).scalar_one() == 1


def test_een_nieuwe_versie_laat_de_eerdere_staan(werk: Werk) -> None:
    kenmerk = registreer_bewijs(werk, "Scholingsoverzicht meldcode", tot=date(2026, 6, 30))
    with werk(op=date(2026, 7, 1)) as w:
        bewijs.nieuwe_versie(
            w,
            kenmerk,
            Versiegegevens(ingangsdatum=date(2026, 7, 1), toelichting="  Tweede helft 2026  "),
        )
    with werk(schrijven=False) as w:
        b = bewijs.laad(w, kenmerk)
        assert [(v.versie, v.ingangsdatum, v.geldig_tot, v.toelichting) for v in b.versies] == [
            (1, date(2026, 1, 1), date(2026, 6, 30), None),
            (2, date(2026, 7, 1), None, "Tweede helft 2026"),
        ]
        assert [g.actie for g in geschiedenis(w.sessie, "bewijs", kenmerk)] == [
            "registreer",
            "versie",
        ]
        assert bewijs.toon(w, kenmerk, peildatum=date(2026, 6, 30))["geldig_op_peildatum"]
    keten_in_orde(werk)


def test_bewijs_dat_pas_later_ingaat_wordt_gemeld(werk: Werk) -> None:
    meldingen: list[str] = []
    with werk(op=date(2026, 2, 1)) as w:
        b = bewijs.registreer(
            w,
            titel="  Klachtenregeling 2026  ",
            soort=Bewijssoort.DOCUMENT,
            versie=Versiegegevens(ingangsdatum=date(2026, 2, 1)),
            eigenaar="  " + "e" * 200 + "  ",
            melding=meldingen.append,
        )
        bewijs.nieuwe_versie(
            w, b.kenmerk, Versiegegevens(ingangsdatum=date(2026, 3, 1)), melding=meldingen.append
        )
    assert meldingen == [
        "de ingangsdatum 01-03-2026 ligt in de toekomst; "
        "het bewijs dekt pas vanaf die datum een norm."
    ]
    with werk(schrijven=False) as w:
        assert [r["eigenaar"] for r in bewijs.lijstregels(w)] == ["e" * 200]
        assert bewijs.toon(w, b.kenmerk, peildatum=date(2026, 2, 15))["geldige_versie"] == 1
        assert bewijs.toon(w, b.kenmerk, peildatum=date(2026, 3, 1))["geldige_versie"] == 2
        assert bewijs.toon(w, b.kenmerk, peildatum=date(2026, 1, 31))["geldige_versie"] is None


def _registreer(w: Werkeenheid, **velden: Any) -> None:
    basis: dict[str, Any] = {
        "titel": "Klachtenregeling",
        "soort": Bewijssoort.DOCUMENT,
        "versie": Versiegegevens(ingangsdatum=date(2026, 1, 1)),
    }
    bewijs.registreer(w, **{**basis, **velden})


WEIGERINGEN: dict[str, tuple[Callable[[Werkeenheid, Path], Any], type[Exception], str]] = {
    "lege titel": (
        lambda w, _: _registreer(w, titel="   "),
        InvoerFout,
        "titel is verplicht",
    ),
    "te lange titel": (
        lambda w, _: _registreer(w, titel="x" * 301),
        InvoerFout,
        "ten hoogste 300",
    ),
    "te lange eigenaar": (
        lambda w, _: _registreer(w, eigenaar="e" * 201),
        InvoerFout,
        "eigenaar is 201 tekens; ten hoogste 200 is toegestaan",
    ),
    "lijst per norm zonder kader": (
        lambda w, _: bewijs.lijst(w, ref="9:1"),
        InvoerFout,
        "Geef bij --norm ook --kader",
    ),
    "einde voor begin": (
        lambda w, _: _registreer(
            w, versie=Versiegegevens(date(2026, 3, 1), geldig_tot=date(2026, 2, 28))
        ),
        InvoerFout,
        r"geldig-tot \(28-02-2026\) ligt voor de ingangsdatum \(01-03-2026\)",
    ),
    "bestand ontbreekt": (
        lambda w, tmp: _registreer(
            w, versie=Versiegegevens(date(2026, 1, 1), bestand=tmp / "bestaat-niet.pdf")
        ),
        InvoerFout,
        "bestaat niet of is geen gewoon bestand",
    ),
    "map in plaats van bestand": (
        lambda w, tmp: _registreer(w, versie=Versiegegevens(date(2026, 1, 1), bestand=tmp)),
        InvoerFout,
        "geen gewoon bestand",
    ),
    "nieuwe versie van onbekend stuk": (
        lambda w, _: bewijs.nieuwe_versie(w, "B-0099", Versiegegevens(date(2026, 1, 1))),
        NietGevonden,
        "geen bewijsstuk met kenmerk 'B-0099'",
    ),
    "nieuwe versie eindigt voor begin": (
        lambda w, _: bewijs.nieuwe_versie(
            w, "B-0001", Versiegegevens(date(2026, 5, 1), geldig_tot=date(2026, 4, 1))
        ),
        InvoerFout,
        "ligt voor de ingangsdatum",
    ),
    "koppel aan onbekende norm": (
        lambda w, _: bewijs.koppel(w, "B-0001", kader="awb-h9", ref="9:99", toelichting="x"),
        OnbekendKader,
        "geen norm '9:99'",
    ),
    "koppel aan ongeladen kader": (
        lambda w, _: bewijs.koppel(w, "B-0001", kader="wmo2015-h3", ref="3.2", toelichting="x"),
        OnbekendKader,
        "Kader 'wmo2015-h3' is niet geladen",
    ),
    "koppel zonder toelichting": (
        lambda w, _: bewijs.koppel(w, "B-0001", kader="awb-h9", ref="9:2", toelichting=" "),
        InvoerFout,
        "toelichting is verplicht",
    ),
    "koppel tweemaal": (
        lambda w, _: bewijs.koppel(w, "B-0001", kader="awb-h9", ref="9:1", toelichting="nogmaals"),
        InvoerFout,
        "is al gekoppeld aan awb-h9 9:1",
    ),
    "ontkoppel wat niet gekoppeld is": (
        lambda w, _: bewijs.ontkoppel(w, "B-0001", kader="awb-h9", ref="9:3"),
        InvoerFout,
        "B-0001 is niet gekoppeld aan awb-h9 9:3",
    ),
    "oordeel op een categorie": (
        lambda w, _: beoordeel(
            w,
            kader="awb-h9",
            ref="9.1.2",
            waarde=Oordeelwaarde.VOLDOET,
            toelichting="Alles op orde",
        ),
        InvoerFout,
        "is een categorie, geen beoordeelbare norm",
    ),
    "oordeel zonder toelichting": (
        lambda w, _: beoordeel(
            w, kader="awb-h9", ref="9:1", waarde=Oordeelwaarde.VOLDOET, toelichting=""
        ),
        InvoerFout,
        "toelichting is verplicht",
    ),
    "actie voor onbekende klacht": (
        lambda w, _: registreer_actie(
            w,
            omschrijving="Terugbelafspraken vastleggen",
            eigenaar="teamleider",
            deadline=date(2026, 12, 31),
            kader="awb-h9",
            ref="9:11",
            klachten=["K-2026-0042"],
        ),
        OnbekendeKlacht,
        "geen klacht met kenmerk K-2026-0042",
    ),
    "actie bij norm zonder kader": (
        lambda w, _: registreer_actie(
            w, omschrijving="x", eigenaar="y", deadline=date(2026, 12, 31), ref="9:11"
        ),
        InvoerFout,
        "Geef bij --norm ook --kader",
    ),
}


@pytest.mark.parametrize("geval", list(WEIGERINGEN))
def test_een_geweigerde_handeling_laat_de_database_ongewijzigd(
    werk: Werk, tmp_path: Path, geval: str
) -> None:
    laad_kader(werk, "awb-h9")
    registreer_bewijs(
        werk, "Klachtenregeling", bestand=bestand(tmp_path, "r.pdf", b"r"), koppel=("9:1",)
    )
    voor = momentopname(werk)
    handeling, fout, melding = WEIGERINGEN[geval]

    with pytest.raises(fout, match=melding), werk(op=date(2026, 6, 1)) as w:
        handeling(w, tmp_path)

    assert momentopname(werk) == voor
    keten_in_orde(werk)


def test_koppelen_en_ontkoppelen(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    kenmerk = registreer_bewijs(werk, "Klachtenregister 2026", koppel=("9:2", "9:6"))
    registreer_bewijs(werk, "Modelbrief afhandeling", koppel=("9:12",))

    with werk(schrijven=False) as w:
        assert [b.kenmerk for b in bewijs.lijst(w, kader="awb-h9")] == ["B-0001", "B-0002"]
        assert [b.kenmerk for b in bewijs.lijst(w, kader="awb-h9", ref="9:6")] == ["B-0001"]
        getoond = bewijs.toon(w, kenmerk)
    assert [(n["kader"], n["versie"], n["norm"]) for n in getoond["normen"]] == [
        ("awb-h9", "2026-01-01", "9:2"),
        ("awb-h9", "2026-01-01", "9:6"),
    ]
    assert getoond["normen"][1]["toelichting"] == "Klachtenregister 2026 toont 9:6"

    with werk(op=date(2026, 3, 1)) as w:
        n = bewijs.ontkoppel(w, kenmerk, kader="awb-h9", ref="9:2")
        assert n.ref == "9:2"
    with werk(schrijven=False) as w:
        assert [b.kenmerk for b in bewijs.lijst(w, kader="awb-h9", ref="9:2")] == []
        assert [g.actie for g in geschiedenis(w.sessie, "bewijs", kenmerk)] == [
            "registreer",
            "koppel",
            "koppel",
            "ontkoppel",
        ]
    keten_in_orde(werk)


# -- validity on the peildatum -----------------------------------------------------------


def test_verlopen_bewijs_dekt_een_norm_niet_meer(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    kenmerk = registreer_bewijs(
        werk, "Publieksfolder klagen", van=date(2026, 1, 1), tot=date(2026, 6, 30), koppel=("9:1",)
    )

    voor_begin = regel(rapport(werk, "awb-h9", date(2025, 12, 31)), "9:1")
    laatste_dag = regel(rapport(werk, "awb-h9", date(2026, 6, 30)), "9:1")
    dag_erna = rapport(werk, "awb-h9", date(2026, 7, 1))

    assert not voor_begin["gedekt"]
    assert laatste_dag["gedekt"]
    assert [(b["kenmerk"], b["versie"], b["geldig_tot"]) for b in laatste_dag["bewijs"]] == [
        (kenmerk, 1, "2026-06-30")
    ]
    verlopen = regel(dag_erna, "9:1")
    assert not verlopen["gedekt"]
    assert verlopen["bewijs"] == []
    assert verlopen["verlopen_bewijs"] == [kenmerk]
    # The gap is listed before every covered norm.
    assert dag_erna["per_norm"][0]["ref"] == "9:1"
    with werk(schrijven=False) as w:
        assert not bewijs.toon(w, kenmerk, peildatum=date(2026, 7, 1))["geldig_op_peildatum"]
    keten_in_orde(werk)


def test_een_latere_versie_neemt_het_over_zodra_zij_is_ingegaan(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    kenmerk = registreer_bewijs(
        werk, "Publieksfolder klagen", van=date(2026, 1, 1), tot=date(2026, 6, 30), koppel=("9:1",)
    )
    with werk(op=date(2026, 7, 10)) as w:
        bewijs.nieuwe_versie(w, kenmerk, Versiegegevens(ingangsdatum=date(2026, 8, 1)))
    with werk(op=date(2026, 11, 1)) as w:
        bewijs.nieuwe_versie(
            w,
            kenmerk,
            Versiegegevens(ingangsdatum=date(2027, 1, 1), geldig_tot=date(2027, 6, 30)),
        )

    def dekking_op(dag: date) -> tuple[bool, list[int]]:
        r = regel(rapport(werk, "awb-h9", dag), "9:1")
        return r["gedekt"], [b["versie"] for b in r["bewijs"]]

    assert dekking_op(date(2026, 7, 15)) == (False, [])  # v1 expired, v2 not yet started
    assert dekking_op(date(2026, 8, 1)) == (True, [2])
    assert dekking_op(PEILDATUM) == (True, [2])  # v3 has not started: it does not count
    assert dekking_op(date(2027, 3, 1)) == (True, [3])
    # The newest started version speaks: once v3 has expired, v2 does not come back.
    assert dekking_op(date(2027, 7, 1)) == (False, [])


def test_bewijs_dat_nog_niet_is_ingegaan_telt_niet(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    registreer_bewijs(werk, "Modelbrief afhandeling 2027", van=date(2027, 1, 1), koppel=("9:3",))
    nog_niet = regel(rapport(werk, "awb-h9", PEILDATUM), "9:3")
    assert not nog_niet["gedekt"]
    # Evidence that has not started yet has not expired either.
    assert nog_niet["verlopen_bewijs"] == []
    assert nog_niet["toekomstig_bewijs"] == ["B-0001"]
    assert regel(rapport(werk, "awb-h9", date(2027, 1, 1)), "9:3")["gedekt"]


# -- coverage per category and overall ----------------------------------------------------


def test_dekking_per_categorie_en_totaal_met_de_gaten_eerst(werk: Werk) -> None:
    laad_kader(werk, "sterk-sociaal-werk")
    registreer_bewijs(werk, "Functieprofielen", koppel=("1.1", "1.2"), kader="sterk-sociaal-werk")
    registreer_bewijs(werk, "Cliëntervaringsonderzoek", koppel=("2.1",), kader="sterk-sociaal-werk")
    registreer_bewijs(
        werk,
        "Verlopen scholingsplan",
        tot=date(2026, 6, 30),
        koppel=("3.1",),
        kader="sterk-sociaal-werk",
    )

    r = rapport(werk, "sterk-sociaal-werk", PEILDATUM)

    assert (r["versie"], r["werkversie"], r["markering"]) == (
        "werkversie-2026",
        True,
        "werkversie — geen officiële normtekst",
    )
    assert (r["normen"], r["gedekt"], r["percentage"]) == (20, 3, 15.0)
    assert [(c["ref"], c["normen"], c["gedekt"], c["percentage"]) for c in r["categorieen"]] == [
        ("1", 7, 2, 28.6),
        ("2", 6, 1, 16.7),
        ("3", 7, 0, 0.0),
    ]
    volgorde = [x["ref"] for x in r["per_norm"]]
    gedekt = [x["gedekt"] for x in r["per_norm"]]
    assert gedekt == [False] * 17 + [True] * 3
    assert volgorde[:3] == ["1.3", "1.4", "1.5"]
    assert volgorde[-3:] == ["1.1", "1.2", "2.1"]
    assert regel(r, "3.1")["categorie"] == "3"
    assert regel(r, "3.1")["verlopen_bewijs"] == ["B-0003"]
    assert r["per_oordeel"] == {
        "voldoet": 0,
        "voldoet-deels": 0,
        "voldoet-niet": 0,
        "nvt": 0,
        "geen": 20,
    }


# -- self-assessment ----------------------------------------------------------------------


PROEFKADER = """\
formaat: kwaliteit-kader/1
kader: proef
naam: "Proefkader met een korte schaal"
versie: "v1"
geldig_van: 2026-01-01
bron: "Eigen proeftekst"
licentie: "Eigen tekst"
werkversie: false
schaal: [voldoet, voldoet-niet]
normen:
  - ref: "A"
    titel: "Afspraken"
    beoordeelbaar: false
  - ref: "A.1"
    ouder: "A"
    titel: "Afspraak is afspraak"
    normtekst: "De organisatie doet wat zij belooft."
"""


def test_een_oordeel_hoort_in_de_schaal_van_het_kader(werk: Werk) -> None:
    with werk(op=date(2026, 1, 2)) as w:
        normdiensten.laad(w, kader_uit_tekst(PROEFKADER, "proef.yaml"))
    voor = momentopname(werk)
    with (
        pytest.raises(InvoerFout, match="hoort niet bij proef; kies voldoet, voldoet-niet"),
        werk(op=date(2026, 3, 1)) as w,
    ):
        beoordeel(
            w, kader="proef", ref="A.1", waarde=Oordeelwaarde.VOLDOET_DEELS, toelichting="Half"
        )
    with pytest.raises(InvoerFout, match="is een categorie"), werk(op=date(2026, 3, 1)) as w:
        beoordeel(w, kader="proef", ref="A", waarde=Oordeelwaarde.VOLDOET, toelichting="Ja")
    assert momentopname(werk) == voor

    with werk(op=date(2026, 3, 1), door="kwaliteitsfunctionaris") as w:
        beoordeel(
            w, kader="proef", ref="A.1", waarde=Oordeelwaarde.VOLDOET_NIET, toelichting="Nog niet"
        )
    with werk(op=date(2026, 9, 1), door="kwaliteitsfunctionaris") as w:
        o = beoordeel(
            w, kader="proef", ref="A.1", waarde=Oordeelwaarde.VOLDOET, toelichting="Nu wel"
        )
        assert (o.waarde, o.ronde, o.datum, o.door) == (
            Oordeelwaarde.VOLDOET,
            "2026",
            date(2026, 9, 1),
            "kwaliteitsfunctionaris",
        )
    with werk(schrijven=False) as w:
        gebeurtenissen = geschiedenis(w.sessie, "oordeel", "proef@v1/A.1/2026")
    assert [g.actie for g in gebeurtenissen] == ["beoordeel", "beoordeel"]
    assert '"oordeel":"voldoet-niet"' in (gebeurtenissen[1].voor or "")
    r = rapport(werk, "proef", PEILDATUM)
    assert r["per_oordeel"] == {"voldoet": 1, "voldoet-niet": 0, "geen": 0}
    keten_in_orde(werk)


# -- the register as live evidence --------------------------------------------------------


def test_het_klachtenregister_levert_de_cijfers_voor_awb_9_6_en_9_11(werk: Werk) -> None:
    klachtenjaar(werk)

    def cijfers(ref: str, dag: date) -> tuple[int, int, float | None, bool]:
        with werk(schrijven=False) as w:
            r = registerbewijs(w.sessie, "awb-h9", ref, dag)
        assert r is not None
        return r.teller, r.noemer, r.percentage, r.dekt

    # Twelve months up to the peildatum: 23-11-2025 (exclusive) to 23-11-2026.
    # 9:6: written complaints received in the period (formeel, laat, ingetrokken, open),
    # acknowledged: formeel and open.
    assert cijfers("9:6", PEILDATUM) == (2, 4, 50.0, True)
    # 9:11: handled in the period with a term to meet (formeel, laat, balie; a withdrawn
    # complaint has none), on time: formeel and balie.
    assert cijfers("9:11", PEILDATUM) == (2, 3, 66.7, True)
    # 9:2: every complaint received in the period, written and oral.
    assert cijfers("9:2", PEILDATUM) == (5, 5, 100.0, True)

    # On 31-03-2026 the period starts 31-03-2025: 'oud' counts for both.
    assert cijfers("9:6", date(2026, 3, 31)) == (2, 3, 66.7, True)
    assert cijfers("9:11", date(2026, 3, 31)) == (1, 1, 100.0, True)
    # Before anything was handled there is no figure for 9:11, so it covers nothing.
    assert cijfers("9:6", date(2025, 6, 5)) == (1, 1, 100.0, True)
    assert cijfers("9:11", date(2025, 6, 5)) == (0, 0, None, False)

    # A complaint received exactly a year before the peildatum falls outside the period;
    # its handling nine days later falls inside.
    assert cijfers("9:6", date(2026, 6, 1)) == (1, 3, 33.3, True)
    assert cijfers("9:11", date(2026, 6, 1)) == (3, 4, 75.0, True)
    assert cijfers("9:6", date(2025, 12, 31)) == (1, 1, 100.0, True)

    # A norm without an indicator has no register figure.
    with werk(schrijven=False) as w:
        assert registerbewijs(w.sessie, "awb-h9", "9:1", PEILDATUM) is None


def test_het_register_dekt_een_norm_in_het_dekkingsoverzicht(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    klachtenjaar(werk)

    vroeg = rapport(werk, "awb-h9", date(2026, 3, 31))
    r96 = regel(vroeg, "9:6")
    assert r96["gedekt"]
    assert r96["bewijs"] == []
    assert r96["registerbewijs"] == {
        "indicator": "ontvangstbevestiging",
        "omschrijving": "schriftelijke klachten met een ontvangstbevestiging",
        "periode": {"van": "2025-03-31", "tot": "2026-03-31"},
        "teller": 2,
        "noemer": 3,
        "percentage": 66.7,
        "dekt": True,
    }

    laat = rapport(werk, "awb-h9", PEILDATUM)
    assert regel(laat, "9:11")["gedekt"]
    assert regel(laat, "9:11")["registerbewijs"]["percentage"] == 66.7
    # No complaint was set aside under 9:8: a figure of 0 of 0 covers nothing.
    r98 = regel(laat, "9:8")
    assert not r98["gedekt"]
    assert (r98["registerbewijs"]["noemer"], r98["registerbewijs"]["dekt"]) == (0, False)
    # Without any evidence, only norms with a register figure are covered, and the
    # categories add up to the total.
    gedekt = sorted(x["ref"] for x in laat["per_norm"] if x["gedekt"])
    assert gedekt == sorted(["9:2", "9:6", "9:7", "9:9", "9:10", "9:11", "9:12", "9:12a"])
    assert sum(c["gedekt"] for c in laat["categorieen"]) == laat["gedekt"] == 8
    assert [(c["ref"], c["normen"]) for c in laat["categorieen"]] == [
        ("9.1.1", 3),
        ("9.1.2", 10),
        ("9.1.3", 4),
    ]
    keten_in_orde(werk)


# -- leren van klachten ------------------------------------------------------------------


def test_een_verbeteractie_uit_klachten_staat_open_in_de_dekking(werk: Werk) -> None:
    laad_kader(werk, "awb-h9")
    k = klachtenjaar(werk)
    with werk(op=date(2026, 6, 1), door="kwaliteitsfunctionaris") as w:
        beoordeel(
            w,
            kader="awb-h9",
            ref="9:11",
            waarde=Oordeelwaarde.VOLDOET_DEELS,
            toelichting="Eén klacht te laat afgehandeld.",
        )
        bevinding = registreer_bevinding(
            w,
            soort=Bevindingsoort.VERBETERPUNT,
            omschrijving="Informele afhandeling wordt niet bewaakt op de termijn.",
            kader="awb-h9",
            ref="9:11",
        )
        actie = registreer_actie(
            w,
            omschrijving="Termijnbewaking ook voor informele afhandeling",
            eigenaar="teamleider WOT",
            deadline=date(2026, 12, 31),
            kader="awb-h9",
            ref="9:11",
            bevinding=bevinding.kenmerk,
            # The same complaint twice, as typed: it is linked once.
            klachten=[k["laat"], k["laat"].lower().replace("-000", "-")],
        )
        assert (bevinding.kenmerk, actie.kenmerk) == ("BV-0001", "VA-0001")

    with werk(schrijven=False, op=date(2026, 6, 1)) as w:
        assert w.sessie.execute(select(func.count()).select_from(ActieKlacht)).scalar_one() == 1
        d = actie_dict(w, laad_actie(w, "va-0001"))
    assert d["klachten"] == [k["laat"]]
    assert d["norm"] == {"kader": "awb-h9", "ref": "9:11"}
    assert d["bevinding"] == "BV-0001"
    assert d["status"] == "open"

    r = regel(rapport(werk, "awb-h9", PEILDATUM), "9:11")
    assert r["oordeel"]["waarde"] == "voldoet-deels"
    assert r["open_acties"] == [
        {
            "kenmerk": "VA-0001",
            "omschrijving": "Termijnbewaking ook voor informele afhandeling",
            "eigenaar": "teamleider WOT",
            "deadline": "2026-12-31",
            "te_laat": False,
        }
    ]
    assert regel(rapport(werk, "awb-h9", date(2027, 1, 15)), "9:11")["open_acties"][0]["te_laat"]

    with werk(op=date(2026, 12, 1)) as w:
        wijzig_actie(w, "VA-0001", status=Actiestatus.IN_UITVOERING)
    assert len(regel(rapport(werk, "awb-h9", PEILDATUM), "9:11")["open_acties"]) == 1
    with werk(op=date(2026, 12, 20)) as w:
        afgerond = wijzig_actie(w, "VA-0001", status=Actiestatus.AFGEROND)
        assert afgerond.afgerond == date(2026, 12, 20)
    assert regel(rapport(werk, "awb-h9", PEILDATUM), "9:11")["open_acties"] == []
    keten_in_orde(werk)


def test_de_auditketen_klopt_na_alles(werk: Werk, tmp_path: Path) -> None:
    laad_kader(werk, "awb-h9")
    laad_kader(werk, "sterk-sociaal-werk")
    k = klachtenjaar(werk)
    kenmerk = registreer_bewijs(
        werk, "Klachtenregeling", bestand=bestand(tmp_path, "r.pdf", b"regeling"), koppel=("9:1",)
    )
    with werk(op=date(2026, 7, 1)) as w:
        bewijs.nieuwe_versie(w, kenmerk, Versiegegevens(date(2026, 7, 1)))
        bewijs.koppel(w, kenmerk, kader="sterk-sociaal-werk", ref="2.1", toelichting="Regeling")
        bewijs.ontkoppel(w, kenmerk, kader="awb-h9", ref="9:1")
        beoordeel(w, kader="awb-h9", ref="9:6", waarde=Oordeelwaarde.VOLDOET, toelichting="Ja")
        registreer_actie(
            w,
            omschrijving="Ontvangstbevestiging binnen vijf werkdagen",
            eigenaar="teamleider",
            deadline=date(2026, 9, 1),
            klachten=[k["laat"], k["ingetrokken"]],
        )
    with pytest.raises(InvoerFout), werk(op=date(2026, 7, 2)) as w:
        bewijs.koppel(w, kenmerk, kader="sterk-sociaal-werk", ref="2.1", toelichting="Nogmaals")

    with werk(schrijven=False) as w:
        per_onderwerp = dict(
            w.sessie.execute(
                select(AuditGebeurtenis.onderwerp, func.count()).group_by(
                    AuditGebeurtenis.onderwerp
                )
            ).all()
        )
        assert w.sessie.execute(select(func.count()).select_from(ActieKlacht)).scalar_one() == 2
    assert per_onderwerp == {
        "kader": 2,
        "klacht": 17,
        "bewijs": 5,
        "oordeel": 1,
        "verbeteractie": 1,
    }
    assert keten_in_orde(werk) == 26
