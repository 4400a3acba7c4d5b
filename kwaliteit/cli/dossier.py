"""``kwaliteit dossier``: the certification dossier (PDF/A and HTML), and checking one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from kwaliteit.cli.gemeen import datum_optie, eenheid, fout, foutafhandeling
from kwaliteit.cli.lui import Groep

DATUM = "jjjj-mm-dd of dd-mm-jjjj"


class _Geheel(click.types.IntParamType):
    """A whole number without bounds (as --drempel was under Typer; Opties checks 0-1000).

    Not ``gemeen.Geheel``: a click.IntRange without bounds would print 'x<=None' in the
    help. The name is part of Click's (Dutch) message for a value that is no number.
    """

    name = "geheel getal"


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


# Called without a subcommand the group builds the dossier, so it does not show its help
# then (no_args_is_help=False): 'kwaliteit dossier' alone says which options are missing.
@click.group(cls=Groep, invoke_without_command=True, no_args_is_help=False)
@click.option(
    "--kader", metavar="KADER", help="Code van het normenkader, bijv. sterk-sociaal-werk."
)
@click.option("--periode", metavar="JAAR", help="Het jaar waarover het dossier gaat, bijv. 2023.")
@click.option("--van", metavar="DATUM", help=f"Begin van de periode ({DATUM}); met --tot.")
@click.option("--tot", metavar="DATUM", help=f"Einde van de periode, inbegrepen ({DATUM}).")
@click.option(
    "--peildatum",
    metavar="DATUM",
    help=f"De datum waarop bewijs en oordelen gelden ({DATUM}); standaard het einde van de periode.",
)
@click.option(
    "--uit",
    metavar="MAP",
    type=click.Path(path_type=Path),
    help="De map voor het dossier: dossier.pdf en/of html/. Een eerder dossier daar wordt vervangen.",
)
@click.option(
    "--formaat", metavar="FORMAAT", default="beide", show_default=True, help="pdf, html of beide."
)
@click.option(
    "--organisatie",
    metavar="NAAM",
    help="De organisatie op het voorblad; standaard die uit het organisatieprofiel.",
)
@click.option(
    "--ronde", metavar="RONDE", help="De beoordelingsronde; standaard het jaar van de peildatum."
)
@click.option(
    "--versie", metavar="VERSIE", help="Versie van het kader; standaard die op de peildatum geldt."
)
@click.option(
    "--drempel",
    metavar="N",
    type=_Geheel(),
    help=(
        "Aantallen klachten van 1 tot N in een uitsplitsing worden getoond als '<N' (0: geen); "
        "standaard de drempel uit het organisatieprofiel (5 zonder profiel)."
    ),
)
@click.pass_context
def app(
    ctx: click.Context,
    kader: str | None,
    periode: str | None,
    van: str | None,
    tot: str | None,
    peildatum: str | None,
    uit: Path | None,
    formaat: str,
    organisatie: str | None,
    ronde: str | None,
    versie: str | None,
    drempel: int | None,
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
            organisatie=(organisatie or "").strip() or None,
            ronde=(ronde or str(dag.year)).strip(),
            versie=versie,
            drempel=drempel,
        )
    from kwaliteit.cli.voortgang import toon_voortgang
    from kwaliteit.dossier.bouw import bouw

    with eenheid(ctx, schrijven=False) as w, toon_voortgang("Dossier maken") as voortgang:
        r = bouw(w, opties, uit, formaat, voortgang=voortgang)
    if r.pdf:
        click.echo(
            f"PDF/A-3b: {r.pdf} ({r.paginas} pagina's, {r.bestanden} bewijsbestanden als bijlage)"
        )
    if r.html:
        click.echo(f"HTML:     {r.html / 'index.html'}")
    click.echo(f"Manifest: sha256 {r.digest}")


@app.command("controleer")
@click.argument("pad", metavar="PAD", type=click.Path(path_type=Path))
def controleer(pad: Path) -> None:
    """Controleer een dossier tegen zijn manifest: noemt elk gewijzigd, ontbrekend of onbekend bestand.

    PAD is een dossier-PDF, een HTML-dossier of de dossiermap. Exitcode 0 als alles
    klopt, 1 als er iets is gewijzigd of ontbreekt.

    Voorbeeld: kwaliteit dossier controleer dossier-2023/dossier.pdf
    """
    with foutafhandeling():
        from kwaliteit.dossier.manifest import controleer as controleer_dossier

        uitkomsten = controleer_dossier(pad)
    fouten = 0
    for naam, c in uitkomsten:
        if c.afwijkingen:
            fouten += len(c.afwijkingen)
            click.echo(f"{naam}: {len(c.afwijkingen)} afwijking(en)")
            for a in c.afwijkingen:
                click.echo(f"  - {a}")
        else:
            click.echo(f"{naam}: in orde ({c.gecontroleerd} bestanden gecontroleerd)")
        if c.digest:
            click.echo(f"  manifest sha256 {c.digest}")
    if fouten:
        raise click.exceptions.Exit(1)
