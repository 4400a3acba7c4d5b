"""Command groups whose commands Typer builds only when they are used.

Typer turns every command function into a Click command by inspecting its signature and
evaluating its type hints. For the whole tree (some 45 commands) that costs about 0.1 s
on every call, also for ``--help``, while a call uses one command. A :class:`Luiegroep`
knows its commands by name and short help only and builds a command the first time it is
looked up; its ``--help`` builds none.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any

import typer
from typer import core as typer_core
from typer._click import core as click_core
from typer._click.utils import make_default_short_help
from typer.models import CommandInfo

__all__ = ["LuieOpdrachten", "Luiegroep", "luie_groep"]


class LuieOpdrachten(MutableMapping[str, click_core.Command]):
    """Commands by name; each is built on first access, in the order of ``namen``.

    ``korte_hulp(naam, limiet)`` gives the text ``--help`` lists for a command without
    building it (None: the command is hidden).
    """

    def __init__(
        self,
        namen: Sequence[str],
        bouw: Callable[[str], click_core.Command],
        korte_hulp: Callable[[str, int], str | None],
    ) -> None:
        self._namen = list(namen)
        self._bouw = bouw
        self.korte_hulp = korte_hulp
        self._gebouwd: dict[str, click_core.Command] = {}

    def __getitem__(self, naam: str) -> click_core.Command:
        if naam not in self._gebouwd:
            if naam not in self._namen:
                raise KeyError(naam)
            self._gebouwd[naam] = self._bouw(naam)
        return self._gebouwd[naam]

    def __setitem__(self, naam: str, opdracht: click_core.Command) -> None:
        if naam not in self._namen:
            self._namen.append(naam)
        self._gebouwd[naam] = opdracht

    def __delitem__(self, naam: str) -> None:
        self._namen.remove(naam)
        self._gebouwd.pop(naam, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._namen))

    def __len__(self) -> int:
        return len(self._namen)

    def __contains__(self, naam: object) -> bool:
        return naam in self._namen

    def is_gebouwd(self, naam: str) -> bool:
        return naam in self._gebouwd


class Luiegroep(typer_core.TyperGroup):
    """A TyperGroup whose ``commands`` may be :class:`LuieOpdrachten`."""

    def list_commands(self, ctx: click_core.Context) -> list[str]:
        # TyperGroup iterates over items(), which would build every command.
        return list(self.commands)

    def format_commands(self, ctx: click_core.Context, formatter: Any) -> None:
        opdrachten = self.commands
        if not isinstance(opdrachten, LuieOpdrachten):
            super().format_commands(ctx, formatter)
            return
        namen = self.list_commands(ctx)
        if not namen:
            return
        # As TyperGroup.format_commands, without building the commands.
        limiet = formatter.width - 6 - max(len(n) for n in namen)
        rijen = []
        for naam in namen:
            tekst = opdrachten.korte_hulp(naam, limiet)
            if tekst is not None:
                rijen.append((naam, tekst))
        if rijen:
            # typer.core._ at call time: kwaliteit.cli.nl replaces it with Dutch texts.
            vertaal = typer_core._  # type: ignore[attr-defined]
            with formatter.section(vertaal("Commands")):
                formatter.write_dl(rijen)


def _naam(info: CommandInfo) -> str:
    assert info.callback is not None
    return info.name or typer.main.get_command_name(info.callback.__name__)


def _korte_hulp(info: CommandInfo, limiet: int) -> str | None:
    """What Command.get_short_help_str gives for the command Typer builds from ``info``."""
    if info.hidden:
        return None
    if info.short_help:
        return inspect.cleandoc(info.short_help)
    hulp = inspect.cleandoc(info.help) if info.help is not None else inspect.getdoc(info.callback)
    return make_default_short_help(hulp, limiet) if hulp else ""


def luie_groep(
    naam: str, app: typer.Typer, *, rich_markup_mode: Any, pretty_exceptions_short: bool
) -> Luiegroep:
    """The Click group of Typer app ``app`` under ``naam``, its commands built lazily.

    Typer builds the group itself (name, help, callback and its options, settings) from a
    copy of ``app`` without commands; the commands are then built one by one when used.
    Nested groups (``add_typer`` on ``app``) are built at once, as Typer does.
    """
    zonder_opdrachten = copy.copy(app)
    zonder_opdrachten.registered_commands = []
    hulp = typer.Typer(
        add_completion=False,
        pretty_exceptions_short=pretty_exceptions_short,
        rich_markup_mode=rich_markup_mode,
    )
    hulp.add_typer(zonder_opdrachten, name=naam, cls=Luiegroep)
    wortel = typer.main.get_command(hulp)
    assert isinstance(wortel, typer_core.TyperGroup)
    groep = wortel.commands[naam]
    assert isinstance(groep, Luiegroep)
    infos = {_naam(i): i for i in app.registered_commands}
    genest = dict(groep.commands)

    def bouw(opdracht: str) -> click_core.Command:
        if opdracht in genest:
            return genest[opdracht]
        return typer.main.get_command_from_info(
            infos[opdracht],
            pretty_exceptions_short=pretty_exceptions_short,
            rich_markup_mode=rich_markup_mode,
        )

    def korte_hulp(opdracht: str, limiet: int) -> str | None:
        if opdracht in genest:
            sub = genest[opdracht]
            return None if sub.hidden else sub.get_short_help_str(limiet)
        return _korte_hulp(infos[opdracht], limiet)

    # Typer lists the commands first, then the groups.
    groep.commands = LuieOpdrachten([*infos, *genest], bouw, korte_hulp)
    return groep
