"""The rules of Awb hoofdstuk 9, one per article, as pure functions over a complaint's facts.

Each ``Regel`` says for which complaints an article applies (``geldt``: the
population) and whether the article was kept (``voldaan``, asked only where it
applies). The same rule serves all three users:

- the procedure (``klachten.procedure``) refuses an oordeel while a rule that an
  oordeel needs is not kept, and stores ``binnen_termijn`` from these rules;
- the checks of ``kwaliteit toets`` (``klachten.controles``) name the complaints
  of a period that a rule applies to and that do not keep it;
- the register figures (``kwaliteit.bewijs.register``) count them: the
  population is the denominator, the complaints that keep the rule the numerator.

Which complaints each figure counts, and why, is in docs/regels.md. The facts are
read from a ``Klacht`` or from the database by ``klachten.feiten``; this module
knows neither (no SQLAlchemy), so the rules can be read, and tested, on their own.

A rule reads the complaint's channel (written or oral, ``Feiten.schriftelijk``)
and its regime (``Feiten.regime``); today every regime follows the Awb and oral
complaints are judged against the term of 9:11 like written ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from klachten.termijnen import MAX_VERDAGING_WEKEN, termijn_9_8
from klachten.waarden import (
    OORDEELUITKOMSTEN,
    BeklaagdeSoort,
    Kanaal,
    Regime,
    Status,
    Uitkomst,
)


class Feiten(NamedTuple):
    """What the rules read of one complaint: as it stands, or as a step would leave it.

    Texts that only have to be there (a verslag, bevindingen) are read as "there
    is non-blank text"; a date that only has to be there (an ontvangstbevestiging)
    as "there is a date". A tuple, because the checks read hundreds of thousands.
    """

    kanaal: Kanaal
    regime: Regime
    status: Status
    uitkomst: Uitkomst | None
    ontvangen: date
    afgehandeld: date | None
    uiterste_datum: date
    bevestigd: bool
    afschrift_gestuurd: bool
    gehoord: bool
    met_hoorverslag: bool
    afgezien_van_horen: bool
    behandelaar: str | None
    beklaagde: str | None
    beklaagde_soort: BeklaagdeSoort | None
    met_bevindingen: bool
    met_conclusies: bool

    @property
    def schriftelijk(self) -> bool:
        """A klaagschrift (Awb 9:4): brief, e-mail or webformulier."""
        return self.kanaal.schriftelijk

    @property
    def gesloten(self) -> bool:
        return self.status is Status.GESLOTEN

    @property
    def met_oordeel(self) -> bool:
        """Closed with an oordeel after the formal procedure (gegrond … geen-oordeel, 9:12)."""
        return self.gesloten and self.uitkomst in OORDEELUITKOMSTEN


@dataclass(frozen=True)
class Regel:
    """One article: for which complaints it applies, and whether a complaint keeps it."""

    artikel: str
    omschrijving: str
    geldt: Callable[[Feiten], bool]
    voldaan: Callable[[Feiten], bool]

    def overtreden(self, f: Feiten) -> bool:
        """The rule applies to the complaint and the complaint does not keep it."""
        return self.geldt(f) and not self.voldaan(f)


def gevuld(tekst: str | None) -> bool:
    """A text counts when it has more than white space."""
    return bool(tekst and tekst.strip())


def _naam(naam: str) -> str:
    return " ".join(naam.casefold().split())


# -- Awb 9:2 and 9:12a: every complaint is registered -------------------------------


def _elke_klacht(f: Feiten) -> bool:
    return True


GEREGISTREERD = Regel(
    "9:2",
    "elke klacht, mondeling en schriftelijk, staat in het register",
    geldt=_elke_klacht,
    voldaan=_elke_klacht,
)


# -- Awb 9:6: ontvangstbevestiging --------------------------------------------------


def _bevestiging_nodig(f: Feiten) -> bool:
    # Every klaagschrift, open or closed, however it ended, except when it turned out
    # not to be this organisation's complaint (forwarded under 2:3, which tells the
    # sender instead) or no klaagschrift in the sense of 9:4 (niet-ontvankelijk: an
    # anonymous complaint cannot be acknowledged).
    return f.schriftelijk and f.uitkomst not in (Uitkomst.DOORGESTUURD, Uitkomst.NIET_ONTVANKELIJK)


ONTVANGSTBEVESTIGING = Regel(
    "9:6",
    "de ontvangst van een schriftelijke klacht is schriftelijk bevestigd",
    geldt=_bevestiging_nodig,
    voldaan=lambda f: f.bevestigd,
)


# -- Awb 9:7: an independent behandelaar --------------------------------------------


def onafhankelijk(
    beklaagde: str | None, beklaagde_soort: BeklaagdeSoort | None, behandelaar: str
) -> bool:
    """Awb 9:7: the behandelaar is not the person (or team) whose conduct is complained about.

    Names are compared without case and extra spaces. A complaint about the
    organisation itself may be handled within it (9:7 does not apply to the organ itself).
    """
    if not beklaagde or beklaagde_soort is BeklaagdeSoort.ORGANISATIE:
        return True
    return _naam(beklaagde) != _naam(behandelaar)


def _schriftelijk_oordeel(f: Feiten) -> bool:
    return f.schriftelijk and f.met_oordeel


ONAFHANKELIJKE_BEHANDELAAR = Regel(
    "9:7",
    "een schriftelijke klacht met een oordeel is behandeld door iemand die niet de beklaagde is",
    geldt=_schriftelijk_oordeel,
    voldaan=lambda f: (
        gevuld(f.behandelaar) and onafhankelijk(f.beklaagde, f.beklaagde_soort, f.behandelaar or "")
    ),
)


# -- Awb 9:8 lid 3: the notice that a complaint is not handled ------------------------


def _niet_in_behandeling(f: Feiten) -> bool:
    return f.gesloten and f.uitkomst is Uitkomst.NIET_IN_BEHANDELING


MELDING_9_8 = Regel(
    "9:8",
    "de mededeling dat een klacht niet in behandeling wordt genomen, ging binnen vier weken uit",
    geldt=_niet_in_behandeling,
    voldaan=lambda f: f.afgehandeld is not None and f.afgehandeld <= termijn_9_8(f.ontvangen),
)


# -- Awb 9:9: afschrift aan de beklaagde ---------------------------------------------

AFSCHRIFT = Regel(
    "9:9",
    "bij een schriftelijke klacht met een oordeel kreeg de beklaagde een afschrift",
    geldt=_schriftelijk_oordeel,
    voldaan=lambda f: f.afschrift_gestuurd,
)


# -- Awb 9:10: horen ----------------------------------------------------------------

HOREN = Regel(
    "9:10",
    "bij een schriftelijke klacht met een oordeel is de klager gehoord, met verslag (lid 3), "
    "of is een grond vastgelegd om daarvan af te zien (lid 2)",
    geldt=_schriftelijk_oordeel,
    voldaan=lambda f: (f.gehoord and f.met_hoorverslag) or f.afgezien_van_horen,
)


# -- Awb 9:11: the afhandeltermijn --------------------------------------------------


def _afhandeltermijn_geldt(f: Feiten) -> bool:
    # A withdrawn complaint has no term; one not handled is judged by the four weeks of
    # 9:8 lid 3 (MELDING_9_8) instead. Forwarded, informally solved and niet-ontvankelijk
    # complaints are judged against it: their afhandeling ends the organisation's part.
    return f.gesloten and f.uitkomst not in (Uitkomst.INGETROKKEN, Uitkomst.NIET_IN_BEHANDELING)


BINNEN_AFHANDELTERMIJN = Regel(
    "9:11",
    "een klacht is afgehandeld binnen de (verdaagde) termijn",
    geldt=_afhandeltermijn_geldt,
    voldaan=lambda f: f.afgehandeld is not None and f.afgehandeld <= f.uiterste_datum,
)


def binnen_termijn(f: Feiten) -> bool | None:
    """Was the closed complaint closed within the term its closing had to meet?

    9:8 lid 3 for a complaint not handled, 9:11 for the others; None when no term
    applies (withdrawn, or still open). ``sluit`` stores this in ``binnen_termijn``.
    """
    for regel in (MELDING_9_8, BINNEN_AFHANDELTERMIJN):
        if regel.geldt(f):
            return regel.voldaan(f)
    return None


def open_na_termijn(f: Feiten, peildatum: date) -> bool:
    """Awb 9:11: on the peildatum the complaint was open after its last day.

    Open on the peildatum: received by then and not closed by then (still open, or
    closed later). Its outcome was not known then, so every complaint counts.
    """
    open_op_peildatum = f.status is Status.OPEN or (
        f.afgehandeld is not None and f.afgehandeld > peildatum
    )
    return f.ontvangen <= peildatum and open_op_peildatum and f.uiterste_datum < peildatum


@dataclass(frozen=True, slots=True)
class Verdagingfeit:
    """One postponement as the rule of 9:11 lid 2 and 3 reads it."""

    datum: date
    weken: int
    met_instemming: bool


def verdaging_rechtmatig(volgnummer: int, v: Verdagingfeit, eerste_termijn: date) -> bool:
    """Awb 9:11 lid 2 and 3: may this postponement (0 = the first) be made?

    The first one (lid 2) is made while the term still runs (on or before
    ``eerste_termijn``, the last day without postponement) and is at most four weeks;
    any longer or further delay needs the klager's written consent (lid 3).
    """
    if volgnummer == 0 and v.datum > eerste_termijn:
        return False
    return v.met_instemming or (volgnummer == 0 and v.weken <= MAX_VERDAGING_WEKEN)


def rechtmatig_verdaagd(verdagingen: Sequence[Verdagingfeit], eerste_termijn: date) -> bool:
    """Every postponement of the complaint, in the order made, is lawful (9:11 lid 2 and 3)."""
    return all(verdaging_rechtmatig(i, v, eerste_termijn) for i, v in enumerate(verdagingen))


# -- Awb 9:12: the oordeel ------------------------------------------------------------

OORDEEL_MET_BEVINDINGEN = Regel(
    "9:12",
    "een oordeel vermeldt de bevindingen en de conclusies",
    # Oral complaints too: the procedure demands it of every oordeel.
    geldt=lambda f: f.met_oordeel,
    voldaan=lambda f: f.met_bevindingen and f.met_conclusies,
)

# What an oordeel needs before it can be given, in the order the procedure names it.
VOOR_EEN_OORDEEL = (
    OORDEEL_MET_BEVINDINGEN,
    ONTVANGSTBEVESTIGING,
    AFSCHRIFT,
    HOREN,
    ONAFHANKELIJKE_BEHANDELAAR,
)


# -- Wmo 2015 art. 3.2: the klachtenregeling is used ---------------------------------

KLACHTENREGELING = Regel(
    "3.2",
    "een afgehandelde klacht is afgehandeld met een uitkomst van de klachtenregeling",
    geldt=lambda f: f.gesloten,
    voldaan=lambda f: f.uitkomst is not None,
)
