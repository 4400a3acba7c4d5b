"""``kwaliteit toets``: run the coverage features with pytest-bdd against the live database.

Per norm in scope exactly one state:
- ``gedekt``: every scenario for the norm passed;
- ``niet-gedekt``: a scenario failed (with the failing step and the records);
- ``overgeslagen``: a scenario was skipped, has an undefined step or could not be run
  because of an error in its feature file — never counted as passed;
- ``ongetoetst``: no scenario checks the norm.

Errors in the feature files themselves (``Featurefout``) are reported on their own,
always and with file:line, whatever the state of the norms: a Gherkin syntax error
(the file is not run), a bad or unknown tag (the scenario is not run) and every step
that the step library does not define (found before the run, in every scenario of
every file, also those outside ``--kader``). A norm such an error bears on is never
``gedekt``.

The run happens in-process (``pytest.main``) inside the caller's unit of work: the
fixture ``werk`` of the steps is a read-only view of that same ``Werkeenheid``, so the
checks read exactly what the run is stored with, through the same session and
transaction; no second connection is opened.

Imported only by the ``toets`` command: pytest and pytest-bdd are heavy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kwaliteit.audit import AuditLog
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import Fout, InvoerFout

if TYPE_CHECKING:
    from pytest_bdd.parser import Step
    from pytest_bdd.steps import StepFunctionContext
    from sqlalchemy.orm import Session

NORMTAG = "norm:"
STATUSSEN = ("gedekt", "niet-gedekt", "overgeslagen", "ongetoetst")
# The kinds of Featurefout; the first two make the feature files invalid input.
ONGELDIG = ("gherkin", "tag")
SOORTEN = (*ONGELDIG, "stap")
STAP_NIET_GEDEFINIEERD = "stap niet gedefinieerd"

Voortgang = Callable[[int, int | None], None]


@dataclass
class Scenarioresultaat:
    feature: str
    naam: str
    regel: int
    normen: list[str]
    status: str = "overgeslagen"  # geslaagd | mislukt | overgeslagen
    soort: str | None = field(default=None, repr=False)  # of the error a step raised
    stap: str | None = None
    plaats: str | None = None
    melding: str | None = None
    records: list[str] = field(default_factory=list)


@dataclass
class Normresultaat:
    kader: str
    ref: str
    titel: str
    status: str
    scenarios: list[str] = field(default_factory=list)
    toelichting: list[str] = field(default_factory=list)


@dataclass
class Featurefout:
    """An error in a feature file: ``soort`` gherkin (syntax), tag or stap (undefined)."""

    pad: str  # as shown: features/dekking/... for the shipped files, else as found
    regel: int | None
    soort: str
    melding: str
    normen: list[str] = field(default_factory=list)  # kader/ref the error bears on

    @property
    def plaats(self) -> str:
        return f"{self.pad}:{self.regel}" if self.regel else self.pad

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}"


@dataclass
class Toetsrapport:
    peildatum: date
    kader: str | None
    features: list[dict[str, str]]
    scenarios: list[Scenarioresultaat]
    normen: list[Normresultaat]
    featurefouten: list[Featurefout] = field(default_factory=list)

    @property
    def samenvatting(self) -> dict[str, int]:
        uit = dict.fromkeys(STATUSSEN, 0)
        for n in self.normen:
            uit[n.status] += 1
        return uit

    @property
    def geslaagd(self) -> bool:
        return (
            bool(self.normen)
            and all(n.status == "gedekt" for n in self.normen)
            and not self.featurefouten
        )

    @property
    def ongeldige_invoer(self) -> bool:
        """A syntax error or a bad tag: the feature files are not valid input (exit 2)."""
        return any(f.soort in ONGELDIG for f in self.featurefouten)

    def als_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "kader": self.kader,
            "geslaagd": self.geslaagd,
            "samenvatting": self.samenvatting,
            "normen": [asdict(n) for n in self.normen],
            "scenarios": [_scenario_dict(s) for s in self.scenarios],
            "features": [{"pad": f["pad"], "sha256": f["sha256"]} for f in self.features],
            "featurefouten": [asdict(f) for f in self.featurefouten],
        }


def _scenario_dict(s: Scenarioresultaat) -> dict[str, Any]:
    uit = asdict(s)
    del uit["soort"]
    return uit


# -- finding and checking the feature files ---------------------------------------------


def standaardmap() -> Path:
    """The coverage features shipped with kwaliteit (``features/dekking``).

    Installed as ``kwaliteit.features`` (pyproject.toml, ``package-dir``).
    """
    return Path(str(resources.files("kwaliteit.features") / "dekking"))


def featurebestanden(mappen: list[Path]) -> list[Path]:
    bestanden: list[Path] = []
    for map_ in mappen:
        if not map_.exists():
            raise InvoerFout(f"De map {map_} bestaat niet.")
        if map_.is_file():
            if map_.suffix != ".feature":
                raise InvoerFout(f"{map_} is geen .feature-bestand.")
            bestanden.append(map_.resolve())
            continue
        gevonden = sorted(p.resolve() for p in map_.rglob("*.feature"))
        if not gevonden:
            raise InvoerFout(f"De map {map_} bevat geen .feature-bestanden.")
        bestanden.extend(gevonden)
    return list(dict.fromkeys(bestanden))


@dataclass(frozen=True)
class Geplandscenario:
    feature: Path
    naam: str
    regel: int
    normen: tuple[str, ...]


@dataclass
class Featureplan:
    """What ``lees_features`` found: the scenarios, the errors, what can be run."""

    gepland: list[Geplandscenario]
    fouten: list[Featurefout]
    uitvoerbaar: list[Path]  # the files that parsed
    uitgesloten: set[tuple[Path, int]]  # scenarios (file, line) not to run: a bad tag


_NORMTAG_IN_TEKST = re.compile(r"(?:^|\s)@" + re.escape(NORMTAG) + r"(\S+)")


def _normtags_in_tekst(pad: Path) -> list[str]:
    """The @norm tags of a file that does not parse, read from its lines as they stand."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    gevonden: list[str] = []
    for regel in tekst.splitlines():
        if regel.lstrip().startswith("@"):
            gevonden += _NORMTAG_IN_TEKST.findall(regel)
    return list(dict.fromkeys(gevonden))


