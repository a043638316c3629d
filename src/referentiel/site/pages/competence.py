"""The page of one competence: its text, origin, criteria and evaluation."""

from __future__ import annotations

from ...model import Competence
from ..blocks import md_criteria, md_notes
from ..text import capitalized, md
from ..urls import Links, grid_page


def render_competence(
    competence: Competence,
    neighbours: tuple[Competence | None, Competence | None],
    links: Links,
    sections: str = "",
) -> str:
    """``sections``: its case studies and its history, when the site has them."""
    referentiel = links.referentiel
    bloc = referentiel.bloc(competence.bloc_id)
    modalities = referentiel.modalities_of(competence.id)
    out = [f"# Compétence {md(competence.id)}", "", md(competence.texte), ""]

    out.append(f"- **Bloc** : {links.md(bloc, bloc.titre)}")
    if competence.activite_id:
        activity = referentiel.activity(competence.activite_id)
        out.append(f"- **Activité** : {links.md(activity)} {md(activity.intitule)}")
    else:
        out.append("- **Activité** : aucune activité rattachée")
    if modalities:
        evaluated = ", ".join(links.md(m, f"{m.code} {m.intitule}") for m in modalities)
        out.append(f"- **Évaluée par** : {evaluated}")
    else:
        out.append("- **Évaluée par** : aucune modalité d'évaluation")
    out.append("")

    out += ["## Critères d'évaluation", ""]
    out.append(md_criteria(competence.criteres, anchors=True) or "Aucun critère d'évaluation.")
    out.append("")

    out += ["## Modalités d'évaluation", ""]
    for modality in modalities:
        label = links.md(modality, f"{modality.code} {modality.intitule}")
        out.append(f"### {label} {{#{modality.id}}}")
        out.append("")
        out.append(
            f"{md(capitalized(modality.nature_label))}, épreuve {md(modality.format_label)}. "
            + links.md_page(grid_page(modality.id), "Grille d'évaluation imprimable")
        )
        out.append("")
    if not modalities:
        out += ["Aucune modalité n'évalue cette compétence.", ""]
    if sections:
        out += [sections, ""]

    criterion_notes = (note for c in competence.criteres for note in c.notes_edition)
    notes = md_notes([*competence.notes_edition, *criterion_notes], links)
    if notes:
        out += [notes, ""]

    previous, following = neighbours
    steps = []
    if previous:
        steps.append(f"Compétence précédente : {links.md(previous)}")
    if following:
        steps.append(f"Compétence suivante : {links.md(following)}")
    if steps:
        out += ["---", "", " · ".join(steps), ""]
    return "\n".join(out)
