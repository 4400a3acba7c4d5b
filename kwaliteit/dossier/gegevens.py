"""What the dossier shows, gathered in one read-only unit of work.

Everything here is plain JSON-able data in a stable order, so the same database
and options give the same dossier byte for byte. The complainants' personal data
(table ``klager``) is never read; the klachten section holds the 9:12a figures
for the period only, with small breakdown cells suppressed.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select

from klachten.overzicht import overzicht_periode
from kwaliteit.bewijs.dekking import dekking
from kwaliteit.bewijs.diensten import gekoppeld_bewijs, geldige_versie_van
from kwaliteit.bewijs.modellen import ActieKlacht, Actiestatus, Bevinding, Verbeteractie
from kwaliteit.bewijs.zelfevaluatie import standaardronde
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.organisatie import STANDAARD_DREMPEL, Profiel
from kwaliteit.toetsing.modellen import Toetsrun
from normen import diensten as normdiensten
from normen.modellen import Kaderversie, Norm

FORMAAT = "kwaliteit-dossier/1"

SECTIES = ("dekking", "bevindingen", "verbeteracties", "bewijs", "toetsing", "normen", "klachten")

# Breakdowns of the 9:12a overview whose cells are suppressed below the threshold.
UITSPLITSINGEN = (
    "per_uitkomst",
    "per_kanaal",
    "per_categorie",
    "per_wijk",
    "per_aanbieder",
    "niet_in_behandeling_per_grond",
    "doorgestuurd_per_bestemming",
)


@dataclass(frozen=True)
class Opties:
    """What the user asked for; every date comes from here, never from the clock."""

    kader: str
    van: date
    tot: date
    peildatum: date
    organisatie: str | None = None  # None: the organisation profile's dossier name
    ronde: str | None = None
    versie: str | None = None
    drempel: int | None = None  # None: the organisation profile's drempel

    def aangevuld(self, profiel: Profiel) -> Opties:
        """What was not given, from the organisation profile (its dossier defaults)."""
        return dataclasses.replace(
            self,
            organisatie=self.organisatie or profiel.dossiernaam or None,
            drempel=profiel.dossier.drempel if self.drempel is None else self.drempel,
        )

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise InvoerFout(
                f"De periode eindigt ({self.tot.isoformat()}) vóór zij begint "
                f"({self.van.isoformat()}); geef --tot op of na --van."
            )
        if self.drempel is not None and not 0 <= self.drempel <= 1000:
            raise InvoerFout(f"--drempel is {self.drempel}; toegestaan is 0 tot en met 1000.")


def onderdruk(aantal: int, drempel: int) -> int | str:
    """A breakdown cell: 1 up to the threshold becomes '<drempel'; 0 stays 0 (nobody to find)."""
    if 0 < aantal < drempel:
        return f"<{drempel}"
    return aantal


def klachtensectie(w: Werkeenheid, van: date, tot: date, drempel: int) -> dict[str, Any]:
    """The 9:12a overview for the period, pseudonymised, small breakdown cells suppressed."""
    o = overzicht_periode(w.sessie, van, tot)
    for sleutel in UITSPLITSINGEN:
        o[sleutel] = {k: onderdruk(v, drempel) for k, v in o[sleutel].items()}
    o["drempel"] = drempel
    return o


def anker(ref: str, gebruikt: set[str]) -> str:
    """A stable, unique HTML id for a norm ref ('9:6' -> 'norm-9-6')."""
    basis = "norm-" + (re.sub(r"[^A-Za-z0-9]+", "-", ref).strip("-") or "x")
    kandidaat, n = basis, 1
    while kandidaat in gebruikt:
        n += 1
        kandidaat = f"{basis}-{n}"
    gebruikt.add(kandidaat)
    return kandidaat


def scenario_tekst(feature: str, regel: int) -> str:
    """A scenario verbatim from its feature text: its tags, its line and its steps."""
    regels = feature.splitlines()
    if not 1 <= regel <= len(regels):
        return ""
    begin = regel - 1
    while begin > 0 and regels[begin - 1].lstrip().startswith("@"):
        begin -= 1
    einde = regel
    while einde < len(regels):
        kaal = regels[einde].lstrip()
        if kaal.startswith(("@", "Scenario", "Abstract Scenario", "Voorbeeld:", "Regel:")):
            break
        einde += 1
    blok = regels[begin:einde]
    while blok and not blok[-1].strip():
        blok.pop()
    inspringing = min((len(r) - len(r.lstrip()) for r in blok if r.strip()), default=0)
    return "\n".join(r[inspringing:] for r in blok)


def _toets(w: Werkeenheid, kader: str, peildatum: date) -> dict[str, Any] | None:
    """The latest stored toets run for this kader (or for all kaders) up to the peildatum."""
    for run in w.sessie.execute(
        select(Toetsrun)
        .where(
            or_(Toetsrun.kader == kader, Toetsrun.kader.is_(None)),
            Toetsrun.peildatum <= peildatum,
        )
        .order_by(Toetsrun.id.desc())
    ).scalars():
        resultaat = json.loads(run.resultaat)
        normen = [n for n in resultaat["normen"] if n["kader"] == kader]
        if not normen:
            continue
        teksten = {f["pad"]: f["tekst"] for f in json.loads(run.features)}
        samenvatting: dict[str, int] = {}
        for n in normen:
            samenvatting[n["status"]] = samenvatting.get(n["status"], 0) + 1
        return {
            "run": run.id,
            "datum": run.tijdstip.date().isoformat(),
            "peildatum": run.peildatum.isoformat(),
            "geslaagd": all(n["status"] == "gedekt" for n in normen),
            "samenvatting": samenvatting,
            "normen": {n["ref"]: n for n in normen},
            "scenarios": [
                {
                    "feature": s["feature"],
                    "naam": s["naam"],
                    "regel": s["regel"],
                    "normen": s["normen"],
                    "status": s["status"],
                    "melding": s["melding"],
                    "tekst": scenario_tekst(teksten.get(s["feature"], ""), s["regel"]),
                }
                for s in resultaat["scenarios"]
            ],
        }
    return None


def _scenarios_voor(toets: dict[str, Any] | None, kader: str, ref: str) -> dict[str, Any]:
    if toets is None:
        return {"status": "ongetoetst", "toelichting": [], "scenarios": []}
    n = toets["normen"].get(ref)
    sleutel = f"{kader}/{ref}"
    scenarios = [
        {k: s[k] for k in ("feature", "naam", "regel", "status", "melding", "tekst")}
        for s in toets["scenarios"]
        if sleutel in s["normen"]
    ]
    if n is None:
        return {"status": "ongetoetst", "toelichting": [], "scenarios": scenarios}
    return {"status": n["status"], "toelichting": n["toelichting"], "scenarios": scenarios}


# -- the sections of the dossier --------------------------------------------------------


def _bevindingen(
    w: Werkeenheid, ids: list[int], peildatum: date
) -> tuple[dict[int, list[dict[str, Any]]], dict[int, int]]:
    """The findings per norm up to the peildatum, and the norm of each finding (by id)."""
    bevindingen: dict[int, list[dict[str, Any]]] = defaultdict(list)
    bevinding_norm: dict[int, int] = {}
    for bv in w.sessie.execute(
        select(Bevinding)
        .where(Bevinding.norm_id.in_(ids), Bevinding.datum <= peildatum)
        .order_by(Bevinding.volgnummer)
    ).scalars():
        assert bv.norm_id is not None
        bevinding_norm[bv.id] = bv.norm_id
        bevindingen[bv.norm_id].append(
            {
                "kenmerk": bv.kenmerk,
                "soort": bv.soort.value,
                "ronde": bv.ronde,
                "omschrijving": bv.omschrijving,
                "datum": bv.datum.isoformat(),
            }
        )
    return bevindingen, bevinding_norm


def _verbeteracties(
    w: Werkeenheid, ids: list[int], bevinding_norm: dict[int, int], peildatum: date
) -> dict[int, list[dict[str, Any]]]:
    """The actions made up to the peildatum per norm (directly, or through a finding),
    each with the number of complaints it answers (one query for all)."""
    acties: dict[int, list[dict[str, Any]]] = defaultdict(list)
    aantal_klachten = (
        select(func.count())
        .select_from(ActieKlacht)
        .where(ActieKlacht.actie_id == Verbeteractie.id)
        .correlate(Verbeteractie)
        .scalar_subquery()
    )
    norm_ids = set(ids)
    for a, n_klachten in w.sessie.execute(
        select(Verbeteractie, aantal_klachten)
        .where(
            or_(
                Verbeteractie.norm_id.in_(ids),
                Verbeteractie.bevinding_id.in_(list(bevinding_norm)),
            ),
            Verbeteractie.aangemaakt <= peildatum,
        )
        .order_by(Verbeteractie.volgnummer)
    ).all():
        norm_id = a.norm_id if a.norm_id in norm_ids else bevinding_norm.get(a.bevinding_id or 0)
        if norm_id is None:
            continue
        open_ = a.status in (Actiestatus.OPEN, Actiestatus.IN_UITVOERING)
        acties[norm_id].append(
            {
                "kenmerk": a.kenmerk,
                "omschrijving": a.omschrijving,
                "eigenaar": a.eigenaar,
                "deadline": a.deadline.isoformat(),
                "status": a.status.value,
                "afgerond": a.afgerond.isoformat() if a.afgerond else None,
                "te_laat": open_ and a.deadline < peildatum,
                "klachten": int(n_klachten),
            }
        )
    return acties


def _bewijsstukken(w: Werkeenheid, ids: list[int], peildatum: date) -> dict[str, dict[str, Any]]:
    """Every item linked to these norms with its version valid on the peildatum, by kenmerk.

    In the order of the evidence; each item names its norms in the kader's order.
    An item with no valid version is left out.
    """
    gekoppeld = gekoppeld_bewijs(w, ids)
    geldig = {b_id: geldige_versie_van(v, peildatum) for b_id, v in gekoppeld.versies.items()}
    bewijs: dict[str, dict[str, Any]] = {}
    for k in gekoppeld.koppelingen:
        g = geldig.get(k.bewijsstuk_id)
        if g is None:
            continue
        item = bewijs.get(k.kenmerk)
        if item is None:
            item = bewijs[k.kenmerk] = {
                "kenmerk": k.kenmerk,
                "titel": k.titel,
                "soort": k.soort.value,
                "eigenaar": k.eigenaar,
                "versie": g.versie,
                "ingangsdatum": g.ingangsdatum.isoformat(),
                "geldig_tot": g.geldig_tot.isoformat() if g.geldig_tot else None,
                "bestandsnaam": g.bestandsnaam,
                "sha256": g.sha256,
                "grootte": int(g.grootte) if g.sha256 and g.grootte is not None else None,
                "normen": [],
            }
        if k.ref not in item["normen"]:
            item["normen"].append(k.ref)
    return bewijs


@dataclass(frozen=True)
class _Normgegevens:
    """What the norms section shows of each norm besides the norm itself."""

    dekking: dict[str, dict[str, Any]]  # the coverage report's line, by ref
    bewijs: dict[str, dict[str, Any]]  # the items of _bewijsstukken, by kenmerk
    toets: dict[str, Any] | None
    bevindingen: dict[int, list[dict[str, Any]]]
    acties: dict[int, list[dict[str, Any]]]


def _normen(alle: list[Norm], kader: str, g: _Normgegevens) -> list[dict[str, Any]]:
    """Every norm of the kader in its order; the assessable ones with coverage and the rest."""
    gebruikt: set[str] = set()
    normen: list[dict[str, Any]] = []
    for n in alle:
        regel: dict[str, Any] = {
            "ref": n.ref,
            "anker": anker(n.ref, gebruikt),
            "diepte": n.diepte,
            "beoordeelbaar": n.beoordeelbaar,
            "titel": n.titel,
            "normtekst": n.normtekst,
            "toelichting": n.toelichting,
        }
        if n.beoordeelbaar:
            x = g.dekking[n.ref]
            regel |= {
                "gedekt": x["gedekt"],
                "oordeel": x["oordeel"],
                "bewijs": [
                    {**b, "bestandsnaam": g.bewijs[b["kenmerk"]]["bestandsnaam"]}
                    for b in x["bewijs"]
                ],
                "verlopen_bewijs": x["verlopen_bewijs"],
                "toekomstig_bewijs": x["toekomstig_bewijs"],
                "registerbewijs": x["registerbewijs"],
                "toets": _scenarios_voor(g.toets, kader, n.ref),
                "bevindingen": g.bevindingen.get(n.id, []),
                "verbeteracties": g.acties.get(n.id, []),
            }
        normen.append(regel)
    return normen


def _kader(v: Kaderversie, markering: str | None) -> dict[str, Any]:
    return {
        "code": v.kader.code,
        "naam": v.naam,
        "versie": v.versie,
        "geldig_van": v.geldig_van.isoformat(),
        "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
        "bron": v.bron,
        "licentie": v.licentie,
        "werkversie": v.werkversie,
        "markering": markering,
        "sha256": v.sha256,
    }


def _samenvatting(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in ("normen", "gedekt", "percentage", "per_oordeel", "categorieen")}


def _toetskop(toets: dict[str, Any] | None) -> dict[str, Any] | None:
    """The stored toets run as the dossier's header shows it (without the scenarios)."""
    if toets is None:
        return None
    return {k: toets[k] for k in ("run", "datum", "peildatum", "geslaagd", "samenvatting")}


