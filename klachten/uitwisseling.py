"""CSV import and export of the register.

Two dialects, both read automatically and both written on request:
- ``excel``: as Dutch Excel writes it: semicolons, UTF-8 with BOM (or
  Windows-1252 when reading), dates dd-mm-jjjj;
- ``csv``: commas, UTF-8, ISO dates (jjjj-mm-dd).

Import is all or nothing: every row is checked first, every bad row is
reported with its line number and field, and only a clean file is written.
Export never contains the klager's personal data.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

import kwaliteit.bulk as bulk
from klachten import diensten, procedure
from klachten.fouten import OngeldigeKlacht
from klachten.invoer import KENMERK, NieuweKlacht, maak_kenmerk
from klachten.modellen import Klacht, Klager, Verdaging
from klachten.velden import IMPORTKOLOMMEN, REGISTRATIEVELDEN
from kwaliteit.bestanden import atomair
from kwaliteit.cellen import lees_cel, schrijf_cel
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.tekstbestand import lees_tekst
from kwaliteit.tijd import nl_datum

# The columns come from the registration fields' one description (klachten.velden).
REGISTRATIEKOLOMMEN = IMPORTKOLOMMEN
VERPLICHT = tuple(v.kolom for v in REGISTRATIEVELDEN if v.verplicht)

EXPORTKOLOMMEN = (
    # The registration without the klager's personal data, then the procedure's state.
    "kenmerk",
    *(v.kolom for v in REGISTRATIEVELDEN if not v.klager),
    "status",
    "uiterste_datum",
    "behandelaar",
    "bevestigd",
    "afschrift",
    "gehoord",
    "afzien_horen",
    "verdaagd_weken",
    "uitkomst",
    "afgehandeld",
    "binnen_termijn",
    "doorgestuurd_naar",
    "bestemming_soort",
    "grond_9_8",
    "bewaren_tot",
)
# Columns an export has that an import does not take (the state of the procedure
# is built by its steps, not typed in); an import skips them with a note.
ALLEEN_EXPORT = frozenset(EXPORTKOLOMMEN) - frozenset(REGISTRATIEKOLOMMEN)

FORMATEN = ("excel", "csv")
MAX_MELDINGEN = 200
_JA = {"ja", "j", "true", "waar", "1", "yes", "y", "x"}
_NEE = {"nee", "n", "false", "onwaar", "0", "no"}


# A progress callback ``voortgang(gedaan, totaal)`` (rows done, rows in all or None when not
# known); the CLI passes one that draws a progress bar (kwaliteit.cli.voortgang).
Voortgang = Callable[[int, int | None], None]


@dataclass
class Importresultaat:
    kenmerken: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


# -- reading -------------------------------------------------------------------------


def _scheidingsteken(kopregel: str) -> str:
    return ";" if kopregel.count(";") >= kopregel.count(",") and ";" in kopregel else ","


def _kolomnaam(kop: str) -> str:
    return "_".join(kop.strip().strip("\ufeff").lower().replace("-", " ").split())


def _ja_nee(waarde: str | None, regel: int) -> bool | None:
    """ja/nee; empty or absent: None (as the klachtenregeling says)."""
    w = (waarde or "").strip().lower()
    if not w:
        return None
    if w in _JA:
        return True
    if w in _NEE:
        return False
    raise OngeldigeKlacht(f"adviescommissie: '{waarde}' is geen ja of nee.")


def _kopregel(tekst: str) -> str:
    """The first line (as ``splitlines`` sees it) without splitting the whole text."""
    einde = tekst.find("\n")
    return ((tekst if einde < 0 else tekst[:einde]).splitlines() or [""])[0]


def _lees_rijen(lezer: Any, pad: Path) -> Iterator[list[str]]:
    """The rows; one the csv module can't read becomes an InvoerFout with its line."""
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            return
        except csv.Error:
            raise InvoerFout(
                f"{pad.name}, regel {lezer.line_num}: een veld is langer dan "
                f"{csv.field_size_limit()} tekens (ontbreekt er een afsluitend "
                "aanhalingsteken?); er is niets geïmporteerd."
            ) from None
        yield rij


