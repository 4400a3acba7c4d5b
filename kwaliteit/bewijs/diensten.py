"""Services for evidence: register, new versions, files, links to norms."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from kwaliteit.bestanden import atomair
from kwaliteit.bewijs.modellen import Bestand, Bewijssoort, Bewijsstuk, Bewijsversie, Normkoppeling
from kwaliteit.eenheid import Werkeenheid
from kwaliteit.fouten import InvoerFout, NietGevonden
from kwaliteit.tijd import nl_datum
from normen import diensten as normdiensten
from normen.modellen import Kaderversie, Norm, Normkader

ONDERWERP = "bewijs"
MAX_BESTAND = 50 * 1024 * 1024
MAX_EIGENAAR = 200  # the column bewijsstuk.eigenaar

# Hears a note that is no error (a start date in the future); the CLI shows it.
Melding = Callable[[str], None]


@dataclass(frozen=True)
class Versiegegevens:
    ingangsdatum: date
    geldig_tot: date | None = None
    bestand: Path | None = None
    toelichting: str | None = None


def _verplicht(tekst: str | None, veld: str, grens: int = 300) -> str:
    schoon = (tekst or "").strip()
    if not schoon:
        raise InvoerFout(f"{veld} is verplicht en mag niet leeg zijn.")
    if len(schoon) > grens:
        raise InvoerFout(f"{veld} is {len(schoon)} tekens; ten hoogste {grens} is toegestaan.")
    return schoon


def _optioneel(tekst: str | None, veld: str, grens: int) -> str | None:
    """An optional name, stripped; it must fit its column (the database refuses a longer one)."""
    schoon = (tekst or "").strip()
    if len(schoon) > grens:
        raise InvoerFout(f"{veld} is {len(schoon)} tekens; ten hoogste {grens} is toegestaan.")
    return schoon or None


def veilige_bestandsnaam(pad: Path) -> str:
    """Only the file's own name is kept: the store never holds a path that could leave it."""
    naam = pad.name
    if naam in ("", ".", "..") or "\x00" in naam or "/" in naam or "\\" in naam:
        raise InvoerFout(f"'{pad}' is geen bruikbare bestandsnaam.")
    return naam[:255]


def sla_bestand_op(w: Werkeenheid, pad: Path) -> tuple[str, str]:
    """Store a file content-addressed; returns (sha256, name)."""
    naam = veilige_bestandsnaam(pad)
    try:
        if not pad.is_file():
            raise InvoerFout(f"Het bewijsbestand {pad} bestaat niet of is geen gewoon bestand.")
        grootte = pad.stat().st_size
        if grootte > MAX_BESTAND:
            raise InvoerFout(
                f"{pad} is {grootte // (1024 * 1024)} MB; ten hoogste {MAX_BESTAND // (1024 * 1024)} MB "
                "per bewijsbestand. Verwijs bij grotere bestanden naar hun vindplaats in de beschrijving."
            )
        inhoud = pad.read_bytes()
    except OSError as e:
        raise InvoerFout(f"Het bewijsbestand {pad} is niet te lezen: {e.strerror}.") from None
    sha = hashlib.sha256(inhoud).hexdigest()
    if w.sessie.get(Bestand, sha) is None:
        w.sessie.add(Bestand(sha256=sha, grootte=len(inhoud), inhoud=inhoud))
    return sha, naam


def _controleer_periode(ingangsdatum: date, geldig_tot: date | None) -> None:
    if geldig_tot is not None and geldig_tot < ingangsdatum:
        raise InvoerFout(
            f"geldig-tot ({nl_datum(geldig_tot)}) ligt voor de ingangsdatum ({nl_datum(ingangsdatum)})."
        )


def _let_op_toekomst(w: Werkeenheid, ingang: date, melding: Melding | None) -> None:
    if melding is not None and ingang > w.vandaag:
        melding(
            f"de ingangsdatum {nl_datum(ingang)} ligt in de toekomst; "
            "het bewijs dekt pas vanaf die datum een norm."
        )


