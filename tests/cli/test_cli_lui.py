"""The lazily built command tree behaves exactly like the tree Typer builds at once.

``kwaliteit.cli`` knows the root's subcommands by name and short help only
(``OPDRACHTEN``) and builds a group, and within it a command, when it is used. These
tests build the same tree the ordinary way (``add_typer``/``command`` on one Typer app)
and compare names, help screens and short help texts, and check in a fresh interpreter
that a call builds only what it uses.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer
import typer.main
from typer._click import core as click_core
from typer.testing import CliRunner

from kwaliteit.cli import OPDRACHTEN, app
from kwaliteit.cli.lui import LuieOpdrachten

REPO = Path(__file__).resolve().parents[2]


def gewone_app() -> typer.Typer:
    """The tree as Typer builds it when everything is added to one app up front."""
    gewoon = typer.Typer(
        add_completion=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    gewoon.callback()(lambda: None)
    for naam, opdracht in OPDRACHTEN.items():
        doel = getattr(importlib.import_module(opdracht.module), opdracht.attribuut)
        if isinstance(doel, typer.Typer):
            gewoon.add_typer(doel, name=naam)
        else:
            gewoon.command(naam)(doel)
    return gewoon


GEWONE_APP = gewone_app()
GEWOON = typer.main.get_command(GEWONE_APP)
LUI = typer.main.get_command(app)


def paden(opdracht: click_core.Command, pad: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    uit = [pad]
    for naam in getattr(opdracht, "commands", {}):
        uit += paden(opdracht.commands[naam], (*pad, naam))  # type: ignore[attr-defined]
    return uit


def test_dezelfde_opdrachten_in_dezelfde_volgorde() -> None:
    assert paden(LUI) == paden(GEWOON)
    assert len(paden(LUI)) > 40


@pytest.mark.parametrize("limiet", [20, 45, 63, 200])
def test_korte_hulp_zonder_bouwen_is_die_van_de_opdracht(limiet: int) -> None:
    """What ``--help`` lists for a group equals the built commands' short help."""
    for pad in paden(GEWOON):
        gewoon: click_core.Command = GEWOON
        lui: click_core.Command = typer.main.get_command(app)  # a fresh, unbuilt tree
        for naam in pad:
            lui = lui.commands[naam]  # type: ignore[attr-defined]
            gewoon = gewoon.commands[naam]  # type: ignore[attr-defined]
        opdrachten = getattr(lui, "commands", None)
        if not isinstance(opdrachten, LuieOpdrachten):
            continue
        for naam in opdrachten:
            verwacht = gewoon.commands[naam].get_short_help_str(limiet)  # type: ignore[attr-defined]
            assert opdrachten.korte_hulp(naam, limiet) == verwacht, (pad, naam)


def test_hulpschermen_gelijk_aan_die_van_de_gewone_boom() -> None:
    runner = CliRunner()
    for pad in paden(GEWOON):
        args = [*pad, "--help"]
        lui = runner.invoke(app, args)
        gewoon = runner.invoke(GEWONE_APP, args, prog_name="kwaliteit")
        assert lui.exit_code == 0, (args, lui.output)
        # The root's own help text and options differ (the test app has no callback
        # options); below the root the screens must be identical.
        if pad:
            assert lui.output == gewoon.output, args
        else:
            assert lui.output.split("Opdrachten:")[1] == gewoon.output.split("Opdrachten:")[1]


def test_tikfout_krijgt_een_suggestie_zonder_alles_te_bouwen() -> None:
    uitkomst = CliRunner().invoke(app, ["klacht", "lijts"])
    assert uitkomst.exit_code == 2
    assert "Bedoelde u 'lijst'?" in uitkomst.output


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


def test_hoofdhulp_importeert_geen_opdrachtmodule() -> None:
    uit = draai(
        """
        import sys
        from kwaliteit.cli import main
        sys.argv = ["kwaliteit", "--help"]
        try:
            main()
        except SystemExit:
            pass
        print("\\nMODULES:" + ",".join(sorted(m for m in sys.modules
              if m.startswith("kwaliteit.cli.") and m not in ("kwaliteit.cli.gemeen",
              "kwaliteit.cli.lui", "kwaliteit.cli.nl", "kwaliteit.cli.omzetting"))))
        """
    )
    assert uit.splitlines()[-1] == "MODULES:"


def test_een_aanroep_bouwt_alleen_wat_hij_gebruikt() -> None:
    uit = draai(
        """
        import sys
        from kwaliteit.cli import app, main
        import typer.main
        sys.argv = ["kwaliteit", "klacht", "lijst", "--help"]
        try:
            main()
        except SystemExit:
            pass
        """
        # main() builds its own tree; inspect one built the same way.
        """
        wortel = typer.main.get_command(app)
        klacht = wortel.commands["klacht"]
        klacht.commands["lijst"]
        gebouwd = [n for n in klacht.commands if klacht.commands.is_gebouwd(n)]
        wortel_gebouwd = [n for n in wortel.commands if wortel.commands.is_gebouwd(n)]
        geladen = sorted(m for m in sys.modules if m in (
            "kwaliteit.cli.normen", "kwaliteit.cli.bewijs", "kwaliteit.cli.zorg",
            "kwaliteit.cli.dossier", "kwaliteit.cli.db", "kwaliteit.cli.toets"))
        print("\\n" + repr((gebouwd, wortel_gebouwd, geladen)))
        """
    )
    assert uit.splitlines()[-1] == repr((["lijst"], ["klacht"], []))