def importeer(w: Werkeenheid, pad: Path, *, voortgang: Voortgang | None = None) -> Importresultaat:
    """Check every row, then register them all in one transaction (or none).

    ``voortgang`` hears how many of the checked complaints are written, once before the
    first block and after every block (``BLOK``); the last call, with all of them, comes
    when the database has them all.
    """
    tekst = lees_tekst(pad)
    if not tekst.strip():
        raise InvoerFout(
            f"{pad} is leeg; verwacht een kopregel met minstens {', '.join(VERPLICHT)}."
        )
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(_kopregel(tekst)))
    kop = [_kolomnaam(k) for k in next(lezer)]
    resultaat = Importresultaat()

    onbekend = [k for k in kop if k and k not in REGISTRATIEKOLOMMEN and k not in ALLEEN_EXPORT]
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    dubbel = sorted({k for k in kop if k and kop.count(k) > 1})
    if onbekend or ontbreekt or dubbel:
        details = []
        if onbekend:
            details.append(
                f"onbekende kolom(men): {', '.join(onbekend)}; toegestaan: {', '.join(REGISTRATIEKOLOMMEN)}"
            )
        if ontbreekt:
            details.append(f"verplichte kolom(men) ontbreken: {', '.join(ontbreekt)}")
        if dubbel:
            details.append(f"dubbele kolom(men): {', '.join(dubbel)}")
        raise OngeldigeKlacht(
            f"De kopregel van {pad} klopt niet; er is niets geïmporteerd.", details=details
        )
    overgeslagen = [k for k in kop if k in ALLEEN_EXPORT]
    if overgeslagen:
        resultaat.meldingen.append(
            f"kolommen uit een export genegeerd: {', '.join(overgeslagen)} "
            "(de procedure wordt met de stappen vastgelegd, niet geïmporteerd)"
        )

    regels = diensten.regels(w)
    fouten: list[str] = []
    goed: list[tuple[int, NieuweKlacht, str | None]] = []
    volgende_regel = lezer.line_num + 1
    for rij in _lees_rijen(lezer, pad):
        # A quoted cell may span lines: report the line on which the row starts.
        regelnummer, volgende_regel = volgende_regel, lezer.line_num + 1
        if not any(c.strip() for c in rij):
            continue
        if len(rij) > len(kop):
            fouten.append(
                f"regel {regelnummer}: {len(rij)} velden, maar de kopregel heeft er {len(kop)}"
            )
            continue
        # Without an apostrophe a cell only needs stripping (lees_cel's fast path).
        cellen = dict(zip(kop, [lees_cel(c) if "'" in c else c.strip() for c in rij], strict=False))
        veldfouten: list[str] = []
        try:
            adviescommissie = _ja_nee(cellen.get("adviescommissie"), regelnummer)
        except OngeldigeKlacht as e:
            veldfouten.append(e.melding)
            adviescommissie = None
        try:
            n = regels.nieuwe_klacht(cellen, adviescommissie=adviescommissie)
        except OngeldigeKlacht as e:
            veldfouten.extend(e.details or [e.melding])
        if veldfouten:
            fouten.extend(f"regel {regelnummer}, {m}" for m in veldfouten)
            continue
        problemen = diensten.controleer_nieuw(n, w.vandaag)
        if problemen:
            fouten.extend(f"regel {regelnummer}, {m}" for m in problemen)
            continue
        goed.append((regelnummer, n, cellen.get("kenmerk") or None))

    if not fouten and not goed:
        raise InvoerFout(f"{pad} bevat geen klachten, alleen een kopregel.")

    # Kenmerken: given ones must continue each year's sequence without gaps.
    teller = diensten.Kenmerkteller(w)
    toegewezen: list[tuple[NieuweKlacht, tuple[int, int]]] = []
    for regelnummer, n, gegeven in goed:
        jaar = n.ontvangen.year
        volgnummer = teller.volgende(jaar)
        if gegeven is not None:
            verwacht = maak_kenmerk(jaar, volgnummer)
            m = KENMERK.match(gegeven.strip().upper())
            if not m or gegeven.strip().upper() != verwacht:
                fouten.append(
                    f"regel {regelnummer}, kenmerk: '{gegeven}' past niet; het volgende kenmerk voor "
                    f"ontvangst in {jaar} is {verwacht} (kenmerken lopen per jaar zonder gaten door; "
                    "laat de kolom leeg om ze te laten toekennen)"
                )
        toegewezen.append((n, (jaar, volgnummer)))

    if fouten:
        getoond = fouten[:MAX_MELDINGEN]
        if len(fouten) > MAX_MELDINGEN:
            getoond.append(f"... en nog {len(fouten) - MAX_MELDINGEN} fout(en)")
        raise OngeldigeKlacht(
            f"{pad.name}: {len(fouten)} fout(en); er is niets geïmporteerd.", details=getoond
        )

    resultaat.kenmerken = _schrijf(w, toegewezen, voortgang)
    w.audit.leg_vast(
        "import",
        pad.name,
        "importeer",
        na={
            "bestand": pad.name,
            "sha256": hashlib.sha256(pad.read_bytes()).hexdigest(),
            "aantal": len(resultaat.kenmerken),
            "eerste": resultaat.kenmerken[0],
            "laatste": resultaat.kenmerken[-1],
        },
    )
    return resultaat


