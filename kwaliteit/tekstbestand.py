"""Reading the text files users bring: CSV from Excel and elsewhere, YAML they edit."""

from __future__ import annotations

from pathlib import Path

from kwaliteit.fouten import InvoerFout


def _lees_bytes(pad: Path, fout: type[InvoerFout]) -> bytes:
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        raise fout(f"Het bestand {pad} bestaat niet.") from None
    except IsADirectoryError:
        raise fout(f"{pad} is een map, geen bestand.") from None
    except OSError as e:
        raise fout(f"Het bestand {pad} is niet te lezen: {e.strerror}.") from None


def lees_utf8(pad: Path, fout: type[InvoerFout] = InvoerFout) -> str:
    """The text of a file that must be UTF-8 (with or without BOM): a kader or profile.

    Problems raise ``fout`` (an InvoerFout subclass the caller chooses) with a Dutch message.
    """
    try:
        return _lees_bytes(pad, fout).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fout(f"{pad} is geen UTF-8-tekst; sla het op als UTF-8.") from None


def lees_tekst(pad: Path, fout: type[InvoerFout] = InvoerFout) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 (as Dutch Excel saves).

    Problems raise ``fout`` (an InvoerFout subclass the caller chooses) with a Dutch message.
    """
    ruw = _lees_bytes(pad, fout)
    if ruw.startswith(b"\xef\xbb\xbf"):
        try:
            return ruw[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as e:
            raise fout(
                f"{pad} begint als UTF-8 (met BOM) maar bevat tekens die geen UTF-8 zijn "
                f"(bij byte {e.start + 3}); sla het bestand opnieuw op als 'CSV UTF-8' of "
                "als 'CSV (gescheiden door lijstscheidingsteken)'."
            ) from None
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError:
        return ruw.decode("cp1252", errors="replace")
