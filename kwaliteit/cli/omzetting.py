"""Light conversion of the common option values, without pydantic.

Typer 0.29 converts every option value, even an absent one, through a pydantic
``TypeAdapter`` (``typer._coercion.build_runtime_param`` imports ``typer._adapters``,
which imports pydantic): about 0.1-0.2 s of start-up on every command. Nearly all our
options are plain text or whole numbers, for which the conversion is trivial. This module
converts those values itself and hands everything else to Typer's own conversion, so
the result is the same in every case:

* ``str``: a text that is valid Unicode (encodable as UTF-8) is returned as is, exactly as
  pydantic's ``str`` does; anything else (bytes, lone surrogates from non-UTF-8
  arguments) goes to Typer.
* ``int``: a plain decimal number (``-?[1-9][0-9]*`` or ``0``, at most 18 digits) within
  the option's ``min``/``max`` becomes ``int(value)``; anything else (spaces, signs,
  underscores, out of range, clamping, not a number) goes to Typer, which gives its own
  (translated) message.
* ``Path``: a non-empty text without NUL becomes ``Path(value)`` and then goes through
  Typer's own path checks (``coerce_cli_path``: exists, file or folder, readable, ...),
  which need no pydantic when they get a ``Path``.
* an absent value (``None``) is handled by Typer's shared code before any conversion.
* everything else (flags given as text, lists, files, parsers, clamping) goes to Typer
  unchanged.

These are Typer internals, like ``kwaliteit.cli.nl`` (``typer`` is pinned to 0.29.x);
``tests/cli/test_omzetting.py`` compares both conversions value by value and fails when
an upgrade changes the internals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer import _coercion, _param_types
from typer import core as typer_core
from typer._click.core import Context

__all__ = ["LichteOmzetting", "installeer_lichte_omzetting"]

_GEHEEL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")


@dataclass(frozen=True)
class LichteOmzetting(_coercion.RuntimeParam):
    """Convert plain ``str`` and ``int`` values; delegate the rest to Typer (pydantic)."""

    descriptor: _coercion.TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if type(value) is str:
            if self.annotation is str and _is_unicode(value):
                return value
            if self.annotation is Path and _padtekst(value) and self._eenvoudig_pad():
                return _param_types.coerce_cli_path(
                    Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            if self.annotation is int and _GEHEEL.fullmatch(value):
                getal = int(value)
                info = self.parameter_info
                if (info.min is None or getal >= info.min) and (
                    info.max is None or getal <= info.max
                ):
                    return getal
        return self.volledig._coerce_value(value, param=param, ctx=ctx)

    @functools.cached_property
    def volledig(self) -> _coercion.RuntimeParam:
        """Typer's own conversion for this parameter (imports pydantic)."""
        return _coercion.build_runtime_param(self.descriptor)

    def _eenvoudig_pad(self) -> bool:
        return self.parameter_info.path_type is None


def _is_unicode(tekst: str) -> bool:
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _padtekst(tekst: str) -> bool:
    return tekst != "" and "\x00" not in tekst and _is_unicode(tekst)


def licht_toepasbaar(descriptor: _coercion.TypeDescriptor) -> bool:
    """Whether the light conversion may see this parameter first (else Typer's own).

    Any annotation qualifies: what the light conversion does not know it passes on.
    Files, custom parsers, Click types and clamped numbers go straight to Typer.
    """
    info = descriptor.parameter_info
    return (
        descriptor.file_annotation is None
        and info.parser is None
        and getattr(info, "click_type", None) is None
        and not getattr(info, "clamp", False)
    )


def _runtime_param(self: typer_core._TyperParameter) -> _coercion.RuntimeParam:
    if self._runtime_param is None:
        descriptor = self.type_descriptor
        if licht_toepasbaar(descriptor):
            self._runtime_param = LichteOmzetting(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
                descriptor=descriptor,
            )
        else:
            self._runtime_param = _coercion.build_runtime_param(descriptor)
    return self._runtime_param


def installeer_lichte_omzetting() -> None:
    """Let Typer's parameters use the light conversion where it applies (idempotent)."""
    typer_core._TyperParameter.get_runtime_param = _runtime_param  # type: ignore[method-assign]
