"""The floors of the benchmarks: the same work done with bare SQL, as its own process.

``bench/run.py`` runs this file with the same Python as ``kwaliteit`` and measures it
the same way (wall time and peak RSS of the process). It deliberately imports only the
standard library and, for PostgreSQL, psycopg: no SQLAlchemy, no Typer, no kwaliteit.
The one exception is ``weasyprint``, the floor of the dossier's PDF: it imports
WeasyPrint (and nothing else), because rendering the document is the work itself.

    python bench/vloer.py import    sqlite|postgresql DOEL CSV
    python bench/vloer.py overzicht sqlite|postgresql DOEL JAAR
    python bench/vloer.py te-laat   sqlite|postgresql DOEL VANDAAG [LIMIET]
    python bench/vloer.py termijnen sqlite|postgresql DOEL VANDAAG BINNEN
    python bench/vloer.py dekking   sqlite|postgresql DOEL KADER PEILDATUM
    python bench/vloer.py weasyprint INVOER UIT

DOEL is the SQLite file or the psycopg connection string. INVOER is what
``kwaliteit dossier`` keeps of a PDF build under ``KWALITEIT_DOSSIER_DRUKINVOER``
(``druk.html``, ``middelen/``, ``bijlagen/``); the PDF goes to ``UIT/dossier.pdf``. Query results are written to
stdout, one tab-separated line per row, as the CLI writes its output too.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

# Columns the import fills (klacht) and the klager row; the rest stays NULL, as after
# `kwaliteit klacht importeer`.
_IMPORT_KLACHT = (
    "id",
    "kenmerk",
    "jaar",
    "volgnummer",
    "geregistreerd",
    "ontvangen",
    "kanaal",
    "gedraging",
    "omschrijving",
    "beklaagde",
    "beklaagde_soort",
    "wijk",
    "team",
    "aanbieder",
    "regime",
    "categorie",
    "adviescommissie",
    "termijn_weken",
    "status",
    "uiterste_datum",
)
_IMPORT_KLAGER = ("klacht_id", "naam", "contact")


def _verbind(backend: str, doel: str) -> Any:
    if backend == "sqlite":
        return sqlite3.connect(doel)
    import psycopg

    return psycopg.connect(doel)


def _rijen_uit_csv(pad: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The klacht and klager rows of the CSV: kenmerk per year, term of 6 (10) weeks.

    No validation, no Algemene termijnenwet, no audit trail: the bare minimum to get the
    same rows into the same tables.
    """
    klachten: list[tuple[Any, ...]] = []
    klagers: list[tuple[Any, ...]] = []
    volgnummers: dict[int, int] = {}
    nu = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with open(pad, encoding="utf-8", newline="") as f:
        lezer = csv.reader(f)
        kop = next(lezer)
        k = {naam: i for i, naam in enumerate(kop)}
        for i, rij in enumerate(lezer, 1):
            ontvangen = date.fromisoformat(rij[k["ontvangen"]])
            jaar = ontvangen.year
            volgnummer = volgnummers.get(jaar, 0) + 1
            volgnummers[jaar] = volgnummer
            commissie = rij[k["adviescommissie"]] == "ja"
            weken = 10 if commissie else 6
            uiterste = ontvangen + timedelta(weeks=weken)

            def cel(naam: str, rij: list[str] = rij) -> str | None:
                return rij[k[naam]] or None

            klachten.append(
                (
                    i,
                    f"K-{jaar}-{volgnummer:04d}",
                    jaar,
                    volgnummer,
                    nu,
                    ontvangen.isoformat(),
                    cel("kanaal"),
                    cel("gedraging"),
                    cel("omschrijving"),
                    cel("beklaagde"),
                    cel("beklaagde_soort"),
                    cel("wijk"),
                    cel("team"),
                    cel("aanbieder"),
                    cel("regime"),
                    cel("categorie"),
                    commissie,
                    weken,
                    "open",
                    uiterste.isoformat(),
                )
            )
            if cel("klager_naam") or cel("klager_contact"):
                klagers.append((i, cel("klager_naam"), cel("klager_contact")))
    return klachten, klagers


def importeer(backend: str, doel: str, pad: str) -> None:
    klachten, klagers = _rijen_uit_csv(pad)
    conn = _verbind(backend, doel)
    if backend == "sqlite":
        with conn:
            _executemany(conn, "klacht", _IMPORT_KLACHT, klachten)
            _executemany(conn, "klager", _IMPORT_KLAGER, klagers)
    else:
        with conn.cursor() as cur:
            # The rows carry a UTC time without zone, as SQLite stores it.
            cur.execute("SET TIME ZONE 'UTC'")
            for tabel, kolommen, rijen in (
                ("klacht", _IMPORT_KLACHT, klachten),
                ("klager", _IMPORT_KLAGER, klagers),
            ):
                sql = f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN"
                with cur.copy(sql.encode()) as kopie:
                    for rij in rijen:
                        kopie.write_row(rij)
        conn.commit()
    conn.close()
    print(f"{len(klachten)} klachten")


