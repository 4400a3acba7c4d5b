# language: nl
Functionaliteit: Klachten registreren
  Het WOT registreert iedere klacht, schriftelijk of mondeling (Awb 9:2), en
  publiceert het register jaarlijks (Awb 9:12a). Een klacht krijgt het kenmerk
  K-<jaar van ontvangst>-<volgnummer>. De volgnummers lopen per jaar zonder
  gaten door, zodat de kwaliteitsfunctionaris en de auditor kunnen nagaan dat
  er geen klacht ontbreekt.

  Achtergrond:
    Gegeven een leeg klachtenregister

  Scenario: Schriftelijke en mondelinge klachten krijgen opeenvolgende kenmerken
    Stel vandaag is het 31-03-2023
    Als de volgende klachten worden geregistreerd:
      | ontvangen  | kanaal       | wijk         | categorie       | omschrijving                                         |
      | 14-03-2023 | e-mail       | Groenoord    | bejegening      | Niet teruggebeld na een huisbezoek                   |
      | 15-03-2023 | telefoon     | Oost         | informatie      | Onduidelijke uitleg over de aanvraag van ondersteuning |
      | 20-03-2023 | balie        | Zuid         | termijn         | Lang moeten wachten bij het inloopspreekuur          |
      | 21-03-2023 | brief        | Centrum/West | dienstverlening | Afspraak met de consulent twee keer verzet           |
      | 28-03-2023 | webformulier | Noordrand    | overig          | Geen reactie op een eerder ingediend formulier       |
    Dan staan in het register precies de klachten:
      | kenmerk     | ontvangen  | kanaal       | vorm         | wijk         | status |
      | K-2023-0001 | 14-03-2023 | e-mail       | schriftelijk | Groenoord    | open   |
      | K-2023-0002 | 15-03-2023 | telefoon     | mondeling    | Oost         | open   |
      | K-2023-0003 | 20-03-2023 | balie        | mondeling    | Zuid         | open   |
      | K-2023-0004 | 21-03-2023 | brief        | schriftelijk | Centrum/West | open   |
      | K-2023-0005 | 28-03-2023 | webformulier | schriftelijk | Noordrand    | open   |

  Scenario: Een mondelinge klacht wordt net zo geregistreerd als een schriftelijke
    Stel vandaag is het 15-03-2023
    Als een klacht ontvangen op 15-03-2023 per telefoon wordt geregistreerd
    Dan krijgt die klacht het kenmerk K-2023-0001
    En toont de klacht bij "Ontvangen" de waarde "15-03-2023 via telefoon (mondeling)"
    En toont de klacht bij "Afhandelen uiterlijk" de waarde "26-04-2023"

  Scenario: De nummering loopt per jaar van ontvangst, zonder gaten
    Stel vandaag is het 15-01-2024
    Gegeven de klachten:
      | ontvangen  | kanaal | omschrijving                              |
      | 12-12-2023 | e-mail | Geen terugkoppeling na het intakegesprek  |
      | 28-12-2023 | brief  | Onvriendelijk te woord gestaan aan de balie |
    Als een klacht ontvangen op 03-01-2024 per telefoon wordt geregistreerd
    En een klacht ontvangen op 29-12-2023 per brief wordt geregistreerd
    Dan krijgt die klacht het kenmerk K-2023-0003
    En staan in het register precies de klachten:
      | kenmerk     | ontvangen  |
      | K-2023-0001 | 12-12-2023 |
      | K-2023-0002 | 28-12-2023 |
      | K-2023-0003 | 29-12-2023 |
      | K-2024-0001 | 03-01-2024 |

  Scenario: Een ontvangstdatum in de toekomst wordt geweigerd en kost geen volgnummer
    Stel vandaag is het 15-03-2023
    Als een klacht ontvangen op 16-03-2023 per e-mail wordt geregistreerd
    Dan wordt dat geweigerd met de melding "ontvangen: 16-03-2023 ligt in de toekomst; gebruik een datum tot en met vandaag (15-03-2023)."
    En is het register leeg
    Als een klacht ontvangen op 15-03-2023 per e-mail wordt geregistreerd
    Dan krijgt die klacht het kenmerk K-2023-0001

  Scenario: Een gedraging na de ontvangst wordt geweigerd
    Stel vandaag is het 15-03-2023
    Als een klacht ontvangen op 14-03-2023 per brief over een gedraging van 15-03-2023 wordt geregistreerd
    Dan wordt dat geweigerd met de melding "gedraging: 15-03-2023 ligt na de ontvangst (14-03-2023)"
    En is het register leeg

  Scenario: Een klacht over een gedraging van meer dan een jaar geleden krijgt de waarschuwing van Awb 9:8 lid 1b
    Stel vandaag is het 14-03-2023
    Als een klacht ontvangen op 14-03-2023 per brief over een gedraging van 10-03-2022 wordt geregistreerd
    Dan krijgt die klacht het kenmerk K-2023-0001
    En waarschuwt het systeem "De gedraging (10-03-2022) ligt meer dan een jaar voor de ontvangst: de klacht hoeft niet behandeld te worden (Awb 9:8 lid 1b)."
    En waarschuwt het systeem "Meld dat binnen vier weken (uiterlijk 11-04-2023)."

  Abstract Scenario: Alleen een gedraging van meer dan een jaar voor de ontvangst geeft de waarschuwing
    Stel vandaag is het 14-03-2023
    Als een klacht ontvangen op 14-03-2023 per e-mail over een gedraging van <gedraging> wordt geregistreerd
    Dan krijgt die klacht het kenmerk K-2023-0001
    En geeft het systeem <wel of geen> waarschuwing voor Awb 9:8 lid 1b

    Voorbeelden:
      | gedraging  | wel of geen |
      | 13-03-2022 | wel         |
      | 14-03-2022 | geen        |
      | 01-03-2023 | geen        |
