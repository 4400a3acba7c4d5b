"""``kwaliteit audit``: checking the audit trail."""

from __future__ import annotations

import click

from kwaliteit.cli.gemeen import eenheid, print_json
from kwaliteit.cli.lui import Groep


@click.group(cls=Groep)
def app() -> None:
    """Het auditspoor: controle van de keten."""


@app.command()
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_context
def controleer(ctx: click.Context, als_json: bool) -> None:
    """Controleer of het auditspoor ongeschonden is (SHA-256-keten).

    Noemt de eerste gebeurtenis die niet klopt; exitcode 1 als de keten gebroken is.

    Voorbeeld: kwaliteit audit controleer
    """
    from kwaliteit.audit import controleer_keten

    with eenheid(ctx, schrijven=False) as w:
        rapport = controleer_keten(w.sessie)
    if als_json:
        print_json(
            {
                "in_orde": rapport.in_orde,
                "gecontroleerd": rapport.aantal,
                "eerste_fout": rapport.eerste_fout,
                "reden": rapport.reden,
            }
        )
    elif rapport.in_orde:
        click.echo(
            f"Het auditspoor is ongeschonden: {rapport.aantal} gebeurtenissen gecontroleerd."
        )
    else:
        click.echo(
            f"Het auditspoor is gebroken bij gebeurtenis {rapport.eerste_fout}: {rapport.reden}.",
            err=True,
        )
    if not rapport.in_orde:
        ctx.exit(1)
