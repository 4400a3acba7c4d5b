"""Each registration field is described once (klachten.velden), and everything agrees with it.

The database's CHECK constraints (as the migrations made them) allow exactly the
vocabulary the code fixes; the organisation's own lists have no CHECK at all (they live
in the profile); the CLI options, the CSV columns and the JSON keys are the table's.
"""

from __future__ import annotations

import json
import re
from typing import Any

import click
import pytest
from sqlalchemy import text

from klachten.uitwisseling import EXPORTKOLOMMEN, REGISTRATIEKOLOMMEN, VERPLICHT
from klachten.velden import IMPORTKOLOMMEN, REGISTRATIEVELDEN, WIJZIGBARE_VELDEN, Veld
from kwaliteit.cli import klacht as klacht_cli
from kwaliteit.db import Database


def check_waarden(db: Database, kolom: str) -> set[str] | None:
    """The values the database's CHECK on klacht.<kolom> allows (None: no CHECK)."""
    with db.engine.connect() as c:
        if db.is_sqlite:
            ddl = c.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'klacht'")
            ).scalar_one()
            m = re.search(rf"CONSTRAINT ck_klacht_{kolom} CHECK \(([^)]*)\)", ddl)
            bron = m.group(1) if m else None
        else:
            bron = c.execute(
                text(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conname = :naam AND conrelid = 'klacht'::regclass"
                ),
                {"naam": f"ck_klacht_{kolom}"},
            ).scalar_one_or_none()
    if bron is None:
        return None
    return set(re.findall(r"'((?:[^']|'')*)'", bron))


VOCABULAIRE = [v for v in REGISTRATIEVELDEN if v.woordenlijst is not None]
PROFIELLIJSTEN = [v for v in REGISTRATIEVELDEN if v.profiellijst is not None]


@pytest.mark.parametrize("veld", VOCABULAIRE, ids=lambda v: v.naam)
def test_de_database_staat_precies_de_woordenlijst_toe(db: Database, veld: Veld) -> None:
    assert veld.woordenlijst is not None
    assert check_waarden(db, veld.naam) == {w.value for w in veld.woordenlijst}


@pytest.mark.parametrize("veld", PROFIELLIJSTEN, ids=lambda v: v.naam)
def test_de_lijsten_van_het_profiel_hebben_geen_check(db: Database, veld: Veld) -> None:
    assert check_waarden(db, veld.naam) is None


def test_de_cli_opties_zijn_die_van_de_tabel() -> None:
    registreer = klacht_cli.app.commands["registreer"]
    wijzig = klacht_cli.app.commands["wijzig"]

    def opties(opdracht: click.Command) -> list[str]:
        return [
            o.opts[0] for o in opdracht.params if isinstance(o, click.Option) and o.name != "help"
        ]

    assert opties(registreer) == [v.optie for v in REGISTRATIEVELDEN]
    assert opties(wijzig) == [v.optie for v in WIJZIGBARE_VELDEN]
    verplicht = {o.opts[0] for o in registreer.params if isinstance(o, click.Option) and o.required}
    assert verplicht == {v.optie for v in REGISTRATIEVELDEN if v.verplicht}
    assert not any(o.required for o in wijzig.params if isinstance(o, click.Option))


def test_de_csv_kolommen_zijn_die_van_de_tabel() -> None:
    assert (
        REGISTRATIEKOLOMMEN == IMPORTKOLOMMEN == ("kenmerk", *(v.kolom for v in REGISTRATIEVELDEN))
    )
    assert tuple(v.kolom for v in REGISTRATIEVELDEN if v.verplicht) == VERPLICHT
    # The export has every registration field except the klager's personal data.
    persoonlijk = {v.kolom for v in REGISTRATIEVELDEN if v.klager}
    assert set(IMPORTKOLOMMEN) - persoonlijk <= set(EXPORTKOLOMMEN)
    assert not persoonlijk & set(EXPORTKOLOMMEN)


def test_klacht_toon_json_heeft_elk_veld(cli: Any) -> None:
    r = cli("klacht", "registreer", "--ontvangen", "01-03-2023", "--kanaal", "brief",
            "--omschrijving", "x", "--klager-naam", "A. Klager", "--klager-contact", "adres",
            vandaag="2023-03-02")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    met = json.loads(cli("klacht", "toon", "K-2023-0001", "--json", "--met-klager").stdout)
    zonder = json.loads(cli("klacht", "toon", "K-2023-0001", "--json").stdout)
    for v in REGISTRATIEVELDEN:
        if v.klager:
            assert v.naam not in zonder
            assert v.naam.removeprefix("klager_") in met["klager"]
        else:
            assert v.naam in zonder, v.naam
