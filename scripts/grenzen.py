#!/usr/bin/env python3
"""Check the declared bounds of kwaliteit's runtime dependencies (``make test-grenzen``).

Builds two extra virtualenvs beside ``.venv`` and runs a short test selection in each
(the CLI and unit tests, ``kwaliteit toets`` and the PDF dossier; on SQLite,
``pytest -n 2``):

- ``.venv-laagst``: every runtime dependency at its declared lower bound. The pins are
  derived from ``[project] dependencies`` in pyproject.toml: ``>=X`` (or ``~=X``,
  ``==X``) becomes ``==X`` in a pip constraints file; a dependency without a lower bound
  is an error. Dependencies of those dependencies are left to pip (the newest that fit).
- ``.venv-nieuwst``: the newest versions pip offers (``--upgrade --upgrade-strategy
  eager``), within the declared upper bounds.

The development tools of the ``dev`` extra (pytest-xdist, hypothesis, ...) are installed
too, at the newest versions that fit. There is no second list of versions: a dependency
added to pyproject.toml is picked up by the next run.

    python3 scripts/grenzen.py                  # both, then exit 1 if one failed
    python3 scripts/grenzen.py --alleen laagst  # only one of them
    python3 scripts/grenzen.py -- tests/unit -k termijn   # another test selection

Standard library only: it runs before any virtualenv exists.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The CLI and unit tests, and the two places that use the dependencies those do not
# reach: kwaliteit toets (pytest, pytest-bdd) and the PDF dossier (weasyprint, pypdf).
TESTS = [
    "tests/cli",
    "tests/unit",
    "tests/integration/test_toets.py",
    "tests/dossier/test_dossier_pdf.py",
]
SOORTEN = ("laagst", "nieuwst")

_EIS = re.compile(
    r"^\s*(?P<naam>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*"
    r"(?:\[(?P<extras>[^\]]*)\])?\s*(?P<specs>[^;]*?)\s*(?:;\s*(?P<marker>.+))?$"
)
_SPEC = re.compile(r"^\s*(?P<op>~=|==|!=|<=|>=|<|>|===)\s*(?P<versie>\S+)\s*$")


class GrensFout(Exception):
    """pyproject.toml says something this script cannot turn into a lower bound."""


@dataclass(frozen=True)
class Eis:
    """One runtime dependency as pyproject.toml declares it."""

    tekst: str
    naam: str
    ondergrens: str
    marker: str | None

    @property
    def pin(self) -> str:
        """The constraints-file line: the package at exactly its lower bound."""
        regel = f"{self.naam}=={self.ondergrens}"
        return f"{regel} ; {self.marker}" if self.marker else regel


def lees_eis(tekst: str) -> Eis:
    m = _EIS.match(tekst)
    if not m or "@" in tekst:
        raise GrensFout(f"'{tekst}' is geen eis die dit script kent (naam[extras] specs; marker).")
    onder: list[str] = []
    for deel in filter(None, (s.strip() for s in m["specs"].split(","))):
        s = _SPEC.match(deel)
        if not s:
            raise GrensFout(f"'{tekst}': '{deel}' is geen versie-eis.")
        if s["op"] in (">=", "~=", "==", "==="):
            onder.append(s["versie"])
        elif s["op"] == ">":
            raise GrensFout(
                f"'{tekst}': '>' geeft geen laagste versie die te installeren is; gebruik '>='."
            )
    if not onder:
        raise GrensFout(
            f"'{tekst}' heeft geen ondergrens; geef de laagste versie die werkt met '>='."
        )
    if len(onder) > 1:
        raise GrensFout(f"'{tekst}' heeft meer dan één ondergrens.")
    if onder[0].endswith(".*"):
        raise GrensFout(f"'{tekst}': een ondergrens met '.*' is geen versie.")
    return Eis(tekst, m["naam"], onder[0], m["marker"])


def eisen(pyproject: Path) -> list[Eis]:
    with pyproject.open("rb") as f:
        project = tomllib.load(f)["project"]
    return [lees_eis(t) for t in project.get("dependencies", [])]


def meld(tekst: str) -> None:
    print(f"==> {tekst}", file=sys.stderr, flush=True)


def draai(cmd: list[str], **kwargs: object) -> None:
    print("+ " + " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, **kwargs)  # type: ignore[call-overload]


def versies(python: Path, namen: list[str]) -> dict[str, str]:
    """The installed version of each package (by its distribution name)."""
    code = (
        "import json, sys\n"
        "from importlib.metadata import version, PackageNotFoundError\n"
        "uit = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: uit[n] = version(n)\n"
        "    except PackageNotFoundError: uit[n] = '-'\n"
        "print(json.dumps(uit))\n"
    )
    import json

    r = subprocess.run(
        [str(python), "-c", code, *namen], capture_output=True, text=True, check=True
    )
    return dict(json.loads(r.stdout))


def _gelijk(a: str, b: str) -> bool:
    """'0.29' and '0.29.0' are the same version (PEP 440 pads with zeros)."""

    def delen(v: str) -> list[str]:
        d = v.split(".")
        while len(d) > 1 and d[-1] == "0":
            d.pop()
        return d

    return delen(a) == delen(b)


def bouw_venv(soort: str, lijst: list[Eis], python: str) -> Path:
    venv = REPO / f".venv-{soort}"
    shutil.rmtree(venv, ignore_errors=True)
    draai([python, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--progress-bar", "off"]
    if soort == "laagst":
        grenzen = venv / "ondergrenzen.txt"
        grenzen.write_text(
            "# Afgeleid uit pyproject.toml door scripts/grenzen.py\n"
            + "".join(f"{e.pin}\n" for e in lijst),
            encoding="utf-8",
        )
        meld(f"{venv.name}: elke afhankelijkheid op haar ondergrens ({grenzen.name}):")
        for e in lijst:
            print(f"    {e.pin}", file=sys.stderr)
        draai([*pip, "-c", str(grenzen), "-e", ".[dev]"])
    else:
        draai([*pip, "--upgrade", "--upgrade-strategy", "eager", "-e", ".[dev]"])
    return venv


def controleer(soort: str, venv: Path, lijst: list[Eis]) -> list[str]:
    """Show what was installed; in laagst, every pin must really be the lower bound."""
    python = venv / "bin" / "python"
    geinstalleerd = versies(python, [e.naam for e in lijst])
    fouten = []
    meld(f"{venv.name}: geïnstalleerd")
    for e in lijst:
        v = geinstalleerd[e.naam]
        print(f"    {e.naam:20} {v:12} (eis: {e.tekst})", file=sys.stderr)
        if soort == "laagst" and not e.marker and not _gelijk(v, e.ondergrens):
            fouten.append(f"{e.naam} is {v}, niet de ondergrens {e.ondergrens}")
    return fouten


def test(venv: Path, tests: list[str]) -> int:
    omgeving = {**os.environ, "KWALITEIT_TEST_DATABASE": "sqlite"}
    for naam in ("KWALITEIT_TEST_PG_URL", "KWALITEIT_DATABASE_URL", "PYTEST_ADDOPTS"):
        omgeving.pop(naam, None)
    cmd = [str(venv / "bin" / "python"), "-m", "pytest", "-n", "2", "-q", "-p",
           "no:cacheprovider", *tests]  # fmt: skip
    print("+ " + " ".join(cmd), file=sys.stderr, flush=True)
    return subprocess.run(cmd, cwd=REPO, env=omgeving, check=False).returncode


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alleen", choices=SOORTEN, help="alleen deze van de twee")
    parser.add_argument(
        "--python", default=sys.executable, help="de Python waarmee de venvs worden gemaakt"
    )
    parser.add_argument("tests", nargs="*", help=f"pytest-argumenten (standaard {' '.join(TESTS)})")
    args = parser.parse_args(argv)
    try:
        lijst = eisen(REPO / "pyproject.toml")
    except GrensFout as e:
        meld(f"FOUT in pyproject.toml: {e}")
        return 2

    uitslag: dict[str, str] = {}
    for soort in [args.alleen] if args.alleen else list(SOORTEN):
        begin = time.monotonic()
        try:
            venv = bouw_venv(soort, lijst, args.python)
        except subprocess.CalledProcessError as e:
            uitslag[soort] = f"installatie mislukt (exitcode {e.returncode})"
            meld(f".venv-{soort}: {uitslag[soort]}")
            continue
        fouten = controleer(soort, venv, lijst)
        geinstalleerd = time.monotonic() - begin
        code = test(venv, args.tests or TESTS)
        duur = f"{geinstalleerd:.0f} s installeren, {time.monotonic() - begin - geinstalleerd:.0f} s testen"
        if fouten:
            uitslag[soort] = "niet op de ondergrenzen: " + "; ".join(fouten) + f" ({duur})"
        elif code != 0:
            uitslag[soort] = f"tests mislukt (pytest exitcode {code}; {duur})"
        else:
            uitslag[soort] = f"geslaagd ({duur})"
        meld(f".venv-{soort}: {uitslag[soort]}")

    meld("Grenzen van de afhankelijkheden:")
    for soort, tekst in uitslag.items():
        print(f"    {soort:8} {tekst}", file=sys.stderr)
    return 0 if all(t.startswith("geslaagd") for t in uitslag.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
