"""WeasyPrint's URL fetcher for the dossier: the bundled assets only, nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kwaliteit.dossier.bouw import middelen
from kwaliteit.dossier.pdf import GeweigerdeBron, Ophaler, maak_pdf


@pytest.fixture
def ophaler(tmp_path: Path) -> Ophaler:
    (tmp_path / "wortel").mkdir()
    (tmp_path / "wortel" / "stijl.css").write_text("p { color: red }", encoding="utf-8")
    (tmp_path / "geheim.txt").write_text("geheim", encoding="utf-8")
    (tmp_path / "wortel" / "link.txt").symlink_to(tmp_path / "geheim.txt")
    return Ophaler([tmp_path / "wortel"])


def test_serveert_een_bestand_onder_de_wortel(ophaler: Ophaler, tmp_path: Path) -> None:
    antwoord = ophaler.fetch((tmp_path / "wortel" / "stijl.css").as_uri())
    assert antwoord.read() == b"p { color: red }"
    assert antwoord.headers["Content-Type"] == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/plaatje.png",
        "https://example.com/stijl.css",
        "ftp://example.com/x",
        "data:text/plain,hallo",
        "file://andere-host/etc/passwd",
    ],
)
def test_weigert_alles_buiten_de_wortels(ophaler: Ophaler, url: str) -> None:
    with pytest.raises(GeweigerdeBron):
        ophaler.fetch(url)
    assert ophaler.geweigerd == [url]


def test_weigert_ontsnappen_met_punten_en_symlinks(ophaler: Ophaler, tmp_path: Path) -> None:
    for url in (
        (tmp_path / "wortel").as_uri() + "/../geheim.txt",
        (tmp_path / "wortel" / "link.txt").as_uri(),
        (tmp_path / "wortel").as_uri(),  # a folder is not a file
        (tmp_path / "wortel-naast").as_uri() + "/x.css",  # a sibling with the same prefix
    ):
        with pytest.raises(GeweigerdeBron):
            ophaler.fetch(url)


def test_de_meegeleverde_middelen_zijn_er() -> None:
    namen = {p.relative_to(middelen()).as_posix() for p in middelen().rglob("*") if p.is_file()}
    assert {"stijl.css", "druk.css", "lettertypen/DejaVuSans.ttf"} <= namen


def test_een_verwijzing_naar_buiten_stopt_de_pdf() -> None:
    """Should a reference slip into the HTML, the build stops instead of fetching it."""
    from kwaliteit.fouten import Fout

    html = '<html><body><img src="file:///etc/passwd"><p>x</p></body></html>'
    with pytest.raises(Fout, match="niet is toegestaan"):
        maak_pdf(
            html,
            basis=middelen(),
            bijlagen=[],
            datum=date(2024, 1, 1),
            identificatie="ab",
        )


def test_een_pdf_met_alleen_middelen(tmp_path: Path) -> None:
    html = (
        '<html><head><link rel="stylesheet" href="druk.css"></head><body><p>Hallo</p></body></html>'
    )

    pdf, paginas = maak_pdf(
        html,
        basis=middelen(),
        bijlagen=[("a.txt", b"x", "een bijlage")],
        datum=date(2024, 1, 1),
        identificatie="ab",
    )
    assert pdf.startswith(b"%PDF-")
    assert paginas == 1