def _stapbibliotheek() -> list[StepFunctionContext]:
    """The step definitions of ``kwaliteit.toetsing.stappen``: the only steps a run knows."""
    from pytest_bdd.steps import step_function_context_registry

    import kwaliteit.toetsing.stappen as stappen

    return [
        c
        for c in list(step_function_context_registry.values())
        if getattr(c.step_func, "__module__", None) == stappen.__name__
    ]


def _gedefinieerd(stap: Step, bibliotheek: list[StepFunctionContext]) -> bool:
    """As pytest-bdd looks a step up: the same type (given/when/then) and a matching parser."""
    return any(
        (c.type is None or c.type == stap.type) and c.parser.is_matching(stap.name)
        for c in bibliotheek
    )


def lees_features(bestanden: list[Path]) -> Featureplan:
    """Parse every file and check its tags and steps; every error is collected, none raised."""
    from pytest_bdd.exceptions import GherkinParseError
    from pytest_bdd.parser import FeatureParser

    bibliotheek = _stapbibliotheek()
    fouten: list[Featurefout] = []
    gepland: list[Geplandscenario] = []
    uitvoerbaar: list[Path] = []
    uitgesloten: set[tuple[Path, int]] = set()
    for pad in bestanden:
        toon = _weergave(pad)
        try:
            feature = FeatureParser(str(pad.parent), pad.name).parse()
        except GherkinParseError as e:
            fouten.append(
                Featurefout(
                    toon,
                    getattr(e, "line", None) or None,
                    "gherkin",
                    "geen geldige Gherkin: deze regel hoort hier niet (verwacht een tag, "
                    "Scenario, Abstract Scenario, Voorbeelden of een stap met Gegeven, Als, "
                    "Dan, En of Maar; en '# language: nl' bovenaan)",
                    _normtags_in_tekst(pad),
                )
            )
            continue
        except Exception as e:  # the gherkin parser raises its own error types
            fouten.append(
                Featurefout(
                    toon,
                    None,
                    "gherkin",
                    f"geen geldige Gherkin ({_eerste_regel(e)})",
                    _normtags_in_tekst(pad),
                )
            )
            continue
        uitvoerbaar.append(pad)
        if not feature.scenarios:
            fouten.append(
                Featurefout(
                    toon, feature.line_number, "gherkin", "de feature heeft geen scenario's"
                )
            )
        onbekende_stappen: dict[int, Featurefout] = {}
        for s in feature.scenarios.values():
            tags = sorted(s.tags | feature.tags)
            vreemd = [t for t in tags if not t.startswith(NORMTAG)]
            normen = tuple(t[len(NORMTAG) :] for t in tags if t.startswith(NORMTAG))
            goed = [n for n in normen if _welgevormd(n)]
            tagfouten: list[str] = []
            if vreemd:
                tagfouten.append(
                    f"onbekende tag(s) {', '.join('@' + t for t in vreemd)}; "
                    "gebruik @norm:<kader>/<ref>, bijvoorbeeld @norm:awb-h9/9:11"
                )
            if not normen:
                tagfouten.append(
                    f"scenario '{s.name}' heeft geen @norm:<kader>/<ref>-tag; "
                    "een scenario dat geen norm toetst telt nergens mee"
                )
            tagfouten += [
                f"tag '@norm:{n}' mist kader of ref; gebruik @norm:<kader>/<ref>"
                for n in normen
                if not _welgevormd(n)
            ]
            for melding in tagfouten:
                fouten.append(Featurefout(toon, s.line_number, "tag", melding, list(goed)))
            if tagfouten:
                uitgesloten.add((pad, s.line_number))
            for stap in _stappen(s):
                if _gedefinieerd(stap, bibliotheek):
                    continue
                bestaand = onbekende_stappen.get(stap.line_number)
                if bestaand is None:
                    onbekende_stappen[stap.line_number] = Featurefout(
                        toon,
                        stap.line_number,
                        "stap",
                        f"{STAP_NIET_GEDEFINIEERD}: '{stap.keyword} {stap.name}'",
                        list(goed),
                    )
                else:  # a background step, in every scenario of the file
                    bestaand.normen += [n for n in goed if n not in bestaand.normen]
            gepland.append(Geplandscenario(pad, s.name, s.line_number, normen))
        fouten += sorted(onbekende_stappen.values(), key=lambda f: f.regel or 0)
    return Featureplan(gepland, fouten, uitvoerbaar, uitgesloten)


