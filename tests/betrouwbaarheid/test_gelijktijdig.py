"""Several writers at once, on the same complaints: no lost update, no lock error (issue 7).

Writer processes start together (a start signal after every one has loaded) and each
runs its own list of real commands, one transaction each, in-process through Typer's
test runner so that the transactions, not Python's start-up, overlap:
- registering complaints (``klacht registreer``), and one or two CSV imports;
- the procedure on its own complaints (``bevestig``, ``wijs-toe``, ``sluit``);
- racing for the same shared complaints: every writer tries ``bevestig``, ``wijzig``,
  ``wijs-toe`` and ``sluit`` on the same complaint in the same round, in its own order.
A reader checks the audit trail and lists the register meanwhile.

Afterwards:
- every command exited 0, or 2 with a domain refusal that fits the race (already
  confirmed, already closed); no traceback, no "bezet"/"locked" message;
- of the racing ``sluit`` and ``bevestig`` commands exactly one (or, for ``bevestig``,
  none when the complaint was closed first) won, and its data is what is stored;
- the audit trail has exactly one event per successful change, by the writer that
  made it; each event's "before" equals the previous event's "after" for the same
  complaint (a lost update breaks this), and the stored complaint equals its last
  "after";
- kenmerken are unique and gap-free, an import got one unbroken block, and
  ``integriteit.controleer`` finds nothing.

Runs on the backend the fixtures choose (``KWALITEIT_TEST_DATABASE``); size with
``KWALITEIT_BETROUWBAARHEID`` (``vol``: 8 writers with 64 commands each).
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, selectinload

import kwaliteit.db
from betrouwbaarheid.integriteit import controleer, tellingen
from betrouwbaarheid.processen import (
    REPO,
    VANDAAG,
    VOL,
    ZAAD,
    maak_spoormap,
    omgeving,
    omvang,
    rapporteer,
    rng,
)
from klachten import procedure
from klachten.modellen import Klacht
from kwaliteit.audit import AuditGebeurtenis
from kwaliteit.db import maak_engine

Cli = Callable[..., Result]

BACKEND = os.environ.get("KWALITEIT_TEST_DATABASE", "sqlite")

SCHRIJVERS = omvang(6, 8)
RONDEN = omvang(2, 8)  # shared complaints: one per round, all writers on it at once
IMPORTRIJEN = (1500, 700) if VOL else (200,)  # one import per entry, by writers 1, 2, ...
LEESRONDEN = omvang(4, 20)

# One process: load everything, report ready, wait for the common start signal, run
# the commands of its plan in order, and print what each gave as one JSON line.
# "@eigen-N" in a command stands for the kenmerk of this process's N-th registration.
WERKER = r"""
import json, sys, time, traceback

url, door = sys.argv[1], sys.argv[2]
plan = json.loads(sys.stdin.readline())

import klachten.diensten, klachten.uitwisseling, kwaliteit.eenheid  # noqa: E401,F401
from click.testing import CliRunner
from kwaliteit.cli import app
from kwaliteit.cli.taal import installeer

installeer()
runner = CliRunner()
print("klaar", flush=True)
if sys.stdin.readline().strip() != "start":
    sys.exit("geen startsein")

eigen, uitkomsten = [], []
for args in plan:
    args = [eigen[int(a[7:])] if a.startswith("@eigen-") else a for a in args]
    begin = time.time()
    r = runner.invoke(app, ["--database", url, "--door", door, *args])
    tb = None
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        tb = "".join(traceback.format_exception(*r.exc_info))
    uitkomsten.append(
        {"args": args, "code": r.exit_code, "stdout": r.stdout, "stderr": r.stderr,
         "traceback": tb, "begin": begin, "eind": time.time()}
    )
    if args[:2] == ["klacht", "registreer"]:
        eigen.append(r.stdout.strip() if r.exit_code == 0 else "K-ONBEKEND")
