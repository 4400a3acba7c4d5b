"""``kwaliteit toets``: the coverage checks in Gherkin, run against the live database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kwaliteit.cli.gemeen import (
    datum_optie,
    eenheid,
    foutafhandeling,
    json_optie,
    print_json,
    waarschuw,
)
from kwaliteit.cli.lui import Opdracht

if TYPE_CHECKING:
    from kwaliteit.toetsing.runner import Featurefout


@click.command("toets", cls=Opdracht)
@click.option("--kader", metavar="KADER", help="Alleen de normen van dit kader (bijv. awb-h9).")
@click.option(
    "--peildatum",
    metavar="DATUM",
    help="De datum waarop getoetst wordt (jjjj-mm-dd of dd-mm-jjjj); standaard vandaag.",
)
@click.option(
    "--features",
    metavar="MAP",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Een map (of bestand) met eigen .feature-bestanden; mag vaker. Komt bij de meegeleverde.",
)
@click.option(
    "--alleen-eigen",
    is_flag=True,
    help="Laat de meegeleverde features weg; alleen --features.",
)
@json_optie("Uitvoer als JSON (zie README).")
@click.option(
    "--junit",
    metavar="BESTAND",
    type=click.Path(path_type=Path),
    help="Schrijf ook een JUnit-XML-rapport.",
)
@click.pass_context
def toets(
    ctx: click.Context,
    kader: str | None,
    peildatum: str | None,
    features: tuple[Path, ...],
    alleen_eigen: bool,
    als_json: bool,
    junit: Path | None,
) -> None:
    """Toets de normen met de Gherkin-scenario's in features/dekking tegen de database.

    Per norm precies één uitkomst: gedekt, niet-gedekt (met de mislukte stap en de
    klachten of normen die het veroorzaakten), overgeslagen (een scenario werd niet
    uitgevoerd of heeft een onbekende stap: telt nooit als geslaagd) of ongetoetst.
    Elke fout in een feature-bestand (Gherkin-syntaxfout, onbekende tag, onbekende
    stap) wordt altijd genoemd, met bestand:regel. Exitcode 0 alleen als elke
    beoordeelbare norm in de toets gedekt is en de feature-bestanden foutloos zijn;
    2 bij een syntaxfout of een verkeerde tag; anders 1. Elke run wordt bewaard voor
    het dossier.

    Voorbeeld: kwaliteit toets --kader awb-h9 --peildatum 31-12-2023
    """
    from kwaliteit.cli.voortgang import toon_voortgang
    from kwaliteit.toetsing import dienst
    from kwaliteit.toetsing.runner import junit_xml

    with eenheid(ctx, schrijven=True) as w, toon_voortgang("Toetsen") as voortgang:
        uitkomst = dienst.toets(
            w,
            kader=kader,
            peildatum=datum_optie(peildatum, "peildatum"),
            features=features,
            alleen_eigen=alleen_eigen,
            voortgang=voortgang,
        )
    rapport = uitkomst.rapport
    if not uitkomst.bewaard:
        # A read-only role (the auditor) may check, but not store the run.
        waarschuw(
            "deze run is niet bewaard: uw databaserol mag alleen lezen. Het dossier "
            "toont de laatste bewaarde run."
        )
    if junit is not None:
        with foutafhandeling():
            _schrijf(junit, junit_xml(rapport))
    if als_json:
        print_json({**rapport.als_dict(), "run": uitkomst.run})
    else:
        _toon(rapport.als_dict(), uitkomst.run)
    if rapport.featurefouten:
        _meld_featurefouten(rapport.featurefouten, ongeldig=rapport.ongeldige_invoer)
    if rapport.ongeldige_invoer:
        ctx.exit(2)
    if not rapport.geslaagd:
        ctx.exit(1)


def _schrijf(pad: Path, tekst: str) -> None:
    from kwaliteit.bestanden import atomair

    with atomair(pad) as f:
        f.write(tekst)


def _meld_featurefouten(fouten: list[Featurefout], *, ongeldig: bool) -> None:
    """On stderr as well: whoever reads only the errors (or the JSON on stdout) sees them."""
    click.echo(
        f"Fout: de feature-bestanden bevatten {len(fouten)} fout(en); "
        + (
            "wat niet gelezen kon worden is niet getoetst"
            if ongeldig
            else "een scenario met een onbekende stap telt niet als geslaagd"
        )
        + ".",
        err=True,
    )
    for f in fouten:
        click.echo(f"  - {f}", err=True)


def _toon(d: dict[str, Any], run_id: int | None) -> None:
    from kwaliteit.tijd import nl_datum, parse_datum

    s = d["samenvatting"]
    click.echo(
        f"Toetsing op {nl_datum(parse_datum(d['peildatum']))}"
        + (f", kader {d['kader']}" if d["kader"] else ", alle geladen kaders")
        + (f" (run {run_id})" if run_id is not None else " (niet bewaard)")
    )
    click.echo(
        f"gedekt {s['gedekt']}, niet-gedekt {s['niet-gedekt']}, overgeslagen {s['overgeslagen']}, "
        f"ongetoetst {s['ongetoetst']}"
    )
    volgorde = {"niet-gedekt": 0, "overgeslagen": 1, "ongetoetst": 2, "gedekt": 3}
    click.echo("")
    for n in sorted(d["normen"], key=lambda n: (volgorde[n["status"]], n["kader"])):
        click.echo(f"{n['status']:<13} {n['kader']} {n['ref']}  {n['titel']}")
        for regel in n["toelichting"]:
            if n["status"] != "ongetoetst":
                click.echo(f"              {regel}")
    fouten = d["featurefouten"]
    if fouten:
        click.echo("")
        click.echo(f"Fouten in de feature-bestanden ({len(fouten)}):")
        for f in fouten:
            plaats = f"{f['pad']}:{f['regel']}" if f["regel"] else f["pad"]
            click.echo(f"  {plaats}: {f['melding']}")
    click.echo("")
    if d["geslaagd"]:
        click.echo("Geslaagd: alle normen gedekt.")
    elif fouten and all(n["status"] == "gedekt" for n in d["normen"]) and d["normen"]:
        click.echo("Niet geslaagd: de feature-bestanden bevatten fouten.")
    else:
        click.echo("Niet alle normen zijn gedekt.")
