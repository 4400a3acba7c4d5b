"""Generic Dutch steps for the Gherkin features in ``features/``.

Every step drives the ``kwaliteit`` CLI in-process (the ``cli`` fixture of
``tests/conftest.py``), so a feature tests what users run. The state of one
scenario lives in the ``verloop`` fixture (a small dataclass), never in module
globals. Area-specific steps live next to ``scenarios()`` in
``test_klachten_bdd.py``.

Conventions in the features:

- dates are written as users type them (dd-mm-jjjj) and passed on unchanged;
- "vandaag" is fixed per scenario with ``Stel vandaag is het ...``
  (``KWALITEIT_VANDAAG``);
- ``Gegeven`` steps must succeed (they set the scene); ``Als`` steps only run,
  and a ``Dan`` step judges the result. A failure nobody judged stops the
  next command, so a scenario never continues silently after an error.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from click.testing import Result
from pytest_bdd import given, parsers, then, when
from sqlalchemy import MetaData, create_engine, select

from kwaliteit.tijd import parse_datum

# Column names in a table of complaints that are not options of ``klacht registreer``.
_VLAGGEN = {"adviescommissie"}


def _normaal(tekst: str) -> str:
    """Whitespace collapsed, so messages compare regardless of padding."""
    return " ".join(tekst.split())


def tabel(datatable: list[list[str]]) -> list[dict[str, str]]:
    """A Gherkin data table with a header row as a list of dicts."""
    kop, *rijen = datatable
    return [dict(zip([k.strip() for k in kop], rij, strict=True)) for rij in rijen]


def opties(tekst: str) -> list[str]:
    """CLI options as written in a feature: ``--naar "Mevis" --naar-soort zorgaanbieder``.

    ``(geen)`` or an empty cell means no options at all.
    """
    tekst = tekst.strip()
    if tekst in ("", "(geen)", "-"):
        return []
    return shlex.split(tekst)


def datum_iso(tekst: str) -> str:
    """A date as written in a feature (dd-mm-jjjj) as the ISO string the JSON uses."""
    return parse_datum(tekst).isoformat()


@dataclass
class Verloop:
    """The state of one scenario: 'today', the last command and the complaint in focus."""

    cli: Any
    database_url: str
    vandaag: str | None = None
    laatste: Result | None = None
    laatste_opdracht: tuple[str, ...] = ()
    beoordeeld: bool = True
    kenmerk: str | None = None
    kenmerken: list[str] = field(default_factory=list)

    def voer_uit(self, *args: str) -> Result:
        """Run ``kwaliteit ARGS``; refuses to go on after a failure no step judged."""
        if not self.beoordeeld and self.laatste is not None:
            self.beoordeeld = True  # reported here; not again at teardown
            raise AssertionError(
                "De vorige opdracht mislukte zonder dat een Dan-stap dat beoordeelde:\n"
                + self.beschrijf()
            )
        self.laatste = self.cli(*args, vandaag=self.vandaag)
        self.laatste_opdracht = args
        self.beoordeeld = self.laatste.exit_code == 0
        return self.laatste

    def moet_slagen(self, *args: str) -> Result:
        """Run a command that sets the scene; it must succeed."""
        r = self.voer_uit(*args)
        self.beoordeeld = True
        assert r.exit_code == 0, self.beschrijf()
        return r

    def json(self, *args: str) -> Any:
        """Run a command with ``--json``; it must succeed. Returns the parsed output."""
        return json.loads(self.moet_slagen(*args, "--json").stdout)

    def resultaat(self) -> Result:
        """The last command's result, now judged by a Dan step."""
        assert self.laatste is not None, "Er is nog geen opdracht uitgevoerd."
        self.beoordeeld = True
        return self.laatste

    def beschrijf(self) -> str:
        r = self.laatste
        if r is None:
            return "(nog geen opdracht)"
        return (
            f"kwaliteit {shlex.join(self.laatste_opdracht)}\n"
            f"exitcode {r.exit_code}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
        )

    def klacht(self, kenmerk: str | None = None) -> str:
        """The kenmerk a step names, or else the complaint the scenario is about."""
        gekozen = kenmerk or self.kenmerk
        assert gekozen, "Dit scenario heeft nog geen klacht geregistreerd."
        return gekozen

    def registreer(self, velden: dict[str, str]) -> Result:
        """``klacht registreer`` with one option per filled-in field; remembers the kenmerk."""
        args = ["klacht", "registreer"]
        for kolom, waarde in velden.items():
            if not waarde.strip():
                continue
            if kolom in _VLAGGEN:
                if waarde.strip().lower() == "ja":
                    args.append(f"--{kolom}")
                continue
            args += [f"--{kolom}", waarde]
        r = self.voer_uit(*args)
        if r.exit_code == 0:
            self.kenmerk = r.stdout.strip()
            self.kenmerken.append(self.kenmerk)
        return r

    def sluit_tabel(self, datatable: list[list[str]]) -> None:
        """``klacht sluit`` per row of a table (see ``Als de volgende klachten worden gesloten:``)."""
        for rij in tabel(datatable):
            kenmerk, uitkomst = rij.pop("kenmerk").strip(), rij.pop("uitkomst").strip()
            args = ["klacht", "sluit", kenmerk, "--uitkomst", uitkomst]
            for kolom, waarde in rij.items():
                if waarde.strip():
                    args += [f"--{kolom}", waarde.strip()]
            self.moet_slagen(*args)

    def toon_velden(self, kenmerk: str | None = None) -> dict[str, str]:
        """The 'Label  waarde' lines of ``klacht toon`` (before the history) as a dict."""
        tekst = self.moet_slagen("klacht", "toon", self.klacht(kenmerk)).stdout
        velden: dict[str, str] = {}
        for regel in tekst.split("\nGeschiedenis:")[0].splitlines():
            m = re.match(r"^(\S.*?)\s{2,}(.*)$", regel)
            if m:
                velden[m.group(1)] = _normaal(m.group(2))
        return velden

    # Helpers for the step modules, reachable through the fixture: a test module
    # cannot rely on ``import conftest`` (every conftest.py is module "conftest").
    tabel = staticmethod(tabel)
    opties = staticmethod(opties)
    datum_iso = staticmethod(datum_iso)

    def alle_tekst_in_database(self) -> Iterator[tuple[str, str]]:
        """Every text value in every table, as (table.column, value)."""
        engine = create_engine(self.database_url)
        try:
            meta = MetaData()
            meta.reflect(engine)
            with engine.connect() as c:
                for t in meta.sorted_tables:
                    for rij in c.execute(select(t)).mappings():
                        for kolom, waarde in rij.items():
                            if isinstance(waarde, str):
                                yield f"{t.name}.{kolom}", waarde
        finally:
            engine.dispose()


