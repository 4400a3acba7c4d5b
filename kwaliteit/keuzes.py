"""Choosing a value of a vocabulary as a person types it, with a Dutch message otherwise.

Shared by the CLI (options such as ``--soort``) and the services that take a value as
text because only they know which values are allowed (an oordeel on a kader's scale).
Standard library only.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TypeVar

__all__ = ["kies", "opsomming", "zonder_accenten"]

E = TypeVar("E", bound=StrEnum)


def zonder_accenten(tekst: str) -> str:
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(t for t in ontleed if not unicodedata.combining(t))


def opsomming(waarden: list[str]) -> str:
    """'a, b of c'."""
    return ", ".join(waarden[:-1]) + " of " + waarden[-1] if len(waarden) > 1 else waarden[0]


def kies(soort: type[E], tekst: str, veld: str) -> E:
    """One value of a vocabulary; case, spaces and accents don't matter ('enquete')."""
    from kwaliteit.fouten import InvoerFout

    gezocht = zonder_accenten(" ".join(tekst.split()).casefold())
    for lid in soort:
        if zonder_accenten(lid.value.casefold()) == gezocht:
            return lid
    raise InvoerFout(
        f"{veld}: '{tekst}' is niet toegestaan; kies {opsomming([w.value for w in soort])}."
    )
