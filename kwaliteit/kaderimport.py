"""Importing a norm framework into the quality dossier (``kwaliteit normen importeer``).

Two packages meet here: ``normen`` reads and stores the kader, ``kwaliteit.bewijs``
carries the evidence links of the previous version over to a new one. ``normen`` may not
know the evidence, and reading and loading a kader is no evidence service, so the
command's one service call lives here, above both.
"""

from __future__ import annotations

from dataclasses import dataclass

from kwaliteit.bewijs.diensten import neem_koppelingen_over
from kwaliteit.eenheid import Werkeenheid
from normen import diensten as normdiensten
from normen.diensten import Laadresultaat, Melding, Spreadsheetopties, Voortgang
from normen.kaderbestand import KaderData


@dataclass(frozen=True)
class Importresultaat:
    kader: KaderData  # as read from the file
    geladen: Laadresultaat
    overgenomen: int | None  # evidence links copied; None when not asked for


def importeer(
    w: Werkeenheid,
    bron: str,
    opties: Spreadsheetopties | None = None,
    *,
    koppelingen_overnemen: bool = True,
    melding: Melding | None = None,
    voortgang: Voortgang | None = None,
) -> Importresultaat:
    """Read a kader (file or shipped code) and load it; loading the same content again
    changes nothing. A new version of a loaded kader comes beside the old one and, unless
    ``koppelingen_overnemen`` is false, takes over the evidence links of the version
    before it for the norms with the same ref.

    ``melding`` hears the notes of reading that are no error (ignored columns), once the
    kader has been read and before anything is stored."""
    if voortgang is not None:
        voortgang(0, None)
    meldingen: list[str] = []
    gelezen = normdiensten.lees(bron, opties, meldingen=meldingen)
    if melding is not None:
        for tekst in meldingen:
            melding(tekst)
    geladen = normdiensten.laad(w, gelezen, voortgang=voortgang)
    overgenomen: int | None = None
    if geladen.nieuw and geladen.vorige_versie is not None and koppelingen_overnemen:
        oud = normdiensten.versie(w, geladen.code, geladen.vorige_versie)
        nieuw = normdiensten.versie(w, geladen.code, geladen.versie)
        overgenomen = neem_koppelingen_over(w, oud, nieuw)
    return Importresultaat(gelezen, geladen, overgenomen)