def _welgevormd(norm: str) -> bool:
    kader, _, ref = norm.partition("/")
    return bool(kader and ref)


def _stappen(s: Any) -> list[Step]:
    """The steps of a scenario (with its background), each example of an outline rendered."""
    contexten = [c for voorbeelden in s.examples for c in voorbeelden.as_contexts()]
    if not contexten:
        return list(s.steps)
    return [stap for c in contexten for stap in s.render(c).steps]


def _eerste_regel(e: BaseException) -> str:
    tekst = str(e).strip()
    return tekst.splitlines()[0] if tekst else type(e).__name__


# -- running -------------------------------------------------------------------------------


class _GeenAudit(AuditLog):
    """The audit log the steps see: a check records nothing."""

    def leg_vast(self, *args: Any, **kwargs: Any) -> None:
        raise Fout(
            "Een toetsstap probeerde iets vast te leggen in het auditspoor; toetsen leest alleen."
        )


@contextmanager
def _alleen_lezen(sessie: Session) -> Iterator[None]:
    """While the steps run, the session refuses every change (they only read)."""
    from sqlalchemy import event

    def weiger(*_: Any) -> None:
        raise Fout("Een toetsstap probeerde de database te wijzigen; toetsen leest alleen.")

    def alleen_select(state: Any) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            weiger()

    event.listen(sessie, "before_flush", weiger)
    event.listen(sessie, "do_orm_execute", alleen_select)
    try:
        yield
    finally:
        event.remove(sessie, "do_orm_execute", alleen_select)
        event.remove(sessie, "before_flush", weiger)
    if sessie.new or sessie.dirty or sessie.deleted:
        weiger()


