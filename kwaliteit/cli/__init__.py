"""The ``kwaliteit`` command: the root app and its command groups.

The command groups are imported and built lazily (see ``kwaliteit.cli.lui``): the root
knows its subcommands by name and short help only (``OPDRACHTEN``), so ``kwaliteit
--help`` imports no command module, and a call imports and builds just the group and the
command it uses. ``tests/cli/test_cli_lui.py`` checks that these names and texts match
the real commands.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from typer._click import core as click_core
from typer._click.utils import make_default_short_help

from kwaliteit import __version__
from kwaliteit.cli.gemeen import Instellingen
from kwaliteit.cli.lui import Luiegroep, LuieOpdrachten, luie_groep


@dataclass(frozen=True)
class Opdracht:
    """A subcommand of the root: where it lives and its short help for ``--help``."""

    module: str
    attribuut: str  # a typer.Typer (a group) or a command function
    kort: str  # the first paragraph of its help


# In the order ``kwaliteit --help`` lists them.
OPDRACHTEN: dict[str, Opdracht] = {
    "beoordeel": Opdracht(
        "kwaliteit.cli.zorg",
        "beoordeel",
        "Beoordeel een norm in de zelfevaluatie; opnieuw beoordelen vervangt het oordeel "
        "(met auditspoor).",
    ),
    "dekking": Opdracht(
        "kwaliteit.cli.zorg",
        "dekking",
        "Toon per norm van een kader of er geldig bewijs is, het oordeel en de open acties; "
        "gaten eerst.",
    ),
    "toets": Opdracht(
        "kwaliteit.cli.toets",
        "toets",
        "Toets de normen met de Gherkin-scenario's in features/dekking tegen de database.",
    ),
    "klacht": Opdracht(
        "kwaliteit.cli.klacht",
        "app",
        "Klachten registreren en behandelen volgens Awb hoofdstuk 9.",
    ),
    "normen": Opdracht(
        "kwaliteit.cli.normen",
        "app",
        "Normenkaders: laden, controleren, tonen en exporteren.",
    ),
    "bewijs": Opdracht(
        "kwaliteit.cli.bewijs",
        "app",
        "Bewijsstukken: registreren, versies, koppelen aan normen.",
    ),
    "bevinding": Opdracht(
        "kwaliteit.cli.zorg",
        "bevinding_app",
        "Bevindingen: tekortkomingen, verbeterpunten, observaties.",
    ),
    "actie": Opdracht(
        "kwaliteit.cli.zorg",
        "actie_app",
        "Verbeteracties met eigenaar, deadline en status.",
    ),
    "dossier": Opdracht(
        "kwaliteit.cli.dossier",
        "app",
        "Maak het certificeringsdossier voor de auditor (PDF/A en HTML), of controleer er een.",
    ),
    "db": Opdracht(
        "kwaliteit.cli.db",
        "app",
        "De database: status, schema-upgrade, back-up en herstel, rollen.",
    ),
    "audit": Opdracht(
        "kwaliteit.cli.audit",
        "app",
        "Het auditspoor: controle van de keten.",
    ),
}


def bouw_opdracht(naam: str) -> click_core.Command:
    """Import the module of subcommand ``naam`` and build its Click command."""
    opdracht = OPDRACHTEN[naam]
    doel = getattr(importlib.import_module(opdracht.module), opdracht.attribuut)
    # The same settings as the root app, as when it was added with add_typer.
    if isinstance(doel, typer.Typer):
        return luie_groep(naam, doel, rich_markup_mode=None, pretty_exceptions_short=True)
    hulp = typer.Typer(add_completion=False, rich_markup_mode=None)
    hulp.command(naam)(doel)
    return typer.main.get_command(hulp)


class Wortelgroep(Luiegroep):
    """The root group: its subcommands are imported and built when used."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = LuieOpdrachten(
            list(OPDRACHTEN),
            bouw_opdracht,
            lambda naam, limiet: make_default_short_help(OPDRACHTEN[naam].kort, limiet),
        )


app = typer.Typer(
    name="kwaliteit",
    cls=Wortelgroep,
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
    try:
        from kwaliteit.cli.omzetting import installeer_lichte_omzetting

        installeer_lichte_omzetting()
    except (ImportError, AttributeError):  # pragma: no cover - other Typer internals
        # Without it every option goes through Typer's own (pydantic) conversion.
        pass
    app()
