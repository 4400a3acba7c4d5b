"""The klacht, its klager (personal data, kept apart) and its verdagingen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from klachten.velden import VELD
from klachten.waarden import (
    AfzienHoren,
    BeklaagdeSoort,
    Bestemmingssoort,
    Grond98,
    Kanaal,
    Regime,
    Status,
    Uitkomst,
)
from kwaliteit.db import Base, keuzekolom

_keuze = keuzekolom


def _registratie(naam: str) -> Any:
    """The column type of registration field ``naam``, from its one description
    (klachten.velden): a law-fixed vocabulary is VARCHAR + CHECK of its values; a list of
    the organisation profile is plain text (the profile may change, history may not)."""
    veld = VELD[naam]
    if veld.woordenlijst is not None:
        return keuzekolom(veld.woordenlijst, naam)
    return String(veld.max_lengte) if veld.max_lengte else Text()


class Klacht(Base):
    """A complaint in the register, identified by its kenmerk K-<jaar>-<nnnn>."""

    __tablename__ = "klacht"
    __table_args__ = (
        UniqueConstraint("jaar", "volgnummer"),
        Index("ix_klacht_status_uiterste_datum", "status", "uiterste_datum"),
        Index("ix_klacht_jaar_uitkomst", "jaar", "uitkomst"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kenmerk: Mapped[str] = mapped_column(String(20), unique=True)
    jaar: Mapped[int]
    volgnummer: Mapped[int]
    geregistreerd: Mapped[datetime]

    # Registration
    ontvangen: Mapped[date] = mapped_column(Date)
    kanaal: Mapped[Kanaal] = mapped_column(_registratie("kanaal"))
    gedraging: Mapped[date | None] = mapped_column(Date)
    omschrijving: Mapped[str] = mapped_column(Text)
    beklaagde: Mapped[str | None] = mapped_column(_registratie("beklaagde"))
    beklaagde_soort: Mapped[BeklaagdeSoort | None] = mapped_column(_registratie("beklaagde_soort"))
    wijk: Mapped[str | None] = mapped_column(_registratie("wijk"))
    team: Mapped[str | None] = mapped_column(_registratie("team"))
    aanbieder: Mapped[str | None] = mapped_column(_registratie("aanbieder"))
    regime: Mapped[Regime] = mapped_column(_registratie("regime"))
    categorie: Mapped[str | None] = mapped_column(_registratie("categorie"))
    adviescommissie: Mapped[bool] = mapped_column(Boolean, default=False)
    # The base afhandeltermijn in weeks that applied at registration (klachten.termijnen).
    termijn_weken: Mapped[int]

    # Procedure
    status: Mapped[Status] = mapped_column(_keuze(Status, "status"))
    uiterste_datum: Mapped[date] = mapped_column(Date)
    behandelaar: Mapped[str | None] = mapped_column(String(200))
    bevestigd: Mapped[date | None] = mapped_column(Date)
    afschrift: Mapped[date | None] = mapped_column(Date)
    gehoord: Mapped[date | None] = mapped_column(Date)
    hoorverslag: Mapped[str | None] = mapped_column(Text)
    afzien_horen: Mapped[AfzienHoren | None] = mapped_column(_keuze(AfzienHoren, "afzien_horen"))

    # Afhandeling
    uitkomst: Mapped[Uitkomst | None] = mapped_column(_keuze(Uitkomst, "uitkomst"))
    afgehandeld: Mapped[date | None] = mapped_column(Date)
    binnen_termijn: Mapped[bool | None] = mapped_column(Boolean)
    bevindingen: Mapped[str | None] = mapped_column(Text)
    conclusies: Mapped[str | None] = mapped_column(Text)
    tevredenheid: Mapped[str | None] = mapped_column(Text)
    doorgestuurd_naar: Mapped[str | None] = mapped_column(String(200))
    bestemming_soort: Mapped[Bestemmingssoort | None] = mapped_column(
        _keuze(Bestemmingssoort, "bestemming_soort")
    )
    klager_geinformeerd: Mapped[date | None] = mapped_column(Date)
    wijze_intrekking: Mapped[str | None] = mapped_column(String(200))
    reden_niet_ontvankelijk: Mapped[str | None] = mapped_column(Text)
    grond_9_8: Mapped[Grond98 | None] = mapped_column(_keuze(Grond98, "grond_9_8"))
    ombudsman: Mapped[date | None] = mapped_column(Date)
    heropend: Mapped[date | None] = mapped_column(Date)
    bewaren_tot: Mapped[date | None] = mapped_column(Date)

    klager: Mapped[Klager | None] = relationship(
        back_populates="klacht", uselist=False, cascade="all, delete-orphan"
    )
    verdagingen: Mapped[list[Verdaging]] = relationship(
        back_populates="klacht", order_by="Verdaging.id", cascade="all, delete-orphan"
    )

    @property
    def schriftelijk(self) -> bool:
        return self.kanaal.schriftelijk

    @property
    def verdaagd_weken(self) -> int:
        return sum(v.weken for v in self.verdagingen)


class Klager(Base):
    """The klager's personal data: its own table, so it can be erased on its own."""

    __tablename__ = "klager"

    klacht_id: Mapped[int] = mapped_column(
        ForeignKey("klacht.id", ondelete="CASCADE"), primary_key=True
    )
    naam: Mapped[str | None] = mapped_column(_registratie("klager_naam"))
    contact: Mapped[str | None] = mapped_column(_registratie("klager_contact"))
    gepseudonimiseerd: Mapped[date | None] = mapped_column(Date)

    klacht: Mapped[Klacht] = relationship(back_populates="klager")


class Verdaging(Base):
    """A postponement of the afhandeltermijn (Awb 9:11 lid 2, or lid 3 with consent)."""

    __tablename__ = "verdaging"

    id: Mapped[int] = mapped_column(primary_key=True)
    klacht_id: Mapped[int] = mapped_column(ForeignKey("klacht.id", ondelete="CASCADE"), index=True)
    datum: Mapped[date] = mapped_column(Date)
    weken: Mapped[int]
    reden: Mapped[str] = mapped_column(Text)
    instemming_klager: Mapped[date | None] = mapped_column(Date)

    klacht: Mapped[Klacht] = relationship(back_populates="verdagingen")
