"""Loading kaders into the database and reading them back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from kwaliteit.eenheid import Werkeenheid
from normen.fouten import OnbekendKader, OngeldigKader
from normen.kaderbestand import KaderData, NormData
from normen.modellen import Kaderversie, Norm, Normkader

ONDERWERP = "kader"


@dataclass(frozen=True)
class Laadresultaat:
    code: str
    versie: str
    nieuw: bool
    normen: int
    vorige_versie: str | None


def laad(w: Werkeenheid, kader: KaderData) -> Laadresultaat:
    """Store a kader version. The same content again is a no-op; a new version is added
    beside the old ones (whose assessments stay as they are)."""
    bestaand = w.sessie.execute(
        select(Normkader).where(Normkader.code == kader.code)
    ).scalar_one_or_none()
    vorige: str | None = None
    if bestaand is None:
        bestaand = Normkader(code=kader.code, naam=kader.naam)
        w.sessie.add(bestaand)
        w.sessie.flush()
    else:
        zelfde = w.sessie.execute(
            select(Kaderversie).where(
                Kaderversie.kader_id == bestaand.id, Kaderversie.versie == kader.versie
            )
        ).scalar_one_or_none()
        if zelfde is not None:
            if zelfde.sha256 == kader.sha256():
                return Laadresultaat(kader.code, kader.versie, False, len(kader.normen), None)
            raise OngeldigKader(
                f"Versie '{kader.versie}' van {kader.code} is al geladen met een andere inhoud. "
                "Een geladen versie verandert niet meer: geef de nieuwe tekst een eigen versie "
                "(veld 'versie')."
            )
        vorige = w.sessie.execute(
            select(Kaderversie.versie)
            .where(Kaderversie.kader_id == bestaand.id)
            .order_by(Kaderversie.geldig_van.desc(), Kaderversie.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        bestaand.naam = kader.naam
    versie = Kaderversie(
        kader_id=bestaand.id,
        versie=kader.versie,
        naam=kader.naam,
        geldig_van=kader.geldig_van,
        geldig_tot=kader.geldig_tot,
        bron=kader.bron,
        publicatiedatum=kader.publicatiedatum,
        licentie=kader.licentie,
        werkversie=kader.werkversie,
        toelichting=kader.toelichting,
        schaal=json.dumps(list(kader.schaal)),
        sha256=kader.sha256(),
        geladen=w.audit.tijdstip,
    )
    w.sessie.add(versie)
    w.sessie.flush()
    ids: dict[str, int] = {}
    for n in kader.normen:
        norm = _norm(versie.id, n, ids.get(n.ouder) if n.ouder else None)
        w.sessie.add(norm)
        w.sessie.flush()
        ids[n.ref] = norm.id
    w.audit.leg_vast(
        ONDERWERP,
        f"{kader.code}@{kader.versie}",
        "laad",
        na={
            "kader": kader.code,
            "versie": kader.versie,
            "sha256": kader.sha256(),
            "normen": len(kader.normen),
            "werkversie": kader.werkversie,
            "bestand": kader.bestand.rsplit("/", 1)[-1],
        },
    )
    return Laadresultaat(kader.code, kader.versie, True, len(kader.normen), vorige)


def _norm(versie_id: int, n: NormData, ouder_id: int | None) -> Norm:
    return Norm(
        versie_id=versie_id,
        ref=n.ref,
        urn=n.urn,
        ouder_id=ouder_id,
        diepte=n.diepte,
        volgorde=n.volgorde,
        beoordeelbaar=n.beoordeelbaar,
        titel=n.titel,
        normtekst=n.normtekst,
        toelichting=n.toelichting,
        typisch_bewijs=json.dumps(list(n.typisch_bewijs), ensure_ascii=False),
        tags=json.dumps(list(n.tags), ensure_ascii=False),
    )


# -- reading -------------------------------------------------------------------------


def kaders(w: Werkeenheid) -> list[Normkader]:
    return list(
        w.sessie.execute(
            select(Normkader).order_by(Normkader.code).options(selectinload(Normkader.versies))
        ).scalars()
    )


def versie(
    w: Werkeenheid, code: str, versie: str | None = None, *, op: date | None = None
) -> Kaderversie:
    """A kader's version: the one named, else the one valid on ``op`` (default today),
    else the newest loaded."""
    kader = w.sessie.execute(select(Normkader).where(Normkader.code == code)).scalar_one_or_none()
    if kader is None:
        geladen = ", ".join(
            w.sessie.execute(select(Normkader.code).order_by(Normkader.code)).scalars()
        )
        raise OnbekendKader(
            f"Kader '{code}' is niet geladen"
            + (f"; geladen zijn: {geladen}." if geladen else "; er is nog geen kader geladen.")
            + " Laad het met 'kwaliteit normen importeer'."
        )
    versies = list(
        w.sessie.execute(
            select(Kaderversie)
            .where(Kaderversie.kader_id == kader.id)
            .order_by(Kaderversie.geldig_van, Kaderversie.id)
        ).scalars()
    )
    if versie is not None:
        for v in versies:
            if v.versie == versie:
                return v
        raise OnbekendKader(
            f"Kader '{code}' heeft geen versie '{versie}'; geladen: {', '.join(v.versie for v in versies)}."
        )
    peildatum = op or w.vandaag
    geldig = [
        v
        for v in versies
        if v.geldig_van <= peildatum and (v.geldig_tot is None or peildatum <= v.geldig_tot)
    ]
    return (geldig or versies)[-1]


def normen(w: Werkeenheid, v: Kaderversie) -> list[Norm]:
    return list(
        w.sessie.execute(
            select(Norm).where(Norm.versie_id == v.id).order_by(Norm.volgorde)
        ).scalars()
    )


def norm(w: Werkeenheid, v: Kaderversie, ref: str) -> Norm:
    gevonden = w.sessie.execute(
        select(Norm).where(Norm.versie_id == v.id, Norm.ref == ref.strip())
    ).scalar_one_or_none()
    if gevonden is None:
        raise OnbekendKader(
            f"Kader '{v.kader.code}' (versie {v.versie}) heeft geen norm '{ref}'. "
            f"'kwaliteit normen toon {v.kader.code}' toont de refs."
        )
    return gevonden


def aantal_normen(w: Werkeenheid, v: Kaderversie) -> tuple[int, int]:
    """(all, assessable) norms of a version."""
    rij = w.sessie.execute(
        select(func.count(), func.count().filter(Norm.beoordeelbaar.is_(True))).where(
            Norm.versie_id == v.id
        )
    ).one()
    return int(rij[0]), int(rij[1])


def als_kaderdata(w: Werkeenheid, v: Kaderversie) -> KaderData:
    """A stored version back as KaderData (for export)."""
    refs = {n.id: n.ref for n in normen(w, v)}
    return KaderData(
        code=v.kader.code,
        naam=v.naam,
        versie=v.versie,
        geldig_van=v.geldig_van,
        geldig_tot=v.geldig_tot,
        bron=v.bron,
        publicatiedatum=v.publicatiedatum,
        licentie=v.licentie,
        werkversie=v.werkversie,
        toelichting=v.toelichting,
        schaal=tuple(json.loads(v.schaal)),
        normen=tuple(
            NormData(
                ref=n.ref,
                urn=n.urn,
                ouder=refs.get(n.ouder_id) if n.ouder_id else None,
                diepte=n.diepte,
                volgorde=n.volgorde,
                beoordeelbaar=n.beoordeelbaar,
                titel=n.titel,
                normtekst=n.normtekst,
                toelichting=n.toelichting,
                typisch_bewijs=tuple(json.loads(n.typisch_bewijs)),
                tags=tuple(json.loads(n.tags)),
            )
            for n in normen(w, v)
        ),
    )


def normregel(n: Norm) -> dict[str, Any]:
    return {
        "ref": n.ref,
        "urn": n.urn,
        "diepte": n.diepte,
        "beoordeelbaar": n.beoordeelbaar,
        "titel": n.titel,
        "normtekst": n.normtekst,
        "toelichting": n.toelichting,
        "typisch_bewijs": json.loads(n.typisch_bewijs),
        "tags": json.loads(n.tags),
    }
