"""Checks on the register for ``kwaliteit toets``: which complaints break a rule of Awb hoofdstuk 9.

Every function filters in SQL and returns the kenmerken of the complaints that
fail, in kenmerk order (year, then number). A period is a range of receipt
dates with both ends included: ``van <= ontvangen <= tot``. A check judges the
register as it is now; only "still open" is judged on a peildatum.

The procedure (``klachten.procedure``) already refuses most of these mistakes
when they are made; these checks also catch what came in another way (an old
register, a correction in the database) and what time itself breaks (a
complaint left open past its deadline).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from klachten.modellen import Klacht, Verdaging
from klachten.termijnen import MAX_VERDAGING_WEKEN
from klachten.waarden import OORDEELUITKOMSTEN, Kanaal, Status, Uitkomst
from kwaliteit.eenheid import Werkeenheid

_SCHRIFTELIJK = [k.value for k in Kanaal if k.schriftelijk]
_OORDELEN = [u.value for u in OORDEELUITKOMSTEN]


def _ontvangen(van: date, tot: date) -> ColumnElement[bool]:
    return and_(Klacht.ontvangen >= van, Klacht.ontvangen <= tot)


def _kenmerken(w: Werkeenheid, *voorwaarden: ColumnElement[bool]) -> list[str]:
    q = select(Klacht.kenmerk).where(*voorwaarden).order_by(Klacht.jaar, Klacht.volgnummer)
    return list(w.sessie.execute(q).scalars())


def _schriftelijk_oordeel(van: date, tot: date) -> ColumnElement[bool]:
    """Written complaints of the period closed with an oordeel (the formal procedure, 9:4)."""
    return and_(
        _ontvangen(van, tot),
        Klacht.kanaal.in_(_SCHRIFTELIJK),
        Klacht.status == Status.GESLOTEN,
        Klacht.uitkomst.in_(_OORDELEN),
    )


# -- counting ------------------------------------------------------------------------


def aantal_ontvangen(w: Werkeenheid, van: date, tot: date) -> int:
    """How many complaints (oral and written) were received in the period."""
    return int(
        w.sessie.execute(
            select(func.count()).select_from(Klacht).where(_ontvangen(van, tot))
        ).scalar_one()
    )


def aantal_tot(w: Werkeenheid, peildatum: date) -> int:
    """How many complaints the register holds that were received up to the peildatum."""
    return int(
        w.sessie.execute(
            select(func.count()).select_from(Klacht).where(Klacht.ontvangen <= peildatum)
        ).scalar_one()
    )


def aantal_schriftelijk_met_oordeel(w: Werkeenheid, van: date, tot: date) -> int:
    """How many written complaints of the period were closed with an oordeel (9:9, 9:10)."""
    return int(
        w.sessie.execute(
            select(func.count()).select_from(Klacht).where(_schriftelijk_oordeel(van, tot))
        ).scalar_one()
    )


def aantal_niet_in_behandeling(w: Werkeenheid, van: date, tot: date) -> int:
    """How many complaints of the period were closed as niet-in-behandeling (9:8)."""
    return int(
        w.sessie.execute(
            select(func.count())
            .select_from(Klacht)
            .where(
                _ontvangen(van, tot),
                Klacht.status == Status.GESLOTEN,
                Klacht.uitkomst == Uitkomst.NIET_IN_BEHANDELING,
            )
        ).scalar_one()
    )


# -- Awb 9:6 -------------------------------------------------------------------------


def zonder_ontvangstbevestiging(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints received in the period whose receipt was never confirmed (9:6)."""
    return _kenmerken(
        w,
        _ontvangen(van, tot),
        Klacht.kanaal.in_(_SCHRIFTELIJK),
        Klacht.bevestigd.is_(None),
    )


# -- Awb 9:8 -------------------------------------------------------------------------


def melding_9_8_te_laat(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period not taken into behandeling, notified after the four weeks (9:8 lid 3).

    ``sluit`` judged the notice against ``termijn_9_8`` (Algemene termijnenwet
    included) and stored the result in ``binnen_termijn``.
    """
    return _kenmerken(
        w,
        _ontvangen(van, tot),
        Klacht.status == Status.GESLOTEN,
        Klacht.uitkomst == Uitkomst.NIET_IN_BEHANDELING,
        Klacht.binnen_termijn.is_(False),
    )


# -- Awb 9:9 and 9:10 ----------------------------------------------------------------


def oordeel_zonder_afschrift(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints of the period with an oordeel whose beklaagde got no copy (9:9)."""
    return _kenmerken(w, _schriftelijk_oordeel(van, tot), Klacht.afschrift.is_(None))


def oordeel_zonder_horen(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints of the period with an oordeel where the klager was not heard
    (with a verslag, 9:10 lid 3) and no ground to forgo hearing was recorded (9:10 lid 2)."""
    gehoord = and_(
        Klacht.gehoord.is_not(None),
        Klacht.hoorverslag.is_not(None),
        func.trim(Klacht.hoorverslag) != "",
    )
    return _kenmerken(
        w,
        _schriftelijk_oordeel(van, tot),
        ~gehoord,
        Klacht.afzien_horen.is_(None),
    )


# -- Awb 9:11 ------------------------------------------------------------------------


def te_laat_afgehandeld(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period closed after their (postponed) deadline (9:11).

    ``sluit`` stored the judgement in ``binnen_termijn``. A complaint not taken
    into behandeling is judged by the four weeks of 9:8 instead
    (``melding_9_8_te_laat``); a withdrawn one has no deadline.
    """
    return _kenmerken(
        w,
        _ontvangen(van, tot),
        Klacht.status == Status.GESLOTEN,
        Klacht.uitkomst != Uitkomst.NIET_IN_BEHANDELING,
        Klacht.binnen_termijn.is_(False),
    )


def open_over_termijn(
    w: Werkeenheid, peildatum: date, van: date | None = None, tot: date | None = None
) -> list[str]:
    """Complaints that were open on the peildatum after their last day (9:11).

    Open on the peildatum: received by then and not yet closed then (still open,
    or closed later). Without ``van``/``tot`` the whole register counts;
    with them, only the complaints received in that period.
    """
    voorwaarden = [
        Klacht.ontvangen <= peildatum,
        or_(Klacht.status == Status.OPEN, Klacht.afgehandeld > peildatum),
        Klacht.uiterste_datum < peildatum,
    ]
    if van is not None:
        voorwaarden.append(Klacht.ontvangen >= van)
    if tot is not None:
        voorwaarden.append(Klacht.ontvangen <= tot)
    return _kenmerken(w, *voorwaarden)


def onrechtmatig_verdaagd(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period with a postponement the law does not allow (9:11 lid 2 and 3).

    Lawful: the first postponement of at most four weeks, and any further delay
    with the klager's written consent. So a postponement without consent is
    unlawful when it is longer than four weeks or not the first.
    """
    eerdere = aliased(Verdaging)
    onrechtmatig = select(Verdaging.klacht_id).where(
        Verdaging.instemming_klager.is_(None),
        or_(
            Verdaging.weken > MAX_VERDAGING_WEKEN,
            exists().where(eerdere.klacht_id == Verdaging.klacht_id, eerdere.id < Verdaging.id),
        ),
    )
    return _kenmerken(w, _ontvangen(van, tot), Klacht.id.in_(onrechtmatig))
