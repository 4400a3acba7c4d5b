"""A minimal headless-Chromium client for tests: the DevTools protocol over a pipe.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from
file descriptor 3 and writes replies and events to file descriptor 4, each message
JSON followed by a NUL byte. No websockets, no ports, no third-party packages.

``Chromium`` starts the browser (a fresh profile in a temporary folder) and
``Chromium.open_pagina`` opens a URL in a new tab and waits for its load event; the
``Pagina`` it returns holds what the page reported (console messages, uncaught
exceptions, log entries, failed and all network requests, JavaScript dialogs) and
can evaluate JavaScript and take a full-page screenshot. Every wait has a timeout,
so a hanging browser fails the test instead of hanging CI, and the browser and its
children are always killed on ``sluit``.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

#: Debian's /usr/bin/chromium is a shell script that adds flags from /etc/chromium.d
#: and execs this binary; starting the binary itself keeps the flags ours alone.
DEBIAN_BINAIR = Path("/usr/lib/chromium/chromium")
VLAGGEN = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
#: Console message types and log levels that count as a problem.
CONSOLE_PROBLEEM = frozenset({"error", "assert", "warning"})
LOG_PROBLEEM = frozenset({"error", "warning"})


class ChromiumFout(RuntimeError):
    """The browser failed to start, answered with an error, died or timed out."""


def vind_chromium() -> str | None:
    """The Chromium to start, or None when none is installed."""
    gevonden = shutil.which("chromium") or shutil.which("chromium-browser")
    if gevonden is None and Path("/usr/bin/chromium").is_file():
        gevonden = "/usr/bin/chromium"
    if gevonden is None:
        return None
    if Path(gevonden).resolve() == Path("/usr/bin/chromium") and os.access(DEBIAN_BINAIR, os.X_OK):
        return str(DEBIAN_BINAIR)
    return gevonden


def _hoog(fd: int) -> int:
    """A close-on-exec copy of ``fd`` numbered 10 or higher (clear of 3 and 4); closes ``fd``."""
    kopie = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return kopie


@dataclass
class Pagina:
    """One tab: what it reported while loading, and a handle to query it further."""

    browser: Chromium
    url: str
    sessie: str
    doel: str
    console: list[tuple[str, str]] = field(default_factory=list)
    uitzonderingen: list[str] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)
    verzoeken: dict[str, str] = field(default_factory=dict)
    mislukt: list[tuple[str, str]] = field(default_factory=list)
    afgerond: set[str] = field(default_factory=set)
    dialogen: list[str] = field(default_factory=list)
    geladen: bool = False

    @property
    def aangevraagd(self) -> list[str]:
        """Every URL the page requested, in order."""
        return list(self.verzoeken.values())

    @property
    def problemen(self) -> list[str]:
        """Console errors and warnings, exceptions, log errors, failed loads and dialogs."""
        return [
            *(
                f"console.{soort}: {tekst}"
                for soort, tekst in self.console
                if soort in CONSOLE_PROBLEEM
            ),
            *(f"uitzondering: {tekst}" for tekst in self.uitzonderingen),
            *(
                f"log {niveau} ({bron}): {tekst}"
                for niveau, bron, tekst in self.log
                if niveau in LOG_PROBLEEM
            ),
            *(f"laden mislukt: {url}: {fout}" for url, fout in self.mislukt),
            *(f"dialoogvenster: {tekst}" for tekst in self.dialogen),
        ]

    def gebeurtenis(self, methode: str, p: dict[str, Any]) -> None:
        """Record one protocol event of this tab's session."""
        if methode == "Runtime.consoleAPICalled":
            delen = [str(a.get("value", a.get("description", a.get("type")))) for a in p["args"]]
            self.console.append((p["type"], " ".join(delen)))
        elif methode == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            uitleg = d.get("exception", {}).get("description", "")
            self.uitzonderingen.append(f"{d.get('text', '')} {uitleg} ({d.get('url', '')})".strip())
        elif methode == "Log.entryAdded":
            e = p["entry"]
            tekst = e["text"] + (f" ({e['url']})" if e.get("url") else "")
            self.log.append((e["level"], e["source"], tekst))
        elif methode == "Network.requestWillBeSent":
            self.verzoeken[p["requestId"]] = p["request"]["url"]
        elif methode == "Network.loadingFinished":
            self.afgerond.add(p["requestId"])
        elif methode == "Network.loadingFailed":
            self.afgerond.add(p["requestId"])
            url = self.verzoeken.get(p["requestId"], p["requestId"])
            reden = p.get("blockedReason") or p.get("corsErrorStatus") or ""
            self.mislukt.append((url, f"{p['errorText']} {reden}".strip()))
        elif methode == "Page.javascriptDialogOpening":
            self.dialogen.append(f"{p['type']}: {p['message']}")
            self.browser.stuur_later(
                "Page.handleJavaScriptDialog", {"accept": False}, sessie=self.sessie
            )
        elif methode == "Page.loadEventFired":
            self.geladen = True

    def opdracht(self, methode: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a command to this tab and return its result."""
        return self.browser.opdracht(methode, params, sessie=self.sessie)

    def evalueer(self, expressie: str) -> Any:
        """The value of a JavaScript expression (JSON-serialisable; promises are awaited)."""
        r = self.opdracht(
            "Runtime.evaluate",
            {"expression": expressie, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            uitleg = d.get("exception", {}).get("description", d.get("text", ""))
            raise ChromiumFout(f"JavaScript-fout in {expressie[:80]!r}: {uitleg}")
        return r["result"].get("value")

    def schermafdruk(self) -> bytes:
        """A PNG of the whole page, not just the viewport."""
        maten = self.opdracht("Page.getLayoutMetrics")
        inhoud = maten.get("cssContentSize") or maten["contentSize"]
        r = self.opdracht(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {
                    "x": 0,
                    "y": 0,
                    "width": inhoud["width"],
                    "height": inhoud["height"],
                    "scale": 1,
                },
            },
        )
        return base64.b64decode(r["data"])

    def sluit(self) -> None:
        """Close the tab (the browser stays)."""
        if self.browser.loopt:
            self.browser.opdracht("Target.closeTarget", {"targetId": self.doel})
            self.browser.paginas.pop(self.sessie, None)


class Chromium:
    """A headless Chromium, driven over ``--remote-debugging-pipe``; use as a context manager."""

    def __init__(
        self,
        binair: str,
        *,
        breedte: int = 1280,
        hoogte: int = 900,
        timeout: float = 20.0,
    ) -> None:
        self.binair = binair
        self.breedte = breedte
        self.hoogte = hoogte
        self.timeout = timeout
        self.paginas: dict[str, Pagina] = {}
        self._pid: int | None = None
        self._map: Path | None = None  # holds the fresh profile and Chromium's output
        self._naar: int | None = None
        self._van: int | None = None
        self._buffer = b""
        self._volgnummer = 0
        self._antwoorden: dict[int, dict[str, Any]] = {}
        self._later: list[tuple[str, dict[str, Any], str | None]] = []

    # -- process -----------------------------------------------------------------
    def start(self) -> Chromium:
        """Start the browser and wait until it answers."""
        if self._map is not None:
            raise ChromiumFout("Chromium is al gestart.")
        self._map = Path(tempfile.mkdtemp(prefix="kwaliteit-chromium-"))
        opdracht_r, self._naar = (_hoog(fd) for fd in os.pipe())
        self._van, antwoord_w = (_hoog(fd) for fd in os.pipe())
        argv = [
            self.binair,
            *VLAGGEN,
            f"--user-data-dir={self._map / 'profiel'}",
            f"--window-size={self.breedte},{self.hoogte}",
            "about:blank",
        ]
        # subprocess keeps inherited descriptors at their own numbers; posix_spawn can
        # put the pipe ends at the 3 and 4 Chromium expects, without a preexec_fn
        # (unsafe with threads) or a shell (dash cannot redirect descriptors above 9).
        try:
            try:
                self._pid = os.posix_spawn(
                    self.binair,
                    argv,
                    {**os.environ, "LANG": "C.UTF-8", "TZ": "UTC"},
                    file_actions=[
                        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                        (
                            os.POSIX_SPAWN_OPEN,
                            1,
                            str(self._logpad),
                            os.O_WRONLY | os.O_CREAT,
                            0o600,
                        ),
                        (os.POSIX_SPAWN_DUP2, 1, 2),
                        (os.POSIX_SPAWN_DUP2, opdracht_r, 3),
                        (os.POSIX_SPAWN_DUP2, antwoord_w, 4),
                    ],
                    setpgroup=0,
                )
            finally:
                # Only Chromium holds these ends now: its exit closes the pipes.
                os.close(opdracht_r)
                os.close(antwoord_w)
            self.opdracht("Browser.getVersion", timeout=max(self.timeout, 30.0))
        except BaseException:
            self.sluit()
            raise
        return self

    @property
    def loopt(self) -> bool:
        return self._pid is not None and self._naar is not None

    @property
    def _logpad(self) -> Path:
        assert self._map is not None
        return self._map / "chromium.log"

    def logstaart(self, regels: int = 15) -> str:
        """The last lines Chromium wrote to stdout/stderr, for error messages."""
        if self._map is None:
            return ""
        try:
            tekst = self._logpad.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(tekst.splitlines()[-regels:])

    def sluit(self) -> None:
        """Close the browser gracefully if it answers, else kill it; then its process group."""
        if self._pid is not None:
            if self._naar is not None:
                with contextlib.suppress(ChromiumFout, OSError):
                    self.opdracht("Browser.close", timeout=5.0)
            if not self._beeindigd(5.0):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(self._pid, signal.SIGKILL)
                self._beeindigd(10.0)
            # The browser is not reaped yet, so its process group id is still ours:
            # renderers and the zygote left in that group go too.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None
        for fd in (self._naar, self._van):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._naar = self._van = None
        self.paginas.clear()
        if self._map is not None:
            shutil.rmtree(self._map, ignore_errors=True)
            self._map = None

    def _beeindigd(self, timeout: float) -> bool:
        """Whether the browser exited within ``timeout`` s (left unreaped, as a zombie)."""
        assert self._pid is not None
        einde = time.monotonic() + timeout
        while True:
            try:
                if os.waitid(os.P_PID, self._pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
                    return True
            except ChildProcessError:
                return True
            if time.monotonic() > einde:
                return False
            time.sleep(0.05)

    def __enter__(self) -> Chromium:
        return self.start()

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.sluit()

    # -- protocol ----------------------------------------------------------------
    def _stuur(self, methode: str, params: dict[str, Any] | None, sessie: str | None) -> int:
        if self._naar is None:
            raise ChromiumFout("Chromium loopt niet.")
        self._volgnummer += 1
        bericht: dict[str, Any] = {
            "id": self._volgnummer,
            "method": methode,
            "params": params or {},
        }
        if sessie is not None:
            bericht["sessionId"] = sessie
        data = json.dumps(bericht).encode() + b"\0"
        einde = time.monotonic() + self.timeout
        while data:
            rest = einde - time.monotonic()
            if rest <= 0 or not select.select([], [self._naar], [], rest)[1]:
                raise ChromiumFout(f"Chromium neemt {methode} niet aan.\n{self.logstaart()}")
            try:
                data = data[os.write(self._naar, data) :]
            except BrokenPipeError:
                raise ChromiumFout(f"Chromium is gestopt.\n{self.logstaart()}") from None
        return self._volgnummer

    def stuur_later(self, methode: str, params: dict[str, Any], *, sessie: str | None) -> None:
        """Queue a command sent from an event handler (sent once that event is handled)."""
        self._later.append((methode, params, sessie))

    def _lees(self, tot: float) -> None:
        """Read and dispatch messages until at least one arrived, or raise at ``tot``."""
        assert self._van is not None
        rest = tot - time.monotonic()
        if rest <= 0 or not select.select([self._van], [], [], rest)[0]:
            raise TimeoutError
        blok = os.read(self._van, 1 << 20)
        if not blok:
            raise ChromiumFout(f"Chromium is onverwacht gestopt.\n{self.logstaart()}")
        self._buffer += blok
        *berichten, self._buffer = self._buffer.split(b"\0")
        for ruw in berichten:
            bericht = json.loads(ruw)
            if "id" in bericht:
                self._antwoorden[bericht["id"]] = bericht
            elif (pagina := self.paginas.get(bericht.get("sessionId", ""))) is not None:
                pagina.gebeurtenis(bericht["method"], bericht.get("params", {}))
        while self._later:
            methode, params, sessie = self._later.pop(0)
            self._stuur(methode, params, sessie)

    def opdracht(
        self,
        methode: str,
        params: dict[str, Any] | None = None,
        *,
        sessie: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send a command and wait for its reply; a protocol error raises ChromiumFout."""
        nummer = self._stuur(methode, params, sessie)
        tot = time.monotonic() + (timeout or self.timeout)
        while nummer not in self._antwoorden:
            try:
                self._lees(tot)
            except TimeoutError:
                raise ChromiumFout(
                    f"Geen antwoord van Chromium op {methode} binnen {timeout or self.timeout} s."
                    f"\n{self.logstaart()}"
                ) from None
        antwoord = self._antwoorden.pop(nummer)
        if "error" in antwoord:
            raise ChromiumFout(f"{methode}: {antwoord['error'].get('message')}")
        resultaat: dict[str, Any] = antwoord.get("result", {})
        return resultaat

    def wacht(self, klaar: Callable[[], bool], timeout: float, wat: str) -> None:
        """Read events until ``klaar()`` holds; raise ChromiumFout after ``timeout`` seconds."""
        tot = time.monotonic() + timeout
        while not klaar():
            try:
                self._lees(tot)
            except TimeoutError:
                raise ChromiumFout(f"{wat}: niet binnen {timeout} s.\n{self.logstaart()}") from None

    def open_pagina(self, url: str, *, timeout: float | None = None) -> Pagina:
        """Open ``url`` in a new tab and wait until it and all its requests have loaded."""
        timeout = timeout or self.timeout
        doel = self.opdracht("Target.createTarget", {"url": "about:blank"})["targetId"]
        sessie = self.opdracht("Target.attachToTarget", {"targetId": doel, "flatten": True})[
            "sessionId"
        ]
        pagina = Pagina(self, url, sessie, doel)
        self.paginas[sessie] = pagina
        for domein in ("Runtime", "Log", "Network", "Page"):
            pagina.opdracht(f"{domein}.enable")
        navigatie = pagina.opdracht("Page.navigate", {"url": url})
        if navigatie.get("errorText"):
            raise ChromiumFout(f"{url} kon niet worden geopend: {navigatie['errorText']}")
        self.wacht(lambda: pagina.geladen, timeout, f"Het load-event van {url}")
        self.wacht(
            lambda: set(pagina.verzoeken) <= pagina.afgerond,
            timeout,
            f"Het laden van alle bestanden van {url}",
        )
        # A round trip through the renderer, so that console and log events it sent
        # before this reply have been read.
        pagina.evalueer("document.readyState")
        return pagina
