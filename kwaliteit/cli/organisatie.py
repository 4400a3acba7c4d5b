"""``kwaliteit organisatie``: the organisation profile (its own words, its regulation).

The options of ``stel-in`` are derived from the profile's dataclasses
(``kwaliteit.organisatie``): one option per field, named after it (``--naam``,
``--klachtenregeling-afhandeltermijn-weken``), with the field's own Dutch help; a list
of the profile's vocabularies has ``--wijk-erbij``/``--wijk-eraf``; other lists (the
address, the scope) are given whole, a line per option.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kwaliteit.cli.gemeen import F, eenheid, json_optie, print_json
from kwaliteit.cli.lui import Groep
from kwaliteit.organisatie import LIJST, LIJSTEN, Profiel


@click.group(cls=Groep)
def app() -> None:
    """Het organisatieprofiel: wijken, teams, aanbieders, categorieën, klachtenregeling."""


@dataclasses.dataclass(frozen=True)
class _Optie:
    sleutel: str  # "naam" or "klachtenregeling.afhandeltermijn_weken"
    parameter: str  # the Python name Click passes it as
    soort: Any  # the field's type


def _velden() -> list[_Optie]:
    """Every settable field of the profile that is not a vocabulary list."""
    uit: list[_Optie] = []
    hints = typing.get_type_hints(Profiel)
    for f in dataclasses.fields(Profiel):
        if f.name in LIJST:
            continue
        soort = hints[f.name]
        if dataclasses.is_dataclass(soort) and isinstance(soort, type):
            subhints = typing.get_type_hints(soort)
            for sub in dataclasses.fields(soort):
                uit.append(
                    _Optie(f"{f.name}.{sub.name}", f"{f.name}__{sub.name}", subhints[sub.name])
                )
        else:
            uit.append(_Optie(f.name, f.name, soort))
    return uit


OPTIES = _velden()


def _hulp(sleutel: str) -> str:
    deel, _, veld = sleutel.partition(".")
    f = {x.name: x for x in dataclasses.fields(Profiel)}[deel]
    if veld:
        soort = typing.get_type_hints(Profiel)[deel]
        f = {x.name: x for x in dataclasses.fields(soort)}[veld]
    hulp: str = f.metadata["hulp"]
    return hulp


def _stel_in_opties() -> Callable[[F], F]:
    opties: list[Callable[[F], F]] = []
    for o in OPTIES:
        naam = "--" + o.sleutel.replace(".", "-").replace("_", "-")
        hulp = _hulp(o.sleutel)
        if o.soort is bool:
            kaal = naam.removeprefix("--")
            opties.append(
                click.option(f"{naam}/--geen-{kaal}", o.parameter, default=None, help=hulp)
            )
        elif o.soort == tuple[str, ...]:
            opties.append(
                click.option(
                    naam,
                    o.parameter,
                    metavar="REGEL",
                    multiple=True,
                    help=f"{hulp} Vaker te geven, in volgorde; vervangt de hele lijst.",
                )
            )
        elif o.soort in (int, int | None):
            extra = " Geef 'wet' voor de wettelijke termijn." if o.soort is not int else ""
            opties.append(click.option(naam, o.parameter, metavar="GETAL", help=hulp + extra))
        else:
            opties.append(
                click.option(naam, o.parameter, metavar="TEKST", help=hulp + " '' wist haar.")
            )
    for lijst in LIJSTEN:
        opties.append(
            click.option(
                f"--{lijst.enkelvoud}-erbij",
                f"{lijst.sleutel}__erbij",
                metavar=lijst.enkelvoud.upper(),
                multiple=True,
                help=f"Voeg een waarde toe aan de {lijst.meervoud} (vaker te geven).",
            )
        )
        opties.append(
            click.option(
                f"--{lijst.enkelvoud}-eraf",
                f"{lijst.sleutel}__eraf",
                metavar=lijst.enkelvoud.upper(),
                multiple=True,
                help=f"Haal een waarde weg uit de {lijst.meervoud}; klachten houden haar.",
            )
        )

    def toepassen(f: F) -> F:
        for optie in reversed(opties):
            f = optie(f)
        return f

    return toepassen


def _waarde(o: _Optie, tekst: Any) -> Any:
    """The option's value as the profile holds it (InvoerFout when it is no number)."""
    from kwaliteit.fouten import InvoerFout

    if o.soort in (int, int | None):
        schoon = str(tekst).strip().lower()
        if o.soort is not int and schoon in ("wet", "wettelijk", ""):
            return None
        try:
            return int(schoon)
        except ValueError:
            raise InvoerFout(
                f"--{o.sleutel.replace('.', '-').replace('_', '-')}: '{tekst}' is geen geheel getal."
            ) from None
    if o.soort == tuple[str, ...]:
        return tuple(" ".join(r.split()) for r in tekst if r.strip())
    if isinstance(tekst, str):
        return " ".join(tekst.split())
    return tekst


