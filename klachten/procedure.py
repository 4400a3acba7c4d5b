"""The Awb hoofdstuk 9 procedure as rules on a ``Klacht``.

Each step checks that it is possible in the complaint's current state, changes
the complaint, and returns what it recorded (for the audit trail). A step that
is not possible raises ``OngeldigeStap`` and changes nothing.

    registreer ─> [bevestig 9:6] [afschrift 9:9] [hoor | afzien 9:10]
               [wijs-toe 9:7] [verdaag 9:11] ─> sluit (uitkomst) ─> [heropen]

Written complaints follow the formal procedure (9:4): an oordeel (gegrond,
deels-gegrond, ongegrond, geen-oordeel) needs an ontvangstbevestiging, an
afschrift aan de beklaagde, a hearing (or a 9:10 ground to forgo it) and an
independent behandelaar. Oral complaints are registered and handled too, but
these steps are not demanded of them. Whether a step is needed, and whether a
postponement is lawful or a closing on time, is decided by the rules of
``klachten.regels``, the same rules the checks and the register figures use;
this module adds what the user is told.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from klachten import feiten, regels
from klachten.fouten import OngeldigeKlacht, OngeldigeStap
from klachten.invoer import MAX_LENGTE
from klachten.modellen import Klacht, Verdaging
from klachten.termijnen import (
    MAX_UITSTEL_WEKEN,
    MAX_VERDAGING_WEKEN,
    afhandeltermijn,
    bewaartermijn,
    gedraging_te_oud,
)
from klachten.velden import REGISTRATIEVELDEN
from klachten.waarden import (
    AfzienHoren,
    BeklaagdeSoort,
    Bestemmingssoort,
    Grond98,
    Status,
    Uitkomst,
)
from kwaliteit.organisatie import Bewaartermijnen
from kwaliteit.tijd import nl_datum

# Fields an outcome may carry; everything else must stay empty for it.
_UITKOMSTVELDEN: dict[Uitkomst, frozenset[str]] = {
    **{
        u: frozenset({"bevindingen", "conclusies", "behandelaar"})
        for u in (
            Uitkomst.GEGROND,
            Uitkomst.DEELS_GEGROND,
            Uitkomst.ONGEGROND,
            Uitkomst.GEEN_OORDEEL,
        )
    },
    Uitkomst.INFORMEEL_OPGELOST: frozenset({"tevredenheid", "behandelaar"}),
    Uitkomst.DOORGESTUURD: frozenset({"naar", "bestemming_soort", "klager_geinformeerd"}),
    Uitkomst.INGETROKKEN: frozenset({"wijze"}),
    Uitkomst.NIET_ONTVANKELIJK: frozenset({"reden"}),
    Uitkomst.NIET_IN_BEHANDELING: frozenset({"grond", "behandelaar"}),
}

_OPTIE = {
    "bevindingen": "--bevindingen",
    "conclusies": "--conclusies",
    "behandelaar": "--behandelaar",
    "tevredenheid": "--tevredenheid",
    "naar": "--naar",
    "bestemming_soort": "--naar-soort",
    "klager_geinformeerd": "--klager-geinformeerd",
    "wijze": "--wijze",
    "reden": "--reden",
    "grond": "--grond",
}


@dataclass(frozen=True)
class Afhandeling:
    """What ``sluit`` needs: the outcome, its date, and the fields that outcome demands."""

    uitkomst: Uitkomst
    datum: date
    behandelaar: str | None = None
    bevindingen: str | None = None
    conclusies: str | None = None
    tevredenheid: str | None = None
    naar: str | None = None
    bestemming_soort: Bestemmingssoort | None = None
    klager_geinformeerd: date | None = None
    wijze: str | None = None
    reden: str | None = None
    grond: Grond98 | None = None

    def ingevuld(self) -> set[str]:
        return {veld for veld in _OPTIE if _gevuld(getattr(self, veld))}


def _gevuld(waarde: object) -> bool:
    if isinstance(waarde, str):
        return bool(waarde.strip())
    return waarde is not None


def momentopname(k: Klacht) -> dict[str, Any]:
    """The complaint's state without personal data, for the audit trail."""
    return _momentopname(lambda veld: getattr(k, veld))


def momentopname_rij(rij: Mapping[str, Any]) -> dict[str, Any]:
    """``momentopname`` of a complaint given as its column values (absent: empty).

    For imports, which write rows without making a ``Klacht`` first.
    """
    return _momentopname(rij.get)


