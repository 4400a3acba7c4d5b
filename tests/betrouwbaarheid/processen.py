"""Real ``kwaliteit`` processes for the reliability suites: start, trace, kill, report.

- ``draai``: runs ``python -m kwaliteit --database URL ...`` in its own process group
  and, after a given delay, kills the whole group with SIGKILL.
- The trace: a ``sitecustomize`` (written by ``maak_spoormap``) that the child loads when
  ``KWALITEIT_SPOOR`` names a file. It appends one line per event with its time: the
  begin of each transaction (``begin schrijven|lezen``), the moment COMMIT is sent
  (``commit ...``), the end of a session's commit (``gecommit ...``) and every rename
  (``hernoemt DOEL`` before it, ``hernoem DOEL`` after it). The lines are written
  unbuffered, so they survive SIGKILL and tell where a kill landed. With ``KWALITEIT_DOOD_NA_HERNOEMEN=SUFFIX`` the child kills
  itself right after renaming something to a name that ends in SUFFIX.
- Size, seed and report: ``KWALITEIT_BETROUWBAARHEID`` (unset or ``ci``: small,
  ``vol``: full), ``KWALITEIT_BETROUWBAARHEID_ZAAD`` (the seed, default 7405) and
  ``KWALITEIT_BETROUWBAARHEID_RAPPORT`` (a file that gets one JSON line per test).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[2]
OMVANG = (os.environ.get("KWALITEIT_BETROUWBAARHEID") or "ci").strip().lower()
VOL = OMVANG == "vol"
ZAAD = int(os.environ.get("KWALITEIT_BETROUWBAARHEID_ZAAD") or 7405)
VANDAAG = "2024-01-15"

if OMVANG not in ("ci", "vol"):
    raise RuntimeError(f"KWALITEIT_BETROUWBAARHEID='{OMVANG}': kies ci of vol")


def omvang(ci: int, vol: int) -> int:
    """The number for this run's size."""
    return vol if VOL else ci


def rng(naam: str) -> random.Random:
    """A random generator per scenario: the same seed gives the same delays."""
    return random.Random(ZAAD * 1_000_003 + zlib.crc32(naam.encode()))  # noqa: S311


def backend(url: str) -> str:
    return make_url(url).get_backend_name()


# -- the trace ---------------------------------------------------------------------------

SITECUSTOMIZE = '''\
"""Trace of a kwaliteit process for the reliability tests (tests/betrouwbaarheid)."""
import os as _os

_pad = _os.environ.get("KWALITEIT_SPOOR")
_dood_na = _os.environ.get("KWALITEIT_DOOD_NA_HERNOEMEN")
if _pad:
    import time as _time

    _fd = _os.open(_pad, _os.O_WRONLY | _os.O_CREAT | _os.O_APPEND, 0o600)

    def _meld(wat):
        _os.write(_fd, f"{_time.time():.6f} {wat}\\n".encode())

    from sqlalchemy import event as _event
    from sqlalchemy.engine import Engine as _Engine
    from sqlalchemy.orm import Session as _Session

    def _soort(opties):
        return "schrijven" if opties.get("kwaliteit_schrijven") else "lezen"

    _event.listen(_Engine, "begin", lambda c: _meld("begin " + _soort(c.get_execution_options())))
    _event.listen(_Engine, "commit", lambda c: _meld("commit " + _soort(c.get_execution_options())))
    _event.listen(
        _Session,
        "after_commit",
        lambda s: _meld("gecommit " + _soort(s.get_bind().get_execution_options())),
    )

    def _volg(origineel):
        def hernoem(bron, doel, *args, **kwargs):
            _meld("hernoemt " + _os.fsdecode(doel))
            origineel(bron, doel, *args, **kwargs)
            _meld("hernoem " + _os.fsdecode(doel))
            if _dood_na and _os.fsdecode(doel).endswith(_dood_na):
                import signal

                _os.kill(_os.getpid(), signal.SIGKILL)

        return hernoem

    _os.rename = _volg(_os.rename)
    _os.replace = _volg(_os.replace)

    # The dossier swaps a rebuilt folder in with one renameat2 call (not os.rename).
    import kwaliteit.dossier.bouw as _bouw

    _wissel = _bouw._wissel

    def _gevolgde_wissel(nieuw, uit):
        _meld("hernoemt " + _os.fsdecode(uit))
        gelukt = _wissel(nieuw, uit)
        if gelukt:
            _meld("hernoem " + _os.fsdecode(uit))
        return gelukt

    _bouw._wissel = _gevolgde_wissel
'''


