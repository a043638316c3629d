"""The JSON export: the whole référentiel as published, and every item with typed links both ways.

``referentiel`` holds exactly the data of ``referentiel.yaml`` (loading it back gives the same
référentiel); ``elements`` lists each bloc, activity, competence, modality and criterion with
its links in both directions, for tools that want a graph rather than a tree. The document
follows ``referentiel-export.schema.json``, shipped with the package.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Referentiel
from .data import referentiel_data

EXPORT_SCHEMA = "https://referentiel.invalid/schema/referentiel-export.schema.json"
FORMAT_VERSION = 1


def _elements(referentiel: Referentiel) -> list[dict[str, Any]]:
    elements: list[dict[str, Any]] = []
    for bloc in referentiel.blocs:
        elements.append(
            {
                "id": bloc.id,
                "type": "bloc",
                "liens": {
                    "activites": [a.id for a in bloc.activites],
                    "competences": [c.id for c in bloc.competences],
                    "modalites": [m.id for m in bloc.modalites],
                },
            }
        )
    for activity in referentiel.activites:
        competences = [c.id for c in referentiel.competences_of_activity(activity.id)]
        elements.append(
            {
                "id": activity.id,
                "type": "activite",
                "liens": {"bloc": activity.bloc_id, "competences": competences},
            }
        )
    for competence in referentiel.competences:
        elements.append(
            {
                "id": competence.id,
                "type": "competence",
                "liens": {
                    "bloc": competence.bloc_id,
                    "activite": competence.activite_id,
                    "criteres": [c.id for c in competence.criteres],
                    "evaluee_par": [m.id for m in referentiel.modalities_of(competence.id)],
                },
            }
        )
    for modality in referentiel.modalites:
        elements.append(
            {
                "id": modality.id,
                "type": "modalite",
                "liens": {"bloc": modality.bloc_id, "evalue": list(modality.competence_ids)},
            }
        )
    for criterion in referentiel.criteres:
        elements.append(
            {"id": criterion.id, "type": "critere", "liens": {"competence": criterion.competence_id}}
        )
    return elements


def json_document(referentiel: Referentiel) -> dict[str, Any]:
    return {
        "$schema": EXPORT_SCHEMA,
        "format": "referentiel-rncp",
        "version_format": FORMAT_VERSION,
        "referentiel": referentiel_data(referentiel),
        "elements": _elements(referentiel),
    }


def json_text(referentiel: Referentiel) -> str:
    """The JSON document, UTF-8 text, keys in a stable order: identical from build to build."""
    # Compact: an indented dump goes through json's pure-Python encoder, ten times slower on a
    # large référentiel, for files read by programs.
    return json.dumps(json_document(referentiel), ensure_ascii=False, separators=(",", ":")) + "\n"
