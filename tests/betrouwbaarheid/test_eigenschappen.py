"""Property-based tests (hypothesis) over the command line and every importer (issue 7).

Generated input (see ``generatoren``): argument lists over the real command tree (valid
commands from a model of the database, the same with one mutation, any command with random
options, and junk tokens), CSV files for ``klacht importeer`` (both dialects, UTF-8, BOM,
Windows-1252, garbled cells and bytes, missing and extra columns, huge fields, NUL bytes,
formulas, bad dates), spreadsheets for ``normen importeer`` (XLSX made with openpyxl, and CSV)
and kader files in YAML (valid, mutated, random and treacherous YAML).

Properties, after every generated case:
- never a traceback: the exception is None or SystemExit, no 'Traceback' in the output, and
  no 'onverwachte fout' (the catch-all that means a check is missing);
- the exit code is 0 or 2 (1 is for a database that can't be used or a broken audit
  trail, which generated input never causes); a failure says what is wrong on stderr;
- ``integriteit.controleer(url) == []``;
- the database holds exactly what the successful commands wrote: a failed command or one
  that only reads leaves every table as it was (a hash of every row), a successful one
  changes only the tables of its kind, by the counts the model expects (a complaint per
  registration, its rows per import, one audit event per procedure step, ...), and
  ``klacht lijst --json`` and ``klacht toon --json`` agree with the model;
- a clean case (only valid parts) succeeds, so the properties are checked on successes too.

Databases start with or without an organisation profile (the WOT Schiedam example): with one,
valid wijken, teams, aanbieders and categories come from its lists; without, they are free
text. The model follows the profile in force: after a successful ``organisatie stel-in`` or
``importeer`` it reads the profile again (``organisatie toon --json``).

Size: ``KWALITEIT_BETROUWBAARHEID`` unset or ``ci`` (small, derandomized: the same cases on
every run) or ``vol`` (thousands of cases, seeded with ``KWALITEIT_BETROUWBAARHEID_ZAAD``,
default 7405). With ``KWALITEIT_BETROUWBAARHEID_RAPPORT=PAD`` every test appends one JSON line
with its figures: cases, exit codes, cases per kind, clean cases, seconds.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any, ClassVar

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import VOORBEELDPROFIEL
from hypothesis import HealthCheck, Phase, given, note, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from betrouwbaarheid import generatoren as gen
from betrouwbaarheid.integriteit import TABELLEN, controleer, tellingen
from kwaliteit.cli import app
from kwaliteit.db import maak_engine
from kwaliteit.organisatie import Profiel

OMVANG = (os.environ.get("KWALITEIT_BETROUWBAARHEID") or "ci").strip().lower()
VOL = OMVANG == "vol"
ZAAD = int(os.environ.get("KWALITEIT_BETROUWBAARHEID_ZAAD") or 7405)
BACKEND = os.environ.get("KWALITEIT_TEST_DATABASE", "sqlite")

if OMVANG not in ("ci", "vol"):
    raise RuntimeError(f"KWALITEIT_BETROUWBAARHEID='{OMVANG}': kies ci of vol")

# Days the runs play on: an ordinary Friday, New Year's Eve, the day after Easter Monday.
VANDAGEN = (date(2024, 3, 15), date(2023, 12, 31), date(2024, 4, 2))
# Exit code 1 means 'a database that can't be used, or a broken audit trail'; generated
# input causes neither, so no message of exit code 1 is expected.
TOEGESTAAN_BIJ_1: tuple[str, ...] = ()
# A command that takes longer than this has run away (e.g. YAML aliases expanded).
TIJDSLIMIET_S = 60


def instellingen(ci: int, vol: int, *, stappen: int = 50) -> settings:
    """The hypothesis settings for this run's size.

    ci: derandomized (the same cases every run) and no example database (nothing written
    in the repository). vol: seeded with ZAAD (see ``zaad``). The health checks about slow
    or large data are suppressed on purpose: a case runs real commands against a real
    database, and huge fields are part of what is generated. No test takes a function-scoped
    fixture into hypothesis: each property is an inner function that makes its databases
    itself.
    """
    return settings(
        max_examples=vol if VOL else ci,
        stateful_step_count=stappen,
        deadline=None,
        derandomize=not VOL,
        database=None,
        print_blob=True,
        # The explain phase traces every line a failing case runs: a command under that
        # tracer is a hundred times slower, and the commands are what is being tested.
        phases=[p for p in Phase if p is not Phase.explain],
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
        ],
    )


def zaad(f: Any) -> Any:
    """In a 'vol' run: the seed from KWALITEIT_BETROUWBAARHEID_ZAAD (reproducible)."""
    return seed(ZAAD)(f) if VOL else f


# -- running the command line ----------------------------------------------------------------

_RUNNER = CliRunner()
VORMEN = gen.opdrachtboom(app)


class Tijdslimiet(BaseException):
    """A command ran longer than TIJDSLIMIET_S (a BaseException: the CLI must not catch it)."""


@contextlib.contextmanager
def tijdslimiet(seconden: int) -> Iterator[None]:
    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise Tijdslimiet(f"de opdracht liep langer dan {seconden} s")

    vorige = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconden)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, vorige)


def voer_uit(url: str, args: Sequence[str], *, vandaag: date, map_: Path) -> Result:
    """``kwaliteit --database URL ARGS`` in-process, in the case's own working directory."""
    omgeving = {
        "KWALITEIT_VANDAAG": vandaag.isoformat(),
        "KWALITEIT_DATABASE_URL": None,
        "KWALITEIT_DEBUG": None,
    }
    with (
        contextlib.chdir(map_),
        tijdslimiet(TIJDSLIMIET_S),
    ):
        return _RUNNER.invoke(app, ["--database", url, *args], env=omgeving)


def beschrijf(r: Result, args: Sequence[str]) -> str:
    return (
        f"kwaliteit {' '.join(gen._citeer(a) for a in args)}\n"
        f"exit {r.exit_code}, exception {r.exception!r}\n"
        f"stdout: {r.stdout[-2000:]}\nstderr: {r.stderr[-2000:]}"
    )


