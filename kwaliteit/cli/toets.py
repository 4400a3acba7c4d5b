"""``kwaliteit toets``: the coverage checks in Gherkin, run against the live database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kwaliteit.cli.gemeen import datum_optie, foutafhandeling, open_database, print_json, waarschuw


def toets(
    ctx: typer.Context,
    kader: Annotated[
        str | None,
        typer.Option(metavar="KADER", help="Alleen de normen van dit kader (bijv. awb-h9)."),
    ] = None,
    peildatum: Annotated[
        str | None,
        typer.Option(
            metavar="DATUM",
            help="De datum waarop getoetst wordt (jjjj-mm-dd of dd-mm-jjjj); standaard vandaag.",
        ),
    ] = None,
    features: Annotated[
        list[Path] | None,
        typer.Option(
            "--features",
            metavar="MAP",
            help="Een map (of bestand) met eigen .feature-bestanden; mag vaker. Komt bij de meegeleverde.",
        ),
    ] = None,
    alleen_eigen: Annotated[
        bool,
        typer.Option(
            "--alleen-eigen", help="Laat de meegeleverde features weg; alleen --features."
        ),
    ] = False,
    als_json: Annotated[
        bool, typer.Option("--json", help="Uitvoer als JSON (zie README).")
    ] = False,
    junit: Annotated[
        Path | None, typer.Option(metavar="BESTAND", help="Schrijf ook een JUnit-XML-rapport.")
    ] = None,
) -> None:
    """Toets de normen met de Gherkin-scenario's in features/dekking tegen de database.

    Per norm precies één uitkomst: gedekt, niet-gedekt (met de mislukte stap en de
    klachten of normen die het veroorzaakten), overgeslagen (een scenario werd niet
    uitgevoerd of heeft een onbekende stap: telt nooit als geslaagd) of ongetoetst.
    Exitcode 0 alleen als elke beoordeelbare norm in de toets gedekt is; anders 1.
    Elke run wordt bewaard voor het dossier.

    Voorbeeld: kwaliteit toets --kader awb-h9 --peildatum 31-12-2023
    """
    from kwaliteit.cli.gemeen import instellingen
    from kwaliteit.eenheid import huidige_gebruiker, werkeenheid
    from kwaliteit.fouten import GeenToegang, InvoerFout
    from kwaliteit.tijd import vandaag
    from kwaliteit.toetsing import runner
    from normen import diensten as normdiensten

    with foutafhandeling():
        dag = datum_optie(peildatum, "peildatum") or vandaag()
        if alleen_eigen and not features:
            raise InvoerFout("--alleen-eigen vraagt om minstens één --features MAP.")
        mappen = ([] if alleen_eigen else [runner.standaardmap()]) + list(features or [])
        door = instellingen(ctx).door or huidige_gebruiker()
        db = open_database(ctx)
        try:
            with werkeenheid(db, schrijven=False, door=door) as w:
                codes = [kader] if kader else [k.code for k in normdiensten.kaders(w)]
                if not codes:
                    raise InvoerFout(
                        "Er is nog geen normenkader geladen; laad er een met "
                        "'kwaliteit normen importeer awb-h9'."
                    )
                bereik: dict[str, list[tuple[str, str]]] = {}
                for code in codes:
                    v = normdiensten.versie(w, code, op=dag)
                    bereik[code] = [
                        (n.ref, n.titel) for n in normdiensten.normen(w, v) if n.beoordeelbaar
                    ]
            rapport = runner.voer_uit(
                url=db.url,
                door=door,
                peildatum=dag,
                kader=kader,
                mappen=mappen,
                normen_in_bereik=bereik,
            )
            run_id: int | None = None
            try:
                with werkeenheid(db, schrijven=True, door=door) as w:
                    run_id = runner.bewaar(w, rapport)
            except GeenToegang:
                # A read-only role (the auditor) may check, but not store the run.
                waarschuw(
                    "deze run is niet bewaard: uw databaserol mag alleen lezen. Het dossier "
                    "toont de laatste bewaarde run."
                )
        finally:
            db.sluit()
        if junit is not None:
            _schrijf(junit, runner.junit_xml(rapport))
    if als_json:
        print_json({**rapport.als_dict(), "run": run_id})
    else:
        _toon(rapport.als_dict(), run_id)
    if not rapport.geslaagd:
        raise typer.Exit(1)


def _schrijf(pad: Path, tekst: str) -> None:
    from kwaliteit.bestanden import atomair

    with atomair(pad) as f:
        f.write(tekst)


def _toon(d: dict[str, Any], run_id: int | None) -> None:
    from kwaliteit.tijd import nl_datum, parse_datum

    s = d["samenvatting"]
    typer.echo(
        f"Toetsing op {nl_datum(parse_datum(d['peildatum']))}"
        + (f", kader {d['kader']}" if d["kader"] else ", alle geladen kaders")
        + (f" (run {run_id})" if run_id is not None else " (niet bewaard)")
    )
    typer.echo(
        f"gedekt {s['gedekt']}, niet-gedekt {s['niet-gedekt']}, overgeslagen {s['overgeslagen']}, "
        f"ongetoetst {s['ongetoetst']}"
    )
    volgorde = {"niet-gedekt": 0, "overgeslagen": 1, "ongetoetst": 2, "gedekt": 3}
    typer.echo("")
    for n in sorted(d["normen"], key=lambda n: (volgorde[n["status"]], n["kader"])):
        typer.echo(f"{n['status']:<13} {n['kader']} {n['ref']}  {n['titel']}")
        for regel in n["toelichting"]:
            if n["status"] != "ongetoetst":
                typer.echo(f"              {regel}")
    typer.echo("")
    typer.echo(
        "Geslaagd: alle normen gedekt." if d["geslaagd"] else "Niet alle normen zijn gedekt."
    )
