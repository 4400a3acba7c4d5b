"""Help texts: Dutch, with an example for every command, and cheap to show.

``--help`` must not load the database layer or rich, so ``kwaliteit.cli``
imports only Click and the standard library at module level.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from enum import StrEnum
from pathlib import Path

import click
import pytest
from boom import opdrachten as boom
from click.testing import CliRunner

from klachten import waarden
from klachten.velden import REGISTRATIEVELDEN, Veld
from kwaliteit import __version__
from kwaliteit.cli import app
from kwaliteit.cli import klacht as klacht_cli
from kwaliteit.keuzes import keuzes

REPO = Path(__file__).resolve().parents[2]

ENGELS = (
    "Show this message",
    "Usage:",
    "Options",
    "Arguments",
    "Commands",
    "[default:",
    "[required]",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "Install completion",
    "Show completion",
    "Error",
    # Click's metavars for options without one of their own
    " TEXT",
    " INTEGER",
    " PATH",
    " FILENAME",
    " DIRECTORY",
    " FLOAT",
    " BOOLEAN",
    "RANGE",
    "CHOICE",
)

ZWARE_MODULES = (
    "sqlalchemy",
    "alembic",
    "weasyprint",
    "rich",
    "jinja2",
    "pypdf",
    "yaml",
    "pydantic",
)


ALLE = list(boom())
BLADEREN = [(pad, c) for pad, c in ALLE if not isinstance(c, click.Group)]
NAMEN = [" ".join(pad) or "kwaliteit" for pad, _ in ALLE]


def test_alle_opdrachten_gevonden() -> None:
    paden = {" ".join(pad) for pad, _ in BLADEREN}
    for verwacht in (
        "klacht registreer",
        "klacht bevestig",
        "klacht afschrift",
        "klacht hoor",
        "klacht wijs-toe",
        "klacht verdaag",
        "klacht sluit",
        "klacht heropen",
        "klacht ombudsman",
        "klacht lijst",
        "klacht toon",
        "klacht termijnen",
        "klacht overzicht",
        "klacht opschonen",
        "klacht importeer",
        "klacht exporteer",
        "db status",
        "db upgrade",
        "audit controleer",
    ):
        assert verwacht in paden


@pytest.mark.parametrize(("pad", "opdracht"), BLADEREN, ids=[" ".join(p) for p, _ in BLADEREN])
def test_elke_opdracht_heeft_een_voorbeeld(pad: tuple[str, ...], opdracht: object) -> None:
    hulp = getattr(opdracht, "help", None) or ""
    assert "Voorbeeld" in hulp, f"{' '.join(pad)}: geen 'Voorbeeld' in de hulptekst"
    assert f"kwaliteit {' '.join(pad)}" in hulp, "het voorbeeld noemt de opdracht zelf niet"
    kort = getattr(opdracht, "short_help", None) or hulp.splitlines()[0]
    assert kort.strip()


@pytest.mark.parametrize(("pad", "opdracht"), ALLE, ids=NAMEN)
def test_elke_optie_heeft_een_hulptekst(pad: tuple[str, ...], opdracht: click.Command) -> None:
    for param in opdracht.params:
        # Click arguments have no help of their own: the command's docstring names them.
        if param.name in ("help",) or isinstance(param, click.Argument):
            continue
        assert getattr(param, "help", None), f"{' '.join(pad)}: {param.name} zonder hulptekst"


@pytest.mark.parametrize(("pad", "opdracht"), ALLE, ids=NAMEN)
def test_hulp_is_nederlands(pad: tuple[str, ...], opdracht: object) -> None:
    for optie in ("--help", "-h"):
        r = CliRunner().invoke(app, [*pad, optie])
        assert r.exit_code == 0, r.stdout + r.stderr
        assert r.stderr == ""
        tekst = r.stdout
        for engels in ENGELS:
            assert engels not in tekst, f"{engels!r} in de hulp van {' '.join(pad)}"
        assert tekst.startswith("Gebruik: ")
        assert "Opties:" in tekst
        assert "Toon deze hulp en stop." in tekst
        if isinstance(opdracht, click.Group):
            assert "Opdrachten:" in tekst
        else:
            assert "Voorbeeld" in tekst


def test_groep_zonder_opdracht_toont_hulp() -> None:
    for pad in ([], ["klacht"], ["db"], ["audit"]):
        r = CliRunner().invoke(app, pad)
        tekst = r.stdout + r.stderr
        assert "Gebruik: " in tekst
        assert "Opdrachten:" in tekst
        for engels in ENGELS:
            assert engels not in tekst


# -- the help texts name exactly the vocabularies -----------------------------------------


@pytest.mark.parametrize(("constante", "soort"), [("UITKOMSTEN", waarden.Uitkomst)])
def test_hulpconstanten_noemen_precies_de_waarden(constante: str, soort: type[StrEnum]) -> None:
    tekst = getattr(klacht_cli, constante)
    assert tekst == keuzes(soort)
    genoemd = tekst.replace(" of ", ", ").split(", ")
    assert genoemd == [lid.value for lid in soort]


@pytest.mark.parametrize(
    "veld", [v for v in REGISTRATIEVELDEN if v.woordenlijst is not None], ids=lambda v: v.naam
)
def test_registratievelden_noemen_precies_de_waarden_van_de_wet(veld: Veld) -> None:
    assert veld.woordenlijst is not None
    assert veld.keuzehulp() == f"{veld.hulp}: {keuzes(veld.woordenlijst)}."


def test_hulp_van_registreer_en_sluit_noemt_de_waarden() -> None:
    r = CliRunner().invoke(app, ["klacht", "registreer", "--help"], terminal_width=1000)
    platte = " ".join(r.stdout.split())
    for veld in REGISTRATIEVELDEN:
        if veld.woordenlijst is not None:
            assert f"{veld.optie} {veld.metavar} {veld.keuzehulp()}" in platte
        if veld.profiellijst is not None:
            # The organisation's own words are not in the help: they come from its profile.
            assert f"{veld.optie} {veld.metavar} {veld.hulp}" in platte
            assert "organisatieprofiel" in veld.hulp
    for woord in ("Nieuwland", "Noordrand", "dienstverlening"):
        assert woord not in platte
    r = CliRunner().invoke(app, ["klacht", "sluit", "--help"], terminal_width=1000)
    assert klacht_cli.UITKOMSTEN in " ".join(r.stdout.split())


# -- in a fresh process ---------------------------------------------------------------------


def draai(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path])}
    omgeving.pop("KWALITEIT_DATABASE_URL", None)
    opdracht = [sys.executable, "-c", code] if code is not None else [sys.executable, *args]
    return subprocess.run(
        opdracht,
        cwd=REPO,
        env=omgeving,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_versie_in_een_apart_proces() -> None:
    for optie in ("--version", "--versie"):
        uitkomst = draai("-m", "kwaliteit", optie)
        assert uitkomst.returncode == 0, uitkomst.stderr
        assert uitkomst.stdout.strip() == f"kwaliteit {__version__}"
        assert uitkomst.stderr == ""


def test_hulp_in_een_apart_proces() -> None:
    uitkomst = draai("-m", "kwaliteit", "klacht", "registreer", "--help")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.startswith("Gebruik: ")
    assert "Voorbeeld" in uitkomst.stdout
    for engels in ENGELS:
        assert engels not in uitkomst.stdout


def test_import_van_de_cli_laadt_geen_zware_modules() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import kwaliteit.cli

        zwaar = {ZWARE_MODULES!r}
        geladen = sorted(
            m for m in sys.modules if m in zwaar or m.startswith(tuple(z + "." for z in zwaar))
        )
        print(",".join(geladen) or "geen")
        """
    )
    uitkomst = draai(code=code)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.strip() == "geen"


@pytest.mark.parametrize(
    "args", [["--help"], ["klacht", "--help"], ["klacht", "registreer", "--help"], ["--version"]]
)
def test_hulp_laadt_geen_zware_modules(args: list[str]) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from kwaliteit.cli import main

        sys.argv = ["kwaliteit", *{args!r}]
        try:
            main()
        except SystemExit as e:
            assert e.code in (0, None), e.code
        zwaar = {ZWARE_MODULES!r}
        geladen = sorted(
            m for m in sys.modules if m in zwaar or m.startswith(tuple(z + "." for z in zwaar))
        )
        print("GELADEN:" + (",".join(geladen) or "geen"), file=sys.stderr)
        """
    )
    uitkomst = draai(code=code)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stderr.strip().splitlines()[-1] == "GELADEN:geen"
