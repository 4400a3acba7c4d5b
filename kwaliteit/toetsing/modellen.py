"""A stored run of ``kwaliteit toets``: when, what was checked (the feature texts), the result."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kwaliteit.db import Base


class Toetsrun(Base):
    """One run of the coverage checks; the dossier shows the latest per kader."""

    __tablename__ = "toetsrun"

    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[datetime]
    door: Mapped[str] = mapped_column(String(200))
    peildatum: Mapped[date] = mapped_column(Date)
    kader: Mapped[str | None] = mapped_column(String(60), index=True)
    geslaagd: Mapped[bool] = mapped_column(Boolean)
    samenvatting: Mapped[str] = mapped_column(Text)  # JSON: status -> count
    features: Mapped[str] = mapped_column(Text)  # JSON: [{pad, sha256, tekst}]
    resultaat: Mapped[str] = mapped_column(Text)  # JSON: {normen: [...], scenarios: [...]}
