"""``kwaliteit bewijs``: evidence, its versions and files, and its links to norms.

Also home of the small input helpers that ``kwaliteit.cli.zorg`` shares
(choices with Dutch messages, kenmerk normalisation, percentages).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from kwaliteit.cli.gemeen import console, datum_optie, eenheid, print_json, waarschuw

if TYPE_CHECKING:
    from datetime import date

    from kwaliteit.bewijs.modellen import Bewijsstuk
    from kwaliteit.eenheid import Werkeenheid

app = typer.Typer(
    help="Bewijsstukken: registreren, versies, koppelen aan normen.", no_args_is_help=True
)

# Help texts name the allowed values without importing the domain (fast --help);
# tests/cli/test_cli_bewijs.py checks them against kwaliteit.bewijs.modellen.
SOORTEN = "document, registratie, interview, observatie, enquête of kengetal"
DATUM = "jjjj-mm-dd of dd-mm-jjjj"

E = TypeVar("E", bound=StrEnum)


# -- shared helpers (also used by kwaliteit.cli.zorg) ---------------------------------


def _zonder_accenten(tekst: str) -> str:
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(t for t in ontleed if not unicodedata.combining(t))


def opsomming(waarden: list[str]) -> str:
    """'a, b of c'."""
    return ", ".join(waarden[:-1]) + " of " + waarden[-1] if len(waarden) > 1 else waarden[0]


def keuze(soort: type[E], tekst: str, veld: str) -> E:
    """One value of a vocabulary; case, spaces and accents don't matter ('enquete')."""
    from kwaliteit.fouten import InvoerFout

    gezocht = _zonder_accenten(" ".join(tekst.split()).casefold())
    for lid in soort:
        if _zonder_accenten(lid.value.casefold()) == gezocht:
            return lid
    raise InvoerFout(
        f"{veld}: '{tekst}' is niet toegestaan; kies {opsomming([w.value for w in soort])}."
    )


def normaliseer_kenmerk(tekst: str, voorvoegsel: str) -> str:
    """'b-1' → 'B-0001'; anything else is passed on as typed (the service reports it)."""
    schoon = tekst.strip().upper()
    m = re.fullmatch(rf"{voorvoegsel}-(\d{{1,4}})", schoon)
    return f"{voorvoegsel}-{int(m.group(1)):04d}" if m else schoon


def procent(waarde: float | None) -> str:
    """A percentage as Dutch readers write it: '66,7%', '100%'; '-' when there is none."""
    return "-" if waarde is None else f"{waarde:g}".replace(".", ",") + "%"


def nl(iso: str | None, leeg: str = "-") -> str:
    """An ISO date from a service's dict as dd-mm-jjjj."""
    if not iso:
        return leeg
    from kwaliteit.tijd import nl_datum, parse_datum

    return nl_datum(parse_datum(iso))


def kader_en_norm(kader: str | None, norm: str | None) -> None:
    """--kader and --norm go together."""
    from kwaliteit.fouten import InvoerFout

    if norm is not None and kader is None:
        raise InvoerFout("Geef bij --norm ook --kader (de code van het normenkader, bijv. awb-h9).")
    if kader is not None and norm is None:
        raise InvoerFout("Geef bij --kader ook --norm (de ref van de norm, bijv. 9:6).")


MAX_EIGENAAR = 200  # the column bewijsstuk.eigenaar
MAX_GETAL = 2**31 - 1  # larger numbers don't fit the database's integers


def _past(veld: str, waarde: str | None, grens: int) -> None:
    """A name fits its column (the database refuses a longer one)."""
    from kwaliteit.fouten import InvoerFout

    lengte = len(waarde.strip()) if waarde else 0
    if lengte > grens:
        raise InvoerFout(f"{veld} is {lengte} tekens; ten hoogste {grens} is toegestaan.")


def verplichte_datum(tekst: str, veld: str) -> date:
    from kwaliteit.tijd import parse_datum

    return parse_datum(tekst, veld)


# -- options --------------------------------------------------------------------------

