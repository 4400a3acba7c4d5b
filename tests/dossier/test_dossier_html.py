"""The HTML dossier in a real browser: no errors, working links, offline, safe, anonymous.

The dossier folder ``html/`` is opened in headless Chromium (see ``chromium.py``),
once per module. Without Chromium these tests are skipped, except in CI (env ``CI``),
where a missing browser is an error. ``KWALITEIT_SCREENSHOT=1`` also copies the
full-page screenshot to /tmp/dossier-screenshot.png, to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest

from dossier.chromium import Chromium, Pagina, vind_chromium
from dossier.conftest import KLAGERS, KWAADAARDIG, ORGANISATIE

SCHERMAFDRUK = Path("/tmp/dossier-screenshot.png")
PNG_HANDTEKENING = b"\x89PNG\r\n\x1a\n"
#: Words from KLAGERS that identify a complainant on their own (not "Schiedam": the
#: organisation is in Schiedam too).
KENMERKENDE_DELEN = (
    "Anneke",
    "Zwartjes",
    "Pieter",
    "Verborgen-Naam",
    "Verstopte Steeg",
    "Onvindbaar",
    "98765432",
    "Anoniemhouden",
    "familie@",
    "Privacygevoelig",
    "Geheimweg",
    "geheim.invalid",
    "verborgen.invalid",
)
SCHEMA = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)

#: Every element's URL-bearing attributes and ids, as the browser sees them.
LINKS_JS = """(() => {
  const links = [];
  for (const el of document.querySelectorAll("[href], [src], [srcset], [action], [poster]")) {
    for (const attr of ["href", "src", "srcset", "action", "poster"]) {
      const waarde = el.getAttribute(attr);
      if (waarde === null) continue;
      let absoluut = null;
      try { absoluut = new URL(waarde, document.baseURI).href; } catch (e) {}
      links.push({tag: el.tagName.toLowerCase(), attr, waarde, absoluut});
    }
  }
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  return {links, ids, basis: document.baseURI};
})()"""

#: Attributes that could run or load something: event handlers and absolute URLs anywhere.
ATTRIBUTEN_JS = """(() => {
  const uit = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
      if (a.name.startsWith("on") || /^\\s*(https?|file|ftp|wss?|javascript|data):/i.test(a.value)
          || /url\\(/i.test(a.value)) {
        uit.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
  }
  return uit;
})()"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    """One headless Chromium for the module; skipped without Chromium, except in CI."""
    binair = vind_chromium()
    if binair is None:
        reden = (
            "Chromium ontbreekt (geen /usr/bin/chromium of chromium op PATH; "
            "Debian: apt-get install chromium)"
        )
        if _in_ci():
            pytest.fail(f"{reden}; in CI (CI is gezet) moet deze test draaien.", pytrace=False)
        pytest.skip(reden)
    with Chromium(binair) as b:
        yield b


@pytest.fixture(scope="module")
def html_map(dossiermap: Path) -> Path:
    map_ = dossiermap / "html"
    assert (map_ / "index.html").is_file(), sorted(p.name for p in dossiermap.iterdir())
    return map_.resolve()


@pytest.fixture(scope="module")
def pagina(browser: Chromium, html_map: Path) -> Pagina:
    """The dossier's index.html, loaded (with everything it requests) in the browser."""
    return browser.open_pagina((html_map / "index.html").as_uri())


def _lijst(regels: list[str]) -> str:
    return "\n  " + "\n  ".join(regels) if regels else " (geen)"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(waarde for naam, waarde in attrs if naam == "id" and waarde)


def _ids_in(pad: Path) -> set[str]:
    parser = _Ids()
    parser.feed(pad.read_text(encoding="utf-8", errors="replace"))
    return parser.ids


# -- the detector itself ----------------------------------------------------------


@pytest.mark.traag
def test_detector_ziet_fouten_op_een_kapotte_pagina(browser: Chromium, tmp_path: Path) -> None:
    """Proof that the checks below can fail: a broken page yields every kind of problem."""
    (tmp_path / "kapot.html").write_text(
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>kapot</title>"
        "<link rel='stylesheet' href='ontbreekt.css'></head><body><p id='hier'>tekst</p>"
        "<img src='ontbreekt.png' alt=''>"
        "<script>console.error('met opzet kapot'); alert('xss'); bestaatNiet();</script>"
        "</body></html>",
        encoding="utf-8",
    )
    p = browser.open_pagina((tmp_path / "kapot.html").as_uri())
    try:
        problemen = "\n".join(p.problemen)
        assert "console.error: met opzet kapot" in problemen, problemen
        assert "bestaatNiet is not defined" in problemen, problemen
        assert "dialoogvenster: alert: xss" in problemen, problemen
        for naam in ("ontbreekt.css", "ontbreekt.png"):
            assert any(naam in url for url, _ in p.mislukt), (naam, p.mislukt)
            assert any(naam in tekst for niveau, _, tekst in p.log if niveau == "error"), (
                naam,
                p.log,
            )
        assert all(url.startswith(tmp_path.as_uri()) for url in p.aangevraagd), p.aangevraagd
        assert p.evalueer("document.getElementById('hier').textContent") == "tekst"
    finally:
        p.sluit()


# -- the dossier in the browser ------------------------------------------------------


@pytest.mark.traag
def test_laadt_zonder_fouten(pagina: Pagina) -> None:
    assert pagina.problemen == [], (
        "index.html geeft console-, log- of netwerkfouten in Chromium:" + _lijst(pagina.problemen)
    )
    titel = pagina.evalueer("document.title")
    assert titel.startswith("Kwaliteitsdossier"), titel
    # stijl.css is not only requested but applied (h2 has a solid bottom border).
    rand = pagina.evalueer("getComputedStyle(document.querySelector('h2')).borderBottomStyle")
    assert rand == "solid", f"stijl.css lijkt niet toegepast (h2 border-bottom-style {rand!r})"


@pytest.mark.traag
def test_alle_interne_links_werken(pagina: Pagina, html_map: Path) -> None:
    gegevens: dict[str, Any] = pagina.evalueer(LINKS_JS)
    links: list[dict[str, str]] = gegevens["links"]
    ids: list[str] = gegevens["ids"]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    assert not dubbel, f"ids die meer dan eens voorkomen (ankers worden dan dubbelzinnig): {dubbel}"
    index = html_map / "index.html"
    fouten: list[str] = []
    bestanden: set[str] = set()
    for link in links:
        waarde, absoluut = link["waarde"].strip(), link["absoluut"]
        beschrijving = f"<{link['tag']} {link['attr']}={link['waarde']!r}>"
        if not waarde:
            fouten.append(f"{beschrijving}: leeg")
        elif SCHEMA.match(waarde):
            fouten.append(f"{beschrijving}: absolute URL (het dossier moet op zichzelf staan)")
        elif waarde.startswith("#"):
            if unquote(waarde[1:]) not in ids:
                fouten.append(f"{beschrijving}: geen element met dit id")
        elif absoluut is None or urlsplit(absoluut).scheme != "file":
            fouten.append(f"{beschrijving}: onbegrijpelijk ({absoluut!r})")
        else:
            delen = urlsplit(absoluut)
            doel = Path(url2pathname(delen.path))
            if not doel.resolve().is_relative_to(html_map):
                fouten.append(f"{beschrijving}: wijst buiten de map html/ ({doel})")
            elif not doel.is_file():
                fouten.append(f"{beschrijving}: bestand {doel.relative_to(html_map)} ontbreekt")
            else:
                bestanden.add(doel.relative_to(html_map).as_posix())
                anker = unquote(delen.fragment)
                doel_ids = set(ids) if doel == index else _ids_in(doel)
                if anker and anker not in doel_ids:
                    fouten.append(f"{beschrijving}: {doel.name} heeft geen id {anker!r}")
    assert not fouten, "kapotte of verboden links in index.html:" + _lijst(fouten)

    # Not vacuous: the table of contents, the evidence and the manifest are linked.
    ankers = [link["waarde"] for link in links if link["waarde"].startswith("#")]
    for verwacht in ("#samenvatting", "#normen", "#klachten", "#bewijsindex", "#manifest"):
        assert verwacht in ankers, f"inhoudsopgave mist {verwacht}: {ankers}"
    assert {"stijl.css", "manifest.json"} <= bestanden, bestanden
    bewijs = {
        p.relative_to(html_map).as_posix() for p in (html_map / "bewijs").rglob("*") if p.is_file()
    }
    assert bewijs, "geen bewijsbestanden in html/bewijs/"
    assert bewijs <= bestanden, f"bewijsbestanden zonder link in index.html: {bewijs - bestanden}"


@pytest.mark.traag
def test_werkt_offline(pagina: Pagina, html_map: Path) -> None:
    aangevraagd = pagina.aangevraagd
    basis = html_map.as_uri() + "/"
    buiten = [url for url in aangevraagd if not url.startswith(basis)]
    assert not buiten, f"verzoeken buiten {basis}:" + _lijst(buiten)
    assert basis + "index.html" in aangevraagd, aangevraagd
    assert basis + "stijl.css" in aangevraagd, aangevraagd
    absoluut = pagina.evalueer(ATTRIBUTEN_JS)
    assert absoluut == [], "attributen met een absolute URL of een handler:" + _lijst(absoluut)
    css = (html_map / "stijl.css").read_text(encoding="utf-8")
    assert "@import" not in css, "stijl.css importeert een ander stylesheet"
    extern = re.findall(r"url\(\s*['\"]?([^'\")]*)", css)
    assert not extern, f"stijl.css verwijst naar bestanden die de map niet heeft: {extern}"


@pytest.mark.traag
def test_schermafdruk_van_de_hele_pagina(pagina: Pagina, tmp_path: Path) -> None:
    png = pagina.schermafdruk()
    pad = tmp_path / "dossier.png"
    pad.write_bytes(png)
    if os.environ.get("KWALITEIT_SCREENSHOT"):
        shutil.copyfile(pad, SCHERMAFDRUK)
    assert png[:8] == PNG_HANDTEKENING, f"geen PNG: {png[:16]!r}"
    assert png[12:16] == b"IHDR", png[:32]
    breedte, hoogte = struct.unpack(">II", png[16:24])
    pagina_hoogte = pagina.evalueer("document.documentElement.scrollHeight")
    assert breedte >= 800, f"schermafdruk maar {breedte} px breed"
    assert hoogte >= pagina_hoogte - 1, (
        f"schermafdruk {hoogte} px hoog, de pagina {pagina_hoogte} px: niet de hele pagina"
    )
    assert len(png) > 50_000, f"schermafdruk van {len(png)} bytes: lege pagina? ({pad})"


@pytest.mark.traag
def test_html_uit_de_gegevens_blijft_tekst(pagina: Pagina, html_map: Path) -> None:
    """KWAADAARDIG in an evidence title and the complaints is shown, never executed."""
    assert pagina.evalueer("document.querySelectorAll('script').length") == 0
    bronnen = pagina.evalueer("[...document.images].map((i) => i.getAttribute('src'))")
    assert not [b for b in bronnen if "passwd" in (b or "")], bronnen
    assert pagina.evalueer("document.querySelectorAll('[src*=passwd], [href*=passwd]').length") == 0
    assert pagina.dialogen == [], pagina.dialogen
    tekst = pagina.evalueer("document.body.innerText")
    assert KWAADAARDIG in tekst, (
        "de bewijstitel met HTML staat niet letterlijk als tekst op de pagina "
        f"(gezocht: {KWAADAARDIG!r})"
    )
    ruw = (html_map / "index.html").read_text(encoding="utf-8")
    assert "<script" not in ruw.lower(), "index.html bevat een <script>-element"
    assert KWAADAARDIG not in ruw, "index.html bevat de HTML uit de gegevens onge-escaped"


@pytest.mark.traag
def test_geen_klagergegevens_op_de_pagina(pagina: Pagina) -> None:
    tekst = pagina.evalueer("document.body.innerText").casefold()
    dom = pagina.evalueer("document.documentElement.outerHTML").casefold()
    assert ORGANISATIE.casefold() in tekst, "de zoektekst klopt niet: organisatie ontbreekt"
    gevonden = [
        deel
        for deel in (*(x for k in KLAGERS for x in k), *KENMERKENDE_DELEN)
        if deel.casefold() in tekst or deel.casefold() in dom
    ]
    assert not gevonden, f"klagergegevens op de pagina: {gevonden}"


def test_geen_klagergegevens_in_de_bestanden(html_map: Path) -> None:
    """Every file of the site, not only index.html: manifest, sums, evidence."""
    bestanden = sorted(p for p in html_map.rglob("*") if p.is_file())
    assert {p.name for p in bestanden} >= {"index.html", "stijl.css", "manifest.json", "SHA256SUMS"}
    gevonden = []
    for pad in bestanden:
        inhoud = pad.read_bytes().decode("utf-8", errors="replace").casefold()
        for deel in (*(x for k in KLAGERS for x in k), *KENMERKENDE_DELEN):
            if deel.casefold() in inhoud:
                gevonden.append(f"{pad.relative_to(html_map)}: {deel}")
    assert not gevonden, "klagergegevens in de HTML-map:" + _lijst(gevonden)
