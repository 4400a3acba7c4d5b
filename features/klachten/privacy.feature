# language: nl
Functionaliteit: De persoonsgegevens van de klager blijven beschermd
  Naam en contactgegevens van de klager worden apart bewaard en alleen getoond
  wie daar uitdrukkelijk om vraagt (klacht toon --met-klager). Zij staan nooit
  in het jaaroverzicht, de export of het auditspoor. Na de bewaartermijn
  (Selectielijst gemeenten 2020, procestype 13: een jaar na intrekking, vijf jaar
  na afhandeling) verwijdert 'klacht opschonen --uitvoeren' ze; het auditspoor
  legt dat vast en blijft een ongeschonden keten.

  Achtergrond:
    Gegeven een leeg klachtenregister
    En vandaag is het 30-06-2023
    En de klachten:
      | ontvangen  | kanaal   | wijk      | categorie  | omschrijving                                | klager-naam             | klager-contact                  |
      | 12-06-2023 | telefoon | Groenoord | bejegening | Onvriendelijk bejegend tijdens een huisbezoek | Voorbeeldklager Privacy | voorbeeldklager@voorbeeld.invalid |
    En de klacht is op 26-06-2023 gesloten met uitkomst ingetrokken en de gegevens --wijze "telefonisch, na een gesprek met de teamleider"

  Scenario: De naam van de klager staat niet in het overzicht, de export of het auditspoor
    Dan komt "Voorbeeldklager" niet voor in de uitvoer van:
      | opdracht                                  |
      | klacht overzicht --jaar 2023              |
      | klacht overzicht --jaar 2023 --json       |
      | klacht exporteer --jaar 2023              |
      | klacht exporteer --jaar 2023 --formaat csv |
      | klacht lijst --json                       |
      | klacht toon K-2023-0001                   |
      | klacht toon K-2023-0001 --json            |
    En komt "voorbeeldklager@voorbeeld.invalid" niet voor in de uitvoer van:
      | opdracht                                  |
      | klacht overzicht --jaar 2023 --json       |
      | klacht exporteer --jaar 2023              |
      | klacht toon K-2023-0001 --json            |
    En komt "Voorbeeldklager" niet voor in het auditspoor
    En komt "voorbeeldklager@voorbeeld.invalid" niet voor in het auditspoor

  Scenario: Alleen op uitdrukkelijk verzoek toont het register de klager
    Als de opdracht "kwaliteit klacht toon K-2023-0001 --met-klager" wordt uitgevoerd
    Dan toont de uitvoer "Klager  Voorbeeldklager Privacy / voorbeeldklager@voorbeeld.invalid"

  Scenario: Voor het einde van de bewaartermijn blijven de klagergegevens staan
    Stel vandaag is het 26-06-2024
    Als de opdracht "kwaliteit klacht opschonen --uitvoeren" wordt uitgevoerd
    Dan toont de uitvoer "Geen klagergegevens waarvan de bewaartermijn verstreken is."
    En toont de klacht bij "Bewaren tot" de waarde "26-06-2024"
    Als de opdracht "kwaliteit klacht toon K-2023-0001 --met-klager" wordt uitgevoerd
    Dan toont de uitvoer "Voorbeeldklager Privacy"

  Scenario: Zonder --uitvoeren toont opschonen alleen wat in aanmerking komt
    Stel vandaag is het 27-06-2024
    Als de opdracht "kwaliteit klacht opschonen" wordt uitgevoerd
    Dan toont de uitvoer "K-2023-0001 bewaren tot 26-06-2024"
    En toont de uitvoer "1 klacht(en) komen in aanmerking. Voer uit met --uitvoeren."
    Als de opdracht "kwaliteit klacht toon K-2023-0001 --met-klager" wordt uitgevoerd
    Dan toont de uitvoer "Voorbeeldklager Privacy"

  Scenario: Na de bewaartermijn verwijdert opschonen de klagergegevens en blijft de auditketen sluitend
    Stel vandaag is het 27-06-2024
    Als de opdracht "kwaliteit klacht opschonen --uitvoeren" wordt uitgevoerd
    Dan toont de uitvoer "K-2023-0001 bewaren tot 26-06-2024"
    En toont de uitvoer "1 klacht(en): klagergegevens gepseudonimiseerd."
    En komt "Voorbeeldklager" nergens in de database meer voor
    En komt "voorbeeldklager@voorbeeld.invalid" nergens in de database meer voor
    En toont de geschiedenis van de klacht de stappen registreer, sluit, pseudonimiseer
    En is het auditspoor ongeschonden
    Als de opdracht "kwaliteit klacht toon K-2023-0001 --met-klager" wordt uitgevoerd
    Dan toont de uitvoer "Klager - / -"
    Als de opdracht "kwaliteit klacht opschonen --uitvoeren" wordt uitgevoerd
    Dan toont de uitvoer "Geen klagergegevens waarvan de bewaartermijn verstreken is."
