"""Errors of the normen domain."""

from __future__ import annotations

from kwaliteit.fouten import InvoerFout, NietGevonden


class OngeldigKader(InvoerFout):
    """A kader file that does not meet the format; ``details`` lists every error."""


class OnbekendKader(NietGevonden):
    """No kader (or version, or norm) by that name is loaded."""
