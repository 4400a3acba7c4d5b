# language: nl
Functionaliteit: Normenkaders laden en een nieuwe versie naast de oude zetten
  De organisatie toetst zich aan normenkaders: Awb titel 9.1, Wmo 2015
  hoofdstuk 3 en een werkversie van het Kwaliteitslabel Sterk Sociaal Werk.
  Een kader wordt per versie geladen en daarna nooit meer gewijzigd. Een nieuwe
  wettekst of normtekst krijgt een eigen versie, die naast de oude komt te
  staan; oordelen die onder de oude versie zijn gegeven, blijven bewaard, zodat
  de auditor later kan nagaan waaraan de organisatie zich toen heeft getoetst.

  Achtergrond:
    Gegeven vandaag is het 02-01-2026

  Abstract Scenario: Een meegeleverd kader laden
    Als het meegeleverde kader "<kader>" wordt geladen
    Dan is versie "<versie>" van "<kader>" geladen met <normen> normen, waarvan <beoordeelbaar> beoordeelbaar
    En zijn de categorieën van "<kader>": <categorieën>
    En hangt elke beoordeelbare norm van "<kader>" onder een categorie
    En is het auditspoor ongeschonden

    Voorbeelden:
      | kader              | versie          | normen | beoordeelbaar | categorieën               |
      | awb-h9             | 2026-01-01      | 20     | 17            | "9.1.1", "9.1.2", "9.1.3" |
      | wmo2015-h3         | 2026-01-01      | 7      | 6             | "H3"                      |
      | sterk-sociaal-werk | werkversie-2026 | 23     | 20            | "1", "2", "3"             |

  Scenario: Hetzelfde kader nogmaals laden verandert niets
    Gegeven het meegeleverde kader "awb-h9" is geladen
    Als het meegeleverde kader "awb-h9" wordt geladen
    Dan meldt het laden dat versie "2026-01-01" van "awb-h9" al geladen was
    En is er niets veranderd in de database

  Scenario: Een gewijzigde tekst onder hetzelfde versielabel wordt geweigerd
    Gegeven het meegeleverde kader "wmo2015-h3" is geladen
    Als een gewijzigde tekst van "wmo2015-h3" onder hetzelfde versielabel wordt geladen
    Dan wordt het laden geweigerd met de melding "Versie '2026-01-01' van wmo2015-h3 is al geladen met een andere inhoud."
    En is er niets veranderd in de database

  Scenario: Een nieuwe versie komt naast de oude en het oordeel onder de oude versie blijft staan
    Gegeven het meegeleverde kader "awb-h9" is geladen
    En vandaag is het 01-06-2026
    En norm "9:6" van "awb-h9" is in ronde 2026 beoordeeld als "voldoet" omdat "elke schriftelijke klacht binnen vijf werkdagen is bevestigd"
    En vandaag is het 15-12-2026
    Als versie "2027-01-01" van "awb-h9" wordt geladen, geldig vanaf 01-01-2027
    Dan heeft "awb-h9" de versies:
      | versie     | geldig van | normen |
      | 2026-01-01 | 01-01-2026 | 20     |
      | 2027-01-01 | 01-01-2027 | 20     |
    En heeft norm "9:6" van versie "2026-01-01" in ronde 2026 nog altijd het oordeel "voldoet"
    En heeft norm "9:6" van versie "2027-01-01" in ronde 2026 geen oordeel
    En is het auditspoor ongeschonden

  Abstract Scenario: Op een datum geldt de versie die dan in werking is
    Gegeven het meegeleverde kader "awb-h9" is geladen
    En versie "2027-01-01" van "awb-h9" is geladen, geldig vanaf 01-01-2027
    Dan geldt op <datum> versie "<versie>" van "awb-h9"

    Voorbeelden:
      | datum      | versie     |
      | 01-06-2026 | 2026-01-01 |
      | 31-12-2026 | 2026-01-01 |
      | 01-01-2027 | 2027-01-01 |
      | 01-01-2030 | 2027-01-01 |
