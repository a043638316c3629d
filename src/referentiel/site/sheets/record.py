"""A bloc's record (« procès-verbal ») : its modalities, how it is validated, the one decision."""

from __future__ import annotations

from ...jury import Sheet
from ..text import h
from ..urls import Links
from .common import BLANK, box, candidate_table, page_style, session_label, signatures, who


def running_header(sheet: Sheet, links: Links) -> str:
    bloc = sheet.bloc
    assert bloc is not None
    title = links.referentiel.certification.titre
    return f"{title} — Procès-verbal du {bloc.titre} — {who(sheet)} — {session_label(sheet)}"


def render_record(sheet: Sheet, links: Links, number: int, heading: int, page_numbers: bool) -> str:
    bloc = sheet.bloc
    assert bloc is not None
    referentiel = links.referentiel
    certification = referentiel.certification
    anchor = f"pv-{h(bloc.id)}"
    rows = []
    for modality in bloc.modalites:
        competences = ", ".join(links.html(referentiel.competence(c)) for c in modality.competence_ids)
        rows.append(
            f'<tr><th scope="row">{links.html(modality, f"{modality.code} {modality.intitule}")}</th>'
            f"<td>{competences}</td><td>{box('acquises')} {box('non acquises')}</td></tr>"
        )
    rule = h(bloc.modalites_validation) if bloc.modalites_validation else "<em>non renseigné</em>"
    code = bloc.code_rncp or "code non renseigné"
    return "\n".join(
        [
            page_style(number, running_header(sheet, links), page_numbers),
            f'<section class="grille grille-pv" id="{anchor}" style="page: feuille-{number}" '
            f'aria-labelledby="{anchor}-titre">',
            f'<h{heading} class="grille-titre" id="{anchor}-titre">'
            f"Procès-verbal du {h(bloc.titre)}</h{heading}>",
            f"<p>{h(certification.intitule)} — N° RNCP : {h(certification.numero_rncp or 'non renseigné')} — "
            f"{h(certification.niveau_label)} — bloc {h(code)}. {h(session_label(sheet))}.</p>",
            candidate_table(sheet.candidates, 1, "Candidat"),
            '<table class="grille-pv-modalites">'
            "<caption>Résultats des modalités d'évaluation du bloc</caption>"
            '<thead><tr><th scope="col">Modalité</th><th scope="col">Compétences évaluées</th>'
            f'<th scope="col">Résultat</th></tr></thead><tbody>{"".join(rows)}</tbody></table>',
            f"<p><strong>Modalités de validation du bloc</strong> : {rule}</p>",
            '<div class="grille-signatures">',
            f"<p><strong>Décision du jury pour le bloc</strong> : {box('validé')} {box('non validé')}</p>",
            "<p><strong>Motifs</strong> (obligatoires si le bloc n'est pas validé) :</p>",
            f'<div class="motifs">{BLANK}</div>',
            signatures("Jury"),
            "</div>",
            "</section>",
        ]
    )
