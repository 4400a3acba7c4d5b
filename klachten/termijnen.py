"""The legal terms of Awb hoofdstuk 9, and the retention terms of the Selectielijst.

- Afhandeling: 6 weeks after receipt, 10 with a klachtadviescommissie (9:11 lid 1),
  or the organisation's own shorter term (its klachtenregeling, in the organisation
  profile), plus every verdaging (9:11 lid 2 and 3); the end moves under the Atw. The
  base term is fixed on the complaint at registration (``Klacht.termijn_weken``).
- Notice that a complaint is not handled (9:8 lid 3): 4 weeks after receipt, Atw.
- Ombudsman: one year after the afhandeling (9:24 lid 2); a term in years, to which
  the Atw does not apply (Atw art. 4).
- Retention, Selectielijst gemeenten 2020, procestype 13: 5 years after an
  afhandeling, 10 once the ombudsman was involved, 1 year for a niet-ontvankelijke
  or afgebroken (ingetrokken) complaint.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from klachten.kalender import atw_einddatum, plus_weken
from klachten.waarden import Uitkomst
from kwaliteit.organisatie import Bewaartermijnen

AFHANDELTERMIJN_WEKEN = 6
AFHANDELTERMIJN_COMMISSIE_WEKEN = 10
MELDING_9_8_WEKEN = 4
MAX_VERDAGING_WEKEN = 4
MAX_UITSTEL_WEKEN = 52
GEDRAGING_MAX_JAREN = 1

BEWAARJAREN_AFGEHANDELD = 5
BEWAARJAREN_OMBUDSMAN = 10
BEWAARJAREN_KORT = 1


def afhandelweken(*, adviescommissie: bool, eigen_termijn: int | None = None) -> int:
    """The base afhandeltermijn in weeks: the law's, or the regulation's own if shorter."""
    wettelijk = AFHANDELTERMIJN_COMMISSIE_WEKEN if adviescommissie else AFHANDELTERMIJN_WEKEN
    return wettelijk if eigen_termijn is None else min(eigen_termijn, wettelijk)


def afhandeltermijn(ontvangen: date, *, weken: int, verdaagd_weken: int) -> date:
    """The last day on which the afhandeling is on time (``weken``: the base term)."""
    return atw_einddatum(plus_weken(ontvangen, weken + verdaagd_weken))


def termijn_9_8(ontvangen: date) -> date:
    """The last day for the written notice that a complaint is not handled."""
    return atw_einddatum(plus_weken(ontvangen, MELDING_9_8_WEKEN))


def ombudsmanvenster(afgehandeld: date) -> date:
    """Until this day the ombudsman must investigate a request (9:24 lid 2)."""
    return afgehandeld + relativedelta(years=1)


def gedraging_te_oud(gedraging: date | None, ontvangen: date) -> bool:
    """True when the gedraging lies more than a year before receipt (9:8 lid 1b)."""
    return gedraging is not None and gedraging < ontvangen - relativedelta(
        years=GEDRAGING_MAX_JAREN
    )


def bewaartermijn(
    uitkomst: Uitkomst,
    afgehandeld: date,
    *,
    ombudsman: bool,
    keuzes: Bewaartermijnen | None = None,
) -> date:
    """The day until which the complaint's file must be kept.

    ``keuzes``: the organisation's choices where the Selectielijst names no term
    (doorgestuurd, niet in behandeling; its profile), 5 years each by default.
    """
    keuzes = keuzes or Bewaartermijnen()
    if ombudsman:
        jaren = BEWAARJAREN_OMBUDSMAN
    elif uitkomst in (Uitkomst.NIET_ONTVANKELIJK, Uitkomst.INGETROKKEN):
        jaren = BEWAARJAREN_KORT
    elif uitkomst is Uitkomst.DOORGESTUURD:
        jaren = keuzes.doorgestuurd
    elif uitkomst is Uitkomst.NIET_IN_BEHANDELING:
        jaren = keuzes.niet_in_behandeling
    else:
        jaren = BEWAARJAREN_AFGEHANDELD
    return afgehandeld + relativedelta(years=jaren)
