"""Small input and output helpers of the commands about evidence and follow-up.

Choices with Dutch messages, kenmerk normalisation, dates and percentages as Dutch
readers write them. Only the standard library at module level (fast ``--help``).

Choosing a vocabulary value is ``kwaliteit.keuzes.keuze`` (one rule for the whole program).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kwaliteit.keuzes import keuze, opsomming

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "kader_en_norm",
    "keuze",
    "nl",
    "normaliseer_kenmerk",
    "opsomming",
    "procent",
    "verplichte_datum",
]


def normaliseer_kenmerk(tekst: str, voorvoegsel: str) -> str:
    """'b-1' → 'B-0001'; anything else is passed on as typed (the service reports it)."""
    schoon = tekst.strip().upper()
    m = re.fullmatch(rf"{voorvoegsel}-(\d{{1,4}})", schoon)
    return f"{voorvoegsel}-{int(m.group(1)):04d}" if m else schoon


def procent(waarde: float | None) -> str:
    """A percentage as Dutch readers write it: '66,7%', '100%'; '-' when there is none."""
    return "-" if waarde is None else f"{waarde:g}".replace(".", ",") + "%"


def nl(iso: str | None, leeg: str = "-") -> str:
    """An ISO date from a service's dict as dd-mm-jjjj."""
    if not iso:
        return leeg
    from kwaliteit.tijd import nl_datum, parse_datum

    return nl_datum(parse_datum(iso))


def kader_en_norm(kader: str | None, norm: str | None) -> None:
    """--kader and --norm go together."""
    from kwaliteit.fouten import InvoerFout

    if norm is not None and kader is None:
        raise InvoerFout("Geef bij --norm ook --kader (de code van het normenkader, bijv. awb-h9).")
    if kader is not None and norm is None:
        raise InvoerFout("Geef bij --kader ook --norm (de ref van de norm, bijv. 9:6).")


def verplichte_datum(tekst: str, veld: str) -> date:
    from kwaliteit.tijd import parse_datum

    return parse_datum(tekst, veld)
