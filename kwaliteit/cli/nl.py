"""Dutch texts for everything Typer prints itself (usage errors, help screens).

Typer 0.29 no longer uses Click: it ships a trimmed copy in ``typer._click`` whose
messages are hard-coded f-strings, not ``gettext`` calls. Only ``typer.core`` and
``typer.rich_utils`` still call ``_()``. Replacing ``_`` on ``click.*`` modules would
therefore change nothing, so this module patches the vendored classes directly:

* ``typer.core._`` becomes a lookup in a Dutch dictionary (section titles, "default",
  "required", "Missing command.", ...);
* the exception classes in ``typer._click.exceptions`` get Dutch ``show`` /
  ``format_message`` methods, and messages built with English f-strings elsewhere
  (parser, pydantic validation, choices) are translated by anchored patterns;
* the usage prefix, the usage metavars, the ``--help`` text and the
  completion options get Dutch texts;
* ``typer.rich_utils`` (imported lazily by Typer, and it pulls in ``rich``) gets Dutch
  constants through a one-module import hook, so this module never imports rich.

These are private Typer internals: pin ``typer`` to 0.29.x. The tests in
``tests/cli/test_nederlands.py`` fail loudly when an upgrade changes them.
"""

from __future__ import annotations

import functools
import importlib.abc
import re
import sys
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import IO, Any

from typer import completion as typer_completion
from typer import core as typer_core
from typer._click import _compat as click_compat
from typer._click import core as click_core
from typer._click import decorators as click_decorators
from typer._click import exceptions as click_exceptions
from typer._click import formatting as click_formatting
from typer._click import utils as click_utils
from typer.models import ParameterInfo

__all__ = ["installeer_nederlands"]

HULPTEKST = "Toon deze hulp en stop."
GEBRUIK_PREFIX = "Gebruik: "
FOUT_PREFIX = "Fout: "

# Strings that typer.core passes through gettext's ``_``; keys are the exact msgids.
_VERTALINGEN: dict[str, str] = {
    "(dynamic)": "(dynamisch)",
    "Aborted!": "Afgebroken!",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Missing command.": "Opdracht ontbreekt.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
}

# typer.rich_utils computes these at import time, so they are set on the module itself.
_RICH_CONSTANTEN: dict[str, str] = {
    "DEPRECATED_STRING": "(verouderd) ",
    "DEFAULT_STRING": "[standaard: {}]",
    "ENVVAR_STRING": "[omgevingsvariabele: {}]",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Opdrachten",
    "ERRORS_PANEL_TITLE": "Fout",
    "ABORTED_TEXT": "Afgebroken.",
    "RICH_HELP": "Probeer [blue]'{command_path} {help_option}'[/] voor hulp.",
}

# Default metavars in the usage line ("Usage: prog [OPTIONS] COMMAND [ARGS]...").
_METAVARS: dict[str, str] = {
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "OPDRACHT [ARGUMENTEN]...",
}

_PARAMETERSOORTEN: dict[str, str] = {
    "option": "Optie",
    "argument": "Argument",
    "parameter": "Parameter",
}

_PADSOORTEN: dict[str, str] = {"file": "bestand", "dir": "map", "path": "pad"}

_COMPLETION_HULP: dict[str, str] = {
    "Install completion for the current shell.": (
        "Installeer tab-aanvulling voor de huidige shell."
    ),
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Toon de tab-aanvulling voor de huidige shell, om te kopiëren of aan te passen."
    ),
    "Install completion for the specified shell.": (
        "Installeer tab-aanvulling voor de opgegeven shell."
    ),
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "Toon de tab-aanvulling voor de opgegeven shell, om te kopiëren of aan te passen."
    ),
}

_Maker = Callable[[re.Match[str]], str]


def _regel(patroon: str, sjabloon: str | _Maker) -> tuple[str, _Maker]:
    if isinstance(sjabloon, str):
        tekst = sjabloon

        def maak(m: re.Match[str]) -> str:
            # Values come from groups, so braces in user input are never parsed.
            return tekst.format(**m.groupdict())

        return patroon, maak
    return patroon, sjabloon


def _padsoort(m: re.Match[str]) -> str:
    return _PADSOORTEN.get(m["soort"], m["soort"]).capitalize()


