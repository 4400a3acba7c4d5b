"""Helpers that make a large dossier fast must not change what it says.

The manifest's readable JSON, the version choice over plain rows and the template
environment's attribute lookup each replace slower generic code; these tests hold
them to exactly the same results.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from jinja2 import UndefinedError

from kwaliteit.bewijs.diensten import Versie, geldige_versie, geldige_versie_van
from kwaliteit.bewijs.modellen import Bewijssoort, Bewijsstuk, Bewijsversie
from kwaliteit.dossier.manifest import leesbaar
from kwaliteit.dossier.weergave import omgeving


@pytest.mark.parametrize(
    "waarde",
    [
        {},
        [],
        {"b": 1, "a": [1, 2.5, True, False, None, "x"], "c": {}, "d": [], "e": {"z": {"y": []}}},
        {"tekst": 'aanhalingsteken " backslash \\ tab \t nieuwe regel \n <script>&amp;'},
        {"unicode": "enquête – „Mevis” ✓ 😀", "getallen": [0, -3, 10**20, 0.1, 1e-7, 12345.678]},
        [[[]], [{}], [{"a": [{"b": None}]}]],
        "los",
        3,
        None,
    ],
)
def test_leesbaar_is_precies_json_dumps_met_inspringing(waarde: Any) -> None:
    assert leesbaar(waarde) == json.dumps(waarde, sort_keys=True, ensure_ascii=False, indent=2)


def test_leesbaar_weigert_wat_geen_json_is() -> None:
    with pytest.raises(TypeError):
        leesbaar({"datum": date(2024, 1, 1)})


def _versies(*spec: tuple[int, str, str | None]) -> list[Versie]:
    return [
        Versie(1, nr, date.fromisoformat(van), date.fromisoformat(tot) if tot else None, None, None, None)
        for nr, van, tot in spec
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "peildatum"),
    [
        ([(1, "2023-01-01", None)], "2024-06-30"),  # valid without end
        ([(1, "2023-01-01", "2023-12-31")], "2024-06-30"),  # expired
        ([(1, "2023-01-01", "2024-06-30")], "2024-06-30"),  # last day still valid
        ([(1, "2025-01-01", None)], "2024-06-30"),  # not started yet
        (
            [(1, "2023-01-01", None), (2, "2024-01-01", "2024-03-01")],
            "2024-06-30",
        ),  # newest expired
        ([(1, "2023-01-01", None), (2, "2024-01-01", None)], "2024-06-30"),  # newest wins
        ([(1, "2023-01-01", None), (2, "2025-01-01", None)], "2024-06-30"),  # newer not started
        (
            [(2, "2024-01-01", None), (1, "2024-01-01", None)],
            "2024-06-30",
        ),  # same day: higher number
        ([], "2024-06-30"),
    ],
)
def test_de_versie_uit_rijen_is_die_van_geldige_versie(
    spec: list[tuple[int, str, str | None]], peildatum: str
) -> None:
    dag = date.fromisoformat(peildatum)
    rijen = _versies(*spec)
    stuk = Bewijsstuk(kenmerk="B-0001", titel="t", soort=Bewijssoort.DOCUMENT)
    stuk.versies = [
        Bewijsversie(versie=v.versie, ingangsdatum=v.ingangsdatum, geldig_tot=v.geldig_tot)
        for v in rijen
    ]
    orm = geldige_versie(stuk, dag)
    rij = geldige_versie_van(rijen, dag)
    assert (rij.versie if rij else None) == (orm.versie if orm else None)


def test_sjabloon_leest_sleutels_en_dict_methoden_zoals_jinja() -> None:
    env = omgeving()
    # A key that shadows a dict method still means the method, as in plain Jinja2.
    t = env.from_string("{{ d.titel }}|{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}")
    assert t.render(d={"titel": "<b>", "items": 7}) == "&lt;b&gt;|titel=&lt;b&gt;;items=7;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ d.ontbreekt }}").render(d={"titel": "x"})