def nooit_een_traceback(r: Result, args: Sequence[str]) -> None:
    """The properties every command has, whatever it is given."""
    uitleg = beschrijf(r, args)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        spoor = "".join(traceback.format_exception(r.exception))
        pytest.fail(f"onafgevangen {type(r.exception).__name__}\n{uitleg}\n{spoor}")
    assert "Traceback" not in r.stdout + r.stderr, uitleg
    assert "onverwachte fout" not in r.stderr, uitleg
    assert r.exit_code in (0, 1, 2), uitleg
    if r.exit_code == 1:
        assert any(m in r.stderr for m in TOEGESTAAN_BIJ_1), f"exitcode 1 bij invoer\n{uitleg}"
    if r.exit_code != 0:
        assert r.stderr.strip(), f"een fout zonder melding\n{uitleg}"


# -- the database: state, and throwing it away ------------------------------------------------


@dataclass(frozen=True)
class Stand:
    """Every table's rows (as a hash) and counts: what 'unchanged' is compared with."""

    hashes: dict[str, str]
    tellingen: dict[str, int]

    def gewijzigd(self, na: Stand) -> set[str]:
        return {t for t in self.hashes if self.hashes[t] != na.hashes[t]}

    def verschil(self, na: Stand) -> dict[str, int]:
        return {t: na.tellingen[t] - self.tellingen[t] for t in self.tellingen}


