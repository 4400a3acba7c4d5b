"""Reading kaders from a file, loading them into the database, and reading them back."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout
from kwaliteit.tijd import parse_datum
from normen.fouten import OnbekendKader, OngeldigKader
from normen.kaderbestand import (
    WERKVERSIE_MARKERING,
    KaderData,
    NormData,
    lees_kader,
    meegeleverde_kaders,
)
from normen.modellen import Kaderversie, Norm, Normkader

ONDERWERP = "kader"

# normen.spreadsheet and normen.uitvoer are imported where a file is read or written:
# most users of these services (dekking, dossier, toets, bewijs) do neither.

# A service reports how far long work is (``voortgang(gedaan, totaal)``, totaal None when
# not yet known) and notes that are no error (``melding(tekst)``); the CLI shows them.
Voortgang = Callable[[int, int | None], None]
Melding = Callable[[str], None]


# -- reading a kader from a file ----------------------------------------------------


@dataclass(frozen=True)
class Spreadsheetopties:
    """The kader's own data for a spreadsheet import, as typed (dates still text).

    A YAML kader holds these in the file itself, so with YAML none may be given."""

    blad: str | None = None
    kader: str | None = None
    naam: str | None = None
    versie: str | None = None
    geldig_van: str | None = None
    geldig_tot: str | None = None
    bron: str | None = None
    licentie: str | None = None
    werkversie: bool | None = None

    def gegeven(self) -> list[str]:
        """The options given, by their name on the command line."""
        from normen import spreadsheet

        namen = {"blad": "--blad", **spreadsheet.OPTIES}
        return [optie for veld, optie in namen.items() if getattr(self, veld) is not None]


def bronbestand(bron: str) -> Path:
    """The file named, or the shipped kader with that code."""
    pad = Path(bron)
    try:
        bestaat, is_map = pad.exists(), pad.is_dir()
    except OSError as e:  # a name the file system refuses, e.g. longer than 255 bytes
        raise InvoerFout(f"Het bestand {bron} is niet te openen: {e.strerror}.") from None
    if bestaat:
        if is_map:
            raise InvoerFout(f"{bron} is een map, geen bestand.")
        return pad
    meegeleverd = meegeleverde_kaders()
    if bron in meegeleverd:
        return meegeleverd[bron]
    raise InvoerFout(
        f"Het bestand {bron} bestaat niet, en '{bron}' is ook geen meegeleverd kader "
        f"({', '.join(meegeleverd)})."
    )


def _datum(tekst: str | None, veld: str) -> date | None:
    return None if tekst is None else parse_datum(tekst, veld)


def lees(
    bron: str,
    opties: Spreadsheetopties | None = None,
    *,
    meldingen: list[str] | None = None,
) -> KaderData:
    """Read a kader from YAML, a spreadsheet or the shipped kaders (no database needed).

    ``OngeldigKader`` lists every error; notes that are no error (ignored columns) are
    appended to ``meldingen``, also when the kader turns out invalid."""
    from normen import spreadsheet

    opties = opties or Spreadsheetopties()
    pad = bronbestand(bron)
    if spreadsheet.soort(pad) == "yaml":
        if opties.gegeven():
            raise InvoerFout(
                f"{', '.join(opties.gegeven())} hoort bij een spreadsheet (.xlsx of .csv); "
                f"een YAML-kader als {pad.name} heeft zijn gegevens in het bestand zelf."
            )
        return lees_kader(pad)
    gegevens = spreadsheet.Kadergegevens(
        kader=opties.kader,
        naam=opties.naam,
        versie=opties.versie,
        geldig_van=_datum(opties.geldig_van, "--geldig-van"),
        geldig_tot=_datum(opties.geldig_tot, "--geldig-tot"),
        bron=opties.bron,
        licentie=opties.licentie,
        werkversie=True if opties.werkversie is None else opties.werkversie,
    )
    return spreadsheet.lees_spreadsheet(pad, gegevens, blad=opties.blad, meldingen=meldingen)


# -- loading ------------------------------------------------------------------------


@dataclass(frozen=True)
class Laadresultaat:
    code: str
    versie: str
    nieuw: bool
    normen: int
    vorige_versie: str | None


def laad(w: Werkeenheid, kader: KaderData, *, voortgang: Voortgang | None = None) -> Laadresultaat:
    """Store a kader version. The same content again is a no-op; a new version is added
    beside the old ones (whose assessments stay as they are)."""
    bestaand = w.sessie.execute(
        select(Normkader).where(Normkader.code == kader.code)
    ).scalar_one_or_none()
    vorige: str | None = None
    if bestaand is None:
        bestaand = Normkader(code=kader.code, naam=kader.naam)
        w.sessie.add(bestaand)
        w.sessie.flush()
    else:
        zelfde = w.sessie.execute(
            select(Kaderversie).where(
                Kaderversie.kader_id == bestaand.id, Kaderversie.versie == kader.versie
            )
        ).scalar_one_or_none()
        if zelfde is not None:
            if zelfde.sha256 == kader.sha256():
                return Laadresultaat(kader.code, kader.versie, False, len(kader.normen), None)
            raise OngeldigKader(
                f"Versie '{kader.versie}' van {kader.code} is al geladen met een andere inhoud. "
                "Een geladen versie verandert niet meer: geef de nieuwe tekst een eigen versie "
                "(veld 'versie')."
            )
        vorige = w.sessie.execute(
            select(Kaderversie.versie)
            .where(Kaderversie.kader_id == bestaand.id)
            .order_by(Kaderversie.geldig_van.desc(), Kaderversie.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        bestaand.naam = kader.naam
    versie = Kaderversie(
        kader_id=bestaand.id,
        versie=kader.versie,
        naam=kader.naam,
        geldig_van=kader.geldig_van,
        geldig_tot=kader.geldig_tot,
        bron=kader.bron,
        publicatiedatum=kader.publicatiedatum,
        licentie=kader.licentie,
        werkversie=kader.werkversie,
        toelichting=kader.toelichting,
        schaal=json.dumps(list(kader.schaal)),
        sha256=kader.sha256(),
        geladen=w.audit.tijdstip,
    )
    w.sessie.add(versie)
    w.sessie.flush()
    ids: dict[str, int] = {}
    for gedaan, n in enumerate(kader.normen, start=1):
        norm = _norm(versie.id, n, ids.get(n.ouder) if n.ouder else None)
        w.sessie.add(norm)
        w.sessie.flush()
        ids[n.ref] = norm.id
        if voortgang is not None:
            voortgang(gedaan, len(kader.normen))
    w.audit.leg_vast(
        ONDERWERP,
        f"{kader.code}@{kader.versie}",
        "laad",
        na={
            "kader": kader.code,
            "versie": kader.versie,
            "sha256": kader.sha256(),
            "normen": len(kader.normen),
            "werkversie": kader.werkversie,
            "bestand": kader.bestand.rsplit("/", 1)[-1],
        },
    )
    return Laadresultaat(kader.code, kader.versie, True, len(kader.normen), vorige)


def _norm(versie_id: int, n: NormData, ouder_id: int | None) -> Norm:
    return Norm(
        versie_id=versie_id,
        ref=n.ref,
        urn=n.urn,
        ouder_id=ouder_id,
        diepte=n.diepte,
        volgorde=n.volgorde,
        beoordeelbaar=n.beoordeelbaar,
        titel=n.titel,
        normtekst=n.normtekst,
        toelichting=n.toelichting,
        typisch_bewijs=json.dumps(list(n.typisch_bewijs), ensure_ascii=False),
        tags=json.dumps(list(n.tags), ensure_ascii=False),
    )


# -- reading -------------------------------------------------------------------------


def kaders(w: Werkeenheid) -> list[Normkader]:
    return list(
        w.sessie.execute(
            select(Normkader).order_by(Normkader.code).options(selectinload(Normkader.versies))
        ).scalars()
    )


def versies(w: Werkeenheid, code: str) -> list[Kaderversie]:
    """The loaded versions of a kader, oldest first (by geldig_van, then loading order)."""
    return list(
        w.sessie.execute(
            select(Kaderversie)
            .join(Normkader, Normkader.id == Kaderversie.kader_id)
            .where(Normkader.code == code)
            .order_by(Kaderversie.geldig_van, Kaderversie.id)
        ).scalars()
    )


def versie(
    w: Werkeenheid, code: str, versie: str | None = None, *, op: date | None = None
) -> Kaderversie:
    """A kader's version: the one named, else the one valid on ``op`` (default today),
    else the newest loaded."""
    kader = w.sessie.execute(select(Normkader).where(Normkader.code == code)).scalar_one_or_none()
    if kader is None:
        geladen = ", ".join(
            w.sessie.execute(select(Normkader.code).order_by(Normkader.code)).scalars()
        )
        raise OnbekendKader(
            f"Kader '{code}' is niet geladen"
            + (f"; geladen zijn: {geladen}." if geladen else "; er is nog geen kader geladen.")
            + " Laad het met 'kwaliteit normen importeer'."
        )
    versies = list(
        w.sessie.execute(
            select(Kaderversie)
            .where(Kaderversie.kader_id == kader.id)
            .order_by(Kaderversie.geldig_van, Kaderversie.id)
        ).scalars()
    )
    if versie is not None:
        for v in versies:
            if v.versie == versie:
                return v
        raise OnbekendKader(
            f"Kader '{code}' heeft geen versie '{versie}'; geladen: {', '.join(v.versie for v in versies)}."
        )
    peildatum = op or w.vandaag
    geldig = [
        v
        for v in versies
        if v.geldig_van <= peildatum and (v.geldig_tot is None or peildatum <= v.geldig_tot)
    ]
    return (geldig or versies)[-1]


def normen(w: Werkeenheid, v: Kaderversie) -> list[Norm]:
    return list(
        w.sessie.execute(
            select(Norm).where(Norm.versie_id == v.id).order_by(Norm.volgorde)
        ).scalars()
    )


def norm(w: Werkeenheid, v: Kaderversie, ref: str) -> Norm:
    gevonden = w.sessie.execute(
        select(Norm).where(Norm.versie_id == v.id, Norm.ref == ref.strip())
    ).scalar_one_or_none()
    if gevonden is None:
        raise OnbekendKader(
            f"Kader '{v.kader.code}' (versie {v.versie}) heeft geen norm '{ref}'. "
            f"'kwaliteit normen toon {v.kader.code}' toont de refs."
        )
    return gevonden


def aantal_normen(w: Werkeenheid, v: Kaderversie) -> tuple[int, int]:
    """(all, assessable) norms of a version."""
    rij = w.sessie.execute(
        select(func.count(), func.count().filter(Norm.beoordeelbaar.is_(True))).where(
            Norm.versie_id == v.id
        )
    ).one()
    return int(rij[0]), int(rij[1])


def als_kaderdata(
    w: Werkeenheid, v: Kaderversie, *, voortgang: Voortgang | None = None
) -> KaderData:
    """A stored version back as KaderData (for export)."""
    opgeslagen = normen(w, v)
    refs = {n.id: n.ref for n in opgeslagen}
    omgezet: list[NormData] = []
    for n in opgeslagen:
        omgezet.append(
            NormData(
                ref=n.ref,
                urn=n.urn,
                ouder=refs.get(n.ouder_id) if n.ouder_id else None,
                diepte=n.diepte,
                volgorde=n.volgorde,
                beoordeelbaar=n.beoordeelbaar,
                titel=n.titel,
                normtekst=n.normtekst,
                toelichting=n.toelichting,
                typisch_bewijs=tuple(json.loads(n.typisch_bewijs)),
                tags=tuple(json.loads(n.tags)),
            )
        )
        if voortgang is not None:
            voortgang(len(omgezet), len(opgeslagen))
    return KaderData(
        code=v.kader.code,
        naam=v.naam,
        versie=v.versie,
        geldig_van=v.geldig_van,
        geldig_tot=v.geldig_tot,
        bron=v.bron,
        publicatiedatum=v.publicatiedatum,
        licentie=v.licentie,
        werkversie=v.werkversie,
        toelichting=v.toelichting,
        schaal=tuple(json.loads(v.schaal)),
        normen=tuple(omgezet),
    )


def normregel(n: Norm) -> dict[str, Any]:
    return {
        "ref": n.ref,
        "urn": n.urn,
        "diepte": n.diepte,
        "beoordeelbaar": n.beoordeelbaar,
        "titel": n.titel,
        "normtekst": n.normtekst,
        "toelichting": n.toelichting,
        "typisch_bewijs": json.loads(n.typisch_bewijs),
        "tags": json.loads(n.tags),
    }


# -- what the commands show ---------------------------------------------------------


def overzicht(w: Werkeenheid) -> dict[str, Any]:
    """The loaded kaders with their versions, and the shipped kaders not loaded yet
    (``normen lijst --json``)."""
    kaderlijst: list[dict[str, Any]] = []
    for k in kaders(w):
        geldend = versie(w, k.code).id if k.versies else None
        rijen = []
        for v in versies(w, k.code):
            alle, beoordeelbaar = aantal_normen(w, v)
            rijen.append(
                {
                    "versie": v.versie,
                    "naam": v.naam,
                    "geldig_van": v.geldig_van.isoformat(),
                    "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
                    "normen": alle,
                    "beoordeelbaar": beoordeelbaar,
                    "werkversie": v.werkversie,
                    "geldend": v.id == geldend,
                    "sha256": v.sha256,
                }
            )
        kaderlijst.append({"code": k.code, "naam": k.naam, "versies": rijen})
    geladen = {k["code"] for k in kaderlijst}
    beschikbaar = [code for code in meegeleverde_kaders() if code not in geladen]
    return {"kaders": kaderlijst, "beschikbaar": beschikbaar}


@dataclass(frozen=True)
class Kaderweergave:
    """A kader version as ``normen toon`` shows it: ``gegevens`` is its JSON; with one
    norm asked for, ``gegevens["norm"]`` and the title of its category."""

    gegevens: dict[str, Any]
    ouder_titel: str | None = None


def _versiegegevens(v: Kaderversie) -> dict[str, Any]:
    return {
        "kader": v.kader.code,
        "versie": v.versie,
        "naam": v.naam,
        "geldig_van": v.geldig_van.isoformat(),
        "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
        "bron": v.bron,
        "publicatiedatum": v.publicatiedatum.isoformat() if v.publicatiedatum else None,
        "licentie": v.licentie,
        "werkversie": v.werkversie,
        "markering": WERKVERSIE_MARKERING if v.werkversie else None,
        "toelichting": v.toelichting,
        "schaal": json.loads(v.schaal),
    }


def toon(
    w: Werkeenheid, code: str, versienaam: str | None = None, *, ref: str | None = None
) -> Kaderweergave:
    """A kader version with all its norms, or (``ref``) with that one norm."""
    v = versie(w, code, versienaam)
    gegevens = _versiegegevens(v)
    alle = normen(w, v)
    refs = {n.id: n.ref for n in alle}

    def normgegevens(n: Norm) -> dict[str, Any]:
        return {**normregel(n), "ouder": refs.get(n.ouder_id) if n.ouder_id else None}

    if ref is None:
        return Kaderweergave({**gegevens, "normen": [normgegevens(n) for n in alle]})
    gekozen = norm(w, v, ref)
    ouder = next((n for n in alle if n.id == gekozen.ouder_id), None)
    return Kaderweergave(
        {**gegevens, "norm": normgegevens(gekozen)}, ouder.titel if ouder else None
    )


@dataclass(frozen=True)
class Export:
    code: str
    versie: str
    formaat: str
    tekst: str  # what was written to ``uit``, or what goes to the screen without one


def exporteer(
    w: Werkeenheid,
    code: str,
    versienaam: str | None = None,
    *,
    formaat: str = "yaml",
    uit: Path | None = None,
    melding: Melding | None = None,
    voortgang: Voortgang | None = None,
) -> Export:
    """Export a kader version as ``formaat``; with ``uit`` also write it there (CSV then
    with CRLF and a BOM, as Excel expects). Format and target are checked first.

    ``melding`` hears that a werkversie is exported and what CSV can't hold."""
    from normen import uitvoer

    if formaat not in uitvoer.FORMATEN:
        raise InvoerFout(
            f"formaat: '{formaat}' is niet toegestaan; kies {', '.join(uitvoer.FORMATEN)}."
        )
    if uit is not None:
        uitvoer.controleer_doel(uit)
    v = versie(w, code, versienaam)
    data = als_kaderdata(w, v, voortgang=voortgang)
    # CISO Assistant updates a library when its integer version goes up.
    volgnummer = [x.id for x in versies(w, code)].index(v.id) + 1
    if melding is not None:
        if data.werkversie:
            melding(f"{data.code} versie {data.versie}: {WERKVERSIE_MARKERING}.")
        if formaat == "csv":
            for beperking in uitvoer.csv_beperkingen(data):
                melding(beperking)
    naar_bestand = uit is not None and formaat == "csv"
    tekst = uitvoer.tekst(
        data, formaat, volgnummer=volgnummer, regeleinde="\r\n" if naar_bestand else "\n"
    )
    if uit is not None:
        uitvoer.schrijf(tekst, uit, codering="utf-8-sig" if naar_bestand else "utf-8")
    return Export(data.code, data.versie, formaat, tekst)