KenmerkArg = Annotated[
    str, typer.Argument(metavar="KENMERK", help="Het kenmerk van het bewijsstuk, bijv. B-0001.")
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Uitvoer als JSON (sleutels worden alleen toegevoegd).")
]
IngangOpt = Annotated[
    str,
    typer.Option(
        "--ingangsdatum", metavar="DATUM", help=f"Vanaf wanneer het bewijs geldt ({DATUM})."
    ),
]
GeldigTotOpt = Annotated[
    str | None,
    typer.Option(
        "--geldig-tot",
        metavar="DATUM",
        help="Tot en met wanneer het bewijs geldt; daarna dekt het geen norm meer. Standaard: onbeperkt.",
    ),
]
BestandOpt = Annotated[
    Path | None,
    typer.Option(
        "--bestand",
        metavar="PAD",
        help="Het bewijsbestand (ten hoogste 50 MB); het wordt in de database bewaard, onder zijn eigen naam zonder map.",
    ),
]
VersieToelichtingOpt = Annotated[
    str | None,
    typer.Option("--toelichting", metavar="TEKST", help="Toelichting bij deze versie."),
]
KaderOpt = Annotated[
    str, typer.Option("--kader", metavar="KADER", help="Code van het normenkader, bijv. awb-h9.")
]
NormOpt = Annotated[str, typer.Option("--norm", metavar="REF", help="Ref van de norm, bijv. 9:6.")]
KaderversieOpt = Annotated[
    str | None,
    typer.Option(
        "--versie",
        metavar="VERSIE",
        help="Versie van het kader; standaard de versie die vandaag geldt.",
    ),
]


def _versiegegevens(
    ingangsdatum: str, geldig_tot: str | None, bestand: Path | None, toelichting: str | None
) -> Any:
    from kwaliteit.bewijs.diensten import Versiegegevens

    return Versiegegevens(
        ingangsdatum=verplichte_datum(ingangsdatum, "ingangsdatum"),
        geldig_tot=datum_optie(geldig_tot, "geldig-tot"),
        bestand=bestand,
        toelichting=toelichting,
    )


def _let_op_toekomst(w: Werkeenheid, ingang: date) -> None:
    from kwaliteit.tijd import nl_datum

    if ingang > w.vandaag:
        waarschuw(
            f"de ingangsdatum {nl_datum(ingang)} ligt in de toekomst; "
            "het bewijs dekt pas vanaf die datum een norm."
        )


def _periode(ingang: str, tot: str | None) -> str:
    return f"{nl(ingang)} t/m {nl(tot)}" if tot else f"vanaf {nl(ingang)}"


# -- commands ---------------------------------------------------------------------------


@app.command()
def registreer(
    ctx: typer.Context,
    titel: Annotated[str, typer.Option("--titel", metavar="TEKST", help="Titel van het bewijs.")],
    soort: Annotated[str, typer.Option("--soort", metavar="SOORT", help=f"{SOORTEN}.")],
    ingangsdatum: IngangOpt,
    geldig_tot: GeldigTotOpt = None,
    eigenaar: Annotated[
        str | None,
        typer.Option("--eigenaar", metavar="NAAM", help="Wie het bewijs beheert."),
    ] = None,
    beschrijving: Annotated[
        str | None,
        typer.Option(
            "--beschrijving", metavar="TEKST", help="Wat het bewijs is en waar het te vinden is."
        ),
    ] = None,
    bestand: BestandOpt = None,
    toelichting: VersieToelichtingOpt = None,
) -> None:
    """Registreer een bewijsstuk met zijn eerste versie; toont het nieuwe kenmerk.

    Een bestand wordt één keer bewaard per inhoud, hoe vaak het ook wordt gebruikt.

    Voorbeeld: kwaliteit bewijs registreer --titel "Klachtenregeling 2023" --soort document
    --ingangsdatum 01-01-2023 --geldig-tot 31-12-2023 --bestand klachtenregeling.pdf
    """
    from kwaliteit.bewijs import diensten
    from kwaliteit.bewijs.modellen import Bewijssoort

    with eenheid(ctx, schrijven=True) as w:
        s = keuze(Bewijssoort, soort, "soort")
        _past("eigenaar", eigenaar, MAX_EIGENAAR)
        gegevens = _versiegegevens(ingangsdatum, geldig_tot, bestand, toelichting)
        b = diensten.registreer(
            w,
            titel=titel,
            soort=s,
            versie=gegevens,
            eigenaar=eigenaar,
            beschrijving=beschrijving,
        )
        _let_op_toekomst(w, gegevens.ingangsdatum)
        kenmerk = b.kenmerk
    typer.echo(kenmerk)


