"""What users type (CLI options, CSV cells) turned into checked values."""

from __future__ import annotations

from datetime import date

import pytest

from klachten import invoer
from klachten.fouten import OngeldigeKlacht
from klachten.invoer import NieuweKlacht, kenmerk, keuze, maak_kenmerk, nieuwe_klacht, tekst
from klachten.waarden import BeklaagdeSoort, Categorie, Kanaal, Regime, Wijk

# -- dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("getypt", "verwacht"),
    [
        ("2023-03-14", date(2023, 3, 14)),
        ("14-03-2023", date(2023, 3, 14)),
        ("  2023-03-14 ", date(2023, 3, 14)),
        ("4-3-2023", date(2023, 3, 4)),
        ("29-02-2024", date(2024, 2, 29)),
        ("2023-12-31", date(2023, 12, 31)),
    ],
)
def test_datum_als_jjjj_mm_dd_of_dd_mm_jjjj_wordt_gelezen(getypt: str, verwacht: date) -> None:
    assert invoer.datum(getypt, "ontvangen") == verwacht


@pytest.mark.parametrize(
    "getypt",
    [
        "2023/03/14",
        "14-3-23",
        "14.03.2023",
        "14 maart 2023",
        "20230314",
        "",
        "   ",
        "2023-03-14T10:00",
    ],
)
def test_datum_in_een_andere_vorm_wordt_geweigerd_met_de_toegestane_vormen(getypt: str) -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        invoer.datum(getypt, "ontvangen")
    assert e.value.melding.startswith("ontvangen:")
    assert f"'{getypt}'" in e.value.melding
    assert "jjjj-mm-dd of dd-mm-jjjj" in e.value.melding


@pytest.mark.parametrize("getypt", ["31-02-2023", "2023-02-29", "2023-13-01", "00-01-2023"])
def test_datum_die_niet_bestaat_wordt_geweigerd(getypt: str) -> None:
    with pytest.raises(OngeldigeKlacht, match="bestaat niet als datum") as e:
        invoer.datum(getypt, "gedraging")
    assert e.value.melding.startswith("gedraging:")


# -- kenmerk -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("getypt", "verwacht"),
    [
        ("k-2023-1", "K-2023-0001"),
        ("K-2023-0001", "K-2023-0001"),
        ("  k-2023-0042 ", "K-2023-0042"),
        ("K-2023-123", "K-2023-0123"),
        ("K-2024-12345", "K-2024-12345"),
        ("K-2023-00001", "K-2023-0001"),
    ],
)
def test_kenmerk_wordt_genormaliseerd(getypt: str, verwacht: str) -> None:
    assert kenmerk(getypt) == verwacht


@pytest.mark.parametrize(
    "getypt",
    [
        "",
        "K2023-0001",
        "2023-0001",
        "K-23-0001",
        "K-2023-",
        "X-2023-0001",
        "K-2023-00a1",
        "K-2023-0001-1",
        "K 2023 0001",
    ],
)
def test_ongeldig_kenmerk_wordt_geweigerd_met_een_voorbeeld(getypt: str) -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        kenmerk(getypt)
    assert "K-2023-0001" in e.value.melding


@pytest.mark.parametrize(
    ("jaar", "volgnummer"), [(2023, 1), (2023, 42), (2030, 9999), (2024, 10000)]
)
def test_gemaakt_kenmerk_blijft_gelijk_na_normaliseren(jaar: int, volgnummer: int) -> None:
    gemaakt = maak_kenmerk(jaar, volgnummer)
    assert kenmerk(gemaakt.lower()) == gemaakt


# -- choices and texts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "getypt", "verwacht"),
    [
        (Kanaal, "E-MAIL", Kanaal.EMAIL),
        (Kanaal, " Telefoon ", Kanaal.TELEFOON),
        (Wijk, "centrum/west", Wijk.CENTRUM_WEST),
        (Wijk, "GROENOORD", Wijk.GROENOORD),
        (Regime, "Wmo2015", Regime.WMO),
        (Categorie, "Bejegening", Categorie.BEJEGENING),
        (BeklaagdeSoort, "ORGANISATIE", BeklaagdeSoort.ORGANISATIE),
    ],
)
def test_keuze_herkent_de_waarde_ongeacht_hoofdletters(
    soort: type, getypt: str, verwacht: object
) -> None:
    assert keuze(soort, getypt, "veld") is verwacht


def test_onbekende_keuze_wordt_geweigerd_met_alle_mogelijkheden() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        keuze(Kanaal, "fax", "kanaal")
    assert e.value.melding == (
        "kanaal: 'fax' is niet toegestaan; kies brief, e-mail, webformulier, telefoon of balie."
    )


