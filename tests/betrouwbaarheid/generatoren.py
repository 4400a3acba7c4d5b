"""Hypothesis strategies for the property-based tests in ``test_eigenschappen.py``.

What is generated: junk values (unicode, empty, very long, option names, broken dates and
numbers), CSV files for ``klacht importeer``, spreadsheets (XLSX and CSV) for ``normen
importeer``, kader files in YAML (valid ones, mutated ones and random YAML), and argument
lists over the real command tree of ``kwaliteit``: read from the Typer app itself, so a new
command or option is covered without changes here.

Every generated case says whether it is *schoon* (clean): built only from valid parts, so the
command must succeed. The tests use that to make sure the properties are not only ever
checked on failing commands.
"""

from __future__ import annotations

import csv
import io
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import yaml
from hypothesis import strategies as st

from klachten.uitwisseling import REGISTRATIEKOLOMMEN
from klachten.velden import VELD
from klachten.waarden import (
    AfzienHoren,
    BeklaagdeSoort,
    Bestemmingssoort,
    Grond98,
    Kanaal,
    Regime,
    StatusFilter,
    Uitkomst,
)
from kwaliteit.bewijs.modellen import Actiestatus, Bevindingsoort, Bewijssoort, Oordeelwaarde
from kwaliteit.organisatie import Profiel

# -- junk -------------------------------------------------------------------------------------

# Values that are no date, or no date the program accepts (years 1900-2999 only).
DATUMROMMEL = (
    "31-02-2023",
    "29-02-2023",
    "0000-00-00",
    "00-00-0000",
    "2023-13-01",
    "2023-00-10",
    "32-01-2023",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
    "0001-01-01",
    "2023/01/01",
    "01.01.2023",
    "20230101",
    "2023-01-01T10:00",
    "٢٠٢٣-٠١-٠١",
    "２０２３-０１-０１",
    "-1",
    "vandaag",
    "14 maart 2023",
)
GETALROMMEL = (
    "-1",
    "0",
    "-0",
    "1e3",
    "1.5",
    "NaN",
    "inf",
    "99999999999999999999",
    "-99999999999999999999",
    "9223372036854775808",
    "0x10",
    "٣",
    " 7 ",
    "+4",
    "",
)
OPTIENAMEN = (
    "--help",
    "-h",
    "--json",
    "--datum",
    "--kader",
    "--norm",
    "--uit",
    "--versie",
    "--door",
    "--",
    "-",
    "--onbekend",
    "-x",
    "--ontvangen=2023-01-01",
)
FORMULES = ("=1+1", "+31 10 123", "-5", "@SUM(A1:A2)", '=HYPERLINK("http://x")', "'=1", "''=1")
BIJZONDER = (
    "",
    " ",
    "\t",
    "\r\n",
    "\u202e",
    "\ufeff",
    "\u200b",
    "a\u0301",
    "ǅ",
    "ß",
    "İ",
    "\x1b[31m",
    "'",
    '"',
    ";",
    ",",
    "Robert'); DROP TABLE klacht;--",
    "<script>alert(1)</script>",
    "${HOME}",
    "%s%n",
)
# argv on Linux is bytes; Python turns bytes that are no UTF-8 into lone surrogates.
SURROGATEN = ("\udcff", "ab\udc80cd", "caf\udce9")

# Text the program should accept where free text is allowed (and that cp1252 can encode).
_VEILIG_ALFABET = string.ascii_letters + string.digits + " éëïöüáàçñ.,&()/"
VEILIGE_TEKST = st.text(_VEILIG_ALFABET, min_size=1, max_size=30).filter(lambda t: t.strip() != "")

# Free unicode text as typed (or pasted): no NUL, which no command line can carry.
_ARGV_TEKEN = st.characters(codec="utf-8", exclude_characters="\x00")


def lang(minimaal: int, maximaal: int) -> st.SearchStrategy[str]:
    """A text of a length around a limit (cheap to generate: a repeated letter)."""
    return st.tuples(st.integers(minimaal, maximaal), st.sampled_from("xéЖ中 ")).map(
        lambda t: "a" + t[1] * (t[0] - 1)
    )


def rommel(*, argv: bool = True) -> st.SearchStrategy[str]:
    """Junk: what a user, a script or a broken spreadsheet may hand over instead of a value."""
    delen: list[st.SearchStrategy[str]] = [
        st.sampled_from(BIJZONDER),
        st.sampled_from(DATUMROMMEL),
        st.sampled_from(GETALROMMEL),
        st.sampled_from(OPTIENAMEN),
        st.sampled_from(FORMULES),
        st.text(_ARGV_TEKEN, max_size=12),
        lang(190, 320),
        st.sampled_from((20_000, 20_001, 70_000)).map(lambda n: "y" * n),
    ]
    if argv:
        delen.append(st.sampled_from(SURROGATEN))
    else:
        delen.append(st.sampled_from(("a\x00b", "\x00", "x\x00" * 3)))
    return st.one_of(*delen)


# -- dates --------------------------------------------------------------------------------


