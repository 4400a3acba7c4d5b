"""Every model module, imported together so the metadata is complete."""

from __future__ import annotations

from sqlalchemy import MetaData


def metadata() -> MetaData:
    """The metadata of all packages (for Alembic and the schema tests)."""
    import klachten.modellen  # noqa: F401
    import kwaliteit.audit
    import kwaliteit.bewijs.modellen
    import kwaliteit.profielversies
    import kwaliteit.toetsing.modellen  # noqa: F401
    import normen.modellen  # noqa: F401
    from kwaliteit.db import Base

    return Base.metadata
