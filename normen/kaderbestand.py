"""Reading and checking kader files (YAML, format ``kwaliteit-kader/1``).

Every error is reported at once, each as ``bestand:regel: wat er mis is en wat
verwacht wordt`` — import errors of custom frameworks are what users of other
compliance tools complain about most.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from normen.fouten import OngeldigKader

FORMAAT = "kwaliteit-kader/1"
SCHAAL = ("voldoet", "voldoet-deels", "voldoet-niet", "nvt")
WERKVERSIE_MARKERING = "werkversie — geen officiële normtekst"


@dataclass(frozen=True)
class NormData:
    ref: str
    urn: str
    ouder: str | None
    diepte: int
    volgorde: int
    beoordeelbaar: bool
    titel: str
    normtekst: str | None = None
    toelichting: str | None = None
    typisch_bewijs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class KaderData:
    """A checked kader, independent of where it came from (YAML or spreadsheet)."""

    code: str
    naam: str
    versie: str
    geldig_van: date
    bron: str
    licentie: str
    werkversie: bool
    schaal: tuple[str, ...]
    normen: tuple[NormData, ...]
    geldig_tot: date | None = None
    publicatiedatum: date | None = None
    toelichting: str | None = None
    bestand: str = field(default="", compare=False)

    def als_bestand(self) -> dict[str, Any]:
        """The kader in the YAML format (for export and hashing)."""
        uit: dict[str, Any] = {
            "formaat": FORMAAT,
            "kader": self.code,
            "naam": self.naam,
            "versie": self.versie,
            "geldig_van": self.geldig_van.isoformat(),
            "geldig_tot": self.geldig_tot.isoformat() if self.geldig_tot else None,
            "bron": self.bron,
            "publicatiedatum": self.publicatiedatum.isoformat() if self.publicatiedatum else None,
            "licentie": self.licentie,
            "werkversie": self.werkversie,
            "toelichting": self.toelichting,
            "schaal": list(self.schaal),
            "normen": [],
        }
        for n in self.normen:
            norm: dict[str, Any] = {"ref": n.ref, "urn": n.urn}
            if n.ouder is not None:
                norm["ouder"] = n.ouder
            norm["beoordeelbaar"] = n.beoordeelbaar
            norm["titel"] = n.titel
            for sleutel in ("normtekst", "toelichting"):
                if getattr(n, sleutel):
                    norm[sleutel] = getattr(n, sleutel)
            if n.typisch_bewijs:
                norm["typisch_bewijs"] = list(n.typisch_bewijs)
            if n.tags:
                norm["tags"] = list(n.tags)
            uit["normen"].append(norm)
        return uit

    def sha256(self) -> str:
        inhoud = json.dumps(self.als_bestand(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(inhoud.encode("utf-8")).hexdigest()


def standaard_urn(code: str, versie: str, ref: str) -> str:
    schoon = re.sub(r"[^A-Za-z0-9.:-]+", "-", ref)
    return f"urn:kwaliteit:{code}:{re.sub(r'[^A-Za-z0-9.-]+', '-', versie)}:{schoon}"


# -- shipped kaders ------------------------------------------------------------------


def meegeleverde_kaders() -> dict[str, Path]:
    """The kaders shipped with the program: code → file."""
    map_ = Path(str(resources.files("normen") / "kaders"))
    return {p.stem: p for p in sorted(map_.glob("*.yaml"))}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    tekst = (resources.files("normen") / "kader.schema.json").read_text(encoding="utf-8")
    uit: dict[str, Any] = json.loads(tekst)
    return uit


# -- reading -------------------------------------------------------------------------


def lees_kader(pad: Path) -> KaderData:
    """Read and check a kader file; raise ``OngeldigKader`` listing every error."""
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OngeldigKader(f"Het bestand {pad} bestaat niet.") from None
    except UnicodeDecodeError:
        raise OngeldigKader(f"{pad} is geen UTF-8-tekst; sla het op als UTF-8.") from None
    except OSError as e:
        raise OngeldigKader(f"{pad} is niet te lezen: {e.strerror}.") from None
    return kader_uit_tekst(tekst, str(pad))


def kader_uit_tekst(tekst: str, naam: str) -> KaderData:
    fouten, kader = _controleer(tekst, naam)
    if fouten or kader is None:
        raise OngeldigKader(
            f"{naam} is geen geldig normenkader: {len(fouten)} fout(en).", details=fouten
        )
    return kader


def controleer_kader(pad: Path) -> list[str]:
    """Every error in a kader file, as ``bestand:regel: melding`` (empty when valid)."""
    try:
        lees_kader(pad)
    except OngeldigKader as e:
        return e.details or [e.melding]
    return []


class _Regels:
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


_TYPEN = {
    "string": "tekst",
    "boolean": "true of false",
    "array": "een lijst",
    "object": "een reeks velden (sleutel: waarde)",
    "null": "null",
    "integer": "een geheel getal",
    "number": "een getal",
}


def _schemamelding(fout: Any) -> str:
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
    if v == "format":
        return f"{waarde!r} is geen datum; gebruik jjjj-mm-dd"
    if v == "minItems":
        return "de lijst mag niet leeg zijn"
    if v == "uniqueItems":
        return "de lijst bevat een waarde dubbel"
    return fout.message  # type: ignore[no-any-return]


def _regelnummer(melding: str) -> int:
    m = re.search(r":(\d+): ", melding)
    return int(m.group(1)) if m else 0


def _veldnaam(pad: tuple[Any, ...]) -> str:
    delen = []
    for stap in pad:
        delen.append(f"[{stap + 1}]" if isinstance(stap, int) else f".{stap}")
    return "".join(delen).lstrip(".") or "het bestand"


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


# A kader is a few levels deep and has a few thousand elements; YAML aliases (*anker) can
# make a small file refer to itself or expand to billions of elements.
_MAX_DIEPTE = 50
_MAX_KNOPEN = 200_000


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
        if aantal > _MAX_KNOPEN:
            return (
                f"{naam}:{regel}: met zijn verwijzingen (*anker) wordt het bestand te groot "
                f"(meer dan {_MAX_KNOPEN} elementen)"
            )
        if diepte > _MAX_DIEPTE:
            return f"{naam}:{regel}: de YAML is te diep genest (ten hoogste {_MAX_DIEPTE} niveaus)"
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


def _controleer(tekst: str, naam: str) -> tuple[list[str], KaderData | None]:
    import yaml
    from jsonschema import Draft202012Validator

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
        return [f"{naam}:1: de YAML is te diep genest (ten hoogste {_MAX_DIEPTE} niveaus)"], None
    if not isinstance(data, dict):
        return [f"{naam}:1: verwacht een kader (velden als formaat, kader, naam, normen)"], None

    regels = _Regels(wortel)
    fouten: list[str] = []
    _dubbele_sleutels(wortel, naam, fouten)
    data = _als_tekst(data)
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for fout in sorted(validator.iter_errors(data), key=lambda f: regels.regel(tuple(f.path))):
        pad = tuple(fout.path)
        fouten.append(f"{naam}:{regels.regel(pad)}: {_veldnaam(pad)}: {_schemamelding(fout)}")
    if fouten:
        return sorted(fouten, key=_regelnummer), None

    # Rules a schema can't express: unique refs, parents that exist, texts for norms.
    normen_ruw: list[dict[str, Any]] = data["normen"]
    gezien: dict[str, int] = {}
    diepte: dict[str, int] = {}
    normen: list[NormData] = []
    for i, n in enumerate(normen_ruw):
        ref = n["ref"].strip()
        regel = regels.regel(("normen", i))
        if ref in gezien:
            fouten.append(
                f"{naam}:{regel}: ref '{ref}' staat al op regel {gezien[ref]}; elke ref is uniek"
            )
            continue
        gezien[ref] = regel
        ouder = n.get("ouder")
        if ouder is not None and ouder not in diepte:
            bekend = (
                "staat pas later in het bestand"
                if any(m.get("ref") == ouder for m in normen_ruw)
                else "bestaat niet"
            )
            fouten.append(
                f"{naam}:{regels.regel(('normen', i, 'ouder'))}: ouder '{ouder}' van '{ref}' "
                f"{bekend}; een ouder moet eerder in het bestand staan"
            )
            continue
        beoordeelbaar = bool(n.get("beoordeelbaar", bool(n.get("normtekst"))))
        normtekst = (n.get("normtekst") or "").strip() or None
        if beoordeelbaar and not normtekst:
            fouten.append(
                f"{naam}:{regel}: norm '{ref}' is beoordeelbaar maar heeft geen normtekst"
            )
        diepte[ref] = 1 if ouder is None else diepte[ouder] + 1
        normen.append(
            NormData(
                ref=ref,
                urn=n.get("urn") or standaard_urn(data["kader"], data["versie"], ref),
                ouder=ouder,
                diepte=diepte[ref],
                volgorde=i + 1,
                beoordeelbaar=beoordeelbaar,
                titel=n["titel"].strip(),
                normtekst=normtekst,
                toelichting=(n.get("toelichting") or "").strip() or None,
                typisch_bewijs=tuple(n.get("typisch_bewijs") or ()),
                tags=tuple(n.get("tags") or ()),
            )
        )
    van = date.fromisoformat(data["geldig_van"])
    tot = date.fromisoformat(data["geldig_tot"]) if data.get("geldig_tot") else None
    if tot is not None and tot < van:
        fouten.append(
            f"{naam}:{regels.regel(('geldig_tot',))}: geldig_tot ({tot}) ligt voor geldig_van ({van})"
        )
    if not any(n.beoordeelbaar for n in normen) and not fouten:
        fouten.append(
            f"{naam}:{regels.regel(('normen',))}: het kader heeft geen beoordeelbare norm"
        )
    if fouten:
        return fouten, None
    toelichting = (data.get("toelichting") or "").strip() or None
    return [], KaderData(
        code=data["kader"],
        naam=data["naam"].strip(),
        versie=data["versie"].strip(),
        geldig_van=van,
        geldig_tot=tot,
        bron=data["bron"].strip(),
        publicatiedatum=(
            date.fromisoformat(data["publicatiedatum"]) if data.get("publicatiedatum") else None
        ),
        licentie=data["licentie"].strip(),
        werkversie=data["werkversie"],
        toelichting=toelichting,
        schaal=tuple(data["schaal"]),
        normen=tuple(normen),
        bestand=naam,
    )


__all__ = [
    "FORMAAT",
    "SCHAAL",
    "WERKVERSIE_MARKERING",
    "KaderData",
    "NormData",
    "controleer_kader",
    "kader_uit_tekst",
    "lees_kader",
    "meegeleverde_kaders",
]