def nl(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def datumtekst(d: date) -> st.SearchStrategy[str]:
    """A date as users type it: jjjj-mm-dd or dd-mm-jjjj, sometimes without leading zeros."""
    return st.sampled_from(
        (d.isoformat(), nl(d), f"{d.day}-{d.month}-{d.year}", f"{d.year}-{d.month}-{d.day}")
    )


def datum_tussen(van: date, tot: date) -> st.SearchStrategy[date]:
    if tot < van:
        tot = van
    return st.integers(0, (tot - van).days).map(lambda n: van + timedelta(days=n))


# -- vocabularies -------------------------------------------------------------------------


def variant(waarde: str) -> st.SearchStrategy[str]:
    """A vocabulary value as people type it: other case, extra spaces around it."""
    return st.sampled_from((waarde, waarde.upper(), waarde.capitalize(), f"  {waarde} "))


def keuze(soort: type[StrEnum] | Sequence[str]) -> st.SearchStrategy[str]:
    waarden = [str(w) for w in soort]
    return st.sampled_from(waarden).flatmap(variant)


# The registration fields whose values come from the organisation profile, and its list.
PROFIELVELDEN: dict[str, str] = {
    v.naam: v.profiellijst for v in VELD.values() if v.profiellijst is not None
}


def profielwaarde(
    profiel: Profiel, veld: str, *, alleen: Callable[[str], bool] | None = None
) -> st.SearchStrategy[str]:
    """A value the profile accepts for ``veld``: one of its list as people type it, or free
    text while the list is empty. ``alleen``: only the list's values it accepts (nothing
    when it accepts none of them)."""
    lijst = profiel.lijst(PROFIELVELDEN[veld])
    if not lijst:
        return VEILIGE_TEKST
    bruikbaar = [w for w in lijst if alleen is None or alleen(w)]
    if not bruikbaar:
        return st.nothing()
    return st.sampled_from(bruikbaar).flatmap(variant)


def opgeslagen(profiel: Profiel, veld: str, getypt: str) -> str:
    """What registration stores for a value ``profielwaarde`` gave: the profile's spelling,
    or (no list) the text with single spaces."""
    sleutel = PROFIELVELDEN[veld]
    if not profiel.lijst(sleutel):
        return " ".join(getypt.split())
    gevonden = profiel.zoek(sleutel, getypt)
    assert gevonden is not None, (veld, getypt)
    return gevonden


KADERS = ("awb-h9", "wmo2015-h3", "sterk-sociaal-werk")
# Refs of awb-h9: norms, a category, and refs that don't exist.
REFS = ("9:6", "9:7", "9:8", "9:11", "9:12", "9:12a", "9.1.1", "9:99", "1.1")

# -- the model's view ------------------------------------------------------------------------


@dataclass
class Klachtbeeld:
    """What the model knows of one complaint."""

    status: str
    ontvangen: date


@dataclass
class Beeld:
    """The model of the database the generators draw valid values from."""

    vandaag: date
    klachten: dict[str, Klachtbeeld] = field(default_factory=dict)
    # The organisation profile in force (empty: a new organisation, the lists free text).
    profiel: Profiel = field(default_factory=Profiel)
    bewijs: int = 0
    bevindingen: int = 0
    acties: int = 0
    kaders: set[str] = field(default_factory=set)

    def hoogste(self) -> dict[int, int]:
        """The highest volgnummer per year."""
        uit: dict[int, int] = {}
        for kenmerk in self.klachten:
            _, jaar, nummer = kenmerk.split("-")
            uit[int(jaar)] = max(uit.get(int(jaar), 0), int(nummer))
        return uit


# Files a command may be pointed at, in the working directory of a run (test_eigenschappen
# makes them). Junk paths never contain a slash, so nothing is read or written elsewhere.
LEESBARE_PADEN = (
    "klachten.csv",
    "leeg.csv",
    "bewijs.pdf",
    "kader.yaml",
    "normen.xlsx",
    "map",
    "bestaat-niet.csv",
    "awb-h9",
    "uit.csv",
    "kader-export.yaml",
    "organisatie.yaml",
    "organisatie-export.yaml",
    "é" * 200,  # 400 bytes: longer than a file name may be
    "caf\udce9.csv",  # a name with a byte that is no UTF-8
)
SCHRIJFPADEN = (
    "uit.csv",
    "export/uit.csv",
    "map",
    "map/bestand.pdf",
    "kader-export.yaml",
    "organisatie-export.yaml",
    ".",
    "é" * 200 + ".csv",
    "caf\udce9.csv",
)


def veilig_pad(tekst: str) -> str:
    """Junk as a path that stays inside the working directory."""
    schoon = tekst.replace("/", "_").replace("\\", "_")
    if schoon and set(schoon) <= {"."} and len(schoon) > 1:
        schoon = "punten"
    return schoon


# -- argument lists over the command tree ------------------------------------------------------

# Groups whose commands are not generated: 'toets' runs pytest-bdd, 'dossier' builds PDFs and
# 'db' manages backups and roles; they have their own suites.
UITGESLOTEN_GROEPEN = frozenset({"toets", "dossier", "db"})


@dataclass(frozen=True)
class Parameter:
    naam: str
    opties: tuple[str, ...]  # empty for an argument
    tweede: tuple[str, ...]  # --officieel of --werkversie/--officieel
    metavar: str
    verplicht: bool
    vlag: bool
    meervoudig: bool


@dataclass(frozen=True)
class Opdrachtvorm:
    pad: tuple[str, ...]
    parameters: tuple[Parameter, ...]


def opdrachtboom(app: Any) -> list[Opdrachtvorm]:
    """Every command of the app with its parameters, read from the Click tree."""
    import click

    uit: list[Opdrachtvorm] = []

    def loop(groep: click.Group, pad: tuple[str, ...]) -> None:
        ctx = click.Context(groep)
        for naam in sorted(groep.list_commands(ctx)):
            if not pad and naam in UITGESLOTEN_GROEPEN:
                continue
            opdracht = groep.get_command(ctx, naam)
            assert opdracht is not None, naam
            if isinstance(opdracht, click.Group):
                loop(opdracht, (*pad, naam))
                continue
            parameters = tuple(
                Parameter(
                    naam=str(p.name),
                    opties=tuple(p.opts) if p.param_type_name == "option" else (),
                    tweede=tuple(getattr(p, "secondary_opts", ())),
                    metavar=str(p.metavar or ""),
                    verplicht=bool(p.required),
                    vlag=bool(getattr(p, "is_flag", False)),
                    meervoudig=bool(getattr(p, "multiple", False)),
                )
                for p in opdracht.params
                if p.name not in ("help",)
            )
            uit.append(Opdrachtvorm((*pad, naam), parameters))

    loop(app, ())
    return uit


# Vocabulary of a choice option, by command and option name (the wijk, team, aanbieder and
# categorie of a klacht come from the organisation profile: see profielwaarde).
_KEUZES: dict[tuple[str, str], type[StrEnum] | tuple[str, ...]] = {
    ("klacht", "kanaal"): Kanaal,
    ("klacht", "regime"): Regime,
    ("klacht", "beklaagde_soort"): BeklaagdeSoort,
    ("klacht", "uitkomst"): Uitkomst,
    ("klacht", "naar_soort"): Bestemmingssoort,
    ("klacht", "grond"): Grond98,
    ("klacht", "afzien"): AfzienHoren,
    ("klacht", "status"): StatusFilter,
    ("klacht", "formaat"): ("excel", "csv"),
    ("normen", "formaat"): ("yaml", "ciso", "csv"),
    ("bewijs", "soort"): Bewijssoort,
    ("bevinding", "soort"): Bevindingsoort,
    ("actie", "status"): Actiestatus,
    ("beoordeel", "oordeel"): Oordeelwaarde,
    ("organisatie", "klachtenregeling__standaard_regime"): Regime,
}


def _kenmerken(voorvoegsel: str, aantal: int) -> st.SearchStrategy[str]:
    return st.integers(1, aantal + 2).flatmap(
        lambda n: st.sampled_from(
            (f"{voorvoegsel}-{n:04d}", f"{voorvoegsel.lower()}-{n}", f" {voorvoegsel}-{n:04d} ")
        )
    )


def klachtkenmerk(beeld: Beeld) -> st.SearchStrategy[str]:
    bekend = sorted(beeld.klachten)
    nieuw = st.sampled_from(("K-2023-0001", "K-2024-0001", "k-2023-1", "K-2023-9999"))
    if not bekend:
        return nieuw
    return st.one_of(st.sampled_from(bekend), st.sampled_from(bekend), nieuw)


def geldige_waarde(pad: tuple[str, ...], p: Parameter, beeld: Beeld) -> st.SearchStrategy[str]:
    """A value the option usually accepts (it may still be refused in context)."""
    groep = pad[0]
    m = p.metavar
    if (groep, p.naam) in _KEUZES:
        return keuze(_KEUZES[(groep, p.naam)])
    if groep == "klacht" and p.naam in PROFIELVELDEN:
        return profielwaarde(beeld.profiel, p.naam)
    if m == "DATUM":
        return datum_tussen(date(2022, 6, 1), beeld.vandaag).flatmap(datumtekst)
    if m == "KENMERK":
        if p.naam == "bevinding":
            return _kenmerken("BV", beeld.bevindingen)
        if p.naam == "klacht" or groep == "klacht":
            return klachtkenmerk(beeld)
        if groep == "actie":
            return _kenmerken("VA", beeld.acties)
        return _kenmerken("B", beeld.bewijs)
    if m == "JAAR":
        return st.integers(2021, 2025).map(str)
    if m == "WEKEN":
        return st.integers(1, 6).map(str)
    if m in ("N", "DAGEN"):
        return st.integers(0, 60).map(str)
    if m in ("KADER", "CODE"):
        return st.sampled_from(KADERS)
    if m == "REF":
        return st.sampled_from(REFS)
    if m in ("V", "VERSIE"):
        return st.sampled_from(("2026-01-01", "werkversie-2026", "1", "2023"))
    if m == "RONDE":
        return st.sampled_from(("2023", "2024", "audit-2025", " 2024 "))
    if m == "GROND":
        return st.sampled_from(("a", "b", "c", "1a", "1b", "2"))
    if m in ("BESTAND", "PAD"):
        if p.naam == "uit":
            return st.sampled_from(SCHRIJFPADEN)
        return st.sampled_from(LEESBARE_PADEN)
    if m == "NAAM" and p.naam == "blad":
        return st.sampled_from(("Normen", "Blad1", "Sheet1"))
    if groep == "organisatie":
        return profielinstelling(p, beeld.profiel)
    return VEILIGE_TEKST


def profielinstelling(p: Parameter, profiel: Profiel) -> st.SearchStrategy[str]:
    """A value for an option of ``organisatie stel-in`` (kwaliteit/cli/organisatie.py)."""
    sleutel, _, deel = p.naam.partition("__")
    if deel in ("erbij", "eraf"):
        bestaand = profiel.lijst(sleutel)
        if deel == "eraf" and bestaand:
            return st.sampled_from(bestaand).flatmap(variant)
        if bestaand:  # adding a value that is there already changes nothing
            return st.one_of(VEILIGE_TEKST, VEILIGE_TEKST, st.sampled_from(bestaand))
        return VEILIGE_TEKST
    if p.metavar == "GETAL":
        return st.one_of(st.integers(0, 12).map(str), st.sampled_from(("wet", "")))
    if p.naam == "standaard_categorie" and profiel.categorieen:
        return st.one_of(st.sampled_from(profiel.categorieen).flatmap(variant), st.just(""))
    return VEILIGE_TEKST


def waarde(pad: tuple[str, ...], p: Parameter, beeld: Beeld) -> st.SearchStrategy[str]:
    """Mostly a valid value, sometimes junk (paths are kept inside the working directory)."""
    junk = rommel()
    if p.metavar in ("BESTAND", "PAD"):
        junk = junk.map(veilig_pad)
    goed = geldige_waarde(pad, p, beeld)
    return st.one_of(goed, goed, goed, junk)


class Opdracht:
    """An argument list with the command it names (pad is () when it names none).

    A plain class, not a dataclass: hypothesis prints a dataclass field by field (a 70 000
    character argument in full), and this class's own short form otherwise.
    """

    __slots__ = ("args", "pad", "soort")

    def __init__(self, pad: tuple[str, ...], args: Sequence[str], soort: str) -> None:
        self.pad = pad
        self.args = tuple(args)
        self.soort = soort  # how it was made: 'geldig', 'gemuteerd', 'boom' or 'rommel'

    def __repr__(self) -> str:  # hypothesis prints this when a property fails
        return f"Opdracht({self.soort}: {' '.join(_citeer(a) for a in self.args)})"


def _citeer(a: str) -> str:
    kort = a if len(a) <= 60 else f"{a[:30]}…({len(a)} tekens)"
    return kort if kort and all(c.isalnum() or c in "-:./_" for c in kort) else repr(kort)


def _door() -> st.SearchStrategy[list[str]]:
    """The root option --door, sometimes, with a name or junk."""
    return st.one_of(
        st.just([]),
        st.just([]),
        st.just([]),
        st.one_of(VEILIGE_TEKST, rommel()).map(lambda w: ["--door", w]),
    )


@st.composite
def boomopdracht(draw: st.DrawFn, vormen: Sequence[Opdrachtvorm], beeld: Beeld) -> Opdracht:
    """Any command of the tree with a random selection of its options, valid or junk."""
    vorm = draw(st.sampled_from(vormen))
    opties: list[list[str]] = []
    argumenten: list[str] = []
    for p in vorm.parameters:
        if not p.opties:
            if not p.verplicht or draw(st.integers(0, 19)) > 0:
                argumenten.append(draw(waarde(vorm.pad, p, beeld)))
            continue
        kans = 18 if p.verplicht else 6
        if draw(st.integers(0, 19)) >= kans:
            continue
        naam = draw(st.sampled_from(p.opties + p.tweede))
        if p.vlag:
            opties.append([naam])
            continue
        for _ in range(draw(st.integers(1, 3)) if p.meervoudig else 1):
            opties.append([naam, draw(waarde(vorm.pad, p, beeld))])
    opties = draw(st.permutations(opties))
    args = [*vorm.pad, *argumenten, *(a for o in opties for a in o)]
    if draw(st.integers(0, 9)) == 0:
        plek = draw(st.integers(len(vorm.pad), len(args)))
        args.insert(plek, draw(st.one_of(st.sampled_from(OPTIENAMEN), rommel()).map(veilig_pad)))
    return Opdracht(vorm.pad, tuple(draw(_door()) + args), "boom")


def _rommeltoken() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(OPTIENAMEN),
        rommel(),
        st.sampled_from(("klacht", "normen", "bewijs", "lijst", "toon", "registreer", "K-2023-1")),
    ).map(veilig_pad)


