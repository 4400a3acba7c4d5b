"""Bewijsstukken (with versions and files), their links to norms, oordelen,
bevindingen and verbeteracties."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kwaliteit.db import Base, keuzekolom


class Bewijssoort(StrEnum):
    DOCUMENT = "document"
    REGISTRATIE = "registratie"
    INTERVIEW = "interview"
    OBSERVATIE = "observatie"
    ENQUETE = "enquête"
    KENGETAL = "kengetal"


class Oordeelwaarde(StrEnum):
    VOLDOET = "voldoet"
    VOLDOET_DEELS = "voldoet-deels"
    VOLDOET_NIET = "voldoet-niet"
    NVT = "nvt"


class Bevindingsoort(StrEnum):
    TEKORTKOMING = "tekortkoming"
    VERBETERPUNT = "verbeterpunt"
    OBSERVATIE = "observatie"


class Actiestatus(StrEnum):
    OPEN = "open"
    IN_UITVOERING = "in-uitvoering"
    AFGEROND = "afgerond"
    VERVALLEN = "vervallen"

    @property
    def is_open(self) -> bool:
        return self in (Actiestatus.OPEN, Actiestatus.IN_UITVOERING)


_keuze = keuzekolom


class Bestand(Base):
    """File content, addressed by its SHA-256; stored once, however often it is used.

    Kept in the database itself on both backends: it is then part of every backup,
    shared by all users of a PostgreSQL server, and written in the same transaction
    as the evidence that refers to it (nothing half-written on disk).
    """

    __tablename__ = "bestand"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    grootte: Mapped[int] = mapped_column(Integer)
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)


class Bewijsstuk(Base):
    """A piece of evidence: a document, registration, interview, survey, key figure."""

    __tablename__ = "bewijsstuk"

    id: Mapped[int] = mapped_column(primary_key=True)
    kenmerk: Mapped[str] = mapped_column(String(20), unique=True)
    volgnummer: Mapped[int] = mapped_column(unique=True)
    titel: Mapped[str] = mapped_column(String(300))
    soort: Mapped[Bewijssoort] = mapped_column(_keuze(Bewijssoort, "bewijssoort"))
    eigenaar: Mapped[str | None] = mapped_column(String(200))
    beschrijving: Mapped[str | None] = mapped_column(Text)
    geregistreerd: Mapped[datetime]

    versies: Mapped[list[Bewijsversie]] = relationship(
        back_populates="bewijsstuk", order_by="Bewijsversie.versie", cascade="all, delete-orphan"
    )
    koppelingen: Mapped[list[Normkoppeling]] = relationship(
        back_populates="bewijsstuk", cascade="all, delete-orphan"
    )


class Bewijsversie(Base):
    """One version of a piece of evidence: what it speaks about, how long it holds, its file."""

    __tablename__ = "bewijsversie"
    __table_args__ = (UniqueConstraint("bewijsstuk_id", "versie"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bewijsstuk_id: Mapped[int] = mapped_column(ForeignKey("bewijsstuk.id"), index=True)
    versie: Mapped[int]
    ingangsdatum: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    bestandsnaam: Mapped[str | None] = mapped_column(String(255))
    sha256: Mapped[str | None] = mapped_column(ForeignKey("bestand.sha256"))
    toelichting: Mapped[str | None] = mapped_column(Text)
    toegevoegd: Mapped[datetime]

    bewijsstuk: Mapped[Bewijsstuk] = relationship(back_populates="versies")


class Normkoppeling(Base):
    """How a piece of evidence shows that a norm is met."""

    __tablename__ = "normkoppeling"
    __table_args__ = (UniqueConstraint("bewijsstuk_id", "norm_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bewijsstuk_id: Mapped[int] = mapped_column(ForeignKey("bewijsstuk.id"), index=True)
    norm_id: Mapped[int] = mapped_column(ForeignKey("norm.id"), index=True)
    toelichting: Mapped[str] = mapped_column(Text)

    bewijsstuk: Mapped[Bewijsstuk] = relationship(back_populates="koppelingen")


class Oordeel(Base):
    """The self-assessment of one norm in one assessment round (ronde)."""

    __tablename__ = "oordeel"
    __table_args__ = (UniqueConstraint("ronde", "norm_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ronde: Mapped[str] = mapped_column(String(60))
    norm_id: Mapped[int] = mapped_column(ForeignKey("norm.id"), index=True)
    waarde: Mapped[Oordeelwaarde] = mapped_column(_keuze(Oordeelwaarde, "oordeelwaarde"))
    toelichting: Mapped[str] = mapped_column(Text)
    door: Mapped[str] = mapped_column(String(200))
    datum: Mapped[date] = mapped_column(Date)


class Bevinding(Base):
    """A finding about a norm: tekortkoming, verbeterpunt or observatie."""

    __tablename__ = "bevinding"

    id: Mapped[int] = mapped_column(primary_key=True)
    kenmerk: Mapped[str] = mapped_column(String(20), unique=True)
    volgnummer: Mapped[int] = mapped_column(unique=True)
    ronde: Mapped[str] = mapped_column(String(60))
    norm_id: Mapped[int | None] = mapped_column(ForeignKey("norm.id"), index=True)
    soort: Mapped[Bevindingsoort] = mapped_column(_keuze(Bevindingsoort, "bevindingsoort"))
    omschrijving: Mapped[str] = mapped_column(Text)
    datum: Mapped[date] = mapped_column(Date)


class Verbeteractie(Base):
    """An improvement action with owner, deadline and status."""

    __tablename__ = "verbeteractie"

    id: Mapped[int] = mapped_column(primary_key=True)
    kenmerk: Mapped[str] = mapped_column(String(20), unique=True)
    volgnummer: Mapped[int] = mapped_column(unique=True)
    omschrijving: Mapped[str] = mapped_column(Text)
    eigenaar: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[Actiestatus] = mapped_column(_keuze(Actiestatus, "actiestatus"))
    norm_id: Mapped[int | None] = mapped_column(ForeignKey("norm.id"), index=True)
    bevinding_id: Mapped[int | None] = mapped_column(ForeignKey("bevinding.id"), index=True)
    afgerond: Mapped[date | None] = mapped_column(Date)
    aangemaakt: Mapped[date] = mapped_column(Date)

    klachten: Mapped[list[ActieKlacht]] = relationship(cascade="all, delete-orphan")


class ActieKlacht(Base):
    """Leren van klachten: the complaints that led to an improvement action."""

    __tablename__ = "actie_klacht"

    actie_id: Mapped[int] = mapped_column(ForeignKey("verbeteractie.id"), primary_key=True)
    klacht_id: Mapped[int] = mapped_column(ForeignKey("klacht.id"), primary_key=True)
