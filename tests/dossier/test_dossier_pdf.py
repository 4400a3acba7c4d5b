"""The PDF dossier: contents, PDF/A, attachments, reproducibility, checking, privacy."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dossier.conftest import KLAGERS, KWAADAARDIG, ORGANISATIE, Register


def tekst(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(pdf).pages)


def bijlagen(pdf: Path) -> dict[str, bytes]:
    return {naam: data[0] for naam, data in PdfReader(pdf).attachments.items()}


def pdfa_identificatie(r: PdfReader) -> tuple[str, str]:
    """PDF/A part and conformance from the XMP metadata.

    Read from the RDF itself: pypdf's pdfaid_part and pdfaid_conformance are newer than
    the lowest pypdf kwaliteit supports (make test-grenzen).
    """
    xmp = r.xmp_metadata
    assert xmp is not None
    ns = "http://www.aiim.org/pdfa/ns/id/"
    waarden = {}
    for d in xmp.rdf_root.getElementsByTagNameNS(xmp.rdf_root.namespaceURI, "Description"):
        for naam in ("part", "conformance"):
            if d.hasAttributeNS(ns, naam):
                waarden[naam] = d.getAttributeNS(ns, naam)
            for e in d.getElementsByTagNameNS(ns, naam):
                waarden[naam] = "".join(c.data for c in e.childNodes if c.nodeType == c.TEXT_NODE)
    return waarden.get("part", ""), waarden.get("conformance", "")


def klachtensectie(t: str) -> str:
    begin = t.index("Het overzicht van artikel 9:12a Awb")
    return t[begin : t.index("Bewijsindex", begin)]


@pytest.fixture(scope="module")
def zonder_drempel(register: Register, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same dossier with suppression switched off (--drempel 0), PDF only."""
    r, doel = register.dossier(
        "--drempel", "0", "--formaat", "pdf", uit=tmp_path_factory.mktemp("d0") / "d"
    )
    assert r.exit_code == 0, r.stderr
    return doel / "dossier.pdf"