# The state the audit trail keeps of a complaint: its registration fields (klachten.velden)
# without the klager's and without the description (long free text), and the procedure's
# main facts.
_MOMENTOPNAME = (
    "kenmerk",
    "status",
    *(v.naam for v in REGISTRATIEVELDEN if not v.klager and v.naam != "omschrijving"),
    "uiterste_datum",
    "behandelaar",
    "uitkomst",
    "afgehandeld",
    "grond_9_8",
    "doorgestuurd_naar",
    "bewaren_tot",
)


def _als_json(waarde: Any) -> Any:
    if isinstance(waarde, StrEnum):
        return waarde.value
    if isinstance(waarde, date):
        return waarde.isoformat()
    return waarde


def _momentopname(v: Callable[[str], Any]) -> dict[str, Any]:
    return {veld: _als_json(v(veld)) for veld in _MOMENTOPNAME}


# -- shared checks -----------------------------------------------------------


def _moet_open(k: Klacht, stap: str) -> None:
    if k.status is Status.GESLOTEN:
        raise OngeldigeStap(
            f"{k.kenmerk} is al gesloten op {nl_datum(k.afgehandeld)} (uitkomst "
            f"{k.uitkomst}); {stap} kan alleen bij een open klacht. Heropen haar eerst met "
            f"'kwaliteit klacht heropen {k.kenmerk} --reden ...'."
        )


def controleer_datum(k: Klacht, datum: date, vandaag: date, wat: str) -> None:
    """A step's date lies between the receipt and today."""
    if datum > vandaag:
        raise OngeldigeStap(
            f"De datum van {wat} ({nl_datum(datum)}) ligt in de toekomst; "
            f"gebruik een datum tot en met vandaag ({nl_datum(vandaag)})."
        )
    if datum < k.ontvangen:
        raise OngeldigeStap(
            f"De datum van {wat} ({nl_datum(datum)}) ligt voor de ontvangst van {k.kenmerk} "
            f"({nl_datum(k.ontvangen)}); gebruik een datum op of na de ontvangst."
        )


def controleer_onafhankelijkheid(k: Klacht, behandelaar: str) -> None:
    """Awb 9:7: the behandelaar was not involved in the conduct complained about."""
    controleer_onafhankelijkheid_van(k.kenmerk, k.beklaagde, k.beklaagde_soort, behandelaar)


def controleer_onafhankelijkheid_van(
    kenmerk: str,
    beklaagde: str | None,
    beklaagde_soort: BeklaagdeSoort | None,
    behandelaar: str,
) -> None:
    if not behandelaar.strip():
        raise OngeldigeStap("De naam van de behandelaar is leeg.")
    if not regels.onafhankelijk(beklaagde, beklaagde_soort, behandelaar):
        raise OngeldigeStap(
            f"{' '.join(behandelaar.split())} is de beklaagde van {kenmerk} en mag de klacht niet behandelen "
            "(Awb 9:7: de behandelaar was niet bij de gedraging betrokken). "
            "Wijs een andere behandelaar aan."
        )


def _laatste_stap(k: Klacht) -> date:
    data = [k.ontvangen, *(d for d in (k.bevestigd, k.afschrift, k.gehoord, k.heropend) if d)]
    data += [v.datum for v in k.verdagingen]
    return max(data)


def herbereken_termijn(k: Klacht) -> None:
    k.uiterste_datum = afhandeltermijn(
        k.ontvangen, weken=k.termijn_weken, verdaagd_weken=k.verdaagd_weken
    )


# -- the steps ---------------------------------------------------------------


def bevestig(k: Klacht, datum: date, vandaag: date) -> dict[str, Any]:
    """Awb 9:6: the written ontvangstbevestiging."""
    _moet_open(k, "een ontvangstbevestiging")
    if k.bevestigd:
        raise OngeldigeStap(
            f"De ontvangst van {k.kenmerk} is al bevestigd op {nl_datum(k.bevestigd)}."
        )
    controleer_datum(k, datum, vandaag, "de ontvangstbevestiging")
    k.bevestigd = datum
    return {"bevestigd": datum.isoformat()}


