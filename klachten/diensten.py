"""Services of the register: each takes a Werkeenheid and records what it changes.

The CLI calls exactly one of these per command; they never commit (the
command's unit of work does) and never print.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

import kwaliteit.profielversies as profielversies
from klachten import procedure
from klachten.fouten import OnbekendeKlacht, OngeldigeKlacht
from klachten.invoer import NieuweKlacht, Registratieregels, maak_kenmerk
from klachten.invoer import kenmerk as normaliseer_kenmerk
from klachten.modellen import Klacht, Klager
from klachten.termijnen import (
    afhandeltermijn,
    gedraging_te_oud,
    ombudsmanvenster,
    termijn_9_8,
)
from klachten.velden import REGISTRATIEVELDEN
from klachten.waarden import (
    AFZIEN_HOREN_OMSCHRIJVING,
    GROND_98_OMSCHRIJVING,
    AfzienHoren,
    Status,
    StatusFilter,
)
from kwaliteit.audit import geschiedenis
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.tijd import nl_datum

ONDERWERP = "klacht"


@dataclass
class Registratie:
    kenmerk: str
    uiterste_datum: date
    waarschuwingen: list[str] = field(default_factory=list)


# -- registration --------------------------------------------------------------


def controleer_nieuw(n: NieuweKlacht, vandaag: date) -> list[str]:
    """Problems with a new complaint as a whole (the fields were checked one by one)."""
    fouten = []
    if n.ontvangen > vandaag:
        fouten.append(
            f"ontvangen: {nl_datum(n.ontvangen)} ligt in de toekomst; "
            f"gebruik een datum tot en met vandaag ({nl_datum(vandaag)})."
        )
    if n.gedraging and n.gedraging > n.ontvangen:
        fouten.append(
            f"gedraging: {nl_datum(n.gedraging)} ligt na de ontvangst ({nl_datum(n.ontvangen)}); "
            "een klacht gaat over een gedraging die al plaatsvond."
        )
    return fouten


def waarschuwingen_bij(n: NieuweKlacht | Klacht) -> list[str]:
    if gedraging_te_oud(n.gedraging, n.ontvangen):
        return [
            f"De gedraging ({nl_datum(n.gedraging)}) ligt meer dan een jaar voor de ontvangst: "
            "de klacht hoeft niet behandeld te worden (Awb 9:8 lid 1b). Meld dat binnen vier "
            f"weken (uiterlijk {nl_datum(termijn_9_8(n.ontvangen))})."
        ]
    return []


class Kenmerkteller:
    """Hands out gap-free kenmerken per year; the caller holds the write lock."""

    def __init__(self, w: Werkeenheid) -> None:
        self._w = w
        self._laatste: dict[int, int] = {}

    def volgende(self, jaar: int) -> int:
        if jaar not in self._laatste:
            hoogste = self._w.sessie.execute(
                select(func.max(Klacht.volgnummer)).where(Klacht.jaar == jaar)
            ).scalar_one()
            self._laatste[jaar] = hoogste or 0
        self._laatste[jaar] += 1
        return self._laatste[jaar]


def nieuwe_kolommen(
    n: NieuweKlacht, jaar_volgnummer: tuple[int, int], geregistreerd: datetime
) -> dict[str, Any]:
    """The column values of a new complaint (without id and klager): what it is stored as."""
    jaar, volgnummer = jaar_volgnummer
    return {
        "kenmerk": maak_kenmerk(jaar, volgnummer),
        "jaar": jaar,
        "volgnummer": volgnummer,
        "geregistreerd": geregistreerd,
        **{v.naam: getattr(n, v.naam) for v in _KLACHTVELDEN},
        "status": Status.OPEN,
        "termijn_weken": n.weken,
        "uiterste_datum": _eerste_termijn(n.ontvangen, n.weken),
    }


@lru_cache(maxsize=4096)
def _eerste_termijn(ontvangen: date, weken: int) -> date:
    # An import computes it for every row, over a few hundred distinct dates.
    return afhandeltermijn(ontvangen, weken=weken, verdaagd_weken=0)


def nieuw_model(n: NieuweKlacht, jaar_volgnummer: tuple[int, int], w: Werkeenheid) -> Klacht:
    k = Klacht(**nieuwe_kolommen(n, jaar_volgnummer, w.audit.tijdstip))
    if n.klager_naam or n.klager_contact:
        k.klager = Klager(naam=n.klager_naam, contact=n.klager_contact)
    return k


# The registration fields stored in the klacht table (the klager's are in its own).
_KLACHTVELDEN = tuple(v for v in REGISTRATIEVELDEN if not v.klager)


def regels(w: Werkeenheid) -> Registratieregels:
    """The registration rules of the organisation profile in force."""
    return Registratieregels(profielversies.huidig(w).profiel)


def registreer_invoer(
    w: Werkeenheid, invoer: Mapping[str, str | None], *, adviescommissie: bool | None = None
) -> Registratie:
    """Check what was typed per field (klachten.velden) against the profile; register it."""
    return registreer(w, regels(w).nieuwe_klacht(invoer, adviescommissie=adviescommissie))


def wijzig_invoer(w: Werkeenheid, kenmerk: str, opgegeven: Mapping[str, str | None]) -> Klacht:
    """Check the typed corrections (None: leave as it is) and apply them."""
    return wijzig(w, kenmerk, regels(w).wijziging(opgegeven))


def registreer(w: Werkeenheid, n: NieuweKlacht) -> Registratie:
    """Register one complaint and give it the next kenmerk of its year."""
    fouten = controleer_nieuw(n, w.vandaag)
    if fouten:
        raise OngeldigeKlacht(fouten[0], details=fouten)
    teller = Kenmerkteller(w)
    k = nieuw_model(n, (n.ontvangen.year, teller.volgende(n.ontvangen.year)), w)
    w.sessie.add(k)
    w.sessie.flush()
    w.audit.leg_vast(ONDERWERP, k.kenmerk, "registreer", na=_registratie_na(k))
    return Registratie(k.kenmerk, k.uiterste_datum, waarschuwingen_bij(k))


def _registratie_na(k: Klacht) -> dict[str, Any]:
    # The klager's data never enters the audit trail: only whether it was given.
    return {**procedure.momentopname(k), "klager_vastgelegd": k.klager is not None}


# -- loading ------------------------------------------------------------------


def laad(w: Werkeenheid, tekst: str, *, met_klager: bool = False) -> Klacht:
    """The complaint; its klager's personal data is read only when asked for (or touched)."""
    gezocht = normaliseer_kenmerk(tekst)
    opties = [selectinload(Klacht.verdagingen)]
    if met_klager:
        opties.append(selectinload(Klacht.klager))
    k = w.sessie.execute(
        select(Klacht).where(Klacht.kenmerk == gezocht).options(*opties)
    ).scalar_one_or_none()
    if k is None:
        raise OnbekendeKlacht(
            f"Er is geen klacht met kenmerk {gezocht}. 'kwaliteit klacht lijst' toont de kenmerken."
        )
    return k


