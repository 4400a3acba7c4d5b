"""Click's own output (usage errors, help screens) is Dutch: the catalogue and its binding.

Click passes each message it makes through gettext; ``kwaliteit.cli.taal`` binds the
Dutch catalogue ``nl.po``. These tests read the msgids from the source of the Click that
is installed (so an upgrade that adds a message fails here), check that each has a Dutch
translation with the same placeholders (a missing one would raise KeyError at
``.format``), and drive a small Click app and the real program through every kind of
usage error.
"""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import polib
import pytest
from click.testing import CliRunner

from kwaliteit.cli import taal
from kwaliteit.cli.gemeen import Geheel
from kwaliteit.cli.lui import Groep

REPO = Path(__file__).resolve().parents[2]

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
    "is not one of",
    "is not a valid",
    "is not in the range",
    "does not exist",
    "requires an argument",
    "Options",
    "Commands",
    "Arguments",
    "Show this message and exit",
    "[default:",
    "[required]",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "integer",
)


def click_msgids() -> set[tuple[str, ...]]:
    """(msgid,) or (msgid, msgid_plural) of every gettext call in the installed Click."""
    ids: set[tuple[str, ...]] = set()
    for pad in sorted(Path(click.__file__).parent.glob("*.py")):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name)):
                continue
            n = {"_": 1, "ngettext": 2}.get(knoop.func.id)
            if n is None:
                continue
            teksten = [
                a.value
                for a in knoop.args[:n]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if len(teksten) == n:
                ids.add(tuple(teksten))
    return ids


CATALOGUS = polib.pofile(str(taal.CATALOGUS))
# gettext finds a translation by its (singular) msgid, plural forms included.
VERTAALD = {e.msgid: e for e in CATALOGUS if not e.obsolete}


def velden(tekst: str) -> set[str]:
    return {veld for _, veld, _, _ in string.Formatter().parse(tekst) if veld is not None}


def test_de_geinstalleerde_click_heeft_meldingen() -> None:
    # Guards the extraction itself: if Click stopped using gettext, the test below
    # would pass vacuously.
    ids = click_msgids()
    assert ("Usage:",) in ids
    assert len(ids) > 50


@pytest.mark.parametrize("msgid", sorted(click_msgids()), ids=lambda m: m[0][:40])
def test_elke_melding_van_click_heeft_een_vertaling(msgid: tuple[str, ...]) -> None:
    assert msgid[0] in VERTAALD, f"geen vertaling voor {msgid!r} in {taal.CATALOGUS.name}"
    ingang = VERTAALD[msgid[0]]
    assert bool(ingang.msgid_plural) == (len(msgid) == 2), msgid
    if len(msgid) == 1:
        vertalingen = [ingang.msgstr]
        bronnen = [msgid[0]]
    else:
        vertalingen = [ingang.msgstr_plural[0], ingang.msgstr_plural[1]]
        bronnen = list(msgid)
    for bron, vertaling in zip(bronnen, vertalingen, strict=True):
        assert vertaling.strip(), msgid
        # str.format placeholders must survive, or Click's .format() raises KeyError.
        assert velden(vertaling) <= velden(bron) | velden(msgid[0]), (bron, vertaling)
        # %-style placeholders (the version option) too.
        assert re.findall(r"%\(\w+\)s", vertaling) == re.findall(r"%\(\w+\)s", bron)


def test_elke_vertaling_in_de_catalogus_is_compleet() -> None:
    for ingang in CATALOGUS:
        if ingang.msgid == "":
            continue
        assert ingang.translated(), ingang.msgid
        assert not ingang.fuzzy, ingang.msgid


# -- a small app through every kind of usage error ------------------------------------------


@click.group(cls=Groep, context_settings={"help_option_names": ["-h", "--help"]})
def proef() -> None:
    """Proefprogramma."""


@proef.command()
@click.argument("kenmerk", metavar="KENMERK")
@click.option("--naam", metavar="NAAM", required=True, help="Naam van de melder.")
@click.option("--aantal", metavar="AANTAL", type=Geheel(1, 10), default=3, help="Aantal.")
@click.option("--kleur", type=click.Choice(["rood", "groen"]), default="rood", help="Kleur.")
@click.option("--bestand", metavar="BESTAND", type=click.Path(exists=True), help="Bestand.")
def registreer(kenmerk: str, naam: str, aantal: int, kleur: str, bestand: str | None) -> None:
    """Registreer een melding."""
    click.echo(f"{kenmerk} {naam} {aantal} {kleur}")


@proef.group()
def beheer() -> None:
    """Beheertaken."""


@beheer.command()
def toon() -> None:
    """Toon iets."""


def voer_uit(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(proef, list(args), prog_name="proef")
    return r.exit_code, r.output


def zonder_engels(tekst: str) -> None:
    for engels in ENGELS:
        assert engels not in tekst, f"{engels!r} in:\n{tekst}"


# Click's wording moved a little between 8.2 and later versions ("No such option: --foo"
# became "No such option '--foo'."; suggestions gained quotes): both are translated, and
# OPTIE matches either form.
def optie(naam: str) -> str:
    return rf"'?{re.escape(naam)}'?"


@pytest.mark.parametrize(
    ("args", "verwacht"),
    [
        (
            ["registreer", "K-1", "--naam", "x", "--foo"],
            rf"Fout: Onbekende optie:? {optie('--foo')}",
        ),
        (["registreer", "K-1", "--nam", "x"], rf"Bedoelde u {optie('--naam')}\?"),
        (["registreer", "K-1"], "Fout: Ontbrekende optie '--naam'."),
        (["registreer", "--naam", "x"], "Fout: Ontbrekend argument 'KENMERK'."),
        (["registreer", "K-1", "--naam"], "Fout: Optie '--naam' vraagt om een waarde."),
        (
            ["registreer", "K-1", "--naam", "x", "--aantal", "drie"],
            "Ongeldige waarde voor '--aantal': 'drie' is geen geldig geheel getal.",
        ),
        (
            ["registreer", "K-1", "--naam", "x", "--aantal", "11"],
            "Ongeldige waarde voor '--aantal': 11 ligt niet in het bereik 1<=x<=10.",
        ),
        (
            ["registreer", "K-1", "--naam", "x", "--kleur", "blauw"],
            "'blauw' is geen geldige keuze; kies uit 'rood', 'groen'.",
        ),
        (
            ["registreer", "K-1", "--naam", "x", "--bestand", "/bestaat/niet"],
            "Pad '/bestaat/niet' bestaat niet.",
        ),
        (["registreer", "K-1", "K-2", "--naam", "x"], "Fout: Onverwacht extra argument (K-2)"),
        # Newer Click adds a suggestion ("Bedoelde u 'registreer'?"); zonder_engels checks it.
        (["registrer"], "Fout: Onbekende opdracht 'registrer'."),
        (["beheer", "tonen"], "Fout: Onbekende opdracht 'tonen'."),
    ],
)
def test_gebruiksfout_in_het_nederlands(args: list[str], verwacht: str) -> None:
    code, tekst = voer_uit(*args)
    assert code == 2
    patroon = (
        verwacht if "Onbekende optie" in verwacht or "Bedoelde" in verwacht else re.escape(verwacht)
    )
    assert re.search(patroon, tekst), tekst
    if "Probeer" in tekst:  # Click names the help only where it knows the command
        assert "Gebruik: proef" in tekst
        assert re.search(HULP, tekst), tekst
    zonder_engels(tekst)


# Click names the first help option: "-h" up to 8.2, "--help" later.
HULP = r"Probeer 'proef[\w ]* (-h|--help)' voor hulp\."


def test_gebruiksfout_noemt_het_gebruik_en_de_hulp() -> None:
    code, tekst = voer_uit("registreer", "K-1", "--foo")
    assert code == 2
    assert tekst.startswith("Gebruik: proef registreer [OPTIES] KENMERK\n")
    assert re.search(HULP.replace(r"[\w ]*", " registreer"), tekst), tekst


def test_geldige_aanroep_werkt() -> None:
    assert voer_uit("registreer", "K-1", "--naam", "Jan", "--aantal", "4") == (
        0,
        "K-1 Jan 4 rood\n",
    )


def test_hulpschermen_in_het_nederlands() -> None:
    code, tekst = voer_uit("--help")
    assert code == 0
    assert tekst.startswith("Gebruik: proef [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Opties:" in tekst
    assert "Opdrachten:" in tekst
    assert "Toon deze hulp en stop." in tekst
    zonder_engels(tekst)
    code, tekst = voer_uit("registreer", "--help")
    assert code == 0
    assert tekst.startswith("Gebruik: proef registreer [OPTIES] KENMERK")
    assert "[verplicht]" in tekst
    assert "1<=x<=10" in tekst
    zonder_engels(tekst)
    code, tekst = voer_uit("beheer")  # a group without a command shows its help
    assert "Gebruik: proef beheer [OPTIES] OPDRACHT [ARGUMENTEN]..." in tekst
    zonder_engels(tekst)


# -- the binding -----------------------------------------------------------------------------


def test_installeren_is_idempotent() -> None:
    taal.installeer()
    taal.installeer()
    assert voer_uit("registreer")[1].count("Ontbrekend argument") == 1


def test_de_gecompileerde_catalogus_hoort_bij_de_inhoud(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    eerste = taal.map_voor_catalogus()
    assert eerste is not None
    assert eerste.parent == tmp_path / "kwaliteit"
    mo = eerste / "nl" / "LC_MESSAGES" / "kwaliteit.mo"
    vertaling = polib.mofile(str(mo))
    assert vertaling.find("Usage:").msgstr == "Gebruik:"
    # A changed catalogue gets a file of its own; the old one is never rewritten.
    kopie = tmp_path / "nl.po"
    kopie.write_text(
        taal.CATALOGUS.read_text(encoding="utf-8").replace('"Gebruik:"', '"Aanroep:"'),
        encoding="utf-8",
    )
    monkeypatch.setattr(taal, "CATALOGUS", kopie)
    tweede = taal.map_voor_catalogus()
    assert tweede is not None
    assert tweede != eerste
    assert polib.mofile(str(tweede / "nl/LC_MESSAGES/kwaliteit.mo")).find("Usage:").msgstr == (
        "Aanroep:"
    )
    assert vertaling.find("Usage:").msgstr == "Gebruik:"


def draai(*args: str, **omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *sys.path]), **omgeving}
    for naam in ("KWALITEIT_DATABASE_URL", "LANGUAGE"):
        env.pop(naam, None)
    return subprocess.run(
        [sys.executable, "-m", "kwaliteit", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_nederlands_ook_met_een_engelse_locale(tmp_path: Path) -> None:
    uit = draai(
        "db",
        "backup",
        "--onbekend",
        LANG="en_US.UTF-8",
        LC_ALL="en_US.UTF-8",
        XDG_CACHE_HOME=str(tmp_path),
    )
    assert uit.returncode == 2
    assert re.search(rf"Fout: Onbekende optie:? {optie('--onbekend')}", uit.stderr), uit.stderr
    zonder_engels(uit.stderr)


def test_zonder_schrijfbare_cache_werkt_het_programma(tmp_path: Path) -> None:
    """No cache folder and no temp folder to write to: Click's English, but no crash."""
    geblokkeerd = tmp_path / "bestand"
    geblokkeerd.write_text("geen map", encoding="utf-8")
    uit = draai(
        "db",
        "backup",
        "--onbekend",
        XDG_CACHE_HOME=str(geblokkeerd),
        TMPDIR=str(geblokkeerd),
    )
    assert uit.returncode == 2
    assert "Traceback" not in uit.stderr
    assert "--onbekend" in uit.stderr