@pytest.fixture
def verloop(cli: Any, database_url: str) -> Iterator[Verloop]:
    """The per-scenario state the steps share."""
    v = Verloop(cli=cli, database_url=database_url)
    yield v
    assert v.beoordeeld, (
        "Het scenario eindigde met een mislukte opdracht die geen Dan-stap beoordeelde:\n"
        + v.beschrijf()
    )


# ## Stel/Gegeven ################################################################


@given("een leeg klachtenregister")
def leeg_register(verloop: Verloop) -> None:
    """Start from a fresh register (each scenario has its own database).

    Gebruik: ``Gegeven een leeg klachtenregister`` (meestal in de Achtergrond).
    Controleert met ``klacht lijst`` dat er echt nog geen klachten zijn.
    """
    r = verloop.moet_slagen("klacht", "lijst")
    assert "Geen klachten gevonden." in r.stdout, verloop.beschrijf()


@given(parsers.parse("vandaag is het {datum}"))
def vandaag_is(verloop: Verloop, datum: str) -> None:
    """Fix 'today' for every following command (``KWALITEIT_VANDAAG``).

    Gebruik: ``Stel vandaag is het 31-12-2023``. Mag halverwege een scenario
    opnieuw, om de tijd te laten verstrijken (bijv. tot na de bewaartermijn).
    """
    parse_datum(datum, "vandaag")
    verloop.vandaag = datum


