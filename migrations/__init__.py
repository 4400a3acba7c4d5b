"""Alembic migrations of the kwaliteit schema (shipped inside the package)."""
