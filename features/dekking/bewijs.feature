# language: nl
Functionaliteit: Bewijs voor de normen van Sterk Sociaal Werk
  Elke norm van het kwaliteitslabel heeft bewijs dat op de peildatum geldt: een
  gekoppeld bewijsstuk waarvan een versie dan geldt (niet verlopen, al
  ingegaan). Een mislukt scenario noemt de normen zonder geldig bewijs; het
  dekkingsoverzicht ('kwaliteit dekking sterk-sociaal-werk') toont per norm wat
  er is en wat verlopen is.

  Achtergrond:
    Gegeven het normenkader "sterk-sociaal-werk"

  @norm:sterk-sociaal-werk/1.1 @norm:sterk-sociaal-werk/1.2 @norm:sterk-sociaal-werk/1.3 @norm:sterk-sociaal-werk/1.4 @norm:sterk-sociaal-werk/1.5 @norm:sterk-sociaal-werk/1.6 @norm:sterk-sociaal-werk/1.7
  Scenario: Vakmanschap van de sociaal werker is onderbouwd
    Dan heeft elke norm van categorie "1" bewijs dat geldt op de peildatum

  @norm:sterk-sociaal-werk/2.1 @norm:sterk-sociaal-werk/2.2 @norm:sterk-sociaal-werk/2.3 @norm:sterk-sociaal-werk/2.4 @norm:sterk-sociaal-werk/2.5 @norm:sterk-sociaal-werk/2.6
  Scenario: Het effect van de dienstverlening voor inwoners is onderbouwd
    Dan heeft elke norm van categorie "2" bewijs dat geldt op de peildatum

  @norm:sterk-sociaal-werk/3.1 @norm:sterk-sociaal-werk/3.2 @norm:sterk-sociaal-werk/3.3 @norm:sterk-sociaal-werk/3.4 @norm:sterk-sociaal-werk/3.5 @norm:sterk-sociaal-werk/3.6 @norm:sterk-sociaal-werk/3.7
  Scenario: De faciliterende, lerende organisatie is onderbouwd
    Dan heeft elke norm van categorie "3" bewijs dat geldt op de peildatum