def _stap(w: Werkeenheid, kenmerk: str, actie: str, doe: Any) -> Klacht:
    k = laad(w, kenmerk)
    voor = procedure.momentopname(k)
    details = doe(k)
    w.sessie.flush()
    w.audit.leg_vast(
        ONDERWERP, k.kenmerk, actie, voor=voor, na={**procedure.momentopname(k), **details}
    )
    return k


# -- procedure steps -----------------------------------------------------------


def bevestig(w: Werkeenheid, kenmerk: str, datum: date | None) -> Klacht:
    return _stap(
        w, kenmerk, "bevestig", lambda k: procedure.bevestig(k, datum or w.vandaag, w.vandaag)
    )


def stuur_afschrift(w: Werkeenheid, kenmerk: str, datum: date | None) -> Klacht:
    return _stap(
        w,
        kenmerk,
        "afschrift",
        lambda k: procedure.stuur_afschrift(k, datum or w.vandaag, w.vandaag),
    )


def hoor(w: Werkeenheid, kenmerk: str, datum: date | None, verslag: str) -> Klacht:
    return _stap(
        w, kenmerk, "hoor", lambda k: procedure.hoor(k, datum or w.vandaag, verslag, w.vandaag)
    )


def zie_af_van_horen(w: Werkeenheid, kenmerk: str, grond: AfzienHoren) -> Klacht:
    return _stap(w, kenmerk, "afzien-horen", lambda k: procedure.zie_af_van_horen(k, grond))


def wijs_toe(w: Werkeenheid, kenmerk: str, behandelaar: str) -> Klacht:
    return _stap(w, kenmerk, "wijs-toe", lambda k: procedure.wijs_toe(k, behandelaar))


