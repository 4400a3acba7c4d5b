"""``kwaliteit bewijs``: evidence, its versions and files, and its links to norms.

The commands parse their options, call one service of ``kwaliteit.bewijs.diensten``
and print what it returns. The small input helpers (choices, kenmerken, dates,
percentages) are those of ``kwaliteit.cli.invoer``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kwaliteit.cli.gemeen import (
    Geheel,
    console,
    datum_optie,
    eenheid,
    json_optie,
    print_json,
    waarschuw,
)
from kwaliteit.cli.invoer import (
    keuze,
    nl,
    normaliseer_kenmerk,
    verplichte_datum,
)
from kwaliteit.cli.lui import Groep

if TYPE_CHECKING:
    from kwaliteit.bewijs.diensten import Versiegegevens


@click.group(cls=Groep)
def app() -> None:
    """Bewijsstukken: registreren, versies, koppelen aan normen."""


# Help texts name the allowed values without importing the domain (fast --help);
# tests/cli/test_cli_bewijs.py checks them against kwaliteit.bewijs.modellen.
SOORTEN = "document, registratie, interview, observatie, enquête of kengetal"
DATUM = "jjjj-mm-dd of dd-mm-jjjj"

MAX_GETAL = 2**31 - 1  # larger numbers don't fit the database's integers

# -- arguments and options ------------------------------------------------------------

kenmerk_argument = click.argument("kenmerk", metavar="KENMERK")
ingang_optie = click.option(
    "--ingangsdatum",
    metavar="DATUM",
    required=True,
    help=f"Vanaf wanneer het bewijs geldt ({DATUM}).",
)
geldig_tot_optie = click.option(
    "--geldig-tot",
    metavar="DATUM",
    help="Tot en met wanneer het bewijs geldt; daarna dekt het geen norm meer. Standaard: onbeperkt.",
)
bestand_optie = click.option(
    "--bestand",
    metavar="PAD",
    type=click.Path(path_type=Path),
    help="Het bewijsbestand (ten hoogste 50 MB); het wordt in de database bewaard, onder zijn eigen naam zonder map.",
)
versietoelichting_optie = click.option(
    "--toelichting", metavar="TEKST", help="Toelichting bij deze versie."
)
kader_optie = click.option(
    "--kader", metavar="KADER", required=True, help="Code van het normenkader, bijv. awb-h9."
)
norm_optie = click.option(
    "--norm", metavar="REF", required=True, help="Ref van de norm, bijv. 9:6."
)
kaderversie_optie = click.option(
    "--versie",
    "kaderversie",
    metavar="VERSIE",
    help="Versie van het kader; standaard de versie die vandaag geldt.",
)
json_hulp = "Uitvoer als JSON (sleutels worden alleen toegevoegd)."


def _versiegegevens(
    ingangsdatum: str, geldig_tot: str | None, bestand: Path | None, toelichting: str | None
) -> Versiegegevens:
    from kwaliteit.bewijs.diensten import Versiegegevens

    return Versiegegevens(
        ingangsdatum=verplichte_datum(ingangsdatum, "ingangsdatum"),
        geldig_tot=datum_optie(geldig_tot, "geldig-tot"),
        bestand=bestand,
        toelichting=toelichting,
    )


def _periode(ingang: str, tot: str | None) -> str:
    return f"{nl(ingang)} t/m {nl(tot)}" if tot else f"vanaf {nl(ingang)}"


# -- commands ---------------------------------------------------------------------------


@app.command()
@click.option("--titel", metavar="TEKST", required=True, help="Titel van het bewijs.")
@click.option("--soort", metavar="SOORT", required=True, help=f"{SOORTEN}.")
@ingang_optie
@geldig_tot_optie
@click.option("--eigenaar", metavar="NAAM", help="Wie het bewijs beheert.")
@click.option("--beschrijving", metavar="TEKST", help="Wat het bewijs is en waar het te vinden is.")
@bestand_optie
@versietoelichting_optie
@click.pass_context
def registreer(
    ctx: click.Context,
    titel: str,
    soort: str,
    ingangsdatum: str,
    geldig_tot: str | None,
    eigenaar: str | None,
    beschrijving: str | None,
    bestand: Path | None,
    toelichting: str | None,
) -> None:
    """Registreer een bewijsstuk met zijn eerste versie; toont het nieuwe kenmerk.

    Een bestand wordt één keer bewaard per inhoud, hoe vaak het ook wordt gebruikt.

    Voorbeeld: kwaliteit bewijs registreer --titel "Klachtenregeling 2023" --soort document
    --ingangsdatum 01-01-2023 --geldig-tot 31-12-2023 --bestand klachtenregeling.pdf
    """
    from kwaliteit.bewijs import diensten
    from kwaliteit.bewijs.modellen import Bewijssoort

    with eenheid(ctx, schrijven=True) as w:
        b = diensten.registreer(
            w,
            titel=titel,
            soort=keuze(Bewijssoort, soort, "soort"),
            versie=_versiegegevens(ingangsdatum, geldig_tot, bestand, toelichting),
            eigenaar=eigenaar,
            beschrijving=beschrijving,
            melding=waarschuw,
        )
        kenmerk = b.kenmerk
    click.echo(kenmerk)


@app.command()
@kenmerk_argument
@ingang_optie
@geldig_tot_optie
@bestand_optie
@versietoelichting_optie
@click.pass_context
def versie(
    ctx: click.Context,
    kenmerk: str,
    ingangsdatum: str,
    geldig_tot: str | None,
    bestand: Path | None,
    toelichting: str | None,
) -> None:
    """Leg een nieuwe versie van een bewijsstuk vast; de eerdere versies blijven bewaard.

    Op een peildatum spreekt de nieuwste versie die dan al is ingegaan; is die verlopen,
    dan dekt het bewijsstuk niets meer.

    Voorbeeld: kwaliteit bewijs versie B-0001 --ingangsdatum 01-01-2024 --bestand klachtenregeling-2024.pdf
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=True) as w:
        v = diensten.nieuwe_versie(
            w,
            normaliseer_kenmerk(kenmerk, "B"),
            _versiegegevens(ingangsdatum, geldig_tot, bestand, toelichting),
            melding=waarschuw,
        )
        tekst = f"{v.bewijsstuk.kenmerk}: versie {v.versie} vastgelegd, " + _periode(
            v.ingangsdatum.isoformat(), v.geldig_tot.isoformat() if v.geldig_tot else None
        )
    click.echo(tekst)


