"""Reading a kader from a spreadsheet: XLSX (openpyxl) or CSV.

This is how an organisation types over its zelfevaluatieformulier. The sheet holds
the norms, one per row, under a header row; the kader's own data (code, naam,
versie, geldigheid, …) come from ``Kadergegevens`` (the options of
``kwaliteit normen importeer``). The result is the same ``KaderData`` that
``lees_kader`` returns for a YAML file.

Columns (case, spaces and hyphens don't matter; Dutch synonyms are accepted):
``code`` (required: the ref), ``categorie`` (the parent's code or name),
``titel`` (required), ``normtekst`` (required for norms), ``toelichting``,
``typisch_bewijs`` (items separated by ``;`` or newlines) and ``tags``.

A ``categorie`` that is neither the code nor the titel of a row becomes a
category of its own (not assessable, on the highest level), placed before the
first row that names it. A row without normtekst is a category when rows refer
to it, and an error otherwise.

Every bad row is reported at once, as ``bestand:regel: melding`` (CSV) or
``bestand:Blad!rij: melding`` (XLSX).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from kwaliteit.cellen import lees_cel
from kwaliteit.tekstbestand import lees_tekst
from normen.fouten import OngeldigKader
from normen.kaderbestand import SCHAAL, KaderData, NormData, schema, standaard_urn

Soort = Literal["yaml", "xlsx", "csv"]

KOLOMMEN = ("code", "categorie", "titel", "normtekst", "toelichting", "typisch_bewijs", "tags")
VERPLICHTE_KOLOMMEN = ("code", "titel")

# Header (normalised) -> column. The canonical names map to themselves.
SYNONIEMEN: dict[str, str] = {
    **{k: k for k in KOLOMMEN},
    # code
    "ref": "code",
    "ref_id": "code",
    "nummer": "code",
    "nr": "code",
    "normnummer": "code",
    "normcode": "code",
    # categorie
    "category": "categorie",
    "hoofdstuk": "categorie",
    "thema": "categorie",
    "domein": "categorie",
    "onderdeel": "categorie",
    "ouder": "categorie",
    "parent": "categorie",
    # titel
    "title": "titel",
    "naam": "titel",
    "name": "titel",
    "onderwerp": "titel",
    # normtekst
    "norm": "normtekst",
    "norm_tekst": "normtekst",
    "tekst": "normtekst",
    "eis": "normtekst",
    "criterium": "normtekst",
    "beschrijving": "normtekst",
    "omschrijving": "normtekst",
    "description": "normtekst",
    # toelichting
    "uitleg": "toelichting",
    "annotatie": "toelichting",
    "annotation": "toelichting",
    # typisch_bewijs
    "bewijs": "typisch_bewijs",
    "typisch_bewijsmateriaal": "typisch_bewijs",
    "voorbeeld_bewijs": "typisch_bewijs",
    "voorbeelden_bewijs": "typisch_bewijs",
    "bewijsvoorbeelden": "typisch_bewijs",
    "bewijsstukken": "typisch_bewijs",
    "typical_evidence": "typisch_bewijs",
    # tags
    "labels": "tags",
    "label": "tags",
    "trefwoorden": "tags",
}

# What the kader's own data are called on the command line (the messages name them).
OPTIES = {
    "kader": "--kader",
    "naam": "--naam",
    "versie": "--versie",
    "geldig_van": "--geldig-van",
    "geldig_tot": "--geldig-tot",
    "bron": "--bron",
    "licentie": "--licentie",
    "werkversie": "--werkversie/--officieel",
}
VERPLICHTE_GEGEVENS = ("kader", "naam", "versie", "geldig_van")

_CODEPATROON = re.compile(r"^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$")
_TAGPATROON = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MAX_REF = 60
_MAX_TITEL = 500
_KOPZOEKEN = 20  # a form may have a title above its header: look this many rows down


@dataclass(frozen=True)
class Kadergegevens:
    """The kader's own data, which a spreadsheet doesn't hold (options of the import)."""

    kader: str | None = None
    naam: str | None = None
    versie: str | None = None
    geldig_van: date | None = None
    geldig_tot: date | None = None
    bron: str | None = None
    licentie: str | None = None
    werkversie: bool = True
    publicatiedatum: date | None = None
    toelichting: str | None = None

    def ontbrekend(self) -> list[str]:
        """The options of required data that are missing."""
        uit = []
        for veld in VERPLICHTE_GEGEVENS:
            waarde = getattr(self, veld)
            if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
                uit.append(OPTIES[veld])
        return uit


@dataclass
class _Rij:
    plek: str  # "bestand:12" or "bestand:Blad!12"
    cellen: dict[str, str]


@dataclass
class _Regel:
    """A row of the kader being built (a norm, a category row, or a made-up category)."""

    plek: str
    ref: str
    titel: str
    ouder: str | None = None
    normtekst: str | None = None
    toelichting: str | None = None
    typisch_bewijs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    automatisch: bool = False
    kinderen: int = 0
    diepte: int = 1


@dataclass
class _Uitkomst:
    fouten: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


# -- what kind of file --------------------------------------------------------------


def soort(pad: Path) -> Soort:
    """The kind of kader file, by its extension."""
    achter = pad.suffix.lower()
    if achter in (".yaml", ".yml"):
        return "yaml"
    if achter in (".xlsx", ".xlsm"):
        return "xlsx"
    if achter in (".csv", ".txt"):
        return "csv"
    if achter == ".xls":
        raise OngeldigKader(
            f"{pad.name} is in het oude Excel-formaat (.xls); sla het op als Excel-werkmap "
            "(.xlsx) of als CSV."
        )
    if achter == ".ods":
        raise OngeldigKader(
            f"{pad.name} is een OpenDocument-rekenblad (.ods); sla het op als .xlsx of als CSV."
        )
    raise OngeldigKader(
        f"{pad.name}: onbekend soort bestand ('{achter or 'geen extensie'}'); gebruik een "
        "normenkader in YAML (.yaml), een Excel-werkmap (.xlsx) of CSV (.csv)."
    )


# -- reading ------------------------------------------------------------------------


def lees_spreadsheet(
    pad: Path,
    gegevens: Kadergegevens,
    *,
    blad: str | None = None,
    meldingen: list[str] | None = None,
) -> KaderData:
    """Read and check a kader from XLSX or CSV; raise ``OngeldigKader`` listing every error.

    Notes that are no error (ignored columns) are appended to ``meldingen``."""
    s = soort(pad)
    if s == "yaml":
        raise OngeldigKader(f"{pad.name} is een YAML-bestand, geen spreadsheet.")
    if blad is not None and s != "xlsx":
        raise OngeldigKader(f"--blad hoort bij een Excel-werkmap (.xlsx), niet bij {pad.name}.")
    rijen = _lees_xlsx(pad, blad) if s == "xlsx" else _lees_csv(pad)
    uitkomst = _Uitkomst()
    kader = _verwerk(pad, rijen, gegevens, uitkomst)
    if meldingen is not None:
        meldingen.extend(uitkomst.meldingen)
    if uitkomst.fouten or kader is None:
        raise OngeldigKader(
            f"{pad} is geen geldig normenkader: {len(uitkomst.fouten)} fout(en).",
            details=uitkomst.fouten,
        )
    return kader


def _scheidingsteken(tekst: str) -> str:
    """``;`` (Dutch Excel) or ``,``, judged by the first line that has either."""
    for regel in tekst.splitlines():
        if ";" in regel or "," in regel:
            return ";" if regel.count(";") >= regel.count(",") else ","
    return ";"


def _lees_csv(pad: Path) -> list[tuple[str, list[str]]]:
    tekst = lees_tekst(pad, OngeldigKader)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(tekst))
    rijen: list[tuple[str, list[str]]] = []
    volgende_regel = 1
    while True:
        try:
            rij = next(lezer)
        except StopIteration:
            break
        except csv.Error:
            raise OngeldigKader(
                f"{pad}:{lezer.line_num}: deze regel is niet als CSV te lezen (ontbreekt er een "
                "afsluitend aanhalingsteken?)."
            ) from None
        # A quoted cell may span lines: report the line on which the row starts.
        regelnummer, volgende_regel = volgende_regel, lezer.line_num + 1
        rijen.append((f"{pad}:{regelnummer}", [lees_cel(c) for c in rij]))
    return rijen


def _als_tekst(waarde: Any) -> str:
    """A cell value as text, the way it shows in the spreadsheet."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        return waarde.date().isoformat() if waarde.time() == time(0) else waarde.isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return str(int(waarde)) if waarde.is_integer() else repr(waarde)
    return lees_cel(str(waarde))