print(json.dumps(uitkomsten), flush=True)
"""

# Refusals that fit a race on a shared complaint (exit code 2), per command.
WEIGERINGEN = {
    "bevestig": re.compile(r"is al bevestigd op|is al gesloten op"),
    "wijs-toe": re.compile(r"is al gesloten op"),
    "sluit": re.compile(r"is al gesloten op"),
}
VERBODEN = re.compile(r"bezet|locked|Traceback|onverwachte fout|OperationalError", re.IGNORECASE)
IMPORT = re.compile(r"(\d+) klacht\(en\) geïmporteerd: (K-\d{4}-\d{4}) t/m (K-\d{4}-\d{4})\.")


def _ok(r: Result) -> Result:
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return r


def _csv(pad: Path, aantal: int, tekst: str) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ontvangen", "kanaal", "omschrijving", "beklaagde", "beklaagde_soort"])
        for i in range(aantal):
            w.writerow(["2023-03-01", "e-mail", f"{tekst} {i + 1}", "consulent", "medewerker"])


def _plan(schrijver: int, gedeeld: list[str], imports: dict[int, Path]) -> list[list[str]]:
    """The commands of one writer: per round a registration, its own procedure, and a
    race on the round's shared complaint in an order of its own."""
    r = rng(f"gelijktijdig-{schrijver}")
    plan: list[list[str]] = []
    for ronde, kenmerk in enumerate(gedeeld):
        plan.append(
            ["klacht", "registreer", "--ontvangen", "2023-05-01", "--kanaal", "e-mail",
             "--omschrijving", f"klacht {ronde} van werker {schrijver}", "--beklaagde",
             "consulent", "--beklaagde-soort", "medewerker", "--klager-naam", "A. Klager"]
        )  # fmt: skip
        race = [
            ["klacht", "bevestig", kenmerk, "--datum", "2023-03-02"],
            ["klacht", "wijzig", kenmerk, "--team", f"team {schrijver}.{ronde}"],
            ["klacht", "wijs-toe", kenmerk, "--behandelaar", f"behandelaar {schrijver}"],
            ["klacht", "sluit", kenmerk, "--uitkomst", "ingetrokken", "--wijze",
             f"ingetrokken bij werker {schrijver}", "--datum", "2023-04-03"],
        ]  # fmt: skip
        r.shuffle(race)
        plan += race
        eigen = f"@eigen-{ronde}"
        plan += [
            ["klacht", "bevestig", eigen, "--datum", "2023-05-02"],
            ["klacht", "wijs-toe", eigen, "--behandelaar", f"behandelaar {schrijver}"],
            ["klacht", "sluit", eigen, "--uitkomst", "ingetrokken", "--wijze",
             f"eigen klacht van werker {schrijver}", "--datum", "2023-05-10"],
        ]  # fmt: skip
        if ronde == len(gedeeld) // 2 and schrijver in imports:
            plan.append(["klacht", "importeer", str(imports[schrijver])])
    return plan