@app.command()
@kenmerk_argument
@kader_optie
@norm_optie
@click.option(
    "--toelichting",
    metavar="TEKST",
    required=True,
    help="Hoe dit bewijs laat zien dat aan de norm is voldaan.",
)
@kaderversie_optie
@click.pass_context
def koppel(
    ctx: click.Context,
    kenmerk: str,
    kader: str,
    norm: str,
    toelichting: str,
    kaderversie: str | None,
) -> None:
    """Koppel een bewijsstuk aan een beoordeelbare norm, met een toelichting.

    Voorbeeld: kwaliteit bewijs koppel B-0001 --kader awb-h9 --norm 9:6
    --toelichting "De regeling schrijft de ontvangstbevestiging voor"
    """
    from kwaliteit.bewijs import diensten

    gezocht = normaliseer_kenmerk(kenmerk, "B")
    with eenheid(ctx, schrijven=True) as w:
        n = diensten.koppel(
            w, gezocht, kader=kader, ref=norm, toelichting=toelichting, versie=kaderversie
        )
        tekst = f"{gezocht} gekoppeld aan {kader} {n.ref} ({n.titel}), versie {n.versie.versie}"
    click.echo(tekst)


@app.command()
@kenmerk_argument
@kader_optie
@norm_optie
@kaderversie_optie
@click.pass_context
def ontkoppel(
    ctx: click.Context, kenmerk: str, kader: str, norm: str, kaderversie: str | None
) -> None:
    """Maak de koppeling van een bewijsstuk met een norm ongedaan (blijft in het auditspoor).

    Voorbeeld: kwaliteit bewijs ontkoppel B-0001 --kader awb-h9 --norm 9:6
    """
    from kwaliteit.bewijs import diensten

    gezocht = normaliseer_kenmerk(kenmerk, "B")
    with eenheid(ctx, schrijven=True) as w:
        n = diensten.ontkoppel(w, gezocht, kader=kader, ref=norm, versie=kaderversie)
    click.echo(f"{gezocht} ontkoppeld van {kader} {n.ref}")


