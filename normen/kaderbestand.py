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

from kwaliteit.tekstbestand import lees_utf8
from kwaliteit.yamlbestand import lees_yaml, regelnummer, schemafouten
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
    tekst = lees_utf8(pad, OngeldigKader)
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


def _controleer(tekst: str, naam: str) -> tuple[list[str], KaderData | None]:
    fouten, gelezen = lees_yaml(tekst, naam)
    if gelezen is None:
        return fouten, None
    data = gelezen.data
    if not isinstance(data, dict):
        return [f"{naam}:1: verwacht een kader (velden als formaat, kader, naam, normen)"], None
    regels = gelezen.regels
    fouten += schemafouten(gelezen, schema(), naam)
    if fouten:
        return sorted(fouten, key=regelnummer), None

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
