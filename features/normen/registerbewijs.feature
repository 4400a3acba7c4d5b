# language: nl
Functionaliteit: Het klachtenregister als levend bewijs voor Awb 9:6 en 9:11
  Voor een deel van de Awb-normen hoeft niemand een bewijsstuk te maken: het
  klachtenregister laat zelf zien hoe het ervoor staat. Het dekkingsoverzicht
  rekent de cijfers uit over de twaalf maanden tot en met de peildatum:
  - Awb 9:6: het aandeel schriftelijke klachten waarvan de ontvangst
    schriftelijk is bevestigd (mondelinge, doorgestuurde en niet-ontvankelijke
    klachten tellen niet mee);
  - Awb 9:11: het aandeel afgehandelde klachten dat binnen de (verdaagde)
    termijn is afgehandeld (een ingetrokken klacht wordt niet getoetst, een klacht
    die niet in behandeling is genomen telt bij 9:8).
  Welke klachten elk cijfer telt, staat in docs/regels.md.
  Een cijfer zonder klachten om te tellen dekt de norm niet.

  Achtergrond:
    Gegeven vandaag is het 23-11-2026
    En het meegeleverde kader "awb-h9" is geladen
    En het klachtenregister bevat:
      | ontvangen  | kanaal       | bevestigd  | afgehandeld | uitkomst           |
      | 01-06-2025 | e-mail       | 02-06-2025 | 10-06-2025  | informeel-opgelost |
      | 02-03-2026 | e-mail       | 04-03-2026 | 01-04-2026  | gegrond            |
      | 10-03-2026 | brief        |            | 20-05-2026  | informeel-opgelost |
      | 01-04-2026 | telefoon     |            | 03-04-2026  | informeel-opgelost |
      | 04-05-2026 | e-mail       |            | 06-05-2026  | ingetrokken        |
      | 01-09-2026 | webformulier | 02-09-2026 |             |                    |

  Scenario: De cijfers over de twaalf maanden tot en met de peildatum
    Als de dekking van "awb-h9" op peildatum 23-11-2026 wordt opgemaakt
    Dan toont het overzicht de registercijfers:
      | norm | indicator            | teller | noemer | percentage | dekt de norm |
      | 9:6  | ontvangstbevestiging | 2      | 4      | 50,0%      | ja           |
      | 9:11 | binnen-termijn       | 2      | 3      | 66,7%      | ja           |
    En zijn de normen "9:6" en "9:11" gedekt zonder dat er een bewijsstuk aan gekoppeld is

  Abstract Scenario: De cijfers schuiven mee met de peildatum
    Als de dekking van "awb-h9" op peildatum <peildatum> wordt opgemaakt
    Dan toont het overzicht de registercijfers:
      | norm | teller       | noemer       | percentage       | dekt de norm |
      | 9:6  | <9:6 teller> | <9:6 noemer> | <9:6 percentage> | ja           |
      | 9:11 | <teller>     | <noemer>     | <percentage>     | <dekt>       |

    Voorbeelden:
      | peildatum  | 9:6 teller | 9:6 noemer | 9:6 percentage | teller | noemer | percentage | dekt |
      | 05-06-2025 | 1          | 1          | 100,0%         | 0      | 0      | -          | nee  |
      | 31-03-2026 | 2          | 3          | 66,7%          | 1      | 1      | 100,0%     | ja   |
      | 01-06-2026 | 1          | 3          | 33,3%          | 3      | 4      | 75,0%      | ja   |

  Scenario: Zonder klachten om te tellen staat de norm bij de gaten
    Als de dekking van "awb-h9" op peildatum 05-06-2025 wordt opgemaakt
    Dan is norm "9:11" niet gedekt
    En staat die norm bij de gaten, vóór elke gedekte norm

  Scenario: Leren van klachten: een verbeteractie naar aanleiding van een klacht staat open bij de norm
    Gegeven norm "9:11" van "awb-h9" is in ronde 2026 beoordeeld als "voldoet-deels" omdat "één klacht is te laat afgehandeld"
    En de verbeteractie "Termijnbewaking ook bij informele afhandeling" voor norm "9:11" van "awb-h9", naar aanleiding van klacht K-2026-0002, met eigenaar "teamleider WOT" en deadline 31-12-2026
    Als de dekking van "awb-h9" op peildatum 23-11-2026 wordt opgemaakt
    Dan staat bij norm "9:11" het oordeel "voldoet-deels"
    En staat bij norm "9:11" de open verbeteractie "Termijnbewaking ook bij informele afhandeling" van "teamleider WOT" met deadline 31-12-2026
    En is de verbeteractie verbonden met de klacht K-2026-0002
    Als de dekking van "awb-h9" op peildatum 15-01-2027 wordt opgemaakt
    Dan is de verbeteractie bij norm "9:11" te laat
    En is het auditspoor ongeschonden
