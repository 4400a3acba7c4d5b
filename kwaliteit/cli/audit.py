"""``kwaliteit audit``: checking the audit trail."""

from __future__ import annotations

from typing import Annotated

import typer

from kwaliteit.cli.gemeen import eenheid, print_json

app = typer.Typer(help="Het auditspoor: controle van de keten.", no_args_is_help=True)


@app.command()
def controleer(
    ctx: typer.Context,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
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
        typer.echo(
            f"Het auditspoor is ongeschonden: {rapport.aantal} gebeurtenissen gecontroleerd."
        )
    else:
        typer.echo(
            f"Het auditspoor is gebroken bij gebeurtenis {rapport.eerste_fout}: {rapport.reden}.",
            err=True,
        )
    if not rapport.in_orde:
        raise typer.Exit(1)
