"""Writing a kader: our own YAML, a CISO Assistant library, or spreadsheet CSV.

Every format is deterministic (the order of the kader, no timestamps), so an
export of the same version is the same file byte for byte.

- ``yaml``: the format of ``normen/kaders/FORMAAT.md``; ``lees_kader`` reads it
  back to the same ``sha256()``.
- ``ciso``: a library for CISO Assistant (``urn``, ``locale``, ``ref_id``, …,
  ``objects.framework.requirement_nodes``). The node URNs carry no version, so
  that CISO Assistant recognises the nodes of a newer version as the same nodes.
- ``csv``: the columns ``normen.spreadsheet`` reads (semicolons, as Dutch Excel
  writes them), so an export can be edited and imported again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from kwaliteit.bestanden import atomair
from kwaliteit.cellen import schrijf_cel
from kwaliteit.fouten import InvoerFout
from normen.kaderbestand import WERKVERSIE_MARKERING, KaderData, standaard_urn
from normen.spreadsheet import KOLOMMEN

FORMATEN = ("yaml", "ciso", "csv")
PACKAGER = "kwaliteit"


def _dumper() -> type[Any]:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def tekst(dumper: yaml.SafeDumper, waarde: str) -> yaml.ScalarNode:
        # Multi-line texts (normteksten) as literal blocks, the way people write them.
        stijl = "|" if "\n" in waarde else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", waarde, style=stijl)

    Dumper.add_representer(str, tekst)
    return Dumper


def _yaml(data: Any) -> str:
    import yaml

    uit: str = yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return uit


# -- our own format ------------------------------------------------------------------


def als_yaml(kader: KaderData) -> str:
    """The kader in the kwaliteit-kader/1 format."""
    kop = [
        f"# Normenkader {kader.code}, versie {kader.versie}; formaat: zie normen/kaders/FORMAAT.md.",
        "# Geëxporteerd met 'kwaliteit normen exporteer'; laad het met 'kwaliteit normen importeer'.",
    ]
    if kader.werkversie:
        kop.append(f"# {WERKVERSIE_MARKERING}")
    return "\n".join(kop) + "\n" + _yaml(kader.als_bestand())


# -- CISO Assistant ------------------------------------------------------------------


def _urndeel(tekst: str) -> str:
    schoon = re.sub(r"[^a-z0-9._:-]+", "-", tekst.strip().lower()).strip("-")
    return schoon or "x"


def _aanbieder(kader: KaderData) -> str:
    """CISO's ``provider``: who publishes the text."""
    if kader.werkversie:
        return PACKAGER
    url = re.search(r"https?://[^\s)]+", kader.bron)
    if url and urlparse(url.group(0)).hostname:
        return str(urlparse(url.group(0)).hostname)
    return kader.bron[:200]


def _beschrijving(kader: KaderData) -> str:
    delen = []
    if kader.werkversie and WERKVERSIE_MARKERING not in (kader.toelichting or ""):
        delen.append(f"{WERKVERSIE_MARKERING}.")
    delen.append(kader.toelichting or kader.naam)
    geldig = f"geldig van {kader.geldig_van.isoformat()}" + (
        f" tot en met {kader.geldig_tot.isoformat()}" if kader.geldig_tot else ""
    )
    delen.append(f"Versie {kader.versie}, {geldig}.")
    delen.append(f"Bron: {kader.bron}")
    return "\n\n".join(delen)


def als_ciso_data(kader: KaderData, *, volgnummer: int = 1) -> dict[str, Any]:
    """The kader as a CISO Assistant library (a dict; ``als_ciso`` writes it as YAML).

    ``volgnummer`` is CISO's integer ``version``: the how-manieth loaded version of
    this kader, so that a newer version updates the library in CISO Assistant."""
    code = _urndeel(kader.code)
    basis = f"urn:{PACKAGER}:risk:req_node:{code}"
    urns: dict[str, str] = {}
    gebruikt: set[str] = set()
    for n in kader.normen:
        urn = f"{basis}:{_urndeel(n.ref)}"
        teller = 2
        while urn in gebruikt:  # two refs that differ only in case or punctuation
            urn = f"{basis}:{_urndeel(n.ref)}-{teller}"
            teller += 1
        gebruikt.add(urn)
        urns[n.ref] = urn
    knopen: list[dict[str, Any]] = []
    for n in kader.normen:
        knoop: dict[str, Any] = {
            "urn": urns[n.ref],
            "assessable": n.beoordeelbaar,
            "depth": n.diepte,
        }
        if n.ouder is not None:
            knoop["parent_urn"] = urns[n.ouder]
        knoop["ref_id"] = n.ref
        knoop["name"] = n.titel
        if n.normtekst:
            knoop["description"] = n.normtekst
        if n.toelichting:
            knoop["annotation"] = n.toelichting
        if n.typisch_bewijs:
            knoop["typical_evidence"] = "\n".join(n.typisch_bewijs)
        knopen.append(knoop)
    beschrijving = _beschrijving(kader)
    return {
        "urn": f"urn:{PACKAGER}:risk:library:{code}",
        "locale": "nl",
        "ref_id": kader.code,
        "name": kader.naam,
        "description": beschrijving,
        "copyright": kader.licentie,
        "version": volgnummer,
        "publication_date": kader.publicatiedatum or kader.geldig_van,
        "provider": _aanbieder(kader),
        "packager": PACKAGER,
        "objects": {
            "framework": {
                "urn": f"urn:{PACKAGER}:risk:framework:{code}",
                "ref_id": kader.code,
                "name": kader.naam,
                "description": beschrijving,
                "requirement_nodes": knopen,
            }
        },
    }


