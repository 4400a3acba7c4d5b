# language: nl
Functionaliteit: Het klachtenjaar 2023 van het WOT en het jaaroverzicht (Awb 9:12a)
  Volgens de Jaarrapportage WOT 2023 zijn in 2023 vijf klachten over het WOT
  ingediend: drie zijn doorgestuurd naar een andere organisatie, één is
  ingetrokken en één is niet-ontvankelijk verklaard. De details per klacht
  (data, wijken, kanalen, bestemmingen) zijn voor dit voorbeeld verzonnen; klagers
  en medewerkers worden alleen met hun rol genoemd.

  Het jaaroverzicht telt de klachten die in het jaar zijn ontvangen.

  Achtergrond:
    Gegeven een leeg klachtenregister
    En vandaag is het 15-01-2024
    En de klachten:
      | ontvangen  | kanaal       | wijk      | categorie       | regime   | aanbieder                  | beklaagde                  | beklaagde-soort | omschrijving                                                      |
      | 06-02-2023 | e-mail       | Nieuwland | dienstverlening | jeugdwet | Mevis                      | jeugdprofessional wijkteam | medewerker      | Vervolgafspraak over opvoedondersteuning bleef uit                |
      | 17-04-2023 | brief        | Oost      | informatie      | awb      | Stroomopwaarts             | Stroomopwaarts             | organisatie     | Korting op de uitkering onduidelijk meegedeeld                    |
      | 12-06-2023 | telefoon     | Groenoord | bejegening      | awb      | Stichting Welzijn Schiedam | consulent wijkteam         | medewerker      | Onvriendelijk bejegend tijdens een huisbezoek                     |
      | 04-09-2023 | webformulier | Zuid      | dienstverlening | jeugdwet | Mevis                      | jeugdprofessional wijkteam | medewerker      | Geen uitleg over de wachttijd voor jeugdhulp                      |
      | 13-11-2023 | webformulier | Noordrand | termijn         | awb      |                            | WOT Noordrand              | team            | Anonieme klacht over lange wachttijden bij het inloopspreekuur    |

  Scenario: Vijf klachten: drie doorgestuurd, één ingetrokken, één niet-ontvankelijk
    Als de volgende klachten worden gesloten:
      | kenmerk     | uitkomst     | datum      | naar           | naar-soort     | klager-geinformeerd |
      | K-2023-0001 | doorgestuurd | 09-02-2023 | Mevis          | zorgaanbieder  | 09-02-2023          |
      | K-2023-0002 | doorgestuurd | 20-04-2023 | Stroomopwaarts | bestuursorgaan | 20-04-2023          |
      | K-2023-0004 | doorgestuurd | 07-09-2023 | Mevis          | zorgaanbieder  | 07-09-2023          |
    En de volgende klachten worden gesloten:
      | kenmerk     | uitkomst          | datum      | wijze                                         | reden                                                    |
      | K-2023-0003 | ingetrokken       | 26-06-2023 | telefonisch, na een gesprek met de teamleider |                                                          |
      | K-2023-0005 | niet-ontvankelijk | 20-11-2023 |                                               | Awb 9:4: geen naam, adres en dagtekening van de indiener |
    Dan staan in het register precies de klachten:
      | kenmerk     | vorm         | status   | uitkomst          | doorgestuurd naar | soort bestemming | binnen termijn |
      | K-2023-0001 | schriftelijk | gesloten | doorgestuurd      | Mevis             | zorgaanbieder    | ja             |
      | K-2023-0002 | schriftelijk | gesloten | doorgestuurd      | Stroomopwaarts    | bestuursorgaan   | ja             |
      | K-2023-0003 | mondeling    | gesloten | ingetrokken       |                   |                  |                |
      | K-2023-0004 | schriftelijk | gesloten | doorgestuurd      | Mevis             | zorgaanbieder    | ja             |
      | K-2023-0005 | schriftelijk | gesloten | niet-ontvankelijk |                   |                  | ja             |
    En is het auditspoor ongeschonden

  Scenario: Het jaaroverzicht 2023 telt de klachten per uitkomst en per bestemming
    Gegeven de volgende klachten zijn gesloten:
      | kenmerk     | uitkomst          | datum      | naar           | naar-soort     | klager-geinformeerd | wijze                                         | reden                                                    |
      | K-2023-0001 | doorgestuurd      | 09-02-2023 | Mevis          | zorgaanbieder  | 09-02-2023          |                                               |                                                          |
      | K-2023-0002 | doorgestuurd      | 20-04-2023 | Stroomopwaarts | bestuursorgaan | 20-04-2023          |                                               |                                                          |
      | K-2023-0003 | ingetrokken       | 26-06-2023 |                |                |                     | telefonisch, na een gesprek met de teamleider |                                                          |
      | K-2023-0004 | doorgestuurd      | 07-09-2023 | Mevis          | zorgaanbieder  | 07-09-2023          |                                               |                                                          |
      | K-2023-0005 | niet-ontvankelijk | 20-11-2023 |                |                |                     |                                               | Awb 9:4: geen naam, adres en dagtekening van de indiener |
    Als het jaaroverzicht over 2023 wordt opgemaakt
    Dan vermeldt het jaaroverzicht:
      | regel             | waarde                          |
      | Ontvangen         | 5 (4 schriftelijk, 1 mondeling) |
      | Afgehandeld       | 5                               |
      | Nog open          | 0 (open op 31 december: 0)      |
      | Binnen de termijn | 100,0% (4 van 4)                |
    En vermeldt het jaaroverzicht onder "Per uitkomst" precies:
      | uitkomst          | aantal |
      | doorgestuurd      | 3      |
      | ingetrokken       | 1      |
      | niet-ontvankelijk | 1      |
    En vermeldt het jaaroverzicht onder "Doorgestuurd, per bestemming" precies:
      | bestemming     | aantal |
      | Mevis          | 2      |
      | Stroomopwaarts | 1      |
    En vermeldt het jaaroverzicht onder "Per kanaal" precies:
      | kanaal       | aantal |
      | e-mail       | 1      |
      | webformulier | 2      |
      | telefoon     | 1      |
      | brief        | 1      |
    En vermeldt het jaaroverzicht onder "Per wijk" precies:
      | wijk      | aantal |
      | Groenoord | 1      |
      | Nieuwland | 1      |
      | Noordrand | 1      |
      | Oost      | 1      |
      | Zuid      | 1      |
    En vermeldt het jaaroverzicht onder "Niet in behandeling, per grond (Awb 9:8)" precies:
      | grond | aantal |
    En staat er in 2023 geen klacht meer open

  Scenario: Een klacht die eind 2023 binnenkomt en in 2024 wordt afgehandeld, telt in 2023 mee als open op 31 december
    Gegeven de klachten:
      | ontvangen  | kanaal | wijk         | categorie | omschrijving                           |
      | 27-12-2023 | e-mail | Centrum/West | termijn   | Geen reactie op een vraag over de Wmo  |
    Als de volgende klachten worden gesloten:
      | kenmerk     | uitkomst     | datum      | naar           | naar-soort     | klager-geinformeerd |
      | K-2023-0006 | doorgestuurd | 08-01-2024 | Stroomopwaarts | bestuursorgaan | 05-01-2024          |
    En het jaaroverzicht over 2023 wordt opgemaakt
    Dan vermeldt het jaaroverzicht:
      | regel       | waarde                          |
      | Ontvangen   | 6 (5 schriftelijk, 1 mondeling) |
      | Afgehandeld | 1                               |
      | Nog open    | 5 (open op 31 december: 6)      |