def _versie(w: Werkeenheid, nummer: int, g: Versiegegevens) -> Bewijsversie:
    _controleer_periode(g.ingangsdatum, g.geldig_tot)
    sha, naam = sla_bestand_op(w, g.bestand) if g.bestand is not None else (None, None)
    return Bewijsversie(
        versie=nummer,
        ingangsdatum=g.ingangsdatum,
        geldig_tot=g.geldig_tot,
        bestandsnaam=naam,
        sha256=sha,
        toelichting=(g.toelichting or "").strip() or None,
        toegevoegd=w.audit.tijdstip,
    )


def registreer(
    w: Werkeenheid,
    *,
    titel: str,
    soort: Bewijssoort,
    versie: Versiegegevens,
    eigenaar: str | None = None,
    beschrijving: str | None = None,
    melding: Melding | None = None,
) -> Bewijsstuk:
    """A new piece of evidence with its first version; kenmerk B-<nnnn>, gap-free.

    ``melding`` hears it when the version only starts after today."""
    eigenaar = _optioneel(eigenaar, "eigenaar", MAX_EIGENAAR)
    volgnummer = (w.sessie.execute(select(func.max(Bewijsstuk.volgnummer))).scalar_one() or 0) + 1
    b = Bewijsstuk(
        kenmerk=f"B-{volgnummer:04d}",
        volgnummer=volgnummer,
        titel=_verplicht(titel, "titel"),
        soort=soort,
        eigenaar=eigenaar,
        beschrijving=(beschrijving or "").strip() or None,
        geregistreerd=w.audit.tijdstip,
    )
    b.versies.append(_versie(w, 1, versie))
    w.sessie.add(b)
    w.sessie.flush()
    w.audit.leg_vast(ONDERWERP, b.kenmerk, "registreer", na=_momentopname(b))
    _let_op_toekomst(w, versie.ingangsdatum, melding)
    return b


def nieuwe_versie(
    w: Werkeenheid, kenmerk: str, gegevens: Versiegegevens, *, melding: Melding | None = None
) -> Bewijsversie:
    """A new version; the earlier ones stay, with their own period and file.

    ``melding`` hears it when the version only starts after today."""
    b = laad(w, kenmerk)
    v = _versie(w, max(x.versie for x in b.versies) + 1, gegevens)
    b.versies.append(v)
    w.sessie.flush()
    w.audit.leg_vast(ONDERWERP, b.kenmerk, "versie", na=_momentopname(b))
    _let_op_toekomst(w, gegevens.ingangsdatum, melding)
    return v


def laad(w: Werkeenheid, kenmerk: str) -> Bewijsstuk:
    gezocht = kenmerk.strip().upper()
    b = w.sessie.execute(
        select(Bewijsstuk)
        .where(Bewijsstuk.kenmerk == gezocht)
        .options(selectinload(Bewijsstuk.versies), selectinload(Bewijsstuk.koppelingen))
    ).scalar_one_or_none()
    if b is None:
        raise NietGevonden(
            f"Er is geen bewijsstuk met kenmerk '{kenmerk}'. 'kwaliteit bewijs lijst' toont de kenmerken."
        )
    return b


def koppel(
    w: Werkeenheid,
    kenmerk: str,
    *,
    kader: str,
    ref: str,
    toelichting: str,
    versie: str | None = None,
) -> Norm:
    """Link evidence to a norm, saying how it shows the norm is met."""
    b = laad(w, kenmerk)
    v = normdiensten.versie(w, kader, versie)
    n = normdiensten.norm(w, v, ref)
    if not n.beoordeelbaar:
        raise InvoerFout(
            f"{kader} {n.ref} ({n.titel}) is een categorie, geen beoordeelbare norm; "
            "koppel het bewijs aan de normen eronder."
        )
    uitleg = _verplicht(toelichting, "toelichting", 5000)
    if any(k.norm_id == n.id for k in b.koppelingen):
        raise InvoerFout(
            f"{b.kenmerk} is al gekoppeld aan {kader} {n.ref}; ontkoppel eerst om de toelichting te wijzigen."
        )
    b.koppelingen.append(Normkoppeling(norm_id=n.id, toelichting=uitleg))
    w.sessie.flush()
    w.audit.leg_vast(
        ONDERWERP,
        b.kenmerk,
        "koppel",
        na={"kader": kader, "versie": v.versie, "norm": n.ref, "toelichting": uitleg},
    )
    return n


