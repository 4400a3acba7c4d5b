"""The light conversion of option values gives what Typer's own (pydantic) conversion gives.

``kwaliteit.cli.omzetting`` converts plain text, whole numbers and paths itself, so a
command does not import pydantic; for everything else it hands the value to Typer. Here
every parameter of the whole command tree is converted both ways for a set of values,
including the awkward ones, and the results (value or Dutch error message) must agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
from typer import _coercion
from typer._click import core as click_core
from typer._click.exceptions import BadParameter

from kwaliteit.cli import app
from kwaliteit.cli.omzetting import LichteOmzetting, licht_toepasbaar


def parameters() -> list[tuple[str, Any]]:
    uit: list[tuple[str, Any]] = []

    def loop(opdracht: click_core.Command, pad: str) -> None:
        for p in opdracht.params:
            if hasattr(p, "type_descriptor"):
                uit.append((f"{pad} {p.name}", p))
        for naam, sub in getattr(opdracht, "commands", {}).items():
            loop(sub, f"{pad} {naam}")

    loop(typer.main.get_command(app), "kwaliteit")
    return uit


PARAMETERS = parameters()


def waarden(tmp: Path) -> list[Any]:
    bestand = tmp / "bestand.csv"
    bestand.write_text("x", encoding="utf-8")
    return [
        None,
        "",
        "tekst",
        " 12 ",
        "0",
        "7",
        "-3",
        "007",
        "1_000",
        "+5",
        "99999999999999999999",
        "12.5",
        "ja",
        "nee \udcff",  # a lone surrogate: a non-UTF-8 argument
        "x\x00y",
        str(bestand),
        str(tmp),
        str(tmp / "bestaat-niet.csv"),
        "-",
    ]


CTX = click_core.Context(typer.main.get_command(app))


def uitkomst(param: Any, conversie: _coercion.RuntimeParam, waarde: Any) -> Any:
    ctx = CTX
    try:
        return ("waarde", conversie.coerce(waarde, param=param, ctx=ctx))
    except BadParameter as fout:
        return ("fout", fout.format_message())
    except Exception as fout:  # the same failure both ways is what counts
        return ("uitzondering", type(fout).__name__, str(fout))


def test_elke_parameter_van_de_boom_wordt_gezien() -> None:
    soorten = {p.type_descriptor.annotation for _, p in PARAMETERS}
    assert {str, int, bool, Path} <= soorten
    assert len(PARAMETERS) > 150


def test_licht_en_volledig_geven_hetzelfde(tmp_path: Path) -> None:
    vergeleken = 0
    for naam, param in PARAMETERS:
        descriptor = param.type_descriptor
        if not licht_toepasbaar(descriptor):
            continue
        licht = LichteOmzetting(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )
        volledig = _coercion.build_runtime_param(descriptor)
        for waarde in waarden(tmp_path):
            if param.multiple or param.nargs == -1:
                waarde = None if waarde is None else [waarde]
            assert uitkomst(param, licht, waarde) == uitkomst(param, volledig, waarde), (
                naam,
                waarde,
            )
            vergeleken += 1
    assert vergeleken > 150 * 10


@pytest.mark.parametrize(
    ("annotatie", "invoer", "verwacht"),
    [(str, "tekst", "tekst"), (int, "42", 42), (int, "-7", -7), (Path, "a/b.csv", Path("a/b.csv"))],
)
def test_gewone_waarden_zonder_pydantic(annotatie: Any, invoer: str, verwacht: Any) -> None:
    """The common cases never reach Typer's own conversion (which imports pydantic)."""
    info = typer.models.OptionInfo()
    descriptor = _coercion.resolve_type_descriptor(annotatie, info)
    licht = LichteOmzetting(parameter_info=info, annotation=annotatie, descriptor=descriptor)
    assert licht._coerce_value(invoer, param=None, ctx=CTX) == verwacht
    assert "volledig" not in licht.__dict__  # the cached Typer conversion was never built
