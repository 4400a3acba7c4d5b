"""Progress of long work (import, export, dossier, toets) on stderr, with rich.

A service takes an optional callback ``voortgang(gedaan, totaal)`` and calls it as work
proceeds; the command passes the callback this module gives. On a terminal that draws a
rich progress bar on stderr; otherwise (a pipe, a file, a test, CI) nothing is printed
and rich is not even imported, so output that programs read stays clean.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["Voortgang", "toon_voortgang"]

Voortgang = Callable[[int, int | None], None]


def _op_terminal() -> bool:
    if os.environ.get("KWALITEIT_GEEN_VOORTGANG"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def _stil(_gedaan: int, _totaal: int | None) -> None:
    return None


@contextmanager
def toon_voortgang(omschrijving: str) -> Iterator[Voortgang]:
    """``with toon_voortgang("Importeren") as voortgang: dienst(..., voortgang=voortgang)``."""
    if not _op_terminal():
        yield _stil
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        # rich would otherwise route sys.stdout (and sys.stderr) through the bar's console
        # while it is drawn: what a command writes to stdout (an export, a list) would end
        # up on stderr, re-wrapped to the terminal's width.
        redirect_stdout=False,
        redirect_stderr=False,
    ) as balk:
        taak = balk.add_task(omschrijving, total=None)

        def meld(gedaan: int, totaal: int | None) -> None:
            balk.update(taak, completed=gedaan, total=totaal)

        yield meld