class Proefdatabase:
    """A database of one case (or one run) with an engine to look into it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = maak_engine(url)

    def stand(self) -> Stand:
        hashes: dict[str, str] = {}
        with self.engine.connect() as c:
            for tabel in TABELLEN:
                rijen = sorted(repr(tuple(r)) for r in c.execute(text(f"SELECT * FROM {tabel}")))
                hashes[tabel] = hashlib.sha256("\n".join(rijen).encode("utf-8")).hexdigest()
        return Stand(hashes, tellingen(self.url))

    def sluit(self) -> None:
        self.engine.dispose()
        weggooien(self.url)


def weggooien(url: str) -> None:
    """Remove a case's database now (a 'vol' run makes thousands)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        for achter in ("", "-wal", "-shm"):
            Path(f"{u.database}{achter}").unlink(missing_ok=True)
        return
    beheer = create_engine(os.environ["KWALITEIT_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
    finally:
        beheer.dispose()


# -- figures -----------------------------------------------------------------------------------


@dataclass
class Telling:
    """Cases of one property: how many, their exit codes, per kind, and the clean ones."""

    test: str
    gevallen: int = 0
    exitcodes: Counter[int] = field(default_factory=Counter)
    per_soort: dict[str, Counter[int]] = field(default_factory=dict)
    schoon: int = 0
    voorbeelden: int = 0
    begin: float = field(default_factory=time.monotonic)

    def tel(self, r: Result, soort: str, *, schoon: bool = False) -> None:
        self.gevallen += 1
        self.exitcodes[r.exit_code] += 1
        self.per_soort.setdefault(soort, Counter())[r.exit_code] += 1
        self.schoon += schoon

    def meld(self) -> None:
        duur = time.monotonic() - self.begin
        instelling = f"vol, zaad {ZAAD}" if VOL else "ci, derandomize"
        codes = ", ".join(f"exit {k}: {v}" for k, v in sorted(self.exitcodes.items()))
        print(  # shown with -s, and with the report of a failing test
            f"\n{self.test}: {self.gevallen} gevallen in {self.voorbeelden} voorbeelden "
            f"({instelling}; {codes}; schoon {self.schoon}) in {duur:.1f} s"
        )
        pad = os.environ.get("KWALITEIT_BETROUWBAARHEID_RAPPORT")
        if not pad:
            return
        regel = {
            "test": self.test,
            "database": BACKEND,
            "omvang": OMVANG,
            "zaad": ZAAD if VOL else None,
            "derandomize": not VOL,
            "tijdstip": datetime.now(UTC).isoformat(timespec="seconds"),
            "voorbeelden": self.voorbeelden,
            "gevallen": self.gevallen,
            "exitcodes": {str(k): v for k, v in sorted(self.exitcodes.items())},
            "per_soort": {
                s: {str(k): v for k, v in sorted(c.items())}
                for s, c in sorted(self.per_soort.items())
            },
            "schoon": self.schoon,
            "seconden": round(duur, 1),
        }
        data = (json.dumps(regel, ensure_ascii=False) + "\n").encode()
        # One write on an O_APPEND file: lines of parallel xdist workers don't interleave.
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)


# -- the model ---------------------------------------------------------------------------------

AUDIT = "audit_gebeurtenis"
_STAPPEN = ("bevestig", "afschrift", "hoor", "wijs-toe", "sluit", "heropen", "ombudsman")
# Tables a successful command may change, per command; every other table stays as it was.
MAG_WIJZIGEN: dict[tuple[str, ...], frozenset[str]] = {
    ("klacht", "registreer"): frozenset({"klacht", "klager", AUDIT}),
    ("klacht", "wijzig"): frozenset({"klacht", "klager", AUDIT}),
    ("klacht", "verdaag"): frozenset({"klacht", "verdaging", AUDIT}),
    ("klacht", "importeer"): frozenset({"klacht", "klager", AUDIT}),
    ("klacht", "opschonen"): frozenset({"klager", AUDIT}),
    **{("klacht", s): frozenset({"klacht", AUDIT}) for s in _STAPPEN},
    ("normen", "importeer"): frozenset(
        {"normkader", "kaderversie", "norm", "normkoppeling", AUDIT}
    ),
    ("bewijs", "registreer"): frozenset({"bestand", "bewijsstuk", "bewijsversie", AUDIT}),
    ("bewijs", "versie"): frozenset({"bestand", "bewijsstuk", "bewijsversie", AUDIT}),
    ("bewijs", "koppel"): frozenset({"normkoppeling", AUDIT}),
    ("bewijs", "ontkoppel"): frozenset({"normkoppeling", AUDIT}),
    ("beoordeel",): frozenset({"oordeel", AUDIT}),
    ("bevinding", "registreer"): frozenset({"bevinding", AUDIT}),
    ("actie", "registreer"): frozenset({"verbeteractie", AUDIT}),
    ("actie", "wijzig"): frozenset({"verbeteractie", AUDIT}),
    ("organisatie", "stel-in"): frozenset({"organisatieprofiel", AUDIT}),
    ("organisatie", "importeer"): frozenset({"organisatieprofiel", AUDIT}),
}
# What 'klacht toon' names as the last event of a procedure step.
_GESCHIEDENIS = {"hoor": ("hoor", "afzien-horen")}

_KENMERK = re.compile(r"^K-(\d{4})-(\d{4,})$")
_GEIMPORTEERD = re.compile(r"^(\d+) klacht\(en\) geïmporteerd", re.MULTILINE)
_PROFIELVERSIE = re.compile(r"^Organisatieprofiel versie (\d+) vastgesteld\.$", re.MULTILINE)


def laatste_regel(tekst: str) -> str:
    regels = [r for r in tekst.splitlines() if r.strip()]
    return regels[-1].strip() if regels else ""


class Sessie:
    """One database with its model, its working directory and its figures."""

    def __init__(self, url: str, vandaag: date, telling: Telling) -> None:
        self.db = Proefdatabase(url)
        self.url = url
        self.beeld = gen.Beeld(vandaag)
        self.telling = telling
        self._map = tempfile.TemporaryDirectory(prefix="kw-eigenschap-")
        self.map = Path(self._map.name)
        maak_werkmap(self.map, vandaag)
        self.beeld.profiel = self.profiel()
        self.stand = self.db.stand()

    def profiel(self) -> Profiel:
        """The organisation profile in force, as ``organisatie toon --json`` shows it."""
        return Profiel.uit_dict(
            json.loads(self.kwaliteit("organisatie", "toon", "--json").stdout)["profiel"]
        )

    def sluit(self) -> None:
        self.db.sluit()
        self._map.cleanup()

    def kwaliteit(self, *args: str) -> Result:
        """A command of the test itself (not a generated case), which must succeed."""
        r = voer_uit(self.url, args, vandaag=self.beeld.vandaag, map_=self.map)
        nooit_een_traceback(r, args)
        assert r.exit_code == 0, beschrijf(r, args)
        return r

    def stap(self, opdracht: gen.Opdracht, *, schoon: bool = False) -> Result:
        """Run a generated command and check every property against the model."""
        r = voer_uit(self.url, opdracht.args, vandaag=self.beeld.vandaag, map_=self.map)
        self.telling.tel(r, opdracht.soort, schoon=schoon)
        with contextlib.suppress(InvalidArgument):  # outside hypothesis (the setup) no notes
            note(f"{opdracht!r} → exit {r.exit_code}")
        nooit_een_traceback(r, opdracht.args)
        if schoon:
            assert r.exit_code == 0, f"een geldige opdracht mislukte\n{beschrijf(r, opdracht.args)}"
        na = self.db.stand()
        self._verwerk(opdracht, r, na)
        problemen = controleer(self.url)
        assert problemen == [], f"{problemen}\n{beschrijf(r, opdracht.args)}"
        self.stand = na
        return r

    # -- what a command may have changed --------------------------------------------------

    def _verwerk(self, opdracht: gen.Opdracht, r: Result, na: Stand) -> None:
        uitleg = beschrijf(r, opdracht.args)
        gewijzigd = self.stand.gewijzigd(na)
        pad = opdracht.pad
        hulp = r.stdout.startswith(("Gebruik:", "Usage:"))  # --help somewhere: nothing runs
        schrijft = (
            pad in MAG_WIJZIGEN
            and not hulp
            and not (pad == ("klacht", "opschonen") and "--uitvoeren" not in opdracht.args)
        )
        if r.exit_code != 0 or not schrijft:
            assert not gewijzigd, f"tabellen {sorted(gewijzigd)} gewijzigd\n{uitleg}"
            return
        buiten = gewijzigd - MAG_WIJZIGEN[pad]
        assert not buiten, f"{pad} wijzigde ook {sorted(buiten)}\n{uitleg}"
        d = self.stand.verschil(na)
        assert d[AUDIT] >= 0, uitleg
        if pad[0] == "klacht":
            self._klacht(pad, r, d, uitleg)
        elif pad == ("bewijs", "registreer"):
            self._volgnummer("bewijsstuk", "B", self.beeld.bewijs, r, d, uitleg)
            self.beeld.bewijs += 1
        elif pad == ("bevinding", "registreer"):
            self._volgnummer("bevinding", "BV", self.beeld.bevindingen, r, d, uitleg)
            self.beeld.bevindingen += 1
        elif pad == ("actie", "registreer"):
            self._volgnummer("verbeteractie", "VA", self.beeld.acties, r, d, uitleg)
            self.beeld.acties += 1
        elif pad == ("normen", "importeer"):
            if "al geladen, ongewijzigd" in r.stdout:
                assert not gewijzigd, uitleg
            else:
                assert d["kaderversie"] == 1, uitleg
                assert d["normkader"] in (0, 1), uitleg
                m = re.search(r"geladen: (\d+) normen", r.stdout)
                assert m, uitleg
                assert d["norm"] == int(m.group(1)), uitleg
                assert d[AUDIT] >= 1, uitleg
        elif pad in (("bewijs", "koppel"), ("bewijs", "ontkoppel")):
            assert d["normkoppeling"] == (1 if pad[1] == "koppel" else -1), uitleg
            assert d[AUDIT] == 1, uitleg
        elif pad[0] == "organisatie":
            # A new version and its one audit event, or (nothing differs) neither.
            nieuw = d["organisatieprofiel"]
            assert nieuw in (0, 1), uitleg
            assert d[AUDIT] == nieuw, uitleg
            assert ("ongewijzigd" in r.stdout) == (nieuw == 0), uitleg
            if nieuw:
                m = _PROFIELVERSIE.search(r.stdout)
                assert m, uitleg
                assert int(m.group(1)) == na.tellingen["organisatieprofiel"], uitleg
                self.beeld.profiel = self.profiel()

    def _volgnummer(
        self, tabel: str, voorvoegsel: str, was: int, r: Result, d: dict[str, int], uitleg: str
    ) -> None:
        assert d[tabel] == 1, uitleg
        assert d[AUDIT] >= 1, uitleg
        assert laatste_regel(r.stdout) == f"{voorvoegsel}-{was + 1:04d}", uitleg

    def _klacht(self, pad: tuple[str, ...], r: Result, d: dict[str, int], uitleg: str) -> None:
        stap = pad[1]
        hoogste = self.beeld.hoogste()
        if stap == "registreer":
            kenmerk = laatste_regel(r.stdout)
            m = _KENMERK.match(kenmerk)
            assert m, uitleg
            assert int(m.group(2)) == hoogste.get(int(m.group(1)), 0) + 1, uitleg
            assert d["klacht"] == 1, uitleg
            assert d[AUDIT] == 1, uitleg
            nieuw = {kenmerk}
        elif stap == "importeer":
            m = _GEIMPORTEERD.search(r.stdout)
            assert m, uitleg
            aantal = int(m.group(1))
            assert d["klacht"] == aantal, uitleg
            assert d[AUDIT] == aantal + 1, uitleg
            assert d["klager"] <= aantal, uitleg
            nieuw = None
        elif stap == "opschonen":
            gevonden = sum(1 for regel in r.stdout.splitlines() if "bewaren tot" in regel)
            assert d[AUDIT] == gevonden, uitleg
            assert d["klager"] == 0, uitleg
            return
        else:
            kenmerk = r.stdout.split(":", 1)[0].strip()
            assert kenmerk in self.beeld.klachten, uitleg
            assert d["klacht"] == 0, uitleg
            assert d[AUDIT] == 1, uitleg
            assert d["verdaging"] == (1 if stap == "verdaag" else 0), uitleg
            if stap == "sluit":
                self.beeld.klachten[kenmerk].status = "gesloten"
            elif stap == "heropen":
                self.beeld.klachten[kenmerk].status = "open"
            toon = json.loads(self.kwaliteit("klacht", "toon", kenmerk, "--json").stdout)
            laatste = toon["geschiedenis"][-1]["actie"]
            assert laatste in _GESCHIEDENIS.get(stap, (stap,)), f"{laatste}\n{uitleg}"
            assert toon["status"] == self.beeld.klachten[kenmerk].status, uitleg
            nieuw = set()
        self._vergelijk_lijst(nieuw, uitleg)

    def _vergelijk_lijst(self, nieuw: set[str] | None, uitleg: str) -> list[dict[str, Any]]:
        """'klacht lijst --json' against the model; takes in the new complaints."""
        lijst: list[dict[str, Any]] = json.loads(self.kwaliteit("klacht", "lijst", "--json").stdout)
        erbij = [k for k in lijst if k["kenmerk"] not in self.beeld.klachten]
        if nieuw is not None:
            assert {k["kenmerk"] for k in erbij} == nieuw, uitleg
        for k in erbij:
            assert k["status"] == "open", uitleg
            self.beeld.klachten[k["kenmerk"]] = gen.Klachtbeeld(
                "open", date.fromisoformat(k["ontvangen"])
            )
        for k in lijst:  # 'klacht wijzig --ontvangen' may have moved the date
            if k["kenmerk"] in self.beeld.klachten:
                self.beeld.klachten[k["kenmerk"]].ontvangen = date.fromisoformat(k["ontvangen"])
        status = {k["kenmerk"]: k["status"] for k in lijst}
        model = {k: v.status for k, v in self.beeld.klachten.items()}
        assert status == model, f"klacht lijst --json wijkt af van het model\n{uitleg}"
        return erbij


def maak_werkmap(map_: Path, vandaag: date) -> None:
    """The files generated commands may name (generatoren.LEESBARE_PADEN)."""
    eerder = vandaag - timedelta(days=20)
    (map_ / "klachten.csv").write_bytes(
        b"\xef\xbb\xbf"
        + (
            "ontvangen;kanaal;omschrijving;wijk\r\n"
            f"{gen.nl(eerder)};brief;Niet teruggebeld;Oost\r\n"
            f"{gen.nl(vandaag)};telefoon;Lange wachttijd;\r\n"
        ).encode()
    )
    (map_ / "leeg.csv").write_bytes(b"")
    (map_ / "bewijs.pdf").write_bytes(b"%PDF-1.4\n% bewijs\n")
    (map_ / "map").mkdir()
    kader = {
        "formaat": "kwaliteit-kader/1",
        "kader": "eigen-kader",
        "naam": "Eigen kader",
        "versie": "1",
        "geldig_van": "2020-01-01",
        "bron": "eigen",
        "licentie": "vrij",
        "werkversie": True,
        "schaal": ["voldoet", "voldoet-niet"],
        "normen": [
            {"ref": "1", "titel": "Klachten", "beoordeelbaar": False},
            {"ref": "1.1", "ouder": "1", "titel": "Registratie", "normtekst": "Elke klacht."},
        ],
    }
    (map_ / "kader.yaml").write_text(yaml.safe_dump(kader, allow_unicode=True), encoding="utf-8")
    shutil.copyfile(VOORBEELDPROFIEL, map_ / "organisatie.yaml")
    from openpyxl import Workbook

    werkmap = Workbook()
    blad = werkmap.active
    assert blad is not None
    blad.append(["code", "titel", "normtekst"])
    blad.append(["1", "Klachten", "Elke klacht wordt geregistreerd."])
    werkmap.save(map_ / "normen.xlsx")


# -- 1. klacht importeer -------------------------------------------------------------------------


def test_klacht_importeer_is_alles_of_niets_voor_elk_csv_bestand(databases: Any) -> None:
    """Elk gegenereerd CSV-bestand: geen traceback, exit 0 of 2, alles of niets.

    Een import die slaagt voegt precies zijn gegevensregels toe, met de velden die erin
    stonden en gatloze kenmerken; een mislukte import verandert niets; een schoon bestand
    wordt altijd geïmporteerd. Per voorbeeld een verse database met 1 tot 3 imports na elkaar.
    """
    telling = Telling("klacht importeer (CSV)")

    @zaad
    @instellingen(ci=25, vol=800)
    @given(data=st.data(), vandaag=st.sampled_from(VANDAGEN), met_profiel=st.booleans())
    def eigenschap(data: st.DataObject, vandaag: date, met_profiel: bool) -> None:
        telling.voorbeelden += 1
        sessie = Sessie(databases.gemigreerd(profiel=met_profiel), vandaag, telling)
        try:
            for i in range(data.draw(st.integers(1, 3), label="imports")):
                geval = data.draw(
                    gen.klacht_csv(vandaag, sessie.beeld.hoogste(), sessie.beeld.profiel),
                    label=f"bestand {i + 1}",
                )
                naam = f"klachten-{i}.csv"
                (sessie.map / naam).write_bytes(geval.inhoud)
                voor = set(sessie.beeld.klachten)
                r = sessie.stap(
                    gen.Opdracht(("klacht", "importeer"), ("klacht", "importeer", naam), "csv"),
                    schoon=geval.schoon,
                )
                if r.exit_code != 0:
                    continue
                aantal = len(sessie.beeld.klachten) - len(voor)
                if geval.rijen is not None:
                    assert aantal == geval.rijen, f"{aantal} geïmporteerd, {geval!r}"
                if geval.schoon:
                    nieuw = sorted(
                        (k for k in sessie.beeld.klachten if k not in voor),
                        key=lambda k: (int(k.split("-")[1]), int(k.split("-")[2])),
                    )
                    vergelijk_velden(sessie, nieuw, geval)
        finally:
            sessie.sluit()

    eigenschap()
    telling.meld()


def vergelijk_velden(sessie: Sessie, nieuw: list[str], geval: gen.Csvgeval) -> None:
    """The imported complaints hold what the file said, in file order within each year."""
    lijst = {
        k["kenmerk"]: k for k in json.loads(sessie.kwaliteit("klacht", "lijst", "--json").stdout)
    }
    per_jaar: dict[int, list[dict[str, Any]]] = {}
    for rij in geval.verwacht:
        per_jaar.setdefault(rij["jaar"], []).append(rij)
    gekregen: dict[int, list[dict[str, Any]]] = {}
    for kenmerk in nieuw:
        gekregen.setdefault(int(kenmerk.split("-")[1]), []).append(lijst[kenmerk])
    assert sorted(per_jaar) == sorted(gekregen), geval
    for jaar, rijen in per_jaar.items():
        for verwacht, opgeslagen in zip(rijen, gekregen[jaar], strict=True):
            for veld in gen.VERGELEKEN:
                assert opgeslagen[veld] == verwacht[veld], (veld, opgeslagen, verwacht, geval)


# -- 2. normen importeer/controleer: spreadsheets -----------------------------------------------


def kaderbestand_eigenschap(
    sessie: Sessie, naam: str, inhoud: bytes, opties: list[str], schoon: bool, normen: int | None
) -> None:
    """controleer and importeer agree; import adds the kader or nothing; twice changes nothing."""
    (sessie.map / naam).write_bytes(inhoud)
    controle = sessie.stap(
        gen.Opdracht(
            ("normen", "controleer"), ("normen", "controleer", naam, *opties), "controleer"
        ),
        schoon=schoon,
    )
    import_ = sessie.stap(
        gen.Opdracht(("normen", "importeer"), ("normen", "importeer", naam, *opties), "importeer"),
        schoon=schoon,
    )
    assert (controle.exit_code == 0) == (import_.exit_code == 0), (
        "controleer en importeer zijn het niet eens\n"
        + beschrijf(controle, ("normen", "controleer", naam, *opties))
        + "\n"
        + beschrijf(import_, ("normen", "importeer", naam, *opties))
    )
    if import_.exit_code != 0:
        return
    if normen is not None:
        assert f"geladen: {normen} normen" in import_.stdout, import_.stdout
    opnieuw = sessie.stap(
        gen.Opdracht(("normen", "importeer"), ("normen", "importeer", naam, *opties), "opnieuw")
    )
    assert opnieuw.exit_code == 0, opnieuw.stdout
    assert "al geladen, ongewijzigd" in opnieuw.stdout, opnieuw.stdout


def test_normen_importeer_elke_spreadsheet_geheel_of_niet(databases: Any) -> None:
    """XLSX (openpyxl) en CSV met kadergegevens als opties: controleer en importeer zijn het
    eens, een import laadt het hele kader of niets, en nogmaals importeren verandert niets."""
    telling = Telling("normen importeer (spreadsheet)")

    @zaad
    @instellingen(ci=25, vol=900)
    @given(geval=gen.normen_spreadsheet())
    def eigenschap(geval: gen.Bladgeval) -> None:
        telling.voorbeelden += 1
        sessie = Sessie(databases.gemigreerd(), VANDAGEN[0], telling)
        try:
            kaderbestand_eigenschap(
                sessie, geval.naam, geval.inhoud, geval.opties, geval.schoon, geval.normen
            )
        finally:
            sessie.sluit()

    eigenschap()
    telling.meld()


# -- 3. normen importeer/controleer: kader YAML -------------------------------------------------


def test_normen_kaderbestanden_geldig_gemuteerd_en_willekeurig(databases: Any) -> None:
    """Kader-YAML: geldige kaders, kaders met één mutatie (in de data of in de tekst),
    willekeurige en verraderlijke YAML (aliassen, diepe nesting, tags). Nooit een traceback of
    een opdracht die blijft hangen; controleer en importeer zijn het eens."""
    telling = Telling("normen importeer/controleer (YAML)")

    @zaad
    @instellingen(ci=30, vol=1200)
    @given(geval=gen.kaderbestand())
    def eigenschap(geval: gen.Kadergeval) -> None:
        telling.voorbeelden += 1
        sessie = Sessie(databases.gemigreerd(), VANDAGEN[0], telling)
        try:
            kaderbestand_eigenschap(
                sessie, "kader-proef.yaml", geval.inhoud, [], geval.schoon, geval.normen
            )
        finally:
            sessie.sluit()

    eigenschap()
    telling.meld()


# -- 4. the command tree as a state machine -----------------------------------------------------


class Opdrachtmachine(RuleBasedStateMachine):
    """Runs of commands on one database: valid ones from the model (sometimes mutated),
    any command of the tree with random options, junk, and CSV imports."""

    databases: ClassVar[Any]
    telling: ClassVar[Telling]

    def __init__(self) -> None:
        super().__init__()
        self.sessie: Sessie | None = None

    @initialize(
        vandaag=st.sampled_from(VANDAGEN), met_kader=st.booleans(), met_profiel=st.booleans()
    )
    def begin(self, vandaag: date, met_kader: bool, met_profiel: bool) -> None:
        self.telling.voorbeelden += 1
        self.sessie = Sessie(self.databases.gemigreerd(profiel=met_profiel), vandaag, self.telling)
        if met_kader:
            self.sessie.stap(
                gen.Opdracht(("normen", "importeer"), ("normen", "importeer", "awb-h9"), "geldig"),
                schoon=True,
            )

    @rule(data=st.data())
    def opdracht(self, data: st.DataObject) -> None:
        assert self.sessie is not None
        if data.draw(st.integers(0, 5), label="csv-import") == 0:
            self.importeer_csv(data)
            return
        beeld = self.sessie.beeld
        opdracht = data.draw(
            st.one_of(
                gen.modelopdracht(VORMEN, beeld),
                gen.modelopdracht(VORMEN, beeld),
                gen.boomopdracht(VORMEN, beeld),
                gen.rommelopdracht(VORMEN),
            )
        )
        self.sessie.stap(opdracht)

    def importeer_csv(self, data: st.DataObject) -> None:
        """One step in six: a generated CSV file (see generatoren.klacht_csv)."""
        assert self.sessie is not None
        beeld = self.sessie.beeld
        geval = data.draw(gen.klacht_csv(beeld.vandaag, beeld.hoogste(), beeld.profiel))
        (self.sessie.map / "import.csv").write_bytes(geval.inhoud)
        self.sessie.stap(
            gen.Opdracht(("klacht", "importeer"), ("klacht", "importeer", "import.csv"), "csv"),
            schoon=geval.schoon,
        )

    def teardown(self) -> None:
        if self.sessie is not None:
            self.sessie.sluit()


def test_opdrachtboom_als_toestandsmachine(databases: Any) -> None:
    """Reeksen opdrachten over de hele opdrachtboom op één database per reeks, tegen een
    model: wat slaagt verandert precies wat het model verwacht, wat mislukt niets."""
    telling = Telling("opdrachtboom (toestandsmachine)")
    Opdrachtmachine.databases = databases
    Opdrachtmachine.telling = telling
    run_state_machine_as_test(
        zaad(Opdrachtmachine), settings=instellingen(ci=6, vol=120, stappen=50 if VOL else 25)
    )
    telling.meld()


# -- 5. many cheap cases: one command each, on a shared, filled database -------------------------


def test_willekeurige_argumentlijsten_op_een_gevulde_database(databases: Any) -> None:
    """Eén opdracht per voorbeeld (uit de boom, rommel of gemuteerd) op een gedeelde database
    met klachten, een kader, bewijs en acties; het model loopt over de voorbeelden door."""
    telling = Telling("argumentlijsten (gedeelde database)")
    # An organisation with a profile (the WOT Schiedam example); the state machine and the
    # CSV property also run on databases without one.
    sessie = Sessie(databases.gemigreerd(profiel=True), VANDAGEN[0], telling)
    try:
        vul(sessie)
        # Generated from a copy of the model after filling: the cases must not depend on what
        # earlier examples did (hypothesis replays them), the checks use the live model.
        beeld = copy.deepcopy(sessie.beeld)
        strategie = st.one_of(
            gen.boomopdracht(VORMEN, beeld),
            gen.rommelopdracht(VORMEN),
            gen.modelopdracht(VORMEN, beeld),
        )

        @zaad
        @instellingen(ci=150, vol=3000)
        @given(data=st.data())
        def eigenschap(data: st.DataObject) -> None:
            telling.voorbeelden += 1
            sessie.stap(data.draw(strategie))

        eigenschap()
    finally:
        sessie.sluit()
    telling.meld()


def vul(sessie: Sessie) -> None:
    """Complaints in several states, a loaded kader, evidence, a finding and an action."""
    for args in (
        ("normen", "importeer", "awb-h9"),
        ("klacht", "importeer", "klachten.csv"),
        (
            "bewijs",
            "registreer",
            "--titel",
            "Jaarverslag",
            "--soort",
            "document",
            "--ingangsdatum",
            "01-01-2024",
            "--bestand",
            "bewijs.pdf",
        ),
        ("bewijs", "koppel", "B-0001", "--kader", "awb-h9", "--norm", "9:6", "--toelichting", "x"),
        ("bevinding", "registreer", "--soort", "verbeterpunt", "--omschrijving", "Bevestiging"),
        (
            "actie",
            "registreer",
            "--omschrijving",
            "Instructie",
            "--eigenaar",
            "teamleider",
            "--deadline",
            "01-06-2024",
            "--bevinding",
            "BV-0001",
        ),
    ):
        sessie.stap(gen.Opdracht(gen.bepaal_pad(args, VORMEN), args, "vulling"), schoon=True)
    eerste = min(sessie.beeld.klachten)
    sessie.stap(
        gen.Opdracht(
            ("klacht", "sluit"),
            ("klacht", "sluit", eerste, "--uitkomst", "ingetrokken", "--wijze", "per brief"),
            "vulling",
        ),
        schoon=True,
    )


# -- the generators themselves ----------------------------------------------------------------


def test_de_generator_kent_de_hele_opdrachtboom() -> None:
    """Elke opdracht die de suite bedoelt, staat in de boom die de generator uit de app leest."""
    paden = {v.pad for v in VORMEN}
    verwacht = {
        ("klacht", s)
        for s in [
            "registreer",
            "bevestig",
            "afschrift",
            "hoor",
            "wijs-toe",
            "verdaag",
            "sluit",
            "heropen",
            "wijzig",
            "lijst",
            "toon",
            "termijnen",
            "overzicht",
            "exporteer",
            "importeer",
            "opschonen",
            "ombudsman",
        ]
    } | {
        ("normen", "importeer"),
        ("normen", "controleer"),
        ("normen", "lijst"),
        ("normen", "toon"),
        ("normen", "exporteer"),
        ("bewijs", "registreer"),
        ("bewijs", "koppel"),
        ("beoordeel",),
        ("bevinding", "registreer"),
        ("actie", "registreer"),
        ("actie", "wijzig"),
        ("dekking",),
        ("audit", "controleer"),
        ("organisatie", "toon"),
        ("organisatie", "stel-in"),
        ("organisatie", "importeer"),
        ("organisatie", "exporteer"),
    }
    assert verwacht <= paden, verwacht - paden
    assert not {p for p in paden if p[0] in gen.UITGESLOTEN_GROEPEN}
    for pad in MAG_WIJZIGEN:
        assert pad in paden, pad


# -- regressions: what the properties found ----------------------------------------------------
# Each of these ended in 'onverwachte fout' (exit 1, or a traceback without the catch-all),
# on SQLite, on PostgreSQL, or on both.


def mislukt_netjes(r: Result, *fragmenten: str) -> None:
    uitleg = f"exit {r.exit_code}\nstdout: {r.stdout}\nstderr: {r.stderr}"
    assert r.exit_code == 2, uitleg
    assert r.exception is None or isinstance(r.exception, SystemExit), uitleg
    assert "onverwachte fout" not in r.stderr, uitleg
    assert "Traceback" not in r.stdout + r.stderr, uitleg
    for fragment in fragmenten:
        assert fragment in r.stdout + r.stderr, f"{fragment!r} ontbreekt\n{uitleg}"


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("normen: &n [*n]\n", "verwijst naar zichzelf"),
        ("formaat: kwaliteit-kader/1\nnormen:\n  - &x {ref: a, titel: *x}\n", "naar zichzelf"),
        (
            "a0: &a0 [k, k, k, k, k, k, k, k, k, k]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)),
            "te groot",
        ),
        ("[" * 600 + "]" * 600, "te diep genest"),
        ("normen: " + "[" * 60 + "]" * 60 + "\n", "te diep genest"),
    ],
    ids=["kring", "kring-in-norm", "aliasbom", "diep", "diep-onder-normen"],
)
def test_regressie_kader_yaml_met_kringen_bommen_en_diepe_nesting(
    cli: Any, tmp_path: Path, inhoud: str, melding: str
) -> None:
    """Een verwijzing naar zichzelf gaf RecursionError; een aliasbom (10^9 elementen uit 300
    bytes) liet 'normen controleer' eindeloos rekenen; diepe nesting gaf RecursionError.
    Nu: exitcode 2 met bestand:regel (normen/kaderbestand.py, _onbegrensd)."""
    pad = tmp_path / "kader.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    begin = time.monotonic()
    mislukt_netjes(cli("normen", "controleer", str(pad)), melding, "kader.yaml:")
    mislukt_netjes(cli("normen", "importeer", str(pad)), melding)
    assert time.monotonic() - begin < 30


