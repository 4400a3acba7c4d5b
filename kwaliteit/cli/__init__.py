"""The ``kwaliteit`` command: the root app and its command groups."""

from __future__ import annotations

from typing import Annotated

import typer

from kwaliteit import __version__
from kwaliteit.cli import audit, bewijs, db, dossier, klacht, normen, toets, zorg
from kwaliteit.cli.gemeen import Instellingen

app = typer.Typer(
    name="kwaliteit",
    help=(
        "Klachtenregister (Awb hoofdstuk 9) en kwaliteitsdossier voor sociaal werk.\n\n"
        "Voorbeeld: kwaliteit klacht registreer --ontvangen 14-03-2023 --kanaal e-mail "
        "--omschrijving 'Niet teruggebeld'"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(klacht.app, name="klacht")
app.add_typer(normen.app, name="normen")
app.add_typer(bewijs.app, name="bewijs")
zorg.registreer(app)
toets.registreer(app)
app.add_typer(dossier.app, name="dossier")
app.add_typer(db.app, name="db")
app.add_typer(audit.app, name="audit")


def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"kwaliteit {__version__}")
        raise typer.Exit()


@app.callback()
def hoofd(
    ctx: typer.Context,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            metavar="URL",
            help=(
                "De database: een bestandspad of sqlite:///PAD, of "
                "postgresql+psycopg://gebruiker@host/naam. Standaard KWALITEIT_DATABASE_URL, "
                "anders een SQLite-bestand in uw gebruikersmap (zie 'kwaliteit db status')."
            ),
        ),
    ] = None,
    door: Annotated[
        str | None,
        typer.Option(
            "--door",
            metavar="NAAM",
            help="Wie de wijziging doet, voor het auditspoor (standaard de gebruiker van het systeem).",
        ),
    ] = None,
    versie: Annotated[
        bool,
        typer.Option(
            "--version",
            "--versie",
            callback=_versie,
            is_eager=True,
            help="Toon de versie en stop.",
        ),
    ] = False,
) -> None:
    """Klachtenregister en kwaliteitsdossier."""
    ctx.obj = Instellingen(database=database, door=door)


def main() -> None:
    """Entry point of the ``kwaliteit`` script and ``python -m kwaliteit``."""
    try:
        from kwaliteit.cli.nl import installeer_nederlands

        installeer_nederlands()
    except (ImportError, AttributeError):  # pragma: no cover - other Typer internals
        # The Dutch texts patch Typer's private modules (pinned in pyproject.toml);
        # with other internals the program still works, with Typer's own English.
        pass
    app()