def verzamel(
    w: Werkeenheid,
    o: Opties,
    *,
    voortgang: Callable[[int, int | None], None] | None = None,
) -> dict[str, Any]:
    """The dossier's data (see the module docstring); JSON-able, stable order.

    ``voortgang(gedaan, totaal)`` is called after each of the ``SECTIES``.
    """
    gedaan = 0

    def klaar() -> None:
        nonlocal gedaan
        gedaan += 1
        if voortgang is not None:
            voortgang(gedaan, len(SECTIES))

    ronde = o.ronde or standaardronde(w)
    d = dekking(w, o.kader, peildatum=o.peildatum, ronde=ronde, versie=o.versie)
    v = normdiensten.versie(w, o.kader, o.versie, op=o.peildatum)
    alle = normdiensten.normen(w, v)
    ids = [n.id for n in alle]
    klaar()
    bevindingen, bevinding_norm = _bevindingen(w, ids, o.peildatum)
    klaar()
    acties = _verbeteracties(w, ids, bevinding_norm, o.peildatum)
    klaar()
    bewijs = _bewijsstukken(w, ids, o.peildatum)
    klaar()
    toets = _toets(w, v.kader.code, o.peildatum)
    klaar()
    normgegevens = _Normgegevens(
        {x["ref"]: x for x in d["per_norm"]}, bewijs, toets, bevindingen, acties
    )
    normen = _normen(alle, v.kader.code, normgegevens)
    klaar()
    drempel = STANDAARD_DREMPEL if o.drempel is None else o.drempel
    klachten = klachtensectie(w, o.van, o.tot, drempel)
    klaar()
    return {
        "formaat": FORMAAT,
        "organisatie": o.organisatie,
        "kader": _kader(v, d["markering"]),
        "periode": {"van": o.van.isoformat(), "tot": o.tot.isoformat()},
        "peildatum": o.peildatum.isoformat(),
        "ronde": ronde,
        "samenvatting": _samenvatting(d),
        "toets": _toetskop(toets),
        "normen": normen,
        "bewijs": sorted(bewijs.values(), key=lambda b: int(b["kenmerk"].split("-")[1])),
        "klachten": klachten,
    }
