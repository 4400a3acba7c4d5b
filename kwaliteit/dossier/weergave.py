"""Rendering the dossier's HTML with Jinja2: autoescaped, StrictUndefined, no clock.

The coverage chart is an SVG built here (no JavaScript); its text goes through
the same escaping as the rest.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from kwaliteit import __version__
from kwaliteit.tijd import lange_datum

UITSPLITSINGEN = (
    ("per_uitkomst", "Per uitkomst"),
    ("per_kanaal", "Per kanaal"),
    ("per_categorie", "Per categorie"),
    ("per_wijk", "Per wijk"),
    ("per_aanbieder", "Per aanbieder"),
    ("niet_in_behandeling_per_grond", "Niet in behandeling genomen, per grond (9:8)"),
    ("doorgestuurd_per_bestemming", "Doorgestuurd, per bestemming"),
)


def _getal(waarde: float | int | None) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, float):
        if waarde.is_integer():
            return str(int(waarde))
        return f"{waarde:.1f}".replace(".", ",")
    return str(waarde)


def _procent(waarde: float | None) -> str:
    return "–" if waarde is None else f"{_getal(float(waarde))}%"


def _bytes(n: int | None) -> str:
    if n is None:
        return "–"
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{_getal(round(n / 1024, 1))} kB"
    return f"{_getal(round(n / 1024 / 1024, 1))} MB"


# What ``getattr`` finds on a plain dict: its methods (``items``, ``get``, ...).
_DICT_ATTRIBUTEN = frozenset(dir(dict))


class _Omgeving(Environment):
    """Jinja2 with a faster ``a.b`` on the dossier's plain dicts, and the same meaning.

    Jinja2 tries ``getattr(a, "b")`` first and ``a["b"]`` after it fails; on a dict that
    attempt only succeeds for dict's own attributes, and failing costs an exception. Over
    the 10.000 evidence rows of a large dossier that was a large share of the rendering.
    Here a key that is not a dict attribute is looked up directly; anything else goes the
    usual way (so ``d.items()`` still means the method, and a missing key is undefined).
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTEN:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@lru_cache(maxsize=1)
def omgeving() -> Environment:
    """The Jinja2 environment, made once (a ``beide`` build renders twice)."""
    env = _Omgeving(
        loader=PackageLoader("kwaliteit.dossier", "sjablonen"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    # The same few dates recur thousands of times (evidence periods).
    env.filters["datum"] = lru_cache(maxsize=4096)(lange_datum)
    env.filters["getal"] = _getal
    env.filters["procent"] = _procent
    env.filters["bytes"] = _bytes
    return env


def grafiek(categorieen: list[dict[str, Any]]) -> Markup:
    """Horizontal bars: the share of norms covered per category."""
    breedte, label, balk, rij = 640, 250, 300, 30
    hoogte = rij * len(categorieen) + 30
    delen = [
        f'<svg class="grafiek" xmlns="http://www.w3.org/2000/svg" width="{breedte}" '
        f'height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f'aria-label="Dekking per categorie">',
        "<title>Dekking per categorie</title>",
    ]
    for i, c in enumerate(categorieen):
        y = 10 + i * rij
        naam = f"{c['ref']} {c['titel']}" if c["ref"] else c["titel"]
        if len(naam) > 38:
            naam = naam[:37] + "…"
        fractie = (c["gedekt"] / c["normen"]) if c["normen"] else 0.0
        w = round(balk * fractie, 1)
        delen += [
            f'<text x="0" y="{y + 15}" font-size="12" fill="#1d2327">{escape(naam)}</text>',
            f'<rect x="{label}" y="{y + 2}" width="{balk}" height="18" fill="#e3e8eb"/>',
            f'<rect x="{label}" y="{y + 2}" width="{w}" height="18" fill="#2e7d32"/>',
            f'<text x="{label + balk + 8}" y="{y + 15}" font-size="12" fill="#1d2327">'
            f"{c['gedekt']}/{c['normen']} ({escape(_procent(c['percentage']))})</text>",
        ]
    delen.append(
        f'<text x="{label}" y="{hoogte - 2}" font-size="10" fill="#5b6770">'
        "groen: gedekt op de peildatum</text></svg>"
    )
    return Markup("".join(delen))  # noqa: S704 - every inserted text is escaped above


def render(gegevens: dict[str, Any], manifest: dict[str, Any], digest: str, *, modus: str) -> str:
    """The dossier as one HTML document, for the PDF (``modus='pdf'``) or the folder."""
    periode = gegevens["periode"]
    periode_tekst = f"{lange_datum(periode['van'])} tot en met {lange_datum(periode['tot'])}"
    return (
        omgeving()
        .get_template("dossier.html.j2")
        .render(
            gegevens=gegevens,
            manifest=manifest,
            digest=digest,
            modus=modus,
            periode_tekst=periode_tekst,
            versie_programma=__version__,
            grafiek=grafiek(gegevens["samenvatting"]["categorieen"]),
            uitsplitsingen=UITSPLITSINGEN,
            ankers={n["ref"]: n["anker"] for n in gegevens["normen"]},
        )
    )
