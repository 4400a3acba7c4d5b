"""What every command shares: settings, the unit of work, errors and output.

Only Click and light standard modules are imported at module level (json and
traceback load when used), so that
``kwaliteit --help`` starts fast; SQLAlchemy and rich load when a command runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from kwaliteit.db import Database
    from kwaliteit.eenheid import Werkeenheid


F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Instellingen:
    """The root options, handed to every command through ``ctx.obj``."""

    database: str | None = None
    door: str | None = None


def instellingen(ctx: click.Context) -> Instellingen:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Instellingen) else Instellingen()


def fout(melding: str, *, code: int = 2, details: list[str] | None = None) -> NoReturn:
    """Print a Dutch error message to stderr and stop with ``code``."""
    click.echo(f"Fout: {melding}", err=True)
    for regel in details or []:
        if regel != melding:
            click.echo(f"  - {regel}", err=True)
    raise click.exceptions.Exit(code)


@contextmanager
def foutafhandeling() -> Iterator[None]:
    """Turn every failure into a message and an exit code; never a traceback."""
    from kwaliteit.fouten import Fout

    try:
        yield
    except click.exceptions.Exit:
        raise
    except Fout as e:
        fout(e.melding, code=e.exit_code, details=e.details)
    except UnicodeEncodeError as e:
        # Bytes that are no UTF-8 in an argument (a name typed in another character set)
        # reach Python as lone surrogates, which no database or file can store.
        fout(
            f"de invoer bevat tekens die geen UTF-8 zijn ({_onleesbaar(e)}); "
            "typ de tekst opnieuw of sla het bestand op als UTF-8. Er is niets opgeslagen."
        )
    except KeyboardInterrupt:
        click.echo("Afgebroken; er is niets opgeslagen.", err=True)
        raise click.exceptions.Exit(130) from None
    except Exception as e:
        if os.environ.get("KWALITEIT_DEBUG"):
            import traceback

            traceback.print_exc()
        fout(
            f"onverwachte fout ({type(e).__name__}); er is niets opgeslagen. "
            "Zet KWALITEIT_DEBUG=1 voor de technische details en meld dit bij de beheerder.",
            code=1,
        )


def _onleesbaar(e: UnicodeEncodeError) -> str:
    """The offending characters as bytes ('byte 0xff'), safe to print."""
    stuk = e.object[e.start : e.end] if isinstance(e.object, str) else ""
    try:
        ruw = stuk.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        return stuk.encode("ascii", errors="backslashreplace").decode("ascii")
    return ", ".join(f"byte 0x{b:02x}" for b in ruw[:8]) or "onbekend teken"


def open_database(ctx: click.Context, *, schema: bool = True) -> Database:
    from kwaliteit.config import database_url
    from kwaliteit.db import Database

    db = Database(database_url(instellingen(ctx).database))
    if schema:
        try:
            db.zorg_voor_schema()
        except BaseException:
            db.sluit()
            raise
    return db


@contextmanager
def eenheid(ctx: click.Context, *, schrijven: bool) -> Iterator[Werkeenheid]:
    """The command's one unit of work: opened, committed or rolled back, closed."""
    from kwaliteit.eenheid import werkeenheid

    with foutafhandeling():
        _controleer_door(instellingen(ctx).door)
        db = open_database(ctx)
        try:
            with werkeenheid(db, schrijven=schrijven, door=instellingen(ctx).door) as w:
                yield w
        finally:
            db.sluit()


MAX_DOOR = 200  # the audit trail's column 'door'


def _controleer_door(door: str | None) -> None:
    from kwaliteit.fouten import InvoerFout

    if door is not None and len(door) > MAX_DOOR:
        raise InvoerFout(
            f"--door is {len(door)} tekens lang; ten hoogste {MAX_DOOR} is toegestaan."
        )


def datum_optie(tekst: str | None, veld: str) -> date | None:
    """Parse an optional date option (InvoerFout on bad input)."""
    if tekst is None:
        return None
    from kwaliteit.tijd import parse_datum

    return parse_datum(tekst, veld)


def console(*, err: bool = False) -> Console:
    from rich.console import Console

    c = Console(stderr=err, highlight=False, soft_wrap=False)
    if not c.is_terminal:
        # Piped into a file or another program: don't squeeze tables into 80 columns.
        c = Console(stderr=err, highlight=False, soft_wrap=False, width=200)
    return c


def print_json(gegevens: Any) -> None:
    """Stable JSON on stdout: UTF-8, sorted as given, two-space indent."""
    import json

    sys.stdout.write(json.dumps(gegevens, ensure_ascii=False, indent=2, default=str) + "\n")


def waarschuw(melding: str) -> None:
    click.echo(f"Let op: {melding}", err=True)


class Geheel(click.IntRange):
    """A whole number within bounds; its name is part of Click's (Dutch) messages."""

    name = "geheel getal"


def json_optie(hulp: str = "Uitvoer als JSON.") -> Callable[[F], F]:
    """The ``--json`` flag, as the parameter ``als_json``."""
    return click.option("--json", "als_json", is_flag=True, help=hulp)
