"""``kwaliteit dossier``: the certification dossier (PDF/A and HTML), and checking one."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from kwaliteit.cli.gemeen import datum_optie, eenheid, fout, foutafhandeling

DATUM = "jjjj-mm-dd of dd-mm-jjjj"

app = typer.Typer(invoke_without_command=True)


def _periode(periode: str | None, van: str | None, tot: str | None) -> tuple[date, date]:
    if periode is not None:
        if van is not None or tot is not None:
            fout("Geef --periode JAAR, of --van en --tot, niet allebei.")
        tekst = periode.strip()
        if not (tekst.isdigit() and len(tekst) == 4 and 1900 <= int(tekst) <= 2999):
            fout(f"--periode '{periode}' is geen jaar; geef een jaar als 2023.")
        jaar = int(tekst)
        return date(jaar, 1, 1), date(jaar, 12, 31)
    if van is None or tot is None:
        fout("Geef de periode: --periode JAAR, of --van DATUM en --tot DATUM.")
    begin, einde = datum_optie(van, "--van"), datum_optie(tot, "--tot")
    assert begin is not None
    assert einde is not None
    return begin, einde


@app.callback()
def dossier(
    ctx: typer.Context,
    kader: Annotated[
        str | None,
        typer.Option(metavar="KADER", help="Code van het normenkader, bijv. sterk-sociaal-werk."),
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(metavar="JAAR", help="Het jaar waarover het dossier gaat, bijv. 2023."),
    ] = None,
    van: Annotated[
        str | None,
        typer.Option(metavar="DATUM", help=f"Begin van de periode ({DATUM}); met --tot."),
    ] = None,
    tot: Annotated[
        str | None,
        typer.Option(metavar="DATUM", help=f"Einde van de periode, inbegrepen ({DATUM})."),
    ] = None,
    peildatum: Annotated[
        str | None,
        typer.Option(
            metavar="DATUM",
            help=f"De datum waarop bewijs en oordelen gelden ({DATUM}); standaard het einde van de periode.",
        ),
    ] = None,
    uit: Annotated[
        Path | None,
        typer.Option(
            metavar="MAP",
            help="De map voor het dossier: dossier.pdf en/of html/. Een eerder dossier daar wordt vervangen.",
        ),
    ] = None,
    formaat: Annotated[str, typer.Option(metavar="FORMAAT", help="pdf, html of beide.")] = "beide",
    organisatie: Annotated[
        str | None,
        typer.Option(
            metavar="NAAM",
            help="De organisatie op het voorblad; standaard KWALITEIT_ORGANISATIE.",
        ),
    ] = None,
    ronde: Annotated[
        str | None,
        typer.Option(
            metavar="RONDE", help="De beoordelingsronde; standaard het jaar van de peildatum."
        ),
    ] = None,
    versie: Annotated[
        str | None,
        typer.Option(
            metavar="VERSIE", help="Versie van het kader; standaard die op de peildatum geldt."
        ),
    ] = None,
    drempel: Annotated[
        int,
        typer.Option(
            metavar="N",
            help="Aantallen klachten van 1 tot N in een uitsplitsing worden getoond als '<N' (0: geen).",
        ),
    ] = 5,
) -> None:
    """Maak het certificeringsdossier voor de auditor (PDF/A en HTML), of controleer er een.

    Per norm de normtekst, het oordeel, het bewijs (met SHA-256), de toetsscenario's met
    hun uitkomst, bevindingen en verbeteracties; het klachtenoverzicht (9:12a) zonder
    persoonsgegevens; een bewijsindex en een manifest. Dezelfde database en opties
    geven byte voor byte hetzelfde dossier.

    Voorbeeld: kwaliteit dossier --kader sterk-sociaal-werk --periode 2023 --uit dossier-2023

    Controleren: kwaliteit dossier controleer dossier-2023
    """
    if ctx.invoked_subcommand is not None:
        return
    if kader is None:
        fout("Geef het normenkader met --kader, bijv. --kader sterk-sociaal-werk.")
    if uit is None:
        fout("Geef met --uit de map waarin het dossier komt.")
    if formaat not in ("pdf", "html", "beide"):
        fout(f"--formaat '{formaat}' bestaat niet; kies pdf, html of beide.")
    with foutafhandeling():
        begin, einde = _periode(periode, van, tot)
        dag = datum_optie(peildatum, "--peildatum") or einde
        from kwaliteit.dossier.gegevens import Opties

        opties = Opties(
            kader=kader.strip(),
            van=begin,
            tot=einde,
            peildatum=dag,
            organisatie=(organisatie or os.environ.get("KWALITEIT_ORGANISATIE") or "").strip()
            or None,
            ronde=(ronde or str(dag.year)).strip(),
            versie=versie,
            drempel=drempel,
        )
    from kwaliteit.dossier.bouw import bouw

    with eenheid(ctx, schrijven=False) as w:
        r = bouw(w, opties, uit, formaat)
    if r.pdf:
        typer.echo(
            f"PDF/A-3b: {r.pdf} ({r.paginas} pagina's, {r.bestanden} bewijsbestanden als bijlage)"
        )
    if r.html:
        typer.echo(f"HTML:     {r.html / 'index.html'}")
    typer.echo(f"Manifest: sha256 {r.digest}")


@app.command("controleer")
def controleer(
    pad: Annotated[
        Path,
        typer.Argument(metavar="PAD", help="Een dossier-PDF, een HTML-dossier of de dossiermap."),
    ],
) -> None:
    """Controleer een dossier tegen zijn manifest: noemt elk gewijzigd, ontbrekend of onbekend bestand.

    Exitcode 0 als alles klopt, 1 als er iets is gewijzigd of ontbreekt.

    Voorbeeld: kwaliteit dossier controleer dossier-2023/dossier.pdf
    """
    with foutafhandeling():
        from kwaliteit.dossier.manifest import controleer as controleer_dossier

        uitkomsten = controleer_dossier(pad)
    fouten = 0
    for naam, c in uitkomsten:
        if c.afwijkingen:
            fouten += len(c.afwijkingen)
            typer.echo(f"{naam}: {len(c.afwijkingen)} afwijking(en)")
            for a in c.afwijkingen:
                typer.echo(f"  - {a}")
        else:
            typer.echo(f"{naam}: in orde ({c.gecontroleerd} bestanden gecontroleerd)")
        if c.digest:
            typer.echo(f"  manifest sha256 {c.digest}")
    if fouten:
        raise typer.Exit(1)
