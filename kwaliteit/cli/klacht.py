"""``kwaliteit klacht``: the complaints register and the Awb hoofdstuk 9 procedure."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from kwaliteit.cli.gemeen import (
    F,
    Geheel,
    datum_optie,
    eenheid,
    fout,
    json_optie,
    print_json,
    waarschuw,
)
from kwaliteit.cli.lui import Groep
from kwaliteit.cli.voortgang import Voortgang, toon_voortgang

if TYPE_CHECKING:
    from datetime import date

    from klachten.modellen import Klacht
    from kwaliteit.organisatie import Profiel


@click.group(cls=Groep)
def app() -> None:
    """Klachten registreren en behandelen volgens Awb hoofdstuk 9."""


# Help texts name the allowed values; kept here as text so --help needs no import
# of the domain. tests/cli checks them against klachten.waarden. (The registration
# fields take theirs from klachten.velden.)
UITKOMSTEN = (
    "gegrond, deels-gegrond, ongegrond, geen-oordeel, informeel-opgelost, doorgestuurd, "
    "ingetrokken, niet-ontvankelijk of niet-in-behandeling"
)
DATUM = "jjjj-mm-dd of dd-mm-jjjj"


class _Getal(click.types.IntParamType):
    """A whole number without bounds; its name is part of Click's (Dutch) messages.

    As ``gemeen.Geheel`` without a range (an IntRange without bounds would describe
    itself as ``x<=None`` in the help).
    """

    name = "geheel getal"


# The KENMERK argument (Typer's argument help "Het kenmerk, bijv. K-2023-0001." has no
# place in Click; every command's example shows a kenmerk) and the shared options.
_kenmerk = click.argument("kenmerk", metavar="KENMERK")
_datum = click.option(
    "--datum", metavar="DATUM", help=f"Datum van de stap ({DATUM}); standaard vandaag."
)
_json = json_optie("Uitvoer als JSON (zie README voor de velden).")


def _bevestiging(k: Klacht, tekst: str) -> None:
    click.echo(f"{k.kenmerk}: {tekst}")


def _registratieopties(*, wijzigen: bool) -> Callable[[F], F]:
    """The options of every registration field, from its one description (klachten.velden).

    ``wijzigen``: for ``klacht wijzig`` (nothing required; '' clears a field).
    """
    from klachten.velden import REGISTRATIEVELDEN, WIJZIGBARE_VELDEN

    opties: list[Callable[[F], F]] = []
    for veld in WIJZIGBARE_VELDEN if wijzigen else REGISTRATIEVELDEN:
        hulp = veld.keuzehulp()
        if veld.soort == "vlag":
            opties.append(
                click.option(
                    f"{veld.optie}/--zonder-{veld.optie.removeprefix('--')}",
                    veld.naam,
                    default=None,
                    help=hulp,
                )
            )
            continue
        if wijzigen and not veld.verplicht:
            hulp += " Een lege waarde ('') wist het gegeven."
        opties.append(
            click.option(
                veld.optie,
                veld.naam,
                metavar=veld.metavar,
                required=veld.verplicht and not wijzigen,
                help=hulp,
            )
        )

    def toepassen(f: F) -> F:
        # click.option stacks bottom-up: apply in reverse to keep the table's order.
        for optie in reversed(opties):
            f = optie(f)
        return f

    return toepassen


@app.command()
@_registratieopties(wijzigen=False)
@click.pass_context
def registreer(ctx: click.Context, /, adviescommissie: bool | None, **velden: str | None) -> None:
    """Registreer een klacht; toont het nieuwe kenmerk.

    Ook mondelinge klachten (telefoon, balie) worden geregistreerd. Wijk, team,
    aanbieder en categorie komen uit het organisatieprofiel ('kwaliteit organisatie
    toon'); zolang een lijst daar leeg is, zijn ze vrije tekst.

    Voorbeeld: kwaliteit klacht registreer --ontvangen 14-03-2023 --kanaal e-mail
    --omschrijving "Niet teruggebeld" --wijk Centrum --categorie bejegening
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        r = diensten.registreer_invoer(w, velden, adviescommissie=adviescommissie)
    for melding in r.waarschuwingen:
        waarschuw(melding)
    click.echo(r.kenmerk)


@app.command()
@_kenmerk
@_registratieopties(wijzigen=True)
@click.pass_context
def wijzig(ctx: click.Context, /, kenmerk: str, **velden: str | None) -> None:
    """Verbeter registratiegegevens van een klacht; het kenmerk en de procedure blijven.

    Een lege waarde ('') wist een gegeven dat niet verplicht is. Elke wijziging komt in
    het auditspoor (gegevens van de klager zonder hun inhoud).

    Voorbeeld: kwaliteit klacht wijzig K-2023-0001 --gedraging 02-01-2022 --wijk Oost
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.wijzig_invoer(w, kenmerk, velden)
    _bevestiging(k, "registratie bijgewerkt")
    for melding in diensten.waarschuwingen_bij(k):
        waarschuw(melding)


@app.command()
@_kenmerk
@_datum
@click.pass_context
def bevestig(ctx: click.Context, kenmerk: str, datum: str | None) -> None:
    """Leg de schriftelijke ontvangstbevestiging vast (Awb 9:6).

    Voorbeeld: kwaliteit klacht bevestig K-2023-0001 --datum 16-03-2023
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.bevestig(w, kenmerk, datum_optie(datum, "datum"))
    _bevestiging(k, "ontvangst bevestigd")


@app.command()
@_kenmerk
@_datum
@click.pass_context
def afschrift(ctx: click.Context, kenmerk: str, datum: str | None) -> None:
    """Leg vast dat de beklaagde een afschrift van de klacht kreeg (Awb 9:9).

    Voorbeeld: kwaliteit klacht afschrift K-2023-0001 --datum 17-03-2023
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.stuur_afschrift(w, kenmerk, datum_optie(datum, "datum"))
    _bevestiging(k, "afschrift aan de beklaagde vastgelegd")


@app.command()
@_kenmerk
@_datum
@click.option("--verslag", metavar="TEKST", help="Verslag van het horen (Awb 9:10 lid 3).")
@click.option(
    "--afzien",
    metavar="GROND",
    help="Zie af van horen op grond a (kennelijk ongegrond), b (klager ziet af) of c (geen reactie).",
)
@click.pass_context
def hoor(
    ctx: click.Context, kenmerk: str, datum: str | None, verslag: str | None, afzien: str | None
) -> None:
    """Leg het horen van klager en beklaagde vast, of de grond om ervan af te zien (Awb 9:10).

    Voorbeelden: kwaliteit klacht hoor K-2023-0001 --datum 03-04-2023 --verslag "Gesprek met klager"
    kwaliteit klacht hoor K-2023-0001 --afzien b
    """
    from klachten import diensten
    from klachten.invoer import keuze
    from klachten.waarden import AfzienHoren
    from kwaliteit.fouten import InvoerFout

    with eenheid(ctx, schrijven=True) as w:
        if afzien is not None:
            if verslag is not None or datum is not None:
                raise InvoerFout("Gebruik óf --afzien, óf --datum met --verslag, niet beide.")
            k = diensten.zie_af_van_horen(w, kenmerk, keuze(AfzienHoren, afzien, "afzien"))
            tekst = f"afgezien van horen (grond {afzien})"
        else:
            if verslag is None:
                raise InvoerFout("Geef --verslag (het verslag van het horen) of --afzien a|b|c.")
            k = diensten.hoor(w, kenmerk, datum_optie(datum, "datum"), verslag)
            tekst = "horen vastgelegd"
    _bevestiging(k, tekst)


@app.command("wijs-toe")
@_kenmerk
@click.option("--behandelaar", metavar="NAAM", required=True, help="Wie de klacht behandelt.")
@click.pass_context
def wijs_toe(ctx: click.Context, kenmerk: str, behandelaar: str) -> None:
    """Wijs de behandelaar aan; die mag niet de beklaagde zijn (Awb 9:7).

    Voorbeeld: kwaliteit klacht wijs-toe K-2023-0001 --behandelaar "J. de Vries"
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.wijs_toe(w, kenmerk, behandelaar)
    _bevestiging(k, f"behandelaar {k.behandelaar}")


@app.command()
@_kenmerk
@click.option(
    "--weken",
    metavar="WEKEN",
    type=_Getal(),
    required=True,
    help="Aantal weken (eerste verdaging ten hoogste 4).",
)
@click.option("--reden", metavar="TEKST", required=True, help="Waarom de afhandeling later komt.")
@_datum
@click.option(
    "--instemming",
    metavar="DATUM",
    help="Datum van de schriftelijke instemming van de klager (Awb 9:11 lid 3).",
)
@click.pass_context
def verdaag(
    ctx: click.Context,
    kenmerk: str,
    weken: int,
    reden: str,
    datum: str | None,
    instemming: str | None,
) -> None:
    """Verdaag de afhandeling (Awb 9:11): eerst ten hoogste 4 weken, daarna alleen met instemming.

    Voorbeelden: kwaliteit klacht verdaag K-2023-0001 --weken 4 --reden "Beklaagde met verlof"
    kwaliteit klacht verdaag K-2023-0001 --weken 2 --reden "Extra gesprek" --instemming 20-04-2023
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.verdaag(
            w,
            kenmerk,
            weken=weken,
            reden=reden,
            datum=datum_optie(datum, "datum"),
            instemming=datum_optie(instemming, "instemming"),
        )
    from kwaliteit.tijd import nl_datum

    _bevestiging(k, f"verdaagd; af te handelen uiterlijk {nl_datum(k.uiterste_datum)}")


@app.command()
@_kenmerk
@click.option("--uitkomst", metavar="UITKOMST", required=True, help=f"{UITKOMSTEN}.")
@click.option(
    "--datum", metavar="DATUM", help=f"Datum van de afhandeling ({DATUM}); standaard vandaag."
)
@click.option("--behandelaar", metavar="NAAM", help="Behandelaar (Awb 9:7).")
@click.option("--bevindingen", metavar="TEKST", help="Bevindingen (bij een oordeel).")
@click.option("--conclusies", metavar="TEKST", help="Conclusies (bij een oordeel).")
@click.option(
    "--tevredenheid", metavar="TEKST", help="Hoe de tevredenheid is bevestigd (informeel-opgelost)."
)
@click.option("--naar", metavar="ORGANISATIE", help="Ontvangende organisatie (doorgestuurd).")
@click.option(
    "--naar-soort", metavar="SOORT", help="bestuursorgaan, zorgaanbieder of anders (doorgestuurd)."
)
@click.option(
    "--klager-geinformeerd", metavar="DATUM", help="Wanneer de klager is ingelicht (doorgestuurd)."
)
@click.option("--wijze", metavar="TEKST", help="Hoe de klacht is ingetrokken (ingetrokken).")
@click.option(
    "--reden", metavar="TEKST", help="Waarom niet-ontvankelijk (Awb 9:4 of buiten de regeling)."
)
@click.option(
    "--grond", metavar="GROND", help="Grond van Awb 9:8: 1a-1f of 2 (niet-in-behandeling)."
)
@click.pass_context
def sluit(
    ctx: click.Context,
    kenmerk: str,
    uitkomst: str,
    datum: str | None,
    behandelaar: str | None,
    bevindingen: str | None,
    conclusies: str | None,
    tevredenheid: str | None,
    naar: str | None,
    naar_soort: str | None,
    klager_geinformeerd: str | None,
    wijze: str | None,
    reden: str | None,
    grond: str | None,
) -> None:
    """Sluit een klacht af met haar uitkomst en de gegevens die die uitkomst vraagt (Awb 9:12).

    gegrond, deels-gegrond, ongegrond, geen-oordeel: --bevindingen, --conclusies (en bij een
    schriftelijke klacht eerst bevestig, afschrift, hoor en een behandelaar);
    informeel-opgelost: --tevredenheid; doorgestuurd: --naar, --naar-soort, --klager-geinformeerd;
    ingetrokken: --wijze; niet-ontvankelijk: --reden; niet-in-behandeling: --grond.

    Voorbeeld: kwaliteit klacht sluit K-2023-0001 --uitkomst doorgestuurd --naar "GGD Rotterdam"
    --naar-soort zorgaanbieder --klager-geinformeerd 20-03-2023 --datum 20-03-2023
    """
    from klachten import diensten
    from klachten.invoer import keuze
    from klachten.procedure import Afhandeling
    from klachten.waarden import Bestemmingssoort, Grond98, Uitkomst
    from kwaliteit.tijd import vandaag

    with eenheid(ctx, schrijven=True) as w:
        a = Afhandeling(
            uitkomst=keuze(Uitkomst, uitkomst, "uitkomst"),
            datum=datum_optie(datum, "datum") or vandaag(),
            behandelaar=behandelaar,
            bevindingen=bevindingen,
            conclusies=conclusies,
            tevredenheid=tevredenheid,
            naar=naar,
            bestemming_soort=keuze(Bestemmingssoort, naar_soort, "naar-soort")
            if naar_soort
            else None,
            klager_geinformeerd=datum_optie(klager_geinformeerd, "klager-geinformeerd"),
            wijze=wijze,
            reden=reden,
            grond=keuze(Grond98, grond, "grond") if grond else None,
        )
        k = diensten.sluit(w, kenmerk, a)
    from kwaliteit.tijd import nl_datum

    termijn = (
        ""
        if k.binnen_termijn is None
        else (" (binnen de termijn)" if k.binnen_termijn else " (te laat)")
    )
    _bevestiging(k, f"gesloten met uitkomst {k.uitkomst} op {nl_datum(k.afgehandeld)}{termijn}")


@app.command()
@_kenmerk
@click.option("--reden", metavar="TEKST", required=True, help="Waarom de klacht heropend wordt.")
@_datum
@click.pass_context
def heropen(ctx: click.Context, kenmerk: str, reden: str, datum: str | None) -> None:
    """Heropen een gesloten klacht; de eerdere uitkomst blijft in de geschiedenis.

    Voorbeeld: kwaliteit klacht heropen K-2023-0001 --reden "Klager bracht nieuwe feiten in"
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.heropen(w, kenmerk, reden, datum_optie(datum, "datum"))
    _bevestiging(k, "heropend")


@app.command()
@_kenmerk
@_datum
@click.pass_context
def ombudsman(ctx: click.Context, kenmerk: str, datum: str | None) -> None:
    """Leg vast dat de klager naar de ombudsman ging (bewaartermijn 10 jaar).

    Voorbeeld: kwaliteit klacht ombudsman K-2023-0001 --datum 01-09-2023
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=True) as w:
        k = diensten.meld_ombudsman(w, kenmerk, datum_optie(datum, "datum"))
    _bevestiging(k, "bij de ombudsman vastgelegd")


# klacht lijst shows one page unless asked for more; above LIJST_DREMPEL lines the
# columns get fixed widths so that lines are written as they are read (bench finding 2).
LIJST_PAGINA = 50
LIJST_DREMPEL = 500
_LIJSTKOPPEN = (
    "Kenmerk",
    "Ontvangen",
    "Kanaal",
    "Categorie",
    "Wijk",
    "Status",
    "Uiterlijk",
    "Uitkomst",
)


@app.command()
@click.option(
    "--jaar",
    metavar="JAAR",
    type=Geheel(min=1, max=9999),
    help="Alleen klachten ontvangen in dit jaar.",
)
@click.option(
    "--status",
    metavar="STATUS",
    help="open, gesloten of te-laat (termijn overschreden: open of te laat gesloten).",
)
@click.option(
    "--limiet",
    metavar="N",
    type=Geheel(min=1, max=2**31 - 1),
    help=f"Toon ten hoogste N klachten (standaard {LIJST_PAGINA}; met --json standaard alle).",
)
@click.option(
    "--alle",
    is_flag=True,
    help="Toon alle klachten, niet alleen de eerste "
    f"{LIJST_PAGINA}; lange lijsten verschijnen regel voor regel.",
)
@click.option(
    "--json",
    "als_json",
    is_flag=True,
    help="Uitvoer als JSON: alle klachten, of ten hoogste --limiet N; zonder "
    "paginering (zie README voor de velden).",
)
@click.pass_context
def lijst(
    ctx: click.Context,
    jaar: int | None,
    status: str | None,
    limiet: int | None,
    alle: bool,
    als_json: bool,
) -> None:
    """Toon de klachten in het register, op kenmerk.

    Standaard de eerste 50 klachten, met daaronder hoeveel er nog zijn; --limiet N toont er
    meer of minder, --alle toont ze allemaal.

    Voorbeelden: kwaliteit klacht lijst --jaar 2023; kwaliteit klacht lijst --status te-laat --alle;
    kwaliteit klacht lijst --status te-laat --json
    """
    from klachten import diensten
    from klachten.invoer import keuze
    from klachten.waarden import StatusFilter
    from kwaliteit import profielversies

    if alle and limiet is not None:
        fout("Gebruik --limiet N of --alle, niet allebei.")
    with eenheid(ctx, schrijven=False) as w, _lezer_gestopt():
        filter_ = keuze(StatusFilter, status, "status") if status else None
        if als_json:
            _json_stroom(
                diensten.lijstregel(r, w.vandaag)
                for r in diensten.lijst(w, jaar=jaar, status=filter_, limiet=limiet)
            )
            return
        pagina = None if alle else (limiet or LIJST_PAGINA)
        # One row past the page says whether there are more; only then count them.
        rijen = diensten.lijst(
            w, jaar=jaar, status=filter_, limiet=None if pagina is None else pagina + 1
        )
        getoond, meer = _lijsttabel(rijen, w.vandaag, pagina, profielversies.huidig(w).profiel)
        if getoond == 0:
            click.echo("Geen klachten gevonden.")
        elif meer:
            totaal = diensten.tel(w, jaar=jaar, status=filter_)
            click.echo(
                f"… en nog {_aantal(totaal - getoond)} klacht(en). Gebruik --limiet N voor "
                f"meer of --alle voor alle {_aantal(totaal)}."
            )
        else:
            click.echo(f"{_aantal(getoond)} klacht(en).")


def _op_terminal(stroom: TextIO) -> bool:
    try:
        return stroom.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def _aantal(n: int) -> str:
    """A count the Dutch way: 148.244."""
    return f"{n:,}".replace(",", ".")


@contextmanager
def _lezer_gestopt() -> Iterator[None]:
    """Stop quietly when the reader of a long output goes away (``| head``, ``q`` in less)."""
    import os
    import sys

    try:
        yield
    except BrokenPipeError:
        # Whatever is still buffered for stdout goes nowhere, instead of a second error
        # when Python flushes it on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise click.exceptions.Exit(1) from None


def _json_stroom(regels: Any) -> None:
    """A JSON array written row by row, so a large register never sits in memory."""
    import json
    import sys

    sys.stdout.write("[")
    eerste = True
    for regel in regels:
        sys.stdout.write(("\n  " if eerste else ",\n  ") + json.dumps(regel, ensure_ascii=False))
        eerste = False
    sys.stdout.write("\n]\n" if not eerste else "]\n")


def _lijsttabel(
    rijen: Iterator[Any], vandaag: date, pagina: int | None, profiel: Profiel
) -> tuple[int, bool]:
    """Write the rows of ``diensten.lijst`` as a table; (how many shown, whether there are more).

    At most ``pagina`` rows (all with None). Up to LIJST_DREMPEL rows the columns are as
    wide as their contents (as a rich table with a simple head looked); a longer list gets
    the widest word of each vocabulary as width and is written while it is read, so its
    memory stays flat. Plain text either way: no rich for a list.
    """
    import sys
    from itertools import chain, islice

    from klachten.diensten import te_laat
    from kwaliteit.tijd import nl_datum

    datums: dict[date, str] = {}  # a register has few distinct dates: format each once

    def dag(d: date) -> str:
        tekst = datums.get(d)
        if tekst is None:
            tekst = datums[d] = nl_datum(d)
        return tekst

    def cellen(r: Any) -> tuple[str, ...]:
        # The vocabularies are StrEnums: they are their own (Dutch) text.
        return (
            r.kenmerk,
            dag(r.ontvangen),
            r.kanaal,
            r.categorie or "",
            r.wijk or "",
            r.status + " (te laat)" if te_laat(r, vandaag) else r.status,
            dag(r.uiterste_datum),
            r.uitkomst or "",
        )

    regels = map(cellen, rijen)
    eerste = list(islice(regels, LIJST_DREMPEL + 1))
    if not eerste:
        return 0, False
    if len(eerste) <= LIJST_DREMPEL:
        getoond_eerst = eerste if pagina is None else eerste[:pagina]
        breedtes = [
            max(len(kop), *(len(c[i]) for c in getoond_eerst)) for i, kop in enumerate(_LIJSTKOPPEN)
        ]
    else:
        breedtes = _vaste_breedtes(profiel)
    stroom = chain(eerste, regels)
    vorm = "  " + "   ".join(f"{{:<{b}}}" for b in breedtes)

    uit = sys.stdout
    uit.write("\n" + vorm.format(*_LIJSTKOPPEN).rstrip() + "\n")
    uit.write(" " + "─" * (sum(breedtes) + 3 * len(breedtes) - 1) + "\n")
    getoond = 0
    for c in stroom if pagina is None else islice(stroom, pagina):
        uit.write(vorm.format(*c).rstrip() + "\n")
        getoond += 1
    uit.write("\n")
    # islice stops without taking the row after the page: if there is one, there are more.
    meer = pagina is not None and next(stroom, None) is not None
    return getoond, meer


def _vaste_breedtes(profiel: Profiel) -> list[int]:
    """Column widths that fit every value: the longest word of each vocabulary (for the
    organisation's own lists, of its profile: a value typed freely may be wider)."""
    from klachten.waarden import Kanaal, Status, Uitkomst

    def langste(*woorden: str) -> int:
        return max(len(w) for w in woorden)

    datum = len("dd-mm-jjjj")
    return [
        langste("Kenmerk", "K-2024-100000"),  # up to 999.999 complaints a year
        max(datum, len("Ontvangen")),
        langste("Kanaal", *Kanaal),
        langste("Categorie", *profiel.categorieen),
        langste("Wijk", *profiel.wijken),
        langste("Status", *(f"{s} (te laat)" for s in Status)),
        max(datum, len("Uiterlijk")),
        langste("Uitkomst", *Uitkomst),
    ]


@app.command()
@_kenmerk
@_json
@click.option(
    "--met-klager",
    is_flag=True,
    help="Toon ook naam en contact van de klager (vertrouwelijk).",
)
@click.pass_context
def toon(ctx: click.Context, kenmerk: str, als_json: bool, met_klager: bool) -> None:
    """Toon één klacht met haar termijnen en geschiedenis.

    Voorbeeld: kwaliteit klacht toon K-2023-0001
    """
    from klachten import diensten

    with eenheid(ctx, schrijven=False) as w:
        d = diensten.toon(w, kenmerk, met_klager=met_klager)
    if als_json:
        print_json(d)
        return
    _toon_tekst(d)


def _toon_tekst(d: dict[str, Any]) -> None:
    from kwaliteit.tijd import nl_datum, parse_datum

    def dt(waarde: str | None) -> str:
        return nl_datum(parse_datum(waarde)) if waarde else "-"

    regels = [
        ("Kenmerk", d["kenmerk"]),
        ("Status", d["status"] + (" (termijn overschreden)" if d["te_laat"] else "")),
        (
            "Ontvangen",
            f"{dt(d['ontvangen'])} via {d['kanaal']}"
            + ("" if d["schriftelijk"] else " (mondeling)"),
        ),
        ("Gedraging", dt(d["gedraging"])),
        ("Omschrijving", d["omschrijving"]),
        (
            "Beklaagde",
            " ".join(
                x
                for x in (
                    d["beklaagde"],
                    f"({d['beklaagde_soort']})" if d["beklaagde_soort"] else None,
                )
                if x
            )
            or "-",
        ),
        ("Wijk / team", " / ".join(x for x in (d["wijk"], d["team"]) if x) or "-"),
        ("Aanbieder", d["aanbieder"] or "-"),
        ("Categorie", d["categorie"] or "-"),
        ("Regime", d["regime"] + (", met klachtadviescommissie" if d["adviescommissie"] else "")),
        ("Behandelaar", d["behandelaar"] or "-"),
        ("Ontvangstbevestiging", dt(d["bevestigd"])),
        ("Afschrift beklaagde", dt(d["afschrift"])),
        (
            "Gehoord",
            dt(d["gehoord"])
            if not d["afzien_horen"]
            else f"afgezien: {d['afzien_horen']['omschrijving']}",
        ),
    ]
    for v in d["verdagingen"]:
        extra = (
            f", instemming klager {dt(v['instemming_klager'])}" if v["instemming_klager"] else ""
        )
        regels.append(("Verdaagd", f"{v['weken']} weken op {dt(v['datum'])}: {v['reden']}{extra}"))
    t = d["termijnen"]
    regels.append(("Afhandelen uiterlijk", dt(t["afhandeling"])))
    if d["status"] == "open":
        regels.append(("Melding 9:8 uiterlijk", dt(t["melding_9_8"])))
    a = d["afhandeling"]
    if a:
        regels.append(("Uitkomst", f"{a['uitkomst']} op {dt(a['datum'])}"))
        for sleutel, label in (
            ("bevindingen", "Bevindingen"),
            ("conclusies", "Conclusies"),
            ("tevredenheid", "Tevredenheid"),
            ("doorgestuurd_naar", "Doorgestuurd naar"),
            ("wijze_intrekking", "Ingetrokken"),
            ("reden_niet_ontvankelijk", "Niet-ontvankelijk"),
        ):
            if a.get(sleutel):
                regels.append((label, a[sleutel]))
        if a.get("grond_9_8"):
            regels.append(
                ("Grond 9:8", f"{a['grond_9_8']['grond']}: {a['grond_9_8']['omschrijving']}")
            )
        if t["ombudsman_tot"]:
            regels.append(("Ombudsman mogelijk tot", dt(t["ombudsman_tot"])))
        regels.append(("Bewaren tot", dt(t["bewaren_tot"])))
    if "klager" in d:
        k = d["klager"]
        regels.append(("Klager", "-" if not k else f"{k['naam'] or '-'} / {k['contact'] or '-'}"))
    breedte = max(len(label) for label, _ in regels)
    for label, waarde in regels:
        click.echo(f"{label:<{breedte}}  {waarde}")
    for melding in d["waarschuwingen"]:
        click.echo(f"Let op: {melding}")
    click.echo("\nGeschiedenis:")
    for g in d["geschiedenis"]:
        tijd = g["tijdstip"][:16].replace("T", " ")
        click.echo(f"  {tijd}  {g['omschrijving']}  (door {g['door']})")


@app.command()
@click.option(
    "--binnen",
    metavar="DAGEN",
    type=Geheel(min=0, max=36_500),
    default=14,
    show_default=True,
    help="Termijnen die binnen zoveel dagen aflopen (ten hoogste 36500).",
)
@_json
@click.pass_context
def termijnen(ctx: click.Context, binnen: int, als_json: bool) -> None:
    """Toon de termijnen van open klachten die binnenkort aflopen of al verlopen zijn.

    Voorbeeld: kwaliteit klacht termijnen --binnen 7
    """
    from klachten import diensten
    from kwaliteit.tijd import nl_datum

    with eenheid(ctx, schrijven=False) as w:
        lijst_ = diensten.termijnen(w, binnen=binnen)
    if als_json:
        print_json([t.als_dict() for t in lijst_])
        return
    if not lijst_:
        click.echo(f"Geen termijnen die binnen {binnen} dagen aflopen.")
        return
    import sys

    with _lezer_gestopt():
        for t in lijst_:
            wanneer = (
                f"{-t.dagen} dagen verlopen"
                if t.dagen < 0
                else ("vandaag" if t.dagen == 0 else f"over {t.dagen} dagen")
            )
            sys.stdout.write(
                f"{t.kenmerk}  {nl_datum(t.uiterlijk)}  {wanneer:<18}  {t.omschrijving}\n"
            )


@app.command()
@click.option(
    "--jaar",
    metavar="JAAR",
    type=Geheel(min=1, max=9999),
    required=True,
    help="Het jaar van ontvangst.",
)
@_json
@click.pass_context
def overzicht(ctx: click.Context, jaar: int, als_json: bool) -> None:
    """Het jaaroverzicht van de klachten (Awb 9:12a).

    Voorbeeld: kwaliteit klacht overzicht --jaar 2023
    """
    from klachten.overzicht import overzicht as bereken

    with eenheid(ctx, schrijven=False) as w:
        o = bereken(w.sessie, jaar)
    if als_json:
        print_json(o)
        return
    _overzicht_tekst(o)


def _overzicht_tekst(o: dict[str, Any]) -> None:
    click.echo(f"Klachtenoverzicht {o['jaar']} (Awb 9:12a)")
    click.echo("")
    click.echo(
        f"Ontvangen:              {o['ontvangen']} ({o['schriftelijk']} schriftelijk, {o['mondeling']} mondeling)"
    )
    click.echo(f"Afgehandeld:            {o['afgehandeld']}")
    click.echo(
        f"Nog open:               {o['nog_open']} (open op 31 december: {o['open_op_jaareinde']})"
    )
    bt = o["binnen_termijn"]
    pct = "-" if bt["percentage"] is None else f"{bt['percentage']:.1f}%".replace(".", ",")
    click.echo(f"Binnen de termijn:      {pct} ({bt['binnen']} van {bt['getoetst']})")
    dl = o["doorlooptijd_dagen"]
    if dl["mediaan"] is not None:
        click.echo(
            f"Doorlooptijd (dagen):   mediaan {dl['mediaan']:g}, gemiddeld {dl['gemiddeld']:g}".replace(
                ".", ","
            )
        )
    click.echo(
        f"Verdaagd: {o['verdaagd']} (met instemming verder uitgesteld: {o['uitgesteld_met_instemming']}); "
        f"gehoord: {o['gehoord']}; afgezien van horen: {o['afgezien_van_horen']}; bij de ombudsman: {o['bij_ombudsman']}"
    )
    for titel, sleutel in (
        ("Per uitkomst", "per_uitkomst"),
        ("Per kanaal", "per_kanaal"),
        ("Per categorie", "per_categorie"),
        ("Per wijk", "per_wijk"),
        ("Per aanbieder", "per_aanbieder"),
        ("Niet in behandeling, per grond (Awb 9:8)", "niet_in_behandeling_per_grond"),
        ("Doorgestuurd, per bestemming", "doorgestuurd_per_bestemming"),
    ):
        telling = {k: v for k, v in o[sleutel].items() if v}
        click.echo("")
        click.echo(f"{titel}:")
        if not telling:
            click.echo("  -")
        for naam, aantal in telling.items():
            click.echo(f"  {naam:<28} {aantal:>6}")


@app.command()
@click.option(
    "--uitvoeren",
    is_flag=True,
    help="Voer het opschonen echt uit (zonder deze optie: alleen tonen).",
)
@click.pass_context
def opschonen(ctx: click.Context, uitvoeren: bool) -> None:
    """Pseudonimiseer de klagergegevens van klachten waarvan de bewaartermijn verstreken is.

    Zonder --uitvoeren toont het alleen wat er zou gebeuren.

    Voorbeeld: kwaliteit klacht opschonen --uitvoeren
    """
    from klachten import diensten
    from kwaliteit.tijd import nl_datum

    with eenheid(ctx, schrijven=uitvoeren) as w:
        gevonden = diensten.opschonen(w, uitvoeren=uitvoeren)
    if not gevonden:
        click.echo("Geen klagergegevens waarvan de bewaartermijn verstreken is.")
        return
    for kenmerk, tot in gevonden:
        click.echo(f"{kenmerk}  bewaren tot {nl_datum(tot)}")
    if uitvoeren:
        click.echo(f"{len(gevonden)} klacht(en): klagergegevens gepseudonimiseerd.")
    else:
        click.echo(f"{len(gevonden)} klacht(en) komen in aanmerking. Voer uit met --uitvoeren.")


@app.command()
@click.argument("bestand", metavar="BESTAND", type=click.Path(path_type=Path))
@click.pass_context
def importeer(ctx: click.Context, bestand: Path) -> None:
    """Importeer klachten uit CSV: alles of niets.

    Leest CSV zoals Nederlandse Excel die schrijft (puntkomma's, UTF-8 met BOM of
    Windows-1252, datums dd-mm-jjjj) en CSV met komma's in UTF-8 met ISO-datums.
    Bij een fout wordt elke foute regel gemeld en niets opgeslagen.

    Voorbeeld: kwaliteit klacht importeer klachten-2023.csv
    """
    from klachten import uitwisseling

    with eenheid(ctx, schrijven=True) as w, toon_voortgang("Klachten importeren") as voortgang:
        resultaat = uitwisseling.importeer(w, bestand, voortgang=voortgang)
    for melding in resultaat.meldingen:
        waarschuw(melding)
    click.echo(
        f"{len(resultaat.kenmerken)} klacht(en) geïmporteerd"
        + (
            f": {resultaat.kenmerken[0]} t/m {resultaat.kenmerken[-1]}."
            if resultaat.kenmerken
            else "."
        )
    )


@app.command()
@click.option(
    "--jaar",
    metavar="JAAR",
    type=Geheel(min=1, max=9999),
    help="Alleen klachten ontvangen in dit jaar.",
)
@click.option(
    "--uit",
    metavar="BESTAND",
    type=click.Path(path_type=Path),
    help="Schrijf naar dit bestand (standaard: scherm).",
)
@click.option(
    "--formaat",
    metavar="FORMAAT",
    default="excel",
    show_default=True,
    help="excel (puntkomma's, UTF-8 met BOM, dd-mm-jjjj) of csv (komma's, ISO-datums).",
)
@click.pass_context
def exporteer(ctx: click.Context, jaar: int | None, uit: Path | None, formaat: str) -> None:
    """Exporteer het register als CSV, zonder persoonsgegevens van klagers.

    Voorbeeld: kwaliteit klacht exporteer --jaar 2023 --uit klachten-2023.csv
    """
    import sys

    from klachten import uitwisseling

    balk: AbstractContextManager[Voortgang | None]
    if uit is None and _op_terminal(sys.stdout):
        # Rows scrolling over the terminal the bar is drawn on would garble both; the
        # rows themselves show the progress then.
        balk = nullcontext(None)
    else:
        balk = toon_voortgang("Klachten exporteren")
    with eenheid(ctx, schrijven=False) as w, balk as voortgang:
        aantal = uitwisseling.exporteer(w, jaar=jaar, uit=uit, formaat=formaat, voortgang=voortgang)
    if uit is not None:
        click.echo(f"{aantal} klacht(en) geschreven naar {uit}.", err=True)
