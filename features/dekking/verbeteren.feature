# language: nl
Functionaliteit: Verbeteren na de zelfevaluatie
  De organisatie beoordeelt haar eigen kwaliteit per norm (de zelfevaluatie in
  de beoordelingsronde van het jaar van de peildatum), onderbouwt wat volgens
  haar voldoet, en volgt verbeteracties tot ze zijn afgerond. Een mislukt
  scenario noemt de normen of de VA-kenmerken die niet voldoen.

  Zonder zelfevaluatie in de ronde, of zonder één vastgelegde verbeteractie,
  mislukken de scenario's: dan is er niets om te toetsen.

  Achtergrond:
    Gegeven het normenkader "sterk-sociaal-werk"

  @norm:sterk-sociaal-werk/3.1
  Scenario: Wat volgens de zelfevaluatie voldoet, is met bewijs onderbouwd
    Dan heeft elke norm met het oordeel "voldoet" minstens één bewijsstuk

  @norm:sterk-sociaal-werk/3.7
  Scenario: Elk tekort uit de zelfevaluatie heeft een verbeteractie
    Dan heeft elke norm met het oordeel "voldoet-niet" een verbeteractie
    En heeft elke norm met het oordeel "voldoet-deels" een verbeteractie

  @norm:sterk-sociaal-werk/3.7
  Scenario: Verbeteracties worden gevolgd tot ze zijn afgerond
    Dan is geen verbeteractie over haar deadline