def verdaag(
    w: Werkeenheid,
    kenmerk: str,
    *,
    weken: int,
    reden: str,
    datum: date | None,
    instemming: date | None,
) -> Klacht:
    def doe(k: Klacht) -> dict[str, Any]:
        v = procedure.verdaag(
            k,
            datum=datum or w.vandaag,
            weken=weken,
            reden=reden,
            instemming=instemming,
            vandaag=w.vandaag,
        )
        return {
            "verdaging_weken": v.weken,
            "reden": v.reden,
            "instemming_klager": v.instemming_klager.isoformat() if v.instemming_klager else None,
        }

    return _stap(w, kenmerk, "verdaag", doe)


def wijzig(w: Werkeenheid, kenmerk: str, velden: dict[str, Any]) -> Klacht:
    """Correct registration fields; the klager's data stays out of the audit trail."""

    def doe(k: Klacht) -> dict[str, Any]:
        details = procedure.wijzig(k, velden, w.vandaag)
        if "klager_naam" in velden or "klager_contact" in velden:
            if k.klager is None:
                k.klager = Klager()
            if "klager_naam" in velden:
                k.klager.naam = velden["klager_naam"]
            if "klager_contact" in velden:
                k.klager.contact = velden["klager_contact"]
            details["klagergegevens"] = "gewijzigd"
        return details

    return _stap(w, kenmerk, "wijzig", doe)


def sluit(w: Werkeenheid, kenmerk: str, afhandeling: procedure.Afhandeling) -> Klacht:
    bewaren = profielversies.huidig(w).profiel.bewaartermijnen
    return _stap(w, kenmerk, "sluit", lambda k: procedure.sluit(k, afhandeling, w.vandaag, bewaren))


def heropen(w: Werkeenheid, kenmerk: str, reden: str, datum: date | None) -> Klacht:
    return _stap(
        w, kenmerk, "heropen", lambda k: procedure.heropen(k, datum or w.vandaag, reden, w.vandaag)
    )


def meld_ombudsman(w: Werkeenheid, kenmerk: str, datum: date | None) -> Klacht:
    return _stap(
        w,
        kenmerk,
        "ombudsman",
        lambda k: procedure.meld_ombudsman(k, datum or w.vandaag, w.vandaag),
    )


# -- reading -------------------------------------------------------------------


def te_laat(k: Klacht, vandaag: date) -> bool:
    """Past the afhandeltermijn: still open after it, or closed after it.

    ``k`` is a Klacht or a row of :func:`lijst` (the same attribute names).
    """
    if k.status is Status.OPEN:
        return k.uiterste_datum < vandaag
    return k.binnen_termijn is False


def lijstregel(k: Klacht, vandaag: date) -> dict[str, Any]:
    """One complaint in ``klacht lijst --json`` (documented in the README).

    ``k`` is a Klacht or a row of :func:`lijst` (the same attribute names).
    """
    return {
        "kenmerk": k.kenmerk,
        "ontvangen": k.ontvangen.isoformat(),
        "kanaal": k.kanaal.value,
        "categorie": k.categorie,
        "wijk": k.wijk,
        "aanbieder": k.aanbieder,
        "regime": k.regime.value,
        "status": k.status.value,
        "uiterste_datum": k.uiterste_datum.isoformat(),
        "uitkomst": k.uitkomst.value if k.uitkomst else None,
        "afgehandeld": k.afgehandeld.isoformat() if k.afgehandeld else None,
        "te_laat": te_laat(k, vandaag),
    }


# The columns a list shows (text or JSON): never whole ORM objects for a list (bench
# finding 2). Rows carry them under the Klacht's attribute names.
_LIJSTKOLOMMEN = (
    "kenmerk",
    "ontvangen",
    "kanaal",
    "categorie",
    "wijk",
    "aanbieder",
    "regime",
    "status",
    "uiterste_datum",
    "uitkomst",
    "afgehandeld",
    "binnen_termijn",
)


def _lijstfilter(w: Werkeenheid, q: Any, *, jaar: int | None, status: StatusFilter | None) -> Any:
    """``q`` with the WHERE of ``klacht lijst``'s filters (all in SQL)."""
    if jaar is not None:
        q = q.where(Klacht.jaar == jaar)
    if status is StatusFilter.OPEN:
        q = q.where(Klacht.status == Status.OPEN)
    elif status is StatusFilter.GESLOTEN:
        q = q.where(Klacht.status == Status.GESLOTEN)
    elif status is StatusFilter.TE_LAAT:
        q = q.where(
            or_(
                (Klacht.status == Status.OPEN) & (Klacht.uiterste_datum < w.vandaag),
                Klacht.binnen_termijn.is_(False),
            )
        )
    return q


