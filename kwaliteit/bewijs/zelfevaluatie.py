"""Self-assessment (oordeel per norm per ronde), findings and improvement actions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from klachten.diensten import laad as laad_klacht
from kwaliteit.bewijs.modellen import (
    ActieKlacht,
    Actiestatus,
    Bevinding,
    Bevindingsoort,
    Oordeel,
    Oordeelwaarde,
    Verbeteractie,
)
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout, NietGevonden
from kwaliteit.keuzes import keuze, opsomming
from kwaliteit.tijd import nl_datum
from normen import diensten as normdiensten
from normen.modellen import Norm

ONDERWERP_OORDEEL = "oordeel"
ONDERWERP_BEVINDING = "bevinding"
ONDERWERP_ACTIE = "verbeteractie"


def standaardronde(w: Werkeenheid) -> str:
    """The assessment round when none is named: the current year."""
    return str(w.vandaag.year)


def _tekst(waarde: str | None, veld: str, *, verplicht: bool = True, grens: int = 10_000) -> str:
    schoon = (waarde or "").strip()
    if verplicht and not schoon:
        raise InvoerFout(f"{veld} is verplicht en mag niet leeg zijn.")
    if len(schoon) > grens:
        raise InvoerFout(f"{veld} is {len(schoon)} tekens; ten hoogste {grens} is toegestaan.")
    return schoon


def beoordeel(
    w: Werkeenheid,
    *,
    kader: str,
    ref: str,
    waarde: Oordeelwaarde,
    toelichting: str,
    ronde: str | None = None,
    versie: str | None = None,
) -> Oordeel:
    """Record (or replace) the oordeel of one norm in one round."""
    return _beoordeel(
        w, kader=kader, ref=ref, waarde=waarde, toelichting=toelichting, ronde=ronde, versie=versie
    )[0]


@dataclass(frozen=True)
class Beoordeling:
    """What ``beoordeel_norm`` recorded, and the oordeel it replaced (None: the first)."""

    kader: str
    ref: str
    ronde: str
    waarde: Oordeelwaarde
    vorig: Oordeelwaarde | None


def beoordeel_norm(
    w: Werkeenheid,
    *,
    kader: str,
    ref: str,
    oordeel: str,
    toelichting: str,
    ronde: str | None = None,
    versie: str | None = None,
) -> Beoordeling:
    """``kwaliteit beoordeel``: the oordeel as typed, checked against the kader's own scale.

    Case, spaces and accents of ``oordeel`` don't matter; a value that is no oordeel
    at all is reported with the scale of the kader (version ``versie``).
    """
    try:
        waarde = keuze(Oordeelwaarde, oordeel, "oordeel")
    except InvoerFout:
        schaal = json.loads(normdiensten.versie(w, kader, versie).schaal)
        raise InvoerFout(
            f"oordeel: '{oordeel}' is niet toegestaan; kies {opsomming(schaal)}."
        ) from None
    o, vorig, n = _beoordeel(
        w, kader=kader, ref=ref, waarde=waarde, toelichting=toelichting, ronde=ronde, versie=versie
    )
    return Beoordeling(kader=kader, ref=n.ref, ronde=o.ronde, waarde=o.waarde, vorig=vorig)


def _beoordeel(
    w: Werkeenheid,
    *,
    kader: str,
    ref: str,
    waarde: Oordeelwaarde,
    toelichting: str,
    ronde: str | None,
    versie: str | None,
) -> tuple[Oordeel, Oordeelwaarde | None, Norm]:
    """The oordeel recorded, the value it replaced, and the norm."""
    v = normdiensten.versie(w, kader, versie)
    n = normdiensten.norm(w, v, ref)
    if not n.beoordeelbaar:
        raise InvoerFout(
            f"{kader} {n.ref} ({n.titel}) is een categorie, geen beoordeelbare norm; "
            "beoordeel de normen eronder."
        )
    schaal = json.loads(v.schaal)
    if waarde.value not in schaal:
        raise InvoerFout(f"Oordeel '{waarde}' hoort niet bij {kader}; kies {', '.join(schaal)}.")
    uitleg = _tekst(toelichting, "toelichting")
    r = (ronde or standaardronde(w)).strip()
    bestaand = w.sessie.execute(
        select(Oordeel).where(Oordeel.ronde == r, Oordeel.norm_id == n.id)
    ).scalar_one_or_none()
    vorig = bestaand.waarde if bestaand else None
    voor = _oordeel_dict(bestaand, kader, n) if bestaand else None
    if bestaand is None:
        bestaand = Oordeel(
            ronde=r, norm_id=n.id, waarde=waarde, toelichting=uitleg, door=w.door, datum=w.vandaag
        )
        w.sessie.add(bestaand)
    else:
        bestaand.waarde, bestaand.toelichting = waarde, uitleg
        bestaand.door, bestaand.datum = w.door, w.vandaag
    w.sessie.flush()
    w.audit.leg_vast(
        ONDERWERP_OORDEEL,
        f"{kader}@{v.versie}/{n.ref}/{r}",
        "beoordeel",
        voor=voor,
        na=_oordeel_dict(bestaand, kader, n),
    )
    return bestaand, vorig, n


def _oordeel_dict(o: Oordeel, kader: str, n: Norm) -> dict[str, Any]:
    return {
        "kader": kader,
        "norm": n.ref,
        "ronde": o.ronde,
        "oordeel": o.waarde.value,
        "toelichting": o.toelichting,
        "door": o.door,
        "datum": o.datum.isoformat(),
    }


def _volgnummer(w: Werkeenheid, kolom: Any) -> int:
    return int(w.sessie.execute(select(func.max(kolom))).scalar_one() or 0) + 1


def registreer_bevinding(
    w: Werkeenheid,
    *,
    soort: Bevindingsoort,
    omschrijving: str,
    kader: str | None = None,
    ref: str | None = None,
    ronde: str | None = None,
    datum: date | None = None,
) -> Bevinding:
    norm_id = None
    if ref is not None:
        if kader is None:
            raise InvoerFout("Geef bij --norm ook --kader.")
        norm_id = normdiensten.norm(w, normdiensten.versie(w, kader), ref).id
    dag = datum or w.vandaag
    if dag > w.vandaag:
        raise InvoerFout(f"De datum van de bevinding ({nl_datum(dag)}) ligt in de toekomst.")
    nummer = _volgnummer(w, Bevinding.volgnummer)
    b = Bevinding(
        kenmerk=f"BV-{nummer:04d}",
        volgnummer=nummer,
        ronde=(ronde or standaardronde(w)).strip(),
        norm_id=norm_id,
        soort=soort,
        omschrijving=_tekst(omschrijving, "omschrijving"),
        datum=dag,
    )
    w.sessie.add(b)
    w.sessie.flush()
    w.audit.leg_vast(
        ONDERWERP_BEVINDING,
        b.kenmerk,
        "registreer",
        na={
            "soort": soort.value,
            "kader": kader,
            "norm": ref,
            "ronde": b.ronde,
            "omschrijving": b.omschrijving,
        },
    )
    return b


def laad_bevinding(w: Werkeenheid, kenmerk: str) -> Bevinding:
    b = w.sessie.execute(
        select(Bevinding).where(Bevinding.kenmerk == kenmerk.strip().upper())
    ).scalar_one_or_none()
    if b is None:
        raise NietGevonden(f"Er is geen bevinding met kenmerk '{kenmerk}'.")
    return b


def laad_actie(w: Werkeenheid, kenmerk: str) -> Verbeteractie:
    a = w.sessie.execute(
        select(Verbeteractie).where(Verbeteractie.kenmerk == kenmerk.strip().upper())
    ).scalar_one_or_none()
    if a is None:
        raise NietGevonden(
            f"Er is geen verbeteractie met kenmerk '{kenmerk}'. 'kwaliteit actie lijst' toont ze."
        )
    return a


def registreer_actie(
    w: Werkeenheid,
    *,
    omschrijving: str,
    eigenaar: str,
    deadline: date,
    kader: str | None = None,
    ref: str | None = None,
    bevinding: str | None = None,
    klachten: list[str] | None = None,
) -> Verbeteractie:
    """An improvement action, optionally tied to a norm, a finding and complaints."""
    norm_id = None
    if ref is not None:
        if kader is None:
            raise InvoerFout("Geef bij --norm ook --kader.")
        n = normdiensten.norm(w, normdiensten.versie(w, kader), ref)
        if not n.beoordeelbaar:
            raise InvoerFout(
                f"{kader} {n.ref} ({n.titel}) is een categorie, geen beoordeelbare norm; "
                "verbind de actie met een norm eronder."
            )
        norm_id = n.id
    bevinding_id = laad_bevinding(w, bevinding).id if bevinding else None
    klachtids = list(dict.fromkeys(laad_klacht(w, k).id for k in (klachten or [])))
    nummer = _volgnummer(w, Verbeteractie.volgnummer)
    a = Verbeteractie(
        kenmerk=f"VA-{nummer:04d}",
        volgnummer=nummer,
        omschrijving=_tekst(omschrijving, "omschrijving"),
        eigenaar=_tekst(eigenaar, "eigenaar", grens=200),
        deadline=deadline,
        status=Actiestatus.OPEN,
        norm_id=norm_id,
        bevinding_id=bevinding_id,
        aangemaakt=w.vandaag,
    )
    a.klachten = [ActieKlacht(klacht_id=i) for i in klachtids]
    w.sessie.add(a)
    w.sessie.flush()
    w.audit.leg_vast(ONDERWERP_ACTIE, a.kenmerk, "registreer", na=actie_dict(w, a))
    return a


def wijzig_actie(
    w: Werkeenheid,
    kenmerk: str,
    *,
    status: Actiestatus | None = None,
    deadline: date | None = None,
    eigenaar: str | None = None,
) -> Verbeteractie:
    a = laad_actie(w, kenmerk)
    if status is None and deadline is None and eigenaar is None:
        raise InvoerFout("Geef minstens één van --status, --deadline of --eigenaar.")
    voor = actie_dict(w, a)
    if status is not None and status is not a.status:
        a.status = status
        a.afgerond = w.vandaag if status is Actiestatus.AFGEROND else None
    if deadline is not None:
        a.deadline = deadline
    if eigenaar is not None:
        a.eigenaar = _tekst(eigenaar, "eigenaar", grens=200)
    w.sessie.flush()
    w.audit.leg_vast(ONDERWERP_ACTIE, a.kenmerk, "wijzig", voor=voor, na=actie_dict(w, a))
    return a


def actie_dict(w: Werkeenheid, a: Verbeteractie) -> dict[str, Any]:
    from klachten.modellen import Klacht

    norm = w.sessie.get(Norm, a.norm_id) if a.norm_id else None
    kenmerken = (
        list(
            w.sessie.execute(
                select(Klacht.kenmerk)
                .where(Klacht.id.in_([k.klacht_id for k in a.klachten]))
                .order_by(Klacht.kenmerk)
            ).scalars()
        )
        if a.klachten
        else []
    )
    bevinding = w.sessie.get(Bevinding, a.bevinding_id) if a.bevinding_id else None
    return {
        "kenmerk": a.kenmerk,
        "omschrijving": a.omschrijving,
        "eigenaar": a.eigenaar,
        "deadline": a.deadline.isoformat(),
        "status": a.status.value,
        "te_laat": a.status.is_open and a.deadline < w.vandaag,
        "norm": {"kader": norm.versie.kader.code, "ref": norm.ref} if norm else None,
        "bevinding": bevinding.kenmerk if bevinding else None,
        "klachten": kenmerken,
        "afgerond": a.afgerond.isoformat() if a.afgerond else None,
    }


def acties(
    w: Werkeenheid, *, status: Actiestatus | None = None, alleen_open: bool = False
) -> list[Verbeteractie]:
    q = select(Verbeteractie).order_by(Verbeteractie.volgnummer)
    if status is not None:
        q = q.where(Verbeteractie.status == status)
    if alleen_open:
        q = q.where(Verbeteractie.status.in_([Actiestatus.OPEN, Actiestatus.IN_UITVOERING]))
    return list(w.sessie.execute(q).scalars())


def bevinding_dict(w: Werkeenheid, b: Bevinding) -> dict[str, Any]:
    """A finding as ``kwaliteit bevinding lijst --json`` shows it, with its actions."""
    norm = w.sessie.get(Norm, b.norm_id) if b.norm_id else None
    acties = w.sessie.execute(
        select(Verbeteractie.kenmerk)
        .where(Verbeteractie.bevinding_id == b.id)
        .order_by(Verbeteractie.volgnummer)
    ).scalars()
    return {
        "kenmerk": b.kenmerk,
        "ronde": b.ronde,
        "datum": b.datum.isoformat(),
        "soort": b.soort.value,
        "norm": {"kader": norm.versie.kader.code, "ref": norm.ref} if norm else None,
        "omschrijving": b.omschrijving,
        "acties": list(acties),
    }


def bevindingen(w: Werkeenheid, *, ronde: str | None = None) -> list[Bevinding]:
    q = select(Bevinding).order_by(Bevinding.volgnummer)
    if ronde is not None:
        q = q.where(Bevinding.ronde == ronde)
    return list(w.sessie.execute(q).scalars())