def test_regressie_een_kader_met_gewone_verwijzingen_blijft_geldig(
    cli: Any, tmp_path: Path
) -> None:
    """Ankers en verwijzingen zonder kring of explosie zijn gewone YAML en blijven toegestaan."""
    pad = tmp_path / "kader.yaml"
    pad.write_text(
        "formaat: kwaliteit-kader/1\nkader: ankers\nnaam: Ankers\nversie: '1'\n"
        "geldig_van: '2024-01-01'\nbron: eigen\nlicentie: vrij\nwerkversie: true\n"
        "schaal: &schaal [voldoet, nvt]\nnormen:\n"
        "  - {ref: '1', titel: Klachten, normtekst: Elke klacht., tags: &t [klachten]}\n"
        "  - {ref: '2', titel: Register, normtekst: Een register., tags: *t}\n",
        encoding="utf-8",
    )
    r = cli("normen", "controleer", str(pad))
    assert r.exit_code == 0, r.stdout + r.stderr


@pytest.mark.parametrize(
    "args",
    [
        [
            "klacht",
            "registreer",
            "--ontvangen",
            "2023-03-01",
            "--kanaal",
            "brief",
            "--omschrijving",
            "caf\udce9",
        ],
        [
            "--door",
            "J. Jans\udcf8n",
            "klacht",
            "registreer",
            "--ontvangen",
            "2023-03-01",
            "--kanaal",
            "brief",
            "--omschrijving",
            "x",
        ],
        [
            "bewijs",
            "registreer",
            "--titel",
            "\udcff",
            "--soort",
            "document",
            "--ingangsdatum",
            "2023-01-01",
        ],
    ],
    ids=["omschrijving", "door", "titel"],
)
def test_regressie_argumenten_die_geen_utf8_zijn(
    cli: Any, database_url: str, args: list[str]
) -> None:
    """Bytes die geen UTF-8 zijn komen als losse surrogaten binnen (argv op Linux); opslaan gaf
    UnicodeEncodeError. Nu: exitcode 2 en niets opgeslagen (kwaliteit/cli/gemeen.py,
    foutafhandeling)."""
    voor = tellingen(database_url)
    mislukt_netjes(cli(*args, vandaag="2023-06-01"), "geen UTF-8", "byte 0x")
    assert tellingen(database_url) == voor