@app.command()
@click.option(
    "--kader", metavar="KADER", help="Alleen bewijs gekoppeld aan dit kader (bijv. awb-h9)."
)
@click.option("--norm", metavar="REF", help="Alleen bewijs gekoppeld aan deze norm (met --kader).")
@json_optie(json_hulp)
@click.pass_context
def lijst(ctx: click.Context, kader: str | None, norm: str | None, als_json: bool) -> None:
    """Toon de bewijsstukken: soort, periode van de nieuwste versie, of ze vandaag gelden.

    Voorbeelden: kwaliteit bewijs lijst; kwaliteit bewijs lijst --kader awb-h9 --norm 9:6 --json
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=False) as w:
        regels = diensten.lijstregels(w, kader=kader, ref=norm)
    if als_json:
        print_json(regels)
        return
    if not regels:
        click.echo("Geen bewijsstukken gevonden.")
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
    click.echo(f"{len(regels)} bewijsstuk(ken).")


@app.command()
@kenmerk_argument
@click.option(
    "--peildatum",
    metavar="DATUM",
    help=f"Toon welke versie op deze datum geldt ({DATUM}); standaard vandaag.",
)
@json_optie(json_hulp)
@click.pass_context
def toon(ctx: click.Context, kenmerk: str, peildatum: str | None, als_json: bool) -> None:
    """Toon één bewijsstuk met zijn versies en de normen waaraan het gekoppeld is.

    Voorbeeld: kwaliteit bewijs toon B-0001 --peildatum 01-06-2023
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=False) as w:
        d = diensten.toon(
            w,
            normaliseer_kenmerk(kenmerk, "B"),
            peildatum=datum_optie(peildatum, "peildatum"),
        )
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
        click.echo(f"{label:<{breedte}}  {waarde}")
    click.echo("\nVersies:")
    for v in d["versies"]:
        delen = [f"  {v['versie']}  {_periode(v['ingangsdatum'], v['geldig_tot'])}"]
        if v["bestand"]:
            delen.append(f"bestand {v['bestand']} (sha256 {v['sha256'][:12]}…)")
        if v["toelichting"]:
            delen.append(v["toelichting"])
        click.echo("  ".join(delen))
    click.echo("\nNormen:")
    if not d["normen"]:
        click.echo("  - (nog niet gekoppeld; 'kwaliteit bewijs koppel')")
    for n in d["normen"]:
        click.echo(f"  {n['kader']} {n['norm']} {n['titel']} (versie {n['versie']})")
        click.echo(f"      {n['toelichting']}")


@app.command()
@kenmerk_argument
@click.option(
    "--uit",
    metavar="PAD",
    required=True,
    type=click.Path(path_type=Path),
    help="Waar het bestand heen moet: een bestaande map (onder de bewaarde naam) of een bestandsnaam.",
)
@click.option(
    "--versie",
    "versie_nummer",
    metavar="N",
    type=Geheel(1, MAX_GETAL),
    help="Versie van het bewijsstuk; standaard de nieuwste.",
)
@click.pass_context
def haal(ctx: click.Context, kenmerk: str, uit: Path, versie_nummer: int | None) -> None:
    """Schrijf het bewaarde bestand van een bewijsstuk weg, byte voor byte zoals het is opgeslagen.

    Voorbeeld: kwaliteit bewijs haal B-0001 --versie 1 --uit ./dossier/
    """
    from kwaliteit.bewijs import diensten

    with eenheid(ctx, schrijven=False) as w:
        doel = diensten.haal_bestand(w, normaliseer_kenmerk(kenmerk, "B"), versie_nummer, uit)
    # A file name may hold bytes that are no UTF-8 (surrogates): escaped, not a crash.
    click.echo(f"Geschreven naar {str(doel).encode('utf-8', 'backslashreplace').decode()}")
