"""``kwaliteit organisatie``: the organisation profile shown, changed, read and written.

Composes the profile (``kwaliteit.organisatie``, the foundation) with the regimes the
complaints domain knows (``klachten.waarden.Regime``), which a profile may name as its
default. Each function runs in the command's one unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kwaliteit import organisatie, organisatiebestand, profielversies
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.organisatie import OngeldigProfiel, Profiel
from kwaliteit.profielversies import Profielversie
from kwaliteit.tekstbestand import lees_utf8


def regimes() -> list[str]:
    from klachten.waarden import Regime

    return [r.value for r in Regime]


def toon(w: Werkeenheid) -> Profielversie:
    return profielversies.huidig(w)


def stel_in(
    w: Werkeenheid,
    *,
    velden: Mapping[str, Any],
    erbij: Mapping[str, Iterable[str]],
    eraf: Mapping[str, Iterable[str]],
) -> tuple[Profielversie, Profielversie]:
    """Change the profile in force; (before, after). Nothing changes when nothing differs."""
    vorige = profielversies.huidig(w)
    nieuw = organisatie.wijzig(vorige.profiel, velden=velden, erbij=erbij, eraf=eraf)
    return vorige, profielversies.stel_in(w, nieuw, regimes=regimes())


def lees(pad: Path) -> Profiel:
    """The profile in a file (every error as bestand:regel)."""
    tekst = lees_utf8(pad, OngeldigProfiel)
    return organisatiebestand.lees(tekst, str(pad), regimes=regimes())


def importeer(w: Werkeenheid, pad: Path) -> tuple[Profielversie, Profielversie]:
    """The file's profile becomes the one in force, as a whole; (before, after)."""
    profiel = lees(pad)
    vorige = profielversies.huidig(w)
    return vorige, profielversies.stel_in(w, profiel, regimes=regimes())


def exporteer(w: Werkeenheid) -> str:
    """The profile in force as the commented YAML file ``importeer`` reads."""
    return organisatiebestand.schrijf(profielversies.huidig(w).profiel)
