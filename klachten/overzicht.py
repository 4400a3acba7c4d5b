"""The yearly overview of Awb 9:12a, aggregated in SQL.

Counted over the complaints received in the year (``jaar`` is the year of
receipt, as in the kenmerk). The JSON shape is documented in the README and
kept stable: keys are only ever added.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, distinct, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from klachten.modellen import Klacht, Verdaging
from klachten.waarden import Categorie, Grond98, Kanaal, Status, Uitkomst, Wijk

ONBEKEND = "onbekend"


def _doorlooptijd(sessie: Session) -> ColumnElement[Any]:
    if sessie.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(Klacht.afgehandeld) - func.julianday(Klacht.ontvangen), Integer)
    return Klacht.afgehandeld - Klacht.ontvangen


def _telling(
    sessie: Session,
    kolom: InstrumentedAttribute[Any],
    bereik: ColumnElement[bool],
    *,
    gesloten: bool = False,
) -> dict[str, int]:
    q = select(kolom, func.count()).where(bereik).group_by(kolom)
    if gesloten:
        q = q.where(Klacht.status == Status.GESLOTEN)
    uit: dict[str, int] = {}
    for waarde, aantal in sessie.execute(q).all():
        sleutel = ONBEKEND if waarde is None else str(getattr(waarde, "value", waarde))
        uit[sleutel] = uit.get(sleutel, 0) + int(aantal)
    return uit


def _met_nullen(telling: dict[str, int], alle: list[str]) -> dict[str, int]:
    uit = {naam: telling.get(naam, 0) for naam in alle}
    if telling.get(ONBEKEND):
        uit[ONBEKEND] = telling[ONBEKEND]
    return uit


def _gesorteerd(telling: dict[str, int]) -> dict[str, int]:
    return dict(sorted(telling.items(), key=lambda kv: (-kv[1], kv[0])))


def overzicht(sessie: Session, jaar: int) -> dict[str, Any]:
    """The 9:12a figures for one year of receipt."""
    return {"jaar": jaar, **_figuren(sessie, Klacht.jaar == jaar, date(jaar, 12, 31))}


def overzicht_periode(sessie: Session, van: date, tot: date) -> dict[str, Any]:
    """The same figures for the complaints received from ``van`` up to and including ``tot``.

    ``open_op_jaareinde`` then counts the complaints still open at ``tot``.
    """
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        **_figuren(sessie, Klacht.ontvangen.between(van, tot), tot),
    }


def _figuren(sessie: Session, bereik: ColumnElement[bool], einde: date) -> dict[str, Any]:
    schriftelijk = [k.value for k in Kanaal if k.schriftelijk]
    totaal = sessie.execute(
        select(
            func.count(),
            func.count(case((Klacht.kanaal.in_(schriftelijk), 1))),
            func.count(case((Klacht.status == Status.GESLOTEN, 1))),
            func.count(
                case(
                    (
                        (Klacht.status == Status.OPEN) | (Klacht.afgehandeld > einde),
                        1,
                    )
                )
            ),
            func.count(case((Klacht.binnen_termijn.is_not(None), 1))),
            func.count(case((Klacht.binnen_termijn.is_(True), 1))),
            func.count(Klacht.gehoord),
            func.count(Klacht.afzien_horen),
            func.count(Klacht.ombudsman),
        ).where(bereik)
    ).one()
    (
        ontvangen,
        n_schriftelijk,
        gesloten,
        open_jaareinde,
        getoetst,
        binnen,
        gehoord,
        afzien,
        omb,
    ) = (int(x) for x in totaal)

    verdaagd = sessie.execute(
        select(func.count(distinct(Verdaging.klacht_id)))
        .join(Klacht, Klacht.id == Verdaging.klacht_id)
        .where(bereik)
    ).scalar_one()
    met_instemming = sessie.execute(
        select(func.count(distinct(Verdaging.klacht_id)))
        .join(Klacht, Klacht.id == Verdaging.klacht_id)
        .where(bereik, Verdaging.instemming_klager.is_not(None))
    ).scalar_one()

    duur = _doorlooptijd(sessie).label("duur")
    gesloten_binnen = (bereik, Klacht.status == Status.GESLOTEN)
    gemiddeld = sessie.execute(select(func.avg(duur)).where(*gesloten_binnen)).scalar_one()
    mediaan: float | None = None
    if gesloten:
        midden = sessie.execute(
            select(duur)
            .where(*gesloten_binnen)
            .order_by(duur)
            .offset((gesloten - 1) // 2)
            .limit(2 if gesloten % 2 == 0 else 1)
        ).scalars()
        waarden = [int(x) for x in midden]
        mediaan = sum(waarden) / len(waarden)

    grond = _telling(sessie, Klacht.grond_9_8, bereik, gesloten=True)
    grond.pop(ONBEKEND, None)
    naar = _telling(sessie, Klacht.doorgestuurd_naar, bereik, gesloten=True)
    naar.pop(ONBEKEND, None)
    per_uitkomst = _telling(sessie, Klacht.uitkomst, bereik, gesloten=True)
    per_uitkomst.pop(ONBEKEND, None)

    return {
        "ontvangen": ontvangen,
        "schriftelijk": n_schriftelijk,
        "mondeling": ontvangen - n_schriftelijk,
        "afgehandeld": gesloten,
        "nog_open": ontvangen - gesloten,
        "open_op_jaareinde": open_jaareinde,
        "per_uitkomst": _met_nullen(per_uitkomst, [u.value for u in Uitkomst]),
        "per_kanaal": _met_nullen(
            _telling(sessie, Klacht.kanaal, bereik), [k.value for k in Kanaal]
        ),
        "per_categorie": _met_nullen(
            _telling(sessie, Klacht.categorie, bereik), [c.value for c in Categorie]
        ),
        "per_wijk": _met_nullen(_telling(sessie, Klacht.wijk, bereik), [w.value for w in Wijk]),
        "per_aanbieder": _gesorteerd(_telling(sessie, Klacht.aanbieder, bereik)),
        "binnen_termijn": {
            "getoetst": getoetst,
            "binnen": binnen,
            "percentage": round(100 * binnen / getoetst, 1) if getoetst else None,
        },
        "doorlooptijd_dagen": {
            "mediaan": mediaan,
            "gemiddeld": round(float(gemiddeld), 1) if gemiddeld is not None else None,
        },
        "verdaagd": int(verdaagd),
        "uitgesteld_met_instemming": int(met_instemming),
        "gehoord": gehoord,
        "afgezien_van_horen": afzien,
        "bij_ombudsman": omb,
        "niet_in_behandeling_per_grond": {g.value: grond.get(g.value, 0) for g in Grond98},
        "doorgestuurd_per_bestemming": _gesorteerd(naar),
    }