@st.composite
def rommelopdracht(draw: st.DrawFn, vormen: Sequence[Opdrachtvorm]) -> Opdracht:
    """A list of tokens: a real command prefix (or none) followed by junk."""
    groepen = sorted({v.pad[0] for v in vormen})
    begin: list[str] = draw(
        st.one_of(
            st.just([]),
            st.sampled_from(groepen).map(lambda g: [g]),
            st.sampled_from([list(v.pad) for v in vormen]),
        )
    )
    staart = draw(st.lists(_rommeltoken(), max_size=6))
    args = [a for a in [*begin, *staart] if a != "--database"]
    # Never a group this suite leaves out ('db upgrade' with junk must not run).
    if args and args[0] in UITGESLOTEN_GROEPEN:
        args[0] = "klacht"
    pad = bepaal_pad(args, vormen)
    return Opdracht(pad, tuple(args), "rommel")


def bepaal_pad(args: Sequence[str], vormen: Sequence[Opdrachtvorm]) -> tuple[str, ...]:
    """The command an argument list names, skipping the root option --door."""
    i = 0
    while i < len(args) and args[i] == "--door":
        i += 2
    rest = tuple(args[i:])
    for v in vormen:
        if rest[: len(v.pad)] == v.pad:
            return v.pad
    return ()


# -- valid commands, from the model ----------------------------------------------------------


def _datum_na(beeld: Beeld, van: date) -> st.SearchStrategy[list[str]]:
    """No --datum (today) or a date between ``van`` and today."""
    return st.one_of(
        st.just([]),
        datum_tussen(van, beeld.vandaag).flatmap(datumtekst).map(lambda d: ["--datum", d]),
    )


@st.composite
def _registreer(draw: st.DrawFn, beeld: Beeld) -> list[str]:
    ontvangen = draw(datum_tussen(beeld.vandaag - timedelta(days=400), beeld.vandaag))
    args = [
        "klacht",
        "registreer",
        "--ontvangen",
        draw(datumtekst(ontvangen)),
        "--kanaal",
        draw(keuze(Kanaal)),
        "--omschrijving",
        draw(VEILIGE_TEKST),
    ]
    extra: list[list[str]] = [
        ["--gedraging", draw(datum_tussen(ontvangen - timedelta(days=500), ontvangen).map(nl))],
        ["--wijk", draw(profielwaarde(beeld.profiel, "wijk"))],
        ["--categorie", draw(profielwaarde(beeld.profiel, "categorie"))],
        ["--regime", draw(keuze(Regime))],
        ["--beklaagde", draw(VEILIGE_TEKST)],
        ["--beklaagde-soort", draw(keuze(BeklaagdeSoort))],
        ["--team", draw(profielwaarde(beeld.profiel, "team"))],
        ["--aanbieder", draw(profielwaarde(beeld.profiel, "aanbieder"))],
        ["--klager-naam", draw(VEILIGE_TEKST)],
        ["--klager-contact", draw(VEILIGE_TEKST)],
        ["--adviescommissie"],
    ]
    for optie in draw(st.lists(st.sampled_from(extra), unique_by=lambda o: o[0], max_size=5)):
        args += optie
    return args


_SLUITGEGEVENS: dict[str, Callable[[Beeld, date], st.SearchStrategy[list[str]]]] = {
    "gegrond": lambda b, d: st.just(["--bevindingen", "Gesprek", "--conclusies", "Terecht"]),
    "deels-gegrond": lambda b, d: st.just(
        ["--bevindingen", "Gesprek", "--conclusies", "Deels", "--behandelaar", "teamleider"]
    ),
    "ongegrond": lambda b, d: st.just(["--bevindingen", "Geen", "--conclusies", "Onterecht"]),
    "geen-oordeel": lambda b, d: st.just(["--bevindingen", "Onduidelijk", "--conclusies", "-"]),
    "informeel-opgelost": lambda b, d: st.just(["--tevredenheid", "telefonisch bevestigd"]),
    "doorgestuurd": lambda b, d: datum_tussen(d, b.vandaag).map(
        lambda g: [
            "--naar",
            "GGD Rotterdam",
            "--naar-soort",
            "zorgaanbieder",
            "--klager-geinformeerd",
            nl(g),
        ]
    ),
    "ingetrokken": lambda b, d: st.just(["--wijze", "per e-mail"]),
    "niet-ontvankelijk": lambda b, d: st.just(["--reden", "geen naam en adres (9:4)"]),
    "niet-in-behandeling": lambda b, d: st.sampled_from(("1a", "1c", "2")).map(
        lambda g: ["--grond", g]
    ),
}


