"""The complaints features (``features/klachten/*.feature``) and their own steps.

Generic steps (today, tables of complaints, commands, refusals, audit trail)
are in ``tests/bdd/conftest.py``; the steps here speak the language of the Awb
procedure and of the yearly overview.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pytest_bdd import given, parsers, scenarios, then, when
from sqlalchemy import create_engine, select

from kwaliteit.audit import AuditGebeurtenis

if TYPE_CHECKING:
    from bdd.conftest import Verloop

scenarios("klachten")

SCHRIFTELIJK = {"brief", "e-mail", "webformulier"}
STANDAARD_OMSCHRIJVING = "Klacht over de dienstverlening van het WOT"


# ## Stel/Gegeven ################################################################


@given(
    parsers.re(
        r"een (?P<vorm>schriftelijke|mondelinge) klacht ontvangen op (?P<ontvangen>\S+)"
        r" per (?P<kanaal>\S+)"
        r'(?: over "(?P<beklaagde>[^"]+)")?'
        r"(?: over een gedraging van (?P<gedraging>\S+))?$"
    )
)
def een_klacht(
    verloop: Verloop,
    vorm: str,
    ontvangen: str,
    kanaal: str,
    beklaagde: str | None,
    gedraging: str | None,
) -> None:
    """Register the complaint the scenario is about; it must be accepted.

    Gebruik: ``Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail
    over "casusregisseur WOT Groenoord"``; ``over "..."`` (de beklaagde, een
    medewerker) en ``over een gedraging van DATUM`` zijn optioneel. De vorm moet
    bij het kanaal passen: brief, e-mail en webformulier zijn schriftelijk.
    """
    assert (kanaal in SCHRIFTELIJK) == (vorm == "schriftelijke"), (
        f"Kanaal {kanaal} past niet bij een {vorm} klacht."
    )
    velden = {"ontvangen": ontvangen, "kanaal": kanaal, "omschrijving": STANDAARD_OMSCHRIJVING}
    if beklaagde:
        velden |= {"beklaagde": beklaagde, "beklaagde-soort": "medewerker"}
    if gedraging:
        velden["gedraging"] = gedraging
    verloop.registreer(velden)
    assert verloop.resultaat().exit_code == 0, verloop.beschrijf()


@given(parsers.parse("de ontvangst is op {datum} schriftelijk bevestigd"))
def ontvangst_bevestigd(verloop: Verloop, datum: str) -> None:
    """Awb 9:6 already done. Gebruik: ``En de ontvangst is op 16-03-2023 schriftelijk bevestigd``."""
    verloop.moet_slagen("klacht", "bevestig", verloop.klacht(), "--datum", datum)


@given(parsers.parse("de beklaagde heeft op {datum} een afschrift van de klacht gekregen"))
def afschrift_gekregen(verloop: Verloop, datum: str) -> None:
    """Awb 9:9 already done. Gebruik: ``En de beklaagde heeft op 17-03-2023 een afschrift van de klacht gekregen``."""
    verloop.moet_slagen("klacht", "afschrift", verloop.klacht(), "--datum", datum)


@given(parsers.parse("de klager is op {datum} gehoord"))
def klager_gehoord(verloop: Verloop, datum: str) -> None:
    """Awb 9:10 already done, with a standard verslag. Gebruik: ``En de klager is op 03-04-2023 gehoord``."""
    _hoor(verloop, datum)
    assert verloop.resultaat().exit_code == 0, verloop.beschrijf()


@given(parsers.re(r'"(?P<naam>[^"]+)" is als behandelaar aangewezen$'))
def behandelaar_aangewezen(verloop: Verloop, naam: str) -> None:
    """Awb 9:7 already done. Gebruik: ``En "teamleider WOT Oost" is als behandelaar aangewezen``."""
    verloop.moet_slagen("klacht", "wijs-toe", verloop.klacht(), "--behandelaar", naam)


@given(
    parsers.re(
        r"de afhandeling is op (?P<datum>\S+) met (?P<weken>\d+) weken verdaagd"
        r' omdat "(?P<reden>[^"]+)"$'
    )
)
def verdaagd(verloop: Verloop, datum: str, weken: str, reden: str) -> None:
    """Awb 9:11 lid 2 already done. Gebruik: ``En de afhandeling is op 18-04-2023 met 4 weken verdaagd omdat "..."``."""
    verdagen(verloop, datum, weken, reden, None)
    assert verloop.resultaat().exit_code == 0, verloop.beschrijf()


@given(
    parsers.re(
        r"de klacht is op (?P<datum>\S+) gesloten met uitkomst (?P<uitkomst>\S+)"
        r"(?: en de gegevens (?P<gegevens>.+))?$"
    )
)
def klacht_gesloten(verloop: Verloop, datum: str, uitkomst: str, gegevens: str | None) -> None:
    """The complaint was closed already; the options are those of ``klacht sluit``.

    Gebruik: ``En de klacht is op 26-06-2023 gesloten met uitkomst ingetrokken en de
    gegevens --wijze "telefonisch"``.
    """
    sluiten(verloop, datum, uitkomst, gegevens or "")
    assert verloop.resultaat().exit_code == 0, verloop.beschrijf()


@given(parsers.re(r'de klacht is op (?P<datum>\S+) heropend omdat "(?P<reden>[^"]+)"$'))
def heropend(verloop: Verloop, datum: str, reden: str) -> None:
    """The complaint was reopened already. Gebruik: ``En de klacht is op 03-07-2023 heropend omdat "..."``."""
    verloop.moet_slagen("klacht", "heropen", verloop.klacht(), "--datum", datum, "--reden", reden)


@given("de volgende klachten zijn gesloten:")
def klachten_gesloten(verloop: Verloop, datatable: list[list[str]]) -> None:
    """Complaints closed already; the same table as ``Als de volgende klachten worden gesloten:``."""
    verloop.sluit_tabel(datatable)


# ## Als ##########################################################################


@when(
    parsers.re(
        r"een klacht ontvangen op (?P<ontvangen>\S+) per (?P<kanaal>\S+)"
        r"(?: over een gedraging van (?P<gedraging>\S+))? wordt geregistreerd$"
    )
)
def klacht_registreren(
    verloop: Verloop, ontvangen: str, kanaal: str, gedraging: str | None
) -> None:
    """Register one complaint with a standard omschrijving; a Dan-step judges the result.

    Gebruik: ``Als een klacht ontvangen op 14-03-2023 per brief wordt geregistreerd``,
    eventueel met ``over een gedraging van 10-03-2022`` voor ``wordt geregistreerd``.
    """
    velden = {"ontvangen": ontvangen, "kanaal": kanaal, "omschrijving": STANDAARD_OMSCHRIJVING}
    if gedraging:
        velden["gedraging"] = gedraging
    verloop.registreer(velden)


@when(parsers.parse("de ontvangst op {datum} schriftelijk wordt bevestigd"))
def ontvangst_bevestigen(verloop: Verloop, datum: str) -> None:
    """Awb 9:6, ``klacht bevestig``. Gebruik: ``Als de ontvangst op 16-03-2023 schriftelijk wordt bevestigd``."""
    verloop.voer_uit("klacht", "bevestig", verloop.klacht(), "--datum", datum)


@when(parsers.parse("de beklaagde op {datum} een afschrift van de klacht krijgt"))
def afschrift_sturen(verloop: Verloop, datum: str) -> None:
    """Awb 9:9, ``klacht afschrift``. Gebruik: ``En de beklaagde op 17-03-2023 een afschrift van de klacht krijgt``."""
    verloop.voer_uit("klacht", "afschrift", verloop.klacht(), "--datum", datum)


def _hoor(verloop: Verloop, datum: str) -> None:
    verloop.voer_uit(
        "klacht",
        "hoor",
        verloop.klacht(),
        "--datum",
        datum,
        "--verslag",
        "Klager en beklaagde gehoord; verslag in het dossier",
    )


@when(parsers.parse("klager en beklaagde op {datum} worden gehoord"))
def horen(verloop: Verloop, datum: str) -> None:
    """Awb 9:10, ``klacht hoor`` with a standard verslag. Gebruik: ``En klager en beklaagde op 03-04-2023 worden gehoord``."""
    _hoor(verloop, datum)


@when(parsers.re(r"van het horen wordt afgezien op grond (?P<grond>[abc])$"))
def afzien_van_horen(verloop: Verloop, grond: str) -> None:
    """Awb 9:10 lid 2 a/b/c, ``klacht hoor --afzien``. Gebruik: ``Als van het horen wordt afgezien op grond b``."""
    verloop.voer_uit("klacht", "hoor", verloop.klacht(), "--afzien", grond)


@when(parsers.re(r'"(?P<naam>[^"]+)" als behandelaar wordt aangewezen$'))
def behandelaar_aanwijzen(verloop: Verloop, naam: str) -> None:
    """Awb 9:7, ``klacht wijs-toe``. Gebruik: ``En "teamleider WOT Oost" als behandelaar wordt aangewezen``."""
    verloop.voer_uit("klacht", "wijs-toe", verloop.klacht(), "--behandelaar", naam)


@when(
    parsers.re(
        r"de afhandeling op (?P<datum>\S+) met (?P<weken>\d+) weken wordt verdaagd"
        r' omdat "(?P<reden>[^"]+)"'
        r"(?:, met schriftelijke instemming van de klager van (?P<instemming>\S+))?$"
    )
)
def verdagen(verloop: Verloop, datum: str, weken: str, reden: str, instemming: str | None) -> None:
    """Awb 9:11, ``klacht verdaag``; a second time needs the klager's written consent.

    Gebruik: ``Als de afhandeling op 18-04-2023 met 4 weken wordt verdaagd omdat "..."``,
    eventueel gevolgd door ``, met schriftelijke instemming van de klager van 12-05-2023``.
    """
    args = ["klacht", "verdaag", verloop.klacht(), "--weken", weken, "--reden", reden]
    args += ["--datum", datum]
    if instemming:
        args += ["--instemming", instemming]
    verloop.voer_uit(*args)


_OORDELEN = {"gegrond": "gegrond", "deels gegrond": "deels-gegrond", "ongegrond": "ongegrond"}


@when(
    parsers.re(
        r"de klacht op (?P<datum>\S+) (?P<oordeel>gegrond|deels gegrond|ongegrond) wordt verklaard$"
    )
)
def oordeel_geven(verloop: Verloop, datum: str, oordeel: str) -> None:
    """Awb 9:12, ``klacht sluit`` with an oordeel and standard bevindingen and conclusies.

    Gebruik: ``Als de klacht op 20-04-2023 gegrond wordt verklaard``.
    """
    verloop.voer_uit(
        "klacht",
        "sluit",
        verloop.klacht(),
        "--uitkomst",
        _OORDELEN[oordeel],
        "--datum",
        datum,
        "--bevindingen",
        "Bevindingen na het horen van klager en beklaagde",
        "--conclusies",
        "Conclusies en afspraken met het team",
    )


@when(
    parsers.re(
        r"de klacht op (?P<datum>\S+) wordt gesloten met uitkomst (?P<uitkomst>\S+)"
        r" en de gegevens (?P<gegevens>.*)$"
    )
)
def sluiten(verloop: Verloop, datum: str, uitkomst: str, gegevens: str) -> None:
    """``klacht sluit`` with the given options as a user types them; ``(geen)`` for none.

    Gebruik: ``Als de klacht op 20-06-2023 wordt gesloten met uitkomst doorgestuurd en
    de gegevens --naar Mevis --naar-soort zorgaanbieder --klager-geinformeerd 20-06-2023``.
    """
    verloop.voer_uit(
        "klacht",
        "sluit",
        verloop.klacht(),
        "--uitkomst",
        uitkomst,
        "--datum",
        datum,
        *verloop.opties(gegevens),
    )


@when(parsers.re(r'de klacht op (?P<datum>\S+) wordt heropend omdat "(?P<reden>[^"]+)"$'))
def heropenen(verloop: Verloop, datum: str, reden: str) -> None:
    """``klacht heropen``. Gebruik: ``Als de klacht op 03-07-2023 wordt heropend omdat "..."``."""
    verloop.voer_uit("klacht", "heropen", verloop.klacht(), "--datum", datum, "--reden", reden)


@dataclass
class Jaaroverzicht:
    """``klacht overzicht`` as printed: its 'Label: waarde' lines and its counted sections."""

    tekst: str
    regels: dict[str, str] = field(default_factory=dict)
    rubrieken: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def lees(cls, tekst: str) -> Jaaroverzicht:
        o = cls(tekst)
        rubriek: dict[str, int] | None = None
        for regel in tekst.splitlines():
            if not regel.strip():
                rubriek = None
                continue
            if regel.startswith("  ") and rubriek is not None:
                m = re.match(r"^  (.+?)\s+(\d+)$", regel)
                if m:
                    rubriek[m.group(1)] = int(m.group(2))
                continue
            if regel.endswith(":"):
                rubriek = o.rubrieken.setdefault(regel[:-1], {})
                continue
            label, _, waarde = regel.partition(":")
            if waarde:
                o.regels[label.strip()] = " ".join(waarde.split())
        return o


@when(
    parsers.parse("het jaaroverzicht over {jaar:d} wordt opgemaakt"),
    target_fixture="jaaroverzicht",
)
def jaaroverzicht_opmaken(verloop: Verloop, jaar: int) -> Jaaroverzicht:
    """``klacht overzicht --jaar JAAR`` (Awb 9:12a) as the text users publish.

    Gebruik: ``Als het jaaroverzicht over 2023 wordt opgemaakt``; de Dan-stappen
    ``vermeldt het jaaroverzicht ...`` lezen het resultaat (fixture ``jaaroverzicht``).
    """
    r = verloop.moet_slagen("klacht", "overzicht", "--jaar", str(jaar))
    assert r.stdout.startswith(f"Klachtenoverzicht {jaar} (Awb 9:12a)"), verloop.beschrijf()
    return Jaaroverzicht.lees(r.stdout)


# ## Dan ##########################################################################


@then(parsers.parse("krijgt die klacht het kenmerk {kenmerk}"))
def krijgt_kenmerk(verloop: Verloop, kenmerk: str) -> None:
    """The last registration succeeded and printed this kenmerk.

    Gebruik: ``Dan krijgt die klacht het kenmerk K-2023-0001``.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    assert r.stdout.strip() == kenmerk, verloop.beschrijf()