def test_regressie_door_langer_dan_de_kolom(cli: Any, database_url: str) -> None:
    """--door van meer dan 200 tekens: PostgreSQL weigerde de auditgebeurtenis (DataError).
    Nu: exitcode 2 vóór er iets gebeurt (kwaliteit/cli/gemeen.py, eenheid)."""
    voor = tellingen(database_url)
    r = cli("--door", "d" * 201, "normen", "importeer", "awb-h9")
    mislukt_netjes(r, "--door is 201 tekens")
    assert tellingen(database_url) == voor
    assert cli("--door", "d" * 200, "normen", "importeer", "awb-h9").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["klacht", "wijs-toe", "K-2023-0001", "--behandelaar", "b" * 201],
        ["klacht", "sluit", "K-2023-0001", "--uitkomst", "ingetrokken", "--wijze", "w" * 201],
        [
            "klacht",
            "sluit",
            "K-2023-0001",
            "--uitkomst",
            "doorgestuurd",
            "--naar",
            "n" * 201,
            "--naar-soort",
            "anders",
            "--klager-geinformeerd",
            "02-03-2023",
        ],
        [
            "klacht",
            "sluit",
            "K-2023-0001",
            "--uitkomst",
            "informeel-opgelost",
            "--tevredenheid",
            "ja",
            "--behandelaar",
            "b" * 201,
        ],
        [
            "bewijs",
            "registreer",
            "--titel",
            "t",
            "--soort",
            "document",
            "--ingangsdatum",
            "2023-01-01",
            "--eigenaar",
            "e" * 201,
        ],
    ],
    ids=["wijs-toe", "wijze", "naar", "behandelaar-bij-sluiten", "bewijs-eigenaar"],
)
def test_regressie_namen_langer_dan_hun_kolom(cli: Any, database_url: str, args: list[str]) -> None:
    """Behandelaar, ontvangende organisatie, wijze van intrekking en eigenaar van bewijs werden
    niet op lengte gecontroleerd: PostgreSQL weigerde ze (DataError, exitcode 1). Nu: exitcode
    2 (klachten/procedure.py, _past; kwaliteit/cli/bewijs.py, registreer)."""
    r = cli(
        "klacht",
        "registreer",
        "--ontvangen",
        "2023-03-01",
        "--kanaal",
        "brief",
        "--omschrijving",
        "x",
        vandaag="2023-06-01",
    )
    assert r.exit_code == 0, r.stderr
    voor = tellingen(database_url)
    mislukt_netjes(cli(*args, vandaag="2023-06-01"), "201 tekens")
    assert tellingen(database_url) == voor


