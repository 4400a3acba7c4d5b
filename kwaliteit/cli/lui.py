"""The command classes of ``kwaliteit``: Dutch usage lines, definition order, lazy groups.

Everything here uses Click's documented extension points: the ``options_metavar`` and
``subcommand_metavar`` parameters of a command, ``command_class``/``group_class`` of a
group, and overriding ``list_commands``/``get_command``/``format_commands`` (the
"lazily loading subcommands" pattern of Click's documentation).

A :class:`Luiegroep` knows its subcommands by module, attribute and short help only; it
imports a command's module the first time that command is used, so ``kwaliteit --help``
imports no command module and a call imports just the group it uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click

__all__ = ["Groep", "Luiegroep", "Opdracht", "Verwijzing"]

OPTIES_METAVAR = "[OPTIES]"
OPDRACHT_METAVAR = "OPDRACHT [ARGUMENTEN]..."


class Opdracht(click.Command):
    """A command whose usage line says ``[OPTIES]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIES_METAVAR)
        super().__init__(*args, **kwargs)


class Groep(click.Group):
    """A group: Dutch usage line, help when called without a command, commands listed
    in the order they were defined (Click sorts them by name by default)."""

    command_class = Opdracht
    group_class = type  # subgroups are Groep too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIES_METAVAR)
        kwargs.setdefault("subcommand_metavar", OPDRACHT_METAVAR)
        kwargs.setdefault("no_args_is_help", True)
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@dataclass(frozen=True)
class Verwijzing:
    """Where a lazily loaded subcommand lives, and its short help for ``--help``."""

    module: str
    attribuut: str  # a click.Command (a command or a group)
    kort: str  # the first paragraph of its help (``--help`` shortens it as Click does)

    def laad(self) -> click.Command:
        doel = getattr(importlib.import_module(self.module), self.attribuut)
        if not isinstance(doel, click.Command):
            raise TypeError(f"{self.module}.{self.attribuut} is geen opdracht")
        return doel


class Luiegroep(Groep):
    """A group whose subcommands are imported when they are used."""

    def __init__(self, *args: Any, verwijzingen: Mapping[str, Verwijzing], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.verwijzingen = dict(verwijzingen)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.verwijzingen, *(n for n in self.commands if n not in self.verwijzingen)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.verwijzingen:
            opdracht = self.verwijzingen[cmd_name].laad()
            # Registered under the name the root gives it, whatever its own name is.
            self.add_command(opdracht, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # As Group.format_commands, with the short help of a command not yet loaded
        # taken from its Verwijzing (Click's own truncation, through a stand-in).
        namen = self.list_commands(ctx)
        if not namen:
            return
        limiet = formatter.width - 6 - max(len(n) for n in namen)
        rijen: list[tuple[str, str]] = []
        for naam in namen:
            opdracht = self.commands.get(naam)
            if opdracht is None:
                opdracht = click.Command(naam, help=self.verwijzingen[naam].kort)
            if opdracht.hidden:
                continue
            rijen.append((naam, opdracht.get_short_help_str(limiet)))
        if rijen:
            from gettext import gettext as _

            # The same msgid Click uses, so the Dutch catalogue applies.
            with formatter.section(_("Commands")):
                formatter.write_dl(rijen)
