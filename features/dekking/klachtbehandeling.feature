# language: nl
Functionaliteit: Klachtbehandeling volgens Awb hoofdstuk 9
  De kwaliteitsfunctionaris en de auditor zien hier per artikel van Awb
  hoofdstuk 9 of het klachtenregister laat zien dat de wet is nageleefd. Getoetst
  worden de klachten die in de twaalf maanden tot de peildatum zijn ontvangen.
  Een mislukt scenario noemt de kenmerken van de klachten die niet voldoen.

  Een leeg register bewijst niets: heeft de periode geen klachten, dan mislukt
  elk scenario met de melding dat er niets te toetsen is. Controleer dan of alle
  klachten, ook mondelinge, zijn geregistreerd.

  Achtergrond:
    Gegeven de klachten ontvangen in de twaalf maanden tot de peildatum

  @norm:awb-h9/9:6
  Scenario: Elke schriftelijke klacht krijgt een ontvangstbevestiging
    De wet noemt geen termijn voor de bevestiging. Klachten van de laatste week
    voor de peildatum mogen nog onbevestigd zijn.
    Dan zijn er klachten om te toetsen
    En heeft elke schriftelijke klacht die ten minste 7 dagen voor de peildatum binnenkwam een ontvangstbevestiging

  @norm:awb-h9/9:8
  Scenario: Wie een klacht niet in behandeling neemt, meldt dat binnen vier weken
    Dan zijn er klachten om te toetsen
    En ging elke mededeling dat een klacht niet in behandeling wordt genomen binnen vier weken uit

  @norm:awb-h9/9:9
  Scenario: De beklaagde krijgt een afschrift van de klacht
    Dan zijn er klachten om te toetsen
    En kreeg bij elke schriftelijke klacht met een oordeel de beklaagde een afschrift

  @norm:awb-h9/9:10
  Scenario: De klager wordt gehoord, of er is een wettelijke grond om dat niet te doen
    Dan zijn er klachten om te toetsen
    En is bij elke schriftelijke klacht met een oordeel de klager gehoord of is vastgelegd waarom niet

  @norm:awb-h9/9:11
  Scenario: Klachten worden binnen de termijn afgehandeld
    Zes weken na ontvangst (tien met een klachtadviescommissie), eenmaal te
    verdagen met ten hoogste vier weken; langer alleen met schriftelijke
    instemming van de klager. Ook een oudere klacht die op de peildatum nog open
    staat na haar uiterste afhandeldatum telt mee.
    Dan zijn er klachten om te toetsen
    En is elke klacht binnen de wettelijke termijn of na een rechtmatige verdaging afgehandeld
    En staat op de peildatum geen klacht open na haar uiterste afhandeldatum
