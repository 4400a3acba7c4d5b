"""Checks on the register for ``kwaliteit toets``: which complaints break a rule of Awb hoofdstuk 9.

Every check reads the complaints of a period with ``klachten.feiten`` and asks
the rule of ``klachten.regels``: the complaints the rule applies to that do not
keep it, as kenmerken in kenmerk order (year, then number). A period is a range
of receipt dates with both ends included: ``van <= ontvangen <= tot``. A check
judges the register as it is now; only "still open" is judged on a peildatum.
Which complaints each rule applies to is in docs/regels.md.

The procedure (``klachten.procedure``) already refuses most of these mistakes
when they are made, with the same rules; these checks also catch what came in
another way (an old register, a correction in the database) and what time itself
breaks (a complaint left open past its deadline).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select

from klachten import feiten, regels
from klachten.modellen import Klacht
from klachten.waarden import Status
from kwaliteit.eenheid import Werkeenheid


def _ontvangen(van: date, tot: date) -> ColumnElement[bool]:
    return and_(Klacht.ontvangen >= van, Klacht.ontvangen <= tot)


def _overtreden(w: Werkeenheid, regel: regels.Regel, van: date, tot: date) -> list[str]:
    """The complaints received in the period to which ``regel`` applies and that break it."""
    return [k for k, f in feiten.ontvangen_in(w.sessie, van, tot) if regel.overtreden(f)]


def _aantal_waarvoor(w: Werkeenheid, regel: regels.Regel, van: date, tot: date) -> int:
    """How many complaints received in the period ``regel`` applies to."""
    return sum(1 for _, f in feiten.ontvangen_in(w.sessie, van, tot) if regel.geldt(f))


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
    return _aantal_waarvoor(w, regels.AFSCHRIFT, van, tot)


def aantal_niet_in_behandeling(w: Werkeenheid, van: date, tot: date) -> int:
    """How many complaints of the period were closed as niet-in-behandeling (9:8)."""
    return _aantal_waarvoor(w, regels.MELDING_9_8, van, tot)


# -- the rules -----------------------------------------------------------------------


def zonder_ontvangstbevestiging(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints received in the period whose receipt was never confirmed (9:6)."""
    return _overtreden(w, regels.ONTVANGSTBEVESTIGING, van, tot)


def melding_9_8_te_laat(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period not taken into behandeling, notified after the four weeks
    (9:8 lid 3; the four weeks are moved by the Algemene termijnenwet)."""
    return _overtreden(w, regels.MELDING_9_8, van, tot)


def oordeel_zonder_afschrift(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints of the period with an oordeel whose beklaagde got no copy (9:9)."""
    return _overtreden(w, regels.AFSCHRIFT, van, tot)


def oordeel_zonder_horen(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Written complaints of the period with an oordeel where the klager was not heard
    (with a verslag, 9:10 lid 3) and no ground to forgo hearing was recorded (9:10 lid 2)."""
    return _overtreden(w, regels.HOREN, van, tot)


def te_laat_afgehandeld(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period closed after their (postponed) deadline (9:11).

    A complaint not taken into behandeling is judged by the four weeks of 9:8
    instead (``melding_9_8_te_laat``); a withdrawn one has no deadline.
    """
    return _overtreden(w, regels.BINNEN_AFHANDELTERMIJN, van, tot)


def open_over_termijn(
    w: Werkeenheid, peildatum: date, van: date | None = None, tot: date | None = None
) -> list[str]:
    """Complaints that were open on the peildatum after their last day (9:11).

    Without ``van``/``tot`` the whole register counts; with them, only the
    complaints received in that period.
    """
    # The register is large and nearly all of it closed long ago: read only the
    # complaints that can have been open on the peildatum past their last day.
    # regels.open_na_termijn decides; this only narrows what is read.
    voorwaarden = [
        Klacht.ontvangen <= peildatum,
        Klacht.uiterste_datum < peildatum,
        or_(Klacht.status == Status.OPEN, Klacht.afgehandeld > peildatum),
    ]
    if van is not None:
        voorwaarden.append(Klacht.ontvangen >= van)
    if tot is not None:
        voorwaarden.append(Klacht.ontvangen <= tot)
    return [
        k for k, f in feiten.lees(w.sessie, *voorwaarden) if regels.open_na_termijn(f, peildatum)
    ]


def onrechtmatig_verdaagd(w: Werkeenheid, van: date, tot: date) -> list[str]:
    """Complaints of the period with a postponement the law does not allow (9:11 lid 2 and 3).

    Lawful: a first postponement of at most four weeks made while the term still
    ran, and any longer or further delay with the klager's written consent.
    """
    return [
        v.kenmerk
        for v in feiten.verdagingen(w.sessie, _ontvangen(van, tot))
        if not regels.rechtmatig_verdaagd(v.verdagingen, v.eerste_termijn)
    ]