def lijst(
    w: Werkeenheid,
    *,
    jaar: int | None = None,
    status: StatusFilter | None = None,
    limiet: int | None = None,
) -> Iterator[Any]:
    """Complaints in kenmerk order, streamed (filters run in SQL).

    Yields rows (not ORM objects) with only the listed columns, read by the Klacht's
    attribute names (``r.kenmerk``, ``r.status``, …); :func:`lijstregel` and
    :func:`te_laat` take them. Streamed in blocks (a server-side cursor on PostgreSQL),
    so memory stays flat however many complaints match.
    """
    kolommen = Klacht.__table__.c
    q = _lijstfilter(
        w,
        select(*(kolommen[naam] for naam in _LIJSTKOLOMMEN)),
        jaar=jaar,
        status=status,
    ).order_by(kolommen.jaar, kolommen.volgnummer)
    if limiet is not None:
        q = q.limit(limiet)
    yield from w.sessie.execute(q.execution_options(yield_per=1000))


def tel(w: Werkeenheid, *, jaar: int | None = None, status: StatusFilter | None = None) -> int:
    """How many complaints :func:`lijst` yields with these filters (one COUNT in SQL)."""
    q = _lijstfilter(w, select(func.count()).select_from(Klacht), jaar=jaar, status=status)
    return int(w.sessie.execute(q).scalar_one())


def toon(w: Werkeenheid, kenmerk: str, *, met_klager: bool = False) -> dict[str, Any]:
    """Everything about one complaint (``klacht toon --json``), with history and deadlines."""
    k = laad(w, kenmerk, met_klager=met_klager)
    d: dict[str, Any] = {
        **lijstregel(k, w.vandaag),
        "gedraging": k.gedraging.isoformat() if k.gedraging else None,
        "omschrijving": k.omschrijving,
        "beklaagde": k.beklaagde,
        "beklaagde_soort": k.beklaagde_soort.value if k.beklaagde_soort else None,
        "team": k.team,
        "adviescommissie": k.adviescommissie,
        "schriftelijk": k.schriftelijk,
        "behandelaar": k.behandelaar,
        "bevestigd": _iso(k.bevestigd),
        "afschrift": _iso(k.afschrift),
        "gehoord": _iso(k.gehoord),
        "hoorverslag": k.hoorverslag,
        "afzien_horen": (
            {
                "grond": k.afzien_horen.value,
                "omschrijving": AFZIEN_HOREN_OMSCHRIJVING[k.afzien_horen],
            }
            if k.afzien_horen
            else None
        ),
        "verdagingen": [
            {
                "datum": v.datum.isoformat(),
                "weken": v.weken,
                "reden": v.reden,
                "instemming_klager": _iso(v.instemming_klager),
            }
            for v in k.verdagingen
        ],
        "afhandeling": _afhandeling(k),
        "termijnen": {
            "afhandeling": k.uiterste_datum.isoformat(),
            "melding_9_8": termijn_9_8(k.ontvangen).isoformat(),
            "ombudsman_tot": _iso(ombudsmanvenster(k.afgehandeld)) if k.afgehandeld else None,
            "bewaren_tot": _iso(k.bewaren_tot),
        },
        "waarschuwingen": waarschuwingen_bij(k),
        "geschiedenis": [
            {
                "volgnummer": g.volgnummer,
                "tijdstip": g.tijdstip.isoformat(timespec="seconds"),
                "door": g.door,
                "actie": g.actie,
                "omschrijving": beschrijf_gebeurtenis(g.actie, g.voor, g.na),
            }
            for g in geschiedenis(w.sessie, ONDERWERP, k.kenmerk)
        ],
    }
    if met_klager:
        d["klager"] = (
            {
                "naam": k.klager.naam,
                "contact": k.klager.contact,
                "gepseudonimiseerd": _iso(k.klager.gepseudonimiseerd),
            }
            if k.klager
            else None
        )
    return d


