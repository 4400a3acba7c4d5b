"""Self-assessment and follow-up: ``kwaliteit beoordeel``, ``dekking``, ``bevinding``, ``actie``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from kwaliteit.cli.bewijs import (
    kader_en_norm,
    keuze,
    nl,
    normaliseer_kenmerk,
    procent,
    verplichte_datum,
)
from kwaliteit.cli.gemeen import console, datum_optie, eenheid, print_json, waarschuw

if TYPE_CHECKING:
    from kwaliteit.bewijs.modellen import Bevinding, Oordeelwaarde
    from kwaliteit.eenheid import Werkeenheid

bevinding_app = typer.Typer(
    help="Bevindingen: tekortkomingen, verbeterpunten, observaties.", no_args_is_help=True
)
actie_app = typer.Typer(
    help="Verbeteracties met eigenaar, deadline en status.", no_args_is_help=True
)

# Help texts name the allowed values without importing the domain (fast --help);
# tests/cli/test_cli_zorg.py checks them against kwaliteit.bewijs.modellen.
OORDELEN = "voldoet, voldoet-deels, voldoet-niet of nvt"
BEVINDINGSOORTEN = "tekortkoming, verbeterpunt of observatie"
STATUSSEN = "open, in-uitvoering, afgerond of vervallen"
DATUM = "jjjj-mm-dd of dd-mm-jjjj"
MAX_RONDE = 60

KaderOpt = Annotated[
    str, typer.Option("--kader", metavar="KADER", help="Code van het normenkader, bijv. awb-h9.")
]
NormOpt = Annotated[str, typer.Option("--norm", metavar="REF", help="Ref van de norm, bijv. 9:6.")]
KaderOptioneel = Annotated[
    str | None,
    typer.Option("--kader", metavar="KADER", help="Code van het normenkader (met --norm)."),
]
NormOptioneel = Annotated[
    str | None,
    typer.Option("--norm", metavar="REF", help="Ref van de norm waarover het gaat (met --kader)."),
]
RondeOpt = Annotated[
    str | None,
    typer.Option(
        "--ronde",
        metavar="RONDE",
        help="De beoordelingsronde, bijv. 2023 of audit-2024; standaard het huidige jaar.",
    ),
]
KaderversieOpt = Annotated[
    str | None,
    typer.Option(
        "--versie",
        metavar="VERSIE",
        help="Versie van het kader; standaard de versie die op de (peil)datum geldt.",
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Uitvoer als JSON (sleutels worden alleen toegevoegd).")
]
ActieArg = Annotated[
    str, typer.Argument(metavar="KENMERK", help="Het kenmerk van de verbeteractie, bijv. VA-0001.")
]


def _ronde(tekst: str | None) -> str | None:
    from kwaliteit.fouten import InvoerFout

    if tekst is None:
        return None
    schoon = tekst.strip()
    if not schoon:
        raise InvoerFout("ronde mag niet leeg zijn; laat --ronde weg voor het huidige jaar.")
    if len(schoon) > MAX_RONDE:
        raise InvoerFout(f"ronde is {len(schoon)} tekens; ten hoogste {MAX_RONDE} is toegestaan.")
    return schoon


def _oordeelwaarde(w: Werkeenheid, tekst: str, kader: str, versie: str | None) -> Oordeelwaarde:
    """The oordeel as typed; an unknown value is reported with the kader's own scale."""
    import json

    from kwaliteit.bewijs.modellen import Oordeelwaarde
    from kwaliteit.cli.bewijs import opsomming
    from kwaliteit.fouten import InvoerFout
    from normen import diensten as normdiensten

    try:
        return keuze(Oordeelwaarde, tekst, "oordeel")
    except InvoerFout:
        schaal = json.loads(normdiensten.versie(w, kader, versie).schaal)
        raise InvoerFout(
            f"oordeel: '{tekst}' is niet toegestaan; kies {opsomming(schaal)}."
        ) from None


# -- beoordeel ----------------------------------------------------------------------------


