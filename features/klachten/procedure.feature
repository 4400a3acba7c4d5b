# language: nl
Functionaliteit: De klachtprocedure van Awb hoofdstuk 9
  Een schriftelijke klacht volgt de formele procedure (Awb 9:4): de ontvangst
  wordt schriftelijk bevestigd (9:6), de beklaagde krijgt een afschrift (9:9),
  klager en beklaagde worden gehoord (9:10), de behandelaar was niet bij de
  gedraging betrokken (9:7) en de klacht is binnen zes weken na ontvangst
  afgehandeld (9:11, 9:12). De afhandeling kan eenmaal met ten hoogste vier
  weken worden verdaagd; verder uitstel alleen met schriftelijke instemming van
  de klager (9:11). Valt het einde van een termijn op een zaterdag, zondag of
  algemeen erkende feestdag, dan schuift het op naar de eerstvolgende werkdag
  (Algemene termijnenwet).

  Achtergrond:
    Gegeven een leeg klachtenregister
    En vandaag is het 31-12-2023

  Scenario: De volledige formele procedure, afgehandeld binnen zes weken
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail over "casusregisseur WOT Groenoord"
    Als de ontvangst op 16-03-2023 schriftelijk wordt bevestigd
    En de beklaagde op 17-03-2023 een afschrift van de klacht krijgt
    En klager en beklaagde op 03-04-2023 worden gehoord
    En "teamleider WOT Oost" als behandelaar wordt aangewezen
    En de klacht op 20-04-2023 gegrond wordt verklaard
    Dan is de klacht gesloten met uitkomst gegrond, binnen de termijn
    En toont het register bij de klacht:
      | veld                 | waarde                                        |
      | Status               | gesloten                                      |
      | Ontvangen            | 14-03-2023 via e-mail                         |
      | Beklaagde            | casusregisseur WOT Groenoord (medewerker)     |
      | Ontvangstbevestiging | 16-03-2023                                    |
      | Afschrift beklaagde  | 17-03-2023                                    |
      | Gehoord              | 03-04-2023                                    |
      | Behandelaar          | teamleider WOT Oost                           |
      | Afhandelen uiterlijk | 25-04-2023                                    |
      | Uitkomst             | gegrond op 20-04-2023                         |
      | Ombudsman mogelijk tot | 20-04-2024                                  |
      | Bewaren tot          | 20-04-2028                                    |
    En toont de geschiedenis van de klacht de stappen registreer, bevestig, afschrift, hoor, wijs-toe, sluit

  Scenario: Afgehandeld na de zes weken geldt als te laat
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per brief over "casusregisseur WOT Groenoord"
    En de ontvangst is op 16-03-2023 schriftelijk bevestigd
    En de beklaagde heeft op 17-03-2023 een afschrift van de klacht gekregen
    En de klager is op 03-04-2023 gehoord
    En "teamleider WOT Oost" is als behandelaar aangewezen
    Als de klacht op 26-04-2023 ongegrond wordt verklaard
    Dan is de klacht gesloten met uitkomst ongegrond, te laat

  Scenario: De beklaagde mag de klacht niet behandelen (Awb 9:7)
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail over "casusregisseur WOT Groenoord"
    Als "Casusregisseur WOT  Groenoord" als behandelaar wordt aangewezen
    Dan wordt dat geweigerd met de melding "is de beklaagde van K-2023-0001 en mag de klacht niet behandelen (Awb 9:7: de behandelaar was niet bij de gedraging betrokken)."
    En toont de klacht bij "Behandelaar" de waarde "-"

  Scenario: Een schriftelijke klacht gegrond verklaren zonder horen wordt geweigerd, met de reden
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail over "casusregisseur WOT Groenoord"
    En de ontvangst is op 16-03-2023 schriftelijk bevestigd
    En de beklaagde heeft op 17-03-2023 een afschrift van de klacht gekregen
    En "teamleider WOT Oost" is als behandelaar aangewezen
    Als de klacht op 20-04-2023 gegrond wordt verklaard
    Dan wordt dat geweigerd met de melding "K-2023-0001 kan niet gesloten worden met uitkomst gegrond; nog nodig:"
    En noemt de weigering als reden "de klager is niet gehoord en er is geen grond om daarvan af te zien (Awb 9:10: 'kwaliteit klacht hoor')"
    En noemt de weigering geen reden "Awb 9:6"
    En noemt de weigering geen reden "Awb 9:7"
    En is de klacht nog open

  Scenario: Zonder de formele stappen noemt de weigering alles wat ontbreekt
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per brief over "casusregisseur WOT Groenoord"
    Als de klacht op 20-04-2023 gegrond wordt verklaard
    Dan wordt dat geweigerd met de melding "K-2023-0001 kan niet gesloten worden met uitkomst gegrond"
    En noemt de weigering als reden "de ontvangst is niet bevestigd (Awb 9:6: 'kwaliteit klacht bevestig')"
    En noemt de weigering als reden "de beklaagde heeft geen afschrift gekregen (Awb 9:9: 'kwaliteit klacht afschrift')"
    En noemt de weigering als reden "de klager is niet gehoord en er is geen grond om daarvan af te zien (Awb 9:10: 'kwaliteit klacht hoor')"
    En noemt de weigering als reden "er is geen behandelaar (Awb 9:7: --behandelaar)"
    En is de klacht nog open

  Scenario: Afzien van horen omdat de klager daarvan afziet (Awb 9:10 lid 2 onder b)
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail over "casusregisseur WOT Groenoord"
    En de ontvangst is op 16-03-2023 schriftelijk bevestigd
    En de beklaagde heeft op 17-03-2023 een afschrift van de klacht gekregen
    En "teamleider WOT Oost" is als behandelaar aangewezen
    Als van het horen wordt afgezien op grond b
    En de klacht op 20-04-2023 ongegrond wordt verklaard
    Dan is de klacht gesloten met uitkomst ongegrond, binnen de termijn
    En toont de klacht bij "Gehoord" de waarde "afgezien: klager heeft verklaard geen gebruik te willen maken van het recht te worden gehoord"

  Scenario: Een mondelinge klacht wordt afgehandeld zonder de formele stappen
    Gegeven een mondelinge klacht ontvangen op 12-06-2023 per balie over "baliemedewerker WOT Zuid"
    Als de klacht op 14-06-2023 gegrond wordt verklaard
    Dan is de klacht gesloten met uitkomst gegrond, binnen de termijn

  Scenario: Verdagen met ten hoogste vier weken verschuift de afhandeltermijn
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail
    Als de afhandeling op 18-04-2023 met 4 weken wordt verdaagd omdat "de beklaagde is met verlof"
    Dan toont de uitvoer "K-2023-0001: verdaagd; af te handelen uiterlijk 23-05-2023"
    En moet de klacht uiterlijk 23-05-2023 afgehandeld zijn
    En toont de klacht bij "Verdaagd" de waarde "4 weken op 18-04-2023: de beklaagde is met verlof"

  Scenario: Een verdaging van meer dan vier weken wordt geweigerd
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail
    Als de afhandeling op 18-04-2023 met 5 weken wordt verdaagd omdat "drukte in het team"
    Dan wordt dat geweigerd met de melding "Een verdaging is ten hoogste 4 weken (Awb 9:11 lid 2), niet 5."
    En moet de klacht uiterlijk 25-04-2023 afgehandeld zijn

  Scenario: Verdagen kan alleen zolang de afhandeltermijn loopt
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail
    Als de afhandeling op 26-04-2023 met 2 weken wordt verdaagd omdat "vergeten op tijd te verdagen"
    Dan wordt dat geweigerd met de melding "De afhandeltermijn van K-2023-0001 liep af op 25-04-2023; verdagen kan alleen zolang de termijn loopt (Awb 9:11 lid 2)."

  Scenario: Verder uitstel kan alleen met schriftelijke instemming van de klager
    Gegeven een schriftelijke klacht ontvangen op 14-03-2023 per e-mail
    En de afhandeling is op 18-04-2023 met 4 weken verdaagd omdat "de beklaagde is met verlof"
    Als de afhandeling op 15-05-2023 met 2 weken wordt verdaagd omdat "een extra gesprek met de klager"
    Dan wordt dat geweigerd met de melding "K-2023-0001 is al verdaagd; verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3)."
    En moet de klacht uiterlijk 23-05-2023 afgehandeld zijn
    Als de afhandeling op 15-05-2023 met 2 weken wordt verdaagd omdat "een extra gesprek met de klager", met schriftelijke instemming van de klager van 12-05-2023
    Dan moet de klacht uiterlijk 06-06-2023 afgehandeld zijn
    En toont de klacht bij "Verdaagd" de waarde "2 weken op 15-05-2023: een extra gesprek met de klager, instemming klager 12-05-2023"

  Abstract Scenario: Valt het einde van de termijn op een weekend of feestdag, dan schuift het op (Algemene termijnenwet)
    Gegeven een schriftelijke klacht ontvangen op <ontvangen> per brief
    Dan moet de klacht uiterlijk <uiterlijk> afgehandeld zijn

    Voorbeelden:
      | ontvangen  | zes weken later valt op          | uiterlijk  |
      | 14-03-2023 | dinsdag 25-04-2023, een werkdag  | 25-04-2023 |
      | 04-03-2023 | zaterdag 15-04-2023              | 17-04-2023 |
      | 24-02-2023 | Goede Vrijdag 07-04-2023         | 11-04-2023 |
      | 16-03-2023 | Koningsdag 27-04-2023            | 28-04-2023 |
      | 24-03-2023 | 5 mei 2023                       | 08-05-2023 |
      | 06-04-2023 | Hemelvaartsdag 18-05-2023        | 19-05-2023 |
      | 17-04-2023 | tweede Pinksterdag 29-05-2023    | 30-05-2023 |
      | 13-11-2023 | eerste Kerstdag 25-12-2023       | 27-12-2023 |

  Abstract Scenario: Ook na verdaging schuift het einde van de termijn op (Algemene termijnenwet)
    Gegeven een schriftelijke klacht ontvangen op <ontvangen> per e-mail
    Als de afhandeling op <verdaagd op> met <weken> weken wordt verdaagd omdat "advies van de partnerorganisatie afwachten"
    Dan moet de klacht uiterlijk <uiterlijk> afgehandeld zijn

    Voorbeelden:
      | ontvangen  | verdaagd op | weken | zonder Atw valt het einde op | uiterlijk  |
      | 09-03-2023 | 17-04-2023  | 4     | Hemelvaartsdag 18-05-2023    | 19-05-2023 |
      | 10-02-2023 | 20-03-2023  | 2     | Goede Vrijdag 07-04-2023     | 11-04-2023 |

  Scenario: Heropenen bewaart de eerdere uitkomst in de geschiedenis
    Gegeven een mondelinge klacht ontvangen op 12-06-2023 per telefoon over "consulent WOT Nieuwland"
    En de klacht is op 20-06-2023 gesloten met uitkomst informeel-opgelost en de gegevens --tevredenheid "klager bevestigde per e-mail tevreden te zijn"
    Als de klacht op 03-07-2023 wordt heropend omdat "de klager bracht nieuwe feiten in"
    Dan toont de uitvoer "K-2023-0001: heropend"
    En is de klacht nog open
    En toont de geschiedenis van de klacht de stappen registreer, sluit, heropen
    En legt het auditspoor bij de eerste sluiting van de klacht de uitkomst "informeel-opgelost" op 20-06-2023 vast
    En is het auditspoor ongeschonden

  Scenario: Een heropende klacht wordt opnieuw afgehandeld, niet eerder dan de heropening
    Gegeven een mondelinge klacht ontvangen op 12-06-2023 per telefoon over "consulent WOT Nieuwland"
    En de klacht is op 20-06-2023 gesloten met uitkomst informeel-opgelost en de gegevens --tevredenheid "klager bevestigde per e-mail tevreden te zijn"
    En de klacht is op 03-07-2023 heropend omdat "de klager bracht nieuwe feiten in"
    Als de klacht op 28-06-2023 wordt gesloten met uitkomst ingetrokken en de gegevens --wijze "telefonisch"
    Dan wordt dat geweigerd met de melding "De afhandeling (28-06-2023) ligt voor de laatste stap van K-2023-0001 (03-07-2023)"
    Als de klacht op 10-07-2023 wordt gesloten met uitkomst ingetrokken en de gegevens --wijze "telefonisch"
    Dan is de klacht gesloten met uitkomst ingetrokken
    En toont de geschiedenis van de klacht de stappen registreer, sluit, heropen, sluit
    En legt het auditspoor bij de eerste sluiting van de klacht de uitkomst "informeel-opgelost" op 20-06-2023 vast
