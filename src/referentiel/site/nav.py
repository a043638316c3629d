"""The site navigation: the bloc hierarchy, in the shape of MkDocs' ``nav`` setting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Referentiel
from .text import excerpt, title
from .urls import (
    AUDIT,
    BLOCS_LIST,
    COMPETENCES_LIST,
    DOWNLOADS,
    FICHE,
    GRIDS,
    MODALITIES_LIST,
    TRACEABILITY,
    bloc_page,
    competence_page,
    grid_page,
    modality_page,
    record_page,
)

NavEntry = dict[str, Any] | str

# Real fiches have up to about twenty blocs. Past that, each bloc's section also holds its grids
# and its record, and each page's menu shows its own bloc's section only (the plugin's
# ``navigation``): a menu listing every bloc, or every grid, would make each page grow with the
# référentiel, and the build with its square.
MAX_BLOCS_SHOWN = 20


def home_entries(written: Sequence[str]) -> list[NavEntry]:
    """The hand-written home page first, when there is one."""
    return [{"Accueil": "index.md"}] if "index.md" in written else []


def other_entries(written: Sequence[str]) -> list[NavEntry]:
    """The other hand-written pages, after the référentiel's, in the order of their paths."""
    return [uri for uri in sorted(written) if uri != "index.md"]


def navigation(
    referentiel: Referentiel, before: Sequence[NavEntry], after: Sequence[NavEntry]
) -> list[NavEntry]:
    """``before``, the list of blocs, each bloc (its page, competences and modalities, each
    named by its own words), the lists of all competences and modalities, the grids, the
    audit, the downloads, then ``after``. Sections stay one level deep under the blocs: a
    section opened by its own page has a toggle with no text, and two nested ones would be
    two navigation landmarks of the same empty name.

    Titles are HTML-escaped here because the theme inserts nav titles as markup. Past
    :data:`MAX_BLOCS_SHOWN` blocs, each bloc's grids and record are in its own section.
    """
    large = len(referentiel.blocs) > MAX_BLOCS_SHOWN
    blocs: list[NavEntry] = []
    for bloc in referentiel.blocs:
        children: list[NavEntry] = [bloc_page(bloc.id)]
        children += [{title(f"{c.id} {excerpt(c.texte)}"): competence_page(c.id)} for c in bloc.competences]
        children += [{title(f"{m.code} {m.intitule}"): modality_page(m.id)} for m in bloc.modalites]
        if large:
            children += [{title(f"Grille {m.code} {m.intitule}"): grid_page(m.id)} for m in bloc.modalites]
            children.append({"Procès-verbal du bloc": record_page(bloc.id)})
        blocs.append({title(bloc.titre): children})
    grids = {
        "Grilles d'évaluation": [GRIDS]
        if large
        else [
            GRIDS,
            *({title(f"{m.code} {m.intitule}"): grid_page(m.id)} for m in referentiel.modalites),
            {"Procès-verbaux des blocs": [{title(b.titre): record_page(b.id)} for b in referentiel.blocs]},
        ]
    }
    audit = {"Audit": [AUDIT, TRACEABILITY, FICHE]}
    return [
        *before,
        {"Tous les blocs": BLOCS_LIST},
        *blocs,
        {"Toutes les compétences": COMPETENCES_LIST},
        {"Toutes les modalités": MODALITIES_LIST},
        grids,
        audit,
        {"Téléchargements": DOWNLOADS},
        *after,
    ]
