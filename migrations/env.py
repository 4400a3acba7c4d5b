"""Alembic environment: runs on the connection kwaliteit hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from kwaliteit.modellen import metadata


def _configureer(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=metadata(),
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    conn = context.config.attributes.get("connection")
    if conn is not None:
        _configureer(conn)
        return
    # From the alembic command line (alembic.ini): -x url=...
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit(
            "Geen database opgegeven voor de migratie: gebruik 'make migratie NAAM=korte_naam' "
            "of 'alembic -x url=sqlite:///pad ...' (README: Een migratie toevoegen)."
        )
    engine = create_engine(url)
    with engine.begin() as verbinding:
        _configureer(verbinding)
    engine.dispose()


main()
