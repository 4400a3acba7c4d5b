"""The dossier folder is flushed to disk before it is swapped in, its parent folder after."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dossier.conftest import Register
from kwaliteit import bestanden
from kwaliteit.dossier import bouw

Spoor = list[tuple[str, Path]]


@pytest.fixture
def spoor(monkeypatch: pytest.MonkeyPatch) -> Spoor:
    gebeurd: Spoor = []
    echte_boom, echte_map, echte_rename = bestanden.fsync_boom, bestanden.fsync_map, os.rename

    def fsync_boom(map_: Path) -> None:
        # Flushed when it is complete: the pages are already in it.
        assert (map_ / "html" / "index.html").is_file()
        gebeurd.append(("boom", map_))
        echte_boom(map_)

    def fsync_map(map_: Path) -> None:
        gebeurd.append(("map", map_))
        echte_map(map_)

    def rename(bron: Any, doel: Any) -> None:
        gebeurd.append(("rename", Path(doel)))
        echte_rename(bron, doel)

    monkeypatch.setattr(bestanden, "fsync_boom", fsync_boom)
    monkeypatch.setattr(bestanden, "fsync_map", fsync_map)
    monkeypatch.setattr(os, "rename", rename)
    return gebeurd


@pytest.mark.parametrize("wissel", [True, False], ids=["renameat2", "twee-renames"])
def test_het_dossier_wordt_duurzaam_geschreven_en_vervangen(
    register: Register,
    tmp_path: Path,
    spoor: Spoor,
    monkeypatch: pytest.MonkeyPatch,
    wissel: bool,
) -> None:
    uit = tmp_path / "dossier"
    if not wissel:
        monkeypatch.setattr(bouw, "_wissel", lambda a, b: False)
    for keer in ("nieuw", "vervangen"):
        spoor.clear()
        r, _ = register.dossier("--formaat", "html", uit=uit)
        assert r.exit_code == 0, (keer, r.stdout, r.stderr)
        soorten = [s for s, _ in spoor]
        assert soorten.count("boom") == 1, (keer, spoor)
        (tijdelijk,) = [p for s, p in spoor if s == "boom"]
        assert tijdelijk.parent == uit.parent
        assert tijdelijk.name.startswith(".dossier.")
        # The swap comes after the flush of the new tree, the flush of the parent after it.
        laatste = max(i for i, (s, _) in enumerate(spoor) if s == "map")
        assert spoor[laatste] == ("map", uit.parent), (keer, spoor)
        assert soorten.index("boom") < laatste
        if keer == "nieuw" or not wissel:
            assert ("rename", uit) in spoor[soorten.index("boom") : laatste], (keer, spoor)
        assert (uit / "html" / "index.html").is_file()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier"]
