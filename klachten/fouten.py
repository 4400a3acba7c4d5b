"""Errors of the klachten domain; each message says what is wrong and what is allowed."""

from __future__ import annotations

from kwaliteit.fouten import InvoerFout, NietGevonden


class OngeldigeKlacht(InvoerFout):
    """A field of a complaint has a value that is not allowed."""


class OngeldigeStap(InvoerFout):
    """A procedure step that is not possible in the complaint's current state."""


class OnbekendeKlacht(NietGevonden):
    """No complaint has this kenmerk."""