@app.command()
def versie(
    ctx: typer.Context,
    kenmerk: KenmerkArg,
    ingangsdatum: IngangOpt,
    geldig_tot: GeldigTotOpt = None,
    bestand: BestandOpt = None,
    toelichting: VersieToelichtingOpt = None,
) -> None:
    """Leg een nieuwe versie van een bewijsstuk vast; de eerdere versies blijven bewaard.

    Op een peildatum spreekt de nieuwste versie die dan al is ingegaan; is die verlopen,
    dan dekt het bewijsstuk niets meer.

    Voorbeeld: kwaliteit bewijs versie B-0001 --ingangsdatum 01-01-2024 --bestand klachtenregeling-2024.pdf
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=True) as w:
        gegevens = _versiegegevens(ingangsdatum, geldig_tot, bestand, toelichting)
        v = diensten.nieuwe_versie(w, normaliseer_kenmerk(kenmerk, "B"), gegevens)
        _let_op_toekomst(w, gegevens.ingangsdatum)
        tekst = f"{v.bewijsstuk.kenmerk}: versie {v.versie} vastgelegd, " + _periode(
            v.ingangsdatum.isoformat(), v.geldig_tot.isoformat() if v.geldig_tot else None
        )
    typer.echo(tekst)


@app.command()
def koppel(
    ctx: typer.Context,
    kenmerk: KenmerkArg,
    kader: KaderOpt,
    norm: NormOpt,
    toelichting: Annotated[
        str,
        typer.Option(
            "--toelichting",
            metavar="TEKST",
            help="Hoe dit bewijs laat zien dat aan de norm is voldaan.",
        ),
    ],
    kaderversie: KaderversieOpt = None,
) -> None:
    """Koppel een bewijsstuk aan een beoordeelbare norm, met een toelichting.

    Voorbeeld: kwaliteit bewijs koppel B-0001 --kader awb-h9 --norm 9:6
    --toelichting "De regeling schrijft de ontvangstbevestiging voor"
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=True) as w:
        n = diensten.koppel(
            w,
            normaliseer_kenmerk(kenmerk, "B"),
            kader=kader,
            ref=norm,
            toelichting=toelichting,
            versie=kaderversie,
        )
        tekst = f"{normaliseer_kenmerk(kenmerk, 'B')} gekoppeld aan {kader} {n.ref} ({n.titel}), versie {n.versie.versie}"
    typer.echo(tekst)


