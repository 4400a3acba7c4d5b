"""Crash consistency: commands killed with SIGKILL at random moments (issue 7).

Every scenario runs the real command (``python -m kwaliteit ...``) in its own process
group and kills the group with SIGKILL after a seeded random delay: the even runs
anywhere between the start and the command's measured duration, the odd runs at a
random point of the window that matters, counted from its begin in the child's trace
(the write transaction up to the end of its commit, or reading and writing up to the
rename of the output; its length is measured in calibration runs that are not
killed). The trace (see ``processen``) also tells where each kill landed.

After every kill:
- the database is exactly as before the command or exactly as after it (the row
  counts of every table and the rows the command touches), and the trace agrees: a
  kill before the COMMIT leaves nothing, a kill after it everything;
- ``integriteit.controleer`` finds nothing, and a following command works;
- the output path (``klacht exporteer --uit F``, ``kwaliteit dossier --uit MAP``) is
  absent, the previous complete output, or the complete new one, never half of
  one; an existing dossier folder passes ``kwaliteit dossier controleer``. Hidden
  leftovers beside it are counted (allowed, and reported), and the following build
  still succeeds.

Size: ``KWALITEIT_BETROUWBAARHEID=vol`` for at least 50 kills per scenario (default:
a few). Seed: ``KWALITEIT_BETROUWBAARHEID_ZAAD``. With
``KWALITEIT_BETROUWBAARHEID_RAPPORT=PAD`` each test appends its figures as JSON.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from sqlalchemy import func, select

from betrouwbaarheid.integriteit import controleer, tellingen
from betrouwbaarheid.processen import (
    IN_TRANSACTIE,
    NA_COMMIT,
    NA_HERNOEMEN,
    TIJDENS_SCHRIJVEN,
    VANDAAG,
    VOOR_LEZEN,
    VOOR_TRANSACTIE,
    ZAAD,
    Afloop,
    Verdeling,
    draai,
    kies_moment,
    maak_spoormap,
    omvang,
    rapporteer,
    rng,
    wacht_op_database,
)
from klachten.modellen import Klacht
from kwaliteit.bewijs.modellen import Bestand, Bewijsstuk, Bewijsversie
from kwaliteit.db import maak_engine

Cli = Callable[..., Result]

pytestmark = pytest.mark.traag

KALIBRATIE = omvang(1, 3)
ONGEWIJZIGD = "ongewijzigd"
VOLLEDIG = "volledig"


def _ok(r: Result) -> Result:
    assert r.exit_code == 0, (r.stdout, r.stderr)
    return r


def _schrijf_csv(
    pad: Path, aantal: int, *, kanaal: str | None = None, tekst: str = "import"
) -> list[str]:
    """A CSV of ``aantal`` complaints received in 2023, with klagers; returns the omschrijvingen."""
    kanalen = ("e-mail", "brief", "telefoon", "webformulier", "balie")
    wijken = ("Groenoord", "Nieuwland", "Oost", "Zuid", "Centrum/West")
    omschrijvingen = []
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["ontvangen", "kanaal", "omschrijving", "wijk", "beklaagde", "beklaagde_soort",
             "categorie", "klager_naam", "klager_contact"]
        )  # fmt: skip
        for i in range(aantal):
            omschrijving = f"{tekst} {i + 1}: niet teruggebeld na aanmelding"
            omschrijvingen.append(omschrijving)
            w.writerow(
                [f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", kanaal or kanalen[i % len(kanalen)],
                 omschrijving, wijken[i % len(wijken)], f"consulent {i % 7}", "medewerker",
                 "bejegening", f"Klager {i + 1}", f"klager{i + 1}@voorbeeld.invalid"]
            )  # fmt: skip
    return omschrijvingen


def _verschil(voor: dict[str, int], na: dict[str, int]) -> dict[str, int]:
    return {t: na[t] - voor[t] for t in na if na[t] != voor[t]}


# -- the runs ------------------------------------------------------------------------------


@dataclass
class Reeks:
    """The figures and problems of one scenario."""

    naam: str
    url: str
    verdeling: Verdeling = field(default_factory=Verdeling)
    fouten: list[str] = field(default_factory=list)
    runs: int = 0
    gedood: int = 0
    gericht: int = 0
    duren: list[float] = field(default_factory=list)
    vensters: list[tuple[float, float]] = field(default_factory=list)
    restanten: dict[str, int | dict[str, int]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    begin: float = field(default_factory=time.monotonic)

    def fout(self, nummer: int, afloop: Afloop | None, melding: str) -> None:
        waar = f"run {nummer} (zaad {ZAAD})"
        if afloop is not None:
            waar += (
                f", {afloop.moment}, exitcode {afloop.code}, "
                f"spoor {[(round(t, 3), w) for t, w in afloop.spoor]}, stderr {afloop.stderr[-500:]!r}"
            )
        self.fouten.append(f"{self.naam}, {waar}: {melding}")

    def duur(self) -> float:
        return statistics.median(self.duren)

    def venster(self) -> tuple[float, float] | None:
        if not self.vensters:
            return None
        return (
            statistics.median(b for b, _ in self.vensters),
            statistics.median(e for _, e in self.vensters),
        )

    def rapport(self) -> None:
        venster = self.venster()
        rapporteer(
            self.naam,
            self.url,
            {
                "runs": self.runs,
                "gedood": self.gedood,
                "niet_gedood": self.runs - self.gedood,
                "gericht_na_begin": self.gericht,
                "per_fase": self.verdeling.per_fase(),
                "uitkomsten": self.verdeling.uitkomsten(),
                "restanten": self.restanten,
                "duur_s": round(self.duur(), 3) if self.duren else None,
                "venster_s": [round(v, 3) for v in venster] if venster else None,
                "verloren_of_half": len(self.fouten),
                "fouten": self.fouten[:20],
                "looptijd_s": round(time.monotonic() - self.begin, 1),
                **self.extra,
            },
        )

    def eindcontrole(self, minimaal: int) -> None:
        self.rapport()
        assert not self.fouten, "\n".join(self.fouten[:20])
        assert self.runs >= minimaal


def _databasereeks(
    reeks: Reeks,
    tmp: Path,
    *,
    runs: int,
    opdracht: Callable[[], list[str]],
    voor: Callable[[], Any],
    beoordeel: Callable[[Any], str],
    verder: Callable[[str], None],
    vervolg: Callable[[], str | None],
) -> None:
    """Calibrate, then kill ``runs`` times; check all-or-nothing after every run.

    ``opdracht()`` is the command for the next run; ``voor()`` records the state before
    it; ``beoordeel(toestand_voor)`` says ONGEWIJZIGD, VOLLEDIG or what is wrong;
    ``verder(uitkomst)`` moves the scenario on; ``vervolg()`` runs a following command
    and returns a problem, or None.
    """
    spoor = maak_spoormap(tmp)
    r = rng(reeks.naam)
    werk = tmp / "runs"
    werk.mkdir()
    for nummer in range(-KALIBRATIE, runs):
        kalibratie = nummer < 0
        args = opdracht()
        toestand = voor()
        moment = (
            None
            if kalibratie
            else kies_moment(r, nummer, reeks.duur(), reeks.venster(), "begin schrijven")
        )
        a = draai(reeks.url, args, werkmap=werk, spoor=spoor, moment=moment)
        wacht_op_database(reeks.url)
        uitkomst = beoordeel(toestand)
        if kalibratie:
            if a.code != 0 or uitkomst != VOLLEDIG:
                reeks.fout(nummer, a, f"de kalibratierun faalde ({uitkomst}): {a.stdout!r}")
                return
            reeks.duren.append(a.duur)
            venster = a.venster_schrijven()
            if venster:
                reeks.vensters.append(venster)
            verder(uitkomst)
            continue
        reeks.runs += 1
        reeks.gedood += a.gedood
        reeks.gericht += bool(moment and moment.na)
        fase = a.fase_schrijven()
        reeks.verdeling.tel(fase, uitkomst if uitkomst in (ONGEWIJZIGD, VOLLEDIG) else "half")
        if uitkomst not in (ONGEWIJZIGD, VOLLEDIG):
            reeks.fout(nummer, a, f"niet alles of niets: {uitkomst}")
        elif not a.gedood and (a.code != 0 or uitkomst != VOLLEDIG):
            reeks.fout(nummer, a, f"niet gedood, maar exitcode {a.code} en {uitkomst}")
        elif fase in (VOOR_TRANSACTIE, IN_TRANSACTIE) and uitkomst != ONGEWIJZIGD:
            reeks.fout(nummer, a, f"gedood {fase}, toch {uitkomst}")
        elif fase == NA_COMMIT and uitkomst != VOLLEDIG:
            reeks.fout(
                nummer, a, f"gedood {fase}, toch {uitkomst}: een bevestigde wijziging is weg"
            )
        problemen = controleer(reeks.url)
        if problemen:
            reeks.fout(nummer, a, f"integriteit: {problemen}")
        probleem = vervolg()
        if probleem:
            reeks.fout(nummer, a, f"de volgende opdracht faalde: {probleem}")
        if reeks.fouten:
            return
        verder(uitkomst)


def _kenmerken_2023(url: str) -> int:
    engine = maak_engine(url)
    try:
        with engine.connect() as c:
            return int(
                c.execute(
                    select(func.coalesce(func.max(Klacht.volgnummer), 0)).where(Klacht.jaar == 2023)
                ).scalar_one()
            )
    finally:
        engine.dispose()


def _vervolg_registratie(cli: Cli, url: str) -> Callable[[], str | None]:
    """A registration after the kill: works, and gets the next kenmerk of 2023."""

    def vervolg() -> str | None:
        verwacht = f"K-2023-{_kenmerken_2023(url) + 1:04d}"
        r = cli(
            "klacht", "registreer", "--ontvangen", "2023-12-01", "--kanaal", "brief",
            "--omschrijving", "Geregistreerd na de crash", vandaag=VANDAAG,
        )  # fmt: skip
        if r.exit_code != 0 or r.stdout.strip() != verwacht:
            return f"registreer: exitcode {r.exit_code}, {r.stdout!r} (verwacht {verwacht}), {r.stderr!r}"
        return None

    return vervolg


# -- import -----------------------------------------------------------------------------


def test_sigkill_tijdens_import_laat_alle_of_geen_klachten_achter(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """A CSV import of thousands of complaints, killed: all N complaints (and klagers) or none."""
    n = omvang(1500, 3000)
    bestand = tmp_path / "klachten.csv"
    omschrijvingen = _schrijf_csv(bestand, n)
    reeks = Reeks("crash_import", database_url, extra={"rijen_per_import": n})

    def voor() -> tuple[dict[str, int], int]:
        return tellingen(database_url), _kenmerken_2023(database_url)

    def beoordeel(toestand: tuple[dict[str, int], int]) -> str:
        tellingen_voor, hoogste = toestand
        verschil = _verschil(tellingen_voor, tellingen(database_url))
        if not verschil:
            return ONGEWIJZIGD
        if verschil != {"klacht": n, "klager": n, "audit_gebeurtenis": n + 1}:
            return f"verschil in rijen {verschil}"
        engine = maak_engine(database_url)
        try:
            with engine.connect() as c:
                nieuw = list(
                    c.execute(
                        select(Klacht.omschrijving)
                        .where(Klacht.jaar == 2023, Klacht.volgnummer > hoogste)
                        .order_by(Klacht.volgnummer)
                    ).scalars()
                )
        finally:
            engine.dispose()
        return VOLLEDIG if nieuw == omschrijvingen else "de geïmporteerde klachten wijken af"

    _databasereeks(
        reeks,
        tmp_path,
        runs=omvang(5, 50),
        opdracht=lambda: ["klacht", "importeer", str(bestand)],
        voor=voor,
        beoordeel=beoordeel,
        verder=lambda _: None,
        vervolg=_vervolg_registratie(cli, database_url),
    )
    reeks.eindcontrole(omvang(5, 50))


# -- steps of the procedure --------------------------------------------------------------

# (command, its options, the columns it may change, the values it must set)
STAPPEN: tuple[tuple[str, tuple[str, ...], frozenset[str], dict[str, Any]], ...] = (
    ("bevestig", ("--datum", "2023-03-02"), frozenset({"bevestigd"}), {"bevestigd": "2023-03-02"}),
    ("afschrift", ("--datum", "2023-03-03"), frozenset({"afschrift"}), {"afschrift": "2023-03-03"}),
    (
        "hoor",
        ("--datum", "2023-03-10", "--verslag", "Gesprek met klager en consulent"),
        frozenset({"gehoord", "hoorverslag", "afzien_horen"}),
        {"gehoord": "2023-03-10", "hoorverslag": "Gesprek met klager en consulent"},
    ),
    (
        "wijs-toe",
        ("--behandelaar", "teamleider Oost"),
        frozenset({"behandelaar"}),
        {"behandelaar": "teamleider Oost"},
    ),
    (
        "verdaag",
        ("--weken", "2", "--reden", "Consulent met verlof", "--datum", "2023-04-01"),
        frozenset({"uiterste_datum"}),
        {},
    ),
    (
        "wijzig",
        ("--team", "Team Oost", "--wijk", "Oost"),
        frozenset({"team", "wijk", "uiterste_datum"}),
        {"team": "Team Oost", "wijk": "Oost"},
    ),
    (
        "sluit",
        (
            "--uitkomst",
            "gegrond",
            "--bevindingen",
            "Niet teruggebeld",
            "--conclusies",
            "Excuses aangeboden",
            "--datum",
            "2023-04-20",
        ),
        frozenset(
            {
                "status",
                "uitkomst",
                "afgehandeld",
                "bevindingen",
                "conclusies",
                "binnen_termijn",
                "bewaren_tot",
                "behandelaar",
            }
        ),
        {"status": "gesloten", "uitkomst": "gegrond", "afgehandeld": "2023-04-20"},
    ),
)


def _klachtrij(url: str, kenmerk: str) -> dict[str, Any]:
    engine = maak_engine(url)
    try:
        with engine.connect() as c:
            rij = c.execute(select(Klacht.__table__).where(Klacht.kenmerk == kenmerk)).one()
            return {
                k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in rij._mapping.items()
            }
    finally:
        engine.dispose()


def test_sigkill_tijdens_een_stap_laat_de_oude_of_de_nieuwe_toestand(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """bevestig, afschrift, hoor, wijs-toe, verdaag, wijzig en sluit, gedood: oud of nieuw, nooit half."""
    aantal_klachten = omvang(4, 20)
    _schrijf_csv(tmp_path / "klachten.csv", aantal_klachten, kanaal="e-mail")
    _ok(cli("klacht", "importeer", str(tmp_path / "klachten.csv"), vandaag=VANDAAG))
    # Every complaint received 2023-03-01, so that the dates of the steps fit.
    for i in range(1, aantal_klachten + 1):
        _ok(
            cli("klacht", "wijzig", f"K-2023-{i:04d}", "--ontvangen", "2023-03-01", vandaag=VANDAAG)
        )
    positie = {"klacht": 1, "stap": 0}
    reeks = Reeks("crash_klachtstap", database_url)
    per_stap: dict[str, dict[str, int]] = {s[0]: {ONGEWIJZIGD: 0, VOLLEDIG: 0} for s in STAPPEN}

    def huidige() -> tuple[str, tuple[str, tuple[str, ...], frozenset[str], dict[str, Any]]]:
        return f"K-2023-{positie['klacht']:04d}", STAPPEN[positie["stap"]]

    def opdracht() -> list[str]:
        kenmerk, (stap, opties, _, _) = huidige()
        return ["klacht", stap, kenmerk, *opties]

    def voor() -> tuple[dict[str, int], dict[str, Any]]:
        return tellingen(database_url), _klachtrij(database_url, huidige()[0])

    def beoordeel(toestand: tuple[dict[str, int], dict[str, Any]]) -> str:
        tellingen_voor, rij_voor = toestand
        kenmerk, (stap, _, mag, moet) = huidige()
        verschil = _verschil(tellingen_voor, tellingen(database_url))
        rij = _klachtrij(database_url, kenmerk)
        gewijzigd = {k for k in rij if rij[k] != rij_voor[k]}
        if not verschil and not gewijzigd:
            return ONGEWIJZIGD
        verwacht = {"audit_gebeurtenis": 1, **({"verdaging": 1} if stap == "verdaag" else {})}
        if verschil != verwacht:
            return f"{stap} {kenmerk}: verschil in rijen {verschil}, kolommen {sorted(gewijzigd)}"
        if gewijzigd - mag or any(rij[k] != v for k, v in moet.items()):
            return f"{stap} {kenmerk}: kolommen {sorted(gewijzigd)}, waarden { {k: rij[k] for k in moet} }"
        return VOLLEDIG

    def verder(uitkomst: str) -> None:
        stap = huidige()[1][0]
        per_stap[stap][uitkomst] += 1
        if uitkomst == VOLLEDIG:
            positie["stap"] += 1
            if positie["stap"] == len(STAPPEN):
                positie["klacht"] = positie["klacht"] % aantal_klachten + 1
                positie["stap"] = 0
                if positie["klacht"] == 1:  # pragma: no cover - only with very many runs
                    pytest.fail("alle klachten zijn afgehandeld; kies meer klachten")

    _databasereeks(
        reeks,
        tmp_path,
        runs=omvang(5, 50),
        opdracht=opdracht,
        voor=voor,
        beoordeel=beoordeel,
        verder=verder,
        vervolg=_vervolg_registratie(cli, database_url),
    )
    reeks.extra["per_stap"] = per_stap
    reeks.eindcontrole(omvang(5, 50))


# -- evidence with a file -----------------------------------------------------------------


def test_sigkill_tijdens_bewijsregistratie_met_bestand_laat_alles_of_niets(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """bewijs registreer --bestand (megabytes), gedood: bewijsstuk, versie en bestand samen, of niets."""
    grootte = omvang(4, 8) * 1024 * 1024
    r = rng("bewijsbestanden")
    reeks = Reeks("crash_bewijs", database_url, extra={"bestandsgrootte": grootte})
    huidig: dict[str, Any] = {}

    def nieuw_bestand() -> None:
        pad = tmp_path / f"bewijs-{len(reeks.duren)}-{reeks.runs}.bin"
        inhoud = r.randbytes(grootte)
        pad.write_bytes(inhoud)
        if "pad" in huidig:
            huidig["pad"].unlink(missing_ok=True)
        huidig.update(pad=pad, sha=hashlib.sha256(inhoud).hexdigest())

    def opdracht() -> list[str]:
        if "pad" not in huidig:
            nieuw_bestand()
        return [
            "bewijs", "registreer", "--titel", f"Verslag {huidig['sha'][:8]}", "--soort",
            "document", "--ingangsdatum", "01-01-2023", "--bestand", str(huidig["pad"]),
        ]  # fmt: skip

    def voor() -> dict[str, int]:
        return tellingen(database_url)

    def beoordeel(tellingen_voor: dict[str, int]) -> str:
        verschil = _verschil(tellingen_voor, tellingen(database_url))
        if not verschil:
            return ONGEWIJZIGD
        if verschil != {"bewijsstuk": 1, "bewijsversie": 1, "bestand": 1, "audit_gebeurtenis": 1}:
            return f"verschil in rijen {verschil}"
        engine = maak_engine(database_url)
        try:
            with engine.connect() as c:
                titel, sha = c.execute(
                    select(Bewijsstuk.titel, Bewijsversie.sha256)
                    .join(Bewijsversie, Bewijsversie.bewijsstuk_id == Bewijsstuk.id)
                    .order_by(Bewijsstuk.volgnummer.desc())
                    .limit(1)
                ).one()
                inhoud = c.execute(
                    select(Bestand.inhoud).where(Bestand.sha256 == huidig["sha"])
                ).scalar_one_or_none()
        finally:
            engine.dispose()
        if titel != f"Verslag {huidig['sha'][:8]}" or sha != huidig["sha"]:
            return f"het nieuwe bewijsstuk klopt niet: {titel!r}, {sha}"
        if inhoud is None or hashlib.sha256(inhoud).hexdigest() != huidig["sha"]:
            return "het bewaarde bestand is onvolledig of anders"
        return VOLLEDIG

    def verder(uitkomst: str) -> None:
        if uitkomst == VOLLEDIG:
            nieuw_bestand()

    def vervolg() -> str | None:
        engine = maak_engine(database_url)
        try:
            with engine.connect() as c:
                hoogste = c.execute(
                    select(func.coalesce(func.max(Bewijsstuk.volgnummer), 0))
                ).scalar_one()
        finally:
            engine.dispose()
        res = cli(
            "bewijs", "registreer", "--titel", "Na de crash", "--soort", "registratie",
            "--ingangsdatum", "01-01-2023", vandaag=VANDAAG,
        )  # fmt: skip
        if res.exit_code != 0 or res.stdout.strip() != f"B-{hoogste + 1:04d}":
            return f"bewijs registreer: exitcode {res.exit_code}, {res.stdout!r}, {res.stderr!r}"
        return None

    _databasereeks(
        reeks,
        tmp_path,
        runs=omvang(5, 50),
        opdracht=opdracht,
        voor=voor,
        beoordeel=beoordeel,
        verder=verder,
        vervolg=vervolg,
    )
    reeks.eindcontrole(omvang(5, 50))


# -- output files and folders ----------------------------------------------------------------

Vingerafdruk = dict[str, str]


def vingerafdruk(pad: Path) -> Vingerafdruk | None:
    """SHA-256 of a file ({'.': sha}) or of every file in a folder; None when absent."""
    if not pad.exists():
        return None
    if pad.is_file():
        return {".": hashlib.sha256(pad.read_bytes()).hexdigest()}
    return {
        str(p.relative_to(pad)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(pad.rglob("*"))
        if p.is_file()
    }


def restanten(doel: Path) -> set[str]:
    """Hidden names beside ``doel`` that a build or export leaves when it is killed."""
    return {p.name for p in doel.parent.iterdir() if p.name.startswith(f".{doel.name}.")}


def _soort_restant(naam: str) -> str:
    return naam.rsplit(".", 1)[-1]


def _weg(pad: Path) -> None:
    if pad.is_dir():
        shutil.rmtree(pad)
    else:
        pad.unlink(missing_ok=True)


@dataclass(frozen=True)
class Uitvoerrun:
    soort: str  # key of the reference for the new output
    args: list[str]
    met_vorige: bool
    kalibratie: bool = False


def _plan(
    soorten: dict[str, tuple[int, int]], args: Callable[[str], list[str]]
) -> list[Uitvoerrun]:
    """Calibration runs first, then the killed runs, each soort spread evenly; every
    other pair of runs starts with the previous output in place."""
    plan = [
        Uitvoerrun(soort, args(soort), met_vorige=i % 2 == 1, kalibratie=True)
        for soort, (kalibratie, _) in soorten.items()
        for i in range(kalibratie)
    ]
    gedood = [(j / n, soort) for soort, (_, n) in soorten.items() for j in range(n)]
    plan += [
        Uitvoerrun(soort, args(soort), met_vorige=i % 4 >= 2)
        for i, (_, soort) in enumerate(sorted(gedood))
    ]
    return plan


def _uitvoerreeks(
    reeks: Reeks,
    tmp: Path,
    *,
    doel: Path,
    plan: list[Uitvoerrun],
    nieuw: dict[str, Vingerafdruk],
    vorige: Path,
    vervolg: Callable[[Uitvoerrun], Result],
    controleer_uitvoer: Callable[[Path], Result] | None = None,
) -> None:
    """Kill each planned run; the output is absent, the previous or the new one, never half.

    Calibration runs are not killed and must give the new output. Before a run
    ``met_vorige`` the previous output (a copy of ``vorige``) is put at ``doel``. After
    every kill the following command must write the new output, beside any leftovers.
    """
    spoor = maak_spoormap(tmp)
    r = rng(reeks.naam)
    werk = tmp / "runs"
    werk.mkdir()
    vorige_afdruk = vingerafdruk(vorige)
    assert vorige_afdruk is not None
    assert all(v != vorige_afdruk for v in nieuw.values())
    duren: dict[str, list[float]] = {}
    vensters: dict[str, list[tuple[float, float]]] = {}
    gezien: set[str] = set()
    soorten_restant: dict[str, int] = {}
    for nummer, run in enumerate(plan):
        _weg(doel)
        if run.met_vorige:
            if vorige.is_dir():
                shutil.copytree(vorige, doel)
            else:
                shutil.copyfile(vorige, doel)
        moment = None
        if not run.kalibratie:
            venster = (
                (
                    statistics.median(b for b, _ in vensters[run.soort]),
                    statistics.median(e for _, e in vensters[run.soort]),
                )
                if vensters.get(run.soort)
                else None
            )
            moment = kies_moment(r, nummer, statistics.median(duren[run.soort]), venster, "begin")
        a = draai(reeks.url, run.args, werkmap=werk, spoor=spoor, moment=moment)
        afdruk = vingerafdruk(doel)
        if afdruk is None:
            uitkomst = "afwezig"
        elif afdruk == vorige_afdruk:
            uitkomst = "vorige"
        elif afdruk == nieuw[run.soort]:
            uitkomst = "nieuw"
        else:
            uitkomst = "half"
        oud = "vorige" if run.met_vorige else "afwezig"
        if run.kalibratie:
            if a.code != 0 or uitkomst != "nieuw":
                reeks.fout(nummer, a, f"de kalibratierun ({run.soort}) faalde: {uitkomst}")
                return
            duren.setdefault(run.soort, []).append(a.duur)
            reeks.duren.append(a.duur)
            venster = a.venster_bestand(doel)
            if venster:
                vensters.setdefault(run.soort, []).append(venster)
                reeks.vensters.append(venster)
            continue
        reeks.runs += 1
        reeks.gedood += a.gedood
        reeks.gericht += bool(moment and moment.na)
        fase = a.fase_bestand(doel)
        reeks.verdeling.tel(f"{run.soort}, {fase}", f"{uitkomst} (vooraf {oud})")
        if uitkomst not in (oud, "nieuw"):
            reeks.fout(nummer, a, f"{doel.name} is {uitkomst} (vooraf: {oud})")
        elif not a.gedood and (a.code != 0 or uitkomst != "nieuw"):
            reeks.fout(nummer, a, f"niet gedood, maar exitcode {a.code} en {uitkomst}")
        elif uitkomst != {VOOR_LEZEN: oud, TIJDENS_SCHRIJVEN: oud, NA_HERNOEMEN: "nieuw"}.get(
            fase, uitkomst
        ):
            reeks.fout(nummer, a, f"gedood {fase}, toch {uitkomst}")
        if afdruk is not None and controleer_uitvoer is not None:
            c = controleer_uitvoer(doel)
            if c.exit_code != 0:
                reeks.fout(nummer, a, f"dossier controleer: exitcode {c.exit_code}: {c.stdout}")
        nieuwe_restanten = restanten(doel) - gezien
        gezien |= nieuwe_restanten
        for naam in nieuwe_restanten:
            soort = _soort_restant(naam)
            soorten_restant[soort] = soorten_restant.get(soort, 0) + 1
        # The following command still works, beside whatever was left behind.
        v = vervolg(run)
        if v.exit_code != 0 or vingerafdruk(doel) != nieuw[run.soort]:
            reeks.fout(nummer, a, f"de volgende opdracht faalde: {v.exit_code}, {v.stderr!r}")
        if reeks.fouten:
            break
    reeks.restanten = {
        "runs_met_restant": sum(soorten_restant.values()),
        "per_soort": soorten_restant,
        "na_afloop_naast_de_uitvoer": len(restanten(doel)),
    }


def test_sigkill_tijdens_export_laat_geen_half_bestand(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """klacht exporteer --uit F, gedood: F ontbreekt, is de vorige export of de complete nieuwe."""
    n = omvang(800, 3000)
    _schrijf_csv(tmp_path / "klachten.csv", n)
    _ok(cli("klacht", "importeer", str(tmp_path / "klachten.csv"), vandaag=VANDAAG))
    uitvoer = tmp_path / "uitvoer"
    uitvoer.mkdir()
    doel = uitvoer / "klachten-2023.csv"
    referentie, vorige = tmp_path / "referentie.csv", tmp_path / "vorige.csv"
    _ok(cli("klacht", "exporteer", "--uit", str(referentie), vandaag=VANDAAG))
    _ok(cli("klacht", "exporteer", "--uit", str(vorige), "--formaat", "csv", vandaag=VANDAAG))
    nieuw = vingerafdruk(referentie)
    assert nieuw is not None
    runs = omvang(5, 50)
    plan = _plan(
        {"excel": (KALIBRATIE, runs)}, lambda _: ["klacht", "exporteer", "--uit", str(doel)]
    )
    reeks = Reeks("crash_export", database_url, extra={"rijen": n})
    _uitvoerreeks(
        reeks,
        tmp_path,
        doel=doel,
        plan=plan,
        nieuw={"excel": nieuw},
        vorige=vorige,
        vervolg=lambda run: cli(*run.args, vandaag=VANDAAG),
    )
    reeks.eindcontrole(runs)


# -- the dossier ---------------------------------------------------------------------------

ORGANISATIE = "Wijkondersteuningsteams (WOT) Schiedam"


def _dossierregister(cli: Cli, tmp: Path) -> None:
    """Complaints, a norm framework, evidence with a file, linked: enough for a real dossier."""
    _schrijf_csv(tmp / "klachten.csv", 12)
    _ok(cli("klacht", "importeer", str(tmp / "klachten.csv"), vandaag=VANDAAG))
    for i in (2, 5, 7):
        _ok(cli("klacht", "sluit", f"K-2023-{i:04d}", "--uitkomst", "ingetrokken", "--wijze",
                "telefonisch", "--datum", "2023-12-20", vandaag=VANDAAG))  # fmt: skip
    _ok(cli("normen", "importeer", "awb-h9", vandaag=VANDAAG))
    (tmp / "regeling.md").write_text("# Klachtenregeling\n\nVastgesteld 2023.\n", encoding="utf-8")
    b = _ok(
        cli("bewijs", "registreer", "--titel", "Klachtenregeling", "--soort", "document",
            "--ingangsdatum", "01-01-2023", "--bestand", str(tmp / "regeling.md"), vandaag=VANDAAG)
    ).stdout.strip()  # fmt: skip
    _ok(cli("bewijs", "koppel", b, "--kader", "awb-h9", "--norm", "9:1", "--toelichting",
            "De regeling volgt de wet", vandaag=VANDAAG))  # fmt: skip


def _dossierargs(doel: Path, formaat: str, organisatie: str = ORGANISATIE) -> list[str]:
    return [
        "dossier", "--kader", "awb-h9", "--periode", "2023", "--organisatie", organisatie,
        "--uit", str(doel), "--formaat", formaat,
    ]  # fmt: skip


def test_sigkill_tijdens_dossierbouw_laat_geen_half_dossier(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """kwaliteit dossier --uit MAP, gedood: MAP ontbreekt, is het vorige of het complete nieuwe dossier."""
    _dossierregister(cli, tmp_path)
    uitvoer = tmp_path / "uitvoer"
    uitvoer.mkdir()
    doel = uitvoer / "dossier"
    # Small runs only HTML (a PDF takes seconds); full runs also PDF/A with HTML (beide),
    # replacing a previous dossier in both formats.
    aantallen = {"html": (KALIBRATIE, omvang(5, 40)), "beide": (1, omvang(0, 12))}
    soorten = [s for s, (_, n) in aantallen.items() if n]
    referenties = tmp_path / "referenties"
    referenties.mkdir()
    nieuw: dict[str, Vingerafdruk] = {}
    for formaat in soorten:
        _ok(cli(*_dossierargs(referenties / formaat, formaat), vandaag=VANDAAG))
        afdruk = vingerafdruk(referenties / formaat)
        assert afdruk
        nieuw[formaat] = afdruk
    vorige = referenties / "vorige"
    _ok(cli(*_dossierargs(vorige, soorten[-1], "Vorige organisatie"), vandaag=VANDAAG))
    plan = _plan({s: aantallen[s] for s in soorten}, lambda s: _dossierargs(doel, s))
    reeks = Reeks("crash_dossier", database_url)
    _uitvoerreeks(
        reeks,
        tmp_path,
        doel=doel,
        plan=plan,
        nieuw=nieuw,
        vorige=vorige,
        vervolg=lambda run: cli(*run.args, vandaag=VANDAAG),
        controleer_uitvoer=lambda pad: cli("dossier", "controleer", str(pad)),
    )
    reeks.extra["formaten"] = {s: aantallen[s][1] for s in soorten}
    reeks.eindcontrole(sum(aantallen[s][1] for s in soorten))


def _dode_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_een_bestaand_dossier_wordt_in_een_stap_gewisseld(tmp_path: Path) -> None:
    """The new folder and the previous dossier swap places atomically (Linux renameat2)."""
    from kwaliteit.dossier.bouw import _vervang

    oud, nieuw = tmp_path / "dossier", tmp_path / ".dossier.1.nieuw"
    oud.mkdir()
    (oud / "a.txt").write_text("oud", encoding="utf-8")
    nieuw.mkdir()
    (nieuw / "a.txt").write_text("nieuw", encoding="utf-8")
    _vervang(nieuw, oud)
    assert (oud / "a.txt").read_text(encoding="utf-8") == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier"]


def test_een_dossier_dat_een_kill_achterliet_wordt_teruggezet(
    database_url: str, tmp_path: Path, cli: Cli
) -> None:
    """Where no atomic swap exists, a kill between the two renames leaves the previous
    dossier only in .MAP.<pid>.oud: the next build puts it back first (and removes other
    leftovers of dead builds)."""
    _dossierregister(cli, tmp_path)
    uitvoer = tmp_path / "uitvoer"
    uitvoer.mkdir()
    doel = uitvoer / "dossier"
    _ok(cli(*_dossierargs(doel, "html", "Vorige organisatie"), vandaag=VANDAAG))
    vorige = vingerafdruk(doel)
    pid = _dode_pid()
    os.rename(doel, uitvoer / f".dossier.{pid}.oud")
    (uitvoer / f".dossier.{pid}.nieuw").mkdir()
    # Even a build that then fails (an unknown kader) restores the dossier first.
    r = cli("dossier", "--kader", "bestaat-niet", "--periode", "2023", "--uit", str(doel))
    assert r.exit_code == 2
    assert vingerafdruk(doel) == vorige
    assert sorted(p.name for p in uitvoer.iterdir()) == ["dossier"]
    _ok(cli(*_dossierargs(doel, "html"), vandaag=VANDAAG))
    assert _ok(cli("dossier", "controleer", str(doel))).exit_code == 0