# Messages that the vendored Click, Typer and pydantic build with English f-strings.
# Each pattern must match the whole message, so user-supplied values cannot trigger
# a partial rewrite. Unknown messages pass through unchanged.
_REGELS: tuple[tuple[str, _Maker], ...] = (
    _regel(
        r"(?P<rest>.*)\. Did you mean (?P<opties>.+)\?",
        lambda m: f"{vertaal_melding(m['rest']).rstrip('.')}. Bedoelde u {m['opties']}?",
    ),
    # pydantic wraps ValueErrors raised by Typer's validators (choices, formats).
    _regel(r"Value error, (?P<rest>.*)", lambda m: vertaal_melding(m["rest"])),
    _regel(
        r"(?P<waarde>.+) is not one of (?P<keuzes>.+)\.",
        "{waarde} is geen geldige keuze; kies uit {keuzes}.",
    ),
    _regel(
        r"(?P<waarde>.+) does not match the formats (?P<formaten>.+)\.",
        "{waarde} past niet bij de formaten {formaten}.",
    ),
    _regel(r"value is not a valid tuple", "waarde is geen geldige reeks"),
    _regel(
        r"(?P<n>\d+) values are required, but (?P<m>\d+) given\.",
        "Er zijn {n} waarden nodig, maar er zijn er {m} opgegeven.",
    ),
    _regel(r"Input should be a valid integer(, .*)?", "Invoer moet een geheel getal zijn."),
    _regel(r"Input should be a valid number(, .*)?", "Invoer moet een getal zijn."),
    _regel(r"Input should be a valid decimal(, .*)?", "Invoer moet een decimaal getal zijn."),
    _regel(
        r"Input should be a valid boolean(, .*)?",
        "Invoer moet ja of nee zijn (true/false, yes/no, 1/0).",
    ),
    _regel(
        r"Input should be a valid datetime( or date)?(, .*)?",
        "Invoer moet een geldige datum/tijd zijn, bijvoorbeeld 2024-01-31 of 2024-01-31T09:30:00.",
    ),
    _regel(
        r"Input should be a valid date( or datetime)?(, .*)?",
        "Invoer moet een geldige datum zijn, bijvoorbeeld 2024-01-31.",
    ),
    _regel(r"Input should be a valid UUID(, .*)?", "Invoer moet een geldige UUID zijn."),
    _regel(r"Input is not a valid path.*", "Invoer is geen geldig pad."),
    _regel(
        r"Input should be greater than or equal to (?P<n>.+)",
        "Invoer moet groter dan of gelijk aan {n} zijn.",
    ),
    _regel(
        r"Input should be less than or equal to (?P<n>.+)",
        "Invoer moet kleiner dan of gelijk aan {n} zijn.",
    ),
    _regel(r"Input should be greater than (?P<n>.+)", "Invoer moet groter dan {n} zijn."),
    _regel(r"Input should be less than (?P<n>.+)", "Invoer moet kleiner dan {n} zijn."),
    _regel(r"Value must be an iterable\.", "Waarde moet een reeks zijn."),
    _regel(
        r"Value (?P<waarde>.+) is not a valid (?P<soort>.+)\.",
        "Waarde {waarde} is geen geldige {soort}.",
    ),
    _regel(
        r"(?P<soort>file|dir|path) (?P<pad>.+) does not exist\.",
        lambda m: f"{_padsoort(m)} {m['pad']} bestaat niet.",
    ),
    _regel(
        r"(?P<soort>file|dir|path) (?P<pad>.+) is a file\.",
        lambda m: f"{_padsoort(m)} {m['pad']} is een bestand.",
    ),
    _regel(
        r"(?P<soort>file|dir|path) (?P<pad>.+) is a directory\.",
        lambda m: f"{_padsoort(m)} {m['pad']} is een map.",
    ),
    _regel(
        r"(?P<soort>file|dir|path) (?P<pad>.+) is not readable\.",
        lambda m: f"{_padsoort(m)} {m['pad']} is niet leesbaar.",
    ),
    _regel(
        r"(?P<soort>file|dir|path) (?P<pad>.+) is not writable\.",
        lambda m: f"{_padsoort(m)} {m['pad']} is niet schrijfbaar.",
    ),
    # Parser (typer._click.parser) and Command.parse_args.
    _regel(r"No such option: (?P<optie>.+)", "Onbekende optie: {optie}"),
    _regel(
        r"Option (?P<optie>.+) requires an argument\.",
        "Optie {optie} verwacht een waarde.",
    ),
    _regel(
        r"Option (?P<optie>.+) requires (?P<n>\d+) arguments\.",
        "Optie {optie} verwacht {n} waarden.",
    ),
    _regel(
        r"Option (?P<optie>.+) does not take a value\.",
        "Optie {optie} accepteert geen waarde.",
    ),
    _regel(
        r"Argument (?P<naam>.+) takes (?P<n>\d+) values\.",
        "Argument {naam} verwacht {n} waarden.",
    ),
    _regel(
        r"Got unexpected extra argument\(s\) \((?P<args>.*)\)",
        "Onverwacht(e) extra argument(en) ({args})",
    ),
    _regel(r"Choose from:(?P<rest>.*)", "Kies uit:{rest}"),
)


