"""``kwaliteit db``: where the database is, and bringing its schema up to date."""

from __future__ import annotations

from typing import Annotated

import typer

from kwaliteit.cli.gemeen import foutafhandeling, open_database, print_json

app = typer.Typer(help="De database: status en schema-upgrade.", no_args_is_help=True)


@app.command()
def status(
    ctx: typer.Context,
    als_json: Annotated[bool, typer.Option("--json", help="Uitvoer als JSON.")] = False,
) -> None:
    """Toon welke database gebruikt wordt en of haar schema actueel is.

    Voorbeeld: kwaliteit db status
    """
    from kwaliteit.db import SCHEMA_HEAD, SCHEMA_REVISIES, beschrijf_url

    with foutafhandeling():
        db = open_database(ctx, schema=False)
        try:
            revisie = db.huidige_revisie()
            leeg = revisie is None and db.is_leeg()
        finally:
            db.sluit()
        if leeg:
            toestand = "leeg (wordt bij het eerste gebruik ingericht)"
        elif revisie == SCHEMA_HEAD:
            toestand = "actueel"
        elif revisie in SCHEMA_REVISIES:
            toestand = "verouderd: voer 'kwaliteit db upgrade' uit"
        elif revisie is None:
            toestand = "geen kwaliteit-database"
        else:
            toestand = "nieuwer dan dit programma: installeer een nieuwere versie"
        gegevens = {
            "database": beschrijf_url(db.url),
            "soort": "sqlite" if db.is_sqlite else "postgresql",
            "revisie": revisie,
            "verwacht": SCHEMA_HEAD,
            "toestand": toestand,
        }
        if als_json:
            print_json(gegevens)
            return
        typer.echo(f"Database:  {gegevens['database']}")
        typer.echo(f"Soort:     {gegevens['soort']}")
        typer.echo(f"Revisie:   {revisie or '-'} (dit programma: {SCHEMA_HEAD})")
        typer.echo(f"Toestand:  {toestand}")


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Breng het databaseschema naar de nieuwste versie.

    Bij SQLite wordt eerst een reservekopie naast het databasebestand gezet.

    Voorbeeld: kwaliteit db upgrade
    """
    from kwaliteit.db import SCHEMA_REVISIES, beschrijf_url
    from kwaliteit.fouten import SchemaFout
    from kwaliteit.migreren import werk_bij

    with foutafhandeling():
        db = open_database(ctx, schema=False)
        try:
            huidige = db.huidige_revisie()
            if huidige is not None and huidige not in SCHEMA_REVISIES:
                raise SchemaFout(
                    f"De database heeft schemarevisie {huidige}, nieuwer dan dit programma kent; "
                    "installeer een nieuwere versie van kwaliteit."
                )
            if huidige is None and not db.is_leeg():
                # Never install the register into another program's database.
                raise SchemaFout(
                    f"{beschrijf_url(db.url)} bevat tabellen maar is geen kwaliteit-database "
                    "(de tabel alembic_version ontbreekt). Kies een andere database met --database."
                )
            van, naar, kopie = werk_bij(db)
        finally:
            db.sluit()
        if van == naar:
            typer.echo(f"{beschrijf_url(db.url)} is al actueel (revisie {naar}).")
            return
        if kopie is not None:
            typer.echo(f"Reservekopie: {kopie}")
        typer.echo(f"Schema bijgewerkt van {van or 'leeg'} naar {naar}.")
