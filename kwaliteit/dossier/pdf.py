"""PDF/A-3b through WeasyPrint; the only module that imports it.

WeasyPrint fetches through ``Ophaler``: only files under the given roots (the
bundled assets: stylesheet and fonts), nothing from the network, no ``data:``
URLs, no other file. The rendered HTML escapes all user content, so nothing a user
typed can become a URL; should a reference slip through anyway, the build stops
instead of fetching it.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import HTML, Attachment
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from kwaliteit.fouten import Fout


class GeweigerdeBron(FatalURLFetchingError):  # type: ignore[misc]
    """A URL outside the fetcher's roots: the build stops."""


class Ophaler(URLFetcher):  # type: ignore[misc]
    """Serves ``file:`` URLs under ``wortels`` only; everything else is refused."""

    def __init__(self, wortels: Sequence[Path]) -> None:
        super().__init__(allowed_protocols=("file",))
        self.wortels = [os.path.realpath(w) for w in wortels]
        self.geweigerd: list[str] = []

    def toegestaan(self, url: str) -> Path | None:
        delen = urlsplit(url)
        if delen.scheme.lower() != "file" or delen.netloc not in ("", "localhost"):
            return None
        pad = os.path.realpath(url2pathname(delen.path))
        for wortel in self.wortels:
            if os.path.commonpath([pad, wortel]) == wortel and os.path.isfile(pad):
                return Path(pad)
        return None

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        pad = self.toegestaan(url)
        if pad is None:
            self.geweigerd.append(url)
            raise GeweigerdeBron(f"bron geweigerd: {url[:200]}")
        soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=pad.read_bytes(), headers={"Content-Type": soort})


def _tijdstip(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


@contextmanager
def _brondatum(tijd: datetime) -> Iterator[None]:
    """Date the embedded font subsets ``tijd`` instead of the clock.

    fontTools stamps each subset's ``head.modified`` with the time of the build, so two
    builds a second apart differ; it takes ``SOURCE_DATE_EPOCH`` (the reproducible-builds
    convention, https://reproducible-builds.org/specs/source-date-epoch/) instead. One set
    by the caller is left alone.
    """
    eerder = os.environ.get("SOURCE_DATE_EPOCH")
    if eerder is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(tijd.timestamp()))
    try:
        yield
    finally:
        if eerder is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def maak_pdf(
    html: str,
    *,
    basis: Path,
    bijlagen: Sequence[tuple[str, bytes, str]],
    datum: date,
    identificatie: str,
    voortgang: Callable[[int, int | None], None] | None = None,
) -> tuple[bytes, int]:
    """Render ``html`` (assets resolved under ``basis``) to PDF/A-3b with the attachments.

    ``bijlagen``: (name, content, description). ``datum`` dates the attachments (the
    document's own dates come from its ``dcterms`` meta tags); ``identificatie``
    (hex) becomes the PDF's /ID, so the file depends on its content only. Returns the
    PDF and its number of pages. ``voortgang(gedaan, 2)`` after each of the two phases:
    the layout (pages) and writing the PDF/A with its attachments.
    """
    ophaler = Ophaler([basis])
    tijd = _tijdstip(datum)
    # WeasyPrint warns about unsupported CSS and refused fetches on its logger; the
    # fetcher already stops the build on a refusal, so its warnings add nothing.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    with _brondatum(tijd):
        try:
            document = HTML(
                string=html, base_url=basis.as_uri() + "/", url_fetcher=ophaler
            ).render()
            if voortgang is not None:
                voortgang(1, 2)
            pdf = bytes(
                document.write_pdf(
                    pdf_variant="pdf/a-3b",
                    pdf_identifier=identificatie.encode("ascii"),
                    attachments=[
                        Attachment(
                            file_obj=BytesIO(inhoud),
                            name=naam,
                            description=omschrijving,
                            created=tijd,
                            modified=tijd,
                            relationship="Data" if naam.endswith(".json") else "Source",
                            url_fetcher=ophaler,
                        )
                        for naam, inhoud, omschrijving in bijlagen
                    ],
                )
            )
            if voortgang is not None:
                voortgang(2, 2)
            return pdf, len(document.pages)
        except GeweigerdeBron as e:
            raise Fout(
                f"Het dossier verwijst naar een bron die niet is toegestaan ({e})."
            ) from None