@then(parsers.re(r"geeft het systeem (?P<wel_of_geen>wel|geen) waarschuwing voor Awb 9:8 lid 1b$"))
def waarschuwing_9_8(verloop: Verloop, wel_of_geen: str) -> None:
    """The last command did (``wel``) or did not (``geen``) warn about Awb 9:8 lid 1b.

    Gebruik: ``En geeft het systeem wel waarschuwing voor Awb 9:8 lid 1b``.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    assert ("(Awb 9:8 lid 1b)" in r.stderr) == (wel_of_geen == "wel"), verloop.beschrijf()


@then(
    parsers.re(
        r"is de klacht gesloten met uitkomst (?P<uitkomst>\S+?)"
        r"(?:, (?P<termijn>binnen de termijn|te laat))?$"
    )
)
def gesloten_met(verloop: Verloop, uitkomst: str, termijn: str | None) -> None:
    """``klacht sluit`` succeeded with this outcome, and on time or late if the step says so.

    Gebruik: ``Dan is de klacht gesloten met uitkomst gegrond, binnen de termijn``
    (of ``, te laat``; zonder toevoeging wordt de termijn niet gecontroleerd).
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    assert f"gesloten met uitkomst {uitkomst} op " in r.stdout, verloop.beschrijf()
    if termijn:
        assert r.stdout.rstrip().endswith(f"({termijn})"), verloop.beschrijf()
    d = verloop.json("klacht", "toon", verloop.klacht())
    assert (d["status"], d["uitkomst"]) == ("gesloten", uitkomst)


