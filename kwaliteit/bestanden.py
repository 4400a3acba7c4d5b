"""Writing files users asked for: to a temporary name beside the target, then renamed.

A crash or an error never leaves half a file at the path the user named. The data is
flushed to disk (fsync) before the rename, and the folder after it, so that a power
failure right after a command reported success does not lose the file or leave an
empty one at that path.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kwaliteit.fouten import InvoerFout

# fsync of a folder is not supported everywhere (some file systems answer EINVAL);
# the file itself was flushed, so that is not an error.
_NIET_ONDERSTEUND = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF}


def controleer_doel(pad: Path) -> None:
    """The target is a file name in an existing folder."""
    try:
        is_map, map_bestaat = pad.is_dir(), pad.parent.is_dir()
    except OSError as e:  # a name the file system refuses, e.g. longer than 255 bytes
        raise InvoerFout(f"{pad} is niet te schrijven: {e.strerror}.") from None
    if is_map:
        raise InvoerFout(f"{pad} is een map; geef een bestandsnaam.")
    if not map_bestaat:
        raise InvoerFout(f"De map {pad.parent} bestaat niet.")


def fsync_bestand(f: IO[Any]) -> None:
    """Flush an open file's data to disk."""
    f.flush()
    os.fsync(f.fileno())


def fsync_pad(pad: Path) -> None:
    """Flush a closed file's data to disk (e.g. one SQLite wrote)."""
    fd = os.open(pad, os.O_RDWR)  # Windows flushes only a handle opened for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_map(map_: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a crash (POSIX).

    Where a folder cannot be opened (Windows) or not be fsynced, this is skipped: the
    platform makes the rename durable itself, or offers no way to ask for it.
    """
    try:
        fd = os.open(map_, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in _NIET_ONDERSTEUND:
            raise
    finally:
        os.close(fd)


def _syncfs(map_: Path) -> bool:
    """Linux syncfs(2): flush the whole file system ``map_`` is on; False when unavailable."""
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(map_, os.O_RDONLY)
    try:
        if syncfs(fd) == 0:
            return True
        fout = ctypes.get_errno()
        if fout == errno.ENOSYS:
            return False
        raise OSError(fout, os.strerror(fout), str(map_))
    finally:
        os.close(fd)


def fsync_boom(map_: Path) -> None:
    """Flush a folder tree that was just written (every file and folder in it) to disk.

    On Linux one syncfs of its file system: for a dossier with thousands of files far
    faster than an fsync per file. Elsewhere every file and folder, the deepest first.
    """
    if _syncfs(map_):
        return
    for wortel, mappen, bestanden in os.walk(map_, topdown=False):
        for naam in bestanden:
            fsync_pad(Path(wortel, naam))
        for naam in mappen:
            fsync_map(Path(wortel, naam))
    fsync_map(map_)


@contextmanager
def atomair(pad: Path, *, binair: bool = False, codering: str = "utf-8") -> Iterator[IO[Any]]:
    """``with atomair(pad) as f: f.write(...)``: the file appears whole, or not at all."""
    controleer_doel(pad)
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.tmp")
    try:
        if binair:
            with tijdelijk.open("wb") as f:
                yield f
                fsync_bestand(f)
        else:
            with tijdelijk.open("w", encoding=codering, newline="") as f:
                yield f
                fsync_bestand(f)
        os.replace(tijdelijk, pad)
        fsync_map(pad.parent)
    except OSError as e:
        tijdelijk.unlink(missing_ok=True)
        raise InvoerFout(f"{pad} is niet te schrijven: {e.strerror}.") from None
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