# Written per block within the one transaction, so that rows, audit events and (on
# PostgreSQL) COPY buffers of 100,000 complaints are never in memory at once.
BLOK = 5_000

# The columns a new complaint fills; the rest (the procedure's state) stays empty.
_KLAGERKOLOMMEN = ("klacht_id", "naam", "contact")


def _schrijf(
    w: Werkeenheid,
    toegewezen: list[tuple[NieuweKlacht, tuple[int, int]]],
    voortgang: Voortgang | None = None,
) -> list[str]:
    """Insert block by block: the complaints, their klagers and their audit events.

    Rows are built straight from the checked input (no ORM objects) and written with
    ``kwaliteit.bulk`` (COPY on PostgreSQL, executemany on SQLite); everything stays in
    the command's one transaction, so a failure in any block writes nothing.

    Progress is reported per block once the block is handed to the writer (on PostgreSQL
    its COPY may still be running); the total only when the writer has finished.
    """
    totaal = len(toegewezen)
    if voortgang is not None:
        voortgang(0, totaal)
    kenmerken: list[str] = []
    alle_ids = bulk.nieuwe_ids(w.sessie, Klacht, len(toegewezen))
    # The last audit event is read now: the writer owns the connection from here on.
    w.audit.bereid_voor()
    with bulk.Schrijver(w.sessie) as schrijver:
        for begin in range(0, len(toegewezen), BLOK):
            blok = toegewezen[begin : begin + BLOK]
            ids = alle_ids[begin : begin + BLOK]
            klachtrijen: list[tuple[Any, ...]] = []
            klagerrijen: list[tuple[Any, ...]] = []
            for klacht_id, (n, jaar_volgnummer) in zip(ids, blok, strict=True):
                kolommen = diensten.nieuwe_kolommen(n, jaar_volgnummer, w.audit.tijdstip)
                kolommen["id"] = klacht_id
                klachtrijen.append(tuple(kolommen.values()))
                klager = bool(n.klager_naam or n.klager_contact)
                if klager:
                    klagerrijen.append((klacht_id, n.klager_naam, n.klager_contact))
                w.audit.leg_vast(
                    diensten.ONDERWERP,
                    kolommen["kenmerk"],
                    "registreer",
                    # As 'klacht registreer' records it: the klager's data never enters the trail.
                    na={
                        **procedure.momentopname_rij(kolommen),
                        "klager_vastgelegd": klager,
                        "via": "import",
                    },
                )
                kenmerken.append(kolommen["kenmerk"])
            # The columns are the keys of diensten.nieuwe_kolommen (plus the id), in the
            # order of its dict: the same for every row, so those of the last row.
            schrijver.voeg_toe(Klacht, tuple(kolommen), klachtrijen)
            schrijver.voeg_toe(Klager, _KLAGERKOLOMMEN, klagerrijen)
            w.audit.schrijf(bulk=schrijver)
            if voortgang is not None and begin + len(blok) < totaal:
                voortgang(begin + len(blok), totaal)
    if voortgang is not None:
        voortgang(totaal, totaal)
    return kenmerken


