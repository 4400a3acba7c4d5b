"""One rule for matching a typed value to a vocabulary: case, accents and separators don't matter."""

from __future__ import annotations

from enum import StrEnum

import pytest

from klachten import waarden
from klachten.fouten import OngeldigeKlacht
from klachten.invoer import keuze as klachtkeuze
from kwaliteit.bewijs import modellen as bewijsmodellen
from kwaliteit.fouten import InvoerFout
from kwaliteit.keuzes import keuze, keuzes, sleutel, zoek

Bewijssoort = bewijsmodellen.Bewijssoort
Uitkomst = waarden.Uitkomst


class Plek(StrEnum):
    """A vocabulary with a slash in a value (as the wijken of an organisation may have)."""

    CENTRUM_WEST = "Centrum/West"


@pytest.mark.parametrize(
    ("getypt", "verwacht"),
    [
        ("enquête", Bewijssoort.ENQUETE),
        ("enquete", Bewijssoort.ENQUETE),  # without the accent
        ("ENQUÊTE", Bewijssoort.ENQUETE),
        ("Enquéte", Bewijssoort.ENQUETE),  # another accent: accents do not count at all
        ("enque\u0302te", Bewijssoort.ENQUETE),  # the accent as a combining character
        (" Document ", Bewijssoort.DOCUMENT),
    ],
)
def test_accenten_en_hoofdletters_tellen_niet(getypt: str, verwacht: StrEnum) -> None:
    assert zoek(Bewijssoort, getypt) is verwacht


@pytest.mark.parametrize(
    "getypt",
    ["deels-gegrond", "Deels Gegrond", "DEELS_GEGROND", " deels  -  gegrond ", "deels--gegrond"],
)
def test_spaties_streepjes_en_liggende_streepjes_zijn_hetzelfde_scheidingsteken(
    getypt: str,
) -> None:
    assert zoek(Uitkomst, getypt) is Uitkomst.DEELS_GEGROND


@pytest.mark.parametrize(
    ("soort", "getypt"),
    [
        (waarden.Kanaal, "email"),  # a separator is not nothing
        (Plek, "centrum west"),  # a slash is not a separator
        (waarden.Grond98, "1 a"),
        (Uitkomst, "gegrondd"),
        (Uitkomst, ""),
    ],
)
def test_andere_tekens_tellen_wel(soort: type[StrEnum], getypt: str) -> None:
    assert zoek(soort, getypt) is None


def test_de_sleutel_is_wat_vergeleken_wordt() -> None:
    assert sleutel("  Niet_in-Behandeling ") == "niet in behandeling"
    assert sleutel("Enquête") == sleutel("enquete") == "enquete"


def test_een_onbekende_waarde_noemt_het_veld_en_wat_wel_mag() -> None:
    with pytest.raises(InvoerFout) as e:
        keuze(Bewijssoort, "foto", "soort")
    assert type(e.value) is InvoerFout
    assert e.value.melding == (
        "soort: 'foto' is niet toegestaan; kies document, registratie, interview, observatie, "
        "enquête of kengetal."
    )


def test_de_klachten_gebruiken_dezelfde_regel_met_hun_eigen_fout() -> None:
    assert klachtkeuze(Uitkomst, "Niet_In Behandeling", "uitkomst") is Uitkomst.NIET_IN_BEHANDELING
    assert klachtkeuze(waarden.Kanaal, "E-MAIL", "kanaal") is waarden.Kanaal.EMAIL
    with pytest.raises(OngeldigeKlacht, match="kies brief, e-mail"):
        klachtkeuze(waarden.Kanaal, "fax", "kanaal")


def test_keuzes_somt_de_waarden_op() -> None:
    assert keuzes(waarden.AfzienHoren) == "a, b of c"
    assert keuzes(waarden.Status) == "open of gesloten"


ALLE_WOORDENLIJSTEN = [
    *(
        v
        for v in vars(waarden).values()
        if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum
    ),
    *(
        v
        for v in vars(bewijsmodellen).values()
        if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum
    ),
]


@pytest.mark.parametrize("soort", ALLE_WOORDENLIJSTEN, ids=lambda s: s.__name__)
def test_elke_waarde_van_elke_woordenlijst_is_te_onderscheiden(soort: type[StrEnum]) -> None:
    for lid in soort:
        assert zoek(soort, lid.value) is lid
        assert zoek(soort, lid.value.upper().replace("-", " ")) is lid