def beoordeel(
    ctx: typer.Context,
    kader: KaderOpt,
    norm: NormOpt,
    oordeel: Annotated[
        str,
        typer.Option(
            "--oordeel",
            metavar="OORDEEL",
            help=f"{OORDELEN} (zoals de schaal van het kader toelaat).",
        ),
    ],
    toelichting: Annotated[
        str, typer.Option("--toelichting", metavar="TEKST", help="Waarop het oordeel berust.")
    ],
    ronde: RondeOpt = None,
    versie: KaderversieOpt = None,
) -> None:
    """Beoordeel een norm in de zelfevaluatie; opnieuw beoordelen vervangt het oordeel (met auditspoor).

    Voorbeeld: kwaliteit beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet
    --toelichting "Alle schriftelijke klachten bevestigd" --ronde 2023
    """
    from sqlalchemy import select

    from kwaliteit.bewijs import zelfevaluatie
    from kwaliteit.bewijs.modellen import Oordeel
    from normen import diensten as normdiensten

    with eenheid(ctx, schrijven=True) as w:
        waarde = _oordeelwaarde(w, oordeel, kader, versie)
        r = _ronde(ronde) or zelfevaluatie.standaardronde(w)
        n = normdiensten.norm(w, normdiensten.versie(w, kader, versie), norm)
        vorig = w.sessie.execute(
            select(Oordeel.waarde).where(Oordeel.ronde == r, Oordeel.norm_id == n.id)
        ).scalar_one_or_none()
        o = zelfevaluatie.beoordeel(
            w,
            kader=kader,
            ref=norm,
            waarde=waarde,
            toelichting=toelichting,
            ronde=r,
            versie=versie,
        )
        tekst = f"{kader} {n.ref}, ronde {o.ronde}: {o.waarde.value}"
        if vorig is not None:
            tekst += f" (vervangt {vorig.value})"
    typer.echo(tekst)


# -- dekking ------------------------------------------------------------------------------


def dekking(
    ctx: typer.Context,
    kader: KaderOpt,
    peildatum: Annotated[
        str | None,
        typer.Option(
            "--peildatum",
            metavar="DATUM",
            help=f"De datum waarop het bewijs moet gelden ({DATUM}); standaard vandaag.",
        ),
    ] = None,
    ronde: RondeOpt = None,
    versie: KaderversieOpt = None,
    als_json: JsonOpt = False,
) -> None:
    """Toon per norm van een kader of er geldig bewijs is, het oordeel en de open acties; gaten eerst.

    Een norm is gedekt als op de peildatum minstens één gekoppeld bewijsstuk geldt of het
    klachtenregister er een cijfer voor geeft (twaalf maanden tot de peildatum). Verlopen
    bewijs dekt niet.

    Voorbeeld: kwaliteit dekking --kader awb-h9 --peildatum 31-12-2023 --ronde 2023
    """
    from kwaliteit.bewijs.dekking import dekking as bereken

    with eenheid(ctx, schrijven=False) as w:
        d = bereken(
            w,
            kader,
            peildatum=datum_optie(peildatum, "peildatum"),
            ronde=_ronde(ronde),
            versie=versie,
        )
    if als_json:
        print_json(d)
        return
    _dekking_tekst(d)


