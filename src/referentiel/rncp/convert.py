"""From an official fiche to the raw data of ``referentiel.yaml`` (our schema, French keys)."""

from __future__ import annotations

import re
from typing import Any

from .fiche import OfficialBloc, OfficialFiche
from .split import split_items

SOURCE = "France compétences (data.gouv.fr)"
_BLOC_SUFFIX = re.compile(r"BC(\d{2})$")


def _bloc_id(bloc: OfficialBloc, index: int) -> str:
    match = _BLOC_SUFFIX.search(bloc.code)
    return f"BC{match.group(1)}" if match else f"B{index}"


def _bloc(bloc: OfficialBloc, index: int) -> dict[str, Any]:
    bloc_id = _bloc_id(bloc, index)
    competences = [
        {"id": f"{bloc_id}-C{n}", "texte": text, "criteres": []}
        for n, text in enumerate(split_items(bloc.liste_competences), 1)
    ]
    modalities = []
    pieces = split_items(bloc.modalites_evaluation)
    if pieces:
        modalities.append(
            {
                "id": f"{bloc_id}-E",
                "code_source": None,
                "nature": None,
                "intitule": f"Modalités d'évaluation du bloc {bloc.code}".strip(),
                "format": None,
                "contexte": pieces,
                "competences": [c["id"] for c in competences],
                "notes_edition": [
                    "Importé de la fiche RNCP : la fiche décrit les modalités d'évaluation du bloc "
                    "entier, rattachées ici à toutes ses compétences."
                ],
            }
        )
    return {
        "id": bloc_id,
        "numero": index,
        "code_rncp": bloc.code or None,
        "intitule": bloc.libelle,
        "modalites_validation": None,
        "texte_officiel": {
            "liste_competences": bloc.liste_competences,
            "modalites_evaluation": bloc.modalites_evaluation,
        },
        "activites": [],
        "competences": competences,
        "modalites": modalities,
    }


def _code_labels(pairs: tuple[tuple[str, str | None], ...]) -> list[dict[str, Any]]:
    return [{"code": code, "libelle": label} for code, label in pairs]


def to_referentiel_data(fiche: OfficialFiche, export_date: str | None) -> dict[str, Any]:
    """The YAML data of a référentiel started from ``fiche``: nothing added that it lacks."""
    return {
        "version_schema": 1,
        "certification": {
            "intitule": fiche.intitule,
            "niveau": fiche.niveau,
            "etablissement": None,
            "titre_document": None,
            "numero_rncp": fiche.numero,
            "etat": fiche.etat,
            "active": fiche.actif,
            "codes_nsf": _code_labels(fiche.nsf),
            "codes_rome": _code_labels(fiche.rome),
            "formacodes": _code_labels(fiche.formacodes),
            "certificateurs": [{"nom": name, "siret": siret} for name, siret in fiche.certificateurs],
            "enregistrement": {
                "type": fiche.type_enregistrement,
                "date_decision": fiche.date_decision,
                "date_echeance": fiche.date_echeance,
                "date_limite_delivrance": fiche.date_limite_delivrance,
            },
            "voies_acces": [
                {"voie": route.voie, "ouverte": route.ouverte, "composition_jury": route.composition}
                for route in fiche.voies
            ],
            "validite_blocs": None,
            "amenagements_handicap": None,
            "correspondances": [
                {"fiche": target, "blocs": list(codes)} for target, codes in fiche.correspondances
            ],
            "fiches_anciennes": list(fiche.anciennes),
            "fiches_nouvelles": list(fiche.nouvelles),
            "echelle_resultats": None,
            "activites_visees": fiche.activites_visees,
            "objectifs_contexte": fiche.objectifs_contexte,
            "capacites_attestees": fiche.capacites_attestees,
            "secteurs_activite": fiche.secteurs_activite,
            "types_emplois": fiche.types_emplois,
            "reglementation": fiche.reglementation,
            "prerequis": fiche.prerequis,
            "base_legale": list(fiche.base_legale),
            "notes_edition": list(fiche.notes),
            "provenance": {"source": SOURCE, "fiche": fiche.numero, "date_export": export_date},
        },
        "blocs": [_bloc(bloc, index) for index, bloc in enumerate(fiche.blocs, 1)],
    }
