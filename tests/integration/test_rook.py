from __future__ import annotations

from collections.abc import Callable

from click.testing import Result

# The signature of the ``cli`` fixture in tests/conftest.py.
Cli = Callable[..., Result]


def test_registreren_en_tonen_via_de_cli(cli: Cli) -> None:
    r = cli(
        "klacht",
        "registreer",
        "--ontvangen",
        "14-03-2023",
        "--kanaal",
        "e-mail",
        "--omschrijving",
        "x",
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == "K-2023-0001"
    r = cli("klacht", "toon", "K-2023-0001", "--json")
    assert r.exit_code == 0, r.stderr