class _Verzamelaar:
    """A pytest plugin: provides the fixtures on the caller's unit of work, records results."""

    def __init__(
        self,
        werk: Werkeenheid,
        peildatum: date,
        binnen_bereik: set[str],
        uitgesloten: set[tuple[Path, int]],
        voortgang: Voortgang | None,
    ) -> None:
        self._werk = werk
        self.datum = peildatum
        self.binnen_bereik = binnen_bereik
        self.uitgesloten = {(str(p), r) for p, r in uitgesloten}
        self.voortgang = voortgang
        self.per_item: dict[str, Scenarioresultaat] = {}
        self.fouten: list[str] = []
        self._klaar = 0

    # fixtures ---------------------------------------------------------------------------
    @pytest.fixture(scope="session")
    def werk(self) -> Werkeenheid:
        """A read-only view of the command's unit of work: one consistent view for the run."""
        w = self._werk
        return Werkeenheid(
            w.sessie, _GeenAudit(w.sessie, w.door, w.audit.tijdstip), w.door, w.vandaag
        )

    @pytest.fixture(scope="session")
    def peildatum(self) -> date:
        return self.datum

    # hooks ------------------------------------------------------------------------------
    def pytest_bdd_apply_tag(self, tag: str, function: Any) -> bool:
        return True  # norm tags are data, not pytest markers

    def pytest_collection_modifyitems(self, config: Any, items: list[Any]) -> None:
        from pytest_bdd.scenario import scenario_wrapper_template_registry

        gekozen, weg = [], []
        for item in items:
            functie = getattr(item, "obj", None)
            s = scenario_wrapper_template_registry.get(functie) if callable(functie) else None
            if (
                s is None
                or (str(Path(s.feature.filename).resolve()), s.line_number) in self.uitgesloten
            ):
                weg.append(item)
                continue
            tags = s.tags | s.feature.tags
            normen = sorted(t[len(NORMTAG) :] for t in tags if t.startswith(NORMTAG))
            if not any(n in self.binnen_bereik for n in normen):
                weg.append(item)
                continue
            self.per_item[item.nodeid] = Scenarioresultaat(
                feature=s.feature.filename, naam=s.name, regel=s.line_number, normen=normen
            )
            gekozen.append(item)
        if weg:
            config.hook.pytest_deselected(items=weg)
        items[:] = gekozen
        self._meld()

    def _meld(self) -> None:
        if self.voortgang is not None:
            self.voortgang(self._klaar, len(self.per_item))

    def pytest_bdd_step_error(
        self, request: Any, feature: Any, scenario: Any, step: Any, step_func: Any,
        step_func_args: Any, exception: BaseException,
    ) -> None:  # fmt: skip
        from kwaliteit.toetsing import Toetsfout

        r = self.per_item.get(request.node.nodeid)
        if r is None:
            return
        r.stap = f"{step.keyword} {step.name}".strip()
        r.plaats = f"{feature.filename}:{step.line_number}"
        if isinstance(exception, Toetsfout):
            r.melding, r.records = exception.melding, list(exception.records)
            r.soort = "toets"
        elif isinstance(exception, InvoerFout):
            # The step's own input (a date, a kader in the feature) is wrong: the scenario
            # could not check anything, which is not the same as a failed check.
            r.melding = f"stap kon niet worden uitgevoerd: {exception.melding}"
            r.soort = "invoer"
        else:
            r.melding = f"{type(exception).__name__}: {_eerste_regel(exception)}"
            r.soort = "fout"

    def pytest_bdd_step_func_lookup_error(
        self, request: Any, feature: Any, scenario: Any, step: Any, exception: BaseException
    ) -> None:
        r = self.per_item.get(request.node.nodeid)
        if r is None:
            return
        r.status = "overgeslagen"
        r.stap = f"{step.keyword} {step.name}".strip()
        r.plaats = f"{feature.filename}:{step.line_number}"
        r.melding = STAP_NIET_GEDEFINIEERD

    def pytest_runtest_logreport(self, report: Any) -> None:
        r = self.per_item.get(report.nodeid)
        if r is None:
            return
        self._verwerk(r, report)
        if report.when == "teardown":
            self._klaar += 1
            self._meld()

    def _verwerk(self, r: Scenarioresultaat, report: Any) -> None:
        if r.melding == STAP_NIET_GEDEFINIEERD:
            return  # stays overgeslagen
        if report.failed and (report.when != "call" or r.soort == "fout"):
            # The database or the program failed, not the organisation: stop the run.
            self.fouten.append(
                f"{r.naam} ({Path(r.feature).name}:{r.regel}): "
                + (r.melding or _eerste_regel(Exception(str(report.longrepr))))
            )
            r.status = "fout"
            return
        if report.failed and r.soort == "invoer":
            r.status = "overgeslagen"
            return
        if report.skipped:
            r.status = "overgeslagen"
            reden = report.longrepr[2] if isinstance(report.longrepr, tuple) else None
            r.melding = str(reden).removeprefix("Skipped: ") if reden else "overgeslagen"
        elif report.failed:
            r.status = "mislukt"
            if r.melding is None:
                r.melding = _eerste_regel(Exception(str(report.longrepr)))
        elif report.when == "call" and r.status != "mislukt":
            r.status = "geslaagd"