@given("de klachten:")
def gegeven_klachten(verloop: Verloop, datatable: list[list[str]]) -> None:
    """Register complaints that the scenario starts from; each must succeed.

    Gebruik: een tabel met per kolom een optie van ``klacht registreer``
    (``ontvangen``, ``kanaal``, ``omschrijving``, ``gedraging``, ``wijk``, ``team``,
    ``aanbieder``, ``beklaagde``, ``beklaagde-soort``, ``categorie``, ``regime``,
    ``klager-naam``, ``klager-contact``; ``adviescommissie`` met ja/nee). Lege cellen
    worden weggelaten. Rijen worden in volgorde geregistreerd.
    """
    for rij in tabel(datatable):
        verloop.registreer(rij)
        assert verloop.resultaat().exit_code == 0, verloop.beschrijf()


# ## Als ##########################################################################


@when("de volgende klachten worden geregistreerd:")
def klachten_registreren(verloop: Verloop, datatable: list[list[str]]) -> None:
    """Register complaints as the step under test; each must be accepted.

    Gebruik: dezelfde tabel als ``Gegeven de klachten:``. Een klacht die
    geweigerd moet worden, registreer je met een losse stap, zodat een Dan-stap
    de melding kan beoordelen.
    """
    gegeven_klachten(verloop, datatable)


@when(parsers.re(r'de opdracht "(?P<opdracht>[^"]+)" wordt uitgevoerd'))
def opdracht_uitvoeren(verloop: Verloop, opdracht: str) -> None:
    """Run one command line as a user would type it.

    Gebruik: ``Als de opdracht "kwaliteit klacht opschonen --uitvoeren" wordt uitgevoerd``.
    Het woord ``kwaliteit`` vooraan mag weg; argumenten met spaties tussen
    enkele aanhalingstekens. Beoordeel de uitkomst met een Dan-stap.
    """
    args = shlex.split(opdracht)
    if args and args[0] == "kwaliteit":
        args = args[1:]
    verloop.voer_uit(*args)


@when("de volgende klachten worden gesloten:")
def klachten_sluiten(verloop: Verloop, datatable: list[list[str]]) -> None:
    """Close complaints with ``klacht sluit``; each must be accepted.

    Gebruik: een tabel met ``kenmerk`` en ``uitkomst`` en verder per kolom een
    optie van ``klacht sluit`` (``datum``, ``naar``, ``naar-soort``,
    ``klager-geinformeerd``, ``wijze``, ``reden``, ``grond``, ``bevindingen``,
    ``conclusies``, ``tevredenheid``, ``behandelaar``). Lege cellen worden
    weggelaten, zodat één tabel verschillende uitkomsten kan bevatten.
    """
    verloop.sluit_tabel(datatable)


# ## Dan ##########################################################################