@then("is de klacht nog open")
def nog_open(verloop: Verloop) -> None:
    """The complaint is open and has no outcome (``klacht toon --json``).

    Gebruik: ``En is de klacht nog open``, bijvoorbeeld na een geweigerde afhandeling
    of na heropenen.
    """
    d = verloop.json("klacht", "toon", verloop.klacht())
    assert d["status"] == "open", d
    assert d["uitkomst"] is None, d
    assert d["afhandeling"] is None, d


@then(parsers.parse("moet de klacht uiterlijk {datum} afgehandeld zijn"))
def uiterlijk(verloop: Verloop, datum: str) -> None:
    """The afhandeltermijn (after verdaging and the Atw) ends on this date.

    Gebruik: ``Dan moet de klacht uiterlijk 23-05-2023 afgehandeld zijn``; leest
    ``klacht toon`` ('Afhandelen uiterlijk').
    """
    velden = verloop.toon_velden()
    assert velden["Afhandelen uiterlijk"] == datum, velden


@then("toont het register bij de klacht:")
def toont_velden(verloop: Verloop, datatable: list[list[str]]) -> None:
    """``klacht toon`` shows these values for these labels.

    Gebruik: een tabel met ``veld`` (het label links in ``klacht toon``) en ``waarde``.
    """
    velden = verloop.toon_velden()
    for rij in verloop.tabel(datatable):
        assert velden.get(rij["veld"].strip()) == " ".join(rij["waarde"].split()), (
            f"{rij['veld']}: verwacht {rij['waarde']!r}, getoond {velden.get(rij['veld'].strip())!r}"
        )