@app.command()
def ontkoppel(
    ctx: typer.Context,
    kenmerk: KenmerkArg,
    kader: KaderOpt,
    norm: NormOpt,
    kaderversie: KaderversieOpt = None,
) -> None:
    """Maak de koppeling van een bewijsstuk met een norm ongedaan (blijft in het auditspoor).

    Voorbeeld: kwaliteit bewijs ontkoppel B-0001 --kader awb-h9 --norm 9:6
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=True) as w:
        n = diensten.ontkoppel(
            w, normaliseer_kenmerk(kenmerk, "B"), kader=kader, ref=norm, versie=kaderversie
        )
        tekst = f"{normaliseer_kenmerk(kenmerk, 'B')} ontkoppeld van {kader} {n.ref}"
    typer.echo(tekst)


def lijstregel(b: Bewijsstuk, vandaag: date) -> dict[str, Any]:
    """One row of ``bewijs lijst --json``: the newest version's period and today's validity."""
    from kwaliteit.bewijs.diensten import geldige_versie

    nieuwste = max(b.versies, key=lambda v: v.versie)
    return {
        "kenmerk": b.kenmerk,
        "titel": b.titel,
        "soort": b.soort.value,
        "eigenaar": b.eigenaar,
        "versie": nieuwste.versie,
        "ingangsdatum": nieuwste.ingangsdatum.isoformat(),
        "geldig_tot": nieuwste.geldig_tot.isoformat() if nieuwste.geldig_tot else None,
        "bestand": nieuwste.bestandsnaam,
        "geldig_vandaag": geldige_versie(b, vandaag) is not None,
        "gekoppelde_normen": len(b.koppelingen),
    }


@app.command()
def lijst(
    ctx: typer.Context,
    kader: Annotated[
        str | None,
        typer.Option(
            "--kader", metavar="KADER", help="Alleen bewijs gekoppeld aan dit kader (bijv. awb-h9)."
        ),
    ] = None,
    norm: Annotated[
        str | None,
        typer.Option(
            "--norm", metavar="REF", help="Alleen bewijs gekoppeld aan deze norm (met --kader)."
        ),
    ] = None,
    als_json: JsonOpt = False,
) -> None:
    """Toon de bewijsstukken: soort, periode van de nieuwste versie, of ze vandaag gelden.

    Voorbeelden: kwaliteit bewijs lijst; kwaliteit bewijs lijst --kader awb-h9 --norm 9:6 --json
    """
    from kwaliteit.bewijs import diensten
    from kwaliteit.fouten import InvoerFout

    with eenheid(ctx, schrijven=False) as w:
        if norm is not None and kader is None:
            raise InvoerFout("Geef bij --norm ook --kader (de code van het normenkader).")
        regels = [lijstregel(b, w.vandaag) for b in diensten.lijst(w, kader=kader, ref=norm)]
    if als_json:
        print_json(regels)
        return
    if not regels:
        typer.echo("Geen bewijsstukken gevonden.")
        return
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD)
    for kop in ("Kenmerk", "Titel", "Soort", "Versie", "Periode", "Geldig vandaag", "Normen"):
        t.add_column(kop, no_wrap=kop != "Titel")
    for r in regels:
        t.add_row(
            r["kenmerk"],
            r["titel"],
            r["soort"],
            str(r["versie"]),
            _periode(r["ingangsdatum"], r["geldig_tot"]),
            "ja" if r["geldig_vandaag"] else "nee",
            str(r["gekoppelde_normen"]),
        )
    console().print(t)
    typer.echo(f"{len(regels)} bewijsstuk(ken).")


@app.command()
def toon(
    ctx: typer.Context,
    kenmerk: KenmerkArg,
    peildatum: Annotated[
        str | None,
        typer.Option(
            "--peildatum",
            metavar="DATUM",
            help=f"Toon welke versie op deze datum geldt ({DATUM}); standaard vandaag.",
        ),
    ] = None,
    als_json: JsonOpt = False,
) -> None:
    """Toon één bewijsstuk met zijn versies en de normen waaraan het gekoppeld is.

    Voorbeeld: kwaliteit bewijs toon B-0001 --peildatum 01-06-2023
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=False) as w:
        dag = datum_optie(peildatum, "peildatum") or w.vandaag
        gezocht = normaliseer_kenmerk(kenmerk, "B")
        d = diensten.toon(w, gezocht, peildatum=dag)
        geldig = diensten.geldige_versie(diensten.laad(w, gezocht), dag)
        d["geldige_versie"] = geldig.versie if geldig else None
    if als_json:
        print_json(d)
        return
    regels = [
        ("Kenmerk", d["kenmerk"]),
        ("Titel", d["titel"]),
        ("Soort", d["soort"]),
        ("Eigenaar", d["eigenaar"] or "-"),
        ("Beschrijving", d["beschrijving"] or "-"),
        (
            "Op " + nl(d["peildatum"]),
            f"geldig (versie {d['geldige_versie']})"
            if d["geldig_op_peildatum"]
            else "niet geldig (verlopen of nog niet ingegaan)",
        ),
    ]
    breedte = max(len(label) for label, _ in regels)
    for label, waarde in regels:
        typer.echo(f"{label:<{breedte}}  {waarde}")
    typer.echo("\nVersies:")
    for v in d["versies"]:
        delen = [f"  {v['versie']}  {_periode(v['ingangsdatum'], v['geldig_tot'])}"]
        if v["bestand"]:
            delen.append(f"bestand {v['bestand']} (sha256 {v['sha256'][:12]}…)")
        if v["toelichting"]:
            delen.append(v["toelichting"])
        typer.echo("  ".join(delen))
    typer.echo("\nNormen:")
    if not d["normen"]:
        typer.echo("  - (nog niet gekoppeld; 'kwaliteit bewijs koppel')")
    for n in d["normen"]:
        typer.echo(f"  {n['kader']} {n['norm']} {n['titel']} (versie {n['versie']})")
        typer.echo(f"      {n['toelichting']}")


@app.command()
def haal(
    ctx: typer.Context,
    kenmerk: KenmerkArg,
    uit: Annotated[
        Path,
        typer.Option(
            "--uit",
            metavar="PAD",
            help="Waar het bestand heen moet: een bestaande map (onder de bewaarde naam) of een bestandsnaam.",
        ),
    ],
    versie_nummer: Annotated[
        int | None,
        typer.Option(
            "--versie",
            metavar="N",
            min=1,
            max=MAX_GETAL,
            help="Versie van het bewijsstuk; standaard de nieuwste.",
        ),
    ] = None,
) -> None:
    """Schrijf het bewaarde bestand van een bewijsstuk weg, byte voor byte zoals het is opgeslagen.

    Voorbeeld: kwaliteit bewijs haal B-0001 --versie 1 --uit ./dossier/
    """
    from kwaliteit.bewijs import diensten
    from kwaliteit.fouten import InvoerFout

    with eenheid(ctx, schrijven=False) as w:
        try:
            doel = diensten.haal_bestand(w, normaliseer_kenmerk(kenmerk, "B"), versie_nummer, uit)
        except OSError as e:
            raise InvoerFout(f"Kan niet schrijven naar {uit}: {e.strerror}.") from None
    # A file name may hold bytes that are no UTF-8 (surrogates): escaped, not a crash.
    typer.echo(f"Geschreven naar {str(doel).encode('utf-8', 'backslashreplace').decode()}")
