"""The model back to the data of ``referentiel.yaml``: what the JSON export carries.

The inverse of :mod:`referentiel.loading.build`: loading what this returns gives back an
equal model (the round trip is tested), so an export loses nothing the site shows.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..model import (
    Activity,
    Bloc,
    Block,
    Certification,
    Column,
    Competence,
    Criterion,
    Modality,
    Referentiel,
)

SCHEMA_VERSION = 1


def _plain(value: Any) -> Any:
    """Tuples as lists, dataclasses as dicts, recursively."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _blocks(blocks: tuple[Block, ...]) -> list[Any]:
    return [
        block
        if isinstance(block, str)
        else {"introduction": block.introduction, "points": list(block.points)}
        for block in blocks
    ]


def certification_data(certification: Certification) -> dict[str, Any]:
    data = _plain(certification)
    scale = certification.echelle_resultats
    if scale is None:
        data["echelle_resultats"] = None
    elif scale.is_marks:
        data["echelle_resultats"] = {"note_maximale": scale.note_maximale, "seuil": scale.seuil}
    else:
        data["echelle_resultats"] = {"niveaux": list(scale.niveaux)}
    return data


def criterion_data(criterion: Criterion) -> dict[str, Any]:
    return {
        "id": criterion.id,
        "texte": criterion.texte,
        "sous_points": list(criterion.sous_points),
        "enjeux": list(criterion.enjeux),
        "notes_edition": list(criterion.notes_edition),
    }


def competence_data(competence: Competence) -> dict[str, Any]:
    data: dict[str, Any] = {"id": competence.id}
    if competence.activite_id is not None:  # a competence with no activity has no such key
        data["activite"] = competence.activite_id
    return data | {
        "texte": competence.texte,
        "enjeux": list(competence.enjeux),
        "notes_edition": list(competence.notes_edition),
        "criteres": [criterion_data(c) for c in competence.criteres],
    }


def activity_data(activity: Activity) -> dict[str, Any]:
    return {"id": activity.id, "intitule": activity.intitule, "notes_edition": list(activity.notes_edition)}


def modality_data(modality: Modality) -> dict[str, Any]:
    return {
        "id": modality.id,
        "code_source": modality.code_source,
        "nature": modality.nature,
        "intitule": modality.intitule,
        "format": modality.format,
        "effectif_equipe": modality.effectif_equipe,
        "duree": modality.duree,
        "contexte": _blocks(modality.contexte),
        "travail_demande": _blocks(modality.travail_demande),
        "restitution": _blocks(modality.restitution),
        "livrables": list(modality.livrables),
        "jury": modality.jury,
        "competences": list(modality.competence_ids),
        "notes_edition": list(modality.notes_edition),
    }


def bloc_data(bloc: Bloc) -> dict[str, Any]:
    official = bloc.texte_officiel
    return {
        "id": bloc.id,
        "numero": bloc.numero,
        "code_rncp": bloc.code_rncp,
        "intitule": bloc.intitule,
        "modalites_validation": bloc.modalites_validation,
        "texte_officiel": _plain(official) if official else None,
        "notes_edition": list(bloc.notes_edition),
        "activites": [activity_data(a) for a in bloc.activites],
        "competences": [competence_data(c) for c in bloc.competences],
        "modalites": [modality_data(m) for m in bloc.modalites],
    }


def referentiel_data(referentiel: Referentiel) -> dict[str, Any]:
    """The whole référentiel as ``referentiel.yaml`` holds it (French keys, schema order)."""
    data: dict[str, Any] = {
        "version_schema": SCHEMA_VERSION,
        "certification": certification_data(referentiel.certification),
    }
    if referentiel.preambule:
        data["preambule"] = _plain(referentiel.preambule)
    columns = {
        f.name: _plain(getattr(referentiel.colonnes, f.name))
        for f in fields(referentiel.colonnes)
        if isinstance(getattr(referentiel.colonnes, f.name), Column)
    }
    if columns:
        data["colonnes"] = columns
    data["blocs"] = [bloc_data(b) for b in referentiel.blocs]
    return data
