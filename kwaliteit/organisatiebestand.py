"""The organisation profile as a file a quality officer edits (YAML, ``kwaliteit-organisatie/1``).

``lees`` checks the whole file at once and reports every error as ``bestand:regel:
veld: wat er mis is``; ``schrijf`` writes a profile back with a comment above each part
saying what it is for. The structure (JSON schema) is derived from the dataclasses in
``kwaliteit.organisatie``, so a field is described once.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Sequence
from functools import cache
from typing import Any

from kwaliteit.organisatie import (
    FORMAAT,
    OngeldigProfiel,
    Profiel,
    plek,
    problemen,
)
from kwaliteit.yamlbestand import lees_yaml, regelnummer, schemafouten

__all__ = ["lees", "schema", "schrijf"]


def _soort(annotatie: Any) -> dict[str, Any]:
    """The JSON schema of one dataclass field's type."""
    if dataclasses.is_dataclass(annotatie) and isinstance(annotatie, type):
        return _object(annotatie)
    oorsprong = typing.get_origin(annotatie)
    if oorsprong in (types.UnionType, typing.Union):
        delen = [_soort(a) for a in typing.get_args(annotatie)]
        return {"anyOf": delen}
    if oorsprong is tuple:
        return {"type": "array", "items": _soort(typing.get_args(annotatie)[0])}
    if annotatie is type(None):
        return {"type": "null"}
    return {"type": {str: "string", int: "integer", bool: "boolean"}[annotatie]}


def _object(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _soort(hints[f.name]) for f in dataclasses.fields(cls)},
    }


@cache
def schema() -> dict[str, Any]:
    """The file's JSON schema: ``formaat`` plus every field of ``Profiel``."""
    basis = _object(Profiel)
    basis["properties"] = {"formaat": {"const": FORMAAT}, **basis["properties"]}
    basis["required"] = ["formaat"]
    return basis


def lees(tekst: str, naam: str, *, regimes: Sequence[str]) -> Profiel:
    """The profile in ``tekst`` (file ``naam``), or ``OngeldigProfiel`` with every error."""
    fouten, gelezen = lees_yaml(tekst, naam)
    if gelezen is not None and not isinstance(gelezen.data, dict):
        fouten.append(f"{naam}:1: verwacht een organisatieprofiel (formaat: {FORMAAT}, naam, …)")
        gelezen = None
    if gelezen is not None:
        fouten += schemafouten(gelezen, schema(), naam)
    if not fouten and gelezen is not None:
        gegevens = {k: v for k, v in gelezen.data.items() if k != "formaat"}
        profiel = Profiel.uit_dict(gegevens)
        for pad, melding in problemen(profiel, regimes=regimes):
            fouten.append(f"{naam}:{gelezen.regels.regel(pad)}: {plek(pad)}: {melding}")
        if not fouten:
            return profiel
    fouten.sort(key=regelnummer)
    raise OngeldigProfiel(
        f"{naam} is geen geldig organisatieprofiel: {len(fouten)} fout(en).", details=fouten
    )


def _uitleg(hulp: str, inspringen: str = "") -> str:
    import textwrap

    regels = textwrap.wrap(hulp, width=86 - len(inspringen))
    return "".join(f"{inspringen}# {regel}\n" for regel in regels)


def schrijf(profiel: Profiel) -> str:
    """The profile as a commented YAML file that ``lees`` reads back to the same profile.

    Above each field its help (the ``hulp`` of the field in kwaliteit.organisatie).
    """
    import yaml

    def blok(gegevens: dict[str, Any], inspringen: str = "") -> str:
        tekst: str = yaml.safe_dump(
            gegevens, allow_unicode=True, sort_keys=False, default_flow_style=False, width=88
        )
        return "".join(f"{inspringen}{regel}\n" for regel in tekst.splitlines())

    delen = [
        "# Organisatieprofiel voor kwaliteit. Bewerk dit bestand en lees het in met\n"
        "#   kwaliteit organisatie importeer BESTAND\n"
        "# Elke fout wordt gemeld als bestand:regel.\n",
        blok({"formaat": FORMAAT}),
    ]
    for f in dataclasses.fields(profiel):
        waarde = getattr(profiel, f.name)
        delen.append("\n" + _uitleg(f.metadata["hulp"]))
        if dataclasses.is_dataclass(waarde):
            delen.append(f"{f.name}:\n")
            for sub in dataclasses.fields(waarde):
                delen.append(_uitleg(sub.metadata["hulp"], "  "))
                delen.append(blok({sub.name: _als_lijst(getattr(waarde, sub.name))}, "  "))
        else:
            delen.append(blok({f.name: _als_lijst(waarde)}))
    return "".join(delen)


def _als_lijst(waarde: Any) -> Any:
    return list(waarde) if isinstance(waarde, tuple) else waarde
