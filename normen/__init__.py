"""Normenkaders, bewijs en zelfevaluatie (volgt in een latere versie)."""