@pytest.mark.parametrize(
    "args",
    [
        ["klacht", "lijst", "--jaar", "99999999999999999999"],
        ["klacht", "lijst", "--limiet", "99999999999999999999"],
        ["klacht", "exporteer", "--jaar", "-99999999999999999999"],
        ["klacht", "termijnen", "--binnen", "99999999999"],
        ["bewijs", "haal", "B-0001", "--uit", "uit.bin", "--versie", "9223372036854775808"],
    ],
    ids=["lijst-jaar", "lijst-limiet", "exporteer-jaar", "termijnen-binnen", "haal-versie"],
)
def test_regressie_getallen_buiten_bereik(cli: Any, args: list[str]) -> None:
    """Getallen die niet in een database-integer of een datum passen gaven OverflowError
    (SQLite) of DataError (PostgreSQL). Nu weigert de optie ze met exitcode 2
    (kwaliteit/cli/klacht.py en bewijs.py: min/max op de opties)."""
    mislukt_netjes(cli(*args, vandaag="2023-06-01"), "Ongeldige waarde")


def test_regressie_nul_teken_in_csv(cli: Any, database_url: str, tmp_path: Path) -> None:
    """Een NUL-teken in een cel werd op SQLite opgeslagen en gaf op PostgreSQL DataError
    (exitcode 1). Nu: een fout met regel en veld, niets geïmporteerd (klachten/invoer.py,
    tekst; normen/spreadsheet.py, _regels)."""
    klachten = tmp_path / "klachten.csv"
    klachten.write_bytes(
        b"ontvangen,kanaal,omschrijving,team\n2023-01-01,brief,goed,\n2023-01-02,brief,a\x00b,\n"
    )
    voor = tellingen(database_url)
    mislukt_netjes(
        cli("klacht", "importeer", str(klachten), vandaag="2023-06-01"),
        "regel 3, omschrijving bevat een NUL-teken",
    )
    normen = tmp_path / "normen.csv"
    normen.write_bytes(b"code;titel;normtekst\n1;Klachten;Elke klacht\x00.\n")
    opties = ["--kader", "nul", "--naam", "Nul", "--versie", "1", "--geldig-van", "2024-01-01"]
    mislukt_netjes(cli("normen", "importeer", str(normen), *opties), "NUL-teken")
    assert tellingen(database_url) == voor