@then(parsers.re(r'toont de klacht bij "(?P<veld>[^"]+)" de waarde "(?P<waarde>[^"]*)"$'))
def toont_veld(verloop: Verloop, veld: str, waarde: str) -> None:
    """``klacht toon`` shows this value for one label.

    Gebruik: ``En toont de klacht bij "Behandelaar" de waarde "-"``.
    """
    toont_velden(verloop, [["veld", "waarde"], [veld, waarde]])


@then(parsers.parse("toont de geschiedenis van de klacht de stappen {stappen}"))
def geschiedenis(verloop: Verloop, stappen: str) -> None:
    """The history in ``klacht toon`` lists exactly these actions, in order.

    Gebruik: ``En toont de geschiedenis van de klacht de stappen registreer, sluit, heropen``.
    """
    d = verloop.json("klacht", "toon", verloop.klacht())
    assert [g["actie"] for g in d["geschiedenis"]] == [s.strip() for s in stappen.split(",")]


@then(
    parsers.re(
        r'legt het auditspoor bij de eerste sluiting van de klacht de uitkomst "(?P<uitkomst>[^"]+)"'
        r" op (?P<datum>\S+) vast$"
    )
)
def auditspoor_bewaart_uitkomst(verloop: Verloop, uitkomst: str, datum: str) -> None:
    """The audit event of the (earlier) closing still holds its outcome and date.

    Gebruik: na heropenen, ``En legt het auditspoor bij de eerste sluiting van de klacht de
    uitkomst "ongegrond" op 20-04-2023 vast``. Leest het auditspoor in de database:
    ``klacht toon`` noemt alleen de acties.
    """
    engine = create_engine(verloop.database_url)
    try:
        with engine.connect() as c:
            na = c.execute(
                select(AuditGebeurtenis.na)
                .where(
                    AuditGebeurtenis.onderwerp == "klacht",
                    AuditGebeurtenis.sleutel == verloop.klacht(),
                    AuditGebeurtenis.actie == "sluit",
                )
                .order_by(AuditGebeurtenis.volgnummer)
            ).scalars()
            sluitingen = []
            for x in na:
                assert x is not None, "Een sluiting in het auditspoor zonder 'na'."
                sluitingen.append(json.loads(x))
    finally:
        engine.dispose()
    assert sluitingen, "Het auditspoor bevat geen sluiting van deze klacht."
    verwacht = {"uitkomst": uitkomst, "afgehandeld": verloop.datum_iso(datum)}
    assert verwacht.items() <= sluitingen[0].items(), sluitingen[0]


