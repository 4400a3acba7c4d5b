"""The stored versions of the organisation profile (table ``organisatieprofiel``).

Every change of the profile is a new row; the newest is in force. Each version is also
an event in the audit trail (what changed, and the SHA-256 of the whole profile).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kwaliteit.db import Base
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.organisatie import OngeldigProfiel, Profiel, controleer


class Organisatieprofiel(Base):
    """One version of the organisation profile; the newest is in force."""

    __tablename__ = "organisatieprofiel"

    id: Mapped[int] = mapped_column(primary_key=True)  # the version number
    inhoud: Mapped[str] = mapped_column(Text)  # Profiel.canoniek()
    sha256: Mapped[str] = mapped_column(String(64))
    vastgesteld: Mapped[datetime]
    door: Mapped[str] = mapped_column(String(200))


@dataclass(frozen=True)
class Profielversie:
    versie: int
    profiel: Profiel
    vastgesteld: datetime | None
    door: str | None


def huidig(w: Werkeenheid) -> Profielversie:
    """The profile in force (version 0 and an empty profile when none was ever set)."""
    return in_sessie(w.sessie)


def in_sessie(sessie: Session) -> Profielversie:
    """``huidig`` for code that has a session but no unit of work (aggregate queries)."""
    rij = sessie.execute(
        select(Organisatieprofiel).order_by(Organisatieprofiel.id.desc()).limit(1)
    ).scalar_one_or_none()
    if rij is None:
        return Profielversie(0, Profiel(), None, None)
    return Profielversie(
        rij.id, Profiel.uit_dict(json.loads(rij.inhoud)), rij.vastgesteld, rij.door
    )


def versies(w: Werkeenheid) -> list[Profielversie]:
    rijen = w.sessie.execute(select(Organisatieprofiel).order_by(Organisatieprofiel.id)).scalars()
    return [
        Profielversie(r.id, Profiel.uit_dict(json.loads(r.inhoud)), r.vastgesteld, r.door)
        for r in rijen
    ]


def verschil(oud: Profiel, nieuw: Profiel) -> dict[str, dict[str, Any]]:
    """Per changed top-level key: what it was and what it became."""
    a, b = oud.als_dict(), nieuw.als_dict()
    return {k: {"was": a[k], "wordt": b[k]} for k in a if a[k] != b[k]}


def stel_in(w: Werkeenheid, profiel: Profiel, *, regimes: Sequence[str]) -> Profielversie:
    """Store ``profiel`` as the new version (nothing when it equals the one in force)."""
    fouten = controleer(profiel, regimes=regimes)
    if fouten:
        raise OngeldigProfiel(
            f"Het organisatieprofiel is niet geldig: {len(fouten)} fout(en).", details=fouten
        )
    vorige = huidig(w)
    if vorige.versie and vorige.profiel == profiel:
        return vorige
    rij = Organisatieprofiel(
        inhoud=profiel.canoniek(), sha256=profiel.sha256, vastgesteld=w.audit.tijdstip, door=w.door
    )
    w.sessie.add(rij)
    w.sessie.flush()
    w.audit.leg_vast(
        "organisatieprofiel",
        str(rij.id),
        "vastgesteld",
        voor={"versie": vorige.versie, "sha256": vorige.profiel.sha256 if vorige.versie else None},
        na={"versie": rij.id, "sha256": rij.sha256, "gewijzigd": verschil(vorige.profiel, profiel)},
    )
    return Profielversie(rij.id, profiel, rij.vastgesteld, rij.door)


__all__ = [
    "Organisatieprofiel",
    "Profielversie",
    "huidig",
    "in_sessie",
    "stel_in",
    "verschil",
    "versies",
]
