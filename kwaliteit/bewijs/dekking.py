"""Coverage of a kader on a peildatum: per norm the valid evidence, the oordeel
and the open actions; per category and overall the share covered; gaps first.

A norm is covered when at least one piece of evidence is valid on the peildatum
(its newest version that had started then, and not expired), or the register
gives a figure for it. Expired evidence does not cover.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from kwaliteit.bewijs.diensten import GekoppeldBewijs, Koppeling, gekoppeld_bewijs
from kwaliteit.bewijs.modellen import Actiestatus, Oordeel, Verbeteractie
from kwaliteit.bewijs.register import Registerbewijs, registerbewijzen
from kwaliteit.bewijs.zelfevaluatie import standaardronde
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.kaderbestand import WERKVERSIE_MARKERING
from normen.modellen import Kaderversie, Norm


def _categorie(norm: Norm, per_id: dict[int, Norm]) -> Norm:
    while norm.ouder_id is not None and norm.ouder_id in per_id:
        norm = per_id[norm.ouder_id]
    return norm


@dataclass(frozen=True)
class _Gelezen:
    """Everything the report shows, read for the assessable norms of one kader version."""

    bewijs: GekoppeldBewijs
    koppelingen: dict[int, list[Koppeling]]  # per norm id
    oordelen: dict[int, Oordeel]
    acties: dict[int, list[Verbeteractie]]
    register: dict[str, Registerbewijs]


def _lees(w: Werkeenheid, v: Kaderversie, normen: list[Norm], dag: date, ronde: str) -> _Gelezen:
    ids = [n.id for n in normen]
    oordelen = {
        o.norm_id: o
        for o in w.sessie.execute(
            select(Oordeel).where(Oordeel.norm_id.in_(ids), Oordeel.ronde == ronde)
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
    register = registerbewijzen(w.sessie, v.kader.code, [n.ref for n in normen], dag)
    bewijs = gekoppeld_bewijs(w, ids)
    return _Gelezen(bewijs, bewijs.per_norm(), oordelen, acties, register)


# -- per norm ----------------------------------------------------------------------------


def _bewijs(
    koppelingen: list[Koppeling], bewijs: GekoppeldBewijs, dag: date
) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The valid evidence of one norm, and the kenmerken of the expired and future items."""
    geldig_bewijs: list[dict[str, Any]] = []
    verlopen: list[str] = []
    toekomstig: list[str] = []
    for k in koppelingen:
        geldig = bewijs.geldig(k.bewijsstuk_id, dag)
        if geldig is None:
            # Not valid on the peildatum: expired, or no version had started yet.
            gestart = any(v.ingangsdatum <= dag for v in bewijs.versies.get(k.bewijsstuk_id, []))
            (verlopen if gestart else toekomstig).append(k.kenmerk)
            continue
        geldig_bewijs.append(
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
    return geldig_bewijs, verlopen, toekomstig


def _oordeel(o: Oordeel | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {
        "waarde": o.waarde.value,
        "toelichting": o.toelichting,
        "door": o.door,
        "datum": o.datum.isoformat(),
    }


def _open_acties(acties: list[Verbeteractie], dag: date) -> list[dict[str, Any]]:
    return [
        {
            "kenmerk": a.kenmerk,
            "omschrijving": a.omschrijving,
            "eigenaar": a.eigenaar,
            "deadline": a.deadline.isoformat(),
            "te_laat": a.deadline < dag,
        }
        for a in acties
    ]


def _normregel(n: Norm, categorie: Norm, gelezen: _Gelezen, dag: date) -> dict[str, Any]:
    """One norm of ``per_norm`` (still with its ``_volgorde``, for sorting)."""
    bewijs, verlopen, toekomstig = _bewijs(gelezen.koppelingen.get(n.id, []), gelezen.bewijs, dag)
    register = gelezen.register.get(n.ref)
    return {
        "ref": n.ref,
        "titel": n.titel,
        "categorie": categorie.ref if categorie.id != n.id else None,
        "gedekt": bool(bewijs) or (register is not None and register.dekt),
        "bewijs": bewijs,
        "verlopen_bewijs": verlopen,
        "toekomstig_bewijs": toekomstig,
        "registerbewijs": register.als_dict() if register else None,
        "oordeel": _oordeel(gelezen.oordelen.get(n.id)),
        "open_acties": _open_acties(gelezen.acties.get(n.id, []), dag),
        "_volgorde": n.volgorde,
    }


# -- per category and overall ------------------------------------------------------------


def _categorieen(
    regels: list[dict[str, Any]], categorieen: list[Norm], normen: list[Norm]
) -> list[dict[str, Any]]:
    """Per category (in the order of its first norm): norms, covered, percentage."""
    per_categorie: dict[str, dict[str, Any]] = {}
    for regel, cat, n in zip(regels, categorieen, normen, strict=True):
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
        c["gedekt"] += int(regel["gedekt"])
    uit = list(per_categorie.values())
    for c in uit:
        c["percentage"] = round(100 * c["gedekt"] / c["normen"], 1) if c["normen"] else None
    return uit


def _per_oordeel(v: Kaderversie, regels: list[dict[str, Any]]) -> dict[str, int]:
    """How many norms got each value of the kader's scale, and how many none ('geen')."""
    per_oordeel: dict[str, int] = dict.fromkeys(json.loads(v.schaal), 0)
    per_oordeel["geen"] = 0
    for x in regels:
        per_oordeel[x["oordeel"]["waarde"] if x["oordeel"] else "geen"] += 1
    return per_oordeel


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
    categorieen = [_categorie(n, per_id) for n in beoordeelbaar]
    gelezen = _lees(w, v, beoordeelbaar, dag, r)

    regels = [
        _normregel(n, cat, gelezen, dag) for n, cat in zip(beoordeelbaar, categorieen, strict=True)
    ]
    per_categorie = _categorieen(regels, categorieen, beoordeelbaar)
    regels.sort(key=lambda x: (x["gedekt"], x["_volgorde"]))
    for x in regels:
        del x["_volgorde"]
    totaal = len(regels)
    gedekt_totaal = sum(1 for x in regels if x["gedekt"])
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
        "per_oordeel": _per_oordeel(v, regels),
        "categorieen": per_categorie,
        "per_norm": regels,
    }
