"""Typer's own output (usage errors, help screens) is Dutch after installeer_nederlands()."""

from __future__ import annotations

import enum
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.core import MarkupMode
from typer.testing import CliRunner

from kwaliteit.cli import nl

REPO = Path(__file__).resolve().parents[2]

# "plain" renders help/errors with the vendored Click formatter, "rich" with rich panels.
MODI: dict[str, MarkupMode] = {"plain": None, "rich": "rich"}

ENGELS = (
    "Usage:",
    "Error",
    "Try '",
    "for help",
    "No such option",
    "Missing option",
    "Missing argument",
    "Missing command",
    "No such command",
    "Did you mean",
    "Invalid value",
    "Got unexpected",
    "Input should",
    "is not one of",
    "Value error",
    "Options",
    "Commands",
    "Arguments",
    "Show this message and exit",
    "[default:",
    "[required]",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "int range",
    "Install completion",
    "Show completion",
)

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
KADER = re.compile(r"[│╭╮╰╯─]")


class Kleur(enum.StrEnum):
    rood = "rood"
    groen = "groen"


def maak_app(markup: MarkupMode) -> typer.Typer:
    # rich_markup_mode=None selects the plain formatter, "rich" the rich panels.
    app = typer.Typer(rich_markup_mode=markup)
    beheer = typer.Typer(rich_markup_mode=markup, help="Beheertaken.")
    app.add_typer(beheer, name="beheer")

    @app.command()
    def registreer(
        naam: Annotated[str, typer.Option(help="Naam van de melder.")],
        aantal: Annotated[int, typer.Option(help="Aantal meldingen.", show_default=True)] = 3,
        kleur: Annotated[Kleur, typer.Option(help="Labelkleur.")] = Kleur.rood,
    ) -> None:
        """Registreer een klacht."""
        typer.echo(f"{naam} {aantal} {kleur.value}")

    @beheer.command()
    def toon(
        nummer: Annotated[str, typer.Argument(help="Klachtnummer.")],
        niveau: Annotated[int, typer.Option(min=0, max=5)] = 1,
    ) -> None:
        """Toon een klacht."""
        typer.echo(f"{nummer} {niveau}")

    return app


@pytest.fixture(autouse=True)
def _nederlands() -> None:
    nl.installeer_nederlands()


def draai(markup: MarkupMode, *args: str) -> tuple[int, str]:
    resultaat = CliRunner().invoke(maak_app(markup), list(args))
    # Strip colours (FORCE_COLOR in CI) and rich's box drawing, then unwrap lines, so
    # assertions do not depend on terminal width.
    tekst = KADER.sub(" ", ANSI.sub("", resultaat.output))
    return resultaat.exit_code, " ".join(tekst.split())


def geen_engels(tekst: str) -> None:
    gevonden = [woord for woord in ENGELS if woord in tekst]
    assert not gevonden, f"Engelse tekst {gevonden} in: {tekst}"


def fout_kop(markup: MarkupMode) -> str:
    # Plain errors start with "Fout: ", rich errors sit in a panel titled "Fout".
    return "Fout: " if markup is None else "Fout "


@pytest.fixture(params=list(MODI.values()), ids=list(MODI))
def markup(request: pytest.FixtureRequest) -> MarkupMode:
    waarde: MarkupMode = request.param
    return waarde


def test_onbekende_optie(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "a", "--bla")
    assert code == 2
    assert "Gebruik: root registreer [OPTIES]" in tekst
    assert "Probeer 'root registreer --help' voor hulp." in tekst
    assert f"{fout_kop(markup)}Onbekende optie: --bla" in tekst
    geen_engels(tekst)


def test_onbekende_optie_met_suggestie(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "a", "--aantl", "4")
    assert code == 2
    assert "Onbekende optie: --aantl (Mogelijke opties: --aantal" in tekst
    geen_engels(tekst)


