"""Spreadsheet cells safe from formula injection, and read back as they were meant.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (CSV or formula injection). Whatever ``kwaliteit``
writes for a spreadsheet goes through ``schrijf_cel``, which puts an apostrophe
before such a cell; spreadsheets show the apostrophe as "this is text" and hide
it. Whatever ``kwaliteit`` reads goes through ``lees_cel``, which removes that one
apostrophe again, so an export can be imported without changing a word:

=========================  ======================  =====================
text                       ``schrijf_cel``         ``lees_cel`` of that
=========================  ======================  =====================
``=SOM(A1)``               ``'=SOM(A1)``           ``=SOM(A1)``
``'=SOM(A1)``              ``''=SOM(A1)``          ``'=SOM(A1)``
``-5``, ``@naam``, tab…    ``'-5``, ``'@naam``, …  as the text
``'s-Gravenhage``          unchanged               unchanged
``Gewoon tekst``           unchanged               unchanged
=========================  ======================  =====================

Used by both domains (``klachten.uitwisseling``, ``normen.uitvoer``,
``normen.spreadsheet``), so it is part of the foundation and imports nothing of
them.
"""

from __future__ import annotations

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")


def schrijf_cel(tekst: str, *, spreadsheet: bool = True) -> str:
    """``tekst`` as a cell a spreadsheet shows as text: an apostrophe before a formula.

    For a spreadsheet (``spreadsheet=True``, the default) every cell that starts with a
    formula character, after any apostrophes, gets one apostrophe in front. For a file
    meant for other programs (``spreadsheet=False``) only text that already starts with
    apostrophes before a formula character gets one more, so that ``lees_cel`` gives
    it back unchanged; other text is written as it is.
    """
    kern = tekst.lstrip("'")
    if kern.startswith(FORMULETEKENS) and (spreadsheet or kern != tekst):
        return "'" + tekst
    return tekst


def lees_cel(waarde: str | None) -> str:
    """A cell as the user meant it: without surrounding spaces, and without the one
    apostrophe that ``schrijf_cel`` (or the user, in a spreadsheet) put before a formula
    character. Empty (or None) gives ``""``; a lone apostrophe stays."""
    tekst = (waarde or "").strip()
    if len(tekst) > 1 and tekst[0] == "'" and tekst.lstrip("'").startswith(FORMULETEKENS):
        return tekst[1:]
    return tekst