@st.composite
def _klachtstap(draw: st.DrawFn, beeld: Beeld) -> list[str]:
    kenmerk = draw(st.sampled_from(sorted(beeld.klachten)))
    k = beeld.klachten[kenmerk]
    if k.status == "gesloten":
        stap = draw(st.sampled_from(("heropen", "ombudsman", "toon", "wijzig", "sluit")))
    else:
        stap = draw(
            st.sampled_from(
                (
                    "bevestig",
                    "afschrift",
                    "hoor",
                    "hoor-afzien",
                    "wijs-toe",
                    "verdaag",
                    "sluit",
                    "sluit",
                    "sluit",
                    "wijzig",
                    "toon",
                )
            )
        )
    datum = draw(_datum_na(beeld, k.ontvangen))
    if stap in ("bevestig", "afschrift", "ombudsman"):
        return ["klacht", stap, kenmerk, *datum]
    if stap == "hoor":
        return ["klacht", "hoor", kenmerk, *datum, "--verslag", "Gesprek met klager"]
    if stap == "hoor-afzien":
        return ["klacht", "hoor", kenmerk, "--afzien", draw(keuze(AfzienHoren))]
    if stap == "wijs-toe":
        return ["klacht", "wijs-toe", kenmerk, "--behandelaar", draw(VEILIGE_TEKST)]
    if stap == "verdaag":
        weken = str(draw(st.integers(1, 4)))
        args = ["klacht", "verdaag", kenmerk, "--weken", weken, "--reden", "verlof", *datum]
        if draw(st.booleans()):
            args += ["--instemming", nl(draw(datum_tussen(k.ontvangen, beeld.vandaag)))]
        return args
    if stap == "sluit":
        uitkomst = draw(st.sampled_from(sorted(_SLUITGEGEVENS)))
        dag = draw(datum_tussen(k.ontvangen, beeld.vandaag))
        gegevens = draw(_SLUITGEGEVENS[uitkomst](beeld, dag))
        return ["klacht", "sluit", kenmerk, "--uitkomst", uitkomst, "--datum", nl(dag), *gegevens]
    if stap == "heropen":
        return ["klacht", "heropen", kenmerk, "--reden", "nieuwe feiten"]
    if stap == "wijzig":
        veld = draw(st.sampled_from(("wijk", "team", "categorie", "aanbieder", "anders")))
        if veld != "anders":
            optie = [f"--{veld}", draw(profielwaarde(beeld.profiel, veld))]
        else:
            optie = draw(
                st.sampled_from(
                    (
                        ["--gedraging", ""],
                        ["--wijk", ""],
                        ["--klager-naam", "A. de Vries"],
                        ["--ontvangen", nl(k.ontvangen)],
                    )
                )
            )
        return ["klacht", "wijzig", kenmerk, *optie]
    return ["klacht", "toon", kenmerk, *draw(st.sampled_from(([], ["--json"], ["--met-klager"])))]


@st.composite
def _overig(draw: st.DrawFn, beeld: Beeld) -> list[str]:
    """A valid command outside the procedure steps: lists, norms, evidence, self-assessment."""
    jaar = str(beeld.vandaag.year)
    bewijs = f"B-{draw(st.integers(1, max(beeld.bewijs, 1))):04d}"
    norm = draw(st.sampled_from(("9:6", "9:7", "9:11", "9:12")))
    keuzes: list[list[str]] = [
        ["klacht", "lijst", *draw(st.sampled_from(([], ["--json"], ["--status", "te-laat"])))],
        ["klacht", "termijnen", "--binnen", str(draw(st.integers(0, 60)))],
        ["klacht", "overzicht", "--jaar", jaar, "--json"],
        ["klacht", "exporteer", "--uit", "uit.csv", "--formaat", draw(keuze(("excel", "csv")))],
        ["klacht", "importeer", draw(st.sampled_from(("klachten.csv", "uit.csv")))],
        ["klacht", "opschonen", *draw(st.sampled_from(([], ["--uitvoeren"])))],
        ["normen", "importeer", draw(st.sampled_from(("awb-h9", "wmo2015-h3", "kader.yaml")))],
        ["normen", "exporteer", "awb-h9", "--uit", "kader-export.yaml"],
        ["normen", "importeer", "kader-export.yaml"],
        ["normen", "lijst", "--json"],
        ["normen", "toon", "awb-h9", "--norm", norm],
        [
            "bewijs",
            "registreer",
            "--titel",
            draw(VEILIGE_TEKST),
            "--soort",
            draw(keuze(Bewijssoort)),
            "--ingangsdatum",
            nl(beeld.vandaag - timedelta(days=30)),
            *draw(st.sampled_from(([], ["--bestand", "bewijs.pdf"]))),
        ],
        ["bewijs", "versie", bewijs, "--ingangsdatum", nl(beeld.vandaag)],
        ["bewijs", "koppel", bewijs, "--kader", "awb-h9", "--norm", norm, "--toelichting", "x"],
        ["bewijs", "ontkoppel", bewijs, "--kader", "awb-h9", "--norm", norm],
        ["bewijs", "toon", bewijs, "--json"],
        ["bewijs", "haal", bewijs, "--uit", "map"],
        ["bewijs", "lijst", "--kader", "awb-h9", "--norm", norm],
        [
            "beoordeel",
            "--kader",
            "awb-h9",
            "--norm",
            norm,
            "--oordeel",
            draw(keuze(Oordeelwaarde)),
            "--toelichting",
            "zie register",
        ],
        [
            "bevinding",
            "registreer",
            "--soort",
            draw(keuze(Bevindingsoort)),
            "--omschrijving",
            "Twee klachten zonder bevestiging",
            *draw(st.sampled_from(([], ["--kader", "awb-h9", "--norm", norm]))),
        ],
        [
            "actie",
            "registreer",
            "--omschrijving",
            "Werkinstructie",
            "--eigenaar",
            "teamleider",
            "--deadline",
            nl(beeld.vandaag + timedelta(days=60)),
            *draw(st.sampled_from(([], ["--kader", "awb-h9", "--norm", norm]))),
            *(
                ["--klacht", draw(st.sampled_from(sorted(beeld.klachten)))]
                if beeld.klachten
                else []
            ),
        ],
        ["actie", "wijzig", "VA-0001", "--status", draw(keuze(Actiestatus))],
        ["actie", "lijst", "--json"],
        ["dekking", "--kader", "awb-h9", "--json"],
        ["audit", "controleer", "--json"],
        ["organisatie", "toon", *draw(st.sampled_from(([], ["--json"])))],
        [
            "organisatie",
            "exporteer",
            *draw(st.sampled_from(([], ["--uit", "organisatie-export.yaml"]))),
        ],
        [
            "organisatie",
            "importeer",
            draw(st.sampled_from(("organisatie.yaml", "organisatie-export.yaml"))),
        ],
        [
            "organisatie",
            "stel-in",
            *draw(
                st.sampled_from(
                    (
                        ["--wijk-erbij", draw(VEILIGE_TEKST)],
                        ["--team-erbij", draw(VEILIGE_TEKST)],
                        ["--aanbieder-erbij", draw(VEILIGE_TEKST)],
                        ["--categorie-erbij", draw(VEILIGE_TEKST)],
                        ["--naam", draw(VEILIGE_TEKST)],
                        [
                            "--klachtenregeling-afhandeltermijn-weken",
                            draw(st.sampled_from(("4", "6", "wet"))),
                        ],
                        ["--klachtenregeling-klachtadviescommissie"],
                        ["--geen-klachtenregeling-klachtadviescommissie"],
                    )
                )
            ),
        ],
    ]
    return draw(st.sampled_from(keuzes))


@st.composite
def _muteer(draw: st.DrawFn, args: list[str]) -> list[str]:
    """One small change that may break a valid command: the way users get it wrong."""
    uit = list(args)
    groepen = ("klacht", "normen", "bewijs", "bevinding", "actie", "audit", "organisatie")
    vast = 2 if uit and uit[0] in groepen else 1
    if len(uit) <= vast:
        return [*uit, draw(_rommeltoken())]
    i = draw(st.integers(vast, len(uit) - 1))
    soort = draw(st.integers(0, 6))
    if soort == 0:  # leave a token out
        del uit[i]
    elif soort == 1:  # junk instead of a value
        uit[i] = draw(rommel().map(veilig_pad))
    elif soort == 2:  # an option name where a value belongs
        uit[i] = draw(st.sampled_from(OPTIENAMEN))
    elif soort == 3:  # an option given twice
        if uit[i].startswith("--") and i + 1 < len(uit):
            uit += [uit[i], draw(rommel().map(veilig_pad))]
        else:
            uit.insert(i, draw(_rommeltoken()))
    elif soort == 4:  # cut off
        uit = uit[:i]
    elif soort == 5:  # a date that does not exist, or a number out of range
        uit[i] = draw(st.one_of(st.sampled_from(DATUMROMMEL), st.sampled_from(GETALROMMEL)))
    else:  # an extra token
        uit.insert(i, draw(_rommeltoken()))
    return uit


