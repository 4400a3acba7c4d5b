"""The vocabularies the law fixes, as the words users type and read.

The organisation's own words (wijken, teams, aanbieders, categories) are not here: they
come from the organisation profile (``kwaliteit.organisatie``). Pure Python (no
SQLAlchemy), so the CLI can offer them as choices at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Kanaal(StrEnum):
    BRIEF = "brief"
    EMAIL = "e-mail"
    WEBFORMULIER = "webformulier"
    TELEFOON = "telefoon"
    BALIE = "balie"

    @property
    def schriftelijk(self) -> bool:
        """Written complaints follow the formal procedure of Awb 9:5-9:12 (9:4)."""
        return self in (Kanaal.BRIEF, Kanaal.EMAIL, Kanaal.WEBFORMULIER)


class Regime(StrEnum):
    AWB = "awb"
    WMO = "wmo2015"
    JEUGDWET = "jeugdwet"
    WKKGZ = "wkkgz"


class BeklaagdeSoort(StrEnum):
    MEDEWERKER = "medewerker"
    TEAM = "team"
    ORGANISATIE = "organisatie"


class Uitkomst(StrEnum):
    GEGROND = "gegrond"
    DEELS_GEGROND = "deels-gegrond"
    ONGEGROND = "ongegrond"
    GEEN_OORDEEL = "geen-oordeel"
    INFORMEEL_OPGELOST = "informeel-opgelost"
    DOORGESTUURD = "doorgestuurd"
    INGETROKKEN = "ingetrokken"
    NIET_ONTVANKELIJK = "niet-ontvankelijk"
    NIET_IN_BEHANDELING = "niet-in-behandeling"

    @property
    def is_oordeel(self) -> bool:
        """An oordeel after the formal procedure (Awb 9:12)."""
        return self in OORDEELUITKOMSTEN


OORDEELUITKOMSTEN = frozenset(
    {Uitkomst.GEGROND, Uitkomst.DEELS_GEGROND, Uitkomst.ONGEGROND, Uitkomst.GEEN_OORDEEL}
)


class Bestemmingssoort(StrEnum):
    BESTUURSORGAAN = "bestuursorgaan"
    ZORGAANBIEDER = "zorgaanbieder"
    ANDERS = "anders"


class Grond98(StrEnum):
    """Awb 9:8: grounds not to handle a complaint."""

    A = "1a"
    B = "1b"
    C = "1c"
    D = "1d"
    E = "1e"
    F = "1f"
    LID2 = "2"


GROND_98_OMSCHRIJVING: dict[Grond98, str] = {
    Grond98.A: "al eerder behandeld volgens 9:4 e.v.",
    Grond98.B: "gedraging langer dan een jaar voor indiening",
    Grond98.C: "bezwaar was mogelijk (of is gemaakt)",
    Grond98.D: "beroep was mogelijk (of is ingesteld)",
    Grond98.E: "aanhangig bij een andere rechter dan een bestuursrechter",
    Grond98.F: "strafrechtelijk onderzoek of vervolging",
    Grond98.LID2: "belang of gewicht kennelijk onvoldoende",
}


class AfzienHoren(StrEnum):
    """Awb 9:10 lid 2: grounds to not hear the klager."""

    A = "a"
    B = "b"
    C = "c"


AFZIEN_HOREN_OMSCHRIJVING: dict[AfzienHoren, str] = {
    AfzienHoren.A: "klacht kennelijk ongegrond",
    AfzienHoren.B: "klager heeft verklaard geen gebruik te willen maken van het recht te worden gehoord",
    AfzienHoren.C: "klager heeft niet binnen een redelijke termijn verklaard te willen worden gehoord",
}


class Status(StrEnum):
    OPEN = "open"
    GESLOTEN = "gesloten"


class StatusFilter(StrEnum):
    OPEN = "open"
    GESLOTEN = "gesloten"
    TE_LAAT = "te-laat"
