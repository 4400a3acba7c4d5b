"""The unit of work a command hands to the services: one session, one audit log."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kwaliteit.audit import AuditLog
from kwaliteit.db import Database
from kwaliteit.tijd import nu, vandaag


@dataclass
class Werkeenheid:
    """What a service needs: the session, the audit log, who acts, and today."""

    sessie: Session
    audit: AuditLog
    door: str
    vandaag: date


def huidige_gebruiker() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "onbekend"


@contextmanager
def werkeenheid(
    db: Database, *, schrijven: bool, door: str | None = None, op: date | None = None
) -> Iterator[Werkeenheid]:
    """Open one transaction; on success the audit events are appended, then committed."""
    wie = door or huidige_gebruiker()
    with db.sessie(schrijven=schrijven) as sessie:
        eenheid = Werkeenheid(sessie, AuditLog(sessie, wie, nu()), wie, op or vandaag())
        yield eenheid
        geschreven = eenheid.audit.schrijf()
        if geschreven and not schrijven:
            raise RuntimeError("audit events written in a read-only unit of work")
