"""The page of one bloc: activities, modalities, and the source's four-column table."""

from __future__ import annotations

from ...export.formats import bloc_csv_name
from ...model import Bloc
from ..blocks import md_notes
from ..counts import bloc_contents
from ..table import four_column_table
from ..text import md
from ..urls import DOWNLOADS, Links, download_file, grid_page, record_page


def render_bloc(bloc: Bloc, links: Links, sections: str = "") -> str:
    """``sections``: its history, when the site has one."""
    referentiel = links.referentiel
    out = [f"# {md(bloc.titre)}", ""]
    code = md(bloc.code_rncp) if bloc.code_rncp else "*non renseigné*"
    out += [
        f"- **Code RNCP du bloc** : {code}",
        f"- **Contenu** : {bloc_contents(bloc)}",
        "",
    ]
    notes = md_notes(bloc.notes_edition, links)
    if notes:
        out += [notes, ""]

    out += ["## Activités", ""]
    for activity in bloc.activites:
        out += [f"### {md(activity.id)} {md(activity.intitule)} {{#{activity.id}}}", ""]
        competences = referentiel.competences_of_activity(activity.id)
        if competences:
            listed = ", ".join(links.md(c) for c in competences)
            out.append(f"Compétence{'s' if len(competences) > 1 else ''} : {listed}")
        else:
            out.append("Aucune compétence ne découle de cette activité.")
        out.append("")
        activity_notes = md_notes(activity.notes_edition, links)
        if activity_notes:
            out += [activity_notes, ""]

    out += ["## Modalités d'évaluation", ""]
    for modality in bloc.modalites:
        covered = ", ".join(links.md_id(cid) for cid in modality.competence_ids)
        out.append(
            f"- {links.md(modality, f'{modality.code} {modality.intitule}')} — "
            f"{md(modality.nature_label)}, épreuve {md(modality.format_label)} ; évalue {covered} ; "
            + links.md_page(grid_page(modality.id), "grille d'évaluation")
        )
    if not bloc.modalites:
        out.append("Aucune modalité d'évaluation propre à ce bloc.")
    out.append("")
    rule = md(bloc.modalites_validation) if bloc.modalites_validation else "*non renseigné*"
    out += [f"**Validation du bloc** : {rule}", ""]
    out += [
        "La décision du jury sur le bloc se prend sur son "
        + links.md_page(record_page(bloc.id), "procès-verbal à imprimer")
        + ".",
        "",
    ]

    out += [
        "Les critères de ce bloc en tableur : "
        + links.md_page(download_file(bloc_csv_name(bloc.id)), bloc_csv_name(bloc.id))
        + " (CSV) ; le référentiel entier et ses autres formats : "
        + links.md_page(DOWNLOADS, "téléchargements")
        + ".",
        "",
    ]
    if sections:
        out += [sections, ""]
    out += ["## Tableau du référentiel", ""]
    out += [four_column_table(bloc, links), ""]
    official = bloc.texte_officiel
    if official and (official.liste_competences or official.modalites_evaluation):
        provenance = referentiel.certification.provenance
        out += ["## Texte de la fiche officielle", ""]
        out += [
            "Les listes du bloc telles que la fiche RNCP les publie, avant leur découpage en "
            "compétences et modalités ci-dessus.",
            "",
        ]
        for title, text in (
            ("Liste de compétences", official.liste_competences),
            ("Modalités d'évaluation", official.modalites_evaluation),
        ):
            if text:
                out += [f"### {title}", "", md(text), ""]
        if provenance:
            out += [f"*{md(provenance.credit)}*", ""]
    return "\n".join(out)
