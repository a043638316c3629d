"""The page of one evaluation modality: its brief, and the competences and criteria it covers."""

from __future__ import annotations

from ...model import Modality
from ..blocks import md_blocks, md_criteria, md_notes
from ..fragments import NOT_STATED, NOT_STATED_F, NOT_STATED_PL
from ..text import capitalized, md
from ..urls import Links, grid_page


def render_modality(modality: Modality, links: Links, sections: str = "") -> str:
    """``sections``: its case studies and its history, when the site has them."""
    referentiel = links.referentiel
    bloc = referentiel.bloc(modality.bloc_id)
    competences = [referentiel.competence(cid) for cid in modality.competence_ids]
    out = [f"# {md(modality.code)} {md(modality.intitule)}", ""]
    out += [
        f"- **Code dans la source** : {md(modality.code_source) if modality.code_source else NOT_STATED}",
        f"- **Identifiant** : {md(modality.id)}",
        f"- **Nature** : {md(capitalized(modality.nature_label))}",
        f"- **Format** : épreuve {md(modality.format_label)}",
        f"- **Bloc** : {links.md(bloc, bloc.titre)}",
        "- **Compétences évaluées** : " + ", ".join(links.md(c) for c in competences),
        f"- **Durée** : {md(modality.duree) if modality.duree else NOT_STATED_F}",
        "- **Livrables** : "
        + ("; ".join(md(item) for item in modality.livrables) if modality.livrables else NOT_STATED_PL),
        f"- **Jury** : {md(modality.jury) if modality.jury else NOT_STATED}",
        "- **Grille d'évaluation** : " + links.md_page(grid_page(modality.id), "grille imprimable"),
        "",
    ]
    brief = [
        ("Mise en situation", modality.contexte),
        ("Travail demandé", modality.travail_demande),
        ("Restitution et jury", modality.restitution),
    ]
    for title, blocks in brief:
        if blocks:
            out += [f"## {title}", "", md_blocks(blocks), ""]

    notes = md_notes(modality.notes_edition, links)
    if notes:
        out += [notes, ""]

    if sections:
        out += [sections, ""]

    out += ["## Compétences évaluées et critères", ""]
    for competence in competences:
        out += [f"### {links.md(competence)} {{#{competence.id}}}", "", md(competence.texte), ""]
        out += [md_criteria(competence.criteres) or "Aucun critère d'évaluation.", ""]
    return "\n".join(out)