def stuur_afschrift(k: Klacht, datum: date, vandaag: date) -> dict[str, Any]:
    """Awb 9:9: a copy of the complaint to the beklaagde."""
    _moet_open(k, "een afschrift aan de beklaagde")
    if k.afschrift:
        raise OngeldigeStap(
            f"Het afschrift van {k.kenmerk} is al op {nl_datum(k.afschrift)} aan de beklaagde gestuurd."
        )
    controleer_datum(k, datum, vandaag, "het afschrift")
    k.afschrift = datum
    return {"afschrift": datum.isoformat()}


def hoor(k: Klacht, datum: date, verslag: str, vandaag: date) -> dict[str, Any]:
    """Awb 9:10: the klager (and beklaagde) heard, with a verslag."""
    _moet_open(k, "horen")
    if not verslag.strip():
        raise OngeldigeStap(
            "Van het horen wordt een verslag gemaakt (Awb 9:10 lid 3); geef --verslag."
        )
    controleer_datum(k, datum, vandaag, "het horen")
    k.gehoord = datum
    k.hoorverslag = verslag.strip()
    k.afzien_horen = None
    return {"gehoord": datum.isoformat()}


def zie_af_van_horen(k: Klacht, grond: AfzienHoren) -> dict[str, Any]:
    """Awb 9:10 lid 2: not hearing the klager, on ground a, b or c."""
    _moet_open(k, "afzien van horen")
    if k.gehoord:
        raise OngeldigeStap(f"De klager van {k.kenmerk} is al gehoord op {nl_datum(k.gehoord)}.")
    k.afzien_horen = grond
    return {"afzien_horen": grond.value}


def wijs_toe(k: Klacht, behandelaar: str) -> dict[str, Any]:
    """Name the behandelaar, who must be independent (Awb 9:7)."""
    _moet_open(k, "een behandelaar aanwijzen")
    _past("behandelaar", behandelaar)
    controleer_onafhankelijkheid(k, behandelaar)
    k.behandelaar = behandelaar.strip()
    return {"behandelaar": k.behandelaar}


def verdaag(
    k: Klacht,
    *,
    datum: date,
    weken: int,
    reden: str,
    instemming: date | None,
    vandaag: date,
) -> Verdaging:
    """Awb 9:11: postpone by at most 4 weeks; further only with the klager's written consent."""
    _moet_open(k, "verdagen")
    controleer_datum(k, datum, vandaag, "de verdaging")
    if not reden.strip():
        raise OngeldigeStap("Een verdaging vraagt om een reden (Awb 9:11 lid 2); geef --reden.")
    volgnummer = len(k.verdagingen)
    if weken < 1:
        grens = MAX_UITSTEL_WEKEN if volgnummer else MAX_VERDAGING_WEKEN
        raise OngeldigeStap(f"Verdagen kan met 1 tot en met {grens} weken, niet {weken}.")
    eerste_termijn = afhandeltermijn(k.ontvangen, weken=k.termijn_weken, verdaagd_weken=0)
    nieuw = regels.Verdagingfeit(datum, weken, met_instemming=instemming is not None)
    if not regels.verdaging_rechtmatig(volgnummer, nieuw, eerste_termijn):
        raise OngeldigeStap(_waarom_niet_verdagen(k, volgnummer, nieuw, eerste_termijn))
    if instemming is not None and weken > MAX_UITSTEL_WEKEN:
        # Not a rule of the law, but no complaint waits a year at once: a typing error.
        raise OngeldigeStap(
            f"Uitstel is ten hoogste {MAX_UITSTEL_WEKEN} weken per keer, niet {weken}."
        )
    if instemming is not None:
        controleer_datum(k, instemming, vandaag, "de instemming van de klager")
    verdaging = Verdaging(
        datum=datum, weken=weken, reden=reden.strip(), instemming_klager=instemming
    )
    k.verdagingen.append(verdaging)
    herbereken_termijn(k)
    return verdaging


def _waarom_niet_verdagen(
    k: Klacht, volgnummer: int, v: regels.Verdagingfeit, eerste_termijn: date
) -> str:
    """The message for a postponement that ``regels.verdaging_rechtmatig`` refuses."""
    if volgnummer and not v.met_instemming:
        return (
            f"{k.kenmerk} is al verdaagd; verder uitstel kan alleen met schriftelijke "
            "instemming van de klager (Awb 9:11 lid 3). Geef de datum daarvan met --instemming."
        )
    if v.weken > MAX_VERDAGING_WEKEN and not v.met_instemming:
        return (
            f"Een verdaging is ten hoogste {MAX_VERDAGING_WEKEN} weken (Awb 9:11 lid 2), niet "
            f"{v.weken}. Langer uitstel kan alleen met schriftelijke instemming van de klager "
            "(--instemming DATUM)."
        )
    return (
        f"De afhandeltermijn van {k.kenmerk} liep af op {nl_datum(eerste_termijn)}; "
        "verdagen kan alleen zolang de termijn loopt (Awb 9:11 lid 2)."
    )


