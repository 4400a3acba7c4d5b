"""Durable writes: fsync of the data before the rename, of the folder after it."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kwaliteit import beheer, bestanden, migreren
from kwaliteit.bestanden import atomair, fsync_boom, fsync_map
from kwaliteit.db import Database
from kwaliteit.fouten import InvoerFout

# What happened, in order: ("fsync", inode, is a folder) and ("replace", target name).
Gebeurtenis = tuple[str, int, bool] | tuple[str, str]


@pytest.fixture
def spoor(monkeypatch: pytest.MonkeyPatch) -> list[Gebeurtenis]:
    """Spies on os.fsync and on renames; the real calls still happen."""
    gebeurd: list[Gebeurtenis] = []
    echte_fsync = os.fsync
    echte_replace = os.replace
    echte_path_replace = Path.replace

    def fsync(fd: int) -> None:
        st = os.fstat(fd)
        gebeurd.append(("fsync", st.st_ino, stat.S_ISDIR(st.st_mode)))
        echte_fsync(fd)

    def replace(bron: Any, doel: Any, **kwargs: Any) -> None:
        gebeurd.append(("replace", Path(doel).name))
        echte_replace(bron, doel, **kwargs)

    def path_replace(self: Path, doel: Any) -> Path:
        gebeurd.append(("replace", Path(doel).name))
        return echte_path_replace(self, doel)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(Path, "replace", path_replace)
    return gebeurd


def inode(pad: Path) -> int:
    return pad.stat().st_ino


def controleer_volgorde(gebeurd: list[Gebeurtenis], doel: Path) -> None:
    """The file's data is flushed, then renamed to ``doel``, then its folder flushed."""
    bestand = ("fsync", inode(doel), False)  # a rename keeps the inode
    rename = ("replace", doel.name)
    map_ = ("fsync", inode(doel.parent), True)
    assert bestand in gebeurd, gebeurd
    assert rename in gebeurd, gebeurd
    assert map_ in gebeurd, gebeurd
    assert gebeurd.index(bestand) < gebeurd.index(rename), gebeurd
    assert map_ in gebeurd[gebeurd.index(rename) + 1 :], gebeurd


@pytest.mark.parametrize("binair", [False, True])
def test_atomair_fsynct_het_bestand_voor_en_de_map_na_het_hernoemen(
    tmp_path: Path, spoor: list[Gebeurtenis], binair: bool
) -> None:
    doel = tmp_path / "uit.csv"
    with atomair(doel, binair=binair) as f:
        f.write(b"a;b\n" if binair else "a;b\n")
    assert doel.read_bytes() == b"a;b\n"
    controleer_volgorde(spoor, doel)
    assert list(tmp_path.iterdir()) == [doel]


def test_atomair_fsynct_niets_bij_een_fout(tmp_path: Path, spoor: list[Gebeurtenis]) -> None:
    doel = tmp_path / "uit.csv"

    def schrijf_half() -> None:
        with atomair(doel) as f:
            f.write("half")
            raise RuntimeError("onderbroken")

    with pytest.raises(RuntimeError):
        schrijf_half()
    assert spoor == []
    assert list(tmp_path.iterdir()) == []


def test_een_map_die_niet_te_openen_is_wordt_overgeslagen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoor: list[Gebeurtenis]
) -> None:
    """As on Windows, where os.open of a folder fails: the file is written all the same."""
    echte_open = os.open

    def open_(pad: Any, vlaggen: int, *args: Any, **kwargs: Any) -> int:
        if Path(pad).is_dir():
            raise PermissionError(errno.EACCES, "Permission denied", str(pad))
        return echte_open(pad, vlaggen, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    doel = tmp_path / "uit.txt"
    with atomair(doel) as f:
        f.write("inhoud")
    assert doel.read_text(encoding="utf-8") == "inhoud"
    assert ("fsync", inode(doel), False) in spoor
    assert not [g for g in spoor if g[0] == "fsync" and len(g) == 3 and g[2]]


@pytest.mark.parametrize("fout", [errno.EINVAL, errno.ENOTSUP])
def test_een_bestandssysteem_zonder_fsync_van_mappen_is_geen_fout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fout: int
) -> None:
    echte_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(fout, os.strerror(fout))
        echte_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    doel = tmp_path / "uit.txt"
    with atomair(doel) as f:
        f.write("inhoud")
    assert doel.read_text(encoding="utf-8") == "inhoud"


def test_een_echte_schrijffout_bij_fsync_wordt_gemeld(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    doel = tmp_path / "uit.txt"
    with pytest.raises(InvoerFout, match="niet te schrijven"), atomair(doel) as f:
        f.write("inhoud")
    assert list(tmp_path.iterdir()) == []


def maak_boom(map_: Path) -> set[tuple[int, bool]]:
    """A small tree like a dossier's; returns (inode, is a folder) of everything in it."""
    for pad in ("html/index.html", "html/bewijs/a/regeling.md", "html/bewijs/b.txt", "x.pdf"):
        (map_ / pad).parent.mkdir(parents=True, exist_ok=True)
        (map_ / pad).write_text("x", encoding="utf-8")
    return {(p.stat().st_ino, p.is_dir()) for p in [map_, *map_.rglob("*")]}


def test_fsync_boom_zonder_syncfs_fsynct_elk_bestand_en_elke_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoor: list[Gebeurtenis]
) -> None:
    alles = maak_boom(tmp_path / "boom")
    monkeypatch.setattr(bestanden, "_syncfs", lambda map_: False)
    fsync_boom(tmp_path / "boom")
    assert {(g[1], g[2]) for g in spoor if g[0] == "fsync" and len(g) == 3} == alles
    # The deepest first, the folder itself last.
    assert spoor[-1] == ("fsync", inode(tmp_path / "boom"), True)


@pytest.mark.skipif(sys.platform != "linux", reason="syncfs(2) is Linux")
def test_fsync_boom_gebruikt_op_linux_een_syncfs(tmp_path: Path, spoor: list[Gebeurtenis]) -> None:
    maak_boom(tmp_path / "boom")
    assert bestanden._syncfs(tmp_path / "boom") is True
    fsync_boom(tmp_path / "boom")
    assert spoor == []  # one syncfs of the file system instead of an fsync per file


def test_fsync_map_van_een_map(tmp_path: Path, spoor: list[Gebeurtenis]) -> None:
    fsync_map(tmp_path)
    assert spoor == [("fsync", inode(tmp_path), True)]


def sqlite_bestand(pad: Path) -> Path:
    with sqlite3.connect(pad) as c:
        c.execute("CREATE TABLE t (x)")
        c.execute("INSERT INTO t VALUES (1)")
    return pad


@pytest.mark.parametrize(
    "maak",
    [
        lambda db, pad: (beheer.backup(db, pad), pad)[1],
        lambda db, pad: migreren.reservekopie(db, "0001"),
    ],
    ids=["db-backup", "reservekopie-voor-upgrade"],
)
def test_kopieen_van_de_database_zijn_duurzaam(
    tmp_path: Path, spoor: list[Gebeurtenis], maak: Callable[[Database, Path], Path | None]
) -> None:
    bron = sqlite_bestand(tmp_path / "register.db")
    with Database(f"sqlite:///{bron}") as db:
        spoor.clear()
        doel = maak(db, tmp_path / "kopie.db")
    assert doel is not None
    assert doel.is_file()
    controleer_volgorde(spoor, doel)