@pytest.mark.parametrize(
    "args",
    [
        ["normen", "controleer", "é" * 200 + ".yaml"],
        ["normen", "importeer", "é" * 200 + ".xlsx"],
        ["klacht", "exporteer", "--uit", "é" * 200 + ".csv"],
        ["normen", "exporteer", "awb-h9", "--uit", "é" * 200 + ".yaml"],
        ["organisatie", "exporteer", "--uit", "é" * 200 + ".yaml"],
    ],
    ids=[
        "normen-controleer",
        "normen-importeer",
        "klacht-exporteer",
        "normen-exporteer",
        "organisatie-exporteer",
    ],
)
def test_regressie_bestandsnaam_langer_dan_het_bestandssysteem_toestaat(
    cli: Any, tmp_path: Path, args: list[str]
) -> None:
    """Een naam van meer dan 255 bytes gaf OSError (File name too long) en exitcode 1. Nu:
    exitcode 2 met de melding van het systeem (kwaliteit/cli/normen.py, _bestand;
    klachten/uitwisseling.py, exporteer; normen/uitvoer.py, controleer_doel;
    kwaliteit/bestanden.py, controleer_doel, voor 'organisatie exporteer')."""
    assert cli("normen", "importeer", "awb-h9").exit_code == 0
    with contextlib.chdir(tmp_path):
        mislukt_netjes(cli(*args, vandaag="2023-06-01"), "File name too long")