def _executemany(
    conn: sqlite3.Connection, tabel: str, kolommen: Sequence[str], rijen: list[tuple[Any, ...]]
) -> None:
    vraagtekens = ", ".join("?" * len(kolommen))
    conn.executemany(f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({vraagtekens})", rijen)


def _vraag(backend: str, doel: str, sql: str, parameters: Sequence[Any]) -> None:
    """Run one query and write its rows to stdout."""
    if backend == "postgresql":
        sql = sql.replace("?", "%s")
    conn = _verbind(backend, doel)
    cur = conn.cursor()
    cur.execute(sql.encode() if backend == "postgresql" else sql, tuple(parameters))
    uit = sys.stdout
    for rij in cur:
        uit.write("\t".join("" if w is None else str(w) for w in rij) + "\n")
    conn.close()


def weasyprint_pdf(invoer: str, uit: str) -> None:
    """The same print HTML to PDF/A-3b with the same attachments, by WeasyPrint alone.

    The same base URL (the bundled stylesheets and fonts), PDF variant and attachments
    as the product; WeasyPrint's own URL fetcher (the document only refers to files
    under its base).
    """
    import os
    from pathlib import Path

    from weasyprint import HTML, Attachment

    bron = Path(invoer)
    bijlagen = sorted(p for p in (bron / "bijlagen").rglob("*") if p.is_file())
    document = HTML(
        filename=str(bron / "druk.html"), base_url=(bron / "middelen").as_uri() + "/"
    ).render()
    pdf = document.write_pdf(
        pdf_variant="pdf/a-3b",
        attachments=[
            Attachment(filename=str(p), name=p.relative_to(bron / "bijlagen").as_posix())
            for p in bijlagen
        ],
    )
    os.makedirs(uit, exist_ok=True)
    with open(os.path.join(uit, "dossier.pdf"), "wb") as f:
        f.write(pdf)
    print(f"{len(document.pages)} pagina's")


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "weasyprint":
        weasyprint_pdf(argv[1], argv[2])
        return 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    opdracht, backend, doel, *rest = argv
    onwaar = "0" if backend == "sqlite" else "false"
    if opdracht == "import":
        importeer(backend, doel, rest[0])
    elif opdracht == "overzicht":
        _vraag(
            backend,
            doel,
            "SELECT uitkomst, count(*) FROM klacht WHERE jaar = ? GROUP BY uitkomst",
            [int(rest[0])],
        )
    elif opdracht == "te-laat":
        limiet = f" LIMIT {int(rest[1])}" if len(rest) > 1 else ""
        _vraag(
            backend,
            doel,
            "SELECT kenmerk, ontvangen, kanaal, categorie, wijk, status, uiterste_datum, uitkomst "
            "FROM klacht WHERE (status = 'open' AND uiterste_datum < ?) "
            f"OR binnen_termijn = {onwaar} ORDER BY jaar, volgnummer{limiet}",
            [rest[0]],
        )
    elif opdracht == "termijnen":
        grens = date.fromisoformat(rest[0]) + timedelta(days=int(rest[1]))
        _vraag(
            backend,
            doel,
            "SELECT kenmerk, uiterste_datum FROM klacht "
            "WHERE status = 'open' AND uiterste_datum <= ? "
            "ORDER BY uiterste_datum, jaar, volgnummer",
            [grens.isoformat()],
        )
    elif opdracht == "dekking":
        _vraag(
            backend,
            doel,
            "SELECT n.ref, b.kenmerk, bv.versie, bv.ingangsdatum, bv.geldig_tot, o.waarde "
            "FROM norm n JOIN kaderversie v ON v.id = n.versie_id "
            "JOIN normkader k ON k.id = v.kader_id "
            "LEFT JOIN normkoppeling nk ON nk.norm_id = n.id "
            "LEFT JOIN bewijsstuk b ON b.id = nk.bewijsstuk_id "
            "LEFT JOIN bewijsversie bv ON bv.bewijsstuk_id = b.id AND bv.ingangsdatum <= ? "
            "LEFT JOIN oordeel o ON o.norm_id = n.id "
            "WHERE k.code = ? AND n.beoordeelbaar ORDER BY n.volgorde, b.volgnummer",
            [rest[1], rest[0]],
        )
    else:
        print(f"onbekende opdracht: {opdracht}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
