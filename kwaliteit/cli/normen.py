"""``kwaliteit normen``: norm frameworks (kaders) as versioned data.

The commands parse their options, call one service (``normen.diensten``, or
``kwaliteit.kaderimport`` for an import) and print what it returns.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kwaliteit.cli.gemeen import eenheid, fout, foutafhandeling, json_optie, print_json, waarschuw
from kwaliteit.cli.lui import Groep
from kwaliteit.cli.voortgang import toon_voortgang

if TYPE_CHECKING:
    from normen.diensten import Spreadsheetopties
    from normen.kaderbestand import KaderData

F = TypeVar("F", bound=Callable[..., Any])

DATUM = "jjjj-mm-dd of dd-mm-jjjj"
FORMATEN = "yaml (eigen formaat), ciso (CISO Assistant-bibliotheek) of csv (spreadsheet)"
JSON_HULP = "Uitvoer als JSON (zie README voor de velden)."


@click.group(cls=Groep)
def app() -> None:
    """Normenkaders: laden, controleren, tonen en exporteren."""


# -- arguments and options ------------------------------------------------------------

bestand_argument = click.argument("bestand", metavar="BESTAND")
kader_argument = click.argument("kader", metavar="KADER")
versie_optie = click.option(
    "--versie", metavar="V", help="De versie (standaard de versie die vandaag geldt)."
)

# The options of a spreadsheet import: a sheet holds the norms, not the kader's own data.
_SPREADSHEETOPTIES = (
    click.option("--blad", metavar="NAAM", help="Werkblad van een .xlsx (standaard het eerste)."),
    click.option(
        "--kader",
        metavar="CODE",
        help="Spreadsheet: code van het kader (kleine letters, cijfers, -).",
    ),
    click.option("--naam", metavar="TEKST", help="Spreadsheet: naam van het kader."),
    click.option("--versie", metavar="V", help="Spreadsheet: versielabel, bijv. 2027 of 1.0."),
    click.option("--geldig-van", metavar="DATUM", help=f"Spreadsheet: geldig vanaf ({DATUM})."),
    click.option(
        "--geldig-tot", metavar="DATUM", help=f"Spreadsheet: geldig tot en met ({DATUM})."
    ),
    click.option("--bron", metavar="TEKST", help="Spreadsheet: waar de normtekst vandaan komt."),
    click.option("--licentie", metavar="TEKST", help="Spreadsheet: licentie van de normtekst."),
    click.option(
        "--werkversie/--officieel",
        default=None,
        help="Spreadsheet: een werkversie (standaard) of de officiële normtekst van de eigenaar.",
    ),
)


def spreadsheetopties(f: F) -> F:
    """The spreadsheet options, in this order in ``--help``."""
    for optie in reversed(_SPREADSHEETOPTIES):
        f = optie(f)
    return f


def _opties(
    blad: str | None,
    kader: str | None,
    naam: str | None,
    versie: str | None,
    geldig_van: str | None,
    geldig_tot: str | None,
    bron: str | None,
    licentie: str | None,
    werkversie: bool | None,
) -> Spreadsheetopties:
    from normen.diensten import Spreadsheetopties

    return Spreadsheetopties(
        blad=blad,
        kader=kader,
        naam=naam,
        versie=versie,
        geldig_van=geldig_van,
        geldig_tot=geldig_tot,
        bron=bron,
        licentie=licentie,
        werkversie=werkversie,
    )


def _telling(kader: KaderData) -> str:
    beoordeelbaar = sum(1 for n in kader.normen if n.beoordeelbaar)
    return f"{len(kader.normen)} normen ({beoordeelbaar} beoordeelbaar)"


# -- commands ---------------------------------------------------------------------------


@app.command()
@bestand_argument
@spreadsheetopties
def controleer(
    bestand: str,
    blad: str | None,
    kader: str | None,
    naam: str | None,
    versie: str | None,
    geldig_van: str | None,
    geldig_tot: str | None,
    bron: str | None,
    licentie: str | None,
    werkversie: bool | None,
) -> None:
    """Controleer een normenkader zonder het te laden; meldt elke fout met bestand:regel.

    BESTAND is een normenkader in YAML (.yaml), een Excel-werkmap (.xlsx) of CSV (.csv),
    of de code van een meegeleverd kader (awb-h9, wmo2015-h3, sterk-sociaal-werk).
    Leest YAML (zie normen/kaders/FORMAAT.md) of een spreadsheet (.xlsx of .csv); bij een
    spreadsheet komen de gegevens van het kader uit de opties (zie 'normen importeer').
    De database wordt niet gebruikt.

    Voorbeeld: kwaliteit normen controleer mijn-kader.yaml
    """
    from normen import diensten
    from normen.fouten import OngeldigKader
    from normen.kaderbestand import WERKVERSIE_MARKERING

    meldingen: list[str] = []
    with foutafhandeling():
        try:
            opties = _opties(
                blad, kader, naam, versie, geldig_van, geldig_tot, bron, licentie, werkversie
            )
            gelezen = diensten.lees(bestand, opties, meldingen=meldingen)
        except OngeldigKader as e:
            for melding in meldingen:
                waarschuw(melding)
            if not e.details:
                raise
            for regel in e.details:
                click.echo(regel)
            fout(f"{bestand} is geen geldig normenkader: {len(e.details)} fout(en).")
    for melding in meldingen:
        waarschuw(melding)
    click.echo(f"geldig: {gelezen.code} versie {gelezen.versie}, {_telling(gelezen)}")
    if gelezen.werkversie:
        click.echo(WERKVERSIE_MARKERING)


@app.command()
@bestand_argument
@click.option(
    "--zonder-koppelingen",
    is_flag=True,
    help="Neem bij een nieuwe versie de bewijskoppelingen van de vorige niet over.",
)
@spreadsheetopties
@click.pass_context
def importeer(
    ctx: click.Context,
    bestand: str,
    zonder_koppelingen: bool,
    blad: str | None,
    kader: str | None,
    naam: str | None,
    versie: str | None,
    geldig_van: str | None,
    geldig_tot: str | None,
    bron: str | None,
    licentie: str | None,
    werkversie: bool | None,
) -> None:
    """Laad een normenkader uit YAML, een spreadsheet of de meegeleverde kaders.

    Een meegeleverd kader laadt u met zijn code: kwaliteit normen importeer awb-h9
    (meegeleverd zijn awb-h9, wmo2015-h3 en sterk-sociaal-werk).
    Dezelfde inhoud nogmaals laden verandert niets. Een nieuwe versie van een geladen kader
    komt naast de oude: de oordelen bij de oude versie blijven staan, en de koppelingen van
    bewijs aan normen met dezelfde ref worden overgenomen (tenzij --zonder-koppelingen).

    Een spreadsheet (.xlsx of .csv, met ; of ,) heeft een kopregel met de kolommen code,
    categorie, titel, normtekst, toelichting, typisch_bewijs en tags; de gegevens van het
    kader komen uit --kader, --naam, --versie en --geldig-van (verplicht) en --geldig-tot,
    --bron, --licentie en --werkversie/--officieel.

    Voorbeeld: kwaliteit normen importeer zelfevaluatie.xlsx --kader sterk-sociaal-werk
    --naam "Sterk Sociaal Werk" --versie 2027 --geldig-van 01-01-2027 --officieel
    """
    from kwaliteit.kaderimport import importeer as importeer_kader
    from normen.kaderbestand import WERKVERSIE_MARKERING

    with eenheid(ctx, schrijven=True) as w, toon_voortgang("Importeren") as voortgang:
        uitkomst = importeer_kader(
            w,
            bestand,
            _opties(blad, kader, naam, versie, geldig_van, geldig_tot, bron, licentie, werkversie),
            koppelingen_overnemen=not zonder_koppelingen,
            melding=waarschuw,
            voortgang=voortgang,
        )
    r = uitkomst.geladen
    if not r.nieuw:
        click.echo(f"{r.code} versie {r.versie}: al geladen, ongewijzigd.")
    else:
        click.echo(f"{r.code} versie {r.versie} geladen: {_telling(uitkomst.kader)}.")
        if r.vorige_versie is not None:
            click.echo(
                f"Nieuwe versie naast versie {r.vorige_versie}; de oordelen bij die versie "
                "blijven staan."
            )
            if uitkomst.overgenomen is None:
                click.echo("Bewijskoppelingen niet overgenomen (--zonder-koppelingen).")
            else:
                click.echo(
                    f"{uitkomst.overgenomen} bewijskoppeling(en) overgenomen van versie "
                    f"{r.vorige_versie}."
                )
    if uitkomst.kader.werkversie:
        click.echo(f"{r.code} versie {r.versie}: {WERKVERSIE_MARKERING}")


@app.command()
@json_optie(JSON_HULP)
@click.pass_context
def lijst(ctx: click.Context, als_json: bool) -> None:
    """Toon de geladen kaders met hun versies, en de meegeleverde kaders die nog niet geladen zijn.

    Voorbeeld: kwaliteit normen lijst --json
    """
    from normen import diensten

    with eenheid(ctx, schrijven=False) as w:
        gegevens = diensten.overzicht(w)
    if als_json:
        print_json(gegevens)
        return
    _toon_lijst(gegevens)


@app.command()
@kader_argument
@versie_optie
@click.option("--norm", metavar="REF", help="Toon één norm met normtekst en typisch bewijs.")
@json_optie(JSON_HULP)
@click.pass_context
def toon(
    ctx: click.Context, kader: str, versie: str | None, norm: str | None, als_json: bool
) -> None:
    """Toon een kaderversie: bron, licentie en de boom van categorieën en normen.

    Met --norm één norm met normtekst, toelichting en typisch bewijs.

    Voorbeeld: kwaliteit normen toon awb-h9 --norm 9:11
    """
    from normen import diensten

    with eenheid(ctx, schrijven=False) as w:
        weergave = diensten.toon(w, kader, versie, ref=norm)
    if als_json:
        print_json(weergave.gegevens)
    elif norm is not None:
        _toon_norm(weergave.gegevens, weergave.ouder_titel)
    else:
        _toon_versie(weergave.gegevens)


@app.command()
@kader_argument
@versie_optie
@click.option(
    "--formaat", metavar="FORMAAT", default="yaml", show_default=True, help=f"{FORMATEN}."
)
@click.option(
    "--uit",
    metavar="BESTAND",
    type=click.Path(path_type=Path),
    help="Schrijf naar dit bestand (standaard: scherm).",
)
@click.pass_context
def exporteer(
    ctx: click.Context, kader: str, versie: str | None, formaat: str, uit: Path | None
) -> None:
    """Exporteer een kaderversie als YAML, als CISO Assistant-bibliotheek of als CSV.

    YAML is het eigen formaat (opnieuw te laden met 'normen importeer'); CSV heeft de
    kolommen van een spreadsheet-import, met puntkomma's. De uitvoer is steeds gelijk
    voor dezelfde versie (geen tijdstempels).

    Voorbeeld: kwaliteit normen exporteer awb-h9 --formaat ciso --uit awb-h9-ciso.yaml
    """
    from normen import diensten

    with eenheid(ctx, schrijven=False) as w, toon_voortgang("Exporteren") as voortgang:
        export = diensten.exporteer(
            w, kader, versie, formaat=formaat, uit=uit, melding=waarschuw, voortgang=voortgang
        )
    if uit is None:
        with foutafhandeling():
            sys.stdout.write(export.tekst)
        return
    click.echo(
        f"{export.code} versie {export.versie} ({export.formaat}) geschreven naar {uit}.",
        err=True,
    )


# -- output -----------------------------------------------------------------------------


def _toon_lijst(gegevens: dict[str, Any]) -> None:
    from datetime import date

    from kwaliteit.tijd import nl_datum
    from normen.kaderbestand import WERKVERSIE_MARKERING

    if not gegevens["kaders"]:
        click.echo("Er is nog geen kader geladen.")
    for rij in gegevens["kaders"]:
        click.echo(f"{rij['code']}  {rij['naam']}")
        for v in rij["versies"]:
            van = nl_datum(date.fromisoformat(v["geldig_van"]))
            tot = nl_datum(date.fromisoformat(v["geldig_tot"])) if v["geldig_tot"] else ""
            geldig = f"geldig {van} t/m {tot}" if tot else f"geldig vanaf {van}"
            regel = (
                f"  versie {v['versie']}  {geldig}  {v['normen']} normen "
                f"({v['beoordeelbaar']} beoordeelbaar)"
            )
            if v["geldend"]:
                regel += "  [geldend]"
            if v["werkversie"]:
                regel += f"  {WERKVERSIE_MARKERING}"
            click.echo(regel)
    if gegevens["beschikbaar"]:
        click.echo("")
        for code in gegevens["beschikbaar"]:
            click.echo(f"beschikbaar: kwaliteit normen importeer {code}")


def _kopregels(g: dict[str, Any]) -> list[tuple[str, str]]:
    from datetime import date

    from kwaliteit.tijd import nl_datum

    def dt(waarde: str | None) -> str:
        return nl_datum(date.fromisoformat(waarde)) if waarde else ""

    geldig = f"van {dt(g['geldig_van'])}" + (
        f" tot en met {dt(g['geldig_tot'])}" if g["geldig_tot"] else " (open einde)"
    )
    return [
        ("Kader", f"{g['kader']} — {g['naam']}"),
        ("Versie", f"{g['versie']}, geldig {geldig}"),
        ("Bron", g["bron"]),
        ("Publicatiedatum", dt(g["publicatiedatum"]) or "-"),
        ("Licentie", g["licentie"]),
        ("Werkversie", f"ja: {g['markering']}" if g["werkversie"] else "nee (officiële tekst)"),
        ("Schaal", ", ".join(g["schaal"])),
    ]


def _echo_velden(regels: list[tuple[str, str]]) -> None:
    breedte = max(len(label) for label, _ in regels)
    for label, waarde in regels:
        click.echo(f"{label:<{breedte}}  {waarde}")


def _toon_versie(g: dict[str, Any]) -> None:
    regels = _kopregels(g)
    if g["toelichting"]:
        regels.append(("Toelichting", g["toelichting"]))
    _echo_velden(regels)
    normen = g["normen"]
    beoordeelbaar = sum(1 for n in normen if n["beoordeelbaar"])
    click.echo(f"\nNormen ({len(normen)}, waarvan {beoordeelbaar} beoordeelbaar):")
    for n in normen:
        inspringing = "  " * (n["diepte"] - 1)
        soort = "" if n["beoordeelbaar"] else "  (categorie)"
        click.echo(f"{inspringing}{n['ref']}  {n['titel']}{soort}")


def _blok(titel: str, tekst: str | None) -> None:
    if not tekst:
        return
    click.echo(f"\n{titel}:")
    for regel in tekst.splitlines():
        click.echo(f"  {regel}".rstrip())


def _toon_norm(g: dict[str, Any], ouder_titel: str | None) -> None:
    n = g["norm"]
    if g["werkversie"]:
        click.echo(f"Let op: {g['markering']}.")
    _echo_velden(
        [
            ("Kader", f"{g['kader']} versie {g['versie']}"),
            ("Norm", f"{n['ref']}  {n['titel']}"),
            ("Categorie", f"{n['ouder']}  {ouder_titel}" if n["ouder"] else "-"),
            ("Beoordeelbaar", "ja" if n["beoordeelbaar"] else "nee (categorie)"),
            ("Tags", ", ".join(n["tags"]) or "-"),
        ]
    )
    _blok("Normtekst", n["normtekst"])
    _blok("Toelichting", n["toelichting"])
    if n["typisch_bewijs"]:
        click.echo("\nTypisch bewijs:")
        for b in n["typisch_bewijs"]:
            click.echo(f"  - {b}")