@st.composite
def modelopdracht(draw: st.DrawFn, vormen: Sequence[Opdrachtvorm], beeld: Beeld) -> Opdracht:
    """A valid command chosen from the model's state, sometimes with one mutation."""
    bronnen = [_registreer(beeld), _overig(beeld)]
    if beeld.klachten:
        bronnen += [_klachtstap(beeld), _klachtstap(beeld), _klachtstap(beeld)]
    args = draw(st.one_of(*bronnen))
    soort = "geldig"
    if draw(st.integers(0, 9)) < 3:
        args = draw(_muteer(args))
        soort = "gemuteerd"
    args = draw(_door()) + args
    return Opdracht(bepaal_pad(args, vormen), tuple(args), soort)


# -- CSV for klacht importeer ----------------------------------------------------------------

# The importer's own column list: the generator follows it when columns are added.
KLACHTKOLOMMEN = REGISTRATIEKOLOMMEN
VERPLICHTE_KLACHTKOLOMMEN = ("ontvangen", "kanaal", "omschrijving")
EXPORTKOLOMMEN = ("status", "uitkomst", "bewaren_tot", "verdaagd_weken")
# Fields of 'klacht lijst --json' the test compares with what a clean row said.
VERGELEKEN = ("ontvangen", "kanaal", "categorie", "wijk", "aanbieder")


@dataclass
class Csvgeval:
    """A generated CSV file and what a successful import of it must have stored."""

    inhoud: bytes
    beschrijving: str
    schoon: bool  # only valid parts: the import must succeed
    rijen: int | None  # data rows an import adds (None: not known, e.g. garbled bytes)
    verwacht: list[dict[str, Any]]  # per data row: the fields of VERGELEKEN that are known

    def __repr__(self) -> str:
        voorbeeld = self.inhoud[:400]
        return f"Csvgeval({self.beschrijving}, {len(self.inhoud)} bytes: {voorbeeld!r})"


def _kopvariant(kolom: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        (
            kolom,
            kolom.upper(),
            kolom.replace("_", " ").title(),
            kolom.replace("_", "-"),
            f" {kolom} ",
        )
    )


_FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def _zoals_opgeslagen(tekst: str) -> str:
    """What the importer makes of a cell: stripped, one protective apostrophe removed."""
    t = tekst.strip()
    if len(t) > 1 and t[0] == "'" and t.lstrip("'").startswith(_FORMULETEKENS):
        return t[1:]
    return t


def _in_een_cel(codering: str) -> Callable[[str], bool]:
    """Whether a profile value survives a CSV cell: encodable in the file's encoding, and not
    one the importer changes (an apostrophe before a formula character is taken off)."""

    def kan(waarde: str) -> bool:
        try:
            waarde.encode(codering)
        except UnicodeEncodeError:
            return False
        return _zoals_opgeslagen(waarde) == waarde.strip()

    return kan


@st.composite
def _klachtrij(
    draw: st.DrawFn,
    kolommen: Sequence[str],
    vandaag: date,
    excel: bool,
    rommelkans: int,
    profiel: Profiel,
    codering: str,
) -> tuple[dict[str, str], dict[str, Any], bool]:
    """One row: cells per column, the expected fields, and whether it is clean.

    Wijk, team, aanbieder and categorie as the profile allows them (``profielwaarde``); what
    is stored is the profile's spelling, or without a list the text with single spaces.
    """
    ontvangen = draw(datum_tussen(vandaag - timedelta(days=700), vandaag))
    datumvorm = nl if excel else date.isoformat
    kanaal = draw(st.sampled_from([str(k) for k in Kanaal]))
    past = _in_een_cel(codering)

    def uit_profiel(veld: str) -> str | None:
        return draw(st.one_of(st.none(), profielwaarde(profiel, veld, alleen=past)))

    categorie = uit_profiel("categorie")
    wijk = uit_profiel("wijk")
    aanbieder = uit_profiel("aanbieder")
    team = uit_profiel("team")
    cellen: dict[str, str] = {
        "kenmerk": "",
        "ontvangen": datumvorm(ontvangen),
        "kanaal": draw(variant(kanaal)),
        "omschrijving": draw(VEILIGE_TEKST),
        "gedraging": draw(
            st.one_of(
                st.just(""), datum_tussen(ontvangen - timedelta(days=600), ontvangen).map(datumvorm)
            )
        ),
        "beklaagde": draw(st.one_of(st.just(""), VEILIGE_TEKST)),
        "beklaagde_soort": draw(st.one_of(st.just(""), keuze(BeklaagdeSoort))),
        "wijk": wijk or "",
        "team": team or "",
        "aanbieder": aanbieder or "",
        "regime": draw(st.one_of(st.just(""), keuze(Regime))),
        "categorie": categorie or "",
        "adviescommissie": draw(st.sampled_from(("", "ja", "nee", "Ja", "x", "0", "1"))),
        "klager_naam": draw(st.one_of(st.just(""), VEILIGE_TEKST)),
        "klager_contact": draw(st.one_of(st.just(""), VEILIGE_TEKST)),
    }
    standaard = profiel.standaard_categorie or None
    verwacht: dict[str, Any] = {
        "ontvangen": ontvangen.isoformat(),
        "kanaal": kanaal,
        "categorie": (
            opgeslagen(profiel, "categorie", _zoals_opgeslagen(categorie))
            if categorie
            else standaard
        ),
        "wijk": opgeslagen(profiel, "wijk", _zoals_opgeslagen(wijk)) if wijk else None,
        "aanbieder": (
            opgeslagen(profiel, "aanbieder", _zoals_opgeslagen(aanbieder)) if aanbieder else None
        ),
        "jaar": ontvangen.year,
    }
    # A column the file doesn't have leaves the field empty (categorie: its default).
    for veld, leeg in (("categorie", standaard), ("wijk", None), ("aanbieder", None)):
        if veld not in kolommen:
            verwacht[veld] = leeg
    schoon = True
    for kolom in kolommen:
        if kolom in cellen and draw(st.integers(0, 99)) < rommelkans:
            cellen[kolom] = draw(rommel(argv=False))
            schoon = False
            if kolom in verwacht:
                verwacht[kolom] = None  # unknown: the junk may still be accepted
    return cellen, verwacht, schoon


def _andere_cel(kolom: str) -> st.SearchStrategy[str]:
    """Junk in a column the importer does not read (unknown, doubled, from an export).

    An export column is skipped, so its file stays clean: its junk has no line break, which
    the csv module leaves unquoted when the row ends in a bare newline (a carriage return)
    and which would end the row there.
    """
    if kolom == "export":
        return rommel(argv=False).map(lambda t: t.replace("\r", " ").replace("\n", " "))
    return rommel(argv=False)


def _codeer(tekst: str, codering: str) -> bytes:
    if codering == "utf-8-sig":
        return b"\xef\xbb\xbf" + tekst.encode("utf-8")
    return tekst.encode(codering, errors="replace")


@st.composite
def _verminkt(draw: st.DrawFn, inhoud: bytes) -> bytes:
    """Random damage to the bytes: flipped, inserted, removed or cut off."""
    uit = bytearray(inhoud)
    for _ in range(draw(st.integers(1, 4))):
        if not uit:
            break
        i = draw(st.integers(0, len(uit) - 1))
        soort = draw(st.integers(0, 3))
        if soort == 0:
            uit[i] = draw(st.integers(0, 255))
        elif soort == 1:
            uit[i:i] = draw(st.binary(min_size=1, max_size=8))
        elif soort == 2:
            del uit[i : i + draw(st.integers(1, 20))]
        else:
            del uit[i:]
    return bytes(uit)


