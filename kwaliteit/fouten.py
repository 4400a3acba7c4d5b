"""Errors shared by every package; the CLI turns them into a message and exit code.

``InvoerFout`` (exit code 2) means the user asked for something that is not
allowed; the message says what is wrong and what is allowed. ``Fout`` (exit
code 1) is every other failure the user can do something about.
"""

from __future__ import annotations


class Fout(Exception):
    """A failure with a Dutch message meant for the user (exit code 1)."""

    exit_code = 1

    def __init__(self, melding: str, *, details: list[str] | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.details = details or []


class InvoerFout(Fout):
    """Bad input or an impossible step (exit code 2)."""

    exit_code = 2


class NietGevonden(InvoerFout):
    """The thing named (a kenmerk, a norm) does not exist."""


class DatabaseFout(Fout):
    """The database can't be opened or used."""


class SchemaFout(DatabaseFout):
    """The database schema does not match this program."""


class GeenToegang(DatabaseFout):
    """The database role may not do this (PostgreSQL: insufficient privilege)."""