def maak_spoormap(tmp: Path) -> Path:
    """A folder with the tracing ``sitecustomize``, for PYTHONPATH."""
    map_ = tmp / "spoor"
    map_.mkdir(exist_ok=True)
    (map_ / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return map_


def omgeving(
    *,
    vandaag: str = VANDAAG,
    spoormap: Path | None = None,
    spoor: Path | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, str]:
    """The environment of a child: this repository first, a fixed 'today', no user database.

    ``spoormap`` (from ``maak_spoormap``) goes first on PYTHONPATH; ``spoor`` is the trace file.
    """
    paden = [str(spoormap)] if spoormap is not None else []
    paden += [str(REPO), os.environ.get("PYTHONPATH", "")]
    env = {
        **os.environ,
        "KWALITEIT_VANDAAG": vandaag,
        "PYTHONPATH": os.pathsep.join(p for p in paden if p),
        **(extra or {}),
    }
    for naam in ("KWALITEIT_DATABASE_URL", "KWALITEIT_DEBUG", "KWALITEIT_SPOOR"):
        env.pop(naam, None)
    if spoor is not None:
        env["KWALITEIT_SPOOR"] = str(spoor)
    return env


# Where a kill landed, from the trace of a command with one write transaction.
VOOR_TRANSACTIE = "voor de transactie"
IN_TRANSACTIE = "in de transactie"
TIJDENS_COMMIT = "tijdens de commit"
NA_COMMIT = "na de commit"
# ... and of a command that writes a file or folder (read transaction, then rename).
VOOR_LEZEN = "voor het lezen"
TIJDENS_SCHRIJVEN = "tijdens lezen en schrijven"
TIJDENS_HERNOEMEN = "tijdens het hernoemen"
NA_HERNOEMEN = "na het hernoemen"
VOLTOOID = "niet gedood (al klaar)"


@dataclass(frozen=True)
class Moment:
    """When to kill: ``vertraging`` seconds after the start, or after a trace event."""

    vertraging: float
    na: str | None = None  # e.g. "begin schrijven": counted from that event


@dataclass
class Afloop:
    """One run of a command: killed or not, its output and its trace."""

    args: list[str]
    gedood: bool
    code: int
    moment: Moment | None
    duur: float
    stdout: str
    stderr: str
    spoor: list[tuple[float, str]] = field(default_factory=list)

    def tijd(self, wat: str) -> float | None:
        """Seconds after the start of the first trace line starting with ``wat``."""
        return next((t for t, regel in self.spoor if regel.startswith(wat)), None)

    def fase_schrijven(self) -> str:
        """Where the kill landed in the command's write transaction."""
        if not self.gedood:
            return VOLTOOID
        if self.tijd("gecommit schrijven") is not None:
            return NA_COMMIT
        if self.tijd("commit schrijven") is not None:
            return TIJDENS_COMMIT
        if self.tijd("begin schrijven") is not None:
            return IN_TRANSACTIE
        return VOOR_TRANSACTIE

    def fase_bestand(self, doel: Path) -> str:
        """Where the kill landed in a command that writes ``doel`` via a rename."""
        if not self.gedood:
            return VOLTOOID
        if any(regel == f"hernoem {doel}" for _, regel in self.spoor):
            return NA_HERNOEMEN
        if any(regel == f"hernoemt {doel}" for _, regel in self.spoor):
            return TIJDENS_HERNOEMEN
        if self.tijd("begin") is not None:
            return TIJDENS_SCHRIJVEN
        return VOOR_LEZEN

    def venster_schrijven(self) -> tuple[float, float] | None:
        """The write transaction: from its begin to the end of its commit."""
        begin, eind = self.tijd("begin schrijven"), self.tijd("gecommit schrijven")
        return (begin, eind) if begin is not None and eind is not None else None

    def venster_bestand(self, doel: Path) -> tuple[float, float] | None:
        """From the first transaction to the rename of ``doel``."""
        begin = self.tijd("begin")
        eind = next((t for t, regel in self.spoor if regel == f"hernoem {doel}"), None)
        return (begin, eind) if begin is not None and eind is not None else None


_teller = itertools.count(1)


def _wacht_op_gebeurtenis(
    p: subprocess.Popen[bytes], spoor: Path, gebeurtenis: str
) -> float | None:
    """The time of ``gebeurtenis`` in the child's trace, polled each millisecond."""
    while p.poll() is None:
        if spoor.exists():
            for regel in spoor.read_text(encoding="utf-8").splitlines():
                tijd, _, wat = regel.partition(" ")
                if wat.startswith(gebeurtenis):
                    return float(tijd)
        time.sleep(0.001)
    return None


def draai(
    url: str,
    args: list[str],
    *,
    werkmap: Path,
    spoor: Path | None = None,
    moment: Moment | None = None,
    door: str = "crashtest",
    extra: dict[str, str] | None = None,
    wachttijd: float = 600,
) -> Afloop:
    """Run ``python -m kwaliteit --database URL --door DOOR ARGS``; SIGKILL at ``moment``.

    ``spoor`` is the sitecustomize folder from ``maak_spoormap`` (None: no trace). Stdout
    and stderr go to files, so a killed child can never block on a full pipe.
    """
    n = next(_teller)
    uit, fout = werkmap / f"run-{n}.stdout", werkmap / f"run-{n}.stderr"
    spoorbestand = werkmap / f"run-{n}.spoor" if spoor is not None else None
    env = omgeving(spoormap=spoor, spoor=spoorbestand, extra=extra)
    opdracht = [sys.executable, "-m", "kwaliteit", "--database", url, "--door", door, *args]
    with uit.open("wb") as o, fout.open("wb") as e:
        start = time.time()
        p = subprocess.Popen(
            opdracht, stdout=o, stderr=e, env=env, cwd=REPO, start_new_session=True
        )
        try:
            if moment is not None:
                vanaf: float | None = start
                if moment.na is not None:
                    assert spoorbestand is not None, (
                        "een moment na een gebeurtenis vraagt een spoor"
                    )
                    vanaf = _wacht_op_gebeurtenis(p, spoorbestand, moment.na)
                if vanaf is not None:
                    time.sleep(max(0.0, vanaf + moment.vertraging - time.time()))
                    if p.poll() is None:
                        with contextlib.suppress(ProcessLookupError):  # exited just now
                            os.killpg(p.pid, signal.SIGKILL)
            code = p.wait(timeout=wachttijd)
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        duur = time.time() - start
    sporen: list[tuple[float, str]] = []
    if spoorbestand is not None and spoorbestand.exists():
        for regel in spoorbestand.read_text(encoding="utf-8").splitlines():
            tijd, _, wat = regel.partition(" ")
            sporen.append((float(tijd) - start, wat))
    afloop = Afloop(
        args=args,
        gedood=code == -signal.SIGKILL,
        code=code,
        moment=moment,
        duur=duur,
        stdout=uit.read_text(encoding="utf-8", errors="replace"),
        stderr=fout.read_text(encoding="utf-8", errors="replace"),
        spoor=sporen,
    )
    for pad in (uit, fout, spoorbestand):
        if pad is not None:
            pad.unlink(missing_ok=True)
    return afloop


def kies_moment(
    r: random.Random,
    nummer: int,
    duur: float,
    venster: tuple[float, float] | None,
    begin: str,
) -> Moment:
    """Even runs: uniformly between 0 and the command's measured duration. Odd runs: after
    the trace event ``begin`` (the write transaction, or the first transaction of a
    command that writes a file), uniformly within the measured length of the critical
    window (to the end of the commit, or to the rename of the output) plus a fifth.

    Aiming from the event and not from the start takes Python's start-up jitter (tenths
    of a second on a busy machine) out of it: also a transaction of a few milliseconds
    gets killed in its middle. Without a measured window every run is uniform.
    """
    if nummer % 2 == 0 or venster is None:
        return Moment(r.uniform(0, duur))
    lengte = max(venster[1] - venster[0], 0.001)
    return Moment(r.uniform(0, 1.2 * lengte), na=begin)


def wacht_op_database(url: str, wachttijd: float = 60) -> None:
    """PostgreSQL: wait until the server has ended the killed client's session.

    A killed client's backend may still be finishing (and then rolls back, or completes
    a COMMIT it had received); its locks are held until it is gone. SQLite: nothing.
    """
    if backend(url) != "postgresql":
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as c:
            einde = time.monotonic() + wachttijd
            while True:
                anderen = c.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).scalar_one()
                if not anderen:
                    return
                if time.monotonic() > einde:
                    raise AssertionError(
                        f"na {wachttijd} s nog {anderen} verbinding(en) van een gedood proces"
                    )
                time.sleep(0.02)
    finally:
        engine.dispose()


