# language: nl
Functionaliteit: Klachtenregeling en medezeggenschap volgens de Wmo 2015
  Artikel 3.2 Wmo 2015 vraagt van de aanbieder een regeling voor de afhandeling
  van klachten van cliënten en een regeling voor medezeggenschap van cliënten.
  Dat de regelingen bestaan, blijkt uit een vastgelegd bewijsstuk dat op de
  peildatum geldt; dat de klachtenregeling ook wordt toegepast, blijkt uit het
  klachtenregister: er zijn klachten geregistreerd en die zijn binnen de termijn
  afgehandeld. Stel eerst vast of de gemeentelijke verordening deze regelingen
  voor de voorziening eist; zo niet, dan is de norm niet van toepassing.

  @norm:wmo2015-h3/3.2
  Scenario: De klachtenregeling en de medezeggenschapsregeling liggen vast
    Gegeven het normenkader "wmo2015-h3"
    Dan heeft norm "3.2" een bewijsstuk dat geldt op de peildatum

  @norm:wmo2015-h3/3.2
  Scenario: De klachtenregeling wordt toegepast
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum
    Dan zijn er klachten om te toetsen
    En is elke klacht binnen de wettelijke termijn of na een rechtmatige verdaging afgehandeld