def beschrijf_gebeurtenis(actie: str, voor: str | None, na: str | None) -> str:
    """One readable line for an audit event of a complaint (no personal data is in it)."""
    v: dict[str, Any] = json.loads(voor) if voor else {}
    n: dict[str, Any] = json.loads(na) if na else {}

    def dt(sleutel: str, bron: dict[str, Any] = n) -> str:
        waarde = bron.get(sleutel)
        return nl_datum(date.fromisoformat(waarde)) if waarde else "?"

    if actie == "registreer":
        return "geregistreerd" + (" (import)" if n.get("via") == "import" else "")
    if actie == "bevestig":
        return f"ontvangst bevestigd op {dt('bevestigd')}"
    if actie == "afschrift":
        return f"afschrift aan de beklaagde op {dt('afschrift')}"
    if actie == "hoor":
        return f"gehoord op {dt('gehoord')}"
    if actie == "afzien-horen":
        return f"afgezien van horen, grond {n.get('afzien_horen')}"
    if actie == "wijs-toe":
        return f"behandelaar: {n.get('behandelaar')}"
    if actie == "verdaag":
        extra = (
            f", instemming klager {dt('instemming_klager')}" if n.get("instemming_klager") else ""
        )
        return f"verdaagd met {n.get('verdaging_weken')} weken tot {dt('uiterste_datum')}{extra}"
    if actie == "wijzig":
        velden = list(n.get("gewijzigd", [])) + (
            ["klagergegevens"] if n.get("klagergegevens") else []
        )
        return "registratie gewijzigd: " + (", ".join(velden) or "niets")
    if actie == "sluit":
        return f"gesloten met uitkomst {n.get('uitkomst')} op {dt('afgehandeld')}"
    if actie == "heropen":
        return (
            f"heropend op {dt('heropend')} (was: {v.get('uitkomst')} op {dt('afgehandeld', v)}); "
            f"reden: {n.get('reden')}"
        )
    if actie == "ombudsman":
        return f"bij de ombudsman op {dt('ombudsman')}"
    if actie == "pseudonimiseer":
        return "klagergegevens gepseudonimiseerd (bewaartermijn verstreken)"
    return actie


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _afhandeling(k: Klacht) -> dict[str, Any] | None:
    if k.uitkomst is None:
        return None
    velden: dict[str, Any] = {
        "uitkomst": k.uitkomst.value,
        "datum": _iso(k.afgehandeld),
        "binnen_termijn": k.binnen_termijn,
        "bevindingen": k.bevindingen,
        "conclusies": k.conclusies,
        "tevredenheid": k.tevredenheid,
        "doorgestuurd_naar": k.doorgestuurd_naar,
        "bestemming_soort": k.bestemming_soort.value if k.bestemming_soort else None,
        "klager_geinformeerd": _iso(k.klager_geinformeerd),
        "wijze_intrekking": k.wijze_intrekking,
        "reden_niet_ontvankelijk": k.reden_niet_ontvankelijk,
        "grond_9_8": (
            {"grond": k.grond_9_8.value, "omschrijving": GROND_98_OMSCHRIJVING[k.grond_9_8]}
            if k.grond_9_8
            else None
        ),
        "ombudsman": _iso(k.ombudsman),
    }
    return {sleutel: waarde for sleutel, waarde in velden.items() if waarde is not None}


@dataclass(frozen=True)
class Termijn:
    kenmerk: str
    soort: str
    uiterlijk: date
    dagen: int
    omschrijving: str

    def als_dict(self) -> dict[str, Any]:
        return {
            "kenmerk": self.kenmerk,
            "soort": self.soort,
            "uiterlijk": self.uiterlijk.isoformat(),
            "dagen_resterend": self.dagen,
            "verlopen": self.dagen < 0,
            "omschrijving": self.omschrijving,
        }