@st.composite
def klacht_csv(
    draw: st.DrawFn, vandaag: date, hoogste: dict[int, int], profiel: Profiel
) -> Csvgeval:
    """A CSV file for ``klacht importeer``: either dialect, any encoding, sometimes broken;
    its wijken, teams, aanbieders and categories as ``profiel`` (the one in force) allows."""
    excel = draw(st.booleans())
    scheiding = ";" if excel else ","
    if draw(st.integers(0, 9)) == 0:
        scheiding = "," if excel else ";"
    codering = draw(
        st.sampled_from(
            ("utf-8-sig", "cp1252", "utf-8") if excel else ("utf-8", "utf-8", "utf-8-sig")
        )
    )
    if draw(st.integers(0, 29)) == 0:
        codering = "utf-16"
    optioneel = [k for k in KLACHTKOLOMMEN if k not in VERPLICHTE_KLACHTKOLOMMEN]
    kolommen = list(VERPLICHTE_KLACHTKOLOMMEN) + draw(
        st.lists(st.sampled_from(optioneel), unique=True, max_size=len(optioneel))
    )
    kolommen = list(draw(st.permutations(kolommen)))
    rommelkans = draw(st.sampled_from((0, 0, 0, 2, 5, 15)))
    beschrijving = [f"scheiding {scheiding!r}", codering]

    kop = [draw(_kopvariant(k)) for k in kolommen]
    kop_schoon = True
    if draw(st.integers(0, 5)) == 0:
        kop_schoon = False
        soort = draw(st.integers(0, 4))
        if soort == 0:
            i = draw(st.integers(0, len(kop) - 1))
            if kolommen[i] in VERPLICHTE_KLACHTKOLOMMEN:
                beschrijving.append(f"zonder kolom {kolommen[i]}")
            del kop[i], kolommen[i]
        elif soort == 1:
            kop.append(draw(st.sampled_from(("opmerking", "Kolom1", "", "naam"))))
            kolommen.append("?")
        elif soort == 2:
            kop.append(kop[0])
            kolommen.append(kolommen[0])
        elif soort == 3:
            kop.append(draw(st.sampled_from(EXPORTKOLOMMEN)))
            kolommen.append("export")
            kop_schoon = True  # an export column is skipped with a note
        else:
            kop[draw(st.integers(0, len(kop) - 1))] = draw(rommel(argv=False))

    aantal = draw(st.one_of(st.integers(0, 6), st.integers(0, 6), st.just(220)))
    volgend = dict(hoogste)
    regels: list[list[str]] = []
    verwacht: list[dict[str, Any]] = []
    alles_schoon = kop_schoon
    if aantal == 220:  # many rows: the same row over and over, cheap to generate
        cellen, rij_verwacht, schoon = draw(
            _klachtrij(kolommen, vandaag, excel, 0, profiel, codering)
        )
        rijen_bron = [(dict(cellen), dict(rij_verwacht), schoon) for _ in range(aantal)]
        beschrijving.append("220 regels")
    else:
        rijen_bron = [
            draw(_klachtrij(kolommen, vandaag, excel, rommelkans, profiel, codering))
            for _ in range(aantal)
        ]
    for cellen, rij_verwacht, schoon in rijen_bron:
        jaar = rij_verwacht["jaar"]
        volgend[jaar] = volgend.get(jaar, 0) + 1
        if "kenmerk" in kolommen and draw(st.integers(0, 3)) == 0:
            if draw(st.integers(0, 4)) == 0:
                cellen["kenmerk"] = f"K-{jaar}-{volgend[jaar] + 1:04d}"  # a gap
                schoon = False
            else:
                cellen["kenmerk"] = f"K-{jaar}-{volgend[jaar]:04d}"
        regels.append([cellen[k] if k in cellen else draw(_andere_cel(k)) for k in kolommen])
        verwacht.append(rij_verwacht)
        alles_schoon = alles_schoon and schoon

    # Blank rows are skipped by the importer; they don't count.
    lege = draw(st.integers(0, 2))
    for _ in range(lege):
        regels.insert(draw(st.integers(0, len(regels))), ["" for _ in kolommen])

    buffer = io.StringIO()
    ruw = draw(st.integers(0, 14)) == 0  # no quoting at all: separators in text split cells
    if ruw:
        for rij in [kop, *regels]:
            buffer.write(scheiding.join(rij) + "\r\n")
        beschrijving.append("zonder aanhalingstekens")
    else:
        schrijver = csv.writer(
            buffer,
            delimiter=scheiding,
            lineterminator=draw(st.sampled_from(("\r\n", "\n"))),
            quoting=draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL))),
        )
        schrijver.writerow(kop)
        schrijver.writerows(regels)
    tekst = buffer.getvalue()
    if draw(st.integers(0, 9)) == 0:
        tekst = tekst.rstrip("\r\n")  # no newline after the last row
    inhoud = _codeer(tekst, codering)
    verminkt = draw(st.integers(0, 9)) == 0
    if verminkt:
        inhoud = draw(_verminkt(inhoud))
        beschrijving.append("verminkt")

    bekend = not verminkt and not ruw
    if bekend and codering in ("utf-8", "utf-8-sig", "cp1252"):
        # A row counts when a cell is not blank after the trip through the encoding.
        terug = inhoud.decode("utf-8-sig" if codering != "cp1252" else "cp1252", errors="replace")
        rijen: int | None = (
            sum(
                1
                for rij in csv.reader(io.StringIO(terug, newline=""), delimiter=scheiding)
                if any(c.strip() for c in rij)
            )
            - 1
        )
    else:
        rijen = None
    schoon = (
        alles_schoon
        and bekend
        and aantal > 0
        and codering != "utf-16"
        and scheiding == (";" if excel else ",")
    )
    if not schoon:
        verwacht = [{} for _ in verwacht]
    return Csvgeval(inhoud, ", ".join(beschrijving), schoon, rijen if bekend else None, verwacht)


# -- spreadsheets for normen importeer --------------------------------------------------------

NORMKOLOMMEN = ("code", "categorie", "titel", "normtekst", "toelichting", "typisch_bewijs", "tags")
_NORMKOPPEN = {
    "code": ("code", "Code", "ref", "Nr", "normnummer"),
    "categorie": ("categorie", "Categorie", "hoofdstuk", "thema"),
    "titel": ("titel", "Titel", "naam", "onderwerp"),
    "normtekst": ("normtekst", "Norm", "eis", "omschrijving"),
    "toelichting": ("toelichting", "uitleg"),
    "typisch_bewijs": ("typisch_bewijs", "typisch bewijs", "Bewijs"),
    "tags": ("tags", "labels"),
}


@dataclass
class Bladgeval:
    """A spreadsheet with the options of 'normen importeer/controleer'."""

    naam: str  # file name with extension
    inhoud: bytes
    opties: list[str]
    beschrijving: str
    schoon: bool
    normen: int | None  # norms (and categories) a successful import adds, when known

    def __repr__(self) -> str:
        return (
            f"Bladgeval({self.naam}, {self.beschrijving}, opties {self.opties!r}, "
            f"{len(self.inhoud)} bytes)"
        )


@st.composite
def _normrijen(draw: st.DrawFn) -> tuple[list[dict[str, str]], int]:
    """Rows of a valid form: categories with norms under them; and the number of norms."""
    rijen: list[dict[str, str]] = []
    automatisch: set[str] = set()
    for c in range(1, draw(st.integers(1, 3)) + 1):
        categorie = {"code": str(c), "titel": f"Categorie {c}"}
        soort = draw(st.sampled_from(("rij", "rij", "naam")))
        if soort == "rij":
            rijen.append(categorie)
        for n in range(1, draw(st.integers(1, 3)) + 1):
            norm = {
                "code": f"{c}.{n}",
                "titel": draw(VEILIGE_TEKST),
                "normtekst": draw(VEILIGE_TEKST),
            }
            if soort == "naam":
                norm["categorie"] = f"Thema {c}"
                automatisch.add(norm["categorie"])
            else:
                norm["categorie"] = draw(st.sampled_from((categorie["code"], categorie["titel"])))
            if draw(st.booleans()):
                norm["toelichting"] = draw(VEILIGE_TEKST)
            if draw(st.booleans()):
                norm["typisch_bewijs"] = "Verslag; Register"
            if draw(st.booleans()):
                norm["tags"] = "klachten, kwaliteit"
            rijen.append(norm)
    return rijen, len(rijen) + len(automatisch)


