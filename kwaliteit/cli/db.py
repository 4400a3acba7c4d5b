"""``kwaliteit db``: where the database is, and bringing its schema up to date."""

from __future__ import annotations

from pathlib import Path

import click

from kwaliteit.cli.gemeen import fout, foutafhandeling, instellingen, open_database, print_json
from kwaliteit.cli.lui import Groep


@click.group(cls=Groep)
def app() -> None:
    """De database: status, schema-upgrade, back-up en herstel, rollen."""


@app.command()
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@click.pass_context
def status(ctx: click.Context, als_json: bool) -> None:
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
        click.echo(f"Database:  {gegevens['database']}")
        click.echo(f"Soort:     {gegevens['soort']}")
        click.echo(f"Revisie:   {revisie or '-'} (dit programma: {SCHEMA_HEAD})")
        click.echo(f"Toestand:  {toestand}")


@app.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
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
            click.echo(f"{beschrijf_url(db.url)} is al actueel (revisie {naar}).")
            return
        if kopie is not None:
            click.echo(f"Reservekopie: {kopie}")
        click.echo(f"Schema bijgewerkt van {van or 'leeg'} naar {naar}.")


@app.command()
@click.argument("pad", metavar="PAD", type=click.Path(path_type=Path))
@click.option("--overschrijf", is_flag=True, help="Vervang een bestaand bestand.")
@click.pass_context
def backup(ctx: click.Context, pad: Path, overschrijf: bool) -> None:
    """Maak een back-up van de database, ook terwijl anderen doorwerken.

    SQLite: een volledige, consistente kopie met de online back-up van SQLite, als één
    bestand dat zelf een kwaliteit-database is. PostgreSQL: toont hoe pg_dump het doet.

    Voorbeeld: kwaliteit db backup reservekopie-2024-01-15.db
    """
    from kwaliteit.beheer import backup as maak_backup

    with foutafhandeling():
        db = open_database(ctx)
        try:
            grootte = maak_backup(db, pad, overschrijf=overschrijf)
        finally:
            db.sluit()
    click.echo(f"Back-up gemaakt: {pad} ({grootte} bytes)")


@app.command()
@click.argument("pad", metavar="PAD", type=click.Path(path_type=Path))
@click.option("--ja", is_flag=True, help="Ja, vervang de huidige database door de back-up.")
@click.pass_context
def herstel(ctx: click.Context, pad: Path, ja: bool) -> None:
    """Zet een back-up terug: de huidige database wordt vervangen.

    De back-up wordt eerst gecontroleerd (een kwaliteit-database, onbeschadigd, auditspoor
    ongeschonden); de huidige database wordt eerst naast het bestand bewaard. Het
    terugzetten komt in het auditspoor. PostgreSQL: toont hoe pg_restore het doet.

    Voorbeeld: kwaliteit db herstel reservekopie-2024-01-15.db --ja
    """
    from kwaliteit.beheer import bestandshash
    from kwaliteit.beheer import herstel as zet_terug
    from kwaliteit.db import SCHEMA_HEAD
    from kwaliteit.eenheid import werkeenheid

    with foutafhandeling():
        db = open_database(ctx, schema=False)
        try:
            if not ja and db.is_sqlite:
                fout(
                    f"'db herstel' vervangt de hele database door {pad}. "
                    "Voeg --ja toe om door te gaan."
                )
            kopie, revisie, gebeurtenissen = zet_terug(db, pad)
            if revisie == SCHEMA_HEAD:
                with werkeenheid(db, schrijven=True, door=instellingen(ctx).door) as w:
                    w.audit.leg_vast(
                        "database",
                        "herstel",
                        "herstel",
                        na={
                            "back-up": pad.name,
                            "sha256": bestandshash(pad),
                            "gebeurtenissen_in_back-up": gebeurtenissen,
                        },
                    )
        finally:
            db.sluit()
    if kopie is not None:
        click.echo(f"De vorige database staat in {kopie}")
    click.echo(f"Teruggezet: {pad} ({gebeurtenissen} auditgebeurtenissen, revisie {revisie}).")
    if revisie != SCHEMA_HEAD:
        click.echo("De back-up heeft een ouder schema: voer nu 'kwaliteit db upgrade' uit.")


@app.command()
@click.option("--toon", is_flag=True, help="Toon alleen de SQL; voer niets uit.")
@click.pass_context
def rollen(ctx: click.Context, toon: bool) -> None:
    """Maak (PostgreSQL) de rollen kwaliteitsfunctionaris en auditor, of werk ze bij.

    kwaliteitsfunctionaris: lezen en schrijven; het auditspoor alleen aanvullen.
    auditor: alleen lezen (dekking, toets, dossier), zonder toegang tot de
    persoonsgegevens van klagers. Draai dit als eigenaar van de database, en opnieuw na
    'kwaliteit db upgrade'. Geef personen daarna een eigen login in een van de rollen:
    CREATE ROLE jansen LOGIN PASSWORD '...' IN ROLE auditor;

    Voorbeeld: kwaliteit --database postgresql+psycopg://beheer@db/kwaliteit db rollen
    """
    from kwaliteit.beheer import maak_rollen, rollen_sql

    with foutafhandeling():
        db = open_database(ctx)
        try:
            if toon:
                if db.is_sqlite:
                    maak_rollen(db)  # explains that SQLite has no roles
                for opdracht in rollen_sql(db):
                    click.echo(opdracht + ";")
                return
            uitgevoerd = maak_rollen(db)
        finally:
            db.sluit()
    click.echo(
        f"Rollen kwaliteitsfunctionaris en auditor ingesteld ({len(uitgevoerd)} opdrachten)."
    )