def termijnen(w: Werkeenheid, *, binnen: int) -> list[Termijn]:
    """Deadlines of open complaints that end within ``binnen`` days, or have passed.

    In order of the deadline, then of the register (jaar, volgnummer); a complaint's
    afhandeltermijn comes before its 9:8 notice on the same day.
    """
    from dateutil.relativedelta import relativedelta
    from sqlalchemy import exists

    from klachten.modellen import Verdaging
    from klachten.termijnen import GEDRAGING_MAX_JAREN

    grens = w.vandaag + timedelta(days=binnen)
    # A 9:8 notice is due 4 weeks (Atw) after receipt, so it can only end by ``grens``
    # when the complaint was received at least 28 days before it; only complaints whose
    # gedraging is known can be more than a year old (9:8 lid 1b), and then the gedraging
    # lies more than a year before that latest receipt too. That bound is in SQL (the same
    # on both databases); gedraging_te_oud decides exactly below.
    laatst_ontvangen = grens - timedelta(days=28)
    oudste_gedraging = laatst_ontvangen - relativedelta(years=GEDRAGING_MAX_JAREN)
    # Only the columns the deadlines need and whether the complaint was postponed, not
    # whole complaints with their verdagingen (bench finding 3b).
    q = select(
        Klacht.kenmerk,
        Klacht.jaar,
        Klacht.volgnummer,
        Klacht.uiterste_datum,
        Klacht.ontvangen,
        Klacht.gedraging,
        exists().where(Verdaging.klacht_id == Klacht.id).label("verdaagd"),
    ).where(
        Klacht.status == Status.OPEN,
        or_(
            Klacht.uiterste_datum <= grens,
            Klacht.gedraging.is_not(None)
            & (Klacht.ontvangen <= laatst_ontvangen)
            & (Klacht.gedraging < oudste_gedraging),
        ),
    )
    gevonden: list[tuple[date, int, int, Termijn]] = []
    for kenmerk, jaar, volgnummer, uiterste, ontvangen, gedraging, verdaagd in w.sessie.execute(
        q.execution_options(yield_per=1000)
    ):
        if uiterste <= grens:
            omschrijving = "afhandeltermijn (Awb 9:11)" + (" na verdaging" if verdaagd else "")
            gevonden.append(
                (
                    uiterste,
                    jaar,
                    volgnummer,
                    Termijn(
                        kenmerk,
                        "afhandeling",
                        uiterste,
                        (uiterste - w.vandaag).days,
                        omschrijving,
                    ),
                )
            )
        if (
            gedraging is not None
            and gedraging < oudste_gedraging
            and ontvangen <= laatst_ontvangen
            and _te_oud(gedraging, ontvangen)
        ):
            t98 = termijn_9_8(ontvangen)
            if t98 <= grens:
                gevonden.append(
                    (
                        t98,
                        jaar,
                        volgnummer,
                        Termijn(
                            kenmerk,
                            "melding-9:8",
                            t98,
                            (t98 - w.vandaag).days,
                            "mededeling niet-in-behandeling (Awb 9:8 lid 3); "
                            "gedraging ouder dan een jaar",
                        ),
                    )
                )
    # Stable: for one complaint the afhandeltermijn stays before its 9:8 notice.
    gevonden.sort(key=lambda g: g[:3])
    return [g[3] for g in gevonden]


def _te_oud(gedraging: date, ontvangen: date) -> bool:
    """gedraging_te_oud, without its slow relativedelta for all but a two-day window.

    A year before ``ontvangen`` lies 365 or 366 days back.
    """
    dagen = (ontvangen - gedraging).days
    if dagen <= 365:
        return False
    if dagen > 366:
        return True
    return gedraging_te_oud(gedraging, ontvangen)


# -- retention -------------------------------------------------------------------


def opschonen(w: Werkeenheid, *, uitvoeren: bool) -> list[tuple[str, date]]:
    """Pseudonymise the klager's data of complaints past their retention term."""
    q = (
        select(Klacht, Klager)
        .join(Klager, Klager.klacht_id == Klacht.id)
        .where(
            Klacht.bewaren_tot.is_not(None),
            Klacht.bewaren_tot < w.vandaag,
            Klager.gepseudonimiseerd.is_(None),
        )
        .order_by(Klacht.jaar, Klacht.volgnummer)
    )
    gevonden: list[tuple[str, date]] = []
    for k, klager in w.sessie.execute(q).all():
        assert k.bewaren_tot is not None
        gevonden.append((k.kenmerk, k.bewaren_tot))
        if uitvoeren:
            klager.naam = None
            klager.contact = None
            klager.gepseudonimiseerd = w.vandaag
            w.audit.leg_vast(
                ONDERWERP,
                k.kenmerk,
                "pseudonimiseer",
                na={
                    "klagergegevens": "verwijderd",
                    "bewaren_tot": k.bewaren_tot.isoformat(),
                    "grond": "bewaartermijn verstreken (Selectielijst gemeenten, procestype 13)",
                },
            )
    w.sessie.flush()
    return gevonden