@pytest.mark.parametrize(
    ("veld", "grens"),
    [
        ("beklaagde", 200),
        ("team", 200),
        ("aanbieder", 200),
        ("klager_naam", 200),
        ("klager_contact", 300),
        ("behandelaar", 200),
        ("naar", 200),
        ("wijze", 200),
        ("omschrijving", 20_000),
    ],
)
def test_tekst_tot_de_maximale_lengte_is_toegestaan_en_langer_niet(veld: str, grens: int) -> None:
    assert tekst("  " + "x" * grens + "  ", veld) == "x" * grens
    with pytest.raises(OngeldigeKlacht) as e:
        tekst("x" * (grens + 1), veld)
    assert e.value.melding == (
        f"{veld} is {grens + 1} tekens lang; ten hoogste {grens} is toegestaan."
    )


@pytest.mark.parametrize("leeg", [None, "", "   "])
def test_lege_tekst_is_afwezig_of_verplicht(leeg: str | None) -> None:
    assert tekst(leeg, "team") is None
    with pytest.raises(OngeldigeKlacht, match="omschrijving is verplicht"):
        tekst(leeg, "omschrijving", verplicht=True)


# -- nieuwe_klacht -----------------------------------------------------------------


def test_nieuwe_klacht_met_alleen_de_verplichte_velden_krijgt_de_standaarden() -> None:
    n = nieuwe_klacht(ontvangen="14-03-2023", kanaal="e-mail", omschrijving=" Onheus bejegend. ")
    assert n == NieuweKlacht(
        ontvangen=date(2023, 3, 14),
        kanaal=Kanaal.EMAIL,
        omschrijving="Onheus bejegend.",
        regime=Regime.AWB,
        categorie=Categorie.OVERIG,
        adviescommissie=False,
    )


def test_nieuwe_klacht_leest_alle_velden() -> None:
    n = nieuwe_klacht(
        ontvangen="2023-03-14",
        kanaal="BALIE",
        omschrijving="Onheus bejegend.",
        gedraging="01-03-2023",
        beklaagde=" Jan de Vries ",
        beklaagde_soort="Medewerker",
        wijk="zuid",
        team="Team Zuid",
        aanbieder="Stichting Welzijn",
        regime="JEUGDWET",
        categorie="Bejegening",
        adviescommissie=True,
        klager_naam="A. Klager",
        klager_contact="a@example.org",
    )
    assert n == NieuweKlacht(
        ontvangen=date(2023, 3, 14),
        kanaal=Kanaal.BALIE,
        omschrijving="Onheus bejegend.",
        gedraging=date(2023, 3, 1),
        beklaagde="Jan de Vries",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
        wijk=Wijk.ZUID,
        team="Team Zuid",
        aanbieder="Stichting Welzijn",
        regime=Regime.JEUGDWET,
        categorie=Categorie.BEJEGENING,
        adviescommissie=True,
        klager_naam="A. Klager",
        klager_contact="a@example.org",
    )


def test_lege_optionele_velden_van_nieuwe_klacht_zijn_afwezig() -> None:
    n = nieuwe_klacht(
        ontvangen="2023-03-14",
        kanaal="brief",
        omschrijving="x",
        gedraging=" ",
        beklaagde="",
        beklaagde_soort="  ",
        wijk="",
        regime="",
        categorie=" ",
    )
    assert (n.gedraging, n.beklaagde, n.beklaagde_soort, n.wijk) == (None, None, None, None)
    assert (n.regime, n.categorie) == (Regime.AWB, Categorie.OVERIG)


def test_nieuwe_klacht_meldt_alle_fouten_tegelijk() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        nieuwe_klacht(
            ontvangen="2023/03/14",
            kanaal="fax",
            omschrijving="   ",
            gedraging="31-02-2023",
            beklaagde="x" * 201,
            beklaagde_soort="afdeling",
            wijk="Buitenwijk",
            team="x" * 201,
            aanbieder="x" * 201,
            regime="wet",
            categorie="klacht",
            klager_naam="x" * 201,
            klager_contact="x" * 301,
        )
    details = e.value.details
    assert len(details) == 13
    assert e.value.melding == details[0]
    velden = [
        "ontvangen:",
        "kanaal:",
        "omschrijving is verplicht",
        "gedraging:",
        "beklaagde is 201",
        "beklaagde-soort:",
        "wijk:",
        "team is 201",
        "aanbieder is 201",
        "regime:",
        "categorie:",
        "klager_naam is 201",
        "klager_contact is 301",
    ]
    for veld, detail in zip(velden, details, strict=True):
        assert detail.startswith(veld), detail


def test_nieuwe_klacht_met_een_fout_noemt_alleen_die_fout() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        nieuwe_klacht(ontvangen="2023-03-14", kanaal="e-mail", omschrijving="x", wijk="Oostwijk")
    assert e.value.details == [
        "wijk: 'Oostwijk' is niet toegestaan; kies Centrum/West, Groenoord, Nieuwland, "
        "Noordrand, Oost, Zuid of stadsbreed."
    ]
