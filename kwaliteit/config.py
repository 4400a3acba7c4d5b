"""Where the database is: ``--database``, ``KWALITEIT_DATABASE_URL``, or the default file."""

from __future__ import annotations

import os
from pathlib import Path

OMGEVINGSVARIABELE = "KWALITEIT_DATABASE_URL"


def standaard_databasepad() -> Path:
    """The SQLite file in the user's data directory (platform convention)."""
    from platformdirs import user_data_path

    return user_data_path("kwaliteit", appauthor=False) / "kwaliteit.db"


def database_url(opgegeven: str | None = None) -> str:
    """The URL to use: the option, then the environment, then the default file."""
    if opgegeven:
        return normaliseer_url(opgegeven)
    uit_omgeving = os.environ.get(OMGEVINGSVARIABELE)
    if uit_omgeving:
        return normaliseer_url(uit_omgeving)
    pad = standaard_databasepad()
    # The default lives in the user's data directory, which a fresh machine lacks.
    pad.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{pad}"


def normaliseer_url(url: str) -> str:
    """Accept a bare file path for SQLite and plain ``postgresql://`` for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url