def ontkoppel(
    w: Werkeenheid, kenmerk: str, *, kader: str, ref: str, versie: str | None = None
) -> Norm:
    b = laad(w, kenmerk)
    v = normdiensten.versie(w, kader, versie)
    n = normdiensten.norm(w, v, ref)
    koppeling = next((k for k in b.koppelingen if k.norm_id == n.id), None)
    if koppeling is None:
        raise InvoerFout(f"{b.kenmerk} is niet gekoppeld aan {kader} {n.ref}.")
    b.koppelingen.remove(koppeling)
    w.sessie.flush()
    w.audit.leg_vast(
        ONDERWERP, b.kenmerk, "ontkoppel", voor={"kader": kader, "versie": v.versie, "norm": n.ref}
    )
    return n


def neem_koppelingen_over(w: Werkeenheid, oud: Kaderversie, nieuw: Kaderversie) -> int:
    """Copy evidence links from an older version to the norms with the same ref in a new one.

    Links the new version already has are left alone, so copying twice adds nothing.
    """
    nieuw_per_ref = {n.ref: n.id for n in normdiensten.normen(w, nieuw)}
    bestaand = {
        (b, n)
        for b, n in w.sessie.execute(
            select(Normkoppeling.bewijsstuk_id, Normkoppeling.norm_id).where(
                Normkoppeling.norm_id.in_(list(nieuw_per_ref.values()))
            )
        )
    }
    rijen = w.sessie.execute(
        select(Normkoppeling, Norm.ref, Bewijsstuk.kenmerk)
        .join(Norm, Norm.id == Normkoppeling.norm_id)
        .join(Bewijsstuk, Bewijsstuk.id == Normkoppeling.bewijsstuk_id)
        .where(Norm.versie_id == oud.id)
        .order_by(Bewijsstuk.volgnummer, Norm.volgorde)
    ).all()
    aantal = 0
    for koppeling, ref, kenmerk in rijen:
        if ref not in nieuw_per_ref or (koppeling.bewijsstuk_id, nieuw_per_ref[ref]) in bestaand:
            continue
        w.sessie.add(
            Normkoppeling(
                bewijsstuk_id=koppeling.bewijsstuk_id,
                norm_id=nieuw_per_ref[ref],
                toelichting=koppeling.toelichting,
            )
        )
        w.audit.leg_vast(
            ONDERWERP,
            kenmerk,
            "koppel",
            na={
                "kader": nieuw.kader.code,
                "versie": nieuw.versie,
                "norm": ref,
                "toelichting": koppeling.toelichting,
                "overgenomen_van": oud.versie,
            },
        )
        aantal += 1
    w.sessie.flush()
    return aantal


class Versie(NamedTuple):
    """One evidence version as a plain row: what decides and shows its validity, and its file."""

    bewijsstuk_id: int
    versie: int
    ingangsdatum: date
    geldig_tot: date | None
    bestandsnaam: str | None
    sha256: str | None
    grootte: int | None


_V = TypeVar("_V", Bewijsversie, Versie)


def geldige_versie_van(versies: Iterable[_V], peildatum: date) -> _V | None:
    """The version that speaks for ``peildatum``: the newest that had started; None if expired.

    The newest by ingangsdatum, then by number; None when none had started or that
    one had expired.
    """
    gestart = [v for v in versies if v.ingangsdatum <= peildatum]
    if not gestart:
        return None
    v = max(gestart, key=lambda x: (x.ingangsdatum, x.versie))
    return v if v.geldig_tot is None or peildatum <= v.geldig_tot else None


class Koppeling(NamedTuple):
    """One link of evidence to a norm, with what a report shows of both (a plain row)."""

    norm_id: int
    ref: str
    toelichting: str
    bewijsstuk_id: int
    kenmerk: str
    titel: str
    soort: Bewijssoort
    eigenaar: str | None


@dataclass(frozen=True)
class GekoppeldBewijs:
    """The evidence linked to a set of norms: the links, and every version of each item."""

    koppelingen: list[Koppeling]
    versies: dict[int, list[Versie]]

    def per_norm(self) -> dict[int, list[Koppeling]]:
        """The links per norm id, each in the order of the evidence (B-0001, B-0002, ...)."""
        uit: dict[int, list[Koppeling]] = defaultdict(list)
        for k in self.koppelingen:
            uit[k.norm_id].append(k)
        return uit

    def geldig(self, bewijsstuk_id: int, peildatum: date) -> Versie | None:
        """The version of the item that speaks for ``peildatum`` (``geldige_versie_van``)."""
        return geldige_versie_van(self.versies.get(bewijsstuk_id, []), peildatum)


