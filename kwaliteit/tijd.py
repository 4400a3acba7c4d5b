"""Dates as users type them, and 'today' as the program sees it.

``KWALITEIT_VANDAAG`` (jjjj-mm-dd) fixes today's date; tests and demonstrations
use it to replay a year that has passed.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

from kwaliteit.fouten import InvoerFout

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")

DATUMVORMEN = "jjjj-mm-dd of dd-mm-jjjj"
# A register of complaints holds dates of people's lives and of its own use: a year
# outside this range is a typing error (and would break the 4-digit kenmerk).
EERSTE_JAAR = 1900
LAATSTE_JAAR = 2999


def parse_datum(tekst: str, veld: str = "datum") -> date:
    """Parse ``jjjj-mm-dd`` or ``dd-mm-jjjj``; anything else is an InvoerFout."""
    waarde = tekst.strip()
    if m := _ISO.match(waarde):
        jaar, maand, dag = (int(g) for g in m.groups())
    elif m := _NL.match(waarde):
        dag, maand, jaar = (int(g) for g in m.groups())
    else:
        raise InvoerFout(f"{veld}: '{tekst}' is geen datum; gebruik {DATUMVORMEN}.")
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise InvoerFout(
            f"{veld}: '{tekst}' ligt buiten de jaren {EERSTE_JAAR}-{LAATSTE_JAAR}; controleer het jaar."
        )
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise InvoerFout(f"{veld}: '{tekst}' bestaat niet als datum.") from None


def vandaag() -> date:
    """Today's date, or ``KWALITEIT_VANDAAG`` when that is set."""
    ingesteld = os.environ.get("KWALITEIT_VANDAAG")
    if ingesteld:
        return parse_datum(ingesteld, "KWALITEIT_VANDAAG")
    return date.today()


def nu() -> datetime:
    """The current moment in UTC, for the audit trail."""
    return datetime.now(UTC)


def nl_datum(d: date | None) -> str:
    """``dd-mm-jjjj`` as Dutch users write dates, or an empty string."""
    return d.strftime("%d-%m-%Y") if d else ""


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def lange_datum(d: date | str | None) -> str:
    """A date as Dutch prose writes it: '14 maart 2023' (ISO text accepted)."""
    if d is None:
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d)
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"