# -- writing ---------------------------------------------------------------------------


def _waarde(waarde: Any, formaat: str) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, date):
        return nl_datum(waarde) if formaat == "excel" else waarde.isoformat()
    # Only the Excel format is for spreadsheets; the csv format protects just the text
    # that the import would otherwise change (README: Export).
    return schrijf_cel(str(getattr(waarde, "value", waarde)), spreadsheet=formaat == "excel")


# An export reads (and reports progress) this many rows at a time.
STUK = 2_000


def rijen(w: Werkeenheid, jaar: int | None, formaat: str) -> Iterator[list[str]]:
    weken = (
        select(func.coalesce(func.sum(Verdaging.weken), 0))
        .where(Verdaging.klacht_id == Klacht.id)
        .scalar_subquery()
    )
    q = select(Klacht, weken).order_by(Klacht.jaar, Klacht.volgnummer)
    if jaar is not None:
        q = q.where(Klacht.jaar == jaar)
    for k, verdaagd in w.sessie.execute(q.execution_options(yield_per=STUK)):
        waarden = {kolom: getattr(k, kolom, None) for kolom in EXPORTKOLOMMEN}
        waarden["verdaagd_weken"] = int(verdaagd)
        yield [_waarde(waarden[kolom], formaat) for kolom in EXPORTKOLOMMEN]


def _aantal(w: Werkeenheid, jaar: int | None) -> int:
    """How many complaints an export of ``jaar`` (None: all) writes."""
    q = select(func.count()).select_from(Klacht)
    if jaar is not None:
        q = q.where(Klacht.jaar == jaar)
    return int(w.sessie.execute(q).scalar_one())


def _schrijf_rijen(
    w: Werkeenheid, schrijver: Any, jaar: int | None, formaat: str, voortgang: Voortgang | None
) -> int:
    """The header and every row; progress after every ``STUK`` rows and at the end."""
    totaal = None if voortgang is None else _aantal(w, jaar)
    if voortgang is not None:
        voortgang(0, totaal)
    schrijver.writerow(EXPORTKOLOMMEN)
    aantal = 0
    for rij in rijen(w, jaar, formaat):
        schrijver.writerow(rij)
        aantal += 1
        if voortgang is not None and aantal % STUK == 0:
            voortgang(aantal, totaal)
    if voortgang is not None and aantal % STUK != 0:
        voortgang(aantal, totaal)
    return aantal


def exporteer(
    w: Werkeenheid,
    *,
    jaar: int | None,
    uit: Path | None,
    formaat: str,
    voortgang: Voortgang | None = None,
) -> int:
    """Write the register as CSV to ``uit`` (via a temporary file) or stdout.

    ``voortgang`` hears how many rows are written (of how many), per ``STUK`` rows.
    """
    import sys

    if formaat not in FORMATEN:
        raise InvoerFout(f"formaat: '{formaat}' is niet toegestaan; kies excel of csv.")
    scheiding = ";" if formaat == "excel" else ","
    codering = "utf-8-sig" if formaat == "excel" else "utf-8"
    if uit is None:
        schrijver = csv.writer(sys.stdout, delimiter=scheiding, lineterminator="\n")
        return _schrijf_rijen(w, schrijver, jaar, formaat, voortgang)
    try:
        with atomair(uit, codering=codering) as f:
            schrijver = csv.writer(f, delimiter=scheiding, lineterminator="\r\n")
            aantal = _schrijf_rijen(w, schrijver, jaar, formaat, voortgang)
    except OSError as e:
        # atomair turns write errors into InvoerFout; this is its check of the target name
        # (a name the file system refuses, e.g. longer than 255 bytes).
        raise InvoerFout(f"{uit} is niet te schrijven: {e.strerror}.") from None
    return aantal
