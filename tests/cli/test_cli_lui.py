"""The lazily loaded root behaves exactly like a root that loads every group up front.

``kwaliteit.cli`` knows the root's subcommands by module and short help only
(``OPDRACHTEN``) and imports a group when it is used. These tests build the same tree the
ordinary way (every group added to one Click group up front) and compare names, help
screens and short help texts, and check in a fresh interpreter that a call imports only
what it uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from boom import opdrachten
from click.testing import CliRunner

from kwaliteit.cli import OPDRACHTEN, app
from kwaliteit.cli.lui import Groep

REPO = Path(__file__).resolve().parents[2]


def gewone_wortel() -> click.Group:
    """The tree as Click builds it when every group is added to the root up front."""
    wortel = Groep("kwaliteit", context_settings={"help_option_names": ["-h", "--help"]})
    for naam, verwijzing in OPDRACHTEN.items():
        wortel.add_command(verwijzing.laad(), naam)
    return wortel


GEWOON = gewone_wortel()


def test_dezelfde_opdrachten_in_dezelfde_volgorde() -> None:
    lui = [pad for pad, _ in opdrachten(app)]
    assert lui == [pad for pad, _ in opdrachten(GEWOON)]
    assert len(lui) > 40


@pytest.mark.parametrize("limiet", [20, 45, 63, 200])
def test_korte_hulp_zonder_laden_is_die_van_de_opdracht(limiet: int) -> None:
    """What the root's ``--help`` lists equals the loaded commands' short help."""
    for naam, verwijzing in OPDRACHTEN.items():
        echt = verwijzing.laad().get_short_help_str(limiet)
        plaatsvervanger = click.Command(naam, help=verwijzing.kort).get_short_help_str(limiet)
        assert plaatsvervanger == echt, naam


def test_hulpschermen_gelijk_aan_die_van_de_gewone_boom() -> None:
    runner = CliRunner()
    for pad, _ in opdrachten(GEWOON):
        args = [*pad, "--help"]
        lui = runner.invoke(app, args, prog_name="kwaliteit")
        gewoon = runner.invoke(GEWOON, args, prog_name="kwaliteit")
        assert lui.exit_code == 0, (args, lui.output)
        # The root's own help text and options differ (the test root has no options);
        # below the root the screens must be identical.
        if pad:
            assert lui.output == gewoon.output, args
        else:
            assert lui.output.split("Opdrachten:")[1] == gewoon.output.split("Opdrachten:")[1]


def test_tikfout_in_een_opdracht_geeft_een_nederlandse_melding() -> None:
    # Click 8.3 and later add a suggestion (also for a lazily loaded root); 8.2 does not.
    for args, naam, suggestie in (
        (["klacht", "lijts"], "lijts", "lijst"),
        (["klaht"], "klaht", "klacht"),
    ):
        uitkomst = CliRunner().invoke(app, args)
        assert uitkomst.exit_code == 2
        assert f"Fout: Onbekende opdracht '{naam}'." in uitkomst.output
        assert "Did you mean" not in uitkomst.output
        if "Bedoelde" in uitkomst.output:
            assert f"Bedoelde u '{suggestie}'?" in uitkomst.output


def draai(code: str) -> str:
    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path])}
    omgeving.pop("KWALITEIT_DATABASE_URL", None)
    p = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert p.returncode == 0, p.stderr
    return p.stdout.strip()


BASIS = (
    "kwaliteit.cli.gemeen",
    "kwaliteit.cli.lui",
    "kwaliteit.cli.taal",
    "kwaliteit.cli.voortgang",
)


def test_hoofdhulp_importeert_geen_opdrachtmodule() -> None:
    uit = draai(
        f"""
        import sys
        from kwaliteit.cli import main
        sys.argv = ["kwaliteit", "--help"]
        try:
            main()
        except SystemExit:
            pass
        print("\\nMODULES:" + ",".join(sorted(m for m in sys.modules
              if m.startswith("kwaliteit.cli.") and m not in {BASIS!r})))
        """
    )
    assert uit.splitlines()[-1] == "MODULES:"


def test_een_aanroep_importeert_alleen_wat_hij_gebruikt() -> None:
    uit = draai(
        f"""
        import sys
        from kwaliteit.cli import main
        sys.argv = ["kwaliteit", "klacht", "lijst", "--help"]
        try:
            main()
        except SystemExit:
            pass
        print("\\nMODULES:" + ",".join(sorted(m for m in sys.modules
              if m.startswith("kwaliteit.cli.") and m not in {BASIS!r})))
        """
    )
    assert uit.splitlines()[-1] == "MODULES:kwaliteit.cli.klacht"
