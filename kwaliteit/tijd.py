"""Dates as users type them, and 'today' as the program sees it.

``KWALITEIT_VANDAAG`` (jjjj-mm-dd) fixes today's date; tests and demonstrations
use it to replay a year that has passed. It counts only together with
``KWALITEIT_MODUS=test`` or ``KWALITEIT_MODUS=demo``: a register is a legal record,
and a variable left behind in a shell must not silently change the dates of real
complaints. Without that mode it is ignored, with a warning on stderr; with it, the
fixed date is announced on stderr. Each message once per process.
"""

from __future__ import annotations

import os
import re
import sys
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


VANDAAG_VARIABELE = "KWALITEIT_VANDAAG"
MODUS_VARIABELE = "KWALITEIT_MODUS"
MODI = {"test": "testmodus", "demo": "demomodus"}

# Whether the messages about a fixed date go to stderr. The test suite turns this off:
# all its in-process command runs share one process, so "once per process" would land
# in whichever test happened to run first.
MELDEN = True
_gemeld: set[str] = set()


def _meld_eenmaal(melding: str) -> None:
    if MELDEN and melding not in _gemeld:
        _gemeld.add(melding)
        print(melding, file=sys.stderr, flush=True)


def vandaag() -> date:
    """Today's date; ``KWALITEIT_VANDAAG`` instead, in test or demo mode only."""
    ingesteld = os.environ.get(VANDAAG_VARIABELE, "").strip()
    if not ingesteld:
        return date.today()
    modus = os.environ.get(MODUS_VARIABELE, "").strip()
    if modus not in MODI:
        waarom = (
            f"{MODUS_VARIABELE} is '{modus}', niet test of demo"
            if modus
            else f"{MODUS_VARIABELE} is niet gezet"
        )
        _meld_eenmaal(
            f"Waarschuwing: {VANDAAG_VARIABELE}={ingesteld} wordt genegeerd: die vaste datum "
            f"geldt alleen in test- of demomodus ({waarom}). Vandaag is "
            f"{nl_datum(date.today())}. Zet {MODUS_VARIABELE}=test of {MODUS_VARIABELE}=demo "
            f"om de datum vast te zetten, of verwijder {VANDAAG_VARIABELE}."
        )
        return date.today()
    dag = parse_datum(ingesteld, VANDAAG_VARIABELE)
    _meld_eenmaal(f"Let op: {MODI[modus]}, vandaag is {nl_datum(dag)} ({VANDAAG_VARIABELE}).")
    return dag


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