@app.command()
@json_optie()
@click.pass_context
def toon(ctx: click.Context, als_json: bool) -> None:
    """Toon het organisatieprofiel dat nu geldt, met zijn versie.

    Voorbeeld: kwaliteit organisatie toon
    """
    from kwaliteit import profieldienst

    with eenheid(ctx, schrijven=False) as w:
        v = profieldienst.toon(w)
    if als_json:
        print_json(
            {
                "versie": v.versie,
                "vastgesteld": v.vastgesteld.isoformat() if v.vastgesteld else None,
                "door": v.door,
                "sha256": v.profiel.sha256 if v.versie else None,
                "profiel": v.profiel.als_dict(),
            }
        )
        return
    if not v.versie:
        click.echo(
            "Er is nog geen organisatieprofiel. Begin met 'kwaliteit organisatie stel-in "
            "--naam ...' of lees een bestand in met 'kwaliteit organisatie importeer BESTAND' "
            "(een voorbeeld: demo/organisatie-wot-schiedam.yaml). Zolang een lijst leeg is, "
            "zijn wijk, team, aanbieder en categorie vrije tekst."
        )
        return
    from kwaliteit.tijd import nl_datum

    assert v.vastgesteld is not None
    click.echo(
        f"Organisatieprofiel versie {v.versie}, vastgesteld op "
        f"{nl_datum(v.vastgesteld.date())} door {v.door}"
    )
    _toon_profiel(v.profiel.als_dict())


def _toon_profiel(d: dict[str, Any], inspringen: str = "") -> None:
    for sleutel, waarde in d.items():
        if isinstance(waarde, dict):
            click.echo(f"{inspringen}{sleutel}:")
            _toon_profiel(waarde, inspringen + "  ")
        elif isinstance(waarde, list):
            click.echo(f"{inspringen}{sleutel}: " + ("; ".join(waarde) if waarde else "-"))
        else:
            tekst = (
                "-"
                if waarde in (None, "")
                else ("ja" if waarde is True else "nee" if waarde is False else waarde)
            )
            click.echo(f"{inspringen}{sleutel}: {tekst}")


@app.command("stel-in")
@_stel_in_opties()
@click.pass_context
def stel_in(ctx: click.Context, /, **opgegeven: Any) -> None:
    """Verander het organisatieprofiel; elke verandering is een nieuwe versie.

    Alleen wat u opgeeft verandert. Een waarde die uit een lijst weggaat, blijft geldig
    bij de klachten die haar al hebben.

    Voorbeeld: kwaliteit organisatie stel-in --naam "Welzijn Oostland" --wijk-erbij Oost
    --wijk-erbij West --klachtenregeling-afhandeltermijn-weken 4
    """
    from kwaliteit import profieldienst
    from kwaliteit.cli.gemeen import foutafhandeling
    from kwaliteit.fouten import InvoerFout

    velden: dict[str, Any] = {}
    with foutafhandeling():  # a number that is none is an InvoerFout: a message, exit 2
        for o in OPTIES:
            tekst = opgegeven[o.parameter]
            if tekst is None or (o.soort == tuple[str, ...] and not tekst):
                continue
            velden[o.sleutel] = _waarde(o, tekst)
    erbij = {lijst.sleutel: opgegeven[f"{lijst.sleutel}__erbij"] for lijst in LIJSTEN}
    eraf = {lijst.sleutel: opgegeven[f"{lijst.sleutel}__eraf"] for lijst in LIJSTEN}
    with eenheid(ctx, schrijven=True) as w:
        if not velden and not any(erbij.values()) and not any(eraf.values()):
            raise InvoerFout(
                "Geef minstens één gegeven om in te stellen, bijvoorbeeld --naam NAAM of "
                "--wijk-erbij WIJK (zie 'kwaliteit organisatie stel-in --help')."
            )
        vorige, nieuw = profieldienst.stel_in(w, velden=velden, erbij=erbij, eraf=eraf)
    _meld(vorige.versie, nieuw.versie)


def _meld(vorige: int, nieuw: int) -> None:
    if nieuw == vorige:
        click.echo(f"Het organisatieprofiel is ongewijzigd (versie {nieuw}).")
    else:
        click.echo(f"Organisatieprofiel versie {nieuw} vastgesteld.")


@app.command()
@click.argument("bestand", metavar="BESTAND", type=click.Path(path_type=Path))
@click.pass_context
def importeer(ctx: click.Context, bestand: Path) -> None:
    """Lees een organisatieprofiel (YAML) in; het vervangt het hele profiel.

    Het bestand wordt eerst helemaal gecontroleerd; elke fout staat er met bestand:regel.
    'kwaliteit organisatie exporteer' schrijft het huidige profiel in dit formaat.

    Voorbeeld: kwaliteit organisatie importeer demo/organisatie-wot-schiedam.yaml
    """
    from kwaliteit import profieldienst

    with eenheid(ctx, schrijven=True) as w:
        vorige, nieuw = profieldienst.importeer(w, bestand)
    _meld(vorige.versie, nieuw.versie)


@app.command()
@click.option(
    "--uit",
    metavar="BESTAND",
    type=click.Path(path_type=Path),
    help="Schrijf naar dit bestand (standaard: het scherm).",
)
@click.pass_context
def exporteer(ctx: click.Context, uit: Path | None) -> None:
    """Schrijf het organisatieprofiel als YAML-bestand, met uitleg bij elk veld.

    Voorbeeld: kwaliteit organisatie exporteer --uit organisatie.yaml
    """
    from kwaliteit import profieldienst

    with eenheid(ctx, schrijven=False) as w:
        tekst = profieldienst.exporteer(w)
    if uit is None:
        click.echo(tekst, nl=False)
        return
    from kwaliteit.bestanden import atomair
    from kwaliteit.cli.gemeen import foutafhandeling

    with foutafhandeling(), atomair(uit) as f:
        f.write(tekst)
    # A file name may hold bytes that are no UTF-8 (surrogates): escaped, not a crash.
    click.echo(
        f"Organisatieprofiel geschreven naar {str(uit).encode('utf-8', 'backslashreplace').decode()}"
    )