def gekoppeld_bewijs(w: Werkeenheid, norm_ids: Sequence[int]) -> GekoppeldBewijs:
    """The evidence linked to these norms, in two set-based reads of plain rows.

    A national kader has thousands of links and versions: no ORM objects and no
    query per item. The links come in the order of the evidence, then of the norms;
    the versions of every linked item with the size of their file.
    """
    koppelingen = [
        Koppeling(*rij)
        for rij in w.sessie.execute(
            select(
                Normkoppeling.norm_id,
                Norm.ref,
                Normkoppeling.toelichting,
                Bewijsstuk.id,
                Bewijsstuk.kenmerk,
                Bewijsstuk.titel,
                Bewijsstuk.soort,
                Bewijsstuk.eigenaar,
            )
            .join(Bewijsstuk, Bewijsstuk.id == Normkoppeling.bewijsstuk_id)
            .join(Norm, Norm.id == Normkoppeling.norm_id)
            .where(Normkoppeling.norm_id.in_(norm_ids))
            .order_by(Bewijsstuk.volgnummer, Norm.volgorde)
        )
    ]
    versies: dict[int, list[Versie]] = defaultdict(list)
    if koppelingen:
        # The linked items as a subquery, not as a long IN list.
        gekoppeld = select(Normkoppeling.bewijsstuk_id).where(Normkoppeling.norm_id.in_(norm_ids))
        for rij in w.sessie.execute(
            select(
                Bewijsversie.bewijsstuk_id,
                Bewijsversie.versie,
                Bewijsversie.ingangsdatum,
                Bewijsversie.geldig_tot,
                Bewijsversie.bestandsnaam,
                Bewijsversie.sha256,
                Bestand.grootte,
            )
            .outerjoin(Bestand, Bestand.sha256 == Bewijsversie.sha256)
            .where(Bewijsversie.bewijsstuk_id.in_(gekoppeld))
        ):
            versies[rij.bewijsstuk_id].append(Versie(*rij))
    return GekoppeldBewijs(koppelingen, dict(versies))


def geldige_versie(b: Bewijsstuk, peildatum: date) -> Bewijsversie | None:
    """The version of ``b`` that speaks for ``peildatum`` (see geldige_versie_van)."""
    return geldige_versie_van(b.versies, peildatum)


def _momentopname(b: Bewijsstuk) -> dict[str, Any]:
    return {
        "kenmerk": b.kenmerk,
        "titel": b.titel,
        "soort": b.soort.value,
        "eigenaar": b.eigenaar,
        "versies": [
            {
                "versie": v.versie,
                "ingangsdatum": v.ingangsdatum.isoformat(),
                "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
                "bestand": v.bestandsnaam,
                "sha256": v.sha256,
            }
            for v in b.versies
        ],
    }


def lijst(w: Werkeenheid, *, kader: str | None = None, ref: str | None = None) -> list[Bewijsstuk]:
    """The evidence, in kenmerk order; with ``kader`` (and ``ref``) only what is linked to
    that kader's version in force (or that norm of it)."""
    if ref is not None and kader is None:
        raise InvoerFout("Geef bij --norm ook --kader (de code van het normenkader).")
    q = (
        select(Bewijsstuk)
        .order_by(Bewijsstuk.volgnummer)
        .options(selectinload(Bewijsstuk.versies), selectinload(Bewijsstuk.koppelingen))
    )
    if kader is not None:
        v = normdiensten.versie(w, kader)
        normids = select(Norm.id).where(Norm.versie_id == v.id)
        if ref is not None:
            normids = normids.where(Norm.id == normdiensten.norm(w, v, ref).id)
        q = q.where(
            Bewijsstuk.id.in_(
                select(Normkoppeling.bewijsstuk_id).where(Normkoppeling.norm_id.in_(normids))
            )
        )
    return list(w.sessie.execute(q).scalars())