def test_de_secties_en_het_voorblad(dossiermap: Path) -> None:
    t = tekst(dossiermap / "dossier.pdf")
    for kop in ("Kwaliteitsdossier", "Inhoud", "Samenvatting", "Normen", "Klachten"):
        assert kop in t
    assert "Bewijsindex" in t
    assert "Manifest" in t
    assert ORGANISATIE in t
    assert "Klachtbehandeling" in t or "awb-h9" in t
    # Dutch dates, from the options only.
    assert "1 januari 2023 tot en met 31 december 2023" in t
    assert "15 januari 2024" in t
    # The manifest digest on the cover is the one of the embedded manifest.
    m = bijlagen(dossiermap / "dossier.pdf")["manifest.json"]
    digest = hashlib.sha256(
        json.dumps(
            json.loads(m), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode()
    ).hexdigest()
    assert digest in t.replace("\n", "")
    # Page numbers and running headers.
    assert re.search(r"Pagina 1 van (\d+)", t)
    n = int(re.search(r"Pagina 1 van (\d+)", t).group(1))  # type: ignore[union-attr]
    assert f"Pagina {n} van {n}" in t
    assert len(PdfReader(dossiermap / "dossier.pdf").pages) == n


def test_de_klachtcijfers_van_2023(zonder_drempel: Path) -> None:
    k = klachtensectie(tekst(zonder_drempel))
    assert re.search(r"^Ontvangen 5$", k, re.M)
    assert re.search(r"^doorgestuurd 3$", k, re.M)
    assert re.search(r"^ingetrokken 1$", k, re.M)
    assert re.search(r"^niet-ontvankelijk 1$", k, re.M)
    assert re.search(r"^gegrond 0$", k, re.M)


def test_kleine_aantallen_worden_onderdrukt(dossiermap: Path) -> None:
    k = klachtensectie(tekst(dossiermap / "dossier.pdf"))
    assert re.search(r"^Ontvangen 5$", k, re.M)  # a total, not a breakdown cell
    assert re.search(r"^doorgestuurd <5$", k, re.M)
    assert re.search(r"^ingetrokken <5$", k, re.M)
    assert re.search(r"^gegrond 0$", k, re.M)  # nobody to find in an empty cell
    assert not re.search(r"^(doorgestuurd|ingetrokken|niet-ontvankelijk) [1-4]$", k, re.M)


def test_per_norm_tekst_oordeel_bewijs_toets_en_acties(dossiermap: Path) -> None:
    t = tekst(dossiermap / "dossier.pdf")
    plat = " ".join(t.split())
    # The norm text of 9:6 (the law's words) and its oordeel with toelichting.
    assert "Het bestuursorgaan bevestigt de ontvangst van het klaagschrift schriftelijk." in plat
    assert "Elke schriftelijke klacht is bevestigd" in plat
    # Evidence with its dates, hash and the link's toelichting.
    regeling = hashlib.sha256(b"# Klachtenregeling\n\nVastgesteld 1 januari 2023.\n").hexdigest()
    assert regeling in t.replace("\n", "")
    assert "De regeling volgt de wet" in plat
    assert "van 1 januari 2023" in plat
    # A toets scenario verbatim, with its result.
    assert "Scenario: Elke schriftelijke klacht krijgt een ontvangstbevestiging" in plat
    assert "@norm:awb-h9/9:6" in plat
    # Bevinding and verbeteractie, learning from a complaint without naming it.
    assert "Verdaging niet altijd gemotiveerd" in plat
    assert "Sjabloon voor verdagingsbrieven" in plat
    assert "naar aanleiding van 1 klacht" in plat


def test_pdf_a_identificatie_en_bijlagen(dossiermap: Path, register: Register) -> None:
    pdf = dossiermap / "dossier.pdf"
    r = PdfReader(pdf)
    assert pdfa_identificatie(r) == ("3", "B")
    b = bijlagen(pdf)
    manifest = json.loads(b["manifest.json"])
    paden = {x["pad"] for x in manifest["bestanden"]}
    assert set(b) == {"manifest.json", *paden}
    assert b["bewijs/B-0001/v1/regeling.md"] == (register.map / "regeling.md").read_bytes()
    assert b["bewijs/B-0002/v1/jaarverslag.txt"] == (register.map / "jaarverslag.txt").read_bytes()
    for x in manifest["bestanden"]:
        assert hashlib.sha256(b[x["pad"]]).hexdigest() == x["sha256"]
    # The dossier's data is in the manifest too.
    assert manifest["gegevens"]["klachten"]["ontvangen"] == 5
    assert manifest["dossier"]["kader"] == "awb-h9"
    # Metadata from the options, not the clock.
    assert r.metadata is not None
    assert r.metadata.get("/CreationDate", "").startswith("D:20240115")
    assert r.metadata.get("/Author") == ORGANISATIE


def _alle_bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


def test_twee_builds_zijn_byte_gelijk(dossiermap: Path, register: Register, tmp_path: Path) -> None:
    r, tweede = register.dossier(uit=tmp_path / "opnieuw")
    assert r.exit_code == 0, r.stderr
    eerste_bestanden, tweede_bestanden = _alle_bestanden(dossiermap), _alle_bestanden(tweede)
    assert sorted(eerste_bestanden) == sorted(tweede_bestanden)
    verschillend = [p for p in eerste_bestanden if eerste_bestanden[p] != tweede_bestanden[p]]
    assert verschillend == []


def _ingebedde_lettertypen(pdf: Path) -> list[bytes]:
    uit = []
    for pagina in PdfReader(pdf).pages:
        bronnen: Any = pagina["/Resources"].get_object()
        fonts = bronnen.get("/Font", {})
        for f in fonts.values():
            beschrijving = f.get_object()
            for d in beschrijving.get("/DescendantFonts", [beschrijving]):
                fd = d.get_object().get("/FontDescriptor")
                if fd is not None and "/FontFile2" in fd.get_object():
                    uit.append(fd.get_object()["/FontFile2"].get_object().get_data())
    return uit


def test_lettertypen_gedateerd_op_het_dossier_niet_op_de_klok(dossiermap: Path) -> None:
    # fontTools stamps a subset with the build time unless SOURCE_DATE_EPOCH is set; two
    # builds a second apart would differ. The stamp is the dossier's date (2024-01-15), or
    # the bundled font's own where WeasyPrint embeds it without rewriting: never the clock.
    from fontTools.misc.timeTools import timestampSinceEpoch
    from fontTools.ttLib import TTFont

    lettertypen = _ingebedde_lettertypen(dossiermap / "dossier.pdf")
    assert lettertypen
    verwacht = timestampSinceEpoch(datetime(2024, 1, 15, tzinfo=UTC).timestamp())
    for inhoud in lettertypen:
        assert TTFont(BytesIO(inhoud))["head"].modified <= verwacht


def test_controleer_een_goed_dossier(dossiermap: Path, register: Register) -> None:
    r = register.run("dossier", "controleer", str(dossiermap))
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "dossier.pdf: in orde" in r.stdout
    assert "html: in orde" in r.stdout
    r = register.run("dossier", "controleer", str(dossiermap / "dossier.pdf"))
    assert r.exit_code == 0, r.stdout + r.stderr


def _kopie(register: Register, tmp_path: Path) -> Path:
    r, doel = register.dossier(uit=tmp_path / "kopie")
    assert r.exit_code == 0, r.stderr
    return doel


def _wijzig_byte(pad: Path, positie: int) -> None:
    data = bytearray(pad.read_bytes())
    data[positie] ^= 0x01
    pad.write_bytes(bytes(data))


def test_controleer_vindt_een_gewijzigde_byte_in_een_bewijsbestand(
    register: Register, tmp_path: Path
) -> None:
    doel = _kopie(register, tmp_path)
    _wijzig_byte(doel / "html/bewijs/B-0001/v1/regeling.md", 3)
    r = register.run("dossier", "controleer", str(doel / "html"))
    assert r.exit_code == 1
    assert "bewijs/B-0001/v1/regeling.md: gewijzigd" in r.stdout
    assert "jaarverslag" not in r.stdout  # only what changed is named


def test_controleer_vindt_een_gewijzigde_byte_in_de_pdf(register: Register, tmp_path: Path) -> None:
    doel = _kopie(register, tmp_path)
    pdf = doel / "dossier.pdf"
    _wijzig_byte(pdf, len(pdf.read_bytes()) // 2)
    r = register.run("dossier", "controleer", str(pdf))
    assert r.exit_code == 1
    assert "dossier.pdf: gewijzigd" in r.stdout


def test_controleer_vindt_een_vervangen_bijlage(register: Register, tmp_path: Path) -> None:
    """Even with a matching .sha256 beside it, a swapped attachment does not pass."""
    from pypdf import PdfWriter

    doel = _kopie(register, tmp_path)
    pdf = doel / "dossier.pdf"
    origineel = bijlagen(pdf)
    schrijver = PdfWriter()
    schrijver.append(pdf)
    for naam, data in origineel.items():
        vervalst = naam == "bewijs/B-0001/v1/regeling.md"
        schrijver.add_attachment(naam, b"vervalst" if vervalst else data)
    schrijver.write(pdf)
    (doel / "dossier.pdf.sha256").write_text(
        f"{hashlib.sha256(pdf.read_bytes()).hexdigest()}  dossier.pdf\n", encoding="utf-8"
    )
    r = register.run("dossier", "controleer", str(pdf))
    assert r.exit_code == 1, r.stdout
    assert "bewijs/B-0001/v1/regeling.md" in r.stdout


def test_controleer_noemt_ontbrekende_en_onbekende_bestanden(
    register: Register, tmp_path: Path
) -> None:
    doel = _kopie(register, tmp_path)
    (doel / "html/bewijs/B-0002/v1/jaarverslag.txt").unlink()
    (doel / "html/extra.html").write_text("<p>erbij</p>", encoding="utf-8")
    r = register.run("dossier", "controleer", str(doel))
    assert r.exit_code == 1
    assert "bewijs/B-0002/v1/jaarverslag.txt: ontbreekt" in r.stdout
    assert "extra.html: onbekend" in r.stdout


def test_controleer_onzin_geeft_een_nette_melding(register: Register, tmp_path: Path) -> None:
    r = register.run("dossier", "controleer", str(tmp_path / "bestaat-niet"))
    assert r.exit_code == 2
    assert "bestaat niet" in r.stderr
    (tmp_path / "leeg").mkdir()
    r = register.run("dossier", "controleer", str(tmp_path / "leeg"))
    assert r.exit_code == 2
    assert "geen dossier" in r.stderr
    nep = tmp_path / "nep.pdf"
    nep.write_bytes(b"%PDF-1.7 geen echte pdf")
    r = register.run("dossier", "controleer", str(nep))
    assert r.exit_code in (1, 2)
    assert "Traceback" not in r.stdout + r.stderr


def test_geen_persoonsgegevens_van_klagers(dossiermap: Path) -> None:
    pdf = dossiermap / "dossier.pdf"
    t = tekst(pdf)
    plat = " ".join(t.split())
    inhoud = [t, plat, *(d.decode("utf-8", "replace") for d in bijlagen(pdf).values())]
    inhoud += [
        p.read_bytes().decode("utf-8", "replace") for p in dossiermap.rglob("*") if p.is_file()
    ]
    for naam, contact in KLAGERS:
        for stuk in (naam, contact, naam.split()[-1]):
            assert not any(stuk in x for x in inhoud), f"{stuk!r} staat in het dossier"


def test_html_in_gebruikersinhoud_blijft_tekst(dossiermap: Path) -> None:
    """The evidence title holds an <img> and a <script>: shown as text, never fetched."""
    plat = " ".join(tekst(dossiermap / "dossier.pdf").split())
    assert "<script>alert(1)</script>" in plat
    index = (dossiermap / "html/index.html").read_text(encoding="utf-8")
    assert KWAADAARDIG not in index
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;&lt;script&gt;" in index


def test_een_eerder_dossier_wordt_vervangen(register: Register, tmp_path: Path) -> None:
    doel = _kopie(register, tmp_path)
    r, _ = register.dossier("--formaat", "html", uit=doel)
    assert r.exit_code == 0, r.stderr
    assert not (doel / "dossier.pdf").exists()
    assert (doel / "html/index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kopie"]  # no temporary leftovers


def test_periode_met_van_en_tot(register: Register, tmp_path: Path) -> None:
    r = register.run(
        "dossier", "--kader", "awb-h9", "--van", "01-04-2023", "--tot", "30-06-2023",
        "--formaat", "html", "--drempel", "0", "--uit", str(tmp_path / "kwartaal"),
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    m = json.loads((tmp_path / "kwartaal/html/manifest.json").read_text(encoding="utf-8"))
    k = m["gegevens"]["klachten"]
    assert (k["van"], k["tot"], k["ontvangen"]) == ("2023-04-01", "2023-06-30", 2)
    assert m["gegevens"]["peildatum"] == "2023-06-30"  # the end of the period by default


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--periode", "2023", "--uit", "X"], "--kader"),
        (["--kader", "awb-h9", "--periode", "2023"], "--uit"),
        (["--kader", "awb-h9", "--uit", "X"], "periode"),
        (["--kader", "awb-h9", "--periode", "twintig", "--uit", "X"], "geen jaar"),
        (["--kader", "awb-h9", "--periode", "2023", "--van", "01-01-2023", "--uit", "X"], "niet allebei"),
        (["--kader", "awb-h9", "--van", "01-01-2023", "--uit", "X"], "--tot"),
        (["--kader", "awb-h9", "--van", "31-12-2023", "--tot", "01-01-2023", "--uit", "X"], "vóór"),
        (["--kader", "awb-h9", "--van", "31-13-2023", "--tot", "01-01-2024", "--uit", "X"], "--van"),
        (["--kader", "awb-h9", "--periode", "2023", "--formaat", "docx", "--uit", "X"], "pdf, html of beide"),
        (["--kader", "awb-h9", "--periode", "2023", "--drempel", "-1", "--uit", "X"], "--drempel"),
        (["--kader", "onbekend-kader", "--periode", "2023", "--uit", "X"], "niet geladen"),
    ],
)  # fmt: skip
def test_foute_invoer(register: Register, tmp_path: Path, args: list[str], melding: str) -> None:
    args = [str(tmp_path / "X") if a == "X" else a for a in args]
    r = register.run("dossier", *args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert melding in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "X").exists()


def test_uit_mag_geen_vreemde_map_of_bestand_zijn(register: Register, tmp_path: Path) -> None:
    vreemd = tmp_path / "documenten"
    vreemd.mkdir()
    (vreemd / "brief.docx").write_bytes(b"belangrijk")
    r, _ = register.dossier(uit=vreemd)
    assert r.exit_code == 2
    assert "kies een nieuwe of lege map" in r.stderr
    assert sorted(p.name for p in vreemd.iterdir()) == ["brief.docx"]
    bestand = tmp_path / "dossier.pdf"
    bestand.write_bytes(b"oud")
    r, _ = register.dossier(uit=bestand)
    assert r.exit_code == 2
    assert bestand.read_bytes() == b"oud"


def _laadt_weasyprint(register: Register, tmp_path: Path, *args: str) -> bool:
    """Run one dossier command in a fresh interpreter; was WeasyPrint imported?"""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kwaliteit.cli import app\n"
        "r = CliRunner().invoke(app, sys.argv[1:])\n"
        "assert r.exit_code == 0, r.stderr\n"
        "print('weasyprint' in sys.modules)\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code, "--database", register.url, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "KWALITEIT_VANDAAG": "2024-01-15"},
    )
    return uit.stdout.strip() == "True"