def als_ciso(kader: KaderData, *, volgnummer: int = 1) -> str:
    kop = [
        f"# CISO Assistant-bibliotheek van {kader.code}, versie {kader.versie} "
        "(geëxporteerd met 'kwaliteit normen exporteer --formaat ciso').",
    ]
    if kader.werkversie:
        kop.append(f"# {WERKVERSIE_MARKERING}")
    return "\n".join(kop) + "\n" + _yaml(als_ciso_data(kader, volgnummer=volgnummer))


# -- spreadsheet CSV -----------------------------------------------------------------


def csv_rijen(kader: KaderData) -> list[list[str]]:
    """The header and one row per norm or category, in the kader's order."""
    rijen = [list(KOLOMMEN)]
    for n in kader.normen:
        waarden = {
            "code": n.ref,
            "categorie": n.ouder or "",
            "titel": n.titel,
            "normtekst": n.normtekst or "",
            "toelichting": n.toelichting or "",
            "typisch_bewijs": "\n".join(n.typisch_bewijs),
            "tags": ", ".join(n.tags),
        }
        rijen.append([schrijf_cel(waarden[k]) for k in KOLOMMEN])
    return rijen


def als_csv(kader: KaderData, *, regeleinde: str = "\n") -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator=regeleinde)
    schrijver.writerows(csv_rijen(kader))
    return uit.getvalue()


def csv_beperkingen(kader: KaderData) -> list[str]:
    """What a CSV export can't carry, so an import of it would differ from the kader."""
    uit = []
    if any(n.urn != standaard_urn(kader.code, kader.versie, n.ref) for n in kader.normen):
        uit.append("eigen urn's van normen staan niet in CSV; een import leidt ze opnieuw af")
    ouders = {n.ouder for n in kader.normen}
    for n in kader.normen:
        if not n.beoordeelbaar and n.normtekst:
            uit.append(
                f"'{n.ref}' is een categorie met een normtekst; na import is ze beoordeelbaar"
            )
        if not n.beoordeelbaar and not n.normtekst and n.ref not in ouders:
            uit.append(f"'{n.ref}' is een categorie zonder normen; een import weigert die regel")
        if any(";" in b or "\n" in b for b in n.typisch_bewijs):
            uit.append(
                f"'{n.ref}': typisch bewijs met ';' of een regeleinde wordt bij import gesplitst"
            )
    return uit


# -- writing -------------------------------------------------------------------------


def tekst(kader: KaderData, formaat: str, *, volgnummer: int = 1, regeleinde: str = "\n") -> str:
    """The export in ``formaat`` (``yaml``, ``ciso`` or ``csv``)."""
    schrijvers: dict[str, Callable[[], str]] = {
        "yaml": lambda: als_yaml(kader),
        "ciso": lambda: als_ciso(kader, volgnummer=volgnummer),
        "csv": lambda: als_csv(kader, regeleinde=regeleinde),
    }
    if formaat not in schrijvers:
        raise InvoerFout(f"formaat: '{formaat}' is niet toegestaan; kies {', '.join(FORMATEN)}.")
    return schrijvers[formaat]()


def controleer_doel(uit: Path) -> None:
    """Refuse a target that can't be written before anything is done."""
    try:
        is_map, map_bestaat = uit.is_dir(), uit.parent.exists()
    except OSError as e:  # a name the file system refuses, e.g. longer than 255 bytes
        raise InvoerFout(f"{uit} is niet te schrijven: {e.strerror}.") from None
    if is_map:
        raise InvoerFout(f"{uit} is een map; geef een bestandsnaam met --uit.")
    if not map_bestaat:
        raise InvoerFout(f"De map {uit.parent} bestaat niet.")


def schrijf(inhoud: str, uit: Path, *, codering: str = "utf-8") -> None:
    """Write via a temporary file beside ``uit``, then rename: never half a file."""
    with atomair(uit, codering=codering) as f:
        f.write(inhoud)


__all__ = [
    "FORMATEN",
    "als_ciso",
    "als_ciso_data",
    "als_csv",
    "als_yaml",
    "csv_beperkingen",
    "csv_rijen",
    "schrijf",
    "tekst",
]