def vertaal(bericht: str) -> str:
    """Drop-in for ``gettext.gettext``: Dutch when known, else the original msgid."""
    return _VERTALINGEN.get(bericht, bericht)


@functools.cache
def _gecompileerde_regels() -> tuple[tuple[re.Pattern[str], _Maker], ...]:
    # Compiled on the first error only: compiling at import costs ~5 ms per start-up.
    return tuple((re.compile(patroon, re.DOTALL), maak) for patroon, maak in _REGELS)


def vertaal_melding(tekst: str) -> str:
    """Translate a complete English message built by Typer/pydantic; else unchanged."""
    for patroon, maak in _gecompileerde_regels():
        treffer = patroon.fullmatch(tekst)
        if treffer is not None:
            return maak(treffer)
    return tekst


def _param_hint(hint: Sequence[str] | str | None) -> str | None:
    # Same as click_exceptions._join_param_hints, kept local because that is private.
    if hint is not None and not isinstance(hint, str):
        return " / ".join(repr(x) for x in hint)
    return hint


# --- replacements for typer._click.exceptions -----------------------------------------


def _click_exception_show(
    self: click_exceptions.ClickException, file: IO[Any] | None = None
) -> None:
    if file is None:
        file = click_compat.get_text_stderr()
    click_utils.echo(f"{FOUT_PREFIX}{self.format_message()}", file=file, color=self.show_color)


def _usage_error_show(self: click_exceptions.UsageError, file: IO[Any] | None = None) -> None:
    if file is None:
        file = click_compat.get_text_stderr()
    color = None
    hint = ""
    if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
        command = self.ctx.command_path
        option = self.ctx.help_option_names[0]
        hint = f"Probeer '{command} {option}' voor hulp.\n"
    if self.ctx is not None:
        color = self.ctx.color
        click_utils.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
    click_utils.echo(f"{FOUT_PREFIX}{self.format_message()}", file=file, color=color)


def _click_exception_format_message(self: click_exceptions.ClickException) -> str:
    # NoArgsIsHelpError carries the whole help page as its message: never rewrite it.
    if isinstance(self, click_exceptions.NoArgsIsHelpError):
        return self.message
    return vertaal_melding(self.message)


def _bad_parameter_format_message(self: click_exceptions.BadParameter) -> str:
    if self.param_hint is not None:
        hint: Sequence[str] | str | None = self.param_hint
    elif self.param is not None:
        hint = self.param.get_error_hint()
    else:
        return f"Ongeldige waarde: {vertaal_melding(self.message)}"
    return f"Ongeldige waarde voor {_param_hint(hint)}: {vertaal_melding(self.message)}"


def _missing_parameter_format_message(self: click_exceptions.MissingParameter) -> str:
    if self.param_hint is not None:
        hint: Sequence[str] | str | None = self.param_hint
    elif self.param is not None:
        hint = self.param.get_error_hint()
    else:
        hint = None
    hint_tekst = _param_hint(hint)
    hint_tekst = f" {hint_tekst}" if hint_tekst else ""

    soort = self.param_type
    if soort is None and self.param is not None:
        soort = self.param.param_type_name
    soort_nl = _PARAMETERSOORTEN.get(soort or "parameter", soort or "Parameter")

    melding = vertaal_melding(self.message) if self.message else ""
    if self.param is not None:
        extra = self.param.get_missing_message(ctx=self.ctx)
        if extra:
            extra = vertaal_melding(extra)
            melding = f"{melding}. {extra}" if melding else extra

    if melding:
        return f"{soort_nl}{hint_tekst} ontbreekt. {melding}"
    return f"{soort_nl}{hint_tekst} ontbreekt."


