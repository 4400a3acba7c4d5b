# language: nl
Functionaliteit: Dekking van een kader op een peildatum
  Een norm is gedekt als er op de peildatum bewijs voor is dat geldt: van elk
  bewijsstuk telt de nieuwste versie die op de peildatum is ingegaan, en alleen
  als die dan nog niet verlopen is. Het dekkingsoverzicht zet de normen zonder
  dekking vooraan, zodat de kwaliteitsfunctionaris ziet wat er nog moet
  gebeuren, en geeft per categorie en in totaal het aandeel gedekte normen.

  Achtergrond:
    Gegeven vandaag is het 23-11-2026
    En het meegeleverde kader "awb-h9" is geladen

  Scenario: Bewijs dat op de peildatum geldt dekt de norm, verlopen bewijs niet
    Gegeven het bewijsstuk "Publieksfolder klagen", geldig van 01-01-2026 tot en met 30-06-2026, is gekoppeld aan norm "9:1" van "awb-h9"
    En het bewijsstuk "Klachtformulier", geldig vanaf 01-01-2026, is gekoppeld aan norm "9:4" van "awb-h9"
    Dan is norm "9:1" van "awb-h9" op peildatum 30-06-2026 gedekt door "Publieksfolder klagen" versie 1
    En is norm "9:1" van "awb-h9" op peildatum 01-07-2026 niet gedekt
    En noemt het overzicht bij die norm het verlopen bewijs "Publieksfolder klagen"
    En staat die norm bij de gaten, vóór elke gedekte norm

  Abstract Scenario: Een nieuwe versie van het bewijs neemt het over zodra zij ingaat
    Gegeven het bewijsstuk "Publieksfolder klagen", geldig van 01-01-2026 tot en met 30-06-2026, is gekoppeld aan norm "9:1" van "awb-h9"
    En van "Publieksfolder klagen" is een nieuwe versie vastgelegd, geldig vanaf 01-08-2026
    En van "Publieksfolder klagen" is een nieuwe versie vastgelegd, geldig van 01-01-2027 tot en met 30-06-2027
    Dan is norm "9:1" van "awb-h9" op peildatum <peildatum> <dekking>

    Voorbeelden:
      | peildatum  | dekking                                         |
      | 31-12-2025 | niet gedekt                                     |
      | 30-06-2026 | gedekt door "Publieksfolder klagen" versie 1    |
      | 15-07-2026 | niet gedekt                                     |
      | 01-08-2026 | gedekt door "Publieksfolder klagen" versie 2    |
      | 23-11-2026 | gedekt door "Publieksfolder klagen" versie 2    |
      | 01-03-2027 | gedekt door "Publieksfolder klagen" versie 3    |
      | 01-07-2027 | niet gedekt                                     |

  Scenario: Een gat staat vooraan, met de dekking per categorie en in totaal
    Gegeven het meegeleverde kader "sterk-sociaal-werk" is geladen
    En het bewijsstuk "Functieprofielen", geldig vanaf 01-01-2026, is gekoppeld aan de normen "1.1" en "1.2" van "sterk-sociaal-werk"
    En het bewijsstuk "Cliëntervaringsonderzoek 2026", geldig vanaf 01-03-2026, is gekoppeld aan norm "2.1" van "sterk-sociaal-werk"
    En het bewijsstuk "Scholingsplan 2025", geldig van 01-01-2025 tot en met 31-12-2025, is gekoppeld aan norm "3.1" van "sterk-sociaal-werk"
    Als de dekking van "sterk-sociaal-werk" op peildatum 23-11-2026 wordt opgemaakt
    Dan toont het overzicht per categorie:
      | categorie | titel                                                                               | normen | gedekt | percentage |
      | 1         | Vakmanschap van de sociaal werker                                                   | 7      | 2      | 28,6%      |
      | 2         | Effect van de dienstverlening voor inwoners                                         | 6      | 1      | 16,7%      |
      | 3         | Een faciliterende, lerende organisatie (gezonde bedrijfsvoering en adequaat bestuur) | 7      | 0      | 0,0%       |
    En zijn in totaal 3 van de 20 normen gedekt (15,0%)
    En staan de 17 normen zonder dekking vooraan, te beginnen met "1.3"
    En staan de gedekte normen "1.1", "1.2" en "2.1" achteraan
    En noemt het overzicht bij norm "3.1" het verlopen bewijs "Scholingsplan 2025"

  Scenario: Een werkversie is altijd gemarkeerd als werkversie
    Gegeven het meegeleverde kader "sterk-sociaal-werk" is geladen
    Als de dekking van "sterk-sociaal-werk" op peildatum 23-11-2026 wordt opgemaakt
    Dan draagt het overzicht de markering "werkversie — geen officiële normtekst"
    En begint de toelichting van "sterk-sociaal-werk" met "werkversie — geen officiële normtekst"

  Scenario: Ook een eigen werkversie krijgt de markering
    Gegeven een eigen kader "eigen-werkversie" dat een werkversie is, is geladen
    Als de dekking van "eigen-werkversie" op peildatum 23-11-2026 wordt opgemaakt
    Dan draagt het overzicht de markering "werkversie — geen officiële normtekst"

  Scenario: Een officieel kader draagt geen markering
    Als de dekking van "awb-h9" op peildatum 23-11-2026 wordt opgemaakt
    Dan draagt het overzicht geen werkversie-markering
