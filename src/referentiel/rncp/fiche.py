"""An official RNCP fiche as read from the open data (flux XML V4.1)."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..model import ACCESS_ROUTES

# The flux's jury elements, in the order of the access routes they stand for.
JURIES = dict(
    zip(
        ("SI_JURY_FI", "SI_JURY_CA", "SI_JURY_FC", "SI_JURY_CQ", "SI_JURY_CL", "SI_JURY_VAE"),
        ACCESS_ROUTES,
        strict=True,
    )
)


@dataclass(frozen=True)
class OfficialBloc:
    code: str
    libelle: str
    liste_competences: str | None
    modalites_evaluation: str | None


@dataclass(frozen=True)
class OfficialRoute:
    voie: str
    ouverte: bool | None
    composition: str | None


@dataclass(frozen=True)
class OfficialFiche:
    """The fields of one fiche that a référentiel uses; texts exactly as published."""

    numero: str
    intitule: str
    niveau: int | None
    etat: str | None
    actif: bool | None
    type_enregistrement: str | None
    date_decision: str | None
    date_echeance: str | None
    date_limite_delivrance: str | None
    activites_visees: str | None
    objectifs_contexte: str | None = None
    capacites_attestees: str | None = None
    secteurs_activite: str | None = None
    types_emplois: str | None = None
    reglementation: str | None = None
    prerequis: str | None = None
    base_legale: tuple[str, ...] = ()
    nsf: tuple[tuple[str, str | None], ...] = ()
    rome: tuple[tuple[str, str | None], ...] = ()
    formacodes: tuple[tuple[str, str | None], ...] = ()
    certificateurs: tuple[tuple[str, str | None], ...] = ()  # (name, SIRET)
    voies: tuple[OfficialRoute, ...] = ()
    blocs: tuple[OfficialBloc, ...] = ()
    correspondances: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    anciennes: tuple[str, ...] = ()
    nouvelles: tuple[str, ...] = ()
    # What reading the fiche had to interpret, said on the site rather than done silently.
    notes: tuple[str, ...] = ()


# C1 controls in the export are Windows-1252 characters decoded as Latin-1 upstream
# (U+0092 for « ’ », U+0080 for « € »): they are given back their intended character.
_C1 = re.compile(r"[\x80-\x9f]")


def _windows_1252(match: re.Match[str]) -> str:
    # A byte with no Windows-1252 character stays: the loader refuses it, with its line.
    return _windows_1252_char(match.group())


def _text(element: ET.Element, path: str) -> str | None:
    value = element.findtext(path)
    if not value or not value.strip():
        return None
    return _C1.sub(_windows_1252, value.strip())


def _iso(date: str | None) -> str | None:
    """« 31/08/2024 » → « 2024-08-31 »; anything else is kept out rather than guessed."""
    if not date:
        return None
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", date.strip())
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_DATES = (
    ("DATE_DECISION", "date de décision"),
    ("DATE_FIN_ENREGISTREMENT", "date de fin d'enregistrement"),
    ("DATE_LIMITE_DELIVRANCE", "date limite de délivrance"),
)


def _reading_notes(element: ET.Element, dates: dict[str, str | None]) -> tuple[str, ...]:
    """Notes on what was not taken as published: impossible ``dates`` (as published, by tag),
    Windows-1252 characters."""
    notes = []
    for tag, label in _DATES:
        raw = dates[tag]
        if raw and _iso(raw) is None:
            notes.append(
                f"La fiche publie « {raw} » comme {label} : ce n'est pas une date réelle, "
                "le champ reste vide."
            )
    repaired = sorted(
        {c for text in element.itertext() for c in _C1.findall(text) if _windows_1252_char(c) != c}
    )
    if repaired:
        pairs = ", ".join(f"U+{ord(c):04X} → « {_windows_1252_char(c)} »" for c in repaired)
        notes.append(
            "L'export contient des caractères de contrôle qui sont des caractères Windows-1252 "
            f"mal décodés en amont ; ils ont été rétablis : {pairs}."
        )
    return tuple(notes)


def _windows_1252_char(character: str) -> str:
    try:
        return bytes([ord(character)]).decode("cp1252")
    except UnicodeDecodeError:
        return character


def _yes(value: str | None) -> bool | None:
    return {"Oui": True, "Non": False}.get(value or "")


def _codes(element: ET.Element, path: str) -> tuple[tuple[str, str | None], ...]:
    return tuple(
        (code, _text(item, "LIBELLE")) for item in element.findall(path) if (code := _text(item, "CODE"))
    )


def _legal_texts(element: ET.Element) -> tuple[str, ...]:
    """« Texte (JO du 30/12/2015) » for each publication of the general, creating and other decrees."""
    texts = []
    for kind in ("PUBLICATION_DECRET_GENERAL", "PUBLICATION_DECRET_CREATION", "PUBLICATION_DECRET_AUTRE"):
        for publication in element.findall(f"{kind}/PUBLICATION_JO"):
            title = _text(publication, "TITRE")
            if title:
                date = _text(publication, "DATE_PUBLICATION_JO")
                texts.append(f"{title} (JO du {date})" if date else title)
    return tuple(texts)


def parse_fiche(element: ET.Element) -> OfficialFiche:
    """Read a ``<FICHE>`` element."""
    level = _text(element, "NOMENCLATURE_EUROPE/NIVEAU")
    dates = {tag: _text(element, tag) for tag, _ in _DATES}
    level_match = re.fullmatch(r"NIV(\d)", level or "")
    routes = []
    for tag, voie in JURIES.items():
        jury = element.find(tag)
        if jury is not None:
            routes.append(OfficialRoute(voie, _yes(_text(jury, "ACTIF")), _text(jury, "COMPOSITION")))
    correspondences = []
    for item in element.findall("CORRESPONDANCES/CORRESPONDANCE"):
        target = _text(item, "DESTINATION/NUMERO_FICHE")
        if target:
            codes = tuple(c for b in item.findall("DESTINATION/BLOC_COMPETENCES") if (c := _text(b, "CODE")))
            correspondences.append((target, codes))
    return OfficialFiche(
        numero=_text(element, "NUMERO_FICHE") or "",
        intitule=_text(element, "INTITULE") or "",
        niveau=int(level_match.group(1)) if level_match else None,
        etat=_text(element, "ETAT_FICHE"),
        actif=_yes(_text(element, "ACTIF")),
        type_enregistrement=_text(element, "TYPE_ENREGISTREMENT"),
        date_decision=_iso(dates["DATE_DECISION"]),
        date_echeance=_iso(dates["DATE_FIN_ENREGISTREMENT"]),
        date_limite_delivrance=_iso(dates["DATE_LIMITE_DELIVRANCE"]),
        activites_visees=_text(element, "ACTIVITES_VISEES"),
        objectifs_contexte=_text(element, "OBJECTIFS_CONTEXTE"),
        capacites_attestees=_text(element, "CAPACITES_ATTESTEES"),
        secteurs_activite=_text(element, "SECTEURS_ACTIVITE"),
        types_emplois=_text(element, "TYPE_EMPLOI_ACCESSIBLES"),
        reglementation=_text(element, "REGLEMENTATIONS_ACTIVITES"),
        prerequis=_text(element, "PREREQUIS_ENTREE_FORMATION"),
        base_legale=_legal_texts(element),
        nsf=_codes(element, "CODES_NSF/NSF"),
        rome=_codes(element, "CODES_ROME/ROME"),
        formacodes=_codes(element, "FORMACODES/FORMACODE"),
        certificateurs=tuple(
            (name, _text(c, "SIRET_CERTIFICATEUR"))
            for c in element.findall("CERTIFICATEURS/CERTIFICATEUR")
            if (name := _text(c, "NOM_CERTIFICATEUR"))
        ),
        voies=tuple(routes),
        blocs=tuple(
            OfficialBloc(
                code=_text(b, "CODE") or "",
                libelle=_text(b, "LIBELLE") or "",
                liste_competences=_text(b, "LISTE_COMPETENCES"),
                modalites_evaluation=_text(b, "MODALITES_EVALUATION"),
            )
            for b in element.findall("BLOCS_COMPETENCES/BLOC_COMPETENCES")
        ),
        correspondances=tuple(correspondences),
        anciennes=_numbers(
            element, "ANCIENNES_CERTIFICATIONS/ANCIENNE_CERTIFICATION/ID_FICHE_ANCIENNE_CERTIFICATION"
        ),
        nouvelles=_numbers(
            element, "NOUVELLES_CERTIFICATIONS/NOUVELLE_CERTIFICATION/ID_FICHE_NOUVELLE_CERTIFICATION"
        ),
        notes=_reading_notes(element, dates),
    )


def _numbers(element: ET.Element, path: str) -> tuple[str, ...]:
    """The fiche numbers at ``path``, in order, each once."""
    return tuple(
        dict.fromkeys(number for item in element.findall(path) if (number := (item.text or "").strip()))
    )