def _missing_parameter_str(self: click_exceptions.MissingParameter) -> str:
    if not self.message:
        naam = self.param.name if self.param else None
        return f"Ontbrekende parameter: {naam}"
    return self.message


def _no_such_option_format_message(self: click_exceptions.NoSuchOption) -> str:
    melding = vertaal_melding(self.message)
    if not self.possibilities:
        return melding
    mogelijk = ", ".join(sorted(self.possibilities))
    return f"{melding} (Mogelijke opties: {mogelijk})"


def _file_error_format_message(self: click_exceptions.FileError) -> str:
    reden = "onbekende fout" if self.message == "unknown error" else self.message
    return f"Kan bestand {self.ui_filename!r} niet openen: {reden}"


# --- other patches ---------------------------------------------------------------------


def _command_format_usage(
    self: click_core.Command,
    ctx: click_core.Context,
    formatter: click_formatting.HelpFormatter,
) -> None:
    # Same as Command.format_usage, with the default metavars translated.
    pieces = [_METAVARS.get(stuk, stuk) for stuk in self.collect_usage_pieces(ctx)]
    formatter.write_usage(ctx.command_path, " ".join(pieces))


def _patch_write_usage() -> None:
    origineel = click_formatting.HelpFormatter.write_usage

    def write_usage(
        self: click_formatting.HelpFormatter,
        prog: str,
        args: str = "",
        prefix: str | None = None,
    ) -> None:
        # "Usage: " is a hard-coded default of the prefix argument.
        origineel(self, prog, args, GEBRUIK_PREFIX if prefix is None else prefix)

    _vervang(click_formatting.HelpFormatter, "write_usage", write_usage)


def _patch_help_option() -> None:
    # Command.get_help_option imports help_option from the module at call time, so
    # replacing the module attribute is enough to reach every command.
    origineel = click_decorators.help_option

    def help_option(
        param_decls: list[str],
    ) -> Callable[[click_core.Command], click_core.Command]:
        decorator = origineel(param_decls)

        def toepassen(command: click_core.Command) -> click_core.Command:
            resultaat = decorator(command)
            optie = resultaat.params[-1]
            if isinstance(optie, typer_core.TyperOption):
                optie.help = HULPTEKST
            return resultaat

        return toepassen

    _vervang(click_decorators, "help_option", help_option)


def _patch_display_type() -> None:
    origineel = typer_core._TyperParameter.display_type

    def display_type(self: typer_core._TyperParameter, ctx: click_core.Context) -> str:
        label = origineel(self, ctx)
        desc = self.type_descriptor
        # Only touch the generated words, never user-defined choice names.
        if desc.is_choice:
            return label
        if desc.is_ranged and label.endswith(" range>"):
            return f"{label.removesuffix(' range>')} bereik>"
        if desc.is_path:
            kaal = label.strip("<>")
            return f"<{_PADSOORTEN.get(kaal, kaal)}>"
        return label

    _vervang(typer_core._TyperParameter, "display_type", display_type)


def _patch_envvar_teksten() -> None:
    # TyperArgument's help and TyperOption's error hint hard-code "env var".
    argument_record = typer_core.TyperArgument.get_help_record

    def get_help_record(
        self: typer_core.TyperArgument, ctx: click_core.Context
    ) -> tuple[str, str] | None:
        record = argument_record(self, ctx)
        if record is None:
            return None
        naam, hulp = record
        return naam, hulp.replace("[env var: ", "[omgevingsvariabele: ", 1)

    optie_hint = typer_core.TyperOption.get_error_hint

    def get_error_hint(self: typer_core.TyperOption) -> str:
        return optie_hint(self).replace(" (env var: '", " (omgevingsvariabele: '", 1)

    _vervang(typer_core.TyperArgument, "get_help_record", get_help_record)
    _vervang(typer_core.TyperOption, "get_error_hint", get_error_hint)


