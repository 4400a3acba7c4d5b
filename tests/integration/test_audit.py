"""The audit chain: tampering directly in the database is detected and named."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

import pytest
from click.testing import Result
from sqlalchemy import select, text

from klachten import diensten
from klachten.invoer import NieuweKlacht
from klachten.waarden import Kanaal
from kwaliteit.audit import AuditGebeurtenis, KetenRapport, bereken_hash, controleer_keten
from kwaliteit.db import Database
from kwaliteit.eenheid import Werkeenheid

# The signature of the ``cli`` fixture in tests/conftest.py.
Cli = Callable[..., Result]

Werk = Callable[..., AbstractContextManager[Werkeenheid]]


@pytest.fixture
def keten(werk: Werk) -> int:
    """Five audit events from three commands; returns their number."""
    with werk(op=date(2023, 3, 14), door="m.bakker") as w:
        for dag in (13, 14):
            diensten.registreer(
                w,
                NieuweKlacht(
                    ontvangen=date(2023, 3, dag), kanaal=Kanaal.EMAIL, omschrijving="klacht"
                ),
            )
    with werk(op=date(2023, 3, 15), door="s.yilmaz") as w:
        diensten.bevestig(w, "K-2023-0001", None)
        diensten.bevestig(w, "K-2023-0002", None)
    with werk(op=date(2023, 3, 16), door="m.bakker") as w:
        diensten.wijs_toe(w, "K-2023-0001", "A. Jansen")
    return 5


def rapport(werk: Werk) -> KetenRapport:
    with werk(schrijven=False) as w:
        return controleer_keten(w.sessie)


def sql(db: Database, opdracht: str, **parameters: object) -> None:
    """Change the database behind the program's back, as a tamperer would."""
    with db.engine.begin() as conn:
        conn.execute(text(opdracht), parameters)


def test_een_lege_keten_is_in_orde(werk: Werk) -> None:
    r = rapport(werk)
    assert (r.in_orde, r.aantal, r.eerste_fout, r.reden) == (True, 0, None, None)


def test_een_verse_keten_is_in_orde(werk: Werk, keten: int) -> None:
    r = rapport(werk)
    assert r.in_orde
    assert (r.aantal, r.eerste_fout) == (keten, None)


def test_de_cli_meldt_een_ongeschonden_keten(cli: Cli, keten: int) -> None:
    r = cli("audit", "controleer")
    assert r.exit_code == 0, r.stderr
    assert f"ongeschonden: {keten} gebeurtenissen" in r.stdout


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("door", "iemand anders"),
        ("actie", "sluit"),
        ("sleutel", "K-2023-0009"),
        ("na", '{"kenmerk":"K-2023-0002","status":"gesloten"}'),
        ("tijdstip", "2020-01-01 12:00:00.000000"),
    ],
)
def test_een_gewijzigd_veld_wordt_ontdekt_bij_die_gebeurtenis(
    werk: Werk, db: Database, keten: int, veld: str, waarde: str
) -> None:
    if veld == "tijdstip" and not db.is_sqlite:
        sql(
            db,
            "UPDATE audit_gebeurtenis SET tijdstip = tijdstip - interval '1 day' WHERE volgnummer = 3",
        )
    else:
        sql(db, f"UPDATE audit_gebeurtenis SET {veld} = :w WHERE volgnummer = 3", w=waarde)

    r = rapport(werk)
    assert not r.in_orde
    assert r.eerste_fout == 3
    assert r.reden is not None
    assert "inhoud is gewijzigd" in r.reden


def test_een_gewijzigde_gebeurtenis_met_herberekende_hash_valt_op_bij_de_volgende(
    werk: Werk, db: Database, keten: int
) -> None:
    # A tamperer who also recomputes the hash of the event they changed breaks
    # the link from the next event to it.
    with werk(schrijven=False) as w:
        g = w.sessie.execute(
            select(AuditGebeurtenis).where(AuditGebeurtenis.volgnummer == 2)
        ).scalar_one()
        nieuwe_hash = bereken_hash(
            volgnummer=g.volgnummer,
            tijdstip=g.tijdstip,
            door="iemand anders",
            onderwerp=g.onderwerp,
            sleutel=g.sleutel,
            actie=g.actie,
            voor=g.voor,
            na=g.na,
            vorige_hash=g.vorige_hash,
        )
    sql(
        db,
        "UPDATE audit_gebeurtenis SET door = 'iemand anders', hash = :h WHERE volgnummer = 2",
        h=nieuwe_hash,
    )

    r = rapport(werk)
    assert r.eerste_fout == 3
    assert r.reden is not None
    assert "vorige gebeurtenis" in r.reden


def test_een_verwijderde_gebeurtenis_in_het_midden_wordt_ontdekt(
    werk: Werk, db: Database, keten: int
) -> None:
    sql(db, "DELETE FROM audit_gebeurtenis WHERE volgnummer = 3")

    r = rapport(werk)
    assert not r.in_orde
    assert r.eerste_fout == 3
    assert r.reden is not None
    assert "ontbreekt" in r.reden


def test_twee_verwisselde_gebeurtenissen_worden_ontdekt(
    werk: Werk, db: Database, keten: int
) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = -1 WHERE volgnummer = 2"))
        conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = 2 WHERE volgnummer = 4"))
        conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = 4 WHERE volgnummer = -1"))

    r = rapport(werk)
    assert not r.in_orde
    assert r.eerste_fout == 2


def test_nieuwe_gebeurtenissen_na_een_breuk_herstellen_de_keten_niet(
    werk: Werk, db: Database, keten: int
) -> None:
    sql(db, "UPDATE audit_gebeurtenis SET door = 'iemand anders' WHERE volgnummer = 1")
    with werk(op=date(2023, 3, 20)) as w:
        diensten.wijs_toe(w, "K-2023-0002", "B. de Groot")

    r = rapport(werk)
    assert r.eerste_fout == 1


@pytest.mark.parametrize("manier", ["wijzigen", "verwijderen", "verwisselen"])
def test_de_cli_stopt_met_exitcode_1_en_noemt_de_eerste_gebroken_gebeurtenis(
    cli: Cli, db: Database, keten: int, manier: str
) -> None:
    if manier == "wijzigen":
        sql(db, "UPDATE audit_gebeurtenis SET na = NULL WHERE volgnummer = 4")
    elif manier == "verwijderen":
        sql(db, "DELETE FROM audit_gebeurtenis WHERE volgnummer = 4")
    else:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = -1 WHERE volgnummer = 4"))
            conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = 4 WHERE volgnummer = 5"))
            conn.execute(text("UPDATE audit_gebeurtenis SET volgnummer = 5 WHERE volgnummer = -1"))

    r = cli("audit", "controleer")
    assert r.exit_code == 1
    assert "gebroken bij gebeurtenis 4" in r.stderr
    assert "Traceback" not in r.output

    r = cli("audit", "controleer", "--json")
    assert r.exit_code == 1
    uitvoer = json.loads(r.stdout)
    assert uitvoer["in_orde"] is False
    assert uitvoer["eerste_fout"] == 4
    assert uitvoer["reden"]
