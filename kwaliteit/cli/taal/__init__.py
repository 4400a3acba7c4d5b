"""Dutch for every message Click prints itself (usage errors, help screens).

Click passes each of its own messages through the standard library's ``gettext`` (the
hook Click's maintainers point applications to for translating Click). This package
ships a Dutch catalogue of Click's msgids (``nl.po``) and binds it:

* the catalogue is compiled to a ``.mo`` file once, with polib, into the user's cache
  folder under a name that contains the CRC-32 and the length of ``nl.po`` (a new
  version of the catalogue gets a new file; nothing is ever rewritten in place);
* ``gettext.bindtextdomain`` and ``gettext.textdomain`` make it the process's domain,
  and ``LANGUAGE=nl`` selects the Dutch catalogue: the program speaks Dutch whatever the
  user's locale is.

Only public APIs of Click and the standard library are used; no Click internals are
touched. ``installeer`` is called by ``kwaliteit.cli.main`` (the program), never at
import: a program that imports ``kwaliteit`` as a library keeps its own gettext setup.
If no cache folder is writable, Click keeps its English messages and the program works.
"""

from __future__ import annotations

import contextlib
import gettext
import os
import sys
import zlib
from pathlib import Path

__all__ = ["CATALOGUS", "DOMEIN", "installeer", "map_voor_catalogus"]

DOMEIN = "kwaliteit"
CATALOGUS = Path(__file__).with_name("nl.po")


def _cachemappen() -> list[Path]:
    """Where the compiled catalogue may live, in order of preference.

    The user's cache folder as the XDG spec and Windows define it (platformdirs would
    cost ~25 ms of start-up for this one path), then the system's temporary folder.
    Every call of the program runs this: no module that costs start-up time is imported.
    """
    mappen: list[Path] = []
    if sys.platform == "win32":
        basis = os.environ.get("LOCALAPPDATA")
        if basis:
            mappen.append(Path(basis) / "kwaliteit" / "Cache")
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        if xdg and os.path.isabs(xdg):
            mappen.append(Path(xdg) / "kwaliteit")
        else:
            with contextlib.suppress(RuntimeError):  # no home folder
                mappen.append(Path.home() / ".cache" / "kwaliteit")
    gebruiker = os.getuid() if hasattr(os, "getuid") else "gebruiker"
    tijdelijk = os.environ.get("TMPDIR") or ("/tmp" if os.name == "posix" else "")  # noqa: S108
    if not tijdelijk:
        import tempfile

        tijdelijk = tempfile.gettempdir()
    mappen.append(Path(tijdelijk) / f"kwaliteit-{gebruiker}")
    return mappen


def _compileer(po: bytes, doel: Path) -> None:
    """Compile the catalogue to ``doel`` (written under a temporary name, then renamed)."""
    import polib

    catalogus = polib.pofile(po.decode("utf-8"))
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(f".{doel.name}.{os.getpid()}.tmp")
    try:
        catalogus.save_as_mofile(str(tijdelijk))
        os.replace(tijdelijk, doel)
    finally:
        tijdelijk.unlink(missing_ok=True)


def map_voor_catalogus() -> Path | None:
    """The locale folder that holds the compiled Dutch catalogue (compiled if needed)."""
    po = CATALOGUS.read_bytes()
    # A cache key, not a security check: hashlib would cost ~5 ms of every start-up.
    naam = f"taal-{zlib.crc32(po):08x}-{len(po)}"
    for cache in _cachemappen():
        localemap = cache / naam
        mo = localemap / "nl" / "LC_MESSAGES" / f"{DOMEIN}.mo"
        if mo.is_file():
            return localemap
        try:
            _compileer(po, mo)
        except OSError:
            continue
        return localemap
    return None


def installeer() -> None:
    """Make Click's own messages Dutch for this process (idempotent)."""
    localemap = map_voor_catalogus()
    if localemap is None:
        return
    gettext.bindtextdomain(DOMEIN, str(localemap))
    gettext.textdomain(DOMEIN)
    # LANGUAGE comes first in gettext's search (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    os.environ["LANGUAGE"] = "nl"
