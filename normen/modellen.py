"""Norm frameworks as data: kader → versie → a tree of categorieën and normen."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kwaliteit.db import Base


class Normkader(Base):
    """A norm framework (awb-h9, wmo2015-h3, sterk-sociaal-werk, …) by its code."""

    __tablename__ = "normkader"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    naam: Mapped[str] = mapped_column(String(300))

    versies: Mapped[list[Kaderversie]] = relationship(
        back_populates="kader", order_by="Kaderversie.geldig_van", cascade="all, delete-orphan"
    )


class Kaderversie(Base):
    """One version of a framework, as loaded from its file; never changed afterwards."""

    __tablename__ = "kaderversie"
    __table_args__ = (UniqueConstraint("kader_id", "versie"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kader_id: Mapped[int] = mapped_column(ForeignKey("normkader.id"), index=True)
    versie: Mapped[str] = mapped_column(String(60))
    naam: Mapped[str] = mapped_column(String(300))
    geldig_van: Mapped[date] = mapped_column(Date)
    geldig_tot: Mapped[date | None] = mapped_column(Date)
    bron: Mapped[str] = mapped_column(Text)
    publicatiedatum: Mapped[date | None] = mapped_column(Date)
    licentie: Mapped[str] = mapped_column(Text)
    werkversie: Mapped[bool] = mapped_column(Boolean)
    toelichting: Mapped[str | None] = mapped_column(Text)
    schaal: Mapped[str] = mapped_column(Text)  # JSON list of oordelen
    sha256: Mapped[str] = mapped_column(String(64))  # of the canonical content
    geladen: Mapped[datetime]

    kader: Mapped[Normkader] = relationship(back_populates="versies")
    normen: Mapped[list[Norm]] = relationship(
        back_populates="versie",
        order_by="Norm.volgorde",
        cascade="all, delete-orphan",
        foreign_keys="Norm.versie_id",
    )


class Norm(Base):
    """A category (not assessable) or a norm (assessable) within one kaderversie."""

    __tablename__ = "norm"
    __table_args__ = (UniqueConstraint("versie_id", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    versie_id: Mapped[int] = mapped_column(ForeignKey("kaderversie.id"), index=True)
    ref: Mapped[str] = mapped_column(String(60))
    urn: Mapped[str] = mapped_column(String(400))
    ouder_id: Mapped[int | None] = mapped_column(ForeignKey("norm.id"))
    diepte: Mapped[int]
    volgorde: Mapped[int]
    beoordeelbaar: Mapped[bool] = mapped_column(Boolean)
    titel: Mapped[str] = mapped_column(String(500))
    normtekst: Mapped[str | None] = mapped_column(Text)
    toelichting: Mapped[str | None] = mapped_column(Text)
    typisch_bewijs: Mapped[str] = mapped_column(Text)  # JSON list
    tags: Mapped[str] = mapped_column(Text)  # JSON list

    versie: Mapped[Kaderversie] = relationship(back_populates="normen", foreign_keys=[versie_id])
    ouder: Mapped[Norm | None] = relationship(remote_side="Norm.id")
