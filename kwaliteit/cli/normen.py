"""``kwaliteit normen``: norm frameworks (kaders) as versioned data."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kwaliteit.cli.gemeen import datum_optie, eenheid, fout, foutafhandeling, print_json, waarschuw

if TYPE_CHECKING:
    from kwaliteit.eenheid import Werkeenheid
    from normen.kaderbestand import KaderData
    from normen.modellen import Kaderversie, Norm

app = typer.Typer(
    help="Normenkaders: laden, controleren, tonen en exporteren.", no_args_is_help=True
)

DATUM = "jjjj-mm-dd of dd-mm-jjjj"
FORMATEN = "yaml (eigen formaat), ciso (CISO Assistant-bibliotheek) of csv (spreadsheet)"

BestandArg = Annotated[
    str,
    typer.Argument(
        metavar="BESTAND",
        help=(
            "Een normenkader in YAML (.yaml), een Excel-werkmap (.xlsx) of CSV (.csv), of de "
            "code van een meegeleverd kader (awb-h9, wmo2015-h3, sterk-sociaal-werk)."
        ),
    ),
]
KaderArg = Annotated[
    str, typer.Argument(metavar="KADER", help="De code van het kader, bijv. awb-h9.")
]
VersieOpt = Annotated[
    str | None,
    typer.Option(
        "--versie", metavar="V", help="De versie (standaard de versie die vandaag geldt)."
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Uitvoer als JSON (zie README voor de velden).")
]

# The options of a spreadsheet import: a sheet holds the norms, not the kader's own data.
BladOpt = Annotated[
    str | None,
    typer.Option("--blad", metavar="NAAM", help="Werkblad van een .xlsx (standaard het eerste)."),
]
KaderOpt = Annotated[
    str | None,
    typer.Option(
        "--kader",
        metavar="CODE",
        help="Spreadsheet: code van het kader (kleine letters, cijfers, -).",
    ),
]
NaamOpt = Annotated[
    str | None, typer.Option("--naam", metavar="TEKST", help="Spreadsheet: naam van het kader.")
]
KaderversieOpt = Annotated[
    str | None,
    typer.Option("--versie", metavar="V", help="Spreadsheet: versielabel, bijv. 2027 of 1.0."),
]
GeldigVanOpt = Annotated[
    str | None,
    typer.Option("--geldig-van", metavar="DATUM", help=f"Spreadsheet: geldig vanaf ({DATUM})."),
]
GeldigTotOpt = Annotated[
    str | None,
    typer.Option(
        "--geldig-tot", metavar="DATUM", help=f"Spreadsheet: geldig tot en met ({DATUM})."
    ),
]
BronOpt = Annotated[
    str | None,
    typer.Option("--bron", metavar="TEKST", help="Spreadsheet: waar de normtekst vandaan komt."),
]
LicentieOpt = Annotated[
    str | None,
    typer.Option("--licentie", metavar="TEKST", help="Spreadsheet: licentie van de normtekst."),
]
WerkversieOpt = Annotated[
    bool | None,
    typer.Option(
        "--werkversie/--officieel",
        help=("Spreadsheet: een werkversie (standaard) of de officiële normtekst van de eigenaar."),
    ),
]


@dataclass(frozen=True)
class _Spreadsheetopties:
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
        namen = {
            "blad": "--blad",
            "kader": "--kader",
            "naam": "--naam",
            "versie": "--versie",
            "geldig_van": "--geldig-van",
            "geldig_tot": "--geldig-tot",
            "bron": "--bron",
            "licentie": "--licentie",
            "werkversie": "--werkversie/--officieel",
        }
        return [optie for veld, optie in namen.items() if getattr(self, veld) is not None]


def _bestand(bron: str) -> Path:
    """The file named, or the shipped kader with that code."""
    from kwaliteit.fouten import InvoerFout
    from normen.kaderbestand import meegeleverde_kaders

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


def _lees(bron: str, opties: _Spreadsheetopties, meldingen: list[str]) -> KaderData:
    """Read a kader from YAML or a spreadsheet; OngeldigKader lists every error."""
    from kwaliteit.fouten import InvoerFout
    from normen import spreadsheet
    from normen.kaderbestand import lees_kader

    pad = _bestand(bron)
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
        geldig_van=datum_optie(opties.geldig_van, "--geldig-van"),
        geldig_tot=datum_optie(opties.geldig_tot, "--geldig-tot"),
        bron=opties.bron,
        licentie=opties.licentie,
        werkversie=True if opties.werkversie is None else opties.werkversie,
    )
    return spreadsheet.lees_spreadsheet(pad, gegevens, blad=opties.blad, meldingen=meldingen)


def _telling(kader: KaderData) -> str:
    beoordeelbaar = sum(1 for n in kader.normen if n.beoordeelbaar)
    return f"{len(kader.normen)} normen ({beoordeelbaar} beoordeelbaar)"


@app.command()
def controleer(
    bestand: BestandArg,
    blad: BladOpt = None,
    kader: KaderOpt = None,
    naam: NaamOpt = None,
    versie: KaderversieOpt = None,
    geldig_van: GeldigVanOpt = None,
    geldig_tot: GeldigTotOpt = None,
    bron: BronOpt = None,
    licentie: LicentieOpt = None,
    werkversie: WerkversieOpt = None,
) -> None:
    """Controleer een normenkader zonder het te laden; meldt elke fout met bestand:regel.

    Leest YAML (zie normen/kaders/FORMAAT.md) of een spreadsheet (.xlsx of .csv); bij een
    spreadsheet komen de gegevens van het kader uit de opties (zie 'normen importeer').
    De database wordt niet gebruikt.

    Voorbeeld: kwaliteit normen controleer mijn-kader.yaml
    """
    from normen.fouten import OngeldigKader
    from normen.kaderbestand import WERKVERSIE_MARKERING

    opties = _Spreadsheetopties(
        blad, kader, naam, versie, geldig_van, geldig_tot, bron, licentie, werkversie
    )
    meldingen: list[str] = []
    with foutafhandeling():
        try:
            # YAML: lees_kader, the check behind kaderbestand.controleer_kader.
            gelezen = _lees(bestand, opties, meldingen)
        except OngeldigKader as e:
            for melding in meldingen:
                waarschuw(melding)
            if not e.details:
                raise
            for regel in e.details:
                typer.echo(regel)
            fout(f"{bestand} is geen geldig normenkader: {len(e.details)} fout(en).")
    for melding in meldingen:
        waarschuw(melding)
    typer.echo(f"geldig: {gelezen.code} versie {gelezen.versie}, {_telling(gelezen)}")
    if gelezen.werkversie:
        typer.echo(WERKVERSIE_MARKERING)


@app.command()
def importeer(
    ctx: typer.Context,
    bestand: BestandArg,
    zonder_koppelingen: Annotated[
        bool,
        typer.Option(
            "--zonder-koppelingen",
            help="Neem bij een nieuwe versie de bewijskoppelingen van de vorige niet over.",
        ),
    ] = False,
    blad: BladOpt = None,
    kader: KaderOpt = None,
    naam: NaamOpt = None,
    versie: KaderversieOpt = None,
    geldig_van: GeldigVanOpt = None,
    geldig_tot: GeldigTotOpt = None,
    bron: BronOpt = None,
    licentie: LicentieOpt = None,
    werkversie: WerkversieOpt = None,
) -> None:
    """Laad een normenkader uit YAML, een spreadsheet of de meegeleverde kaders.

    Een meegeleverd kader laadt u met zijn code: kwaliteit normen importeer awb-h9.
    Dezelfde inhoud nogmaals laden verandert niets. Een nieuwe versie van een geladen kader
    komt naast de oude: de oordelen bij de oude versie blijven staan, en de koppelingen van
    bewijs aan normen met dezelfde ref worden overgenomen (tenzij --zonder-koppelingen).

    Een spreadsheet (.xlsx of .csv, met ; of ,) heeft een kopregel met de kolommen code,
    categorie, titel, normtekst, toelichting, typisch_bewijs en tags; de gegevens van het
    kader komen uit --kader, --naam, --versie en --geldig-van (verplicht) en --geldig-tot,
    --bron, --licentie en --werkversie/--officieel.

    Voorbeeld: kwaliteit normen importeer zelfevaluatie.xlsx --kader sterk-sociaal-werk
    --naam "Sterk Sociaal Werk" --versie 2027 --geldig-van 01-01-2027 --officieel
    """
    from kwaliteit.bewijs.diensten import neem_koppelingen_over
    from normen import diensten
    from normen.kaderbestand import WERKVERSIE_MARKERING

    opties = _Spreadsheetopties(
        blad, kader, naam, versie, geldig_van, geldig_tot, bron, licentie, werkversie
    )
    meldingen: list[str] = []
    with foutafhandeling():
        gelezen = _lees(bestand, opties, meldingen)
    for melding in meldingen:
        waarschuw(melding)
    overgenomen: int | None = None
    with eenheid(ctx, schrijven=True) as w:
        r = diensten.laad(w, gelezen)
        if r.nieuw and r.vorige_versie is not None and not zonder_koppelingen:
            oud = diensten.versie(w, r.code, r.vorige_versie)
            nieuw = diensten.versie(w, r.code, r.versie)
            overgenomen = neem_koppelingen_over(w, oud, nieuw)
    if not r.nieuw:
        typer.echo(f"{r.code} versie {r.versie}: al geladen, ongewijzigd.")
    else:
        typer.echo(f"{r.code} versie {r.versie} geladen: {_telling(gelezen)}.")
        if r.vorige_versie is not None:
            typer.echo(
                f"Nieuwe versie naast versie {r.vorige_versie}; de oordelen bij die versie "
                "blijven staan."
            )
            if overgenomen is None:
                typer.echo("Bewijskoppelingen niet overgenomen (--zonder-koppelingen).")
            else:
                typer.echo(
                    f"{overgenomen} bewijskoppeling(en) overgenomen van versie {r.vorige_versie}."
                )
    if gelezen.werkversie:
        typer.echo(f"{r.code} versie {r.versie}: {WERKVERSIE_MARKERING}")


def _versies(w: Werkeenheid, code: str) -> list[Kaderversie]:
    from sqlalchemy import select

    from normen.modellen import Kaderversie, Normkader

    return list(
        w.sessie.execute(
            select(Kaderversie)
            .join(Normkader, Normkader.id == Kaderversie.kader_id)
            .where(Normkader.code == code)
            .order_by(Kaderversie.geldig_van, Kaderversie.id)
        ).scalars()
    )


@app.command()
def lijst(ctx: typer.Context, als_json: JsonOpt = False) -> None:
    """Toon de geladen kaders met hun versies, en de meegeleverde kaders die nog niet geladen zijn.

    Voorbeeld: kwaliteit normen lijst --json
    """
    from datetime import date

    from kwaliteit.tijd import nl_datum
    from normen import diensten
    from normen.kaderbestand import WERKVERSIE_MARKERING, meegeleverde_kaders

    with eenheid(ctx, schrijven=False) as w:
        kaders: list[dict[str, Any]] = []
        for k in diensten.kaders(w):
            geldend = diensten.versie(w, k.code).id if k.versies else None
            versies = []
            for v in _versies(w, k.code):
                alle, beoordeelbaar = diensten.aantal_normen(w, v)
                versies.append(
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
            kaders.append({"code": k.code, "naam": k.naam, "versies": versies})
    geladen = {k["code"] for k in kaders}
    beschikbaar = [code for code in meegeleverde_kaders() if code not in geladen]
    if als_json:
        print_json({"kaders": kaders, "beschikbaar": beschikbaar})
        return
    if not kaders:
        typer.echo("Er is nog geen kader geladen.")
    for rij in kaders:
        typer.echo(f"{rij['code']}  {rij['naam']}")
        for v in rij["versies"]:
            van = nl_datum(date.fromisoformat(v["geldig_van"]))
            tot = nl_datum(date.fromisoformat(v["geldig_tot"])) if v["geldig_tot"] else ""
            geldig = f"geldig {van} t/m {tot}" if tot else f"geldig vanaf {van}"
            regel = (
                f"  versie {v['versie']}  {geldig}  {v['normen']} normen "
                f"({v['beoordeelbaar']} beoordeelbaar)"
            )
            if v["geldend"]:
                regel += "  [geldend]"
            if v["werkversie"]:
                regel += f"  {WERKVERSIE_MARKERING}"
            typer.echo(regel)
    if beschikbaar:
        typer.echo("")
        for code in beschikbaar:
            typer.echo(f"beschikbaar: kwaliteit normen importeer {code}")


def _versiegegevens(v: Kaderversie) -> dict[str, Any]:
    import json

    from normen.kaderbestand import WERKVERSIE_MARKERING

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


def _normgegevens(n: Norm, refs: dict[int, str]) -> dict[str, Any]:
    from normen.diensten import normregel

    return {**normregel(n), "ouder": refs.get(n.ouder_id) if n.ouder_id else None}


@app.command()
def toon(
    ctx: typer.Context,
    kader: KaderArg,
    versie: VersieOpt = None,
    norm: Annotated[
        str | None,
        typer.Option(
            "--norm", metavar="REF", help="Toon één norm met normtekst en typisch bewijs."
        ),
    ] = None,
    als_json: JsonOpt = False,
) -> None:
    """Toon een kaderversie: bron, licentie en de boom van categorieën en normen.

    Met --norm één norm met normtekst, toelichting en typisch bewijs.

    Voorbeeld: kwaliteit normen toon awb-h9 --norm 9:11
    """
    from normen import diensten

    with eenheid(ctx, schrijven=False) as w:
        v = diensten.versie(w, kader, versie)
        gegevens = _versiegegevens(v)
        normen = diensten.normen(w, v)
        refs = {n.id: n.ref for n in normen}
        gekozen = diensten.norm(w, v, norm) if norm is not None else None
        if gekozen is not None:
            uitvoer = {**gegevens, "norm": _normgegevens(gekozen, refs)}
            ouder = next((n for n in normen if n.id == gekozen.ouder_id), None)
            ouder_titel = ouder.titel if ouder else None
        else:
            uitvoer = {**gegevens, "normen": [_normgegevens(n, refs) for n in normen]}
            ouder_titel = None
    if als_json:
        print_json(uitvoer)
        return
    if gekozen is not None:
        _toon_norm(uitvoer, ouder_titel)
    else:
        _toon_versie(uitvoer)


def _kopregels(g: dict[str, Any]) -> list[tuple[str, str]]:
    from datetime import date

    from kwaliteit.tijd import nl_datum

    def dt(waarde: str | None) -> str:
        return nl_datum(date.fromisoformat(waarde)) if waarde else ""

    geldig = f"van {dt(g['geldig_van'])}" + (
        f" tot en met {dt(g['geldig_tot'])}" if g["geldig_tot"] else " (open einde)"
    )
    return [
        ("Kader", f"{g['kader']} — {g['naam']}"),
        ("Versie", f"{g['versie']}, geldig {geldig}"),
        ("Bron", g["bron"]),
        ("Publicatiedatum", dt(g["publicatiedatum"]) or "-"),
        ("Licentie", g["licentie"]),
        ("Werkversie", f"ja: {g['markering']}" if g["werkversie"] else "nee (officiële tekst)"),
        ("Schaal", ", ".join(g["schaal"])),
    ]


def _echo_velden(regels: list[tuple[str, str]]) -> None:
    breedte = max(len(label) for label, _ in regels)
    for label, waarde in regels:
        typer.echo(f"{label:<{breedte}}  {waarde}")


def _toon_versie(g: dict[str, Any]) -> None:
    regels = _kopregels(g)
    if g["toelichting"]:
        regels.append(("Toelichting", g["toelichting"]))
    _echo_velden(regels)
    normen = g["normen"]
    beoordeelbaar = sum(1 for n in normen if n["beoordeelbaar"])
    typer.echo(f"\nNormen ({len(normen)}, waarvan {beoordeelbaar} beoordeelbaar):")
    for n in normen:
        inspringing = "  " * (n["diepte"] - 1)
        soort = "" if n["beoordeelbaar"] else "  (categorie)"
        typer.echo(f"{inspringing}{n['ref']}  {n['titel']}{soort}")


def _blok(titel: str, tekst: str | None) -> None:
    if not tekst:
        return
    typer.echo(f"\n{titel}:")
    for regel in tekst.splitlines():
        typer.echo(f"  {regel}".rstrip())


def _toon_norm(g: dict[str, Any], ouder_titel: str | None) -> None:
    n = g["norm"]
    if g["werkversie"]:
        typer.echo(f"Let op: {g['markering']}.")
    _echo_velden(
        [
            ("Kader", f"{g['kader']} versie {g['versie']}"),
            ("Norm", f"{n['ref']}  {n['titel']}"),
            ("Categorie", f"{n['ouder']}  {ouder_titel}" if n["ouder"] else "-"),
            ("Beoordeelbaar", "ja" if n["beoordeelbaar"] else "nee (categorie)"),
            ("Tags", ", ".join(n["tags"]) or "-"),
        ]
    )
    _blok("Normtekst", n["normtekst"])
    _blok("Toelichting", n["toelichting"])
    if n["typisch_bewijs"]:
        typer.echo("\nTypisch bewijs:")
        for b in n["typisch_bewijs"]:
            typer.echo(f"  - {b}")


@app.command()
def exporteer(
    ctx: typer.Context,
    kader: KaderArg,
    versie: VersieOpt = None,
    formaat: Annotated[
        str, typer.Option("--formaat", metavar="FORMAAT", help=f"{FORMATEN}.")
    ] = "yaml",
    uit: Annotated[
        Path | None,
        typer.Option(metavar="BESTAND", help="Schrijf naar dit bestand (standaard: scherm)."),
    ] = None,
) -> None:
    """Exporteer een kaderversie als YAML, als CISO Assistant-bibliotheek of als CSV.

    YAML is het eigen formaat (opnieuw te laden met 'normen importeer'); CSV heeft de
    kolommen van een spreadsheet-import, met puntkomma's. De uitvoer is steeds gelijk
    voor dezelfde versie (geen tijdstempels).

    Voorbeeld: kwaliteit normen exporteer awb-h9 --formaat ciso --uit awb-h9-ciso.yaml
    """
    from kwaliteit.fouten import InvoerFout
    from normen import diensten, uitvoer

    with foutafhandeling():
        if formaat not in uitvoer.FORMATEN:
            raise InvoerFout(
                f"formaat: '{formaat}' is niet toegestaan; kies {', '.join(uitvoer.FORMATEN)}."
            )
        if uit is not None:
            uitvoer.controleer_doel(uit)
    with eenheid(ctx, schrijven=False) as w:
        v = diensten.versie(w, kader, versie)
        data = diensten.als_kaderdata(w, v)
        volgnummer = [x.id for x in _versies(w, kader)].index(v.id) + 1
    _waarschuw_bij_export(data, formaat)
    with foutafhandeling():
        if uit is None:
            sys.stdout.write(uitvoer.tekst(data, formaat, volgnummer=volgnummer))
            return
        inhoud = uitvoer.tekst(
            data, formaat, volgnummer=volgnummer, regeleinde="\r\n" if formaat == "csv" else "\n"
        )
        uitvoer.schrijf(inhoud, uit, codering="utf-8-sig" if formaat == "csv" else "utf-8")
    typer.echo(f"{data.code} versie {data.versie} ({formaat}) geschreven naar {uit}.", err=True)


def _waarschuw_bij_export(data: KaderData, formaat: str) -> None:
    from normen import uitvoer
    from normen.kaderbestand import WERKVERSIE_MARKERING

    if data.werkversie:
        waarschuw(f"{data.code} versie {data.versie}: {WERKVERSIE_MARKERING}.")
    if formaat == "csv":
        for melding in uitvoer.csv_beperkingen(data):
            waarschuw(melding)