@then("vermeldt het jaaroverzicht:")
def jaaroverzicht_regels(
    verloop: Verloop, jaaroverzicht: Jaaroverzicht, datatable: list[list[str]]
) -> None:
    """The overview's 'Label: waarde' lines read exactly so (whitespace aside).

    Gebruik: een tabel met ``regel`` (het label, zonder dubbele punt) en ``waarde``.
    """
    for rij in verloop.tabel(datatable):
        gevonden = jaaroverzicht.regels.get(rij["regel"].strip())
        assert gevonden == " ".join(rij["waarde"].split()), (
            f"{rij['regel']}: verwacht {rij['waarde']!r}, overzicht {gevonden!r}\n"
            + jaaroverzicht.tekst
        )


@then(parsers.re(r'vermeldt het jaaroverzicht onder "(?P<rubriek>[^"]+)" precies:$'))
def jaaroverzicht_rubriek(
    jaaroverzicht: Jaaroverzicht, rubriek: str, datatable: list[list[str]]
) -> None:
    """A section of the overview lists exactly these non-zero counts.

    Gebruik: ``En vermeldt het jaaroverzicht onder "Per uitkomst" precies:`` met een
    tabel van twee kolommen (naam, aantal); de kopnamen zijn vrij. Een rij met 0
    betekent dat de naam niet genoemd wordt; een lege tabel dat de rubriek leeg is.
    """
    assert rubriek in jaaroverzicht.rubrieken, jaaroverzicht.tekst
    _kop, *rijen = datatable
    verwacht = {naam.strip(): int(aantal) for naam, aantal in rijen if int(aantal)}
    assert jaaroverzicht.rubrieken[rubriek] == verwacht, jaaroverzicht.tekst


@then(parsers.parse("staat er in {jaar:d} geen klacht meer open"))
def geen_klacht_open(verloop: Verloop, jaar: int) -> None:
    """``klacht lijst --jaar JAAR --status open`` finds nothing.

    Gebruik: ``En staat er in 2023 geen klacht meer open``.
    """
    r = verloop.moet_slagen("klacht", "lijst", "--jaar", str(jaar), "--status", "open")
    assert "Geen klachten gevonden." in r.stdout, verloop.beschrijf()
