"""Writing files users asked for: to a temporary name beside the target, then renamed.

A crash or an error never leaves half a file at the path the user named.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kwaliteit.fouten import InvoerFout


def controleer_doel(pad: Path) -> None:
    """The target is a file name in an existing folder."""
    if pad.is_dir():
        raise InvoerFout(f"{pad} is een map; geef een bestandsnaam.")
    if not pad.parent.is_dir():
        raise InvoerFout(f"De map {pad.parent} bestaat niet.")


@contextmanager
def atomair(pad: Path, *, binair: bool = False, codering: str = "utf-8") -> Iterator[IO[Any]]:
    """``with atomair(pad) as f: f.write(...)``: the file appears whole, or not at all."""
    controleer_doel(pad)
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
    try:
        if binair:
            with tijdelijk.open("wb") as f:
                yield f
        else:
            with tijdelijk.open("w", encoding=codering, newline="") as f:
                yield f
        os.replace(tijdelijk, pad)
    except OSError as e:
        tijdelijk.unlink(missing_ok=True)
        raise InvoerFout(f"{pad} is niet te schrijven: {e.strerror}.") from None
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