def voer_uit(
    w: Werkeenheid,
    *,
    peildatum: date,
    kader: str | None,
    mappen: list[Path],
    normen_in_bereik: dict[str, list[tuple[str, str]]],
    voortgang: Voortgang | None = None,
) -> Toetsrapport:
    """Run the scenarios for the norms in scope, in ``w``, and judge each norm.

    ``normen_in_bereik``: kader code → [(ref, titel)] of the assessable norms in scope.
    ``voortgang(gedaan, totaal)`` is called per scenario. The steps read through ``w``'s
    session and may not change anything (a change stops the run with a ``Fout``).
    """
    bestanden = featurebestanden(mappen)
    plan = lees_features(bestanden)
    bekend = {f"{k}/{ref}" for k, lijst in normen_in_bereik.items() for ref, _ in lijst}
    for s in plan.gepland:
        for n in s.normen:
            if n.split("/", 1)[0] in normen_in_bereik and n not in bekend:
                plan.fouten.append(
                    Featurefout(
                        _weergave(s.feature),
                        s.regel,
                        "tag",
                        f"tag '@norm:{n}' noemt een norm die niet (als beoordeelbare norm) "
                        "bestaat in het geladen kader",
                        [m for m in s.normen if m in bekend],
                    )
                )
                plan.uitgesloten.add((s.feature, s.regel))
    vreemde_kaders = sorted(
        {n.split("/", 1)[0] for s in plan.gepland for n in s.normen if _welgevormd(n)}
        - set(normen_in_bereik)
    )
    if vreemde_kaders and kader is None:
        raise InvoerFout(
            f"Tags noemen kaders die niet geladen zijn: {', '.join(vreemde_kaders)}; laad ze met "
            "'kwaliteit normen importeer' of toets met --kader."
        )

    verzamelaar = _Verzamelaar(w, peildatum, bekend, plan.uitgesloten, voortgang)
    code: int = 5
    if plan.uitvoerbaar:
        with _alleen_lezen(w.sessie):
            code = _draai(plan.uitvoerbaar, verzamelaar)
    if verzamelaar.fouten:
        raise Fout(
            "De toetsing kon niet worden uitgevoerd; er is niets bewaard.",
            details=verzamelaar.fouten,
        )
    if code not in (0, 1, 5) or (code == 5 and verzamelaar.per_item):
        raise Fout(f"De toetsing kon niet worden uitgevoerd (pytest-code {int(code)}).")

    scenarios = sorted(verzamelaar.per_item.values(), key=lambda s: (s.feature, s.regel))
    for sc in scenarios:
        sc.feature = _weergave(Path(sc.feature))
        if sc.plaats:
            bestand, _, regel = sc.plaats.rpartition(":")
            sc.plaats = f"{_weergave(Path(bestand))}:{regel}"
    normen = _beoordeel(normen_in_bereik, scenarios, plan.fouten)

    features = []
    for pad in bestanden:
        tekst = pad.read_text(encoding="utf-8")
        features.append(
            {
                "pad": _weergave(pad),
                "sha256": hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
                "tekst": tekst,
            }
        )
    return Toetsrapport(peildatum, kader, features, scenarios, normen, plan.fouten)