def test_weasyprint_alleen_voor_de_pdf(register: Register, tmp_path: Path) -> None:
    basis = ["dossier", "--kader", "awb-h9", "--periode", "2023"]
    assert not _laadt_weasyprint(
        register, tmp_path, *basis, "--formaat", "html", "--uit", str(tmp_path / "h")
    )
    assert not _laadt_weasyprint(register, tmp_path, "dossier", "controleer", str(tmp_path / "h"))
    assert _laadt_weasyprint(
        register, tmp_path, *basis, "--formaat", "pdf", "--uit", str(tmp_path / "p")
    )


def test_drukinvoer_bewaart_wat_de_pdf_maakt(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KWALITEIT_DOSSIER_DRUKINVOER keeps the print HTML, its assets and the attachments
    (the bench's WeasyPrint floor renders exactly that); the dossier itself is unchanged."""
    invoer = tmp_path / "invoer"
    monkeypatch.setenv("KWALITEIT_DOSSIER_DRUKINVOER", str(invoer))
    r, doel = register.dossier("--formaat", "pdf", uit=tmp_path / "d")
    assert r.exit_code == 0, r.stderr
    html = (invoer / "druk.html").read_text(encoding="utf-8")
    assert 'href="druk.css"' in html
    assert "bijlage manifest.json" in html
    assert (invoer / "middelen/druk.css").is_file()
    assert (invoer / "middelen/lettertypen/DejaVuSans.ttf").is_file()
    bewaard = {
        p.relative_to(invoer / "bijlagen").as_posix(): p.read_bytes()
        for p in (invoer / "bijlagen").rglob("*")
        if p.is_file()
    }
    assert bewaard == bijlagen(doel / "dossier.pdf")
    assert "manifest.json" in bewaard
    assert len(bewaard) > 1
    assert sorted(p.name for p in doel.iterdir()) == ["dossier.pdf", "dossier.pdf.sha256"]