@then("slaagt de opdracht")
def opdracht_slaagt(verloop: Verloop) -> None:
    """The last command succeeded (exit code 0).

    Gebruik: ``Dan slaagt de opdracht`` na een Als-stap die een opdracht uitvoert.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()


@then(parsers.re(r'wordt dat geweigerd met de melding "(?P<melding>.+)"$'))
def geweigerd_met(verloop: Verloop, melding: str) -> None:
    """The last command was refused (exit code ≠ 0) with this text in its 'Fout:' message.

    Gebruik: ``Dan wordt dat geweigerd met de melding "ligt in de toekomst"``;
    een deel van de melding volstaat, witruimte telt niet mee.
    """
    r = verloop.resultaat()
    assert r.exit_code != 0, "De opdracht slaagde maar had geweigerd moeten worden:\n" + (
        verloop.beschrijf()
    )
    assert "Fout:" in r.stderr, verloop.beschrijf()
    assert _normaal(melding) in _normaal(r.stderr), verloop.beschrijf()


@then(parsers.re(r'noemt de weigering als reden "(?P<reden>.+)"$'))
def weigering_noemt(verloop: Verloop, reden: str) -> None:
    """One of the listed reasons (``  - ...``) under the last 'Fout:' is this text.

    Gebruik: na ``wordt dat geweigerd met de melding``, één stap per reden.
    """
    r = verloop.resultaat()
    assert r.exit_code != 0, verloop.beschrijf()
    redenen = [
        _normaal(regel.strip()[2:]) for regel in r.stderr.splitlines() if regel.startswith("  - ")
    ]
    assert _normaal(reden) in redenen, f"Redenen: {redenen}\n" + verloop.beschrijf()


@then(parsers.re(r'noemt de weigering geen reden "(?P<reden>.+)"$'))
def weigering_noemt_niet(verloop: Verloop, reden: str) -> None:
    """None of the listed reasons under the last 'Fout:' contains this text.

    Gebruik: ``En noemt de weigering geen reden "Awb 9:6"`` om te laten zien wat
    níet ontbreekt.
    """
    r = verloop.resultaat()
    redenen = [regel for regel in r.stderr.splitlines() if regel.startswith("  - ")]
    assert not [x for x in redenen if _normaal(reden) in _normaal(x)], verloop.beschrijf()


@then(parsers.re(r'waarschuwt het systeem "(?P<tekst>.+)"$'))
def waarschuwt(verloop: Verloop, tekst: str) -> None:
    """The last command succeeded and printed a 'Let op:' warning containing this text.

    Gebruik: ``En waarschuwt het systeem "Awb 9:8 lid 1b"``.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    waarschuwingen = [x for x in r.stderr.splitlines() if x.startswith("Let op:")]
    assert any(_normaal(tekst) in _normaal(x) for x in waarschuwingen), verloop.beschrijf()