@st.composite
def normen_spreadsheet(draw: st.DrawFn) -> Bladgeval:
    """A form typed over into XLSX or CSV, with kader options; sometimes broken."""
    soort = draw(st.sampled_from(("xlsx", "xlsx", "csv")))
    rijen, aantal = draw(_normrijen())
    # Half of the cases are left intact: those must load (the other half gets damage).
    heel = draw(st.booleans())
    schoon = True
    beschrijving = [soort]

    # Damage to the rows.
    if not heel and draw(st.integers(0, 2)) == 0:
        schoon = False
        i = draw(st.integers(0, len(rijen) - 1))
        schade = draw(st.integers(0, 6))
        kolom = draw(st.sampled_from(NORMKOLOMMEN))
        if schade == 0:
            rijen[i][kolom] = draw(rommel(argv=False))
        elif schade == 1:
            rijen.append(dict(rijen[i]))  # a code twice
        elif schade == 2:
            rijen[i].pop(draw(st.sampled_from(("code", "titel", "normtekst"))), None)
        elif schade == 3:
            rijen[i]["categorie"] = rijen[-1]["code"]  # a category below its norms
        elif schade == 4:
            rijen[i]["tags"] = draw(st.sampled_from(("Hoofdletters", "a b;c", "-x", "ü")))
        elif schade == 5:
            rijen[i]["code"] = "c" * draw(st.integers(59, 70))
        else:
            rijen[i]["titel"] = "t" * draw(st.integers(499, 520))
        beschrijving.append(f"schade {schade} in {kolom}")

    kolommen = list(NORMKOLOMMEN)
    if draw(st.integers(0, 4)) == 0:
        kolommen = list(draw(st.permutations(kolommen)))
    kop = [draw(st.sampled_from(_NORMKOPPEN[k])) for k in kolommen]
    extra_kolom = draw(st.integers(0, 5)) == 0
    if extra_kolom:
        kop.append("Opmerkingen")  # ignored, with a note
    if not heel and draw(st.integers(0, 9)) == 0:
        schoon = False
        weg = draw(st.sampled_from(("code", "titel")))
        i = kolommen.index(weg)
        del kolommen[i], kop[i]
        beschrijving.append(f"zonder kolom {weg}")
    tabel = [kop] + [
        [r.get(k, "") for k in kolommen] + (["vrij"] if extra_kolom else []) for r in rijen
    ]
    if draw(st.integers(0, 4)) == 0:
        tabel.insert(0, ["Zelfevaluatieformulier"])  # a title above the header
        tabel.insert(1, [])

    # The kader's own data, as options.
    opties: list[str] = []
    gegevens: list[tuple[str, st.SearchStrategy[str]]] = [
        ("--kader", st.sampled_from(("eigen-kader", "ssw-2027", "kader1"))),
        ("--naam", VEILIGE_TEKST),
        ("--versie", st.sampled_from(("2027", "1.0", "werk 3"))),
        ("--geldig-van", st.sampled_from(("01-01-2027", "2026-07-01"))),
    ]
    for optie, goed in gegevens:
        keus = draw(st.integers(0, 9)) if not heel else 9
        if keus == 0:
            schoon = False
            beschrijving.append(f"zonder {optie}")
            continue
        if keus == 1:
            schoon = False
            opties += [optie, draw(rommel())]
            continue
        opties += [optie, draw(goed)]
    for optie, goed in (
        ("--geldig-tot", st.just("31-12-2030")),
        ("--bron", VEILIGE_TEKST),
        ("--licentie", VEILIGE_TEKST),
    ):
        keus = draw(st.integers(0, 9))
        if keus < 2:
            opties += [optie, draw(goed)]
        elif keus == 2 and not heel:
            schoon = False
            opties += [optie, draw(rommel())]
    if draw(st.booleans()):
        opties.append(draw(st.sampled_from(("--werkversie", "--officieel"))))

    naam = f"formulier.{soort}"
    if soort == "xlsx":
        inhoud, blad_opties, blad_schoon = draw(_xlsx(tabel, heel))
        opties += blad_opties
        schoon = schoon and blad_schoon
    else:
        inhoud = draw(_normen_csv(tabel))
        if not heel and draw(st.integers(0, 9)) == 0:
            opties += ["--blad", "Normen"]  # --blad belongs to a workbook
            schoon = False
    if not heel and draw(st.integers(0, 6)) == 0:
        schoon = False
        inhoud = draw(_verminkt(inhoud))
        beschrijving.append("verminkt")
    if not heel and draw(st.integers(0, 9)) == 0:
        schoon = False
        naam = draw(
            st.sampled_from(("formulier.xls", "formulier.ods", "formulier", "f.XLSX", "f.txt"))
        )
        beschrijving.append(f"als {naam}")
    return Bladgeval(
        naam, inhoud, opties, ", ".join(beschrijving), schoon, aantal if schoon else None
    )


@st.composite
def _normen_csv(draw: st.DrawFn, tabel: list[list[str]]) -> bytes:
    scheiding = draw(st.sampled_from((";", ",")))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding, lineterminator="\r\n").writerows(tabel)
    return _codeer(buffer.getvalue(), draw(st.sampled_from(("utf-8-sig", "utf-8", "cp1252"))))


