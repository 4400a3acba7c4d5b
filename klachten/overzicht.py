"""The yearly overview of Awb 9:12a, aggregated in SQL.

Counted over the complaints received in the year (``jaar`` is the year of
receipt, as in the kenmerk). The JSON shape is documented in the README and
kept stable: keys are only ever added.

A national register holds hundreds of thousands of complaints a year, so the
figures are gathered in as few passes over the year as the database allows
(docs/prestaties.md, finding 4):

- one pass counts everything with a vocabulary the law fixes (kanaal, uitkomst,
  grond 9:8) and every yes/no figure as conditional counts
  (``count(*) FILTER (WHERE ...)``, supported by SQLite since 3.30 and by
  PostgreSQL); on PostgreSQL that pass is grouped by aanbieder and bestemming
  (hashed) and joins the verdagingen in, so it gives those breakdowns too;
- on SQLite, which groups by sorting, the open-ended breakdowns (aanbieder,
  doorgestuurd naar) and the verdagingen are separate, cheaper queries;
- wijk and categorie are the organisation's own words (its profile): grouped, and shown
  in the profile's order, with the values old complaints keep after a list changed;
- the doorlooptijd comes back as a histogram (days -> number of closed
  complaints), from which the median and the mean are computed exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, func, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

import kwaliteit.profielversies as profielversies
from klachten.modellen import Klacht, Verdaging
from klachten.waarden import Grond98, Kanaal, Status, Uitkomst

ONBEKEND = "onbekend"


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
    if sessie.get_bind().dialect.name == "postgresql":
        with _zonder_jit(sessie):
            t, per_aanbieder, naar = _tellingen_postgresql(sessie, bereik, einde)
            doorlooptijden = _doorlooptijden(sessie, bereik)
    else:
        t = _tellingen(sessie, bereik, einde)
        t.update(_verdagingen(sessie, bereik))
        per_aanbieder = _telling(sessie, Klacht.aanbieder, bereik)
        naar = _telling(
            sessie,
            Klacht.doorgestuurd_naar,
            bereik,
            Klacht.status == Status.GESLOTEN,
            Klacht.doorgestuurd_naar.is_not(None),
        )
        doorlooptijden = _doorlooptijden(sessie, bereik)
    mediaan, gemiddeld = _mediaan_en_gemiddelde(doorlooptijden)
    profiel = profielversies.in_sessie(sessie).profiel

    ontvangen, gesloten = t["ontvangen"], t["afgehandeld"]
    getoetst, binnen = t["getoetst"], t["binnen"]
    naar.pop(ONBEKEND, None)
    return {
        "ontvangen": ontvangen,
        "schriftelijk": t["schriftelijk"],
        "mondeling": ontvangen - t["schriftelijk"],
        "afgehandeld": gesloten,
        "nog_open": ontvangen - gesloten,
        "open_op_jaareinde": t["open_op_jaareinde"],
        "per_uitkomst": _per(t, "uitkomst", Uitkomst),
        "per_kanaal": _per(t, "kanaal", Kanaal),
        "per_categorie": _volgens_profiel(
            _telling(sessie, Klacht.categorie, bereik), profiel.categorieen
        ),
        "per_wijk": _volgens_profiel(_telling(sessie, Klacht.wijk, bereik), profiel.wijken),
        "per_aanbieder": _gesorteerd(per_aanbieder),
        "binnen_termijn": {
            "getoetst": getoetst,
            "binnen": binnen,
            "percentage": round(100 * binnen / getoetst, 1) if getoetst else None,
        },
        "doorlooptijd_dagen": {
            "mediaan": mediaan,
            "gemiddeld": round(gemiddeld, 1) if gemiddeld is not None else None,
        },
        "verdaagd": t["verdaagd"],
        "uitgesteld_met_instemming": t["uitgesteld_met_instemming"],
        "gehoord": t["gehoord"],
        "afgezien_van_horen": t["afgezien_van_horen"],
        "bij_ombudsman": t["bij_ombudsman"],
        "niet_in_behandeling_per_grond": _per(t, "grond", Grond98),
        "doorgestuurd_per_bestemming": _gesorteerd(naar),
    }


# -- the one pass over the fixed vocabularies ----------------------------------------------


def _sleutel(soort: str, waarde: str) -> str:
    return f"{soort}:{waarde}"


def _per(t: dict[str, int], soort: str, waarden: type[StrEnum]) -> dict[str, int]:
    """Every word of the vocabulary (also with 0), then 'onbekend' if any were left empty."""
    uit = {w.value: t[_sleutel(soort, w.value)] for w in waarden}
    if t.get(_sleutel(soort, ONBEKEND)):
        uit[ONBEKEND] = t[_sleutel(soort, ONBEKEND)]
    return uit


def _kolommen(einde: date) -> dict[str, ColumnElement[Any]]:
    """Every fixed-vocabulary and yes/no figure as a conditional count, by name."""
    gesloten = Klacht.status == Status.GESLOTEN
    schriftelijk = [k.value for k in Kanaal if k.schriftelijk]
    kolommen: dict[str, ColumnElement[Any]] = {
        "ontvangen": func.count(),
        "schriftelijk": func.count().filter(Klacht.kanaal.in_(schriftelijk)),
        "afgehandeld": func.count().filter(gesloten),
        "open_op_jaareinde": func.count().filter(
            (Klacht.status == Status.OPEN) | (Klacht.afgehandeld > einde)
        ),
        "getoetst": func.count(Klacht.binnen_termijn),
        "binnen": func.count().filter(Klacht.binnen_termijn.is_(True)),
        "gehoord": func.count(Klacht.gehoord),
        "afgezien_van_horen": func.count(Klacht.afzien_horen),
        "bij_ombudsman": func.count(Klacht.ombudsman),
    }
    for soort, kolom, waarden, alleen_gesloten in (
        ("uitkomst", Klacht.uitkomst, Uitkomst, True),
        ("kanaal", Klacht.kanaal, Kanaal, False),
        ("grond", Klacht.grond_9_8, Grond98, True),
    ):
        for w in waarden:
            voorwaarde = kolom == w
            if alleen_gesloten:
                voorwaarde = and_(gesloten, voorwaarde)
            kolommen[_sleutel(soort, w.value)] = func.count().filter(voorwaarde)
    # Kanaal is required, and a closed complaint without uitkomst or grond is not counted
    # there. Wijk and categorie come from the organisation profile: grouped (_telling).
    return kolommen


def _tellingen(sessie: Session, bereik: ColumnElement[bool], einde: date) -> dict[str, int]:
    """The figures of ``_kolommen`` for the complaints in ``bereik``: one pass."""
    kolommen = _kolommen(einde)
    rij = sessie.execute(select(*kolommen.values()).where(bereik)).one()
    return {naam: int(aantal) for naam, aantal in zip(kolommen, rij, strict=True)}


def _verdagingen(sessie: Session, bereik: ColumnElement[bool]) -> dict[str, int]:
    """Complaints verdaagd, and those of them postponed further with the klager's consent."""
    verdaagd, met_instemming = sessie.execute(
        select(
            func.count(Verdaging.klacht_id.distinct()),
            func.count(Verdaging.klacht_id.distinct()).filter(
                Verdaging.instemming_klager.is_not(None)
            ),
        )
        .join(Klacht, Klacht.id == Verdaging.klacht_id)
        .where(bereik)
    ).one()
    return {"verdaagd": int(verdaagd), "uitgesteld_met_instemming": int(met_instemming)}