@then("geeft het systeem geen waarschuwing")
def geen_waarschuwing(verloop: Verloop) -> None:
    """The last command succeeded without any 'Let op:' warning.

    Gebruik: ``En geeft het systeem geen waarschuwing``.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    assert "Let op:" not in r.stderr, verloop.beschrijf()


@then(parsers.re(r'toont de uitvoer "(?P<tekst>.+)"$'))
def uitvoer_toont(verloop: Verloop, tekst: str) -> None:
    """The last command succeeded and its output (stdout) contains this text.

    Gebruik: ``Dan toont de uitvoer "1 klacht(en): klagergegevens gepseudonimiseerd."``;
    witruimte telt niet mee.
    """
    r = verloop.resultaat()
    assert r.exit_code == 0, verloop.beschrijf()
    assert _normaal(tekst) in _normaal(r.stdout), verloop.beschrijf()


@then("is het auditspoor ongeschonden")
def auditspoor_ongeschonden(verloop: Verloop) -> None:
    """``kwaliteit audit controleer`` finds the SHA-256 chain intact.

    Gebruik: ``En is het auditspoor ongeschonden``, bijvoorbeeld na opschonen.
    """
    r = verloop.moet_slagen("audit", "controleer")
    assert "Het auditspoor is ongeschonden" in r.stdout, verloop.beschrijf()


@then(parsers.re(r'komt "(?P<tekst>[^"]+)" niet voor in de uitvoer van:$'))
def niet_in_uitvoer(verloop: Verloop, tekst: str, datatable: list[list[str]]) -> None:
    """Each command in the table succeeds and never prints this text (stdout or stderr).

    Gebruik: een tabel met kop ``opdracht`` en per rij een opdrachtregel, zoals
    ``klacht exporteer --jaar 2023``; vergelijking zonder onderscheid in hoofdletters.
    """
    for rij in tabel(datatable):
        r = verloop.moet_slagen(*shlex.split(rij["opdracht"]))
        alles = (r.stdout + r.stderr).casefold()
        assert tekst.casefold() not in alles, verloop.beschrijf()


@then(parsers.re(r'komt "(?P<tekst>[^"]+)" niet voor in het auditspoor$'))
def niet_in_auditspoor(verloop: Verloop, tekst: str) -> None:
    """No field of any audit event contains this text (read from the database).

    Gebruik: ``En komt "Voorbeeldklager" niet voor in het auditspoor``.
    """
    gevonden = [
        plek
        for plek, waarde in verloop.alle_tekst_in_database()
        if plek.startswith("audit_gebeurtenis.") and tekst.casefold() in waarde.casefold()
    ]
    assert not gevonden, f"'{tekst}' staat in het auditspoor: {gevonden}"


@then(parsers.re(r'komt "(?P<tekst>[^"]+)" nergens in de database (?:meer )?voor$'))
def nergens_in_database(verloop: Verloop, tekst: str) -> None:
    """No text column of any table contains this text any more.

    Gebruik: ``En komt "Voorbeeldklager" nergens in de database meer voor`` (na opschonen).
    """
    gevonden = [
        plek
        for plek, waarde in verloop.alle_tekst_in_database()
        if tekst.casefold() in waarde.casefold()
    ]
    assert not gevonden, f"'{tekst}' staat nog in: {gevonden}"


_REGISTERKOLOMMEN: dict[str, tuple[str, Callable[[str], Any]]] = {
    # column in the feature -> (where in ``klacht toon --json``, how to compare)
    "ontvangen": ("ontvangen", datum_iso),
    "kanaal": ("kanaal", str),
    "wijk": ("wijk", str),
    "categorie": ("categorie", str),
    "aanbieder": ("aanbieder", str),
    "status": ("status", str),
    "uitkomst": ("uitkomst", str),
    "afgehandeld": ("afgehandeld", datum_iso),
    "uiterlijk": ("uiterste_datum", datum_iso),
}


def _registerwaarde(d: dict[str, Any], kolom: str) -> Any:
    if kolom == "vorm":
        return "schriftelijk" if d["schriftelijk"] else "mondeling"
    if kolom == "doorgestuurd naar":
        return (d["afhandeling"] or {}).get("doorgestuurd_naar")
    if kolom == "soort bestemming":
        return (d["afhandeling"] or {}).get("bestemming_soort")
    if kolom == "binnen termijn":
        binnen = (d["afhandeling"] or {}).get("binnen_termijn")
        return None if binnen is None else ("ja" if binnen else "nee")
    return d[_REGISTERKOLOMMEN[kolom][0]]


def _verwacht(kolom: str, waarde: str) -> Any:
    if not waarde.strip():
        return None
    if kolom in _REGISTERKOLOMMEN:
        return _REGISTERKOLOMMEN[kolom][1](waarde.strip())
    return waarde.strip()


@then("staan in het register precies de klachten:")
def register_precies(verloop: Verloop, datatable: list[list[str]]) -> None:
    """The register holds exactly these kenmerken, in this order, with these details.

    Gebruik: een tabel met ``kenmerk`` en naar keuze ``ontvangen``, ``kanaal``,
    ``vorm`` (schriftelijk/mondeling), ``wijk``, ``categorie``, ``aanbieder``,
    ``status``, ``uitkomst``, ``afgehandeld``, ``uiterlijk``, ``doorgestuurd naar``,
    ``soort bestemming`` en ``binnen termijn`` (ja/nee; leeg = niet getoetst).
    Een lege cel betekent: geen waarde. Leest ``klacht lijst`` en ``klacht toon --json``.
    """
    rijen = tabel(datatable)
    lijst = verloop.json("klacht", "lijst")
    assert [r["kenmerk"] for r in lijst] == [r["kenmerk"].strip() for r in rijen]
    for rij in rijen:
        kenmerk = rij.pop("kenmerk").strip()
        d = verloop.json("klacht", "toon", kenmerk)
        for kolom, waarde in rij.items():
            assert _registerwaarde(d, kolom) == _verwacht(kolom, waarde), (
                f"{kenmerk}, {kolom}: verwacht {waarde!r}, register {_registerwaarde(d, kolom)!r}"
            )


@then("is het register leeg")
def register_leeg(verloop: Verloop) -> None:
    """``klacht lijst`` finds no complaints at all.

    Gebruik: ``En is het register leeg``, bijvoorbeeld na een geweigerde registratie.
    """
    assert verloop.json("klacht", "lijst") == []