@st.composite
def _xlsx(draw: st.DrawFn, tabel: list[list[str]], heel: bool) -> tuple[bytes, list[str], bool]:
    """A workbook with the table on a sheet; cells sometimes as numbers, dates or formulas."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    werkmap = Workbook()
    blad = werkmap.active
    assert blad is not None
    opties: list[str] = []
    schoon = True
    if draw(st.integers(0, 5)) == 0:
        blad.title = "Toelichting"
        blad.append(["Dit blad is geen formulier"])
        blad = werkmap.create_sheet("Normen")
        keus = draw(st.integers(0, 3)) if not heel else 3
        if keus == 0:
            schoon = False  # the first sheet is read, and it has no norms
        elif keus == 1:
            opties = ["--blad", "Bestaat niet"]
            schoon = False
        else:
            opties = ["--blad", "Normen"]
    else:
        blad.title = draw(st.sampled_from(("Normen", "Blad1", "Sheet1")))
    for rij in tabel:
        cellen: list[Any] = []
        for cel in rij:
            waarde: Any = ILLEGAL_CHARACTERS_RE.sub("", cel)
            keus = draw(st.integers(0, 29)) if not heel else 29
            if keus == 0 and waarde.isdigit():
                waarde = int(waarde)  # a code typed as a number
            elif keus == 1 and waarde and not waarde.startswith("="):
                schoon = False
                waarde = draw(
                    st.sampled_from(("=A1", "=1/0", 3.5, date(2023, 1, 1), True, "=SUM(B1:B3)"))
                )
            cellen.append(waarde)
        blad.append(cellen)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue(), opties, schoon


# -- kader YAML ----------------------------------------------------------------------------------


@dataclass
class Kadergeval:
    """A kader file for 'normen controleer' and 'normen importeer'."""

    inhoud: bytes
    beschrijving: str
    schoon: bool
    normen: int | None

    def __repr__(self) -> str:
        return f"Kadergeval({self.beschrijving}, {len(self.inhoud)} bytes: {self.inhoud[:600]!r})"


_CODE = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,12}[a-z0-9]\Z")


@st.composite
def geldig_kader(draw: st.DrawFn) -> dict[str, Any]:
    """A valid kader as data (the structure of normen/kaders/FORMAAT.md)."""
    van = draw(datum_tussen(date(2020, 1, 1), date(2030, 12, 31)))
    kader: dict[str, Any] = {
        "formaat": "kwaliteit-kader/1",
        "kader": draw(_CODE),
        "naam": draw(VEILIGE_TEKST),
        "versie": draw(st.sampled_from(("1", "2024-01-01", "werkversie-2026", "v 2.0"))),
        "geldig_van": van.isoformat(),
        "geldig_tot": draw(
            st.one_of(st.none(), datum_tussen(van, date(2035, 1, 1)).map(date.isoformat))
        ),
        "bron": draw(VEILIGE_TEKST),
        "publicatiedatum": draw(st.one_of(st.none(), st.just("2023-12-20"))),
        "licentie": draw(VEILIGE_TEKST),
        "werkversie": draw(st.booleans()),
        "toelichting": draw(st.one_of(st.none(), VEILIGE_TEKST)),
        "schaal": draw(
            st.lists(
                st.sampled_from(("voldoet", "voldoet-deels", "voldoet-niet", "nvt")),
                unique=True,
                min_size=1,
            )
        ),
        "normen": [],
    }
    for c in range(1, draw(st.integers(1, 3)) + 1):
        kader["normen"].append({"ref": f"H{c}", "titel": f"Hoofdstuk {c}", "beoordeelbaar": False})
        for n in range(1, draw(st.integers(1, 3)) + 1):
            norm: dict[str, Any] = {
                "ref": f"{c}.{n}",
                "ouder": f"H{c}",
                "beoordeelbaar": True,
                "titel": draw(VEILIGE_TEKST),
                "normtekst": draw(VEILIGE_TEKST),
            }
            if draw(st.booleans()):
                norm["typisch_bewijs"] = ["Verslag", "Register"]
            if draw(st.booleans()):
                norm["tags"] = ["klachten"]
            kader["normen"].append(norm)
    for sleutel in ("geldig_tot", "publicatiedatum", "toelichting"):
        if kader[sleutel] is None and draw(st.booleans()):
            del kader[sleutel]
    return kader


def yaml_waarden() -> st.SearchStrategy[Any]:
    """Random YAML data: scalars, lists and mappings, nested."""
    scalair = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=15),
        st.dates().map(date.isoformat),
        st.sampled_from(("kwaliteit-kader/1", "voldoet", "9:6", "1.10", "ja", "no", "~")),
    )
    return st.recursive(
        scalair,
        lambda kind: st.one_of(
            st.lists(kind, max_size=4),
            st.dictionaries(
                st.one_of(
                    st.text(max_size=10), st.sampled_from(("ref", "titel", "normen", "kader"))
                ),
                kind,
                max_size=4,
            ),
        ),
        max_leaves=20,
    )


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80)


_KADERSLEUTELS = (
    "formaat",
    "kader",
    "naam",
    "versie",
    "geldig_van",
    "geldig_tot",
    "bron",
    "licentie",
    "werkversie",
    "schaal",
    "normen",
)
_NORMSLEUTELS = ("ref", "ouder", "beoordeelbaar", "titel", "normtekst", "tags", "typisch_bewijs")


@st.composite
def _muteer_kader(draw: st.DrawFn, kader: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """One change to the data of a valid kader that is near the edge of what is allowed."""
    soort = draw(st.integers(0, 9))
    normen: list[dict[str, Any]] = kader["normen"]
    i = draw(st.integers(0, len(normen) - 1))
    if soort == 0:
        sleutel = draw(st.sampled_from(_KADERSLEUTELS))
        kader.pop(sleutel, None)
        return kader, f"zonder {sleutel}"
    if soort == 1:
        sleutel = draw(st.sampled_from(_KADERSLEUTELS))
        kader[sleutel] = draw(yaml_waarden())
        return kader, f"{sleutel} willekeurig"
    if soort == 2:
        sleutel = draw(st.sampled_from(_NORMSLEUTELS))
        normen[i][sleutel] = draw(st.one_of(yaml_waarden(), rommel(argv=False)))
        return kader, f"norm {i}.{sleutel} willekeurig"
    if soort == 3:
        normen[i].pop(draw(st.sampled_from(("ref", "titel", "normtekst"))), None)
        return kader, f"norm {i} mist een veld"
    if soort == 4:
        normen.append(dict(normen[i]))
        return kader, "ref dubbel"
    if soort == 5:
        normen[i]["ouder"] = draw(
            st.sampled_from((normen[-1]["ref"], "bestaat-niet", normen[i]["ref"]))
        )
        return kader, "ouder later, onbekend of zichzelf"
    if soort == 6:
        sleutel = draw(st.sampled_from(("geldig_van", "geldig_tot", "publicatiedatum")))
        kader[sleutel] = draw(st.sampled_from(DATUMROMMEL))
        return kader, f"{sleutel} geen datum"
    if soort == 7:
        kader[draw(st.sampled_from(("onbekend", "Kader", "normen ")))] = "x"
        return kader, "onbekende sleutel"
    if soort == 8:
        veld = draw(st.sampled_from(("naam", "versie", "titel", "ref")))
        doel = normen[i] if veld in ("titel", "ref") else kader
        doel[veld] = draw(lang(55, 520))
        return kader, f"{veld} lang"
    kader["geldig_tot"] = "2019-12-31"
    kader["geldig_van"] = "2020-01-01"
    return kader, "geldig_tot voor geldig_van"


@st.composite
def _muteer_tekst(draw: st.DrawFn, tekst: str) -> tuple[str, str]:
    """Damage at the level of the text: the YAML itself breaks, or changes meaning."""
    regels = tekst.split("\n")
    i = draw(st.integers(0, max(len(regels) - 1, 0)))
    soort = draw(st.integers(0, 6))
    if soort == 0:
        del regels[i]
        return "\n".join(regels), f"regel {i + 1} weg"
    if soort == 1:
        regels.insert(i, regels[i])
        return "\n".join(regels), f"regel {i + 1} dubbel"
    if soort == 2:
        regels[i] = "\t" + regels[i]
        return "\n".join(regels), f"tab op regel {i + 1}"
    if soort == 3:
        plek = draw(st.integers(0, len(tekst)))
        teken = draw(
            st.sampled_from(
                (":", '"', "'", "[", "{", "&", "*", "!", "%", "@", "`", "\x00", "\ufeff")
            )
        )
        return tekst[:plek] + teken + tekst[plek:], f"{teken!r} ingevoegd"
    if soort == 4:
        return tekst[: draw(st.integers(0, len(tekst)))], "afgekapt"
    if soort == 5:
        regels[i] = " " + regels[i]
        return "\n".join(regels), f"inspringing regel {i + 1}"
    return tekst + "\n---\nkader: tweede\n", "twee documenten"


# YAML that makes a naive reader loop or recurse: aliases and deep nesting.
VERRAADSE_YAML = (
    "normen: &n [*n]\n",
    "a: &a [*a]\n",
    "formaat: kwaliteit-kader/1\nnormen:\n  - &x {ref: a, titel: *x}\n",
    "x0: &a0 [k, k]\n"
    + "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 4)}]\n" for i in range(1, 7)),
    "[" * 600 + "]" * 600,
    "normen: " + "{a: " * 400 + "1" + "}" * 400 + "\n",
    "- " * 1000 + "x\n",
    "!!python/object/apply:os.system ['echo gevaarlijk']\n",
    "kader: !!binary aGVsbG8=\n",
    "%YAML 1.1\n---\nkader: x\n",
    "? [a, b]\n: c\n",
    "kader: 0o17\nversie: 1_000\ngeldig_van: 2023-01-01 10:00:00\n",
)


@st.composite
def kaderbestand(draw: st.DrawFn) -> Kadergeval:
    """A kader file: valid, near-valid (one mutation), random YAML, or treacherous YAML."""
    soort = draw(
        st.sampled_from(
            ("geldig", "geldig", "data", "data", "tekst", "tekst", "willekeurig", "verraderlijk")
        )
    )
    if soort == "willekeurig":
        data = draw(yaml_waarden())
        tekst = _dump(data) if draw(st.booleans()) else draw(st.text(max_size=200))
        return Kadergeval(_codeer(tekst, "utf-8"), "willekeurige YAML", False, None)
    if soort == "verraderlijk":
        tekst = draw(st.sampled_from(VERRAADSE_YAML))
        return Kadergeval(tekst.encode(), "verraderlijke YAML", False, None)
    kader = draw(geldig_kader())
    aantal = len(kader["normen"])
    beschrijving = soort
    schoon = soort == "geldig"
    if soort == "data":
        kader, wat = draw(_muteer_kader(kader))
        beschrijving += f": {wat}"
    tekst = _dump(kader)
    if soort == "tekst":
        tekst, wat = draw(_muteer_tekst(tekst))
        beschrijving += f": {wat}"
    codering = draw(st.sampled_from(("utf-8",) * 5 + ("utf-8-sig", "cp1252", "utf-16")))
    if codering in ("cp1252", "utf-16") and not tekst.isascii():
        schoon = False
    if codering == "utf-16":
        schoon = False
    beschrijving += f", {codering}"
    return Kadergeval(_codeer(tekst, codering), beschrijving, schoon, aantal if schoon else None)