def _patch_completion_hulp() -> None:
    # --install-completion/--show-completion are built from the defaults of placeholder
    # functions (OptionInfo objects created at import time); translate their help.
    for naam in (
        "_install_completion_placeholder_function",
        "_install_completion_no_auto_placeholder_function",
    ):
        functie = getattr(typer_completion, naam, None)
        standaarden = getattr(functie, "__defaults__", None) or ()
        for info in standaarden:
            if isinstance(info, ParameterInfo) and info.help in _COMPLETION_HULP:
                info.help = _COMPLETION_HULP[info.help]


# --- typer.rich_utils, without importing rich ------------------------------------------

_RICH_UTILS = "typer.rich_utils"


def _pas_rich_utils_aan(module: ModuleType) -> None:
    for naam, waarde in _RICH_CONSTANTEN.items():
        if hasattr(module, naam):
            setattr(module, naam, waarde)
    # The usage line is highlighted by a regex on its English prefix.
    markeerder = getattr(module, "OptionHighlighter", None)
    patronen = getattr(markeerder, "highlights", None)
    if markeerder is not None and isinstance(patronen, list):
        markeerder.highlights = [
            p.replace("(?P<usage>Usage: )", f"(?P<usage>{GEBRUIK_PREFIX})") for p in patronen
        ]


class _RichUtilsLader(importlib.abc.Loader):
    """Runs the real loader, then applies the Dutch constants."""

    def __init__(self, origineel: importlib.abc.Loader) -> None:
        self._origineel = origineel

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._origineel.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._origineel.exec_module(module)
        _pas_rich_utils_aan(module)

    def __getattr__(self, naam: str) -> Any:
        # get_source, is_package, ...: behave like the wrapped loader.
        return getattr(self._origineel, naam)


class _RichUtilsVinder(importlib.abc.MetaPathFinder):
    """Intercepts only ``typer.rich_utils``; Typer imports it lazily (it costs rich)."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if fullname != _RICH_UTILS:
            return None
        for vinder in sys.meta_path:
            if isinstance(vinder, _RichUtilsVinder):
                continue
            zoek = getattr(vinder, "find_spec", None)
            if zoek is None:
                continue
            spec = zoek(fullname, path, target)
            if spec is None:
                continue
            if isinstance(spec.loader, importlib.abc.Loader):
                spec.loader = _RichUtilsLader(spec.loader)
            return spec  # type: ignore[no-any-return]
        return None


def _installeer_rich_haak() -> None:
    geladen = sys.modules.get(_RICH_UTILS)
    if geladen is not None:
        _pas_rich_utils_aan(geladen)
    if not any(isinstance(v, _RichUtilsVinder) for v in sys.meta_path):
        # Also kept after a first import, so a reload is translated too.
        sys.meta_path.insert(0, _RichUtilsVinder())


# --- entry point -----------------------------------------------------------------------


def _vervang(doel: object, naam: str, nieuw: object) -> None:
    # setattr keeps mypy quiet about assigning to methods; a missing attribute means a
    # Typer upgrade changed its internals: keep the English text rather than crash.
    if hasattr(doel, naam):
        setattr(doel, naam, nieuw)


_geinstalleerd = False


def installeer_nederlands() -> None:
    """Make Typer's own output Dutch. Idempotent; call before the Typer app runs."""
    global _geinstalleerd
    if _geinstalleerd:
        return
    _geinstalleerd = True

    _vervang(typer_core, "_", vertaal)

    exc = click_exceptions
    _vervang(exc.ClickException, "show", _click_exception_show)
    _vervang(exc.ClickException, "format_message", _click_exception_format_message)
    _vervang(exc.UsageError, "show", _usage_error_show)
    _vervang(exc.BadParameter, "format_message", _bad_parameter_format_message)
    _vervang(exc.MissingParameter, "format_message", _missing_parameter_format_message)
    _vervang(exc.MissingParameter, "__str__", _missing_parameter_str)
    _vervang(exc.NoSuchOption, "format_message", _no_such_option_format_message)
    _vervang(exc.FileError, "format_message", _file_error_format_message)

    _vervang(click_core.Command, "format_usage", _command_format_usage)
    _patch_write_usage()
    _patch_help_option()
    _patch_display_type()
    _patch_envvar_teksten()
    _patch_completion_hulp()
    _installeer_rich_haak()