@pytest.mark.parametrize(
    ("optie", "waarde"),
    [
        ("--dossier-drempel", "wet"),
        ("--bewaartermijnen-niet-in-behandeling", "\udcff"),
        ("--klachtenregeling-afhandeltermijn-weken", "vier"),
    ],
    ids=["drempel-wet", "bewaartermijn-geen-utf8", "afhandeltermijn-tekst"],
)
def test_regressie_organisatie_stel_in_met_een_getal_dat_geen_getal_is(
    cli: Any, database_url: str, optie: str, waarde: str
) -> None:
    """'organisatie stel-in --dossier-drempel wet' gaf een onafgevangen InvoerFout (een
    traceback, exitcode 1): het getal werd gelezen vóór de foutafhandeling. Nu: exitcode 2 en
    niets opgeslagen (kwaliteit/cli/organisatie.py, stel_in)."""
    voor = tellingen(database_url)
    mislukt_netjes(cli("organisatie", "stel-in", optie, waarde), optie, "geen geheel getal")
    assert tellingen(database_url) == voor


def test_regressie_organisatie_exporteer_naar_een_naam_die_geen_utf8_is(
    cli: Any, tmp_path: Path
) -> None:
    """'organisatie exporteer --uit NAAM' met een byte die geen UTF-8 is schreef het bestand en
    viel daarna om bij het melden (UnicodeEncodeError, exitcode 1). Nu: exitcode 0 en de naam
    met \\udcXX (kwaliteit/cli/organisatie.py, exporteer)."""
    with contextlib.chdir(tmp_path):
        r = cli("organisatie", "exporteer", "--uit", "caf\udce9.yaml")
    assert r.exception is None, r.exception
    assert r.exit_code == 0, r.stderr
    assert "caf\\udce9.yaml" in r.stdout
    assert (
        (tmp_path / "caf\udce9.yaml").read_text(encoding="utf-8").startswith("# Organisatieprofiel")
    )


def test_regressie_bewijs_haal_naar_een_naam_die_geen_utf8_is(cli: Any, tmp_path: Path) -> None:
    """'bewijs haal --uit NAAM' met een byte die geen UTF-8 is schreef het bestand en viel
    daarna om bij het melden op stdout (UnicodeEncodeError, een traceback). Nu: exitcode 0 en
    de naam met \\udcXX (kwaliteit/cli/bewijs.py, haal)."""
    (tmp_path / "bewijs.pdf").write_bytes(b"%PDF-1.4\n")
    with contextlib.chdir(tmp_path):
        r = cli(
            "bewijs",
            "registreer",
            "--titel",
            "t",
            "--soort",
            "document",
            "--ingangsdatum",
            "2023-01-01",
            "--bestand",
            "bewijs.pdf",
        )
        assert r.exit_code == 0, r.stderr
        r = cli("bewijs", "haal", "B-0001", "--uit", "caf\udce9.pdf")
    assert r.exception is None, r.exception
    assert r.exit_code == 0, r.stderr
    assert "caf\\udce9.pdf" in r.stdout
    assert (tmp_path / "caf\udce9.pdf").read_bytes() == b"%PDF-1.4\n"
