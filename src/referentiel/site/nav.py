"""The site navigation: the bloc hierarchy, in the shape of MkDocs' ``nav`` setting."""

from __future__ import annotations

from typing import Any

from ..model import Referentiel
from .text import title
from .urls import (
    AUDIT,
    DOWNLOADS,
    FICHE,
    GRIDS,
    TRACEABILITY,
    bloc_page,
    competence_page,
    grid_page,
    modality_page,
    record_page,
)

NavEntry = dict[str, Any] | str


def navigation(referentiel: Referentiel, before: list[NavEntry], after: list[NavEntry]) -> list[NavEntry]:
    """``before``, one section per bloc (its page, competences, modalities), the grids, the audit,
    then ``after``.

    Titles are HTML-escaped here because the theme inserts nav titles as markup.
    """
    sections: list[NavEntry] = []
    for bloc in referentiel.blocs:
        children: list[NavEntry] = [bloc_page(bloc.id)]
        if bloc.competences:
            children.append({"Compétences": [{title(c.id): competence_page(c.id)} for c in bloc.competences]})
        if bloc.modalites:
            children.append(
                {
                    "Modalités d'évaluation": [
                        {title(f"{m.code} {m.intitule}"): modality_page(m.id)} for m in bloc.modalites
                    ]
                }
            )
        sections.append({title(bloc.titre): children})
    grids = {
        "Grilles d'évaluation": [
            GRIDS,
            *({title(f"{m.code} {m.intitule}"): grid_page(m.id)} for m in referentiel.modalites),
            {"Procès-verbaux des blocs": [{title(b.titre): record_page(b.id)} for b in referentiel.blocs]},
        ]
    }
    audit = {"Audit": [AUDIT, TRACEABILITY, FICHE]}
    return [*before, *sections, grids, audit, {"Téléchargements": DOWNLOADS}, *after]
