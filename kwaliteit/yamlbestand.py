"""Reading YAML files that people edit by hand, with every error as ``bestand:regel``.

Shared by the kader files (``normen.kaderbestand``) and the organisation profile
(``kwaliteit.organisatie``): a safe loader that leaves dates as text, limits on depth and
on alias expansion (an ``*anker`` can make a small file refer to itself or expand to
billions of elements), duplicate keys reported, and JSON-schema errors translated into
Dutch with the line they are on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

__all__ = [
    "Gelezen",
    "Regels",
    "lees_yaml",
    "regelnummer",
    "schemafouten",
    "schemamelding",
    "veldnaam",
]

MAX_DIEPTE = 50
MAX_KNOPEN = 200_000


class Regels:
    """Maps a path in the data (keys and indices) to a line in the file."""

    def __init__(self, wortel: Any) -> None:
        self._wortel = wortel

    def regel(self, pad: tuple[Any, ...]) -> int:
        import yaml

        knoop = self._wortel
        for stap in pad:
            if isinstance(knoop, yaml.MappingNode):
                volgende = next(
                    (v for k, v in knoop.value if getattr(k, "value", None) == stap), None
                )
                if volgende is None:
                    break
                knoop = volgende
            elif isinstance(knoop, yaml.SequenceNode) and isinstance(stap, int):
                if stap >= len(knoop.value):
                    break
                knoop = knoop.value[stap]
            else:
                break
        return int(knoop.start_mark.line) + 1 if knoop is not None else 1


@dataclass(frozen=True)
class Gelezen:
    """A parsed document: its data (dates as ISO text) and where each part stands."""

    data: Any
    regels: Regels


def _dubbele_sleutels(knoop: Any, naam: str, fouten: list[str]) -> None:
    import yaml

    if isinstance(knoop, yaml.MappingNode):
        gezien: set[str] = set()
        for k, v in knoop.value:
            sleutel = getattr(k, "value", None)
            if sleutel in gezien:
                fouten.append(
                    f"{naam}:{k.start_mark.line + 1}: sleutel '{sleutel}' staat hier dubbel"
                )
            gezien.add(str(sleutel))
            _dubbele_sleutels(v, naam, fouten)
    elif isinstance(knoop, yaml.SequenceNode):
        for v in knoop.value:
            _dubbele_sleutels(v, naam, fouten)


def _als_tekst(waarde: Any) -> Any:
    """Dates (which YAML parses) back to ISO text, so the schema sees what was written."""
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return {k: _als_tekst(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_als_tekst(v) for v in waarde]
    return waarde


@lru_cache(maxsize=1)
def _lader() -> Any:
    """A SafeLoader that leaves dates as text: the schema checks them, with a clear message."""
    import yaml

    class Lader(yaml.SafeLoader):
        pass

    Lader.yaml_implicit_resolvers = {
        teken: [(tag, patroon) for tag, patroon in lijst if tag != "tag:yaml.org,2002:timestamp"]
        for teken, lijst in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Lader


def _onbegrensd(wortel: Any, naam: str) -> str | None:
    """A message when the document nests too deep, refers to itself or expands too far."""
    import yaml

    aantal = 0
    op_pad: set[int] = set()
    stapel: list[tuple[Any, int, bool]] = [(wortel, 1, False)] if wortel is not None else []
    while stapel:
        knoop, diepte, terug = stapel.pop()
        if terug:
            op_pad.discard(id(knoop))
            continue
        regel = knoop.start_mark.line + 1
        if id(knoop) in op_pad:
            return f"{naam}:{regel}: een verwijzing (*anker) verwijst naar zichzelf"
        aantal += 1
        if aantal > MAX_KNOPEN:
            return (
                f"{naam}:{regel}: met zijn verwijzingen (*anker) wordt het bestand te groot "
                f"(meer dan {MAX_KNOPEN} elementen)"
            )
        if diepte > MAX_DIEPTE:
            return f"{naam}:{regel}: de YAML is te diep genest (ten hoogste {MAX_DIEPTE} niveaus)"
        if isinstance(knoop, yaml.MappingNode):
            kinderen = [k for paar in knoop.value for k in paar]
        elif isinstance(knoop, yaml.SequenceNode):
            kinderen = list(knoop.value)
        else:
            continue
        op_pad.add(id(knoop))
        stapel.append((knoop, diepte, True))
        stapel.extend((k, diepte + 1, False) for k in kinderen)
    return None


def lees_yaml(tekst: str, naam: str) -> tuple[list[str], Gelezen | None]:
    """Parse ``tekst`` (file ``naam``): errors as ``naam:regel: ...``, or the document."""
    import yaml

    lader = _lader()
    try:
        wortel = yaml.compose(tekst, Loader=lader)
        if (probleem := _onbegrensd(wortel, naam)) is not None:
            return [probleem], None
        data = yaml.load(tekst, Loader=lader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        markering = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        regel = markering.line + 1 if markering else 1
        probleem = getattr(e, "problem", None) or str(e).splitlines()[0]
        return [f"{naam}:{regel}: geen geldige YAML ({probleem})"], None
    except RecursionError:
        return [f"{naam}:1: de YAML is te diep genest (ten hoogste {MAX_DIEPTE} niveaus)"], None
    fouten: list[str] = []
    _dubbele_sleutels(wortel, naam, fouten)
    return fouten, Gelezen(_als_tekst(data), Regels(wortel))


_TYPEN = {
    "string": "tekst",
    "boolean": "true of false",
    "array": "een lijst",
    "object": "een reeks velden (sleutel: waarde)",
    "null": "null",
    "integer": "een geheel getal",
    "number": "een getal",
}


def schemamelding(fout: Any) -> str:
    v = fout.validator
    waarde = fout.instance
    if v == "required":
        m = re.search(r"'([^']+)' is a required property", fout.message)
        return f"verplicht veld '{m.group(1) if m else '?'}' ontbreekt"
    if v == "additionalProperties":
        onbekend = re.findall(r"'([^']+)'", fout.message)
        toegestaan = ", ".join(fout.schema.get("properties", {}))
        return f"onbekend veld {', '.join(repr(o) for o in onbekend)}; toegestaan: {toegestaan}"
    if v == "type":
        verwacht = fout.validator_value
        typen = verwacht if isinstance(verwacht, list) else [verwacht]
        tekst = " of ".join(_TYPEN.get(str(t), str(t)) for t in typen)
        hint = ""
        if isinstance(waarde, int | float) and "string" in typen:
            hint = ' (zet de waarde tussen aanhalingstekens, bijvoorbeeld ref: "1.10")'
        return f"verwacht {tekst}, niet {waarde!r}{hint}"
    if v == "const":
        return f"moet '{fout.validator_value}' zijn, niet {waarde!r}"
    if v == "enum":
        return f"{waarde!r} is niet toegestaan; kies {', '.join(map(str, fout.validator_value))}"
    if v == "pattern":
        return f"{waarde!r} mag alleen kleine letters, cijfers en streepjes bevatten"
    if v == "minLength":
        return "mag niet leeg zijn"
    if v == "maxLength":
        return f"is te lang: ten hoogste {fout.validator_value} tekens"
    if v == "minimum":
        return f"{waarde!r} is te klein: ten minste {fout.validator_value}"
    if v == "maximum":
        return f"{waarde!r} is te groot: ten hoogste {fout.validator_value}"
    if v == "format":
        return f"{waarde!r} is geen datum; gebruik jjjj-mm-dd"
    if v == "minItems":
        return "de lijst mag niet leeg zijn"
    if v == "uniqueItems":
        return "de lijst bevat een waarde dubbel"
    return fout.message  # type: ignore[no-any-return]


def veldnaam(pad: tuple[Any, ...]) -> str:
    """``normen[3].titel``: a path in the data as users read it (lists count from 1)."""
    delen = []
    for stap in pad:
        delen.append(f"[{stap + 1}]" if isinstance(stap, int) else f".{stap}")
    return "".join(delen).lstrip(".") or "het bestand"


def regelnummer(melding: str) -> int:
    """The line of a ``bestand:regel: ...`` message (0 when it has none), to sort by."""
    m = re.search(r":(\d+): ", melding)
    return int(m.group(1)) if m else 0


def schemafouten(gelezen: Gelezen, schema: dict[str, Any], naam: str) -> list[str]:
    """Every violation of ``schema``, as ``naam:regel: veld: melding``, in file order."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    fouten = []
    for fout in validator.iter_errors(gelezen.data):
        pad = tuple(fout.path)
        regel = gelezen.regels.regel(pad)
        if fout.validator == "additionalProperties" and isinstance(fout.instance, dict):
            # The line of the first unknown key, not of the object that holds it.
            bekend = fout.schema.get("properties", {})
            onbekend = next((k for k in fout.instance if k not in bekend), None)
            if onbekend is not None:
                regel = gelezen.regels.regel((*pad, onbekend))
        fouten.append(f"{naam}:{regel}: {veldnaam(pad)}: {schemamelding(fout)}")
    return sorted(fouten, key=regelnummer)
