"""CASE 1.0 (1EdTech Competencies and Academic Standards Exchange): a ``CFPackage``.

The certification is the ``CFDocument``; blocs and competences are typed ``CFItem``s (the
bloc's RNCP code, or its ID, as ``humanCodingScheme``; the competence's ID), linked by
``isChildOf`` associations whose ``sequenceNumber`` keeps the référentiel's order; each
modality is a ``CFRubric`` whose criteria point at their competence and carry the levels of
the result scale. Identifiers are UUIDv5 (see :mod:`.identifiers`), URIs ``urn:uuid:``.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Criterion, Modality, Referentiel
from .identifiers import identifier, urn

BLOC_TYPE = "Bloc de compétences"
COMPETENCE_TYPE = "Compétence"
# CASE wants a change date; the référentiel's own date keeps the package identical between builds.
UNKNOWN_DATE = "1970-01-01T00:00:00+00:00"


def _change_date(referentiel: Referentiel) -> str:
    certification = referentiel.certification
    provenance = certification.provenance
    date = (provenance.date_export if provenance else None) or certification.enregistrement.date_decision
    return f"{date}T00:00:00+00:00" if date else UNKNOWN_DATE


def _link(title: str, uuid_value: str) -> dict[str, str]:
    return {"title": title, "identifier": uuid_value, "uri": urn(uuid_value)}


def case_package(referentiel: Referentiel) -> dict[str, Any]:
    certification = referentiel.certification
    changed = _change_date(referentiel)
    document_id = identifier(referentiel, "document")
    document_link = _link(certification.titre, document_id)
    creator = (
        certification.etablissement
        or ", ".join(c.nom for c in certification.certificateurs)
        or "non renseigné"
    )
    document: dict[str, Any] = {
        "identifier": document_id,
        "uri": urn(document_id),
        "creator": creator,
        "title": certification.titre,
        "lastChangeDateTime": changed,
        "language": "fr",
        "description": (
            f"Référentiel de la certification « {certification.titre} » "
            f"(N° RNCP : {certification.numero_rncp or 'non renseigné'})."
        ),
    }
    if certification.numero_rncp:
        document["officialSourceURL"] = (
            f"https://www.francecompetences.fr/recherche/rncp/{certification.numero_rncp.removeprefix('RNCP')}/"
        )
    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []

    def item(kind: str, item_id: str, statement: str, code: str, item_type: str) -> dict[str, str]:
        uuid_value = identifier(referentiel, kind, item_id)
        items.append(
            {
                "identifier": uuid_value,
                "uri": urn(uuid_value),
                "fullStatement": statement,
                "humanCodingScheme": code,
                "CFItemType": item_type,
                "language": "fr",
                "lastChangeDateTime": changed,
                "CFDocumentURI": document_link,
            }
        )
        return _link(code, uuid_value)

    def child_of(origin: dict[str, str], destination: dict[str, str], sequence: int) -> None:
        key = f"{origin['identifier']}>{destination['identifier']}"
        uuid_value = identifier(referentiel, "association", key)
        associations.append(
            {
                "identifier": uuid_value,
                "uri": urn(uuid_value),
                "associationType": "isChildOf",
                "sequenceNumber": sequence,
                "originNodeURI": origin,
                "destinationNodeURI": destination,
                "lastChangeDateTime": changed,
                "CFDocumentURI": document_link,
            }
        )

    competence_links: dict[str, dict[str, str]] = {}
    for bloc_number, bloc in enumerate(referentiel.blocs, 1):
        bloc_link = item("bloc", bloc.id, bloc.titre, bloc.code_rncp or bloc.id, BLOC_TYPE)
        child_of(bloc_link, document_link, bloc_number)
        for competence_number, competence in enumerate(bloc.competences, 1):
            link = item("competence", competence.id, competence.texte, competence.id, COMPETENCE_TYPE)
            competence_links[competence.id] = link
            child_of(link, bloc_link, competence_number)
    rubrics = [
        _rubric(referentiel, modality, competence_links, changed) for modality in referentiel.modalites
    ]
    return {"CFDocument": document, "CFItems": items, "CFAssociations": associations, "CFRubrics": rubrics}


def _levels(referentiel: Referentiel, criterion_uuid: str, changed: str) -> list[dict[str, Any]]:
    scale = referentiel.certification.scale
    if scale.is_marks:
        qualities = [
            (f"Note sur {scale.note_maximale} (seuil de validation : {scale.seuil:g})", scale.note_maximale)
        ]
    else:
        qualities = [(level, None) for level in scale.niveaux]
    levels = []
    for position, (quality, score) in enumerate(qualities, 1):
        uuid_value = identifier(referentiel, "niveau", f"{criterion_uuid}:{position}")
        level: dict[str, Any] = {
            "identifier": uuid_value,
            "uri": urn(uuid_value),
            "quality": quality,
            "position": position,
            "rubricCriterionId": criterion_uuid,
            "lastChangeDateTime": changed,
        }
        if score is not None:
            level["score"] = float(score)
        levels.append(level)
    return levels


def _criterion_text(criterion: Criterion) -> str:
    if not criterion.sous_points:
        return criterion.texte
    return criterion.texte + " " + " ; ".join(criterion.sous_points)


def _rubric(
    referentiel: Referentiel, modality: Modality, competence_links: dict[str, dict[str, str]], changed: str
) -> dict[str, Any]:
    rubric_id = identifier(referentiel, "grille", modality.id)
    criteria = []
    position = 0
    for competence_id in modality.competence_ids:
        for criterion in referentiel.competence(competence_id).criteres:
            position += 1
            uuid_value = identifier(referentiel, "critere", f"{modality.id}:{criterion.id}")
            criteria.append(
                {
                    "identifier": uuid_value,
                    "uri": urn(uuid_value),
                    "category": criterion.id,
                    "description": _criterion_text(criterion),
                    "CFItemURI": competence_links[competence_id],
                    "position": position,
                    "rubricId": rubric_id,
                    "lastChangeDateTime": changed,
                    "CFRubricCriterionLevels": _levels(referentiel, uuid_value, changed),
                }
            )
    return {
        "identifier": rubric_id,
        "uri": urn(rubric_id),
        "title": f"{modality.code} {modality.intitule}",
        "description": f"{modality.nature_label}, épreuve {modality.format_label}",
        "lastChangeDateTime": changed,
        "CFRubricCriteria": criteria,
    }


def case_text(referentiel: Referentiel) -> str:
    # Compact: an indented dump goes through json's pure-Python encoder, ten times slower on a
    # large référentiel, for files read by programs.
    return json.dumps(case_package(referentiel), ensure_ascii=False, separators=(",", ":")) + "\n"