def sluit(
    k: Klacht, a: Afhandeling, vandaag: date, bewaren: Bewaartermijnen | None = None
) -> dict[str, Any]:
    """Awb 9:12 (or 9:5, 9:8, 2:3, intrekking): close with an outcome and its fields.

    ``bewaren``: the organisation's retention choices (its profile).
    """
    _moet_open(k, "sluiten")
    controleer_datum(k, a.datum, vandaag, "de afhandeling")
    laatste = _laatste_stap(k)
    if a.datum < laatste:
        raise OngeldigeStap(
            f"De afhandeling ({nl_datum(a.datum)}) ligt voor de laatste stap van {k.kenmerk} "
            f"({nl_datum(laatste)}); gebruik een datum op of na {nl_datum(laatste)}."
        )
    toegestaan = _UITKOMSTVELDEN[a.uitkomst]
    te_veel = sorted(a.ingevuld() - toegestaan)
    if te_veel:
        opties = ", ".join(_OPTIE[v] for v in te_veel)
        passend = ", ".join(_OPTIE[v] for v in sorted(toegestaan))
        raise OngeldigeKlacht(
            f"{opties} hoort niet bij uitkomst {a.uitkomst}; bij {a.uitkomst} horen: {passend}."
        )
    for veld, waarde in (("behandelaar", a.behandelaar), ("naar", a.naar), ("wijze", a.wijze)):
        _past(veld, waarde)
    behandelaar = (a.behandelaar or "").strip() or k.behandelaar
    na = feiten.van_klacht(k)._replace(
        status=Status.GESLOTEN,
        uitkomst=a.uitkomst,
        afgehandeld=a.datum,
        behandelaar=behandelaar,
        met_bevindingen=regels.gevuld(a.bevindingen),
        met_conclusies=regels.gevuld(a.conclusies),
    )
    ontbreekt = _ontbrekend(k, a, na)
    if ontbreekt:
        raise OngeldigeStap(
            f"{k.kenmerk} kan niet gesloten worden met uitkomst {a.uitkomst}; nog nodig:",
            details=ontbreekt,
        )
    if behandelaar:
        controleer_onafhankelijkheid(k, behandelaar)
        k.behandelaar = behandelaar

    k.status = Status.GESLOTEN
    k.uitkomst = a.uitkomst
    k.afgehandeld = a.datum
    k.bevindingen = _tekst(a.bevindingen)
    k.conclusies = _tekst(a.conclusies)
    k.tevredenheid = _tekst(a.tevredenheid)
    k.doorgestuurd_naar = _tekst(a.naar)
    k.bestemming_soort = a.bestemming_soort
    k.klager_geinformeerd = a.klager_geinformeerd
    k.wijze_intrekking = _tekst(a.wijze)
    k.reden_niet_ontvankelijk = _tekst(a.reden)
    k.grond_9_8 = a.grond
    k.binnen_termijn = regels.binnen_termijn(na)
    k.bewaren_tot = bewaartermijn(
        a.uitkomst, a.datum, ombudsman=k.ombudsman is not None, keuzes=bewaren
    )
    return momentopname(k)


def _past(veld: str, waarde: str | None) -> None:
    """A name or organisation fits its column (the database refuses a longer one)."""
    lengte = len(waarde.strip()) if waarde else 0
    if lengte > MAX_LENGTE[veld]:
        raise OngeldigeKlacht(
            f"{veld} is {lengte} tekens lang; ten hoogste {MAX_LENGTE[veld]} is toegestaan."
        )


def _tekst(waarde: str | None) -> str | None:
    return waarde.strip() if waarde and waarde.strip() else None