def _draai(bestanden: list[Path], verzamelaar: _Verzamelaar) -> int:
    """pytest-bdd on these files, in this process, with only our plugin and steps."""
    with tempfile.TemporaryDirectory(prefix="kwaliteit-toets-") as tmp:
        map_ = Path(tmp)
        (map_ / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (map_ / "conftest.py").write_text(
            'pytest_plugins = ["kwaliteit.toetsing.stappen"]\n', encoding="utf-8"
        )
        paden = ", ".join(repr(str(p)) for p in bestanden)
        (map_ / "test_dekking.py").write_text(
            "from pytest_bdd import scenarios\n\n"
            f"scenarios({paden}, features_base_dir={str(map_)!r})\n",
            encoding="utf-8",
        )
        # The user's own pytest settings (PYTEST_ADDOPTS, plugins) must not change the checks.
        oude_opties = os.environ.pop("PYTEST_ADDOPTS", None)
        try:
            return int(
                pytest.main(
                    [
                        "-c",
                        str(map_ / "pytest.ini"),
                        "--rootdir",
                        str(map_),
                        "--confcutdir",
                        str(map_),
                        "-p",
                        "no:cacheprovider",
                        "-p",
                        "no:terminal",
                        "-p",
                        "no:randomly",
                        "-p",
                        "no:xdist",
                        "-W",
                        "ignore",
                        str(map_ / "test_dekking.py"),
                    ],
                    plugins=[verzamelaar],
                )
            )
        finally:
            if oude_opties is not None:
                os.environ["PYTEST_ADDOPTS"] = oude_opties


def _beoordeel(
    normen_in_bereik: dict[str, list[tuple[str, str]]],
    scenarios: list[Scenarioresultaat],
    featurefouten: list[Featurefout],
) -> list[Normresultaat]:
    """Per norm in scope one state; an error in a feature file it bears on is always named."""
    normen: list[Normresultaat] = []
    for code_, lijst in sorted(normen_in_bereik.items()):
        for ref, titel in lijst:
            sleutel = f"{code_}/{ref}"
            betrokken = [_voor_norm(s, code_, ref) for s in scenarios if sleutel in s.normen]
            fouten = [f for f in featurefouten if sleutel in f.normen]
            namen = [f"{Path(s.feature).name}:{s.regel} {s.naam}" for s in betrokken]
            if not betrokken and not fouten:
                status, uitleg = "ongetoetst", ["geen scenario toetst deze norm"]
            elif any(s.status == "mislukt" for s in betrokken):
                status = "niet-gedekt"
                uitleg = [
                    f"{s.naam}: {s.stap} ({s.plaats}): {s.melding}"
                    + (f" — {', '.join(s.records)}" if s.records else "")
                    for s in betrokken
                    if s.status == "mislukt"
                ]
            elif fouten or any(s.status == "overgeslagen" for s in betrokken):
                status = "overgeslagen"
                uitleg = [
                    f"{s.naam}: {s.melding}" + (f": '{s.stap}' ({s.plaats})" if s.stap else "")
                    for s in betrokken
                    if s.status == "overgeslagen"
                ]
            else:
                status, uitleg = "gedekt", []
            # Whatever the state: every error in a feature file that bears on the norm.
            uitleg += [
                f"fout in feature-bestand: {f}"
                for f in fouten
                if not any(f"({f.plaats})" in regel for regel in uitleg)
            ]
            normen.append(Normresultaat(code_, ref, titel, status, namen, uitleg))
    return normen


def _voor_norm(s: Scenarioresultaat, kader: str, ref: str) -> Scenarioresultaat:
    """The scenario's result as it bears on one of the norms it is tagged with.

    A scenario tagged with several norms (say every norm of a category) that fails
    naming only some of them as its records, fails for those norms only; for the
    others it has shown what it claims. A failure without such records counts
    against every tagged norm.
    """
    if s.status != "mislukt" or not s.records:
        return s
    eigen = {n.split("/", 1)[1] for n in s.normen if n.startswith(f"{kader}/")}
    if set(s.records) <= eigen and ref not in s.records:
        return Scenarioresultaat(s.feature, s.naam, s.regel, s.normen, status="geslaagd")
    return s


def _weergave(pad: Path) -> str:
    """Shipped features by their name under features/; others as given."""
    try:
        return f"features/dekking/{pad.relative_to(standaardmap().resolve())}"
    except ValueError:
        return str(pad)


def junit_xml(rapport: Toetsrapport) -> str:
    """JUnit XML: a testcase per scenario; overgeslagen as <skipped>, never as passed."""
    from xml.etree import ElementTree as ET

    suites = ET.Element("testsuites", name="kwaliteit toets")
    per_feature: dict[str, list[Scenarioresultaat]] = {}
    for s in rapport.scenarios:
        per_feature.setdefault(s.feature, []).append(s)
    for feature, lijst in per_feature.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=feature,
            tests=str(len(lijst)),
            failures=str(sum(s.status == "mislukt" for s in lijst)),
            skipped=str(sum(s.status == "overgeslagen" for s in lijst)),
        )
        for s in lijst:
            case = ET.SubElement(suite, "testcase", classname=feature, name=s.naam)
            eigenschappen = ET.SubElement(case, "properties")
            for norm in s.normen:
                ET.SubElement(eigenschappen, "property", name="norm", value=norm)
            if s.status == "mislukt":
                fout = ET.SubElement(case, "failure", message=s.melding or "mislukt")
                fout.text = f"{s.stap} ({s.plaats})" + (
                    f"\n{', '.join(s.records)}" if s.records else ""
                )
            elif s.status == "overgeslagen":
                ET.SubElement(
                    case,
                    "skipped",
                    message=(s.melding or "overgeslagen")
                    + (f": {s.stap} ({s.plaats})" if s.stap else ""),
                )
    ongetoetst = [nr for nr in rapport.normen if nr.status == "ongetoetst"]
    if ongetoetst:
        suite = ET.SubElement(
            suites,
            "testsuite",
            name="ongetoetste normen",
            tests=str(len(ongetoetst)),
            skipped=str(len(ongetoetst)),
        )
        for n in ongetoetst:
            case = ET.SubElement(
                suite, "testcase", classname="ongetoetst", name=f"{n.kader}/{n.ref} {n.titel}"
            )
            ET.SubElement(case, "skipped", message="geen scenario toetst deze norm")
    if rapport.featurefouten:
        # Errors in the feature files themselves: never a pass, never just a skip.
        suite = ET.SubElement(
            suites,
            "testsuite",
            name="fouten in feature-bestanden",
            tests=str(len(rapport.featurefouten)),
            errors=str(len(rapport.featurefouten)),
        )
        for f in rapport.featurefouten:
            case = ET.SubElement(suite, "testcase", classname=f.pad, name=f.plaats)
            eigenschappen = ET.SubElement(case, "properties")
            for norm in f.normen:
                ET.SubElement(eigenschappen, "property", name="norm", value=norm)
            fout = ET.SubElement(case, "error", type=f.soort, message=f.melding)
            fout.text = str(f)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def bewaar(w: Werkeenheid, rapport: Toetsrapport) -> int:
    """Store the run (features with their text, per-norm result) for the dossier."""
    from kwaliteit.toetsing.modellen import Toetsrun

    run = Toetsrun(
        tijdstip=w.audit.tijdstip,
        door=w.door,
        peildatum=rapport.peildatum,
        kader=rapport.kader,
        geslaagd=rapport.geslaagd,
        samenvatting=json.dumps(rapport.samenvatting),
        features=json.dumps(rapport.features, ensure_ascii=False),
        resultaat=json.dumps(
            {
                "normen": [asdict(n) for n in rapport.normen],
                "scenarios": [_scenario_dict(s) for s in rapport.scenarios],
                "featurefouten": [asdict(f) for f in rapport.featurefouten],
            },
            ensure_ascii=False,
        ),
    )
    w.sessie.add(run)
    w.sessie.flush()
    w.audit.leg_vast(
        "toets",
        f"run-{run.id}",
        "toets",
        na={
            "kader": rapport.kader,
            "peildatum": rapport.peildatum.isoformat(),
            "samenvatting": rapport.samenvatting,
        },
    )
    return int(run.id)