def _telling(
    sessie: Session, kolom: InstrumentedAttribute[Any], *voorwaarden: ColumnElement[bool]
) -> dict[str, int]:
    """Number of complaints per value of ``kolom``; no value counts as 'onbekend'."""
    q = select(kolom, func.count()).where(*voorwaarden).group_by(kolom)
    return _per_naam(sessie.execute(q).all())


def _per_naam(rijen: Iterable[Sequence[Any]]) -> dict[str, int]:
    uit: dict[str, int] = {}
    for waarde, aantal in rijen:
        sleutel = ONBEKEND if waarde is None else str(waarde)
        uit[sleutel] = uit.get(sleutel, 0) + int(aantal)
    return uit


def _tellingen_postgresql(
    sessie: Session, bereik: ColumnElement[bool], einde: date
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """``_tellingen``, the verdagingen, per aanbieder and per bestemming in one pass.

    Grouped by aanbieder and bestemming (a few thousand groups, hashed), summed here.
    The verdagingen are joined in (at most one row per klacht), so the year is read once.
    """
    kolommen = _kolommen(einde)
    v = (
        select(
            Verdaging.klacht_id,
            func.count(Verdaging.instemming_klager).label("met_instemming"),
        )
        .group_by(Verdaging.klacht_id)
        .subquery()
    )
    kolommen["verdaagd"] = func.count(v.c.klacht_id)
    kolommen["uitgesteld_met_instemming"] = func.count().filter(v.c.met_instemming > 0)
    q = (
        select(Klacht.aanbieder, Klacht.doorgestuurd_naar, *kolommen.values())
        .outerjoin(v, v.c.klacht_id == Klacht.id)
        .where(bereik)
        .group_by(Klacht.aanbieder, Klacht.doorgestuurd_naar)
    )
    rijen = sessie.execute(q).all()
    ontvangen = 2 + list(kolommen).index("ontvangen")
    afgehandeld = 2 + list(kolommen).index("afgehandeld")
    aanbieders = [(r[0], r[ontvangen]) for r in rijen]
    bestemmingen = [(r[1], r[afgehandeld]) for r in rijen if r[1] is not None]
    # No rows at all when nothing was received: then every figure is 0.
    sommen = [int(sum(kolom)) for kolom in zip(*(r[2:] for r in rijen), strict=True)]
    t = dict(zip(kolommen, sommen, strict=True)) if rijen else dict.fromkeys(kolommen, 0)
    return t, _per_naam(aanbieders), _per_naam(bestemmingen)


@contextmanager
def _zonder_jit(sessie: Session) -> Iterator[None]:
    """PostgreSQL's JIT compiler costs more than it saves on these few queries (~0.1 s).

    Switched off for this transaction only, and back to what it was afterwards.
    """
    vorige = sessie.execute(text("SELECT current_setting('jit')")).scalar_one()
    sessie.execute(text("SELECT set_config('jit', 'off', true)"))
    try:
        yield
    finally:
        sessie.execute(text("SELECT set_config('jit', :vorige, true)"), {"vorige": vorige})


def _doorlooptijden(sessie: Session, bereik: ColumnElement[bool]) -> dict[int, int]:
    """Doorlooptijd in days -> number of closed complaints (a few hundred rows at most)."""
    if sessie.get_bind().dialect.name == "sqlite":
        dagen: ColumnElement[Any] = cast(
            func.julianday(Klacht.afgehandeld) - func.julianday(Klacht.ontvangen), Integer
        )
    else:
        dagen = Klacht.afgehandeld - Klacht.ontvangen
    q = select(dagen, func.count()).where(bereik, Klacht.status == Status.GESLOTEN).group_by(dagen)
    return {int(d): int(n) for d, n in sessie.execute(q).all() if d is not None}


def _mediaan_en_gemiddelde(doorlooptijden: dict[int, int]) -> tuple[float | None, float | None]:
    """The median (the middle one, or the mean of the middle two) and the mean, exactly."""
    n = sum(doorlooptijden.values())
    if not n:
        return None, None
    posities = {(n - 1) // 2, n // 2}
    midden: list[int] = []
    gezien = 0
    for dagen in sorted(doorlooptijden):
        volgende = gezien + doorlooptijden[dagen]
        midden.extend(dagen for p in sorted(posities) if gezien <= p < volgende)
        gezien = volgende
    mediaan = sum(midden) / len(midden)
    totaal = sum(dagen * aantal for dagen, aantal in doorlooptijden.items())
    return mediaan, totaal / n


def _volgens_profiel(telling: dict[str, int], lijst: Sequence[str]) -> dict[str, int]:
    """Every value of the profile's list in its order (also with 0), then the values the
    complaints have that the list no longer (or never) had, most first, then 'onbekend'."""
    uit = {w: telling.pop(w, 0) for w in lijst}
    onbekend = telling.pop(ONBEKEND, 0)
    uit.update(_gesorteerd(telling))
    if onbekend:
        uit[ONBEKEND] = onbekend
    return uit


def _gesorteerd(telling: dict[str, int]) -> dict[str, int]:
    return dict(sorted(telling.items(), key=lambda kv: (-kv[1], kv[0])))
