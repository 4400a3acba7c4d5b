"""Coverage of a kader on a peildatum: per norm the valid evidence, the oordeel
and the open actions; per category and overall the share covered; gaps first.

A norm is covered when at least one piece of evidence is valid on the peildatum
(its newest version that had started then, and not expired), or the register
gives a figure for it. Expired evidence does not cover.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from kwaliteit.bewijs.diensten import Versie, geldige_versie_van
from kwaliteit.bewijs.modellen import (
    Actiestatus,
    Bewijsstuk,
    Bewijsversie,
    Normkoppeling,
    Oordeel,
    Verbeteractie,
)
from kwaliteit.bewijs.register import registerbewijs
from kwaliteit.bewijs.zelfevaluatie import standaardronde
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.kaderbestand import WERKVERSIE_MARKERING
from normen.modellen import Norm


def _categorie(norm: Norm, per_id: dict[int, Norm]) -> Norm:
    while norm.ouder_id is not None and norm.ouder_id in per_id:
        norm = per_id[norm.ouder_id]
    return norm


def _koppelingen_subquery(norm_ids: list[int]) -> Select[int]:
    """The ids of the evidence linked to these norms (as a subquery, not a long IN list)."""
    return select(Normkoppeling.bewijsstuk_id).where(Normkoppeling.norm_id.in_(norm_ids))


def dekking(
    w: Werkeenheid,
    kader: str,
    *,
    peildatum: date | None = None,
    ronde: str | None = None,
    versie: str | None = None,
) -> dict[str, Any]:
    """The coverage report (``kwaliteit dekking --json``; documented in the README)."""
    dag = peildatum or w.vandaag
    r = ronde or standaardronde(w)
    v = normdiensten.versie(w, kader, versie, op=dag)
    alle = normdiensten.normen(w, v)
    per_id = {n.id: n for n in alle}
    beoordeelbaar = [n for n in alle if n.beoordeelbaar]
    ids = [n.id for n in beoordeelbaar]

    # Plain rows, no ORM objects: a national kader has thousands of links and versions.
    koppelingen: dict[int, list[Any]] = defaultdict(list)
    stuk_ids: set[int] = set()
    for rij in w.sessie.execute(
        select(
            Normkoppeling.norm_id,
            Normkoppeling.toelichting,
            Bewijsstuk.id,
            Bewijsstuk.kenmerk,
            Bewijsstuk.titel,
            Bewijsstuk.soort,
        )
        .join(Bewijsstuk, Bewijsstuk.id == Normkoppeling.bewijsstuk_id)
        .where(Normkoppeling.norm_id.in_(ids))
        .order_by(Bewijsstuk.volgnummer)
    ):
        koppelingen[rij.norm_id].append(rij)
        stuk_ids.add(rij.id)
    versies: dict[int, list[Versie]] = defaultdict(list)
    if stuk_ids:
        for vrij in w.sessie.execute(
            select(
                Bewijsversie.bewijsstuk_id,
                Bewijsversie.versie,
                Bewijsversie.ingangsdatum,
                Bewijsversie.geldig_tot,
                Bewijsversie.sha256,
            ).where(Bewijsversie.bewijsstuk_id.in_(_koppelingen_subquery(ids)))
        ):
            versies[vrij.bewijsstuk_id].append(
                Versie(vrij.versie, vrij.ingangsdatum, vrij.geldig_tot, vrij.sha256)
            )
    oordelen = {
        o.norm_id: o
        for o in w.sessie.execute(
            select(Oordeel).where(Oordeel.norm_id.in_(ids), Oordeel.ronde == r)
        ).scalars()
    }
    acties: dict[int, list[Verbeteractie]] = defaultdict(list)
    for a in w.sessie.execute(
        select(Verbeteractie)
        .where(
            Verbeteractie.norm_id.in_(ids),
            Verbeteractie.status.in_([Actiestatus.OPEN, Actiestatus.IN_UITVOERING]),
        )
        .order_by(Verbeteractie.volgnummer)
    ).scalars():
        assert a.norm_id is not None
        acties[a.norm_id].append(a)

    regels: list[dict[str, Any]] = []
    per_categorie: dict[str, dict[str, Any]] = {}
    for n in beoordeelbaar:
        bewijs = []
        verlopen: list[str] = []
        toekomstig: list[str] = []
        for k in koppelingen.get(n.id, []):
            stukversies = versies.get(k.id, [])
            geldig = geldige_versie_van(stukversies, dag)
            if geldig is None:
                # Not valid on the peildatum: expired, or no version had started yet.
                gestart = any(v.ingangsdatum <= dag for v in stukversies)
                (verlopen if gestart else toekomstig).append(k.kenmerk)
                continue
            bewijs.append(
                {
                    "kenmerk": k.kenmerk,
                    "titel": k.titel,
                    "soort": k.soort.value,
                    "versie": geldig.versie,
                    "ingangsdatum": geldig.ingangsdatum.isoformat(),
                    "geldig_tot": geldig.geldig_tot.isoformat() if geldig.geldig_tot else None,
                    "sha256": geldig.sha256,
                    "toelichting": k.toelichting,
                }
            )
        register = registerbewijs(w.sessie, v.kader.code, n.ref, dag)
        gedekt = bool(bewijs) or (register is not None and register.dekt)
        o = oordelen.get(n.id)
        cat = _categorie(n, per_id)
        regels.append(
            {
                "ref": n.ref,
                "titel": n.titel,
                "categorie": cat.ref if cat.id != n.id else None,
                "gedekt": gedekt,
                "bewijs": bewijs,
                "verlopen_bewijs": verlopen,
                "toekomstig_bewijs": toekomstig,
                "registerbewijs": register.als_dict() if register else None,
                "oordeel": (
                    {
                        "waarde": o.waarde.value,
                        "toelichting": o.toelichting,
                        "door": o.door,
                        "datum": o.datum.isoformat(),
                    }
                    if o
                    else None
                ),
                "open_acties": [
                    {
                        "kenmerk": a.kenmerk,
                        "omschrijving": a.omschrijving,
                        "eigenaar": a.eigenaar,
                        "deadline": a.deadline.isoformat(),
                        "te_laat": a.deadline < dag,
                    }
                    for a in acties.get(n.id, [])
                ],
                "_volgorde": n.volgorde,
            }
        )
        sleutel = cat.ref if cat.id != n.id else ""
        c = per_categorie.setdefault(
            sleutel,
            {
                "ref": sleutel or None,
                "titel": cat.titel if sleutel else "(zonder categorie)",
                "normen": 0,
                "gedekt": 0,
            },
        )
        c["normen"] += 1
        c["gedekt"] += int(gedekt)

    regels.sort(key=lambda x: (x["gedekt"], x["_volgorde"]))
    for x in regels:
        del x["_volgorde"]
    categorieen = list(per_categorie.values())
    for c in categorieen:
        c["percentage"] = round(100 * c["gedekt"] / c["normen"], 1) if c["normen"] else None
    totaal = len(regels)
    gedekt_totaal = sum(1 for x in regels if x["gedekt"])
    per_oordeel: dict[str, int] = dict.fromkeys(json.loads(v.schaal), 0)
    per_oordeel["geen"] = 0
    for x in regels:
        per_oordeel[x["oordeel"]["waarde"] if x["oordeel"] else "geen"] += 1
    return {
        "kader": v.kader.code,
        "naam": v.naam,
        "versie": v.versie,
        "werkversie": v.werkversie,
        "markering": WERKVERSIE_MARKERING if v.werkversie else None,
        "peildatum": dag.isoformat(),
        "ronde": r,
        "normen": totaal,
        "gedekt": gedekt_totaal,
        "percentage": round(100 * gedekt_totaal / totaal, 1) if totaal else None,
        "per_oordeel": per_oordeel,
        "categorieen": categorieen,
        "per_norm": regels,
    }