def _dekking_tekst(d: dict[str, Any]) -> None:
    echo = typer.echo
    echo(f"Dekking van {d['kader']} ({d['naam']}), versie {d['versie']}")
    echo(f"Peildatum {nl(d['peildatum'])}, ronde {d['ronde']}")
    if d["werkversie"]:
        echo(d["markering"])
    echo("")
    echo(f"{d['gedekt']} van {d['normen']} normen gedekt ({procent(d['percentage'])})")
    echo("Oordelen: " + ", ".join(f"{k} {v}" for k, v in d["per_oordeel"].items()))
    echo("")
    echo("Per categorie:")
    for c in d["categorieen"]:
        naam = f"{c['ref']} {c['titel']}" if c["ref"] else c["titel"]
        echo(f"  {naam}: {c['gedekt']} van {c['normen']} gedekt ({procent(c['percentage'])})")
    echo("")
    echo("Per norm (niet gedekt eerst):")
    for n in d["per_norm"]:
        echo(f"{n['ref']}  {n['titel']}")
        echo(f"    gedekt: {'ja' if n['gedekt'] else 'nee'}")
        bewijs = [
            f"{b['kenmerk']} (versie {b['versie']}"
            + (f", t/m {nl(b['geldig_tot'])})" if b["geldig_tot"] else ")")
            for b in n["bewijs"]
        ]
        bewijs += [f"{k} (verlopen)" for k in n["verlopen_bewijs"]]
        bewijs += [f"{k} (nog niet geldig)" for k in n.get("toekomstig_bewijs", [])]
        echo(f"    bewijs: {', '.join(bewijs) or '-'}")
        r = n["registerbewijs"]
        if r is not None:
            cijfer = f"{r['teller']} van {r['noemer']} ({procent(r['percentage'])})"
            echo(
                f"    register: {cijfer} — {r['omschrijving']}, "
                f"12 maanden t/m {nl(r['periode']['tot'])}"
                + ("" if r["dekt"] else "; niets te tellen in de periode, dekt niet")
            )
        o = n["oordeel"]
        echo(
            f"    oordeel: {o['waarde']} ({o['door']}, {nl(o['datum'])}): {o['toelichting']}"
            if o
            else "    oordeel: -"
        )
        if n["open_acties"]:
            acties = [
                f"{a['kenmerk']} ({a['eigenaar']}, deadline {nl(a['deadline'])}"
                + (", te laat)" if a["te_laat"] else ")")
                for a in n["open_acties"]
            ]
            echo(f"    open acties: {', '.join(acties)}")


# -- bevinding ----------------------------------------------------------------------------


@bevinding_app.command("registreer")
def bevinding_registreer(
    ctx: typer.Context,
    soort: Annotated[str, typer.Option("--soort", metavar="SOORT", help=f"{BEVINDINGSOORTEN}.")],
    omschrijving: Annotated[
        str, typer.Option("--omschrijving", metavar="TEKST", help="Wat er is gevonden.")
    ],
    kader: KaderOptioneel = None,
    norm: NormOptioneel = None,
    ronde: RondeOpt = None,
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum", metavar="DATUM", help=f"Datum van de bevinding ({DATUM}); standaard vandaag."
        ),
    ] = None,
) -> None:
    """Registreer een bevinding (tekortkoming, verbeterpunt of observatie); toont het kenmerk.

    Voorbeeld: kwaliteit bevinding registreer --soort tekortkoming --kader awb-h9 --norm 9:6
    --omschrijving "Twee klachten zonder ontvangstbevestiging" --ronde 2023
    """
    from kwaliteit.bewijs import zelfevaluatie
    from kwaliteit.bewijs.modellen import Bevindingsoort

    with eenheid(ctx, schrijven=True) as w:
        s = keuze(Bevindingsoort, soort, "soort")
        kader_en_norm(kader, norm)
        b = zelfevaluatie.registreer_bevinding(
            w,
            soort=s,
            omschrijving=omschrijving,
            kader=kader,
            ref=norm,
            ronde=_ronde(ronde),
            datum=datum_optie(datum, "datum"),
        )
        kenmerk = b.kenmerk
    typer.echo(kenmerk)


def _normverwijzing(w: Werkeenheid, norm_id: int | None) -> dict[str, str] | None:
    from normen.modellen import Norm

    n = w.sessie.get(Norm, norm_id) if norm_id else None
    return {"kader": n.versie.kader.code, "ref": n.ref} if n else None


def _bevinding_dict(w: Werkeenheid, b: Bevinding) -> dict[str, Any]:
    from sqlalchemy import select

    from kwaliteit.bewijs.modellen import Verbeteractie

    acties = w.sessie.execute(
        select(Verbeteractie.kenmerk)
        .where(Verbeteractie.bevinding_id == b.id)
        .order_by(Verbeteractie.volgnummer)
    ).scalars()
    return {
        "kenmerk": b.kenmerk,
        "ronde": b.ronde,
        "datum": b.datum.isoformat(),
        "soort": b.soort.value,
        "norm": _normverwijzing(w, b.norm_id),
        "omschrijving": b.omschrijving,
        "acties": list(acties),
    }