def lijstregel(b: Bewijsstuk, vandaag: date) -> dict[str, Any]:
    """One row of ``bewijs lijst --json``: the newest version's period and today's validity."""
    nieuwste = max(b.versies, key=lambda v: v.versie)
    return {
        "kenmerk": b.kenmerk,
        "titel": b.titel,
        "soort": b.soort.value,
        "eigenaar": b.eigenaar,
        "versie": nieuwste.versie,
        "ingangsdatum": nieuwste.ingangsdatum.isoformat(),
        "geldig_tot": nieuwste.geldig_tot.isoformat() if nieuwste.geldig_tot else None,
        "bestand": nieuwste.bestandsnaam,
        "geldig_vandaag": geldige_versie(b, vandaag) is not None,
        "gekoppelde_normen": len(b.koppelingen),
    }


def lijstregels(
    w: Werkeenheid, *, kader: str | None = None, ref: str | None = None
) -> list[dict[str, Any]]:
    """``lijst`` as the rows ``bewijs lijst`` shows (see ``lijstregel``)."""
    return [lijstregel(b, w.vandaag) for b in lijst(w, kader=kader, ref=ref)]


def toon(w: Werkeenheid, kenmerk: str, *, peildatum: date | None = None) -> dict[str, Any]:
    """A piece of evidence with its versions and norms, and which version speaks for
    ``peildatum`` (default today)."""
    b = laad(w, kenmerk)
    dag = peildatum or w.vandaag
    geldig = geldige_versie(b, dag)
    koppelingen = w.sessie.execute(
        select(Normkoppeling, Norm, Kaderversie, Normkader)
        .join(Norm, Norm.id == Normkoppeling.norm_id)
        .join(Kaderversie, Kaderversie.id == Norm.versie_id)
        .join(Normkader, Normkader.id == Kaderversie.kader_id)
        .where(Normkoppeling.bewijsstuk_id == b.id)
        .order_by(Normkader.code, Kaderversie.geldig_van, Norm.volgorde)
    ).all()
    return {
        "kenmerk": b.kenmerk,
        "titel": b.titel,
        "soort": b.soort.value,
        "eigenaar": b.eigenaar,
        "beschrijving": b.beschrijving,
        "geldig_op_peildatum": geldig is not None,
        "peildatum": dag.isoformat(),
        "versies": [
            {
                "versie": v.versie,
                "ingangsdatum": v.ingangsdatum.isoformat(),
                "geldig_tot": v.geldig_tot.isoformat() if v.geldig_tot else None,
                "bestand": v.bestandsnaam,
                "sha256": v.sha256,
                "toelichting": v.toelichting,
            }
            for v in b.versies
        ],
        "normen": [
            {
                "kader": kd.code,
                "versie": kv.versie,
                "norm": n.ref,
                "titel": n.titel,
                "toelichting": k.toelichting,
            }
            for k, n, kv, kd in koppelingen
        ],
        "geldige_versie": geldig.versie if geldig else None,
    }


def haal_bestand(w: Werkeenheid, kenmerk: str, versie: int | None, uit: Path) -> Path:
    """Write a version's file to ``uit`` (a folder or a file name), via a temporary name."""
    b = laad(w, kenmerk)
    kandidaten = [v for v in b.versies if versie is None or v.versie == versie]
    if not kandidaten:
        raise NietGevonden(f"{b.kenmerk} heeft geen versie {versie}.")
    v = kandidaten[-1]
    if v.sha256 is None or v.bestandsnaam is None:
        raise InvoerFout(f"Versie {v.versie} van {b.kenmerk} heeft geen bestand.")
    bestand = w.sessie.get(Bestand, v.sha256)
    if bestand is None or hashlib.sha256(bestand.inhoud).hexdigest() != v.sha256:
        raise InvoerFout(
            f"Het bestand van {b.kenmerk} versie {v.versie} is beschadigd of ontbreekt."
        )
    try:
        doel = uit / v.bestandsnaam if uit.is_dir() else uit
        with atomair(doel, binair=True) as f:
            f.write(bestand.inhoud)
    except OSError as e:  # e.g. a name the file system refuses
        raise InvoerFout(f"Kan niet schrijven naar {uit}: {e.strerror}.") from None
    return doel
