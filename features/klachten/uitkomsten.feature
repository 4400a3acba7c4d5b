# language: nl
Functionaliteit: Uitkomsten van een klacht en de gegevens die elke uitkomst vraagt
  Elke uitkomst vraagt eigen gegevens, zodat het dossier laat zien waarom de
  klacht zo is afgehandeld:
  - een oordeel (gegrond, deels-gegrond, ongegrond, geen-oordeel): bevindingen
    en conclusies (Awb 9:12);
  - informeel-opgelost: hoe de tevredenheid van de klager is bevestigd (Awb 9:5);
  - doorgestuurd: de ontvangende organisatie, haar soort (bestuursorgaan,
    zorgaanbieder of anders) en wanneer de klager is ingelicht (Awb 2:3);
  - ingetrokken: hoe de klager de klacht introk;
  - niet-ontvankelijk: de reden (Awb 9:4 of buiten de regeling);
  - niet-in-behandeling: de grond van Awb 9:8, te melden binnen vier weken.
  Gegevens die niet bij de uitkomst horen, worden geweigerd. De bewaartermijn
  volgt uit de uitkomst (Selectielijst gemeenten 2020, procestype 13).

  Achtergrond:
    Gegeven een leeg klachtenregister
    En vandaag is het 31-12-2023
    En een mondelinge klacht ontvangen op 12-06-2023 per telefoon over een gedraging van 05-06-2023

  Abstract Scenario: Een uitkomst zonder de gegevens die zij vraagt, wordt geweigerd
    Als de klacht op 20-06-2023 wordt gesloten met uitkomst <uitkomst> en de gegevens <gegevens>
    Dan wordt dat geweigerd met de melding "K-2023-0001 kan niet gesloten worden met uitkomst <uitkomst>; nog nodig:"
    En noemt de weigering als reden "<reden>"
    En is de klacht nog open

    Voorbeelden:
      | uitkomst            | gegevens                                                   | reden                                                                                                        |
      | doorgestuurd        | --naar-soort zorgaanbieder --klager-geinformeerd 20-06-2023 | de ontvangende organisatie ontbreekt (--naar)                                                                |
      | doorgestuurd        | --naar Mevis --klager-geinformeerd 20-06-2023              | de soort ontvanger ontbreekt (--naar-soort bestuursorgaan, zorgaanbieder of anders)                          |
      | doorgestuurd        | --naar Mevis --naar-soort zorgaanbieder                    | de datum waarop de klager is ingelicht ontbreekt (--klager-geinformeerd)                                     |
      | doorgestuurd        | --naar Mevis --naar-soort zorgaanbieder --klager-geinformeerd 01-06-2023 | de datum waarop de klager is ingelicht ligt niet tussen de ontvangst en de afhandeling          |
      | niet-in-behandeling | (geen)                                                     | de grond van Awb 9:8 ontbreekt (--grond 1a, 1b, 1c, 1d, 1e, 1f of 2)                                         |
      | niet-in-behandeling | --grond 1b                                                 | grond 1b geldt niet: de gedraging (05-06-2023) ligt niet meer dan een jaar voor de ontvangst (12-06-2023)     |
      | ingetrokken         | (geen)                                                     | de wijze van intrekking ontbreekt (--wijze, bijvoorbeeld 'telefonisch')                                      |
      | niet-ontvankelijk   | (geen)                                                     | de reden ontbreekt (--reden: welk vereiste van Awb 9:4 ontbreekt, of waarom de klacht buiten de regeling valt) |
      | informeel-opgelost  | (geen)                                                     | leg vast hoe de tevredenheid van de klager is bevestigd (--tevredenheid, Awb 9:5)                            |
      | gegrond             | --conclusies "Excuses aangeboden"                          | de bevindingen ontbreken (--bevindingen, Awb 9:12)                                                           |
      | ongegrond           | --bevindingen "Afspraak is nagekomen"                      | de conclusies ontbreken (--conclusies, Awb 9:12)                                                             |

  Abstract Scenario: Gegevens die niet bij de uitkomst horen, worden geweigerd
    Als de klacht op 20-06-2023 wordt gesloten met uitkomst <uitkomst> en de gegevens <gegevens>
    Dan wordt dat geweigerd met de melding "<melding>"
    En is de klacht nog open

    Voorbeelden:
      | uitkomst          | gegevens                                  | melding                                                                                     |
      | ingetrokken       | --wijze telefonisch --naar Mevis          | --naar hoort niet bij uitkomst ingetrokken; bij ingetrokken horen: --wijze                  |
      | niet-ontvankelijk | --reden "geen Awb-klacht" --grond 2       | --grond hoort niet bij uitkomst niet-ontvankelijk; bij niet-ontvankelijk horen: --reden     |
      | doorgestuurd      | --naar Mevis --naar-soort ziekenhuis --klager-geinformeerd 20-06-2023 | naar-soort: 'ziekenhuis' is niet toegestaan; kies bestuursorgaan, zorgaanbieder of anders |
      | onbekend          | (geen)                                    | uitkomst: 'onbekend' is niet toegestaan                                                     |

  Abstract Scenario: Met de gegevens die de uitkomst vraagt, wordt de klacht gesloten
    Als de klacht op 20-06-2023 wordt gesloten met uitkomst <uitkomst> en de gegevens <gegevens>
    Dan is de klacht gesloten met uitkomst <uitkomst>
    En toont de klacht bij "<veld>" de waarde "<waarde>"
    En toont de klacht bij "Bewaren tot" de waarde "<bewaren tot>"

    Voorbeelden:
      | uitkomst            | gegevens                                                                      | veld              | waarde                                          | bewaren tot |
      | gegrond             | --bevindingen "Niet teruggebeld" --conclusies "Excuses aangeboden"            | Conclusies        | Excuses aangeboden                              | 20-06-2028  |
      | deels-gegrond       | --bevindingen "Deels juist" --conclusies "Werkinstructie aangepast"           | Conclusies        | Werkinstructie aangepast                        | 20-06-2028  |
      | geen-oordeel        | --bevindingen "Verklaringen staan tegenover elkaar" --conclusies "Geen"       | Bevindingen       | Verklaringen staan tegenover elkaar             | 20-06-2028  |
      | informeel-opgelost  | --tevredenheid "klager bevestigde per e-mail tevreden te zijn"                | Tevredenheid      | klager bevestigde per e-mail tevreden te zijn   | 20-06-2028  |
      | doorgestuurd        | --naar Mevis --naar-soort zorgaanbieder --klager-geinformeerd 20-06-2023      | Doorgestuurd naar | Mevis                                           | 20-06-2028  |
      | ingetrokken         | --wijze "telefonisch, bij de teamleider"                                      | Ingetrokken       | telefonisch, bij de teamleider                  | 20-06-2024  |
      | niet-ontvankelijk   | --reden "Awb 9:4: geen naam en adres van de indiener"                         | Niet-ontvankelijk | Awb 9:4: geen naam en adres van de indiener     | 20-06-2024  |
      | niet-in-behandeling | --grond 2                                                                     | Grond 9:8         | 2: belang of gewicht kennelijk onvoldoende      | 20-06-2028  |

  Scenario: Niet in behandeling nemen moet binnen vier weken na ontvangst worden gemeld (Awb 9:8 lid 3)
    Als de klacht op 11-07-2023 wordt gesloten met uitkomst niet-in-behandeling en de gegevens --grond 2
    Dan is de klacht gesloten met uitkomst niet-in-behandeling, te laat

  Scenario: Een ingetrokken klacht wordt niet aan de afhandeltermijn getoetst
    Als de klacht op 31-07-2023 wordt gesloten met uitkomst ingetrokken en de gegevens --wijze "schriftelijk, per brief"
    Dan is de klacht gesloten met uitkomst ingetrokken
    En staan in het register precies de klachten:
      | kenmerk     | status   | uitkomst    | afgehandeld | binnen termijn |
      | K-2023-0001 | gesloten | ingetrokken | 31-07-2023  |                |