@bevinding_app.command("lijst")
def bevinding_lijst(ctx: typer.Context, ronde: RondeOpt = None, als_json: JsonOpt = False) -> None:
    """Toon de bevindingen, op kenmerk, met de verbeteracties die eruit volgen.

    Voorbeeld: kwaliteit bevinding lijst --ronde 2023
    """
    from kwaliteit.bewijs import zelfevaluatie

    with eenheid(ctx, schrijven=False) as w:
        regels = [_bevinding_dict(w, b) for b in zelfevaluatie.bevindingen(w, ronde=_ronde(ronde))]
    if als_json:
        print_json(regels)
        return
    if not regels:
        typer.echo("Geen bevindingen gevonden.")
        return
    for r in regels:
        norm = f"{r['norm']['kader']} {r['norm']['ref']}" if r["norm"] else "-"
        acties = f"  acties: {', '.join(r['acties'])}" if r["acties"] else ""
        typer.echo(
            f"{r['kenmerk']}  {nl(r['datum'])}  ronde {r['ronde']}  {r['soort']:<12}  {norm}  "
            f"{r['omschrijving']}{acties}"
        )
    typer.echo(f"{len(regels)} bevinding(en).")


# -- actie --------------------------------------------------------------------------------


def _let_op_deadline(w: Werkeenheid, deadline: Any, status_open: bool) -> None:
    from kwaliteit.tijd import nl_datum

    if status_open and deadline < w.vandaag:
        waarschuw(f"de deadline {nl_datum(deadline)} is al verstreken; de actie staat als te laat.")


@actie_app.command("registreer")
def actie_registreer(
    ctx: typer.Context,
    omschrijving: Annotated[
        str, typer.Option("--omschrijving", metavar="TEKST", help="Wat er verbeterd wordt.")
    ],
    eigenaar: Annotated[
        str, typer.Option("--eigenaar", metavar="NAAM", help="Wie de actie uitvoert.")
    ],
    deadline: Annotated[
        str, typer.Option("--deadline", metavar="DATUM", help=f"Wanneer de actie af is ({DATUM}).")
    ],
    kader: KaderOptioneel = None,
    norm: NormOptioneel = None,
    bevinding: Annotated[
        str | None,
        typer.Option(
            "--bevinding", metavar="KENMERK", help="De bevinding waaruit de actie volgt (BV-0001)."
        ),
    ] = None,
    klacht: Annotated[
        list[str] | None,
        typer.Option(
            "--klacht",
            metavar="KENMERK",
            help="Een klacht waaruit de actie volgt (K-2023-0001); mag vaker.",
        ),
    ] = None,
) -> None:
    """Registreer een verbeteractie met eigenaar en deadline; toont het kenmerk.

    Voorbeeld: kwaliteit actie registreer --omschrijving "Werkinstructie ontvangstbevestiging"
    --eigenaar "J. de Vries" --deadline 01-09-2023 --kader awb-h9 --norm 9:6 --klacht K-2023-0001
    """
    from kwaliteit.bewijs import zelfevaluatie

    with eenheid(ctx, schrijven=True) as w:
        dag = verplichte_datum(deadline, "deadline")
        kader_en_norm(kader, norm)
        a = zelfevaluatie.registreer_actie(
            w,
            omschrijving=omschrijving,
            eigenaar=eigenaar,
            deadline=dag,
            kader=kader,
            ref=norm,
            bevinding=normaliseer_kenmerk(bevinding, "BV") if bevinding is not None else None,
            klachten=klacht,
        )
        _let_op_deadline(w, dag, True)
        kenmerk = a.kenmerk
    typer.echo(kenmerk)