def _lees_xlsx(pad: Path, blad: str | None) -> list[tuple[str, list[str]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not pad.exists():
        raise OngeldigKader(f"Het bestand {pad} bestaat niet.")
    if pad.is_dir():
        raise OngeldigKader(f"{pad} is een map, geen bestand.")
    try:
        werkmap = load_workbook(pad, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError):
        raise OngeldigKader(
            f"{pad} is geen leesbare Excel-werkmap (.xlsx); open het in Excel en sla het "
            "opnieuw op als Excel-werkmap, of als CSV."
        ) from None
    except OSError as e:
        raise OngeldigKader(f"Het bestand {pad} is niet te lezen: {e.strerror}.") from None
    try:
        if blad is None:
            werkblad = werkmap.worksheets[0]
        elif blad in werkmap.sheetnames:
            werkblad = werkmap[blad]
        else:
            raise OngeldigKader(
                f"{pad} heeft geen werkblad '{blad}'; de werkbladen zijn: "
                f"{', '.join(werkmap.sheetnames)}."
            )
        naam = werkblad.title
        rijen = [
            (f"{pad}:{naam}!{nummer}", [_als_tekst(w) for w in rij])
            for nummer, rij in enumerate(werkblad.iter_rows(values_only=True), start=1)
        ]
    finally:
        werkmap.close()
    return rijen


# -- from rows to a kader -----------------------------------------------------------


def kolomnaam(kop: str) -> str:
    """A header as a column name: lower case, spaces and hyphens as underscores."""
    schoon = kop.strip().strip("\ufeff").strip(" :*").lower().replace("-", " ")
    return "_".join(schoon.split())


def _kopregel(
    rijen: Sequence[tuple[str, list[str]]],
) -> tuple[int, list[str | None]] | None:
    """Index of the header row and its columns (None for an unknown header)."""
    gevuld = [(i, r) for i, (_, r) in enumerate(rijen) if any(c.strip() for c in r)]
    for i, rij in gevuld[:_KOPZOEKEN]:
        kolommen = [SYNONIEMEN.get(kolomnaam(c)) if c.strip() else None for c in rij]
        if len({k for k in kolommen if k}) >= 2:
            return i, kolommen
    if gevuld:
        i, rij = gevuld[0]
        return i, [SYNONIEMEN.get(kolomnaam(c)) if c.strip() else None for c in rij]
    return None


def _lijst(tekst: str, scheiding: str) -> tuple[str, ...]:
    return tuple(d.strip() for d in re.split(scheiding, tekst) if d.strip())


def _norm_sleutel(tekst: str) -> str:
    return " ".join(tekst.split()).casefold()


def _verwerk(
    pad: Path,
    ruwe_rijen: list[tuple[str, list[str]]],
    gegevens: Kadergegevens,
    uitkomst: _Uitkomst,
) -> KaderData | None:
    fouten = uitkomst.fouten
    ontbrekend = gegevens.ontbrekend()
    if ontbrekend:
        fouten.append(
            f"{pad}: kadergegevens ontbreken: {', '.join(ontbrekend)} (een spreadsheet bevat "
            "alleen de normen; geef de gegevens van het kader als opties)"
        )
    fouten.extend(_controleer_gegevens(pad, gegevens))

    kop = _kopregel(ruwe_rijen)
    if kop is None:
        fouten.append(
            f"{pad}: het bestand is leeg; verwacht een kopregel met de kolommen "
            f"{', '.join(KOLOMMEN)} en daaronder één norm per regel"
        )
        return None
    kopindex, kolommen = kop
    kopplek = ruwe_rijen[kopindex][0]
    koppen = ruwe_rijen[kopindex][1]
    gezien: dict[str, str] = {}
    for kolom, tekst in zip(kolommen, koppen, strict=False):
        if kolom is None:
            continue
        if kolom in gezien:
            fouten.append(
                f"{kopplek}: kolommen '{gezien[kolom]}' en '{tekst.strip()}' zijn allebei "
                f"'{kolom}'; houd er één"
            )
        gezien.setdefault(kolom, tekst.strip())
    ontbrekende_kolommen = [k for k in VERPLICHTE_KOLOMMEN if k not in gezien]
    if ontbrekende_kolommen:
        fouten.append(
            f"{kopplek}: verplichte kolom(men) ontbreken: {', '.join(ontbrekende_kolommen)} "
            f"(kolommen: {', '.join(KOLOMMEN)})"
        )
        return None
    genegeerd = [
        t.strip() for k, t in zip(kolommen, koppen, strict=False) if k is None and t.strip()
    ]
    if genegeerd:
        uitkomst.meldingen.append(
            f"{pad}: kolom(men) genegeerd: {', '.join(genegeerd)} (gebruikt worden: "
            f"{', '.join(KOLOMMEN)})"
        )

    rijen: list[_Rij] = []
    rijfouten: list[str] = []
    is_csv = soort(pad) == "csv"
    for plek, cellen in ruwe_rijen[kopindex + 1 :]:
        waarden: dict[str, str] = {}
        for kolom, cel in zip(kolommen, cellen, strict=False):
            if kolom is not None and kolom not in waarden:
                waarden[kolom] = cel.strip()
        if is_csv and any(c.strip() for c in cellen[len(koppen) :]):
            # Text cut into pieces by a separator it holds: don't lose the rest silently.
            rijfouten.append(
                f"{plek}: {len(cellen)} velden, maar de kopregel heeft er {len(koppen)}; staat "
                "er een scheidingsteken (; of ,) in een tekst zonder aanhalingstekens eromheen?"
            )
        if any(waarden.values()):
            rijen.append(_Rij(plek, waarden))
    if not rijen:
        fouten.append(f"{kopplek}: onder de kopregel staan geen normen")
        return None

    regels = _regels(rijen, rijfouten)
    volgorde = {rij.plek: i for i, rij in enumerate(rijen)}
    fouten.extend(sorted(rijfouten, key=lambda m: _rijvolgorde(m, volgorde)))
    if fouten:
        return None
    return _kader(pad, gegevens, regels, fouten)


def _rijvolgorde(melding: str, volgorde: dict[str, int]) -> int:
    """The position of the row a message begins with (messages are sorted by row)."""
    delen = melding.split(": ")
    for k in range(1, len(delen)):
        plek = ": ".join(delen[:k])
        if plek in volgorde:
            return volgorde[plek]
    return len(volgorde)


def _controleer_gegevens(pad: Path, g: Kadergegevens) -> list[str]:
    fouten: list[str] = []
    if g.kader and not _CODEPATROON.match(g.kader.strip()):
        fouten.append(
            f"{pad}: {OPTIES['kader']}: '{g.kader}' mag alleen kleine letters, cijfers en "
            "streepjes bevatten (2 tot 60 tekens, niet beginnen of eindigen met een streepje)"
        )
    for veld, grens in (("naam", 300), ("versie", 60)):
        waarde = (getattr(g, veld) or "").strip()
        if len(waarde) > grens:
            fouten.append(f"{pad}: {OPTIES[veld]}: is te lang: ten hoogste {grens} tekens")
    if g.geldig_van and g.geldig_tot and g.geldig_tot < g.geldig_van:
        fouten.append(
            f"{pad}: {OPTIES['geldig_tot']} ({g.geldig_tot.isoformat()}) ligt voor "
            f"{OPTIES['geldig_van']} ({g.geldig_van.isoformat()})"
        )
    for veld in ("bron", "licentie"):
        waarde = getattr(g, veld)
        if waarde is not None and not waarde.strip():
            fouten.append(f"{pad}: {OPTIES[veld]}: mag niet leeg zijn")
    return fouten


def _regels(rijen: list[_Rij], fouten: list[str]) -> list[_Regel]:
    """Check every row and resolve the categories; the rows in kader order."""
    eigen: list[_Regel] = []
    per_code: dict[str, int] = {}
    for rij in rijen:
        c = rij.cellen
        code = c.get("code", "")
        titel = " ".join(c.get("titel", "").split())
        rijfouten: list[str] = []
        if any("\x00" in waarde for waarde in c.values()):
            # A NUL byte (a broken or binary file) is no text; PostgreSQL can't store it.
            rijfouten.append("een cel bevat een NUL-teken (\\0); dat hoort niet in tekst")
        if not code:
            rijfouten.append("code ontbreekt (de ref van de norm, bijvoorbeeld 1.2)")
        elif len(code) > _MAX_REF:
            rijfouten.append(f"code '{code[:20]}…' is te lang: ten hoogste {_MAX_REF} tekens")
        elif code in per_code:
            rijfouten.append(
                f"code '{code}' staat al op {eigen[per_code[code]].plek}; elke code is uniek"
            )
        if not titel:
            rijfouten.append("titel ontbreekt")
        elif len(titel) > _MAX_TITEL:
            rijfouten.append(f"titel is te lang: ten hoogste {_MAX_TITEL} tekens")
        tags = tuple(t.lower() for t in _lijst(c.get("tags", ""), r"[,;\s]+"))
        for tag in tags:
            if not _TAGPATROON.match(tag):
                rijfouten.append(
                    f"tag '{tag}' mag alleen kleine letters, cijfers en streepjes bevatten"
                )
        fouten.extend(f"{rij.plek}: {m}" for m in rijfouten)
        regel = _Regel(
            plek=rij.plek,
            ref=code,
            titel=titel,
            ouder=" ".join(c.get("categorie", "").split()) or None,
            normtekst=c.get("normtekst") or None,
            toelichting=c.get("toelichting") or None,
            typisch_bewijs=_lijst(c.get("typisch_bewijs", ""), r"[;\n]"),
            tags=tags,
        )
        if code and code not in per_code:
            per_code[code] = len(eigen)
        eigen.append(regel)

    per_titel: dict[str, list[int]] = {}
    for i, r in enumerate(eigen):
        if r.titel:
            per_titel.setdefault(_norm_sleutel(r.titel), []).append(i)

    # Resolve each categorie: a row's code, else a row's titel, else a category of its own.
    uit: list[_Regel] = []
    automatisch: dict[str, _Regel] = {}
    for i, r in enumerate(eigen):
        waarde = r.ouder
        if waarde is not None:
            ouder = _ouder(i, r, waarde, eigen, per_code, per_titel, fouten)
            if ouder is None:
                sleutel = _norm_sleutel(waarde)
                cat = automatisch.get(sleutel)
                if cat is None:
                    ref = waarde[:_MAX_REF].rstrip()
                    if ref in per_code or any(a.ref == ref for a in automatisch.values()):
                        fouten.append(
                            f"{r.plek}: categorie '{waarde}' krijgt code '{ref}', maar die is al "
                            "in gebruik; zet een categorieregel met een eigen code in het blad"
                        )
                        continue
                    cat = _Regel(plek=r.plek, ref=ref, titel=waarde, automatisch=True)
                    automatisch[sleutel] = cat
                    uit.append(cat)
                ouder = cat
            r.ouder = ouder.ref
            ouder.kinderen += 1
            r.diepte = ouder.diepte + 1
        uit.append(r)

    for r in uit:
        if not r.automatisch and not r.normtekst and r.kinderen == 0 and r.ref:
            fouten.append(
                f"{r.plek}: '{r.ref}' heeft geen normtekst en er staan geen normen onder; "
                "vul de normtekst in (of gebruik de regel als categorie van andere regels)"
            )
    if not fouten and not any(r.normtekst for r in uit):
        fouten.append(f"{uit[0].plek}: geen enkele regel heeft een normtekst")
    return uit


def _ouder(
    i: int,
    r: _Regel,
    waarde: str,
    eigen: list[_Regel],
    per_code: dict[str, int],
    per_titel: dict[str, list[int]],
    fouten: list[str],
) -> _Regel | None:
    """The row that ``waarde`` names (by code, else by titel); None when it names no row."""
    if waarde in per_code:
        j = per_code[waarde]
    else:
        # A row whose titel equals its own categorie falls under a category of that name.
        kandidaten = [j for j in per_titel.get(_norm_sleutel(waarde), []) if j != i]
        if not kandidaten:
            return None
        if len(kandidaten) > 1:
            plekken = ", ".join(eigen[k].plek for k in kandidaten)
            fouten.append(
                f"{r.plek}: categorie '{waarde}' is de titel van meer dan één regel ({plekken}); "
                "noem de code van de categorie"
            )
            return eigen[kandidaten[0]]
        else:
            j = kandidaten[0]
    if j == i:
        fouten.append(f"{r.plek}: '{r.ref}' noemt zichzelf als categorie")
        return eigen[i]
    if j > i:
        fouten.append(
            f"{r.plek}: categorie '{waarde}' staat pas op {eigen[j].plek}; zet een categorie "
            "boven de normen die eronder vallen"
        )
    return eigen[j]


def _kader(
    pad: Path, g: Kadergegevens, regels: list[_Regel], fouten: list[str]
) -> KaderData | None:
    if g.ontbrekend() or g.kader is None or g.naam is None or g.versie is None:
        return None
    if g.geldig_van is None:
        return None
    code, versie = g.kader.strip(), g.versie.strip()
    normen = tuple(
        NormData(
            ref=r.ref,
            urn=standaard_urn(code, versie, r.ref),
            ouder=r.ouder,
            diepte=r.diepte,
            volgorde=i + 1,
            beoordeelbaar=bool(r.normtekst),
            titel=r.titel,
            normtekst=r.normtekst,
            toelichting=r.toelichting,
            typisch_bewijs=r.typisch_bewijs,
            tags=r.tags,
        )
        for i, r in enumerate(regels)
    )
    kader = KaderData(
        code=code,
        naam=" ".join(g.naam.split()),
        versie=versie,
        geldig_van=g.geldig_van,
        geldig_tot=g.geldig_tot,
        bron=(g.bron or "").strip() or f"Ingelezen uit {pad.name}",
        licentie=(g.licentie or "").strip() or "niet opgegeven",
        werkversie=g.werkversie,
        schaal=SCHAAL,
        normen=normen,
        publicatiedatum=g.publicatiedatum,
        toelichting=(g.toelichting or "").strip() or None,
        bestand=str(pad),
    )
    # The same schema as a YAML kader: a last check that nothing slipped through.
    fouten.extend(_schemafouten(pad, kader, regels))
    return None if fouten else kader


def _schemafouten(pad: Path, kader: KaderData, regels: list[_Regel]) -> Iterator[str]:
    from jsonschema import Draft202012Validator

    from kwaliteit.yamlbestand import schemamelding  # one wording for both formats

    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for fout in validator.iter_errors(kader.als_bestand()):
        pad_ = list(fout.path)
        if len(pad_) >= 2 and pad_[0] == "normen" and isinstance(pad_[1], int):
            veld = ".".join(str(p) for p in pad_[2:]) or "regel"
            yield f"{regels[pad_[1]].plek}: {veld}: {schemamelding(fout)}"
        else:
            veld = str(pad_[0]) if pad_ else "kader"
            yield f"{pad}: {OPTIES.get(veld, veld)}: {schemamelding(fout)}"


__all__ = [
    "KOLOMMEN",
    "SYNONIEMEN",
    "Kadergegevens",
    "kolomnaam",
    "lees_spreadsheet",
    "soort",
]