def test_ontbrekende_optie(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer")
    assert code == 2
    assert f"{fout_kop(markup)}Optie '--naam' ontbreekt." in tekst
    geen_engels(tekst)


def test_ontbrekend_argument(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "beheer", "toon")
    assert code == 2
    assert "Gebruik: root beheer toon [OPTIES] {nummer}" in tekst
    assert "Argument 'nummer' ontbreekt." in tekst
    geen_engels(tekst)


def test_optie_zonder_waarde(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam")
    assert code == 2
    assert "Optie '--naam' verwacht een waarde." in tekst
    geen_engels(tekst)


def test_ongeldig_getal(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "a", "--aantal", "veel")
    assert code == 2
    assert "Ongeldige waarde voor '--aantal': Invoer moet een geheel getal zijn." in tekst
    geen_engels(tekst)


def test_getal_buiten_bereik(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "beheer", "toon", "K-1", "--niveau", "9")
    assert code == 2
    assert "Invoer moet kleiner dan of gelijk aan 5 zijn." in tekst
    geen_engels(tekst)


def test_ongeldige_keuze(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "a", "--kleur", "blauw")
    assert code == 2
    assert (
        "Ongeldige waarde voor '--kleur': 'blauw' is geen geldige keuze; "
        "kies uit 'rood', 'groen'." in tekst
    )
    geen_engels(tekst)


def test_extra_argument(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "a", "over")
    assert code == 2
    assert "Onverwacht(e) extra argument(en) (over)" in tekst
    geen_engels(tekst)


def test_onbekende_opdracht_met_suggestie(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registrer")
    assert code == 2
    assert "Onbekende opdracht 'registrer'. Bedoelde u 'registreer'?" in tekst
    geen_engels(tekst)


def test_ontbrekende_opdracht(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "beheer")
    assert code == 2
    assert "Gebruik: root beheer [OPTIES] OPDRACHT [ARGUMENTEN]..." in tekst
    assert "Opdracht ontbreekt." in tekst
    geen_engels(tekst)


def test_geldige_aanroep_werkt_nog(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--naam", "Jan", "--kleur", "groen")
    assert code == 0
    assert tekst == "Jan 3 groen"


def test_hulp_hoofdniveau(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "--help")
    assert code == 0
    assert "Gebruik: root [OPTIES] OPDRACHT [ARGUMENTEN]..." in tekst
    assert "Opties" in tekst
    assert "Opdrachten" in tekst
    assert "Toon deze hulp en stop." in tekst
    assert "Installeer tab-aanvulling voor de huidige shell." in tekst
    geen_engels(tekst)


def test_hulp_subopdracht(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "registreer", "--help")
    assert code == 0
    assert "Gebruik: root registreer [OPTIES]" in tekst
    assert "Registreer een klacht." in tekst
    assert "verplicht" in tekst
    assert "standaard: 3" in tekst
    assert "<rood|groen>" in tekst
    assert "Toon deze hulp en stop." in tekst
    geen_engels(tekst)


def test_hulp_in_groep(markup: MarkupMode) -> None:
    code, tekst = draai(markup, "beheer", "toon", "--help")
    assert code == 0
    assert "Argumenten" in tekst
    assert "<int bereik>" in tekst
    geen_engels(tekst)


def test_installeren_is_idempotent() -> None:
    voor = draai(None, "registreer", "--help")
    nl.installeer_nederlands()
    nl.installeer_nederlands()
    assert draai(None, "registreer", "--help") == voor
    assert sum(type(v).__name__ == "_RichUtilsVinder" for v in sys.meta_path) == 1


@pytest.mark.parametrize(
    ("engels", "nederlands"),
    [
        ("Option '--x' requires 2 arguments.", "Optie '--x' verwacht 2 waarden."),
        ("Argument 'a' takes 2 values.", "Argument 'a' verwacht 2 waarden."),
        ("path '/nergens' does not exist.", "Pad '/nergens' bestaat niet."),
        ("file 'x.txt' is not readable.", "Bestand 'x.txt' is niet leesbaar."),
        ("Input should be a valid boolean, unable to interpret input", "Invoer moet ja of"),
        ("Input should be greater than or equal to 1", "Invoer moet groter dan of gelijk"),
        # A project's own (Dutch) parser errors lose pydantic's English prefix.
        ("Value error, Ongeldig dossiernummer.", "Ongeldig dossiernummer."),
        # Unknown and already-Dutch messages pass through unchanged.
        ("Klacht 12 bestaat niet.", "Klacht 12 bestaat niet."),
    ],
)
def test_vertaal_melding(engels: str, nederlands: str) -> None:
    assert nl.vertaal_melding(engels).startswith(nederlands)


def test_installeren_laadt_geen_rich() -> None:
    # Fresh interpreter: installing must not import rich; Typer's lazy import of
    # typer.rich_utils must still get the Dutch constants.
    code = textwrap.dedent(
        """
        import sys
        from kwaliteit.cli import nl
        nl.installeer_nederlands()
        geladen = sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))
        assert not geladen, geladen
        assert "typer.rich_utils" not in sys.modules
        from typer import rich_utils
        assert rich_utils.OPTIONS_PANEL_TITLE == "Opties", rich_utils.OPTIONS_PANEL_TITLE
        assert rich_utils.REQUIRED_LONG_STRING == "[verplicht]"
        assert rich_utils.DEFAULT_STRING.format(3) == "[standaard: 3]"
        assert "voor hulp" in rich_utils.RICH_HELP
        print("ok")
        """
    )
    omgeving = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path])}
    uitkomst = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.strip() == "ok"
