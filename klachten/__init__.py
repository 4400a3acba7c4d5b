"""Het klachtdomein: registratie en de procedure van Awb hoofdstuk 9."""