def _voor_een_oordeel(na: regels.Feiten) -> list[str]:
    """What the rules an oordeel needs say is missing (``regels.VOOR_EEN_OORDEEL``).

    Asked only of an oordeel: the other outcomes record what happened, and a missing
    ontvangstbevestiging there is for the checks to report, not a reason to refuse.
    """
    mist: list[str] = []
    if not na.met_oordeel:
        return mist
    for regel in regels.VOOR_EEN_OORDEEL:
        if not regel.overtreden(na):
            continue
        if regel is regels.OORDEEL_MET_BEVINDINGEN:
            if not na.met_bevindingen:
                mist.append("de bevindingen ontbreken (--bevindingen, Awb 9:12)")
            if not na.met_conclusies:
                mist.append("de conclusies ontbreken (--conclusies, Awb 9:12)")
        elif regel is regels.ONTVANGSTBEVESTIGING:
            mist.append("de ontvangst is niet bevestigd (Awb 9:6: 'kwaliteit klacht bevestig')")
        elif regel is regels.AFSCHRIFT:
            mist.append(
                "de beklaagde heeft geen afschrift gekregen (Awb 9:9: 'kwaliteit klacht afschrift')"
            )
        elif regel is regels.HOREN:
            mist.append(
                "de klager is niet gehoord en er is geen grond om daarvan af te zien "
                "(Awb 9:10: 'kwaliteit klacht hoor')"
            )
        elif regel is regels.ONAFHANKELIJKE_BEHANDELAAR and not regels.gevuld(na.behandelaar):
            # A behandelaar who is the beklaagde is refused with its own message.
            mist.append("er is geen behandelaar (Awb 9:7: --behandelaar)")
    return mist


def _ontbrekend(k: Klacht, a: Afhandeling, na: regels.Feiten) -> list[str]:
    """Everything the outcome needs that is not there, all at once."""
    u = a.uitkomst
    mist = _voor_een_oordeel(na)
    if u is Uitkomst.INFORMEEL_OPGELOST:
        if not _tekst(a.tevredenheid):
            mist.append(
                "leg vast hoe de tevredenheid van de klager is bevestigd (--tevredenheid, Awb 9:5)"
            )
    elif u is Uitkomst.DOORGESTUURD:
        if not _tekst(a.naar):
            mist.append("de ontvangende organisatie ontbreekt (--naar)")
        if a.bestemming_soort is None:
            mist.append(
                "de soort ontvanger ontbreekt (--naar-soort bestuursorgaan, zorgaanbieder of anders)"
            )
        if a.klager_geinformeerd is None:
            mist.append("de datum waarop de klager is ingelicht ontbreekt (--klager-geinformeerd)")
    elif u is Uitkomst.INGETROKKEN:
        if not _tekst(a.wijze):
            mist.append("de wijze van intrekking ontbreekt (--wijze, bijvoorbeeld 'telefonisch')")
    elif u is Uitkomst.NIET_ONTVANKELIJK:
        if not _tekst(a.reden):
            mist.append(
                "de reden ontbreekt (--reden: welk vereiste van Awb 9:4 ontbreekt, of waarom de "
                "klacht buiten de regeling valt)"
            )
    elif u is Uitkomst.NIET_IN_BEHANDELING:
        if a.grond is None:
            mist.append("de grond van Awb 9:8 ontbreekt (--grond 1a, 1b, 1c, 1d, 1e, 1f of 2)")
        elif a.grond is Grond98.B and k.gedraging is None:
            mist.append(
                "grond 1b vraagt om de datum van de gedraging; leg die vast met "
                f"'kwaliteit klacht wijzig {k.kenmerk} --gedraging DATUM'"
            )
        elif (
            a.grond is Grond98.B and k.gedraging and not gedraging_te_oud(k.gedraging, k.ontvangen)
        ):
            mist.append(
                f"grond 1b geldt niet: de gedraging ({nl_datum(k.gedraging)}) ligt niet meer dan een "
                f"jaar voor de ontvangst ({nl_datum(k.ontvangen)})"
            )
    if a.klager_geinformeerd is not None and not (k.ontvangen <= a.klager_geinformeerd <= a.datum):
        mist.append(
            "de datum waarop de klager is ingelicht ligt niet tussen de ontvangst en de afhandeling"
        )
    return mist