# -- figures -------------------------------------------------------------------------------


@dataclass
class Verdeling:
    """How often each (where the kill landed, what was left) combination occurred."""

    tellingen: Counter[tuple[str, str]] = field(default_factory=Counter)

    def tel(self, fase: str, uitkomst: str) -> None:
        self.tellingen[(fase, uitkomst)] += 1

    def per_fase(self) -> dict[str, dict[str, int]]:
        uit: dict[str, dict[str, int]] = {}
        for (fase, uitkomst), n in sorted(self.tellingen.items()):
            uit.setdefault(fase, {})[uitkomst] = n
        return uit

    def uitkomsten(self) -> dict[str, int]:
        totaal: Counter[str] = Counter()
        for (_, uitkomst), n in self.tellingen.items():
            totaal[uitkomst] += n
        return dict(sorted(totaal.items()))


def rapporteer(test: str, url: str, gegevens: dict[str, Any]) -> None:
    """Append one JSON line to KWALITEIT_BETROUWBAARHEID_RAPPORT (when set)."""
    pad = os.environ.get("KWALITEIT_BETROUWBAARHEID_RAPPORT")
    if not pad:
        return
    regel = {
        "test": test,
        "database": backend(url),
        "omvang": OMVANG,
        "zaad": ZAAD,
        "tijdstip": datetime.now(UTC).isoformat(timespec="seconds"),
        **gegevens,
    }
    data = (json.dumps(regel, ensure_ascii=False, default=str) + "\n").encode()
    # One write on an O_APPEND file: lines of parallel xdist workers don't interleave.
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
