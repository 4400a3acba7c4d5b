"""Self-assessment and follow-up: ``kwaliteit beoordeel``, ``dekking``, ``bevinding``, ``actie``.

Each command parses its options, calls one service of ``kwaliteit.bewijs`` inside one
unit of work, and formats what the service returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kwaliteit.cli.gemeen import console, datum_optie, eenheid, json_optie, print_json, waarschuw
from kwaliteit.cli.invoer import (
    kader_en_norm,
    keuze,
    nl,
    normaliseer_kenmerk,
    procent,
    verplichte_datum,
)
from kwaliteit.cli.lui import Groep, Opdracht

if TYPE_CHECKING:
    from datetime import date

    from kwaliteit.eenheid import Werkeenheid

F = TypeVar("F", bound=Callable[..., Any])

# Help texts name the allowed values without importing the domain (fast --help);
# tests/cli/test_cli_zorg.py checks them against kwaliteit.bewijs.modellen.
OORDELEN = "voldoet, voldoet-deels, voldoet-niet of nvt"
BEVINDINGSOORTEN = "tekortkoming, verbeterpunt of observatie"
STATUSSEN = "open, in-uitvoering, afgerond of vervallen"
DATUM = "jjjj-mm-dd of dd-mm-jjjj"
MAX_RONDE = 60

JSON_HULP = "Uitvoer als JSON (sleutels worden alleen toegevoegd)."


def _kader(verplicht: bool) -> Callable[[F], F]:
    if verplicht:
        return click.option(
            "--kader",
            metavar="KADER",
            required=True,
            help="Code van het normenkader, bijv. awb-h9.",
        )
    return click.option("--kader", metavar="KADER", help="Code van het normenkader (met --norm).")


def _norm(verplicht: bool) -> Callable[[F], F]:
    if verplicht:
        return click.option(
            "--norm", metavar="REF", required=True, help="Ref van de norm, bijv. 9:6."
        )
    return click.option(
        "--norm", metavar="REF", help="Ref van de norm waarover het gaat (met --kader)."
    )


_ronde_optie = click.option(
    "--ronde",
    metavar="RONDE",
    help="De beoordelingsronde, bijv. 2023 of audit-2024; standaard het huidige jaar.",
)
_versie_optie = click.option(
    "--versie",
    metavar="VERSIE",
    help="Versie van het kader; standaard de versie die op de (peil)datum geldt.",
)


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


# -- beoordeel ----------------------------------------------------------------------------


@click.command("beoordeel", cls=Opdracht)
@_kader(True)
@_norm(True)
@click.option(
    "--oordeel",
    metavar="OORDEEL",
    required=True,
    help=f"{OORDELEN} (zoals de schaal van het kader toelaat).",
)
@click.option("--toelichting", metavar="TEKST", required=True, help="Waarop het oordeel berust.")
@_ronde_optie
@_versie_optie
@click.pass_context
def beoordeel(
    ctx: click.Context,
    kader: str,
    norm: str,
    oordeel: str,
    toelichting: str,
    ronde: str | None,
    versie: str | None,
) -> None:
    """Beoordeel een norm in de zelfevaluatie; opnieuw beoordelen vervangt het oordeel (met auditspoor).

    Voorbeeld: kwaliteit beoordeel --kader awb-h9 --norm 9:6 --oordeel voldoet
    --toelichting "Alle schriftelijke klachten bevestigd" --ronde 2023
    """
    from kwaliteit.bewijs import zelfevaluatie

    with eenheid(ctx, schrijven=True) as w:
        b = zelfevaluatie.beoordeel_norm(
            w,
            kader=kader,
            ref=norm,
            oordeel=oordeel,
            toelichting=toelichting,
            ronde=_ronde(ronde),
            versie=versie,
        )
    tekst = f"{b.kader} {b.ref}, ronde {b.ronde}: {b.waarde.value}"
    if b.vorig is not None:
        tekst += f" (vervangt {b.vorig.value})"
    click.echo(tekst)


# -- dekking ------------------------------------------------------------------------------


@click.command("dekking", cls=Opdracht)
@_kader(True)
@click.option(
    "--peildatum",
    metavar="DATUM",
    help=f"De datum waarop het bewijs moet gelden ({DATUM}); standaard vandaag.",
)
@_ronde_optie
@_versie_optie
@json_optie(JSON_HULP)
@click.pass_context
def dekking(
    ctx: click.Context,
    kader: str,
    peildatum: str | None,
    ronde: str | None,
    versie: str | None,
    als_json: bool,
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
    echo = click.echo
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


@click.group(cls=Groep)
def bevinding_app() -> None:
    """Bevindingen: tekortkomingen, verbeterpunten, observaties."""


@bevinding_app.command("registreer")
@click.option("--soort", metavar="SOORT", required=True, help=f"{BEVINDINGSOORTEN}.")
@click.option("--omschrijving", metavar="TEKST", required=True, help="Wat er is gevonden.")
@_kader(False)
@_norm(False)
@_ronde_optie
@click.option(
    "--datum", metavar="DATUM", help=f"Datum van de bevinding ({DATUM}); standaard vandaag."
)
@click.pass_context
def bevinding_registreer(
    ctx: click.Context,
    soort: str,
    omschrijving: str,
    kader: str | None,
    norm: str | None,
    ronde: str | None,
    datum: str | None,
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
    click.echo(kenmerk)


@bevinding_app.command("lijst")
@_ronde_optie
@json_optie(JSON_HULP)
@click.pass_context
def bevinding_lijst(ctx: click.Context, ronde: str | None, als_json: bool) -> None:
    """Toon de bevindingen, op kenmerk, met de verbeteracties die eruit volgen.

    Voorbeeld: kwaliteit bevinding lijst --ronde 2023
    """
    from kwaliteit.bewijs import zelfevaluatie

    with eenheid(ctx, schrijven=False) as w:
        regels = [
            zelfevaluatie.bevinding_dict(w, b)
            for b in zelfevaluatie.bevindingen(w, ronde=_ronde(ronde))
        ]
    if als_json:
        print_json(regels)
        return
    if not regels:
        click.echo("Geen bevindingen gevonden.")
        return
    for r in regels:
        norm = f"{r['norm']['kader']} {r['norm']['ref']}" if r["norm"] else "-"
        acties = f"  acties: {', '.join(r['acties'])}" if r["acties"] else ""
        click.echo(
            f"{r['kenmerk']}  {nl(r['datum'])}  ronde {r['ronde']}  {r['soort']:<12}  {norm}  "
            f"{r['omschrijving']}{acties}"
        )
    click.echo(f"{len(regels)} bevinding(en).")


# -- actie --------------------------------------------------------------------------------


@click.group(cls=Groep)
def actie_app() -> None:
    """Verbeteracties met eigenaar, deadline en status."""


def _let_op_deadline(w: Werkeenheid, deadline: date, status_open: bool) -> None:
    from kwaliteit.tijd import nl_datum

    if status_open and deadline < w.vandaag:
        waarschuw(f"de deadline {nl_datum(deadline)} is al verstreken; de actie staat als te laat.")


@actie_app.command("registreer")
@click.option("--omschrijving", metavar="TEKST", required=True, help="Wat er verbeterd wordt.")
@click.option("--eigenaar", metavar="NAAM", required=True, help="Wie de actie uitvoert.")
@click.option(
    "--deadline", metavar="DATUM", required=True, help=f"Wanneer de actie af is ({DATUM})."
)
@_kader(False)
@_norm(False)
@click.option(
    "--bevinding", metavar="KENMERK", help="De bevinding waaruit de actie volgt (BV-0001)."
)
@click.option(
    "--klacht",
    metavar="KENMERK",
    multiple=True,
    help="Een klacht waaruit de actie volgt (K-2023-0001); mag vaker.",
)
@click.pass_context
def actie_registreer(
    ctx: click.Context,
    omschrijving: str,
    eigenaar: str,
    deadline: str,
    kader: str | None,
    norm: str | None,
    bevinding: str | None,
    klacht: tuple[str, ...],
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
            klachten=list(klacht),
        )
        _let_op_deadline(w, dag, True)
        kenmerk = a.kenmerk
    click.echo(kenmerk)


@actie_app.command("wijzig")
@click.argument("kenmerk", metavar="KENMERK")
@click.option("--status", metavar="STATUS", help=f"{STATUSSEN}.")
@click.option("--deadline", metavar="DATUM", help=f"Nieuwe deadline ({DATUM}).")
@click.option("--eigenaar", metavar="NAAM", help="Nieuwe eigenaar.")
@click.pass_context
def actie_wijzig(
    ctx: click.Context,
    kenmerk: str,
    status: str | None,
    deadline: str | None,
    eigenaar: str | None,
) -> None:
    """Wijzig de status, deadline of eigenaar van een verbeteractie (met auditspoor).

    KENMERK is het kenmerk van de verbeteractie, bijv. VA-0001.

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
    click.echo(
        f"{d['kenmerk']}: status {d['status']}, deadline {nl(d['deadline'])}"
        + (" (te laat)" if d["te_laat"] else "")
        + f", eigenaar {d['eigenaar']}"
    )


@actie_app.command("lijst")
@click.option("--status", metavar="STATUS", help=f"Alleen acties met deze status: {STATUSSEN}.")
@click.option(
    "--open",
    "alleen_open",
    is_flag=True,
    help="Alleen acties die nog lopen (open of in-uitvoering).",
)
@json_optie(JSON_HULP)
@click.pass_context
def actie_lijst(ctx: click.Context, status: str | None, alleen_open: bool, als_json: bool) -> None:
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
        click.echo("Geen verbeteracties gevonden.")
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
    click.echo(f"{len(regels)} verbeteractie(s).")


@actie_app.command("toon")
@click.argument("kenmerk", metavar="KENMERK")
@json_optie(JSON_HULP)
@click.pass_context
def actie_toon(ctx: click.Context, kenmerk: str, als_json: bool) -> None:
    """Toon één verbeteractie met norm, bevinding en klachten.

    KENMERK is het kenmerk van de verbeteractie, bijv. VA-0001.

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
        click.echo(f"{label:<{breedte}}  {waarde}")
