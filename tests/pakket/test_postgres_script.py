"""scripts/postgres.sh: every start its own server (directory, port), stop only that one.

Two test runs on one machine must not share or stop each other's PostgreSQL server.
Skipped without the PostgreSQL server programs (as ``make test-postgres`` then skips).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "postgres.sh"

pytestmark = pytest.mark.traag


def omgeving(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KWALITEIT_PG_")}
    return {**env, "KWALITEIT_PG_EIGENAAR": str(os.getpid()), **extra}


def script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=omgeving() if env is None else env,
        check=False,
        timeout=120,
    )


def poort_van(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return int(c.execute(text("SELECT inet_server_port()")).scalar_one())
    finally:
        engine.dispose()


class Servers:
    def __init__(self) -> None:
        self.mappen: list[str] = []

    def start(self, env: dict[str, str] | None = None) -> tuple[str, Path]:
        r = script("start", env=env)
        if r.returncode == 3:
            if os.environ.get("KWALITEIT_PG_VEREIST", "0") not in ("", "0"):
                pytest.fail("PostgreSQL ontbreekt, maar KWALITEIT_PG_VEREIST is gezet.")
            pytest.skip("PostgreSQL-serverprogramma's niet gevonden")
        assert r.returncode == 0, r.stderr
        regels = r.stdout.splitlines()
        assert len(regels) == 2, r.stdout
        url, map_ = regels
        self.mappen.append(map_)
        return url, Path(map_)

    def stop_alle(self) -> None:
        for map_ in self.mappen:
            script("stop", map_)


@pytest.fixture
def servers() -> Iterator[Servers]:
    s = Servers()
    yield s
    s.stop_alle()


def test_twee_starts_hebben_elk_een_eigen_server(servers: Servers) -> None:
    url1, map1 = servers.start()
    url2, map2 = servers.start()
    assert map1 != map2
    assert url1 != url2
    poort1, poort2 = poort_van(url1), poort_van(url2)
    assert poort1 != poort2
    assert url1.endswith(f":{poort1}/postgres")
    assert (map1 / ".kwaliteit-pg").is_file()

    # Stopping the first leaves the second running, and removes only the first directory.
    r = script("stop", str(map1))
    assert r.returncode == 0, r.stderr
    assert not map1.exists()
    assert script("status", str(map1)).returncode == 1
    assert script("status", str(map2)).returncode == 0
    assert poort_van(url2) == poort2

    # Stopping again is no error; the directory from KWALITEIT_PG_MAP works too.
    assert script("stop", str(map1)).returncode == 0
    r = script("stop", env=omgeving(KWALITEIT_PG_MAP=str(map2)))
    assert r.returncode == 0, r.stderr
    assert not map2.exists()


def test_stop_zonder_map_weigert(servers: Servers) -> None:
    r = script("stop")
    assert r.returncode == 2
    assert "Geef de map die 'start' afdrukte" in r.stderr


@pytest.fixture
def open_map() -> Iterator[Path]:
    """A directory the server user (postgres, when we are root) can reach, unlike tmp_path."""
    map_ = Path(tempfile.mkdtemp(prefix="kwaliteit-test-pg-"))
    map_.chmod(0o755)
    yield map_
    shutil.rmtree(map_, ignore_errors=True)


def test_vaste_map_en_poort(open_map: Path, servers: Servers) -> None:
    # open_map first, so that it is removed after the servers are stopped.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        vrij = s.getsockname()[1]
    map_ = open_map / "pg"
    url, gekregen = servers.start(
        omgeving(KWALITEIT_PG_MAP=str(map_), KWALITEIT_PG_POORT=str(vrij))
    )
    assert gekregen == map_
    assert poort_van(url) == vrij
    # A fixed port that is taken is an error, not another port.
    r = script("start", env=omgeving(KWALITEIT_PG_POORT=str(vrij)))
    assert r.returncode == 1
    assert f"poort {vrij} op 127.0.0.1 is al in gebruik" in r.stderr
    assert poort_van(url) == vrij


def test_server_van_een_verdwenen_eigenaar_wordt_opgeruimd(servers: Servers) -> None:
    eigenaar = subprocess.Popen(["sleep", "60"])
    try:
        _, verweesd = servers.start(omgeving(KWALITEIT_PG_EIGENAAR=str(eigenaar.pid)))
        assert script("status", str(verweesd)).returncode == 0
    finally:
        eigenaar.kill()
        eigenaar.wait()
    # The next start (of any run) stops that server and removes its directory.
    _, nieuw = servers.start()
    assert not verweesd.exists()
    assert script("status", str(nieuw)).returncode == 0