def wijzig(k: Klacht, velden: dict[str, Any], vandaag: date) -> dict[str, Any]:
    """Correct registration fields; the kenmerk and the procedure stay as they are."""
    nieuw_ontvangen: date = velden.get("ontvangen", k.ontvangen)
    if nieuw_ontvangen != k.ontvangen:
        if k.status is Status.GESLOTEN:
            raise OngeldigeStap(
                f"De ontvangstdatum van de gesloten klacht {k.kenmerk} kan niet meer wijzigen: "
                "de termijntoets van de afhandeling hangt ervan af. Heropen haar eerst."
            )
        if nieuw_ontvangen.year != k.jaar:
            raise OngeldigeStap(
                f"De ontvangstdatum van {k.kenmerk} moet in {k.jaar} blijven (het jaar hoort bij "
                "het kenmerk). Registreer de klacht opnieuw als het jaar niet klopt."
            )
        if nieuw_ontvangen > vandaag:
            raise OngeldigeStap(f"ontvangen: {nl_datum(nieuw_ontvangen)} ligt in de toekomst.")
        eerste_stap = min(
            [d for d in (k.bevestigd, k.afschrift, k.gehoord) if d]
            + [v.datum for v in k.verdagingen],
            default=None,
        )
        if eerste_stap and nieuw_ontvangen > eerste_stap:
            raise OngeldigeStap(
                f"ontvangen: {nl_datum(nieuw_ontvangen)} ligt na een stap van de procedure "
                f"({nl_datum(eerste_stap)})."
            )
    gedraging = velden.get("gedraging", k.gedraging)
    if gedraging and gedraging > nieuw_ontvangen:
        raise OngeldigeKlacht(
            f"gedraging: {nl_datum(gedraging)} ligt na de ontvangst ({nl_datum(nieuw_ontvangen)})."
        )
    if k.behandelaar and ("beklaagde" in velden or "beklaagde_soort" in velden):
        controleer_onafhankelijkheid_van(
            k.kenmerk,
            velden.get("beklaagde", k.beklaagde),
            velden.get("beklaagde_soort", k.beklaagde_soort),
            k.behandelaar,
        )
    gewijzigd: list[str] = []
    for veld, waarde in velden.items():
        if veld.startswith("klager_"):
            continue
        if getattr(k, veld) != waarde:
            setattr(k, veld, waarde)
            gewijzigd.append(veld)
    herbereken_termijn(k)
    return {"gewijzigd": sorted(gewijzigd)}


def heropen(k: Klacht, datum: date, reden: str, vandaag: date) -> dict[str, Any]:
    """Reopen a closed complaint; the earlier outcome stays in the history."""
    if k.status is not Status.GESLOTEN:
        raise OngeldigeStap(f"{k.kenmerk} is open; alleen een gesloten klacht kan heropend worden.")
    if not reden.strip():
        raise OngeldigeStap("Heropenen vraagt om een reden; geef --reden.")
    controleer_datum(k, datum, vandaag, "het heropenen")
    if k.afgehandeld and datum < k.afgehandeld:
        raise OngeldigeStap(
            f"Heropenen ({nl_datum(datum)}) kan niet voor de afhandeling ({nl_datum(k.afgehandeld)})."
        )
    k.status = Status.OPEN
    k.heropend = datum
    for veld in (
        "uitkomst",
        "afgehandeld",
        "binnen_termijn",
        "bevindingen",
        "conclusies",
        "tevredenheid",
        "doorgestuurd_naar",
        "bestemming_soort",
        "klager_geinformeerd",
        "wijze_intrekking",
        "reden_niet_ontvankelijk",
        "grond_9_8",
        "bewaren_tot",
    ):
        setattr(k, veld, None)
    return {"heropend": datum.isoformat(), "reden": reden.strip()}


def meld_ombudsman(k: Klacht, datum: date, vandaag: date) -> dict[str, Any]:
    """Record that the klager took the complaint to the ombudsman (kept 10 years)."""
    if k.status is not Status.GESLOTEN or k.afgehandeld is None or k.uitkomst is None:
        raise OngeldigeStap(
            f"{k.kenmerk} is nog open; de ombudsman komt pas na de afhandeling in beeld (Awb 9:20)."
        )
    controleer_datum(k, datum, vandaag, "de melding bij de ombudsman")
    if datum < k.afgehandeld:
        raise OngeldigeStap(
            f"De ombudsman ({nl_datum(datum)}) kan niet voor de afhandeling ({nl_datum(k.afgehandeld)})."
        )
    k.ombudsman = datum
    k.bewaren_tot = bewaartermijn(k.uitkomst, k.afgehandeld, ombudsman=True)
    return {"ombudsman": datum.isoformat(), "bewaren_tot": k.bewaren_tot.isoformat()}
