"""The audit trail: an append-only chain of events, linked by SHA-256.

Every change to the register is one ``AuditGebeurtenis``: when, who, what, and
the state before and after. Each event's hash covers its own fields and the
previous event's hash, so editing, deleting or reordering an event breaks the
chain from that event on; ``controleer_keten`` names the first broken event.

Writers hold the database's write lock (see ``kwaliteit.db``), so the chain is
linear: there is exactly one last event at any time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Index, String, Text, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kwaliteit.bulk import Schrijver
from kwaliteit.db import Base

BEGINHASH = "0" * 64


class AuditGebeurtenis(Base):
    """One event in the audit trail. Never updated, never deleted."""

    __tablename__ = "audit_gebeurtenis"
    __table_args__ = (Index("ix_audit_gebeurtenis_onderwerp_sleutel", "onderwerp", "sleutel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volgnummer: Mapped[int] = mapped_column(unique=True)
    tijdstip: Mapped[datetime]
    door: Mapped[str] = mapped_column(String(200))
    onderwerp: Mapped[str] = mapped_column(String(40))
    sleutel: Mapped[str] = mapped_column(String(300))
    actie: Mapped[str] = mapped_column(String(40))
    voor: Mapped[str | None] = mapped_column(Text)
    na: Mapped[str | None] = mapped_column(Text)
    vorige_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


_KOLOMMEN = (
    "volgnummer",
    "tijdstip",
    "door",
    "onderwerp",
    "sleutel",
    "actie",
    "voor",
    "na",
    "vorige_hash",
    "hash",
)


# Made once: json.dumps with options builds a new encoder per call, and an import
# encodes two documents per complaint. The output is that of json.dumps with the same
# options (the chain's format).
_CANONIEK = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
_HASHINHOUD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def canoniek(gegevens: Mapping[str, Any] | None) -> str | None:
    """Canonical JSON: sorted keys, no spaces, dates as ISO strings."""
    if gegevens is None:
        return None
    return _CANONIEK.encode(gegevens)


def bereken_hash(
    *,
    volgnummer: int,
    tijdstip: datetime,
    door: str,
    onderwerp: str,
    sleutel: str,
    actie: str,
    voor: str | None,
    na: str | None,
    vorige_hash: str,
) -> str:
    inhoud = _HASHINHOUD.encode(
        [
            volgnummer,
            tijdstip.astimezone(UTC).isoformat(timespec="microseconds"),
            door,
            onderwerp,
            sleutel,
            actie,
            voor,
            na,
            vorige_hash,
        ]
    )
    return hashlib.sha256(inhoud.encode("utf-8")).hexdigest()


class AuditLog:
    """Collects the events of one transaction and appends them to the chain."""

    def __init__(self, sessie: Session, door: str, tijdstip: datetime) -> None:
        self._sessie = sessie
        self.door = door
        # One moment per command: every event of a command carries the same time.
        self.tijdstip = tijdstip.astimezone(UTC)
        self._wachtend: list[dict[str, Any]] = []
        self._kop: tuple[int, str] | None = None

    def bereid_voor(self) -> tuple[int, str]:
        """Read the chain's last event (once); ``leg_vast`` needs no query after this."""
        if self._kop is None:
            laatste = self._sessie.execute(
                select(AuditGebeurtenis.volgnummer, AuditGebeurtenis.hash)
                .order_by(AuditGebeurtenis.volgnummer.desc())
                .limit(1)
            ).first()
            self._kop = (laatste[0], laatste[1]) if laatste else (0, BEGINHASH)
        return self._kop

    def leg_vast(
        self,
        onderwerp: str,
        sleutel: str,
        actie: str,
        *,
        voor: Mapping[str, Any] | None = None,
        na: Mapping[str, Any] | None = None,
    ) -> None:
        kop = self.bereid_voor()
        volgnummer, vorige = kop[0] + 1, kop[1]
        rij: dict[str, Any] = {
            "volgnummer": volgnummer,
            "tijdstip": self.tijdstip,
            "door": self.door,
            "onderwerp": onderwerp,
            "sleutel": sleutel,
            "actie": actie,
            "voor": canoniek(voor),
            "na": canoniek(na),
            "vorige_hash": vorige,
        }
        rij["hash"] = bereken_hash(**rij)
        self._wachtend.append(rij)
        self._kop = (volgnummer, rij["hash"])

    def schrijf(self, *, bulk: Schrijver | None = None) -> int:
        """Insert the collected events; returns how many were written.

        May be called more than once (an import writes its events block by block);
        the chain continues from the last event collected. ``bulk``: hand them to that
        writer of an import (``kwaliteit.bulk``: COPY on PostgreSQL).
        """
        aantal = len(self._wachtend)
        if aantal and bulk is not None:
            bulk.voeg_toe(
                AuditGebeurtenis,
                _KOLOMMEN,
                [tuple(rij[k] for k in _KOLOMMEN) for rij in self._wachtend],
            )
            self._wachtend = []
        elif aantal:
            self._sessie.execute(insert(AuditGebeurtenis), self._wachtend)
            self._wachtend = []
        return aantal


@dataclass(frozen=True)
class KetenRapport:
    aantal: int
    eerste_fout: int | None
    reden: str | None

    @property
    def in_orde(self) -> bool:
        return self.eerste_fout is None


def controleer_keten(sessie: Session) -> KetenRapport:
    """Recompute the chain in order; report the first event that does not fit."""
    vorige_hash, verwacht, aantal = BEGINHASH, 1, 0
    rijen = sessie.execute(
        select(AuditGebeurtenis)
        .order_by(AuditGebeurtenis.volgnummer)
        .execution_options(yield_per=2000)
    ).scalars()
    for g in rijen:
        aantal += 1
        if g.volgnummer != verwacht:
            return KetenRapport(
                aantal,
                verwacht,
                f"gebeurtenis {verwacht} ontbreekt (na {verwacht - 1} volgt {g.volgnummer})",
            )
        if g.vorige_hash != vorige_hash:
            return KetenRapport(
                aantal, g.volgnummer, "de verwijzing naar de vorige gebeurtenis klopt niet"
            )
        berekend = bereken_hash(
            volgnummer=g.volgnummer,
            tijdstip=g.tijdstip,
            door=g.door,
            onderwerp=g.onderwerp,
            sleutel=g.sleutel,
            actie=g.actie,
            voor=g.voor,
            na=g.na,
            vorige_hash=g.vorige_hash,
        )
        if berekend != g.hash:
            return KetenRapport(aantal, g.volgnummer, "de inhoud is gewijzigd na vastlegging")
        vorige_hash, verwacht = g.hash, verwacht + 1
    return KetenRapport(aantal, None, None)


def geschiedenis(sessie: Session, onderwerp: str, sleutel: str) -> list[AuditGebeurtenis]:
    """The events about one thing, oldest first."""
    return list(
        sessie.execute(
            select(AuditGebeurtenis)
            .where(AuditGebeurtenis.onderwerp == onderwerp, AuditGebeurtenis.sleutel == sleutel)
            .order_by(AuditGebeurtenis.volgnummer)
        ).scalars()
    )