def _start(
    url: str, plannen: dict[str, list[list[str]]]
) -> dict[str, tuple[int, list[dict[str, Any]], str]]:
    """Start one process per plan, give the start signal when all are ready, collect."""
    env = omgeving()
    processen = {
        door: subprocess.Popen(
            [sys.executable, "-c", WERKER, url, door],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        for door in plannen
    }
    uit: dict[str, tuple[int, list[dict[str, Any]], str]] = {}
    try:
        for door, p in processen.items():
            assert p.stdin is not None
            p.stdin.write(json.dumps(plannen[door]) + "\n")
            p.stdin.flush()
        for p in processen.values():
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "klaar", p.stderr and p.stderr.read()
        for p in processen.values():
            assert p.stdin is not None
            p.stdin.write("start\n")
            p.stdin.flush()
        for door, p in processen.items():
            stdout, stderr = p.communicate(timeout=900)
            regels = stdout.strip().splitlines()
            uit[door] = (p.returncode, json.loads(regels[-1]) if regels else [], stderr)
    finally:
        for p in processen.values():
            if p.poll() is None:
                p.kill()
                p.wait()
    return uit


def _gebeurtenissen(url: str) -> list[dict[str, Any]]:
    engine = maak_engine(url)
    try:
        with Session(engine) as s:
            return [
                {
                    "volgnummer": g.volgnummer,
                    "tijdstip": g.tijdstip,
                    "door": g.door,
                    "onderwerp": g.onderwerp,
                    "sleutel": g.sleutel,
                    "actie": g.actie,
                    "voor": json.loads(g.voor) if g.voor else None,
                    "na": json.loads(g.na) if g.na else None,
                }
                for g in s.execute(
                    select(AuditGebeurtenis).order_by(AuditGebeurtenis.volgnummer)
                ).scalars()
            ]
    finally:
        engine.dispose()


def _klachten(url: str) -> dict[str, tuple[Klacht, dict[str, Any]]]:
    """Every complaint with its momentopname (as the audit trail records it)."""
    engine = maak_engine(url)
    try:
        with Session(engine) as s:
            return {
                k.kenmerk: (k, procedure.momentopname(k))
                for k in s.execute(
                    select(Klacht).options(selectinload(Klacht.verdagingen))
                ).scalars()
            }
    finally:
        engine.dispose()


@pytest.mark.traag
def test_gelijktijdige_schrijvers_op_dezelfde_klachten_verliezen_geen_wijziging(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    _csv(tmp_path / "gedeeld.csv", RONDEN, "gedeelde klacht")
    _ok(cli("klacht", "importeer", str(tmp_path / "gedeeld.csv"), vandaag=VANDAAG))
    gedeeld = [f"K-2023-{i:04d}" for i in range(1, RONDEN + 1)]
    imports: dict[int, Path] = {}
    for n, rijen in enumerate(IMPORTRIJEN, start=1):
        imports[n] = tmp_path / f"import-{n}.csv"
        _csv(imports[n], rijen, f"import {n}, klacht")
    voor = tellingen(database_url)
    eerste_nieuwe = voor["audit_gebeurtenis"] + 1

    plannen = {f"werker-{w}": _plan(w, gedeeld, imports) for w in range(1, SCHRIJVERS + 1)}
    plannen["lezer"] = [
        args
        for _ in range(LEESRONDEN)
        for args in (
            ["audit", "controleer", "--json"],
            ["klacht", "lijst", "--jaar", "2023", "--json"],
        )
    ]
    begin = time.monotonic()
    uit = _start(database_url, plannen)
    looptijd = time.monotonic() - begin

    problemen: list[str] = []
    for door, (code, _, stderr) in uit.items():
        if code != 0:
            problemen.append(f"{door}: proces eindigde met {code}: {stderr[-2000:]}")

    # -- every command: 0, or 2 with a refusal that fits the race ----------------------
    uitkomsten: Counter[str] = Counter()
    gelukt: list[tuple[str, dict[str, Any]]] = []  # (door, command) in order per writer
    wachttijden: list[float] = []
    for door, (_, resultaten, _) in uit.items():
        for res in resultaten:
            args, code = res["args"], res["code"]
            tekst = res["stdout"] + res["stderr"]
            wachttijden.append(res["eind"] - res["begin"])
            soort = args[1] if args[0] == "klacht" else args[0]
            if res["traceback"] or VERBODEN.search(tekst):
                problemen.append(f"{door} {args}: {res['traceback'] or tekst}")
            if code == 0:
                uitkomsten[f"{soort}: gelukt"] += 1
                gelukt.append((door, res))
            elif code == 2 and soort in WEIGERINGEN and args[2] in gedeeld:
                weigering = WEIGERINGEN[soort].search(res["stderr"])
                if weigering:
                    uitkomsten[f"{soort}: geweigerd ({weigering.group(0)})"] += 1
                else:
                    problemen.append(f"{door} {args}: onverwachte weigering {res['stderr']!r}")
            else:
                problemen.append(f"{door} {args}: exitcode {code}: {tekst!r}")
    if lezer := uit.get("lezer"):
        for res in lezer[1]:
            controle = res["args"][:2] == ["audit", "controleer"] and res["code"] == 0
            if controle and not json.loads(res["stdout"])["in_orde"]:
                problemen.append(f"lezer zag een gebroken auditspoor: {res['stdout']}")

    # -- what the successful commands must have left ------------------------------------
    verwacht: Counter[tuple[str, str, str]] = Counter()
    registraties: dict[str, str] = {}
    import_blokken: list[tuple[int, str, str]] = []
    for door, res in gelukt:
        args = res["args"]
        if args[0] != "klacht":
            continue
        if args[1] == "registreer":
            kenmerk = res["stdout"].strip()
            registraties[kenmerk] = args[args.index("--omschrijving") + 1]
            verwacht[(kenmerk, "registreer", door)] += 1
        elif args[1] == "importeer":
            m = IMPORT.search(res["stdout"])
            assert m, res["stdout"]
            aantal, eerste, laatste = int(m.group(1)), m.group(2), m.group(3)
            import_blokken.append((aantal, eerste, laatste))
            for nr in range(int(eerste[-4:]), int(laatste[-4:]) + 1):
                verwacht[(f"K-2023-{nr:04d}", "registreer", door)] += 1
            verwacht[(Path(args[2]).name, "importeer", door)] += 1
        elif args[1] in ("bevestig", "wijzig", "wijs-toe", "sluit"):
            verwacht[(args[2], args[1], door)] += 1

    gebeurtenissen = _gebeurtenissen(database_url)
    nieuw = [g for g in gebeurtenissen if g["volgnummer"] >= eerste_nieuwe]
    gevonden = Counter((g["sleutel"], g["actie"], g["door"]) for g in nieuw)
    if gevonden != verwacht:
        problemen.append(
            f"auditspoor wijkt af van de gelukte opdrachten: te veel {dict(gevonden - verwacht)}, "
            f"ontbreekt {dict(verwacht - gevonden)}"
        )

    # A lost update shows as an event whose "before" is not the previous "after".
    klachten = _klachten(database_url)
    verloren: list[str] = []
    laatste_na: dict[str, dict[str, Any]] = {}
    for g in gebeurtenissen:
        if g["onderwerp"] != "klacht":
            continue
        vorige = laatste_na.get(g["sleutel"])
        if vorige is not None and g["voor"] is not None:
            anders = {
                k: (vorige.get(k), v)
                for k, v in g["voor"].items()
                if k in vorige and vorige[k] != v
            }
            if anders:
                verloren.append(
                    f"{g['sleutel']} gebeurtenis {g['volgnummer']} ({g['actie']}): {anders}"
                )
        if g["na"] is not None:
            laatste_na[g["sleutel"]] = {**(vorige or {}), **g["na"]}
    for kenmerk, na in laatste_na.items():
        _, stand = klachten[kenmerk]
        anders = {k: (na[k], v) for k, v in stand.items() if k in na and na[k] != v}
        if anders:
            verloren.append(f"{kenmerk}: opgeslagen wijkt af van de laatste gebeurtenis: {anders}")
    problemen += verloren

    # The races: exactly one sluit won, at most one bevestig; the winner's data is stored.
    for kenmerk in gedeeld:
        k, _ = klachten[kenmerk]
        sluiters = [d for d, r in gelukt if r["args"][1:3] == ["sluit", kenmerk]]
        bevestigers = [d for d, r in gelukt if r["args"][1:3] == ["bevestig", kenmerk]]
        if len(sluiters) != 1:
            problemen.append(f"{kenmerk}: {len(sluiters)} keer gesloten ({sluiters})")
        elif k.wijze_intrekking != f"ingetrokken bij {sluiters[0].replace('-', ' ')}":
            problemen.append(
                f"{kenmerk}: gesloten door {sluiters[0]}, opgeslagen {k.wijze_intrekking!r}"
            )
        if len(bevestigers) > 1 or (k.bevestigd is not None) != bool(bevestigers):
            problemen.append(f"{kenmerk}: bevestigd door {bevestigers}, opgeslagen {k.bevestigd}")

    # Registrations and imports: every one stored, kenmerken unique and without gaps.
    for kenmerk, omschrijving in registraties.items():
        if kenmerk not in klachten or klachten[kenmerk][0].omschrijving != omschrijving:
            problemen.append(f"registratie {kenmerk} ({omschrijving}) is niet (zo) opgeslagen")
    for (aantal, eerste, laatste), rijen in zip(
        sorted(import_blokken), sorted(IMPORTRIJEN), strict=False
    ):
        if aantal != rijen or int(laatste[-4:]) - int(eerste[-4:]) + 1 != aantal:
            problemen.append(
                f"import {eerste} t/m {laatste}: {aantal} klachten, verwacht {rijen} aaneen"
            )
    if len(import_blokken) != len(IMPORTRIJEN):
        problemen.append(f"{len(import_blokken)} van de {len(IMPORTRIJEN)} imports gelukt")
    na = tellingen(database_url)
    if na["klacht"] != voor["klacht"] + len(registraties) + sum(a for a, _, _ in import_blokken):
        problemen.append(
            f"{na['klacht']} klachten, verwacht {voor['klacht']} + gelukte registraties"
        )
    problemen += [f"integriteit: {p}" for p in controleer(database_url)]

    # Times in the audit trail that go back while the numbers go up (reported, see below).
    terug = sum(1 for a, b in itertools.pairwise(gebeurtenissen) if b["tijdstip"] < a["tijdstip"])
    rapporteer(
        "gelijktijdig",
        database_url,
        {
            "schrijvers": SCHRIJVERS,
            "lezers": 1,
            "gedeelde_klachten": RONDEN,
            "opdrachten": sum(len(p) for p in plannen.values()),
            "opdrachten_per_schrijver": len(plannen["werker-1"]),
            "importrijen": list(IMPORTRIJEN),
            "uitkomsten": dict(sorted(uitkomsten.items())),
            "gebeurtenissen": len(nieuw),
            "verloren_wijzigingen": len(verloren),
            "tijdstip_terug_in_auditspoor": terug,
            "langste_opdracht_s": round(max(wachttijden, default=0), 3),
            "looptijd_s": round(looptijd, 1),
            "problemen": problemen[:20],
            "zaad": ZAAD,
        },
    )
    assert not problemen, "\n".join(problemen[:30])


@pytest.mark.traag
def test_tijdstip_in_het_auditspoor_is_het_moment_van_de_wijziging_niet_van_het_wachten(
    database_url: str, tmp_path: Path
) -> None:
    """Een schrijver die op de vergrendeling wacht, legt het moment van zijn wijziging vast.

    Anders lopen tijdstip en volgnummer in het auditspoor uiteen (in de test hierboven:
    een gebeurtenis met een hoger volgnummer en een eerder tijdstip).
    """
    werk = tmp_path / "runs"
    werk.mkdir()
    # The name of the lock's number is changing (_SCHRIJFSLOT, SCHRIJFSLOT): take either.
    slot = getattr(kwaliteit.db, "SCHRIJFSLOT", None) or getattr(kwaliteit.db, "_SCHRIJFSLOT")  # noqa: B009
    houder: Any
    if BACKEND == "sqlite":
        houder = sqlite3.connect(str(make_url(database_url).database), isolation_level=None)
        houder.execute("BEGIN IMMEDIATE")
    else:
        houder = create_engine(database_url, isolation_level="AUTOCOMMIT").connect()
        houder.execute(text("SELECT pg_advisory_lock(:slot)"), {"slot": slot})
    spoor = maak_spoormap(tmp_path)
    spoorbestand = werk / "registreer.spoor"
    p = subprocess.Popen(
        [sys.executable, "-m", "kwaliteit", "--database", database_url, "klacht", "registreer",
         "--ontvangen", "2023-03-01", "--kanaal", "brief", "--omschrijving", "wachtte op het slot"],
        env=omgeving(spoormap=spoor, spoor=spoorbestand),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        # The writer has begun its transaction and waits for the lock; hold it a little longer.
        while p.poll() is None and "begin schrijven" not in (
            spoorbestand.read_text(encoding="utf-8") if spoorbestand.exists() else ""
        ):
            time.sleep(0.01)
        time.sleep(0.5)
        vrijgegeven = datetime.now(UTC)
    finally:
        if BACKEND == "sqlite":
            houder.rollback()
            houder.close()
        else:
            houder.execute(text("SELECT pg_advisory_unlock(:slot)"), {"slot": slot})
            houder.close()
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 0, stderr
    gebeurtenis = _gebeurtenissen(database_url)[-1]
    assert gebeurtenis["sleutel"] == stdout.decode().strip()
    assert gebeurtenis["tijdstip"] >= vrijgegeven, (
        f"vastgelegd {gebeurtenis['tijdstip']:%H:%M:%S.%f}, "
        f"maar de vergrendeling kwam pas vrij om {vrijgegeven:%H:%M:%S.%f}"
    )
