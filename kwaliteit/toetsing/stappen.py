"""The Dutch step library of ``kwaliteit toets``: Gherkin steps that check norms on the live database.

Used by the coverage features (``features/dekking``) and an organisation's own
features. The runner loads this module into pytest-bdd (as a plugin, or with
``from kwaliteit.toetsing.stappen import *``) and provides two fixtures:

- ``werk``: a read-only ``Werkeenheid`` on the live database;
- ``peildatum``: the date the checks speak about (``--peildatum``, default today).

The ``Gegeven`` steps choose what is checked (the period of complaints, the
normenkader, the beoordelingsronde) and hand it to the ``Dan`` steps through
the fixtures ``klachtperiode``, ``normenkader`` and ``beoordelingsronde``
defined here. A ``Dan`` step asks a service (``klachten.controles``,
``kwaliteit.bewijs.controles``) and raises ``Toetsfout(melding, records)``
when it finds a problem, naming the kenmerken or refs; that is the only way a
check fails. A feature that asks something impossible (an unknown oordeel, a
period that ends before it starts) raises ``InvoerFout``: an error in the
feature, not a finding.

The empty-set rule. A check over zero records proves nothing, so it never
passes silently. Every ``Dan`` step is anchored in a population that must
exist for the claim to mean anything:

- register steps: the complaints received in the period (the backlog step: the
  complaints received up to the peildatum);
- evidence steps: the assessable norms of the kader, category or ref named;
- oordeel steps: the norms with an oordeel in the beoordelingsronde;
- the action step: the verbeteracties made up to the peildatum.

If the anchor is empty the step fails with "niets om te toetsen". Within a
non-empty anchor, an empty subset passes: when the period holds complaints but
none was written, or none was closed with an oordeel, or no norm was judged
"voldoet-niet", the situation the norm is about did not occur, and the anchor
shows that the register or the self-assessment was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from pytest_bdd import given, parsers, then

from klachten import controles as klachtcontroles
from kwaliteit.bewijs import controles as bewijscontroles
from kwaliteit.bewijs.modellen import Oordeelwaarde
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.tijd import nl_datum, parse_datum
from kwaliteit.toetsing import Toetsfout
from normen import diensten as normdiensten
from normen.fouten import OnbekendKader


@dataclass(frozen=True)
class Klachtperiode:
    """Complaints received from ``van`` up to and including ``tot``; ``naam`` for messages."""

    van: date
    tot: date
    naam: str

    def __str__(self) -> str:
        return self.naam


@dataclass(frozen=True)
class Normenkader:
    """The kader a feature checks, with the version valid on the peildatum."""

    code: str
    versie: str

    def __str__(self) -> str:
        return f"{self.code} (versie {self.versie})"


def _periode(van: date, tot: date) -> Klachtperiode:
    return Klachtperiode(van, tot, f"ontvangen van {nl_datum(van)} tot en met {nl_datum(tot)}")


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _niets_te_toetsen(reden: str) -> None:
    """Skip the scenario: a claim about zero cases is not checked, so it must not pass."""
    pytest.skip(f"niets om te toetsen: {reden}")


def _eis_schriftelijke_oordelen(werk: Werkeenheid, periode: Klachtperiode) -> None:
    """The period has complaints, and written ones closed with an oordeel (else skip)."""
    _eis_klachten(werk, periode)
    if not klachtcontroles.aantal_schriftelijk_met_oordeel(werk, periode.van, periode.tot):
        _niets_te_toetsen(f"geen schriftelijke klachten met een oordeel {periode}")


def _eis_klachten(werk: Werkeenheid, periode: Klachtperiode) -> None:
    """The anchor of the register steps: the period holds complaints."""
    if (
        periode.van > periode.tot
        or klachtcontroles.aantal_ontvangen(werk, periode.van, periode.tot) == 0
    ):
        raise Toetsfout(
            f"Er zijn geen klachten {periode}: er is niets om te toetsen. Een leeg register "
            "toont niet aan dat aan de norm is voldaan; controleer of alle klachten, ook "
            "mondelinge, in het register staan."
        )


def _kenmerkvolgorde(kenmerk: str) -> tuple[int, int, str]:
    """K-2026-0012 by year and number (the order of the register)."""
    delen = kenmerk.split("-")
    if len(delen) == 3 and delen[1].isdigit() and delen[2].isdigit():
        return int(delen[1]), int(delen[2]), kenmerk
    return 0, 0, kenmerk


def _kader(normenkader: Normenkader | None) -> Normenkader:
    if normenkader is None:
        raise InvoerFout(
            'Deze stap hoort bij een normenkader; begin met Gegeven het normenkader "<code>".'
        )
    return normenkader


def _oordeel(tekst: str) -> Oordeelwaarde:
    try:
        return Oordeelwaarde(tekst.strip())
    except ValueError:
        raise InvoerFout(
            f"Oordeel '{tekst}' bestaat niet; kies {', '.join(o.value for o in Oordeelwaarde)}."
        ) from None


# ## Fixtures ########################################################################


@pytest.fixture
def klachtperiode(peildatum: date) -> Klachtperiode:
    """The complaints a register step checks; a ``Gegeven de klachten ontvangen ...`` step
    replaces it. Without one: the twelve months up to the peildatum."""
    return _periode(peildatum - relativedelta(years=1) + timedelta(days=1), peildatum)


@pytest.fixture
def normenkader() -> Normenkader | None:
    """The kader of the evidence steps; set by ``Gegeven het normenkader "..."``."""
    return None


@pytest.fixture
def beoordelingsronde() -> str | None:
    """The ronde of the oordeel steps; set by ``Gegeven de beoordelingsronde "..."``.
    Without one: the year of the peildatum."""
    return None


# ## Gegeven #########################################################################


@given(
    "de klachten ontvangen in de twaalf maanden tot de peildatum", target_fixture="klachtperiode"
)
def klachten_twaalf_maanden(peildatum: date) -> Klachtperiode:
    """Check the complaints received in the twelve months up to and including the peildatum.

    Gebruik: ``Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum``
    (met peildatum 23-11-2026: ontvangen van 24-11-2025 tot en met 23-11-2026). Zo
    toetst ``kwaliteit toets`` op elke dag het afgelopen jaar, net als de cijfers
    uit het register in ``kwaliteit dekking``.
    """
    return _periode(peildatum - relativedelta(years=1) + timedelta(days=1), peildatum)


@given(parsers.parse("de klachten ontvangen in {jaar:d}"), target_fixture="klachtperiode")
def klachten_in_jaar(peildatum: date, jaar: int) -> Klachtperiode:
    """Check the complaints received in one calendar year, up to the peildatum at most.

    Gebruik: ``Gegeven de klachten ontvangen in 2026``. Klachten ontvangen na de
    peildatum tellen niet mee; ligt het hele jaar na de peildatum, dan is er niets om
    te toetsen en mislukt elke klachtstap.
    """
    van, tot = date(jaar, 1, 1), min(date(jaar, 12, 31), peildatum)
    if van > tot:
        return Klachtperiode(
            van, tot, f"ontvangen in {jaar} (na de peildatum {nl_datum(peildatum)})"
        )
    return _periode(van, tot)


@given(
    parsers.parse("de klachten ontvangen van {van} tot en met {tot}"),
    target_fixture="klachtperiode",
)
def klachten_van_tot(peildatum: date, van: str, tot: str) -> Klachtperiode:
    """Check the complaints received in a period of your own (both dates included).

    Gebruik: ``Gegeven de klachten ontvangen van 01-07-2026 tot en met 31-12-2026``
    (dd-mm-jjjj of jjjj-mm-dd). Een einde na de peildatum wordt de peildatum.
    """
    begin, einde = parse_datum(van, "van"), parse_datum(tot, "tot en met")
    if einde < begin:
        raise InvoerFout(
            f"De periode eindigt ({nl_datum(einde)}) voor zij begint ({nl_datum(begin)})."
        )
    if begin > peildatum:
        return Klachtperiode(
            begin,
            peildatum,
            f"ontvangen vanaf {nl_datum(begin)} (na de peildatum {nl_datum(peildatum)})",
        )
    return _periode(begin, min(einde, peildatum))


@given(parsers.parse('het normenkader "{kader}"'), target_fixture="normenkader")
def het_normenkader(werk: Werkeenheid, peildatum: date, kader: str) -> Normenkader:
    """The kader the following steps check: its version valid on the peildatum.

    Gebruik: ``Gegeven het normenkader "sterk-sociaal-werk"`` (de code van het kader,
    zoals ``kwaliteit normen lijst`` die toont). Is het kader niet geladen, dan mislukt
    de stap: zonder kader valt niets aan te tonen.
    """
    try:
        v = normdiensten.versie(werk, kader.strip(), op=peildatum)
    except OnbekendKader as e:
        raise Toetsfout(e.melding) from None
    return Normenkader(v.kader.code, v.versie)


@given(parsers.parse('de beoordelingsronde "{ronde}"'), target_fixture="beoordelingsronde")
def de_beoordelingsronde(ronde: str) -> str:
    """The ronde whose oordelen the oordeel steps read (zoals bij ``kwaliteit beoordeel --ronde``).

    Gebruik: ``Gegeven de beoordelingsronde "2026"``. Zonder deze stap: het jaar van de
    peildatum.
    """
    schoon = ronde.strip()
    if not schoon:
        raise InvoerFout("De beoordelingsronde is leeg.")
    return schoon


# ## Dan: het klachtenregister #######################################################


@then("zijn er klachten om te toetsen")
def er_zijn_klachten(werk: Werkeenheid, klachtperiode: Klachtperiode) -> None:
    """The period holds at least one complaint (oral or written).

    Gebruik: ``Dan zijn er klachten om te toetsen``, direct na de periode, zodat het
    rapport het lege register noemt en niet de norm. Elke klachtstap controleert dit
    ook zelf.
    Leeg: mislukt, met de periode in de melding.
    """
    _eis_klachten(werk, klachtperiode)


@then(
    parsers.re(
        r"heeft elke schriftelijke klacht"
        r"(?: die ten minste (?P<dagen>\d+) dagen? voor de peildatum binnenkwam)?"
        r" een ontvangstbevestiging$"
    )
)
def elke_klacht_bevestigd(
    werk: Werkeenheid, peildatum: date, klachtperiode: Klachtperiode, dagen: str | None
) -> None:
    """Awb 9:6: every written complaint of the period has a written ontvangstbevestiging.

    Gebruik: ``Dan heeft elke schriftelijke klacht een ontvangstbevestiging``, of met een
    eigen servicenorm (de wet noemt geen termijn) ``Dan heeft elke schriftelijke klacht
    die ten minste 7 dagen voor de peildatum binnenkwam een ontvangstbevestiging``: de
    klachten van de laatste 7 dagen mogen dan nog onbevestigd zijn. Een doorgestuurde of
    niet-ontvankelijke klacht telt niet mee (docs/regels.md).
    Noemt de kenmerken van de onbevestigde klachten.
    Leeg: mislukt als de periode geen klachten heeft; zonder schriftelijke klachten slaagt de stap.
    """
    _eis_klachten(werk, klachtperiode)
    periode = klachtperiode
    if dagen is not None:
        grens = peildatum - timedelta(days=int(dagen))
        if grens < periode.tot:
            periode = _periode(periode.van, grens)
    kenmerken = klachtcontroles.zonder_ontvangstbevestiging(werk, periode.van, periode.tot)
    if kenmerken:
        extra = f" (ten minste {dagen} dagen voor de peildatum)" if dagen is not None else ""
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'schriftelijke klacht', 'schriftelijke klachten')} "
            f"{periode}{extra} zonder ontvangstbevestiging (Awb 9:6)",
            kenmerken,
        )


@then("is elke klacht binnen de wettelijke termijn of na een rechtmatige verdaging afgehandeld")
def elke_klacht_op_tijd(werk: Werkeenheid, peildatum: date, klachtperiode: Klachtperiode) -> None:
    """Awb 9:11: every complaint of the period was handled within its (lawfully postponed) term.

    Gebruik: ``Dan is elke klacht binnen de wettelijke termijn of na een rechtmatige
    verdaging afgehandeld``. Mislukt voor een klacht uit de periode die
    - na de uiterste afhandeldatum is gesloten;
    - op de peildatum nog open was terwijl de uiterste afhandeldatum voorbij was;
    - verdaagd is zonder rechtsgrond: langer dan vier weken of voor een tweede keer,
      zonder schriftelijke instemming van de klager (9:11 lid 2 en 3).
    Een klacht die niet in behandeling is genomen, toetst de 9:8-stap (vier weken); een
    ingetrokken klacht heeft geen termijn. Noemt de kenmerken, in volgorde.
    Leeg: mislukt als de periode geen klachten heeft.
    """
    _eis_klachten(werk, klachtperiode)
    van, tot = klachtperiode.van, klachtperiode.tot
    te_laat = klachtcontroles.te_laat_afgehandeld(werk, van, tot)
    open_ = klachtcontroles.open_over_termijn(werk, peildatum, van, tot)
    verdaagd = klachtcontroles.onrechtmatig_verdaagd(werk, van, tot)
    if not (te_laat or open_ or verdaagd):
        return
    delen = []
    if te_laat:
        delen.append(f"{len(te_laat)} na de uiterste afhandeldatum gesloten")
    if open_:
        delen.append(f"{len(open_)} op {nl_datum(peildatum)} nog open na de uiterste afhandeldatum")
    if verdaagd:
        delen.append(
            f"{len(verdaagd)} verdaagd zonder rechtsgrond (meer dan vier weken of opnieuw, "
            "zonder schriftelijke instemming van de klager)"
        )
    alle = sorted(set(te_laat) | set(open_) | set(verdaagd), key=_kenmerkvolgorde)
    raise Toetsfout(
        f"{_aantal(len(alle), 'klacht', 'klachten')} {klachtperiode} niet binnen de termijn "
        f"afgehandeld (Awb 9:11): {'; '.join(delen)}",
        alle,
    )


@then("staat op de peildatum geen klacht open na haar uiterste afhandeldatum")
def geen_achterstand(werk: Werkeenheid, peildatum: date) -> None:
    """Awb 9:11: on the peildatum no complaint of any period is open past its last day.

    Gebruik: ``Dan staat op de peildatum geen klacht open na haar uiterste
    afhandeldatum``. Kijkt naar het hele register, niet alleen naar de gekozen periode,
    zodat ook een oude klacht die is blijven liggen gevonden wordt. Noemt de kenmerken.
    Leeg: mislukt als het register tot de peildatum geen enkele klacht bevat.
    """
    if klachtcontroles.aantal_tot(werk, peildatum) == 0:
        raise Toetsfout(
            f"Het register bevat geen klachten ontvangen tot en met {nl_datum(peildatum)}: "
            "er is niets om te toetsen."
        )
    kenmerken = klachtcontroles.open_over_termijn(werk, peildatum)
    if kenmerken:
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'klacht', 'klachten')} op {nl_datum(peildatum)} nog "
            "open na de uiterste afhandeldatum (Awb 9:11)",
            kenmerken,
        )


@then("ging elke mededeling dat een klacht niet in behandeling wordt genomen binnen vier weken uit")
def melding_9_8_op_tijd(werk: Werkeenheid, klachtperiode: Klachtperiode) -> None:
    """Awb 9:8 lid 3: every notice that a complaint is not handled went out within four weeks.

    Gebruik: ``Dan ging elke mededeling dat een klacht niet in behandeling wordt genomen
    binnen vier weken uit``. De vier weken lopen vanaf de ontvangst, verlengd volgens de
    Algemene termijnenwet. Noemt de kenmerken van de te late mededelingen.
    Leeg: mislukt als de periode geen klachten heeft; zonder klachten die niet in
    behandeling zijn genomen is er niets te toetsen en wordt het scenario overgeslagen
    (het telt dan niet als geslaagd).
    """
    _eis_klachten(werk, klachtperiode)
    if not klachtcontroles.aantal_niet_in_behandeling(werk, klachtperiode.van, klachtperiode.tot):
        _niets_te_toetsen(f"geen klachten {klachtperiode} die niet in behandeling zijn genomen")
    kenmerken = klachtcontroles.melding_9_8_te_laat(werk, klachtperiode.van, klachtperiode.tot)
    if kenmerken:
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'klacht', 'klachten')} {klachtperiode} niet in "
            "behandeling genomen met een mededeling na de vier weken (Awb 9:8 lid 3)",
            kenmerken,
        )


@then("kreeg bij elke schriftelijke klacht met een oordeel de beklaagde een afschrift")
def afschrift_bij_oordeel(werk: Werkeenheid, klachtperiode: Klachtperiode) -> None:
    """Awb 9:9: with every written complaint closed with an oordeel, the beklaagde got a copy.

    Gebruik: ``Dan kreeg bij elke schriftelijke klacht met een oordeel de beklaagde een
    afschrift``. Een oordeel is gegrond, deels-gegrond, ongegrond of geen-oordeel.
    Noemt de kenmerken zonder afschrift.
    Leeg: mislukt als de periode geen klachten heeft; zonder schriftelijke klachten met
    een oordeel is er niets te toetsen en wordt het scenario overgeslagen (het telt dan
    niet als geslaagd).
    """
    _eis_schriftelijke_oordelen(werk, klachtperiode)
    kenmerken = klachtcontroles.oordeel_zonder_afschrift(werk, klachtperiode.van, klachtperiode.tot)
    if kenmerken:
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'schriftelijke klacht', 'schriftelijke klachten')} "
            f"{klachtperiode} met een oordeel zonder afschrift aan de beklaagde (Awb 9:9)",
            kenmerken,
        )


@then(
    "is bij elke schriftelijke klacht met een oordeel de klager gehoord of is vastgelegd waarom niet"
)
def gehoord_bij_oordeel(werk: Werkeenheid, klachtperiode: Klachtperiode) -> None:
    """Awb 9:10: with every written complaint closed with an oordeel, the klager was heard
    (with a verslag) or a ground of 9:10 lid 2 to forgo hearing was recorded.

    Gebruik: ``Dan is bij elke schriftelijke klacht met een oordeel de klager gehoord of
    is vastgelegd waarom niet``. Noemt de kenmerken.
    Leeg: mislukt als de periode geen klachten heeft; zonder schriftelijke klachten met
    een oordeel is er niets te toetsen en wordt het scenario overgeslagen (het telt dan
    niet als geslaagd).
    """
    _eis_schriftelijke_oordelen(werk, klachtperiode)
    kenmerken = klachtcontroles.oordeel_zonder_horen(werk, klachtperiode.van, klachtperiode.tot)
    if kenmerken:
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'schriftelijke klacht', 'schriftelijke klachten')} "
            f"{klachtperiode} met een oordeel waarbij de klager niet is gehoord (met verslag) "
            "en geen grond is vastgelegd om daarvan af te zien (Awb 9:10)",
            kenmerken,
        )


# ## Dan: bewijs, zelfevaluatie en verbeteracties #####################################


_BEWIJS = r"(?P<soort>bewijs|een bewijsstuk) dat geldt op de peildatum$"


def _zonder_bewijs(
    werk: Werkeenheid, peildatum: date, kader: Normenkader, refs: list[str], soort: str, wat: str
) -> None:
    stukken = soort == "een bewijsstuk"
    zonder = bewijscontroles.zonder_geldig_bewijs(
        werk, kader.code, peildatum, refs=refs, alleen_bewijsstukken=stukken
    )
    if zonder:
        raise Toetsfout(
            f"{_aantal(len(zonder), 'norm', 'normen')} van {wat} zonder "
            f"{'bewijsstuk' if stukken else 'bewijs'} dat geldt op {nl_datum(peildatum)}",
            zonder,
        )


@then(parsers.re(r'heeft elke norm(?: van categorie "(?P<categorie>[^"]+)")? ' + _BEWIJS))
def elke_norm_bewijs(
    werk: Werkeenheid,
    peildatum: date,
    normenkader: Normenkader | None,
    categorie: str | None,
    soort: str,
) -> None:
    """Every assessable norm of the kader (or of one top category) has evidence valid on the peildatum.

    Gebruik: ``Dan heeft elke norm van categorie "1" bewijs dat geldt op de peildatum``, of
    zonder categorie voor het hele kader: ``Dan heeft elke norm bewijs dat geldt op de
    peildatum``. Na ``Gegeven het normenkader "..."``. "bewijs" telt zoals ``kwaliteit
    dekking``: een gekoppeld bewijsstuk waarvan een versie op de peildatum geldt, of een
    cijfer uit het klachtenregister; met "een bewijsstuk" in plaats van "bewijs" telt alleen
    vastgelegd bewijs. Noemt de refs zonder bewijs, in de volgorde van het kader.
    Leeg: mislukt als het kader of de categorie geen beoordeelbare normen heeft (bijv. een
    verkeerd gespelde categorie).
    """
    kader = _kader(normenkader)
    refs = bewijscontroles.beoordeelbare_normen(werk, kader.code, peildatum, categorie=categorie)
    wat = f'categorie "{categorie}" van {kader}' if categorie is not None else str(kader)
    if not refs:
        raise Toetsfout(f"Er zijn geen beoordeelbare normen in {wat}: er is niets om te toetsen.")
    _zonder_bewijs(werk, peildatum, kader, refs, soort, wat)


@then(parsers.re(r'heeft norm "(?P<ref>[^"]+)" ' + _BEWIJS))
def norm_bewijs(
    werk: Werkeenheid, peildatum: date, normenkader: Normenkader | None, ref: str, soort: str
) -> None:
    """One norm has evidence (or a bewijsstuk) valid on the peildatum.

    Gebruik: ``Dan heeft norm "3.2" een bewijsstuk dat geldt op de peildatum`` of ``Dan
    heeft norm "9:6" bewijs dat geldt op de peildatum``, na ``Gegeven het normenkader
    "..."``; "bewijs" en "een bewijsstuk" als bij de stap voor een categorie.
    Leeg: mislukt als het kader geen beoordeelbare norm met die ref heeft.
    """
    kader = _kader(normenkader)
    if ref not in bewijscontroles.beoordeelbare_normen(werk, kader.code, peildatum):
        raise Toetsfout(
            f'{kader} heeft geen beoordeelbare norm "{ref}": er is niets om te toetsen.'
        )
    _zonder_bewijs(werk, peildatum, kader, [ref], soort, str(kader))


def _ronde(beoordelingsronde: str | None, peildatum: date) -> str:
    return beoordelingsronde or str(peildatum.year)


def _eis_zelfevaluatie(werk: Werkeenheid, kader: Normenkader, ronde: str, peildatum: date) -> None:
    if not bewijscontroles.beoordeelde_normen(werk, kader.code, ronde, peildatum):
        raise Toetsfout(
            f"In beoordelingsronde {ronde} heeft geen enkele norm van {kader} een oordeel: er is "
            "niets om te toetsen (geen zelfevaluatie; 'kwaliteit beoordeel')."
        )


@then(parsers.parse('heeft elke norm met het oordeel "{oordeel}" minstens één bewijsstuk'))
def oordeel_met_bewijsstuk(
    werk: Werkeenheid,
    peildatum: date,
    normenkader: Normenkader | None,
    beoordelingsronde: str | None,
    oordeel: str,
) -> None:
    """Every norm judged this way in the ronde has a bewijsstuk valid on the peildatum.

    Gebruik: ``Dan heeft elke norm met het oordeel "voldoet" minstens één bewijsstuk``, na
    ``Gegeven het normenkader "..."`` en eventueel ``Gegeven de beoordelingsronde "..."``
    (anders: het jaar van de peildatum). Een bewijsstuk is vastgelegd bewijs dat aan de
    norm is gekoppeld en waarvan een versie op de peildatum geldt; een cijfer uit het
    klachtenregister telt hier niet. Noemt de refs.
    Leeg: mislukt als in de ronde geen enkele norm van het kader een oordeel heeft (geen
    zelfevaluatie); heeft geen norm dit oordeel, dan slaagt de stap.
    """
    kader = _kader(normenkader)
    waarde = _oordeel(oordeel)
    ronde = _ronde(beoordelingsronde, peildatum)
    _eis_zelfevaluatie(werk, kader, ronde, peildatum)
    refs = bewijscontroles.oordeel_zonder_bewijsstuk(werk, kader.code, ronde, peildatum, waarde)
    if refs:
        raise Toetsfout(
            f"{_aantal(len(refs), 'norm', 'normen')} van {kader} met het oordeel "
            f'"{waarde}" in ronde {ronde} zonder bewijsstuk dat geldt op {nl_datum(peildatum)}',
            refs,
        )


@then(parsers.parse('heeft elke norm met het oordeel "{oordeel}" een verbeteractie'))
def oordeel_met_actie(
    werk: Werkeenheid,
    peildatum: date,
    normenkader: Normenkader | None,
    beoordelingsronde: str | None,
    oordeel: str,
) -> None:
    """Every norm judged this way in the ronde has a verbeteractie (not vervallen).

    Gebruik: ``Dan heeft elke norm met het oordeel "voldoet-niet" een verbeteractie``, na
    ``Gegeven het normenkader "..."`` (ronde als bij de bewijsstuk-stap). Een actie telt
    als zij met ``kwaliteit actie registreer --norm`` aan de norm is verbonden, uiterlijk op
    de peildatum is aangemaakt en niet is vervallen. Noemt de refs.
    Leeg: mislukt zonder zelfevaluatie in de ronde; heeft geen norm dit oordeel, dan
    slaagt de stap.
    """
    kader = _kader(normenkader)
    waarde = _oordeel(oordeel)
    ronde = _ronde(beoordelingsronde, peildatum)
    _eis_zelfevaluatie(werk, kader, ronde, peildatum)
    refs = bewijscontroles.oordeel_zonder_actie(werk, kader.code, ronde, peildatum, waarde)
    if refs:
        raise Toetsfout(
            f"{_aantal(len(refs), 'norm', 'normen')} van {kader} met het oordeel "
            f'"{waarde}" in ronde {ronde} zonder verbeteractie',
            refs,
        )


@then("is geen verbeteractie over haar deadline")
def geen_actie_over_deadline(werk: Werkeenheid, peildatum: date) -> None:
    """No verbeteractie was still open (or in uitvoering) on the peildatum after its deadline.

    Gebruik: ``Dan is geen verbeteractie over haar deadline``. Geldt voor alle acties,
    van elk kader. Een actie die na de peildatum is afgerond, telt als open op de
    peildatum; een vervallen actie niet. Noemt de VA-kenmerken.
    Leeg: mislukt als er tot de peildatum geen enkele verbeteractie is vastgelegd: zonder
    acties valt niet te laten zien dat verbeteringen worden gevolgd.
    """
    if bewijscontroles.aantal_acties(werk, peildatum) == 0:
        raise Toetsfout(
            f"Er zijn tot en met {nl_datum(peildatum)} geen verbeteracties vastgelegd: er is "
            "niets om te volgen ('kwaliteit actie registreer')."
        )
    kenmerken = bewijscontroles.acties_over_deadline(werk, peildatum)
    if kenmerken:
        raise Toetsfout(
            f"{_aantal(len(kenmerken), 'verbeteractie', 'verbeteracties')} op "
            f"{nl_datum(peildatum)} nog open na de deadline",
            kenmerken,
        )
