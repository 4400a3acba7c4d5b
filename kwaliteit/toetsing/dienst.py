"""``kwaliteit toets`` as one service: choose the norms, run the features, store the run.

Everything happens in the caller's single unit of work (``Werkeenheid``): the norms in
scope are read, the features run in-process against the same session (the runner's
``werk`` fixture is a read-only view of it), and the run is stored in the same
transaction. So the stored run records exactly the data it checked. The caller opens
the unit of work for writing: on SQLite that is ``BEGIN IMMEDIATE``, on PostgreSQL the
writers' advisory lock, so other writers wait until the run is stored (readers don't).

A database role that may only read (PostgreSQL ``auditor``) may run the checks but not
store them: the storing happens in a savepoint, and when the role is refused the
savepoint is rolled back and ``Toetsuitkomst.run`` is None; the unit of work itself
stays usable and has written nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import GeenToegang, InvoerFout
from kwaliteit.toetsing import runner
from kwaliteit.toetsing.runner import Toetsrapport
from normen import diensten as normdiensten

__all__ = ["Toetsuitkomst", "toets"]


@dataclass(frozen=True)
class Toetsuitkomst:
    """The report of the run, and the id it was stored under (None: not stored)."""

    rapport: Toetsrapport
    run: int | None

    @property
    def bewaard(self) -> bool:
        return self.run is not None


def toets(
    w: Werkeenheid,
    *,
    kader: str | None = None,
    peildatum: date | None = None,
    features: Sequence[Path] = (),
    alleen_eigen: bool = False,
    voortgang: Callable[[int, int | None], None] | None = None,
) -> Toetsuitkomst:
    """Check the norms of ``kader`` (default: every loaded kader) on ``peildatum``.

    ``features``: the organisation's own feature files or folders, run together with
    the shipped ones (``features/dekking``), or instead of them with ``alleen_eigen``.
    ``voortgang(gedaan, totaal)`` is called per scenario.
    """
    dag = peildatum or w.vandaag
    if alleen_eigen and not features:
        raise InvoerFout("--alleen-eigen vraagt om minstens één --features MAP.")
    mappen = ([] if alleen_eigen else [runner.standaardmap()]) + list(features)
    codes = [kader] if kader else [k.code for k in normdiensten.kaders(w)]
    if not codes:
        raise InvoerFout(
            "Er is nog geen normenkader geladen; laad er een met "
            "'kwaliteit normen importeer awb-h9'."
        )
    bereik: dict[str, list[tuple[str, str]]] = {}
    for code in codes:
        v = normdiensten.versie(w, code, op=dag)
        bereik[code] = [(n.ref, n.titel) for n in normdiensten.normen(w, v) if n.beoordeelbaar]
    rapport = runner.voer_uit(
        w,
        peildatum=dag,
        kader=kader,
        mappen=mappen,
        normen_in_bereik=bereik,
        voortgang=voortgang,
    )
    return Toetsuitkomst(rapport, _bewaar(w, rapport))


def _bewaar(w: Werkeenheid, rapport: Toetsrapport) -> int | None:
    """Store the run in a savepoint; None when the database role may only read."""
    from kwaliteit.db import vertaal_databasefouten

    url = w.sessie.connection().engine.url.render_as_string(hide_password=True)
    try:
        with vertaal_databasefouten(url), w.sessie.begin_nested():
            return runner.bewaar(w, rapport)
    except GeenToegang:
        return None
