"""Building the dossier: gather, fix in a manifest, render, write atomically.

The output folder (``--uit``) gets ``dossier.pdf`` with ``dossier.pdf.sha256``,
and/or ``html/`` (a static site: ``index.html``, ``stijl.css``, ``bewijs/``,
``manifest.json``, ``SHA256SUMS``). Everything is built in a hidden folder beside
it and swapped in with renames: a failure or a crash never leaves half a dossier
at the path the user named. The new tree is flushed to disk before the swap, the
folder holding it after, so a power failure cannot leave a dossier of empty files.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kwaliteit import bestanden as schijf
from kwaliteit import profielversies
from kwaliteit.bewijs.modellen import Bestand
from kwaliteit.dossier import manifest as mf
from kwaliteit.dossier.gegevens import SECTIES, Opties, verzamel
from kwaliteit.dossier.weergave import render
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import Fout, InvoerFout

FORMATEN = ("pdf", "html", "beide")
DRUKINVOER_VARIABELE = "KWALITEIT_DOSSIER_DRUKINVOER"
EIGEN_NAMEN = {mf.PDF_NAAM, mf.PDF_NAAM + ".sha256", mf.HTML_MAP}

Voortgang = Callable[[int, int | None], None]


class _Fasen:
    """Progress over the phases of one build: gathering (per section), the manifest, the
    evidence files, the HTML, the PDF (print HTML, layout, writing) and the swap."""

    PDF_FASEN = 2  # maak_pdf: layout, writing

    def __init__(self, formaat: str, voortgang: Voortgang | None) -> None:
        self.voortgang = voortgang
        self.totaal = len(SECTIES) + 3  # + manifest, evidence files, swap into place
        if formaat in ("html", "beide"):
            self.totaal += 1
        if formaat in ("pdf", "beide"):
            self.totaal += 1 + self.PDF_FASEN  # the print HTML, then maak_pdf's phases
        self.gedaan = 0

    def klaar(self, aantal: int = 1) -> None:
        self.gedaan += aantal
        if self.voortgang is not None:
            self.voortgang(self.gedaan, self.totaal)

    def binnen(self) -> Voortgang:
        """A callback for a part that reports its own (gedaan, totaal)."""
        begin = self.gedaan

        def meld(gedaan: int, _totaal: int | None) -> None:
            self.gedaan = begin
            self.klaar(gedaan)

        return meld


@dataclass(frozen=True)
class Resultaat:
    map: Path
    pdf: Path | None
    html: Path | None
    digest: str
    bestanden: int
    paginas: int | None


def middelen() -> Path:
    """The bundled stylesheets and fonts (the only files the PDF renderer may read)."""
    return Path(str(resources.files("kwaliteit.dossier") / "middelen"))


def controleer_uitvoer(uit: Path) -> None:
    """The output folder is new, empty, or an earlier dossier (which is replaced)."""
    if uit.exists() and not uit.is_dir():
        raise InvoerFout(f"{uit} is een bestand; geef met --uit een map voor het dossier.")
    if not uit.parent.is_dir():
        raise InvoerFout(f"De map {uit.parent} bestaat niet.")
    if uit.is_dir():
        vreemd = sorted(p.name for p in uit.iterdir() if p.name not in EIGEN_NAMEN)
        if vreemd:
            raise InvoerFout(
                f"De map {uit} bestaat al en bevat meer dan een dossier "
                f"({', '.join(vreemd[:5])}); kies een nieuwe of lege map."
            )


def bewaar_drukinvoer(html: str, bijlagen: list[tuple[str, bytes, str]]) -> None:
    """With ``KWALITEIT_DOSSIER_DRUKINVOER=MAP``, also keep what the PDF is made from.

    For diagnosis and for the bench, whose floor renders exactly this with WeasyPrint
    alone: ``MAP/druk.html`` (the HTML as rendered for print), ``MAP/middelen/`` (the
    stylesheets and fonts it refers to, its base URL) and ``MAP/bijlagen/`` (the
    attachments under their names in the PDF). Written outside the dossier folder.
    """
    map_ = os.environ.get(DRUKINVOER_VARIABELE)
    if not map_:
        return
    doel = Path(map_)
    shutil.rmtree(doel, ignore_errors=True)
    shutil.copytree(middelen(), doel / "middelen")
    (doel / "druk.html").write_text(html, encoding="utf-8")
    for naam, inhoud, _ in bijlagen:
        _schrijf(doel / "bijlagen" / naam, inhoud)


def _manifestbytes(m: dict[str, Any]) -> bytes:
    return (mf.leesbaar(m) + "\n").encode()


def _bestanden(w: Werkeenheid, m: dict[str, Any]) -> dict[str, bytes]:
    """The evidence files of the manifest, from the store, each checked against its hash."""
    uit: dict[str, bytes] = {}
    for b in m["bestanden"]:
        inhoud = w.sessie.execute(
            select(Bestand.inhoud).where(Bestand.sha256 == b["sha256"])
        ).scalar_one()
        if mf.sha256(inhoud) != b["sha256"]:
            raise Fout(
                f"Het bewijsbestand {b['pad']} in de database is beschadigd: de SHA-256 klopt "
                "niet meer. Zet een back-up terug of registreer het bestand opnieuw."
            )
        uit[b["pad"]] = inhoud
    return uit


def _schrijf(pad: Path, inhoud: bytes) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(inhoud)


def _html(map_: Path, html: str, manifestbytes: bytes, bestanden: dict[str, bytes]) -> None:
    inhoud = {
        "index.html": html.encode(),
        "stijl.css": (middelen() / "stijl.css").read_bytes(),
        mf.MANIFEST: manifestbytes,
        **bestanden,
    }
    for pad, data in inhoud.items():
        _schrijf(map_ / pad, data)
    (map_ / mf.SOMMEN).write_text(mf.sommen(inhoud), encoding="utf-8")


def bouw(
    w: Werkeenheid,
    opties: Opties,
    uit: Path,
    formaat: str,
    *,
    voortgang: Voortgang | None = None,
) -> Resultaat:
    """Build the dossier into the folder ``uit`` (see the module docstring).

    ``voortgang(gedaan, totaal)`` is called after each phase (see ``_Fasen``).
    """
    if formaat not in FORMATEN:
        raise InvoerFout(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")
    fasen = _Fasen(formaat, voortgang)
    uit = uit.absolute()
    if uit.parent.is_dir():
        ruim_resten_op(uit)
    controleer_uitvoer(uit)
    fasen.klaar(0)
    opties = opties.aangevuld(profielversies.huidig(w).profiel)
    gegevens = verzamel(w, opties, voortgang=fasen.binnen())
    m = mf.maak(gegevens)
    digest = mf.sha256(mf.canoniek(m))
    manifestbytes = _manifestbytes(m)
    fasen.klaar()
    bestanden = _bestanden(w, m)
    fasen.klaar()

    tijdelijk = uit.with_name(f".{uit.name}.{os.getpid()}.nieuw")
    shutil.rmtree(tijdelijk, ignore_errors=True)
    paginas = None
    try:
        tijdelijk.mkdir()
        if formaat in ("html", "beide"):
            _html(
                tijdelijk / mf.HTML_MAP,
                render(gegevens, m, digest, modus="html"),
                manifestbytes,
                bestanden,
            )
            fasen.klaar()
        if formaat in ("pdf", "beide"):
            from kwaliteit.dossier.pdf import maak_pdf

            druk = render(gegevens, m, digest, modus="pdf")
            bijlagen = [
                (mf.MANIFEST, manifestbytes, "Manifest: gegevens en SHA-256 van elk bestand"),
                *((pad, data, f"Bewijsbestand {pad}") for pad, data in bestanden.items()),
            ]
            bewaar_drukinvoer(druk, bijlagen)
            fasen.klaar()
            pdf, paginas = maak_pdf(
                druk,
                basis=middelen(),
                bijlagen=bijlagen,
                datum=opties.peildatum,
                identificatie=digest[:32],
                voortgang=fasen.binnen(),
            )
            (tijdelijk / mf.PDF_NAAM).write_bytes(pdf)
            (tijdelijk / (mf.PDF_NAAM + ".sha256")).write_text(
                f"{mf.sha256(pdf)}  {mf.PDF_NAAM}\n", encoding="utf-8"
            )
        schijf.fsync_boom(tijdelijk)
        _vervang(tijdelijk, uit)
        fasen.klaar()
    except OSError as e:
        raise Fout(f"Het dossier kon niet worden geschreven in {uit}: {e.strerror}.") from None
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    return Resultaat(
        map=uit,
        pdf=uit / mf.PDF_NAAM if formaat != "html" else None,
        html=uit / mf.HTML_MAP if formaat != "pdf" else None,
        digest=digest,
        bestanden=len(bestanden),
        paginas=paginas,
    )


def _wissel(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    fout = ctypes.get_errno()
    if fout in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(fout, os.strerror(fout), str(a))


def _vervang(nieuw: Path, uit: Path) -> None:
    """Swap the finished folder in; an earlier dossier there is removed afterwards.

    With an existing dossier the two folders are exchanged in one step, so a crash
    leaves either the old or the new dossier at ``uit``, never nothing.
    """
    if not uit.exists():
        os.rename(nieuw, uit)
        schijf.fsync_map(uit.parent)
        return
    if _wissel(nieuw, uit):
        schijf.fsync_map(uit.parent)
        shutil.rmtree(nieuw, ignore_errors=True)  # now holds the previous dossier
        return
    oud = uit.with_name(f".{uit.name}.{os.getpid()}.oud")
    shutil.rmtree(oud, ignore_errors=True)
    os.rename(uit, oud)
    try:
        os.rename(nieuw, uit)
    except OSError:
        os.rename(oud, uit)
        raise
    schijf.fsync_map(uit.parent)
    shutil.rmtree(oud, ignore_errors=True)


def ruim_resten_op(uit: Path) -> None:
    """Leftovers of builds that were killed: put a lost dossier back, remove the rest."""
    resten = sorted(uit.parent.glob(f".{uit.name}.*.oud")) + sorted(
        uit.parent.glob(f".{uit.name}.*.nieuw")
    )
    for rest in resten:
        try:
            pid = int(rest.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
            continue  # that build is still running
        except (ValueError, ProcessLookupError):
            pass
        except PermissionError:
            continue
        if rest.suffix == ".oud" and not uit.exists():
            os.rename(rest, uit)
            schijf.fsync_map(uit.parent)
        else:
            shutil.rmtree(rest, ignore_errors=True)
