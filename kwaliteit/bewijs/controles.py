"""Checks on evidence, the self-assessment and the improvement actions, for ``kwaliteit toets``.

Words as the rest of kwaliteit uses them:

- *bewijs* that holds on a peildatum: a linked bewijsstuk whose version valid
  then exists, or a figure from the register (the rule of ``dekking``);
- a *bewijsstuk*: only registered evidence, not the register's figures.

The kader's version is the one valid on the peildatum, as in ``dekking``.
Refs are returned in the kader's own order; action kenmerken in number order.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select

from kwaliteit.bewijs.dekking import dekking
from kwaliteit.bewijs.modellen import Actiestatus, Oordeel, Oordeelwaarde, Verbeteractie
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.modellen import Norm

_OPEN = [Actiestatus.OPEN.value, Actiestatus.IN_UITVOERING.value]


def beoordeelbare_normen(
    w: Werkeenheid, kader: str, peildatum: date, *, categorie: str | None = None
) -> list[str]:
    """The assessable norms of the kader (under one top category, if given)."""
    v = normdiensten.versie(w, kader, op=peildatum)
    alle = normdiensten.normen(w, v)
    per_id = {n.id: n for n in alle}

    def top(n: Norm) -> str:
        while n.ouder_id is not None and n.ouder_id in per_id:
            n = per_id[n.ouder_id]
        return n.ref

    return [n.ref for n in alle if n.beoordeelbaar and (categorie is None or top(n) == categorie)]


def zonder_geldig_bewijs(
    w: Werkeenheid,
    kader: str,
    peildatum: date,
    *,
    refs: list[str],
    alleen_bewijsstukken: bool = False,
) -> list[str]:
    """Of ``refs``, the norms without bewijs (or, with ``alleen_bewijsstukken``, without a
    bewijsstuk) that holds on the peildatum."""
    gevraagd = set(refs)
    regels = {
        r["ref"]: r
        for r in dekking(w, kader, peildatum=peildatum)["per_norm"]
        if r["ref"] in gevraagd
    }
    return [
        ref
        for ref in refs
        if ref in regels
        and not (bool(regels[ref]["bewijs"]) if alleen_bewijsstukken else regels[ref]["gedekt"])
    ]


def beoordeelde_normen(w: Werkeenheid, kader: str, ronde: str, peildatum: date) -> list[str]:
    """The norms of the kader that have an oordeel (any) in the ronde."""
    v = normdiensten.versie(w, kader, op=peildatum)
    return list(
        w.sessie.execute(
            select(Norm.ref)
            .join(Oordeel, Oordeel.norm_id == Norm.id)
            .where(Norm.versie_id == v.id, Oordeel.ronde == ronde)
            .order_by(Norm.volgorde)
        ).scalars()
    )


def met_oordeel(
    w: Werkeenheid, kader: str, ronde: str, peildatum: date, oordeel: Oordeelwaarde
) -> list[str]:
    """The norms of the kader judged ``oordeel`` in the ronde."""
    v = normdiensten.versie(w, kader, op=peildatum)
    return list(
        w.sessie.execute(
            select(Norm.ref)
            .join(Oordeel, Oordeel.norm_id == Norm.id)
            .where(Norm.versie_id == v.id, Oordeel.ronde == ronde, Oordeel.waarde == oordeel)
            .order_by(Norm.volgorde)
        ).scalars()
    )


def oordeel_zonder_bewijsstuk(
    w: Werkeenheid, kader: str, ronde: str, peildatum: date, oordeel: Oordeelwaarde
) -> list[str]:
    """Norms judged ``oordeel`` in the ronde without a bewijsstuk that holds on the peildatum."""
    refs = met_oordeel(w, kader, ronde, peildatum, oordeel)
    if not refs:
        return []
    return zonder_geldig_bewijs(w, kader, peildatum, refs=refs, alleen_bewijsstukken=True)


def oordeel_zonder_actie(
    w: Werkeenheid, kader: str, ronde: str, peildatum: date, oordeel: Oordeelwaarde
) -> list[str]:
    """Norms judged ``oordeel`` in the ronde without any verbeteractie for the norm
    (made by the peildatum, and not vervallen)."""
    v = normdiensten.versie(w, kader, op=peildatum)
    actie = (
        select(Verbeteractie.id)
        .where(
            Verbeteractie.norm_id == Norm.id,
            Verbeteractie.aangemaakt <= peildatum,
            Verbeteractie.status != Actiestatus.VERVALLEN,
        )
        .exists()
    )
    return list(
        w.sessie.execute(
            select(Norm.ref)
            .join(Oordeel, Oordeel.norm_id == Norm.id)
            .where(
                Norm.versie_id == v.id,
                Oordeel.ronde == ronde,
                Oordeel.waarde == oordeel,
                ~actie,
            )
            .order_by(Norm.volgorde)
        ).scalars()
    )


def aantal_acties(w: Werkeenheid, peildatum: date) -> int:
    """How many verbeteracties had been made by the peildatum."""
    return int(
        w.sessie.execute(
            select(func.count())
            .select_from(Verbeteractie)
            .where(Verbeteractie.aangemaakt <= peildatum)
        ).scalar_one()
    )


def acties_over_deadline(w: Werkeenheid, peildatum: date) -> list[str]:
    """Verbeteracties that were still open on the peildatum after their deadline.

    Open on the peildatum: made by then, and open or in uitvoering now, or
    afgerond only after the peildatum. A vervallen action is not open.
    """
    return list(
        w.sessie.execute(
            select(Verbeteractie.kenmerk)
            .where(
                Verbeteractie.aangemaakt <= peildatum,
                Verbeteractie.deadline < peildatum,
                or_(
                    Verbeteractie.status.in_(_OPEN),
                    (Verbeteractie.status == Actiestatus.AFGEROND)
                    & (Verbeteractie.afgerond > peildatum),
                ),
            )
            .order_by(Verbeteractie.volgnummer)
        ).scalars()
    )
