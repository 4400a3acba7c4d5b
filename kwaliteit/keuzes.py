"""Matching what a user typed to one value of a fixed vocabulary (a StrEnum).

One rule for every vocabulary, on the command line and in imported files alike.
A typed value matches a value of the vocabulary when both are the same after:

1. accents are removed ("enquete" is "enquête");
2. upper and lower case are made the same ("E-MAIL" is "e-mail");
3. every run of spaces, dashes (``-``) and underscores (``_``) counts as one and the
   same separator, and separators at the start or the end do not count
   ("deels gegrond", "Deels_Gegrond" and " deels-gegrond " are "deels-gegrond").

Every other character counts as it is: "email" is not "e-mail" and "centrum west"
is not "Centrum/West". The messages name the values as the vocabulary writes them.

Pure Python (no SQLAlchemy): the CLI uses it at start-up. Part of the foundation,
so both domains and the CLI share it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import StrEnum
from functools import cache
from typing import TypeVar

from kwaliteit.fouten import InvoerFout

E = TypeVar("E", bound=StrEnum)

_SCHEIDING = re.compile(r"[\s_-]+")


def sleutel(tekst: str) -> str:
    """What matching compares: no accents, one case, one kind of separator."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder_accenten = "".join(t for t in ontleed if not unicodedata.combining(t))
    return _SCHEIDING.sub(" ", zonder_accenten.casefold()).strip()


@cache
def _woordenlijst(soort: type[E]) -> dict[str, E]:
    # An import looks up hundreds of thousands of cells: one dict per vocabulary
    # instead of a walk over its members.
    opzoek: dict[str, E] = {}
    for lid in soort:
        s = sleutel(lid.value)
        if s in opzoek:
            raise ValueError(
                f"{soort.__name__}: {opzoek[s].value!r} en {lid.value!r} zijn niet te onderscheiden"
            )
        opzoek[s] = lid
    return opzoek


def zoek(soort: type[E], tekst: str) -> E | None:
    """The value of ``soort`` that ``tekst`` matches (see the module docstring), or None."""
    return _woordenlijst(soort).get(sleutel(tekst))


def opsomming(waarden: Sequence[str]) -> str:
    """'a, b of c': values for a message."""
    return ", ".join(waarden[:-1]) + " of " + waarden[-1] if len(waarden) > 1 else waarden[0]


def keuzes(soort: type[StrEnum]) -> str:
    """'a, b of c': the values of a vocabulary, for a message."""
    return opsomming([str(w.value) for w in soort])


def keuze(soort: type[E], tekst: str, veld: str, fout: type[InvoerFout] = InvoerFout) -> E:
    """The value of ``soort`` that ``tekst`` matches; else ``fout`` naming what is allowed.

    ``veld`` names the option or column in the message; ``fout`` is the InvoerFout
    subclass the caller reports (``klachten`` uses ``OngeldigeKlacht``).
    """
    lid = zoek(soort, tekst)
    if lid is None:
        raise fout(f"{veld}: '{tekst}' is niet toegestaan; kies {keuzes(soort)}.")
    return lid
