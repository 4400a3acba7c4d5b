"""What users type (CLI options, CSV cells) turned into checked values."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import VOORBEELDPROFIEL

from klachten import invoer
from klachten.fouten import OngeldigeKlacht
from klachten.invoer import NieuweKlacht, Registratieregels, kenmerk, keuze, maak_kenmerk, tekst
from klachten.velden import VELD
from klachten.waarden import BeklaagdeSoort, Kanaal, Regime
from kwaliteit import profieldienst
from kwaliteit.organisatie import Klachtenregeling, Profiel

# The WOT Schiedam example profile (demo/organisatie-wot-schiedam.yaml), and a new
# organisation without one (every list empty: wijk, team, aanbieder, categorie free).
WOT = profieldienst.lees(VOORBEELDPROFIEL)
GEEN_PROFIEL = Profiel()

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
        (Regime, "Wmo2015", Regime.WMO),
        (BeklaagdeSoort, "ORGANISATIE", BeklaagdeSoort.ORGANISATIE),
    ],
)
def test_keuze_herkent_de_waarde_ongeacht_hoofdletters(
    soort: type, getypt: str, verwacht: object
) -> None:
    assert keuze(soort, getypt, "veld") is verwacht


@pytest.mark.parametrize(
    ("veld", "getypt", "verwacht"),
    [
        ("wijk", "centrum/west", "Centrum/West"),
        ("wijk", "GROENOORD", "Groenoord"),
        ("wijk", "Groénoord", "Groenoord"),  # accents don't count
        ("team", "  wot   groenoord ", "WOT Groenoord"),  # nor spaces
        ("aanbieder", "mee regio rijnmond", "MEE Regio Rijnmond"),
        ("categorie", "Bejegening", "bejegening"),
    ],
)
def test_een_waarde_uit_het_profiel_krijgt_de_schrijfwijze_van_het_profiel(
    veld: str, getypt: str, verwacht: str
) -> None:
    assert Registratieregels(WOT).waarde(VELD[veld], getypt) == verwacht


@pytest.mark.parametrize(
    ("veld", "getypt", "verwacht"),
    [
        ("wijk", "  centrum /  west ", "centrum / west"),
        ("team", "Team\tZuid", "Team Zuid"),
        ("aanbieder", " Stichting Welzijn ", "Stichting Welzijn"),
        ("categorie", "Bejegening", "Bejegening"),
    ],
)
def test_zonder_profiel_blijft_de_waarde_zoals_getypt_met_gewone_spaties(
    veld: str, getypt: str, verwacht: str
) -> None:
    assert Registratieregels(GEEN_PROFIEL).waarde(VELD[veld], getypt) == verwacht


def test_een_schuine_streep_is_geen_spatie_in_het_profiel() -> None:
    with pytest.raises(OngeldigeKlacht, match="'centrum west' staat niet"):
        Registratieregels(WOT).waarde(VELD["wijk"], "centrum west")


def test_onbekende_keuze_wordt_geweigerd_met_alle_mogelijkheden() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        keuze(Kanaal, "fax", "kanaal")
    assert e.value.melding == (
        "kanaal: 'fax' is niet toegestaan; kies brief, e-mail, webformulier, telefoon of balie."
    )


@pytest.mark.parametrize(
    ("veld", "grens"),
    [("behandelaar", 200), ("naar", 200), ("wijze", 200), ("omschrijving", 20_000)],
)
def test_tekst_tot_de_maximale_lengte_is_toegestaan_en_langer_niet(veld: str, grens: int) -> None:
    assert tekst("  " + "x" * grens + "  ", veld) == "x" * grens
    with pytest.raises(OngeldigeKlacht) as e:
        tekst("x" * (grens + 1), veld)
    assert e.value.melding == (
        f"{veld} is {grens + 1} tekens lang; ten hoogste {grens} is toegestaan."
    )


@pytest.mark.parametrize(
    ("veld", "label", "grens"),
    [
        ("beklaagde", "beklaagde", 200),
        ("wijk", "wijk", 200),
        ("team", "team", 200),
        ("aanbieder", "aanbieder", 200),
        ("categorie", "categorie", 200),
        ("klager_naam", "klager-naam", 200),
        ("klager_contact", "klager-contact", 300),
        ("omschrijving", "omschrijving", 20_000),
    ],
)
@pytest.mark.parametrize("profiel", [GEEN_PROFIEL, WOT], ids=["geen-profiel", "wot"])
def test_registratietekst_tot_de_maximale_lengte_is_toegestaan_en_langer_niet(
    veld: str, label: str, grens: int, profiel: Profiel
) -> None:
    regels = Registratieregels(profiel)
    if VELD[veld].profiellijst is None or not profiel.lijst(VELD[veld].profiellijst or ""):
        assert regels.waarde(VELD[veld], "  " + "x" * grens + "  ") == "x" * grens
    with pytest.raises(OngeldigeKlacht) as e:
        regels.waarde(VELD[veld], "x" * (grens + 1))
    assert e.value.melding == (
        f"{label} is {grens + 1} tekens lang; ten hoogste {grens} is toegestaan."
    )


@pytest.mark.parametrize("leeg", [None, "", "   "])
def test_lege_tekst_is_afwezig_of_verplicht(leeg: str | None) -> None:
    assert tekst(leeg, "team") is None
    with pytest.raises(OngeldigeKlacht, match="omschrijving is verplicht"):
        tekst(leeg, "omschrijving", verplicht=True)
    regels = Registratieregels(WOT)
    assert regels.waarde(VELD["team"], leeg) is None
    with pytest.raises(OngeldigeKlacht, match="omschrijving is verplicht"):
        regels.waarde(VELD["omschrijving"], leeg)


# -- Registratieregels.nieuwe_klacht ------------------------------------------------


def test_nieuwe_klacht_met_alleen_de_verplichte_velden_krijgt_de_standaarden() -> None:
    invoer = {"ontvangen": "14-03-2023", "kanaal": "e-mail", "omschrijving": " Onheus bejegend. "}
    n = Registratieregels(WOT).nieuwe_klacht(invoer)
    assert n == NieuweKlacht(
        ontvangen=date(2023, 3, 14),
        kanaal=Kanaal.EMAIL,
        omschrijving="Onheus bejegend.",
        regime=Regime.AWB,
        categorie="overig",  # the profile's standaard_categorie
        adviescommissie=False,
        termijn_weken=6,
    )
    # Without a profile there is no default category; the rest is the law's.
    zonder = Registratieregels(GEEN_PROFIEL).nieuwe_klacht(invoer)
    assert (zonder.categorie, zonder.regime, zonder.adviescommissie) == (None, Regime.AWB, False)
    assert zonder.termijn_weken == zonder.weken == 6


def test_nieuwe_klacht_leest_alle_velden() -> None:
    invoer = {
        "ontvangen": "2023-03-14",
        "kanaal": "BALIE",
        "omschrijving": "Onheus bejegend.",
        "gedraging": "01-03-2023",
        "beklaagde": " Jan de Vries ",
        "beklaagde_soort": "Medewerker",
        "wijk": "zuid",
        "team": "wot zuid",
        "aanbieder": "PAMEIJER",
        "regime": "JEUGDWET",
        "categorie": "Bejegening",
        "klager_naam": "A. Klager",
        "klager_contact": "a@example.org",
    }
    n = Registratieregels(WOT).nieuwe_klacht(invoer, adviescommissie=True)
    assert n == NieuweKlacht(
        ontvangen=date(2023, 3, 14),
        kanaal=Kanaal.BALIE,
        omschrijving="Onheus bejegend.",
        gedraging=date(2023, 3, 1),
        beklaagde="Jan de Vries",
        beklaagde_soort=BeklaagdeSoort.MEDEWERKER,
        wijk="Zuid",
        team="WOT Zuid",
        aanbieder="Pameijer",
        regime=Regime.JEUGDWET,
        categorie="bejegening",
        adviescommissie=True,
        klager_naam="A. Klager",
        klager_contact="a@example.org",
        termijn_weken=10,
    )
    # Without a profile the same words are kept as typed.
    zonder = Registratieregels(GEEN_PROFIEL).nieuwe_klacht(invoer, adviescommissie=True)
    assert (zonder.wijk, zonder.team, zonder.aanbieder, zonder.categorie) == (
        "zuid",
        "wot zuid",
        "PAMEIJER",
        "Bejegening",
    )


def test_de_klachtenregeling_bepaalt_commissie_en_termijn_als_niets_is_opgegeven() -> None:
    invoer = {"ontvangen": "2023-03-14", "kanaal": "brief", "omschrijving": "x"}
    eigen = Profiel(klachtenregeling=Klachtenregeling(afhandeltermijn_weken=4))
    n = Registratieregels(eigen).nieuwe_klacht(invoer)
    assert (n.adviescommissie, n.termijn_weken, n.weken) == (False, 4, 4)
    commissie = Profiel(klachtenregeling=Klachtenregeling(klachtadviescommissie=True))
    n = Registratieregels(commissie).nieuwe_klacht(invoer)
    assert (n.adviescommissie, n.termijn_weken) == (True, 10)
    n = Registratieregels(commissie).nieuwe_klacht(invoer, adviescommissie=False)
    assert (n.adviescommissie, n.termijn_weken) == (False, 6)


def test_lege_optionele_velden_van_nieuwe_klacht_zijn_afwezig() -> None:
    invoer = {
        "ontvangen": "2023-03-14",
        "kanaal": "brief",
        "omschrijving": "x",
        "gedraging": " ",
        "beklaagde": "",
        "beklaagde_soort": "  ",
        "wijk": "",
        "regime": "",
        "categorie": " ",
    }
    n = Registratieregels(WOT).nieuwe_klacht(invoer)
    assert (n.gedraging, n.beklaagde, n.beklaagde_soort, n.wijk) == (None, None, None, None)
    assert (n.regime, n.categorie) == (Regime.AWB, "overig")
    n = Registratieregels(GEEN_PROFIEL).nieuwe_klacht(invoer)
    assert (n.gedraging, n.beklaagde, n.beklaagde_soort, n.wijk) == (None, None, None, None)
    assert (n.regime, n.categorie) == (Regime.AWB, None)


_ALLES_FOUT = {
    "ontvangen": "2023/03/14",
    "kanaal": "fax",
    "omschrijving": "   ",
    "gedraging": "31-02-2023",
    "beklaagde": "x" * 201,
    "beklaagde_soort": "afdeling",
    "wijk": "Buitenwijk",
    "team": "x" * 201,
    "aanbieder": "x" * 201,
    "regime": "wet",
    "categorie": "klacht",
    "klager_naam": "x" * 201,
    "klager_contact": "x" * 301,
}


def test_nieuwe_klacht_meldt_alle_fouten_tegelijk() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        Registratieregels(WOT).nieuwe_klacht(_ALLES_FOUT)
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
        "klager-naam is 201",
        "klager-contact is 301",
    ]
    for veld, detail in zip(velden, details, strict=True):
        assert detail.startswith(veld), detail


def test_zonder_profiel_zijn_wijk_en_categorie_geen_fout() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        Registratieregels(GEEN_PROFIEL).nieuwe_klacht(_ALLES_FOUT)
    details = e.value.details
    assert len(details) == 11
    assert not [d for d in details if d.startswith(("wijk", "categorie"))], details


def test_nieuwe_klacht_met_een_fout_noemt_alleen_die_fout() -> None:
    with pytest.raises(OngeldigeKlacht) as e:
        Registratieregels(WOT).nieuwe_klacht(
            {"ontvangen": "2023-03-14", "kanaal": "e-mail", "omschrijving": "x", "wijk": "Oostwijk"}
        )
    assert e.value.details == [
        "wijk: 'Oostwijk' staat niet in het organisatieprofiel; kies Centrum/West, Groenoord, "
        "Nieuwland, Noordrand, Oost, Zuid of stadsbreed, of voeg de wijk toe met: kwaliteit "
        "organisatie stel-in --wijk-erbij 'Oostwijk'."
    ]


# -- Registratieregels.wijziging ------------------------------------------------------


def test_wijziging_leest_alleen_wat_is_opgegeven_en_leeg_wist() -> None:
    regels = Registratieregels(WOT)
    assert regels.wijziging({"wijk": "oost", "team": None, "gedraging": ""}) == {
        "wijk": "Oost",
        "gedraging": None,
    }
    with pytest.raises(OngeldigeKlacht, match="regime mag niet leeg zijn"):
        regels.wijziging({"regime": " "})
    with pytest.raises(OngeldigeKlacht, match="'Oostwijk' staat niet"):
        regels.wijziging({"wijk": "Oostwijk"})
    with pytest.raises(OngeldigeKlacht, match="Geef minstens één gegeven"):
        regels.wijziging({"wijk": None})
    assert Registratieregels(GEEN_PROFIEL).wijziging({"wijk": "Oostwijk"}) == {"wijk": "Oostwijk"}