@actie_app.command("wijzig")
def actie_wijzig(
    ctx: typer.Context,
    kenmerk: ActieArg,
    status: Annotated[
        str | None, typer.Option("--status", metavar="STATUS", help=f"{STATUSSEN}.")
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", metavar="DATUM", help=f"Nieuwe deadline ({DATUM}).")
    ] = None,
    eigenaar: Annotated[
        str | None, typer.Option("--eigenaar", metavar="NAAM", help="Nieuwe eigenaar.")
    ] = None,
) -> None:
    """Wijzig de status, deadline of eigenaar van een verbeteractie (met auditspoor).

    Voorbeeld: kwaliteit actie wijzig VA-0001 --status afgerond
    """
    from kwaliteit.bewijs import zelfevaluatie
    from kwaliteit.bewijs.modellen import Actiestatus

    with eenheid(ctx, schrijven=True) as w:
        s = keuze(Actiestatus, status, "status") if status is not None else None
        a = zelfevaluatie.wijzig_actie(
            w,
            normaliseer_kenmerk(kenmerk, "VA"),
            status=s,
            deadline=datum_optie(deadline, "deadline"),
            eigenaar=eigenaar,
        )
        if deadline is not None or s is not None:
            _let_op_deadline(w, a.deadline, a.status.is_open)
        d = zelfevaluatie.actie_dict(w, a)
    typer.echo(
        f"{d['kenmerk']}: status {d['status']}, deadline {nl(d['deadline'])}"
        + (" (te laat)" if d["te_laat"] else "")
        + f", eigenaar {d['eigenaar']}"
    )


@actie_app.command("lijst")
def actie_lijst(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            "--status", metavar="STATUS", help=f"Alleen acties met deze status: {STATUSSEN}."
        ),
    ] = None,
    alleen_open: Annotated[
        bool, typer.Option("--open", help="Alleen acties die nog lopen (open of in-uitvoering).")
    ] = False,
    als_json: JsonOpt = False,
) -> None:
    """Toon de verbeteracties, op kenmerk; acties over hun deadline zijn gemarkeerd als te laat.

    Voorbeeld: kwaliteit actie lijst --open
    """
    from kwaliteit.bewijs import zelfevaluatie
    from kwaliteit.bewijs.modellen import Actiestatus
    from kwaliteit.fouten import InvoerFout

    with eenheid(ctx, schrijven=False) as w:
        s = keuze(Actiestatus, status, "status") if status is not None else None
        if s is not None and alleen_open:
            raise InvoerFout("Gebruik --status of --open, niet beide.")
        regels = [
            zelfevaluatie.actie_dict(w, a)
            for a in zelfevaluatie.acties(w, status=s, alleen_open=alleen_open)
        ]
    if als_json:
        print_json(regels)
        return
    if not regels:
        typer.echo("Geen verbeteracties gevonden.")
        return
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD)
    for kop in ("Kenmerk", "Status", "Deadline", "Eigenaar", "Norm", "Omschrijving"):
        t.add_column(kop, no_wrap=kop != "Omschrijving")
    for r in regels:
        t.add_row(
            r["kenmerk"],
            r["status"],
            nl(r["deadline"]) + (" (te laat)" if r["te_laat"] else ""),
            r["eigenaar"],
            f"{r['norm']['kader']} {r['norm']['ref']}" if r["norm"] else "-",
            r["omschrijving"],
        )
    console().print(t)
    typer.echo(f"{len(regels)} verbeteractie(s).")


@actie_app.command("toon")
def actie_toon(ctx: typer.Context, kenmerk: ActieArg, als_json: JsonOpt = False) -> None:
    """Toon één verbeteractie met norm, bevinding en klachten.

    Voorbeeld: kwaliteit actie toon VA-0001
    """
    from kwaliteit.bewijs import zelfevaluatie

    with eenheid(ctx, schrijven=False) as w:
        d = zelfevaluatie.actie_dict(
            w, zelfevaluatie.laad_actie(w, normaliseer_kenmerk(kenmerk, "VA"))
        )
    if als_json:
        print_json(d)
        return
    regels = [
        ("Kenmerk", d["kenmerk"]),
        ("Omschrijving", d["omschrijving"]),
        ("Eigenaar", d["eigenaar"]),
        ("Status", d["status"] + (f" op {nl(d['afgerond'])}" if d["afgerond"] else "")),
        ("Deadline", nl(d["deadline"]) + (" (te laat)" if d["te_laat"] else "")),
        ("Norm", f"{d['norm']['kader']} {d['norm']['ref']}" if d["norm"] else "-"),
        ("Bevinding", d["bevinding"] or "-"),
        ("Klachten", ", ".join(d["klachten"]) or "-"),
    ]
    breedte = max(len(label) for label, _ in regels)
    for label, waarde in regels:
        typer.echo(f"{label:<{breedte}}  {waarde}")
