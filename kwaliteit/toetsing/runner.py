"""``kwaliteit toets``: run the coverage features with pytest-bdd against the live database.

Per norm in scope exactly one state:
- ``gedekt``: every scenario for the norm passed;
- ``niet-gedekt``: a scenario failed (with the failing step and the records);
- ``overgeslagen``: a scenario was skipped or has an undefined step — never counted as passed;
- ``ongetoetst``: no scenario checks the norm.

Imported only by the ``toets`` command: pytest and pytest-bdd are heavy.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from kwaliteit.fouten import Fout, InvoerFout

NORMTAG = "norm:"
STATUSSEN = ("gedekt", "niet-gedekt", "overgeslagen", "ongetoetst")


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
class Toetsrapport:
    peildatum: date
    kader: str | None
    features: list[dict[str, str]]
    scenarios: list[Scenarioresultaat]
    normen: list[Normresultaat]

    @property
    def samenvatting(self) -> dict[str, int]:
        uit = dict.fromkeys(STATUSSEN, 0)
        for n in self.normen:
            uit[n.status] += 1
        return uit

    @property
    def geslaagd(self) -> bool:
        return bool(self.normen) and all(n.status == "gedekt" for n in self.normen)

    def als_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "kader": self.kader,
            "geslaagd": self.geslaagd,
            "samenvatting": self.samenvatting,
            "normen": [asdict(n) for n in self.normen],
            "scenarios": [_scenario_dict(s) for s in self.scenarios],
            "features": [{"pad": f["pad"], "sha256": f["sha256"]} for f in self.features],
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


def lees_features(bestanden: list[Path]) -> list[Geplandscenario]:
    """Parse every file; syntax errors and bad tags are collected and raised together."""
    from pytest_bdd.exceptions import GherkinParseError
    from pytest_bdd.parser import FeatureParser

    fouten: list[str] = []
    gepland: list[Geplandscenario] = []
    for pad in bestanden:
        try:
            feature = FeatureParser(str(pad.parent), pad.name).parse()
        except GherkinParseError as e:
            regel = getattr(e, "line", None) or "?"
            fouten.append(
                f"{pad}:{regel}: geen geldige Gherkin: deze regel hoort hier niet (verwacht "
                "een tag, Scenario, Abstract Scenario, Voorbeelden of een stap met Gegeven, Als, "
                "Dan, En of Maar; en '# language: nl' bovenaan)"
            )
            continue
        except Exception as e:  # the gherkin parser raises its own error types
            fouten.append(f"{pad}: geen geldige Gherkin ({_eerste_regel(e)})")
            continue
        if not feature.scenarios:
            fouten.append(f"{pad}:{feature.line_number}: de feature heeft geen scenario's")
        for s in feature.scenarios.values():
            tags = sorted(s.tags | feature.tags)
            vreemd = [t for t in tags if not t.startswith(NORMTAG)]
            normen = tuple(t[len(NORMTAG) :] for t in tags if t.startswith(NORMTAG))
            if vreemd:
                fouten.append(
                    f"{pad}:{s.line_number}: onbekende tag(s) {', '.join('@' + t for t in vreemd)}; "
                    "gebruik @norm:<kader>/<ref>, bijvoorbeeld @norm:awb-h9/9:11"
                )
            if not normen:
                fouten.append(
                    f"{pad}:{s.line_number}: scenario '{s.name}' heeft geen @norm:<kader>/<ref>-tag; "
                    "een scenario dat geen norm toetst telt nergens mee"
                )
            for n in normen:
                if "/" not in n or not n.split("/", 1)[0] or not n.split("/", 1)[1]:
                    fouten.append(
                        f"{pad}:{s.line_number}: tag '@norm:{n}' mist kader of ref; "
                        "gebruik @norm:<kader>/<ref>"
                    )
            gepland.append(Geplandscenario(pad, s.name, s.line_number, normen))
    if fouten:
        raise InvoerFout(
            f"De feature-bestanden bevatten {len(fouten)} fout(en); er is niets getoetst.",
            details=fouten,
        )
    return gepland


def _eerste_regel(e: BaseException) -> str:
    tekst = str(e).strip()
    return tekst.splitlines()[0] if tekst else type(e).__name__


# -- running -------------------------------------------------------------------------------


class _Verzamelaar:
    """A pytest plugin: provides the live-database fixtures and records what happened."""

    def __init__(self, url: str, peildatum: date, door: str, binnen_bereik: set[str]) -> None:
        self.url = url
        self.datum = peildatum
        self.door = door
        self.binnen_bereik = binnen_bereik
        self.per_item: dict[str, Scenarioresultaat] = {}
        self.fouten: list[str] = []

    # fixtures ---------------------------------------------------------------------------
    @pytest.fixture(scope="session")
    def werk(self) -> Iterator[Any]:
        """A read-only unit of work on the live database: one consistent view for the run."""
        from kwaliteit.db import Database
        from kwaliteit.eenheid import werkeenheid

        db = Database(self.url)
        try:
            with werkeenheid(db, schrijven=False, door=self.door) as w:
                yield w
        finally:
            db.sluit()

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
            if s is None:
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
        r.melding = "stap niet gedefinieerd"

    def pytest_runtest_logreport(self, report: Any) -> None:
        r = self.per_item.get(report.nodeid)
        if r is None:
            return
        if r.melding == "stap niet gedefinieerd":
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
    *,
    url: str,
    door: str,
    peildatum: date,
    kader: str | None,
    mappen: list[Path],
    normen_in_bereik: dict[str, list[tuple[str, str]]],
) -> Toetsrapport:
    """Run the scenarios for the norms in scope and judge each norm.

    ``normen_in_bereik``: kader code → [(ref, titel)] of the assessable norms in scope.
    """
    bestanden = featurebestanden(mappen)
    gepland = lees_features(bestanden)
    bekend = {f"{k}/{ref}" for k, lijst in normen_in_bereik.items() for ref, _ in lijst}
    onbekend = sorted(
        {
            f"{s.feature}:{s.regel}: @norm:{n}"
            for s in gepland
            for n in s.normen
            if n.split("/", 1)[0] in normen_in_bereik and n not in bekend
        }
    )
    if onbekend:
        raise InvoerFout(
            "Tags noemen normen die het kader niet kent; er is niets getoetst.",
            details=[f"{o} bestaat niet in het geladen kader" for o in onbekend],
        )
    vreemde_kaders = sorted(
        {n.split("/", 1)[0] for s in gepland for n in s.normen} - set(normen_in_bereik)
    )
    if vreemde_kaders and kader is None:
        raise InvoerFout(
            f"Tags noemen kaders die niet geladen zijn: {', '.join(vreemde_kaders)}; laad ze met "
            "'kwaliteit normen importeer' of toets met --kader."
        )

    verzamelaar = _Verzamelaar(_absolute_url(url), peildatum, door, bekend)
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
            code = pytest.main(
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
        finally:
            if oude_opties is not None:
                os.environ["PYTEST_ADDOPTS"] = oude_opties
    if verzamelaar.fouten:
        raise Fout(
            "De toetsing kon niet worden uitgevoerd; er is niets bewaard.",
            details=verzamelaar.fouten,
        )
    if code not in (0, 1, 5) or (code == 5 and verzamelaar.per_item):
        raise Fout(f"De toetsing kon niet worden uitgevoerd (pytest-code {int(code)}).")

    scenarios = sorted(verzamelaar.per_item.values(), key=lambda s: (s.feature, s.regel))
    for s in scenarios:
        s.feature = _weergave(Path(s.feature))
        if s.plaats:
            bestand, _, regel = s.plaats.rpartition(":")
            s.plaats = f"{_weergave(Path(bestand))}:{regel}"
    normen: list[Normresultaat] = []
    for code_, lijst in sorted(normen_in_bereik.items()):
        for ref, titel in lijst:
            sleutel = f"{code_}/{ref}"
            betrokken = [_voor_norm(s, code_, ref) for s in scenarios if sleutel in s.normen]
            namen = [f"{Path(s.feature).name}:{s.regel} {s.naam}" for s in betrokken]
            if not betrokken:
                status, uitleg = "ongetoetst", ["geen scenario toetst deze norm"]
            elif any(s.status == "mislukt" for s in betrokken):
                status = "niet-gedekt"
                uitleg = [
                    f"{s.naam}: {s.stap} ({s.plaats}): {s.melding}"
                    + (f" — {', '.join(s.records)}" if s.records else "")
                    for s in betrokken
                    if s.status == "mislukt"
                ]
            elif any(s.status == "overgeslagen" for s in betrokken):
                status = "overgeslagen"
                uitleg = [
                    f"{s.naam}: {s.melding}" + (f": '{s.stap}' ({s.plaats})" if s.stap else "")
                    for s in betrokken
                    if s.status == "overgeslagen"
                ]
            else:
                status, uitleg = "gedekt", []
            normen.append(Normresultaat(code_, ref, titel, status, namen, uitleg))

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
    return Toetsrapport(peildatum, kader, features, scenarios, normen)


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


def _absolute_url(url: str) -> str:
    """A relative SQLite path made absolute, so the run reads the same file wherever it runs."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        return u.set(database=str(Path(u.database).resolve())).render_as_string(hide_password=False)
    return url


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
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def bewaar(w: Any, rapport: Toetsrapport) -> int:
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
