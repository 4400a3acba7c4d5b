"""The ``kwaliteit`` command: the root group and its command groups.

The root knows its subcommands by module and short help only (``OPDRACHTEN``, see
``kwaliteit.cli.lui.Luiegroep``), so ``kwaliteit --help`` imports no command module and a
call imports just the group it uses. ``tests/cli/test_cli_lui.py`` checks that these
names and texts match the real commands.

The CLI is plain Click: Click passes all of its own messages through gettext, and
``kwaliteit.cli.taal`` binds a Dutch catalogue for them (``main`` does that, never an
import).
"""

from __future__ import annotations

import click

from kwaliteit import __version__
from kwaliteit.cli.gemeen import Instellingen
from kwaliteit.cli.lui import Luiegroep, Verwijzing

# In the order ``kwaliteit --help`` lists them.
OPDRACHTEN: dict[str, Verwijzing] = {
    "beoordeel": Verwijzing(
        "kwaliteit.cli.zorg",
        "beoordeel",
        "Beoordeel een norm in de zelfevaluatie; opnieuw beoordelen vervangt het oordeel "
        "(met auditspoor).",
    ),
    "dekking": Verwijzing(
        "kwaliteit.cli.zorg",
        "dekking",
        "Toon per norm van een kader of er geldig bewijs is, het oordeel en de open acties; "
        "gaten eerst.",
    ),
    "toets": Verwijzing(
        "kwaliteit.cli.toets",
        "toets",
        "Toets de normen met de Gherkin-scenario's in features/dekking tegen de database.",
    ),
    "organisatie": Verwijzing(
        "kwaliteit.cli.organisatie",
        "app",
        "Het organisatieprofiel: wijken, teams, aanbieders, categorieën, klachtenregeling.",
    ),
    "klacht": Verwijzing(
        "kwaliteit.cli.klacht",
        "app",
        "Klachten registreren en behandelen volgens Awb hoofdstuk 9.",
    ),
    "normen": Verwijzing(
        "kwaliteit.cli.normen",
        "app",
        "Normenkaders: laden, controleren, tonen en exporteren.",
    ),
    "bewijs": Verwijzing(
        "kwaliteit.cli.bewijs",
        "app",
        "Bewijsstukken: registreren, versies, koppelen aan normen.",
    ),
    "bevinding": Verwijzing(
        "kwaliteit.cli.zorg",
        "bevinding_app",
        "Bevindingen: tekortkomingen, verbeterpunten, observaties.",
    ),
    "actie": Verwijzing(
        "kwaliteit.cli.zorg",
        "actie_app",
        "Verbeteracties met eigenaar, deadline en status.",
    ),
    "dossier": Verwijzing(
        "kwaliteit.cli.dossier",
        "app",
        "Maak het certificeringsdossier voor de auditor (PDF/A en HTML), of controleer er een.",
    ),
    "db": Verwijzing(
        "kwaliteit.cli.db",
        "app",
        "De database: status, schema-upgrade, back-up en herstel, rollen.",
    ),
    "audit": Verwijzing(
        "kwaliteit.cli.audit",
        "app",
        "Het auditspoor: controle van de keten.",
    ),
    "aanvulling": Verwijzing(
        "kwaliteit.cli.aanvulling",
        "aanvulling",
        "Toon het script voor tab-aanvulling van opdrachten en opties (bash, zsh of fish).",
    ),
}


def _versie(ctx: click.Context, _param: click.Parameter, waarde: bool) -> None:
    if waarde and not ctx.resilient_parsing:
        click.echo(f"kwaliteit {__version__}")
        ctx.exit()


@click.group(
    "kwaliteit",
    cls=Luiegroep,
    verwijzingen=OPDRACHTEN,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--database",
    metavar="URL",
    help=(
        "De database: een bestandspad of sqlite:///PAD, of "
        "postgresql+psycopg://gebruiker@host/naam. Standaard KWALITEIT_DATABASE_URL, "
        "anders een SQLite-bestand in uw gebruikersmap (zie 'kwaliteit db status')."
    ),
)
@click.option(
    "--door",
    metavar="NAAM",
    help="Wie de wijziging doet, voor het auditspoor (standaard de gebruiker van het systeem).",
)
@click.option(
    "--version",
    "--versie",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_versie,
    help="Toon de versie en stop.",
)
@click.pass_context
def app(ctx: click.Context, database: str | None, door: str | None) -> None:
    """Klachtenregister (Awb hoofdstuk 9) en kwaliteitsdossier voor sociaal werk.

    Voorbeeld: kwaliteit klacht registreer --ontvangen 14-03-2023 --kanaal e-mail
    --omschrijving 'Niet teruggebeld'
    """
    ctx.obj = Instellingen(database=database, door=door)


def main() -> None:
    """Entry point of the ``kwaliteit`` script and ``python -m kwaliteit``."""
    from kwaliteit.cli.taal import installeer

    installeer()
    app.main(prog_name="kwaliteit")
